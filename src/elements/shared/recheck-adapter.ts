/**
 * The elements' re-check of disclosure control (DESIGN §4, "defence in depth").
 *
 * TEMPORARY local version: `src/sdc/recheck.ts` (pure, shared with the builder) was not there
 * yet when the elements were written. This file has the same call shape —
 * `recheck({ cells, rowTotals, colTotals, total })` → `{ table, resuppressed }` — so switching
 * to the shared module is a one-line import change here; the elements import only this adapter.
 *
 * Rules, applied to a table and its margins as one grid (rows + the column-totals line,
 * columns + the row-totals line):
 * 1. primary: a count of 1 … minCount − 1 is suppressed (0 is a true zero);
 * 2. complementary: a line (the parts and the total of a row or a column) holding exactly one
 *    suppressed value could be recovered by subtraction, so one more value on that line is
 *    suppressed — the smallest non-zero published part, else the total. Repeated until stable.
 * `x` and `z` count as known values (conservative: they hide nothing).
 */
import type { Count } from '../../feed/types.js';

export interface RecheckTable {
  readonly cells: readonly (readonly Count[])[];
  readonly rowTotals: readonly Count[];
  readonly colTotals: readonly Count[];
  readonly total: Count;
}

/**
 * A value the re-check suppressed. `row === rows` is the column-totals line, `col === cols`
 * the row-totals line (so `{ row: rows, col: cols }` is the grand total).
 */
export interface Resuppression {
  readonly row: number;
  readonly col: number;
  readonly rule: 'primary' | 'complementary';
}

export interface RecheckResult {
  readonly table: RecheckTable;
  readonly resuppressed: readonly Resuppression[];
}

export function recheck(input: RecheckTable, options: { minCount?: number } = {}): RecheckResult {
  const minCount = options.minCount ?? 3;
  const rows = input.cells.length;
  const cols = input.colTotals.length;
  // The grid: cells, each row's total in column `cols`, the column totals in row `rows`.
  const grid: Count[][] = input.cells.map((row, r) => [...row, input.rowTotals[r] ?? 'x']);
  grid.push([...input.colTotals, input.total]);
  const resuppressed: Resuppression[] = [];
  const at = (r: number, c: number): Count => grid[r]?.[c] ?? 'x';
  const suppress = (r: number, c: number, rule: Resuppression['rule']) => {
    const row = grid[r];
    if (row) row[c] = 'c';
    resuppressed.push({ row: r, col: c, rule });
  };

  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= cols; c++) {
      const v = at(r, c);
      if (typeof v === 'number' && v > 0 && v < minCount) suppress(r, c, 'primary');
    }
  }

  // Each line: its members as [row, col] pairs, the total last.
  const lines: [number, number][][] = [];
  for (let r = 0; r <= rows; r++) lines.push(Array.from({ length: cols + 1 }, (_, c) => [r, c]));
  for (let c = 0; c <= cols; c++) lines.push(Array.from({ length: rows + 1 }, (_, r) => [r, c]));

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, c]) => at(r, c) === 'c').length !== 1) continue;
      let best: [number, number] | undefined;
      let bestValue = Infinity;
      for (const [r, c] of line.slice(0, -1)) {
        const v = at(r, c);
        if (typeof v === 'number' && v > 0 && v < bestValue) {
          best = [r, c];
          bestValue = v;
        }
      }
      const total = line[line.length - 1];
      const target = best ?? (total && at(total[0], total[1]) !== 'c' ? total : undefined);
      if (!target) continue;
      suppress(target[0], target[1], 'complementary');
      changed = true;
    }
  }

  const last = grid[rows] ?? [];
  return {
    table: {
      cells: grid.slice(0, rows).map((row) => row.slice(0, cols)),
      rowTotals: grid.slice(0, rows).map((row) => row[cols] ?? 'x'),
      colTotals: last.slice(0, cols),
      total: last[cols] ?? 'x',
    },
    resuppressed,
  };
}
