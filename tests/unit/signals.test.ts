import { describe, expect, it } from "vitest";
import { effectiveSignalThreshold, firstWatchedDay, mayMark, nextSignalCount, signalsOf, watchedQuarters, type SignalCount } from "@/lib/domain/signals";

const count = (over: Partial<SignalCount>): SignalCount => ({ regionId: "r1", quarter: "2026-K4", dimension: "CAUSE", key: "WAITING_LIST", cases: 5, ...over });

describe("structural signals", () => {
  it("are the counts at or above the threshold, of keys the portal knows, never 'other'", () => {
    const found = signalsOf(
      [
        count({ cases: 4 }),
        count({ key: "NO_MANDATE", cases: 7 }),
        count({ key: "FUNDING", cases: 5 }),
        count({ key: "OTHER", cases: 30 }),
        count({ dimension: "ORGANISATION_KIND", key: "OTHER", cases: 30 }),
        count({ key: "NOT_A_CAUSE", cases: 30 }),
        // A kind of organisation is no cause, and the other way round.
        count({ key: "GGZ", cases: 30 }),
        count({ dimension: "ORGANISATION_KIND", key: "GGZ", cases: 6 }),
        count({ quarter: "2026-Q4", key: "FUNDING", cases: 9 }),
      ],
      5,
    );
    expect(found.map((s) => `${s.dimension}:${s.key}:${s.cases}`)).toEqual(["CAUSE:NO_MANDATE:7", "ORGANISATION_KIND:GGZ:6", "CAUSE:FUNDING:5"]);
  });

  it("never fall below the figures' threshold, whatever the setting", () => {
    expect(effectiveSignalThreshold(null)).toBe(5);
    expect(effectiveSignalThreshold(3, 5)).toBe(5);
    expect(effectiveSignalThreshold(12, 5)).toBe(12);
    expect(effectiveSignalThreshold(2, 3)).toBe(5);
    expect(effectiveSignalThreshold(101, 3)).toBe(5);
  });

  it("keep their count when a new count falls under the threshold", () => {
    expect(nextSignalCount(5, 4, 5)).toBe(5);
    expect(nextSignalCount(5, 0, 5)).toBe(5);
    expect(nextSignalCount(5, 8, 5)).toBe(8);
    expect(nextSignalCount(8, 6, 5)).toBe(6);
  });

  it("are counted over this quarter and the three before it", () => {
    expect(watchedQuarters("2026-12-04")).toEqual(["2026-K1", "2026-K2", "2026-K3", "2026-K4"]);
    expect(watchedQuarters("2026-02-28")).toEqual(["2025-K2", "2025-K3", "2025-K4", "2026-K1"]);
    expect(firstWatchedDay("2026-02-28")).toBe("2025-04-01");
  });

  it("stay with the national table once passed on", () => {
    expect(mayMark("OPEN", "RAISED_REGIONAL")).toBe(true);
    expect(mayMark("RAISED_REGIONAL", "PASSED_NATIONAL")).toBe(true);
    expect(mayMark("RAISED_REGIONAL", "RAISED_REGIONAL")).toBe(true);
    expect(mayMark("PASSED_NATIONAL", "RAISED_REGIONAL")).toBe(false);
    expect(mayMark("PASSED_NATIONAL", "PASSED_NATIONAL")).toBe(true);
  });
});

describe("who manages a region's signals", () => {
  const region = "r1";
  const gemeenten = new Set(["g1", "g2"]);
  it("is the region's coordinator and the admins of its gemeenten, nobody else", async () => {
    const { managesSignalsOf } = await import("@/lib/domain/signals");
    const one = (role: string, scope: { gemeenteId?: string; regionId?: string }) =>
      managesSignalsOf([{ role, gemeenteId: scope.gemeenteId ?? null, regionId: scope.regionId ?? null } as never], region, gemeenten);
    expect(one("REGION_COORDINATOR", { regionId: "r1" })).toBe(true);
    expect(one("REGION_COORDINATOR", { regionId: "r2" })).toBe(false);
    expect(one("GEMEENTE_ADMIN", { gemeenteId: "g2" })).toBe(true);
    expect(one("GEMEENTE_ADMIN", { gemeenteId: "g9" })).toBe(false);
    expect(one("AANSPREEKPUNT", { gemeenteId: "g1" })).toBe(false);
    expect(one("EXPERT", { regionId: "r1" })).toBe(false);
  });
});
