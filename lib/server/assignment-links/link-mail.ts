import "server-only";
import { assignmentLinkPath } from "@/lib/domain/assignment-links";
import { invitationToken } from "@/lib/domain/invitations";
import { invitationSecret } from "@/lib/server/invitations/invitation-mail";

/** The secret of the link carried by outbox message `messageId`: derived, never stored (as an invitation's). */
export function assignmentLinkToken(messageId: string): string {
  return invitationToken(invitationSecret(), messageId, "assignment-link");
}

/**
 * The mail to an organisation with a task in a decision. It holds the link and
 * nothing about the child or the family: the page behind the link shows the
 * task, to whoever holds the link.
 */
export function assignmentLinkMailText(messageId: string, baseUrl: string): string {
  const link = `${baseUrl.replace(/\/+$/, "")}${assignmentLinkPath(assignmentLinkToken(messageId))}`;
  return [
    "Er is een opdracht voor uw organisatie.",
    "",
    "Een gemeente heeft een besluit genomen over jeugdhulp (doorzettingsmacht). In dat besluit staat een opdracht voor uw organisatie.",
    "Open deze link om de opdracht te lezen. Laat via dezelfde pagina weten dat u de opdracht heeft ontvangen, wanneer hij klaar is, of wat een probleem is:",
    link,
    "",
    "U heeft geen account nodig. Stuur de link niet door buiten uw organisatie: wie de link heeft, kan namens uw organisatie reageren.",
    "De link werkt tot twee maanden na de datum van de opdracht. Werkt hij niet meer? Vraag de gemeente om een nieuwe link.",
    "In deze e-mail staat bewust geen informatie over het kind of het gezin.",
    "",
  ].join("\n");
}
