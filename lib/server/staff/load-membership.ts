import "server-only";
import type { Tx } from "@/lib/db/client";
import { isRole } from "@/lib/domain/roles";
import { scopeOfMembership, type MemberFacts } from "@/lib/domain/staff-roles";
import { NotFoundError } from "@/lib/server/errors";
import { lockStaffScope } from "./scope";

/**
 * A staff membership by id, with its scope locked for the change. The caller checks
 * it against the actor's own scopes (a membership of another gemeente is "not found").
 */
export async function loadMembership(tx: Tx, membershipId: string): Promise<MemberFacts & { id: string }> {
  const found = await tx.membership.findUnique({ where: { id: membershipId }, select: { id: true, userId: true, role: true, gemeenteId: true, regionId: true } });
  if (!found || !isRole(found.role)) throw new NotFoundError();
  const scope = scopeOfMembership({ role: found.role, gemeenteId: found.gemeenteId, regionId: found.regionId });
  if (!scope) throw new NotFoundError();
  await lockStaffScope(tx, scope);
  // Read again under the lock: another admin may have changed or removed it meanwhile.
  const current = await tx.membership.findUnique({ where: { id: membershipId }, select: { role: true } });
  if (!current || current.role !== found.role) throw new NotFoundError();
  return { id: found.id, userId: found.userId, role: found.role, scope };
}
