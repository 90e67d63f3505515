/**
 * The roles of DESIGN.md and the kind of scope each one is held in.
 * Mirrors the `Role` enum of the Prisma schema; kept here as plain data so that
 * domain rules stay free of the database client.
 */
export const roles = [
  "FAMILY",
  "PROFESSIONAL",
  "AANSPREEKPUNT",
  "DECISION_HOLDER",
  "EXPERT",
  "OMBUDSMAN",
  "GEMEENTE_ADMIN",
  "REGION_COORDINATOR",
  "PLATFORM_ADMIN",
] as const;

export type Role = (typeof roles)[number];

export type ScopeKind = "party" | "gemeente" | "region" | "national";

export const roleScope = {
  FAMILY: "party",
  PROFESSIONAL: "party",
  AANSPREEKPUNT: "gemeente",
  DECISION_HOLDER: "gemeente",
  GEMEENTE_ADMIN: "gemeente",
  EXPERT: "region",
  REGION_COORDINATOR: "region",
  OMBUDSMAN: "national",
  PLATFORM_ADMIN: "national",
} as const satisfies Record<Role, ScopeKind>;

export const staffRoles: readonly Role[] = [
  "AANSPREEKPUNT",
  "DECISION_HOLDER",
  "EXPERT",
  "OMBUDSMAN",
  "GEMEENTE_ADMIN",
  "REGION_COORDINATOR",
  "PLATFORM_ADMIN",
];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export type Membership = {
  role: Role;
  gemeenteId: string | null;
  regionId: string | null;
};

/** How a person is linked to a case; mirrors the `PartyRole` enum of the Prisma schema. */
export const partyRoles = ["FILER", "PARENT", "YOUTH", "PROFESSIONAL", "CLIENT_SUPPORTER"] as const;
export type PartyRole = (typeof partyRoles)[number];

/**
 * The role a party row gives on its case. A parent or youth acts as family;
 * a professional or an independent client supporter acts as a professional,
 * so a client supporter can never, say, withdraw the family's case.
 */
export const partyRoleGrants = {
  FILER: "FAMILY",
  PARENT: "FAMILY",
  YOUTH: "FAMILY",
  PROFESSIONAL: "PROFESSIONAL",
  CLIENT_SUPPORTER: "PROFESSIONAL",
} as const satisfies Record<PartyRole, Role>;

/** What the rules need to know about a case to decide who holds which role on it. */
export type CaseScopeFacts = {
  gemeenteId: string;
  regionId: string | null;
  /** Users linked to the case as family, filer, professional or client supporter */
  parties: readonly { userId: string; role: PartyRole }[];
  /** Whether the case was ever referred to the region's expert team */
  referred: boolean;
};

/**
 * The roles a user holds on one particular case: a membership counts only when
 * its scope covers the case. Expert team members see a case once it was
 * referred to their region; family and professionals through their party row,
 * and only in the role that row grants.
 */
export function rolesOnCase(
  userId: string,
  memberships: readonly Membership[],
  facts: CaseScopeFacts,
): Role[] {
  const held = new Set<Role>();
  for (const m of memberships) {
    const scope = roleScope[m.role];
    if (scope === "national") held.add(m.role);
    else if (scope === "gemeente" && m.gemeenteId === facts.gemeenteId) held.add(m.role);
    else if (scope === "region" && facts.referred && m.regionId !== null && m.regionId === facts.regionId)
      held.add(m.role);
    else if (scope === "party" && facts.parties.some((p) => p.userId === userId && partyRoleGrants[p.role] === m.role))
      held.add(m.role);
  }
  return [...held];
}
