import type { CaseActionName, CaseStatus } from "./case-machine";

/**
 * The steps a case usually takes next from each state, the most usual first.
 * The staff case page shows these open, in this order, and folds every other
 * action the person may take under "Andere acties": so the page leads with
 * what fits the step, and a destructive action is never open by default.
 */
export const usualNextSteps: Record<CaseStatus, readonly CaseActionName[]> = {
  SUBMITTED: ["case.claim"],
  TRIAGE: ["case.startLocal", "case.refer", "case.requestInfo"],
  INFO_REQUESTED: ["case.withdrawQuestion", "case.note"],
  IN_PROGRESS: ["case.refer", "case.close", "case.requestInfo"],
  WITH_EXPERT_TEAM: ["case.logIntervention", "case.propose", "case.requestInfo"],
  DECISION_PROPOSED: ["case.decide"],
  DECIDED: ["case.close"],
  MONITORING: ["case.close"],
  CLOSED: ["case.refineEvaluation"],
};

/** The actions on offer, split into the usual next steps (in their order) and the others (in the order given). */
export function orderActions(status: CaseStatus, offered: readonly CaseActionName[]): { usual: CaseActionName[]; other: CaseActionName[] } {
  const usual = usualNextSteps[status].filter((a) => offered.includes(a));
  return { usual, other: offered.filter((a) => !usual.includes(a)) };
}
