import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { workingDaysBetween } from "@/lib/domain/deadlines";
import type { CloseCaseInput } from "@/lib/domain/inputs";
import { shownAssignmentStatus, type StepDurations } from "@/lib/domain/monitoring";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { startLocal } from "@/lib/server/cases/start-local";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { familyAssignmentFollowUp, staffAssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { scanOverdueAssignments } from "@/lib/server/monitoring/overdue-assignments";
import { reportAssignment } from "@/lib/server/monitoring/report-assignment";
import { settleAssignment } from "@/lib/server/monitoring/settle-assignment";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

const DAY = 24 * 60 * 60_000;
const inDays = (n: number) => dayFromNow(n);

let parent: Actor, otherParent: Actor, aanspreekpunt: Actor, delft: Actor, decider: Actor, admin: Actor, delftAdmin: Actor, expert: Actor;

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  otherParent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
  delftAdmin = await makeActor("GEMEENTE_ADMIN", { gemeente: DELFT });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
});

/** A Den Haag case with a recorded decision, held by the aanspreekpunt; its assignments in the order given. */
async function decidedCase(parties: string[] = ["Zorgaanbieder X", "School Y"]) {
  const filed = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await startLocal(aanspreekpunt, { caseId: filed.id, note: "Overleg met school en aanbieder gepland." });
  await proposeDecision(aanspreekpunt, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand anders neemt het op." });
  await recordDecision(decider, {
    caseId: filed.id,
    legalBasis: "Jeugdwet art. 2.3",
    rationale: "Het kind heeft recht op passende hulp.",
    assignments: parties.map((party, i) => ({ party, description: `Opdracht ${i + 1} uitvoeren`, dueOn: inDays(30 + i), payer: "Gemeente" })),
  });
  const rows = await prisma.assignment.findMany({ where: { decision: { caseId: filed.id } }, orderBy: { dueOn: "asc" } });
  return { ...filed, assignmentIds: rows.map((a) => a.id) };
}

const evaluation = {
  causes: ["WAITING_LIST", "FUNDING"],
  organisationKinds: ["JEUGDHULPAANBIEDER", "GEMEENTE"],
  outcome: "DECISION",
  helpStartedOn: dayFromNow(),
  blockedNote: "De aanbieder had een wachtlijst en niemand wilde betalen.",
  breakthroughNote: "Het besluit met doorzettingsmacht legde vast wie betaalt.",
} satisfies Partial<CloseCaseInput>;

function closeInput(caseId: string): CloseCaseInput {
  return { caseId, result: "RESOLVED", closingNote: "De hulp is geregeld en uw kind gaat weer naar school.", ...evaluation, causes: [...evaluation.causes], organisationKinds: [...evaluation.organisationKinds] };
}

describe("an assignment past its date", () => {
  // First in the file: no other assignment is past its date yet, so the totals are exactly ours.
  it("becomes overdue and escalates exactly once when two scans run at the same moment", async () => {
    const c = await decidedCase();
    const [late, settled] = c.assignmentIds as [string, string];
    const yesterday = new Date(`${inDays(-1)}T00:00:00Z`);
    await prisma.assignment.updateMany({ where: { id: { in: [late, settled] } }, data: { dueOn: yesterday } });
    // A settled assignment is never chased, whatever its date.
    await settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId: settled, outcome: "DONE", statusNote: "De school heeft de plek bevestigd." });

    const [a, b] = await Promise.all([scanOverdueAssignments(), scanOverdueAssignments()]);
    expect(a.overdue + b.overdue).toBe(1);
    expect(a.failed + b.failed).toBe(0);

    const row = await prisma.assignment.findUniqueOrThrow({ where: { id: late } });
    expect(row).toMatchObject({ status: "OPEN", escalationLevel: 1 });
    expect(row.overdueAt).not.toBeNull();
    expect(shownAssignmentStatus(row, new Date())).toBe("overdue");
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: settled } })).toMatchObject({ escalationLevel: 0, overdueAt: null });

    const timeline = await prisma.timelineEntry.findMany({ where: { caseId: c.id, kind: "assignmentOverdue" } });
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ visibleToFamily: false, actorId: null });
    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.assignmentOverdue" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, caseNumber: c.number, changes: { assignmentId: { old: null, new: late } } });

    const notified = await prisma.staffNotification.findMany({ where: { caseId: c.id, kind: "assignmentOverdue" } });
    expect(notified.map((n) => n.userId).sort()).toEqual([aanspreekpunt.userId, admin.userId].sort());
    expect(notified.map((n) => n.userId)).not.toContain(delftAdmin.userId);
    for (const person of [aanspreekpunt, admin]) {
      expect(await prisma.outboxMessage.count({ where: { caseId: c.id, recipient: person.email, template: "assignment-overdue" } })).toBe(1);
    }

    // Nothing is left to do: another run changes nothing, and the family never sees the staff-only entry.
    const again = await scanOverdueAssignments();
    expect(again.overdue).toBe(0);
    expect(await prisma.timelineEntry.count({ where: { caseId: c.id, kind: "assignmentOverdue" } })).toBe(1);
    expect((await followCase(parent, c.number)).timeline.map((e) => e.kind)).not.toContain("assignmentOverdue");

    // Settling it clears the overdue mark.
    await settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId: late, outcome: "ENDED", statusNote: "De aanbieder is gestopt; een andere opdracht volgt." });
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: late } })).toMatchObject({ status: "ENDED", overdueAt: null });
  });

  it("is not overdue on its own due day", async () => {
    const c = await decidedCase(["Zorgaanbieder X"]);
    const today = new Date(`${inDays(0)}T00:00:00Z`);
    await prisma.assignment.update({ where: { id: c.assignmentIds[0]! }, data: { dueOn: today } });
    await scanOverdueAssignments({ now: new Date(today.getTime() + 11 * 60 * 60_000) });
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: c.assignmentIds[0]! } })).toMatchObject({ escalationLevel: 0, overdueAt: null });
  });
});

describe("closing a decided case", () => {
  it("is refused while an assignment is open, and stores nothing", async () => {
    const c = await decidedCase();
    await expect(closeCase(aanspreekpunt, closeInput(c.id))).rejects.toMatchObject({ code: "assignmentsOpen" });
    await settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId: c.assignmentIds[0]!, outcome: "DONE", statusNote: "De begeleiding is op 3 maart begonnen." });
    await expect(closeCase(aanspreekpunt, closeInput(c.id))).rejects.toMatchObject({ code: "assignmentsOpen" });

    // Settling the first assignment starts monitoring; the refused close changed nothing.
    const row = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "MONITORING", deadlineAt: null, result: null, closedAt: null });
    const settled = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.settleAssignment" } });
    expect(settled.changes).toMatchObject({ status: { old: "DECIDED", new: "MONITORING" } });
    expect(await prisma.caseEvaluation.count({ where: { caseId: c.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { caseId: c.id, action: "case.close" } })).toBe(0);
  });

  it("succeeds once every assignment is done or ended, and stores the evaluation with the working days per step", async () => {
    const c = await decidedCase();
    // As if the case had waited in SUBMITTED for two weeks before it was taken on.
    const createdAt = new Date(Date.now() - 14 * DAY);
    await prisma.case.update({ where: { id: c.id }, data: { createdAt } });
    const [first, second] = c.assignmentIds as [string, string];
    await settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId: first, outcome: "DONE", statusNote: "De begeleiding is op 3 maart begonnen." });
    await settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId: second, outcome: "ENDED", statusNote: "Niet meer nodig: het kind gaat naar een andere school." });

    await closeCase(aanspreekpunt, closeInput(c.id));

    const row = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "CLOSED", result: "RESOLVED" });
    const stored = await prisma.caseEvaluation.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(stored).toMatchObject({
      gemeenteId: row.gemeenteId,
      blockers: ["WAITING_LIST", "FUNDING"],
      organisationKinds: ["JEUGDHULPAANBIEDER", "GEMEENTE"],
      outcome: "DECISION",
      helpStartedOn: new Date(`${evaluation.helpStartedOn}T00:00:00Z`),
      helpStartSource: "STAFF",
      helpStartConfirmedAt: null,
      blockedNote: evaluation.blockedNote,
      breakthroughNote: evaluation.breakthroughNote,
      createdById: aanspreekpunt.userId,
    });
    const durations = stored.stepDurations as StepDurations;
    expect(durations.steps.map((s) => s.status)).toEqual(["SUBMITTED", "TRIAGE", "IN_PROGRESS", "DECISION_PROPOSED", "DECIDED", "MONITORING"]);
    const claimed = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.claim" } });
    const submitted = durations.steps[0]!.workingDays;
    expect(submitted).toBe(workingDaysBetween(createdAt, claimed.occurredAt));
    expect(submitted).toBeGreaterThan(0);
    expect(durations.total).toBe(workingDaysBetween(createdAt, row.closedAt!));
    expect(durations.steps.reduce((sum, s) => sum + s.workingDays, 0)).toBe(durations.total);

    // Both settlements and the close are audited; the family reads the steps in plain words.
    const actions = (await prisma.auditEvent.findMany({ where: { caseId: c.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(["case.settleAssignment", "case.settleAssignment", "case.close"]);
    const close = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.close" } });
    expect(close.changes).toMatchObject({ status: { old: "MONITORING", new: "CLOSED" }, causes: { new: ["WAITING_LIST", "FUNDING"] }, outcome: { new: "DECISION" } });
    const family = await followCase(parent, c.number);
    expect(family.timeline.map((e) => e.kind).slice(-3)).toEqual(["assignmentDone", "assignmentEnded", "closed"]);
    const shown = await familyAssignmentFollowUp(parent, c.id);
    expect(shown.get(second)).toMatchObject({ statusNote: "Niet meer nodig: het kind gaat naar een andere school.", statusBy: null });
  });
});

describe("settling an assignment", () => {
  it("happens once: a second attempt is a conflict, and the first note stays", async () => {
    const c = await decidedCase(["Zorgaanbieder X"]);
    const assignmentId = c.assignmentIds[0]!;
    const note = "De begeleiding is op 3 maart begonnen.";
    await settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId, outcome: "DONE", statusNote: note });
    await expect(settleAssignment(aanspreekpunt, { caseId: c.id, assignmentId, outcome: "ENDED", statusNote: "Toch niet." })).rejects.toBeInstanceOf(ConflictError);
    const row = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(row).toMatchObject({ status: "DONE", statusNote: note, statusById: aanspreekpunt.userId });
    expect(row.statusAt).not.toBeNull();
    const followUp = await staffAssignmentFollowUp(aanspreekpunt, c.id);
    expect(followUp.get(assignmentId)).toMatchObject({ statusNote: note, statusBy: aanspreekpunt.name });
  });

  it.each([
    ["the family", () => parent],
    ["the decision holder", () => decider],
    ["an expert of a team the case was never referred to", () => expert],
    ["an aanspreekpunt of another gemeente", () => delft],
  ])("is not found for %s", async (_who, actor) => {
    const c = await decidedCase(["Zorgaanbieder X"]);
    await expect(
      settleAssignment(actor(), { caseId: c.id, assignmentId: c.assignmentIds[0]!, outcome: "DONE", statusNote: "Het is geregeld." }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: c.assignmentIds[0]! } })).toMatchObject({ status: "OPEN" });
  });

  it("does not reach an assignment of another case through one's own case", async () => {
    const own = await decidedCase(["Zorgaanbieder X"]);
    const other = await decidedCase(["Zorgaanbieder Z"]);
    await expect(
      settleAssignment(aanspreekpunt, { caseId: own.id, assignmentId: other.assignmentIds[0]!, outcome: "DONE", statusNote: "Het is geregeld." }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.assignment.findUniqueOrThrow({ where: { id: other.assignmentIds[0]! } })).toMatchObject({ status: "OPEN" });
  });
});

describe("the family's report that an assignment did not happen", () => {
  it("is stored, audited, shown to staff and the family, and tells the aanspreekpunt who holds the case", async () => {
    const c = await decidedCase(["Zorgaanbieder X"]);
    const assignmentId = c.assignmentIds[0]!;
    const note = "Er is nog niemand bij ons thuis geweest.";
    const { reportId } = await reportAssignment(parent, { caseId: c.id, assignmentId, reportNote: note });

    expect(await prisma.assignmentReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      assignmentId,
      caseId: c.id,
      note,
      reportedById: parent.userId,
    });
    const audit = await prisma.auditEvent.findMany({ where: { caseId: c.id, action: "case.reportAssignment" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: parent.userId, actorRole: "FAMILY", changes: { assignmentId: { new: assignmentId }, reportId: { new: reportId } } });
    expect(await prisma.timelineEntry.findFirst({ where: { caseId: c.id, kind: "assignmentReported" } })).toMatchObject({ visibleToFamily: true, actorId: parent.userId });

    const notified = await prisma.staffNotification.findMany({ where: { caseId: c.id, kind: "assignmentReported" } });
    expect(notified.map((n) => n.userId)).toEqual([aanspreekpunt.userId]);
    expect(await prisma.outboxMessage.count({ where: { caseId: c.id, recipient: aanspreekpunt.email, template: "assignment-reported" } })).toBe(1);

    expect((await staffAssignmentFollowUp(aanspreekpunt, c.id)).get(assignmentId)?.reports).toMatchObject([{ id: reportId, note, reportedBy: parent.name }]);
    expect((await familyAssignmentFollowUp(parent, c.id)).get(assignmentId)?.reports).toMatchObject([{ id: reportId, note, reportedBy: null }]);
  });

  it("goes to every aanspreekpunt of the gemeente when nobody holds the case", async () => {
    const c = await decidedCase(["Zorgaanbieder X"]);
    await prisma.case.update({ where: { id: c.id }, data: { assigneeId: null } });
    await reportAssignment(parent, { caseId: c.id, assignmentId: c.assignmentIds[0]!, reportNote: "Er is niemand gekomen." });
    const notified = (await prisma.staffNotification.findMany({ where: { caseId: c.id, kind: "assignmentReported" } })).map((n) => n.userId);
    expect(notified).toContain(aanspreekpunt.userId);
    expect(notified).not.toContain(delft.userId);
  });

  it("is not found for a family of another case, nor for staff of another gemeente", async () => {
    const c = await decidedCase(["Zorgaanbieder X"]);
    const assignmentId = c.assignmentIds[0]!;
    await expect(reportAssignment(otherParent, { caseId: c.id, assignmentId, reportNote: "Dit is niet gebeurd." })).rejects.toBeInstanceOf(NotFoundError);
    await expect(familyAssignmentFollowUp(otherParent, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(staffAssignmentFollowUp(delft, c.id)).rejects.toBeInstanceOf(NotFoundError);
    // Staff report nothing on the family's behalf through this path.
    await expect(reportAssignment(aanspreekpunt, { caseId: c.id, assignmentId, reportNote: "Dit is niet gebeurd." })).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.assignmentReport.count({ where: { caseId: c.id } })).toBe(0);
    expect(await prisma.staffNotification.count({ where: { caseId: c.id, kind: "assignmentReported" } })).toBe(0);
  });

  it("does not reach an assignment of another case through the family's own case", async () => {
    const own = await decidedCase(["Zorgaanbieder X"]);
    const other = await decidedCase(["Zorgaanbieder Z"]);
    await expect(
      reportAssignment(parent, { caseId: own.id, assignmentId: other.assignmentIds[0]!, reportNote: "Dit is niet gebeurd." }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.assignmentReport.count({ where: { assignmentId: other.assignmentIds[0]! } })).toBe(0);
  });
});
