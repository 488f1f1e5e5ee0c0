// Secondary suppression over linked systems: properties on random tables (fast-check), year-to-date
// snapshots, hierarchies, sums, and the necessity of complements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { auditSystem } from '../../src/sdc/audit.js';
import { protectSystem } from '../../src/sdc/protect.js';
import { primarySuppress } from '../../src/sdc/primary.js';
import { protectTable, tableToSystem, type TableInput } from '../../src/sdc/protect-table.js';
import { SystemBuilder } from '../../src/sdc/system.js';
import { Status } from '../../src/sdc/types.js';
import { counts, twoRegionTable } from './helpers/tables.js';

/** Small counts are common, as in LA tables. */
const countArb = counts(40);

async function checkProtected(input: TableInput): Promise<void> {
  const out = await protectTable(input);
  const ts = tableToSystem(input);
  // every primary passes, and an independent audit of the pattern agrees
  assert.equal(out.pass, true, JSON.stringify({ input, out }));
  const status = new Uint8Array(ts.system.values.length);
  ts.ids.forEach((row, i) => row.forEach((id, j) => (status[id] = out.cells[i]![j] === 'c' ? Status.Secondary : Status.Published)));
  const report = await auditSystem(ts.system, status);
  assert.equal(report.pass, true);
  // no published value changed; every 1–2 is suppressed; zeros are never complements
  ts.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const shown = out.cells[i]![j];
      if (shown !== 'c') assert.equal(shown, v);
      if (v > 0 && v < 3) assert.equal(shown, 'c');
      if (v === 0) assert.equal(shown, 0);
    }),
  );
}

test('property: random 2-D tables with margins are protected', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 6 }).chain((nr) =>
        fc.integer({ min: 1, max: 6 }).chain((nc) => fc.array(fc.array(countArb, { minLength: nc, maxLength: nc }), { minLength: nr, maxLength: nr })),
      ),
      async (cells) => {
        const input: TableInput = {
          rows: cells.map((_, i) => `r${i}`),
          cols: cells[0]!.map((_, j) => `c${j}`),
          cells,
        };
        await checkProtected(input);
      },
    ),
    { numRuns: 60 },
  );
});

test('property: 2 regions of LAs + England (row hierarchy) are protected', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.infiniteStream(countArb),
      async (la1, la2, nc, stream) => {
        const it = stream[Symbol.iterator]();
        await checkProtected(twoRegionTable(la1, la2, nc, () => it.next().value as number));
      },
    ),
    { numRuns: 40 },
  );
});

test('hierarchy: LA → region → England with a lone small LA', async () => {
  const input: TableInput = {
    rows: ['England', 'North', 'South', 'LA1', 'LA2', 'LA3', 'LA4', 'LA5'],
    cols: ['owned', 'rented'],
    cells: [[null, null], [null, null], [null, null], [1, 30], [20, 25], [12, 9], [40, 41], [17, 13]],
    rowHierarchy: { England: ['North', 'South'], North: ['LA1', 'LA2'], South: ['LA3', 'LA4', 'LA5'] },
  };
  const out = await protectTable(input);
  assert.equal(out.pass, true);
  assert.deepEqual(out.rows, ['England', 'North', 'South', 'LA1', 'LA2', 'LA3', 'LA4', 'LA5']);
  assert.deepEqual(out.cols, ['owned', 'rented', 'Total']);
  assert.equal(out.cells[3]![0], 'c');
  // England and the regions are derivable from LAs only through the hierarchy; the pattern must
  // hold in North's column as well: LA1 owned needs a partner in North's "owned" column.
  const northOwned = [out.cells[1]![0], out.cells[3]![0], out.cells[4]![0]].filter((v) => v === 'c').length;
  assert.ok(northOwned >= 2);
  await checkProtected(input);
});

test('protection is necessary: removing any complement of TC2 by hand makes the audit fail', async () => {
  const input: TableInput = { rows: ['A', 'B', 'C', 'D'], cols: ['male', 'female'], cells: [[18, 2], [14, 19], [12, 10], [11, 14]] };
  const ts = tableToSystem(input);
  const res = await protectSystem(ts.system);
  assert.equal(res.unprotected.length, 0);
  assert.equal(res.secondaries.length, 3);
  for (const s of res.secondaries) {
    const status = Uint8Array.from(res.status);
    status[s] = Status.Published;
    const report = await auditSystem(ts.system, status);
    assert.equal(report.pass, false, `removing cell ${s} should expose the primary`);
  }
  const full = await auditSystem(ts.system, res.status);
  assert.equal(full.pass, true);
});

/**
 * Two year-to-date snapshots (Q1 and Q1–Q2) of an LA × category table, both published; the
 * quarter-2 increment of each cell is internal. `q1` and `q2inc` give LA × category counts.
 */
function ytdSystem(q1: number[][], q2inc: number[][]) {
  const b = new SystemBuilder();
  const nc = q1[0]!.length;
  const table = (vals: number[][], published: boolean) => {
    const ids = vals.map((row) => row.map((v) => b.add(v, { published })));
    const rowT = vals.map((row) => b.add(row.reduce((s, v) => s + v, 0), { published }));
    const colT = Array.from({ length: nc }, (_, j) => b.add(vals.reduce((s, row) => s + row[j]!, 0), { published }));
    const grand = b.add(vals.flat().reduce((s, v) => s + v, 0), { published });
    ids.forEach((row, i) => b.relate(rowT[i]!, row));
    for (let j = 0; j < nc; j++) b.relate(colT[j]!, ids.map((row) => row[j]!));
    b.relate(grand, rowT);
    b.relate(grand, colT);
    return { ids, rowT, colT, grand };
  };
  const ytd = q1.map((row, i) => row.map((v, j) => v + q2inc[i]![j]!));
  const a = table(q1, true);
  const c = table(ytd, true);
  // The increments: internal cells, one per grid position including totals.
  const all = (t: ReturnType<typeof table>) => [...t.ids.flat(), ...t.rowT, ...t.colT, t.grand];
  const A = all(a);
  const C = all(c);
  const sys0 = b.build();
  const incs: number[] = [];
  A.forEach((cellA, k) => {
    const cellC = C[k]!;
    const inc = b.add(sys0.values[cellC]! - sys0.values[cellA]!, { published: false });
    incs.push(inc);
    b.relate(cellC, [cellA, inc]);
  });
  return { system: b.build(), q1: a, ytd: c, incs };
}

test('year-to-date snapshots: a quarter increment of 1 or 2 is protected', async () => {
  const q1 = [
    [10, 12, 30],
    [8, 25, 14],
    [16, 9, 22],
  ];
  const inc = [
    [2, 7, 11], // 10 → 12: the Q2 increment 2 is revealed by the two published snapshots
    [6, 5, 9],
    [4, 13, 1], // 22 → 23: increment 1
  ];
  const { system, q1: a, ytd, incs } = ytdSystem(q1, inc);
  const prim = primarySuppress(system);
  assert.equal(prim.primaries.length, 0); // every published number is ≥ 3
  assert.deepEqual([...prim.sensitive].sort((x, y) => x - y), [incs[0]!, incs[8]!]);
  // Unprotected, the snapshots reveal both increments exactly.
  const naive = await auditSystem(system, prim.status);
  assert.equal(naive.pass, false);
  assert.deepEqual(naive.failures.map((f) => [f.lo, f.hi]), [[2, 2], [1, 1]]);
  const res = await protectSystem(system, { verify: true });
  assert.equal(res.unprotected.length, 0);
  assert.equal(res.verification!.pass, true);
  // Something in each affected cell's pair of snapshots must be hidden.
  for (const [i, j] of [[0, 0], [2, 2]] as const) {
    assert.ok(res.status[a.ids[i]![j]!] !== Status.Published || res.status[ytd.ids[i]![j]!] !== Status.Published);
  }
  for (const f of res.audit.filter((x) => x.cell === incs[0] || x.cell === incs[8])) assert.ok(f.hi >= 3 && f.hi - f.lo >= 2);
});

test('sums: forced sums are protected under the 10% rule, alongside their counts', async () => {
  // counts and the sums behind means share the table shape; the builder forces a sum when its
  // count is below 3 (here: the cells whose count is 1 or 2).
  const counts = [
    [1, 14, 20],
    [9, 11, 30],
    [12, 2, 25],
  ];
  const sums = [
    [95, 1330, 2100],
    [850, 1050, 2900],
    [1180, 210, 2400],
  ];
  const b = new SystemBuilder();
  const addTable = (vals: number[][], kind: 'count' | 'sum') => {
    const ids = vals.map((row, i) => row.map((v, j) => b.add(v, { kind, forced: kind === 'sum' && counts[i]![j]! < 3 })));
    const rowT = vals.map((row) => b.add(row.reduce((s, v) => s + v, 0), { kind }));
    const colT = vals[0]!.map((_, j) => b.add(vals.reduce((s, row) => s + row[j]!, 0), { kind }));
    ids.forEach((row, i) => b.relate(rowT[i]!, row));
    colT.forEach((c, j) => b.relate(c, ids.map((row) => row[j]!)));
    return ids;
  };
  addTable(counts, 'count');
  const sumIds = addTable(sums, 'sum');
  const system = b.build();
  const res = await protectSystem(system, { verify: true });
  assert.equal(res.unprotected.length, 0);
  assert.equal(res.verification!.pass, true);
  for (const [i, j] of [[0, 0], [2, 1]] as const) {
    const id = sumIds[i]![j]!;
    assert.equal(res.status[id], Status.Primary);
    const a = res.audit.find((x) => x.cell === id)!;
    const v = sums[i]![j]!;
    assert.ok(a.lo <= 0.9 * v && a.hi >= 1.1 * v, JSON.stringify(a));
  }
  // a stricter protection level needs at least as much suppression and still passes
  const strict = await protectSystem(system, { sumProtection: 0.5, verify: true });
  assert.equal(strict.verification!.pass, true);
});

test('audit fails closed: an inconsistent system (infeasible LP) is a failure, not a pass', async () => {
  const b = new SystemBuilder();
  const t = b.add(5);
  const x = b.add(7);
  const y = b.add(2);
  b.relate(t, [x, y]); // 5 = 7 + y has no solution with y ≥ 0
  const status = new Uint8Array(3);
  status[y] = Status.Primary;
  const report = await auditSystem(b.build(), status);
  assert.equal(report.pass, false);
  assert.equal(report.failures.length, 1);
  assert.ok(report.failures[0]!.solverStatus);
});

test('a published primary fails the audit with its exact value', async () => {
  const b = new SystemBuilder();
  const t = b.add(12);
  const x = b.add(2);
  const y = b.add(10);
  b.relate(t, [x, y]);
  const report = await auditSystem(b.build(), new Uint8Array(3));
  assert.deepEqual(report.failures, [{ cell: x, lo: 2, hi: 2, pass: false }]);
});

test('forced LA row below threshold: zeros in it are protected too', async () => {
  const input: TableInput = {
    rows: ['LA1', 'LA2', 'LA3', 'LA4'],
    cols: ['a', 'b', 'c'],
    cells: [[0, 2, 0], [10, 14, 9], [5, 7, 30], [22, 3, 8]],
    forced: [['LA1', 'a'], ['LA1', 'b'], ['LA1', 'c'], ['LA1', 'Total']],
  };
  const out = await protectTable(input);
  assert.equal(out.pass, true);
  assert.deepEqual(out.cells[0], ['c', 'c', 'c', 'c']);
  for (const a of out.audit) assert.ok((a.hi ?? Infinity) >= 3, JSON.stringify(a));
});

test('property: the fast repair paths (group testing, inner LPs, escalation) give a sound pattern', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 2, max: 5 }),
      fc.infiniteStream(countArb),
      async (la1, la2, nc, stream) => {
        const it = stream[Symbol.iterator]();
        const r1 = Array.from({ length: la1 }, (_, i) => `E0${i}`);
        const r2 = Array.from({ length: la2 }, (_, i) => `E1${i}`);
        const leaf = () => Array.from({ length: nc }, () => it.next().value as number);
        const ts = tableToSystem({
          rows: ['England', 'R1', 'R2', ...r1, ...r2],
          cols: Array.from({ length: nc }, (_, j) => `c${j}`),
          cells: [Array(nc).fill(null), Array(nc).fill(null), Array(nc).fill(null), ...r1.map(leaf), ...r2.map(leaf)],
          rowHierarchy: { England: ['R1', 'R2'], R1: r1, R2: r2 },
        });
        const res = await protectSystem(ts.system, { verify: true, solverOptions: { fullVerifyLimit: 5, groupTestingMin: 4 } });
        const v = res.verification!;
        // the repair loop's verdicts match the exact audit, and every protectable cell passes
        assert.deepEqual([...res.unprotected], v.failures.map((f) => f.cell));
        assert.equal(res.unprotected.length, res.unprotectable.length);
      },
    ),
    { numRuns: 40 },
  );
});

test('property: pivots (shared row totals held first) give a pattern the independent audit passes', async () => {
  // Two questions over the same areas: each question's row adds up to the area's logs (the
  // shared total, as the logs by area in a feed). Small areas make those totals primaries too.
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(countArb, { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
      async (q1, moves) => {
        // The second question splits each area's logs differently (same row totals).
        const q2 = q1.map((row, i) => {
          const total = row.reduce((s, v) => s + v, 0);
          const k = Math.min(moves[i]!, total);
          return [k, total - k];
        });
        const b = new SystemBuilder();
        const logs = q1.map((row) => b.add(row.reduce((s, v) => s + v, 0)));
        const england = b.add(logs.reduce((s, id) => s + b.build().values[id]!, 0));
        b.relate(england, logs);
        for (const q of [q1, q2]) {
          const ids = q.map((row) => row.map((v) => b.add(v)));
          ids.forEach((row, i) => b.relate(logs[i]!, row));
          q[0]!.forEach((_, j) => b.relate(b.add(q.reduce((s, row) => s + row[j]!, 0)), ids.map((row) => row[j]!)));
        }
        const system = b.build();
        const pivots = new Uint8Array(system.values.length);
        for (const id of [...logs, england]) pivots[id] = 1;
        const res = await protectSystem(system, { pivots });
        const report = await auditSystem(system, res.status);
        // Whatever could be protected is, and the independent audit agrees with the verdicts.
        assert.deepEqual(report.failures.map((f) => f.cell).sort(), [...res.unprotected].sort());
        for (let c = 0; c < system.values.length; c++) if (res.status[c] !== Status.Published) assert.notEqual(system.values[c], 0);
      },
    ),
    { numRuns: 60 },
  );
});
