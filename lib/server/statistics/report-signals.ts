import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ReportSignal } from "@/lib/domain/quarterly-report";

const dimensionOf = { CAUSE: "cause", ORGANISATION_KIND: "organisationKind" } as const;
const statusOf = { OPEN: "NEW", RAISED_REGIONAL: "RAISED_REGIONAL", PASSED_NATIONAL: "PASSED_NATIONAL" } as const;

/**
 * The structural signals of a jeugdregio (decision 030) in the quarters of a
 * year up to and including `quarter` ("2026-K3"), the same period as the
 * report's figures, each with what was done about it as it stands now.
 */
export async function readReportSignals(tx: Tx, regionId: string, quarter: string): Promise<ReportSignal[]> {
  const rows = await tx.structuralSignal.findMany({
    where: { regionId, quarter: { gte: `${quarter.slice(0, 4)}-K1`, lte: quarter } },
    orderBy: [{ quarter: "desc" }, { cases: "desc" }, { key: "asc" }],
    select: { dimension: true, key: true, quarter: true, cases: true, status: true, note: true, actedOn: true },
  });
  return rows.map((r) => ({
    dimension: dimensionOf[r.dimension],
    key: r.key,
    quarter: r.quarter,
    cases: r.cases,
    status: statusOf[r.status],
    note: r.note,
    actedOn: r.actedOn ? r.actedOn.toISOString().slice(0, 10) : null,
  }));
}
