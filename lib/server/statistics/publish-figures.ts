import "server-only";
import { prisma } from "@/lib/db/client";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { computeYear, scopeKeys, type FigureReference } from "@/lib/domain/figure-publication";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { displayName } from "@/lib/domain/gemeente-name";
import { lastFactChange, readYearAggregates } from "./read-aggregates";
import { statisticsConnection, type StatisticsConnection } from "./read-scope";
import { statisticsThreshold } from "./statistics-policy";

/**
 * The statistics job: computes the figures of every scope (the country, each
 * jeugdregio, each gemeente) for a calendar year and stores them whole, so that
 * the monitoring pages read a finished set instead of counting per request
 * (decision 029).
 */

export { scopeKeys };

async function readReference(db: PrismaClient): Promise<FigureReference> {
  const [regions, gemeenten] = await Promise.all([
    db.region.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.gemeente.findMany({
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

export type PublishResult = { years: { year: number; sets: number; skipped: boolean }[]; seconds: number };

type Connection = StatisticsConnection;

/** A year of the national data set takes seconds to read and to write: more than a transaction's default 5 s. */
const connection = (db: PrismaClient | undefined) => statisticsConnection(db, { timeout: 120_000, maxWait: 10_000 });

/** The years to keep up to date: this one and the last, and any earlier year with facts but no sets yet. */
async function yearsToPublish(on: Connection, now: Date): Promise<number[]> {
  const current = Number(amsterdamDay(now).slice(0, 4));
  const [first] = await on.reader(
    (tx) => tx.$queryRaw<{ year: number | null }[]>`SELECT extract(year FROM min("filedMonth"))::int AS year FROM "CaseStatistic"`,
  );
  const published = new Set((await on.system((tx) => tx.figureSet.findMany({ where: { scopeKey: scopeKeys.country }, select: { year: true } }))).map((s) => s.year));
  const years = new Set([current, current - 1]);
  for (let y = first?.year ?? current; y < current - 1; y += 1) if (!published.has(y)) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * Recomputes the sets of every year whose facts changed since they were
 * published (or all of them with `force`), each year in one transaction.
 */
export async function publishFigures({
  now = new Date(),
  force = false,
  years,
  db,
}: { now?: Date; force?: boolean; years?: number[]; db?: PrismaClient } = {}): Promise<PublishResult> {
  const started = performance.now();
  const on = connection(db);
  const threshold = await statisticsThreshold(db ?? prisma);
  const ref = await readReference(db ?? prisma);
  const current = Number(amsterdamDay(now).slice(0, 4));
  const result: PublishResult["years"] = [];
  for (const year of years ?? (await yearsToPublish(on, now))) {
    const withOpen = year === current;
    const { agg, changed } = await on.reader(async (tx) => ({
      changed: await lastFactChange(tx, year, withOpen),
      agg: await readYearAggregates(tx, year, withOpen),
    }));
    const previous = await on.system((tx) =>
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
    await on.system(async (tx) => {
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
