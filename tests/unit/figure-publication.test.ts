import { describe, expect, it } from "vitest";
import { histogramPercentile, rawFigureSet, type YearAggregates } from "@/lib/domain/figure-aggregates";
import { computeYear, scopeKeys, type FigureReference } from "@/lib/domain/figure-publication";
import { countTable, type CountTable, type FigureSet } from "@/lib/domain/figure-set";
import type { ShownCount } from "@/lib/domain/figures";
import { nearestRankPercentile, type QuarterKey } from "@/lib/domain/lead-times";

/** A small deterministic generator, so that a failure can be reproduced. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const quarters: QuarterKey[] = ["2025-K1", "2025-K2", "2025-K3", "2025-K4"];
const now = new Date("2026-02-01T12:00:00Z");

function reference(regions: number, perRegion: number): FigureReference {
  return {
    regions: Array.from({ length: regions }, (_, r) => ({ id: `r${r}`, name: `Regio ${r}` })),
    gemeenten: Array.from({ length: regions * perRegion }, (_, g) => ({
      id: `g${g}`,
      name: `Gemeente ${String(g).padStart(3, "0")}`,
      regionId: `r${Math.floor(g / perRegion)}`,
      endedOn: null,
      activatedAt: null,
    })),
  };
}

function aggregates(ref: FigureReference, random: () => number, scale: number): YearAggregates {
  const count = () => Math.floor(random() * random() * scale);
  const perQuarter = (key: (g: string) => string) =>
    ref.gemeenten.flatMap((g) => quarters.map((quarter) => ({ gemeenteId: g.id, key: key(g.id), quarter, count: count() })));
  const closed = perQuarter((g) => g);
  // Every closed case has an outcome: split each gemeente's closed cases over two.
  const outcomes = ref.gemeenten.flatMap((g) => {
    const all = closed.filter((c) => c.gemeenteId === g.id).reduce((s, c) => s + c.count, 0);
    const local = Math.floor(all * random());
    return [
      { gemeenteId: g.id, key: "LOCAL_AGREEMENT", count: local },
      { gemeenteId: g.id, key: "DECISION", count: all - local },
    ];
  });
  return {
    filed: perQuarter((g) => g),
    closed,
    thuiszitters: perQuarter(() => "THUISZITTER"),
    openByStep: null,
    outcomes,
    causes: perQuarter(() => "WAITING_LIST"),
    organisationKinds: perQuarter(() => "SCHOOL"),
    transferred: ref.gemeenten.map((g) => ({ gemeenteId: g.id, key: "TRANSFERRED", count: count() })),
    histograms: ref.gemeenten.flatMap((g) =>
      Array.from({ length: 3 }, (_, i) => ({ gemeenteId: g.id, measure: "workingDaysToDecision" as const, value: 10 + i * 7, count: count() })),
    ),
    shares: ref.gemeenten.map((g) => ({ gemeenteId: g.id, measure: "withinNorms" as const, yes: 1, cases: 2 })),
  };
}

const counts = (set: FigureSet): ShownCount[] => {
  const table = (t: CountTable) => [...t.rows.flatMap((r) => [...r.cells, r.total]), ...t.totals.cells, t.totals.total];
  return [
    ...table(set.filed),
    ...table(set.closed),
    ...table(set.thuiszitters),
    ...table(set.causes),
    ...table(set.organisationKinds),
    ...set.outcomes.items.map((i) => i.count),
    set.outcomes.total,
    set.transferred.total,
  ];
};
const hidden = (row: { cells: ShownCount[]; total: ShownCount }) => [...row.cells, row.total].map((c) => c.kind !== "count");

describe("percentiles of a histogram", () => {
  it("agree with the nearest-rank percentile of the durations themselves", () => {
    const random = generator(7);
    for (let round = 0; round < 200; round += 1) {
      const durations = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 60));
      const histogram = new Map<number, number>();
      for (const d of durations) histogram.set(d, (histogram.get(d) ?? 0) + 1);
      expect(histogramPercentile(histogram, 0.5)).toBe(nearestRankPercentile(durations, 50));
      expect(histogramPercentile(histogram, 0.9)).toBe(nearestRankPercentile(durations, 90));
    }
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
  });
});

describe("one year's figures for every scope", () => {
  for (const seed of [1, 2, 3]) {
    const ref = reference(4, 5);
    const agg = aggregates(ref, generator(seed), 14);
    const sets = computeYear(ref, agg, 2025, 5, now);
    const country = sets.get(scopeKeys.country)!;

    it(`shows no count from 1 to 4 anywhere (seed ${seed})`, () => {
      expect(sets.size).toBe(1 + 4 + 20);
      for (const set of sets.values()) {
        for (const c of counts(set)) if (c.kind === "count") expect(c.value === 0 || c.value >= 5).toBe(true);
      }
    });

    it(`hides in a region's totals what the country's table hides of that region (seed ${seed})`, () => {
      for (const region of ref.regions) {
        const own = sets.get(scopeKeys.region(region.id))!;
        for (const key of ["filed", "closed"] as const) {
          const row = country[key].rows.find((r) => r.key === region.id)!;
          const mine = hidden(own[key].totals);
          hidden(row).forEach((isHidden, i) => {
            if (isHidden) expect(mine[i]).toBe(true);
          });
        }
      }
    });

    it(`hides the outcomes' total where the cases closed are hidden, since they are the same number (seed ${seed})`, () => {
      for (const set of sets.values()) {
        if (set.closed.totals.total.kind !== "count") expect(set.outcomes.total.kind).not.toBe("count");
        else if (set.outcomes.total.kind === "count") expect(set.outcomes.total.value).toBe(set.closed.totals.total.value);
      }
    });
  }

  it("adds a gemeente's counts up to its region and the country", () => {
    const ref = reference(2, 3);
    const agg = aggregates(ref, generator(11), 30);
    const inRegion = new Set(["g0", "g1", "g2"]);
    const raw = rawFigureSet(agg, { scope: (g) => inRegion.has(g), region: (g) => inRegion.has(g), unitOf: (g) => g });
    const expected = agg.filed.filter((f) => inRegion.has(f.gemeenteId) && f.quarter === "2025-K2").reduce((s, f) => s + f.count, 0);
    expect(raw.filed.filter((f) => f.quarter === "2025-K2").reduce((s, f) => s + f.count, 0)).toBe(expected);
    const countryCases = agg.histograms.reduce((s, h) => s + h.count, 0);
    expect(raw.leadTimes.workingDaysToDecision.country.median.cases).toBe(countryCases);
  });

  it("shows a lead time only over at least the threshold of cases", () => {
    const ref = reference(1, 2);
    const agg = aggregates(ref, generator(3), 10);
    agg.histograms = [
      { gemeenteId: "g0", measure: "workingDaysToDecision", value: 12, count: 4 },
      { gemeenteId: "g1", measure: "workingDaysToDecision", value: 20, count: 3 },
    ];
    const sets = computeYear(ref, agg, 2025, 5, now);
    const gemeente = sets.get(scopeKeys.gemeente("g0"))!;
    expect(gemeente.leadTimes.workingDaysToDecision.median.scope).toEqual({ kind: "tooFew", threshold: 5 });
    expect(gemeente.leadTimes.workingDaysToDecision.median.region).toEqual({ kind: "value", value: 12, cases: 7 });
    expect(gemeente.leadTimes.workingDaysToDecision.p90.country).toEqual({ kind: "value", value: 20, cases: 7 });
  });

  it("lists only the quarters that have begun in the current year", () => {
    const ref = reference(1, 1);
    const sets = computeYear(ref, aggregates(ref, generator(5), 10), 2026, 5, now);
    expect(sets.get(scopeKeys.country)!.quarters).toEqual(["2026-K1"]);
  });
});

describe("a table of one row", () => {
  it("hides the quarters and the total that the level above hides", () => {
    const table = countTable(["g"], quarters, quarters.map((quarter) => ({ key: "g", quarter, count: 20 })), 5, {
      cells: [false, true, false, false],
      total: false,
    });
    expect(table.rows[0]!.cells[1]!.kind).toBe("hidden");
    // With the total published, one more quarter must be hidden, or the hidden one follows from it.
    expect(table.rows[0]!.cells.filter((c) => c.kind !== "count").length).toBeGreaterThanOrEqual(2);
  });
});
