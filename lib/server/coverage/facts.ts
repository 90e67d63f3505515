import "server-only";
import type { GemeenteFacts, RegionFacts } from "@/lib/domain/coverage";
import { prisma, type Tx } from "@/lib/db/client";

type Db = Tx | typeof prisma;

/**
 * The facts that decide whether gemeenten and expert teams are live, read in a few
 * grouped statements. Memberships, gemeenten and expert teams hold no case data, so
 * any scope may read them.
 */
export async function regionFacts(db: Db, regionIds?: readonly string[]): Promise<Map<string, RegionFacts>> {
  const where = regionIds ? { regionId: { in: [...regionIds] } } : {};
  const [teams, experts] = await Promise.all([
    db.expertTeam.findMany({ where, select: { regionId: true, activatedAt: true } }),
    db.membership.groupBy({ by: ["regionId"], where: { role: "EXPERT", ...where }, _count: { _all: true } }),
  ]);
  const count = new Map(experts.map((e) => [e.regionId, e._count._all]));
  return new Map(teams.map((t) => [t.regionId, { teamActivated: t.activatedAt !== null, experts: count.get(t.regionId) ?? 0 }]));
}

/** Facts of the given gemeenten (all current ones when none are named), by gemeente id. */
export async function gemeenteFacts(db: Db, gemeenteIds?: readonly string[]): Promise<Map<string, GemeenteFacts & { regionId: string | null }>> {
  const gemeenten = await db.gemeente.findMany({
    where: gemeenteIds ? { id: { in: [...gemeenteIds] } } : { endedOn: null },
    select: { id: true, activatedAt: true, regionId: true },
  });
  const ids = gemeenten.map((g) => g.id);
  const regionIds = [...new Set(gemeenten.flatMap((g) => (g.regionId ? [g.regionId] : [])))];
  const [staff, regions] = await Promise.all([
    db.membership.groupBy({
      by: ["gemeenteId", "role"],
      where: { role: { in: ["AANSPREEKPUNT", "DECISION_HOLDER"] }, gemeenteId: gemeenteIds ? { in: ids } : { not: null } },
      _count: { _all: true },
    }),
    regionFacts(db, gemeenteIds ? regionIds : undefined),
  ]);
  const counts = new Map(staff.map((s) => [`${s.gemeenteId}:${s.role}`, s._count._all]));
  const countOf = (gemeenteId: string, role: "AANSPREEKPUNT" | "DECISION_HOLDER") => counts.get(`${gemeenteId}:${role}`) ?? 0;
  return new Map(
    gemeenten.map((g) => [
      g.id,
      {
        regionId: g.regionId,
        activated: g.activatedAt !== null,
        aanspreekpunten: countOf(g.id, "AANSPREEKPUNT"),
        decisionHolders: countOf(g.id, "DECISION_HOLDER"),
        region: g.regionId ? (regions.get(g.regionId) ?? { teamActivated: false, experts: 0 }) : null,
      },
    ]),
  );
}
