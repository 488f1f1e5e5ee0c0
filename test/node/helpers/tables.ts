import fc from 'fast-check';
import type { TableInput } from '../../../src/sdc/protect-table.js';

/** Counts for random tables: 0–3 (zeros and the small counts that need protection) more often than 0–`max`. */
export const counts = (max: number): fc.Arbitrary<number> =>
  fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max }) });

/**
 * A table of England, two regions and their LAs (`la1` and `la2` of them) by `nc` columns, whose
 * LA cells are drawn from `next()`; England's and the regions' rows are computed.
 */
export function twoRegionTable(la1: number, la2: number, nc: number, next: () => number): TableInput {
  const r1 = Array.from({ length: la1 }, (_, i) => `a${i}`);
  const r2 = Array.from({ length: la2 }, (_, i) => `b${i}`);
  const leaf = () => Array.from({ length: nc }, next);
  return {
    rows: ['England', 'R1', 'R2', ...r1, ...r2],
    cols: Array.from({ length: nc }, (_, j) => `c${j}`),
    cells: [Array(nc).fill(null), Array(nc).fill(null), Array(nc).fill(null), ...r1.map(leaf), ...r2.map(leaf)],
    rowHierarchy: { England: ['R1', 'R2'], R1: r1, R2: r2 },
  };
}
