/**
 * Feed crosstab → what `<core-crosstab>` shows. Pure: no DOM, no fetch, so the disclosure rules
 * can be tested in Node (test/node/crosstab-*.test.ts).
 *
 * 1. `orientCrosstab`: the feed stores each pair once (`x~y`, x first in catalogue order); asking
 *    for `y` down the side transposes it (same document, no second request).
 * 2. `checkCrosstab`: the elements' re-check (DESIGN §4) on the oriented counts, totals included.
 * 3. `crosstabGrid`: counts, or percentages that respect disclosure:
 *    - a percentage is only ever `published count / published base`, where the base is a published
 *      total minus its published "not known" count (README: percentages use known answers);
 *      every number shown is a function of published numbers only, so the percentage views reveal
 *      nothing the count view does not;
 *    - a suppressed (or complementary) cell stays `c`: nothing is ever computed as 100% − others;
 *    - a line whose base cannot be formed from published numbers, or is 1 or 2, shows no percentages.
 * 4. `crosstabSummary`, `crosstabCsv`: the sentence and the download, from the same numbers.
 */
import type { Count, FieldInfo, LogTypeInfo, Manifest, PeriodInfo, SymbolCode, TableDocument } from '../../feed/types.js';
import { NOT_KNOWN } from '../../feed/types.js';
import { FeedError } from '../../feed/errors.js';
import type { SdcCell } from '../shared/events.js';
import { formatCount, formatPercent } from '../shared/format.js';
import { msg, type Messages } from '../shared/messages.js';
import { recheck } from '../shared/recheck-adapter.js';
import { largestIndex } from '../shared/summary.js';
import type { CsvValue } from '../shared/csv.js';

export type PercentMode = 'none' | 'row' | 'column' | 'total';
export const PERCENT_MODES: readonly PercentMode[] = ['none', 'row', 'column', 'total'];

/** A percentage as a fraction of its base (`{ pct: 0.125 }` is 12.5%). */
export interface Percent {
  readonly pct: number;
}
/** What one table cell holds: a count, a percentage, or a symbol. */
export type CrosstabValue = Count | Percent;

export const isPercent = (v: CrosstabValue): v is Percent => typeof v === 'object';
export const isSymbol = (v: CrosstabValue): v is SymbolCode => typeof v === 'string';

export interface Category {
  readonly code: string;
  readonly label: string;
}

/** A count table with its margins. */
export interface CountTable {
  readonly cells: readonly (readonly Count[])[];
  readonly rowTotals: readonly Count[];
  readonly colTotals: readonly Count[];
  readonly total: Count;
}

/** The re-checked counts, `x` down the side (rows), `y` across the top (columns). */
export interface CrosstabCounts extends CountTable {
  readonly x: FieldInfo;
  readonly y: FieldInfo;
  readonly rows: readonly Category[];
  readonly cols: readonly Category[];
}

/** What the table shows, in one mode. */
export interface CrosstabGrid {
  readonly mode: PercentMode;
  readonly rows: readonly Category[];
  readonly cols: readonly Category[];
  readonly cells: readonly (readonly CrosstabValue[])[];
  /** The totals column: counts (`none`), bases of known answers (`row`), or shares (`column`, `total`). */
  readonly rowTotals: readonly CrosstabValue[];
  /** The totals row: counts (`none`), shares (`row`, `total`), or bases (`column`). */
  readonly colTotals: readonly CrosstabValue[];
  readonly total: CrosstabValue;
}

interface Margins<V> {
  readonly cells: readonly (readonly V[])[];
  readonly rowTotals: readonly V[];
  readonly colTotals: readonly V[];
  readonly total: V;
}

/** Transposes a table with margins (counts or grid values). */
export function transpose<V>(t: Margins<V>): Margins<V> {
  const nc = t.colTotals.length;
  return {
    cells: Array.from({ length: nc }, (_, j) => t.cells.map((row) => row[j]!)),
    rowTotals: t.colTotals,
    colTotals: t.rowTotals,
    total: t.total,
  };
}

/** The document `doc` (a crosstab of x and y in either order) with `x` down the side. */
export function orientCrosstab(doc: TableDocument, x: string, y: string): TableDocument {
  if (doc.rowDim === x && doc.colDim === y) return doc;
  if (doc.rowDim === y && doc.colDim === x) {
    return { ...doc, rowDim: x, colDim: y, rows: doc.cols, cols: doc.rows, ...transpose<Count>(doc) };
  }
  throw new FeedError('shape', `The crosstab document is of "${doc.rowDim}" by "${doc.colDim}", not "${x}" by "${y}".`);
}

/** The categories of `field` in the collection year of `period` (labels by code; an unknown code is its own label). */
export function categoriesOf(field: FieldInfo, year: string, codes: readonly string[]): Category[] {
  const list = field.categoriesByYear?.[year] ?? field.categories ?? [];
  const labels = new Map(list.map((c) => [c.code, c.label]));
  return codes.map((code) => ({ code, label: labels.get(code) ?? (code === NOT_KNOWN ? 'Not known' : code) }));
}

export function fieldOf(manifest: Manifest, id: string): FieldInfo {
  const field = manifest.fields.find((f) => f.id === id);
  if (!field) throw new FeedError('missing', `This feed has no question "${id}".`);
  return field;
}

/**
 * The element re-check on the oriented table (the shared re-check, which also follows chains of
 * lines through cells proven to be 0). Returns the checked counts and each re-suppression as row /
 * column codes (`total` for a margin); never the value itself.
 */
export function checkCrosstab(doc: CountTable & { readonly rows: readonly string[]; readonly cols: readonly string[] }, minCount: number): { table: CountTable; resuppressed: SdcCell[] } {
  const { table, resuppressed } = recheck(doc, { minCount });
  return { table, resuppressed: resuppressed.map((r) => ({ row: doc.rows[r.row] ?? 'total', col: doc.cols[r.col] ?? 'total', rule: r.rule })) };
}

// ---------------------------------------------------------------------------------------------
// Percentages.

/** `a − b` when both are published numbers, else the symbol that hides it (`c` wins). */
function minus(a: Count | undefined, b: Count | undefined): Count {
  if (a === undefined) return 'x';
  if (typeof a === 'number' && (b === undefined || typeof b === 'number')) {
    const d = a - (b ?? 0);
    return d >= 0 ? d : 'x'; // negative: an inconsistent feed; say "not available" rather than guess
  }
  return a === 'c' || b === 'c' ? 'c' : 'x';
}

/** A count that may be shown: 1 … minCount − 1 is never shown (even when derived). */
function safeCount(v: Count, minCount: number): Count {
  return typeof v === 'number' && v > 0 && v < minCount ? 'c' : v;
}

/**
 * Shares of `base` for `parts`. A published part becomes a percentage; a symbol stays a symbol.
 * With no usable base (a symbol, or 1 … minCount − 1) every part is hidden with the base's
 * symbol; with a base of 0 there is nothing to be a share of (`z`).
 */
export function shares(parts: readonly Count[], base: Count, minCount: number): CrosstabValue[] {
  const b = safeCount(base, minCount);
  if (typeof b !== 'number') return parts.map((p) => (p === 'x' || p === 'z' ? p : b));
  if (b === 0) return parts.map((p) => (p === 'x' ? p : 'z'));
  return parts.map((p) => {
    const v = safeCount(p, minCount);
    return typeof v === 'number' ? { pct: v / b } : v;
  });
}

/** The grid for `mode` from re-checked counts. */
export function crosstabGrid(counts: CrosstabCounts, mode: PercentMode, minCount: number): CrosstabGrid {
  if (mode === 'none') {
    return { mode, rows: counts.rows, cols: counts.cols, cells: counts.cells, rowTotals: counts.rowTotals, colTotals: counts.colTotals, total: counts.total };
  }
  if (mode === 'column') {
    // Column shares are row shares of the transposed table.
    const t = rowShares({ ...transpose<Count>(counts), rows: counts.cols, cols: counts.rows }, minCount);
    return { mode, rows: t.cols, cols: t.rows, ...transpose<CrosstabValue>(t) };
  }
  if (mode === 'row') return { mode, ...rowShares(counts, minCount) };
  return { mode, ...totalShares(counts, minCount) };
}

type Labelled = CountTable & { readonly rows: readonly Category[]; readonly cols: readonly Category[] };
type GridBody = Omit<CrosstabGrid, 'mode'>;

/** Row shares: every row (and the totals row) as shares of its known answers across the columns. */
function rowShares(t: Labelled, minCount: number): GridBody {
  const u = t.cols.findIndex((c) => c.code === NOT_KNOWN);
  const known = t.cols.map((_, j) => j).filter((j) => j !== u);
  const line = (parts: readonly Count[], total: Count) => {
    const base = safeCount(minus(total, u >= 0 ? parts[u] : undefined), minCount);
    return { values: shares(known.map((j) => parts[j] ?? 'x'), base, minCount), base };
  };
  const lines = t.cells.map((row, i) => line(row, t.rowTotals[i] ?? 'x'));
  const foot = line(t.colTotals, t.total);
  return {
    rows: t.rows,
    cols: known.map((j) => t.cols[j]!),
    cells: lines.map((l) => l.values),
    rowTotals: lines.map((l) => l.base),
    colTotals: foot.values,
    total: foot.base,
  };
}

/** Shares of the records with both answers known: known rows × known columns, and their margins. */
function totalShares(t: CrosstabCounts, minCount: number): GridBody {
  const ur = t.rows.findIndex((c) => c.code === NOT_KNOWN);
  const uc = t.cols.findIndex((c) => c.code === NOT_KNOWN);
  const kr = t.rows.map((_, i) => i).filter((i) => i !== ur);
  const kc = t.cols.map((_, j) => j).filter((j) => j !== uc);
  // Base: total − not-known row − not-known column + their overlap (added back), all published.
  const overlap = ur >= 0 && uc >= 0 ? t.cells[ur]?.[uc] : undefined;
  let base = minus(t.total, ur >= 0 ? t.rowTotals[ur] : undefined);
  base = minus(base, uc >= 0 ? t.colTotals[uc] : undefined);
  if (overlap !== undefined) base = typeof overlap === 'number' ? minus(base, -overlap) : minus(base, overlap);
  base = safeCount(base, minCount);
  const rowMargins = kr.map((i) => safeCount(minus(t.rowTotals[i], uc >= 0 ? t.cells[i]?.[uc] : undefined), minCount));
  const colMargins = kc.map((j) => safeCount(minus(t.colTotals[j], ur >= 0 ? t.cells[ur]?.[j] : undefined), minCount));
  const [total] = shares([base], base, minCount);
  return {
    rows: kr.map((i) => t.rows[i]!),
    cols: kc.map((j) => t.cols[j]!),
    cells: kr.map((i) => shares(kc.map((j) => t.cells[i]?.[j] ?? 'x'), base, minCount)),
    rowTotals: shares(rowMargins, base, minCount),
    colTotals: shares(colMargins, base, minCount),
    total: total!,
  };
}

// ---------------------------------------------------------------------------------------------
// Text.

/** "1,234", "12.5%", or the symbol in brackets: "[c]". */
export function formatValue(v: CrosstabValue): string {
  if (isPercent(v)) return formatPercent(v.pct);
  return typeof v === 'number' ? formatCount(v) : `[${v}]`;
}

export interface SummaryParams {
  readonly period: string;
  readonly logType: string;
}

/**
 * One sentence: the total and the largest known × known group (its count, or its share in a
 * percentage mode). Only published numbers are used; a suppressed total is said in words.
 */
export function crosstabSummary(counts: CrosstabCounts, grid: CrosstabGrid, params: SummaryParams, messages?: Partial<Messages>): string {
  const p = { period: params.period, logType: params.logType };
  if (typeof counts.total !== 'number') return msg(messages, 'crosstabSummarySuppressed', p);
  const total = formatCount(counts.total);
  // Largest published count among known × known cells.
  let best: { i: number; j: number; v: number } | undefined;
  counts.cells.forEach((row, i) => {
    if (counts.rows[i]?.code === NOT_KNOWN) return;
    const j = largestIndex(row.map((v, k) => (counts.cols[k]?.code === NOT_KNOWN ? undefined : v)));
    const v = row[j];
    if (j >= 0 && typeof v === 'number' && (!best || v > best.v)) best = { i, j, v };
  });
  let sentence: string;
  if (best) {
    const xCat = counts.rows[best.i]!, yCat = counts.cols[best.j]!;
    let value = formatCount(best.v);
    if (grid.mode !== 'none') {
      const gi = grid.rows.findIndex((r) => r.code === xCat.code);
      const gj = grid.cols.findIndex((c) => c.code === yCat.code);
      const g = grid.cells[gi]?.[gj];
      value = g !== undefined && isPercent(g) ? formatValue(g) : value;
    }
    sentence = msg(messages, 'crosstabSummary', { ...p, total, xLabel: xCat.label, yLabel: yCat.label, value });
  } else {
    sentence = msg(messages, 'crosstabSummaryNoGroup', { ...p, total });
  }
  const anySuppressed = [...counts.cells.flat(), ...counts.rowTotals, ...counts.colTotals].includes('c');
  return anySuppressed ? `${sentence} ${msg(messages, 'suppressedNote')}` : sentence;
}

/**
 * The download: one line per cell (margins included, code `total`), with codes, labels, the
 * count and its status symbol in separate columns — a symbol never sits in the numeric column —
 * and, in a percentage mode, the percentage shown (to 1 dp) and its status.
 */
export function crosstabCsv(counts: CrosstabCounts, grid: CrosstabGrid, params: SummaryParams & { readonly totalLabel: string }): CsvValue[][] {
  const pctMode = grid.mode !== 'none';
  const head: CsvValue[] = ['period', 'log_type', `${counts.x.id}_code`, `${counts.x.id}_label`, `${counts.y.id}_code`, `${counts.y.id}_label`, 'count', 'count_status'];
  if (pctMode) head.push(`percent_of_${grid.mode}`, 'percent_status');
  const out: CsvValue[][] = [head];
  const T = { code: 'total', label: params.totalLabel };
  const gridAt = (xc: string, yc: string): CrosstabValue | undefined => {
    const gi = xc === 'total' ? grid.rows.length : grid.rows.findIndex((r) => r.code === xc);
    const gj = yc === 'total' ? grid.cols.length : grid.cols.findIndex((c) => c.code === yc);
    if (gi < 0 || gj < 0) return undefined;
    if (gi === grid.rows.length) return gj === grid.cols.length ? grid.total : grid.colTotals[gj];
    return gj === grid.cols.length ? grid.rowTotals[gi] : grid.cells[gi]?.[gj];
  };
  const push = (xc: Category, yc: Category, count: Count | undefined) => {
    const line: CsvValue[] = [params.period, params.logType, xc.code, xc.label, yc.code, yc.label, ...countPair(count)];
    if (pctMode) {
      const g = gridAt(xc.code, yc.code);
      if (g !== undefined && isPercent(g)) line.push(Math.round(g.pct * 1000) / 10, '');
      else line.push('', g === undefined ? 'z' : typeof g === 'string' ? g : 'z');
    }
    out.push(line);
  };
  counts.rows.forEach((r, i) => {
    counts.cols.forEach((c, j) => push(r, c, counts.cells[i]?.[j]));
    push(r, T, counts.rowTotals[i]);
  });
  counts.cols.forEach((c, j) => push(T, c, counts.colTotals[j]));
  push(T, T, counts.total);
  return out;
}

function countPair(v: Count | undefined): [CsvValue, CsvValue] {
  return typeof v === 'number' ? [v, ''] : ['', v ?? 'x'];
}

// ---------------------------------------------------------------------------------------------
// The loaded view.

export interface CrosstabInput {
  readonly manifest: Manifest;
  readonly period: PeriodInfo;
  readonly logType: LogTypeInfo;
  /** The feed's document, either orientation. */
  readonly doc: TableDocument;
  readonly x: string;
  readonly y: string;
  readonly messages?: Partial<Messages>;
}

/** What one load yields: the re-checked counts and everything that does not depend on the display mode. */
export interface CrosstabData {
  readonly manifest: Manifest;
  readonly period: PeriodInfo;
  readonly logType: LogTypeInfo;
  readonly counts: CrosstabCounts;
  readonly minCount: number;
  readonly caption: string;
  readonly emptyMessage: string | undefined;
  readonly resuppressed: readonly SdcCell[];
  readonly source?: string;
}

export function toCrosstabData({ manifest, period, logType, doc, x, y, messages }: CrosstabInput): CrosstabData {
  const minCount = manifest.disclosure.minCount;
  const xf = fieldOf(manifest, x), yf = fieldOf(manifest, y);
  const oriented = orientCrosstab(doc, x, y);
  if (oriented.cells.length !== oriented.rows.length || oriented.colTotals.length !== oriented.cols.length) {
    throw new FeedError('shape', 'The crosstab document\'s rows or columns do not match its codes.');
  }
  const checked = checkCrosstab(oriented, minCount);
  const counts: CrosstabCounts = {
    x: xf,
    y: yf,
    rows: categoriesOf(xf, period.year, oriented.rows),
    cols: categoriesOf(yf, period.year, oriented.cols),
    ...checked.table,
  };
  const params = { x: xf.label, y: yf.label, logType: logType.label, period: period.label };
  return {
    manifest,
    period,
    logType,
    counts,
    minCount,
    caption: msg(messages, 'crosstabCaption', params),
    emptyMessage: counts.total === 0 ? msg(messages, 'crosstabEmpty', params) : undefined,
    resuppressed: checked.resuppressed,
  };
}
