import { isThuiszitter } from "./school-facts";
import type { CaseStatus } from "./case-machine";
import { amsterdamDay, normFor, workingDaysBetween, type IsoDay, type Norms } from "./deadlines";
import { currentDecisions, dueDay, statusChangingActions, statusHistory, stepDurations, type AssignmentStatus, type StatusEntry } from "./monitoring";

/**
 * The anonymous facts of one case, as kept for figures (decision 026): computed
 * again from the case's own data on every change, so that a figure never drifts
 * from what happened. Nothing here names, dates or describes the child: months
 * instead of days, an age band instead of a birth date, keys instead of words.
 */

export type CaseResult = "RESOLVED" | "NO_LONGER_NEEDED" | "NOT_ADMISSIBLE" | "WITHDRAWN";
export type CaseOutcome = "LOCAL_AGREEMENT" | "EXPERT_ADVICE" | "DECISION" | "MAATWERK" | "NOT_SOLVED";
export type Urgency = "NORMAL" | "HIGH" | "CRISIS";
export type Domain = "JEUGDHULP" | "ONDERWIJS" | "WMO" | "WLZ" | "ZVW_GGZ";
export type SchoolSituation = "ATTENDING" | "PARTLY" | "NONE" | "NOT_APPLICABLE";

export const ageBands = ["0-3", "4-11", "12-15", "16-17", "18+"] as const;
export type AgeBand = (typeof ageBands)[number];

/**
 * The first action by which someone who acts on cases took this one up: the
 * aanspreekpunt claims it or declares it not admissible, or, for a case that went
 * to the expert team at filing (the gemeente is not live), the team's first step.
 */
export const firstContactActions: readonly string[] = [
  "case.claim",
  "case.declareInadmissible",
  "case.startLocal",
  "case.requestInfo",
  "case.refer",
  "case.logIntervention",
  "case.propose",
];

/** The audit actions the facts are computed from: those that change a step, and those that mark first contact. */
export const statisticActions: readonly string[] = [...new Set([...statusChangingActions, ...firstContactActions])];

/** An audit event of the case, as far as the facts need it. */
export type StatisticEvent = { action: string; occurredAt: Date; outcome?: string; changes: unknown };

/** Everything the facts are computed from: plain values, read from the case and its rows. */
export type CaseSnapshot = {
  gemeenteId: string;
  regionId: string | null;
  status: CaseStatus;
  result: CaseResult | null;
  urgency: Urgency;
  domains: readonly Domain[];
  createdAt: Date;
  closedAt: Date | null;
  /** A date column: midnight UTC of the day */
  childBirthDate: Date;
  schoolSituation: SchoolSituation | null;
  /** A date column */
  outOfSchoolSince: Date | null;
  /** When the case was first referred to the expert team (also when it went there at filing) */
  referredAt: Date | null;
  /** What the latest referral recorded as blocking the case, if it was referred */
  referral: { causes: readonly string[]; organisationKinds: readonly string[] } | null;
  transferCount: number;
  /** The case's audit events of `statisticActions` (others are ignored) */
  events: readonly StatisticEvent[];
  decisions: readonly {
    id: string;
    supersedesId: string | null;
    createdAt: Date;
    /**
     * `doneOn`: the day the organisation said, through its link, that it was done (a date
     * column); it counts rather than the day the report arrived (decision 037).
     */
    assignments: readonly { status: AssignmentStatus; dueOn: Date; statusAt: Date | null; doneOn?: Date | null }[];
  }[];
  evaluation: {
    blockers: readonly string[];
    organisationKinds: readonly string[];
    outcome: CaseOutcome | null;
    /** A date column */
    helpStartedOn: Date | null;
  } | null;
  /** The gemeente's own norms */
  norms: Norms;
};

/** One row of CaseStatistic, without its id and time stamp. */
export type CaseStatisticFacts = {
  gemeenteId: string;
  regionId: string | null;
  filedMonth: Date;
  closedMonth: Date | null;
  step: CaseStatus;
  result: CaseResult | null;
  outcome: CaseOutcome | null;
  urgency: Urgency;
  domains: Domain[];
  ageBand: AgeBand | null;
  thuiszitter: boolean;
  daysOutOfSchoolAtFiling: number | null;
  daysOutOfSchoolAtHelpStart: number | null;
  referred: boolean;
  referredMonth: Date | null;
  decided: boolean;
  workingDaysToFirstContact: number | null;
  workingDaysToReferral: number | null;
  workingDaysToDecision: number | null;
  workingDaysToHelpStart: number | null;
  workingDaysToClose: number | null;
  stepWorkingDays: Partial<Record<CaseStatus, number>>;
  withinNorms: boolean | null;
  assignments: number;
  assignmentsOnTime: number;
  transfers: number;
  /** The evaluation's once there is one (at closing), else what the referral recorded */
  causes: string[];
  organisationKinds: string[];
};

/** The first day of the month, in Amsterdam, of an instant: the value of a date column. */
export function monthOf(instant: Date): Date {
  return new Date(`${amsterdamDay(instant).slice(0, 7)}-01T00:00:00Z`);
}

/** The day of a date column (midnight UTC). */
function dayOfColumn(value: Date): IsoDay {
  return value.toISOString().slice(0, 10);
}

/** Calendar days from one day to a later one; 0 when `to` is not later. */
export function calendarDaysBetween(from: IsoDay, to: IsoDay): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** Full years between a birthday and a day; null when the day comes before the birth. */
export function ageOn(birthDay: IsoDay, day: IsoDay): number | null {
  if (day < birthDay) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDay.slice(0, 4));
  return day.slice(5) < birthDay.slice(5) ? years - 1 : years;
}

export function ageBand(age: number | null): AgeBand | null {
  if (age === null) return null;
  if (age <= 3) return "0-3";
  if (age <= 11) return "4-11";
  if (age <= 15) return "12-15";
  if (age <= 17) return "16-17";
  return "18+";
}

function firstSuccess(events: readonly StatisticEvent[], actions: readonly string[]): Date | null {
  let first: Date | null = null;
  for (const e of events) {
    if (e.outcome !== undefined && e.outcome !== "SUCCESS") continue;
    if (!actions.includes(e.action)) continue;
    if (first === null || e.occurredAt < first) first = e.occurredAt;
  }
  return first;
}

/**
 * Working days in each step: every step of a closed case, and for an open case
 * the steps it has left (the current one is still counting and would be stale
 * the day after this was computed).
 */
function stepWorkingDays(history: readonly StatusEntry[], closedAt: Date | null): Partial<Record<CaseStatus, number>> {
  const last = history.at(-1);
  const durations = closedAt ? stepDurations(history, closedAt) : last ? stepDurations(history.slice(0, -1), last.at) : null;
  return Object.fromEntries((durations?.steps ?? []).map((s) => [s.status, s.workingDays]));
}

function withinNorms(days: Partial<Record<CaseStatus, number>>, norms: Norms): boolean {
  return Object.entries(days).every(([status, spent]) => {
    const norm = normFor(status as CaseStatus, norms);
    return norm === null || (spent ?? 0) <= norm;
  });
}

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort();

export function computeCaseStatistic(c: CaseSnapshot): CaseStatisticFacts {
  const filed = c.createdAt;
  const filingDay = amsterdamDay(filed);
  const closed = c.status === "CLOSED" ? c.closedAt : null;
  const history = statusHistory(filed, c.events);
  const steps = stepWorkingDays(history, closed);
  const leadTime = (to: Date | null) => (to === null ? null : workingDaysBetween(filed, to));

  const thuiszitter = isThuiszitter(c.schoolSituation);
  const outOfSchoolSince = thuiszitter && c.outOfSchoolSince ? dayOfColumn(c.outOfSchoolSince) : null;
  const helpStartedOn = c.evaluation?.helpStartedOn ?? null;

  const firstDecision = c.decisions.reduce<Date | null>((first, d) => (first === null || d.createdAt < first ? d.createdAt : first), null);
  const assignments = currentDecisions(c.decisions).flatMap((d) => d.assignments);
  const doneDay = (a: (typeof assignments)[number]) => (a.doneOn ? dayOfColumn(a.doneOn) : a.statusAt ? amsterdamDay(a.statusAt) : null);
  const onTime = assignments.filter((a) => {
    const day = a.status === "DONE" ? doneDay(a) : null;
    return day !== null && day <= dueDay(a.dueOn);
  });

  return {
    gemeenteId: c.gemeenteId,
    regionId: c.regionId,
    filedMonth: monthOf(filed),
    closedMonth: closed ? monthOf(closed) : null,
    step: c.status,
    result: c.result,
    outcome: c.evaluation?.outcome ?? null,
    urgency: c.urgency,
    domains: [...c.domains],
    ageBand: ageBand(ageOn(dayOfColumn(c.childBirthDate), filingDay)),
    thuiszitter,
    daysOutOfSchoolAtFiling: outOfSchoolSince ? calendarDaysBetween(outOfSchoolSince, filingDay) : null,
    daysOutOfSchoolAtHelpStart: outOfSchoolSince && helpStartedOn ? calendarDaysBetween(outOfSchoolSince, dayOfColumn(helpStartedOn)) : null,
    referred: c.referredAt !== null,
    referredMonth: c.referredAt ? monthOf(c.referredAt) : null,
    decided: c.decisions.length > 0,
    workingDaysToFirstContact: leadTime(firstSuccess(c.events, firstContactActions)),
    workingDaysToReferral: leadTime(c.referredAt),
    workingDaysToDecision: leadTime(firstDecision),
    // A date column is midnight UTC, which is that same day in Amsterdam.
    workingDaysToHelpStart: leadTime(helpStartedOn),
    workingDaysToClose: leadTime(closed),
    stepWorkingDays: steps,
    withinNorms: closed ? withinNorms(steps, c.norms) : null,
    assignments: assignments.length,
    assignmentsOnTime: onTime.length,
    transfers: c.transferCount,
    causes: sortedUnique(c.evaluation?.blockers ?? c.referral?.causes ?? []),
    organisationKinds: sortedUnique(c.evaluation?.organisationKinds ?? c.referral?.organisationKinds ?? []),
  };
}
