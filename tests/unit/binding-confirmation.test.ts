import { describe, expect, it } from "vitest";
import { bindingConfirmation, closingConfirmation, correctDecisionInput, declareInadmissibleInput, recordDecisionInput } from "@/lib/domain/inputs";
import { dayFromNow } from "@/tests/support/days";

const inAMonth = dayFromNow(30);
const decision = {
  caseId: "cmcase0000000000000000001",
  legalBasis: "Jeugdwet artikel 2.3",
  rationale: "Niemand neemt de regie; de gemeente zet door.",
  assignments: [{ party: "Samenwerkingsverband", description: "Een plek op school", dueOn: inAMonth, payer: "Gemeente" }],
};

describe("the confirmation before a binding decision", () => {
  const form = recordDecisionInput.extend(bindingConfirmation);

  it("refuses a decision whose holder did not tick that it binds, with the box's own message", () => {
    // A form sends "on" for a ticked box and nothing at all for an empty one.
    for (const bindingConfirmed of [undefined, false]) {
      const result = form.safeParse({ ...decision, bindingConfirmed });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["bindingConfirmed", "bindingConfirmRequired"]]);
    }
  });

  it("accepts the ticked box, and the decision itself needs no such field", () => {
    expect(form.safeParse({ ...decision, bindingConfirmed: "on" }).success).toBe(true);
    expect(recordDecisionInput.safeParse(decision).success).toBe(true);
  });

  it("asks the same when a decision is corrected", () => {
    const correction = { ...decision, decisionId: "cmdecision000000000000001", correctionReason: "De datum in het besluit was verkeerd." };
    const corrected = correctDecisionInput.extend(bindingConfirmation);
    expect(corrected.safeParse(correction).error?.issues[0]?.message).toBe("bindingConfirmRequired");
    expect(corrected.safeParse({ ...correction, bindingConfirmed: "on" }).success).toBe(true);
  });

  it("asks the same before a case is declared not admissible, which closes it for good", () => {
    const form = declareInadmissibleInput.extend(closingConfirmation);
    const input = { caseId: decision.caseId, inadmissibleReason: "Er is al passende hulp gestart.", complaintRoute: "Bel de klachtenlijn." };
    expect(form.safeParse(input).error?.issues.map((i) => i.message)).toEqual(["closingConfirmRequired"]);
    expect(form.safeParse({ ...input, closingConfirmed: "on" }).success).toBe(true);
  });
});
