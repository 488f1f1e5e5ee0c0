/**
 * The audit rule: what "protected" means for one cell, given the interval [lo, hi] an attacker
 * gets by linear programming over every published relation (DESIGN §4). Pure, browser-safe.
 *
 * Counts: hi ≥ 3 and hi − lo ≥ 2. An attacker knows counts are whole numbers, so the interval
 * is first tightened to [⌈lo⌉, ⌊hi⌋] (a stricter test than the raw LP values).
 *
 * Sums (the numerator behind a mean, e.g. total weekly rent of the lettings in a cell): the
 * interval must reach at least `p` of the value on both sides, lo ≤ (1 − p)·v and hi ≥ (1 + p)·v,
 * with p = `sumProtection` (default 0.10, the tau-ARGUS "protection level" in percent). A sum of
 * 0 has nothing to protect. Independently, the builder forces a sum primary whenever its count
 * is below the mean threshold or suppressed, so a mean is never shown where its count is hidden.
 */
import type { ComponentLp } from './components.js';
import { KIND_SUM } from './types.js';

/** Counts of 1 and 2 are unsafe (0 is a true zero). */
export const COUNT_THRESHOLD = 3;
/** Minimum width of a count's interval. */
export const COUNT_MIN_WIDTH = 2;
/** Default protection level for sums (fraction of the value on each side). */
export const DEFAULT_SUM_PROTECTION = 0.1;

const EPS = 1e-6;

/** A count of 1 or 2. */
export function isUnsafeCount(v: number): boolean {
  return v > 0 && v < COUNT_THRESHOLD;
}

/** True if the interval [lo, hi] protects a cell of this kind and value. */
export function isProtected(kind: number, value: number, lo: number, hi: number, sumProtection = DEFAULT_SUM_PROTECTION): boolean {
  if (!(lo <= hi + EPS)) return false; // NaN or an inconsistent interval never passes
  if (kind === KIND_SUM) {
    const tol = EPS * Math.max(1, value);
    return lo <= (1 - sumProtection) * value + tol && hi >= (1 + sumProtection) * value - tol;
  }
  const l = Math.ceil(lo - EPS);
  const h = hi === Infinity ? Infinity : Math.floor(hi + EPS);
  return h >= COUNT_THRESHOLD && h - l >= COUNT_MIN_WIDTH;
}

/**
 * Witnesses that prove the rule for the targets of a component LP, in two stages (see
 * `LpSolver.solve`). Counts: a feasible point at ≥ max(3, value + 2) — the true value is the low
 * end — else one at ≥ 3 and one at ≤ 1. Sums: points at ≥ (1+p)·value and ≤ (1−p)·value.
 */
export function witnessStages(
  lp: ComponentLp,
  kinds: ArrayLike<number>,
  values: ArrayLike<number>,
  sumProtection = DEFAULT_SUM_PROTECTION,
): { hi: Float64Array; lo: Float64Array }[] {
  const T = lp.targets.length;
  const stage1 = { hi: new Float64Array(T), lo: new Float64Array(T).fill(NaN) };
  const stage2 = { hi: new Float64Array(T).fill(NaN), lo: new Float64Array(T).fill(NaN) };
  for (let t = 0; t < T; t++) {
    const c = lp.cells[lp.targets[t]!]!;
    const v = values[c]!;
    if (kinds[c] === KIND_SUM) {
      stage1.hi[t] = (1 + sumProtection) * v;
      stage1.lo[t] = (1 - sumProtection) * v;
    } else {
      stage1.hi[t] = Math.max(COUNT_THRESHOLD, v + COUNT_MIN_WIDTH);
      stage2.hi[t] = COUNT_THRESHOLD;
      stage2.lo[t] = COUNT_THRESHOLD - COUNT_MIN_WIDTH;
    }
  }
  return [stage1, stage2];
}
