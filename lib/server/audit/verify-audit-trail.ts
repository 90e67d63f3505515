import "server-only";
import pLimit from "p-limit";
import type { Actor } from "@/lib/auth/actor";
import { chainFor } from "@/lib/domain/audit";
import type { ChainBreakKind } from "@/lib/domain/audit-chain";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { actingRole } from "@/lib/server/cases/transition";
import { verifyAuditChains } from "./verify-chains";
import { writeAudit } from "./write-audit";

export type TrailVerification = {
  caseNumber: string;
  /** Events checked: the whole chain as it was before this check */
  checked: number;
  /** The first break, or null when the chain is whole */
  broken: { seq: number; kind: ChainBreakKind } | null;
  /** When the check ran (ISO 8601) */
  verifiedAt: string;
};

/**
 * Recomputing a long chain keeps the server's one thread and a database connection busy
 * for a while. At most two checks run at once (one reads while the other computes); more
 * asked for at the same moment wait their turn in memory, without a connection, so that
 * they cannot use up the pool that every page needs.
 */
const fewChecksAtOnce = pLimit(2);

/**
 * The ombudsman recomputes the audit chain of one case: every hash, the
 * numbering, the links and the head. The check is recorded in the same
 * chain, with its outcome, right after it.
 *
 * The head and the events are read in one snapshot (REPEATABLE READ), so an
 * event committed while the check reads is simply not in it and cannot be
 * mistaken for one added after the head. Nothing is locked while the hashes are
 * recomputed: writers of the case, and other checks, do not wait (decision 018).
 */
export function verifyAuditTrail(actor: Actor, number: string): Promise<TrailVerification> {
  return fewChecksAtOnce(() => verify(actor, number));
}

async function verify(actor: Actor, number: string): Promise<TrailVerification> {
  const { found, heldRoles, report } = await asActor(
    actor,
    async (tx) => {
      const { case: found, heldRoles } = await findScopedCase(tx, actor, "audit.read", { number });
      // Smaller batches than the command line's: the portal's server keeps a small heap (package.json).
      const report = await verifyAuditChains({ chain: chainFor(found.id), db: tx, batchSize: 1000 });
      return { found, heldRoles, report };
    },
    // A long trail takes a while to recompute; the default of 5 s is meant for ordinary changes.
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 },
  );
  const first = report.broken[0];
  const broken = first ? { seq: first.seq, kind: first.kind } : null;
  await asActor(actor, (tx) =>
    writeAudit(tx, actor, {
      action: "audit.verify",
      role: actingRole(heldRoles, "audit.read"),
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: {
        checkedEvents: { old: null, new: report.events },
        chainStatus: { old: null, new: broken ? broken.kind : "whole" },
        ...(broken ? { brokenAt: { old: null, new: broken.seq } } : {}),
      },
    }),
  );
  return { caseNumber: found.number, checked: report.events, broken, verifiedAt: new Date().toISOString() };
}
