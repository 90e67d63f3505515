import "server-only";
import type { Actor, RequestMeta } from "@/lib/auth/actor";
import { randomUUID } from "node:crypto";
import { AUDIT_HASH_VERSION, auditHash, auditMac, chainFor, redactChanges, type AuditAction, type Changes, type HashedAuditFields } from "@/lib/domain/audit";
import type { Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import { auditMacKey } from "./keys";

export type AuditInput = {
  action: AuditAction;
  outcome?: "SUCCESS" | "DENIED" | "FAILURE";
  /** The role under which the actor acted */
  role: Role | null;
  onBehalfOf?: string | null;
  case?: { id: string; number: string; gemeenteId: string } | null;
  gemeenteId?: string | null;
  changes?: Changes | null;
  /**
   * Who acted without an account: an organisation through the link to its own
   * assignment (decision 037). Used when `actor` is null.
   */
  linkHolder?: { organisation: string; request: RequestMeta } | null;
};

/**
 * Appends one event to the audit trail inside the caller's transaction, so the
 * event exists exactly when the change it records does. The chain's head row
 * is locked first: events of one chain are written one at a time, each with
 * the hash of its true predecessor, and the head moves with them.
 *
 * Two statements (decision 018): the first makes or locks the head and reads it
 * (an upsert that changes nothing locks the row as FOR UPDATE would); the second
 * inserts the event and moves the head, so the lock is held as briefly as can be.
 */
export async function writeAudit(tx: Tx, actor: Actor | null, input: AuditInput): Promise<void> {
  const caseId = input.case?.id ?? null;
  const chain = chainFor(caseId, actor?.userId ?? null);
  const [head] = await tx.$queryRaw<{ seq: number; hash: string }[]>`
    INSERT INTO "AuditChainHead" ("chain", "seq", "hash") VALUES (${chain}, 0, '')
    ON CONFLICT ("chain") DO UPDATE SET "seq" = "AuditChainHead"."seq"
    RETURNING "seq", "hash"`;
  const seq = Number(head?.seq ?? 0) + 1;
  const prevHash = head && Number(head.seq) > 0 ? head.hash : null;
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
    actorOrganisation: actor ? actor.organisation : (input.linkHolder?.organisation ?? null),
    onBehalfOf: input.onBehalfOf ?? null,
    gemeenteId: input.case?.gemeenteId ?? input.gemeenteId ?? null,
    caseId,
    caseNumber: input.case?.number ?? null,
    changes: input.changes ? redactChanges(input.changes) : null,
    ip: (actor ?? input.linkHolder)?.request.ip ?? null,
    userAgent: (actor ?? input.linkHolder)?.request.userAgent ?? null,
    requestId: (actor ?? input.linkHolder)?.request.requestId ?? null,
    prevHash,
    hashVersion: AUDIT_HASH_VERSION,
  };
  const hash = auditHash(fields);
  const mac = auditMac(hash, auditMacKey());
  const changes = fields.changes === null ? null : JSON.stringify(fields.changes);
  // occurredAt is stored as UTC in a timestamp(3) column, as Prisma stores it: the zone of the ISO text is dropped.
  await tx.$executeRaw`
    WITH appended AS (
      INSERT INTO "AuditEvent" ("id", "chain", "seq", "occurredAt", "action", "outcome", "actorId", "actorName", "actorRole",
        "actorOrganisation", "onBehalfOf", "gemeenteId", "caseId", "caseNumber", "changes", "ip", "userAgent", "requestId",
        "prevHash", "hash", "hashVersion", "mac")
      VALUES (${fields.id}, ${chain}, ${seq}, ${fields.occurredAt}::timestamp(3), ${fields.action}, ${fields.outcome}::"AuditOutcome",
        ${fields.actorId}, ${fields.actorName}, ${fields.actorRole}::"Role", ${fields.actorOrganisation}, ${fields.onBehalfOf},
        ${fields.gemeenteId}, ${caseId}, ${fields.caseNumber}, ${changes}::jsonb, ${fields.ip}, ${fields.userAgent},
        ${fields.requestId}, ${prevHash}, ${hash}, ${AUDIT_HASH_VERSION}, ${mac})
      RETURNING 1
    )
    UPDATE "AuditChainHead" SET "seq" = ${seq}, "hash" = ${hash} WHERE "chain" = ${chain}`;
}
