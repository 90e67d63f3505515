import { causeKeys, organisationKindKeys } from "./causes";
import { DEFAULT_THRESHOLD } from "./disclosure";
import { isQuarterKey, quarterDays, quartersBetween, type QuarterKey } from "./lead-times";
import type { IsoDay } from "./deadlines";
import { may } from "./permissions";
import type { Membership } from "./roles";

/**
 * Structural signals (decision 030): when the same cause, or the same kind of
 * organisation, blocks at least a set number of cases in a region within one
 * quarter, that is no longer one family's bad luck but a pattern the region's
 * parties must take up together. A case counts in the quarter its impasse was
 * recorded: the quarter it was referred to the expert team, or, when it was
 * never referred, the quarter it closed with its causes.
 */

export const signalDimensions = ["CAUSE", "ORGANISATION_KIND"] as const;
export type SignalDimension = (typeof signalDimensions)[number];

/** What the coordinator or a gemeente admin records; OPEN is where every signal starts. */
export const signalStatuses = ["OPEN", "RAISED_REGIONAL", "PASSED_NATIONAL"] as const;
export type SignalStatus = (typeof signalStatuses)[number];
export const signalMarks = ["RAISED_REGIONAL", "PASSED_NATIONAL"] as const satisfies readonly SignalStatus[];
export type SignalMark = (typeof signalMarks)[number];

export const DEFAULT_SIGNAL_THRESHOLD = 5;
export const MIN_SIGNAL_THRESHOLD = 3;
export const MAX_SIGNAL_THRESHOLD = 100;

export function isValidSignalThreshold(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_SIGNAL_THRESHOLD && (value as number) <= MAX_SIGNAL_THRESHOLD;
}

/**
 * The number of cases from which a signal is raised: the platform admin's
 * setting, but never below the figures' own threshold, so that a signal never
 * shows a count that the figures would hide (decision 027).
 */
export function effectiveSignalThreshold(setting: number | null, figureThreshold: number = DEFAULT_THRESHOLD): number {
  const chosen = isValidSignalThreshold(setting) ? setting : DEFAULT_SIGNAL_THRESHOLD;
  return Math.max(chosen, figureThreshold);
}

/** How many quarters back the job keeps counting: causes may be refined after a case closes. */
export const WATCHED_QUARTERS = 4;

/** The quarters whose counts the job looks at on `today`: this one and the three before it, oldest first. */
export function watchedQuarters(today: IsoDay): QuarterKey[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const start = new Date(Date.UTC(year, month - 1 - (WATCHED_QUARTERS - 1) * 3, 1)).toISOString().slice(0, 10);
  return quartersBetween(start, today);
}

/** The first day of the oldest watched quarter: the lower bound of the job's count. */
export function firstWatchedDay(today: IsoDay): IsoDay {
  return quarterDays(watchedQuarters(today)[0]!).first;
}

export type SignalCount = { regionId: string; quarter: string; dimension: SignalDimension; key: string; cases: number };

const knownKeys: Record<SignalDimension, ReadonlySet<string>> = {
  CAUSE: new Set<string>(causeKeys),
  ORGANISATION_KIND: new Set<string>(organisationKindKeys),
};

/**
 * The counts that are signals: at or above the threshold, of a quarter and a
 * key the portal knows. "Other" is no pattern anyone can act on, so it never
 * signals. Sorted by region, quarter, then the most cases first.
 */
export function signalsOf(counts: readonly SignalCount[], threshold: number): SignalCount[] {
  return counts
    .filter((c) => c.cases >= threshold && isQuarterKey(c.quarter) && knownKeys[c.dimension].has(c.key) && c.key !== "OTHER")
    .sort((a, b) => a.regionId.localeCompare(b.regionId) || a.quarter.localeCompare(b.quarter) || b.cases - a.cases || a.key.localeCompare(b.key));
}

export type StoredSignal = { regionId: string; quarter: string; dimension: SignalDimension; key: string; cases: number };

/**
 * What the job does with a new count of a signal it stored before: a signal is
 * never withdrawn (someone may have acted on it already), and its count only
 * changes while it stays at or above the threshold, so no count below it is ever shown.
 */
export function nextSignalCount(stored: number, counted: number, threshold: number): number {
  return counted >= threshold ? counted : stored;
}

/** Whether a mark may follow the current status: a signal passed on to the national table stays there. */
export function mayMark(current: SignalStatus, mark: SignalMark): boolean {
  if (current === "PASSED_NATIONAL") return mark === "PASSED_NATIONAL";
  return true;
}

/** The key that names a signal: unique per region, quarter, dimension and key. */
export function signalKey(s: Pick<StoredSignal, "regionId" | "quarter" | "dimension" | "key">): string {
  return `${s.regionId}|${s.quarter}|${s.dimension}|${s.key}`;
}

/**
 * Whether the memberships make someone a manager of a region's signals: its
 * coordinator, or the admin of one of its gemeenten (`gemeentenOfRegion`).
 */
export function managesSignalsOf(memberships: readonly Membership[], regionId: string, gemeentenOfRegion: ReadonlySet<string>): boolean {
  return memberships.some(
    (m) =>
      may([m.role], "signal.manage") &&
      ((m.role === "REGION_COORDINATOR" && m.regionId === regionId) || (m.role === "GEMEENTE_ADMIN" && m.gemeenteId !== null && gemeentenOfRegion.has(m.gemeenteId))),
  );
}
