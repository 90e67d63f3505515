import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { caseInput, DEN_HAAG, makeActor } from "../support/factories";
import { startTestSmtp, type ReceivedMail } from "../support/smtp";

describe("notification e-mail", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let received: ReceivedMail[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    received = smtp.received;
  });

  afterAll(async () => {
    await smtp.close();
  });

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
    await referCase(aanspreekpunt, { caseId: filed.id, question: "Graag een analyse van de vertrouwelijke situatie." });
    await deliverOutbox();

    const mails = received.filter((m) => m.to.includes(parent.email));
    expect(mails).toHaveLength(2);
    for (const { body } of mails) {
      expect(body).toContain("Er is iets veranderd in uw melding");
      for (const secret of ["Geheim Kind", "Vertrouwelijke", "vertrouwelijke", filed.number]) expect(body).not.toContain(secret);
    }
  });
});
