import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import {
  ACCESS_LOG_TIME_ZONE,
  accessKindOf,
  accessStepOf,
  familySideRoles,
  groupAccesses,
  LINK_HOLDER,
  pageOfDays,
  parseDayCursor,
  readActions,
  type AccessKind,
  type AccessRole,
  type AccessStep,
} from "@/lib/domain/access-log";
import { isRole, staffRoles, type PartyRole, type Role } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/server/errors";

export type { AccessKind } from "@/lib/domain/access-log";

/** How many lines one page of the access log shows (whole days: the newest day always, however long). */
export const ACCESS_LOG_PAGE_SIZE = 20;

/**
 * How many events one page looks back over at most, counted from the page's
 * start, before it stops at the start of that event's day. Keeps a page's work
 * bounded for a case that was read many times a day for years.
 */
export const ACCESS_LOG_WINDOW = 1000;

/**
 * One line of the log: one person's accesses of one kind on one day, as the
 * family sees them: a role and an organisation for staff, and a staff name
 * only when the gemeente allows it. People on the family side are named, as
 * they are under "Wie doen er mee?".
 */
export type AccessEntry = {
  /** Position in the case's trail of the latest access of the line: the line's key */
  seq: number;
  /** The latest access of the line */
  at: Date;
  /** The day in the Netherlands (YYYY-MM-DD) */
  day: string;
  /** How many times that day */
  count: number;
  role: AccessRole;
  /** The gemeente's name for gemeente staff, the region's for the expert team, the organisation's for a link holder, null for national roles and the family side */
  organisation: string | null;
  name: string | null;
  /** For the family side: how the person is on the case, while they still are */
  partyRole: PartyRole | null;
  /** Whether it was the person reading the log */
  you: boolean;
  kind: AccessKind;
  /** For a change: the step in the family's own timeline words, when there is one */
  step: AccessStep | null;
};

export type AccessLog = {
  entries: AccessEntry[];
  /** The cursor for "meer tonen" (the oldest day shown), or null when these are the oldest */
  nextBefore: string | null;
  /** Whether the case's gemeente shows staff names to families */
  namesShown: boolean;
  gemeente: string;
};

type GroupedRow = {
  seq: number;
  at: Date;
  count: number;
  actorId: string;
  role: string | null;
  gemeenteId: string | null;
  action: string;
  actorName: string | null;
  actorOrganisation: string | null;
  changes: unknown;
};

const zone = Prisma.raw(`'${ACCESS_LOG_TIME_ZONE}'`);

/** The start, as a UTC timestamp like "occurredAt", of the Dutch day of a timestamp or date expression. */
function dayStart(day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${day})::timestamp AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'`;
}

const localDay = Prisma.sql`(("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${zone})::date`;

/**
 * "Wie heeft mijn dossier bekeken?": when staff opened or changed the case,
 * and when anyone on the family side read it, newest first. One line per
 * person, day (in the Netherlands) and kind of access, with how many times;
 * a page is a run of whole days, the next page starts the day before.
 *
 * The database counts the reads per person and day, over at most
 * ACCESS_LOG_WINDOW events and the rest of the day the window ends in, so a
 * page costs the same for a case read by five people daily for years. Only
 * people on the family side of the case may read it; anyone else gets "not
 * found". The system's events and the family side's own changes are left out,
 * and nothing of the request (IP, browser, request id) or any internal id
 * leaves this function. A staff member's name is shown only when the gemeente
 * of the event chose so: a transferred case's earlier gemeente decides for its
 * own staff.
 */
export async function readAccessLog(
  actor: Actor,
  number: string,
  { before = null, limit = ACCESS_LOG_PAGE_SIZE }: { before?: string | null; limit?: number } = {},
): Promise<AccessLog> {
  const pageSize = Math.min(Math.max(1, Math.trunc(limit)), 100);
  const beforeDay = parseDayCursor(before);
  const { found, rows, older, parties } = await asActor(actor, async (tx) => {
    const { case: found } = await findScopedCase(tx, actor, "case.follow", { number });
    if (found.purgedAt) throw new NotFoundError();
    // People with a role, and organisations that opened their own task through its link (decision 037).
    const shown = Prisma.sql`"caseId" = ${found.id} AND "outcome" = 'SUCCESS'
      AND (("actorId" IS NOT NULL AND ("actorRole"::text = ANY(${[...staffRoles]}::text[])
          OR ("actorRole"::text = ANY(${[...familySideRoles]}::text[]) AND "action" = ANY(${[...readActions]}::text[]))))
        OR ("actorId" IS NULL AND "actorRole" IS NULL AND "action" = 'case.openAssignmentLink'))
      AND "occurredAt" < ${beforeDay ? dayStart(Prisma.sql`${beforeDay}::date`) : Prisma.sql`'infinity'::timestamp`}`;
    // Where the page's window starts: the Dutch day of the ACCESS_LOG_WINDOW-th event before the cursor,
    // found on the (caseId, occurredAt) index read backwards; no start when fewer events are left.
    // Reads are counted per person, role, gemeente, day and action; every change stays its own row.
    const rows = await tx.$queryRaw<(GroupedRow & { older: boolean })[]>`
      WITH "window" AS MATERIALIZED (
        SELECT ${dayStart(localDay)} AS "from" FROM "AuditEvent" WHERE ${shown}
        ORDER BY "occurredAt" DESC OFFSET ${ACCESS_LOG_WINDOW} LIMIT 1
      )
      SELECT max("seq")::int AS seq, max("occurredAt") AS at, count(*)::int AS count, "actorId", "actorRole"::text AS role,
        "gemeenteId", "action", (array_agg("actorName" ORDER BY "seq" DESC))[1] AS "actorName", "actorOrganisation",
        (array_agg("changes" ORDER BY "seq" DESC))[1] AS changes,
        EXISTS (SELECT 1 FROM "AuditEvent" WHERE ${shown} AND "occurredAt" < (SELECT "from" FROM "window")) AS older
      FROM "AuditEvent"
      WHERE ${shown} AND "occurredAt" >= COALESCE((SELECT "from" FROM "window"), '-infinity'::timestamp)
      GROUP BY ${localDay}, "actorId", "actorRole", "actorOrganisation", "gemeenteId", "action",
        CASE WHEN "action" = ANY(${[...readActions]}::text[]) THEN NULL ELSE "seq" END`;
    const parties = await tx.caseParty.findMany({
      where: { caseId: found.id, gemeenteId: found.gemeenteId, userId: { not: null } },
      select: { userId: true, role: true },
    });
    // The window holds at least one event whenever any is left, so no rows means nothing older either.
    return { found, rows, older: rows[0]?.older ?? false, parties };
  });

  const occurrences = rows.flatMap((row): (GroupedRow & { role: AccessRole; kind: AccessKind; step: AccessStep | null })[] => {
    // A link holder is known by its organisation only.
    if (row.role === null && row.action === "case.openAssignmentLink" && row.actorOrganisation) {
      return [{ ...row, actorId: `link:${row.actorOrganisation}`, role: LINK_HOLDER, kind: accessKindOf(row.action), step: null }];
    }
    if (!isRole(row.role)) return [];
    const kind = accessKindOf(row.action);
    return [{ ...row, role: row.role, kind, step: kind === "change" ? accessStepOf(row.action, row.changes) : null }];
  });
  const { lines, nextBefore } = pageOfDays(groupAccesses(occurrences), pageSize, !older);

  const gemeenteIds = [...new Set([found.gemeenteId, ...lines.flatMap((e) => (e.gemeenteId ? [e.gemeenteId] : []))])];
  const [gemeenten, region] = await Promise.all([
    prisma.gemeente.findMany({
      where: { id: { in: gemeenteIds } },
      select: { id: true, name: true, commonName: true, familySeesStaffNames: true, region: { select: { name: true } } },
    }),
    found.regionId ? prisma.region.findUnique({ where: { id: found.regionId }, select: { name: true } }) : null,
  ]);
  const byId = new Map(gemeenten.map((g) => [g.id, g]));
  const own = byId.get(found.gemeenteId);
  // Experts see a case only once it was referred to the case's region: that region's team it was.
  const expertTeam = region?.name ?? own?.region?.name ?? null;
  const partyRoleOf = new Map(parties.map((p) => [p.userId, p.role]));

  const entries = lines.map((line): AccessEntry => {
    if (line.role === LINK_HOLDER) {
      return { seq: line.seq, at: line.at, day: line.day, count: line.count, role: LINK_HOLDER, organisation: line.actorOrganisation, name: null, partyRole: null, you: false, kind: line.kind, step: null };
    }
    const role = line.role;
    const familySide = (familySideRoles as readonly Role[]).includes(role);
    const gemeente = line.gemeenteId ? byId.get(line.gemeenteId) : own;
    const organisation =
      familySide || line.role === "OMBUDSMAN" || line.role === "PLATFORM_ADMIN"
        ? null
        : line.role === "EXPERT"
          ? expertTeam
          : gemeente
            ? (gemeente.commonName ?? gemeente.name)
            : null;
    return {
      seq: line.seq,
      at: line.at,
      day: line.day,
      count: line.count,
      role: line.role,
      organisation,
      name: familySide || gemeente?.familySeesStaffNames ? line.actorName : null,
      partyRole: familySide ? (partyRoleOf.get(line.actorId) ?? null) : null,
      you: line.actorId === actor.userId,
      kind: line.kind,
      step: line.step,
    };
  });
  return {
    entries,
    nextBefore,
    namesShown: own?.familySeesStaffNames ?? false,
    gemeente: own ? (own.commonName ?? own.name) : "",
  };
}
