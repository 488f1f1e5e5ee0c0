// The fast audit (propagation + local LPs + whole-component fallback) must give exactly the
// intervals of the plain audit (two LPs per cell on the whole component), on random patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { auditSystem, HighsLpSolver } from '../../src/sdc/audit.js';
import { tableToSystem } from '../../src/sdc/protect-table.js';
import { Status } from '../../src/sdc/types.js';
import { counts, twoRegionTable } from './helpers/tables.js';

const countArb = counts(60);

test('property: fast audit = direct audit on random hierarchical tables and random patterns', async () => {
  const fast = await HighsLpSolver.create({ mode: 'certified' });
  const direct = await HighsLpSolver.create({ mode: 'direct' });
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.infiniteStream(countArb),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.double({ min: 0.15, max: 0.6, noNaN: true }),
        async (la1, la2, nc, values, coins, rate) => {
          const v = values[Symbol.iterator]();
          const coin = coins[Symbol.iterator]();
          const ts = tableToSystem(twoRegionTable(la1, la2, nc, () => v.next().value as number));
          const n = ts.system.values.length;
          const status = new Uint8Array(n);
          for (let c = 0; c < n; c++) if ((coin.next().value as number) < rate) status[c] = Status.Primary;
          const a = await auditSystem(ts.system, status, { solver: fast });
          const b = await auditSystem(ts.system, status, { solver: direct });
          assert.equal(a.results.length, b.results.length);
          a.results.forEach((x, i) => {
            const y = b.results[i]!;
            assert.equal(x.cell, y.cell);
            assert.ok(Math.abs(x.lo - y.lo) <= 1e-6, `lo ${x.lo} vs ${y.lo}`);
            assert.ok(x.hi === y.hi || Math.abs(x.hi - y.hi) <= 1e-6, `hi ${x.hi} vs ${y.hi}`);
            assert.equal(x.pass, y.pass);
          });
        },
      ),
      { numRuns: 80 },
    );
    // the fast paths were exercised, not just the fallback
    assert.ok(fast.stats.cappedRounds > 0, JSON.stringify(fast.stats));
    assert.equal(direct.stats.cappedRounds, 0);
  } finally {
    fast.dispose();
    direct.dispose();
  }
});

test('property: verdict-mode audit and verify-mode solving agree with the exact audit', async () => {
  // Small limits force every fast path (group testing, inner LPs) on these small systems.
  const exact = await HighsLpSolver.create({ mode: 'direct' });
  const fast = await HighsLpSolver.create({ fullVerifyLimit: 6, groupTestingMin: 4 });
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.infiniteStream(countArb),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.double({ min: 0.15, max: 0.6, noNaN: true }),
        async (la1, la2, nc, values, coins, rate) => {
          const v = values[Symbol.iterator]();
          const coin = coins[Symbol.iterator]();
          const r1 = Array.from({ length: la1 }, (_, i) => `a${i}`);
          const r2 = Array.from({ length: la2 }, (_, i) => `b${i}`);
          const leaf = () => Array.from({ length: nc }, () => v.next().value as number);
          const ts = tableToSystem({
            rows: ['E', 'R1', 'R2', ...r1, ...r2],
            cols: Array.from({ length: nc }, (_, j) => `c${j}`),
            cells: [Array(nc).fill(null), Array(nc).fill(null), Array(nc).fill(null), ...r1.map(leaf), ...r2.map(leaf)],
            rowHierarchy: { E: ['R1', 'R2'], R1: r1, R2: r2 },
          });
          const n = ts.system.values.length;
          const status = new Uint8Array(n);
          for (let c = 0; c < n; c++) if ((coin.next().value as number) < rate) status[c] = Status.Primary;
          const a = await auditSystem(ts.system, status, { solver: fast, intervals: 'verdict' });
          const b = await auditSystem(ts.system, status, { solver: exact });
          a.results.forEach((x, i) => {
            const y = b.results[i]!;
            assert.equal(x.cell, y.cell);
            assert.equal(x.pass, y.pass, `verdict ${JSON.stringify(x)} vs exact ${JSON.stringify(y)}`);
            if (x.exact === false) {
              // a proven sub-interval of the exact one
              assert.ok(x.lo >= y.lo - 1e-6 && x.hi <= y.hi + 1e-6, `${JSON.stringify(x)} inside ${JSON.stringify(y)}`);
            } else {
              assert.ok(Math.abs(x.lo - y.lo) <= 1e-6 && (x.hi === y.hi || Math.abs(x.hi - y.hi) <= 1e-6), `${JSON.stringify(x)} = ${JSON.stringify(y)}`);
            }
          });
        },
      ),
      { numRuns: 80 },
    );
    assert.ok(fast.stats.cappedRounds > 0 && fast.stats.innerSolves > 0, JSON.stringify(fast.stats));
  } finally {
    exact.dispose();
    fast.dispose();
  }
});
