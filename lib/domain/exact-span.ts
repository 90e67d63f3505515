/**
 * The row space of integer vectors, with exact BigInt arithmetic. Disclosure
 * control asks whether a hidden count is a linear combination of published
 * totals; with floating point a rounding error could answer "no" where the
 * true answer is "yes", and that error would publish a child's count.
 *
 * Rows are kept fraction-free: eliminating a pivot multiplies the target by a
 * nonzero integer, which changes neither the space nor membership in it, and
 * every row is divided by the gcd of its entries so that numbers stay small.
 */

export type IntVector = bigint[];

function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function normalize(v: IntVector): void {
  let g = 0n;
  for (const x of v) if (x !== 0n) g = gcd(g, x);
  if (g > 1n) for (let i = 0; i < v.length; i++) v[i] = (v[i] as bigint) / g;
}

/** The index of the first nonzero entry, or -1 for the zero vector. */
export function firstNonzero(v: readonly bigint[]): number {
  return v.findIndex((x) => x !== 0n);
}

/** Makes `v[pivot]` zero by subtracting a multiple of `row` (whose entry at `pivot` is nonzero), in place. */
export function eliminate(v: IntVector, row: readonly bigint[], pivot: number): void {
  const b0 = v[pivot] as bigint;
  if (b0 === 0n) return;
  const a0 = row[pivot] as bigint;
  const g = gcd(a0, b0);
  const a = a0 / g;
  const b = b0 / g;
  for (let i = 0; i < v.length; i++) {
    const r = row[i] as bigint;
    v[i] = r === 0n ? a * (v[i] as bigint) : a * (v[i] as bigint) - b * r;
  }
  normalize(v);
}

/** Whether `v` is a multiple of `row`, given that both are zero at every earlier pivot and `row[pivot]` is nonzero. */
export function isMultipleOf(v: readonly bigint[], row: readonly bigint[], pivot: number): boolean {
  const vp = v[pivot] as bigint;
  if (vp === 0n) return false;
  const rp = row[pivot] as bigint;
  for (let i = 0; i < v.length; i++) {
    if (rp * (v[i] as bigint) !== vp * (row[i] as bigint)) return false;
  }
  return true;
}

/** The 0/1 vector of length `width` with ones at `indices`. */
export function indicator(width: number, indices: Iterable<number>): IntVector {
  const v: IntVector = new Array<bigint>(width).fill(0n);
  for (const i of indices) v[i] = 1n;
  return v;
}

/**
 * A growing set of rows in echelon form: each row is zero at the pivots of the
 * rows added before it, so reducing a vector against the rows in the order
 * they were added leaves it zero at every pivot.
 */
export class RowSpace {
  private readonly rows: { pivot: number; row: IntVector }[] = [];

  constructor(readonly width: number) {}

  get rank(): number {
    return this.rows.length;
  }

  /** `v` minus its part in the space: zero exactly when `v` lies in it. */
  reduce(v: readonly bigint[]): IntVector {
    const out = v.slice();
    for (const { pivot, row } of this.rows) if (out[pivot] !== 0n) eliminate(out, row, pivot);
    return out;
  }

  /** Adds a vector that `reduce` returned; answers its pivot, or -1 when it was zero (the space did not grow). */
  addReduced(reduced: IntVector): number {
    const pivot = firstNonzero(reduced);
    if (pivot !== -1) this.rows.push({ pivot, row: reduced });
    return pivot;
  }

  add(v: readonly bigint[]): number {
    return this.addReduced(this.reduce(v));
  }

  contains(v: readonly bigint[]): boolean {
    return firstNonzero(this.reduce(v)) === -1;
  }
}
