import Holidays from "date-holidays";
import { caseStatuses, stateNorms, type CaseStatus } from "./case-machine";
import { amsterdamDay, TIME_ZONE, type IsoDay } from "./days";

export { amsterdamDay, type IsoDay } from "./days";

/**
 * Deadlines count working days in Europe/Amsterdam: Saturdays, Sundays and
 * Dutch public holidays (from the date-holidays library) do not count. A
 * deadline falls at the end of its working day, Amsterdam time.
 */
const dutchHolidays = new Holidays("NL");

function nextDay(day: IsoDay): IsoDay {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// A day is a holiday or not for good, and the library works out a whole year's calendar for each question:
// counting the working days of one deadline asked it some thirty times.
const holidayOf = new Map<IsoDay, boolean>();

export function isPublicHoliday(day: IsoDay): boolean {
  let holiday = holidayOf.get(day);
  if (holiday === undefined) {
    const found = dutchHolidays.isHoliday(new Date(`${day}T12:00:00Z`));
    holiday = Array.isArray(found) && found.some((h) => h.type === "public");
    holidayOf.set(day, holiday);
  }
  return holiday;
}

export function isWorkingDay(day: IsoDay): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(day);
}

/** The working day that is `count` working days after the day of `start`. */
export function addWorkingDays(start: Date, count: number): IsoDay {
  let day = amsterdamDay(start);
  let remaining = count;
  while (remaining > 0) {
    day = nextDay(day);
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}

/** Working days after the day of `from` up to and including the day of `to`; 0 when `to` is not later. */
export function workingDaysBetween(from: Date, to: Date): number {
  const last = amsterdamDay(to);
  let day = amsterdamDay(from);
  let count = 0;
  while (day < last) {
    day = nextDay(day);
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

/** The last instant (23:59:59.999) of a day in Amsterdam, as a Date. */
export function endOfAmsterdamDay(day: IsoDay): Date {
  const utcGuess = new Date(`${day}T23:59:59.999Z`);
  const offsetName = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(utcGuess)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = offsetName?.match(/GMT([+-])(\d{2}):(\d{2})/);
  const offsetMinutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(utcGuess.getTime() - offsetMinutes * 60_000);
}

/** A gemeente's own norms in working days; a step without one uses the default of `stateNorms`. */
export type Norms = Partial<Record<CaseStatus, number>>;

/** The steps whose clock runs, in the order of the lifecycle: only these have a norm a gemeente can set. */
export const clockStatuses = caseStatuses.filter((s) => stateNorms[s] !== null) as ClockStatus[];
export type ClockStatus = { [S in CaseStatus]: (typeof stateNorms)[S] extends null ? never : S }[CaseStatus];

/** The range a gemeente's own norm must stay within, in working days. */
export const MIN_NORM_WORKING_DAYS = 1;
export const MAX_NORM_WORKING_DAYS = 120;

export function isClockStatus(status: CaseStatus): status is ClockStatus {
  return stateNorms[status] !== null;
}

/** The norm that applies to a step: the gemeente's own, else the default; null when the clock does not run. */
export function normFor(status: CaseStatus, norms: Norms = {}): number | null {
  const fallback = stateNorms[status];
  if (fallback === null) return null;
  return norms[status] ?? fallback;
}

/** When a case that enters `status` at `enteredAt` becomes overdue; null when its clock stops. */
export function deadlineFor(status: CaseStatus, enteredAt: Date, norms: Norms = {}): Date | null {
  const norm = normFor(status, norms);
  if (norm === null) return null;
  return endOfAmsterdamDay(addWorkingDays(enteredAt, norm));
}

/**
 * The working days still left on a clock that stops at `now` (waiting for the
 * family): those after today up to and including the deadline's day. A clock
 * stopped on its last day, or after it, keeps 0.
 */
export function remainingWorkingDays(now: Date, deadline: Date): number {
  return workingDaysBetween(now, deadline);
}

/** The deadline of a clock that runs again at `now` with `remaining` working days. */
export function resumeDeadline(now: Date, remaining: number): Date {
  return endOfAmsterdamDay(addWorkingDays(now, remaining));
}
