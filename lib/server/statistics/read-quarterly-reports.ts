import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { mayReadFigures, type FigureScopeRef } from "@/lib/domain/figure-scopes";
import type { QuarterKey } from "@/lib/domain/lead-times";
import { may } from "@/lib/domain/permissions";
import { displayName } from "@/lib/domain/gemeente-name";
import { NotFoundError } from "@/lib/server/errors";
import { downloadSlug } from "@/lib/server/figures-csv";
import { scopeKeys } from "./publish-figures";
import { asStatisticsReader } from "./read-scope";

/**
 * A person's quarterly reports (decision 031), under the same rule as the
 * monitoring page they are listed on: the permission to read figures and the
 * scope of the page. Any other scope is answered as not found.
 */

export type QuarterlyReportEntry = { quarter: QuarterKey; madeAt: Date; pdfSize: number; csvSize: number };
export type ReportForm = "pdf" | "csv";
export type ReportFile = { content: Uint8Array; contentType: string; fileName: string };

/** The key of a gemeente's or region's reports; the country has none. */
function reportKeyOf(actor: Actor, ref: FigureScopeRef): string | null {
  if (!may(actorRoles(actor), "statistics.read") || !mayReadFigures(actor.memberships, ref)) throw new NotFoundError();
  if (ref.level === "country") return null;
  return ref.level === "region" ? scopeKeys.region(ref.regionId) : scopeKeys.gemeente(ref.gemeenteId);
}

/** The scope's reports, newest first, without their contents. */
export async function listQuarterlyReports(actor: Actor, ref: FigureScopeRef): Promise<QuarterlyReportEntry[]> {
  const key = reportKeyOf(actor, ref);
  if (!key) return [];
  const rows = await asStatisticsReader((tx) =>
    tx.quarterlyReport.findMany({ where: { scopeKey: key }, select: { quarter: true, madeAt: true, pdfSize: true, csvSize: true }, orderBy: { quarter: "desc" } }),
  );
  return rows.map((r) => ({ ...r, quarter: r.quarter as QuarterKey }));
}

async function scopeName(ref: FigureScopeRef): Promise<string> {
  if (ref.level === "region") return (await prisma.region.findUnique({ where: { id: ref.regionId }, select: { name: true } }))?.name ?? "";
  if (ref.level === "gemeente") {
    const gemeente = await prisma.gemeente.findUnique({ where: { id: ref.gemeenteId }, select: { name: true, commonName: true } });
    return gemeente ? displayName(gemeente) : "";
  }
  return "";
}

/** One report as a file, as it was made; null when the scope has no report of that quarter. */
export async function readQuarterlyReport(actor: Actor, ref: FigureScopeRef, quarter: QuarterKey, form: ReportForm): Promise<ReportFile | null> {
  const key = reportKeyOf(actor, ref);
  if (!key) return null;
  const row = await asStatisticsReader((tx) =>
    tx.quarterlyReport.findUnique({ where: { scopeKey_quarter: { scopeKey: key, quarter } }, select: { pdf: form === "pdf", csv: form === "csv" } }),
  );
  if (!row) return null;
  const fileName = `${downloadSlug("kwartaalrapportage", await scopeName(ref), quarter)}.${form}`;
  return form === "pdf"
    ? { content: new Uint8Array(row.pdf), contentType: "application/pdf", fileName }
    : { content: new TextEncoder().encode(row.csv), contentType: "text/csv; charset=utf-8", fileName };
}
