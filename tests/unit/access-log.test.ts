import { describe, expect, it } from "vitest";
import {
  accessKindOf,
  accessStepOf,
  amsterdamDay,
  groupAccesses,
  pageOfDays,
  parseDayCursor,
  type AccessOccurrence,
} from "@/lib/domain/access-log";

let nextSeq = 1;
function read(actorId: string, at: string, extra: Partial<AccessOccurrence> = {}): AccessOccurrence {
  return { seq: nextSeq++, at: new Date(at), count: 1, actorId, role: "AANSPREEKPUNT", kind: "read", step: null, ...extra };
}

describe("the day of an access", () => {
  it("is the day in the Netherlands, in winter time (UTC+1)", () => {
    expect(amsterdamDay(new Date("2026-01-15T22:59:59Z"))).toBe("2026-01-15");
    expect(amsterdamDay(new Date("2026-01-15T23:00:00Z"))).toBe("2026-01-16");
  });

  it("is the day in the Netherlands, in summer time (UTC+2)", () => {
    expect(amsterdamDay(new Date("2026-07-01T21:59:59Z"))).toBe("2026-07-01");
    expect(amsterdamDay(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });

  it("follows the clock change of the last Sunday of March", () => {
    expect(amsterdamDay(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
    expect(amsterdamDay(new Date("2026-03-29T21:59:59Z"))).toBe("2026-03-29");
    expect(amsterdamDay(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
  });
});

describe("grouping the access log", () => {
  it("makes one line per person per day, with the count and the latest time", () => {
    const lines = groupAccesses([
      read("a", "2026-02-10T08:00:00Z"),
      read("a", "2026-02-10T12:00:00Z"),
      read("a", "2026-02-10T16:30:00Z"),
      read("b", "2026-02-10T09:00:00Z"),
    ]);
    expect(lines.map((l) => [l.actorId, l.day, l.count, l.at.toISOString()])).toEqual([
      ["a", "2026-02-10", 3, "2026-02-10T16:30:00.000Z"],
      ["b", "2026-02-10", 1, "2026-02-10T09:00:00.000Z"],
    ]);
  });

  it("splits at midnight in the Netherlands, not at midnight UTC", () => {
    // One UTC day, two Dutch days: 23:30 and 00:30 in the Netherlands.
    const split = groupAccesses([read("a", "2026-02-10T22:30:00Z"), read("a", "2026-02-10T23:30:00Z")]);
    expect(split.map((l) => [l.day, l.count])).toEqual([["2026-02-11", 1], ["2026-02-10", 1]]);
    // Two UTC days, one Dutch day (summer): 00:30 and 23:30 on 2 July.
    const joined = groupAccesses([read("a", "2026-07-01T22:30:00Z"), read("a", "2026-07-02T21:30:00Z")]);
    expect(joined.map((l) => [l.day, l.count])).toEqual([["2026-07-02", 2]]);
  });

  it("keeps kinds of access, roles and the steps of changes apart", () => {
    const lines = groupAccesses([
      read("a", "2026-02-10T08:00:00Z"),
      read("a", "2026-02-10T08:01:00Z", { kind: "documentDownload" }),
      read("a", "2026-02-10T08:02:00Z", { kind: "documentDownload" }),
      read("a", "2026-02-10T08:03:00Z", { role: "DECISION_HOLDER" }),
      read("a", "2026-02-10T09:00:00Z", { kind: "change", step: { step: "note" } }),
      read("a", "2026-02-10T09:10:00Z", { kind: "change", step: { step: "note" } }),
      read("a", "2026-02-10T09:20:00Z", { kind: "change", step: { step: "claimed" } }),
    ]);
    expect(lines.map((l) => [l.role, l.kind, l.step, l.count])).toEqual([
      ["AANSPREEKPUNT", "change", { step: "claimed" }, 1],
      ["AANSPREEKPUNT", "change", { step: "note" }, 2],
      ["DECISION_HOLDER", "read", null, 1],
      ["AANSPREEKPUNT", "documentDownload", null, 2],
      ["AANSPREEKPUNT", "read", null, 1],
    ]);
  });

  it("adds up rows the database already counted, and keeps the latest one's fields", () => {
    const lines = groupAccesses([
      { ...read("a", "2026-02-10T10:00:00Z", { count: 4 }), name: "oud" },
      { ...read("a", "2026-02-10T11:00:00Z", { count: 3 }), name: "nieuw" },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ count: 7, name: "nieuw", at: new Date("2026-02-10T11:00:00Z") });
  });

  it("puts the newest first, across days and people", () => {
    const lines = groupAccesses([
      read("a", "2026-02-09T10:00:00Z"),
      read("b", "2026-02-11T10:00:00Z"),
      read("a", "2026-02-11T12:00:00Z"),
      read("c", "2026-02-10T10:00:00Z"),
    ]);
    expect(lines.map((l) => [l.actorId, l.day])).toEqual([["a", "2026-02-11"], ["b", "2026-02-11"], ["c", "2026-02-10"], ["a", "2026-02-09"]]);
  });
});

describe("a page of the access log", () => {
  const days = (...perDay: number[]) =>
    perDay.flatMap((n, i) => Array.from({ length: n }, (_, j) => ({ day: `2026-02-${String(20 - i).padStart(2, "0")}`, j })));

  it("shows whole days that fit, and gives the oldest day shown as the next cursor", () => {
    const page = pageOfDays(days(2, 2, 2), 5, true);
    expect(page.lines.map((l) => l.day)).toEqual(["2026-02-20", "2026-02-20", "2026-02-19", "2026-02-19"]);
    expect(page.nextBefore).toBe("2026-02-19");
  });

  it("always shows the first day whole, however long", () => {
    const page = pageOfDays(days(7, 1), 5, true);
    expect(page.lines).toHaveLength(7);
    expect(page.nextBefore).toBe("2026-02-20");
  });

  it("has no next page when everything fits and nothing older exists", () => {
    expect(pageOfDays(days(2, 1), 5, true)).toMatchObject({ nextBefore: null });
    expect(pageOfDays([], 5, true)).toEqual({ lines: [], nextBefore: null });
  });

  it("offers a next page when older events were not read yet", () => {
    expect(pageOfDays(days(2, 1), 5, false).nextBefore).toBe("2026-02-19");
  });
});

describe("the cursor and the words", () => {
  it("takes only real calendar days from the address", () => {
    expect(parseDayCursor("2026-02-28")).toBe("2026-02-28");
    expect(parseDayCursor("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2026-02-30", "2026-2-1", "20260201", "123", "", "2026-02-01'", undefined, 5]) {
      expect(parseDayCursor(bad)).toBeNull();
    }
  });

  it("words reads by their kind and changes by their step", () => {
    expect(accessKindOf("case.read")).toBe("read");
    expect(accessKindOf("audit.verify")).toBe("auditRead");
    expect(accessKindOf("case.claim")).toBe("change");
    expect(accessStepOf("case.claim", null)).toEqual({ step: "claimed" });
    expect(accessStepOf("case.logIntervention", { type: { old: null, new: "CASE_CONFERENCE" } })).toEqual({ interventionType: "CASE_CONFERENCE" });
    expect(accessStepOf("case.settleAssignment", { assignmentStatus: { old: "OPEN", new: "DONE" } })).toEqual({ step: "assignmentDone" });
    expect(accessStepOf("case.addDocument", null)).toBeNull();
  });
});
