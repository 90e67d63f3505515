import { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { caseInput, DEN_HAAG, makeActor } from "../support/factories";

type Received = { to: string[]; body: string };

describe("notification e-mail", () => {
  const received: Received[] = [];
  let server: SMTPServer;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
