/**
 * Presolve of a block system (pure): fixes every unknown cell that the relations pin down by
 * simple arithmetic, before any LP — what a reader gets with a pencil.
 * - a relation with one unknown cell: that cell is the difference;
 * - a relation whose published total equals the sum of its published parts: every unknown part
 *   is 0 (cells are non-negative) — e.g. every cell of an LA row whose logs are a published 0.
 * Repeated to a fixpoint. A fixed cell is known to any reader: it is a constant for the LP, and
 * an audited cell that is fixed gets the exact interval [v, v]. A relation that cannot hold
 * (a negative difference, or published cells that no longer add up) is reported.
 */
import type { CompiledSystem } from '../sdc/system.js';

export interface Presolved {
  /** Per cell: the value it is pinned to, or NaN. Known (published) cells keep NaN. */
  readonly fixed: Float64Array;
  /** Relation ids that cannot hold. */
  readonly conflicts: number[];
  readonly count: number;
}

const TOL = 1e-6;

export function presolve(sys: CompiledSystem, hidden: Uint8Array): Presolved {
  const { n, r, relStart, relCells, cellRelStart, cellRels, values } = sys;
  const fixed = new Float64Array(n).fill(NaN);
  const isUnknown = (c: number) => hidden[c] === 1 && Number.isNaN(fixed[c]!);
  const val = (c: number) => (hidden[c] ? fixed[c]! : values[c]!);
  const queue: number[] = [];
  const queued = new Uint8Array(r);
  for (let i = 0; i < r; i++) {
    queue.push(i);
    queued[i] = 1;
  }
  const conflicts: number[] = [];
  const conflicted = new Uint8Array(r);
  let count = 0;
  const fix = (c: number, v: number) => {
    fixed[c] = Math.abs(v - Math.round(v)) < TOL ? Math.round(v) : v;
    count++;
    for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) {
      const rel = cellRels[k]!;
      if (!queued[rel]) {
        queued[rel] = 1;
        queue.push(rel);
      }
    }
  };
  const conflict = (i: number) => {
    if (!conflicted[i]) {
      conflicted[i] = 1;
      conflicts.push(i);
    }
  };
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    queued[i] = 0;
    const a = relStart[i]!, b = relStart[i + 1]!;
    const total = relCells[a]!;
    let unknown = 0, last = -1, partsKnown = 0;
    for (let k = a + 1; k < b; k++) {
      const c = relCells[k]!;
      if (isUnknown(c)) {
        unknown++;
        last = c;
      } else partsKnown += val(c);
    }
    const totalUnknown = isUnknown(total);
    if (!totalUnknown && unknown === 0) {
      if (Math.abs(val(total) - partsKnown) > TOL) conflict(i);
      continue;
    }
    if (totalUnknown && unknown === 0) {
      fix(total, partsKnown);
      continue;
    }
    if (totalUnknown) continue;
    const rest = val(total) - partsKnown;
    if (rest < -TOL) {
      conflict(i);
      continue;
    }
    if (unknown === 1) fix(last, Math.max(0, rest));
    else if (rest <= TOL) {
      for (let k = a + 1; k < b; k++) {
        const c = relCells[k]!;
        if (isUnknown(c)) fix(c, 0);
      }
    }
  }
  return { fixed, conflicts, count };
}
