import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { DatabaseScope } from "@/lib/domain/database-scope";
import { hashInvitationToken, invitationExpiresAt } from "@/lib/domain/invitations";
import type { Role } from "@/lib/domain/roles";
import type { StaffScope } from "@/lib/domain/staff-roles";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError } from "@/lib/server/errors";
import { enqueueStaffInvitationMail, staffInvitationToken } from "./invitation-mail";
import { scopeWhere } from "./scope";

/**
 * Writes an invitation that the caller has already authorised, enqueues its mail and
 * audits it, in the caller's transaction. Only the link's hash is stored. Someone who
 * holds the role there already, or has an open invitation for it, is not invited again.
 */
export async function createStaffInvitation(
  tx: Tx,
  actor: Actor,
  restore: DatabaseScope,
  invite: {
    scope: StaffScope;
    role: Role;
    email: string;
    name: string;
    as: Role;
    action?: "staff.invite" | "staff.resendInvitation";
    replaces?: string;
    /** For a professional: the directory entry of their organisation (decision 040) */
    organisationId?: string | null;
  },
): Promise<{ invitationId: string }> {
  const where = scopeWhere(invite.scope);
  const now = new Date();
  const member = await tx.membership.findFirst({
    where: { role: invite.role, ...where, user: { email: { equals: invite.email, mode: "insensitive" } } },
    select: { id: true },
  });
  if (member) throw new DomainError("checkFields", { email: "alreadyStaff" });
  const open = await tx.staffInvitation.findFirst({
    where: {
      role: invite.role,
      ...where,
      email: { equals: invite.email, mode: "insensitive" },
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
      ...(invite.replaces ? { id: { not: invite.replaces } } : {}),
    },
    select: { id: true },
  });
  if (open) throw new DomainError("checkFields", { email: "alreadyInvitedStaff" });

  const gemeenteId = invite.scope.kind === "gemeente" ? invite.scope.id : null;
  const message = await enqueueStaffInvitationMail(tx, restore, { recipient: invite.email, gemeenteId });
  const invitation = await tx.staffInvitation.create({
    data: {
      email: invite.email,
      name: invite.name,
      role: invite.role,
      ...where,
      organisationId: invite.organisationId ?? null,
      tokenHash: hashInvitationToken(staffInvitationToken(message.id)),
      invitedById: actor.userId,
      createdAt: now,
      expiresAt: invitationExpiresAt(now),
    },
    select: { id: true },
  });
  await writeAudit(tx, actor, {
    action: invite.action ?? "staff.invite",
    role: invite.as,
    gemeenteId,
    changes: {
      invitationId: { old: invite.replaces ?? null, new: invitation.id },
      role: { old: null, new: invite.role },
      regionId: { old: null, new: invite.scope.kind === "region" ? invite.scope.id : null },
      email: { old: null, new: invite.email },
      ...(invite.organisationId ? { organisationId: { old: null, new: invite.organisationId } } : {}),
    },
  });
  return { invitationId: invitation.id };
}
