import { describe, expect, it } from "vitest";
import { isValidBsn, maskBsn, normaliseBsn } from "@/lib/domain/bsn";
import { responsibleGemeente } from "@/lib/domain/woonplaats";
import { ageOn, consentGiver } from "@/lib/domain/consent";

describe("BSN 11-proef", () => {
  it.each(["111222333", "123456782", "999999990"])("accepts %s", (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each(["123456789", "111222334", "000000000", "12345678", "1234567890", "12345678a"])("refuses %s", (bsn) =>
    expect(isValidBsn(bsn)).toBe(false),
  );
  it("ignores the spaces and dots people type", () => expect(normaliseBsn(" 1112.22 333 ")).toBe("111222333"));
  it("shows only the last three digits", () => expect(maskBsn("111222333")).toBe("******333"));
});

describe("woonplaatsbeginsel", () => {
  const answers = { ownGemeenteCode: "GM0518", previousGemeenteCode: "GM0503", motherGemeenteCode: "GM0363" };

  it("takes the child's own address first", () => {
    expect(responsibleGemeente({ livingSituation: "OWN_ADDRESS", ...answers })).toEqual({ gemeenteCode: "GM0518", rule: "OWN_ADDRESS" });
  });

  it("takes the address before a stay in care", () => {
    expect(responsibleGemeente({ livingSituation: "IN_CARE", ...answers })).toEqual({ gemeenteCode: "GM0503", rule: "BEFORE_CARE" });
  });

  it("otherwise takes the mother's address at birth", () => {
    expect(responsibleGemeente({ livingSituation: "UNKNOWN", ...answers })).toEqual({ gemeenteCode: "GM0363", rule: "MOTHER_AT_BIRTH" });
  });

  it("gives no answer when the needed gemeente is missing", () => {
    expect(responsibleGemeente({ livingSituation: "IN_CARE", ownGemeenteCode: "GM0518" })).toBeNull();
  });
});

describe("consent", () => {
  it("counts full years", () => {
    expect(ageOn("2010-06-15", "2026-06-14")).toBe(15);
    expect(ageOn("2010-06-15", "2026-06-15")).toBe(16);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
  });

  it("asks a parent under 16 and the youth from 16", () => {
    expect(consentGiver("2010-06-15", "2026-06-14")).toBe("PARENT");
    expect(consentGiver("2010-06-15", "2026-06-15")).toBe("YOUTH");
  });
});
