import Holidays from "date-holidays";
import { stateNorms, type CaseStatus } from "@/lib/domain/case-machine";
import {
  amsterdamDay,
  deadlineFor,
  endOfAmsterdamDay,
  isPublicHoliday,
  remainingWorkingDays,
  resumeDeadline,
  workingDaysBetween,
  type Norms,
} from "@/lib/domain/deadlines";
import { EXPERT_ESCALATION_WORKING_DAYS, expertEscalationAt } from "@/lib/domain/escalation";
import { addMonths, isPurgeDue } from "@/lib/domain/retention";

/**
 * The project's deadline rules (lib/domain/deadlines.ts, escalation.ts) for a
 * national data set, which asks them millions of times. They depend only on
 * the Amsterdam day of an instant, so the answers are remembered per day, and
 * working days are counted from a table of the years the data covers. Every
 * so often an answer is checked against the project's own function, and a
 * difference stops the seed. Times are milliseconds since 1970 (UTC).
 */

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

// Amsterdam is a whole number of hours off UTC, so an instant's day is the day of its UTC hour.
const dayOfHour = new Map<number, string>();
export function dayOf(ms: number): string {
  const hour = Math.floor(ms / HOUR);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = amsterdamDay(new Date(hour * HOUR));
    dayOfHour.set(hour, day);
  }
  return day;
}

type Table = { index: Map<string, number>; upTo: number[]; working: string[] };
let table: Table | null = null;

/**
 * Every day from mid-2021 to 2029 and whether it is a working day. The public
 * holidays are the days the holiday library lists for each year, each
 * confirmed by the project's isPublicHoliday (and so are the days around
 * them); asking it about every single day would take seconds.
 */
function calendar(): Table {
  if (table) return table;
  const holidays = new Set<string>();
  const library = new Holidays("NL");
  for (let year = 2021; year <= 2029; year++) {
    for (const h of library.getHolidays(year)) {
      const listed = new Date(`${h.date.slice(0, 10)}T12:00:00Z`).getTime();
      for (const ms of [listed - DAY, listed, listed + DAY]) {
        const day = new Date(ms).toISOString().slice(0, 10);
        if (isPublicHoliday(day)) holidays.add(day);
      }
    }
  }
  const index = new Map<string, number>();
  const upTo: number[] = [];
  const working: string[] = [];
  for (let ms = Date.UTC(2021, 5, 1, 12); ms < Date.UTC(2030, 0, 1); ms += DAY) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) working.push(day);
    index.set(day, upTo.length);
    upTo.push(working.length);
  }
  table = { index, upTo, working };
  return table;
}

function position(day: string): number {
  const i = calendar().index.get(day);
  if (i === undefined) throw new Error(`${day} is outside the calendar of the scale data set`);
  return i;
}

/** addWorkingDays of lib/domain/deadlines.ts, for a day: the working day `count` working days after it. */
function workingDayAfter(day: string, count: number): string {
  if (count === 0) return day;
  const t = calendar();
  return t.working[t.upTo[position(day)]! + count - 1]!;
}

/** workingDaysBetween of lib/domain/deadlines.ts. */
export function workingDaysFromTo(fromMs: number, toMs: number): number {
  const t = calendar();
  return Math.max(0, t.upTo[position(dayOf(toMs))]! - t.upTo[position(dayOf(fromMs))]!);
}

const endOfDay = new Map<string, number>();
function endOf(day: string): number {
  let found = endOfDay.get(day);
  if (found === undefined) {
    found = endOfAmsterdamDay(day).getTime();
    endOfDay.set(day, found);
  }
  return found;
}

let asked = 0;
/**
 * Every 200th new answer is compared with the project's own function (which
 * takes about a millisecond for each day it has not seen before).
 */
function checked<T>(ours: T, theirs: () => T, what: string): T {
  asked += 1;
  if (asked % 200 === 0) {
    const expected = theirs();
    if (expected !== ours) throw new Error(`${what}: the seed computed ${String(ours)}, lib/domain says ${String(expected)}`);
  }
  return ours;
}

/** The norm in working days of a step for a gemeente (its own, else the default), or null when the clock stops. */
export function normOf(status: CaseStatus, norms: Norms): number | null {
  return stateNorms[status] === null ? null : (norms[status] ?? stateNorms[status]);
}

const deadlines = new Map<string, number | null>();
/** deadlineFor(status, enteredAt, norms), as a time. */
export function deadlineAfter(status: CaseStatus, enteredMs: number, norms: Norms): number | null {
  const norm = normOf(status, norms);
  if (norm === null) return null;
  const key = `${dayOf(enteredMs)}|${norm}`;
  let found = deadlines.get(key);
  if (found === undefined) {
    found = checked<number | null>(endOf(workingDayAfter(dayOf(enteredMs), norm)), () => deadlineFor(status, new Date(enteredMs), norms)?.getTime() ?? null, "deadlineFor");
    deadlines.set(key, found);
  }
  return found;
}

const expertAt = new Map<number, number>();
/** When a case still overdue goes to escalation level 2 (expertEscalationAt). */
export function expertEscalationTime(deadlineMs: number): number {
  let found = expertAt.get(deadlineMs);
  if (found === undefined) {
    found = checked(
      endOf(workingDayAfter(dayOf(deadlineMs), EXPERT_ESCALATION_WORKING_DAYS)),
      () => expertEscalationAt(new Date(deadlineMs)).getTime(),
      "expertEscalationAt",
    );
    expertAt.set(deadlineMs, found);
  }
  return found;
}

/** remainingWorkingDays(now, deadline). */
export function remainingDays(nowMs: number, deadlineMs: number): number {
  return checked(workingDaysFromTo(nowMs, deadlineMs), () => remainingWorkingDays(new Date(nowMs), new Date(deadlineMs)), "remainingWorkingDays");
}

const resumed = new Map<string, number>();
/** resumeDeadline(now, remaining), as a time. */
export function resumedDeadline(nowMs: number, days: number): number {
  const key = `${dayOf(nowMs)}|${days}`;
  let found = resumed.get(key);
  if (found === undefined) {
    found = checked(endOf(workingDayAfter(dayOf(nowMs), days)), () => resumeDeadline(new Date(nowMs), days).getTime(), "resumeDeadline");
    resumed.set(key, found);
  }
  return found;
}

/** workingDaysBetween, checked now and then: for the step durations of a closing case. */
export function workingDaysChecked(fromMs: number, toMs: number): number {
  return checked(workingDaysFromTo(fromMs, toMs), () => workingDaysBetween(new Date(fromMs), new Date(toMs)), "workingDaysBetween");
}

/**
 * The first instant at which an assignment due on `dueDay` counts as overdue:
 * the start of the next day in Amsterdam (lib/domain/monitoring.ts).
 */
export function overdueFrom(dueDay: string): number {
  return endOf(dueDay) + 1;
}

/**
 * The first run of a job that fires every 15 minutes (the overdue scan) after
 * `ms`, a few seconds past the quarter.
 */
export function nextQuarterHour(ms: number, jitterMs: number): number {
  const quarter = 15 * MINUTE;
  return (Math.floor(ms / quarter) + 1) * quarter + jitterMs;
}

const clockFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/**
 * When the daily retention job (03:30 in Amsterdam) first finds a case closed
 * at `closedMs` due, for a period of `months`.
 */
export function purgeTime(closedMs: number, months: number): number {
  const due = addMonths(new Date(closedMs), months).getTime();
  // 03:30 in Amsterdam is 01:30 UTC in summer and 02:30 UTC in winter.
  for (let day = Math.floor(due / DAY) * DAY - DAY; ; day += DAY) {
    for (const utcHour of [1.5, 2.5]) {
      const run = day + utcHour * HOUR + 20_000;
      if (clockFormat.format(new Date(run)) === "03:30" && isPurgeDue(new Date(closedMs), months, new Date(run))) return run;
    }
  }
}

/**
 * Moves an instant into office hours (roughly 08:00–17:30 in Amsterdam, on a
 * weekday), where people act; keeps it when it is already there.
 */
export function officeHours(ms: number, random: () => number): number {
  let t = ms;
  for (let i = 0; i < 4; i++) {
    const d = new Date(t);
    const weekday = d.getUTCDay();
    const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
    if (weekday === 6) t = Math.floor(t / DAY) * DAY + 2 * DAY + (7 + random() * 2) * HOUR;
    else if (weekday === 0) t = Math.floor(t / DAY) * DAY + DAY + (7 + random() * 2) * HOUR;
    else if (hour < 7) t = Math.floor(t / DAY) * DAY + (7 + random() * 2) * HOUR;
    else if (hour >= 16.5) t = Math.floor(t / DAY) * DAY + DAY + (7 + random() * 2) * HOUR;
    else return Math.floor(t);
  }
  return Math.floor(t);
}
