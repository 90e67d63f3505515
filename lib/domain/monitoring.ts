import { caseActions, caseStatuses, type CaseStatus } from "./case-machine";
import { amsterdamDay, workingDaysBetween } from "./deadlines";
import { assignmentOutcomes } from "./inputs";

/**
 * Following a decision through: how an assignment stands, when a decided case
 * may close, and what the closing evaluation records. Pure rules, no data access.
 */

export const assignmentStatuses = ["OPEN", "DONE", "ENDED"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** How staff settle an open assignment: the list lives beside the form schemas in inputs.ts. What blocked a case is in causes.ts. */
export { assignmentOutcomes };
export type AssignmentOutcome = (typeof assignmentOutcomes)[number];

/** What people see: an open assignment whose due day has passed (in Amsterdam) is overdue. */
export const shownAssignmentStatuses = ["open", "overdue", "done", "ended"] as const;
export type ShownAssignmentStatus = (typeof shownAssignmentStatuses)[number];

/** The day an assignment is due, as "YYYY-MM-DD". `dueOn` is a date column: midnight UTC of that day. */
export function dueDay(dueOn: Date): string {
  return dueOn.toISOString().slice(0, 10);
}

/** Whether an assignment still open on `now` is past the day it was due. */
export function isAssignmentOverdue(assignment: { status: AssignmentStatus; dueOn: Date }, now: Date): boolean {
  return assignment.status === "OPEN" && amsterdamDay(now) > dueDay(assignment.dueOn);
}

export function shownAssignmentStatus(assignment: { status: AssignmentStatus; dueOn: Date }, now: Date): ShownAssignmentStatus {
  if (assignment.status === "DONE") return "done";
  if (assignment.status === "ENDED") return "ended";
  return isAssignmentOverdue(assignment, now) ? "overdue" : "open";
}

/**
 * The first day on which an assignment due on `day` counts as overdue, as the
 * start of that day in UTC: a date column compares with it directly
 * (`dueOn < overdueCutoff(now)` ⇔ the due day has passed in Amsterdam).
 */
export function overdueCutoff(now: Date): Date {
  return new Date(`${amsterdamDay(now)}T00:00:00Z`);
}

type DecisionWithAssignments = { id: string; supersedesId: string | null; assignments: { status: AssignmentStatus }[] };

/** The decisions no later decision supersedes: the ones whose assignments must be carried out. */
export function currentDecisions<D extends { id: string; supersedesId: string | null }>(decisions: readonly D[]): D[] {
  const superseded = new Set(decisions.flatMap((d) => (d.supersedesId ? [d.supersedesId] : [])));
  return decisions.filter((d) => !superseded.has(d.id));
}

/** The assignments of the current decisions that are still open. */
export function openAssignmentCount(decisions: readonly DecisionWithAssignments[]): number {
  return currentDecisions(decisions).reduce((n, d) => n + d.assignments.filter((a) => a.status === "OPEN").length, 0);
}

/**
 * A case without a decision closes as the state machine allows; a case with a
 * decision closes only when every assignment of its current decision is done
 * or ended, so that no decision is left half carried out.
 */
export function mayCloseCase(decisions: readonly DecisionWithAssignments[]): boolean {
  return openAssignmentCount(decisions) === 0;
}

/** One moment the case entered a step. */
export type StatusEntry = { status: CaseStatus; at: Date };

/**
 * Working days the case spent in each step it went through, in the order of
 * the lifecycle, and in all. A list rather than an object: PostgreSQL's jsonb
 * does not keep the order of an object's keys.
 */
export type StepDurations = { steps: { status: CaseStatus; workingDays: number }[]; total: number };

/**
 * The audit actions that can change a case's step: filing, handing a case that was
 * filed for a gemeente that is not live to the region's expert team (hand-case.ts),
 * and every state-machine action with a target.
 */
export const statusChangingActions: readonly string[] = [
  "case.file",
  "case.route",
  ...Object.entries(caseActions).flatMap(([name, rule]) => (rule.to === null ? [] : [name])),
];

function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === "string" && (caseStatuses as readonly string[]).includes(value);
}

/**
 * The steps of a case from its audit trail. Every change of step writes an
 * audit event with `changes.status = { old, new }` in the same transaction
 * (append-only, so this history cannot drift from what happened), which makes
 * it more reliable than the timeline, whose kinds do not all name a step. The
 * case starts in SUBMITTED when it was created.
 */
export function statusHistory(
  createdAt: Date,
  events: readonly { action: string; occurredAt: Date; outcome?: string; changes: unknown }[],
): StatusEntry[] {
  const history: StatusEntry[] = [{ status: "SUBMITTED", at: createdAt }];
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const event of ordered) {
    if (!statusChangingActions.includes(event.action)) continue;
    if (event.outcome !== undefined && event.outcome !== "SUCCESS") continue;
    const change = (event.changes as { status?: { new?: unknown } } | null)?.status;
    const next = change?.new;
    if (!isCaseStatus(next) || next === history.at(-1)?.status) continue;
    history.push({ status: next, at: event.occurredAt });
  }
  return history;
}

/** Working days in each step, from entering it to leaving it (or to `closedAt` for the last). */
export function stepDurations(history: readonly StatusEntry[], closedAt: Date): StepDurations {
  const totals = new Map<CaseStatus, number>();
  history.forEach((entry, i) => {
    if (entry.status === "CLOSED") return;
    const leftAt = history[i + 1]?.at ?? closedAt;
    totals.set(entry.status, (totals.get(entry.status) ?? 0) + workingDaysBetween(entry.at, leftAt));
  });
  const steps = caseStatuses.flatMap((status) => {
    const workingDays = totals.get(status);
    return workingDays === undefined ? [] : [{ status, workingDays }];
  });
  const first = history[0];
  return { steps, total: first ? workingDaysBetween(first.at, closedAt) : 0 };
}
