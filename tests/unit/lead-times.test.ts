import { describe, expect, it } from "vitest";
import {
  isQuarterKey,
  medianWorkingDays,
  nearestRankPercentile,
  ninetiethPercentileWorkingDays,
  quarterDays,
  quarterLabel,
  quarterOf,
  quartersBetween,
  shareWithinNorm,
} from "@/lib/domain/lead-times";

describe("percentiles by nearest rank", () => {
  it("takes the duration at rank ⌈P/100 × N⌉", () => {
    const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(nearestRankPercentile(ten, 90)).toBe(9); // rank 9
    expect(nearestRankPercentile(ten, 91)).toBe(10); // rank ⌈9.1⌉ = 10
    expect(nearestRankPercentile(ten, 50)).toBe(5); // rank 5: the lower middle
    expect(nearestRankPercentile(ten, 100)).toBe(10);
    expect(nearestRankPercentile(ten, 1)).toBe(1);
    expect(nearestRankPercentile([3, 20, 7, 15, 50], 50)).toBe(15); // rank 3
    expect(nearestRankPercentile([3, 20, 7, 15, 50], 90)).toBe(50); // rank ⌈4.5⌉ = 5
    expect(nearestRankPercentile([], 50)).toBeNull();
  });

  it("refuses percentiles outside 1..100 and negative durations", () => {
    for (const p of [0, 101, 50.5]) expect(() => nearestRankPercentile([1, 2], p)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1, -2], 50)).toThrow(RangeError);
  });

  it("gives the median and the 90th percentile only over at least the threshold of cases", () => {
    expect(medianWorkingDays([4, 8, 12, 16], 5)).toEqual({ kind: "tooFew", threshold: 5 });
    expect(medianWorkingDays([4, 8, 12, 16, 20], 5)).toEqual({ kind: "value", value: 12, cases: 5 });
    expect(medianWorkingDays([4, 8, 12, 16, 20, 24], 5)).toEqual({ kind: "value", value: 12, cases: 6 });
    expect(ninetiethPercentileWorkingDays([1, 2, 3, 4, 5, 6, 7, 8, 9, 30], 5)).toEqual({ kind: "value", value: 9, cases: 10 });
    expect(ninetiethPercentileWorkingDays([], 5)).toEqual({ kind: "tooFew", threshold: 5 });
  });
});

describe("share within a norm", () => {
  it("counts the cases at or under the norm, as a fraction", () => {
    expect(shareWithinNorm([5, 10, 10, 11, 20], 10, 5)).toEqual({ kind: "value", value: 0.6, cases: 5 });
    expect(shareWithinNorm([1, 2, 3, 4, 5], 0, 5)).toEqual({ kind: "value", value: 0, cases: 5 });
    expect(shareWithinNorm([1, 2, 3, 4], 10, 5)).toEqual({ kind: "tooFew", threshold: 5 });
    expect(shareWithinNorm([], 10, 3)).toEqual({ kind: "tooFew", threshold: 3 });
    expect(() => shareWithinNorm([1, 2, 3], -1, 3)).toThrow(RangeError);
  });
});

describe("quarters", () => {
  it("puts a day in its quarter", () => {
    expect(quarterOf("2026-01-01")).toBe("2026-K1");
    expect(quarterOf("2026-03-31")).toBe("2026-K1");
    expect(quarterOf("2026-07-15")).toBe("2026-K3");
    expect(quarterOf("2026-12-31")).toBe("2026-K4");
    expect(() => quarterOf("2026-13-01")).toThrow(RangeError);
    expect(() => quarterOf("juli 2026")).toThrow(RangeError);
  });

  it("takes a moment as its day in Amsterdam", () => {
    // 30 June 22:30 UTC is 1 July 00:30 in Amsterdam (summer time).
    expect(quarterOf(new Date("2026-06-30T22:30:00Z"))).toBe("2026-K3");
    expect(quarterOf(new Date("2026-06-30T21:30:00Z"))).toBe("2026-K2");
  });

  it("labels a quarter in Dutch and English", () => {
    expect(quarterLabel("2026-K3", "nl")).toBe("3e kwartaal 2026");
    expect(quarterLabel("2026-K3", "en")).toBe("3rd quarter 2026");
    expect(quarterLabel("2026-K1", "en")).toBe("1st quarter 2026");
    expect(quarterLabel("2026-K3", "nl", "short")).toBe("K3 2026");
    expect(quarterLabel("2026-K3", "en", "short")).toBe("Q3 2026");
  });

  it("lists the quarters between two months, both included", () => {
    expect(quartersBetween("2025-11-20", "2026-07-01")).toEqual(["2025-K4", "2026-K1", "2026-K2", "2026-K3"]);
    expect(quartersBetween("2026-K2", "2026-K2")).toEqual(["2026-K2"]);
    expect(quartersBetween("2026-07-01", "2026-03-01")).toEqual([]);
  });

  it("gives the days a quarter spans, half open", () => {
    expect(quarterDays("2026-K1")).toEqual({ first: "2026-01-01", next: "2026-04-01" });
    expect(quarterDays("2026-K4")).toEqual({ first: "2026-10-01", next: "2027-01-01" });
  });

  it("recognises its keys", () => {
    expect(isQuarterKey("2026-K3")).toBe(true);
    expect(isQuarterKey("2026-Q3")).toBe(false);
    expect(isQuarterKey("2026-K5")).toBe(false);
  });
});
