import { describe, expect, it } from "vitest";
import { gemeentePolicyInput } from "@/lib/domain/inputs";
import { addMonths, closedOnOrBefore, isPurgeDue, RETENTION_DEFAULT_MONTHS, retentionMonthsOf } from "@/lib/domain/retention";

const at = (iso: string) => new Date(iso);

describe("the retention period", () => {
  it("is the gemeente's own, or the default when it chose none", () => {
    expect(retentionMonthsOf(null)).toBe(RETENTION_DEFAULT_MONTHS);
    expect(retentionMonthsOf(undefined)).toBe(RETENTION_DEFAULT_MONTHS);
    expect(retentionMonthsOf(60)).toBe(60);
  });

  it("counts calendar months, and a day that does not exist becomes the month's last", () => {
    expect(addMonths(at("2026-01-15T10:00:00Z"), 24)).toEqual(at("2028-01-15T10:00:00Z"));
    expect(addMonths(at("2026-03-31T08:00:00Z"), -1)).toEqual(at("2026-02-28T08:00:00Z"));
    expect(addMonths(at("2028-03-31T08:00:00Z"), -1)).toEqual(at("2028-02-29T08:00:00Z"));
    expect(addMonths(at("2026-12-31T23:30:00Z"), 2)).toEqual(at("2027-02-28T23:30:00Z"));
  });

  it("makes a case due once its period has passed since closing, not a moment before", () => {
    const now = at("2028-06-10T12:00:00Z");
    expect(closedOnOrBefore(now, 24)).toEqual(at("2026-06-10T12:00:00Z"));
    expect(isPurgeDue(at("2026-06-10T12:00:00Z"), 24, now)).toBe(true);
    expect(isPurgeDue(at("2026-06-10T12:00:00.001Z"), 24, now)).toBe(false);
    expect(isPurgeDue(at("2026-06-10T12:00:00Z"), 25, now)).toBe(false);
    expect(isPurgeDue(null, 24, now)).toBe(false);
  });
});

describe("the policy form's input", () => {
  const base = { gemeenteId: "g", retentionMonths: "" };

  it("takes empty (the default) or a whole number of months from 12 to 240, and the box as on or absent", () => {
    expect(gemeentePolicyInput.parse(base)).toEqual({ gemeenteId: "g", retentionMonths: null, familySeesStaffNames: false });
    expect(gemeentePolicyInput.parse({ ...base, retentionMonths: " 12 ", familySeesStaffNames: "on" })).toMatchObject({ retentionMonths: 12, familySeesStaffNames: true });
    expect(gemeentePolicyInput.parse({ ...base, retentionMonths: "240" })).toMatchObject({ retentionMonths: 240 });
  });

  it("refuses what is out of range or not a whole number, with the key of a message for that field", () => {
    for (const [typed, key] of [["5", "retentionRange"], ["11", "retentionRange"], ["241", "retentionRange"], ["500", "retentionRange"], ["0", "retentionRange"], ["99999999999999999999", "retentionRange"], ["2.5", "retentionWhole"], ["-12", "retentionWhole"], ["twaalf", "retentionWhole"], ["1e2", "retentionWhole"]] as const) {
      const parsed = gemeentePolicyInput.safeParse({ ...base, retentionMonths: typed });
      expect(parsed.success, typed).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message]), typed).toEqual([["retentionMonths", key]]);
    }
    expect(gemeentePolicyInput.safeParse({ ...base, retentionDays: "30" }).success).toBe(false);
  });
});
