import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor, scopeOfActor } from "@/lib/db/acting";
import type { StaffInvitationRef } from "@/lib/domain/staff-inputs";
import { checkGrant } from "@/lib/domain/staff-roles";
import { mayInviteFrom } from "@/lib/domain/organisations";
import { ConflictError, DomainError } from "@/lib/server/errors";
import { createStaffInvitation } from "./create-invitation";
import { loadManagedInvitation } from "./load-invitation";
import { refusal } from "./refusal";
import { countManagers } from "./scope";

/**
 * Sends a new link for an invitation that was not used (open, expired or revoked):
 * the old link stops working, a new invitation with a new link and a new term takes
 * its place. The grant is checked again, as things may have changed since.
 */
export async function resendStaffInvitation(actor: Actor, input: StaffInvitationRef): Promise<{ invitationId: string }> {
  return asActor(actor, async (tx) => {
    const { invitation, scope } = await loadManagedInvitation(tx, actor, input.invitationId);
    if (invitation.acceptedAt) throw new ConflictError("invitationAlreadyUsed");
    const verdict = checkGrant(actor, scope, invitation.role, { managers: await countManagers(tx, scope) });
    if (!verdict.ok) throw refusal(verdict.reason);
    // A professional's organisation must still be one whose people may be invited (decision 040).
    if (invitation.role === "PROFESSIONAL") {
      const entry = invitation.organisationId
        ? await tx.organisation.findUnique({ where: { id: invitation.organisationId }, select: { kind: true, archivedAt: true } })
        : null;
      if (!mayInviteFrom(entry)) throw new DomainError("noProfessionalsHere");
    }
    if (!invitation.revokedAt) await tx.staffInvitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    return createStaffInvitation(tx, actor, scopeOfActor(actor), {
      scope,
      role: invitation.role,
      email: invitation.email,
      name: invitation.name,
      as: verdict.as,
      action: "staff.resendInvitation",
      replaces: invitation.id,
      organisationId: invitation.organisationId,
    });
  });
}
