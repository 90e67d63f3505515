import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { caseScope } from "@/lib/db/scope";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { listGemeenteQueue } from "@/lib/server/cases/list-queues";
import { openCase } from "@/lib/server/cases/open-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { startLocal } from "@/lib/server/cases/start-local";
import { withdrawCase } from "@/lib/server/cases/withdraw-case";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

const inAMonth = dayFromNow(30);

async function snapshot(caseId: string) {
  const [row, timeline, audit] = await Promise.all([
    prisma.case.findUniqueOrThrow({ where: { id: caseId } }),
    prisma.timelineEntry.count({ where: { caseId } }),
    prisma.auditEvent.count({ where: { caseId } }),
  ]);
  return { status: row.status, version: row.version, assigneeId: row.assigneeId, timeline, audit };
}

describe("tenant isolation", () => {
  let parent: Actor, denHaag: Actor, delft: Actor, otherParent: Actor, expertElsewhere: Actor;
  let caseId: string, number: string;

  beforeAll(async () => {
    parent = await makeActor("FAMILY");
    otherParent = await makeActor("FAMILY");
    denHaag = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    delft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    const otherRegion = await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN } } });
    expertElsewhere = await makeActor("EXPERT", { region: otherRegion.code });
    ({ id: caseId, number } = await fileCase(parent, caseInput({ ownGemeenteCode: DEN_HAAG })));
  });

  it("a user of gemeente A asking for a case of gemeente B gets not-found", async () => {
    await expect(openCase(delft, number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(claimCase(delft, { caseId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listGemeenteQueue(delft)).rows.map((c) => c.id)).not.toContain(caseId);
    expect((await listGemeenteQueue(denHaag)).rows.map((c) => c.id)).toContain(caseId);
  });

  it("another family gets not-found for a case that is not theirs", async () => {
    await expect(followCase(otherParent, number)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an expert team sees a case only after it was referred to its own region", async () => {
    const expertHere = await makeActor("EXPERT", { region: HAAGLANDEN });
    await expect(openCase(expertHere, number)).rejects.toBeInstanceOf(NotFoundError);
    await claimCase(denHaag, { caseId });
    await referCase(denHaag, { caseId, ...referralFacts(), question: "Graag een analyse van de situatie." });
    await expect(openCase(expertHere, number)).resolves.toBeTruthy();
    await expect(openCase(expertElsewhere, number)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("rules that must hold", () => {
  let parent: Actor, aanspreekpunt: Actor, decider: Actor;

  beforeAll(async () => {
    parent = await makeActor("FAMILY");
    aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
  });

  it("the proposer cannot record the decision, and the refusal is audited", async () => {
    const both: Actor = {
      ...aanspreekpunt,
      memberships: [...aanspreekpunt.memberships, ...decider.memberships],
    };
    await prisma.membership.create({ data: { userId: both.userId, role: "DECISION_HOLDER", gemeenteId: decider.memberships[0]!.gemeenteId } });
    const { id } = await fileCase(parent, caseInput());
    await claimCase(both, { caseId: id });
    await startLocal(both, { caseId: id, note: "Eerst zelf geprobeerd met de partijen." });
    await proposeDecision(both, { caseId: id, proposal: "Doorzetten met een plek.", rationale: "Het loopt al maanden vast." });
    const before = await snapshot(id);

    await expect(
      recordDecision(both, {
        caseId: id,
        legalBasis: "Jeugdwet art. 2.3",
        rationale: "Het kind heeft recht op hulp.",
        assignments: [{ party: "Aanbieder", description: "Begeleiding", dueOn: inAMonth, payer: "Gemeente" }],
      }),
    ).rejects.toMatchObject({ code: "fourEyes" });

    const after = await snapshot(id);
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    expect(await prisma.decision.count({ where: { caseId: id } })).toBe(0);
    const refusal = await prisma.auditEvent.findFirst({ where: { caseId: id }, orderBy: { seq: "desc" } });
    expect(refusal).toMatchObject({ action: "case.decide", outcome: "DENIED", actorId: both.userId });

    // A different decision holder can record it.
    await recordDecision(decider, {
      caseId: id,
      legalBasis: "Jeugdwet art. 2.3",
      rationale: "Het kind heeft recht op hulp.",
      assignments: [{ party: "Aanbieder", description: "Begeleiding", dueOn: inAMonth, payer: "Gemeente" }],
    });
    expect((await snapshot(id)).status).toBe("DECIDED");
  });

  it("an illegal transition is refused and changes nothing", async () => {
    const { id } = await fileCase(parent, caseInput());
    const before = await snapshot(id);
    await expect(referCase(aanspreekpunt, { caseId: id, ...referralFacts(), question: "Verwijzen voordat de melding is opgepakt." })).rejects.toBeInstanceOf(ConflictError);
    await expect(
      recordDecision(decider, {
        caseId: id,
        legalBasis: "Jeugdwet art. 2.3",
        rationale: "Zonder voorstel kan dit niet.",
        assignments: [{ party: "Aanbieder", description: "Begeleiding", dueOn: inAMonth, payer: "Gemeente" }],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot(id)).toEqual(before);
    expect(await prisma.referral.count({ where: { caseId: id } })).toBe(0);
  });

  it("a role without the permission gets not-found, even in its own gemeente", async () => {
    const { id } = await fileCase(parent, caseInput());
    await expect(claimCase(decider, { caseId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(claimCase(parent, { caseId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("of two simultaneous claims exactly one succeeds", async () => {
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id } = await fileCase(parent, caseInput());
    const results = await Promise.allSettled([claimCase(aanspreekpunt, { caseId: id }), claimCase(colleague, { caseId: id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const row = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect([aanspreekpunt.userId, colleague.userId]).toContain(row.assigneeId);
    expect(await prisma.timelineEntry.count({ where: { caseId: id, kind: "claimed" } })).toBe(1);
  });
});

describe("scope helpers", () => {
  it("an actor without any matching membership reaches no case at all", async () => {
    const parent = await makeActor("FAMILY");
    await fileCase(parent, caseInput());
    const nobody = await makeActor("PLATFORM_ADMIN");
    expect(await prisma.case.count({ where: caseScope(nobody, "case.view") })).toBe(0);
    expect(await prisma.case.count({ where: caseScope(nobody, "case.follow") })).toBe(0);
  });
});

describe("withdrawing a case", () => {
  it("closes the family's own case with the reason, and tells the aanspreekpunt", async () => {
    const parent = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id } = await fileCase(parent, caseInput());
    await claimCase(aanspreekpunt, { caseId: id });
    await withdrawCase(parent, { caseId: id, reason: "De school heeft zelf een plek gevonden." });
    const row = await prisma.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "CLOSED", result: "WITHDRAWN", deadlineAt: null });
    expect(row.closedAt).not.toBeNull();
    const entry = await prisma.timelineEntry.findFirst({ where: { caseId: id, kind: "withdrawn" } });
    expect(entry?.body).toBe("De school heeft zelf een plek gevonden.");
    expect(await prisma.outboxMessage.count({ where: { caseId: id, recipient: aanspreekpunt.email, template: "case-updated" } })).toBe(1);
  });

  it("is not possible for someone else's case, nor after a decision", async () => {
    const parent = await makeActor("FAMILY");
    const stranger = await makeActor("FAMILY");
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const { id } = await fileCase(parent, caseInput());
    await expect(withdrawCase(stranger, { caseId: id, reason: "Niet mijn melding." })).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawCase(aanspreekpunt, { caseId: id, reason: "Geen gezin." })).rejects.toBeInstanceOf(NotFoundError);

    await prisma.case.update({ where: { id }, data: { status: "DECIDED" } });
    await expect(withdrawCase(parent, { caseId: id, reason: "Toch stoppen." })).rejects.toBeInstanceOf(ConflictError);
    expect((await prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("DECIDED");
  });
});
