import { describe, expect, it } from "vitest";
import { prisma } from "@/tests/support/owner-db";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { answerInfo } from "@/lib/server/cases/answer-info";
import { proposeDecision } from "@/lib/server/cases/propose-decision";
import { recordDecision } from "@/lib/server/cases/record-decision";
import { referCase } from "@/lib/server/cases/refer-case";
import { requestInfo } from "@/lib/server/cases/request-info";
import { startLocal } from "@/lib/server/cases/start-local";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { caseInput, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "../support/factories";
import { useTestSmtp } from "../support/smtp";
import { dayFromNow } from "@/tests/support/days";

describe("notification e-mail", () => {
  const received = useTestSmtp();

  it("tells the aanspreekpunt that something is new, without any case content, exactly once", async () => {
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ childName: "Vertrouwelijke Naam", stuckDescription: "Heel persoonlijke details over de zorg." }));

    await deliverOutbox();
    await deliverOutbox();

    const mails = received.filter((m) => m.to.includes(aanspreekpunt.email));
    expect(mails).toHaveLength(1);
    const body = mails[0]!.body;
    expect(body).toContain("Nieuwe melding bij Doorbraak");
    expect(body).not.toContain("Vertrouwelijke Naam");
    expect(body).not.toContain("persoonlijke details");
    expect(body).not.toContain(filed.number);
    const rows = await prisma.outboxMessage.findMany({ where: { caseId: filed.id } });
    expect(rows.every((r) => r.status === "SENT" && r.sentAt !== null)).toBe(true);
  });

  it("tells the family about every step of their case, never what it is about", async () => {
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ childName: "Geheim Kind", stuckDescription: "Vertrouwelijke zorgdetails van dit kind." }));
    await claimCase(aanspreekpunt, { caseId: filed.id });
    await referCase(aanspreekpunt, { caseId: filed.id, ...referralFacts(), question: "Graag een analyse van de vertrouwelijke situatie." });
    await deliverOutbox();

    const mails = received.filter((m) => m.to.includes(parent.email));
    expect(mails).toHaveLength(2);
    for (const { body } of mails) {
      expect(body).toContain("Er is iets veranderd in uw melding");
      for (const secret of ["Geheim Kind", "Vertrouwelijke", "vertrouwelijke", filed.number]) expect(body).not.toContain(secret);
    }
  });

  it("sends one mail for each status change by someone else, from filing to decision, with no child name, BSN or case text", async () => {
    const aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const beslisser = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
    await makeActor("EXPERT", { region: HAAGLANDEN });
    const parent = await makeActor("FAMILY");
    const childName = "Jasmijn Vertrouwelijk";
    const bsn = "111222333";
    const stuck = "Angst voor school";
    const risks = "Ze slaapt niet meer";
    const proposal = "Eerst zorg, dan school";
    const secrets = [childName, bsn, stuck, risks, proposal];
    const filed = await fileCase(parent, caseInput({ childName, childBsn: bsn, stuckDescription: `${stuck}: al maanden thuis.`, risks }));
    const caseId = filed.id;
    await claimCase(aanspreekpunt, { caseId });
    await requestInfo(aanspreekpunt, { caseId, familyQuestion: "Welke school heeft u al gebeld?" });
    await answerInfo(parent, { caseId, answer: "Alle scholen in de buurt." });
    await startLocal(aanspreekpunt, { caseId, note: "Overleg met school en zorgaanbieder." });
    await referCase(aanspreekpunt, { caseId, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
    await proposeDecision(aanspreekpunt, { caseId, proposal, rationale: "Niemand neemt de regie, dus de gemeente zet door." });
    const dueOn = dayFromNow(30);
    await recordDecision(beslisser, {
      caseId,
      legalBasis: "Jeugdwet artikel 2.3",
      rationale: "De partijen komen er samen niet uit.",
      assignments: [{ party: "Samenwerkingsverband", description: "Een plek met zorg", dueOn, payer: "Gemeente" }],
    });
    await deliverOutbox();

    // claim, question, local attempt, referral, proposal, decision; the family's own answer sends none.
    const mails = received.filter((m) => m.to.includes(parent.email));
    expect(mails).toHaveLength(6);
    for (const { body } of mails) {
      for (const secret of [...secrets, filed.number, "Welke school"]) expect(body).not.toContain(secret);
    }
  });
});
