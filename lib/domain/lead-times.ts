import type { Locale } from "../i18n/locales";
import { amsterdamDay, type IsoDay } from "./deadlines";
import { shownStatistic } from "./disclosure";
import type { ShownStatistic } from "./figures";

/**
 * Lead times in working days over a group of cases, and the quarters figures
 * are counted in. Percentiles use the nearest-rank definition: the P-th
 * percentile of N sorted durations is the one at rank ⌈P/100 × N⌉ (counting
 * from 1). It is always a duration that occurred, so a whole number of working
 * days, and the median is its 50th percentile: for an even number of cases the
 * lower of the two middle ones. Every statistic is over at least the threshold
 * of cases (decision 027); otherwise it is `tooFew`.
 */

function checkDurations(durations: readonly number[]): void {
  for (const d of durations) {
    if (!Number.isFinite(d) || d < 0) throw new RangeError(`a duration must be a number ≥ 0, got ${d}`);
  }
}

/** The nearest-rank P-th percentile (P a whole number 1..100) of the durations, or null when there are none. */
export function nearestRankPercentile(durations: readonly number[], percent: number): number | null {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`a percentile must be a whole number from 1 to 100, got ${percent}`);
  }
  checkDurations(durations);
  if (durations.length === 0) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  // Whole numbers divided once: exact when P × N is a multiple of 100 (0.9 × 10 would not be, in floating point).
  const rank = Math.ceil((percent * sorted.length) / 100);
  return sorted[rank - 1]!;
}

/** The median working days, by nearest rank. */
export function medianWorkingDays(durations: readonly number[], threshold: number): ShownStatistic {
  return shownStatistic(nearestRankPercentile(durations, 50), durations.length, threshold);
}

/** The working days within which 90 % of the cases were done, by nearest rank. */
export function ninetiethPercentileWorkingDays(durations: readonly number[], threshold: number): ShownStatistic {
  return shownStatistic(nearestRankPercentile(durations, 90), durations.length, threshold);
}

/** The share (0..1) of the cases that took at most `norm` working days. */
export function shareWithinNorm(durations: readonly number[], norm: number, threshold: number): ShownStatistic {
  checkDurations(durations);
  if (!Number.isFinite(norm) || norm < 0) throw new RangeError(`a norm must be a number ≥ 0, got ${norm}`);
  const within = durations.filter((d) => d <= norm).length;
  return shownStatistic(durations.length === 0 ? null : within / durations.length, durations.length, threshold);
}

// ---------------------------------------------------------------------------
// Quarters

/** A quarter as "2026-K3": K for kwartaal, the key used in URLs, CSV files and stored figures. */
export type QuarterKey = `${number}-K${1 | 2 | 3 | 4}`;

const quarterPattern = /^(\d{4})-K([1-4])$/;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isQuarterKey(value: unknown): value is QuarterKey {
  return typeof value === "string" && quarterPattern.test(value);
}

function parseQuarter(key: QuarterKey): { year: number; quarter: number } {
  const match = quarterPattern.exec(key);
  if (!match) throw new RangeError(`not a quarter: ${key}`);
  return { year: Number(match[1]), quarter: Number(match[2]) };
}

function keyOf(year: number, quarter: number): QuarterKey {
  return `${String(year).padStart(4, "0")}-K${quarter}` as QuarterKey;
}

/**
 * The quarter of a day. A Date is taken as the day it is in Amsterdam (a case
 * filed just after midnight on 1 July belongs to the third quarter); a string
 * "YYYY-MM-DD" is that calendar day.
 */
export function quarterOf(day: Date | IsoDay): QuarterKey {
  const iso = typeof day === "string" ? day : amsterdamDay(day);
  const match = dayPattern.exec(iso);
  const month = match ? Number(match[2]) : NaN;
  if (!match || month < 1 || month > 12) throw new RangeError(`not a day: ${iso}`);
  return keyOf(Number(match[1]), Math.ceil(month / 3));
}

/** The first day of the quarter and the first day of the next one: the half-open range to count in. */
export function quarterDays(key: QuarterKey): { first: IsoDay; next: IsoDay } {
  const { year, quarter } = parseQuarter(key);
  const month = (q: number) => String((q - 1) * 3 + 1).padStart(2, "0");
  const next = quarter === 4 ? `${String(year + 1).padStart(4, "0")}-01-01` : `${String(year).padStart(4, "0")}-${month(quarter + 1)}-01`;
  return { first: `${String(year).padStart(4, "0")}-${month(quarter)}-01`, next };
}

/**
 * A quarter for people: "3e kwartaal 2026" / "3rd quarter 2026", or in the
 * short form for chart axes "K3 2026" / "Q3 2026".
 */
export function quarterLabel(key: QuarterKey, locale: Locale, form: "long" | "short" = "long"): string {
  const { year, quarter } = parseQuarter(key);
  if (locale === "nl") return form === "long" ? `${quarter}e kwartaal ${year}` : `K${quarter} ${year}`;
  const ordinal = ["1st", "2nd", "3rd", "4th"][quarter - 1]!;
  return form === "long" ? `${ordinal} quarter ${year}` : `Q${quarter} ${year}`;
}

/** Every quarter from the one of `from` up to and including the one of `to`, in order; empty when `to` is earlier. */
export function quartersBetween(from: Date | IsoDay | QuarterKey, to: Date | IsoDay | QuarterKey): QuarterKey[] {
  const start = parseQuarter(isQuarterKey(from) ? from : quarterOf(from));
  const end = parseQuarter(isQuarterKey(to) ? to : quarterOf(to));
  const out: QuarterKey[] = [];
  for (let i = start.year * 4 + start.quarter - 1; i <= end.year * 4 + end.quarter - 1; i++) {
    out.push(keyOf(Math.floor(i / 4), (i % 4) + 1));
  }
  return out;
}
