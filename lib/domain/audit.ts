import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { caseActionNames } from "./case-machine";

/**
 * Every action the audit trail records. Writers may only use these, and each
 * has a label for the ombudsman in both languages (a test checks it).
 */
export const auditActions = [
  // Changes to a case outside the state machine's actions, and by the system
  "case.file",
  "case.addDocument",
  "case.invite",
  "case.acceptInvitation",
  "case.revokeInvitation",
  /** An organisation with a task in a decision was sent its own link (decision 037) */
  "case.sendAssignmentLink",
  /** The gemeente's leerplicht contact was told of a thuiszitter's case, with the family's consent (decision 038) */
  "case.notifyLeerplicht",
  /** Staff stopped an organisation's link from working */
  "case.revokeAssignmentLink",
  /** An organisation, through its link: the task arrived, it is done, or there is a problem */
  "case.organisationReport",
  "case.overdue",
  "case.escalate",
  "case.assignmentOverdue",
  /** The case went to the region's expert team or the national fallback because its gemeente is not live, or on to whoever can act now */
  "case.route",
  ...caseActionNames,
  // Reads
  "case.read",
  "case.search",
  "case.readDocument",
  "case.decisionLetter",
  /** Staff downloaded one party's copy of the decision, to send it to that party */
  "case.partyLetter",
  /** An organisation opened the page of its task, or downloaded its copy of the letter, through its link */
  "case.openAssignmentLink",
  "audit.read",
  "audit.verify",
  "audit.export",
  // Outside cases
  "gemeente.updateContact",
  "gemeente.updateNorms",
  "user.register",
  /** A staff member set up the authenticator app and got new recovery codes (decision 017) */
  "user.enrolTwoFactor",
  /** Signed in with a recovery code instead of the app */
  "user.useRecoveryCode",
  /** An operator removed someone's app and recovery codes, so that they set it up again */
  "user.resetTwoFactor",
  /** Someone ended all of their own sessions, on every device */
  "user.signOutEverywhere",
  /** The retention job removed a closed case's content (decision 014) */
  "case.purge",
  /** A gemeente admin changed the retention period or whether families see staff names */
  "gemeente.updatePolicy",
  /** A platform admin set where cases go when neither the gemeente nor its region works with the portal */
  "platform.updateFallback",
  /** A platform admin changed the threshold below which the figures show no count */
  "platform.updateStatisticsThreshold",
  /** A platform admin or an operator applied the yearly CBS list of gemeenten and jeugdregio's (decision 019) */
  "reference.update",
  /** An open case moved to the gemeente its own gemeente merged into */
  "case.gemeenteMerged",
  /** An open case followed its gemeente to another jeugdregio */
  "case.regionChanged",
  // Staff and onboarding (decision 020)
  "staff.invite",
  "staff.resendInvitation",
  "staff.revokeInvitation",
  "staff.acceptInvitation",
  "staff.changeRole",
  "staff.remove",
  /** A case's assignee left or changed role: back to the queue, or to a colleague the admin picked */
  "case.handOver",
  "gemeente.activate",
  "expertTeam.activate",
  /** The statistics job found a structural signal in a region's quarter (decision 030) */
  "signal.detect",
  /** The region's coordinator or a gemeente admin recorded what was done with a structural signal */
  "signal.mark",
  /** A gemeente admin changed the gemeente's directory of organisations (decision 034) */
  "organisation.add",
  "organisation.update",
  "organisation.archive",
  /** A gemeente admin chose which directory entry is told of thuiszitters' cases (decision 038) */
  "gemeente.setLeerplichtContact",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Fields whose values never enter the audit trail in clear text. */
const sensitiveFields = new Set([
  "childName",
  "childBirthDate",
  "bsn",
  "passwordHash",
  "email",
  "phone",
  // Free text people typed: a search may hold a child's name, a reason anything.
  "query",
  "correctionReason",
  "internalNote",
  "blockedNote",
  "breakthroughNote",
  "signalNote",
]);

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

/**
 * The fields of an audit event that its hash covers (version 2: every stored
 * field but the hash itself). Dates are ISO 8601 strings in UTC.
 */
export type HashedAuditFields = {
  id: string;
  chain: string;
  seq: number;
  occurredAt: string;
  action: string;
  outcome: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorOrganisation: string | null;
  onBehalfOf: string | null;
  gemeenteId: string | null;
  caseId: string | null;
  caseNumber: string | null;
  changes: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string | null;
  hashVersion: number;
};

export const AUDIT_HASH_VERSION = 2;

/** Version 1 covered these only; events written before version 2 keep their hash. */
const version1Fields = ["chain", "seq", "occurredAt", "action", "outcome", "actorId", "actorRole", "gemeenteId", "caseId", "changes", "prevHash"] as const;

/** JSON with object keys sorted at every level, so that the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * The canonical form of an event that its hash is taken over: canonical JSON
 * of the fields its version covers. A standalone verifier can rebuild it from
 * an export (see docs/audit-trail.md).
 */
export function canonicalAuditForm(fields: HashedAuditFields): string {
  if (fields.hashVersion === 1) return canonicalJson(Object.fromEntries(version1Fields.map((k) => [k, fields[k]])));
  return canonicalJson(fields);
}

export function auditHash(fields: HashedAuditFields): string {
  return createHash("sha256").update(canonicalAuditForm(fields)).digest("hex");
}

/**
 * The portal's mark on an event: an HMAC-SHA256 of its hash with AUDIT_MAC_KEY, a key
 * the database never sees (decision 024). The hash covers every field and the link to
 * the event before, so the mac does too; without the key, nobody who only reaches the
 * database can make an event the verifier accepts.
 */
export function auditMac(hash: string, key: Uint8Array): string {
  return createHmac("sha256", key).update(hash).digest("hex");
}

/** Whether a stored mac is the one the key gives for this hash; compared in constant time. */
export function macMatches(hash: string, mac: string | null | undefined, key: Uint8Array): boolean {
  if (!mac) return false;
  const expected = Buffer.from(auditMac(hash, key), "hex");
  const given = Buffer.from(mac, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The chain an event is written to: its case's; outside cases, the acting person's own
 * chain, so that people do not wait for each other's events (decision 018); without
 * either, the global chain.
 */
export function chainFor(caseId: string | null, actorId: string | null = null): string {
  if (caseId) return `case:${caseId}`;
  return actorId ? `actor:${actorId}` : "global";
}

/** The person whose events outside cases a chain holds; null for a case's chain and the global one. */
export function actorOfChain(chain: string): string | null {
  return chain.startsWith("actor:") ? chain.slice("actor:".length) : null;
}

/**
 * Whether an event is in a chain it belongs to. A case's events must be in its chain.
 * Events outside cases written before each person had a chain are in the global chain.
 */
export function inItsChain(event: { chain: string; caseId: string | null; actorId: string | null }): boolean {
  return event.chain === chainFor(event.caseId, event.actorId) || (event.caseId === null && event.chain === "global");
}

/** An audit event as stored: the hashed fields (with a Date), the hash and the portal's mac (null before macs). */
export type StoredAuditEvent = Omit<HashedAuditFields, "occurredAt"> & { occurredAt: Date; hash: string; mac: string | null };

/** The hashed fields of a stored event, as its hash was computed when it was written. */
export function hashedFieldsOf(event: StoredAuditEvent): HashedAuditFields {
  return {
    id: event.id,
    chain: event.chain,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    action: event.action,
    outcome: event.outcome,
    actorId: event.actorId,
    actorName: event.actorName,
    actorRole: event.actorRole,
    actorOrganisation: event.actorOrganisation,
    onBehalfOf: event.onBehalfOf,
    gemeenteId: event.gemeenteId,
    caseId: event.caseId,
    caseNumber: event.caseNumber,
    changes: event.changes ?? null,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    prevHash: event.prevHash,
    hashVersion: event.hashVersion,
  };
}
