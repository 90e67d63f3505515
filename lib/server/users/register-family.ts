import "server-only";
import { timingSafeEqual } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { RequestMeta } from "@/lib/auth/actor";
import { asAnonymous, asSystem, enterScope } from "@/lib/db/acting";
import { databaseScopeOf } from "@/lib/domain/database-scope";
import { invitationToken } from "@/lib/domain/invitations";
import { parseSignUpToken, signUpLinkOpen, type CompleteSignUpInput } from "@/lib/domain/sign-up";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError } from "@/lib/server/errors";
import { invitationSecret } from "@/lib/server/invitations/invitation-mail";
import { isGuessablePassword } from "./password-strength";

export type SignUpLink = { kind: "open"; email: string } | { kind: "unusable" };

/**
 * What a link from a sign-up mail is worth: open, with the address it was sent to, or
 * unusable (made up, expired, or its address has an account by now). One answer for all
 * three: the link's holder needs no more to ask for a new one.
 */
export async function readSignUpLink(token: string, now = new Date()): Promise<SignUpLink> {
  const parsed = parseSignUpToken(token);
  if (!parsed) return { kind: "unusable" };
  const expected = Buffer.from(invitationToken(invitationSecret(), parsed.messageId, "sign-up"));
  if (!timingSafeEqual(expected, Buffer.from(parsed.mac))) return { kind: "unusable" };
  // The outbox row is the system's (decision 016); only the address it was sent to is read.
  const message = await asSystem((tx) =>
    tx.outboxMessage.findUnique({ where: { id: parsed.messageId }, select: { recipient: true, template: true, createdAt: true } }),
  );
  if (!message || message.template !== "sign-up" || !signUpLinkOpen(message.createdAt, now)) return { kind: "unusable" };
  const taken = await asAnonymous((tx) =>
    tx.user.findFirst({ where: { email: { equals: message.recipient, mode: "insensitive" } }, select: { id: true } }),
  );
  return taken ? { kind: "unusable" } : { kind: "open", email: message.recipient };
}

/**
 * A parent or youth finishes their account from the link in the sign-up mail, so the
 * address is theirs. It gets the FAMILY role, which reaches only the cases they file or
 * are added to.
 */
export async function registerFamily(input: CompleteSignUpInput, request: RequestMeta): Promise<{ userId: string; email: string }> {
  const link = await readSignUpLink(input.token);
  if (link.kind !== "open") throw new DomainError("signUpLinkUnusable");
  if (isGuessablePassword(input.password, [input.name, link.email])) throw new DomainError("checkFields", { password: "passwordTooCommon" });
  const passwordHash = await hashPassword(input.password);
  return asAnonymous(async (tx) => {
    // The same link used twice at once: the unique address lets one of them through.
    const existing = await tx.user.findFirst({ where: { email: { equals: link.email, mode: "insensitive" } }, select: { id: true } });
    if (existing) throw new DomainError("signUpLinkUnusable");
    const user = await tx.user.create({
      data: { name: input.name, email: link.email.toLowerCase(), passwordHash, memberships: { create: { role: "FAMILY" } } },
    });
    // From here on the new person acts, for their own audit event.
    await enterScope(tx, databaseScopeOf(user.id, [{ role: "FAMILY", gemeenteId: null, regionId: null }]));
    await writeAudit(
      tx,
      { userId: user.id, name: user.name, email: user.email, organisation: null, memberships: [], request },
      { action: "user.register", role: "FAMILY", changes: { userId: { old: null, new: user.id } } },
    );
    return { userId: user.id, email: user.email };
  });
}
