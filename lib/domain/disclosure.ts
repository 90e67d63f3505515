import { RowSpace, eliminate, firstNonzero, indicator, isMultipleOf, type IntVector } from "./exact-span";
import type { ShownCount, ShownStatistic } from "./figures";

/**
 * Disclosure control for published figures (decision 027): a count from 1 to
 * the threshold minus 1 is shown as "minder dan {threshold}", and enough other
 * figures are hidden that none of those counts can be worked out from the
 * totals, subtotals or period sums published beside them. Statistics over
 * cases (medians, shares) are shown only over at least the threshold of cases.
 */

export const DEFAULT_THRESHOLD = 5;
/** With 2, "minder dan 2" would say the count is 1. */
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 50;

export function isValidThreshold(threshold: unknown): threshold is number {
  return Number.isInteger(threshold) && (threshold as number) >= MIN_THRESHOLD && (threshold as number) <= MAX_THRESHOLD;
}

/** The threshold itself, or a RangeError: every function here refuses a threshold outside MIN..MAX. */
export function checkThreshold(threshold: number): number {
  if (!isValidThreshold(threshold)) {
    throw new RangeError(`threshold must be a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}, got ${threshold}`);
  }
  return threshold;
}

/** A count that is never shown as such: 1 up to the threshold minus 1. Zero is not small. */
export function isSmallCount(count: number, threshold: number): boolean {
  return count >= 1 && count < threshold;
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`a count must be a whole number ≥ 0, got ${count}`);
}

// ---------------------------------------------------------------------------
// Statistics over cases

/** Whether a statistic over `cases` cases may be shown. */
export function mayShowStatistic(cases: number, threshold: number): boolean {
  checkThreshold(threshold);
  return cases >= threshold;
}

/**
 * A statistic as it may be shown: its value when it is over at least the
 * threshold of cases, otherwise only that there were too few. `value` may be
 * null when there is nothing to compute (no cases); that is "too few" as well.
 */
export function shownStatistic(value: number | null, cases: number, threshold: number): ShownStatistic {
  if (value === null || !mayShowStatistic(cases, threshold)) return { kind: "tooFew", threshold };
  return { kind: "value", value, cases };
}

// ---------------------------------------------------------------------------
// Cell suppression on a table of linear sums

/**
 * A table as disclosure control sees it: the innermost counts, and every total
 * published beside them as the cells it adds up. Totals are computed from the
 * cells here, never taken from elsewhere, so they cannot disagree with them.
 */
export type LinearTable = {
  cells: readonly number[];
  sums: readonly (readonly number[])[];
};

export type ShownLinearTable = { cells: ShownCount[]; sums: ShownCount[] };

export type SuppressOptions = {
  /**
   * Figures to hide in any case, for example those hidden in a table that is
   * published beside this one: they are then protected like small counts.
   */
  alsoHide?: { cells?: readonly number[]; sums?: readonly number[] };
  /**
   * Figures published beside this table (a region's totals in the country's
   * table): they are considered first, so that this table hides them only when
   * nothing else protects its small counts, and a reader holding both tables
   * learns nothing from one that the other hides.
   */
  publishFirst?: { cells?: readonly number[]; sums?: readonly number[] };
};

type Figure = { value: number; members: readonly number[] };

/**
 * Hides what must be hidden in a table of cells and sums.
 *
 * Primary: every figure (cell or sum) from 1 to threshold−1 is small. Secondary:
 * the other figures are considered for publication one by one, zeros first and
 * then from the largest count down, and a figure is published only if the
 * published figures together still cannot express any protected figure as a
 * linear combination (an exact check in BigInt). What is left is hidden: the
 * smallest counts, and only where needed. Zeros never need hiding: a
 * combination of figures that are all zero has the value zero, so it can never
 * give away a count of at least 1.
 *
 * Then a check on bounds: a reader knows that a small count is from 1 to
 * threshold−1 and that a hidden one is at least the threshold. When a published
 * total minus its published cells (or the difference of two nested totals)
 * equals the least or the most its hidden cells can add up to, every one of
 * them is known; then one more figure is protected and the whole is chosen again.
 */
export function suppressLinear(table: LinearTable, threshold: number, options: SuppressOptions = {}): ShownLinearTable {
  checkThreshold(threshold);
  const width = table.cells.length;
  table.cells.forEach(checkCount);
  const figures: Figure[] = [
    ...table.cells.map((value, i) => ({ value, members: [i] })),
    ...table.sums.map((sum) => {
      const members = [...new Set(sum)].sort((a, b) => a - b);
      for (const m of members) {
        if (!Number.isInteger(m) || m < 0 || m >= width) throw new RangeError(`a sum refers to cell ${m}, which does not exist`);
      }
      return { value: members.reduce((s, m) => s + (table.cells[m] as number), 0), members };
    }),
  ];
  const forced = [
    ...(options.alsoHide?.cells ?? []),
    ...(options.alsoHide?.sums ?? []).map((s) => s + width),
  ];
  for (const f of forced) if (figures[f] === undefined) throw new RangeError(`cannot hide figure ${f}: it does not exist`);

  const preferred = new Set([
    ...(options.publishFirst?.cells ?? []),
    ...(options.publishFirst?.sums ?? []).map((s) => s + width),
  ]);
  const published = chooseSuppression(width, figures, threshold, new Set(forced), preferred);
  const shown = figures.map((figure, i): ShownCount => {
    if (published.has(i)) return { kind: "count", value: figure.value };
    return isSmallCount(figure.value, threshold) ? { kind: "small", threshold } : { kind: "hidden" };
  });
  return { cells: shown.slice(0, width), sums: shown.slice(width) };
}

/** The indices of the figures to publish. */
function chooseSuppression(
  width: number,
  figures: readonly Figure[],
  threshold: number,
  forced: Set<number>,
  preferred: ReadonlySet<number> = new Set(),
): Set<number> {
  const vectors = figures.map((f) => indicator(width, f.members));
  const protect = new Set(forced);
  figures.forEach((f, i) => {
    if (isSmallCount(f.value, threshold)) protect.add(i);
  });
  // Every round protects at least one more figure, so this ends.
  for (;;) {
    const published = publishGreedily(width, figures, vectors, protect, preferred);
    const more = figuresToProtectForBounds(figures, published, threshold);
    if (more.length === 0) {
      const recoverable = recoverableFigures(width, vectors, published);
      if (recoverable.length > 0) throw new Error(`disclosure control left figures ${recoverable.join(", ")} recoverable`);
      return published;
    }
    for (const i of more) protect.add(i);
  }
}

function publishGreedily(
  width: number,
  figures: readonly Figure[],
  vectors: readonly IntVector[],
  protect: ReadonlySet<number>,
  preferred: ReadonlySet<number>,
): Set<number> {
  const space = new RowSpace(width);
  // Each protected figure minus its part in the published space: never zero, or it could be computed.
  const guarded = [...protect].filter((i) => figures[i]!.members.length > 0).map((i) => vectors[i]!.slice());
  const order = figures
    .map((_, i) => i)
    .filter((i) => !protect.has(i))
    .sort((a, b) => {
      const fa = figures[a]!;
      const fb = figures[b]!;
      const zeroFirst = Number(fb.value === 0) - Number(fa.value === 0);
      const preferredFirst = Number(preferred.has(b)) - Number(preferred.has(a));
      return zeroFirst || preferredFirst || fb.value - fa.value || fb.members.length - fa.members.length || a - b;
    });
  const published = new Set<number>();
  for (const i of order) {
    const reduced = space.reduce(vectors[i]!);
    const pivot = firstNonzero(reduced);
    if (pivot === -1) {
      published.add(i); // already follows from what is published
      continue;
    }
    // Publishing adds `reduced` to the space; a guarded remainder that is a multiple of it would become computable.
    if (guarded.some((g) => isMultipleOf(g, reduced, pivot))) continue;
    space.addReduced(reduced);
    for (const g of guarded) eliminate(g, reduced, pivot);
    published.add(i);
  }
  return published;
}

/**
 * The figures that are not published but can be computed exactly from those
 * that are: their vector lies in the row space of the published vectors.
 */
function recoverableFigures(width: number, vectors: readonly IntVector[], published: ReadonlySet<number>): number[] {
  const space = new RowSpace(width);
  for (const i of published) space.add(vectors[i]!);
  return vectors.flatMap((v, i) => (!published.has(i) && firstNonzero(v) !== -1 && space.contains(v) ? [i] : []));
}

/** What a reader knows of a cell that is not published: the least and the most it can be. */
function boundsOf(value: number, threshold: number): [number, number] {
  if (isSmallCount(value, threshold)) return [1, threshold - 1];
  // Zeros are never hidden by this module, so a hidden cell is at least the threshold; a zero hidden on request is not.
  return [value === 0 ? 0 : threshold, Number.POSITIVE_INFINITY];
}

type Equation = { sum: number; members: readonly number[] };

/**
 * Published sums whose hidden cells are pinned to their bounds, each answered
 * with one figure to protect: the smallest published nonzero cell in the sum,
 * or else the sum itself.
 */
function figuresToProtectForBounds(figures: readonly Figure[], published: ReadonlySet<number>, threshold: number): number[] {
  type Known = { figure: number; eq: Equation; unknown: number[]; rest: number; low: number; high: number };
  const known: Known[] = [];
  figures.forEach((f, i) => {
    if (!published.has(i) || f.members.length < 2) return;
    const unknown = f.members.filter((m) => !published.has(m));
    if (unknown.length === 0) return;
    let rest = f.value;
    let low = 0;
    let high = 0;
    for (const m of f.members) {
      const value = figures[m]!.value;
      if (published.has(m)) rest -= value;
      else {
        const [lo, hi] = boundsOf(value, threshold);
        low += lo;
        high += hi;
      }
    }
    known.push({ figure: i, eq: { sum: f.value, members: f.members }, unknown, rest, low, high });
  });

  const toProtect = new Set<number>();
  const fix = (members: readonly number[], fallback: number) => {
    if (members.some((m) => toProtect.has(m)) || toProtect.has(fallback)) return;
    let best = -1;
    for (const m of members) {
      const value = figures[m]!.value;
      if (published.has(m) && value > 0 && (best === -1 || value < figures[best]!.value)) best = m;
    }
    toProtect.add(best === -1 ? fallback : best);
  };
  const pinned = (rest: number, low: number, high: number) => rest === low || rest === high;

  for (const k of known) if (pinned(k.rest, k.low, k.high)) fix(k.eq.members, k.figure);
  // A total minus a total inside it is a sum as well: of the cells in one and not the other.
  for (const outer of known) {
    const inside = new Set(outer.eq.members);
    for (const inner of known) {
      if (inner.unknown.length >= outer.unknown.length || inner.eq.members.length >= outer.eq.members.length) continue;
      if (!inner.eq.members.every((m) => inside.has(m))) continue;
      if (!pinned(outer.rest - inner.rest, outer.low - inner.low, outer.high - inner.high)) continue;
      const innerSet = new Set(inner.eq.members);
      fix(
        outer.eq.members.filter((m) => !innerSet.has(m)),
        inner.eq.sum <= outer.eq.sum ? inner.figure : outer.figure,
      );
    }
  }
  return [...toProtect];
}

// ---------------------------------------------------------------------------
// The shapes the pages use

/** One side of a table: its leaves, and the totals over groups of them (the last group is usually all of them). */
type Dimension = { size: number; groups: readonly (readonly number[])[] };

/** Suppresses the cross product of two dimensions; answers the shown figure of a (row node, column node) pair. */
function suppressCross(
  rows: Dimension,
  columns: Dimension,
  valueAt: (row: number, column: number) => number,
  threshold: number,
): (rowNode: number, columnNode: number) => ShownCount {
  const leavesOf = (d: Dimension, node: number): readonly number[] => (node < d.size ? [node] : d.groups[node - d.size]!);
  const rowNodes = rows.size + rows.groups.length;
  const columnNodes = columns.size + columns.groups.length;
  const cells: number[] = [];
  for (let r = 0; r < rows.size; r++) for (let c = 0; c < columns.size; c++) cells.push(valueAt(r, c));
  const sums: number[][] = [];
  const sumIndex = new Map<number, number>();
  for (let a = 0; a < rowNodes; a++) {
    for (let b = 0; b < columnNodes; b++) {
      if (a < rows.size && b < columns.size) continue;
      sumIndex.set(a * columnNodes + b, sums.length);
      sums.push(leavesOf(rows, a).flatMap((r) => leavesOf(columns, b).map((c) => r * columns.size + c)));
    }
  }
  const shown = suppressLinear({ cells, sums }, threshold);
  return (a, b) =>
    a < rows.size && b < columns.size ? shown.cells[a * columns.size + b]! : shown.sums[sumIndex.get(a * columnNodes + b)!]!;
}

function checkRectangle(rows: readonly (readonly number[])[], columns: number): void {
  for (const row of rows) if (row.length !== columns) throw new RangeError("every row must have the same number of columns");
}

function checkColumnGroups(groups: readonly (readonly number[])[], columns: number): void {
  for (const g of groups) {
    for (const c of g) if (!Number.isInteger(c) || c < 0 || c >= columns) throw new RangeError(`no column ${c}`);
  }
}

export type ShownList = { counts: ShownCount[]; total: ShownCount };

/** A list of counts and their total, e.g. cases per cause. */
export function suppressList(counts: readonly number[], threshold: number): ShownList {
  const all = counts.map((_, i) => i);
  const at = suppressCross({ size: counts.length, groups: [all] }, { size: 1, groups: [] }, (r) => counts[r]!, threshold);
  return { counts: all.map((i) => at(i, 0)), total: at(counts.length, 0) };
}

/** A row of a table: its cells, its total, and its sums over column groups (e.g. years over quarters). */
export type ShownRow = { cells: ShownCount[]; total: ShownCount; columnGroups: ShownCount[] };
export type ShownTable = { rows: ShownRow[]; totals: ShownRow };
export type TableOptions = {
  /** Sums over sets of columns published in every row, e.g. the quarters of each year. */
  columnGroups?: readonly (readonly number[])[];
};

function columnsOf(columns: number, options: TableOptions): Dimension {
  const groups = options.columnGroups ?? [];
  checkColumnGroups(groups, columns);
  return { size: columns, groups: [...groups, Array.from({ length: columns }, (_, c) => c)] };
}

function rowAt(at: (a: number, b: number) => ShownCount, node: number, columns: Dimension): ShownRow {
  const groupNodes = columns.groups.map((_, g) => columns.size + g);
  return {
    cells: Array.from({ length: columns.size }, (_, c) => at(node, c)),
    total: at(node, groupNodes[groupNodes.length - 1]!),
    columnGroups: groupNodes.slice(0, -1).map((b) => at(node, b)),
  };
}

/** A table with row totals, column totals and a grand total, e.g. causes × quarters. */
export function suppressTable(
  counts: readonly (readonly number[])[],
  columnCount: number,
  threshold: number,
  options: TableOptions = {},
): ShownTable {
  checkRectangle(counts, columnCount);
  const columns = columnsOf(columnCount, options);
  const rows: Dimension = { size: counts.length, groups: [counts.map((_, r) => r)] };
  const at = suppressCross(rows, columns, (r, c) => counts[r]![c]!, threshold);
  return {
    rows: counts.map((_, r) => rowAt(at, r, columns)),
    totals: rowAt(at, counts.length, columns),
  };
}

export type ShownGroupedTable = { groups: { rows: ShownRow[]; subtotal: ShownRow }[]; totals: ShownRow };

/**
 * A table whose rows are grouped, with a subtotal per group and a total, e.g.
 * gemeenten within their regions × quarters.
 */
export function suppressGroupedTable(
  groups: readonly { rows: readonly (readonly number[])[] }[],
  columnCount: number,
  threshold: number,
  options: TableOptions = {},
): ShownGroupedTable {
  const leaves = groups.flatMap((g) => g.rows);
  checkRectangle(leaves, columnCount);
  const columns = columnsOf(columnCount, options);
  const rowGroups: number[][] = [];
  let next = 0;
  for (const g of groups) {
    rowGroups.push(g.rows.map(() => next++));
  }
  const rows: Dimension = { size: leaves.length, groups: [...rowGroups, leaves.map((_, r) => r)] };
  const at = suppressCross(rows, columns, (r, c) => leaves[r]![c]!, threshold);
  return {
    groups: rowGroups.map((members, g) => ({
      rows: members.map((r) => rowAt(at, r, columns)),
      subtotal: rowAt(at, leaves.length + g, columns),
    })),
    totals: rowAt(at, leaves.length + rowGroups.length, columns),
  };
}
