import "server-only";
import { invitationPath, invitationToken, invitationValidDays } from "@/lib/domain/invitations";

/**
 * The server secret the invitation links are derived from. AUTH_SECRET is
 * required by the sessions anyway, and whoever holds it can already act as any
 * user, so an invitation link adds nothing to what it unlocks.
 */
export function invitationSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; invitation links cannot be made.");
  return secret;
}

/**
 * The text of the invitation mail carried by outbox message `messageId`. It
 * holds the link and nothing about the case, not even who sent it: the name of
 * a parent would already tell the reader which family it is about.
 */
export function invitationMailText(messageId: string, baseUrl: string): string {
  const link = `${baseUrl.replace(/\/+$/, "")}${invitationPath(invitationToken(invitationSecret(), messageId))}`;
  return [
    "U bent uitgenodigd bij Doorbraak.",
    "",
    "Iemand vraagt u om mee te helpen bij een melding op Doorbraak. Open deze link om de uitnodiging te bekijken:",
    link,
    "",
    `De link werkt ${invitationValidDays} dagen. Log in of maak een account met het e-mailadres waarop u deze e-mail kreeg.`,
    "In deze e-mail staat bewust geen informatie over de melding zelf.",
    "",
  ].join("\n");
}
