import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { recheckAreaTable } from '../../src/elements/shared/area-table.js';
import type { Count, Manifest, TableDocument } from '../../src/feed/types.js';
import { protectTable } from '../../src/sdc/protect-table.js';
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

// The small-remainder rule: a line whose total is shown, with two or more `c` parts, whose total
// less its shown parts is 1 or 2. Every hidden part is then at most that remainder (the others are
// ≥ 0), and at least one of them is a 1 or a 2: the audit rule (hi ≥ 3) fails for it.

test('small remainder: two c next to a shown total that leaves 2 (both are 1) → smallest shown part', () => {
  // The demo's Camden household type: a reader sees 32 − 10 − 20 = 2 for the two [c].
  const res = recheckTable({ cells: [['c', 'c', 10, 20]], rowTotals: [32] });
  assert.deepEqual(res.resuppressed, [{ row: 0, col: 2, value: 10, reason: 'small-remainder-in-row' }]);
  assert.deepEqual(res.table.cells, [['c', 'c', 'c', 20]]);
  assert.deepEqual(recheckTable(res.table).resuppressed, []);
});

test('small remainder: two c that leave 1', () => {
  const res = recheckTable({ cells: [[7, 'c', 5, 'c']], rowTotals: [13] });
  assert.deepEqual(res.resuppressed, [{ row: 0, col: 2, value: 5, reason: 'small-remainder-in-row' }]);
});

test('small remainder: three c in a column that leave 1 (la-basic London, sex X, before its fix)', () => {
  // Barnet shows 5 of London's 6, so Camden, Hackney and Islington add up to 1.
  const res = recheckTable({ cells: [[5], ['c'], ['c'], ['c']], colTotals: [6] });
  assert.deepEqual(res.resuppressed, [{ row: 0, col: 0, value: 5, reason: 'small-remainder-in-column' }]);
  assert.deepEqual(res.table.cells, [['c'], ['c'], ['c'], ['c']]);
});

test('small remainder: one complement suffices — it is the smallest shown part, at least 3', () => {
  // Left 2 with three shown parts: 4 (the smallest) is hidden; left becomes 6, nothing else moves.
  const res = recheckTable({ cells: [['c', 9, 'c', 4, 30]], rowTotals: [45] });
  assert.deepEqual(res.resuppressed, [{ row: 0, col: 3, value: 4, reason: 'small-remainder-in-row' }]);
  assert.deepEqual(res.table.cells, [['c', 9, 'c', 'c', 30]]);
});

test('small remainder: a remainder of 0 proves the hidden parts are 0 — nothing to suppress', () => {
  const table: RecheckTable = { cells: [['c', 'c', 10, 20]], rowTotals: [30] };
  const res = recheckTable(table);
  assert.deepEqual(res.resuppressed, []);
  assert.deepEqual(res.table, table);
});

test('small remainder: a remainder of 3 or more is left alone (the audit rule: hi ≥ 3)', () => {
  for (const total of [33, 40]) {
    assert.deepEqual(recheckTable({ cells: [['c', 'c', 10, 20]], rowTotals: [total] }).resuppressed, [], `total ${total}`);
  }
  // Three hidden parts that leave 4: each is ≤ 4, none is pinned to 1 or 2 by this line.
  assert.deepEqual(recheckTable({ cells: [['c', 'c', 'c', 10]], rowTotals: [14] }).resuppressed, []);
});

test('small remainder: a hidden total is not this case (the line bounds nothing from above)', () => {
  assert.deepEqual(recheckTable({ cells: [['c', 'c', 10, 20]], rowTotals: ['c'] }).resuppressed, []);
  assert.deepEqual(recheckTable({ cells: [['c', 'c', 10, 20]], rowTotals: ['x'] }).resuppressed, []);
});

test("small remainder: an 'x' part counts as neither shown nor hidden (conservative, as for a lone c)", () => {
  // Whatever the x stands for is ≥ 0, so the two c add up to at most 12 − 10 = 2.
  const res = recheckTable({ cells: [['c', 'c', 'x', 10]], rowTotals: [12] });
  assert.deepEqual(res.resuppressed, [{ row: 0, col: 3, value: 10, reason: 'small-remainder-in-row' }]);
});

test('small remainder in the totals row, then the lone c it leaves in a column', () => {
  // Row totals hidden, so no row is a relation; the totals row shows 45 and 65 of 112: the two
  // hidden column totals add up to 2.
  const res = recheckTable({
    cells: [['c', 'c', 20, 30], ['c', 'c', 25, 35]],
    rowTotals: ['c', 'c'],
    colTotals: ['c', 'c', 45, 65],
    grandTotal: 112,
  });
  assert.deepEqual(res.resuppressed, [
    { row: 'total', col: 2, value: 45, reason: 'small-remainder-in-row' },
    { row: 0, col: 2, value: 20, reason: 'lone-suppression-in-column' },
  ]);
  assert.deepEqual(recheckTable(res.table).resuppressed, []);
});

test('small remainder in the totals column', () => {
  const res = recheckTable({
    cells: [['c', 'c'], ['c', 'c'], [20, 25], [30, 35]],
    rowTotals: ['c', 'c', 45, 65],
    colTotals: ['c', 'c'],
    grandTotal: 112,
  });
  assert.deepEqual(res.resuppressed, [
    { row: 2, col: 'total', value: 45, reason: 'small-remainder-in-column' },
    { row: 2, col: 0, value: 20, reason: 'lone-suppression-in-row' },
  ]);
  assert.deepEqual(recheckTable(res.table).resuppressed, []);
});

test('small remainder after a primary: a published 2 hidden next to another c', () => {
  // A leaked 2 beside a [c] of 1 (total 33): once the 2 is hidden, the two leave 3 — safe. A leaked
  // 1 beside a [c] of 1 (total 32): once the 1 is hidden, the two leave 2 — the 30 goes too.
  const safe = recheckTable({ cells: [['c', 2, 30]], rowTotals: [33] });
  assert.deepEqual(safe.resuppressed.map((r) => r.reason), ['count-below-3']);
  const leaky = recheckTable({ cells: [['c', 1, 30]], rowTotals: [32] });
  assert.deepEqual(leaky.resuppressed.map((r) => [r.col, r.reason]), [[1, 'count-below-3'], [2, 'small-remainder-in-row']]);
});

/**
 * What a reader gets from one line of the checked table, against the truth: the line gives away a
 * lone hidden non-zero cell, or its hidden parts add up to 1 or 2 (so each is at most 2, one of them
 * a 1 or a 2). Cells the line's own shown numbers prove to be 0 are fine.
 */
function lineLeak(shown: readonly Count[], truth: readonly number[]): string | undefined {
  const hidden = shown.map((v, k) => (v === 'c' ? k : -1)).filter((k) => k >= 0);
  if (hidden.length === 1 && truth[hidden[0]!] !== 0) return `lone c = ${truth[hidden[0]!]}`;
  const total = shown.at(-1);
  if (typeof total !== 'number') return undefined;
  const left = hidden.reduce((a, k) => a + truth[k]!, 0);
  return left > 0 && left < 3 ? `hidden parts add up to ${left}` : undefined;
}

const smallCount = fc.oneof(fc.constantFrom(0, 0, 1, 2, 3), fc.integer({ min: 0, max: 40 }));

test('property: after the re-check no line gives away a hidden cell or pins hidden parts to 1–2', () => {
  const arb = fc
    .record({ nr: fc.integer({ min: 1, max: 5 }), nc: fc.integer({ min: 1, max: 5 }), rowTot: fc.boolean(), colTot: fc.boolean() })
    .chain(({ nr, nc, rowTot, colTot }) => fc.record({
      truth: fc.array(fc.array(smallCount, { minLength: nc, maxLength: nc }), { minLength: nr, maxLength: nr }),
      // A careless feed: each cell (margins included) is published as c with probability 1/3.
      mask: fc.array(fc.array(fc.integer({ min: 0, max: 2 }).map((n) => n === 0), { minLength: nc + 1, maxLength: nc + 1 }), { minLength: nr + 1, maxLength: nr + 1 }),
      rowTot: fc.constant(rowTot),
      colTot: fc.constant(colTot),
    }));
  fc.assert(
    fc.property(arb, ({ truth, mask, rowTot, colTot }) => {
      const nr = truth.length, nc = truth[0]!.length;
      const full = [...truth.map((r) => [...r, r.reduce((a, b) => a + b, 0)])];
      full.push(Array.from({ length: nc + 1 }, (_, j) => full.reduce((a, r) => a + r[j]!, 0)));
      const pub = full.map((r, i) => r.map((v, j): Count => (mask[i]![j] ? 'c' : v)));
      const table: RecheckTable = {
        cells: pub.slice(0, nr).map((r) => r.slice(0, nc)),
        ...(rowTot ? { rowTotals: pub.slice(0, nr).map((r) => r[nc]!) } : {}),
        ...(colTot ? { colTotals: pub[nr]!.slice(0, nc), grandTotal: pub[nr]![nc]! } : {}),
      };
      const { table: out, resuppressed } = recheckTable(table);
      // The checked grid, with `undefined` for a margin the table does not show.
      const g: (Count | undefined)[][] = [
        ...out.cells.map((r, i) => [...r, out.rowTotals?.[i]]),
        [...(out.colTotals ?? Array<Count | undefined>(nc).fill(undefined)), out.grandTotal],
      ];
      g.forEach((r, i) => r.forEach((v, j) => {
        if (typeof v !== 'number') return;
        assert.equal(v, full[i]![j], `published values are true at ${i},${j}`);
        assert.ok(!(v > 0 && v < 3), `no 1 or 2 shown (${v} at ${i},${j})`);
      }));
      // Lines with a shown total: every row and column, the margins included.
      const lines: [(Count | undefined)[], number[]][] = [
        ...g.map((r, i): [(Count | undefined)[], number[]] => [r, full[i]!]),
        ...g[0]!.map((_, j): [(Count | undefined)[], number[]] => [g.map((r) => r[j]), full.map((r) => r[j]!)]),
      ];
      for (const [line, t] of lines) {
        if (typeof line.at(-1) !== 'number' && line.at(-1) !== 'c') continue; // not a relation
        if (line.slice(0, -1).some((v) => v === undefined)) continue;
        const leak = lineLeak(line as Count[], t);
        assert.equal(leak, undefined, `${JSON.stringify(line)}: ${leak} (truth ${JSON.stringify(t)})`);
      }
      assert.deepEqual(recheckTable(out).resuppressed, [], 'a fixpoint');
      assert.ok(resuppressed.every((r) => r.value === full[r.row === 'total' ? nr : r.row]![r.col === 'total' ? nc : r.col]));
    }),
    { numRuns: 3000, seed: 20251130 },
  );
});

test('property: a table protected by protectTable (audited) passes the re-check untouched', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 5 }).chain((nr) =>
        fc.integer({ min: 2, max: 5 }).chain((nc) => fc.array(fc.array(smallCount, { minLength: nc, maxLength: nc }), { minLength: nr, maxLength: nr })),
      ),
      async (cells) => {
        const out = await protectTable({ rows: cells.map((_, i) => `r${i}`), cols: cells[0]!.map((_, j) => `c${j}`), cells });
        fc.pre(out.pass);
        const R = out.rows.length - 1, C = out.cols.length - 1;
        assert.equal(out.rows[R], 'Total');
        assert.equal(out.cols[C], 'Total');
        const table: RecheckTable = {
          cells: out.cells.slice(0, R).map((r) => r.slice(0, C)),
          rowTotals: out.cells.slice(0, R).map((r) => r[C]!),
          colTotals: out.cells[R]!.slice(0, C),
          grandTotal: out.cells[R]![C]!,
        };
        assert.deepEqual(recheckTable(table).resuppressed, [], JSON.stringify({ cells, out: out.cells }));
      },
    ),
    { numRuns: 60, seed: 20251130 },
  );
});

// The elements' area tables (`recheckAreaTable`): the LA block and the regions block use
// `recheckTable`; the hierarchy (a region is the sum of its LAs) has its own loop, with the same
// small-remainder rule.

const GEO = {
  england: { code: 'E92000001', name: 'England' },
  regions: [{ code: 'R1', name: 'Region 1' }, { code: 'R2', name: 'Region 2' }],
};
function areaManifest(las: readonly (readonly [string, string])[]): Manifest {
  return {
    disclosure: { minCount: 3, meanThreshold: 3 },
    geography: { ...GEO, las: las.map(([code, region]) => ({ code, name: code, region })) },
  } as unknown as Manifest;
}
function areaDoc(rows: string[], cells: Count[][], rowTotals: Count[], regions: { cells: Count[][]; rowTotals: Count[] }, colTotals: Count[], total: Count): TableDocument {
  return {
    schemaVersion: '1.0.0', kind: 'table', period: 'P', logType: 'sr-gn', rowDim: 'area', colDim: 'q',
    rows, cols: colTotals.map((_, j) => `q${j}`), cells, rowTotals, colTotals, total,
    regions: { rows: ['R1', 'R2'], ...regions },
  };
}

test("area table: a region's shown LAs leaving 1 or 2 for its hidden LAs — only the hierarchy sees it", () => {
  // R1 = A + B + C. In q1, B and C hide 1 + 1 of R1's 7: 7 − 5 = 2. England's q1 (the LA block's
  // line) leaves 12 for four hidden cells, every LA row leaves 3 or more, and the regions block
  // shows everything: only the hierarchy relates R1 to its LAs.
  const manifest = areaManifest([['A', 'R1'], ['B', 'R1'], ['C', 'R1'], ['D', 'R2'], ['E', 'R2']]);
  const doc = areaDoc(
    ['A', 'B', 'C', 'D', 'E'],
    [[40, 5, 6], [30, 'c', 'c'], [20, 'c', 'c'], [50, 'c', 'c'], [60, 'c', 'c']],
    [51, 33, 24, 59, 69],
    { cells: [[90, 7, 11], [110, 10, 8]], rowTotals: [108, 128] },
    [200, 17, 19], 236,
  );
  const { doc: out, resuppressed } = recheckAreaTable(doc, manifest);
  // A's q1 is the complement; then A's row holds one c, so its smallest other part (q2) goes too.
  assert.deepEqual(resuppressed, [{ row: 'A', col: 'q1', rule: 'complementary' }, { row: 'A', col: 'q2', rule: 'complementary' }]);
  assert.deepEqual(out.cells[0], [40, 'c', 'c']);
  assert.deepEqual(recheckAreaTable(out, manifest).resuppressed, [], 'a fixpoint');
});

test('area table: the same region with 3 or more left for its hidden LAs is untouched', () => {
  const manifest = areaManifest([['A', 'R1'], ['B', 'R1'], ['C', 'R1'], ['D', 'R2'], ['E', 'R2']]);
  const doc = areaDoc(
    ['A', 'B', 'C', 'D', 'E'],
    [[40, 5, 6], [30, 'c', 'c'], [20, 'c', 'c'], [50, 'c', 'c'], [60, 'c', 'c']],
    [51, 33, 25, 59, 69],
    { cells: [[90, 8, 11], [110, 10, 8]], rowTotals: [109, 128] },
    [200, 18, 19], 237,
  );
  assert.deepEqual(recheckAreaTable(doc, manifest).resuppressed, []);
});

test('property: LAs in two regions protected by protectTable (audited) pass the area re-check untouched', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.infiniteStream(smallCount),
      async (n1, n2, nc, stream) => {
        const it = stream[Symbol.iterator]();
        const r1 = Array.from({ length: n1 }, (_, i) => `A${i}`);
        const r2 = Array.from({ length: n2 }, (_, i) => `B${i}`);
        const las = [...r1, ...r2];
        const out = await protectTable({
          rows: ['England', 'R1', 'R2', ...las],
          cols: Array.from({ length: nc }, (_, j) => `q${j}`),
          cells: [Array(nc).fill(null), Array(nc).fill(null), Array(nc).fill(null), ...las.map(() => Array.from({ length: nc }, () => it.next().value as number))],
          rowHierarchy: { England: ['R1', 'R2'], R1: r1, R2: r2 },
        });
        fc.pre(out.pass);
        const row = (code: string) => out.cells[out.rows.indexOf(code)]!;
        const doc = areaDoc(
          las, las.map((la) => row(la).slice(0, nc)), las.map((la) => row(la)[nc]!),
          { cells: ['R1', 'R2'].map((r) => row(r).slice(0, nc)), rowTotals: ['R1', 'R2'].map((r) => row(r)[nc]!) },
          row('England').slice(0, nc), row('England')[nc]!,
        );
        const manifest = areaManifest([...r1.map((c) => [c, 'R1'] as const), ...r2.map((c) => [c, 'R2'] as const)]);
        assert.deepEqual(recheckAreaTable(doc, manifest).resuppressed, [], JSON.stringify(out.cells));
      },
    ),
    { numRuns: 40, seed: 20251130 },
  );
});
