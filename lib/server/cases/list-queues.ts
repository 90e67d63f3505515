import "server-only";
import { displayName } from "@/lib/domain/gemeente-name";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { caseScope } from "@/lib/db/scope";
import type { Permission } from "@/lib/domain/permissions";
import {
  decodeQueueCursor,
  defaultQueueFilter,
  encodeQueueCursor,
  queueTabs,
  type QueueCursor,
  type QueueFilter,
  type QueueSort,
  type QueueTab,
} from "@/lib/domain/queue-filters";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The staff queues, one page at a time. Paging is by keyset (the sort key and
 * the id of the last row seen), never OFFSET, so page 20 costs what page 1
 * costs. Every query starts from `caseScope`: a search or a cursor can only
 * narrow the actor's own cases, never widen them.
 */

export const QUEUE_PAGE_SIZE = 25;

export type QueueRow = {
  id: string;
  number: string;
  childName: string;
  status: string;
  urgency: string;
  domains: string[];
  thuiszitter: boolean;
  gemeenteName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  deadlineAt: Date | null;
  overdue: boolean;
  escalationLevel: number;
  createdAt: Date;
  /** The latest question to the expert team (region queue only) */
  question?: string | null;
};

export type QueuePage = {
  rows: QueueRow[];
  /** Cursor of the page after this one, or null on the last page */
  nextCursor: string | null;
  /** Cursor of the page before this one, or null on the first page */
  previousCursor: string | null;
};

export type QueueCounts = Record<QueueTab, number>;

type Options = { now?: Date; pageSize?: number };

/**
 * Open cases: those without a closing date. A constraint makes this the same as
 * a status other than CLOSED; the queues' partial indexes are built on it,
 * because under row-level security a test on the status cannot pick an index
 * (decision 018).
 */
const open: Prisma.CaseWhereInput = { closedAt: null };

const rowSelect = {
  id: true,
  number: true,
  childName: true,
  status: true,
  urgency: true,
  domains: true,
  schoolSituation: true,
  assigneeId: true,
  deadlineAt: true,
  escalationLevel: true,
  createdAt: true,
  gemeente: { select: { name: true, commonName: true } },
} satisfies Prisma.CaseSelect;

/** What a tab shows, beyond the filters. Every tab shows open cases only. */
function tabWhere(tab: QueueTab, actor: Actor, now: Date): Prisma.CaseWhereInput {
  switch (tab) {
    case "all":
      return open;
    case "new":
      return { AND: [open, { status: "SUBMITTED" }] };
    case "mine":
      return { AND: [open, { assigneeId: actor.userId }] };
    case "unassigned":
      return { AND: [open, { assigneeId: null }] };
    case "waiting":
      return { AND: [open, { status: "INFO_REQUESTED" }] };
    case "expert":
      return { AND: [open, { status: "WITH_EXPERT_TEAM" }] };
    case "overdue":
      return { AND: [open, { deadlineAt: { lt: now } }] };
  }
}

/** Prisma passes `contains` into LIKE as it is: a typed % or _ must match itself, not anything. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filters a person set, apart from the tab. Filters combine with AND; values within one filter with OR. */
function filterWhere(filter: QueueFilter): Prisma.CaseWhereInput[] {
  const where: Prisma.CaseWhereInput[] = [];
  if (filter.status) where.push({ status: filter.status });
  if (filter.urgency.length > 0) where.push({ urgency: { in: filter.urgency } });
  if (filter.domain.length > 0) where.push({ domains: { hasSome: filter.domain } });
  if (filter.thuiszitter) where.push({ schoolSituation: "NONE" });
  if (filter.q) {
    // ILIKE within the actor's scope: a gemeente has at most thousands of cases, see docs/benchmarks.md.
    const part = escapeLike(filter.q);
    where.push({ OR: [{ number: { contains: part, mode: "insensitive" } }, { childName: { contains: part, mode: "insensitive" } }] });
  }
  return where;
}

// ───────────────────────── keyset ─────────────────────────

type SortKey = { key: Date | null; id: string };

function sortKeyOf(row: { id: string; deadlineAt: Date | null; createdAt: Date }, sort: QueueSort): SortKey {
  return { key: sort === "deadline" ? row.deadlineAt : row.createdAt, id: row.id };
}

/** Deadline ascending with no deadline last, or newest first; the id breaks ties so that the order is total. */
function orderBy(sort: QueueSort, reversed: boolean): Prisma.CaseOrderByWithRelationInput[] {
  if (sort === "deadline") {
    return reversed
      ? [{ deadlineAt: { sort: "desc", nulls: "first" } }, { id: "desc" }]
      : [{ deadlineAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
  }
  return reversed ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }];
}

/** Rows strictly after (or before) a position in the list's order. */
function beyond(sort: QueueSort, { key, id }: SortKey, direction: "next" | "previous"): Prisma.CaseWhereInput {
  const after = direction === "next";
  if (sort === "deadline") {
    if (key === null) {
      // Rows without a deadline come last, ordered by id.
      return after
        ? { deadlineAt: null, id: { gt: id } }
        : { OR: [{ deadlineAt: { not: null } }, { deadlineAt: null, id: { lt: id } }] };
    }
    return after
      ? { OR: [{ deadlineAt: { gt: key } }, { deadlineAt: key, id: { gt: id } }, { deadlineAt: null }] }
      : { OR: [{ deadlineAt: { lt: key } }, { deadlineAt: key, id: { lt: id } }] };
  }
  if (key === null) return { id: { in: [] } };
  return after
    ? { OR: [{ createdAt: { lt: key } }, { createdAt: key, id: { lt: id } }] }
    : { OR: [{ createdAt: { gt: key } }, { createdAt: key, id: { gt: id } }] };
}

function cursorFor(sort: QueueSort, direction: "next" | "previous", row: QueueRowSource): string {
  const { key, id } = sortKeyOf(row, sort);
  return encodeQueueCursor({ sort, direction, key, id });
}

type QueueRowSource = Prisma.CaseGetPayload<{ select: typeof rowSelect }>;

async function fetchPage(
  tx: Tx,
  actor: Actor,
  where: Prisma.CaseWhereInput,
  sort: QueueSort,
  cursor: QueueCursor | null,
  pageSize: number,
): Promise<{ rows: QueueRowSource[]; nextCursor: string | null; previousCursor: string | null }> {
  const backwards = cursor?.direction === "previous";
  const found = await tx.case.findMany({
    where: cursor ? { AND: [where, beyond(sort, cursor, cursor.direction)] } : where,
    orderBy: orderBy(sort, backwards),
    select: rowSelect,
    // One extra row tells whether there is more beyond this page.
    take: pageSize + 1,
  });
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);

  if (!cursor) {
    const last = rows.at(-1);
    return { rows, nextCursor: more && last ? cursorFor(sort, "next", last) : null, previousCursor: null };
  }
  if (backwards) {
    // Nothing before this page: it is the first page, so show the first page as it is now.
    if (!more) return fetchPage(tx, actor, where, sort, null, pageSize);
    rows.reverse();
    return {
      rows,
      nextCursor: cursorFor(sort, "next", rows.at(-1)!),
      previousCursor: cursorFor(sort, "previous", rows[0]!),
    };
  }
  // A cursor past the end (cases moved on since the link was made): start again at the top.
  if (rows.length === 0) return fetchPage(tx, actor, where, sort, null, pageSize);
  return {
    rows,
    nextCursor: more ? cursorFor(sort, "next", rows.at(-1)!) : null,
    previousCursor: cursorFor(sort, "previous", rows[0]!),
  };
}

async function assigneeNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function toRows(tx: Tx, found: QueueRowSource[], now: Date): Promise<QueueRow[]> {
  const names = await assigneeNames(tx, found.map((c) => c.assigneeId));
  return found.map((c) => ({
    id: c.id,
    number: c.number,
    childName: c.childName,
    status: c.status,
    urgency: c.urgency,
    domains: c.domains,
    thuiszitter: c.schoolSituation === "NONE",
    gemeenteName: displayName(c.gemeente),
    assigneeId: c.assigneeId,
    assigneeName: c.assigneeId ? (names.get(c.assigneeId) ?? null) : null,
    deadlineAt: c.deadlineAt,
    overdue: c.status !== "CLOSED" && c.deadlineAt !== null && c.deadlineAt < now,
    escalationLevel: c.escalationLevel,
    createdAt: c.createdAt,
  }));
}

function scoped(actor: Actor, permission: Permission, ...where: Prisma.CaseWhereInput[]): Prisma.CaseWhereInput {
  // The scope comes first and is never replaced: filters only narrow it.
  return { AND: [caseScope(actor, permission), ...where] };
}

// ───────────────────────── gemeente queue ─────────────────────────

/** One page of the gemeente queue: the actor's own gemeente(n) only, the tab and filters applied. */
export function listGemeenteQueue(actor: Actor, filter: QueueFilter = defaultQueueFilter, options: Options = {}): Promise<QueuePage> {
  return asActor(actor, (tx) => gemeenteQueuePage(tx, actor, filter, options));
}

/**
 * How many cases each tab holds with the current filters (so a count is what
 * the tab shows when clicked).
 */
export function countGemeenteQueue(actor: Actor, filter: QueueFilter = defaultQueueFilter, options: Pick<Options, "now"> = {}): Promise<QueueCounts> {
  return asActor(actor, (tx) => gemeenteQueueCounts(tx, actor, filter, options));
}

/**
 * What the queue page shows, the page of cases and the tabs' counts, read in one
 * transaction: one scope to set and one snapshot for both (decision 018).
 */
export function gemeenteQueueView(
  actor: Actor,
  filter: QueueFilter = defaultQueueFilter,
  options: Options = {},
): Promise<{ page: QueuePage; counts: QueueCounts }> {
  return asActor(actor, async (tx) => ({
    page: await gemeenteQueuePage(tx, actor, filter, options),
    counts: await gemeenteQueueCounts(tx, actor, filter, options),
  }));
}

async function gemeenteQueuePage(
  tx: Tx,
  actor: Actor,
  filter: QueueFilter,
  { now = new Date(), pageSize = QUEUE_PAGE_SIZE }: Options,
): Promise<QueuePage> {
  const where = scoped(actor, "queue.gemeente", tabWhere(filter.tab, actor, now), ...filterWhere(filter));
  const page = await fetchPage(tx, actor, where, filter.sort, decodeQueueCursor(filter.cursor, filter.sort), pageSize);
  return { ...page, rows: await toRows(tx, page.rows, now) };
}

/**
 * Two queries: one grouped by step and assignee, which answers every tab but
 * "overdue", and one count for "overdue".
 */
async function gemeenteQueueCounts(tx: Tx, actor: Actor, filter: QueueFilter, { now = new Date() }: Pick<Options, "now">): Promise<QueueCounts> {
  const filters = filterWhere(filter);
  const groups = await tx.case.groupBy({
    by: ["status", "assigneeId"],
    where: scoped(actor, "queue.gemeente", open, ...filters),
    _count: { _all: true },
  });
  const overdue = await tx.case.count({ where: scoped(actor, "queue.gemeente", tabWhere("overdue", actor, now), ...filters) });
  const counts = Object.fromEntries(queueTabs.map((tab) => [tab, 0])) as QueueCounts;
  counts.overdue = overdue;
  for (const g of groups) {
    const n = g._count._all;
    counts.all += n;
    if (g.status === "SUBMITTED") counts.new += n;
    if (g.status === "INFO_REQUESTED") counts.waiting += n;
    if (g.status === "WITH_EXPERT_TEAM") counts.expert += n;
    if (g.assigneeId === null) counts.unassigned += n;
    if (g.assigneeId === actor.userId) counts.mine += n;
  }
  return counts;
}

// ───────────────────────── region queue ─────────────────────────

/** One page of the open cases referred to the actor's region's expert team, soonest deadline first. */
export function listRegionQueue(
  actor: Actor,
  { cursor = null }: { cursor?: string | null } = {},
  { now = new Date(), pageSize = QUEUE_PAGE_SIZE }: Options = {},
): Promise<QueuePage> {
  return asActor(actor, async (tx) => {
    const page = await fetchPage(tx, actor, scoped(actor, "queue.region", open), "deadline", decodeQueueCursor(cursor, "deadline"), pageSize);
    const rows = await toRows(tx, page.rows, now);
    // Only the cases of this page, which the scoped query above found in this transaction.
    const referrals = await tx.referral.findMany({
      where: { caseId: { in: page.rows.map((c) => c.id) } },
      orderBy: { createdAt: "desc" },
      select: { caseId: true, question: true },
    });
    // The latest question per case: the list is newest first, so the first one seen wins.
    const questions = new Map<string, string>();
    for (const r of referrals) if (!questions.has(r.caseId)) questions.set(r.caseId, r.question);
    return { ...page, rows: rows.map((r) => ({ ...r, question: questions.get(r.id) ?? null })) };
  });
}
