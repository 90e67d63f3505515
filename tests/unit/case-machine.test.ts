import { describe, expect, it } from "vitest";
import {
  availableActions,
  caseActionNames,
  caseActions,
  caseStatuses,
  checkAction,
  RETURN,
  stateNorms,
} from "@/lib/domain/case-machine";
import { permissions } from "@/lib/domain/permissions";
import { roles } from "@/lib/domain/roles";

describe("case state machine", () => {
  // Every (action, state, role) combination: allowed exactly when the machine
  // lists the state and the permission table lists the role.
  const combinations = caseActionNames.flatMap((action) =>
    caseStatuses.flatMap((status) => roles.map((role) => [action, status, role] as const)),
  );

  it.each(combinations)("%s in %s by %s", (action, status, role) => {
    const verdict = checkAction(action, status, [role]);
    const roleAllowed = (permissions[action] as readonly string[]).includes(role);
    const stateAllowed = (caseActions[action].from as readonly string[]).includes(status);
    if (!roleAllowed) expect(verdict).toEqual({ ok: false, reason: "forbidden" });
    else if (!stateAllowed) expect(verdict).toEqual({ ok: false, reason: "wrong-state" });
    else expect(verdict).toEqual({ ok: true, to: caseActions[action].to });
  });

  it("walks the journey of the foundation: file → claim → refer → propose → decide", () => {
    expect(checkAction("case.claim", "SUBMITTED", ["AANSPREEKPUNT"])).toEqual({ ok: true, to: "TRIAGE" });
    expect(checkAction("case.refer", "TRIAGE", ["AANSPREEKPUNT"])).toEqual({ ok: true, to: "WITH_EXPERT_TEAM" });
    expect(checkAction("case.logIntervention", "WITH_EXPERT_TEAM", ["EXPERT"])).toEqual({ ok: true, to: null });
    expect(checkAction("case.propose", "WITH_EXPERT_TEAM", ["EXPERT"])).toEqual({ ok: true, to: "DECISION_PROPOSED" });
    expect(checkAction("case.decide", "DECISION_PROPOSED", ["DECISION_HOLDER"])).toEqual({ ok: true, to: "DECIDED" });
  });

  it("on a closed case allows only refining what was learned and the family's answer about the start of help", () => {
    expect(availableActions("CLOSED", [...roles]).sort()).toEqual(["case.confirmHelpStart", "case.refineEvaluation"]);
    expect(availableActions("CLOSED", ["AANSPREEKPUNT"])).toEqual(["case.refineEvaluation"]);
    expect(availableActions("CLOSED", ["FAMILY"])).toEqual(["case.confirmHelpStart"]);
    // Nothing on a closed case changes its step.
    expect(caseActions["case.refineEvaluation"].to).toBeNull();
    expect(caseActions["case.confirmHelpStart"].to).toBeNull();
  });

  it("offers the aanspreekpunt on a new case: claim, assign, transfer, declare not admissible, change its urgency, or name organisations", () => {
    expect(availableActions("SUBMITTED", ["AANSPREEKPUNT"]).sort()).toEqual(
      ["case.assign", "case.claim", "case.declareInadmissible", "case.linkOrganisation", "case.setUrgency", "case.transfer", "case.unlinkOrganisation"].sort(),
    );
  });

  it("every action's target state is a known state, or a return to where the case came from", () => {
    for (const action of caseActionNames) {
      const to: string | null = caseActions[action].to;
      if (to !== null && to !== RETURN) expect(caseStatuses).toContain(to);
    }
  });

  it("stops the clock while waiting for the family; the family's answer or staff taking the question back ends the wait", () => {
    expect(checkAction("case.requestInfo", "IN_PROGRESS", ["AANSPREEKPUNT"])).toEqual({ ok: true, to: "INFO_REQUESTED" });
    expect(availableActions("INFO_REQUESTED", ["FAMILY"])).toContain("case.answer");
    expect(checkAction("case.answer", "INFO_REQUESTED", ["FAMILY"])).toEqual({ ok: true, to: RETURN });
    expect(checkAction("case.withdrawQuestion", "INFO_REQUESTED", ["AANSPREEKPUNT"])).toEqual({ ok: true, to: RETURN });
    // While waiting, the aanspreekpunt still writes notes, takes the question back, refers or hands the case on;
    // a second question or a local start waits until the first is answered or taken back.
    expect(availableActions("INFO_REQUESTED", ["AANSPREEKPUNT"]).toSorted()).toEqual(
      ["case.assign", "case.linkOrganisation", "case.note", "case.refer", "case.setUrgency", "case.unlinkOrganisation", "case.withdrawQuestion"].toSorted(),
    );
    expect(checkAction("case.withdrawQuestion", "INFO_REQUESTED", ["FAMILY"])).toEqual({ ok: false, reason: "forbidden" });
    expect(checkAction("case.withdrawQuestion", "IN_PROGRESS", ["AANSPREEKPUNT"])).toEqual({ ok: false, reason: "wrong-state" });
  });

  it("stops the clock while waiting for the family and after closing", () => {
    expect(stateNorms.INFO_REQUESTED).toBeNull();
    expect(stateNorms.CLOSED).toBeNull();
    expect(stateNorms.SUBMITTED).toBeGreaterThan(0);
  });
});
