import { describe, expect, it } from "vitest";
import { availableActions, caseActions, caseStatuses } from "@/lib/domain/case-machine";
import { orderActions, usualNextSteps } from "@/lib/domain/next-steps";

describe("the usual next steps of a case", () => {
  it("only names steps the state machine allows from that state", () => {
    for (const status of caseStatuses) {
      for (const action of usualNextSteps[status]) expect(caseActions[action].from as readonly string[]).toContain(status);
    }
  });

  it("puts the usual steps first, in their order, and folds the rest, destructive ones included", () => {
    const offered = availableActions("TRIAGE", ["AANSPREEKPUNT"]);
    const { usual, other } = orderActions("TRIAGE", offered);
    expect(usual).toEqual(["case.startLocal", "case.refer", "case.requestInfo"]);
    expect(other).toEqual(expect.arrayContaining(["case.declareInadmissible", "case.transfer", "case.assign", "case.note"]));
    expect([...usual, ...other].toSorted()).toEqual([...offered].toSorted());
  });

  it("leaves out usual steps the person may not take", () => {
    expect(orderActions("DECISION_PROPOSED", availableActions("DECISION_PROPOSED", ["AANSPREEKPUNT"])).usual).toEqual([]);
    expect(orderActions("WITH_EXPERT_TEAM", availableActions("WITH_EXPERT_TEAM", ["EXPERT"])).usual).toEqual([
      "case.logIntervention",
      "case.propose",
      "case.requestInfo",
    ]);
  });
});
