import { beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { asActor, scopeOfActor } from "@/lib/db/acting";
import { chainFor } from "@/lib/domain/audit";
import { managesScope, scopeOfMembership } from "@/lib/domain/staff-roles";
import { clockStatuses } from "@/lib/domain/deadlines";
import { defaultQueueFilter } from "@/lib/domain/queue-filters";
import { fallbackInput, statisticsThresholdInput, gemeenteContactInput, gemeentePolicyInput } from "@/lib/domain/inputs";
import { updateFallback } from "@/lib/server/coverage/fallback";
import { readCoverage } from "@/lib/server/coverage/read-coverage";
import { may, permissions, type Permission } from "@/lib/domain/permissions";
import { roles, roleScope, type Role } from "@/lib/domain/roles";
import { gemeenteNormsInput, listManagedNorms, updateGemeenteNorms } from "@/lib/server/admin/manage-norms";
import { listManagedGemeenten, updateGemeenteContact } from "@/lib/server/admin/manage-gemeente";
import { listManagedPolicies, updateGemeentePolicy } from "@/lib/server/admin/manage-policy";
import { exportAuditTrail } from "@/lib/server/audit/export-audit-trail";
import { verifyAuditTrail } from "@/lib/server/audit/verify-audit-trail";
import { readAccessLog } from "@/lib/server/cases/access-log";
import { addNote } from "@/lib/server/cases/add-note";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { assignCase } from "@/lib/server/cases/assign-case";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { confirmHelpStart } from "@/lib/server/cases/confirm-help-start";
import { correctDecision } from "@/lib/server/cases/correct-decision";
import { declareInadmissible } from "@/lib/server/cases/declare-inadmissible";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase, listMyCases } from "@/lib/server/cases/follow-case";
import { listProcesregieSteps } from "@/lib/server/cases/list-procesregie-steps";
import { gemeenteQueueView, listRegionQueue } from "@/lib/server/cases/list-queues";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { openCase } from "@/lib/server/cases/open-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { readAuditTrail } from "@/lib/server/cases/read-audit-trail";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { refineEvaluation } from "@/lib/server/cases/refine-evaluation";
import { requestInfo } from "@/lib/server/cases/request-info";
import { withdrawQuestion } from "@/lib/server/cases/withdraw-question";
import { setUrgency } from "@/lib/server/cases/set-urgency";
import { linkOrganisation } from "@/lib/server/cases/link-organisation";
import { unlinkOrganisation } from "@/lib/server/cases/unlink-organisation";
import { directoryEntryFor, namedInCase } from "../support/organisations";
import { emptyCaseSearch, searchCases } from "@/lib/server/cases/search-cases";
import { startLocal } from "@/lib/server/cases/start-local";
import { findOwnTransfer, transferCase } from "@/lib/server/cases/transfer-case";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { decisionLetter, partyLetter } from "@/lib/server/decisions/decision-letter";
import { addDocument } from "@/lib/server/documents/add-document";
import { listCaseDocuments } from "@/lib/server/documents/list-documents";
import { readDocument } from "@/lib/server/documents/read-document";
import { loadDraft, saveDraft } from "@/lib/server/drafts/case-draft";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { acceptInvitation, WrongAccountError } from "@/lib/server/invitations/accept-invitation";
import { inviteToCase } from "@/lib/server/invitations/invite-to-case";
import { listCaseInvitations } from "@/lib/server/invitations/list-invitations";
import { readInvitationByToken } from "@/lib/server/invitations/read-invitation";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { resendAssignmentLink, revokeAssignmentLink } from "@/lib/server/assignment-links/manage-links";
import { assignmentLinkLetter, openAssignmentLink, reportThroughLink } from "@/lib/server/assignment-links/use-link";
import { familyAssignmentFollowUp, staffAssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { reportAssignment } from "@/lib/server/monitoring/report-assignment";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { notifyStaff } from "@/lib/server/notifications/staff";
import { markSignal, readSignals, readSignalToMark } from "@/lib/server/statistics/signals";
import { quarterOf } from "@/lib/domain/lead-times";
import {
  countUnread,
  listMyNotifications,
  markAllRead,
  markCaseNotificationsRead,
  markRead,
  openNotification,
} from "@/lib/server/notifications/staff-inbox";
import { signOutEverywhere } from "@/lib/server/sign-in/sign-out";
import { readSignUpLink, registerFamily } from "@/lib/server/users/register-family";
import { requestSignUp } from "@/lib/server/users/request-sign-up";
import { memorySignUpLimiter } from "@/lib/server/users/sign-up-limit";
import { invitationToken } from "@/lib/domain/invitations";
import { applyReferenceUpdate } from "@/lib/server/reference/apply-reference-update";
import { listReferenceUpdates } from "@/lib/server/reference/list-reference-updates";
import { previewReferenceUpdate } from "@/lib/server/reference/preview-reference-update";
import type { ReferenceFile } from "@/lib/server/reference/reference-data";
import { activateExpertTeam } from "@/lib/server/onboarding/activate-expert-team";
import { activateGemeente } from "@/lib/server/onboarding/activate-gemeente";
import { listOnboarding } from "@/lib/server/onboarding/list-onboarding";
import { acceptStaffInvitation, createStaffAccount } from "@/lib/server/staff/accept-invitation";
import { changeStaffRole } from "@/lib/server/staff/change-role";
import { inviteStaff } from "@/lib/server/staff/invite-staff";
import { listManagedScopes, listStaff } from "@/lib/server/staff/list-staff";
import { inviteProfessional } from "@/lib/server/staff/invite-professional";
import { addOrganisation, archiveOrganisation, listManagedOrganisations, setLeerplichtContact, updateOrganisation } from "@/lib/server/admin/manage-organisations";
import { addOrganisationInput, updateOrganisationInput } from "@/lib/domain/organisations";
import { readStaffInvitation } from "@/lib/server/staff/read-invitation";
import { removeStaff } from "@/lib/server/staff/remove-staff";
import { resendStaffInvitation } from "@/lib/server/staff/resend-invitation";
import { revokeStaffInvitation } from "@/lib/server/staff/revoke-invitation";
import { pages, routeHandlers, serverActions } from "../support/app-surface";
import {
  assignmentLinkFor,
  caseAt,
  caseSnapshot,
  decisionInput,
  invite,
  INVITATION_SECRET,
  referredAt,
  signUpLinkFor,
  uniqueEmail,
  type CaseFixture,
  type Cast,
  type Stage,
} from "../support/case-stages";
import { listFigureScopes, readMonitoringFigures, readOpenFigures } from "@/lib/server/statistics/read-figure-sets";
import { listQuarterlyReports, readQuarterlyReport } from "@/lib/server/statistics/read-quarterly-reports";
import { readStatisticsSettings, updateStatisticsThreshold } from "@/lib/server/statistics/statistics-policy";
import { caseInput, closingInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

/**
 * The authorization matrix: every server action, route handler and page read
 * of the app, each with the service it calls and the permission it needs. For
 * every role, on an object of the actor's own scope and of another one, the
 * outcome the permission table and the scope rules predict is compared with
 * what the real service does. Cases are put in a state the action is allowed
 * in, so that a refusal can only come from authorization.
 */

process.env.AUTH_SECRET = INVITATION_SECRET;

// Action modules import the Next.js auth setup at load time; only their exports are read here.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));

// ───────────────────────── the world ─────────────────────────

type Side = "own" | "other";
const sides: readonly Side[] = ["own", "other"];

/**
 * What the object is to the actor:
 * - case: a case of the actor's own gemeente/region, or one they are a party to (own), or not (other)
 * - gemeente: the actor's own gemeente, or another one
 * - region: the actor's own jeugdregio (its expert team), or another one
 * - self: the actor's own record (a notification, a draft, an invitation to their address), or someone else's
 * - create: nothing exists yet; the actor makes something of their own
 * - public: no actor needed
 * - signal: a structural signal of Haaglanden, the region of both Den Haag (own) and Delft (other):
 *   the region's own staff, and the staff of each of its gemeenten
 */
type Scope = "case" | "gemeente" | "region" | "national" | "self" | "create" | "public" | "signal";

type Outcome = "allowed" | "notFound" | "forbidden" | "hidden" | "wrongAccount";
type Refusal = Exclude<Outcome, "allowed">;

type World = {
  cast: Cast;
  actors: Record<Role, Record<Side, Actor>>;
  /** A colleague aanspreekpunt of the case's gemeente, to assign cases to */
  colleague: Actor;
  /** Someone else, who owns the "other" object of self-scoped entries */
  bystander: Actor;
  denHaagId: string;
  shared: Record<Stage, CaseFixture>;
  /** A document of the shared decided case */
  documentId: string;
  /** A case the own aanspreekpunt transferred to Delft */
  transferredByOwn: CaseFixture;
  /** A case the Delft aanspreekpunt transferred to Den Haag */
  transferredByOther: CaseFixture;
};

type Probe = { actor: Actor; side: Side; role: Role; c: CaseFixture; world: World; prepared: string };

/** A list or count read answered without error, but without the object: for a list, that is the refusal. */
const HIDDEN = Symbol("hidden");
const shows = (visible: boolean) => (visible ? "shown" : HIDDEN);

type Entry = {
  /** A variant runs an action's or a page's service on another kind of object than its own entry (a region's, say) */
  kind: "action" | "route" | "page" | "variant";
  /** The module of a server action or the route file; pages name their reads in `pageReads` */
  file?: string;
  /** The service the entry calls */
  service: string;
  /** The permission the entry needs; null when any signed-in person (self) or anyone (public) may */
  permission: Permission | null;
  scope: Scope;
  /** What a refusal looks like to the caller */
  refusal: Refusal;
  /** The state the case must be in for the action to be allowed by the state machine */
  stage?: Stage;
  /** A permitted call changes the case: it runs on a fresh case, and a refused one must change nothing */
  changesCase?: boolean;
  /** The actor changes by the call (accepting an invitation adds a party): a fresh one each time */
  freshActor?: boolean;
  /** A step the call needs first (an invitation to revoke or accept); its result is `prepared` */
  prepare?: (p: Omit<Probe, "prepared">) => Promise<string>;
  /** Absent only for public entries that need the Next.js runtime (cookies, the auth handler) */
  run?: (p: Probe) => Promise<unknown>;
};

const today = dayFromNow();
const onePixelPng = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6a3d20000000049454e44ae426082",
  "hex",
);

let signalId: string | null = null;

/**
 * Makes the case's first assignment a task for an organisation named in the
 * case, with an address in the gemeente's directory, so that it can get a link.
 */
async function organisationTask(c: CaseFixture): Promise<string> {
  const { gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: c.id }, select: { gemeenteId: true } });
  const organisation = await prisma.organisation.create({ data: { gemeenteId, kind: "SCHOOL", name: "Basisschool De Linde", email: uniqueEmail("school") } });
  const named = await prisma.caseOrganisation.create({
    data: { caseId: c.id, gemeenteId, organisationId: organisation.id, kind: "SCHOOL", name: organisation.name, part: "MUST_ACT", linkedById: "test" },
  });
  await prisma.assignment.update({ where: { id: c.assignmentIds[0]! }, data: { caseOrganisationId: named.id } });
  return named.id;
}

/** A structural signal of Haaglanden, as the statistics job would have found it. */
async function haaglandenSignal(): Promise<string> {
  if (signalId) return signalId;
  const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
  const now = new Date();
  const signal = await prisma.structuralSignal.create({
    data: { regionId: haaglanden.id, quarter: quarterOf(now), dimension: "CAUSE", key: "WAITING_LIST", cases: 7, detectedAt: now, countedAt: now },
    select: { id: true },
  });
  signalId = signal.id;
  return signalId;
}

/** A notification for the owner of the object: the actor for "own", the bystander for "other". */
async function notificationFor(p: Omit<Probe, "prepared">): Promise<string> {
  const owner = p.side === "own" ? p.actor : p.world.bystander;
  await prisma.$transaction((tx) =>
    notifyStaff(tx, [owner.userId], { kind: "caseAssigned", caseId: p.c.id, caseNumber: p.c.number, gemeenteId: p.world.denHaagId }),
  );
  const row = await prisma.staffNotification.findFirstOrThrow({ where: { userId: owner.userId }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return row.id;
}

async function isRead(notificationId: string): Promise<boolean> {
  const row = await prisma.staffNotification.findUniqueOrThrow({ where: { id: notificationId }, select: { readAt: true } });
  return row.readAt !== null;
}

const byNumber = (p: Probe) => ({ ...defaultQueueFilter, q: p.c.number });

/** A staff invitation to Den Haag by its own admin; its id and the link's token. */
/** An entry of Den Haag's directory of organisations, to change or archive. */
async function directoryEntry(p: Omit<Probe, "prepared">): Promise<string> {
  const created = await prisma.organisation.create({ data: { gemeenteId: p.world.denHaagId, kind: "JEUGDHULPAANBIEDER", name: `Zorg ${randomUUID()}` } });
  return created.id;
}

async function haaglandenId(): Promise<string> {
  return (await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } })).id;
}

/** An entry of Haaglanden's directory of organisations, to change or archive. */
async function regionDirectoryEntry(): Promise<string> {
  const created = await prisma.organisation.create({ data: { regionId: await haaglandenId(), kind: "LEERPLICHT_RMC", name: `RMC ${randomUUID()}` } });
  return created.id;
}

async function staffInvitation(p: Omit<Probe, "prepared">, email: string, role: "AANSPREEKPUNT" | "DECISION_HOLDER" = "AANSPREEKPUNT") {
  const { invitationId } = await inviteStaff(p.world.actors.GEMEENTE_ADMIN.own, { scopeKind: "gemeente", scopeId: p.world.denHaagId, name: "Nieuwe Collega", email, role });
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, template: "staff-invitation" }, orderBy: { createdAt: "desc" } });
  return { invitationId, token: invitationToken(INVITATION_SECRET, message.id, "staff-invitation") };
}

/** A new aanspreekpunt of Den Haag, whose membership an admin can change or remove. */
async function staffMembership(): Promise<string> {
  const person = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  return (await prisma.membership.findFirstOrThrow({ where: { userId: person.userId }, select: { id: true } })).id;
}

/**
 * A gemeente or region with no admin or coordinator yet, so that a first one may be
 * invited. Every region of the template has a standing expert, so "no manager" means
 * no region coordinator (the actors' own regions have one and are never chosen).
 */
const withoutManager = async (kind: "gemeente" | "region") =>
  kind === "gemeente"
    ? (await prisma.gemeente.findFirstOrThrow({ where: { cbsCode: "GM0344" }, select: { id: true } })).id
    : (
        await prisma.region.findFirstOrThrow({
          where: { code: { notIn: [HAAGLANDEN, otherRegionCode] }, memberships: { none: { role: "REGION_COORDINATOR" } } },
          orderBy: { code: "asc" },
          select: { id: true },
        })
      ).id;

/** The gemeente whose name the reference lists change; none of the other entries uses it. */
const RENAMED = "GM1783";
const renamedSuffix = " (nieuwe naam)";
const csvField = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * A valid CBS list of the data as it stands, with one gemeente renamed (or named back):
 * a platform admin's preview finds exactly that rename, and applying it changes a name
 * no other entry reads. Built anew for each call, so a second apply changes something too.
 */
async function referenceList(): Promise<ReferenceFile> {
  const gemeenten = await prisma.gemeente.findMany({
    where: { endedOn: null },
    orderBy: { cbsCode: "asc" },
    select: { cbsCode: true, name: true, region: { select: { code: true, name: true } } },
  });
  const lines = gemeenten.map((g) => {
    const name = g.cbsCode !== RENAMED ? g.name : g.name.endsWith(renamedSuffix) ? g.name.slice(0, -renamedSuffix.length) : `${g.name}${renamedSuffix}`;
    return [g.cbsCode, name, g.region?.code ?? "", g.region?.name ?? ""].map(csvField).join(",");
  });
  const text = ["gemeente_code,gemeente_naam,jeugdregio_code,jeugdregio_naam", ...lines].join("\n");
  return { fileName: "gemeenten-cbs.csv", bytes: new TextEncoder().encode(text), validFrom: `${new Date().getUTCFullYear() + 1}-01-01` };
}

// ───────────────────────── the matrix ─────────────────────────

const STAFF_CASE = "app/(staff)/zaken/[number]/actions.ts";
const FAMILY_CASE = "app/(portal)/mijn-meldingen/[number]";
const ADMIN = "app/(admin)/beheer";

const matrix: Record<string, Entry> = {
  // ── server actions on a case, staff side ──
  claimAction: {
    kind: "action", file: STAFF_CASE, service: "claimCase", permission: "case.claim", scope: "case", refusal: "notFound",
    stage: "SUBMITTED", changesCase: true,
    run: ({ actor, c }) => claimCase(actor, { caseId: c.id }),
  },
  startLocalAction: {
    kind: "action", file: STAFF_CASE, service: "startLocal", permission: "case.startLocal", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) => startLocal(actor, { caseId: c.id, note: "Overleg met school." }),
  },
  requestInfoAction: {
    kind: "action", file: STAFF_CASE, service: "requestInfo", permission: "case.requestInfo", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) => requestInfo(actor, { caseId: c.id, familyQuestion: "Welke school was het laatst?" }),
  },
  withdrawQuestionAction: {
    kind: "action", file: STAFF_CASE, service: "withdrawQuestion", permission: "case.withdrawQuestion", scope: "case", refusal: "notFound",
    stage: "INFO_REQUESTED", changesCase: true,
    run: ({ actor, c }) => withdrawQuestion(actor, { caseId: c.id, withdrawReason: "De school heeft het al verteld." }),
  },
  referAction: {
    kind: "action", file: STAFF_CASE, service: "referCase", permission: "case.refer", scope: "case", refusal: "notFound",
    stage: "IN_PROGRESS", changesCase: true,
    run: ({ actor, c }) => referCase(actor, { caseId: c.id, ...referralFacts(), question: "Graag een analyse van de situatie." }),
  },
  logInterventionAction: {
    kind: "action", file: STAFF_CASE, service: "logIntervention", permission: "case.logIntervention", scope: "case", refusal: "notFound",
    stage: "WITH_EXPERT_TEAM", changesCase: true,
    run: ({ actor, c }) =>
      logIntervention(actor, { caseId: c.id, type: "CONSULTATION", occurredOn: today, participants: "Leerplicht", familyInvolved: false, outcome: "Advies gegeven.", nextStep: null }),
  },
  proposeAction: {
    kind: "action", file: STAFF_CASE, service: "proposeDecision", permission: "case.propose", scope: "case", refusal: "notFound",
    stage: "WITH_EXPERT_TEAM", changesCase: true,
    run: ({ actor, c }) => proposeDecision(actor, { caseId: c.id, proposal: "Een plek met zorg.", rationale: "Niemand neemt de regie." }),
  },
  decideAction: {
    kind: "action", file: STAFF_CASE, service: "recordDecision", permission: "case.decide", scope: "case", refusal: "notFound",
    stage: "DECISION_PROPOSED", changesCase: true,
    run: ({ actor, c }) => recordDecision(actor, { caseId: c.id, ...decisionInput }),
  },
  correctDecisionAction: {
    kind: "action", file: STAFF_CASE, service: "correctDecision", permission: "case.correctDecision", scope: "case", refusal: "notFound",
    stage: "DECIDED", changesCase: true,
    run: ({ actor, c }) =>
      correctDecision(actor, { caseId: c.id, decisionId: c.decisionId, correctionReason: "De datum in het besluit was verkeerd.", ...decisionInput }),
  },
  assignAction: {
    kind: "action", file: STAFF_CASE, service: "assignCase", permission: "case.assign", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c, world }) => assignCase(actor, { caseId: c.id, assigneeId: world.colleague.userId }),
  },
  noteAction: {
    kind: "action", file: STAFF_CASE, service: "addNote", permission: "case.note", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) => addNote(actor, { caseId: c.id, staffNote: "School wil meedenken." }),
  },
  linkOrganisationAction: {
    kind: "action", file: STAFF_CASE, service: "linkOrganisation", permission: "case.linkOrganisation", scope: "case", refusal: "notFound",
    stage: "WITH_EXPERT_TEAM", changesCase: true,
    prepare: ({ c }) => directoryEntryFor(c.id),
    run: ({ actor, c, prepared }) => linkOrganisation(actor, { caseId: c.id, organisationId: prepared, part: "MUST_ACT" }),
  },
  unlinkOrganisationAction: {
    kind: "action", file: STAFF_CASE, service: "unlinkOrganisation", permission: "case.unlinkOrganisation", scope: "case", refusal: "notFound",
    stage: "WITH_EXPERT_TEAM", changesCase: true,
    prepare: ({ c, world }) => namedInCase(c.id, world.cast.aanspreekpunt.userId),
    run: ({ actor, c, prepared }) => unlinkOrganisation(actor, { caseId: c.id, caseOrganisationId: prepared }),
  },
  setUrgencyAction: {
    kind: "action", file: STAFF_CASE, service: "setUrgency", permission: "case.setUrgency", scope: "case", refusal: "notFound",
    stage: "INFO_REQUESTED", changesCase: true,
    run: ({ actor, c }) => setUrgency(actor, { caseId: c.id, urgency: "CRISIS", urgencyReason: "Het kind is van huis weggelopen." }),
  },
  transferAction: {
    kind: "action", file: STAFF_CASE, service: "transferCase", permission: "case.transfer", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) => transferCase(actor, { caseId: c.id, toGemeenteCode: DELFT, transferReason: "Het kind woont sinds kort in Delft.", expertAgreement: null }),
  },
  inadmissibleAction: {
    kind: "action", file: STAFF_CASE, service: "declareInadmissible", permission: "case.declareInadmissible", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) =>
      declareInadmissible(actor, { caseId: c.id, inadmissibleReason: "Er is al passende hulp gestart.", complaintRoute: "Bel de klachtenlijn van de gemeente." }),
  },
  closeAction: {
    kind: "action", file: STAFF_CASE, service: "closeCase", permission: "case.close", scope: "case", refusal: "notFound",
    stage: "IN_PROGRESS", changesCase: true,
    run: ({ actor, c }) =>
      closeCase(actor, closingInput(c.id)),
  },
  resendAssignmentLinkAction: {
    kind: "action", file: STAFF_CASE, service: "resendAssignmentLink", permission: "case.manageAssignmentLinks", scope: "case", refusal: "notFound",
    stage: "DECIDED", changesCase: true,
    // The assignment is for an organisation with an address: the link goes to it.
    prepare: async ({ c }) => organisationTask(c),
    run: ({ actor, c }) => resendAssignmentLink(actor, { caseId: c.id, assignmentId: c.assignmentIds[0]! }),
  },
  revokeAssignmentLinkAction: {
    kind: "action", file: STAFF_CASE, service: "revokeAssignmentLink", permission: "case.manageAssignmentLinks", scope: "case", refusal: "notFound",
    stage: "DECIDED", changesCase: true,
    prepare: async ({ c }) => assignmentLinkFor(c.id, c.assignmentIds[0]!),
    run: ({ actor, c }) => revokeAssignmentLink(actor, { caseId: c.id, assignmentId: c.assignmentIds[0]! }),
  },
  settleAssignmentAction: {
    kind: "action", file: STAFF_CASE, service: "settleAssignment", permission: "case.settleAssignment", scope: "case", refusal: "notFound",
    stage: "DECIDED", changesCase: true,
    run: ({ actor, c }) => settleAssignment(actor, { caseId: c.id, assignmentId: c.assignmentIds[0]!, outcome: "DONE", statusNote: "De plek is geregeld." }),
  },
  refineEvaluationAction: {
    kind: "action", file: STAFF_CASE, service: "refineEvaluation", permission: "case.refineEvaluation", scope: "case", refusal: "notFound",
    stage: "CLOSED", changesCase: true,
    run: ({ actor, c }) =>
      refineEvaluation(actor, {
        caseId: c.id, causes: ["NO_MANDATE"], organisationKinds: ["GEMEENTE"], outcome: "MAATWERK", helpStartedOn: null, blockedNote: null, breakthroughNote: "Maatwerk gaf de doorbraak.",
      }),
  },
  verifyChainAction: {
    kind: "action", file: "app/(staff)/zaken/[number]/audit/actions.ts", service: "verifyAuditTrail", permission: "audit.read", scope: "case", refusal: "notFound",
    stage: "DECIDED",
    run: ({ actor, c }) => verifyAuditTrail(actor, c.number),
  },

  // ── server actions on a case, family side ──
  withdrawAction: {
    kind: "action", file: `${FAMILY_CASE}/actions.ts`, service: "withdrawCase", permission: "case.withdraw", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) => withdrawCase(actor, { caseId: c.id, reason: "De school heeft zelf een plek gevonden." }),
  },
  answerAction: {
    kind: "action", file: `${FAMILY_CASE}/actions.ts`, service: "answerInfo", permission: "case.answer", scope: "case", refusal: "notFound",
    stage: "INFO_REQUESTED", changesCase: true,
    run: ({ actor, c }) => answerInfo(actor, { caseId: c.id, answer: "De Linde, tot de zomer." }),
  },
  confirmHelpStartAction: {
    kind: "action", file: `${FAMILY_CASE}/actions.ts`, service: "confirmHelpStart", permission: "case.confirmHelpStart", scope: "case", refusal: "notFound",
    stage: "CLOSED", changesCase: true,
    run: ({ actor, c }) => confirmHelpStart(actor, { caseId: c.id, answer: "CONFIRM", helpStartedOn: null }),
  },
  reportAssignmentAction: {
    kind: "action", file: `${FAMILY_CASE}/assignment-report-actions.ts`, service: "reportAssignment", permission: "case.reportAssignment", scope: "case", refusal: "notFound",
    stage: "DECIDED", changesCase: true,
    run: ({ actor, c }) => reportAssignment(actor, { caseId: c.id, assignmentId: c.assignmentIds[0]!, reportNote: "Er is niemand gekomen." }),
  },
  addDocumentAction: {
    kind: "action", file: `${FAMILY_CASE}/documents-actions.ts`, service: "addDocument", permission: "case.addDocument", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) => addDocument(actor, { caseId: c.id, fileName: "scan.png", content: new Uint8Array(onePixelPng) }),
  },
  inviteAction: {
    kind: "action", file: `${FAMILY_CASE}/invite-actions.ts`, service: "inviteToCase", permission: "case.invite", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    run: ({ actor, c }) => inviteToCase(actor, { caseId: c.id, email: uniqueEmail("ondersteuner"), role: "CLIENT_SUPPORTER" }),
  },
  revokeInvitationAction: {
    kind: "action", file: `${FAMILY_CASE}/invite-actions.ts`, service: "revokeInvitation", permission: "case.invite", scope: "case", refusal: "notFound",
    stage: "TRIAGE", changesCase: true,
    prepare: async ({ c, world }) => (await invite(world.cast.family, c.id, uniqueEmail("ingetrokken"), "CLIENT_SUPPORTER")).invitationId,
    run: ({ actor, c, prepared }) => revokeInvitation(actor, { caseId: c.id, invitationId: prepared }),
  },
  reportThroughLinkAction: {
    kind: "action", file: "app/(public)/opdracht/[token]/actions.ts", service: "reportThroughLink", permission: null, scope: "public", refusal: "forbidden",
    stage: "DECIDED", changesCase: true,
    // The link is the key: whoever holds it reports on that one assignment, signed in or not.
    run: async ({ actor, c }) =>
      reportThroughLink(await assignmentLinkFor(c.id, c.assignmentIds[1]!), actor.request, { kind: "PROBLEM", reportNote: "Er is pas plek over acht weken." }),
  },
  acceptInvitationAction: {
    kind: "action", file: "app/(public)/uitnodiging/[token]/actions.ts", service: "acceptInvitation", permission: "case.join", scope: "self", refusal: "wrongAccount",
    stage: "TRIAGE", freshActor: true,
    // A family or professional account may accept an invitation sent to its own address; the link is the key.
    prepare: async ({ actor, side, c, world }) =>
      (await invite(world.cast.family, c.id, side === "own" ? actor.email : uniqueEmail("iemand-anders"), "CLIENT_SUPPORTER")).token,
    run: ({ actor, prepared }) => acceptInvitation(actor, { token: prepared }),
  },

  // ── server actions without a case ──
  fileCaseAction: {
    kind: "action", file: "app/(portal)/melden/actions.ts", service: "fileCase", permission: "case.file", scope: "create", refusal: "forbidden",
    run: ({ actor, role }) =>
      fileCase(
        actor,
        role === "PROFESSIONAL"
          ? caseInput({ filerRole: "PROFESSIONAL", organisation: "Wijkteam Centrum", consentMethod: "IN_PERSON" })
          : caseInput(),
      ),
  },
  saveDraftAction: {
    kind: "action", file: "app/(portal)/melden/actions.ts", service: "saveDraft", permission: "case.file", scope: "create", refusal: "forbidden",
    run: ({ actor }) => saveDraft(actor, { childName: "Concept Kind" }),
  },
  updateContactAction: {
    kind: "action", file: `${ADMIN}/actions.ts`, service: "updateGemeenteContact", permission: "gemeente.manage", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) =>
      updateGemeenteContact(
        actor,
        gemeenteContactInput.parse({
          gemeenteId: world.denHaagId,
          contactName: "Aanspreekpunt vastgelopen zorg",
          contactEmail: "",
          contactPhone: "",
          contactHours: "",
          clientSupportName: "",
          clientSupportPhone: "",
          clientSupportUrl: "",
          ombudsmanName: "",
          ombudsmanUrl: "",
        }),
      ),
  },
  updateNormsAction: {
    kind: "action", file: `${ADMIN}/norms-actions.ts`, service: "updateGemeenteNorms", permission: "gemeente.manage", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) =>
      updateGemeenteNorms(actor, gemeenteNormsInput.parse({ gemeenteId: world.denHaagId, ...Object.fromEntries(clockStatuses.map((s) => [s, s === "TRIAGE" ? "6" : ""])) })),
  },
  addOrganisationAction: {
    kind: "action", file: `${ADMIN}/organisaties/actions.ts`, service: "addOrganisation", permission: "gemeente.manageOrganisations", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => addOrganisation(actor, addOrganisationInput.parse({ gemeenteId: world.denHaagId, kind: "SCHOOL", name: `Basisschool ${randomUUID()}` })),
  },
  updateOrganisationAction: {
    kind: "action", file: `${ADMIN}/organisaties/actions.ts`, service: "updateOrganisation", permission: "gemeente.manageOrganisations", scope: "gemeente", refusal: "notFound",
    prepare: directoryEntry,
    run: ({ actor, prepared }) => updateOrganisation(actor, updateOrganisationInput.parse({ organisationId: prepared, kind: "SCHOOL", name: `De Linde ${randomUUID()}` })),
  },
  archiveOrganisationAction: {
    kind: "action", file: `${ADMIN}/organisaties/actions.ts`, service: "archiveOrganisation", permission: "gemeente.manageOrganisations", scope: "gemeente", refusal: "notFound",
    prepare: directoryEntry,
    run: ({ actor, prepared }) => archiveOrganisation(actor, { organisationId: prepared }),
  },
  // ── the same directory actions on a region's directory (decision 039) ──
  "addOrganisationAction, a region's": {
    kind: "variant", service: "addOrganisation", permission: "region.manageOrganisations", scope: "region", refusal: "notFound",
    run: async ({ actor }) => addOrganisation(actor, addOrganisationInput.parse({ regionId: await haaglandenId(), kind: "LEERPLICHT_RMC", name: `RMC ${randomUUID()}` })),
  },
  "updateOrganisationAction, a region's": {
    kind: "variant", service: "updateOrganisation", permission: "region.manageOrganisations", scope: "region", refusal: "notFound",
    prepare: regionDirectoryEntry,
    run: ({ actor, prepared }) => updateOrganisation(actor, updateOrganisationInput.parse({ organisationId: prepared, kind: "LEERPLICHT_RMC", name: `RMC ${randomUUID()}` })),
  },
  "archiveOrganisationAction, a region's": {
    kind: "variant", service: "archiveOrganisation", permission: "region.manageOrganisations", scope: "region", refusal: "notFound",
    prepare: regionDirectoryEntry,
    run: ({ actor, prepared }) => archiveOrganisation(actor, { organisationId: prepared }),
  },
  setLeerplichtContactAction: {
    kind: "action", file: `${ADMIN}/organisaties/actions.ts`, service: "setLeerplichtContact", permission: "gemeente.manageOrganisations", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => setLeerplichtContact(actor, { gemeenteId: world.denHaagId, organisationId: null }),
  },
  updatePolicyAction: {
    kind: "action", file: `${ADMIN}/policy-actions.ts`, service: "updateGemeentePolicy", permission: "gemeente.manage", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => updateGemeentePolicy(actor, gemeentePolicyInput.parse({ gemeenteId: world.denHaagId, retentionMonths: "", familySeesStaffNames: "on" })),
  },
  updateFallbackAction: {
    kind: "action", file: `${ADMIN}/dekking/actions.ts`, service: "updateFallback", permission: "platform.configureFallback", scope: "create", refusal: "forbidden",
    run: ({ actor }) =>
      updateFallback(actor, fallbackInput.parse({ name: "Landelijk meldpunt", email: "meldpunt@test.doorbraak.nl", phone: "", url: "", hours: "" })),
  },
  updateStatisticsThresholdAction: {
    kind: "action", file: `${ADMIN}/cijfers/actions.ts`, service: "updateStatisticsThreshold", permission: "platform.configureStatistics", scope: "create", refusal: "forbidden",
    run: ({ actor }) => updateStatisticsThreshold(actor, statisticsThresholdInput.parse({ threshold: "5", signalThreshold: "5" })),
  },
  // ── the yearly CBS list (decision 019): national reference data, so no scope but the permission ──
  previewReferenceAction: {
    kind: "action", file: `${ADMIN}/referentiedata/actions.ts`, service: "previewReferenceUpdate", permission: "platform.updateReference", scope: "create", refusal: "forbidden",
    run: async ({ actor }) => {
      const outcome = await previewReferenceUpdate(actor, await referenceList());
      // An allowed preview must have read the list, not refused it: otherwise the entry would test nothing.
      expect(outcome.status === "ready" && outcome.preview.diff.renamed.map((g) => g.code)).toEqual([RENAMED]);
    },
  },
  applyReferenceAction: {
    kind: "action", file: `${ADMIN}/referentiedata/actions.ts`, service: "applyReferenceUpdate", permission: "platform.updateReference", scope: "create", refusal: "forbidden",
    run: async ({ actor }) => {
      const file = await referenceList();
      const before = await prisma.referenceUpdate.count();
      const outcome = await applyReferenceUpdate(actor, file);
      expect(outcome.status).toBe("applied");
      expect(await prisma.referenceUpdate.count()).toBe(before + 1);
    },
  },
  markReadAction: {
    kind: "action", file: "app/(staff)/notificaties/actions.ts", service: "markRead", permission: null, scope: "self", refusal: "notFound",
    stage: "TRIAGE",
    prepare: notificationFor,
    run: (p) => markRead(p.actor, p.prepared),
  },
  openNotificationAction: {
    kind: "action", file: "app/(staff)/notificaties/actions.ts", service: "openNotification", permission: null, scope: "self", refusal: "notFound",
    stage: "TRIAGE",
    prepare: notificationFor,
    run: (p) => openNotification(p.actor, p.prepared),
  },
  markAllReadAction: {
    kind: "action", file: "app/(staff)/notificaties/actions.ts", service: "markAllRead", permission: null, scope: "self", refusal: "hidden",
    stage: "TRIAGE",
    run: async (p) => {
      const id = await notificationFor(p);
      await markAllRead(p.actor);
      return shows(await isRead(id));
    },
  },
  // ── staff management and onboarding (decision 020) ──
  inviteStaffAction: {
    kind: "action", file: `${ADMIN}/staff-actions.ts`, service: "inviteStaff", permission: "gemeente.manageStaff", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => inviteStaff(actor, { scopeKind: "gemeente", scopeId: world.denHaagId, name: "Nieuwe Collega", email: uniqueEmail("mw"), role: "AANSPREEKPUNT" }),
  },
  inviteProfessionalAction: {
    kind: "action", file: `${ADMIN}/organisaties/actions.ts`, service: "inviteProfessional", permission: "gemeente.manageStaff", scope: "gemeente", refusal: "notFound",
    prepare: async (p) => (await prisma.organisation.create({ data: { gemeenteId: p.world.denHaagId, kind: "LEERPLICHT_RMC", name: `Leerplicht ${randomUUID()}` } })).id,
    run: ({ actor, prepared }) => inviteProfessional(actor, { organisationId: prepared, name: "Sven de Wit", email: uniqueEmail("leerplicht") }),
  },
  "inviteProfessionalAction, from a region's directory": {
    kind: "variant", service: "inviteProfessional", permission: "region.manageStaff", scope: "region", refusal: "notFound",
    prepare: regionDirectoryEntry,
    run: ({ actor, prepared }) => inviteProfessional(actor, { organisationId: prepared, name: "Priya Ramdin", email: uniqueEmail("rmc") }),
  },
  revokeStaffInvitationAction: {
    kind: "action", file: `${ADMIN}/staff-actions.ts`, service: "revokeStaffInvitation", permission: "gemeente.manageStaff", scope: "gemeente", refusal: "notFound",
    prepare: async (p) => (await staffInvitation(p, uniqueEmail("intrekken"))).invitationId,
    run: ({ actor, prepared }) => revokeStaffInvitation(actor, { invitationId: prepared }),
  },
  resendStaffInvitationAction: {
    kind: "action", file: `${ADMIN}/staff-actions.ts`, service: "resendStaffInvitation", permission: "gemeente.manageStaff", scope: "gemeente", refusal: "notFound",
    prepare: async (p) => (await staffInvitation(p, uniqueEmail("opnieuw"))).invitationId,
    run: ({ actor, prepared }) => resendStaffInvitation(actor, { invitationId: prepared }),
  },
  changeStaffRoleAction: {
    kind: "action", file: `${ADMIN}/staff-actions.ts`, service: "changeStaffRole", permission: "gemeente.manageStaff", scope: "gemeente", refusal: "notFound",
    prepare: () => staffMembership(),
    run: ({ actor, prepared }) => changeStaffRole(actor, { membershipId: prepared, role: "DECISION_HOLDER" }),
  },
  removeStaffAction: {
    kind: "action", file: `${ADMIN}/staff-actions.ts`, service: "removeStaff", permission: "gemeente.manageStaff", scope: "gemeente", refusal: "notFound",
    prepare: () => staffMembership(),
    run: ({ actor, prepared }) => removeStaff(actor, { membershipId: prepared, handOverTo: "queue", confirm: "on" }),
  },
  activateGemeenteAction: {
    kind: "action", file: `${ADMIN}/staff-actions.ts`, service: "activateGemeente", permission: "platform.onboard", scope: "gemeente", refusal: "notFound",
    run: async ({ actor }) => activateGemeente(actor, { gemeenteId: await withoutManager("gemeente"), adminName: "Eerste Beheerder", adminEmail: uniqueEmail("eerste") }),
  },
  activateExpertTeamAction: {
    kind: "action", file: `${ADMIN}/staff-actions.ts`, service: "activateExpertTeam", permission: "platform.onboard", scope: "region", refusal: "notFound",
    run: async ({ actor }) => activateExpertTeam(actor, { regionId: await withoutManager("region"), coordinatorName: "Eerste Coördinator", coordinatorEmail: uniqueEmail("eerste") }),
  },
  acceptStaffInvitationAction: {
    kind: "action", file: "app/(public)/uitnodiging/medewerker/[token]/actions.ts", service: "acceptStaffInvitation", permission: null, scope: "self", refusal: "wrongAccount",
    freshActor: true,
    // A role the fresh actor does not hold in Den Haag yet, so that the invitation is allowed.
    prepare: async (p) => (await staffInvitation(p, p.side === "own" ? p.actor.email : uniqueEmail("iemand-anders"), p.role === "AANSPREEKPUNT" ? "DECISION_HOLDER" : "AANSPREEKPUNT")).token,
    run: ({ actor, prepared }) => acceptStaffInvitation(actor, { token: prepared }),
  },
  createStaffAccountAction: {
    kind: "action", file: "app/(public)/uitnodiging/medewerker/[token]/actions.ts", service: "createStaffAccount", permission: null, scope: "public", refusal: "forbidden",
    run: async (p) => {
      const { token } = await staffInvitation(p, uniqueEmail("nieuw-account"));
      await createStaffAccount({ token, name: "Nieuwe Collega", password: "een lange zin als wachtwoord" }, p.actor.request);
    },
  },
  signInAction: { kind: "action", file: "app/(public)/inloggen/actions.ts", service: "signIn (next-auth credentials)", permission: null, scope: "public", refusal: "forbidden" },
  registerAction: {
    kind: "action", file: "app/(public)/registreren/actions.ts", service: "requestSignUp", permission: null, scope: "public", refusal: "forbidden",
    run: async () => {
      const email = uniqueEmail("registratie");
      await requestSignUp({ email }, { ip: null, userAgent: "vitest", requestId: "matrix" }, memorySignUpLimiter());
      // Asking makes no account: only the mail with the link to finish one.
      expect(await prisma.user.count({ where: { email } })).toBe(0);
      expect(await prisma.outboxMessage.count({ where: { recipient: email, template: "sign-up" } })).toBe(1);
    },
  },
  completeSignUpAction: {
    kind: "action", file: "app/(public)/registreren/afmaken/[token]/actions.ts", service: "registerFamily", permission: null, scope: "public", refusal: "forbidden",
    run: async () => {
      const token = await signUpLinkFor(uniqueEmail("registratie"));
      const { userId } = await registerFamily({ name: "Nieuwe Ouder", token, password: "een lang en goed wachtwoord" }, { ip: null, userAgent: "vitest", requestId: "matrix" });
      // Registering never gives more than the family role.
      const memberships = await prisma.membership.findMany({ where: { userId }, select: { role: true, gemeenteId: true, regionId: true } });
      expect(memberships).toEqual([{ role: "FAMILY", gemeenteId: null, regionId: null }]);
    },
  },
  // The second step of one's own sign-in, for the person whose password was just right (the session cookie says who);
  // tested in sign-in-security.test.ts, as the actions need the Next.js runtime.
  secondFactorAction: {
    kind: "action", file: "app/(public)/inloggen/tweede-stap/actions.ts", service: "verifySecondFactor, signIn (session grant)", permission: null, scope: "public", refusal: "forbidden",
  },
  confirmEnrolmentAction: {
    kind: "action", file: "app/(public)/inloggen/tweede-stap/instellen/actions.ts", service: "confirmEnrolment, signIn (session grant)", permission: null, scope: "public", refusal: "forbidden",
  },
  signOutAction: { kind: "action", file: "app/shell-actions.ts", service: "signOutSession, signOut (next-auth)", permission: null, scope: "public", refusal: "forbidden" },
  signOutEverywhereAction: {
    kind: "action", file: "app/shell-actions.ts", service: "signOutEverywhere", permission: null, scope: "self", refusal: "hidden",
    // Whose sessions end: the actor's own, never the bystander's.
    run: async (p) => {
      const owner = p.side === "own" ? p.actor : p.world.bystander;
      const version = async () => (await prisma.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { sessionVersion: true } })).sessionVersion;
      const before = await version();
      await signOutEverywhere(p.actor);
      return shows((await version()) > before);
    },
  },
  switchLanguageAction: { kind: "action", file: "app/shell-actions.ts", service: "locale cookie", permission: null, scope: "public", refusal: "forbidden" },

  // ── route handlers ──
  "app/besluitbrief/[number]/route.ts": {
    kind: "route", service: "decisionLetter", permission: "case.decisionLetter", scope: "case", refusal: "notFound",
    stage: "DECIDED",
    run: ({ actor, c }) => decisionLetter(actor, c.number),
  },
  "app/(public)/opdracht/[token]/brief/route.ts": {
    kind: "route", service: "assignmentLinkLetter", permission: null, scope: "public", refusal: "forbidden", stage: "DECIDED",
    run: async ({ actor, c }) => assignmentLinkLetter(await assignmentLinkFor(c.id, c.assignmentIds[0]!), actor.request),
  },
  "app/besluitbrief/[number]/opdracht/[assignmentId]/route.ts": {
    kind: "route", service: "partyLetter", permission: "case.partyLetter", scope: "case", refusal: "notFound",
    stage: "DECIDED",
    run: ({ actor, c }) => partyLetter(actor, c.number, c.assignmentIds[0]!),
  },
  "app/documenten/[id]/route.ts": {
    kind: "route", service: "readDocument", permission: "case.readDocument", scope: "case", refusal: "notFound",
    stage: "DECIDED",
    run: ({ actor, world }) => readDocument(actor, world.documentId),
  },
  "app/(staff)/zaken/[number]/audit/export/route.ts": {
    kind: "route", service: "exportAuditTrail", permission: "audit.read", scope: "case", refusal: "notFound",
    stage: "DECIDED",
    run: ({ actor, c }) => exportAuditTrail(actor, c.number, "json"),
  },
  "app/api/auth/[...nextauth]/route.ts": { kind: "route", service: "next-auth handlers", permission: null, scope: "public", refusal: "forbidden" },
  "app/health/route.ts": { kind: "route", service: "none (a static answer)", permission: null, scope: "public", refusal: "forbidden" },
  "app/health/ready/route.ts": { kind: "route", service: "readinessResponse (SELECT 1, no case data)", permission: null, scope: "public", refusal: "forbidden" },

  // ── the figures (decision 029) ──
  "app/(staff)/monitoring/csv/route.ts": {
    kind: "route", service: "readMonitoringFigures", permission: "statistics.read", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => readMonitoringFigures(actor, { level: "gemeente", gemeenteId: world.denHaagId }, null),
  },
  "app/(staff)/monitoring/rapport/route.ts": {
    kind: "route", service: "readQuarterlyReport", permission: "statistics.read", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => readQuarterlyReport(actor, { level: "gemeente", gemeenteId: world.denHaagId }, "2026-K3", "pdf"),
  },
  "app/(public)/cijfers/csv/route.ts": {
    kind: "route", service: "readOpenFigures", permission: null, scope: "public", refusal: "forbidden",
    run: () => readOpenFigures({ level: "country" }, null),
  },
  listFigureScopes: {
    kind: "page", service: "listFigureScopes", permission: "statistics.read", scope: "create", refusal: "hidden",
    run: async ({ actor }) => shows((await listFigureScopes(actor)).length > 0),
  },
  readGemeenteFigures: {
    kind: "page", service: "readMonitoringFigures", permission: "statistics.read", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => readMonitoringFigures(actor, { level: "gemeente", gemeenteId: world.denHaagId }, null),
  },
  readRegionFigures: {
    kind: "page", service: "readMonitoringFigures", permission: "statistics.read", scope: "region", refusal: "notFound",
    run: async ({ actor }) => {
      const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
      return readMonitoringFigures(actor, { level: "region", regionId: haaglanden.id }, null);
    },
  },
  readGemeenteSignals: {
    kind: "page", service: "readSignals", permission: "statistics.read", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => readSignals(actor, { level: "gemeente", gemeenteId: world.denHaagId }),
  },
  readRegionSignals: {
    kind: "page", service: "readSignals", permission: "statistics.read", scope: "region", refusal: "notFound",
    run: async ({ actor }) => {
      const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
      return readSignals(actor, { level: "region", regionId: haaglanden.id });
    },
  },
  readSignalToMark: {
    kind: "page", service: "readSignalToMark", permission: "signal.manage", scope: "signal", refusal: "notFound",
    run: async ({ actor }) => readSignalToMark(actor, await haaglandenSignal()),
  },
  markSignalAction: {
    kind: "action", file: "app/(staff)/monitoring/signalen/[id]/actions.ts", service: "markSignal", permission: "signal.manage", scope: "signal", refusal: "notFound",
    run: async ({ actor }) =>
      markSignal(actor, { signalId: await haaglandenSignal(), status: "RAISED_REGIONAL", note: "Besproken aan de regionale tafel.", actedOn: today }),
  },
  readCountryFigures: {
    kind: "page", service: "readMonitoringFigures", permission: "statistics.read", scope: "national", refusal: "notFound",
    run: ({ actor }) => readMonitoringFigures(actor, { level: "country" }, null),
  },
  listGemeenteReports: {
    kind: "page", service: "listQuarterlyReports", permission: "statistics.read", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => listQuarterlyReports(actor, { level: "gemeente", gemeenteId: world.denHaagId }),
  },
  listRegionReports: {
    kind: "page", service: "listQuarterlyReports", permission: "statistics.read", scope: "region", refusal: "notFound",
    run: async ({ actor }) => {
      const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
      return listQuarterlyReports(actor, { level: "region", regionId: haaglanden.id });
    },
  },
  readOpenFigures: {
    kind: "page", service: "readOpenFigures", permission: null, scope: "public", refusal: "forbidden",
    run: async () => {
      const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
      await readOpenFigures({ level: "region", regionId: haaglanden.id }, null);
      return readOpenFigures({ level: "country" }, null);
    },
  },

  // ── reads of page loaders ──
  openCase: {
    kind: "page", service: "openCase", permission: "case.view", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => openCase(actor, c.number),
  },
  staffAssignmentFollowUp: {
    kind: "page", service: "staffAssignmentFollowUp", permission: "case.view", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => staffAssignmentFollowUp(actor, c.id),
  },
  markCaseNotificationsRead: {
    kind: "page", service: "markCaseNotificationsRead", permission: null, scope: "self", refusal: "hidden", stage: "TRIAGE",
    run: async (p) => {
      const id = await notificationFor(p);
      await markCaseNotificationsRead(p.actor, p.c.id);
      return shows(await isRead(id));
    },
  },
  followCase: {
    kind: "page", service: "followCase", permission: "case.follow", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => followCase(actor, c.number),
  },
  familyAssignmentFollowUp: {
    kind: "page", service: "familyAssignmentFollowUp", permission: "case.follow", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => familyAssignmentFollowUp(actor, c.id),
  },
  readAccessLog: {
    kind: "page", service: "readAccessLog", permission: "case.follow", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => readAccessLog(actor, c.number),
  },
  listCaseDocuments: {
    kind: "page", service: "listCaseDocuments", permission: "case.readDocument", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => listCaseDocuments(actor, { number: c.number }),
  },
  listCaseInvitations: {
    kind: "page", service: "listCaseInvitations", permission: "case.invite", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => listCaseInvitations(actor, c.id),
  },
  listMyCases: {
    kind: "page", service: "listMyCases", permission: "case.follow", scope: "case", refusal: "hidden", stage: "DECIDED",
    run: async ({ actor, c }) => shows((await listMyCases(actor)).some((row) => row.id === c.id)),
  },
  readAuditTrail: {
    kind: "page", service: "readAuditTrail", permission: "audit.read", scope: "case", refusal: "notFound", stage: "DECIDED",
    run: ({ actor, c }) => readAuditTrail(actor, c.number),
  },
  searchCases: {
    kind: "page", service: "searchCases", permission: "case.search", scope: "case", refusal: "forbidden", stage: "DECIDED",
    run: async ({ actor, c }) => shows((await searchCases(actor, { ...emptyCaseSearch, q: c.number })).rows.some((row) => row.id === c.id)),
  },
  gemeenteQueueView: {
    kind: "page", service: "gemeenteQueueView", permission: "queue.gemeente", scope: "case", refusal: "hidden", stage: "DECIDED",
    run: async (p) => {
      const { page, counts } = await gemeenteQueueView(p.actor, byNumber(p));
      const listed = page.rows.some((row) => row.id === p.c.id);
      // The list and its counts come from one snapshot: they never disagree about the case.
      expect(counts.all === 1).toBe(listed);
      return shows(listed);
    },
  },
  listRegionQueue: {
    kind: "page", service: "listRegionQueue", permission: "queue.region", scope: "case", refusal: "hidden", stage: "DECIDED",
    run: async ({ actor, c }) => shows((await listRegionQueue(actor, {}, { pageSize: 500 })).rows.some((row) => row.id === c.id)),
  },
  listProcesregieSteps: {
    kind: "page", service: "listProcesregieSteps", permission: "queue.region", scope: "case", refusal: "hidden", stage: "DECIDED",
    run: async ({ actor, c }) => shows((await listProcesregieSteps(actor, [c.id])).has(c.id)),
  },
  findOwnTransfer: {
    kind: "page", service: "findOwnTransfer", permission: "case.transfer", scope: "self", refusal: "hidden",
    run: async ({ actor, side, world }) => {
      const transferred = side === "own" ? world.transferredByOwn : world.transferredByOther;
      return shows((await findOwnTransfer(actor, transferred.number)) !== null);
    },
  },
  loadDraft: {
    kind: "page", service: "loadDraft", permission: "case.file", scope: "self", refusal: "hidden",
    run: async ({ actor, side, world }) => {
      const owner = side === "own" ? actor : world.bystander;
      // Only someone who may file has a draft to find.
      if (may(owner.memberships.map((m) => m.role), "case.file")) await saveDraft(owner, { childName: `Concept van ${owner.name}` });
      const draft = await loadDraft(actor);
      return shows(draft?.values.childName === `Concept van ${owner.name}`);
    },
  },
  listMyNotifications: {
    kind: "page", service: "listMyNotifications", permission: null, scope: "self", refusal: "hidden", stage: "TRIAGE",
    run: async (p) => {
      const id = await notificationFor(p);
      return shows((await listMyNotifications(p.actor)).items.some((n) => n.id === id));
    },
  },
  countUnread: {
    kind: "page", service: "countUnread", permission: null, scope: "self", refusal: "hidden", stage: "TRIAGE",
    run: async (p) => {
      const before = await countUnread(p.actor);
      await notificationFor(p);
      return shows((await countUnread(p.actor)) === before + 1);
    },
  },
  readStatisticsSettings: {
    kind: "page", service: "readStatisticsSettings", permission: "platform.configureStatistics", scope: "create", refusal: "forbidden",
    run: async ({ actor }) => {
      await readStatisticsSettings(actor);
    },
  },
  readCoverage: {
    kind: "page", service: "readCoverage", permission: "platform.coverage", scope: "create", refusal: "forbidden",
    run: async ({ actor }) => {
      await readCoverage(actor);
    },
  },
  listManagedGemeenten: {
    kind: "page", service: "listManagedGemeenten", permission: "gemeente.manage", scope: "gemeente", refusal: "hidden",
    run: async ({ actor, world }) => shows((await listManagedGemeenten(actor)).some((g) => g.id === world.denHaagId)),
  },
  listManagedNorms: {
    kind: "page", service: "listManagedNorms", permission: "gemeente.manage", scope: "gemeente", refusal: "hidden",
    run: async ({ actor, world }) => shows(world.denHaagId in (await listManagedNorms(actor))),
  },
  listManagedPolicies: {
    kind: "page", service: "listManagedPolicies", permission: "gemeente.manage", scope: "gemeente", refusal: "hidden",
    run: async ({ actor, world }) => shows(world.denHaagId in (await listManagedPolicies(actor))),
  },
  listManagedOrganisations: {
    kind: "page", service: "listManagedOrganisations", permission: "gemeente.manageOrganisations", scope: "gemeente", refusal: "hidden",
    run: async ({ actor, world }) => shows((await listManagedOrganisations(actor)).some((d) => d.owner.id === world.denHaagId)),
  },
  "listManagedOrganisations, a region's": {
    kind: "variant", service: "listManagedOrganisations", permission: "region.manageOrganisations", scope: "region", refusal: "hidden",
    run: async ({ actor }) => {
      const haaglanden = await haaglandenId();
      return shows((await listManagedOrganisations(actor)).some((d) => d.owner.id === haaglanden));
    },
  },
  listStaff: {
    kind: "page", service: "listStaff", permission: "gemeente.manageStaff", scope: "gemeente", refusal: "notFound",
    run: ({ actor, world }) => listStaff(actor, { kind: "gemeente", id: world.denHaagId }),
  },
  listManagedScopes: {
    kind: "page", service: "listManagedScopes", permission: "region.manageStaff", scope: "region", refusal: "hidden",
    run: async ({ actor }) => {
      const haaglanden = await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN }, select: { id: true } });
      return shows((await listManagedScopes(actor, "region")).some((r) => r.id === haaglanden.id));
    },
  },
  listReferenceUpdates: {
    kind: "page", service: "listReferenceUpdates", permission: "platform.updateReference", scope: "create", refusal: "forbidden",
    run: async ({ actor }) => {
      await listReferenceUpdates(actor);
    },
  },
  listOnboarding: {
    kind: "page", service: "listOnboarding", permission: "platform.onboard", scope: "gemeente", refusal: "notFound",
    run: ({ actor }) => listOnboarding(actor),
  },
  readStaffInvitation: {
    kind: "page", service: "readStaffInvitation", permission: null, scope: "public", refusal: "hidden",
    run: async (p) => {
      const { token } = await staffInvitation(p, uniqueEmail("link"));
      expect(await readStaffInvitation(token, null)).toMatchObject({ kind: "open", role: "AANSPREEKPUNT" });
    },
  },
  readSignUpLink: {
    kind: "page", service: "readSignUpLink", permission: null, scope: "public", refusal: "hidden",
    // The link is the key: whoever holds it learns the address it was sent to, nothing else.
    run: async () => {
      const email = uniqueEmail("link");
      expect(await readSignUpLink(await signUpLinkFor(email))).toEqual({ kind: "open", email });
    },
  },
  openAssignmentLink: {
    kind: "page", service: "openAssignmentLink", permission: null, scope: "public", refusal: "hidden", stage: "DECIDED",
    // The link is the key: whoever holds it sees that one assignment, and nothing else of the case.
    run: async ({ actor, c }) => {
      const view = await openAssignmentLink(await assignmentLinkFor(c.id, c.assignmentIds[0]!), actor.request);
      expect(view).toMatchObject({ state: "open", caseNumber: c.number, assignment: { description: decisionInput.assignments[0]!.description } });
      expect(JSON.stringify(view)).not.toContain(decisionInput.assignments[1]!.description);
    },
  },
  readInvitationByToken: {
    kind: "page", service: "readInvitationByToken", permission: null, scope: "public", refusal: "hidden", stage: "TRIAGE",
    // The link is the key: whoever holds it sees who invited them and in which role, never the case.
    run: async ({ c, world }) => {
      const { token } = await invite(world.cast.family, c.id, uniqueEmail("link"), "CLIENT_SUPPORTER");
      const view = await readInvitationByToken(token, { userId: world.bystander.userId, email: world.bystander.email });
      expect(view).toMatchObject({ kind: "open", role: "CLIENT_SUPPORTER", forSignedInAccount: false });
      expect(JSON.stringify(view)).not.toContain(c.number);
    },
  },
};

/** Every page and the matrix entries it reads; pages that show no case or gemeente data read none. */
const pageReads: Record<string, readonly string[]> = {
  // The regions overview of the platform admin shows reference data only (also public in the directory).
  "app/(admin)/beheer/page.tsx": ["listManagedGemeenten", "listManagedNorms", "listManagedPolicies"],
  "app/(admin)/beheer/dekking/page.tsx": ["readCoverage"],
  "app/(admin)/beheer/cijfers/page.tsx": ["readStatisticsSettings"],
  "app/(admin)/beheer/expertteam/page.tsx": ["listManagedScopes", "listStaff"],
  "app/(admin)/beheer/gemeenten-en-regio/page.tsx": ["listOnboarding"],
  "app/(admin)/beheer/medewerkers/page.tsx": ["listManagedScopes", "listStaff"],
  "app/(admin)/beheer/organisaties/page.tsx": ["listManagedOrganisations"],
  "app/(admin)/beheer/referentiedata/page.tsx": ["listReferenceUpdates"],
  "app/(portal)/melden/page.tsx": ["loadDraft"],
  "app/(portal)/mijn-meldingen/[number]/bevestiging/page.tsx": ["followCase"],
  "app/(portal)/mijn-meldingen/[number]/page.tsx": ["followCase", "listCaseInvitations", "readAccessLog", "listCaseDocuments", "familyAssignmentFollowUp"],
  "app/(portal)/mijn-meldingen/page.tsx": ["listMyCases"],
  // The demo's mailbox reads mail files of the demo only (DEMO_MAILBOX_DIR), no data of the database; not found elsewhere.
  "app/(public)/demo/post/page.tsx": [],
  "app/(public)/gemeenten/[cbsCode]/page.tsx": [],
  "app/(public)/gemeenten/page.tsx": [],
  "app/(public)/inloggen/page.tsx": [],
  "app/(public)/inloggen/tweede-stap/instellen/page.tsx": [],
  "app/(public)/inloggen/tweede-stap/page.tsx": [],
  "app/(public)/page.tsx": [],
  "app/(public)/cijfers/page.tsx": ["readOpenFigures"],
  "app/(public)/cijfers/[regio]/page.tsx": ["readOpenFigures"],
  "app/(public)/registreren/afmaken/[token]/page.tsx": ["readSignUpLink"],
  "app/(public)/registreren/page.tsx": [],
  "app/(public)/uitnodiging/[token]/page.tsx": ["readInvitationByToken"],
  "app/(public)/opdracht/[token]/page.tsx": ["openAssignmentLink"],
  "app/(public)/uitnodiging/medewerker/[token]/page.tsx": ["readStaffInvitation"],
  "app/(staff)/expertteam/page.tsx": ["listRegionQueue", "listProcesregieSteps"],
  "app/(staff)/notificaties/page.tsx": ["listMyNotifications", "countUnread"],
  "app/(staff)/monitoring/page.tsx": ["listFigureScopes"],
  "app/(staff)/monitoring/gemeente/[code]/page.tsx": ["readGemeenteFigures", "listFigureScopes", "readGemeenteSignals", "listGemeenteReports"],
  "app/(staff)/monitoring/regio/[code]/page.tsx": ["readRegionFigures", "listFigureScopes", "readRegionSignals", "listRegionReports"],
  "app/(staff)/monitoring/signalen/[id]/page.tsx": ["readSignalToMark"],
  "app/(staff)/monitoring/nederland/page.tsx": ["readCountryFigures", "listFigureScopes"],
  "app/(staff)/ombudsman/page.tsx": ["searchCases"],
  "app/(staff)/werkbak/page.tsx": ["gemeenteQueueView"],
  "app/(staff)/zaken/[number]/audit/page.tsx": ["readAuditTrail"],
  "app/(staff)/zaken/[number]/overgedragen/page.tsx": ["findOwnTransfer"],
  "app/(staff)/zaken/[number]/page.tsx": ["openCase", "listCaseDocuments", "staffAssignmentFollowUp", "markCaseNotificationsRead"],
  "app/start/page.tsx": [],
};

// ───────────────────────── the expected outcome ─────────────────────────

/** Whether the object lies in the actor's scope, by the scope rules of DESIGN.md. */
function inScope(entry: Entry, role: Role, side: Side): boolean {
  switch (entry.scope) {
    case "public":
    case "create":
      return true;
    case "self":
      return side === "own";
    case "gemeente":
      return roleScope[role] === "national" || (roleScope[role] === "gemeente" && side === "own");
    case "region":
      return roleScope[role] === "national" || (roleScope[role] === "region" && side === "own");
    case "national":
      return roleScope[role] === "national";
    case "signal":
      return roleScope[role] === "national" || roleScope[role] === "gemeente" || (roleScope[role] === "region" && side === "own");
    case "case":
      switch (roleScope[role]) {
        case "national":
          return true;
        case "gemeente":
        case "party":
          return side === "own";
        case "region":
          // The expert team sees a case of its region once it was referred there.
          return side === "own" && referredAt[entry.stage ?? "DECIDED"];
      }
  }
}

function expectedOutcome(entry: Entry, role: Role, side: Side): Outcome {
  const permitted = entry.permission === null || may([role], entry.permission);
  return permitted && inScope(entry, role, side) ? "allowed" : entry.refusal;
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return (await run()) === HIDDEN ? "hidden" : "allowed";
  } catch (error) {
    if (error instanceof NotFoundError) return "notFound";
    if (error instanceof ForbiddenError) return "forbidden";
    if (error instanceof WrongAccountError) return "wrongAccount";
    if (error instanceof DomainError) throw new Error(`refused by a rule, not by authorization: ${error.code} ${JSON.stringify(error.fieldErrors)}`);
    throw error;
  }
}

function sideLabel(entry: Entry, role: Role, side: Side): string {
  const own = side === "own";
  const kind = roleScope[role];
  switch (entry.scope) {
    case "public":
      return "anyone";
    case "create":
      return own ? "for themselves" : "for themselves, another person of the role";
    case "self":
      return own ? "their own" : "someone else's";
    case "gemeente":
      if (kind === "gemeente") return own ? "their own gemeente" : "another gemeente";
      if (kind === "national") return own ? "national, one person" : "national, another person";
      return own ? "a gemeente, holding no gemeente" : "a gemeente, holding no gemeente (another person)";
    case "national":
      return kind === "national" ? (own ? "national, one person" : "national, another person") : own ? "the country, holding less" : "the country, holding less (another person)";
    case "region":
      if (kind === "region") return own ? "their own region" : "another region";
      if (kind === "national") return own ? "national, one person" : "national, another person";
      return own ? "a region, holding no region" : "a region, holding no region (another person)";
    case "signal":
      if (kind === "region") return own ? "a signal of their own region" : "a signal of another region";
      if (kind === "gemeente") return own ? "a signal of their gemeente's region" : "a signal of their gemeente's region (another gemeente of it)";
      if (kind === "national") return own ? "national, one person" : "national, another person";
      return own ? "a signal, holding no region" : "a signal, holding no region (another person)";
    case "case":
      switch (kind) {
        case "party":
          return own ? "party to the case" : "not a party";
        case "gemeente":
          return own ? "case of own gemeente" : "case of another gemeente";
        case "region":
          return own ? "case of own region" : "case of another region";
        case "national":
          return own ? "national, one person" : "national, another person";
      }
  }
}

const entries = Object.entries(matrix).map(([name, entry]) => ({ name, needs: entry.permission ?? "any signed-in person", ...entry }));
const tested = entries.filter((e) => e.scope !== "public" && e.run);
const cells = (entry: Entry) =>
  roles.flatMap((role) => sides.map((side) => ({ role, side, label: sideLabel(entry, role, side), expected: expectedOutcome(entry, role, side) })));

// ───────────────────────── fixtures ─────────────────────────

let world: World;

function scopeOf(role: Role, side: Side, otherRegion: string): { gemeente?: string; region?: string } {
  switch (roleScope[role]) {
    case "gemeente":
      return { gemeente: side === "own" ? DEN_HAAG : DELFT };
    case "region":
      return { region: side === "own" ? HAAGLANDEN : otherRegion };
    default:
      return {};
  }
}
let otherRegionCode = "";

beforeAll(async () => {
  otherRegionCode = (await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN } }, select: { code: true } })).code;
  const actors = {} as Record<Role, Record<Side, Actor>>;
  for (const role of roles) {
    actors[role] = { own: await makeActor(role, scopeOf(role, "own", otherRegionCode)), other: await makeActor(role, scopeOf(role, "other", otherRegionCode)) };
  }
  const cast: Cast = {
    family: actors.FAMILY.own,
    professional: actors.PROFESSIONAL.own,
    aanspreekpunt: actors.AANSPREEKPUNT.own,
    expert: actors.EXPERT.own,
    decider: actors.DECISION_HOLDER.own,
  };
  const stages: Stage[] = ["SUBMITTED", "TRIAGE", "INFO_REQUESTED", "IN_PROGRESS", "WITH_EXPERT_TEAM", "DECISION_PROPOSED", "DECIDED", "CLOSED"];
  const shared = {} as Record<Stage, CaseFixture>;
  for (const stage of stages) shared[stage] = await caseAt(cast, stage);
  const { id: documentId } = await addDocument(cast.family, { caseId: shared.DECIDED.id, fileName: "verslag.png", content: new Uint8Array(onePixelPng) });

  const transferredByOwn = await caseAt(cast, "TRIAGE");
  await transferCase(cast.aanspreekpunt, { caseId: transferredByOwn.id, toGemeenteCode: DELFT, transferReason: "Het kind woont in Delft.", expertAgreement: null });
  const delftCast: Cast = { ...cast, aanspreekpunt: actors.AANSPREEKPUNT.other };
  const transferredByOther = await caseAt(delftCast, "TRIAGE", DELFT);
  await transferCase(delftCast.aanspreekpunt, { caseId: transferredByOther.id, toGemeenteCode: DEN_HAAG, transferReason: "Het kind woont in Den Haag.", expertAgreement: null });

  world = {
    cast,
    actors,
    colleague: await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG }),
    bystander: await makeActor("FAMILY"),
    denHaagId: (await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG }, select: { id: true } })).id,
    shared,
    documentId,
    transferredByOwn,
    transferredByOther,
  };
}, 120_000);

// ───────────────────────── the tests ─────────────────────────

describe("the matrix covers the whole app", () => {
  it("names every server action, with the module it lives in", async () => {
    const discovered = await serverActions();
    expect(discovered.length).toBeGreaterThan(0);
    const missing = discovered.filter((a) => matrix[a.name]?.kind !== "action" || matrix[a.name]?.file !== a.file);
    expect(missing.map((a) => `${a.name} (${a.file}) is not in the authorization matrix`)).toEqual([]);
    const stale = entries.filter((e) => e.kind === "action" && !discovered.some((a) => a.name === e.name && a.file === e.file));
    expect(stale.map((e) => `${e.name} is in the matrix but is no server action of ${e.file}`)).toEqual([]);
  });

  it("names every route handler", () => {
    const discovered = routeHandlers();
    expect(discovered.length).toBeGreaterThan(0);
    expect(discovered.filter((file) => matrix[file]?.kind !== "route").map((file) => `${file} is not in the authorization matrix`)).toEqual([]);
    const stale = entries.filter((e) => e.kind === "route" && !discovered.includes(e.name));
    expect(stale.map((e) => `${e.name} is in the matrix but is no route handler`)).toEqual([]);
  });

  it("names every page with the reads it makes", () => {
    const discovered = pages();
    expect(discovered.filter((file) => !(file in pageReads)).map((file) => `${file} is not in the authorization matrix`)).toEqual([]);
    expect(Object.keys(pageReads).filter((file) => !discovered.includes(file))).toEqual([]);
    const read = new Set(Object.values(pageReads).flat());
    expect([...read].filter((name) => matrix[name]?.kind !== "page").map((name) => `${name} is read by a page but is not a page entry of the matrix`)).toEqual([]);
    expect(entries.filter((e) => e.kind === "page" && !read.has(e.name)).map((e) => `${e.name} is read by no page`)).toEqual([]);
  });

  it("exercises every permission of the permission table", () => {
    // platform.manage guards only the regions overview, which is reference data.
    const unused = Object.keys(permissions).filter((p) => p !== "platform.manage" && !tested.some((e) => e.permission === p));
    expect(unused).toEqual([]);
  });

  it("runs every entry but the public ones that need the Next.js runtime", () => {
    expect(entries.filter((e) => !e.run && e.scope !== "public").map((e) => e.name)).toEqual([]);
  });
});

describe.each(entries.filter((e) => e.scope === "public" && e.run))("$name → $service (public)", (entry) => {
  it("works for anyone", async () => {
    await entry.run!({ actor: world.bystander, side: "own", role: "FAMILY", c: world.shared[entry.stage ?? "TRIAGE"], world, prepared: "" });
  });
});

describe.each(tested)("$name → $service, needs $needs", (entry) => {
  it.each(cells(entry))("$role, $label → $expected", async ({ role, side, expected }) => {
    // For a self-scoped entry the actor stays the same; whose object it is changes.
    const actorSide = entry.scope === "self" ? "own" : side;
    const actor = entry.freshActor ? await makeActor(role, scopeOf(role, actorSide, otherRegionCode)) : world.actors[role][actorSide];
    const stage = entry.stage ?? "DECIDED";
    // A permitted change gets a case of its own; a refused one must leave the shared case as it was.
    const c = entry.changesCase && expected === "allowed" ? await caseAt(world.cast, stage) : world.shared[stage];
    const prepared = (await entry.prepare?.({ actor, side, role, c, world })) ?? "";
    const before = entry.changesCase ? await caseSnapshot(c.id) : null;
    const actual = await outcomeOf(() => entry.run!({ actor, side, role, c, world, prepared }));
    expect(actual, `${entry.service} for ${role} (${side}): the permission table says ${expected}`).toBe(expected);
    if (before && expected !== "allowed") expect(await caseSnapshot(c.id)).toEqual(before);
  });
});

// ───────────────────────── the database's own policies ─────────────────────────

/**
 * The same roles and sides against the row-level policies of the identity and audit
 * tables (decisions 016 and 024), with the portal's raw client in the actor's scope:
 * the database must agree with the permission table without the services' checks.
 */
describe.each(roles.flatMap((role) => sides.map((side) => ({ role, side }))))("database policies for $role ($side)", ({ role, side }) => {
  const actorOf = () => world.actors[role][side];

  it("reaches a case's chain head exactly when it reaches the case, and only its own person's chain", async () => {
    const c = world.shared.DECIDED;
    // The bystander's own chain, as writeAudit opens it before their first event.
    const bystanderChain = chainFor(null, world.bystander.userId);
    await prisma.auditChainHead.upsert({ where: { chain: bystanderChain }, create: { chain: bystanderChain, seq: 0, hash: "" }, update: {} });
    const seen = await asActor(actorOf(), async (tx) => ({
      caseRow: await tx.case.count({ where: { id: c.id } }),
      head: await tx.auditChainHead.count({ where: { chain: chainFor(c.id) } }),
      bystander: await tx.auditChainHead.count({ where: { chain: bystanderChain } }),
      moved: await tx.auditChainHead.updateMany({ where: { chain: bystanderChain }, data: { seq: 0 } }),
    }));
    expect(seen.head).toBe(seen.caseRow);
    // Only a national reader sees another person's chain; nobody moves it.
    expect({ bystander: seen.bystander, moved: seen.moved.count }).toEqual({ bystander: scopeOfActor(actorOf()).read.national ? 1 : 0, moved: 0 });
  });

  it("changes its own account only, and no checkpoint or legacy head at all", async () => {
    const actor = actorOf();
    const changed = await asActor(actor, async (tx) => ({
      own: (await tx.user.updateMany({ where: { id: actor.userId }, data: { sessionVersion: { increment: 0 } } })).count,
      other: (await tx.user.updateMany({ where: { id: world.bystander.userId }, data: { sessionVersion: { increment: 0 } } })).count,
    }));
    expect(changed).toEqual({ own: 1, other: 0 });
    await expect(asActor(actor, (tx) => tx.auditCheckpoint.count())).rejects.toThrow(/permission denied/);
    await expect(asActor(actor, (tx) => tx.auditLegacyHead.updateMany({ data: { seq: 0 } }))).rejects.toThrow(/permission denied/);
  });

  it("changes a staff membership exactly when the staff rules let it manage that gemeente or region", async () => {
    const actor = actorOf();
    for (const member of [world.cast.aanspreekpunt, world.cast.expert]) {
      const row = await prisma.membership.findFirstOrThrow({ where: { userId: member.userId } });
      const scope = scopeOfMembership({ role: row.role as Role, gemeenteId: row.gemeenteId, regionId: row.regionId })!;
      const changed = await asActor(actor, (tx) => tx.membership.updateMany({ where: { id: row.id }, data: { createdAt: row.createdAt } }));
      expect(changed.count, `${role} (${side}) on a membership of ${scope.kind} ${scope.id}`).toBe(managesScope(actor.memberships, scope) ? 1 : 0);
    }
  });
});
