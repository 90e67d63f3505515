import { describe, expect, it } from "vitest";
import { keptSchoolFacts, leerplichtConsentOf, shouldTellLeerplicht } from "@/lib/domain/school-facts";

const sent = {
  schoolName: "Het Duin College",
  samenwerkingsverbandName: "SWV VO Den Haag",
  leerplichtInformed: "YES",
  leerplichtInformedOn: "2026-09-01",
  leerplichtExemption: "NO",
  onderwijsconsulent: "UNSURE",
};

describe("the school facts kept for a case", () => {
  it("keeps what a family of a thuiszitter answered", () => {
    expect(keptSchoolFacts("NONE", sent)).toEqual(sent);
  });

  it("keeps the day leerplicht was told only when it was told", () => {
    expect(keptSchoolFacts("PARTLY", { ...sent, leerplichtInformed: "NO" })).toMatchObject({ leerplichtInformed: "NO", leerplichtInformedOn: null });
    expect(keptSchoolFacts("PARTLY", { ...sent, leerplichtInformed: undefined })).toMatchObject({ leerplichtInformed: null, leerplichtInformedOn: null });
  });

  it("keeps nothing for a child who is not of school age, whatever the form sent", () => {
    expect(Object.values(keptSchoolFacts("NOT_APPLICABLE", sent)).every((v) => v === null)).toBe(true);
  });

  it("leaves an answer it does not know out", () => {
    expect(keptSchoolFacts("ATTENDING", { leerplichtExemption: "MAYBE" }).leerplichtExemption).toBeNull();
  });
});

describe("the family's consent to tell leerplicht", () => {
  it("is kept for a thuiszitter as they answered, and not at all for a child at school", () => {
    expect(leerplichtConsentOf("NONE", "YES")).toBe(true);
    expect(leerplichtConsentOf("PARTLY", "NO")).toBe(false);
    expect(leerplichtConsentOf("NONE", undefined)).toBeNull();
    expect(leerplichtConsentOf("NONE", "ja")).toBeNull();
    expect(leerplichtConsentOf("ATTENDING", "YES")).toBeNull();
    expect(leerplichtConsentOf("NOT_APPLICABLE", "YES")).toBeNull();
  });
});

describe("telling leerplicht", () => {
  it("happens for a thuiszitter with consent, once", () => {
    expect(shouldTellLeerplicht({ schoolSituation: "NONE", leerplichtConsent: true, leerplichtNotifiedAt: null })).toBe(true);
    expect(shouldTellLeerplicht({ schoolSituation: "PARTLY", leerplichtConsent: true, leerplichtNotifiedAt: new Date() })).toBe(false);
    expect(shouldTellLeerplicht({ schoolSituation: "NONE", leerplichtConsent: false, leerplichtNotifiedAt: null })).toBe(false);
    expect(shouldTellLeerplicht({ schoolSituation: "ATTENDING", leerplichtConsent: true, leerplichtNotifiedAt: null })).toBe(false);
  });
});
