import { createHash } from "node:crypto";

/** Fields whose values never enter the audit trail in clear text. */
const sensitiveFields = new Set(["childName", "childBirthDate", "bsn", "passwordHash", "email", "phone"]);

export const REDACTED = "[afgeschermd]";

export type FieldChange = { old: unknown; new: unknown };
export type Changes = Record<string, FieldChange>;

export function redactChanges(changes: Changes): Changes {
  const out: Changes = {};
  for (const [field, change] of Object.entries(changes)) {
    out[field] = sensitiveFields.has(field)
      ? { old: change.old == null ? null : REDACTED, new: change.new == null ? null : REDACTED }
      : change;
  }
  return out;
}

/** The fields of an audit event that its hash covers. */
export type HashedAuditFields = {
  chain: string;
  seq: number;
  occurredAt: string;
  action: string;
  outcome: string;
  actorId: string | null;
  actorRole: string | null;
  gemeenteId: string | null;
  caseId: string | null;
  changes: unknown;
  prevHash: string | null;
};

/** JSON with object keys sorted at every level, so that the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function auditHash(fields: HashedAuditFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

export function chainFor(caseId: string | null): string {
  return caseId ? `case:${caseId}` : "global";
}
