import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { hashInvitationToken, invitationToken } from "@/lib/domain/invitations";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import { inviteToCase } from "@/lib/server/invitations/invite-to-case";
import type { InvitableRole } from "@/lib/domain/invitations";
import { caseInput, closingInput, referralFacts } from "./factories";
import { signUpToken } from "@/lib/domain/sign-up";
import { requestSignUp } from "@/lib/server/users/request-sign-up";
import { memorySignUpLimiter } from "@/lib/server/users/sign-up-limit";
import { dayFromNow } from "@/tests/support/days";

/**
 * Cases in each state of the machine, built through the real services by a
 * fixed cast: the family files, a professional joins through an invitation,
 * and the staff of the case's gemeente and region move it on.
 */

/** CLOSED: solved in a local breakthrough, with an evaluation whose help-start day the family has not answered yet. */
export type Stage = "SUBMITTED" | "TRIAGE" | "INFO_REQUESTED" | "IN_PROGRESS" | "WITH_EXPERT_TEAM" | "DECISION_PROPOSED" | "DECIDED" | "CLOSED";

/** Whether a case in this stage was referred to the region's expert team (the expert team's scope). */
export const referredAt: Record<Stage, boolean> = {
  SUBMITTED: false,
  TRIAGE: false,
  INFO_REQUESTED: false,
  IN_PROGRESS: false,
  WITH_EXPERT_TEAM: true,
  DECISION_PROPOSED: true,
  DECIDED: true,
  CLOSED: false,
};

export type CaseFixture = { id: string; number: string; stage: Stage; decisionId: string; assignmentIds: string[] };

export type Cast = {
  /** Files every case: a FILER party, so FAMILY on it */
  family: Actor;
  /** Joins every case as a PROFESSIONAL party */
  professional: Actor;
  aanspreekpunt: Actor;
  expert: Actor;
  decider: Actor;
};

/** The secret invitation links are signed with; set it in the test file before any invitation is made. */
export const INVITATION_SECRET = "integration-test-secret-for-authorization-matrix";

export const inDays = (n: number) => dayFromNow(n);

export const decisionInput = {
  legalBasis: "Jeugdwet artikel 2.3",
  rationale: "Het kind heeft recht op passende hulp.",
  assignments: [
    { party: "Samenwerkingsverband", description: "Een plek op school met zorg", dueOn: inDays(30), payer: "Samenwerkingsverband" },
    { party: "Zorgaanbieder De Brug", description: "Begeleiding op school", dueOn: inDays(40), payer: "Gemeente" },
  ],
};

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@test.doorbraak.nl`;
}

/** Invites someone to the case and returns the token of the link in the invitation mail. */
export async function invite(inviter: Actor, caseId: string, email: string, role: InvitableRole): Promise<{ invitationId: string; token: string }> {
  const { invitationId } = await inviteToCase(inviter, { caseId, email, role });
  const mail = await prisma.outboxMessage.findFirstOrThrow({
    where: { caseId, recipient: email, template: "case-invitation" },
    orderBy: { createdAt: "desc" },
  });
  return { invitationId, token: invitationToken(INVITATION_SECRET, mail.id) };
}

export async function caseAt(cast: Cast, stage: Stage, gemeenteCode?: string): Promise<CaseFixture> {
  const filed = await fileCase(cast.family, caseInput(gemeenteCode ? { ownGemeenteCode: gemeenteCode } : {}));
  const { token } = await invite(cast.family, filed.id, cast.professional.email, "PROFESSIONAL");
  await acceptInvitation(cast.professional, { token });
  const fixture: CaseFixture = { id: filed.id, number: filed.number, stage, decisionId: "", assignmentIds: [] };
  if (stage === "SUBMITTED") return fixture;
  await claimCase(cast.aanspreekpunt, { caseId: filed.id });
  if (stage === "TRIAGE") return fixture;
  if (stage === "INFO_REQUESTED") {
    await requestInfo(cast.aanspreekpunt, { caseId: filed.id, familyQuestion: "Welke school heeft uw kind het laatst bezocht?" });
    return fixture;
  }
  await startLocal(cast.aanspreekpunt, { caseId: filed.id, note: "Overleg met school." });
  if (stage === "IN_PROGRESS") return fixture;
  if (stage === "CLOSED") {
    await closeCase(cast.aanspreekpunt, closingInput(filed.id));
    return fixture;
  }
  await referCase(cast.aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
  if (stage === "WITH_EXPERT_TEAM") return fixture;
  await proposeDecision(cast.expert, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand neemt de regie." });
  if (stage === "DECISION_PROPOSED") return fixture;
  const { decisionId } = await recordDecision(cast.decider, { caseId: filed.id, ...decisionInput });
  const rows = await prisma.assignment.findMany({ where: { decisionId }, orderBy: { dueOn: "asc" }, select: { id: true } });
  return { ...fixture, decisionId, assignmentIds: rows.map((r) => r.id) };
}

/** What a refused change must leave as it was. */
export async function caseSnapshot(caseId: string) {
  const [row, timeline, decisions, invitations, documents, evaluation] = await Promise.all([
    prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true, gemeenteId: true, assigneeId: true } }),
    prisma.timelineEntry.count({ where: { caseId } }),
    prisma.decision.count({ where: { caseId } }),
    prisma.caseInvitation.count({ where: { caseId, revokedAt: null } }),
    prisma.caseDocument.count({ where: { caseId } }),
    prisma.caseEvaluation.findUnique({
      where: { caseId },
      select: { blockers: true, organisationKinds: true, outcome: true, helpStartedOn: true, helpStartSource: true, updatedAt: true },
    }),
  ]);
  return { ...row, timeline, decisions, invitations, documents, evaluation };
}

/**
 * Asks for an account for `email`, as the sign-up form does (with a limiter of its own, so
 * no other test's count is touched), and returns the token of the link in the mail.
 */
export async function signUpLinkFor(email: string): Promise<string> {
  await requestSignUp({ email }, { ip: null, userAgent: "vitest", requestId: "sign-up" }, memorySignUpLimiter());
  const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, template: "sign-up" }, orderBy: { createdAt: "desc" } });
  return signUpToken(INVITATION_SECRET, mail.id);
}


/**
 * Gives an assignment an organisation's link, as recording the decision does
 * for an organisation named in the case, and returns the link's secret.
 */
export async function assignmentLinkFor(caseId: string, assignmentId: string): Promise<string> {
  const { gemeenteId } = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { gemeenteId: true } });
  const token = randomBytes(32).toString("base64url");
  await prisma.assignmentLink.create({
    data: {
      assignmentId,
      caseId,
      gemeenteId,
      email: uniqueEmail("organisatie"),
      tokenHash: hashInvitationToken(token),
      sentById: "test",
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  return token;
}
