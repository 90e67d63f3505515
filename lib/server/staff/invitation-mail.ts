import "server-only";
import type { Tx } from "@/lib/db/client";
import { enterScope } from "@/lib/db/acting";
import { invitationToken, invitationValidDays, staffInvitationPath } from "@/lib/domain/invitations";
import { systemScope, type DatabaseScope } from "@/lib/domain/database-scope";
import { invitationSecret } from "@/lib/server/invitations/invitation-mail";

/**
 * Enqueues the invitation mail in the caller's transaction (outbox: a rolled-back
 * invitation never mails). An outbox row without a case may only be added in the
 * system scope (policy outbox_add, decision 016): the transaction steps into it for
 * this one insert and back into `restore`, the scope it acts in.
 */
export async function enqueueStaffInvitationMail(
  tx: Tx,
  restore: DatabaseScope,
  message: { recipient: string; gemeenteId: string | null },
): Promise<{ id: string }> {
  await enterScope(tx, systemScope);
  const created = await tx.outboxMessage.create({
    data: { recipient: message.recipient, template: "staff-invitation", gemeenteId: message.gemeenteId, caseId: null, channel: "email" },
    select: { id: true },
  });
  await enterScope(tx, restore);
  return created;
}

/** The token of the staff invitation carried by outbox message `messageId`. */
export function staffInvitationToken(messageId: string): string {
  return invitationToken(invitationSecret(), messageId, "staff-invitation");
}

/**
 * The text of a staff invitation mail: the link and how long it works. No names,
 * no gemeente, no role: the page behind the link says that to whoever holds it.
 */
export function staffInvitationMailText(messageId: string, baseUrl: string): string {
  const link = `${baseUrl.replace(/\/+$/, "")}${staffInvitationPath(staffInvitationToken(messageId))}`;
  return [
    "U bent uitgenodigd voor een account bij Doorbraak.",
    "",
    "Open deze link om uw account te maken, of om in te loggen en de uitnodiging aan te nemen:",
    link,
    "",
    `De link werkt ${invitationValidDays} dagen. Werkt de link niet meer? Vraag dan de beheerder die u uitnodigde om een nieuwe.`,
    "",
  ].join("\n");
}
