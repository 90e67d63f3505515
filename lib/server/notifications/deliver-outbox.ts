import "server-only";
import nodemailer from "nodemailer";
import { prisma } from "@/lib/db/client";
import type { NotificationTemplate } from "./enqueue";

const subjects: Record<NotificationTemplate, string> = {
  "case-new": "Nieuwe melding bij Doorbraak",
  "case-referred": "Nieuwe melding voor het expertteam",
  "decision-proposed": "Een voorstel wacht op uw besluit",
  "case-updated": "Er is iets veranderd in uw melding",
};

function transport() {
  // Without SMTP_URL (the demo), mails are written to the server log as JSON.
  return process.env.SMTP_URL
    ? nodemailer.createTransport(process.env.SMTP_URL)
    : nodemailer.createTransport({ jsonTransport: true });
}

/**
 * Sends pending outbox messages. Rows are claimed with SKIP LOCKED so that
 * several app instances can deliver at the same time without sending twice.
 */
export async function deliverOutbox(limit = 20): Promise<number> {
  const baseUrl = process.env.AUTH_URL ?? process.env.PUBLIC_URL ?? "http://localhost:3000";
  const from = process.env.MAIL_FROM ?? "Doorbraak <no-reply@doorbraak.localhost>";
  const mailer = transport();
  return prisma.$transaction(async (tx) => {
    const batch = await tx.$queryRaw<{ id: string; recipient: string; template: NotificationTemplate }[]>`
      SELECT id, recipient, template FROM "OutboxMessage"
      WHERE status = 'PENDING' ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    for (const message of batch) {
      try {
        await mailer.sendMail({
          from,
          to: message.recipient,
          subject: subjects[message.template],
          text: `${subjects[message.template]}.\n\nLog in op ${baseUrl} om te zien wat er is veranderd.\nIn deze e-mail staat bewust geen informatie over de melding zelf.\n`,
        });
        await tx.outboxMessage.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
      } catch (error) {
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: { status: "FAILED", lastError: String(error).slice(0, 500), attempts: { increment: 1 } },
        });
      }
    }
    return batch.length;
  });
}
