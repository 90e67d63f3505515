import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { isGemeenteLive, isRegionLive, missingForLive, type Missing } from "@/lib/domain/coverage";
import { may } from "@/lib/domain/permissions";
import { prisma } from "@/lib/db/client";
import { asSystem } from "@/lib/db/acting";
import { ForbiddenError } from "@/lib/server/errors";
import { gemeenteFacts } from "./facts";
import { readFallback } from "./fallback";

export type GemeenteCoverage = {
  cbsCode: string;
  name: string;
  commonName: string | null;
  live: boolean;
  missing: Missing[];
  /** Open cases of the gemeente, wherever they are now */
  open: number;
  /** Open cases that went to the region's expert team because the gemeente was not live */
  atRegion: number;
  /** Open cases at the national fallback: nobody in the portal acts on them */
  waiting: number;
};

export type RegionCoverage = {
  code: string;
  name: string;
  teamLive: boolean;
  experts: number;
  gemeenten: GemeenteCoverage[];
};

/** The oldest cases waiting without anyone, at most this many, for the platform admin to chase. */
const waitingListSize = 100;

/**
 * Coverage at a glance for the platform admin: per region and gemeente whether it is
 * live, what it lacks, and how many open cases it has and where they wait. A platform
 * admin reads no case, so the cases are counted in the system's scope and only counts
 * leave it, plus the number, gemeente, urgency and age of the cases waiting without
 * anyone, which the national fallback asks about when a family calls.
 */
export async function readCoverage(actor: Actor) {
  if (!may(actorRoles(actor), "platform.coverage")) throw new ForbiddenError();
  const [facts, gemeenten, regions, fallback, [counts, waitingCases]] = await Promise.all([
    gemeenteFacts(prisma),
    prisma.gemeente.findMany({ where: { endedOn: null }, select: { id: true, cbsCode: true, name: true, commonName: true, regionId: true } }),
    prisma.region.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    readFallback(),
    asSystem((tx) =>
      Promise.all([
        tx.case.groupBy({ by: ["gemeenteId", "routing"], where: { closedAt: null }, _count: { _all: true } }),
        tx.case.findMany({
          where: { closedAt: null, routing: "FALLBACK" },
          orderBy: { createdAt: "asc" },
          take: waitingListSize,
          select: { number: true, urgency: true, createdAt: true, gemeente: { select: { name: true, commonName: true } } },
        }),
      ]),
    ),
  ]);
  const countOf = new Map(counts.map((c) => [`${c.gemeenteId}:${c.routing}`, c._count._all]));
  const count = (id: string, routing: "GEMEENTE" | "REGION" | "FALLBACK") => countOf.get(`${id}:${routing}`) ?? 0;
  const collator = new Intl.Collator("nl", { sensitivity: "base" });

  const rows: (GemeenteCoverage & { regionId: string | null })[] = gemeenten.map((g) => {
    const f = facts.get(g.id)!;
    const atRegion = count(g.id, "REGION");
    const waiting = count(g.id, "FALLBACK");
    return {
      regionId: g.regionId,
      cbsCode: g.cbsCode,
      name: g.name,
      commonName: g.commonName,
      live: isGemeenteLive(f),
      missing: missingForLive(f),
      open: count(g.id, "GEMEENTE") + atRegion + waiting,
      atRegion,
      waiting,
    };
  });
  rows.sort((a, b) => collator.compare(a.commonName ?? a.name, b.commonName ?? b.name));
  const regionFactsById = new Map([...facts.values()].flatMap((f) => (f.region ? [[f.regionId, f.region] as const] : [])));
  const byRegion: RegionCoverage[] = regions.map((r) => {
    const team = regionFactsById.get(r.id) ?? null;
    return {
      code: r.code,
      name: r.name,
      teamLive: isRegionLive(team),
      experts: team?.experts ?? 0,
      gemeenten: rows.filter((g) => g.regionId === r.id).map(({ regionId: _, ...g }) => g),
    };
  });
  const withoutRegion = rows.filter((g) => g.regionId === null).map(({ regionId: _, ...g }) => g);
  const sum = (f: (g: GemeenteCoverage) => number) => rows.reduce((n, g) => n + f(g), 0);
  return {
    regions: byRegion,
    withoutRegion,
    totals: {
      gemeenten: rows.length,
      liveGemeenten: rows.filter((g) => g.live).length,
      regions: byRegion.length,
      liveRegions: byRegion.filter((r) => r.teamLive).length,
      open: sum((g) => g.open),
      atRegion: sum((g) => g.atRegion),
      waiting: sum((g) => g.waiting),
    },
    waitingCases: waitingCases.map((c) => ({ number: c.number, urgency: c.urgency, since: c.createdAt, gemeente: c.gemeente.commonName ?? c.gemeente.name })),
    fallback,
  };
}

export type Coverage = Awaited<ReturnType<typeof readCoverage>>;
