import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recheckTable, type RecheckTable } from '../../src/sdc/recheck.js';

test('re-check: a correctly protected table is untouched', () => {
  // TC2's cost-minimal pattern (A and C rows, both columns) as an element would receive it.
  const ok: RecheckTable = {
    cells: [['c', 'c'], [14, 19], ['c', 'c'], [11, 14]],
    rowTotals: [20, 33, 22, 25],
    colTotals: [55, 45],
    grandTotal: 100,
  };
  const res = recheckTable(ok);
  assert.deepEqual(res.resuppressed, []);
  assert.deepEqual(res.table, ok);
});

test('re-check: counts of 1 and 2 become c (totals included), zeros stay', () => {
  const res = recheckTable({ cells: [[0, 1], [2, 30]], rowTotals: [1, 32], colTotals: [2, 31], grandTotal: 33 });
  const primaries = res.resuppressed.filter((r) => r.reason === 'count-below-3');
  assert.deepEqual(
    primaries.map((r) => [r.row, r.col, r.value]),
    [[0, 1, 1], [0, 'total', 1], [1, 0, 2], ['total', 0, 2]],
  );
  assert.equal(res.table.cells[0]![0], 0);
});

test('re-check: a lone suppressed cell in a line with a published total gets the smallest non-zero complement', () => {
  const table: RecheckTable = {
    cells: [
      [18, 'c'],
      [14, 19],
      [12, 10],
      [11, 14],
    ],
    rowTotals: [20, 33, 22, 25],
    colTotals: [55, 45],
    grandTotal: 100,
  };
  const res = recheckTable(table);
  // Row A: lone c next to total 20 → its smallest non-zero is 18 (A/male); then column female
  // (lone c) → 10 (C/female); then column male (lone A/male) → 11 (D/male); row C and row D then
  // hold one c each → 12 (C/male) and 14 (D/female)... until every line has 0 or ≥ 2.
  assert.ok(res.resuppressed.length >= 2);
  assert.deepEqual(res.resuppressed[0], { row: 0, col: 0, value: 18, reason: 'lone-suppression-in-row' });
  assert.ok(res.resuppressed.every((r) => r.reason !== 'count-below-3'));
  // fixpoint: no line with exactly one c next to a shown total
  const again = recheckTable(res.table);
  assert.deepEqual(again.resuppressed, []);
  // every row and column has 0 or ≥ 2 suppressed cells (counting its total)
  const g = res.table;
  for (let i = 0; i < 4; i++) {
    const k = [...g.cells[i]!, g.rowTotals![i]!].filter((v) => v === 'c').length;
    assert.ok(k === 0 || k >= 2, `row ${i}`);
  }
  for (let j = 0; j < 2; j++) {
    const k = [...g.cells.map((r) => r[j]!), g.colTotals![j]!].filter((v) => v === 'c').length;
    assert.ok(k === 0 || k >= 2, `col ${j}`);
  }
  // published numbers are never changed, only hidden
  table.cells.forEach((row, i) => row.forEach((v, j) => { const w = g.cells[i]![j]; if (w !== 'c') assert.equal(w, v); }));
});

test('re-check: a lone suppressed total with all parts shown is complemented', () => {
  const res = recheckTable({ cells: [[5, 7, 9]], rowTotals: ['c'] });
  assert.deepEqual(res.resuppressed, [{ row: 0, col: 0, value: 5, reason: 'lone-suppression-in-row' }]);
});

test('re-check: lines without a shown total are not relations', () => {
  const res = recheckTable({ cells: [[5, 'c', 9]], rowTotals: ['x'] });
  assert.deepEqual(res.resuppressed, []);
  const none = recheckTable({ cells: [[5, 'c', 9]] });
  assert.deepEqual(none.resuppressed, []);
});

test('re-check: zeros are never complements', () => {
  const res = recheckTable({ cells: [['c', 0, 0, 40]], rowTotals: [45] });
  assert.deepEqual(res.resuppressed.map((r) => r.col), [3]);
});

test('a chain: suppressed cells a line proves to be 0 do not count as hidden in the other lines', () => {
  // Row 0's shown numbers make up its total, so both its c are 0; column 0 then hides only
  // row 1's c: 8 − 0 − 6 = 2. No line holds a lone c, so a line-by-line check alone misses it.
  const table: RecheckTable = {
    cells: [['c', 'c', 4], ['c', 'c', 3], [6, 5, 7]],
    rowTotals: [4, 9, 18],
    colTotals: [8, 9, 14],
    grandTotal: 31,
  };
  const res = recheckTable(table);
  assert.ok(res.resuppressed.length > 0, 'complementary suppressions added');
  // Column 0 below the proven zero: row 1, row 2 and the total — at least two hidden now.
  const col0 = [res.table.cells[1]![0], res.table.cells[2]![0], res.table.colTotals![0]];
  assert.ok(col0.filter((v) => v === 'c').length >= 2, JSON.stringify(col0));
  const col1 = [res.table.cells[1]![1], res.table.cells[2]![1], res.table.colTotals![1]];
  assert.ok(col1.filter((v) => v === 'c').length >= 2, JSON.stringify(col1));
  // A fixpoint: checking the result again changes nothing.
  assert.deepEqual(recheckTable(res.table).resuppressed, []);
});
