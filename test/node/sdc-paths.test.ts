// Path witnesses (src/sdc/paths.ts): a cell they prove must have an exact LP interval holding
// [value, the hi they report], on hand-made and random tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { auditSystem, HighsLpSolver } from '../../src/sdc/audit.js';
import { countRise, provePaths } from '../../src/sdc/paths.js';
import { tableToSystem, type TableInput } from '../../src/sdc/protect-table.js';
import { protectSystem } from '../../src/sdc/protect.js';
import { compileSystem } from '../../src/sdc/system.js';
import { counts, twoRegionTable } from './helpers/tables.js';
import { Status } from '../../src/sdc/types.js';

/** The system of `input` with the cells at `hide` ([row, col] codes) hidden. */
function hiddenTable(input: TableInput, hide: readonly (readonly [string, string])[]) {
  const ts = tableToSystem(input);
  const sys = compileSystem(ts.system);
  const hidden = new Uint8Array(sys.n);
  const ids = hide.map(([r, c]) => ts.ids[ts.rows.indexOf(r)]![ts.cols.indexOf(c)]!);
  for (const id of ids) hidden[id] = 1;
  return { sys, hidden, ids };
}

const grid: TableInput = {
  rows: ['a', 'b', 'c'],
  cols: ['x', 'y', 'z'],
  cells: [[1, 5, 9], [4, 2, 7], [6, 8, 3]],
};

test('a rectangle of hidden cells proves its corners; the rise is 3 for a zero, else 2', () => {
  const { sys, hidden, ids } = hiddenTable(grid, [['a', 'x'], ['a', 'y'], ['b', 'x'], ['b', 'y']]);
  const proved = provePaths(sys, hidden, ids);
  // a·x = 1 rises to 3 (b·x = 4 and a·y = 5 give way); b·y = 2 rises to 4 (a·y, b·x give way).
  assert.equal(proved.get(ids[0]!), 3);
  assert.equal(proved.get(ids[3]!), 4);
  assert.deepEqual([countRise(0), countRise(1), countRise(2), countRise(9)], [3, 2, 2, 2]);
});

test('no witness without a cycle, or when the cells that give way hold too little', () => {
  // Row and column partners but no fourth corner: a·x is exactly a·x's row total less a·y.
  const open = hiddenTable(grid, [['a', 'x'], ['a', 'y'], ['b', 'x']]);
  assert.equal(provePaths(open.sys, open.hidden, open.ids).size, 0);
  // A rectangle whose give-way cells hold 1 each: a·x can rise by 1, not 2.
  const thin: TableInput = { rows: ['a', 'b'], cols: ['x', 'y'], cells: [[1, 1], [1, 5]] };
  const t = hiddenTable(thin, [['a', 'x'], ['a', 'y'], ['b', 'x'], ['b', 'y']]);
  assert.equal(provePaths(t.sys, t.hidden, [t.ids[0]!]).has(t.ids[0]!), false);
  // …while b·y (5) rises through a·y and b·x only by 1 too: not proved; a·y rises through a·x, b·y.
  assert.equal(provePaths(t.sys, t.hidden, [t.ids[3]!]).has(t.ids[3]!), false);
});

const countArb = counts(30);

test('property: every cell a path witness proves has an exact LP interval holding [value, hi]', async () => {
  const solver = await HighsLpSolver.create({ mode: 'direct' });
  let provedCells = 0;
  let unproved = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 5 }),
        fc.infiniteStream(countArb),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.double({ min: 0.2, max: 0.7, noNaN: true }),
        async (la1, la2, nc, values, coins, rate) => {
          const v = values[Symbol.iterator]();
          const coin = coins[Symbol.iterator]();
          const ts = tableToSystem(twoRegionTable(la1, la2, nc, () => v.next().value as number));
          const sys = compileSystem(ts.system);
          const status = new Uint8Array(sys.n);
          const hidden = new Uint8Array(sys.n);
          const targets: number[] = [];
          for (let c = 0; c < sys.n; c++) {
            if ((coin.next().value as number) >= rate) continue;
            status[c] = Status.Primary;
            hidden[c] = 1;
            targets.push(c);
          }
          const proved = provePaths(sys, hidden, targets);
          const exact = await auditSystem(ts.system, status, { solver });
          for (const a of exact.results) {
            const hi = proved.get(a.cell);
            if (hi === undefined) {
              unproved++;
              continue;
            }
            provedCells++;
            assert.equal(hi, sys.values[a.cell]! + countRise(sys.values[a.cell]!));
            assert.ok(a.lo <= sys.values[a.cell]! + 1e-9 && a.hi >= hi - 1e-9, `cell ${a.cell}: witness to ${hi}, LP [${a.lo}, ${a.hi}]`);
            assert.ok(a.pass, `cell ${a.cell} proved by a path but fails the audit`);
          }
        },
      ),
      { numRuns: 120 },
    );
  } finally {
    solver.dispose();
  }
  // The property was exercised both ways.
  assert.ok(provedCells > 100 && unproved > 100, `${provedCells} proved, ${unproved} not`);
});

test('property: a hidden count of 3 (a complement) is proved like a primary', async () => {
  // Its exact LP interval passes the audit's rule (hi ≥ 3 and hi − lo ≥ 2), which an interval of
  // [2, 3] would fail: the builder proves it by a point at 5, or by points at 3 or more and at 1 or less.
  const solver = await HighsLpSolver.create({ mode: 'direct' });
  let threes = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 3, max: 5 }),
        fc.infiniteStream(fc.oneof(fc.constant(1), fc.constant(3), fc.integer({ min: 0, max: 12 }))),
        async (nr, nc, values) => {
          const v = values[Symbol.iterator]();
          const input: TableInput = {
            rows: Array.from({ length: nr }, (_, i) => `r${i}`),
            cols: Array.from({ length: nc }, (_, j) => `c${j}`),
            cells: Array.from({ length: nr }, () => Array.from({ length: nc }, () => v.next().value as number)),
          };
          const ts = tableToSystem(input);
          const res = await protectSystem(ts.system);
          const proved = new Map(res.audit.map((a) => [a.cell, a]));
          // The exact audit of the published table, with each complement of 3 audited as a primary.
          const status = Uint8Array.from(res.status);
          const here: number[] = [];
          for (let c = 0; c < status.length; c++) {
            if (status[c] !== Status.Secondary || ts.system.values[c] !== 3) continue;
            here.push(c);
            status[c] = Status.Primary;
            assert.ok(proved.get(c)?.pass, `complement ${c} of 3 not proved by the builder: ${JSON.stringify(proved.get(c))}`);
          }
          if (here.length === 0) return;
          threes += here.length;
          const exact = new Map((await auditSystem(ts.system, status, { solver })).results.map((a) => [a.cell, a]));
          for (const c of here) {
            const a = exact.get(c);
            assert.ok(a?.pass, `complement ${c} of 3: exact interval ${JSON.stringify(a)}`);
          }
        },
      ),
      { numRuns: 40 },
    );
  } finally {
    solver.dispose();
  }
  assert.ok(threes > 20, `${threes} complements of 3`);
});
