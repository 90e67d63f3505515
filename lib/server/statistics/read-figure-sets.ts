import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { may } from "@/lib/domain/permissions";
import { actorRoles } from "@/lib/auth/actor";
import { figureScopesOf, mayReadFigures, type FigureScopeRef } from "@/lib/domain/figure-scopes";
import type { FigureSet } from "@/lib/domain/figure-set";
import { displayName } from "@/lib/domain/gemeente-name";
import { NotFoundError } from "@/lib/server/errors";
import { asStatisticsReader } from "./read-scope";
import { scopeKeys } from "./publish-figures";

/**
 * Reading the published figures (decision 029): a person's own scope on the
 * monitoring pages, and the regions and the country for everyone on the open
 * figures. Nothing here counts: the sets were computed, under disclosure
 * control, by the statistics job.
 */

export type ScopeHeading = { ref: FigureScopeRef; name: string; regionName: string | null; path: string };

export type PublishedFigures = {
  heading: ScopeHeading;
  /** The years with a published set, newest first */
  years: number[];
  year: number;
  /** Null when the job has not published this scope's year (yet) */
  set: FigureSet | null;
};

function keyOf(ref: FigureScopeRef): string {
  if (ref.level === "country") return scopeKeys.country;
  return ref.level === "region" ? scopeKeys.region(ref.regionId) : scopeKeys.gemeente(ref.gemeenteId);
}

async function headingOf(ref: FigureScopeRef): Promise<ScopeHeading | null> {
  // The country's name is the page's to translate.
  if (ref.level === "country") return { ref, name: "", regionName: null, path: "/monitoring/nederland" };
  if (ref.level === "region") {
    const region = await prisma.region.findUnique({ where: { id: ref.regionId }, select: { name: true, code: true } });
    return region ? { ref, name: region.name, regionName: region.name, path: `/monitoring/regio/${region.code}` } : null;
  }
  const gemeente = await prisma.gemeente.findUnique({
    where: { id: ref.gemeenteId },
    select: { name: true, commonName: true, cbsCode: true, region: { select: { name: true } } },
  });
  return gemeente
    ? { ref, name: displayName(gemeente), regionName: gemeente.region?.name ?? null, path: `/monitoring/gemeente/${gemeente.cbsCode}` }
    : null;
}

/** The scopes whose figures the person may read, with names and paths, for the page's choice of scope. */
export async function listFigureScopes(actor: Actor): Promise<ScopeHeading[]> {
  if (!may(actorRoles(actor), "statistics.read")) return [];
  const headings = await Promise.all(figureScopesOf(actor.memberships).map(headingOf));
  return headings.filter((h): h is ScopeHeading => h !== null);
}

/** A URL's scope ("gemeente", GM0518) as a reference, or null when there is no such gemeente or region. */
export async function resolveFigureScope(level: string, code: string | null): Promise<FigureScopeRef | null> {
  if (level === "nederland") return { level: "country" };
  if (!code || code.length > 20) return null;
  if (level === "regio") {
    const region = await prisma.region.findUnique({ where: { code }, select: { id: true } });
    return region ? { level: "region", regionId: region.id } : null;
  }
  if (level === "gemeente") {
    const gemeente = await prisma.gemeente.findUnique({ where: { cbsCode: code.toUpperCase() }, select: { id: true } });
    return gemeente ? { level: "gemeente", gemeenteId: gemeente.id } : null;
  }
  return null;
}

async function readSet(ref: FigureScopeRef, heading: ScopeHeading, year: number | null): Promise<PublishedFigures> {
  const key = keyOf(ref);
  return asStatisticsReader(async (tx) => {
    const years = (await tx.figureSet.findMany({ where: { scopeKey: key }, select: { year: true }, orderBy: { year: "desc" } })).map((s) => s.year);
    const chosen = year !== null && years.includes(year) ? year : (years[0] ?? new Date().getUTCFullYear());
    const row = await tx.figureSet.findUnique({ where: { scopeKey_year: { scopeKey: key, year: chosen } }, select: { figures: true } });
    return { heading, years, year: chosen, set: row ? (row.figures as unknown as FigureSet) : null };
  });
}

/** A scope's figures for the monitoring pages; any scope the person does not hold is not found. */
export async function readMonitoringFigures(actor: Actor, ref: FigureScopeRef, year: number | null): Promise<PublishedFigures> {
  if (!may(actorRoles(actor), "statistics.read") || !mayReadFigures(actor.memberships, ref)) throw new NotFoundError();
  const heading = await headingOf(ref);
  if (!heading) throw new NotFoundError();
  return readSet(ref, heading, year);
}

/**
 * The open figures of a region or the country, for anyone. A region's page
 * shows its totals as its row in the country's table, exactly as the country's
 * page does, and not its gemeenten side by side, which are for the region's
 * own staff only.
 */
export async function readOpenFigures(ref: { level: "country" } | { level: "region"; regionId: string }, year: number | null): Promise<PublishedFigures> {
  const heading = await headingOf(ref);
  if (!heading) throw new NotFoundError();
  const published = await readSet(ref, heading, year);
  if (!published.set || ref.level === "country") return published;
  const country = await readSet({ level: "country" }, heading, published.year);
  const asInCountry = (key: "filed" | "closed"): FigureSet["filed"] => {
    const row = country.set?.[key].rows.find((r) => r.key === ref.regionId);
    return { rows: [], totals: row ? { cells: row.cells, total: row.total } : published.set![key].totals };
  };
  return { ...published, set: { ...published.set, unitNames: {}, filed: asInCountry("filed"), closed: asInCountry("closed") } };
}
