import "server-only";
import { prisma } from "@/lib/db/client";
import { asSystem } from "@/lib/db/acting";
import { caseStatuses } from "@/lib/domain/case-machine";
import { caseOutcomeKeys, causeKeys, organisationKindKeys } from "@/lib/domain/causes";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { rawFigureSet, type YearAggregates } from "@/lib/domain/figure-aggregates";
import { buildFigureSet, hiddenOf, type FigureSet, type FigureSetInput } from "@/lib/domain/figure-set";
import { quarterOf, quartersBetween, type QuarterKey } from "@/lib/domain/lead-times";
import { Prisma } from "@/lib/generated/prisma/client";
import { displayName } from "@/lib/server/reference/directory";
import { lastFactChange, readYearAggregates } from "./read-aggregates";
import { asStatisticsReader } from "./read-scope";
import { statisticsThreshold } from "./statistics-policy";

/**
 * The statistics job: computes the figures of every scope (the country, each
 * jeugdregio, each gemeente) for a calendar year and stores them whole, so that
 * the monitoring pages read a finished set instead of counting per request
 * (decision 029). Disclosure control runs top-down: the country's table of
 * regions first, then each region's table of its gemeenten, which hides what
 * the country's hides of the region's totals and publishes first what it
 * publishes; then each gemeente, the same way within its region.
 */

export const scopeKeys = {
  country: "country",
  region: (id: string) => `region:${id}`,
  gemeente: (id: string) => `gemeente:${id}`,
};

const outcomeRows = [...caseOutcomeKeys, "UNKNOWN"];
const openSteps = caseStatuses.filter((s) => s !== "CLOSED");

type Reference = {
  regions: { id: string; name: string }[];
  gemeenten: { id: string; name: string; regionId: string | null; endedOn: Date | null; activatedAt: Date | null }[];
};

async function readReference(): Promise<Reference> {
  const [regions, gemeenten] = await Promise.all([
    prisma.region.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.gemeente.findMany({
      select: { id: true, name: true, commonName: true, regionId: true, endedOn: true, activatedAt: true },
    }),
  ]);
  return {
    regions,
    gemeenten: gemeenten
      .map((g) => ({ id: g.id, name: displayName(g), regionId: g.regionId, endedOn: g.endedOn, activatedAt: g.activatedAt }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl")),
  };
}

/** The quarters of `year` that have begun by `now`. */
function quartersOf(year: number, now: Date): QuarterKey[] {
  const last: QuarterKey = Number(amsterdamDay(now).slice(0, 4)) === year ? quarterOf(now) : `${year}-K4`;
  return quartersBetween(`${year}-K1`, last);
}

/** Gemeenten that count in a year: those not ended before it began, and any with facts in it. */
function gemeentenOfYear(ref: Reference, agg: YearAggregates, year: number) {
  const withFacts = new Set([...agg.filed, ...agg.closed].map((r) => r.gemeenteId));
  if (agg.openByStep) for (const r of agg.openByStep) withFacts.add(r.gemeenteId);
  const yearStart = new Date(Date.UTC(year, 0, 1));
  return ref.gemeenten.filter((g) => withFacts.has(g.id) || g.endedOn === null || g.endedOn >= yearStart);
}

/** Every scope's set for one year, computed from one read of the aggregates. */
export function computeYear(ref: Reference, agg: YearAggregates, year: number, threshold: number, now: Date): Map<string, FigureSet> {
  const quarters = quartersOf(year, now);
  const gemeenten = gemeentenOfYear(ref, agg, year);
  const regionOf = new Map(ref.gemeenten.map((g) => [g.id, g.regionId ?? ""]));
  const common = {
    year,
    quarters,
    threshold,
    computedAt: now,
    causeKeys,
    organisationKindKeys,
    outcomeKeys: outcomeRows,
    stepKeys: openSteps,
  } satisfies Partial<FigureSetInput>;
  const sets = new Map<string, FigureSet>();

  const hasNoRegion = gemeenten.some((g) => !g.regionId);
  const country = buildFigureSet({
    ...common,
    level: "country",
    unitId: null,
    units: [...ref.regions, ...(hasNoRegion ? [{ id: "", name: "" }] : [])],
    raw: rawFigureSet(agg, { scope: () => true, region: null, unitOf: (g) => regionOf.get(g) ?? "" }),
  });
  sets.set(scopeKeys.country, country);

  for (const region of ref.regions) {
    const members = gemeenten.filter((g) => g.regionId === region.id);
    const inRegion = new Set(members.map((g) => g.id));
    const row = (table: FigureSet["filed"]) => table.rows.find((r) => r.key === region.id)!;
    const regionSet = buildFigureSet({
      ...common,
      level: "region",
      unitId: region.id,
      units: members.map((g) => ({ id: g.id, name: g.name })),
      above: { filed: hiddenOf(row(country.filed)), closed: hiddenOf(row(country.closed)) },
      raw: rawFigureSet(agg, { scope: (g) => inRegion.has(g), region: (g) => inRegion.has(g), unitOf: (g) => g }),
    });
    sets.set(scopeKeys.region(region.id), regionSet);

    for (const gemeente of members) {
      const own = (table: FigureSet["filed"]) => table.rows.find((r) => r.key === gemeente.id)!;
      sets.set(
        scopeKeys.gemeente(gemeente.id),
        buildFigureSet({
          ...common,
          level: "gemeente",
          unitId: gemeente.id,
          units: [{ id: gemeente.id, name: gemeente.name }],
          above: { filed: hiddenOf(own(regionSet.filed)), closed: hiddenOf(own(regionSet.closed)) },
          raw: rawFigureSet(agg, { scope: (g) => g === gemeente.id, region: (g) => inRegion.has(g), unitOf: (g) => g }),
        }),
      );
    }
  }
  return sets;
}

export type PublishResult = { years: { year: number; sets: number; skipped: boolean }[]; seconds: number };

/** The years to keep up to date: this one and the last, and any earlier year with facts but no sets yet. */
async function yearsToPublish(now: Date): Promise<number[]> {
  const current = Number(amsterdamDay(now).slice(0, 4));
  const [first] = await asStatisticsReader(
    (tx) => tx.$queryRaw<{ year: number | null }[]>`SELECT extract(year FROM min("filedMonth"))::int AS year FROM "CaseStatistic"`,
  );
  const published = new Set((await asSystem((tx) => tx.figureSet.findMany({ where: { scopeKey: scopeKeys.country }, select: { year: true } }))).map((s) => s.year));
  const years = new Set([current, current - 1]);
  for (let y = first?.year ?? current; y < current - 1; y += 1) if (!published.has(y)) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * Recomputes the sets of every year whose facts changed since they were
 * published (or all of them with `force`), each year in one transaction.
 */
export async function publishFigures({ now = new Date(), force = false, years }: { now?: Date; force?: boolean; years?: number[] } = {}): Promise<PublishResult> {
  const started = performance.now();
  const threshold = await statisticsThreshold();
  const ref = await readReference();
  const current = Number(amsterdamDay(now).slice(0, 4));
  const result: PublishResult["years"] = [];
  for (const year of years ?? (await yearsToPublish(now))) {
    const withOpen = year === current;
    const { agg, changed } = await asStatisticsReader(async (tx) => ({
      changed: await lastFactChange(tx, year, withOpen),
      agg: await readYearAggregates(tx, year, withOpen),
    }));
    const previous = await asSystem((tx) =>
      tx.figureSet.findUnique({ where: { scopeKey_year: { scopeKey: scopeKeys.country, year } }, select: { factsUpTo: true, threshold: true } }),
    );
    const upToDate =
      previous !== null &&
      previous.threshold === threshold &&
      (changed === null || (previous.factsUpTo !== null && changed <= previous.factsUpTo));
    if (!force && upToDate) {
      result.push({ year, sets: 0, skipped: true });
      continue;
    }
    const sets = computeYear(ref, agg, year, threshold, now);
    await asSystem(async (tx) => {
      await tx.figureSet.deleteMany({ where: { year } });
      await tx.figureSet.createMany({
        data: [...sets].map(([scopeKey, figures]) => ({
          scopeKey,
          year,
          figures: figures as unknown as Prisma.InputJsonValue,
          factsUpTo: changed,
          computedAt: now,
          threshold,
        })),
      });
    });
    result.push({ year, sets: sets.size, skipped: false });
  }
  return { years: result, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
