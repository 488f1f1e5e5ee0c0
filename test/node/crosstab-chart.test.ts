import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Count, FieldInfo } from '../../src/feed/types.js';
import { barPitch, CHART_FOOT, chartGeometry, chartPanels, LAYOUT, MAX_SERIES, PANEL_GROUPS, pieAvailability, slicePath, wrap, type ChartGeometry } from '../../src/elements/core-crosstab/crosstab.chart.js';
import { crosstabGrid, type CrosstabCounts } from '../../src/elements/core-crosstab/crosstab.view.js';

const field = (id: string, codes: string[]): FieldInfo => ({
  id, label: id, section: 'S', log: 'lettings', kind: 'categorical', show: 'la',
  categories: codes.map((code) => ({ code, label: `${id} ${code}` })),
});
function counts(cells: Count[][], x = ['a', 'b', 'unknown'], y = ['p', 'q', 'unknown']): CrosstabCounts {
  const X = field('x', x), Y = field('y', y);
  const sum = (v: Count[]) => v.reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
  const rowTotals = cells.map(sum), colTotals = y.map((_, j) => sum(cells.map((r) => r[j]!)));
  return { x: X, y: Y, rows: X.categories!, cols: Y.categories!, cells, rowTotals, colTotals, total: sum(rowTotals) };
}
const C = counts([[10, 20, 5], [30, 'c', 'c'], [5, 'c', 'c']]);

test('bars: one mark per cell; lengths to scale (max 30 → the full 544 units); a suppressed cell is a gap of no length', () => {
  const g = chartGeometry(crosstabGrid(C, 'none', 3), 'bar') as ChartGeometry;
  assert.equal(g.available, true);
  assert.equal(g.marks.length, 9);
  const full = LAYOUT.width - LAYOUT.bar.valueRoom;
  assert.equal(full, 544);
  assert.equal(g.marks[3]!.length, full); // 30
  assert.ok(Math.abs(g.marks[0]!.length - full / 3) < 1e-9); // 10
  assert.deepEqual(g.marks.filter((m) => m.kind === 'gap').map((m) => [m.row, m.series, m.length, m.text]), [[1, 1, 0, '[c]'], [1, 2, 0, '[c]'], [2, 1, 0, '[c]'], [2, 2, 0, '[c]']]);
  assert.equal(g.height, 3 * (22 + 3 * 19 + 14));
});

test('columns: heights to scale on a nice axis, ticks formatted; percentages on a percent axis', () => {
  const g = chartGeometry(crosstabGrid(C, 'none', 3), 'column') as ChartGeometry;
  assert.deepEqual(g.ticks.map((t) => t.text), ['0', '5', '10', '15', '20', '25', '30']);
  assert.equal(g.marks[3]!.length, LAYOUT.column.plot); // the largest, 30, is the full plot height
  assert.ok(g.marks.every((m, k) => k === 0 || m.x > g.marks[k - 1]!.x)); // left to right
  const pct = chartGeometry(crosstabGrid(C, 'row', 3), 'column') as ChartGeometry;
  // Bodies only: row a 20/30 = 66.7% is the largest share drawn (the totals row is not a group) → axis to 70%.
  assert.equal(pct.ticks.at(-1)!.text, '70%');
});

/** `groups` rows × `series` columns of counts (plus the "not known" row and column the feed always has). */
function long(groups: number, series: number): CrosstabCounts {
  const cells = Array.from({ length: groups + 1 }, (_, i) => Array.from({ length: series + 1 }, (_, j): Count => ((i * 7 + j * 3) % 40) + 3));
  return counts(cells, [...Array.from({ length: groups }, (_, i) => `g${i}`), 'unknown'], [...Array.from({ length: series }, (_, j) => `s${j}`), 'unknown']);
}

test('panels of a long chart: every group in exactly one panel, panels edge to edge over the whole chart', () => {
  for (const [groups, series] of [[1, 1], [4, 3], [5, 5], [23, 5], [120, 2]] as const) {
    for (const type of ['bar', 'column'] as const) {
      const g = chartGeometry(crosstabGrid(long(groups, series), 'none', 3), type) as ChartGeometry;
      const panels = chartPanels(g);
      const G = g.groups.length; // groups + the "not known" row
      assert.equal(panels.length, Math.ceil(G / PANEL_GROUPS), `${type} ${groups}×${series}`);
      assert.deepEqual(panels.map((p) => [p.from, p.to]), panels.map((_, k) => [k * PANEL_GROUPS, Math.min(G, (k + 1) * PANEL_GROUPS)]));
      if (type === 'bar') {
        assert.equal(g.step, barPitch(series + 1));
        panels.forEach((p, k) => assert.equal(p.y, k === 0 ? 0 : panels[k - 1]!.y + panels[k - 1]!.height));
        // Every panel but the last is PANEL_GROUPS groups tall: the height the CSS aspect ratio gives a skipped panel.
        for (const p of panels.slice(0, -1)) assert.equal(p.height, PANEL_GROUPS * barPitch(series + 1));
        assert.equal(panels.at(-1)!.y + panels.at(-1)!.height, g.height + CHART_FOOT);
      } else {
        panels.forEach((p, k) => assert.equal(p.x, k === 0 ? 0 : panels[k - 1]!.x + panels[k - 1]!.width));
        assert.equal(panels.at(-1)!.x + panels.at(-1)!.width, g.width);
        // Cut on whole pixels, between two groups' columns.
        for (const p of panels.slice(1)) {
          assert.ok(Number.isInteger(p.x));
          const before = g.marks.filter((m) => m.row === p.from - 1).at(-1)!, after = g.marks.find((m) => m.row === p.from)!;
          assert.ok(before.x + before.width <= p.x && p.x <= after.x, `${type} ${groups}×${series}: cut at ${p.x}`);
        }
      }
    }
  }
});

test(`more than ${MAX_SERIES} series: no chart, and why`, () => {
  const y = ['1', '2', '3', '4', '5', '6', '7'];
  const wide = counts([[3, 3, 3, 3, 3, 3, 3]], ['a'], y);
  assert.deepEqual(chartGeometry(crosstabGrid(wide, 'none', 3), 'bar'), { available: false, reason: 'too-many-series', count: 7, max: 6 });
});

test('pies: one per known row, known answers only; refused for suppression, too many slices or pies, empty rows', () => {
  const open = counts([[10, 30, 5], [25, 25, 0], [5, 3, 4]]);
  const p = pieAvailability(open, 3);
  assert.ok(p.ok);
  if (!p.ok) return;
  assert.deepEqual(p.pies.map((x) => [x.label, x.base, x.slices.map((s) => s.share)]), [['x a', 40, [0.25, 0.75]], ['x b', 50, [0.5, 0.5]]]);
  assert.equal(p.pies[1]!.slices[0]!.path, 'M0,0L0,-80A80,80 0 0 1 0,80Z'); // a half
  assert.deepEqual(pieAvailability(C, 3), { ok: false, reason: 'suppressed', count: 0, max: 0 });
  assert.equal((pieAvailability(counts([[3, 3, 3, 3, 3, 3, 3, 0]], ['a'], ['1', '2', '3', '4', '5', '6', '7', 'unknown']), 3) as { reason: string }).reason, 'too-many-slices');
  assert.equal((pieAvailability(counts([[3], [3], [3], [3], [3], [3], [3]], ['1', '2', '3', '4', '5', '6', '7'], ['p']), 3) as { reason: string }).reason, 'too-many-pies');
  assert.equal((pieAvailability(counts([[0, 0], [3, 4]], ['a', 'b'], ['p', 'q']), 3) as { reason: string }).reason, 'empty');
});

test('slice paths and label wrapping', () => {
  assert.equal(slicePath(0, 0, 80), '');
  assert.equal(slicePath(0, 2 * Math.PI, 80), 'M0,-80A80,80 0 1 1 0,80A80,80 0 1 1 0,-80Z');
  assert.equal(slicePath(0, 1.5 * Math.PI, 80), 'M0,0L0,-80A80,80 0 1 1 -80,0Z');
  assert.deepEqual(wrap('Full-time - 30 hours or more', 10, 3), ['Full-time', '- 30 hours', 'or more']);
  assert.deepEqual(wrap('Not known, refused or not asked', 8, 2), ['Not', 'known,…']);
});
