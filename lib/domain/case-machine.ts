import { may, type Permission } from "./permissions";
import type { Role } from "./roles";

export const caseStatuses = [
  "SUBMITTED",
  "TRIAGE",
  "INFO_REQUESTED",
  "IN_PROGRESS",
  "WITH_EXPERT_TEAM",
  "DECISION_PROPOSED",
  "DECIDED",
  "MONITORING",
  "CLOSED",
] as const;

export type CaseStatus = (typeof caseStatuses)[number];

/** Every state but the last: a case in these still needs someone. */
export const openStatuses = caseStatuses.filter((s): s is Exclude<CaseStatus, "CLOSED"> => s !== "CLOSED");

/**
 * Default norm of each state in working days: how long a case may stay in it
 * before it is overdue. `null` means the clock does not run (waiting for the
 * family, or done), or runs per assignment: once a decision is recorded, each
 * assignment has its own date, and overdue assignments escalate on their own.
 */
export const stateNorms = {
  SUBMITTED: 2,
  TRIAGE: 5,
  INFO_REQUESTED: null,
  IN_PROGRESS: 20,
  WITH_EXPERT_TEAM: 30,
  DECISION_PROPOSED: 5,
  DECIDED: null,
  MONITORING: null,
  CLOSED: null,
} as const satisfies Record<CaseStatus, number | null>;

/** Back to the state the case was in before it started waiting (for the family). */
export const RETURN = "RETURN";

type CaseAction = {
  from: readonly CaseStatus[];
  /** The state the case moves to, RETURN for the state it came from, or null when the action does not change state */
  to: CaseStatus | typeof RETURN | null;
};

/**
 * Every action on an existing case: the states it may be taken in and where it
 * leads. Who may take it is the permission of the same name in permissions.ts.
 * The UI offers exactly the actions `availableActions` returns, so it never
 * shows a button the server would refuse.
 */
export const caseActions = {
  "case.claim": { from: ["SUBMITTED"], to: "TRIAGE" },
  "case.startLocal": { from: ["TRIAGE"], to: "IN_PROGRESS" },
  /** The aanspreekpunt asks while working on the case; the expert team while it has the case */
  "case.requestInfo": { from: ["TRIAGE", "IN_PROGRESS", "WITH_EXPERT_TEAM"], to: "INFO_REQUESTED" },
  "case.answer": { from: ["INFO_REQUESTED"], to: RETURN },
  /** Staff take their question back (to ask another, or because it no longer matters); the clock runs again */
  "case.withdrawQuestion": { from: ["INFO_REQUESTED"], to: RETURN },
  /** Waiting for the family never blocks the expert team: referring withdraws an open question */
  "case.refer": { from: ["TRIAGE", "INFO_REQUESTED", "IN_PROGRESS"], to: "WITH_EXPERT_TEAM" },
  "case.logIntervention": { from: ["WITH_EXPERT_TEAM"], to: null },
  "case.propose": { from: ["IN_PROGRESS", "WITH_EXPERT_TEAM"], to: "DECISION_PROPOSED" },
  "case.decide": { from: ["DECISION_PROPOSED"], to: "DECIDED" },
  /** Hand the case to a colleague of the same gemeente */
  "case.assign": { from: openStatuses, to: null },
  /** A note on the local breakthrough attempt, for staff only */
  "case.note": { from: ["TRIAGE", "INFO_REQUESTED", "IN_PROGRESS"], to: null },
  /** How urgent the case is can change at any open step; it changes no step and no clock */
  "case.setUrgency": { from: openStatuses, to: null },
  /** Which organisations a case involves, and their part, is known and corrected along the way */
  "case.linkOrganisation": { from: openStatuses, to: null },
  "case.unlinkOrganisation": { from: openStatuses, to: null },
  /** Another gemeente is responsible after all: the case moves there, open, with its clock running */
  "case.transfer": { from: ["SUBMITTED", "TRIAGE", "IN_PROGRESS"], to: null },
  /** Not a case for Doorbraak, with the reason and where to complain */
  "case.declareInadmissible": { from: ["SUBMITTED", "TRIAGE"], to: "CLOSED" },
  /** Done: solved, or no longer needed */
  "case.close": { from: ["IN_PROGRESS", "DECIDED", "MONITORING"], to: "CLOSED" },
  /** What was learned stays open to refinement after closing; the service needs an evaluation to refine */
  "case.refineEvaluation": { from: ["CLOSED"], to: null },
  /** The family answers the day the help started; the service needs a day recorded by staff and not yet answered */
  "case.confirmHelpStart": { from: ["CLOSED"], to: null },
  /**
   * An assignment of the decision is done (with what shows it) or ended (with
   * why). The first one settled shows that carrying out has begun: the case
   * moves from decided to monitoring.
   */
  "case.settleAssignment": { from: ["DECIDED", "MONITORING"], to: "MONITORING" },
  /** The family says an assignment was not carried out */
  "case.reportAssignment": { from: ["DECIDED", "MONITORING"], to: null },
  /** A correction: a new decision that supersedes the last one; both stay visible */
  "case.correctDecision": { from: ["DECIDED", "MONITORING"], to: null },
  // Once a binding decision is recorded, the parties must carry it out: the family can no longer withdraw.
  "case.withdraw": {
    from: ["SUBMITTED", "TRIAGE", "INFO_REQUESTED", "IN_PROGRESS", "WITH_EXPERT_TEAM", "DECISION_PROPOSED"],
    to: "CLOSED",
  },
} as const satisfies Partial<Record<Permission, CaseAction>>;

export type CaseActionName = keyof typeof caseActions;

export const caseActionNames = Object.keys(caseActions) as CaseActionName[];

export function isCaseAction(value: string): value is CaseActionName {
  return Object.hasOwn(caseActions, value);
}

export type ActionCheck =
  | { ok: true; to: CaseStatus | typeof RETURN | null }
  | { ok: false; reason: "forbidden" | "wrong-state" };

/** Whether holders of `heldRoles` may take `action` on a case in `status`. */
export function checkAction(action: CaseActionName, status: CaseStatus, heldRoles: readonly Role[]): ActionCheck {
  if (!may(heldRoles, action)) return { ok: false, reason: "forbidden" };
  const rule: CaseAction = caseActions[action];
  if (!rule.from.includes(status)) return { ok: false, reason: "wrong-state" };
  return { ok: true, to: rule.to };
}

export function availableActions(status: CaseStatus, heldRoles: readonly Role[]): CaseActionName[] {
  return caseActionNames.filter((action) => checkAction(action, status, heldRoles).ok);
}

export function isOpen(status: CaseStatus): boolean {
  return status !== "CLOSED";
}
