import type { PairRow } from './lp-relaxation';

/** Tolerance on LP values. */
const EPSILON = 1e-6;

export interface ZeroHalfCut {
  readonly pairs: Int32Array;
  readonly coefficients: Int32Array;
  readonly bound: number;
}

/**
 * {0,½}-Chvátal–Gomory cuts: add up a set of rows, halve, round down. For binary x, if the rows'
 * coefficients add up even on every pair (after the bounds 0 ≤ x ≤ 1 even out the odd ones) and
 * their bounds add up odd, then Σ (c/2)·x ≤ ⌊B/2⌋ holds for every assignment, and the LP solution
 * breaks it by one half when every row in the set is tight and every pair evened out by a bound sits
 * on that bound. These close the odd cycles that clique cuts cannot: on generated hubs, rings of
 * requests through offers with several sessions left, where the LP takes one half of each pair
 * around the ring.
 *
 * Separation is linear algebra over GF(2): each tight row is a vector of its coefficients' parities
 * on the fractional pairs, plus the parity of its bound and of its coefficients on pairs at 1 (each
 * evened out by x ≤ 1, which adds one to the bound). A combination whose fractional part cancels
 * and whose parity is odd is a violated cut; Gaussian elimination finds them.
 */
export function zeroHalfCuts(rows: readonly PairRow[], activity: Float64Array, x: Float64Array, limit: number): ZeroHalfCut[] {
  const fractionalBit = new Map<number, number>();
  for (let p = 0; p < x.length; p++) if (x[p] > EPSILON && x[p] < 1 - EPSILON) fractionalBit.set(p, fractionalBit.size);
  if (fractionalBit.size === 0) return [];
  const candidates: number[] = [];
  rows.forEach((row, i) => {
    if (activity[i] < row.bound - EPSILON) return; // slack rows cost their slack: tight ones only
    if (Array.from(row.columns).some((p) => fractionalBit.has(p))) candidates.push(i);
  });
  if (candidates.length === 0) return [];
  const columnWords = Math.ceil(fractionalBit.size / 32);
  const rowWords = Math.ceil(candidates.length / 32);
  // per candidate: [fractional parities | which candidates are combined in it], and the odd bit
  const parities = candidates.map(() => new Uint32Array(columnWords));
  const combined = candidates.map((_, k) => {
    const bits = new Uint32Array(rowWords);
    bits[k >> 5] |= 1 << (k & 31);
    return bits;
  });
  const odd = candidates.map((i, k) => {
    const row = rows[i];
    let parity = row.bound & 1;
    row.columns.forEach((p, j) => {
      const coefficient = row.coefficients?.[j] ?? 1;
      if ((coefficient & 1) === 0) return;
      const bit = fractionalBit.get(p);
      if (bit !== undefined) parities[k][bit >> 5] ^= 1 << (bit & 31);
      else if (x[p] > 0.5) parity ^= 1; // evened out by x ≤ 1: the bound gains one
    });
    return parity;
  });
  // Gaussian elimination on the fractional parities; rows left with none and odd parity are cuts
  let pivotRow = 0;
  for (let bit = 0; bit < fractionalBit.size && pivotRow < candidates.length; bit++) {
    const w = bit >> 5;
    const mask = 1 << (bit & 31);
    let found = -1;
    for (let k = pivotRow; k < candidates.length; k++) {
      if (parities[k][w] & mask) {
        found = k;
        break;
      }
    }
    if (found < 0) continue;
    [parities[pivotRow], parities[found]] = [parities[found], parities[pivotRow]];
    [combined[pivotRow], combined[found]] = [combined[found], combined[pivotRow]];
    [odd[pivotRow], odd[found]] = [odd[found], odd[pivotRow]];
    for (let k = 0; k < candidates.length; k++) {
      if (k === pivotRow || !(parities[k][w] & mask)) continue;
      for (let i = 0; i < columnWords; i++) parities[k][i] ^= parities[pivotRow][i];
      for (let i = 0; i < rowWords; i++) combined[k][i] ^= combined[pivotRow][i];
      odd[k] ^= odd[pivotRow];
    }
    pivotRow++;
  }
  const cuts: ZeroHalfCut[] = [];
  const seen = new Set<string>();
  const weight = (bits: Uint32Array) => bits.reduce((n, w) => n + popcount(w), 0);
  // rows left with no fractional parity and an odd bound; then rows left with one fractional pair,
  // whose bound (0 ≤ x or x ≤ 1) makes the parity odd at a cost of min(x, 1 − x) < 1
  const order = [...Array(candidates.length).keys()].filter(
    (k) => (weight(parities[k]) === 0 && odd[k] === 1) || weight(parities[k]) === 1,
  );
  order.sort((a, b) => weight(parities[a]) - weight(parities[b]) || a - b);
  for (const k of order) {
    if (cuts.length >= limit) break;
    const set: number[] = [];
    for (let j = 0; j < candidates.length; j++) if (combined[k][j >> 5] & (1 << (j & 31))) set.push(candidates[j]);
    const cut = cutFrom(rows, set, x);
    if (cut === null) continue;
    const key = `${Array.from(cut.pairs).join(',')}|${Array.from(cut.coefficients).join(',')}|${cut.bound}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cuts.push(cut);
  }
  return cuts;
}

function popcount(w: number): number {
  let n = 0;
  for (let v = w >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/** The cut of a set of rows (see zeroHalfCuts), or null when it is not violated after all. */
function cutFrom(rows: readonly PairRow[], set: readonly number[], x: Float64Array): ZeroHalfCut | null {
  const sum = new Map<number, number>();
  let bound = 0;
  for (const i of set) {
    const row = rows[i];
    bound += row.bound;
    row.columns.forEach((p, j) => sum.set(p, (sum.get(p) ?? 0) + (row.coefficients?.[j] ?? 1)));
  }
  // Odd coefficients are evened by x ≤ 1 (adding one to the bound) on pairs at 1, by −x ≤ 0 on
  // pairs at 0; a fractional pair left odd takes whichever makes the bound odd.
  const oddColumns = [...sum].filter(([, c]) => (c & 1) === 1);
  let flexible = -1;
  for (const [p] of oddColumns) {
    if (x[p] > 1 - EPSILON) bound += 1;
    else if (x[p] > EPSILON) flexible = p;
  }
  const upward = new Set(oddColumns.filter(([p]) => x[p] > 1 - EPSILON).map(([p]) => p));
  if (flexible >= 0 && bound % 2 === 0) {
    upward.add(flexible);
    bound += 1;
  }
  const pairs: number[] = [];
  const coefficients: number[] = [];
  let lhs = 0;
  for (const [p, c] of [...sum].sort((a, b) => a[0] - b[0])) {
    let even = c;
    if ((c & 1) === 1) even = upward.has(p) ? c + 1 : c - 1;
    if (even === 0) continue;
    pairs.push(p);
    coefficients.push(even / 2);
    lhs += (even / 2) * x[p];
  }
  if (bound % 2 !== 1) return null;
  const halved = (bound - 1) / 2;
  if (lhs <= halved + EPSILON) return null;
  return { pairs: Int32Array.from(pairs), coefficients: Int32Array.from(coefficients), bound: halved };
}
