import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { findScopedCase, lockCase } from "@/lib/db/scope";
import {
  hashInvitationToken,
  invitableBy,
  invitationExpiresAt,
  invitationToken,
  mayInviteAs,
  type InviteToCaseInput,
} from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/server/errors";
import { enqueueEmail } from "@/lib/server/notifications/enqueue";
import { invitationSecret } from "./invitation-mail";

/**
 * Invites someone by e-mail to join a case. The mail (sent after commit)
 * carries a secret link; the database keeps only the link's hash. Someone who
 * is already on the case, or already has an open invitation, is not invited
 * again.
 */
export async function inviteToCase(actor: Actor, input: InviteToCaseInput): Promise<{ invitationId: string }> {
  const secret = invitationSecret();
  return asActor(actor, async (tx) => {
    await lockCase(tx, input.caseId);
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.invite", { id: input.caseId });
    if (!may(heldRoles, "case.invite") || !mayInviteAs(heldRoles, input.role)) throw new ForbiddenError();
    if (found.status === "CLOSED") throw new ConflictError("wrongState");
    // One inviter at a time per case, so two quick clicks cannot invite the same person twice.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invite:${found.id}`}, 0))`;

    const email = input.email;
    const now = new Date();
    // Accounts keep their address in lower case (registration and sign-in lower it), as the form does.
    const existingUser = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const party = await tx.caseParty.findFirst({
      where: {
        caseId: found.id,
        gemeenteId: found.gemeenteId,
        OR: [{ email: { equals: email, mode: "insensitive" } }, ...(existingUser ? [{ userId: existingUser.id }] : [])],
      },
      select: { id: true },
    });
    if (party) throw new DomainError("checkFields", { email: "alreadyParty" });
    const open = await tx.caseInvitation.findFirst({
      where: {
        caseId: found.id,
        gemeenteId: found.gemeenteId,
        email: { equals: email, mode: "insensitive" },
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      select: { id: true },
    });
    if (open) throw new DomainError("checkFields", { email: "alreadyInvited" });

    const message = await enqueueEmail(tx, { recipient: email, template: "case-invitation", caseId: found.id, gemeenteId: found.gemeenteId });
    const invitation = await tx.caseInvitation.create({
      data: {
        caseId: found.id,
        gemeenteId: found.gemeenteId,
        email,
        role: input.role,
        tokenHash: hashInvitationToken(invitationToken(secret, message.id)),
        invitedById: actor.userId,
        createdAt: now,
        expiresAt: invitationExpiresAt(now),
      },
      select: { id: true },
    });
    const allowed: readonly Role[] = invitableBy[input.role];
    await writeAudit(tx, actor, {
      action: "case.invite",
      role: heldRoles.find((r) => allowed.includes(r)) ?? null,
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: {
        invitationId: { old: null, new: invitation.id },
        partyRole: { old: null, new: input.role },
        email: { old: null, new: email },
      },
    });
    return { invitationId: invitation.id };
  });
}
