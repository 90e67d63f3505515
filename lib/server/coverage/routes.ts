import "server-only";
import { routeFor, type CaseRoute } from "@/lib/domain/coverage";
import { prisma } from "@/lib/db/client";
import { gemeenteFacts } from "./facts";
import { readFallback, type NationalFallback } from "./fallback";

export type ExpertTeamContact = { name: string; email: string | null; phone: string | null };

/** Who would act on a case filed now for a gemeente: what a family is told before filing. */
export type GemeenteRoute = {
  route: CaseRoute;
  regionName: string | null;
  expertTeam: ExpertTeamContact | null;
};

/**
 * The route of every current gemeente, by CBS code, and the national fallback: public
 * facts (no case data), read fresh, so that a gemeente that just went live is offered
 * at once. Three grouped statements, whatever the number of gemeenten.
 */
export async function listRoutes(): Promise<{ routes: Record<string, GemeenteRoute>; fallback: NationalFallback | null }> {
  const [facts, gemeenten, fallback] = await Promise.all([
    gemeenteFacts(prisma),
    prisma.gemeente.findMany({
      where: { endedOn: null },
      select: { id: true, cbsCode: true, region: { select: { name: true, expertTeam: { select: { name: true, email: true, phone: true } } } } },
    }),
    readFallback(),
  ]);
  const routes: Record<string, GemeenteRoute> = {};
  for (const g of gemeenten) {
    const f = facts.get(g.id);
    routes[g.cbsCode] = {
      route: f ? routeFor(f) : "FALLBACK",
      regionName: g.region?.name ?? null,
      expertTeam: g.region?.expertTeam ?? null,
    };
  }
  return { routes, fallback };
}

/** The same for one gemeente, for its public page. */
export async function routeOfGemeente(cbsCode: string): Promise<{ route: GemeenteRoute; fallback: NationalFallback | null } | null> {
  const g = await prisma.gemeente.findUnique({
    where: { cbsCode },
    select: { id: true, region: { select: { name: true, expertTeam: { select: { name: true, email: true, phone: true } } } } },
  });
  if (!g) return null;
  const [facts, fallback] = await Promise.all([gemeenteFacts(prisma, [g.id]), readFallback()]);
  const f = facts.get(g.id);
  return {
    route: { route: f ? routeFor(f) : "FALLBACK", regionName: g.region?.name ?? null, expertTeam: g.region?.expertTeam ?? null },
    fallback,
  };
}
