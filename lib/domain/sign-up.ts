import { z } from "@/lib/domain/zod";
import { text } from "./fields";
import { invitationToken, isWellFormedToken } from "./invitations";

/**
 * Signing up answers the same for every address (decision 022): that an address has an
 * account would say that a family is in a youth-care escalation. The form asks only the
 * address; the mail says what comes next, a link to finish for a new address and how to
 * sign in for a known one. Both kinds of request are counted alike.
 */
export const signUpLimits = {
  /** Requests for one address: enough for a mail that went astray, too few to flood an inbox. */
  address: { points: 5, windowSeconds: 60 * 60 },
  // Looser: a family centre or a library may share one address.
  ip: { points: 20, windowSeconds: 60 * 60 },
} as const;

/** How long the link to finish an account works. */
export const signUpLinkValidHours = 48;

export function signUpLinkOpen(sentAt: Date, now: Date): boolean {
  return now.getTime() - sentAt.getTime() <= signUpLinkValidHours * 60 * 60 * 1000;
}

/**
 * The link is the outbox message's id and a MAC of it (purpose "sign-up", decision 009).
 * Nothing of it is stored: the message row already holds the address it was sent to.
 */
export function signUpToken(secret: string, outboxMessageId: string): string {
  return `${outboxMessageId}.${invitationToken(secret, outboxMessageId, "sign-up")}`;
}

const signUpTokenPattern = /^([a-z0-9]{20,40})\.([A-Za-z0-9_-]{43})$/;

/** The message id and MAC of a well-formed token; anything else is not looked up at all. */
export function parseSignUpToken(value: unknown): { messageId: string; mac: string } | null {
  if (typeof value !== "string") return null;
  const match = signUpTokenPattern.exec(value);
  if (!match || !isWellFormedToken(match[2])) return null;
  return { messageId: match[1]!, mac: match[2]! };
}

export function signUpPath(token: string): string {
  return `/registreren/afmaken/${token}`;
}

export const requestSignUpInput = z.strictObject({
  email: z.string({ error: "required" }).trim().toLowerCase().min(1, { error: "required" }).email({ error: "invalidEmail" }).max(254, { error: "tooLong" }),
});
export type RequestSignUpInput = z.infer<typeof requestSignUpInput>;

export const completeSignUpInput = z.strictObject({
  token: z.string({ error: "required" }).refine((v) => parseSignUpToken(v) !== null, { error: "signUpLinkUnusable" }),
  name: text(2, 120),
  password: z.string({ error: "required" }).min(12, { error: "passwordTooShort" }).max(200, { error: "tooLong" }),
});
export type CompleteSignUpInput = z.infer<typeof completeSignUpInput>;
