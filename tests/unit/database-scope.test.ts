import { describe, expect, it } from "vitest";
import { databaseScopeOf, permissionEffect, scopeSettings, systemScope, withGemeente } from "@/lib/domain/database-scope";
import { permissions, type Permission } from "@/lib/domain/permissions";
import { roles, roleScope, type Membership, type Role } from "@/lib/domain/roles";

const membershipOf = (role: Role): Membership => ({
  role,
  gemeenteId: roleScope[role] === "gemeente" ? "g1" : null,
  regionId: roleScope[role] === "region" ? "r1" : null,
});

/** From the permission table itself: may this role read (or change) any case at all? */
function tableSays(role: Role, effect: "read" | "change"): boolean {
  return (Object.keys(permissions) as Permission[]).some((p) => {
    const e = permissionEffect[p];
    const counts = effect === "read" ? e !== "none" : e === "change";
    return counts && (permissions[p] as readonly Role[]).includes(role);
  });
}

describe("the database scope of each role follows the permission table", () => {
  for (const role of roles) {
    it(`${role}`, () => {
      const scope = databaseScopeOf("u1", [membershipOf(role)]);
      expect(scope.system).toBe(false);
      expect(scope.userId).toBe("u1");
      for (const effect of ["read", "change"] as const) {
        const reach = effect === "read" ? scope.read : scope.change;
        const reaches = reach.gemeenten.length > 0 || reach.regions.length > 0 || reach.party || reach.national;
        expect(reaches, `${role} ${effect}`).toBe(tableSays(role, effect));
        if (!reaches) continue;
        const kind = roleScope[role];
        expect(reach).toEqual({
          gemeenten: kind === "gemeente" ? ["g1"] : [],
          regions: kind === "region" ? ["r1"] : [],
          party: kind === "party",
          national: kind === "national",
        });
      }
    });
  }

  it("gives the ombudsman every case to read and none to change", () => {
    const scope = databaseScopeOf("u1", [membershipOf("OMBUDSMAN")]);
    expect(scope.read.national).toBe(true);
    expect(scope.change.national).toBe(false);
  });

  it("gives administrators no case at all, and a gemeente admin the staff of their gemeente only", () => {
    for (const role of ["GEMEENTE_ADMIN", "PLATFORM_ADMIN"] as const) {
      const settings = scopeSettings(databaseScopeOf("u1", [membershipOf(role)]));
      const set = Object.entries(settings).filter(([name, value]) => name !== "doorbraak.user_id" && value !== "");
      expect(set).toEqual(role === "GEMEENTE_ADMIN" ? [["doorbraak.manage_gemeenten", membershipOf(role).gemeenteId]] : []);
    }
  });

  it("lets a region coordinator manage the staff of their region, and nobody else manage staff", () => {
    const coordinator = scopeSettings(databaseScopeOf("u1", [{ role: "REGION_COORDINATOR", gemeenteId: null, regionId: "r1" }]));
    expect(coordinator).toMatchObject({ "doorbraak.manage_regions": "r1", "doorbraak.manage_gemeenten": "" });
    for (const role of ["AANSPREEKPUNT", "DECISION_HOLDER", "OMBUDSMAN", "FAMILY"] as const) {
      const settings = scopeSettings(databaseScopeOf("u1", [membershipOf(role)]));
      expect({ role, gemeenten: settings["doorbraak.manage_gemeenten"], regions: settings["doorbraak.manage_regions"] }).toEqual({ role, gemeenten: "", regions: "" });
    }
  });

  it("adds up several memberships without repeating a gemeente", () => {
    const scope = databaseScopeOf("u1", [
      { role: "AANSPREEKPUNT", gemeenteId: "g1", regionId: null },
      { role: "DECISION_HOLDER", gemeenteId: "g1", regionId: null },
      { role: "AANSPREEKPUNT", gemeenteId: "g2", regionId: null },
    ]);
    expect(scope.change.gemeenten).toEqual(["g1", "g2"]);
  });

  it("widens a transfer's scope to the target gemeente only", () => {
    const scope = withGemeente(databaseScopeOf("u1", [membershipOf("AANSPREEKPUNT")]), "g9");
    expect(scope.read.gemeenten).toEqual(["g1", "g9"]);
    expect(scope.change.gemeenten).toEqual(["g1", "g9"]);
    expect(scope.read.national).toBe(false);
  });

  it("writes every setting, so nothing of an earlier transaction is left over", () => {
    expect(Object.keys(scopeSettings(systemScope)).sort()).toEqual(
      Object.keys(scopeSettings(databaseScopeOf("u1", [membershipOf("FAMILY")]))).sort(),
    );
    expect(scopeSettings(systemScope)["doorbraak.system"]).toBe("on");
  });
});
