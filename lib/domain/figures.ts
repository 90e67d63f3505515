/**
 * How a figure may be shown once disclosure control has looked at it. Charts,
 * tables and CSV files receive only these shapes, never raw counts of small
 * groups: what is not shown cannot leak from a component that forgets a check.
 */

/** A count: its value, or why it is not shown. */
export type ShownCount =
  /** Safe to show; 0 is shown as 0. */
  | { kind: "count"; value: number }
  /** Between 1 and the threshold minus 1: shown as "minder dan {threshold}". */
  | { kind: "small"; threshold: number }
  /** Hidden so that a small count elsewhere cannot be recomputed from totals. */
  | { kind: "hidden" };

/** A statistic over a group of cases (a median, a percentile, a share): its value, or too few cases. */
export type ShownStatistic =
  | { kind: "value"; value: number; cases: number }
  | { kind: "tooFew"; threshold: number };

/** The value of a count, or null when it is not shown. */
export function countValue(count: ShownCount): number | null {
  return count.kind === "count" ? count.value : null;
}
