import "server-only";
import { chainFor, type StoredAuditEvent } from "@/lib/domain/audit";
import { chainVerifier, type ChainBreak, type ChainHead, type ChainTrust } from "@/lib/domain/audit-chain";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { auditMacKey } from "./keys";

export type VerifyReport = {
  /** Chains checked: every chain that has a head or events */
  chains: number;
  /** Events checked */
  events: number;
  /** The first break of every broken chain, in order of chain */
  broken: ChainBreak[];
};

/** A transaction in a scope that reaches the trail (asSystem, or an ombudsman's), or the owner's client. */
type Db = Tx | PrismaClient;

const eventColumns = {
  id: true, chain: true, seq: true, occurredAt: true, action: true, outcome: true, actorId: true, actorName: true,
  actorRole: true, actorOrganisation: true, onBehalfOf: true, gemeenteId: true, caseId: true, caseNumber: true,
  changes: true, ip: true, userAgent: true, requestId: true, prevHash: true, hashVersion: true, hash: true, mac: true,
} as const;

async function heads(db: Db, chain?: string): Promise<Map<string, ChainHead>> {
  const rows = await db.auditChainHead.findMany({ where: chain ? { chain } : {}, select: { chain: true, seq: true, hash: true } });
  return new Map(rows.map((h) => [h.chain, { seq: h.seq, hash: h.hash }]));
}

async function legacyHeads(db: Db, chain?: string): Promise<Map<string, number>> {
  const rows = await db.auditLegacyHead.findMany({ where: chain ? { chain } : {}, select: { chain: true, seq: true } });
  return new Map(rows.map((h) => [h.chain, h.seq]));
}

/**
 * Recomputes every audit chain (or one) from the database and reports the
 * first broken link of each. Reads the events in batches in order of
 * (chain, seq), so memory stays flat however long the trail is. `signed` holds
 * the heads of the newest valid checkpoint (decision 024), which only the owner
 * can read; the portal's own check goes without it.
 */
export async function verifyAuditChains(
  { chain, batchSize = 5000, db, signed = new Map() }: { chain?: string; batchSize?: number; db: Db; signed?: ReadonlyMap<string, ChainHead> },
): Promise<VerifyReport> {
  const macKey = auditMacKey();
  const recordedHeads = await heads(db, chain);
  const legacy = await legacyHeads(db, chain);
  const trustOf = (c: string): ChainTrust => ({ macKey, legacySeq: legacy.get(c) ?? 0, signed: signed.get(c) ?? null });
  const report: VerifyReport = { chains: 0, events: 0, broken: [] };
  const seen = new Set<string>();
  type Current = { chain: string; verifier: ReturnType<typeof chainVerifier> };
  // Assigned in the loop and read in finishCurrent; the cast keeps TypeScript from narrowing it to null.
  let current = null as Current | null;
  const finishCurrent = () => {
    if (!current) return;
    const broken = current.verifier.finish();
    if (broken) report.broken.push(broken);
    report.events += current.verifier.count;
    report.chains += 1;
  };

  let after: { chain: string; seq: number } | null = null;
  for (;;) {
    const batch: StoredAuditEvent[] = await db.auditEvent.findMany({
      where: {
        ...(chain ? { chain } : {}),
        ...(after ? { OR: [{ chain: { gt: after.chain } }, { chain: after.chain, seq: { gt: after.seq } }] } : {}),
      },
      orderBy: [{ chain: "asc" }, { seq: "asc" }],
      take: batchSize,
      select: eventColumns,
    });
    for (const event of batch) {
      if (current?.chain !== event.chain) {
        finishCurrent();
        seen.add(event.chain);
        current = { chain: event.chain, verifier: chainVerifier(event.chain, recordedHeads.get(event.chain) ?? null, trustOf(event.chain)) };
      }
      current.verifier.push(event);
    }
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) break;
    after = { chain: last.chain, seq: last.seq };
  }
  finishCurrent();

  // A head whose chain has no events left: every event of it was removed.
  for (const [headChain, head] of recordedHeads) {
    if (seen.has(headChain) || head.seq === 0) continue;
    seen.add(headChain);
    const verifier = chainVerifier(headChain, head, trustOf(headChain));
    report.broken.push({ ...verifier.finish()!, caseNumber: await caseNumberOfChain(db, headChain) });
    report.chains += 1;
  }
  // A chain a checkpoint signed that has neither events nor a head now: all of it was removed.
  for (const [signedChain, head] of signed) {
    if (seen.has(signedChain) || recordedHeads.has(signedChain) || (chain && signedChain !== chain) || head.seq === 0) continue;
    report.broken.push({ chain: signedChain, seq: 0, kind: "checkpoint", caseNumber: await caseNumberOfChain(db, signedChain) });
    report.chains += 1;
  }
  report.broken.sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
  return report;
}

/** The number of the case a chain belongs to, from the case itself (its events may be gone). */
async function caseNumberOfChain(db: Db, chain: string): Promise<string | null> {
  if (!chain.startsWith("case:")) return null;
  const found = await db.case.findUnique({ where: { id: chain.slice("case:".length) }, select: { number: true } });
  return found?.number ?? null;
}

/** Verifies the chain of one case. */
export async function verifyCaseChain(caseId: string, db: Db): Promise<ChainBreak | null> {
  const report = await verifyAuditChains({ chain: chainFor(caseId), db });
  return report.broken[0] ?? null;
}
