import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { auditHash, chainFor, redactChanges, type Changes } from "@/lib/domain/audit";
import type { Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  action: string;
  outcome?: "SUCCESS" | "DENIED" | "FAILURE";
  /** The role under which the actor acted */
  role: Role | null;
  onBehalfOf?: string | null;
  case?: { id: string; number: string; gemeenteId: string } | null;
  gemeenteId?: string | null;
  changes?: Changes | null;
};

/**
 * Appends one event to the audit trail inside the caller's transaction, so the
 * event exists exactly when the change it records does. Events of one chain are
 * serialised with a transaction-scoped advisory lock, so that each stores the
 * hash of its true predecessor.
 */
export async function writeAudit(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  const caseId = input.case?.id ?? null;
  const chain = chainFor(caseId);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${chain}, 0))`;
  const previous = await tx.auditEvent.findFirst({
    where: { chain },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const seq = (previous?.seq ?? 0) + 1;
  const occurredAt = new Date();
  const changes = input.changes ? redactChanges(input.changes) : null;
  const gemeenteId = input.case?.gemeenteId ?? input.gemeenteId ?? null;
  const outcome = input.outcome ?? "SUCCESS";
  const prevHash = previous?.hash ?? null;
  const hash = auditHash({
    chain,
    seq,
    occurredAt: occurredAt.toISOString(),
    action: input.action,
    outcome,
    actorId: actor?.userId ?? null,
    actorRole: input.role,
    gemeenteId,
    caseId,
    changes,
    prevHash,
  });
  await tx.auditEvent.create({
    data: {
      chain,
      seq,
      occurredAt,
      action: input.action,
      outcome,
      actorId: actor?.userId ?? null,
      actorName: actor?.name ?? null,
      actorRole: input.role,
      actorOrganisation: actor?.organisation ?? null,
      onBehalfOf: input.onBehalfOf ?? null,
      gemeenteId,
      caseId,
      caseNumber: input.case?.number ?? null,
      changes: (changes ?? undefined) as Prisma.InputJsonValue | undefined,
      ip: actor?.request.ip ?? null,
      userAgent: actor?.request.userAgent ?? null,
      requestId: actor?.request.requestId ?? null,
      prevHash,
      hash,
    },
  });
}
