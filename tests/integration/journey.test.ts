import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { followCase } from "@/lib/server/cases/follow-case";
import { logIntervention } from "@/lib/server/cases/log-intervention";
import { openCase } from "@/lib/server/cases/open-case";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { readAuditTrail } from "@/lib/server/cases/read-audit-trail";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { DomainError } from "@/lib/server/errors";
import { caseInput, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { dayFromNow } from "@/tests/support/days";

const inAMonth = dayFromNow(30);
const today = dayFromNow();

describe("the escalation journey through the services", () => {
  let parent: Actor, aanspreekpunt: Actor, expert: Actor, decider: Actor, ombudsman: Actor;

  beforeAll(async () => {
    parent = await makeActor("FAMILY");
    aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    expert = await makeActor("EXPERT", { region: HAAGLANDEN });
    decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
    ombudsman = await makeActor("OMBUDSMAN");
  });

  it("goes from filing to a recorded decision the family can see, with every step audited", async () => {
    const filed = await fileCase(parent, caseInput());
    expect(filed.number).toMatch(/^DB-\d{4}-\d{6}$/);
    expect(filed.deadlineAt).not.toBeNull();

    await claimCase(aanspreekpunt, { caseId: filed.id });
    await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
    await logIntervention(expert, {
      caseId: filed.id,
      type: "CASE_CONFERENCE",
      occurredOn: today,
      participants: "Ouders, school, aanbieder",
      familyInvolved: true,
      outcome: "Afspraken gemaakt over een plek.",
      nextStep: null,
    });
    await proposeDecision(expert, { caseId: filed.id, proposal: "De gemeente zet door met een plek.", rationale: "Niemand anders neemt het op." });
    await recordDecision(decider, {
      caseId: filed.id,
      legalBasis: "Jeugdwet art. 2.3",
      rationale: "Het kind heeft recht op passende hulp.",
      assignments: [{ party: "Zorgaanbieder X", description: "Start begeleiding", dueOn: inAMonth, payer: "Gemeente" }],
    });

    const family = await followCase(parent, filed.number);
    expect(family.status).toBe("DECIDED");
    expect(family.decisions).toHaveLength(1);
    expect(family.decisions[0]?.assignments.map((a) => a.party)).toEqual(["Zorgaanbieder X"]);
    expect(family.timeline.map((e) => e.kind)).toEqual([
      "filed", "claimed", "referred", "intervention.CASE_CONFERENCE", "proposed", "decided",
    ]);

    const trail = await readAuditTrail(ombudsman, filed.number);
    expect(trail.events.map((e) => [e.action, e.actorId])).toEqual([
      ["case.file", parent.userId],
      ["case.claim", aanspreekpunt.userId],
      ["case.refer", aanspreekpunt.userId],
      ["case.logIntervention", expert.userId],
      ["case.propose", expert.userId],
      ["case.decide", decider.userId],
      // The family's look at the case above is a read like any other.
      ["case.read", parent.userId],
      ["audit.read", ombudsman.userId],
    ]);
    // Each event points at its predecessor's hash.
    trail.events.forEach((event, i) => expect(event.prevHash).toBe(i === 0 ? null : trail.events[i - 1]?.hash));
    // The ombudsman's reading was itself recorded.
    const last = trail.events.at(-1);
    expect(last).toMatchObject({ action: "audit.read", actorId: ombudsman.userId, actorRole: "OMBUDSMAN" });
  });

  it("never writes the child's name into the audit trail", async () => {
    const filed = await fileCase(parent, caseInput({ childName: "Geheime Naam" }));
    const events = await prisma.auditEvent.findMany({ where: { caseId: filed.id } });
    expect(JSON.stringify(events)).not.toContain("Geheime Naam");
  });

  it("audits a staff member opening a case and offers only what the machine allows", async () => {
    const filed = await fileCase(parent, caseInput());
    const opened = await openCase(aanspreekpunt, filed.number);
    expect([...opened.actions].sort()).toEqual(["case.assign", "case.claim", "case.declareInadmissible", "case.linkOrganisation", "case.setUrgency", "case.transfer", "case.unlinkOrganisation"]);
    const events = await prisma.auditEvent.findMany({ where: { caseId: filed.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["case.file", "case.read"]);
  });

  it("enqueues mail for the gemeente's aanspreekpunten without case content", async () => {
    const filed = await fileCase(parent, caseInput());
    const mails = await prisma.outboxMessage.findMany({ where: { caseId: filed.id } });
    expect(mails.map((m) => m.recipient)).toContain(aanspreekpunt.email);
    expect(mails.every((m) => m.template === "case-new")).toBe(true);
  });

  it("rejects a gemeente that does not exist without saving anything", async () => {
    const before = await prisma.case.count();
    await expect(fileCase(parent, caseInput({ ownGemeenteCode: "GM9999" }))).rejects.toBeInstanceOf(DomainError);
    expect(await prisma.case.count()).toBe(before);
  });
});
