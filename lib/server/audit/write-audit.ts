import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { randomUUID } from "node:crypto";
import { AUDIT_HASH_VERSION, auditHash, chainFor, redactChanges, type AuditAction, type Changes, type HashedAuditFields } from "@/lib/domain/audit";
import type { Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  action: AuditAction;
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
 * event exists exactly when the change it records does. The chain's head row
 * is locked first: events of one chain are written one at a time, each with
 * the hash of its true predecessor, and the head moves with them.
 */
export async function writeAudit(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  const caseId = input.case?.id ?? null;
  const chain = chainFor(caseId);
  await tx.$executeRaw`INSERT INTO "AuditChainHead" ("chain", "seq", "hash") VALUES (${chain}, 0, '') ON CONFLICT ("chain") DO NOTHING`;
  const [head] = await tx.$queryRaw<{ seq: number; hash: string }[]>`SELECT "seq", "hash" FROM "AuditChainHead" WHERE "chain" = ${chain} FOR UPDATE`;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head && head.seq > 0 ? head.hash : null;
  const fields: HashedAuditFields = {
    id: randomUUID(),
    chain,
    seq,
    occurredAt: new Date().toISOString(),
    action: input.action,
    outcome: input.outcome ?? "SUCCESS",
    actorId: actor?.userId ?? null,
    actorName: actor?.name ?? null,
    actorRole: input.role,
    actorOrganisation: actor?.organisation ?? null,
    onBehalfOf: input.onBehalfOf ?? null,
    gemeenteId: input.case?.gemeenteId ?? input.gemeenteId ?? null,
    caseId,
    caseNumber: input.case?.number ?? null,
    changes: input.changes ? redactChanges(input.changes) : null,
    ip: actor?.request.ip ?? null,
    userAgent: actor?.request.userAgent ?? null,
    requestId: actor?.request.requestId ?? null,
    prevHash,
    hashVersion: AUDIT_HASH_VERSION,
  };
  const hash = auditHash(fields);
  await tx.auditEvent.create({
    data: {
      ...fields,
      occurredAt: new Date(fields.occurredAt),
      actorRole: input.role,
      outcome: fields.outcome as "SUCCESS" | "DENIED" | "FAILURE",
      changes: (fields.changes ?? undefined) as Prisma.InputJsonValue | undefined,
      hash,
    },
  });
  await tx.$executeRaw`UPDATE "AuditChainHead" SET "seq" = ${seq}, "hash" = ${hash} WHERE "chain" = ${chain}`;
}
