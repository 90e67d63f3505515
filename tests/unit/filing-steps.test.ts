import { describe, expect, it } from "vitest";
import { filingErrors, filingSteps, firstIncompleteStep, reviewStep, stepErrors, stepIndex, stepOfField } from "@/lib/domain/filing-steps";
import { filingTextFields } from "@/lib/domain/inputs";

const complete = {
  submissionId: "0b7f2f4e-6a43-4c1e-9d6e-2f1f6f3f1a11",
  filerRole: "PARENT",
  childName: "Lieke",
  childBirthDate: "2014-06-01",
  schoolSituation: "NONE",
  outOfSchoolSince: "2026-03-01",
  livingSituation: "OWN_ADDRESS",
  ownGemeenteCode: "GM0518",
  stuckDescription: "Lieke zit al maanden thuis zonder school en zorg.",
  domains: ["ONDERWIJS"],
  refusedBy: "De school en de zorgaanbieder.",
  triedDescription: "Gesprekken.",
  needDescription: "Een school met zorg.",
  urgency: "HIGH",
  consent: "on",
  contactPreference: "EMAIL",
};

describe("the filing steps", () => {
  it("ask every field of the form exactly once, and end with the review", () => {
    const asked = filingSteps.flatMap((s) => [...s.fields]);
    expect(new Set(asked).size).toBe(asked.length);
    expect([...asked].sort()).toEqual([...filingTextFields.filter((f) => f !== "submissionId"), "domains", "documents"].sort());
    expect(filingSteps[reviewStep]?.key).toBe("review");
    expect(stepOfField("submissionId")).toBeNull();
  });

  it("accept a complete form and then continue at the review", () => {
    expect(filingErrors(complete)).toEqual({});
    expect(firstIncompleteStep(filingErrors(complete))).toBe(reviewStep);
  });

  it("show a step only its own messages", () => {
    const errors = filingErrors({ ...complete, childName: "", refusedBy: "" });
    expect(stepErrors(errors, stepIndex("child")!)).toEqual({ childName: "required" });
    expect(stepErrors(errors, stepIndex("who")!)).toEqual({});
    expect(stepErrors(errors, stepIndex("refused")!)).toEqual({ refusedBy: "required" });
  });

  it("resume a draft at the first question that still needs an answer", () => {
    expect(firstIncompleteStep(filingErrors({}))).toBe(stepIndex("where"));
    expect(firstIncompleteStep(filingErrors({ ...complete, triedDescription: "" }))).toBe(stepIndex("tried"));
    expect(firstIncompleteStep(filingErrors({ ...complete, consent: undefined }))).toBe(stepIndex("consent"));
  });

  it("ask since when for a thuiszitter, and only then", () => {
    expect(filingErrors({ ...complete, outOfSchoolSince: "" })).toEqual({ outOfSchoolSince: "required" });
    expect(filingErrors({ ...complete, schoolSituation: "ATTENDING", outOfSchoolSince: "" })).toEqual({});
  });

  it("name the gemeente question the living situation needs", () => {
    const errors = filingErrors({ ...complete, livingSituation: "IN_CARE" });
    expect(errors).toEqual({ previousGemeenteCode: "unknownGemeente" });
    expect(firstIncompleteStep(errors)).toBe(stepIndex("where"));
  });
});
