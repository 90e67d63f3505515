import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { addNote } from "@/lib/server/cases/add-note";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { assignCase } from "@/lib/server/cases/assign-case";
import { claimCase } from "@/lib/server/cases/claim-case";
import { closeCase } from "@/lib/server/cases/close-case";
import { declareInadmissible } from "@/lib/server/cases/declare-inadmissible";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { openCase } from "@/lib/server/cases/open-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";
import { findOwnTransfer, transferCase } from "@/lib/server/cases/transfer-case";
import { listCaseDocuments } from "@/lib/server/documents/list-documents";
import { ConflictError, DomainError, NotFoundError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

const AMSTERDAM = "GM0363";

const complaintRoute =
  "U kunt een klacht indienen bij de gemeente Den Haag. Komt u er niet uit? Dan kunt u naar de Nationale ombudsman of de Kinderombudsman.";

let parent: Actor, aanspreekpunt: Actor, colleague: Actor, third: Actor, delft: Actor, amsterdam: Actor, decider: Actor, expert: Actor;

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  third = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  delft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  amsterdam = await makeActor("AANSPREEKPUNT", { gemeente: AMSTERDAM });
  decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
});

async function gemeenteId(cbsCode: string): Promise<string> {
  return (await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode }, select: { id: true } })).id;
}

/** A new Den Haag case, claimed by the first aanspreekpunt (in triage). */
async function claimedCase() {
  const filed = await fileCase(parent, caseInput());
  await claimCase(aanspreekpunt, { caseId: filed.id });
  return filed;
}

/** The field errors of a refused service call. */
async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string>> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fieldErrors;
}

/** Waits until `n` sessions of this file's database wait for a lock (a condition, not a timer). */
async function lockWaiters(n: number): Promise<void> {
  for (let attempt = 0; attempt < 5000; attempt += 1) {
    const [row] = await prisma.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (Number(row?.waiting ?? 0) >= n) return;
  }
  throw new Error(`never saw ${n} sessions waiting for the case row`);
}

/**
 * Two calls at the same moment, made truly simultaneous: the case row is held
 * locked until both calls have read the case and wait to write it. Then
 * exactly one may succeed; the other loses with a ConflictError.
 */
async function race(caseId: string, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  let both: Promise<PromiseSettledResult<unknown>[]> = Promise.resolve([]);
  await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
      both = Promise.allSettled([a(), b()]);
      await lockWaiters(2);
    },
    { timeout: 20_000 },
  );
  const results = await both;
  const won = results.map((r) => r.status === "fulfilled");
  expect(won.filter(Boolean)).toHaveLength(1);
  const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(lost?.reason).toBeInstanceOf(ConflictError);
  return { firstWon: won[0] === true };
}

describe("assigning a case", () => {
  it("hands the case to a colleague of the same gemeente, who is told; the family does not see it", async () => {
    const { id, number } = await claimedCase();
    await assignCase(aanspreekpunt, { caseId: id, assigneeId: colleague.userId });

    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(colleague.userId);
    expect(await prisma.staffNotification.count({ where: { caseId: id, userId: colleague.userId, kind: "caseAssigned" } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { caseId: id, recipient: colleague.email, template: "case-assigned" } })).toBe(1);

    const entry = await prisma.timelineEntry.findFirstOrThrow({ where: { caseId: id, kind: "assigned" } });
    expect(entry).toMatchObject({ visibleToFamily: false, actorId: aanspreekpunt.userId, actorRole: "AANSPREEKPUNT" });
    expect((await followCase(parent, number)).timeline.map((e) => e.kind)).not.toContain("assigned");

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: id, action: "case.assign" } });
    expect(audit.changes).toEqual({ assigneeId: { old: aanspreekpunt.userId, new: colleague.userId } });

    // The colleague hands it back; now the first aanspreekpunt is told.
    await assignCase(colleague, { caseId: id, assigneeId: aanspreekpunt.userId });
    expect(await prisma.staffNotification.count({ where: { caseId: id, userId: aanspreekpunt.userId, kind: "caseAssigned" } })).toBe(1);
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "assigned" } })).toBe(2);
  });

  it("lets an aanspreekpunt take an unassigned case themselves without notifying them", async () => {
    const { id } = await fileCase(parent, caseInput());
    await assignCase(aanspreekpunt, { caseId: id, assigneeId: aanspreekpunt.userId });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(aanspreekpunt.userId);
    expect(await prisma.staffNotification.count({ where: { caseId: id, userId: aanspreekpunt.userId, kind: "caseAssigned" } })).toBe(0);
  });

  it("refuses someone outside the gemeente, someone without the role, and the current assignee", async () => {
    const { id } = await claimedCase();
    expect(await fieldErrorsOf(assignCase(aanspreekpunt, { caseId: id, assigneeId: delft.userId }))).toEqual({ assigneeId: "notAColleague" });
    expect(await fieldErrorsOf(assignCase(aanspreekpunt, { caseId: id, assigneeId: decider.userId }))).toEqual({ assigneeId: "notAColleague" });
    expect(await fieldErrorsOf(assignCase(aanspreekpunt, { caseId: id, assigneeId: "no-such-user" }))).toEqual({ assigneeId: "notAColleague" });
    expect(await fieldErrorsOf(assignCase(aanspreekpunt, { caseId: id, assigneeId: aanspreekpunt.userId }))).toEqual({
      assigneeId: "alreadyAssignee",
    });
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(aanspreekpunt.userId);
    expect(await prisma.auditEvent.count({ where: { caseId: id, action: "case.assign" } })).toBe(0);
  });

  it.each([
    ["another gemeente's aanspreekpunt", () => delft],
    ["a decision holder", () => decider],
    ["an expert", () => expert],
    ["the family", () => parent],
  ])("answers %s with 'not found'", async (_who, actor) => {
    const { id } = await claimedCase();
    await expect(assignCase(actor(), { caseId: id, assigneeId: colleague.userId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("notes", () => {
  it("are for staff only: the family's view never shows them, nor does the audit trail", async () => {
    const { id, number } = await claimedCase();
    const text = `Gebeld met school ${randomBytes(4).toString("hex")}; de intern begeleider denkt mee.`;
    await addNote(aanspreekpunt, { caseId: id, staffNote: text });

    const staffView = await openCase(colleague, number);
    expect(staffView.case.timeline.find((e) => e.kind === "note")).toMatchObject({ body: text, visibleToFamily: false });

    const familyView = await followCase(parent, number);
    expect(familyView.timeline.map((e) => e.kind)).not.toContain("note");
    expect(JSON.stringify(familyView)).not.toContain(text);

    const audit = await prisma.auditEvent.findMany({ where: { caseId: id, action: "case.note" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(text);
  });

  it("can only be made in triage or the local breakthrough", async () => {
    const { id } = await fileCase(parent, caseInput());
    await expect(addNote(aanspreekpunt, { caseId: id, staffNote: "Nog niet opgepakt" })).rejects.toMatchObject({ code: "wrongState" });
    await expect(addNote(delft, { caseId: id, staffNote: "Niet mijn gemeente" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** One row of every kind a case can have, in the case's current gemeente; some through the services, the rest written directly. */
async function caseWithEveryRow() {
  const filed = await claimedCase();
  const { id } = filed;
  const dh = await gemeenteId(DEN_HAAG);
  await startLocal(aanspreekpunt, { caseId: id, note: "Overleg met school en aanbieder gepland." });
  await requestInfo(aanspreekpunt, { caseId: id, familyQuestion: "Welke school heeft uw kind het laatst bezocht?" });
  await answerInfo(parent, { caseId: id, answer: "De Linde, tot de zomer." });
  await addNote(aanspreekpunt, { caseId: id, staffNote: "School wil meedenken." });
  // Rows that later steps make (a case in those steps cannot be transferred), so that the move is proven for every table.
  const region = (await prisma.region.findUniqueOrThrow({ where: { code: HAAGLANDEN } })).id;
  await prisma.referral.create({ data: { caseId: id, gemeenteId: dh, regionId: region, question: "Eerder advies gevraagd", referredById: aanspreekpunt.userId } });
  await prisma.intervention.create({
    data: {
      caseId: id,
      gemeenteId: dh,
      type: "CONSULTATION",
      occurredOn: new Date(),
      participants: "Ouders en school",
      familyInvolved: true,
      outcome: "Advies gegeven",
      loggedById: expert.userId,
    },
  });
  const proposal = await prisma.decisionProposal.create({
    data: { caseId: id, gemeenteId: dh, proposal: "Doorzetten", rationale: "Niemand neemt het op", proposedById: expert.userId },
  });
  await prisma.decision.create({
    data: {
      caseId: id,
      gemeenteId: dh,
      proposalId: proposal.id,
      legalBasis: "Jeugdwet art. 2.3",
      rationale: "Recht op passende hulp",
      decidedById: decider.userId,
      assignments: { create: { gemeenteId: dh, party: "Aanbieder", description: "Start begeleiding", dueOn: new Date(), payer: "Gemeente" } },
    },
  });
  await prisma.caseDocument.create({
    data: {
      caseId: id,
      gemeenteId: dh,
      fileName: "verslag.pdf",
      contentType: "application/pdf",
      size: 4,
      sha256: "0".repeat(64),
      content: new Uint8Array([37, 80, 68, 70]),
      uploadedById: parent.userId,
    },
  });
  await prisma.caseInvitation.create({
    data: {
      caseId: id,
      gemeenteId: dh,
      email: "ondersteuner@test.doorbraak.nl",
      role: "CLIENT_SUPPORTER",
      tokenHash: randomBytes(32).toString("hex"),
      invitedById: parent.userId,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return filed;
}

/** Every table that carries the tenant for a case, counted for one case: all rows, and rows outside `gemeenteId`. */
async function tenantRows(caseId: string, gemeenteId: string) {
  const where = { caseId };
  const elsewhere = { caseId, gemeenteId: { not: gemeenteId } };
  const tables = {
    parties: [await prisma.caseParty.count({ where }), await prisma.caseParty.count({ where: elsewhere })],
    timeline: [await prisma.timelineEntry.count({ where }), await prisma.timelineEntry.count({ where: elsewhere })],
    referrals: [await prisma.referral.count({ where }), await prisma.referral.count({ where: elsewhere })],
    informationRequests: [await prisma.informationRequest.count({ where }), await prisma.informationRequest.count({ where: elsewhere })],
    interventions: [await prisma.intervention.count({ where }), await prisma.intervention.count({ where: elsewhere })],
    proposals: [await prisma.decisionProposal.count({ where }), await prisma.decisionProposal.count({ where: elsewhere })],
    decisions: [await prisma.decision.count({ where }), await prisma.decision.count({ where: elsewhere })],
    assignments: [
      await prisma.assignment.count({ where: { decision: { caseId } } }),
      await prisma.assignment.count({ where: { decision: { caseId }, gemeenteId: { not: gemeenteId } } }),
    ],
    documents: [await prisma.caseDocument.count({ where }), await prisma.caseDocument.count({ where: elsewhere })],
    invitations: [await prisma.caseInvitation.count({ where }), await prisma.caseInvitation.count({ where: elsewhere })],
  };
  return tables;
}

describe("transferring a case to another gemeente", () => {
  it("moves the case and every row to the new gemeente, keeps step and deadline, and locks the old gemeente out", async () => {
    const { id, number } = await caseWithEveryRow();
    const [dh, delftId] = [await gemeenteId(DEN_HAAG), await gemeenteId(DELFT)];
    const before = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(before.deadlineAt).not.toBeNull();
    const rowsBefore = await tenantRows(id, dh);
    for (const [table, [all, elsewhere]] of Object.entries(rowsBefore)) {
      expect(all, table).toBeGreaterThan(0);
      expect(elsewhere, table).toBe(0);
    }
    const oldView = await openCase(aanspreekpunt, number);

    const result = await transferCase(aanspreekpunt, {
      caseId: id,
      toGemeenteCode: DELFT,
      transferReason: "Het kind woonde voor de opname in Delft (woonplaatsbeginsel).",
      expertAgreement: null,
    });
    expect(result).toEqual({ toGemeente: "Delft" });

    const after = await prisma.case.findUniqueOrThrow({ where: { id } });
    const delftGemeente = await prisma.gemeente.findUniqueOrThrow({ where: { id: delftId } });
    expect(after).toMatchObject({
      gemeenteId: delftId,
      regionId: delftGemeente.regionId,
      assigneeId: null,
      status: before.status,
      deadlineAt: before.deadlineAt,
      transferCount: 1,
      version: before.version + 1,
    });
    const rowsAfter = await tenantRows(id, delftId);
    for (const [table, [all, elsewhere]] of Object.entries(rowsAfter)) {
      expect(elsewhere, `${table} left in the old gemeente`).toBe(0);
      // The transfer adds its own timeline entry; nothing else is lost or added.
      expect(all, table).toBe((rowsBefore[table as keyof typeof rowsBefore][0] ?? 0) + (table === "timeline" ? 1 : 0));
    }

    // The old gemeente no longer reaches the case or its documents.
    await expect(openCase(aanspreekpunt, number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openCase(colleague, number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCaseDocuments(aanspreekpunt, { id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addNote(aanspreekpunt, { caseId: id, staffNote: "Nog iets" })).rejects.toBeInstanceOf(NotFoundError);

    // The new gemeente finds it with everything on it.
    const newView = await openCase(delft, number);
    expect(newView.case.parties).toHaveLength(oldView.case.parties.length);
    expect(newView.case.informationRequests).toHaveLength(1);
    expect(newView.case.referrals).toHaveLength(1);
    expect(newView.case.interventions).toHaveLength(1);
    expect(newView.case.proposals).toHaveLength(1);
    expect(newView.case.decisions[0]?.assignments).toHaveLength(1);
    expect(newView.case.timeline.map((e) => e.kind)).toEqual([...oldView.case.timeline.map((e) => e.kind), "transferred"]);
    expect(newView.case.transfers).toHaveLength(1);
    expect(newView.actions).toContain("case.assign");
    expect((await listCaseDocuments(delft, { id })).documents).toHaveLength(1);

    // Recorded, told and audited.
    expect(await prisma.caseTransfer.findFirstOrThrow({ where: { caseId: id } })).toMatchObject({
      fromGemeenteId: dh,
      toGemeenteId: delftId,
      transferredById: aanspreekpunt.userId,
      expertAgreement: null,
    });
    expect(await prisma.staffNotification.count({ where: { caseId: id, userId: delft.userId, kind: "caseNew", gemeenteId: delftId } })).toBe(1);
    // Told when the case was filed; not told again when it leaves.
    expect(await prisma.staffNotification.count({ where: { caseId: id, userId: colleague.userId, kind: "caseNew" } })).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: id, action: "case.transfer" } });
    expect(audit).toMatchObject({ actorId: aanspreekpunt.userId, gemeenteId: dh });
    expect(audit.changes).toMatchObject({ gemeente: { old: DEN_HAAG, new: DELFT }, transferCount: { old: 0, new: 1 } });

    // The family sees the move; the person who moved it gets their confirmation.
    const family = await followCase(parent, number);
    expect(family.gemeente.name).toBe("Delft");
    expect(family.timeline.map((e) => e.kind)).toContain("transferred");
    expect(await findOwnTransfer(aanspreekpunt, number)).toEqual({ number, toGemeente: "Delft" });
    expect(await findOwnTransfer(colleague, number)).toBeNull();
  });

  it("refuses the gemeente the case is in, and sending it back (A → B → A)", async () => {
    const { id } = await claimedCase();
    expect(
      await fieldErrorsOf(transferCase(aanspreekpunt, { caseId: id, toGemeenteCode: DEN_HAAG, transferReason: "Verkeerde gemeente gekozen", expertAgreement: null })),
    ).toEqual({ toGemeenteCode: "sameGemeente" });
    expect(
      await fieldErrorsOf(transferCase(aanspreekpunt, { caseId: id, toGemeenteCode: "GM9999", transferReason: "Een gemeente die niet bestaat", expertAgreement: null })),
    ).toEqual({ toGemeenteCode: "unknownGemeente" });

    await transferCase(aanspreekpunt, { caseId: id, toGemeenteCode: DELFT, transferReason: "Het kind woont sinds kort in Delft.", expertAgreement: null });
    expect(
      await fieldErrorsOf(
        transferCase(delft, { caseId: id, toGemeenteCode: DEN_HAAG, transferReason: "Wij vinden Den Haag verantwoordelijk.", expertAgreement: "Expertteam, 3 maart" }),
      ),
    ).toEqual({ toGemeenteCode: "transferBack" });
    const c = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ gemeenteId: await gemeenteId(DELFT), transferCount: 1 });
  });

  it("moves a case a second time only with the expert team's agreement, and never back to any earlier gemeente", async () => {
    const { id, number } = await claimedCase();
    await transferCase(aanspreekpunt, { caseId: id, toGemeenteCode: DELFT, transferReason: "Het kind woont sinds kort in Delft.", expertAgreement: null });

    const second = { caseId: id, toGemeenteCode: AMSTERDAM, transferReason: "De moeder woonde bij de geboorte in Amsterdam.", expertAgreement: null };
    expect(await fieldErrorsOf(transferCase(delft, second))).toEqual({ expertAgreement: "expertAgreementRequired" });
    expect(await prisma.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ gemeenteId: await gemeenteId(DELFT), transferCount: 1 });

    const agreement = "Ayşe Yılmaz, expertteam Haaglanden, per e-mail op 3 maart";
    await transferCase(delft, { ...second, expertAgreement: agreement });
    const amsterdamRegion = await prisma.region.findUniqueOrThrow({ where: { code: "JZ13" } });
    expect(await prisma.case.findUniqueOrThrow({ where: { id } })).toMatchObject({
      gemeenteId: await gemeenteId(AMSTERDAM),
      regionId: amsterdamRegion.id,
      transferCount: 2,
    });
    const transfers = await prisma.caseTransfer.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } });
    expect(transfers.map((t) => t.expertAgreement)).toEqual([null, agreement]);
    await expect(openCase(delft, number)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openCase(amsterdam, number)).case.transfers).toHaveLength(2);

    // A → B → C → A and A → B → C → B are refused, even with agreement.
    for (const back of [DEN_HAAG, DELFT]) {
      expect(
        await fieldErrorsOf(transferCase(amsterdam, { caseId: id, toGemeenteCode: back, transferReason: "Terug naar waar het vandaan kwam", expertAgreement: agreement })),
      ).toEqual({ toGemeenteCode: "transferBack" });
    }
  });

  it("is not possible once the expert team has the case", async () => {
    const { id } = await claimedCase();
    await referCase(aanspreekpunt, { caseId: id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
    await expect(
      transferCase(aanspreekpunt, { caseId: id, toGemeenteCode: DELFT, transferReason: "Toch een andere gemeente.", expertAgreement: null }),
    ).rejects.toMatchObject({ code: "wrongState" });
  });
});

describe("closing a case", () => {
  it("as not admissible: closed, with the reason and the complaint route shown to the family", async () => {
    const { id, number } = await claimedCase();
    const reason = "Er is al passende hulp gestart; Doorbraak is voor situaties die vastzitten.";
    await declareInadmissible(aanspreekpunt, { caseId: id, inadmissibleReason: reason, complaintRoute });

    const c = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: "CLOSED", result: "NOT_ADMISSIBLE", deadlineAt: null });
    expect(c.closedAt).not.toBeNull();
    const family = await followCase(parent, number);
    expect(family.closingNote).toBe(`${reason}\n\n${complaintRoute}`);
    expect(family.result).toBe("NOT_ADMISSIBLE");
    expect(family.timeline.map((e) => e.kind)).toContain("notAdmissible");
    expect(family.actions).toEqual([]);
    expect(await prisma.outboxMessage.count({ where: { caseId: id, template: "case-updated", recipient: parent.email } })).toBeGreaterThan(0);
    expect(await prisma.auditEvent.count({ where: { caseId: id, action: "case.declareInadmissible" } })).toBe(1);
  });

  it("as not admissible only before the local breakthrough starts", async () => {
    const { id } = await claimedCase();
    await startLocal(aanspreekpunt, { caseId: id, note: "Overleg met school gepland." });
    await expect(declareInadmissible(aanspreekpunt, { caseId: id, inadmissibleReason: "Toch niet ontvankelijk", complaintRoute })).rejects.toMatchObject({
      code: "wrongState",
    });
  });

  it.each(["RESOLVED", "NO_LONGER_NEEDED"] as const)("with the result %s and a note the family reads", async (result) => {
    // Closing records the evaluation too (tests/integration/monitoring.test.ts checks what it stores).
    const evaluation = {
      causes: ["NO_SCHOOL_PLACE" as const],
      organisationKinds: ["SCHOOL" as const],
      outcome: "LOCAL_AGREEMENT" as const,
      helpStartedOn: dayFromNow(),
      blockedNote: null,
      breakthroughNote: "Een gesprek met school en aanbieder samen.",
    };
    const { id, number } = await claimedCase();
    await expect(closeCase(aanspreekpunt, { caseId: id, result, closingNote: "Nog in triage, kan niet.", ...evaluation })).rejects.toMatchObject({ code: "wrongState" });
    await startLocal(aanspreekpunt, { caseId: id, note: "Overleg met school gepland." });
    const note = "De school en de aanbieder hebben samen een plek geregeld. Uw kind begint maandag.";
    await closeCase(aanspreekpunt, { caseId: id, result, closingNote: note, ...evaluation });

    expect(await prisma.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CLOSED", result, closingNote: note });
    const family = await followCase(parent, number);
    expect(family).toMatchObject({ status: "CLOSED", result, closingNote: note });
    expect(family.timeline.at(-1)?.kind).toBe("closed");
    await expect(closeCase(aanspreekpunt, { caseId: id, result, closingNote: note, ...evaluation })).rejects.toMatchObject({ code: "wrongState" });
  });
});

describe("two staff members acting on one case at once", () => {
  it("claiming: exactly one becomes the assignee, the other gets a conflict", async () => {
    const { id } = await fileCase(parent, caseInput());
    const { firstWon } = await race(
      id,
      () => claimCase(aanspreekpunt, { caseId: id }),
      () => claimCase(colleague, { caseId: id }),
    );
    const winner = firstWon ? aanspreekpunt : colleague;
    expect(await prisma.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "TRIAGE", assigneeId: winner.userId, version: 1 });
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "claimed" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { caseId: id, action: "case.claim" } })).toBe(1);
  });

  it("claiming without any help from the test: Promise.all still leaves exactly one assignee", async () => {
    const { id } = await fileCase(parent, caseInput());
    const results = await Promise.allSettled([claimCase(aanspreekpunt, { caseId: id }), claimCase(colleague, { caseId: id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(ConflictError);
    const c = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect([aanspreekpunt.userId, colleague.userId]).toContain(c.assigneeId);
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "claimed" } })).toBe(1);
  });

  it("assigning: one assignment wins, the other is not applied", async () => {
    const { id } = await claimedCase();
    const { firstWon } = await race(
      id,
      () => assignCase(aanspreekpunt, { caseId: id, assigneeId: colleague.userId }),
      () => assignCase(colleague, { caseId: id, assigneeId: third.userId }),
    );
    const winner = firstWon ? colleague : third;
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(winner.userId);
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "assigned" } })).toBe(1);
    expect(await prisma.staffNotification.findMany({ where: { caseId: id, kind: "caseAssigned" }, select: { userId: true } })).toEqual([
      { userId: winner.userId },
    ]);
  });

  it("two different transitions: only one of them happens", async () => {
    const { id } = await claimedCase();
    const { firstWon } = await race(
      id,
      () => startLocal(aanspreekpunt, { caseId: id, note: "Ik start een lokale doorbraak." }),
      () => declareInadmissible(colleague, { caseId: id, inadmissibleReason: "Niet voor Doorbraak, er is al hulp.", complaintRoute }),
    );
    const c = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(c.status).toBe(firstWon ? "IN_PROGRESS" : "CLOSED");
    expect(c.result).toBe(firstWon ? null : "NOT_ADMISSIBLE");
    const kinds = (await prisma.timelineEntry.findMany({ where: { caseId: id }, select: { kind: true } })).map((e) => e.kind);
    expect(kinds.filter((k) => k === "localStarted" || k === "notAdmissible")).toEqual([firstWon ? "localStarted" : "notAdmissible"]);
  });

  it("the same transition twice: one referral, not two", async () => {
    const { id } = await claimedCase();
    await race(
      id,
      () => referCase(aanspreekpunt, { caseId: id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" }),
      () => referCase(colleague, { caseId: id, ...referralFacts(), question: "Wil het expertteam meekijken naar deze situatie?" }),
    );
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("WITH_EXPERT_TEAM");
    expect(await prisma.referral.count({ where: { caseId: id } })).toBe(1);
  });

  it("a transfer and a note at once: one wins, and no row is left behind in the old gemeente", async () => {
    const { id } = await claimedCase();
    const delftId = await gemeenteId(DELFT);
    const { firstWon } = await race(
      id,
      () => transferCase(aanspreekpunt, { caseId: id, toGemeenteCode: DELFT, transferReason: "Het kind woont sinds kort in Delft.", expertAgreement: null }),
      () => addNote(colleague, { caseId: id, staffNote: "Notitie op hetzelfde moment." }),
    );
    const c = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(c.gemeenteId).toBe(firstWon ? delftId : await gemeenteId(DEN_HAAG));
    expect(await prisma.timelineEntry.count({ where: { caseId: id, gemeenteId: { not: c.gemeenteId } } })).toBe(0);
  });
});
