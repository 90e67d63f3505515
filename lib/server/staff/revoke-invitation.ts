import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import type { StaffInvitationRef } from "@/lib/domain/staff-inputs";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError } from "@/lib/server/errors";
import { loadManagedInvitation } from "./load-invitation";

/**
 * Takes back an invitation that was not accepted yet: its link stops working and
 * says it was withdrawn. Revoking twice is harmless. asActor: no case is touched
 * and staff invitations have no row policies.
 */
export async function revokeStaffInvitation(actor: Actor, input: StaffInvitationRef): Promise<void> {
  await asActor(actor, async (tx) => {
    const { invitation, scope, as } = await loadManagedInvitation(tx, actor, input.invitationId);
    if (invitation.revokedAt) return;
    if (invitation.acceptedAt) throw new ConflictError("invitationAlreadyUsed");
    const now = new Date();
    await tx.staffInvitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await writeAudit(tx, actor, {
      action: "staff.revokeInvitation",
      role: as,
      gemeenteId: scope.kind === "gemeente" ? scope.id : null,
      changes: { invitationId: { old: null, new: invitation.id }, revokedAt: { old: null, new: now.toISOString() } },
    });
  });
}
