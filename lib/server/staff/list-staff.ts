import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { inScope, scopeOfActor } from "@/lib/db/acting";
import { withGemeente } from "@/lib/domain/database-scope";
import { invitationState } from "@/lib/domain/invitations";
import { isRole, type Role } from "@/lib/domain/roles";
import { managedScopes, managesScope, rolesOfScope, type StaffScope } from "@/lib/domain/staff-roles";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/server/errors";
import { findScope, scopeWhere } from "./scope";
import { mayInviteFrom } from "@/lib/domain/organisations";

/** The gemeenten or regions whose staff the actor manages, by name: from their own memberships only. */
export async function listManagedScopes(actor: Actor, kind: StaffScope["kind"]): Promise<{ id: string; name: string }[]> {
  const ids = managedScopes(actor.memberships, kind);
  if (ids.length === 0) return [];
  if (kind === "gemeente") {
    const rows = await prisma.gemeente.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, commonName: true } });
    return rows.map((g) => ({ id: g.id, name: g.commonName ?? g.name })).sort((a, b) => a.name.localeCompare(b.name, "nl"));
  }
  const rows = await prisma.region.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

export type StaffOverview = Awaited<ReturnType<typeof listStaff>>;

/**
 * A scope's members with their roles (and, for aanspreekpunten, how many open cases
 * they hold) and the invitations not yet used. Only for the scope's own managers.
 * The case counts need the gemeente's cases: read in a scope that reaches that one
 * gemeente (decision 016), as counts only.
 */
export async function listStaff(actor: Actor, scope: StaffScope) {
  if (!managesScope(actor.memberships, scope)) throw new NotFoundError();
  const dbScope = scope.kind === "gemeente" ? withGemeente(scopeOfActor(actor), scope.id) : scopeOfActor(actor);
  return inScope(dbScope, async (tx) => {
    const found = await findScope(tx, scope);
    if (!found) throw new NotFoundError();
    const where = scopeWhere(scope);
    const [memberships, invitations, caseCounts] = await Promise.all([
      tx.membership.findMany({
        where,
        orderBy: [{ user: { name: "asc" } }, { role: "asc" }],
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, organisation: true } } },
      }),
      tx.staffInvitation.findMany({
        where: { ...where, acceptedAt: null },
        orderBy: { createdAt: "desc" },
        take: 200,
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          createdAt: true,
          expiresAt: true,
          acceptedAt: true,
          revokedAt: true,
          organisation: { select: { name: true, kind: true, archivedAt: true } },
        },
      }),
      scope.kind === "gemeente"
        ? tx.case.groupBy({ by: ["assigneeId"], where: { gemeenteId: scope.id, status: { not: "CLOSED" }, assigneeId: { not: null } }, _count: true })
        : Promise.resolve([]),
    ]);
    const openCases = new Map(caseCounts.map((c) => [c.assigneeId, c._count]));
    const now = new Date();
    const members = memberships.flatMap((m) =>
      isRole(m.role)
        ? [
            {
              membershipId: m.id,
              userId: m.user.id,
              name: m.user.name,
              email: m.user.email,
              role: m.role,
              /** A professional's organisation (decision 040); staff's is the scope itself */
              organisation: m.role === "PROFESSIONAL" ? m.user.organisation : null,
              since: m.createdAt,
              openCases: m.role === "AANSPREEKPUNT" ? (openCases.get(m.user.id) ?? 0) : 0,
            },
          ]
        : [],
    );
    // A withdrawn link that was followed by a new one is history; the newest per address and role is what matters.
    const seen = new Set<string>();
    const pending = invitations.flatMap((i) => {
      const key = `${i.email.toLowerCase()}|${i.role}`;
      if (seen.has(key) || !isRole(i.role)) return [];
      seen.add(key);
      const state = invitationState(i, now);
      if (state === "accepted") return [];
      // A professional's invitation goes out again only while its organisation may still be invited from (decision 040).
      const resendable = i.role !== "PROFESSIONAL" || mayInviteFrom(i.organisation);
      return [{ id: i.id, name: i.name, email: i.email, role: i.role as Role, organisation: i.organisation?.name ?? null, resendable, sentAt: i.createdAt, expiresAt: i.expiresAt, state }];
    });
    // A member already holding the role makes an old invitation for it moot.
    const held = new Set(members.map((m) => `${m.email.toLowerCase()}|${m.role}`));
    return {
      scope,
      name: found.name,
      roles: rolesOfScope(scope.kind),
      members,
      invitations: pending.filter((i) => !held.has(`${i.email.toLowerCase()}|${i.role}`)),
      colleagues: members.filter((m) => m.role === "AANSPREEKPUNT").map((m) => ({ userId: m.userId, name: m.name })),
    };
  });
}
