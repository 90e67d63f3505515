import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { auditActions, chainFor, type AuditAction, type Changes } from "@/lib/domain/audit";
import type { IsoDay } from "@/lib/domain/deadlines";
import { isRole, type Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import {
  cleanText,
  escapeLike,
  filterChanges,
  firstValue,
  periodErrors,
  periodWhere,
  viewSearchParams,
  type RawSearchParams,
} from "@/lib/server/audit/filters";
import { actingRole } from "./transition";

/**
 * The ombudsman reads the audit trail of one case, filtered by who, what and
 * when, oldest first, one page at a time (keyset on seq, never OFFSET). Every
 * opening is recorded in that same trail, with its filters, before the events
 * are read: the reader sees their own reading.
 */

export const TRAIL_PAGE_SIZE = 50;

/** Events without a person behind them (the deadline job, for example). */
export const SYSTEM_ACTOR = "SYSTEM";

export type TrailFilter = {
  /** Part of the name of the person who acted; "" means anyone */
  who: string;
  /** The role they acted in, or SYSTEM for events without a person */
  role: Role | typeof SYSTEM_ACTOR | null;
  action: AuditAction | null;
  /** Events on or after this day (Amsterdam) */
  from: IsoDay | null;
  /** Events on or before this day (Amsterdam) */
  to: IsoDay | null;
  /** The page of events after this seq */
  after: number | null;
  /** The page of events before this seq */
  before: number | null;
};

export const emptyTrailFilter: TrailFilter = { who: "", role: null, action: null, from: null, to: null, after: null, before: null };

export const trailFilterFields = ["who", "role", "action", "from", "to"] as const;

export type TrailFilterParse =
  | { ok: true; filter: TrailFilter }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

/** Reads the trail's filters from the page's URL; a malformed page position is dropped. */
export function parseTrailFilter(params: RawSearchParams): TrailFilterParse {
  const values = Object.fromEntries(trailFilterFields.map((f) => [f, firstValue(params, f)])) as Record<(typeof trailFilterFields)[number], string>;
  const fieldErrors: Record<string, string> = {};
  const roleText = values.role.trim();
  const role = roleText === SYSTEM_ACTOR || isRole(roleText) ? roleText : null;
  if (roleText && !role) fieldErrors.role = "unknownRole";
  const actionText = values.action.trim();
  const action = (auditActions as readonly string[]).includes(actionText) ? (actionText as AuditAction) : null;
  if (actionText && !action) fieldErrors.action = "unknownAction";
  const period = periodErrors({ from: values.from, to: values.to }, { from: "from", to: "to" });
  Object.assign(fieldErrors, period.errors);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, values };
  const position = (key: string) => {
    const v = firstValue(params, key);
    return /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null;
  };
  const after = position("after");
  return {
    ok: true,
    filter: { who: cleanText(values.who), role, action, from: period.from, to: period.to, after, before: after ? null : position("before") },
  };
}

/** The query string of a trail view, in a fixed order. */
export function trailSearchParams(filter: TrailFilter): URLSearchParams {
  return viewSearchParams([
    ["who", filter.who],
    ["role", filter.role],
    ["action", filter.action],
    ["from", filter.from],
    ["to", filter.to],
    ["after", filter.after],
    ["before", filter.before],
  ]);
}

export function isTrailFiltered(filter: TrailFilter): boolean {
  return trailFilterFields.some((f) => filter[f] !== emptyTrailFilter[f]);
}

function filterWhere(chain: string, filter: TrailFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput[] = [{ chain }];
  if (filter.who) where.push({ actorName: { contains: escapeLike(filter.who), mode: "insensitive" } });
  if (filter.role === SYSTEM_ACTOR) where.push({ actorId: null });
  else if (filter.role) where.push({ actorRole: filter.role });
  if (filter.action) where.push({ action: filter.action });
  const when = periodWhere(filter.from, filter.to);
  if (when) where.push({ occurredAt: when });
  return { AND: where };
}

export type AuditTrailPage = {
  case: { id: string; number: string };
  filter: TrailFilter;
  events: AuditEvent[];
  /** Events that match the filters, over all pages */
  total: number;
  /** The chain's last event, which is this reading */
  head: { seq: number; hash: string };
  /** The seq to page on from, or null on the last page */
  nextAfter: number | null;
  /** The seq to page back from, or null on the first page */
  previousBefore: number | null;
  /** The people whose ids the page's changes name (a case's handler), so that the trail shows who they are */
  people: Record<string, { name: string; role: Role | null }>;
};

/** Fields of an event's changes whose values are a person's user id. */
export const PERSON_FIELDS = ["assigneeId", "userId"] as const;

/**
 * Who the ids in a page's changes are: their name, and their role in the case's
 * gemeente (or any role they hold). Ids stay in the trail as written, so that its
 * hashes still verify; only the reading puts names to them.
 */
async function peopleNamed(tx: Tx, events: AuditEvent[], gemeenteId: string): Promise<AuditTrailPage["people"]> {
  const ids = new Set<string>();
  for (const event of events) {
    const changes = event.changes as Record<string, { old?: unknown; new?: unknown }> | null;
    if (!changes || typeof changes !== "object") continue;
    for (const field of PERSON_FIELDS) {
      for (const value of [changes[field]?.old, changes[field]?.new]) if (typeof value === "string") ids.add(value);
    }
  }
  if (ids.size === 0) return {};
  const users = await tx.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true, memberships: { select: { role: true, gemeenteId: true }, orderBy: { createdAt: "asc" } } },
  });
  return Object.fromEntries(
    users.map((u) => {
      const membership = u.memberships.find((m) => m.gemeenteId === gemeenteId) ?? u.memberships[0];
      return [u.id, { name: u.name, role: membership && isRole(membership.role) ? membership.role : null }];
    }),
  );
}

export async function readAuditTrail(
  actor: Actor,
  number: string,
  filter: TrailFilter = emptyTrailFilter,
  { pageSize = TRAIL_PAGE_SIZE } = {},
): Promise<AuditTrailPage> {
  // The reading is recorded in a transaction of its own, which holds the chain's head
  // only while the event is written; the events are read after it has committed, so
  // other readings of this case need not wait for this one's pages (decision 018).
  const found = await asActor(actor, async (tx) => {
    const { case: found, heldRoles } = await findScopedCase(tx, actor, "audit.read", { number });
    await writeAudit(tx, actor, {
      action: "audit.read",
      role: actingRole(heldRoles, "audit.read"),
      case: { id: found.id, number: found.number, gemeenteId: found.gemeenteId },
      changes: readingChanges(filter),
    });
    return found;
  });
  return asActor(actor, async (tx) => {
    const chain = chainFor(found.id);
    const head = await tx.auditChainHead.findUniqueOrThrow({ where: { chain }, select: { seq: true, hash: true } });
    const where = filterWhere(chain, filter);
    const page = await fetchPage(tx, where, filter, pageSize);
    // A chain's events are numbered 1, 2, 3 … without gaps: unfiltered, the head counts them.
    const total = isTrailFiltered(filter) ? await tx.auditEvent.count({ where }) : head.seq;
    const people = await peopleNamed(tx, page.events, found.gemeenteId);
    return { case: { id: found.id, number: found.number }, filter, head, total, ...page, people };
  });
}

/** The filters of a reading, as recorded in the trail; the name typed is free text and is recorded as `query`. */
function readingChanges(filter: TrailFilter): Changes | null {
  return filterChanges([
    ["query", filter.who],
    ["role", filter.role],
    ["auditAction", filter.action],
    ["from", filter.from],
    ["to", filter.to],
    ["pageAfter", filter.after],
    ["pageBefore", filter.before],
  ]);
}

async function fetchPage(
  tx: Tx,
  where: Prisma.AuditEventWhereInput,
  filter: TrailFilter,
  pageSize: number,
): Promise<{ events: AuditEvent[]; nextAfter: number | null; previousBefore: number | null }> {
  const backwards = filter.before !== null;
  const position = filter.after ?? filter.before;
  const found = await tx.auditEvent.findMany({
    where: position ? { AND: [where, { seq: backwards ? { lt: position } : { gt: position } }] } : where,
    orderBy: { seq: backwards ? "desc" : "asc" },
    // One extra event tells whether there is more beyond this page.
    take: pageSize + 1,
  });
  const more = found.length > pageSize;
  const events = found.slice(0, pageSize);
  if (backwards) {
    // Nothing before this page: it is the first page, so show the first page in full.
    if (!more) return fetchPage(tx, where, { ...filter, before: null }, pageSize);
    events.reverse();
    const later = await tx.auditEvent.findFirst({ where: { AND: [where, { seq: { gte: position! } }] }, select: { seq: true } });
    return { events, nextAfter: later ? events.at(-1)!.seq : null, previousBefore: events[0]!.seq };
  }
  const earlier = position && events.length > 0
    ? await tx.auditEvent.findFirst({ where: { AND: [where, { seq: { lte: position } }] }, select: { seq: true } })
    : null;
  return {
    events,
    nextAfter: more ? events.at(-1)!.seq : null,
    previousBefore: earlier ? events[0]!.seq : null,
  };
}
