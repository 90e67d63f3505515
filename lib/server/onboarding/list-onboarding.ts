import "server-only";
import { actorRoles, type Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { invitationState } from "@/lib/domain/invitations";
import { may } from "@/lib/domain/permissions";
import { NotFoundError } from "@/lib/server/errors";

/**
 * The platform admin's onboarding view: every gemeente and region, whether it is
 * active and has its admin or coordinator, and the first-manager invitations not
 * used yet. Four queries, whatever the number of gemeenten.
 */
export async function listOnboarding(actor: Actor) {
  if (!may(actorRoles(actor), "platform.onboard")) throw new NotFoundError();
  const [gemeenten, regions, managers, invitations] = await Promise.all([
    prisma.gemeente.findMany({
      where: { endedOn: null },
      orderBy: { name: "asc" },
      select: { id: true, cbsCode: true, name: true, commonName: true, activatedAt: true },
    }),
    prisma.region.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true, expertTeam: { select: { name: true, activatedAt: true } } } }),
    prisma.membership.findMany({
      where: { role: { in: ["GEMEENTE_ADMIN", "REGION_COORDINATOR"] } },
      distinct: ["role", "gemeenteId", "regionId"],
      select: { role: true, gemeenteId: true, regionId: true },
    }),
    prisma.staffInvitation.findMany({
      where: { role: { in: ["GEMEENTE_ADMIN", "REGION_COORDINATOR"] }, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      take: 500,
      select: { id: true, name: true, email: true, role: true, gemeenteId: true, regionId: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
    }),
  ]);
  const hasAdmin = new Set(managers.filter((m) => m.role === "GEMEENTE_ADMIN").map((m) => m.gemeenteId));
  const hasCoordinator = new Set(managers.filter((m) => m.role === "REGION_COORDINATOR").map((m) => m.regionId));
  const gemeenteName = new Map(gemeenten.map((g) => [g.id, g.commonName ?? g.name]));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const now = new Date();
  return {
    gemeenten: gemeenten.map((g) => ({ id: g.id, cbsCode: g.cbsCode, name: g.commonName ?? g.name, active: g.activatedAt !== null, hasAdmin: hasAdmin.has(g.id) })),
    regions: regions.map((r) => ({ id: r.id, code: r.code, name: r.name, active: r.expertTeam?.activatedAt != null, hasCoordinator: hasCoordinator.has(r.id) })),
    invitations: invitations
      // Once the scope has its manager, the rest of its invitations are theirs to manage.
      .filter((i) => (i.gemeenteId ? !hasAdmin.has(i.gemeenteId) : i.regionId ? !hasCoordinator.has(i.regionId) : false))
      .map((i) => ({
        id: i.id,
        name: i.name,
        email: i.email,
        role: i.role,
        where: i.gemeenteId ? (gemeenteName.get(i.gemeenteId) ?? "") : (regionName.get(i.regionId ?? "") ?? ""),
        expiresAt: i.expiresAt,
        state: invitationState(i, now),
      })),
  };
}
