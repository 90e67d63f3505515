import type { CaseStatus } from "./case-machine";
import { shownStatistic, suppressLinear, type LinearTable, type ShownLinearTable } from "./disclosure";
import type { ShownCount, ShownStatistic } from "./figures";
import type { QuarterKey } from "./lead-times";

/**
 * The figures of one scope (a gemeente, a jeugdregio, the country) for one
 * calendar year, as they are published: every count has passed disclosure
 * control, every statistic the minimum number of cases. Built by the
 * statistics job from the database's aggregates and stored whole, so a
 * monitoring page reads one row and never sees a count that was not checked.
 *
 * Periods are fixed calendar quarters within a calendar year, never a range a
 * reader chooses: two overlapping ranges would give away by their difference
 * what each hides (decision 029).
 */

export const figureLevels = ["gemeente", "region", "country"] as const;
export type FigureLevel = (typeof figureLevels)[number];

/** The levels a scope is compared with: itself, its region, the country. */
export const comparisonLevels = ["scope", "region", "country"] as const;
export type ComparisonLevel = (typeof comparisonLevels)[number];

export const leadTimeMeasures = [
  "workingDaysToFirstContact",
  "workingDaysToReferral",
  "workingDaysToDecision",
  "workingDaysToHelpStart",
] as const;
export type LeadTimeMeasure = (typeof leadTimeMeasures)[number];

/** A row of counts per quarter with its total for the year. */
export type CountRow = { key: string; cells: ShownCount[]; total: ShownCount };
/** Rows (gemeenten, regions, causes…) × the year's quarters, with the totals per quarter and for the year. */
export type CountTable = { rows: CountRow[]; totals: Omit<CountRow, "key"> };
export type CountList = { items: { key: string; count: ShownCount }[]; total: ShownCount };

export type Comparison = Record<ComparisonLevel, ShownStatistic>;

export type FigureSet = {
  level: FigureLevel;
  /** The gemeente's or the region's id; null for the country */
  unitId: string | null;
  year: number;
  quarters: QuarterKey[];
  threshold: number;
  /** When the job computed the set (ISO) */
  computedAt: string;
  /** Names of the rows of `filed` and `closed` (gemeenten of a region, regions of the country), by id */
  unitNames: Record<string, string>;
  /** Cases filed per quarter, one row per unit of the scope (the gemeente itself, the region's gemeenten, the regions) */
  filed: CountTable;
  closed: CountTable;
  /** Thuiszitters among the cases filed, per quarter */
  thuiszitters: CountTable;
  /** Open cases per step when the set was computed; only in the current year's set */
  openByStep: CountList | null;
  /** Outcomes of the cases closed in the year */
  outcomes: CountList;
  /** Causes (and organisation kinds) mentioned in the cases closed, per quarter of closing */
  causes: CountTable;
  organisationKinds: CountTable;
  /** Cases closed in the year that moved between gemeenten */
  transferred: CountList;
  leadTimes: Record<LeadTimeMeasure, { median: Comparison; p90: Comparison }>;
  withinNorms: Comparison;
  decisionsOnTime: Comparison;
  daysOutOfSchool: { atFiling: Comparison; atHelpStart: Comparison };
};

/** A count of one row key in one quarter. */
export type KeyQuarterCount = { key: string; quarter: string; count: number };
export type KeyCount = { key: string; count: number };
export type RawStatistic = { value: number | null; cases: number };

/** What the database's aggregates give for one scope and year, before disclosure control. */
export type RawFigureSet = {
  /** Units per quarter: keys are unit ids */
  filed: KeyQuarterCount[];
  closed: KeyQuarterCount[];
  thuiszitters: KeyQuarterCount[];
  openByStep: KeyCount[] | null;
  outcomes: KeyCount[];
  causes: KeyQuarterCount[];
  organisationKinds: KeyQuarterCount[];
  transferred: number;
  leadTimes: Record<LeadTimeMeasure, Record<ComparisonLevel, { median: RawStatistic; p90: RawStatistic }>>;
  withinNorms: Record<ComparisonLevel, RawStatistic>;
  decisionsOnTime: Record<ComparisonLevel, RawStatistic>;
  daysOutOfSchool: { atFiling: Record<ComparisonLevel, RawStatistic>; atHelpStart: Record<ComparisonLevel, RawStatistic> };
};

/**
 * Where the figures of the level above hide something this table publishes
 * too: the totals per quarter and for the year of this table are a row of the
 * level above (a region's totals are its row in the country's table), so they
 * are hidden here wherever they are hidden there.
 */
export type HiddenAbove = { cells: boolean[]; total: boolean };

/** The row of a table hidden where it is not a count: what a table below must hide too. */
export function hiddenOf(row: Omit<CountRow, "key">): HiddenAbove {
  return { cells: row.cells.map((c) => c.kind !== "count"), total: row.total.kind !== "count" };
}

/**
 * Rows × quarters with a total per row, per quarter and for the year, under
 * disclosure control. `keys` fixes the rows and their order (rows without any
 * count are zeros, which are shown).
 */
export function countTable(
  keys: readonly string[],
  quarters: readonly QuarterKey[],
  counts: readonly KeyQuarterCount[],
  threshold: number,
  above?: HiddenAbove,
): CountTable {
  const q = quarters.length;
  const cells = new Array<number>(keys.length * q).fill(0);
  const rowOf = new Map(keys.map((k, i) => [k, i]));
  const quarterOf = new Map(quarters.map((k, i) => [k as string, i]));
  for (const c of counts) {
    const r = rowOf.get(c.key);
    const col = quarterOf.get(c.quarter);
    if (r === undefined || col === undefined) continue;
    cells[r * q + col]! += c.count;
  }
  const rowSums = keys.map((_, r) => Array.from({ length: q }, (_, col) => r * q + col));
  const columnSums = quarters.map((_, col) => keys.map((_, r) => r * q + col));
  const all = cells.map((_, i) => i);
  // With a single row, its total is the year's total: one sum, not two equal ones.
  const sums = keys.length === 1 ? [...columnSums, all] : [...rowSums, ...columnSums, all];
  const table: LinearTable = { cells, sums };
  const firstColumnSum = keys.length === 1 ? 0 : keys.length;
  const alsoHideSums = above
    ? [
        ...above.cells.flatMap((hidden, col) => (hidden ? [firstColumnSum + col] : [])),
        ...(above.total ? [sums.length - 1] : []),
      ]
    : [];
  // One row: its cells are the totals per quarter, which the level above may hide.
  const alsoHideCells = above && keys.length === 1 ? above.cells.flatMap((hidden, col) => (hidden ? [col] : [])) : [];
  // What the level above publishes of these totals is published here too wherever possible.
  const publishFirstSums = above
    ? [
        ...above.cells.flatMap((hidden, col) => (hidden ? [] : [firstColumnSum + col])),
        ...(above.total ? [] : [sums.length - 1]),
      ]
    : [];
  const shown: ShownLinearTable = suppressLinear(table, threshold, {
    alsoHide: { cells: alsoHideCells, sums: alsoHideSums },
    publishFirst: { sums: publishFirstSums },
  });
  const totals = {
    cells: columnSums.map((_, col) => shown.sums[firstColumnSum + col]!),
    total: shown.sums[sums.length - 1]!,
  };
  return {
    rows: keys.map((key, r) => ({
      key,
      cells: shown.cells.slice(r * q, r * q + q),
      total: keys.length === 1 ? totals.total : shown.sums[r]!,
    })),
    totals,
  };
}

/** A list of counts with its total under disclosure control, in the order of `keys`. */
export function countList(keys: readonly string[], counts: readonly KeyCount[], threshold: number, hideTotal = false): CountList {
  const values = keys.map((k) => counts.filter((c) => c.key === k).reduce((s, c) => s + c.count, 0));
  const shown = suppressLinear({ cells: values, sums: [values.map((_, i) => i)] }, threshold, { alsoHide: { sums: hideTotal ? [0] : [] } });
  return { items: keys.map((key, i) => ({ key, count: shown.cells[i]! })), total: shown.sums[0]! };
}

function comparison(raw: Record<ComparisonLevel, RawStatistic>, threshold: number): Comparison {
  return {
    scope: shownStatistic(raw.scope.value, raw.scope.cases, threshold),
    region: shownStatistic(raw.region.value, raw.region.cases, threshold),
    country: shownStatistic(raw.country.value, raw.country.cases, threshold),
  };
}

export type FigureSetInput = {
  level: FigureLevel;
  unitId: string | null;
  year: number;
  quarters: QuarterKey[];
  threshold: number;
  computedAt: Date;
  /** The units of `filed` and `closed`, in the order shown, with their names */
  units: { id: string; name: string }[];
  /** The row keys of the cause, organisation and outcome tables, in the order shown */
  causeKeys: readonly string[];
  organisationKindKeys: readonly string[];
  outcomeKeys: readonly string[];
  stepKeys: readonly CaseStatus[];
  /** What the level above hides of this scope's filed and closed totals */
  above?: { filed: HiddenAbove; closed: HiddenAbove };
  raw: RawFigureSet;
};

/** Applies disclosure control to every figure of a scope's year. */
export function buildFigureSet(input: FigureSetInput): FigureSet {
  const { quarters, threshold, raw } = input;
  const unitKeys = input.units.map((u) => u.id);
  const closed = countTable(unitKeys, quarters, raw.closed, threshold, input.above?.closed);
  return {
    level: input.level,
    unitId: input.unitId,
    year: input.year,
    quarters,
    threshold,
    computedAt: input.computedAt.toISOString(),
    unitNames: Object.fromEntries(input.units.map((u) => [u.id, u.name])),
    filed: countTable(unitKeys, quarters, raw.filed, threshold, input.above?.filed),
    closed,
    thuiszitters: countTable(["THUISZITTER"], quarters, raw.thuiszitters, threshold),
    openByStep: raw.openByStep ? countList(input.stepKeys, raw.openByStep, threshold) : null,
    // The outcomes add up to the cases closed: their total is hidden where that one is.
    outcomes: countList(input.outcomeKeys, raw.outcomes, threshold, closed.totals.total.kind !== "count"),
    causes: countTable(input.causeKeys, quarters, raw.causes, threshold),
    organisationKinds: countTable(input.organisationKindKeys, quarters, raw.organisationKinds, threshold),
    transferred: countList(["TRANSFERRED"], [{ key: "TRANSFERRED", count: raw.transferred }], threshold),
    leadTimes: Object.fromEntries(
      Object.entries(raw.leadTimes).map(([measure, levels]) => [
        measure,
        {
          median: comparison({ scope: levels.scope.median, region: levels.region.median, country: levels.country.median }, threshold),
          p90: comparison({ scope: levels.scope.p90, region: levels.region.p90, country: levels.country.p90 }, threshold),
        },
      ]),
    ) as FigureSet["leadTimes"],
    withinNorms: comparison(raw.withinNorms, threshold),
    decisionsOnTime: comparison(raw.decisionsOnTime, threshold),
    daysOutOfSchool: {
      atFiling: comparison(raw.daysOutOfSchool.atFiling, threshold),
      atHelpStart: comparison(raw.daysOutOfSchool.atHelpStart, threshold),
    },
  };
}
