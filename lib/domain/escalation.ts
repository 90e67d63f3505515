import { addWorkingDays, amsterdamDay, endOfAmsterdamDay, type IsoDay } from "./deadlines";

/**
 * How far an overdue case has been escalated:
 * 0 on time (or its clock is stopped), 1 past its deadline (the assignee and
 * the gemeente's admins are told), 2 still overdue EXPERT_ESCALATION_WORKING_DAYS
 * working days after the deadline (the region's expert team is told too).
 */
export type EscalationLevel = 0 | 1 | 2;

/** Working days after the deadline before the region's expert team is called in. */
export const EXPERT_ESCALATION_WORKING_DAYS = 5;

export const MAX_ESCALATION_LEVEL: EscalationLevel = 2;

/** The moment a case that is still overdue goes to level 2: the end of the Nth working day after its deadline's day. */
export function expertEscalationAt(deadlineAt: Date): Date {
  return endOfAmsterdamDay(addWorkingDays(deadlineAt, EXPERT_ESCALATION_WORKING_DAYS));
}

/**
 * The instant before which a deadline must lie for the case to be at level 2
 * at `now`: `deadlineAt < expertLevelCutoff(now)` exactly when
 * `now > expertEscalationAt(deadlineAt)`. Lets a query find those cases.
 */
export function expertLevelCutoff(now: Date): Date {
  // Level 2 once the Nth working day after the deadline's day is before today (Amsterdam).
  const today = amsterdamDay(now);
  let day = today;
  for (;;) {
    day = previousDay(day);
    if (addWorkingDays(middayOf(day), EXPERT_ESCALATION_WORKING_DAYS) < today) {
      return new Date(endOfAmsterdamDay(day).getTime() + 1);
    }
  }
}

function middayOf(day: IsoDay): Date {
  return new Date(`${day}T12:00:00Z`);
}

function previousDay(day: IsoDay): IsoDay {
  const d = middayOf(day);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The level the rule alone gives a case with this deadline at `now`. */
export function escalationLevelAt(deadlineAt: Date | null, now: Date): EscalationLevel {
  if (deadlineAt === null || now <= deadlineAt) return 0;
  return now > expertEscalationAt(deadlineAt) ? 2 : 1;
}

/**
 * The level a case should be at: what the rule gives, never lower than the
 * level it already reached (escalation only goes down when the case moves to
 * another step, which starts a new clock at 0).
 */
export function targetEscalationLevel(deadlineAt: Date | null, now: Date, current: number): EscalationLevel {
  const reached = toLevel(current);
  const due = escalationLevelAt(deadlineAt, now);
  return due > reached ? due : reached;
}

function toLevel(value: number): EscalationLevel {
  if (value >= 2) return 2;
  return value >= 1 ? 1 : 0;
}
