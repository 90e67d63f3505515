import { describe, expect, it } from "vitest";
import {
  canonicalQueueHref,
  decodeQueueCursor,
  defaultQueueFilter,
  encodeQueueCursor,
  hasActiveFilters,
  parseQueueFilter,
  queueHref,
  type QueueFilter,
} from "@/lib/domain/queue-filters";

describe("parsing the queue's URL", () => {
  it("gives the default view for no parameters", () => {
    expect(parseQueueFilter({})).toEqual(defaultQueueFilter);
    expect(defaultQueueFilter.tab).toBe("all");
    expect(defaultQueueFilter.sort).toBe("deadline");
  });

  it("reads every field", () => {
    const filter = parseQueueFilter({
      tab: "overdue",
      status: "TRIAGE",
      urgency: ["HIGH", "CRISIS"],
      domain: "ONDERWIJS",
      thuiszitter: "1",
      q: "DB-2026-000123",
      sort: "newest",
      cursor: "abc_DEF-123",
    });
    expect(filter).toEqual<QueueFilter>({
      tab: "overdue",
      status: "TRIAGE",
      urgency: ["HIGH", "CRISIS"],
      domain: ["ONDERWIJS"],
      thuiszitter: true,
      q: "DB-2026-000123",
      sort: "newest",
      cursor: "abc_DEF-123",
    });
  });

  it.each([
    ["an unknown tab", { tab: "deleted" }, { tab: "all" }],
    ["an unknown sort", { sort: "DROP TABLE" }, { sort: "deadline" }],
    ["a closed status (the queue only shows open cases)", { status: "CLOSED" }, { status: null }],
    ["a lower-case status", { status: "triage" }, { status: null }],
    ["a cursor with characters we never make", { cursor: "a b/c" }, { cursor: null }],
    ["a very long cursor", { cursor: "a".repeat(301) }, { cursor: null }],
    ["a thuiszitter flag that is not a yes", { thuiszitter: "nee" }, { thuiszitter: false }],
  ])("drops %s", (_name, params, expected) => {
    expect(parseQueueFilter(params)).toEqual({ ...defaultQueueFilter, ...expected });
  });

  it("keeps only known urgencies and domains, each once, in a fixed order", () => {
    const filter = parseQueueFilter({ urgency: ["CRISIS", "nonsense", "NORMAL", "CRISIS"], domain: ["WLZ", "JEUGDHULP", ""] });
    expect(filter.urgency).toEqual(["NORMAL", "CRISIS"]);
    expect(filter.domain).toEqual(["JEUGDHULP", "WLZ"]);
  });

  it("takes the first known value of a repeated single field", () => {
    expect(parseQueueFilter({ tab: ["nonsense", "mine", "new"] }).tab).toBe("mine");
  });

  it("tidies the search text", () => {
    expect(parseQueueFilter({ q: "  Noah \t de\n Vries  " }).q).toBe("Noah de Vries");
    expect(parseQueueFilter({ q: "x".repeat(500) }).q).toHaveLength(100);
    expect(parseQueueFilter({ q: "\u0000\u0007" }).q).toBe("");
  });

  it("reads a URLSearchParams as well", () => {
    const filter = parseQueueFilter(new URLSearchParams("tab=mine&urgency=HIGH&urgency=CRISIS&thuiszitter=on"));
    expect(filter).toMatchObject({ tab: "mine", urgency: ["HIGH", "CRISIS"], thuiszitter: true });
  });
});

describe("building the queue's URL", () => {
  it("leaves out defaults", () => {
    expect(queueHref(defaultQueueFilter)).toBe("/werkbak");
    expect(queueHref(defaultQueueFilter, { tab: "new" })).toBe("/werkbak?tab=new");
  });

  it("round-trips every view", () => {
    const filter: QueueFilter = {
      tab: "unassigned",
      status: "IN_PROGRESS",
      urgency: ["HIGH"],
      domain: ["JEUGDHULP", "ZVW_GGZ"],
      thuiszitter: true,
      q: "de Vries & zn",
      sort: "newest",
      cursor: "eyJz",
    };
    const href = queueHref(filter, { cursor: filter.cursor });
    expect(parseQueueFilter(new URL(href, "http://x").searchParams)).toEqual(filter);
  });

  it("keeps the filters when the tab changes, and starts at the first page", () => {
    const filter = { ...defaultQueueFilter, urgency: ["CRISIS" as const], q: "noah", cursor: "abc" };
    expect(queueHref(filter, { tab: "mine" })).toBe("/werkbak?tab=mine&urgency=CRISIS&q=noah");
  });

  it("keeps the filters when paging", () => {
    const filter = { ...defaultQueueFilter, tab: "overdue" as const, thuiszitter: true };
    expect(queueHref(filter, { cursor: "next1" })).toBe("/werkbak?tab=overdue&thuiszitter=1&cursor=next1");
  });

  it("sends a submitted form to the short URL of the same view, and the short URL nowhere", () => {
    const submitted = { tab: "new", q: "", status: "", sort: "deadline", urgency: "HIGH", utm: "x" };
    const href = canonicalQueueHref(submitted, parseQueueFilter(submitted));
    expect(href).toBe("/werkbak?tab=new&urgency=HIGH");
    const again = Object.fromEntries(new URL(href!, "http://x").searchParams);
    expect(canonicalQueueHref(again, parseQueueFilter(again))).toBeNull();
    expect(canonicalQueueHref({}, defaultQueueFilter)).toBeNull();
  });

  it("knows when the person narrowed the list", () => {
    expect(hasActiveFilters(defaultQueueFilter)).toBe(false);
    expect(hasActiveFilters({ ...defaultQueueFilter, tab: "mine", sort: "newest" })).toBe(false);
    expect(hasActiveFilters({ ...defaultQueueFilter, thuiszitter: true })).toBe(true);
    expect(hasActiveFilters({ ...defaultQueueFilter, q: "noah" })).toBe(true);
  });
});

describe("paging cursors", () => {
  const deadline = new Date("2026-11-30T10:00:00.000Z");

  it("round-trip, also for a case without a deadline", () => {
    for (const cursor of [
      { sort: "deadline", direction: "next", key: deadline, id: "cm1abc" },
      { sort: "deadline", direction: "previous", key: null, id: "cm2xyz" },
      { sort: "newest", direction: "next", key: deadline, id: "cm3" },
    ] as const) {
      const encoded = encodeQueueCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(parseQueueFilter({ cursor: encoded }).cursor).toBe(encoded);
      expect(decodeQueueCursor(encoded, cursor.sort)).toEqual(cursor);
    }
  });

  it("are ignored when made for another sort order", () => {
    const encoded = encodeQueueCursor({ sort: "deadline", direction: "next", key: deadline, id: "cm1" });
    expect(decodeQueueCursor(encoded, "newest")).toBeNull();
  });

  it.each(["", "not-base64!", "bm9wZQ", btoa(JSON.stringify({ s: "deadline", d: "n", k: "yesterday", i: "x" }))])(
    "are null for junk: %s",
    (junk) => {
      expect(decodeQueueCursor(junk, "deadline")).toBeNull();
    },
  );

  it("refuse an empty key for newest first", () => {
    const encoded = encodeQueueCursor({ sort: "newest", direction: "next", key: null, id: "cm1" });
    expect(decodeQueueCursor(encoded, "newest")).toBeNull();
  });
});
