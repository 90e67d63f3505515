import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";

/** Notification templates. Their text says that something changed, never what. */
export type NotificationTemplate =
  | "case-new"
  | "case-referred"
  | "decision-proposed"
  | "case-updated"
  | "case-invitation"
  | "case-assigned"
  | "family-answered"
  | "case-overdue"
  | "assignment-reported"
  | "assignment-overdue"
  | "case-fallback"
  /** A link to become staff of a gemeente or an expert team (lib/server/staff) */
  | "staff-invitation"
  /** Signing up (lib/server/users/request-sign-up.ts): a link to finish, or "you already have an account" */
  | "sign-up"
  | "sign-up-existing"
  /** To an organisation with a task in a decision: its own link (lib/server/assignment-links) */
  | "assignment-task"
  /** To staff: an organisation reported a problem with its task */
  | "assignment-problem"
  /** To the gemeente's leerplicht contact: a case about a thuiszitter, with the family's consent (decision 038) */
  | "leerplicht-notice";

/**
 * Enqueues an e-mail in the caller's transaction (outbox), so a rolled-back
 * change never sends mail. `deliverOutbox` sends it after commit.
 */
export async function enqueueEmail(
  tx: Tx,
  message: { recipient: string; template: NotificationTemplate; caseId: string; gemeenteId: string },
): Promise<{ id: string }> {
  return tx.outboxMessage.create({
    data: { recipient: message.recipient, template: message.template, caseId: message.caseId, gemeenteId: message.gemeenteId, channel: "email" },
    select: { id: true },
  });
}

/**
 * Enqueues the same e-mail to several recipients in one statement, in the caller's
 * transaction. A recipient listed twice gets one mail.
 */
export async function enqueueEmails(
  tx: Tx,
  recipients: Iterable<string>,
  message: { template: NotificationTemplate; caseId: string; gemeenteId: string },
): Promise<void> {
  const unique = [...new Set(recipients)];
  if (unique.length === 0) return;
  await tx.outboxMessage.createMany({
    data: unique.map((recipient) => ({ recipient, template: message.template, caseId: message.caseId, gemeenteId: message.gemeenteId, channel: "email" })),
  });
}

/** Enqueues one e-mail to every holder of `role` in the gemeente or region. */
export async function enqueueForRole(
  tx: Tx,
  scope: { role: Role; gemeenteId?: string; regionId?: string },
  message: { template: NotificationTemplate; caseId: string; gemeenteId: string },
): Promise<void> {
  const holders = await tx.membership.findMany({
    where: { role: scope.role, gemeenteId: scope.gemeenteId, regionId: scope.regionId },
    select: { user: { select: { email: true } } },
  });
  await enqueueEmails(tx, holders.map((h) => h.user.email), message);
}
