/**
 * Adapter from the elements to the shared, pure re-check in `src/sdc/recheck.ts` (the same code
 * the builder's tests use), so the elements see one small interface:
 * `recheck({ cells, rowTotals, colTotals, total }, { minCount })` → `{ table, resuppressed }`,
 * with the totals line and column addressed by index (`row === rows`, `col === cols`) and no
 * suppressed value carried along (it must never reach a log or an event).
 *
 * `src/sdc/recheck.ts` applies the fixed threshold 3; a feed declaring a higher `minCount` gets
 * the extra primaries here first.
 */
import type { Count } from '../../feed/types.js';
import { recheckTable } from '../../sdc/recheck.js';

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
  const resuppressed: Resuppression[] = [];
  const primary = (v: Count, row: number, col: number): Count => {
    if (typeof v === 'number' && v >= 3 && v < minCount) {
      resuppressed.push({ row, col, rule: 'primary' });
      return 'c';
    }
    return v;
  };
  const result = recheckTable({
    cells: input.cells.map((r, i) => r.map((v, j) => primary(v, i, j))),
    rowTotals: input.rowTotals.map((v, i) => primary(v, i, cols)),
    colTotals: input.colTotals.map((v, j) => primary(v, rows, j)),
    grandTotal: primary(input.total, rows, cols),
  });
  for (const r of result.resuppressed) {
    resuppressed.push({
      row: r.row === 'total' ? rows : r.row,
      col: r.col === 'total' ? cols : r.col,
      rule: r.reason === 'count-below-3' ? 'primary' : 'complementary',
    });
  }
  const t = result.table;
  return {
    table: { cells: t.cells, rowTotals: t.rowTotals ?? input.rowTotals, colTotals: t.colTotals ?? input.colTotals, total: t.grandTotal ?? input.total },
    resuppressed,
  };
}
