import { caseStatuses } from "./case-machine";
import { caseOutcomeKeys, causeKeys, organisationKindKeys } from "./causes";
import { amsterdamDay } from "./deadlines";
import { rawFigureSet, type YearAggregates } from "./figure-aggregates";
import { buildFigureSet, hiddenOf, type FigureSet, type FigureSetInput } from "./figure-set";
import { quarterOf, quartersBetween, type QuarterKey } from "./lead-times";

/**
 * Every scope's published figures for one calendar year, computed from one
 * read of the per-gemeente aggregates (decision 029). Disclosure control runs
 * top-down: the country's table of regions first, then each region's table of
 * its gemeenten, which hides what the country's hides of the region's totals
 * and publishes first what it publishes. A gemeente's own set is not chained
 * to its region's: its staff know their own cases anyway, and no one else
 * sees it.
 */

export const scopeKeys = {
  country: "country",
  region: (id: string) => `region:${id}`,
  gemeente: (id: string) => `gemeente:${id}`,
};

const outcomeRows = [...caseOutcomeKeys, "UNKNOWN"];
const openSteps = caseStatuses.filter((s) => s !== "CLOSED");

export type FigureReference = {
  regions: { id: string; name: string }[];
  gemeenten: { id: string; name: string; regionId: string | null; endedOn: Date | null; activatedAt: Date | null }[];
};

/** The quarters of `year` that have begun by `now`. */
function quartersOf(year: number, now: Date): QuarterKey[] {
  const last: QuarterKey = Number(amsterdamDay(now).slice(0, 4)) === year ? quarterOf(now) : `${year}-K4`;
  return quartersBetween(`${year}-K1`, last);
}

/** Gemeenten that count in a year: those not ended before it began, and any with facts in it. */
function gemeentenOfYear(ref: FigureReference, agg: YearAggregates, year: number) {
  const withFacts = new Set([...agg.filed, ...agg.closed].map((r) => r.gemeenteId));
  if (agg.openByStep) for (const r of agg.openByStep) withFacts.add(r.gemeenteId);
  const yearStart = new Date(Date.UTC(year, 0, 1));
  return ref.gemeenten.filter((g) => withFacts.has(g.id) || g.endedOn === null || g.endedOn >= yearStart);
}

/** Every scope's set for one year, computed from one read of the aggregates. */
export function computeYear(ref: FigureReference, agg: YearAggregates, year: number, threshold: number, now: Date): Map<string, FigureSet> {
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
      sets.set(
        scopeKeys.gemeente(gemeente.id),
        buildFigureSet({
          ...common,
          level: "gemeente",
          unitId: gemeente.id,
          units: [{ id: gemeente.id, name: gemeente.name }],
          raw: rawFigureSet(agg, { scope: (g) => g === gemeente.id, region: (g) => inRegion.has(g), unitOf: (g) => g }),
        }),
      );
    }
  }
  return sets;
}

