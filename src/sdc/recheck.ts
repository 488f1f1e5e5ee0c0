/**
 * The elements' re-check of one displayed count table (DESIGN §4). Pure, tiny, browser-safe.
 *
 * 1. A count of 1 or 2 becomes `'c'`.
 * 2. A line — a row or a column, the totals row and totals column included — whose total is shown
 *    and which holds exactly one `'c'` (among its parts and its total) lets a reader derive that
 *    cell by subtraction: the smallest non-zero number in the line (parts or total) becomes `'c'`
 *    too.
 * 3. A line whose total is shown and which holds two or more `'c'` parts that add up to 1 or 2 —
 *    the total less the shown parts, a *small remainder* — bounds each of them by that remainder
 *    (the others are ≥ 0): each is at most 2, and at least one is a 1 or a 2. That fails the
 *    audit rule (`rules.ts`: hi ≥ 3), so a correct feed never shows one. The complement is chosen
 *    as in (2), the smallest non-zero number in the line: always a shown part of at least 3 (step
 *    1 hid every 1 and 2, and the total exceeds every shown part by the remainder), so one
 *    complement makes the remainder at least 4. A remainder of 0 proves the hidden parts are 0
 *    (below) and discloses no small count; a line whose total is hidden bounds nothing from above
 *    and is not this case.
 *
 * A `'c'` that a reader can prove is 0 (a line whose shown numbers already make up its total)
 * counts as a shown 0, not as hidden, so chains of lines are caught too. Repeated until no line
 * changes; each change hides one more number, so it terminates.
 *
 * `'x'` and `'z'` are not suppressions: they hide nothing, so a line with one `'c'` and an `'x'`
 * still counts as having one suppressed cell, and a line's remainder leaves them out (whatever
 * they stand for is ≥ 0, so the hidden parts add up to at most that remainder) — conservative both
 * ways. A line whose total is missing, `'x'` or `'z'` is not a relation a reader can use and is
 * skipped. A correct feed needs no re-suppression; every one is reported so the element can warn.
 */
import type { Count } from '../feed/types.js';
import { COUNT_THRESHOLD } from './rules.js';

export interface RecheckTable {
  /** Body cells, rows × cols. */
  readonly cells: readonly (readonly Count[])[];
  /** Total of each row (the totals column), if shown. */
  readonly rowTotals?: readonly Count[];
  /** Total of each column (the totals row), if shown. */
  readonly colTotals?: readonly Count[];
  /** Grand total, if shown. */
  readonly grandTotal?: Count;
}

/** Where a cell is: a body index, or `'total'` for the totals row / column. */
export type RecheckIndex = number | 'total';

export interface Resuppression {
  readonly row: RecheckIndex;
  readonly col: RecheckIndex;
  readonly value: number;
  readonly reason:
    | 'count-below-3'
    | 'lone-suppression-in-row'
    | 'lone-suppression-in-column'
    | 'small-remainder-in-row'
    | 'small-remainder-in-column';
}

export interface RecheckResult {
  readonly table: RecheckTable;
  readonly resuppressed: Resuppression[];
}

export function recheckTable(table: RecheckTable): RecheckResult {
  const nr = table.cells.length;
  const nc = table.cells[0]?.length ?? table.colTotals?.length ?? 0;
  // Working grid including totals: row nr = totals row, col nc = totals column.
  const hasRowTot = table.rowTotals !== undefined;
  const hasColTot = table.colTotals !== undefined;
  const g: (Count | undefined)[][] = [];
  for (let i = 0; i <= nr; i++) {
    const row: (Count | undefined)[] = [];
    for (let j = 0; j <= nc; j++) {
      if (i < nr && j < nc) row.push(table.cells[i]![j]);
      else if (i < nr) row.push(table.rowTotals?.[i]);
      else if (j < nc) row.push(table.colTotals?.[j]);
      else row.push(table.grandTotal);
    }
    g.push(row);
  }
  const idx = (k: number, n: number): RecheckIndex => (k === n ? 'total' : k);
  const resuppressed: Resuppression[] = [];
  for (let i = 0; i <= nr; i++) {
    for (let j = 0; j <= nc; j++) {
      const v = g[i]![j];
      if (typeof v === 'number' && v > 0 && v < COUNT_THRESHOLD) {
        g[i]![j] = 'c';
        resuppressed.push({ row: idx(i, nr), col: idx(j, nc), value: v, reason: 'count-below-3' });
      }
    }
  }
  // Lines: rows 0..nr (row nr = totals row; its "total" is the grand total), same for columns.
  // A line without a shown total is skipped by fixLine. `zero` marks the `c`s a reader can prove
  // are 0; the lines see them as 0 (the table still shows `c`).
  const zero = g.map((row) => row.map(() => false));
  const seen = (i: number, j: number): Count | undefined => (zero[i]![j] ? 0 : g[i]![j]);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i <= nr; i++) markZeros(nc + 1, (j) => seen(i, j), (j) => (zero[i]![j] = true));
    for (let j = 0; j <= nc; j++) markZeros(nr + 1, (i) => seen(i, j), (i) => (zero[i]![j] = true));
    for (let i = 0; i <= nr; i++) {
      if (fixLine(nc + 1, (j) => seen(i, j), (j, v, rule) => {
        g[i]![j] = 'c';
        resuppressed.push({ row: idx(i, nr), col: idx(j, nc), value: v, reason: `${rule}-in-row` });
      })) changed = true;
    }
    for (let j = 0; j <= nc; j++) {
      if (fixLine(nr + 1, (i) => seen(i, j), (i, v, rule) => {
        g[i]![j] = 'c';
        resuppressed.push({ row: idx(i, nr), col: idx(j, nc), value: v, reason: `${rule}-in-column` });
      })) changed = true;
    }
  }
  const out: RecheckTable = {
    cells: g.slice(0, nr).map((row) => row.slice(0, nc) as Count[]),
    ...(hasRowTot ? { rowTotals: g.slice(0, nr).map((row) => row[nc] as Count) } : {}),
    ...(hasColTot ? { colTotals: g[nr]!.slice(0, nc) as Count[] } : {}),
    ...(table.grandTotal !== undefined ? { grandTotal: g[nr]![nc] as Count } : {}),
  };
  return { table: out, resuppressed };
}

/**
 * One line of `len` entries, the last being its total: when its shown parts already add up to the
 * shown total, every hidden part is 0; when every part is a shown 0, so is a hidden total
 * (`known(k)`). The caller repeats it to a fixpoint.
 */
function markZeros(len: number, get: (k: number) => Count | undefined, known: (k: number) => void): void {
  const total = get(len - 1);
  let shown = 0;
  const hidden: number[] = [];
  for (let k = 0; k < len - 1; k++) {
    const v = get(k);
    if (v === 'c') hidden.push(k);
    else if (typeof v === 'number') shown += v;
    else return; // an `x`, `z` or missing part: no exact relation
  }
  if (typeof total === 'number' && hidden.length > 0 && shown === total) for (const k of hidden) known(k);
  else if (total === 'c' && hidden.length === 0 && shown === 0) known(len - 1); // parts all shown zeros
}

/**
 * The small-remainder rule (3) on one line: its total is shown, at least two of its parts are
 * `'c'`, and the total less the shown parts is 1 or 2. `'x'`, `'z'` and missing parts count as
 * neither shown nor hidden. Exported for the elements' region hierarchy (`area-table.ts`).
 */
export function isSmallRemainder(parts: readonly (Count | undefined)[], total: Count | undefined): boolean {
  if (typeof total !== 'number') return false;
  let hidden = 0;
  let left = total;
  for (const v of parts) {
    if (v === 'c') hidden++;
    else if (typeof v === 'number') left -= v;
  }
  return hidden >= 2 && left > 0 && left < COUNT_THRESHOLD;
}

type LineRule = 'lone-suppression' | 'small-remainder';

/**
 * One line of `len` entries, the last being its total: rule (2) or (3) of the module comment.
 * Returns true if it suppressed a cell.
 */
function fixLine(len: number, get: (k: number) => Count | undefined, suppress: (k: number, v: number, rule: LineRule) => void): boolean {
  const total = get(len - 1);
  // The total must be shown (a number) or itself be the suppressed cell.
  if (total === undefined || total === 'x' || total === 'z') return false;
  let hiddenCount = 0;
  let best = -1;
  let bestValue = Infinity;
  const parts: (Count | undefined)[] = [];
  for (let k = 0; k < len; k++) {
    const v = get(k);
    if (k < len - 1) parts.push(v);
    if (v === 'c') hiddenCount++;
    else if (typeof v === 'number' && v > 0 && v < bestValue) {
      best = k;
      bestValue = v;
    }
  }
  const rule: LineRule | undefined =
    hiddenCount === 1 ? 'lone-suppression' : isSmallRemainder(parts, total) ? 'small-remainder' : undefined;
  if (rule === undefined || best < 0) return false;
  suppress(best, bestValue, rule);
  return true;
}
