import { comparisonLevels, leadTimeMeasures, type ComparisonLevel, type CountTable, type FigureSet, type LeadTimeMeasure } from "./figure-set";
import type { ShownCount, ShownStatistic } from "./figures";
import type { QuarterKey } from "./lead-times";

/**
 * The tables of a published set, each as the columns and rows of a CSV file:
 * the same figures as the charts, nothing more. Labels come from the caller,
 * in the reader's language.
 */
export const figureTableKeys = [
  "cases",
  "filed",
  "closed",
  "open",
  "leadTimes",
  "shares",
  "thuiszitters",
  "daysOutOfSchool",
  "causes",
  "organisations",
  "outcomes",
] as const;
export type FigureTableKey = (typeof figureTableKeys)[number];

export function isFigureTableKey(value: unknown): value is FigureTableKey {
  return typeof value === "string" && (figureTableKeys as readonly string[]).includes(value);
}

export type FigureTableLabels = {
  quarter: (q: QuarterKey) => string;
  total: string;
  scope: string;
  level: (level: ComparisonLevel) => string;
  unit: (key: string) => string;
  unitHeader: string;
  step: (key: string) => string;
  cause: (key: string) => string;
  organisation: (key: string) => string;
  outcome: (key: string) => string;
  measure: (key: LeadTimeMeasure | "withinNorms" | "decisionsOnTime" | "atFiling" | "atHelpStart") => string;
  header: (key: "quarter" | "filed" | "closed" | "step" | "cases" | "measure" | "median" | "p90" | "share" | "thuiszitters" | "moment" | "cause" | "organisation" | "outcome") => string;
};

export type FigureTableRows = {
  columns: (string | { header: string; percent?: boolean })[];
  rows: (string | ShownCount | ShownStatistic)[][];
};

/** The levels a set compares: a gemeente with its region and the country, a region with the country, the country alone. */
export function comparedLevels(set: Pick<FigureSet, "level">): ComparisonLevel[] {
  if (set.level === "gemeente") return [...comparisonLevels];
  return set.level === "region" ? ["scope", "country"] : ["scope"];
}

function byQuarter(table: CountTable, set: FigureSet, labels: FigureTableLabels, rowLabel: (key: string) => string, header: string): FigureTableRows {
  return {
    columns: [header, ...set.quarters.map(labels.quarter), labels.total],
    rows: table.rows.map((row) => [rowLabel(row.key), ...row.cells, row.total]),
  };
}

export function figureTable(set: FigureSet, key: FigureTableKey, labels: FigureTableLabels, publicView: boolean): FigureTableRows | null {
  const levels = comparedLevels(set);
  switch (key) {
    case "cases":
      return {
        columns: [labels.header("quarter"), labels.header("filed"), labels.header("closed")],
        rows: set.quarters.map((q, i) => [labels.quarter(q), set.filed.totals.cells[i]!, set.closed.totals.cells[i]!]),
      };
    case "filed":
    case "closed": {
      if (publicView && set.level !== "country") return null;
      const table = set[key];
      const out = byQuarter(table, set, labels, labels.unit, labels.unitHeader);
      out.rows.push([labels.scope, ...table.totals.cells, table.totals.total]);
      return out;
    }
    case "open":
      return set.openByStep
        ? {
            columns: [labels.header("step"), labels.header("cases")],
            rows: [...set.openByStep.items.map((i) => [labels.step(i.key), i.count]), [labels.total, set.openByStep.total]],
          }
        : null;
    case "leadTimes":
      return {
        columns: [labels.header("measure"), ...levels.flatMap((l) => [`${labels.header("median")} ${labels.level(l)}`, `${labels.header("p90")} ${labels.level(l)}`])],
        rows: leadTimeMeasures.map((m) => [labels.measure(m), ...levels.flatMap((l) => [set.leadTimes[m].median[l], set.leadTimes[m].p90[l]])]),
      };
    case "shares":
      return {
        columns: [labels.header("share"), ...levels.map((l) => ({ header: labels.level(l), percent: true }))],
        rows: [
          [labels.measure("withinNorms"), ...levels.map((l) => set.withinNorms[l])],
          [labels.measure("decisionsOnTime"), ...levels.map((l) => set.decisionsOnTime[l])],
        ],
      };
    case "thuiszitters":
      return {
        columns: [labels.header("quarter"), labels.header("thuiszitters")],
        rows: set.quarters.map((q, i) => [labels.quarter(q), set.thuiszitters.totals.cells[i]!]),
      };
    case "daysOutOfSchool":
      return {
        columns: [labels.header("moment"), ...levels.map((l) => labels.level(l))],
        rows: [
          [labels.measure("atFiling"), ...levels.map((l) => set.daysOutOfSchool.atFiling[l])],
          [labels.measure("atHelpStart"), ...levels.map((l) => set.daysOutOfSchool.atHelpStart[l])],
        ],
      };
    case "causes":
      return byQuarter(set.causes, set, labels, labels.cause, labels.header("cause"));
    case "organisations":
      return byQuarter(set.organisationKinds, set, labels, labels.organisation, labels.header("organisation"));
    case "outcomes":
      return {
        columns: [labels.header("outcome"), labels.header("cases")],
        rows: [...set.outcomes.items.map((i) => [labels.outcome(i.key), i.count]), [labels.total, set.outcomes.total]],
      };
  }
}
