import type { Role } from "./roles";

/**
 * Who may do what: the one table every permission check reads.
 * To change who may take an action, change its row here.
 * Scope (which cases) is decided separately by `rolesOnCase`.
 */
export const permissions = {
  /** File a new escalation for one's own family or on behalf of a family */
  "case.file": ["FAMILY", "PROFESSIONAL"],
  /** Follow one's own case on the family pages */
  "case.follow": ["FAMILY", "PROFESSIONAL"],
  /** Open a case in the staff workspace (every such read is audited) */
  "case.view": ["AANSPREEKPUNT", "DECISION_HOLDER", "EXPERT", "OMBUDSMAN"],
  /** The gemeente's queue of escalations */
  "queue.gemeente": ["AANSPREEKPUNT", "DECISION_HOLDER"],
  /** The region's expert team queue of referred cases */
  "queue.region": ["EXPERT"],
  /** National, read-only search over all cases */
  "case.search": ["OMBUDSMAN"],
  /** The family stops the escalation, with a reason */
  "case.withdraw": ["FAMILY"],
  /** Invite a client supporter, a parent or a professional to join the case by e-mail */
  "case.invite": ["FAMILY", "PROFESSIONAL"],
  /** Accept an invitation and join a case as a party; a staff account cannot, so staff never mix their work with a family's side of a case */
  "case.join": ["FAMILY", "PROFESSIONAL"],
  /** Add a document (PDF or image) to the case */
  "case.addDocument": ["FAMILY", "PROFESSIONAL"],
  /** Download a case's documents (every download is audited) */
  "case.readDocument": ["FAMILY", "PROFESSIONAL", "AANSPREEKPUNT", "DECISION_HOLDER", "EXPERT", "OMBUDSMAN"],
  "case.claim": ["AANSPREEKPUNT"],
  /** Ask the family for information; the clock stops until they answer */
  "case.requestInfo": ["AANSPREEKPUNT", "EXPERT"],
  "case.withdrawQuestion": ["AANSPREEKPUNT", "EXPERT"],
  /** The family (or the professional who filed) answers that question */
  "case.answer": ["FAMILY", "PROFESSIONAL"],
  "case.startLocal": ["AANSPREEKPUNT"],
  "case.refer": ["AANSPREEKPUNT"],
  "case.logIntervention": ["EXPERT"],
  "case.propose": ["AANSPREEKPUNT", "EXPERT"],
  "case.decide": ["DECISION_HOLDER"],
  "case.assign": ["AANSPREEKPUNT"],
  "case.note": ["AANSPREEKPUNT"],
  /** Raise or lower how urgent a case is, with the reason: a crisis cannot wait for the family's answer or the next step */
  "case.setUrgency": ["AANSPREEKPUNT"],
  /** Name an organisation from the gemeente's directory in a case, with its part, or take it off again */
  "case.linkOrganisation": ["AANSPREEKPUNT", "EXPERT"],
  "case.unlinkOrganisation": ["AANSPREEKPUNT", "EXPERT"],
  "case.transfer": ["AANSPREEKPUNT"],
  "case.declareInadmissible": ["AANSPREEKPUNT"],
  "case.close": ["AANSPREEKPUNT"],
  /** Change the evaluation of a closed case: causes, organisations, outcome, the day help started, notes */
  "case.refineEvaluation": ["AANSPREEKPUNT"],
  /** The family confirms or corrects the day the help started, as staff recorded it */
  "case.confirmHelpStart": ["FAMILY"],
  "case.settleAssignment": ["AANSPREEKPUNT", "EXPERT"],
  "case.reportAssignment": ["FAMILY", "PROFESSIONAL"],
  "case.correctDecision": ["DECISION_HOLDER"],
  /** The decision letter (PDF) of a case, for the family and staff who may see the case */
  "case.decisionLetter": ["FAMILY", "PROFESSIONAL", "AANSPREEKPUNT", "DECISION_HOLDER", "EXPERT", "OMBUDSMAN"],
  /** The copy of the decision for one party, with only its own assignment, which staff send to that party */
  "case.partyLetter": ["AANSPREEKPUNT", "DECISION_HOLDER", "EXPERT"],
  /** Send an organisation a new link to its own assignment, or stop its link (decision 037) */
  "case.manageAssignmentLinks": ["AANSPREEKPUNT", "DECISION_HOLDER"],
  /** Read a case's audit trail */
  "audit.read": ["OMBUDSMAN"],
  /** A gemeente's public contact details and its staff list */
  "gemeente.manage": ["GEMEENTE_ADMIN"],
  /** The gemeente's directory of organisations (schools, samenwerkingsverbanden, leerplicht, providers) that staff pick on a case */
  "gemeente.manageOrganisations": ["GEMEENTE_ADMIN"],
  /** The jeugdregio's directory of organisations that work for the whole region (RMC, samenwerkingsverband, regional providers); staff of its gemeenten pick from it too */
  "region.manageOrganisations": ["REGION_COORDINATOR"],
  /** Invite, change and remove the staff of one's gemeente (roles in lib/domain/staff-roles.ts) */
  "gemeente.manageStaff": ["GEMEENTE_ADMIN"],
  /** Invite, change and remove the members of one's region's expert team */
  "region.manageStaff": ["REGION_COORDINATOR"],
  /** Regions, their expert teams and member gemeenten */
  "platform.manage": ["PLATFORM_ADMIN"],
  /** Activate a gemeente or an expert team, and invite its first admin or coordinator */
  "platform.onboard": ["PLATFORM_ADMIN"],
  /** Upload and apply the yearly CBS list of gemeenten and jeugdregio's */
  "platform.updateReference": ["PLATFORM_ADMIN"],
  /** Where cases go when neither the gemeente nor the region works with the portal */
  "platform.configureFallback": ["PLATFORM_ADMIN"],
  /** Live or not, per gemeente and region, with open and waiting cases (counts only) */
  "platform.coverage": ["PLATFORM_ADMIN"],
  /** The threshold below which the figures show no count (decision 027) */
  "platform.configureStatistics": ["PLATFORM_ADMIN"],
  /** The monitoring figures of one's own gemeente, jeugdregio or the country (aggregates only, small numbers suppressed) */
  "statistics.read": ["AANSPREEKPUNT", "DECISION_HOLDER", "GEMEENTE_ADMIN", "EXPERT", "REGION_COORDINATOR", "OMBUDSMAN", "PLATFORM_ADMIN"],
  /** Record what was done with a structural signal of one's region: raised at the regional table, passed on to the national table */
  "signal.manage": ["REGION_COORDINATOR", "GEMEENTE_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && Object.hasOwn(permissions, value);
}

/** Fails closed: an unknown action or role is never allowed. */
export function may(heldRoles: readonly Role[], action: string): boolean {
  if (!isPermission(action)) return false;
  const allowed: readonly Role[] = permissions[action];
  return heldRoles.some((role) => allowed.includes(role));
}
