import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import type { RevokeInvitationInput } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import { actingRole } from "@/lib/server/cases/transition";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/errors";

/**
 * Takes back an invitation that was not accepted yet: its link stops working.
 * The invitation is looked up within the case the actor may reach, never by
 * its id alone. Revoking twice is harmless.
 */
export async function revokeInvitation(actor: Actor, input: RevokeInvitationInput): Promise<void> {
  await asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "case.invite", { id: input.caseId });
    if (!may(heldRoles, "case.invite")) throw new ForbiddenError();
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "CaseInvitation" WHERE id = ${input.invitationId} AND "caseId" = ${found.id} AND "gemeenteId" = ${found.gemeenteId} FOR UPDATE`;
    if (locked.length !== 1) throw new NotFoundError();
    const invitation = await tx.caseInvitation.findUniqueOrThrow({ where: { id: input.invitationId } });
    if (invitation.revokedAt) return;
    if (invitation.acceptedAt) throw new ConflictError("wrongState");
    const now = new Date();
    await tx.caseInvitation.update({ where: { id: invitation.id }, data: { revokedAt: now } });
    await writeAudit(tx, actor, {
      action: "case.revokeInvitation",
      role: actingRole(heldRoles, "case.invite"),
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: { invitationId: { old: null, new: invitation.id }, revokedAt: { old: null, new: now.toISOString() } },
    });
  });
}
