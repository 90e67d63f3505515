import { canonicalJson, hashedFieldsOf, type HashedAuditFields, type StoredAuditEvent } from "./audit";

/**
 * The exported audit trail of one case, in a form that can be checked outside
 * the portal (scripts/verify-audit-export.mjs, docs/audit-trail.md): every
 * field the hash covers, as it was hashed, with the hash, and the chain's head
 * at the time of the export.
 */

export const AUDIT_EXPORT_FORMAT = "doorbraak-audit-trail";
export const AUDIT_EXPORT_VERSION = 1;

export const auditExportFormats = ["csv", "json"] as const;
export type AuditExportFormat = (typeof auditExportFormats)[number];

export function isAuditExportFormat(value: unknown): value is AuditExportFormat {
  return typeof value === "string" && (auditExportFormats as readonly string[]).includes(value);
}

/** An event as exported: exactly the fields its hash was computed over, and the hash. */
export type ExportedAuditEvent = HashedAuditFields & { hash: string };

/** Every hashed field, in the order of HashedAuditFields, then the hash. */
export const exportedEventFields = [
  "id",
  "chain",
  "seq",
  "occurredAt",
  "action",
  "outcome",
  "actorId",
  "actorName",
  "actorRole",
  "actorOrganisation",
  "onBehalfOf",
  "gemeenteId",
  "caseId",
  "caseNumber",
  "changes",
  "ip",
  "userAgent",
  "requestId",
  "prevHash",
  "hashVersion",
  "hash",
] as const satisfies readonly (keyof ExportedAuditEvent)[];

export function exportedEvent(event: StoredAuditEvent): ExportedAuditEvent {
  return { ...hashedFieldsOf(event), hash: event.hash };
}

export type ChainHeadAtExport = { seq: number; hash: string };

export type AuditExportEnvelope = {
  format: typeof AUDIT_EXPORT_FORMAT;
  version: typeof AUDIT_EXPORT_VERSION;
  exportedAt: string;
  case: { number: string; id: string };
  chain: string;
  /** The chain's last event when the export was made: the export's own event */
  head: ChainHeadAtExport;
  hashing: { algorithm: "sha256"; canonicalForm: string };
};

export function exportEnvelope(input: { exportedAt: Date; case: { number: string; id: string }; chain: string; head: ChainHeadAtExport }): AuditExportEnvelope {
  return {
    format: AUDIT_EXPORT_FORMAT,
    version: AUDIT_EXPORT_VERSION,
    exportedAt: input.exportedAt.toISOString(),
    case: input.case,
    chain: input.chain,
    head: input.head,
    hashing: {
      algorithm: "sha256",
      canonicalForm: "JSON with keys sorted at every level, no spaces; version 1 covers chain, seq, occurredAt, action, outcome, actorId, actorRole, gemeenteId, caseId, changes and prevHash, version 2 every field but the hash",
    },
  };
}

/**
 * The JSON export in pieces, so that it can be written while the events are
 * read in batches: the envelope with an opening `events` array, one line per
 * event, and the close. Together they are one JSON document.
 */
export const jsonExport = {
  open(envelope: AuditExportEnvelope): string {
    const head = JSON.stringify(envelope, null, 2);
    return `${head.slice(0, head.lastIndexOf("}")).trimEnd()},\n  "events": [\n`;
  },
  event(event: ExportedAuditEvent, first: boolean): string {
    return `${first ? "" : ",\n"}    ${JSON.stringify(event)}`;
  },
  close(): string {
    return "\n  ]\n}\n";
  },
};

/** The CSV columns: every exported field, then the chain's head at export time (the same on every row). */
export const csvExportColumns = [...exportedEventFields, "headSeq", "headHash"] as const;

/**
 * One CSV row. `changes` is its canonical JSON text; null stays null, which
 * the CSV writer leaves as an empty, unquoted cell (an empty text is quoted).
 */
export function csvExportRow(event: ExportedAuditEvent, head: ChainHeadAtExport): Record<(typeof csvExportColumns)[number], string | number | null> {
  return {
    ...event,
    changes: event.changes === null || event.changes === undefined ? null : canonicalJson(event.changes),
    headSeq: head.seq,
    headHash: head.hash,
  };
}

/** A file name that says what is in it: the case and the moment of export (UTC). */
export function exportFileName(caseNumber: string, exportedAt: Date, format: AuditExportFormat): string {
  const stamp = exportedAt.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `audittrail-${caseNumber}-${stamp}.${format}`;
}
