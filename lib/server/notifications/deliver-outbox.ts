import "server-only";
import nodemailer from "nodemailer";
import { asSystem } from "@/lib/db/acting";
import { mailBaseUrl } from "@/lib/http/public-address";
import { keepDemoMail } from "@/lib/server/demo-mailbox/keep-mail";
import { nextAttemptAfterFailure } from "@/lib/domain/retry";
import { assignmentLinkMailText } from "@/lib/server/assignment-links/link-mail";
import { leerplichtNoticeText } from "@/lib/server/cases/leerplicht-notice";
import { invitationMailText } from "@/lib/server/invitations/invitation-mail";
import { staffInvitationMailText } from "@/lib/server/staff/invitation-mail";
import { existingAccountMailText, signUpMailText } from "@/lib/server/users/sign-up-mail";
import type { NotificationTemplate } from "./enqueue";

const subjects: Record<NotificationTemplate, string> = {
  "case-new": "Nieuwe melding bij Doorbraak",
  "case-referred": "Nieuwe melding voor het expertteam",
  "decision-proposed": "Een voorstel wacht op uw besluit",
  "case-updated": "Er is iets veranderd in uw melding",
  "case-invitation": "U bent uitgenodigd bij Doorbraak",
  "case-assigned": "Er is een melding aan u toegewezen",
  "family-answered": "Het gezin heeft uw vraag beantwoord",
  "case-overdue": "Een melding is over de termijn",
  "assignment-reported": "Het gezin meldt dat een opdracht niet is gebeurd",
  "assignment-overdue": "Een opdracht uit een besluit is over de datum",
  "case-fallback": "Een melding wacht: de gemeente en de regio werken nog niet met Doorbraak",
  "staff-invitation": "U bent uitgenodigd voor een account bij Doorbraak",
  "sign-up": "Maak uw account bij Doorbraak af",
  "sign-up-existing": "U heeft al een account bij Doorbraak",
  "assignment-task": "Een opdracht voor uw organisatie uit een besluit van de gemeente",
  "assignment-problem": "Een organisatie meldt een probleem met een opdracht",
  "leerplicht-notice": "Een melding over een leerling die thuiszit",
};

/** The fallback's address has no account: its mail says what it means instead of asking to sign in. */
function fallbackMailText(baseUrl: string): string {
  return [
    `${subjects["case-fallback"]}.`,
    "",
    "Een gezin heeft een melding gedaan voor een gemeente die nog niet met Doorbraak werkt. Ook het expertteam van de regio werkt er nog niet mee.",
    "Het gezin heeft uw contactgegevens gekregen en het nummer van de melding. Zij nemen contact met u op.",
    `De beheerders van Doorbraak zien de wachtende meldingen op ${baseUrl}/beheer/dekking.`,
    "In deze e-mail staat bewust geen informatie over de melding zelf.",
    "",
  ].join("\n");
}

/**
 * How long a claimed message is reserved for the worker that claimed it. The
 * SMTP time-outs below keep a whole batch well inside it; a worker that dies
 * mid-batch only delays its messages until the reservation runs out.
 */
const claimMs = 30 * 60_000;

function transport() {
  // Without SMTP_URL (the demo), nodemailer only renders the mail; logMail and the demo's
  // mailbox (DEMO_MAILBOX_DIR) show it.
  return process.env.SMTP_URL
    ? nodemailer.createTransport({ url: process.env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
    : nodemailer.createTransport({ jsonTransport: true });
}

/** Without a mail server the mail goes to the server log (and the demo's mailbox), so that the demo's links can be followed. */
function logMail(mail: { to: string; subject: string; text: string }): void {
  console.info(["[mail] ----", `Aan: ${mail.to}`, `Onderwerp: ${mail.subject}`, "", mail.text.trimEnd(), "[mail] ----"].join("\n"));
}

type Claimed = { id: string; recipient: string; template: NotificationTemplate; attempts: number };

/**
 * Claims the messages that are due: PENDING, with `nextAttemptAt` reached.
 * SKIP LOCKED lets several workers claim at once without taking the same row;
 * pushing `nextAttemptAt` past the claim keeps the rows away from the others
 * after this short transaction commits. Sending happens outside it, so a slow
 * mail server never holds a transaction open.
 */
async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  return asSystem(async (tx) => {
    // Prisma keeps DateTime columns as UTC in `timestamp` (without time zone).
    const due = await tx.$queryRaw<{ id: string; recipient: string; template: NotificationTemplate; attempts: number }[]>`
      SELECT id, recipient, template, attempts FROM "OutboxMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return [];
    await tx.outboxMessage.updateMany({
      where: { id: { in: due.map((m) => m.id) } },
      data: { nextAttemptAt: new Date(now.getTime() + claimMs), attempts: { increment: 1 } },
    });
    return due.map((m) => ({ ...m, attempts: m.attempts + 1 }));
  });
}

/**
 * What went wrong, without the server's own words: those can quote the
 * recipient or the message, and this column is read by administrators.
 */
export function describeSendError(error: unknown): string {
  const e = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  const word = (v: unknown) => (typeof v === "string" && /^[A-Z][A-Z0-9_ ]{0,30}$/i.test(v) ? v : null);
  const parts = [word(e.code) ?? (error instanceof Error ? word(error.name) : null) ?? "Error"];
  if (typeof e.responseCode === "number") parts.push(`SMTP ${e.responseCode}`);
  const command = word(e.command);
  if (command) parts.push(`at ${command}`);
  return parts.join(" ");
}

/** Marks what was sent as SENT and schedules each failure's next attempt (or gives it up). */
async function recordOutcome(sent: string[], failed: { message: Claimed; error: unknown }[], now: Date): Promise<void> {
  if (sent.length === 0 && failed.length === 0) return;
  await asSystem(async (tx) => {
    if (sent.length > 0) {
      await tx.outboxMessage.updateMany({ where: { id: { in: sent } }, data: { status: "SENT", sentAt: now, lastError: null } });
    }
    for (const { message, error } of failed) {
      const retryAt = nextAttemptAfterFailure(message.attempts, now);
      await tx.outboxMessage.update({
        where: { id: message.id },
        data: retryAt ? { lastError: describeSendError(error), nextAttemptAt: retryAt } : { status: "FAILED", lastError: describeSendError(error) },
      });
    }
  });
}

/**
 * Sends the outbox messages that are due. A failed send is tried again later
 * (see lib/domain/retry.ts) and given up as FAILED after the last attempt.
 * `now` is the moment of this run; tests pass it to walk through the schedule.
 */
export async function deliverOutbox({ limit = 20, now = new Date() }: { limit?: number; now?: Date } = {}): Promise<number> {
  const batch = await claimDue(now, limit);
  if (batch.length === 0) return 0;
  const baseUrl = mailBaseUrl();
  const from = process.env.MAIL_FROM ?? "Doorbraak <no-reply@doorbraak.localhost>";
  const mailer = transport();
  const sent: string[] = [];
  const failed: { message: Claimed; error: unknown }[] = [];
  try {
    for (const message of batch) {
      try {
        const mail = {
          from,
          to: message.recipient,
          subject: subjects[message.template],
          text:
            message.template === "case-invitation"
              ? invitationMailText(message.id, baseUrl)
              : message.template === "case-fallback"
                ? fallbackMailText(baseUrl)
                : message.template === "staff-invitation"
                  ? staffInvitationMailText(message.id, baseUrl)
                  : message.template === "sign-up"
                    ? signUpMailText(message.id, baseUrl)
                    : message.template === "sign-up-existing"
                      ? existingAccountMailText(baseUrl)
                      : message.template === "assignment-task"
                        ? assignmentLinkMailText(message.id, baseUrl)
                        : message.template === "leerplicht-notice"
                          ? leerplichtNoticeText(baseUrl)
                          : `${subjects[message.template]}.\n\nLog in op ${baseUrl} om te zien wat er is veranderd.\nIn deze e-mail staat bewust geen informatie over de melding zelf.\n`,
        };
        await mailer.sendMail(mail);
        if (!process.env.SMTP_URL) {
          logMail(mail);
          await keepDemoMail({ id: message.id, to: mail.to, subject: mail.subject, text: mail.text, sentAt: now.toISOString(), baseUrl });
        }
        sent.push(message.id);
      } catch (error) {
        failed.push({ message, error });
      }
    }
  } finally {
    mailer.close();
  }
  // One short transaction records the whole batch: a filing in a large gemeente mails
  // a dozen staff members, and a transaction per message cost more than the sending.
  // Should the process stop before this, the batch is sent again once its claim runs out.
  await recordOutcome(sent, failed, now);
  return batch.length;
}
