import { createHash, createHmac } from "node:crypto";
import { z } from "@/lib/domain/zod";
import { recordId } from "./fields";
import type { PartyRole, Role } from "./roles";

/**
 * Who may be invited to a case, in which role. A client supporter or a
 * professional joins with the professional's rights; a second parent joins as
 * family, so only the family may invite one (a professional never hands out
 * the family's rights, such as withdrawing the case).
 */
export const invitableRoles = ["CLIENT_SUPPORTER", "PROFESSIONAL", "PARENT"] as const satisfies readonly PartyRole[];
export type InvitableRole = (typeof invitableRoles)[number];

export const invitableBy = {
  CLIENT_SUPPORTER: ["FAMILY", "PROFESSIONAL"],
  PROFESSIONAL: ["FAMILY", "PROFESSIONAL"],
  PARENT: ["FAMILY"],
} as const satisfies Record<InvitableRole, readonly Role[]>;

export function isInvitableRole(value: unknown): value is InvitableRole {
  return typeof value === "string" && Object.hasOwn(invitableBy, value);
}

/** The roles that holders of `heldRoles` on a case may invite someone in. Fails closed for anything unknown. */
export function rolesInvitableBy(heldRoles: readonly Role[]): InvitableRole[] {
  return invitableRoles.filter((role) => {
    const allowed: readonly Role[] = invitableBy[role];
    return heldRoles.some((held) => allowed.includes(held));
  });
}

export function mayInviteAs(heldRoles: readonly Role[], role: string): boolean {
  return isInvitableRole(role) && rolesInvitableBy(heldRoles).includes(role);
}

/** How long an invitation link works. */
export const invitationValidDays = 14;

export function invitationExpiresAt(now: Date): Date {
  return new Date(now.getTime() + invitationValidDays * 24 * 60 * 60 * 1000);
}

export type InvitationFacts = { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null };
export type InvitationState = "open" | "accepted" | "revoked" | "expired";

/** Accepted and revoked win over expired: they say what a person did. */
export function invitationState(invitation: InvitationFacts, now: Date): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

export function canAccept(invitation: InvitationFacts, now: Date): boolean {
  return invitationState(invitation, now) === "open";
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function sameEmail(a: string, b: string): boolean {
  return normaliseEmail(a) === normaliseEmail(b);
}

/**
 * The secret link of an invitation: 32 bytes, base64url. It is derived from
 * the id of the outbox message that carries it and a server secret, so that
 * the mail can be written when it is sent (the outbox keeps no message text)
 * while the database holds only the link's hash: whoever reads the database
 * without the secret cannot open an invitation.
 */
export function invitationToken(secret: string, outboxMessageId: string, purpose: InvitationPurpose = "case-invitation"): string {
  if (!secret) throw new Error("An invitation token needs a server secret.");
  return createHmac("sha256", secret).update(`doorbraak/${purpose}/v1:${outboxMessageId}`).digest("base64url");
}

/** A link to a case and a link to a staff role are derived apart, so that one can never be read as the other. */
export type InvitationPurpose = "case-invitation" | "staff-invitation" | "sign-up" | "assignment-link";

/** What the database keeps of a token: its SHA-256, hex. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** A token as `invitationToken` makes them; anything else is not looked up at all. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && tokenPattern.test(value);
}

export function invitationPath(token: string): string {
  return `/uitnodiging/${token}`;
}

/** Where a staff invitation link lands (decision 020). */
export function staffInvitationPath(token: string): string {
  return `/uitnodiging/medewerker/${token}`;
}

/** How a person is involved in a case, as "Mijn meldingen" shows it. */
export type Involvement = "filed" | "parent" | "youth" | "clientSupporter" | "professional";

/**
 * The filer is whoever filed (the case's "filed" step); everyone else is
 * shown by the role of their party row. With several rows the first one that
 * is not a professional's says most about the person.
 */
export function involvementOf(userId: string, filedBy: string | null, parties: readonly { role: PartyRole }[]): Involvement | null {
  if (filedBy !== null && filedBy === userId) return "filed";
  const order: PartyRole[] = ["FILER", "PARENT", "YOUTH", "CLIENT_SUPPORTER", "PROFESSIONAL"];
  const role = order.find((r) => parties.some((p) => p.role === r));
  switch (role) {
    case "FILER":
      return "filed";
    case "PARENT":
      return "parent";
    case "YOUTH":
      return "youth";
    case "CLIENT_SUPPORTER":
      return "clientSupporter";
    case "PROFESSIONAL":
      return "professional";
    default:
      return null;
  }
}

export const inviteToCaseInput = z.strictObject({
  caseId: recordId(),
  email: z.string({ error: "required" }).trim().toLowerCase().min(1, { error: "required" }).email({ error: "invalidEmail" }).max(254, { error: "tooLong" }),
  role: z.enum(invitableRoles, { error: "chooseRole" }),
});
export type InviteToCaseInput = z.infer<typeof inviteToCaseInput>;

export const acceptInvitationInput = z.strictObject({
  token: z.string({ error: "required" }).refine(isWellFormedToken, { error: "invitationUnavailable" }),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

export const revokeInvitationInput = z.strictObject({
  caseId: recordId(),
  invitationId: recordId(),
});
export type RevokeInvitationInput = z.infer<typeof revokeInvitationInput>;
