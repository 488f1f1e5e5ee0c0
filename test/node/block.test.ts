/**
 * The linked system of one block (src/builder/block.ts): what it publishes per snapshot, and the
 * relations a reader has that protection must respect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DETAIL_MIN_LOGS, FULL_YEAR, layoutBlock } from '../../src/builder/block.js';
import { CellSpace, cellId, SNAPSHOTS } from '../../src/builder/cells.js';
import type { LogTypeAggregate } from '../../src/builder/aggregate.js';
import { Ingest } from '../../src/builder/ingest.js';
import { synthesise } from '../../src/builder/synth.js';
import { compileSystem } from '../../src/sdc/system.js';
import { primarySuppress } from '../../src/sdc/primary.js';
import { KIND_SUM } from '../../src/sdc/types.js';
import { tempDir } from './helpers/csv.js';

/** General needs social rent of a small synthetic year (3,000 lettings), read once. */
let small: Promise<LogTypeAggregate> | undefined;
const smallSrGn = () =>
  (small ??= (async () => {
    const [lettings] = await synthesise({ out: join(tempDir(), 'logs'), years: [2024], lettings: 3000, sales: 0, seed: 3 });
    const ingest = new Ingest();
    await ingest.readFile(lettings!);
    return [...ingest.years.values()][0]!.byLogType.get('sr-gn')!;
  })());

test('detail (LA tables and summaries, crosstabs) only when the median LA with logs has at least detailMinLogs', async () => {
  const agg = await smallSrGn();
  const nLa = agg.plan.las.length;
  const yearLogs = Array.from({ length: nLa }, (_, la) => {
    let v = 0;
    for (let q = 0; q < SNAPSHOTS; q++) v += agg.total[q * nLa + la]!;
    return v;
  });
  const withLogs = yearLogs.filter((v) => v > 0).sort((a, b) => a - b);
  const median = withLogs[Math.floor(withLogs.length / 2)]!; // the upper median: at most half lie below it
  assert.ok(median >= 2 && median < DETAIL_MIN_LOGS, `median ${median}`);
  const layout = (detailMinLogs: number) => {
    const l = layoutBlock(agg, new CellSpace(), { minCount: 3, meanThreshold: 3, detailMinLogs });
    return { detailed: l.detailed, laTables: l.smallRows.filter(Boolean).length, crosstabs: l.pairs.length };
  };
  const at = layout(median);
  assert.ok(at.detailed && at.laTables > 10 && at.crosstabs > 10, JSON.stringify(at));
  assert.deepEqual(layout(median + 1), { detailed: false, laTables: 0, crosstabs: 0 });
  assert.equal(layout(DETAIL_MIN_LOGS).detailed, false, 'this small year is thin by default');
});

test('a numeric question\'s valid count is at most the logs: T = n + an internal slack, never a target', async () => {
  const agg = await smallSrGn();
  const space = new CellSpace();
  const layout = layoutBlock(agg, space, { minCount: 3, meanThreshold: 3, detailMinLogs: 3 });
  assert.ok(layout.detailed);
  const sys = compileSystem(space.system());
  const i = agg.plan.fields.findIndex((f) => f.field.kind === 'numeric' && f.byLa);
  assert.ok(i >= 0, 'a numeric LA question');
  const nCube = layout.n[i]!;
  assert.equal(nCube.first, FULL_YEAR, 'LA summaries: full year only');
  const targets = new Set(primarySuppress(sys).targets);
  let checked = 0;
  for (let a = 0; a < layout.areas; a++) {
    const logs = cellId(layout.T, FULL_YEAR, a);
    const valid = cellId(nCube, FULL_YEAR, a);
    if (sys.values[logs] === 0) continue; // a relation of zeros is dropped
    const slack = sys.values[logs]! - sys.values[valid]!;
    // The relation total = logs holding the valid count: its other part is the slack (dropped when 0).
    let found = false;
    for (let r = 0; r < sys.r && !found; r++) {
      if (sys.relCells[sys.relStart[r]!] !== logs) continue;
      const parts = Array.from(sys.relCells.subarray(sys.relStart[r]! + 1, sys.relStart[r + 1]!));
      if (!parts.includes(valid) && sys.values[valid] !== 0) continue;
      const others = parts.filter((c) => c !== valid);
      if (slack === 0) found = others.length === 0;
      else found = others.length === 1 && sys.values[others[0]!] === slack && !sys.published[others[0]!] && sys.kinds[others[0]!] === KIND_SUM && !targets.has(others[0]!);
    }
    assert.ok(found, `area ${a}: logs ${sys.values[logs]}, valid ${sys.values[valid]}`);
    checked++;
  }
  assert.ok(checked > 250, `checked ${checked} areas`);
});
