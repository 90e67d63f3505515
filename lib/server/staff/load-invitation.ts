import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { isRole } from "@/lib/domain/roles";
import { checkInvitationManagement, type StaffScope } from "@/lib/domain/staff-roles";
import { NotFoundError } from "@/lib/server/errors";
import { refusal } from "./refusal";
import { lockStaffScope } from "./scope";

/**
 * An invitation the actor manages, locked for the change: looked up by id, then
 * checked against the actor's own scopes. Not theirs, or unknown: "not found".
 */
export async function loadManagedInvitation(tx: Tx, actor: Actor, invitationId: string) {
  const found = await tx.staffInvitation.findUnique({ where: { id: invitationId } });
  if (!found || !isRole(found.role)) throw new NotFoundError();
  const scope: StaffScope | null = found.gemeenteId
    ? { kind: "gemeente", id: found.gemeenteId }
    : found.regionId
      ? { kind: "region", id: found.regionId }
      : null;
  if (!scope) throw new NotFoundError();
  const verdict = checkInvitationManagement(actor, scope, found.role);
  if (!verdict.ok) throw refusal(verdict.reason);
  await lockStaffScope(tx, scope);
  await tx.$queryRaw`SELECT id FROM "StaffInvitation" WHERE id = ${found.id} FOR UPDATE`;
  const invitation = await tx.staffInvitation.findUniqueOrThrow({ where: { id: found.id } });
  return { invitation: { ...invitation, role: found.role }, scope, as: verdict.as };
}
