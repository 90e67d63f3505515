import { z } from "@/lib/domain/zod";
import { openStatuses } from "./case-machine";
import { domains, urgencies } from "./inputs";

/**
 * The aanspreekpunt's queue as a URL: every view (tab, filters, search, sort,
 * page) is a query string, so that it can be bookmarked, shared and reloaded.
 * Parsing never fails: a value we do not know is dropped, so a mistyped or
 * outdated link shows the nearest sensible view instead of an error page.
 */

export const queueTabs = ["all", "new", "mine", "unassigned", "waiting", "expert", "overdue"] as const;
export type QueueTab = (typeof queueTabs)[number];

export const queueSorts = ["deadline", "newest"] as const;
export type QueueSort = (typeof queueSorts)[number];

export type Urgency = (typeof urgencies)[number];
export type Domain = (typeof domains)[number];
export type OpenStatus = (typeof openStatuses)[number];

export const QUERY_MAX_LENGTH = 100;
const CURSOR_MAX_LENGTH = 300;

export type QueueFilter = {
  tab: QueueTab;
  /** One open step only; older links (`?status=DECISION_PROPOSED`) keep working */
  status: OpenStatus | null;
  /** Any of these urgencies; empty means every urgency */
  urgency: Urgency[];
  /** Cases that touch any of these domains; empty means every domain */
  domain: Domain[];
  /** Only children at home without school (schoolSituation NONE) */
  thuiszitter: boolean;
  /** Part of a case number or of the child's name; "" means no search */
  q: string;
  sort: QueueSort;
  /** Opaque position in the list; null is the first page */
  cursor: string | null;
};

export const defaultQueueFilter: QueueFilter = {
  tab: "all",
  status: null,
  urgency: [],
  domain: [],
  thuiszitter: false,
  q: "",
  sort: "deadline",
  cursor: null,
};

type RawValue = string | string[] | undefined;
export type RawSearchParams = Record<string, RawValue> | URLSearchParams;

function valuesOf(params: RawSearchParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The first value that is one of `allowed`; a repeated or unknown value falls back. */
function oneOf<const T extends string>(allowed: readonly T[], fallback: T) {
  return z.array(z.string()).transform((vs): T => vs.map((v) => allowed.find((a) => a === v)).find((v) => v !== undefined) ?? fallback);
}

/** Known values only, each once, in the order of `allowed` so that equal views have equal URLs. */
function someOf<const T extends string>(allowed: readonly T[]) {
  return z.array(z.string()).transform((vs): T[] => allowed.filter((a) => vs.includes(a)));
}

// Control characters never belong in a search; whitespace runs become one space.
const controlChars = /[\u0000-\u001f\u007f]/g;

export const queueFilterSchema = z.object({
  tab: oneOf(queueTabs, defaultQueueFilter.tab),
  status: z.array(z.string()).transform((vs): OpenStatus | null => openStatuses.find((s) => s === vs[0]) ?? null),
  urgency: someOf(urgencies),
  domain: someOf(domains),
  thuiszitter: z.array(z.string()).transform((vs) => vs.some((v) => ["1", "true", "on", "ja"].includes(v.toLowerCase()))),
  q: z
    .array(z.string())
    .transform((vs) => (vs[0] ?? "").replace(controlChars, " ").replace(/\s+/g, " ").trim().slice(0, QUERY_MAX_LENGTH).trim()),
  sort: oneOf(queueSorts, defaultQueueFilter.sort),
  cursor: z
    .array(z.string())
    .transform((vs) => vs.find((v) => v.length <= CURSOR_MAX_LENGTH && /^[A-Za-z0-9_-]+$/.test(v)) ?? null),
}) satisfies z.ZodType<QueueFilter, Record<keyof QueueFilter, string[]>>;

/** From the page's search params (or a URLSearchParams) to a filter; never throws. */
export function parseQueueFilter(params: RawSearchParams): QueueFilter {
  const raw = Object.fromEntries(Object.keys(defaultQueueFilter).map((key) => [key, valuesOf(params, key)]));
  const parsed = queueFilterSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...defaultQueueFilter };
}

/** Only the parameters that differ from the default, in a fixed order. */
export function queueSearchParams(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.tab !== defaultQueueFilter.tab) params.set("tab", filter.tab);
  if (filter.status) params.set("status", filter.status);
  for (const u of urgencies.filter((u) => filter.urgency.includes(u))) params.append("urgency", u);
  for (const d of domains.filter((d) => filter.domain.includes(d))) params.append("domain", d);
  if (filter.thuiszitter) params.set("thuiszitter", "1");
  if (filter.q) params.set("q", filter.q);
  if (filter.sort !== defaultQueueFilter.sort) params.set("sort", filter.sort);
  if (filter.cursor) params.set("cursor", filter.cursor);
  return params;
}

/**
 * The URL of the queue with `change` applied. Changing anything but the
 * cursor starts again at the first page: a position in one list means nothing
 * in another.
 */
export function queueHref(filter: QueueFilter, change: Partial<QueueFilter> = {}, basePath = "/werkbak"): string {
  const next: QueueFilter = { ...filter, cursor: null, ...change };
  const query = queueSearchParams(next).toString();
  return query ? `${basePath}?${query}` : basePath;
}

/**
 * The short URL of the same view when `params` is not already in that form
 * (a submitted form sends empty and default fields; unknown ones are dropped),
 * or null when it is. Stable: the canonical URL maps to itself, so a redirect
 * to it cannot loop.
 */
export function canonicalQueueHref(params: RawSearchParams, filter: QueueFilter, basePath = "/werkbak"): string | null {
  const given = new URLSearchParams();
  if (params instanceof URLSearchParams) params.forEach((v, k) => given.append(k, v));
  else for (const [k, v] of Object.entries(params)) for (const one of v === undefined ? [] : Array.isArray(v) ? v : [v]) given.append(k, one);
  const canonical = queueSearchParams(filter).toString();
  if (given.toString() === canonical) return null;
  return canonical ? `${basePath}?${canonical}` : basePath;
}

/** Whether the person narrowed the list beyond the tab (used for the empty state and "clear filters"). */
export function hasActiveFilters(filter: QueueFilter): boolean {
  return filter.status !== null || filter.urgency.length > 0 || filter.domain.length > 0 || filter.thuiszitter || filter.q !== "";
}

// ───────────────────────── cursors ─────────────────────────

/**
 * A keyset position: the sort key of a row and its id, and whether the page
 * wanted lies after it ("next") or before it ("previous"). The key is the
 * deadline (null sorts last) for the deadline order, the filing time for
 * "newest first".
 */
export type QueueCursor = {
  sort: QueueSort;
  direction: "next" | "previous";
  key: Date | null;
  id: string;
};

const cursorPayload = z.object({
  s: z.enum(queueSorts),
  d: z.enum(["n", "p"]),
  k: z.iso.datetime().nullable(),
  i: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
}

export function encodeQueueCursor(cursor: QueueCursor): string {
  // Only ASCII goes in (ids and ISO dates), so btoa is safe.
  return toBase64Url(
    JSON.stringify({ s: cursor.sort, d: cursor.direction === "next" ? "n" : "p", k: cursor.key?.toISOString() ?? null, i: cursor.id }),
  );
}

/** Null for anything that is not a cursor we made for this sort order (then the list starts at the top). */
export function decodeQueueCursor(value: string | null, sort: QueueSort): QueueCursor | null {
  if (!value) return null;
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(value));
  } catch {
    return null;
  }
  const parsed = cursorPayload.safeParse(json);
  if (!parsed.success || parsed.data.s !== sort) return null;
  // The newest-first key is the filing time, which is never empty.
  if (sort === "newest" && parsed.data.k === null) return null;
  return {
    sort,
    direction: parsed.data.d === "n" ? "next" : "previous",
    key: parsed.data.k === null ? null : new Date(parsed.data.k),
    id: parsed.data.i,
  };
}
