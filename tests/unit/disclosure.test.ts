import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLD,
  checkThreshold,
  isSmallCount,
  mayShowStatistic,
  shownStatistic,
  suppressGroupedTable,
  suppressLinear,
  suppressList,
  suppressTable,
  type ShownRow,
} from "@/lib/domain/disclosure";
import type { ShownCount } from "@/lib/domain/figures";

// ---------------------------------------------------------------------------
// An attacker, written apart from the module: every figure as the set of inner
// cells it adds up, what the page shows of it, and two ways to try to recover
// a hidden figure.

type Figure = { members: number[]; value: number; shown: ShownCount };

/** A fraction of BigInts, always reduced, denominator positive. */
type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n;
  const s = d < 0n ? -1n : 1n;
  return { n: (s * n) / g, d: (s * d) / g };
};
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);

/** The rank of a matrix, by Gaussian elimination over the rationals with full pivot search. */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => row.map((x) => q(BigInt(x))));
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]!.n !== 0n);
    if (p === -1) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c]!.n === 0n) continue;
      const f = div(m[i]![c]!, m[r]![c]!);
      m[i] = m[i]!.map((x, j) => sub(x, mul(f, m[r]![j]!)));
    }
    r++;
  }
  return r;
}

/** Hidden figures whose 0/1 vector adds nothing to the rank of the published ones: they can be computed. */
function recoverableByRank(figures: Figure[], width: number): Figure[] {
  const vector = (f: Figure) => Array.from({ length: width }, (_, i) => (f.members.includes(i) ? 1 : 0));
  const published = figures.filter((f) => f.shown.kind === "count").map(vector);
  const base = rank(published);
  return figures.filter((f) => f.shown.kind !== "count" && f.members.length > 0 && rank([...published, vector(f)]) === base);
}

/**
 * Whether some table of nonnegative whole cells other than the true one agrees
 * with every published figure and gives `target` another value. With `marks`,
 * a reader also uses what each cell's mark says (a small cell is 1..t−1, a
 * hidden one at least t); decision 027 says how far that is guaranteed. Tries
 * values near the true ones first. Only for tiny tables.
 */
function hasAlternative(figures: Figure[], width: number, threshold: number, target: Figure, truth: number[], marks = false): boolean {
  const cap = figures.reduce((s, f) => Math.max(s, f.value), 0) + 3 * threshold;
  const known = new Set<number>();
  for (const f of figures) if (f.members.length === 1 && f.shown.kind === "count") known.add(f.members[0]!);
  // The target's cells first, each tried away from its true value first; the others near theirs.
  const unknown = Array.from({ length: width }, (_, i) => i)
    .filter((i) => !known.has(i))
    .sort((a, b) => Number(target.members.includes(b)) - Number(target.members.includes(a)));
  const depth = new Map(unknown.map((u, k) => [u, k]));
  const targetCells = unknown.filter((u) => target.members.includes(u)).length;
  const bounds = (f: Figure): [number, number] =>
    f.shown.kind === "count"
      ? [f.value, f.value]
      : f.members.length > 1 || !marks
        ? [0, Infinity]
        : f.shown.kind === "small"
          ? [1, threshold - 1]
          : [threshold, Infinity];
  const values = truth.slice();
  let steps = 0;
  const search = (k: number): boolean => {
    if (++steps > 2_000_000) throw new Error(`table too large to enumerate: ${describeFigures(figures)}`);
    for (const f of figures) {
      let assigned = 0;
      let open = 0;
      for (const m of f.members) {
        if ((depth.get(m) ?? -1) < k) assigned += values[m]!;
        else open++;
      }
      const [lo, hi] = bounds(f);
      if (assigned > hi || assigned + open * cap < lo) return false;
    }
    // Once the target's cells are set, only a different value is worth completing.
    if (k === targetCells && target.members.reduce((s, m) => s + values[m]!, 0) === target.value) return false;
    if (k === unknown.length) return true;
    const cell = unknown[k]!;
    // A published figure whose other cells are all set leaves this cell one value.
    const forcedBy = figures.find(
      (f) => f.shown.kind === "count" && f.members.includes(cell) && f.members.every((m) => m === cell || (depth.get(m) ?? -1) < k),
    );
    const candidates: number[] = [];
    if (forcedBy) candidates.push(forcedBy.value - forcedBy.members.reduce((s, m) => (m === cell ? s : s + values[m]!), 0));
    else {
      for (let step = 1; step <= cap; step++) candidates.push(truth[cell]! + step, truth[cell]! - step);
      if (target.members.includes(cell)) candidates.push(truth[cell]!);
      else candidates.unshift(truth[cell]!);
    }
    for (const v of new Set(candidates)) {
      if (v < 0 || v > cap) continue;
      values[cell] = v;
      if (search(k + 1)) return true;
    }
    values[cell] = truth[cell]!;
    return false;
  };
  return search(0);
}

/** The figures of a 2-D table (cells, row totals, column totals, column groups, grand total), with what is shown. */
function figuresOfRows(counts: number[][], rowsShown: ShownRow[], rowGroups: number[][], groupRows: ShownRow[], totals: ShownRow, columnGroups: number[][]): Figure[] {
  const columns = counts[0]?.length ?? 0;
  const cell = (r: number, c: number) => r * columns + c;
  const allColumns = Array.from({ length: columns }, (_, c) => c);
  const value = (rows: number[], cols: number[]) => rows.reduce((s, r) => s + cols.reduce((t, c) => t + counts[r]![c]!, 0), 0);
  const figuresOfRow = (rows: number[], shown: ShownRow): Figure[] => [
    ...allColumns.map((c) => ({ members: rows.map((r) => cell(r, c)), value: value(rows, [c]), shown: shown.cells[c]! })),
    { members: rows.flatMap((r) => allColumns.map((c) => cell(r, c))), value: value(rows, allColumns), shown: shown.total },
    ...columnGroups.map((g, i) => ({ members: rows.flatMap((r) => g.map((c) => cell(r, c))), value: value(rows, g), shown: shown.columnGroups[i]! })),
  ];
  return [
    ...rowsShown.flatMap((shown, r) => figuresOfRow([r], shown)),
    ...groupRows.flatMap((shown, g) => figuresOfRow(rowGroups[g]!, shown)),
    ...figuresOfRow(counts.map((_, r) => r), totals),
  ];
}

function figuresOfTable(counts: number[][], threshold: number, columnGroups: number[][] = []) {
  const shown = suppressTable(counts, counts[0]?.length ?? 0, threshold, { columnGroups });
  return figuresOfRows(counts, shown.rows, [], [], shown.totals, columnGroups);
}

function figuresOfGrouped(groups: number[][][], threshold: number, columnGroups: number[][] = []) {
  const shown = suppressGroupedTable(groups.map((rows) => ({ rows })), groups[0]![0]!.length, threshold, { columnGroups });
  const counts = groups.flat();
  let next = 0;
  const rowGroups = groups.map((g) => g.map(() => next++));
  return figuresOfRows(
    counts,
    shown.groups.flatMap((g) => g.rows),
    rowGroups,
    shown.groups.map((g) => g.subtotal),
    shown.totals,
    columnGroups,
  );
}

/** The rules every shown figure keeps: small exactly when 1..t−1, hidden never zero, shown values true. */
function expectShownHonestly(figures: Figure[], threshold: number) {
  for (const f of figures) {
    if (isSmallCount(f.value, threshold)) expect(f.shown).toEqual({ kind: "small", threshold });
    else if (f.value === 0) expect(f.shown).toEqual({ kind: "count", value: 0 });
    else if (f.shown.kind === "count") expect(f.shown.value).toBe(f.value);
    else expect(f.shown.kind).toBe("hidden");
  }
}

// ---------------------------------------------------------------------------

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

type Kind = "smallish" | "mixed" | "oneSmall";
function makeTable(rnd: ReturnType<typeof random>, rows: number, columns: number, kind: Kind, threshold: number): number[][] {
  const table = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => (kind === "smallish" ? rnd.int(0, threshold + 1) : kind === "mixed" ? rnd.int(0, 6 * threshold) : rnd.int(threshold, 8 * threshold))),
  );
  if (kind === "oneSmall") table[rnd.int(0, rows - 1)]![rnd.int(0, columns - 1)] = rnd.int(1, threshold - 1);
  return table;
}

const describeFigures = (figures: Figure[]) => figures.map((f) => `${f.members.join("+")}=${f.value}:${f.shown.kind}`).join(" ");

describe("threshold", () => {
  it("is 5 by default and must be a whole number from 3 to 50", () => {
    expect(DEFAULT_THRESHOLD).toBe(5);
    expect(checkThreshold(3)).toBe(3);
    expect(checkThreshold(50)).toBe(50);
    for (const bad of [2, 1, 0, -5, 51, 4.5, Number.NaN]) expect(() => checkThreshold(bad)).toThrow(RangeError);
    expect(() => suppressList([1, 2], 1)).toThrow(RangeError);
    expect(() => mayShowStatistic(10, 0)).toThrow(RangeError);
  });

  it("refuses counts that are not whole numbers ≥ 0", () => {
    expect(() => suppressList([1, -1], 5)).toThrow(RangeError);
    expect(() => suppressList([1.5], 5)).toThrow(RangeError);
  });
});

describe("primary suppression", () => {
  it("marks 1..threshold−1 as small with the threshold, shows zeros and larger counts", () => {
    const shown = suppressList([0, 1, 4, 5, 40, 41, 42], 5);
    expect(shown.counts[0]).toEqual({ kind: "count", value: 0 });
    expect(shown.counts[1]).toEqual({ kind: "small", threshold: 5 });
    expect(shown.counts[2]).toEqual({ kind: "small", threshold: 5 });
    expect(shown.counts.slice(4)).toEqual([40, 41, 42].map((value) => ({ kind: "count", value })));
    expect(shown.total).toEqual({ kind: "count", value: 133 });
    // The two small counts add up to 5, which they can do in four ways: nothing more needs hiding.
    expect(shown.counts[3]).toEqual({ kind: "count", value: 5 });
  });

  it("uses the threshold it is given", () => {
    const shown = suppressList([9, 10, 50], 10);
    expect(shown.counts[0]).toEqual({ kind: "small", threshold: 10 });
    expect(shown.counts[1]).toEqual({ kind: "hidden" });
    expect(shown.counts[2]).toEqual({ kind: "count", value: 50 });
  });
});

describe("secondary suppression", () => {
  it("publishes everything when nothing is small", () => {
    const rnd = random(7);
    for (let n = 0; n < 30; n++) {
      const table = makeTable(rnd, rnd.int(1, 8), rnd.int(1, 6), "mixed", 5).map((row) => row.map((x) => (x > 0 && x < 5 ? x + 5 : x)));
      const figures = figuresOfTable(table, 5, [[0]]);
      expect(figures.every((f) => f.shown.kind === "count")).toBe(true);
    }
  });

  it("hides the smallest other count in the list, not the large ones", () => {
    expect(suppressList([3, 20, 30, 40], 5).counts.map((c) => c.kind)).toEqual(["small", "hidden", "count", "count"]);
  });

  it("hides the total when every count of a list is small and they add up to their least", () => {
    // Five counts of at least 1 adding up to a published 5 would all be 1.
    const shown = suppressList([1, 1, 1, 1, 1], 5);
    expect(shown.counts.every((c) => c.kind === "small")).toBe(true);
    expect(shown.total).toEqual({ kind: "hidden" });
  });

  it("keeps the total when small counts could still be otherwise", () => {
    const shown = suppressList([2, 3, 4], 5);
    expect(shown.total).toEqual({ kind: "count", value: 9 });
  });

  it("protects a row whose cells are all small", () => {
    const table = [
      [1, 2, 1, 3],
      [20, 25, 30, 22],
      [18, 40, 11, 16],
    ];
    const figures = figuresOfTable(table, 5);
    expectShownHonestly(figures, 5);
    expect(recoverableByRank(figures, 12)).toEqual([]);
    const shown = suppressTable(table, 4, 5);
    expect(shown.rows[0]!.cells.every((c) => c.kind === "small")).toBe(true);
    expect(shown.rows[0]!.total).toEqual({ kind: "count", value: 7 });
    // Each column total would give the small cell away unless another cell in the column is hidden too.
    for (let c = 0; c < 4; c++) expect([1, 2].some((r) => shown.rows[r]!.cells[c]!.kind === "hidden")).toBe(true);
  });

  it("leaves no hidden figure computable from totals, subtotals or period sums, for many tables", () => {
    const rnd = random(2027);
    let tables = 0;
    for (const threshold of [3, 5, 10]) {
      for (const kind of ["smallish", "mixed", "oneSmall"] as const) {
        for (let n = 0; n < 12; n++) {
          const rows = rnd.int(1, 7);
          const columns = rnd.int(1, 8);
          const table = makeTable(rnd, rows, columns, kind, threshold);
          // Two years of quarters when there are eight columns: each year's sum is published too.
          const periods = columns === 8 ? [[0, 1, 2, 3], [4, 5, 6, 7]] : columns > 2 ? [[0, 1]] : [];
          const figures = figuresOfTable(table, threshold, periods);
          expectShownHonestly(figures, threshold);
          expect(recoverableByRank(figures, rows * columns), describeFigures(figures)).toEqual([]);

          const groups = Array.from({ length: rnd.int(1, 3) }, () => makeTable(rnd, rnd.int(1, 4), columns, kind, threshold));
          const grouped = figuresOfGrouped(groups, threshold, periods);
          expectShownHonestly(grouped, threshold);
          expect(recoverableByRank(grouped, groups.flat().length * columns), describeFigures(grouped)).toEqual([]);
          tables += 2;
        }
      }
    }
    expect(tables).toBe(216);
  });

  it("leaves every hidden figure of a tiny table a second value in some other table with the same published figures", () => {
    const rnd = random(19);
    for (const threshold of [3, 5]) {
      for (const kind of ["smallish", "mixed", "oneSmall"] as const) {
        for (let n = 0; n < 200; n++) {
          const rows = rnd.int(1, 3);
          const columns = rnd.int(1, 3);
          const table = makeTable(rnd, rows, columns, kind, threshold);
          const figures = figuresOfTable(table, threshold);
          const truth = table.flat();
          for (const figure of figures.filter((f) => f.shown.kind !== "count")) {
            expect(hasAlternative(figures, rows * columns, threshold, figure, truth), `${figure.members.join("+")} in ${JSON.stringify(table)}: ${describeFigures(figures)}`).toBe(true);
          }
        }
      }
    }
  });

  it("keeps the sizes the pages use: a region's 30 gemeenten, the 42 regions, 14 causes, each by quarter", () => {
    const rnd = random(42);
    const region = Array.from({ length: 30 }, () => Array.from({ length: 4 }, () => rnd.int(0, 12)));
    const regionFigures = figuresOfGrouped([region], 5);
    expectShownHonestly(regionFigures, 5);
    expect(recoverableByRank(regionFigures, 120)).toEqual([]);

    const country = Array.from({ length: 42 }, () => Array.from({ length: 4 }, () => rnd.int(0, 40)));
    const countryFigures = figuresOfTable(country, 5);
    expectShownHonestly(countryFigures, 5);
    expect(recoverableByRank(countryFigures, 168)).toEqual([]);

    const causes = Array.from({ length: 14 }, () => Array.from({ length: 4 }, () => rnd.int(0, 9)));
    const causeFigures = figuresOfTable(causes, 5);
    expectShownHonestly(causeFigures, 5);
    expect(recoverableByRank(causeFigures, 56)).toEqual([]);
  });

  it("hides what it is asked to hide and protects it like a small count", () => {
    const shown = suppressLinear({ cells: [20, 30, 40], sums: [[0, 1, 2]] }, 5, { alsoHide: { cells: [2] } });
    expect(shown.cells.map((c) => c.kind)).toEqual(["hidden", "count", "hidden"]);
    expect(shown.sums[0]).toEqual({ kind: "count", value: 90 });
  });
});

describe("statistics over cases", () => {
  it("are shown only over at least the threshold of cases", () => {
    expect(mayShowStatistic(4, 5)).toBe(false);
    expect(mayShowStatistic(5, 5)).toBe(true);
    expect(shownStatistic(12, 4, 5)).toEqual({ kind: "tooFew", threshold: 5 });
    expect(shownStatistic(12, 5, 5)).toEqual({ kind: "value", value: 12, cases: 5 });
    expect(shownStatistic(null, 0, 5)).toEqual({ kind: "tooFew", threshold: 5 });
  });
});

describe("what the marks tell", () => {
  it("protects small cells whose published sum would pin them to their least", () => {
    // Two small cells adding up to a published 2 would both be 1; a hidden cell of exactly the threshold beside them as well.
    const figures = figuresOfTable(
      [
        [1, 1, 40],
        [30, 30, 30],
      ],
      5,
    );
    const truth = [1, 1, 40, 30, 30, 30];
    for (const figure of figures.filter((f) => f.shown.kind !== "count")) {
      expect(hasAlternative(figures, 6, 5, figure, truth, true), describeFigures(figures)).toBe(true);
    }
  });
});
