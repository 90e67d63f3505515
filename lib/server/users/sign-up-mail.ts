import "server-only";
import { signUpLinkValidHours, signUpPath, signUpToken } from "@/lib/domain/sign-up";
import { invitationSecret } from "@/lib/server/invitations/invitation-mail";

export function signUpLink(messageId: string, baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${signUpPath(signUpToken(invitationSecret(), messageId))}`;
}

/** To a new address: the link to finish the account. */
export function signUpMailText(messageId: string, baseUrl: string): string {
  return [
    "U wilt een account maken bij Doorbraak.",
    "",
    "Open deze link om uw account af te maken. U kiest dan uw naam en een wachtwoord:",
    signUpLink(messageId, baseUrl),
    "",
    `De link werkt ${signUpLinkValidHours} uur. Werkt hij niet meer? Vraag dan een nieuwe aan op ${baseUrl.replace(/\/+$/, "")}/registreren.`,
    "Heeft u niet zelf gevraagd om een account? Dan kunt u deze e-mail vergeten. Er wordt geen account gemaakt.",
    "",
  ].join("\n");
}

/**
 * To an address that has an account: what to do instead. It says nothing about the
 * account (which role, which case), only how to get in.
 */
export function existingAccountMailText(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  return [
    "Iemand wilde een account maken bij Doorbraak met dit e-mailadres.",
    "",
    "Er is al een account met dit e-mailadres. U hoeft geen nieuw account te maken. Log in op:",
    `${base}/inloggen`,
    "",
    "Weet u uw wachtwoord niet meer? Doorbraak kan een wachtwoord nog niet zelf opnieuw instellen.",
    "Neem dan contact op met uw gemeente. Het aanspreekpunt van uw gemeente vindt u op:",
    `${base}/gemeenten`,
    "",
    "Heeft u niet zelf gevraagd om een account? Dan kunt u deze e-mail vergeten. Er is niets veranderd.",
    "",
  ].join("\n");
}
