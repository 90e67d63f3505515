import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import type { Tx } from "@/lib/db/client";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { mayReadFigures, type FigureScopeRef } from "@/lib/domain/figure-scopes";
import type { SignalMarkInput } from "@/lib/domain/inputs";
import { quarterDays, type QuarterKey } from "@/lib/domain/lead-times";
import { may } from "@/lib/domain/permissions";
import {
  firstWatchedDay,
  managesSignalsOf,
  mayMark,
  nextSignalCount,
  signalKey,
  signalsOf,
  watchedQuarters,
  type SignalCount,
  type SignalDimension,
  type SignalStatus,
} from "@/lib/domain/signals";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { asStatisticsReader, statisticsConnection } from "./read-scope";
import { signalThreshold } from "./statistics-policy";

/**
 * Structural signals (decision 030): counted by the statistics job from the
 * anonymous case facts, read on the monitoring pages of the region and of its
 * gemeenten, and marked by the region's coordinator or a gemeente admin of the
 * region with what was done.
 */

export type DetectResult = { counted: number; added: number; updated: number; told: number };

const connection = (db: PrismaClient | undefined) => statisticsConnection(db, { timeout: 60_000, maxWait: 10_000 });

/**
 * Per region, watched quarter and key: the cases whose impasse was recorded in
 * that quarter with that cause or kind of organisation. One grouped read of
 * the facts of the last year.
 */
async function countImpasses(tx: Tx, since: string): Promise<SignalCount[]> {
  return tx.$queryRaw<SignalCount[]>`
    WITH facts AS (
      SELECT "regionId", to_char(coalesce("referredMonth", "closedMonth"), 'YYYY-"K"Q') AS quarter, causes, "organisationKinds"
      FROM "CaseStatistic"
      WHERE "regionId" IS NOT NULL
        AND ("referredMonth" >= ${since}::date OR ("referredMonth" IS NULL AND "closedMonth" >= ${since}::date))
    )
    SELECT "regionId", quarter, 'CAUSE' AS dimension, k AS key, count(*)::int AS cases
    FROM facts, unnest(causes) AS k GROUP BY "regionId", quarter, k
    UNION ALL
    SELECT "regionId", quarter, 'ORGANISATION_KIND' AS dimension, k AS key, count(*)::int AS cases
    FROM facts, unnest("organisationKinds") AS k GROUP BY "regionId", quarter, k`;
}

/**
 * The statistics job's count: adds the signals that reached the threshold in
 * a watched quarter, updates the counts of the ones it knows, and tells the
 * region's coordinator and the admins of its gemeenten about new ones, in the
 * app (a notice without figures; the figures are on the monitoring page).
 */
export async function detectSignals({ now = new Date(), db }: { now?: Date; db?: PrismaClient } = {}): Promise<DetectResult> {
  const on = connection(db);
  const threshold = await signalThreshold(db);
  const today = amsterdamDay(now);
  const quarters = new Set<string>(watchedQuarters(today));
  const counts = (await on.reader((tx) => countImpasses(tx, firstWatchedDay(today)))).filter((c) => quarters.has(c.quarter));
  const signals = signalsOf(counts, threshold);
  return on.system(async (tx) => {
    const stored = await tx.structuralSignal.findMany({
      where: { quarter: { in: [...quarters] } },
      select: { id: true, regionId: true, quarter: true, dimension: true, key: true, cases: true },
    });
    const byKey = new Map(stored.map((s) => [signalKey(s), s]));
    const added: SignalCount[] = [];
    let updated = 0;
    for (const signal of signals) {
      const known = byKey.get(signalKey(signal));
      if (!known) {
        added.push(signal);
        continue;
      }
      const cases = nextSignalCount(known.cases, signal.cases, threshold);
      if (cases !== known.cases) {
        await tx.structuralSignal.update({ where: { id: known.id }, data: { cases, countedAt: now } });
        updated += 1;
      }
    }
    if (added.length > 0) {
      await tx.structuralSignal.createMany({
        data: added.map((s) => ({ ...s, detectedAt: now, countedAt: now })),
        skipDuplicates: true,
      });
      for (const s of added) {
        await writeAudit(tx, null, {
          action: "signal.detect",
          role: null,
          changes: {
            regionId: { old: null, new: s.regionId },
            quarter: { old: null, new: s.quarter },
            dimension: { old: null, new: s.dimension },
            key: { old: null, new: s.key },
            cases: { old: null, new: s.cases },
          },
        });
      }
    }
    const told = await tellRegions(tx, [...new Set(added.map((s) => s.regionId))], now);
    return { counted: counts.length, added: added.length, updated, told };
  });
}

/** One notice per person per region with new signals: the coordinator and the admins of the region's gemeenten. */
async function tellRegions(tx: Tx, regionIds: string[], now: Date): Promise<number> {
  if (regionIds.length === 0) return 0;
  const members = await tx.membership.findMany({
    where: {
      OR: [
        { role: "REGION_COORDINATOR", regionId: { in: regionIds } },
        { role: "GEMEENTE_ADMIN", gemeente: { regionId: { in: regionIds }, endedOn: null } },
      ],
    },
    select: { userId: true, gemeenteId: true },
  });
  const seen = new Set<string>();
  const data = members
    .filter((m) => !seen.has(m.userId) && seen.add(m.userId))
    .map((m) => ({ userId: m.userId, kind: "structuralSignal", gemeenteId: m.gemeenteId, createdAt: now }));
  if (data.length > 0) await tx.staffNotification.createMany({ data });
  return data.length;
}

export type ShownSignal = {
  id: string;
  quarter: QuarterKey;
  dimension: SignalDimension;
  key: string;
  cases: number;
  detectedAt: Date;
  status: SignalStatus;
  note: string | null;
  actedOn: string | null;
  markedByName: string | null;
  markedAt: Date | null;
};

const shownSelect = {
  id: true,
  quarter: true,
  dimension: true,
  key: true,
  cases: true,
  detectedAt: true,
  status: true,
  note: true,
  actedOn: true,
  markedByName: true,
  markedAt: true,
} satisfies Prisma.StructuralSignalSelect;

export type RegionSignals = {
  regionId: string;
  /** Whether the person may record what was done */
  mayMark: boolean;
  signals: ShownSignal[];
};

/** Whether the person may mark the region's signals (lib/domain/signals.ts). */
function managesRegion(actor: Actor, regionId: string, gemeentenOfRegion: ReadonlySet<string>): boolean {
  return may(actorRoles(actor), "signal.manage") && managesSignalsOf(actor.memberships, regionId, gemeentenOfRegion);
}

/**
 * The signals of the region of a monitoring page's scope (the region itself,
 * or the gemeente's region), newest quarter first. Null for the country, and
 * for a scope the person may not read (the page has answered 404 already).
 */
export async function readSignals(actor: Actor, ref: FigureScopeRef): Promise<RegionSignals | null> {
  if (ref.level === "country") return null;
  if (!may(actorRoles(actor), "statistics.read") || !mayReadFigures(actor.memberships, ref)) throw new NotFoundError();
  return asStatisticsReader(async (tx) => {
    const regionId =
      ref.level === "region"
        ? ref.regionId
        : ((await tx.gemeente.findUnique({ where: { id: ref.gemeenteId }, select: { regionId: true } }))?.regionId ?? null);
    if (!regionId) return null;
    const [gemeenten, rows] = await Promise.all([
      tx.gemeente.findMany({ where: { regionId }, select: { id: true } }),
      tx.structuralSignal.findMany({
        where: { regionId },
        orderBy: [{ quarter: "desc" }, { cases: "desc" }, { key: "asc" }],
        take: 200,
        select: shownSelect,
      }),
    ]);
    return {
      regionId,
      mayMark: managesRegion(actor, regionId, new Set(gemeenten.map((g) => g.id))),
      signals: rows.map((r) => ({ ...r, quarter: r.quarter as QuarterKey, actedOn: r.actedOn ? r.actedOn.toISOString().slice(0, 10) : null })),
    };
  });
}

/**
 * The coordinator or a gemeente admin of the region records that a signal was
 * raised at the regional table or passed on to the national table, what was
 * done and on which day. Anyone else's signal is not found.
 */
export async function markSignal(actor: Actor, input: SignalMarkInput): Promise<void> {
  if (!may(actorRoles(actor), "signal.manage")) throw new NotFoundError();
  await asActor(actor, async (tx) => {
    const signal = await tx.structuralSignal.findUnique({
      where: { id: input.signalId },
      select: { id: true, regionId: true, quarter: true, dimension: true, key: true, status: true, note: true, actedOn: true },
    });
    if (!signal) throw new NotFoundError();
    const gemeenten = await tx.gemeente.findMany({ where: { regionId: signal.regionId }, select: { id: true } });
    const role = actor.memberships.find((m) => m.role === "REGION_COORDINATOR" && m.regionId === signal.regionId)
      ? "REGION_COORDINATOR"
      : "GEMEENTE_ADMIN";
    if (!managesRegion(actor, signal.regionId, new Set(gemeenten.map((g) => g.id)))) throw new NotFoundError();
    if (!mayMark(signal.status, input.status)) throw new DomainError("signalPassedOn", { status: "signalPassedOn" });
    if (input.actedOn < quarterDays(signal.quarter as QuarterKey).first) {
      throw new DomainError("checkFields", { actedOn: "beforeQuarter" });
    }
    const now = new Date();
    const changed = await tx.structuralSignal.updateMany({
      where: { id: signal.id, status: signal.status },
      data: {
        status: input.status,
        note: input.note,
        actedOn: new Date(`${input.actedOn}T00:00:00Z`),
        markedById: actor.userId,
        markedByName: actor.name,
        markedAt: now,
      },
    });
    if (changed.count !== 1) throw new DomainError("signalChanged");
    await writeAudit(tx, actor, {
      action: "signal.mark",
      role,
      changes: {
        signalId: { old: null, new: signal.id },
        regionId: { old: null, new: signal.regionId },
        quarter: { old: null, new: signal.quarter },
        key: { old: null, new: `${signal.dimension}:${signal.key}` },
        status: { old: signal.status, new: input.status },
        actedOn: { old: signal.actedOn ? signal.actedOn.toISOString().slice(0, 10) : null, new: input.actedOn },
        signalNote: { old: signal.note, new: input.note },
      },
    });
  });
}

export type SignalToMark = ShownSignal & { regionName: string; regionCode: string };

/**
 * One signal, for the page where the region's coordinator or a gemeente admin
 * of the region records what was done. Anyone else's signal is not found.
 */
export async function readSignalToMark(actor: Actor, signalId: string): Promise<SignalToMark> {
  if (!may(actorRoles(actor), "signal.manage") || !/^[A-Za-z0-9_-]{1,40}$/.test(signalId)) throw new NotFoundError();
  return asActor(actor, async (tx) => {
    const row = await tx.structuralSignal.findUnique({
      where: { id: signalId },
      select: { ...shownSelect, regionId: true, region: { select: { name: true, code: true, gemeenten: { select: { id: true } } } } },
    });
    if (!row || !managesRegion(actor, row.regionId, new Set(row.region.gemeenten.map((g) => g.id)))) throw new NotFoundError();
    const { region, regionId: _regionId, ...signal } = row;
    return {
      ...signal,
      quarter: signal.quarter as QuarterKey,
      actedOn: signal.actedOn ? signal.actedOn.toISOString().slice(0, 10) : null,
      regionName: region.name,
      regionCode: region.code,
    };
  });
}
