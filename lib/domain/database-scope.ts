import { permissions, type Permission } from "./permissions";
import { roleScope, type Membership, type Role } from "./roles";
import { managedScopes } from "./staff-roles";

/**
 * What each permission does to case data. Row-level security in PostgreSQL
 * (decision 016) lets a role read the cases of its scope when the role has any
 * case permission, and change them when it has a permission that changes a
 * case. A new permission must be placed here, or the code does not compile.
 */
export const permissionEffect = {
  "case.file": "change",
  "case.follow": "read",
  "case.view": "read",
  "queue.gemeente": "read",
  "queue.region": "read",
  "case.search": "read",
  "case.withdraw": "change",
  "case.invite": "change",
  "case.join": "change",
  "case.addDocument": "change",
  "case.readDocument": "read",
  "case.claim": "change",
  "case.requestInfo": "change",
  "case.withdrawQuestion": "change",
  "case.setUrgency": "change",
  "case.partyLetter": "read",
  "case.manageAssignmentLinks": "change",
  "case.linkOrganisation": "change",
  "case.unlinkOrganisation": "change",
  "case.answer": "change",
  "case.startLocal": "change",
  "case.refer": "change",
  "case.logIntervention": "change",
  "case.propose": "change",
  "case.decide": "change",
  "case.assign": "change",
  "case.note": "change",
  "case.transfer": "change",
  "case.declareInadmissible": "change",
  "case.close": "change",
  "case.refineEvaluation": "change",
  "case.confirmHelpStart": "change",
  "case.settleAssignment": "change",
  "case.reportAssignment": "change",
  "case.correctDecision": "change",
  "case.decisionLetter": "read",
  "audit.read": "read",
  "gemeente.manage": "none",
  "gemeente.manageStaff": "none",
  "gemeente.manageOrganisations": "none",
  "region.manageOrganisations": "none",
  "region.manageStaff": "none",
  "platform.manage": "none",
  "platform.onboard": "none",
  "platform.updateReference": "none",
  "platform.configureFallback": "none",
  "platform.coverage": "none",
  "statistics.read": "none",
  "platform.configureStatistics": "none",
  "signal.manage": "none",
} as const satisfies Record<Permission, "read" | "change" | "none">;

/** The cases a role reaches in the database: through gemeenten, regions, party rows or nationally. */
export type Reach = {
  gemeenten: string[];
  regions: string[];
  party: boolean;
  national: boolean;
};

/** Who acts in one database transaction, as set with set_config before its first query. */
export type DatabaseScope = {
  /** The portal's own jobs (overdue scan, outbox, retention), which act for no one */
  system: boolean;
  userId: string | null;
  read: Reach;
  change: Reach;
  /** The hash of an invitation link being opened or accepted: the link is the key to its case */
  invitationTokenHash?: string;
  /** Someone not signed in who may make an account (registration, a staff invitation) */
  visitor?: boolean;
  /** The gemeenten and regions whose staff memberships the person manages (staff-roles.ts) */
  manages?: { gemeenten: string[]; regions: string[] };
  /**
   * The services that aggregate figures: every row of CaseStatistic and no case data
   * (decision 026). Only asStatisticsReader (lib/server/statistics/read-scope.ts) sets it.
   */
  statistics?: boolean;
};

function rolesWith(effects: readonly ("read" | "change")[]): Set<Role> {
  const out = new Set<Role>();
  for (const [permission, effect] of Object.entries(permissionEffect) as [Permission, string][]) {
    if ((effects as readonly string[]).includes(effect)) for (const role of permissions[permission]) out.add(role);
  }
  return out;
}

const readingRoles = rolesWith(["read", "change"]);
const changingRoles = rolesWith(["change"]);

function reachOf(memberships: readonly Membership[], allowed: Set<Role>): Reach {
  const reach: Reach = { gemeenten: [], regions: [], party: false, national: false };
  for (const m of memberships) {
    if (!allowed.has(m.role)) continue;
    switch (roleScope[m.role]) {
      case "national":
        reach.national = true;
        break;
      case "gemeente":
        if (m.gemeenteId && !reach.gemeenten.includes(m.gemeenteId)) reach.gemeenten.push(m.gemeenteId);
        break;
      case "region":
        if (m.regionId && !reach.regions.includes(m.regionId)) reach.regions.push(m.regionId);
        break;
      case "party":
        reach.party = true;
        break;
    }
  }
  return reach;
}

/** The database scope of a person, from their memberships and the permission table. */
export function databaseScopeOf(userId: string, memberships: readonly Membership[]): DatabaseScope {
  return {
    system: false,
    userId,
    read: reachOf(memberships, readingRoles),
    change: reachOf(memberships, changingRoles),
    manages: { gemeenten: managedScopes(memberships, "gemeente"), regions: managedScopes(memberships, "region") },
  };
}

const nothing: Reach = { gemeenten: [], regions: [], party: false, national: false };

/** The portal's own jobs: every case, for no one in particular. */
export const systemScope: DatabaseScope = { system: true, userId: null, read: nothing, change: nothing };

/** A visitor who is not signed in (registration, sign-in): no case at all. */
export const anonymousScope: DatabaseScope = { system: false, userId: null, read: nothing, change: nothing, visitor: true };

/** The set_config settings of a scope, in the form the policies read (migration 20261201221500). */
export function scopeSettings(scope: DatabaseScope): Record<string, string> {
  const on = (flag: boolean) => (flag ? "on" : "");
  return {
    "doorbraak.system": on(scope.system),
    "doorbraak.user_id": scope.userId ?? "",
    "doorbraak.read_gemeenten": scope.read.gemeenten.join(","),
    "doorbraak.read_regions": scope.read.regions.join(","),
    "doorbraak.read_party": on(scope.read.party),
    "doorbraak.read_national": on(scope.read.national),
    "doorbraak.write_gemeenten": scope.change.gemeenten.join(","),
    "doorbraak.write_regions": scope.change.regions.join(","),
    "doorbraak.write_party": on(scope.change.party),
    "doorbraak.write_national": on(scope.change.national),
    "doorbraak.invitation": scope.invitationTokenHash ?? "",
    "doorbraak.visitor": on(scope.visitor ?? false),
    "doorbraak.manage_gemeenten": scope.manages?.gemeenten.join(",") ?? "",
    "doorbraak.manage_regions": scope.manages?.regions.join(",") ?? "",
    "doorbraak.statistics": on(scope.statistics ?? false),
    // Set by the refresh of a case's statistic, for a moment, never by a scope (decision 026).
    "doorbraak.statistic_rows": "",
  };
}

/** The same scope, also reaching one more gemeente: for a transfer, once it is allowed. */
export function withGemeente(scope: DatabaseScope, gemeenteId: string): DatabaseScope {
  const add = (reach: Reach): Reach => ({ ...reach, gemeenten: [...new Set([...reach.gemeenten, gemeenteId])] });
  return { ...scope, read: add(scope.read), change: add(scope.change) };
}
