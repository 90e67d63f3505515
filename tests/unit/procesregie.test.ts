import { describe, expect, it } from "vitest";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-machine";
import { procesregieFactsOf, procesregieStep, procesregieSteps, stepProgress, type ProcesregieFacts } from "@/lib/domain/procesregie";

const facts = (status: CaseStatus, more: Partial<ProcesregieFacts> = {}): ProcesregieFacts => ({
  status,
  referred: true,
  hasInterventions: false,
  assignmentStatuses: [],
  ...more,
});

describe("the step of procesregie a referred case is in", () => {
  it.each([
    ["WITH_EXPERT_TEAM", {}, "INTAKE"],
    ["WITH_EXPERT_TEAM", { hasInterventions: true }, "ANALYSIS_AND_PLAN"],
    ["DECISION_PROPOSED", {}, "ANALYSIS_AND_PLAN"],
    ["DECISION_PROPOSED", { hasInterventions: true }, "ANALYSIS_AND_PLAN"],
    ["DECIDED", { assignmentStatuses: ["OPEN"] }, "MONITORING"],
    ["DECIDED", { assignmentStatuses: ["DONE", "OPEN"] }, "MONITORING"],
    ["MONITORING", { assignmentStatuses: ["ENDED", "OPEN"] }, "MONITORING"],
    ["MONITORING", { assignmentStatuses: ["DONE", "ENDED"] }, "CLOSING"],
    ["DECIDED", { assignmentStatuses: ["DONE"] }, "CLOSING"],
    ["DECIDED", { assignmentStatuses: [] }, "MONITORING"],
    ["CLOSED", { assignmentStatuses: ["OPEN"] }, "CLOSING"],
    ["CLOSED", {}, "CLOSING"],
  ] as const)("%s with %o is in %s", (status, more, expected) => {
    expect(procesregieStep(facts(status, more))).toBe(expected);
  });

  it("has no step for a case that was never referred, whatever its status", () => {
    for (const status of caseStatuses) {
      expect(procesregieStep(facts(status, { referred: false, hasInterventions: true, assignmentStatuses: ["DONE"] }))).toBeNull();
    }
  });

  it("has no step for a status before the expert team", () => {
    for (const status of ["SUBMITTED", "TRIAGE", "INFO_REQUESTED", "IN_PROGRESS"] as const) {
      expect(procesregieStep(facts(status))).toBeNull();
    }
  });

  it("gives every status after the referral a step", () => {
    const after = caseStatuses.slice(caseStatuses.indexOf("WITH_EXPERT_TEAM"));
    for (const status of after) expect(procesregieSteps).toContain(procesregieStep(facts(status)));
  });
});

describe("the steps around the current one", () => {
  it("marks the earlier steps done and the later ones upcoming", () => {
    expect(procesregieSteps.map((s) => stepProgress("MONITORING", s))).toEqual(["done", "done", "current", "upcoming"]);
    expect(procesregieSteps.map((s) => stepProgress("INTAKE", s))).toEqual(["current", "upcoming", "upcoming", "upcoming"]);
    expect(procesregieSteps.map((s) => stepProgress("CLOSING", s))).toEqual(["done", "done", "done", "current"]);
  });
});

describe("the facts of a loaded case", () => {
  it("reads referral, interventions and the assignments of every decision", () => {
    expect(
      procesregieFactsOf({
        status: "MONITORING",
        referrals: [{}],
        interventions: [],
        decisions: [{ assignments: [{ status: "ENDED" }] }, { assignments: [{ status: "OPEN" }, { status: "DONE" }] }],
      }),
    ).toEqual({ status: "MONITORING", referred: true, hasInterventions: false, assignmentStatuses: ["ENDED", "OPEN", "DONE"] });
  });
});
