import "server-only";
import type { KeyObject } from "node:crypto";
import { checkpointProblems, signCheckpoint, type CheckpointHead, type CheckpointProblem, type StoredCheckpoint } from "@/lib/domain/audit-checkpoint";
import type { ChainHead } from "@/lib/domain/audit-chain";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { verifyAuditChains, type VerifyReport } from "./verify-chains";

/** The owner's connection: the portal's role cannot reach checkpoints (decision 024). */
type OwnerDb = Tx | PrismaClient;

export type CheckpointReport = {
  count: number;
  /** The newest checkpoint, whose hash an operator compares with the one kept elsewhere */
  latest: { seq: number; hash: string; createdAt: string } | null;
  problems: CheckpointProblem[];
  /** Every chain's head as the newest checkpoint with a valid signature holds it */
  signed: Map<string, ChainHead>;
};

function stored(row: { seq: number; createdAt: Date; heads: unknown; prevHash: string | null; hash: string; signature: string }): StoredCheckpoint {
  return { seq: row.seq, createdAt: row.createdAt.toISOString(), heads: row.heads as CheckpointHead[], prevHash: row.prevHash, hash: row.hash, signature: row.signature };
}

/** Checks every checkpoint in order, holding two at a time. */
export async function verifyCheckpoints(db: OwnerDb, publicKey: KeyObject): Promise<CheckpointReport> {
  const report: CheckpointReport = { count: 0, latest: null, problems: [], signed: new Map() };
  let previous: StoredCheckpoint | null = null;
  for (;;) {
    const row = await db.auditCheckpoint.findFirst({ where: { seq: { gt: previous?.seq ?? 0 } }, orderBy: { seq: "asc" } });
    if (!row) break;
    const checkpoint = stored(row);
    const problems = checkpointProblems(checkpoint, previous, publicKey);
    report.problems.push(...problems);
    if (!problems.some((p) => p.kind === "signature")) {
      report.signed = new Map(checkpoint.heads.map((h) => [h.chain, { seq: h.seq, hash: h.hash }]));
    }
    report.count += 1;
    report.latest = { seq: checkpoint.seq, hash: checkpoint.hash, createdAt: checkpoint.createdAt };
    previous = checkpoint;
  }
  return report;
}

export type CheckpointOutcome =
  | { ok: true; checkpoint: { seq: number; hash: string; chains: number } }
  | { ok: false; checkpoints: CheckpointProblem[]; chains: VerifyReport["broken"] };

/**
 * Verifies the whole trail against the checkpoints so far and, only when all of it is
 * whole, signs every chain's head as a new checkpoint, in the same snapshot: what is
 * signed is what was checked. Run by the operator as the owner (`npm run audit:checkpoint`).
 */
export async function writeCheckpoint(db: PrismaClient, privateKey: KeyObject, publicKey: KeyObject, now = new Date()): Promise<CheckpointOutcome> {
  return db.$transaction(
    async (tx) => {
      const before = await verifyCheckpoints(tx, publicKey);
      const trail = await verifyAuditChains({ db: tx, signed: before.signed });
      if (before.problems.length > 0 || trail.broken.length > 0) return { ok: false, checkpoints: before.problems, chains: trail.broken };
      const heads = await tx.auditChainHead.findMany({ where: { seq: { gt: 0 } }, select: { chain: true, seq: true, hash: true } });
      const legacy = new Map((await tx.auditLegacyHead.findMany()).map((h) => [h.chain, h.seq]));
      const previous = before.latest ? { seq: before.latest.seq, hash: before.latest.hash } : null;
      const checkpoint = signCheckpoint(
        heads.map((h) => ({ ...h, legacySeq: legacy.get(h.chain) ?? 0 })),
        previous,
        now,
        privateKey,
      );
      await tx.auditCheckpoint.create({
        data: { seq: checkpoint.seq, createdAt: new Date(checkpoint.createdAt), heads: checkpoint.heads, prevHash: checkpoint.prevHash, hash: checkpoint.hash, signature: checkpoint.signature },
      });
      return { ok: true, checkpoint: { seq: checkpoint.seq, hash: checkpoint.hash, chains: heads.length } };
    },
    { isolationLevel: "RepeatableRead", timeout: 60 * 60_000, maxWait: 60_000 },
  );
}
