import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Actor } from "@/lib/auth/actor";
import { chainFor } from "@/lib/domain/audit";
import {
  csvExportColumns,
  csvExportRow,
  exportedEvent,
  exportEnvelope,
  exportFileName,
  jsonExport,
  type AuditExportFormat,
  type ChainHeadAtExport,
} from "@/lib/domain/audit-export";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { actingRole } from "@/lib/server/cases/transition";
import { writeAudit } from "./write-audit";

export type AuditTrailExport = {
  fileName: string;
  contentType: string;
  head: ChainHeadAtExport;
  /** The file's text, produced while the events are read in batches */
  chunks: AsyncIterable<string>;
};

export const EXPORT_BATCH_SIZE = 1000;

/**
 * The ombudsman exports the whole audit trail of one case as CSV or JSON. The
 * export is recorded first, so the file holds its own export event and ends at
 * the head the chain had then. The events are read afterwards in batches, up to
 * that head: they can no longer change (the table is append-only), and memory
 * stays flat however long the trail is.
 */
export async function exportAuditTrail(
  actor: Actor,
  number: string,
  format: AuditExportFormat,
  { batchSize = EXPORT_BATCH_SIZE }: { batchSize?: number } = {},
): Promise<AuditTrailExport> {
  const recorded = await asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "audit.read", { number });
    await writeAudit(tx, actor, {
      action: "audit.export",
      role: actingRole(heldRoles, "audit.read"),
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: { format: { old: null, new: format } },
    });
    const chain = chainFor(found.id);
    const head = await tx.auditChainHead.findUniqueOrThrow({ where: { chain }, select: { seq: true, hash: true } });
    const own = await tx.auditEvent.findUniqueOrThrow({ where: { chain_seq: { chain, seq: head.seq } }, select: { occurredAt: true } });
    return { case: { number: found.number, id: found.id }, chain, head, exportedAt: own.occurredAt };
  });

  const batches = readBatches(actor, recorded.chain, recorded.head.seq, batchSize);
  return {
    fileName: exportFileName(recorded.case.number, recorded.exportedAt, format),
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    head: recorded.head,
    chunks: format === "csv" ? csvChunks(batches, recorded.head) : jsonChunks(batches, exportEnvelope(recorded)),
  };
}

async function* readBatches(actor: Actor, chain: string, lastSeq: number, batchSize: number): AsyncGenerator<AuditEvent[]> {
  let after = 0;
  while (after < lastSeq) {
    const batch = await asActor(actor, (tx) => tx.auditEvent.findMany({
      where: { chain, seq: { gt: after, lte: lastSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    }));
    if (batch.length === 0) return;
    yield batch;
    after = batch.at(-1)!.seq;
  }
}

async function* csvChunks(batches: AsyncIterable<AuditEvent[]>, head: ChainHeadAtExport): AsyncGenerator<string> {
  let first = true;
  for await (const batch of batches) {
    yield stringify(
      batch.map((e) => csvExportRow(exportedEvent(e), head)),
      {
        columns: [...csvExportColumns],
        header: first,
        // A BOM lets spreadsheet programs read the file as UTF-8.
        bom: first,
        // Every text is quoted, so an empty text ("") differs from a missing value (an empty cell).
        quoted_string: true,
        // A name like "=HYPERLINK(…)" must not run as a formula when the file is opened in a spreadsheet.
        escape_formulas: true,
      },
    );
    first = false;
  }
}

async function* jsonChunks(batches: AsyncIterable<AuditEvent[]>, envelope: ReturnType<typeof exportEnvelope>): AsyncGenerator<string> {
  yield jsonExport.open(envelope);
  let first = true;
  for await (const batch of batches) {
    yield batch.map((e, i) => jsonExport.event(exportedEvent(e), first && i === 0)).join("");
    first = false;
  }
  yield jsonExport.close();
}
