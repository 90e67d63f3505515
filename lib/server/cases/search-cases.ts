import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { prisma, type Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { caseScope } from "@/lib/db/scope";
import { caseNumberPattern, couldBeInCaseNumber } from "@/lib/domain/case-number";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-machine";
import type { IsoDay } from "@/lib/domain/deadlines";
import { may } from "@/lib/domain/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
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
import { DomainError, ForbiddenError } from "@/lib/server/errors";
import { actingRole } from "./transition";

/**
 * The ombudsman's national search: by (part of) a case number or a gemeente's
 * name, by gemeente, jeugdregio, step and filing period, newest first, one
 * page at a time. Paging is by keyset on the case number (numbers grow with
 * filing: DB-<year>-<serial>), never OFFSET. Every search is audited in the
 * global chain with its filters as codes and the number of cases found.
 */

export const SEARCH_PAGE_SIZE = 50;

/**
 * The search counts its cases up to this many: across the whole country a
 * search without filters finds 100,000 cases, and counting them all costs far
 * more than finding the page (decision 018). Above it the page says "more
 * than", and asks for filters; nobody pages through ten thousand cases.
 */
export const SEARCH_COUNT_LIMIT = 10_000;

export type CaseSearch = {
  /** Part of a case number or of a gemeente's name; "" means none */
  q: string;
  /** CBS code of the responsible gemeente */
  gemeente: string | null;
  /** Code of the jeugdregio */
  region: string | null;
  status: CaseStatus | null;
  /** Filed on or after this day (Amsterdam) */
  from: IsoDay | null;
  /** Filed on or before this day (Amsterdam) */
  to: IsoDay | null;
  /** The page of cases filed before this one (older) */
  after: string | null;
  /** The page of cases filed after this one (newer) */
  before: string | null;
};

export const emptyCaseSearch: CaseSearch = { q: "", gemeente: null, region: null, status: null, from: null, to: null, after: null, before: null };

export type CaseSearchParse =
  | { ok: true; search: CaseSearch }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

/** The search fields as the form names them. */
export const caseSearchFields = ["q", "gemeente", "region", "status", "from", "to"] as const;

/**
 * Reads a search from the page's URL. Codes are checked for their form here and
 * against the reference data by the search; a day that does not exist, or an
 * end before the start, is an error for that field. A malformed page position
 * is dropped: the list then starts at the top.
 */
export function parseCaseSearch(params: RawSearchParams): CaseSearchParse {
  const values = Object.fromEntries(caseSearchFields.map((f) => [f, firstValue(params, f)])) as Record<(typeof caseSearchFields)[number], string>;
  const fieldErrors: Record<string, string> = {};
  const code = (value: string, pattern: RegExp, field: string, error: string): string | null => {
    const v = value.trim().toUpperCase();
    if (!v) return null;
    if (!pattern.test(v)) fieldErrors[field] = error;
    return v;
  };
  const gemeente = code(values.gemeente, /^GM\d{4}$/, "gemeente", "unknownGemeente");
  const region = code(values.region, /^[A-Z0-9-]{2,40}$/, "region", "unknownRegion");
  const statusText = values.status.trim();
  const status = (caseStatuses as readonly string[]).includes(statusText) ? (statusText as CaseStatus) : null;
  if (statusText && !status) fieldErrors.status = "unknownStatus";
  const period = periodErrors({ from: values.from, to: values.to }, { from: "from", to: "to" });
  Object.assign(fieldErrors, period.errors);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, values };
  const position = (key: string) => {
    const v = firstValue(params, key);
    return caseNumberPattern.test(v) ? v : null;
  };
  const after = position("after");
  return {
    ok: true,
    search: { q: cleanText(values.q), gemeente, region, status, from: period.from, to: period.to, after, before: after ? null : position("before") },
  };
}

/** The query string of a search, in a fixed order so that equal searches have equal URLs. */
export function caseSearchParams(search: CaseSearch): URLSearchParams {
  return viewSearchParams([
    ["q", search.q],
    ["gemeente", search.gemeente],
    ["region", search.region],
    ["status", search.status],
    ["from", search.from],
    ["to", search.to],
    ["after", search.after],
    ["before", search.before],
  ]);
}

/** Whether the person narrowed the list at all. */
export function isFiltered(search: CaseSearch): boolean {
  return caseSearchFields.some((f) => search[f] !== emptyCaseSearch[f]);
}

const rowSelect = {
  id: true,
  number: true,
  status: true,
  createdAt: true,
  gemeente: { select: { cbsCode: true, name: true, commonName: true } },
  region: { select: { code: true, name: true } },
} satisfies Prisma.CaseSelect;

export type CaseSearchRow = Prisma.CaseGetPayload<{ select: typeof rowSelect }>;

export type CaseSearchResult = {
  search: CaseSearch;
  rows: CaseSearchRow[];
  /** Every case the search finds, over all pages, up to the limit */
  total: number;
  /** Whether there are more than the limit (SEARCH_COUNT_LIMIT), so that `total` is not the whole number */
  totalCapped: boolean;
  /** The number to page on from for older cases, or null on the last page */
  nextAfter: string | null;
  /** The number to page back from for newer cases, or null on the first page */
  previousBefore: string | null;
};

/**
 * The gemeenten whose name contains the typed text. Looked up first among the
 * 342 gemeenten, so that the search of the cases is by their ids and needs no
 * join with every case in the country (decision 018).
 */
async function gemeentenNamed(tx: Tx, q: string): Promise<string[]> {
  if (!q) return [];
  const part = escapeLike(q);
  const found = await tx.gemeente.findMany({
    where: { OR: [{ name: { contains: part, mode: "insensitive" } }, { commonName: { contains: part, mode: "insensitive" } }] },
    select: { id: true },
  });
  return found.map((g) => g.id);
}

/**
 * A gemeente and every gemeente that merged into it, once or more (decision 019): their
 * closed cases kept the old gemeente, and are found under the one that exists now.
 */
async function withPredecessors(tx: Tx, gemeente: { id: string; predecessors: { id: string }[] }): Promise<string[]> {
  const ids = [gemeente.id];
  let next = gemeente.predecessors.map((p) => p.id);
  while (next.length > 0 && ids.length < 1000) {
    ids.push(...next);
    next = (await tx.gemeente.findMany({ where: { successorId: { in: next } }, select: { id: true } })).map((g) => g.id);
  }
  return ids;
}

function filterWhere(search: CaseSearch, gemeenteIds: string[] | null, regionId: string | null, named: string[]): Prisma.CaseWhereInput[] {
  const where: Prisma.CaseWhereInput[] = [];
  if (search.q) {
    // Only a text that fits in a case number is looked for in the numbers: that test reads
    // every case, and a gemeente's name never matches it.
    const matches: Prisma.CaseWhereInput[] = [
      ...(couldBeInCaseNumber(search.q) ? [{ number: { contains: escapeLike(search.q).toUpperCase() } }] : []),
      ...(named.length > 0 ? [{ gemeenteId: { in: named } }] : []),
    ];
    where.push(matches.length > 0 ? { OR: matches } : { id: { in: [] } });
  }
  if (gemeenteIds) where.push({ gemeenteId: { in: gemeenteIds } });
  if (regionId) where.push({ regionId });
  if (search.status) where.push({ status: search.status });
  const filed = periodWhere(search.from, search.to);
  if (filed) where.push({ createdAt: filed });
  return where;
}

/** The gemeenten and jeugdregio's to choose from, by the names people use. */
export async function caseSearchOptions(): Promise<{ gemeenten: { code: string; name: string }[]; regions: { code: string; name: string }[] }> {
  const [gemeenten, regions] = await Promise.all([
    // A gemeente that merged into another is not offered: choosing its successor finds its cases too.
    prisma.gemeente.findMany({ where: { endedOn: null }, select: { cbsCode: true, name: true, commonName: true } }),
    prisma.region.findMany({ select: { code: true, name: true } }),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "nl");
  return {
    gemeenten: gemeenten.map((g) => ({ code: g.cbsCode, name: g.commonName ?? g.name })).sort(byName),
    regions: regions.map((r) => ({ code: r.code, name: r.name })).sort(byName),
  };
}

/**
 * Searches the cases the actor may search (the ombudsman: all of them) and
 * records the search. Unknown codes are field errors, raised before anything
 * is read or written.
 */
export async function searchCases(
  actor: Actor,
  search: CaseSearch,
  { pageSize = SEARCH_PAGE_SIZE, countLimit = SEARCH_COUNT_LIMIT } = {},
): Promise<CaseSearchResult> {
  const roles = actorRoles(actor);
  if (!may(roles, "case.search")) throw new ForbiddenError();
  return asActor(actor, async (tx) => {
    const fieldErrors: Record<string, string> = {};
    const gemeente = search.gemeente
      ? await tx.gemeente.findUnique({ where: { cbsCode: search.gemeente }, select: { id: true, predecessors: { select: { id: true } } } })
      : null;
    if (search.gemeente && !gemeente) fieldErrors.gemeente = "unknownGemeente";
    const region = search.region ? await tx.region.findUnique({ where: { code: search.region }, select: { id: true } }) : null;
    if (search.region && !region) fieldErrors.region = "unknownRegion";
    if (Object.keys(fieldErrors).length > 0) throw new DomainError("checkFields", fieldErrors);

    const named = await gemeentenNamed(tx, search.q);
    const where: Prisma.CaseWhereInput = {
      AND: [caseScope(actor, "case.search"), ...filterWhere(search, gemeente ? await withPredecessors(tx, gemeente) : null, region?.id ?? null, named)],
    };
    const page = await fetchPage(tx, where, search, pageSize);
    // Up to the limit, in the list's own order, so that the scan of the number index stops
    // there (without an order, a count with `take` sorts every match by id first). Counted
    // in the database: no row of it comes to the server.
    const counted = await tx.case.count({ where, orderBy: { number: "desc" }, take: countLimit + 1 });
    const totalCapped = counted > countLimit;
    const total = Math.min(counted, countLimit);

    // Free text stays out of the trail: `query` is redacted by writeAudit; codes and days are kept.
    const changes = filterChanges([
      ["query", search.q],
      ["gemeente", search.gemeente],
      ["region", search.region],
      ["status", search.status],
      ["filedFrom", search.from],
      ["filedTo", search.to],
      ["pageAfter", search.after],
      ["pageBefore", search.before],
      ["results", totalCapped ? `>${countLimit}` : total],
    ]);
    await writeAudit(tx, actor, { action: "case.search", role: actingRole(roles, "case.search"), changes });
    return { search, total, totalCapped, ...page };
  });
}

async function fetchPage(
  tx: Tx,
  where: Prisma.CaseWhereInput,
  search: CaseSearch,
  pageSize: number,
): Promise<{ rows: CaseSearchRow[]; nextAfter: string | null; previousBefore: string | null }> {
  const backwards = search.before !== null;
  const position = search.after ?? search.before;
  const found = await tx.case.findMany({
    where: position ? { AND: [where, { number: backwards ? { gt: position } : { lt: position } }] } : where,
    orderBy: { number: backwards ? "asc" : "desc" },
    select: rowSelect,
    // One extra row tells whether there is more beyond this page.
    take: pageSize + 1,
  });
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (backwards) {
    // Nothing newer beyond this page: it is the first page, so show the first page as it is now.
    if (!more) return fetchPage(tx, where, { ...search, before: null }, pageSize);
    rows.reverse();
    const older = await tx.case.findFirst({ where: { AND: [where, { number: { lte: position! } }] }, select: { id: true } });
    return { rows, nextAfter: older ? rows.at(-1)!.number : null, previousBefore: rows[0]!.number };
  }
  const newer = position && rows.length > 0
    ? await tx.case.findFirst({ where: { AND: [where, { number: { gte: position } }] }, select: { id: true } })
    : null;
  return {
    rows,
    nextAfter: more ? rows.at(-1)!.number : null,
    previousBefore: newer ? rows[0]!.number : null,
  };
}
