import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { invitationToken } from "@/lib/domain/invitations";
import { assignmentLinkMailText } from "@/lib/server/assignment-links/link-mail";
import { resendAssignmentLink, revokeAssignmentLink } from "@/lib/server/assignment-links/manage-links";
import { assignmentLinkLetter, openAssignmentLink, reportThroughLink } from "@/lib/server/assignment-links/use-link";
import { correctDecision } from "@/lib/server/cases/correct-decision";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { linkOrganisation } from "@/lib/server/cases/link-organisation";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { startLocal } from "@/lib/server/cases/start-local";
import { ConflictError, DomainError, NotFoundError } from "@/lib/server/errors";
import { staffAssignmentFollowUp, familyAssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { prisma } from "@/tests/support/owner-db";
import { caseInput, DELFT, DEN_HAAG, makeActor } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

const SECRET = "integration-test-secret-for-assignment-links";
process.env.AUTH_SECRET = SECRET;

const request = { ip: "192.0.2.10", userAgent: "vitest", requestId: "req-assignment-links" };
const inDays = (n: number) => dayFromNow(n);
const today = () => dayFromNow();

/** The token in the newest task mail to `recipient`, as the mail writer makes it. */
async function linkTokenFor(recipient: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient, template: "assignment-task" }, orderBy: { createdAt: "desc" } });
  return invitationToken(SECRET, message.id, "assignment-link");
}

async function entry(gemeenteCode: string, kind: string, name: string, email: string | null) {
  const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: gemeenteCode }, select: { id: true } });
  return prisma.organisation.create({ data: { gemeenteId: gemeente.id, kind, name, email } });
}

describe("an organisation's link to its own assignment", () => {
  let parent: Actor, aanspreekpunt: Actor, decider: Actor, delftStaff: Actor;

  beforeAll(async () => {
    parent = await makeActor("FAMILY");
    aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
    delftStaff = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  });

  /** A Den Haag case with a school and a provider named, decided with a task for each and one for a party typed in words. */
  async function decided(options: { providerEmail?: string | null } = {}) {
    const suffix = randomUUID().slice(0, 8);
    const schoolEmail = `school-${suffix}@test.doorbraak.nl`;
    const providerEmail = options.providerEmail === undefined ? `aanbieder-${suffix}@test.doorbraak.nl` : options.providerEmail;
    const school = await entry(DEN_HAAG, "SCHOOL", `Basisschool De Linde ${suffix}`, schoolEmail);
    const provider = await entry(DEN_HAAG, "JEUGDHULPAANBIEDER", `Zorgaanbieder De Brug ${suffix}`, providerEmail);
    const filed = await fileCase(parent, caseInput({ childName: "Zoë Brouwer" }));
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await linkOrganisation(aanspreekpunt, { caseId: filed.id, organisationId: school.id, part: "MUST_ACT" });
    await linkOrganisation(aanspreekpunt, { caseId: filed.id, organisationId: provider.id, part: "MUST_ACT" });
    const named = await prisma.caseOrganisation.findMany({ where: { caseId: filed.id }, select: { id: true, organisationId: true } });
    const schoolRow = named.find((n) => n.organisationId === school.id)!.id;
    const providerRow = named.find((n) => n.organisationId === provider.id)!.id;
    await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met school en aanbieder." });
    await proposeDecision(aanspreekpunt, { caseId: filed.id, proposal: "De gemeente zet door.", rationale: "Niemand neemt het op." });
    const { decisionId } = await recordDecision(decider, {
      caseId: filed.id,
      legalBasis: "Jeugdwet artikel 2.3",
      rationale: "Zoë heeft recht op passende hulp en onderwijs.",
      assignments: [
        { caseOrganisationId: schoolRow, party: null, description: "Een plek in groep 6 met extra begeleiding", dueOn: inDays(20), payer: "Samenwerkingsverband" },
        { caseOrganisationId: providerRow, party: null, description: "Begeleiding thuis, twee dagdelen per week", dueOn: inDays(30), payer: "Gemeente Den Haag" },
        { party: "Gemeente Den Haag, team Jeugd", description: "Vervoer naar school regelen", dueOn: inDays(10), payer: "Gemeente Den Haag" },
      ],
    });
    const assignments = await prisma.assignment.findMany({ where: { decisionId }, select: { id: true, party: true, caseOrganisationId: true } });
    const byRow = (row: string | null) => assignments.find((a) => a.caseOrganisationId === row)!;
    return { filed, decisionId, schoolEmail, providerEmail, school: byRow(schoolRow), provider: byRow(providerRow), typed: byRow(null), schoolName: school.name };
  }

  it("goes by mail, without case content, to each organisation with a task, and shows only its own task", async () => {
    const { filed, schoolEmail, providerEmail, school, typed, schoolName } = await decided();
    expect(school.party).toBe(schoolName);
    const mails = await prisma.outboxMessage.findMany({ where: { caseId: filed.id, template: "assignment-task" } });
    expect(mails.map((m) => m.recipient).sort()).toEqual([schoolEmail, providerEmail].sort());
    const links = await prisma.assignmentLink.findMany({ where: { caseId: filed.id } });
    expect(links).toHaveLength(2);
    expect(links.some((l) => l.assignmentId === typed.id)).toBe(false);

    const mail = mails.find((m) => m.recipient === schoolEmail)!;
    const text = assignmentLinkMailText(mail.id, "https://doorbraak.example");
    expect(text).toContain(`https://doorbraak.example/opdracht/${invitationToken(SECRET, mail.id, "assignment-link")}`);
    expect(text).not.toContain("Zoë");
    expect(text).not.toContain(filed.number);
    // Only the hash is kept.
    expect(links.map((l) => l.tokenHash)).not.toContain(invitationToken(SECRET, mail.id, "assignment-link"));

    const view = await openAssignmentLink(await linkTokenFor(schoolEmail), request);
    expect(view.state).toBe("open");
    if (view.state !== "open") return;
    expect(view.organisation).toBe(schoolName);
    expect(view.assignment.description).toBe("Een plek in groep 6 met extra begeleiding");
    expect(view.caseNumber).toBe(filed.number);
    expect(JSON.stringify(view)).not.toContain("Begeleiding thuis");
    expect(JSON.stringify(view)).not.toContain("recht op passende hulp");

    const opened = await prisma.auditEvent.findMany({ where: { caseId: filed.id, action: "case.openAssignmentLink" } });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ actorId: null, actorOrganisation: schoolName, ip: "192.0.2.10" });
    const sent = await prisma.auditEvent.findMany({ where: { caseId: filed.id, action: "case.sendAssignmentLink" } });
    expect(sent).toHaveLength(2);
  });

  it("takes receipt, done and a problem, which staff and the family see and which feed the follow-up", async () => {
    const { filed, schoolEmail, providerEmail, school, provider, schoolName } = await decided();
    const schoolToken = await linkTokenFor(schoolEmail);
    const providerToken = await linkTokenFor(providerEmail!);

    await reportThroughLink(schoolToken, request, { kind: "RECEIVED" });
    await expect(reportThroughLink(schoolToken, request, { kind: "RECEIVED" })).rejects.toBeInstanceOf(ConflictError);
    await reportThroughLink(schoolToken, request, { kind: "DONE", doneOn: today(), reportNote: "Zoë is gestart in groep 6." });
    await reportThroughLink(providerToken, request, { kind: "PROBLEM", reportNote: "Er is pas plek over acht weken." });

    const rows = await prisma.assignment.findMany({ where: { id: { in: [school.id, provider.id] } } });
    const schoolRow = rows.find((r) => r.id === school.id)!;
    const providerRow = rows.find((r) => r.id === provider.id)!;
    expect(schoolRow.status).toBe("DONE");
    expect(schoolRow.receivedAt).not.toBeNull();
    expect(schoolRow.statusNote).toBe("Zoë is gestart in groep 6.");
    expect(providerRow.status).toBe("OPEN");
    expect(providerRow.receivedAt).not.toBeNull();
    // A done task takes no more reports; the settled one cannot be settled again by staff either.
    await expect(reportThroughLink(schoolToken, request, { kind: "PROBLEM", reportNote: "Toch een probleem erbij." })).rejects.toBeInstanceOf(ConflictError);
    await expect(settleAssignment(aanspreekpunt, { caseId: filed.id, assignmentId: school.id, outcome: "DONE", statusNote: "Gezien." })).rejects.toBeInstanceOf(ConflictError);

    const staffView = await staffAssignmentFollowUp(aanspreekpunt, filed.id);
    expect(staffView.get(school.id)!.reports.map((r) => r.kind)).toEqual(["RECEIVED", "DONE"]);
    expect(staffView.get(school.id)!.reports[1]).toMatchObject({ byOrganisation: true, reportedBy: schoolName });
    expect(staffView.get(school.id)).toMatchObject({ statusBy: schoolName, statusNote: "Zoë is gestart in groep 6." });
    expect(staffView.get(provider.id)!.reports.map((r) => r.note)).toEqual(["Er is pas plek over acht weken."]);
    const familyView = await familyAssignmentFollowUp(parent, filed.id);
    expect(familyView.get(provider.id)!.reports[0]).toMatchObject({ kind: "PROBLEM", byOrganisation: true });
    expect(familyView.get(school.id)!.links).toEqual([]);

    const timeline = await prisma.timelineEntry.findMany({ where: { caseId: filed.id, kind: { startsWith: "organisation" } }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((e) => e.kind)).toEqual(["organisationLinked", "organisationLinked", "organisationReceived", "organisationDone", "organisationProblem"]);
    expect(timeline.every((e) => e.visibleToFamily)).toBe(true);

    // The person who holds the case hears of the problem.
    const notices = await prisma.staffNotification.findMany({ where: { caseId: filed.id, kind: "assignmentProblem" } });
    expect(notices.map((n) => n.userId)).toEqual([aanspreekpunt.userId]);

    const reports = await prisma.auditEvent.findMany({ where: { caseId: filed.id, action: "case.organisationReport" }, orderBy: { seq: "asc" } });
    expect(reports.map((e) => (e.changes as Record<string, { new: unknown }>).kind?.new)).toEqual(["RECEIVED", "DONE", "PROBLEM"]);
  });

  it("stops working when revoked, when expired and when the decision is corrected; a new link works", async () => {
    const { filed, decisionId, schoolEmail, providerEmail, school, provider } = await decided();
    const schoolToken = await linkTokenFor(schoolEmail);
    const providerToken = await linkTokenFor(providerEmail!);

    await revokeAssignmentLink(aanspreekpunt, { caseId: filed.id, assignmentId: school.id });
    expect(await openAssignmentLink(schoolToken, request)).toEqual({ state: "revoked" });
    await expect(reportThroughLink(schoolToken, request, { kind: "RECEIVED" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignmentLinkLetter(schoolToken, request)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditEvent.count({ where: { caseId: filed.id, action: "case.revokeAssignmentLink" } })).toBe(1);

    await resendAssignmentLink(decider, { caseId: filed.id, assignmentId: school.id });
    const newToken = await linkTokenFor(schoolEmail);
    expect(newToken).not.toBe(schoolToken);
    expect((await openAssignmentLink(newToken, request)).state).toBe("open");
    expect(await prisma.assignmentLink.count({ where: { assignmentId: school.id } })).toBe(2);

    // Expired: the day after it stopped working.
    await prisma.assignmentLink.updateMany({ where: { assignmentId: provider.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openAssignmentLink(providerToken, request)).toEqual({ state: "expired" });

    // A correction ends the old tasks and their links; the new decision's tasks go out with new links.
    await correctDecision(decider, {
      caseId: filed.id,
      decisionId,
      correctionReason: "De school heeft een andere groep.",
      legalBasis: "Jeugdwet artikel 2.3",
      rationale: "Zoë heeft recht op passende hulp en onderwijs.",
      assignments: [{ caseOrganisationId: school.caseOrganisationId!, party: null, description: "Een plek in groep 7", dueOn: inDays(25), payer: "Samenwerkingsverband" }],
    });
    expect(await openAssignmentLink(newToken, request)).toEqual({ state: "revoked" });
    const corrected = await linkTokenFor(schoolEmail);
    const view = await openAssignmentLink(corrected, request);
    expect(view.state === "open" && view.assignment.description).toBe("Een plek in groep 7");
  });

  it("takes no report once the case is closed", async () => {
    const { filed, schoolEmail } = await decided();
    await prisma.case.update({ where: { id: filed.id }, data: { status: "CLOSED", closedAt: new Date() } });
    await expect(reportThroughLink(await linkTokenFor(schoolEmail), request, { kind: "RECEIVED" })).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.assignmentReport.count({ where: { caseId: filed.id } })).toBe(0);
  });

  it("never shows another organisation's task, an unknown link or a forged one", async () => {
    const first = await decided();
    const second = await decided();
    const view = await openAssignmentLink(await linkTokenFor(second.schoolEmail), request);
    expect(view.state === "open" && view.caseNumber).toBe(second.filed.number);
    await expect(openAssignmentLink("x".repeat(43), request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openAssignmentLink("not a token", request)).rejects.toBeInstanceOf(NotFoundError);
    // A token made for the same message with another purpose (an invitation link) is no task link.
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: first.schoolEmail, template: "assignment-task" } });
    await expect(openAssignmentLink(invitationToken(SECRET, mail.id), request)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is managed only by the case's own gemeente, for the decision in force, and needs an address", async () => {
    const { filed, school, typed } = await decided({ providerEmail: null });
    await expect(revokeAssignmentLink(delftStaff, { caseId: filed.id, assignmentId: school.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendAssignmentLink(parent, { caseId: filed.id, assignmentId: school.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendAssignmentLink(aanspreekpunt, { caseId: filed.id, assignmentId: typed.id })).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === "organisationWithoutEmail",
    );
    const provider = await prisma.assignment.findFirstOrThrow({ where: { decision: { caseId: filed.id }, party: { startsWith: "Zorgaanbieder" } } });
    expect(await prisma.assignmentLink.count({ where: { assignmentId: provider.id } })).toBe(0);
    // Staff are offered a new link only where the directory has an address.
    const followUp = await staffAssignmentFollowUp(aanspreekpunt, filed.id);
    expect(followUp.get(provider.id)).toMatchObject({ forOrganisation: true, organisationReachable: false });
    expect(followUp.get(school.id)).toMatchObject({ forOrganisation: true, organisationReachable: true });
    expect((await familyAssignmentFollowUp(parent, filed.id)).get(school.id)?.organisationReachable).toBe(false);
  });

  it("refuses an organisation that is not named in the case, at its field", async () => {
    const other = await decided();
    const filed = await fileCase(parent, caseInput());
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg." });
    await proposeDecision(aanspreekpunt, { caseId: filed.id, proposal: "Doorzetten.", rationale: "Niemand neemt het op." });
    const attempt = recordDecision(decider, {
      caseId: filed.id,
      legalBasis: "Jeugdwet artikel 2.3",
      rationale: "Het kind heeft recht op passende hulp.",
      assignments: [{ caseOrganisationId: other.school.caseOrganisationId!, party: null, description: "Een plek op school", dueOn: inDays(20), payer: "Samenwerkingsverband" }],
    });
    await expect(attempt).rejects.toSatisfy((e) => e instanceof DomainError && e.fieldErrors["assignments.0.caseOrganisationId"] === "invalid");
    expect(await prisma.decision.count({ where: { caseId: filed.id } })).toBe(0);
  });
});
