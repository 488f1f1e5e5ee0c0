/**
 * Path witnesses: proofs of the audit rule for count targets without an LP. Pure, browser-safe.
 *
 * The true values are a feasible point of the audit's LP. Moving them along a cycle of hidden
 * cells — raise the target, lower another hidden cell of one of its relations, raise another of
 * that cell's other relation, … until every relation is balanced again — gives another feasible
 * point as long as no lowered cell goes below 0. A point where the target is `value + d`, with
 * `d = max(3 − value, 2)`, proves its LP interval holds [value, value + d]: hi ≥ 3 and hi − lo ≥ 2.
 *
 * Only hidden cells in exactly two relations are moved (in a table with margins: an inner cell,
 * in its row and its column), so a cycle is a path between the target's two relations and is
 * found by breadth-first search; `d` units are found one at a time, each on the residual of the
 * ones before (a lowered cell has `value + change` left). Cells in three or more relations stay at
 * their values: a subset of the feasible set, so a witness found here is still a proof. Every
 * witness is checked against every relation it touches before it counts.
 */
import { COUNT_MIN_WIDTH, COUNT_THRESHOLD } from './rules.js';
import type { CompiledSystem } from './system.js';
import { KIND_COUNT } from './types.js';

/** How far above its value a count target must be shown to go (the audit rule's `hi`, less the value). */
export const countRise = (value: number): number => Math.max(COUNT_THRESHOLD - value, COUNT_MIN_WIDTH);

/**
 * Path witnesses for `targets` (hidden count cells) with the cells of `hidden` free and every other
 * cell fixed at its value. Returns the targets proved, each with the `hi` its witness reaches.
 */
export function provePaths(sys: CompiledSystem, hidden: Uint8Array, targets: Iterable<number>): Map<number, number> {
  const { n, r, values, kinds, relStart, relCells, cellRelStart, cellRels } = sys;
  const proved = new Map<number, number>();
  // Coefficient of cell c in relation rel: −1 for the total (first cell), +1 for a part.
  const coef = (rel: number, c: number): number => (relCells[relStart[rel]!] === c ? -1 : 1);
  const movable = (c: number): boolean => hidden[c] === 1 && cellRelStart[c + 1]! - cellRelStart[c]! === 2;
  const otherRel = (c: number, rel: number): number => {
    const a = cellRels[cellRelStart[c]!]!;
    return a === rel ? cellRels[cellRelStart[c]! + 1]! : a;
  };

  const change = new Float64Array(n);
  const changed: number[] = [];
  // BFS over states (relation, sign of the imbalance to cancel): 2·rel + (sign > 0 ? 1 : 0).
  const seen = new Int32Array(2 * r);
  const viaCell = new Int32Array(2 * r);
  const fromState = new Int32Array(2 * r);
  const queue = new Int32Array(2 * r);
  let stamp = 0;

  /** One more unit of the target along a path of residual capacity ≥ 1; false when there is none. */
  const augment = (t: number, r1: number, s1: number, r2: number, s2: number): boolean => {
    stamp++;
    const start = 2 * r1 + (s1 > 0 ? 1 : 0);
    const goal = 2 * r2 + (-s2 > 0 ? 1 : 0);
    seen[start] = stamp;
    fromState[start] = -1;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const state = queue[head++]!;
      const rel = state >> 1;
      const sigma = state & 1 ? 1 : -1;
      for (let k = relStart[rel]!; k < relStart[rel + 1]!; k++) {
        const c = relCells[k]!;
        if (c === t || !movable(c)) continue;
        const step = -sigma * coef(rel, c); // the change of c that cancels the imbalance
        if (step < 0 && values[c]! + change[c]! < 1) continue;
        const next = otherRel(c, rel);
        const nextState = 2 * next + (coef(next, c) * step > 0 ? 1 : 0);
        if (seen[nextState] === stamp) continue;
        seen[nextState] = stamp;
        viaCell[nextState] = c;
        fromState[nextState] = state;
        if (nextState === goal) {
          for (let s = goal; fromState[s]! >= 0; s = fromState[s]!) {
            const x = viaCell[s]!;
            const st = fromState[s]!;
            if (change[x] === 0) changed.push(x);
            change[x]! += -(st & 1 ? 1 : -1) * coef(st >> 1, x);
          }
          return true;
        }
        queue[tail++] = nextState;
      }
    }
    return false;
  };

  /** The moved point satisfies every relation it touches and stays ≥ 0. */
  const balanced = (): boolean => {
    for (const c of changed) {
      if (values[c]! + change[c]! < 0) return false;
      for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) {
        const rel = cellRels[k]!;
        let sum = 0;
        for (let j = relStart[rel]!; j < relStart[rel + 1]!; j++) sum += coef(rel, relCells[j]!) * change[relCells[j]!]!;
        if (sum !== 0) return false;
      }
    }
    return true;
  };

  for (const t of targets) {
    if (kinds[t] !== KIND_COUNT || !movable(t)) continue;
    const r1 = cellRels[cellRelStart[t]!]!;
    const r2 = cellRels[cellRelStart[t]! + 1]!;
    const s1 = coef(r1, t);
    const s2 = coef(r2, t);
    const d = countRise(values[t]!);
    let units = 0;
    while (units < d && augment(t, r1, s1, r2, s2)) units++;
    if (units === d) {
      change[t] = d;
      changed.push(t);
      if (balanced()) proved.set(t, values[t]! + d);
    }
    for (const c of changed) change[c] = 0;
    changed.length = 0;
  }
  return proved;
}
