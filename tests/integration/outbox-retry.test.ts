import { randomBytes } from "node:crypto";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/tests/support/owner-db";
import { maxDeliveryAttempts, retryDelaysMs } from "@/lib/domain/retry";
import { fileCase } from "@/lib/server/cases/file-case";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { caseInput, DEN_HAAG, makeActor } from "../support/factories";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "../support/smtp";

/**
 * A mail server that accepts or refuses on command. When it refuses, it
 * quotes the recipient and the whole message back, as some servers do, so
 * that a stored error would show it.
 */
let smtp: TestSmtp;
let received: ReceivedMail[] = [];

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function enqueue(template = "case-updated"): Promise<{ id: string; recipient: string }> {
  const recipient = `ontvanger-${randomBytes(4).toString("hex")}@test.doorbraak.nl`;
  return prisma.outboxMessage.create({ data: { recipient, template, nextAttemptAt: new Date(Date.now() - 1000) } });
}

const after = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("outbox retry", () => {
  beforeAll(async () => {
    smtp = await startTestSmtp();
    received = smtp.received;
  });

  beforeEach(() => {
    smtp.accepting = true;
    smtp.refusing.clear();
    process.env.SMTP_URL = smtp.url;
  });

  afterAll(async () => {
    await smtp.close();
  });

  it("keeps a refused mail for a retry, sends it when due, and stores no case content as the error", async () => {
    await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const parent = await makeActor("FAMILY");
    const filed = await fileCase(parent, caseInput({ childName: "Vertrouwelijke Naam", stuckDescription: "Heel persoonlijke details over de zorg." }));
    const [message] = await prisma.outboxMessage.findMany({ where: { caseId: filed.id } });
    expect(message).toBeDefined();
    const t0 = after(new Date(), 1000);

    smtp.accepting = false;
    expect(await deliverOutbox({ now: t0 })).toBeGreaterThanOrEqual(1);
    expect(smtp.refusedFor).toContain(message!.recipient);
    const failed = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(failed.nextAttemptAt).toEqual(after(t0, retryDelaysMs[0]));
    expect(failed.lastError).toBe("EMESSAGE SMTP 554 at DATA");
    for (const secret of ["Vertrouwelijke Naam", "persoonlijke details", filed.number, message!.recipient, "Nieuwe melding"]) {
      expect(failed.lastError).not.toContain(secret);
    }

    // Not due yet: nobody tries, even though the server would accept now.
    smtp.accepting = true;
    await deliverOutbox({ now: after(t0, retryDelaysMs[0] - 1) });
    expect(received.filter((m) => m.to.includes(message!.recipient))).toHaveLength(0);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject({ status: "PENDING", attempts: 1 });

    const due = after(t0, retryDelaysMs[0]);
    await deliverOutbox({ now: due });
    expect(received.filter((m) => m.to.includes(message!.recipient))).toHaveLength(1);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
      sentAt: due,
      lastError: null,
    });
  });

  it("gives up after the last attempt when the mail server cannot be reached", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    const message = await enqueue();
    let now = new Date();
    for (let attempt = 1; attempt <= maxDeliveryAttempts; attempt++) {
      await deliverOutbox({ now });
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/^E[A-Z]+/);
      if (attempt < maxDeliveryAttempts) {
        expect(row.status).toBe("PENDING");
        expect(row.nextAttemptAt).toEqual(after(now, retryDelaysMs[attempt - 1]!));
        now = row.nextAttemptAt;
      } else {
        expect(row.status).toBe("FAILED");
      }
    }

    // A failed message stays failed, even when the server is back.
    process.env.SMTP_URL = smtp.url;
    await deliverOutbox({ now: after(now, 365 * 24 * 3_600_000) });
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "FAILED",
      attempts: maxDeliveryAttempts,
    });
    expect(received.filter((m) => m.to.includes(message.recipient))).toHaveLength(0);
  });

  it("records a batch in which one mail is refused: the others are sent, the refused one waits for its retry", async () => {
    const messages = await Promise.all(Array.from({ length: 4 }, () => enqueue()));
    const refused = messages[2]!;
    smtp.refusing.add(refused.recipient);
    const now = new Date();
    expect(await deliverOutbox({ now, limit: 20 })).toBeGreaterThanOrEqual(messages.length);

    const rows = new Map((await prisma.outboxMessage.findMany({ where: { id: { in: messages.map((m) => m.id) } } })).map((r) => [r.id, r]));
    for (const m of messages) {
      const row = rows.get(m.id)!;
      if (m === refused) {
        expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null, lastError: "EMESSAGE SMTP 554 at DATA" });
        expect(row.nextAttemptAt).toEqual(after(now, retryDelaysMs[0]));
        expect(received.filter((r) => r.to.includes(m.recipient))).toHaveLength(0);
      } else {
        expect(row).toMatchObject({ status: "SENT", attempts: 1, sentAt: now, lastError: null });
        expect(received.filter((r) => r.to.includes(m.recipient))).toHaveLength(1);
      }
    }
  });

  it("sends every message once when two workers deliver at the same moment", async () => {
    const messages = await Promise.all(Array.from({ length: 8 }, () => enqueue()));
    const now = new Date();
    const counts = await Promise.all([deliverOutbox({ now, limit: 5 }), deliverOutbox({ now, limit: 5 })]);
    await deliverOutbox({ now, limit: 20 });

    expect(counts[0] + counts[1]).toBeLessThanOrEqual(messages.length);
    for (const m of messages) expect(received.filter((r) => r.to.includes(m.recipient))).toHaveLength(1);
    const rows = await prisma.outboxMessage.findMany({ where: { id: { in: messages.map((m) => m.id) } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });
});
