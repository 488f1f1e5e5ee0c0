import { test } from 'node:test';
import { crosstabPair } from '../../src/feed/types.js';
import assert from 'node:assert/strict';
import type { Count, FieldInfo } from '../../src/feed/types.js';
import {
  checkCrosstab, crosstabCsv, crosstabGrid, crosstabSummary, formatValue, orientCrosstab, shares,
  type CrosstabCounts, type CrosstabGrid,
} from '../../src/elements/core-crosstab/crosstab.view.js';
import { FeedError } from '../../src/feed/errors.js';

const field = (id: string, codes: string[]): FieldInfo => ({
  id, label: id.toUpperCase(), section: 'S', log: 'lettings', kind: 'categorical', show: 'la',
  categories: codes.map((code) => ({ code, label: code === 'unknown' ? 'Not known' : `${id}-${code}` })),
});
const X = field('x', ['a', 'b', 'unknown']);
const Y = field('y', ['p', 'q', 'unknown']);
const cats = (f: FieldInfo) => f.categories!.map((c) => ({ code: c.code, label: c.label }));

function counts(cells: Count[][], rowTotals: Count[], colTotals: Count[], total: Count): CrosstabCounts {
  return { x: X, y: Y, rows: cats(X), cols: cats(Y), cells, rowTotals, colTotals, total };
}
/** The grid as text, totals last: rows of formatted values. */
const text = (g: CrosstabGrid): string[][] => [
  ...g.cells.map((r, i) => [...r, g.rowTotals[i]!].map(formatValue)),
  [...g.colTotals, g.total].map(formatValue),
];

// A protected table: the not-known rectangle (b, a-unknown) × (q, unknown) is suppressed.
//        p    q   unk | tot
//   a   10   20    5  |  35
//   b   30    c    c  |  40      (true 4, 6)
//  unk   5    c    c  |  12      (true 3, 4)
//  tot  45   27   15  |  87
const PROTECTED = counts([[10, 20, 5], [30, 'c', 'c'], [5, 'c', 'c']], [35, 40, 12], [45, 27, 15], 87);
// The same table with nothing suppressed.
const OPEN = counts([[10, 20, 5], [30, 4, 6], [5, 3, 4]], [35, 40, 12], [45, 27, 15], 87);

test('counts: the re-checked table as it is', () => {
  assert.deepEqual(text(crosstabGrid(PROTECTED, 'none', 3)), [
    ['10', '20', '5', '35'], ['30', '[c]', '[c]', '40'], ['5', '[c]', '[c]', '12'], ['45', '27', '15', '87'],
  ]);
});

test('row percentages: known columns only, base = total − not known; a suppressed not-known hides the row', () => {
  const g = crosstabGrid(PROTECTED, 'row', 3);
  assert.deepEqual(g.cols.map((c) => c.code), ['p', 'q']);
  assert.deepEqual(g.rows.map((c) => c.code), ['a', 'b', 'unknown']);
  assert.deepEqual(text(g), [
    ['33.3%', '66.7%', '30'], // 10/30, 20/30
    ['[c]', '[c]', '[c]'], // base 40 − c unknown
    ['[c]', '[c]', '[c]'],
    ['62.5%', '37.5%', '72'], // 45/72, 27/72
  ]);
});

test('column percentages: known rows only, base = column total − not-known row', () => {
  const g = crosstabGrid(PROTECTED, 'column', 3);
  assert.deepEqual(g.rows.map((c) => c.code), ['a', 'b']);
  assert.deepEqual(g.cols.map((c) => c.code), ['p', 'q', 'unknown']);
  assert.deepEqual(text(g), [
    ['25.0%', '[c]', '[c]', '46.7%'], // 10/40; q and unknown: base has a c; 35/75
    ['75.0%', '[c]', '[c]', '53.3%'], // 30/40; 40/75
    ['40', '[c]', '[c]', '75'],
  ]);
});

test('total percentages: of the records with both answers known (87 − 12 − 15 + 4 = 64)', () => {
  assert.deepEqual(text(crosstabGrid(OPEN, 'total', 3)), [
    ['15.6%', '31.3%', '46.9%'], // 10/64, 20/64, (35 − 5)/64
    ['46.9%', '6.3%', '53.1%'], // 30/64, 4/64, (40 − 6)/64
    ['62.5%', '37.5%', '100.0%'], // (45 − 5)/64, (27 − 3)/64
  ]);
  // A suppressed part of the base: no total percentages at all.
  assert.ok(text(crosstabGrid(PROTECTED, 'total', 3)).flat().every((v) => v === '[c]'));
});

test('shares: a base of 1 or 2 shows nothing; a base of 0 is not applicable; symbols stay', () => {
  assert.deepEqual(shares([0, 'c'], 2, 3), ['c', 'c']);
  assert.deepEqual(shares([0, 0], 0, 3), ['z', 'z']);
  assert.deepEqual(shares([3, 'x', 'c'], 'c', 3), ['c', 'x', 'c']);
  assert.deepEqual(shares([1, 9], 10, 3), ['c', { pct: 0.9 }]); // defence: a leaked 1 is never a share
  // Percentages that round up and down: 1/3, 2/3 of 9 → 33.3% and 66.7% (shown, never "fixed" to 100).
  assert.deepEqual(shares([3, 6], 9, 3).map(formatValue), ['33.3%', '66.7%']);
});

test('no not-known category: percentages of the whole line', () => {
  const f = field('f', ['a', 'b']);
  const g = crosstabGrid({ x: f, y: f, rows: cats(f), cols: cats(f), cells: [[3, 5], [0, 4]], rowTotals: [8, 4], colTotals: [3, 9], total: 12 }, 'row', 3);
  assert.deepEqual(text(g), [['37.5%', '62.5%', '8'], ['0.0%', '100.0%', '4'], ['25.0%', '75.0%', '12']]);
});

test('re-check: a leaked 2 and a lone c next to a published total are suppressed and reported by code', () => {
  const doc = {
    schemaVersion: '1.0.0', kind: 'table' as const, period: 'p', logType: 'sr-gn' as const, rowDim: 'x', colDim: 'y',
    rows: ['a', 'b'], cols: ['p', 'q'], cells: [[2, 10], ['c', 7]] as Count[][], rowTotals: [12, 11], colTotals: [6, 17], total: 23,
  };
  const { table, resuppressed } = checkCrosstab(doc, 3);
  assert.equal(table.cells[0]![0], 'c');
  // Column p now has two c; row a had one c (the 2) next to 12 → its smallest other, 10, is suppressed; and so on.
  for (const line of [...table.cells, table.colTotals]) assert.notEqual(line.filter((v) => v === 'c').length, 1);
  assert.ok(resuppressed.some((r) => r.row === 'a' && r.col === 'p' && r.rule === 'primary'));
  assert.ok(resuppressed.some((r) => r.rule === 'complementary'));
  assert.ok(resuppressed.every((r) => !('value' in r)));
});

test('orientation: the feed stores x~y once; y~x is the transpose; anything else is a shape error', () => {
  assert.deepEqual(crosstabPair(['a', 'b'], 'b', 'a'), { x: 'a', y: 'b', transposed: true });
  assert.deepEqual(crosstabPair(['a', 'b'], 'a', 'b'), { x: 'a', y: 'b', transposed: false });
  assert.equal(crosstabPair(['a', 'b'], 'a', 'c'), undefined);
  assert.equal(crosstabPair(['a', 'b'], 'a', 'a'), undefined);
  const doc = {
    schemaVersion: '1.0.0', kind: 'table' as const, period: 'p', logType: 'sr-gn' as const, rowDim: 'x', colDim: 'y',
    rows: ['a', 'b'], cols: ['p', 'q', 'r'], cells: [[1, 2, 3], [4, 5, 6]], rowTotals: [6, 15], colTotals: [5, 7, 9], total: 21,
  };
  const t = orientCrosstab(doc, 'y', 'x');
  assert.deepEqual([t.rows, t.cols, t.cells, t.rowTotals, t.colTotals], [['p', 'q', 'r'], ['a', 'b'], [[1, 4], [2, 5], [3, 6]], [5, 7, 9], [6, 15]]);
  assert.throws(() => orientCrosstab(doc, 'x', 'z'), FeedError);
});

test('summary: total and largest known group; percentages in a percentage mode; suppressed total in words', () => {
  const p = { period: '2024/25', logType: 'General needs' };
  assert.equal(crosstabSummary(PROTECTED, crosstabGrid(PROTECTED, 'none', 3), p),
    'England, 2024/25: 87 General needs logs. The largest group is “x-b” with “y-p” (30). Some numbers are suppressed to protect confidentiality.');
  assert.equal(crosstabSummary(OPEN, crosstabGrid(OPEN, 'row', 3), p),
    'England, 2024/25: 87 General needs logs. The largest group is “x-b” with “y-p” (88.2%).'); // 30 / (40 − 6)
  assert.equal(crosstabSummary({ ...PROTECTED, total: 'c' }, crosstabGrid(PROTECTED, 'none', 3), p),
    'The number of General needs logs in England in 2024/25 is suppressed to protect confidentiality.');
});

test('CSV: codes, labels, count and status apart; percentages with their own status', () => {
  const rows = crosstabCsv(PROTECTED, crosstabGrid(PROTECTED, 'row', 3), { period: '2024-25', logType: 'sr-gn', totalLabel: 'Total' });
  assert.deepEqual(rows[0], ['period', 'log_type', 'x_code', 'x_label', 'y_code', 'y_label', 'count', 'count_status', 'percent_of_row', 'percent_status']);
  assert.deepEqual(rows[1], ['2024-25', 'sr-gn', 'a', 'x-a', 'p', 'y-p', 10, '', 33.3, '']);
  assert.deepEqual(rows[6], ['2024-25', 'sr-gn', 'b', 'x-b', 'q', 'y-q', '', 'c', '', 'c']);
  assert.deepEqual(rows[3], ['2024-25', 'sr-gn', 'a', 'x-a', 'unknown', 'Not known', 5, '', '', 'z']); // not-known: no share
  assert.deepEqual(rows.at(-1), ['2024-25', 'sr-gn', 'total', 'Total', 'total', 'Total', 87, '', '', 'z']); // a base, not a share
  assert.equal(rows.length, 1 + 3 * 4 + 4);
  for (const r of rows.slice(1)) assert.ok(typeof r[6] === 'number' || (r[6] === '' && ['c', 'x', 'z'].includes(r[7] as string)));
});
