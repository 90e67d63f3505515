import {
  leadTimeMeasures,
  type ComparisonLevel,
  type KeyCount,
  type KeyQuarterCount,
  type LeadTimeMeasure,
  type RawFigureSet,
  type RawStatistic,
} from "./figure-set";

/**
 * A year's anonymous case facts summed per gemeente: the one read the
 * statistics job makes for the whole country. Every scope's figures (a
 * gemeente, a region, the country) are sums of these rows, and its medians and
 * percentiles come from the summed histograms, so no scope needs a query of
 * its own and all scopes agree with each other.
 */
export const histogramMeasures = [...leadTimeMeasures, "daysOutOfSchoolAtFiling", "daysOutOfSchoolAtHelpStart"] as const;
export type HistogramMeasure = (typeof histogramMeasures)[number];
export const shareMeasures = ["withinNorms", "decisionsOnTime"] as const;
export type ShareMeasure = (typeof shareMeasures)[number];

export type YearAggregates = {
  filed: (KeyQuarterCount & { gemeenteId: string })[];
  closed: (KeyQuarterCount & { gemeenteId: string })[];
  thuiszitters: (KeyQuarterCount & { gemeenteId: string })[];
  /** Open now; null for a year that is over */
  openByStep: (KeyCount & { gemeenteId: string })[] | null;
  outcomes: (KeyCount & { gemeenteId: string })[];
  causes: (KeyQuarterCount & { gemeenteId: string })[];
  organisationKinds: (KeyQuarterCount & { gemeenteId: string })[];
  transferred: (KeyCount & { gemeenteId: string })[];
  /** Cases closed in the year with this many (working or calendar) days, per measure */
  histograms: { gemeenteId: string; measure: HistogramMeasure; value: number; count: number }[];
  shares: { gemeenteId: string; measure: ShareMeasure; yes: number; cases: number }[];
};

/**
 * The nearest-rank percentile of a histogram (value → number of cases): the
 * smallest value with at least `fraction` of the cases at or below it, the
 * same definition as PostgreSQL's percentile_disc.
 */
export function histogramPercentile(histogram: ReadonlyMap<number, number>, fraction: number): number | null {
  const total = [...histogram.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * total));
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value)!;
    if (seen >= rank) return value;
  }
  return null;
}

type Selection = (gemeenteId: string) => boolean;

function histogramOf(agg: YearAggregates, measure: HistogramMeasure, selected: Selection): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of agg.histograms) {
    if (h.measure === measure && selected(h.gemeenteId)) out.set(h.value, (out.get(h.value) ?? 0) + h.count);
  }
  return out;
}

function statisticOf(histogram: Map<number, number>, fraction: number): RawStatistic {
  return { value: histogramPercentile(histogram, fraction), cases: [...histogram.values()].reduce((s, n) => s + n, 0) };
}

function shareOf(agg: YearAggregates, measure: ShareMeasure, selected: Selection): RawStatistic {
  let yes = 0;
  let cases = 0;
  for (const s of agg.shares) {
    if (s.measure === measure && selected(s.gemeenteId)) {
      yes += s.yes;
      cases += s.cases;
    }
  }
  return { value: cases > 0 ? yes / cases : null, cases };
}

function sumByKey<T extends { gemeenteId: string; key: string; count: number }>(
  rows: readonly T[],
  selected: Selection,
  keyOf: (row: T) => string,
  extra: (row: T) => string | null,
): { key: string; quarter: string; count: number }[] {
  const sums = new Map<string, { key: string; quarter: string; count: number }>();
  for (const row of rows) {
    if (!selected(row.gemeenteId)) continue;
    const key = keyOf(row);
    const quarter = extra(row) ?? "";
    const id = `${key}\u0000${quarter}`;
    const sum = sums.get(id) ?? { key, quarter, count: 0 };
    sum.count += row.count;
    sums.set(id, sum);
  }
  return [...sums.values()];
}

export type ScopeSelection = {
  /** The gemeenten whose facts make the scope */
  scope: Selection;
  /** Those of the region it is compared with (for a region: itself); null for the country */
  region: Selection | null;
  /** The row a gemeente's counts go to in the scope's side-by-side tables (itself, or its region) */
  unitOf: (gemeenteId: string) => string;
};

/** The raw figures of one scope, summed from the per-gemeente aggregates. */
export function rawFigureSet(agg: YearAggregates, selection: ScopeSelection): RawFigureSet {
  const { scope, unitOf } = selection;
  const levels: Record<ComparisonLevel, Selection> = {
    scope,
    region: selection.region ?? (() => false),
    country: () => true,
  };
  const perLevel = <T>(make: (selected: Selection) => T): Record<ComparisonLevel, T> => ({
    scope: make(levels.scope),
    region: make(levels.region),
    country: make(levels.country),
  });
  const byUnit = (rows: YearAggregates["filed"]) => sumByKey(rows, scope, (r) => unitOf(r.gemeenteId), (r) => r.quarter);
  const byKey = (rows: YearAggregates["causes"]) => sumByKey(rows, scope, (r) => r.key, (r) => r.quarter);
  const plain = (rows: readonly (KeyCount & { gemeenteId: string })[]): KeyCount[] =>
    sumByKey(rows, scope, (r) => r.key, () => null).map(({ key, count }) => ({ key, count }));

  return {
    filed: byUnit(agg.filed),
    closed: byUnit(agg.closed),
    thuiszitters: byKey(agg.thuiszitters),
    openByStep: agg.openByStep ? plain(agg.openByStep) : null,
    outcomes: plain(agg.outcomes),
    causes: byKey(agg.causes),
    organisationKinds: byKey(agg.organisationKinds),
    transferred: plain(agg.transferred).reduce((s, r) => s + r.count, 0),
    leadTimes: Object.fromEntries(
      leadTimeMeasures.map((measure: LeadTimeMeasure) => [
        measure,
        perLevel((selected) => {
          const histogram = histogramOf(agg, measure, selected);
          return { median: statisticOf(histogram, 0.5), p90: statisticOf(histogram, 0.9) };
        }),
      ]),
    ) as RawFigureSet["leadTimes"],
    withinNorms: perLevel((selected) => shareOf(agg, "withinNorms", selected)),
    decisionsOnTime: perLevel((selected) => shareOf(agg, "decisionsOnTime", selected)),
    daysOutOfSchool: {
      atFiling: perLevel((selected) => statisticOf(histogramOf(agg, "daysOutOfSchoolAtFiling", selected), 0.5)),
      atHelpStart: perLevel((selected) => statisticOf(histogramOf(agg, "daysOutOfSchoolAtHelpStart", selected), 0.5)),
    },
  };
}
