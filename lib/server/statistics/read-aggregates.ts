import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { histogramMeasures, type YearAggregates } from "@/lib/domain/figure-aggregates";

/**
 * A year's case facts summed per gemeente, in a fixed handful of aggregate
 * queries over "CaseStatistic" (decision 026): no row of a single case leaves
 * the database. `tx` must be a statistics reader (asStatisticsReader).
 */
export async function readYearAggregates(tx: Tx, year: number, withOpen: boolean): Promise<YearAggregates> {
  const from = new Date(Date.UTC(year, 0, 1));
  const until = new Date(Date.UTC(year + 1, 0, 1));
  const quarter = (column: string) => Prisma.raw(`to_char("${column}", 'YYYY-"K"Q')`);
  const filedIn = Prisma.sql`"filedMonth" >= ${from}::date AND "filedMonth" < ${until}::date`;
  const closedIn = Prisma.sql`"closedMonth" >= ${from}::date AND "closedMonth" < ${until}::date`;

  type QuarterRow = { gemeenteId: string; key: string; quarter: string; count: number };
  type KeyRow = { gemeenteId: string; key: string; count: number };

  const filed = await tx.$queryRaw<QuarterRow[]>`
    SELECT "gemeenteId", "gemeenteId" AS key, ${quarter("filedMonth")} AS quarter, count(*)::int AS count
    FROM "CaseStatistic" WHERE ${filedIn} GROUP BY 1, 3`;
  const closed = await tx.$queryRaw<QuarterRow[]>`
    SELECT "gemeenteId", "gemeenteId" AS key, ${quarter("closedMonth")} AS quarter, count(*)::int AS count
    FROM "CaseStatistic" WHERE ${closedIn} GROUP BY 1, 3`;
  const thuiszitters = await tx.$queryRaw<QuarterRow[]>`
    SELECT "gemeenteId", 'THUISZITTER' AS key, ${quarter("filedMonth")} AS quarter, count(*)::int AS count
    FROM "CaseStatistic" WHERE ${filedIn} AND "thuiszitter" GROUP BY 1, 3`;
  const openByStep = withOpen
    ? await tx.$queryRaw<KeyRow[]>`
        SELECT "gemeenteId", "step"::text AS key, count(*)::int AS count
        FROM "CaseStatistic" WHERE "closedMonth" IS NULL GROUP BY 1, 2`
    : null;
  const outcomes = await tx.$queryRaw<KeyRow[]>`
    SELECT "gemeenteId", COALESCE("outcome"::text, 'UNKNOWN') AS key, count(*)::int AS count
    FROM "CaseStatistic" WHERE ${closedIn} GROUP BY 1, 2`;
  const causes = await tx.$queryRaw<QuarterRow[]>`
    SELECT "gemeenteId", c AS key, ${quarter("closedMonth")} AS quarter, count(*)::int AS count
    FROM "CaseStatistic", unnest("causes") AS c WHERE ${closedIn} GROUP BY 1, 2, 3`;
  const organisationKinds = await tx.$queryRaw<QuarterRow[]>`
    SELECT "gemeenteId", k AS key, ${quarter("closedMonth")} AS quarter, count(*)::int AS count
    FROM "CaseStatistic", unnest("organisationKinds") AS k WHERE ${closedIn} GROUP BY 1, 2, 3`;
  const transferred = await tx.$queryRaw<KeyRow[]>`
    SELECT "gemeenteId", 'TRANSFERRED' AS key, count(*)::int AS count
    FROM "CaseStatistic" WHERE ${closedIn} AND "transfers" > 0 GROUP BY 1`;

  // One histogram per measure: value → cases, per gemeente. Days out of school only for thuiszitters.
  const histogramSelects = histogramMeasures.map((measure) => {
    const column = Prisma.raw(`"${measure}"`);
    const onlyThuiszitters = measure.startsWith("daysOutOfSchool") ? Prisma.sql`AND "thuiszitter"` : Prisma.empty;
    return Prisma.sql`SELECT "gemeenteId", ${measure} AS measure, ${column} AS value, count(*)::int AS count
      FROM "CaseStatistic" WHERE ${closedIn} AND ${column} IS NOT NULL ${onlyThuiszitters} GROUP BY 1, 3`;
  });
  const histograms = await tx.$queryRaw<YearAggregates["histograms"]>`${Prisma.join(histogramSelects, " UNION ALL ")}`;

  const shares = await tx.$queryRaw<YearAggregates["shares"]>`
    SELECT "gemeenteId", 'withinNorms' AS measure,
      (count(*) FILTER (WHERE "withinNorms"))::int AS yes, count("withinNorms")::int AS cases
    FROM "CaseStatistic" WHERE ${closedIn} GROUP BY 1
    UNION ALL
    SELECT "gemeenteId", 'decisionsOnTime' AS measure,
      (count(*) FILTER (WHERE "assignmentsOnTime" = "assignments"))::int AS yes, count(*)::int AS cases
    FROM "CaseStatistic" WHERE ${closedIn} AND "decided" AND "assignments" > 0 GROUP BY 1`;

  return {
    filed,
    closed,
    thuiszitters,
    openByStep,
    outcomes,
    causes,
    organisationKinds,
    transferred,
    histograms: histograms.map((h) => ({ ...h, value: Number(h.value) })),
    shares,
  };
}

/** The newest change to any fact that counts in `year`: the statistics job compares it with what it published. */
export async function lastFactChange(tx: Tx, year: number, withOpen: boolean): Promise<Date | null> {
  const from = new Date(Date.UTC(year, 0, 1));
  const until = new Date(Date.UTC(year + 1, 0, 1));
  const [row] = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max("updatedAt") AS at FROM "CaseStatistic"
    WHERE ("filedMonth" >= ${from}::date AND "filedMonth" < ${until}::date)
       OR ("closedMonth" >= ${from}::date AND "closedMonth" < ${until}::date)
       OR (${withOpen} AND "closedMonth" IS NULL)`;
  return row?.at ?? null;
}
