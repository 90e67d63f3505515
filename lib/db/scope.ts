import type { Actor } from "@/lib/auth/actor";
import { permissions, type Permission } from "@/lib/domain/permissions";
import { partyRoleGrants, partyRoles, roleScope, rolesOnCase, type Role } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/server/errors";
import type { Tx } from "./client";

/**
 * The cases an actor may reach for one permission, as a Prisma where-clause.
 * Every read of case data goes through this, so that one gemeente never sees
 * another's children. It fails closed: no matching membership, no rows.
 */
export function caseScope(actor: Actor, permission: Permission): Prisma.CaseWhereInput {
  const allowed: readonly Role[] = permissions[permission];
  const any: Prisma.CaseWhereInput[] = [];
  for (const m of actor.memberships) {
    if (!allowed.includes(m.role)) continue;
    switch (roleScope[m.role]) {
      case "national":
        return {};
      case "gemeente":
        if (m.gemeenteId) any.push({ gemeenteId: m.gemeenteId });
        break;
      case "region":
        if (m.regionId) any.push({ regionId: m.regionId, referredAt: { not: null } });
        break;
      case "party":
        any.push({
          parties: {
            some: { userId: actor.userId, role: { in: partyRoles.filter((p) => partyRoleGrants[p] === m.role) } },
          },
        });
        break;
    }
  }
  // An empty OR is not reliably "false" in Prisma: say "no rows" explicitly.
  return any.length > 0 ? { OR: any } : { id: { in: [] } };
}

const scopeFactsSelect = {
  parties: { select: { userId: true, role: true } },
} satisfies Prisma.CaseInclude;

/**
 * Loads one case the actor may reach for `permission`, with the roles the
 * actor holds on it. Not found and not yours both throw NotFoundError.
 */
export async function findScopedCase(
  tx: Tx,
  actor: Actor,
  permission: Permission,
  where: { id: string } | { number: string },
) {
  const found = await tx.case.findFirst({
    where: { AND: [where, caseScope(actor, permission)] },
    include: scopeFactsSelect,
  });
  if (!found) throw new NotFoundError();
  const held = rolesOnCase(actor.userId, actor.memberships, {
    gemeenteId: found.gemeenteId,
    regionId: found.regionId,
    parties: found.parties.flatMap((p) => (p.userId ? [{ userId: p.userId, role: p.role }] : [])),
    referred: found.referredAt !== null,
  });
  return { case: found, heldRoles: held };
}

/**
 * Takes the case row's lock for the rest of the transaction. A writer that adds
 * rows to a case without changing the case itself takes it before reading the
 * case, so that a transfer (which locks the case first, then moves every row of
 * it to the new gemeente) runs wholly before or wholly after that writer.
 */
export async function lockCase(tx: Tx, caseId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
}
