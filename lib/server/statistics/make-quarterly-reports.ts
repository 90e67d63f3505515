import "server-only";
import { asSystem } from "@/lib/db/acting";
import type { Tx } from "@/lib/db/client";
import type { FigureSet } from "@/lib/domain/figure-set";
import { quarterDays, type QuarterKey } from "@/lib/domain/lead-times";
import { buildQuarterlyReport, lastCompletedQuarter } from "@/lib/domain/quarterly-report";
import type { Locale } from "@/lib/i18n/locales";
import { displayName } from "@/lib/domain/gemeente-name";
import { scopeKeys } from "./publish-figures";
import { renderQuarterlyReportCsv } from "./render-report-csv";
import { renderQuarterlyReportPdf } from "./render-report-pdf";
import { readReportSignals } from "./report-signals";
import { reportTranslator } from "./report-translator";

/**
 * Makes the quarterly reports that are still missing (decision 031): for a
 * quarter, one per active gemeente and one per jeugdregio whose published
 * figures count any case up to that quarter, each from the figure set of the
 * quarter's year as it is published now. A report that exists is never made
 * again. A run makes at most `limit` of them and leaves the rest for the
 * next run, so that it never keeps the web process busy for minutes.
 */

/**
 * The reports of one run of the statistics job. One report takes 0.15–0.25 s to
 * build and render on a busy 2-core machine (about 0.5 s for the first of a
 * process), so a run adds at most about 3 s; a country's 342 gemeenten and 42
 * regions are done within 32 runs, under three hours at one run per 5 minutes.
 */
export const REPORT_BATCH = 12;

/** The reports are the gemeenteraad's and the regional board's: Dutch. */
const REPORT_LOCALE: Locale = "nl";

export type ReportRunResult = { quarter: QuarterKey; made: number; failed: number; left: number; seconds: number };

type Candidate = { scopeKey: string; level: "gemeente" | "region"; name: string; regionId: string | null; regionName: string | null };

const byName = (a: Candidate, b: Candidate) => a.name.localeCompare(b.name, "nl");

/** Whether a table of the set counts anything in the quarters up to and including `upTo`. */
function countsAnything(set: FigureSet, upTo: number): boolean {
  const rows = [set.filed.totals, set.closed.totals];
  return rows.some((row) => row.cells.slice(0, upTo + 1).some((c) => c.kind !== "count" || c.value > 0));
}

/** Every scope that should have a report of the quarter and has none yet, regions first, each by name. */
async function missingReports(tx: Tx, quarter: QuarterKey): Promise<Candidate[]> {
  const year = Number(quarter.slice(0, 4));
  const { first } = quarterDays(quarter);
  const [published, made, regions, gemeenten] = await Promise.all([
    tx.figureSet.findMany({ where: { year, scopeKey: { not: scopeKeys.country } }, select: { scopeKey: true } }),
    tx.quarterlyReport.findMany({ where: { quarter }, select: { scopeKey: true } }),
    tx.region.findMany({ select: { id: true, name: true } }),
    tx.gemeente.findMany({
      where: {
        // Working with the portal now, and not ended before the quarter began.
        activatedAt: { not: null },
        OR: [{ endedOn: null }, { endedOn: { gte: new Date(`${first}T00:00:00Z`) } }],
      },
      select: { id: true, name: true, commonName: true, regionId: true, region: { select: { name: true } } },
    }),
  ]);
  const hasSet = new Set(published.map((s) => s.scopeKey));
  const done = new Set(made.map((r) => r.scopeKey));
  const regionCandidates: Candidate[] = [];
  for (const region of regions) {
    const scopeKey = scopeKeys.region(region.id);
    if (!hasSet.has(scopeKey) || done.has(scopeKey)) continue;
    const row = await tx.figureSet.findUnique({ where: { scopeKey_year: { scopeKey, year } }, select: { figures: true } });
    const set = row?.figures as unknown as FigureSet | undefined;
    const upTo = set?.quarters.indexOf(quarter) ?? -1;
    if (set && upTo >= 0 && countsAnything(set, upTo)) {
      regionCandidates.push({ scopeKey, level: "region", name: region.name, regionId: region.id, regionName: region.name });
    }
  }
  const gemeenteCandidates = gemeenten
    .map((g): Candidate => ({ scopeKey: scopeKeys.gemeente(g.id), level: "gemeente", name: displayName(g), regionId: g.regionId, regionName: g.region?.name ?? null }))
    .filter((c) => hasSet.has(c.scopeKey) && !done.has(c.scopeKey));
  return [...regionCandidates.sort(byName), ...gemeenteCandidates.sort(byName)];
}

/** Makes one report and stores it; false when its set has no figures of the quarter. */
async function makeReport(candidate: Candidate, quarter: QuarterKey, madeAt: Date): Promise<boolean> {
  const year = Number(quarter.slice(0, 4));
  const { set, signals } = await asSystem(async (tx) => {
    const row = await tx.figureSet.findUnique({ where: { scopeKey_year: { scopeKey: candidate.scopeKey, year } }, select: { figures: true } });
    return {
      set: row ? (row.figures as unknown as FigureSet) : null,
      signals: candidate.regionId ? await readReportSignals(tx, candidate.regionId, quarter) : [],
    };
  });
  if (!set || !set.quarters.includes(quarter)) return false;
  const t = reportTranslator(REPORT_LOCALE);
  const report = buildQuarterlyReport({
    set,
    quarter,
    scopeName: candidate.name,
    regionName: candidate.level === "gemeente" ? candidate.regionName : null,
    signals,
    madeAt,
    locale: REPORT_LOCALE,
    t,
  });
  const pdf = await renderQuarterlyReportPdf(report, madeAt);
  const csv = renderQuarterlyReportCsv(report, t);
  await asSystem((tx) =>
    // Two runs that raced for the same report: the first one's stays, as it was made.
    tx.quarterlyReport.createMany({
      data: [
        {
          scopeKey: candidate.scopeKey,
          quarter,
          pdf: Buffer.from(pdf),
          csv,
          pdfSize: pdf.byteLength,
          csvSize: Buffer.byteLength(csv, "utf8"),
          threshold: set.threshold,
          figuresAt: new Date(set.computedAt),
          madeAt,
        },
      ],
      skipDuplicates: true,
    }),
  );
  return true;
}

/**
 * Makes up to `limit` missing reports of `quarter` (by default the last one
 * that has ended) and says how many are left for a later run.
 */
export async function makeQuarterlyReports({
  now = new Date(),
  quarter = lastCompletedQuarter(now),
  limit = REPORT_BATCH,
}: { now?: Date; quarter?: QuarterKey; limit?: number } = {}): Promise<ReportRunResult> {
  const started = performance.now();
  const missing = await asSystem((tx) => missingReports(tx, quarter), { timeout: 60_000, maxWait: 10_000 });
  let made = 0;
  let failed = 0;
  for (const candidate of missing.slice(0, limit)) {
    try {
      if (await makeReport(candidate, quarter, now)) made += 1;
    } catch (error) {
      // One report that cannot be made must not stop the others; it is tried again on the next run.
      failed += 1;
      console.error(`[reports] ${candidate.scopeKey} ${quarter}`, error);
    }
  }
  return { quarter, made, failed, left: missing.length - made, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
