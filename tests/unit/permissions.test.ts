import { describe, expect, it } from "vitest";
import { may, permissions, type Permission } from "@/lib/domain/permissions";
import { figureScopesOf, mayReadFigures } from "@/lib/domain/figure-scopes";
import { roles } from "@/lib/domain/roles";

describe("permission table", () => {
  const table = Object.entries(permissions) as [Permission, readonly string[]][];

  describe.each(table)("%s", (action, allowed) => {
    it.each(roles.map((role) => [role, allowed.includes(role)] as const))("%s → %s", (role, expected) => {
      expect(may([role], action)).toBe(expected);
    });
  });

  it("fails closed for an unknown action", () => {
    expect(may([...roles], "case.delete")).toBe(false);
  });

  it("fails closed for a user without roles", () => {
    for (const action of Object.keys(permissions)) expect(may([], action)).toBe(false);
  });

  it("lets the ombudsman read but never change a case", () => {
    const changes = Object.keys(permissions).filter((a) => may(["OMBUDSMAN"], a));
    expect(changes.sort()).toEqual(["audit.read", "case.decisionLetter", "case.readDocument", "case.search", "case.view", "statistics.read"]);
  });
});

describe("whose figures a person reads", () => {
  const gemeente = { role: "AANSPREEKPUNT" as const, gemeenteId: "g1", regionId: null };
  const region = { role: "REGION_COORDINATOR" as const, gemeenteId: null, regionId: "r1" };
  const country = { role: "OMBUDSMAN" as const, gemeenteId: null, regionId: null };

  it("gives each staff member the figures of their own scope, and families none", () => {
    expect(figureScopesOf([gemeente, region, country])).toEqual([
      { level: "gemeente", gemeenteId: "g1" },
      { level: "region", regionId: "r1" },
      { level: "country" },
    ]);
    expect(figureScopesOf([{ role: "FAMILY", gemeenteId: null, regionId: null }])).toEqual([]);
    expect(figureScopesOf([{ role: "PROFESSIONAL", gemeenteId: null, regionId: null }])).toEqual([]);
  });

  it("answers another gemeente's, region's or the country's figures with no", () => {
    expect(mayReadFigures([gemeente], { level: "gemeente", gemeenteId: "g1" })).toBe(true);
    expect(mayReadFigures([gemeente], { level: "gemeente", gemeenteId: "g2" })).toBe(false);
    expect(mayReadFigures([gemeente], { level: "region", regionId: "r1" })).toBe(false);
    expect(mayReadFigures([region], { level: "region", regionId: "r2" })).toBe(false);
    expect(mayReadFigures([region], { level: "country" })).toBe(false);
    expect(mayReadFigures([country], { level: "country" })).toBe(true);
    // The country's roles oversee every region and gemeente.
    expect(mayReadFigures([country], { level: "gemeente", gemeenteId: "g2" })).toBe(true);
  });
});
