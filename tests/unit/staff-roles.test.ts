import { describe, expect, it } from "vitest";
import type { Membership, Role } from "@/lib/domain/roles";
import {
  checkGrant,
  checkInvitationManagement,
  checkRemoval,
  checkRoleChange,
  managedScopes,
  rolesOfScope,
  scopeOfMembership,
  type StaffRefusal,
  type StaffScope,
} from "@/lib/domain/staff-roles";

const own = { gemeente: { kind: "gemeente", id: "g-own" }, region: { kind: "region", id: "r-own" } } as const satisfies Record<string, StaffScope>;
const other = { gemeente: { kind: "gemeente", id: "g-other" }, region: { kind: "region", id: "r-other" } } as const satisfies Record<string, StaffScope>;

function actorWith(role: Role): { userId: string; memberships: Membership[] } {
  const m: Membership =
    role === "PLATFORM_ADMIN" || role === "OMBUDSMAN"
      ? { role, gemeenteId: null, regionId: null }
      : ["EXPERT", "REGION_COORDINATOR"].includes(role)
        ? { role, gemeenteId: null, regionId: own.region.id }
        : { role, gemeenteId: own.gemeente.id, regionId: null };
  return { userId: "actor", memberships: [m] };
}

const gemeenteRoles: Role[] = ["AANSPREEKPUNT", "DECISION_HOLDER", "GEMEENTE_ADMIN"];
const regionRoles: Role[] = ["EXPERT", "REGION_COORDINATOR"];
const inviters: Role[] = ["GEMEENTE_ADMIN", "REGION_COORDINATOR", "PLATFORM_ADMIN", "AANSPREEKPUNT", "DECISION_HOLDER", "EXPERT", "OMBUDSMAN", "FAMILY"];

/** What each inviter may grant in their own scope and in another one, when the scope already has a manager. */
function expected(inviter: Role, role: Role, where: "own" | "other"): true | StaffRefusal {
  const kind = gemeenteRoles.includes(role) ? "gemeente" : "region";
  if (inviter === "PLATFORM_ADMIN") return role === "GEMEENTE_ADMIN" || role === "REGION_COORDINATOR" ? "notFirst" : "notYours";
  if (inviter === "GEMEENTE_ADMIN" && kind === "gemeente" && where === "own") return true;
  if (inviter === "REGION_COORDINATOR" && kind === "region" && where === "own") return true;
  return "notYours";
}

describe("who may grant which staff role where", () => {
  const rows = inviters.flatMap((inviter) =>
    [...gemeenteRoles, ...regionRoles].flatMap((role) => (["own", "other"] as const).map((where) => [inviter, role, where] as const)),
  );
  it.each(rows)("%s grants %s in %s scope", (inviter, role, where) => {
    const kind = gemeenteRoles.includes(role) ? "gemeente" : "region";
    const scope = where === "own" ? own[kind] : other[kind];
    const verdict = checkGrant(actorWith(inviter), scope, role, { managers: 1 });
    const want = expected(inviter, role, where);
    expect(verdict.ok ? true : verdict.reason).toBe(want);
  });

  it("lets the platform admin invite only the first admin or coordinator of a scope", () => {
    const admin = actorWith("PLATFORM_ADMIN");
    expect(checkGrant(admin, other.gemeente, "GEMEENTE_ADMIN", { managers: 0 })).toEqual({ ok: true, as: "PLATFORM_ADMIN" });
    expect(checkGrant(admin, other.region, "REGION_COORDINATOR", { managers: 0 })).toEqual({ ok: true, as: "PLATFORM_ADMIN" });
    expect(checkGrant(admin, other.gemeente, "AANSPREEKPUNT", { managers: 0 })).toEqual({ ok: false, reason: "notYours" });
    expect(checkGrant(admin, other.region, "EXPERT", { managers: 0 })).toEqual({ ok: false, reason: "notYours" });
    expect(checkGrant(admin, other.gemeente, "GEMEENTE_ADMIN", { managers: 1 })).toEqual({ ok: false, reason: "notFirst" });
  });

  it("never grants a role of the other kind of scope, nor a national one", () => {
    const admin = actorWith("GEMEENTE_ADMIN");
    for (const role of ["EXPERT", "REGION_COORDINATOR", "OMBUDSMAN", "PLATFORM_ADMIN", "FAMILY"] as Role[]) {
      expect(checkGrant(admin, own.gemeente, role, { managers: 1 })).toEqual({ ok: false, reason: "roleNotAllowed" });
    }
    const coordinator = actorWith("REGION_COORDINATOR");
    for (const role of ["AANSPREEKPUNT", "GEMEENTE_ADMIN", "PLATFORM_ADMIN"] as Role[]) {
      expect(checkGrant(coordinator, own.region, role, { managers: 1 })).toEqual({ ok: false, reason: "roleNotAllowed" });
    }
  });

  it("refuses inviting oneself", () => {
    expect(checkGrant(actorWith("GEMEENTE_ADMIN"), own.gemeente, "AANSPREEKPUNT", { managers: 1 }, { isActor: true })).toEqual({ ok: false, reason: "self" });
    expect(checkGrant(actorWith("PLATFORM_ADMIN"), other.gemeente, "GEMEENTE_ADMIN", { managers: 0 }, { isActor: true })).toEqual({ ok: false, reason: "self" });
  });

  it("takes the managed scopes from the memberships that manage them only", () => {
    const memberships: Membership[] = [
      { role: "GEMEENTE_ADMIN", gemeenteId: "a", regionId: null },
      { role: "AANSPREEKPUNT", gemeenteId: "b", regionId: null },
      { role: "REGION_COORDINATOR", gemeenteId: null, regionId: "r" },
      { role: "EXPERT", gemeenteId: null, regionId: "s" },
    ];
    expect(managedScopes(memberships, "gemeente")).toEqual(["a"]);
    expect(managedScopes(memberships, "region")).toEqual(["r"]);
  });
});

describe("removing and changing members", () => {
  const admin = actorWith("GEMEENTE_ADMIN");
  const member = (role: Role, userId = "someone", scope: StaffScope = own.gemeente) => ({ userId, role, scope });

  it("removes a member of one's own gemeente, and answers not yours for another", () => {
    expect(checkRemoval(admin, member("AANSPREEKPUNT"), { managers: 1 })).toEqual({ ok: true, as: "GEMEENTE_ADMIN" });
    expect(checkRemoval(admin, member("AANSPREEKPUNT", "x", other.gemeente), { managers: 1 })).toEqual({ ok: false, reason: "notYours" });
    expect(checkRemoval(actorWith("AANSPREEKPUNT"), member("DECISION_HOLDER"), { managers: 1 })).toEqual({ ok: false, reason: "notYours" });
    expect(checkRemoval(actorWith("PLATFORM_ADMIN"), member("AANSPREEKPUNT"), { managers: 1 })).toEqual({ ok: false, reason: "notYours" });
  });

  it("keeps the last admin, also when they would step down themselves", () => {
    expect(checkRemoval(admin, member("GEMEENTE_ADMIN", "actor"), { managers: 1 })).toEqual({ ok: false, reason: "lastManager" });
    expect(checkRemoval(admin, member("GEMEENTE_ADMIN", "actor"), { managers: 2 })).toEqual({ ok: true, as: "GEMEENTE_ADMIN" });
    const coordinator = actorWith("REGION_COORDINATOR");
    expect(checkRemoval(coordinator, member("REGION_COORDINATOR", "actor", own.region), { managers: 1 })).toEqual({ ok: false, reason: "lastManager" });
    expect(checkRemoval(coordinator, member("EXPERT", "x", own.region), { managers: 1 })).toEqual({ ok: true, as: "REGION_COORDINATOR" });
  });

  it("changes a colleague's role within the gemeente's roles only", () => {
    expect(checkRoleChange(admin, member("AANSPREEKPUNT"), "DECISION_HOLDER", { managers: 1 })).toEqual({ ok: true, as: "GEMEENTE_ADMIN" });
    expect(checkRoleChange(admin, member("AANSPREEKPUNT"), "GEMEENTE_ADMIN", { managers: 1 })).toEqual({ ok: true, as: "GEMEENTE_ADMIN" });
    expect(checkRoleChange(admin, member("AANSPREEKPUNT"), "EXPERT", { managers: 1 })).toEqual({ ok: false, reason: "roleNotAllowed" });
    expect(checkRoleChange(admin, member("AANSPREEKPUNT"), "PLATFORM_ADMIN", { managers: 1 })).toEqual({ ok: false, reason: "roleNotAllowed" });
    expect(checkRoleChange(admin, member("AANSPREEKPUNT"), "AANSPREEKPUNT", { managers: 1 })).toEqual({ ok: false, reason: "sameRole" });
    expect(checkRoleChange(admin, member("AANSPREEKPUNT", "x", other.gemeente), "DECISION_HOLDER", { managers: 1 })).toEqual({ ok: false, reason: "notYours" });
  });

  it("never lets anyone change their own role", () => {
    expect(checkRoleChange(admin, member("GEMEENTE_ADMIN", "actor"), "AANSPREEKPUNT", { managers: 2 })).toEqual({ ok: false, reason: "self" });
    const twoHats: { userId: string; memberships: Membership[] } = {
      userId: "actor",
      memberships: [...admin.memberships, { role: "AANSPREEKPUNT", gemeenteId: own.gemeente.id, regionId: null }],
    };
    expect(checkRoleChange(twoHats, member("AANSPREEKPUNT", "actor"), "DECISION_HOLDER", { managers: 1 })).toEqual({ ok: false, reason: "self" });
  });

  it("lets managers, and the platform admin for a first manager, take back invitations", () => {
    expect(checkInvitationManagement(admin, own.gemeente, "AANSPREEKPUNT")).toEqual({ ok: true, as: "GEMEENTE_ADMIN" });
    expect(checkInvitationManagement(admin, other.gemeente, "AANSPREEKPUNT")).toEqual({ ok: false, reason: "notYours" });
    expect(checkInvitationManagement(actorWith("PLATFORM_ADMIN"), other.gemeente, "GEMEENTE_ADMIN")).toEqual({ ok: true, as: "PLATFORM_ADMIN" });
    expect(checkInvitationManagement(actorWith("PLATFORM_ADMIN"), other.gemeente, "AANSPREEKPUNT")).toEqual({ ok: false, reason: "notYours" });
  });
});

describe("professionals of an organisation in the directory (decision 040)", () => {
  const admin = actorWith("GEMEENTE_ADMIN");
  const coordinator = actorWith("REGION_COORDINATOR");
  const professional = (scope: StaffScope) => ({ userId: "someone", role: "PROFESSIONAL" as const, scope });

  it("are invited by the manager of their own gemeente or region only, and never by the platform admin", () => {
    expect(checkGrant(admin, own.gemeente, "PROFESSIONAL", { managers: 1 })).toEqual({ ok: true, as: "GEMEENTE_ADMIN" });
    expect(checkGrant(coordinator, own.region, "PROFESSIONAL", { managers: 1 })).toEqual({ ok: true, as: "REGION_COORDINATOR" });
    expect(checkGrant(admin, other.gemeente, "PROFESSIONAL", { managers: 1 })).toEqual({ ok: false, reason: "notYours" });
    expect(checkGrant(actorWith("AANSPREEKPUNT"), own.gemeente, "PROFESSIONAL", { managers: 1 })).toEqual({ ok: false, reason: "notYours" });
    expect(checkGrant(actorWith("PLATFORM_ADMIN"), own.gemeente, "PROFESSIONAL", { managers: 0 })).toEqual({ ok: false, reason: "notYours" });
  });

  it("are kept in the scope that invited them, and removed by its manager, but never changed into staff or back", () => {
    expect(scopeOfMembership({ role: "PROFESSIONAL", gemeenteId: "g-own", regionId: null })).toEqual(own.gemeente);
    expect(scopeOfMembership({ role: "PROFESSIONAL", gemeenteId: null, regionId: "r-own" })).toEqual(own.region);
    // A professional invited to one case only belongs to no gemeente or region.
    expect(scopeOfMembership({ role: "PROFESSIONAL", gemeenteId: null, regionId: null })).toBeNull();
    expect(checkRemoval(admin, professional(own.gemeente), { managers: 1 })).toEqual({ ok: true, as: "GEMEENTE_ADMIN" });
    expect(checkRemoval(coordinator, professional(own.region), { managers: 1 })).toEqual({ ok: true, as: "REGION_COORDINATOR" });
    expect(checkRoleChange(admin, professional(own.gemeente), "AANSPREEKPUNT", { managers: 1 })).toEqual({ ok: false, reason: "roleNotAllowed" });
    expect(checkRoleChange(admin, { userId: "someone", role: "AANSPREEKPUNT", scope: own.gemeente }, "PROFESSIONAL", { managers: 1 })).toEqual({
      ok: false,
      reason: "roleNotAllowed",
    });
    expect(rolesOfScope("gemeente")).not.toContain("PROFESSIONAL");
    expect(rolesOfScope("region")).not.toContain("PROFESSIONAL");
  });
});
