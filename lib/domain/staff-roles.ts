import { permissions, type Permission } from "./permissions";
import { roleScope, type Membership, type Role } from "./roles";

/**
 * Who may give whom which staff role, where (decision 020). Pure rules: the
 * services feed them the actor's own memberships and the facts of the scope,
 * and turn a refusal into "not found" (not yours) or a message.
 */

/** Where a staff role is held: one gemeente, or one jeugdregio (its expert team). */
export type StaffScope = { kind: "gemeente"; id: string } | { kind: "region"; id: string };

/** The role that manages a scope's staff, and of which a scope always keeps one once it has one. */
export const managerRole = { gemeente: "GEMEENTE_ADMIN", region: "REGION_COORDINATOR" } as const satisfies Record<StaffScope["kind"], Role>;

/** The permission that lets a manager run the staff of their own scope. */
const managePermission = {
  gemeente: "gemeente.manageStaff",
  region: "region.manageStaff",
} as const satisfies Record<StaffScope["kind"], Permission>;

/**
 * The roles each manager may grant inside their own scope. No role above one's own:
 * a gemeente admin hands out the gemeente's roles, a coordinator the region's. Both
 * also invite professionals of an organisation in their directory (decision 040):
 * not staff, but given and ended by the same managers.
 */
export const grantableBy = {
  GEMEENTE_ADMIN: ["AANSPREEKPUNT", "DECISION_HOLDER", "GEMEENTE_ADMIN", "PROFESSIONAL"],
  REGION_COORDINATOR: ["EXPERT", "REGION_COORDINATOR", "PROFESSIONAL"],
} as const satisfies Record<(typeof managerRole)[StaffScope["kind"]], readonly Role[]>;

/** The platform admin starts a scope: only its first admin or coordinator, never the people who work on cases. */
export const onboardingRoles = ["GEMEENTE_ADMIN", "REGION_COORDINATOR"] as const satisfies readonly Role[];

/** Roles whose arrival can make a gemeente or a region live (DESIGN.md "Scale"). */
export const liveMakingRoles = ["AANSPREEKPUNT", "DECISION_HOLDER", "EXPERT"] as const satisfies readonly Role[];

export function makesLive(role: Role): boolean {
  return (liveMakingRoles as readonly Role[]).includes(role);
}

/** The staff roles a scope kind holds, in the order the pages list them; professionals are no staff. */
export function rolesOfScope(kind: StaffScope["kind"]): Role[] {
  const granted: readonly Role[] = kind === "gemeente" ? grantableBy.GEMEENTE_ADMIN : grantableBy.REGION_COORDINATOR;
  return granted.filter((r) => r !== "PROFESSIONAL");
}

export function scopeOfMembership(m: Pick<Membership, "role" | "gemeenteId" | "regionId">): StaffScope | null {
  const kind = roleScope[m.role];
  if (kind === "gemeente" && m.gemeenteId) return { kind, id: m.gemeenteId };
  if (kind === "region" && m.regionId) return { kind, id: m.regionId };
  // A professional invited from a directory is kept in the inviting gemeente or region (decision 040).
  if (m.role === "PROFESSIONAL" && m.gemeenteId) return { kind: "gemeente", id: m.gemeenteId };
  if (m.role === "PROFESSIONAL" && m.regionId) return { kind: "region", id: m.regionId };
  return null;
}

/** Whether the actor manages the staff of this scope through one of their own memberships. */
export function managesScope(memberships: readonly Membership[], scope: StaffScope): boolean {
  const allowed: readonly Role[] = permissions[managePermission[scope.kind]];
  return memberships.some(
    (m) => allowed.includes(m.role) && m.role === managerRole[scope.kind] && (scope.kind === "gemeente" ? m.gemeenteId : m.regionId) === scope.id,
  );
}

export function onboards(memberships: readonly Membership[]): boolean {
  const allowed: readonly Role[] = permissions["platform.onboard"];
  return memberships.some((m) => allowed.includes(m.role));
}

/** The scopes whose staff the actor manages, from their own memberships only. */
export function managedScopes(memberships: readonly Membership[], kind: StaffScope["kind"]): string[] {
  const ids = memberships.flatMap((m) => {
    const scope = scopeOfMembership(m);
    return scope && scope.kind === kind && managesScope(memberships, scope) ? [scope.id] : [];
  });
  return [...new Set(ids)];
}

export type StaffRefusal =
  /** The scope is not the actor's: the service answers "not found" */
  | "notYours"
  /** The actor may not give (or take away) this role here */
  | "roleNotAllowed"
  /** The scope has its first admin or coordinator already: its own managers take it from here */
  | "notFirst"
  /** Nobody changes their own role or invites themselves: another manager does it */
  | "self"
  /** The last admin (or coordinator) of a scope stays */
  | "lastManager"
  /** The membership has this role already */
  | "sameRole";

export type StaffVerdict = { ok: true; as: Role } | { ok: false; reason: StaffRefusal };

type Actor = { userId: string; memberships: readonly Membership[] };

/** What the rules need to know about the scope: how many managers it has now. */
export type ScopeFacts = { managers: number };

/**
 * May the actor give `role` in `scope`, to someone else (an invitation or an
 * accepted one)? A manager within their own scope; the platform admin only the
 * first manager of a scope that has none.
 */
export function checkGrant(actor: Actor, scope: StaffScope, role: Role, facts: ScopeFacts, grantee?: { userId?: string | null; isActor?: boolean }): StaffVerdict {
  const manager = managerRole[scope.kind];
  if (managesScope(actor.memberships, scope)) {
    if (grantee?.isActor || (grantee?.userId && grantee.userId === actor.userId)) return { ok: false, reason: "self" };
    const allowed: readonly Role[] = grantableBy[manager];
    return allowed.includes(role) ? { ok: true, as: manager } : { ok: false, reason: "roleNotAllowed" };
  }
  if (onboards(actor.memberships)) {
    if (grantee?.isActor || (grantee?.userId && grantee.userId === actor.userId)) return { ok: false, reason: "self" };
    // The staff who work on cases are the gemeente's (or region's) own business: not the platform admin's.
    if (role !== manager) return { ok: false, reason: "notYours" };
    if (facts.managers > 0) return { ok: false, reason: "notFirst" };
    return { ok: true, as: "PLATFORM_ADMIN" };
  }
  return { ok: false, reason: "notYours" };
}

/** A membership as the rules see it: whose, which role, where. */
export type MemberFacts = { userId: string; role: Role; scope: StaffScope };

/**
 * May the actor take this membership away? Within their own scope, for a role
 * they could grant; stepping down oneself is fine, unless one is the last manager.
 */
export function checkRemoval(actor: Actor, member: MemberFacts, facts: ScopeFacts): StaffVerdict {
  if (!managesScope(actor.memberships, member.scope)) return { ok: false, reason: "notYours" };
  const manager = managerRole[member.scope.kind];
  const allowed: readonly Role[] = grantableBy[manager];
  if (!allowed.includes(member.role)) return { ok: false, reason: "roleNotAllowed" };
  if (member.role === manager && facts.managers <= 1) return { ok: false, reason: "lastManager" };
  return { ok: true, as: manager };
}

/**
 * May the actor change this membership to `role`? Both the old and the new role
 * must be theirs to grant here; nobody changes their own role (that is how one
 * would give oneself more); the last manager keeps their role.
 */
export function checkRoleChange(actor: Actor, member: MemberFacts, role: Role, facts: ScopeFacts): StaffVerdict {
  if (!managesScope(actor.memberships, member.scope)) return { ok: false, reason: "notYours" };
  if (member.userId === actor.userId) return { ok: false, reason: "self" };
  const manager = managerRole[member.scope.kind];
  const allowed: readonly Role[] = rolesOfScope(member.scope.kind);
  // A professional does not become staff, nor staff a professional: each is invited for what they are.
  if (!allowed.includes(member.role) || !allowed.includes(role)) return { ok: false, reason: "roleNotAllowed" };
  if (member.role === role) return { ok: false, reason: "sameRole" };
  if (member.role === manager && facts.managers <= 1) return { ok: false, reason: "lastManager" };
  return { ok: true, as: manager };
}

/**
 * May the actor take back (or see) an open invitation? Whoever hands out that
 * role in that scope: its managers, and the platform admin for a first manager.
 */
export function checkInvitationManagement(actor: Actor, scope: StaffScope, role: Role): StaffVerdict {
  const manager = managerRole[scope.kind];
  if (managesScope(actor.memberships, scope)) {
    const allowed: readonly Role[] = grantableBy[manager];
    return allowed.includes(role) ? { ok: true, as: manager } : { ok: false, reason: "roleNotAllowed" };
  }
  if (onboards(actor.memberships) && role === manager) return { ok: true, as: "PLATFORM_ADMIN" };
  return { ok: false, reason: "notYours" };
}
