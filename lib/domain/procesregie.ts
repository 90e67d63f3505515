import type { CaseStatus } from "./case-machine";

/**
 * The four steps of procesregie that VNG set for the regional expert teams
 * (2020), in order: intake and triage, joint analysis and plan, monitoring,
 * scaling down and closing. A referred case is always in exactly one of them;
 * a case that never reached the expert team has no procesregie.
 */
export const procesregieSteps = ["INTAKE", "ANALYSIS_AND_PLAN", "MONITORING", "CLOSING"] as const;

export type ProcesregieStep = (typeof procesregieSteps)[number];

/** What the step of a case is derived from. */
export type ProcesregieFacts = {
  status: CaseStatus;
  /** Whether the case was ever referred to the region's expert team */
  referred: boolean;
  /** Whether the expert team logged at least one intervention */
  hasInterventions: boolean;
  /** Statuses of the assignments of every decision on the case */
  assignmentStatuses: readonly ("OPEN" | "DONE" | "ENDED")[];
};

/** The step a case is in, or null when the expert team has no role in it (not referred, or not yet). */
export function procesregieStep(facts: ProcesregieFacts): ProcesregieStep | null {
  if (!facts.referred) return null;
  switch (facts.status) {
    case "SUBMITTED":
    case "TRIAGE":
    case "INFO_REQUESTED":
    case "IN_PROGRESS":
      // The state machine never leads back here after a referral; show no step rather than a wrong one.
      return null;
    case "WITH_EXPERT_TEAM":
      return facts.hasInterventions ? "ANALYSIS_AND_PLAN" : "INTAKE";
    case "DECISION_PROPOSED":
      return "ANALYSIS_AND_PLAN";
    case "DECIDED":
    case "MONITORING": {
      const settled = facts.assignmentStatuses.length > 0 && facts.assignmentStatuses.every((s) => s !== "OPEN");
      return settled ? "CLOSING" : "MONITORING";
    }
    case "CLOSED":
      return "CLOSING";
  }
}

/** Where a step stands relative to the current one, for an ordered list of all four. */
export function stepProgress(current: ProcesregieStep, step: ProcesregieStep): "done" | "current" | "upcoming" {
  const diff = procesregieSteps.indexOf(step) - procesregieSteps.indexOf(current);
  return diff < 0 ? "done" : diff === 0 ? "current" : "upcoming";
}

/** The facts of a case as the staff workspace loads it: its referrals, interventions and decisions. */
export function procesregieFactsOf(c: {
  status: CaseStatus;
  referrals: readonly unknown[];
  interventions: readonly unknown[];
  decisions: readonly { assignments: readonly { status: "OPEN" | "DONE" | "ENDED" }[] }[];
}): ProcesregieFacts {
  return {
    status: c.status,
    referred: c.referrals.length > 0,
    hasInterventions: c.interventions.length > 0,
    assignmentStatuses: c.decisions.flatMap((d) => d.assignments.map((a) => a.status)),
  };
}
