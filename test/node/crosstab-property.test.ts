/**
 * Property test: over random crosstabs — true counts full of 0s, 1s and 2s, published by a
 * careless "feed" that leaks small counts and suppresses cells at random (often leaving a lone
 * `c` next to a published total) — nothing `<core-crosstab>` derives reveals a count of 1 or 2,
 * or lets a suppressed count be worked back by line sums: not the counts, not the percentages
 * (every mode), not the bases, not the chart, not the sentence, not the CSV; and no line whose total
 * is shown leaves its [c]s a sum of 1 or 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Count, FieldInfo } from '../../src/feed/types.js';
import {
  checkCrosstab, crosstabCsv, crosstabGrid, crosstabSummary, formatValue, isPercent,
  type CrosstabCounts, type CrosstabGrid, type CrosstabValue, type PercentMode,
} from '../../src/elements/core-crosstab/crosstab.view.js';
import { chartGeometry, pieAvailability } from '../../src/elements/core-crosstab/crosstab.chart.js';

const MODES: readonly PercentMode[] = ['none', 'row', 'column', 'total'];
const MIN = 3;
const LETTERS = 'abcdefgh';

interface Case {
  truth: number[][]; // (rows) × (cols), not-known last where present
  hasUr: boolean;
  hasUc: boolean;
  mask: boolean[][]; // (rows + 1) × (cols + 1): true = the feed publishes "c" there
}

const arbCase: fc.Arbitrary<Case> = fc
  .record({ nr: fc.integer({ min: 1, max: 5 }), nc: fc.integer({ min: 1, max: 5 }), hasUr: fc.boolean(), hasUc: fc.boolean() })
  .chain(({ nr, nc, hasUr, hasUc }) => {
    const R = nr + (hasUr ? 1 : 0), C = nc + (hasUc ? 1 : 0);
    const value = fc.oneof(fc.constantFrom(0, 0, 1, 2, 3), fc.integer({ min: 0, max: 60 }));
    return fc.record({
      truth: fc.array(fc.array(value, { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
      hasUr: fc.constant(hasUr),
      hasUc: fc.constant(hasUc),
      mask: fc.array(fc.array(fc.integer({ min: 0, max: 3 }).map((n) => n === 0), { minLength: C + 1, maxLength: C + 1 }), { minLength: R + 1, maxLength: R + 1 }),
    });
  });

function field(id: string, n: number, unknown: boolean): FieldInfo {
  const codes = [...LETTERS.slice(0, n)].concat(unknown ? ['unknown'] : []);
  return { id, label: id, section: 'S', log: 'lettings', kind: 'categorical', show: 'la', categories: codes.map((code) => ({ code, label: `${id} ${code}` })) };
}

/** Truth with its margins: (R + 1) × (C + 1), totals last. */
function withMargins(truth: number[][]): number[][] {
  const C = truth[0]!.length;
  const rows = truth.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const foot = Array.from({ length: C + 1 }, (_, j) => rows.reduce((a, r) => a + r[j]!, 0));
  return [...rows, foot];
}

function build(c: Case): { counts: CrosstabCounts; full: number[][]; shown: Count[][] } {
  const R = c.truth.length, C = c.truth[0]!.length;
  const full = withMargins(c.truth);
  const pub = full.map((r, i) => r.map((v, j): Count => (c.mask[i]![j] ? 'c' : v)));
  const doc = {
    schemaVersion: '1.0.0', kind: 'table' as const, period: 'P', logType: 'sr-gn' as const, rowDim: 'x', colDim: 'y',
    rows: [], cols: [], cells: pub.slice(0, R).map((r) => r.slice(0, C)),
    rowTotals: pub.slice(0, R).map((r) => r[C]!), colTotals: pub[R]!.slice(0, C), total: pub[R]![C]!,
  };
  const { table } = checkCrosstab(doc, MIN);
  const x = field('x', R - (c.hasUr ? 1 : 0), c.hasUr), y = field('y', C - (c.hasUc ? 1 : 0), c.hasUc);
  const counts: CrosstabCounts = { x, y, rows: x.categories!, cols: y.categories!, ...table };
  const shown = [...table.cells.map((r, i) => [...r, table.rowTotals[i]!]), [...table.colTotals, table.total]];
  return { counts, full, shown };
}

/** Lines of a (R + 1) × (C + 1) grid with totals last: every row and every column. */
function lines<T>(g: T[][]): T[][] {
  const cols = g[0]!.map((_, j) => g.map((r) => r[j]!));
  return [...g, ...cols];
}

/** A line (parts then total) lets its only hidden value be worked out, and that value is not 0. */
function recoverable(line: Count[], truth: number[]): boolean {
  const hidden = line.map((v, k) => (v === 'c' ? k : -1)).filter((k) => k >= 0);
  return hidden.length === 1 && truth[hidden[0]!]! !== 0;
}

/** A line with a shown total whose hidden parts add up to 1 or 2: each is at most 2, one of them a 1 or a 2. */
function pinned(line: Count[], truth: number[]): boolean {
  if (typeof line.at(-1) !== 'number') return false;
  const left = line.slice(0, -1).reduce((a: number, v, k) => a + (v === 'c' ? truth[k]! : 0), 0);
  return left > 0 && left < MIN;
}

test('property: counts, percentages, bases, chart, sentence and CSV never reveal a small or suppressed count', () => {
  fc.assert(
    fc.property(arbCase, (c) => {
      const { counts, full, shown } = build(c);
      TRUTH = { full };
      // 1. The count view: no 1s or 2s; published values are true; no line gives away its only c.
      shown.forEach((r, i) => r.forEach((v, j) => {
        if (typeof v === 'number') {
          assert.ok(!(v > 0 && v < MIN), `count ${v} shown at ${i},${j}`);
          assert.equal(v, full[i]![j]);
        }
      }));
      const truthLines = lines(full);
      lines(shown).forEach((line, k) => assert.ok(!recoverable(line, truthLines[k]!), `line ${k} gives away its only [c]: ${JSON.stringify(line)}`));
      lines(shown).forEach((line, k) => assert.ok(!pinned(line, truthLines[k]!), `line ${k} pins its [c]s to 1 or 2: ${JSON.stringify(line)}`));

      const R = c.truth.length, C = c.truth[0]!.length;
      const ur = c.hasUr ? R - 1 : -1, uc = c.hasUc ? C - 1 : -1;
      const kr = [...Array(R).keys()].filter((i) => i !== ur), kc = [...Array(C).keys()].filter((j) => j !== uc);
      const pub = (i: number, j: number) => typeof shown[i]![j] === 'number';
      const sum = (cells: [number, number][]) => cells.reduce((a, [i, j]) => a + full[i]![j]!, 0);

      // Everything a reader can learn, as linear equations over the full table (margins included):
      // every row and column sums to its total, and each shown number fixes a cell or a sum of cells.
      const knowledge: Equation[] = [];
      const at = (i: number, j: number) => i * (C + 1) + j;
      for (let i = 0; i <= R; i++) knowledge.push({ cells: [...Array(C).keys()].map((j) => [at(i, j), 1] as [number, number]).concat([[at(i, C), -1]]), rhs: 0 });
      for (let j = 0; j <= C; j++) knowledge.push({ cells: [...Array(R).keys()].map((i) => [at(i, j), 1] as [number, number]).concat([[at(R, j), -1]]), rhs: 0 });
      shown.forEach((r, i) => r.forEach((v, j) => { if (typeof v === 'number') knowledge.push({ cells: [[at(i, j), 1]], rhs: v }); }));

      for (const mode of MODES) {
        const grid = crosstabGrid(counts, mode, MIN);
        // 2. Every shown number, recomputed from the truth and checked to use only published counts.
        //    [i, j] are count-table positions (R / C = the margins); `parts` sum to the base.
        const check = (v: CrosstabValue, at: [number, number] | 'base', base: { cells: [number, number][]; ingredients: [number, number][] }) => {
          if (v === 'c' || v === 'x' || v === 'z') return;
          const b = sum(base.cells);
          assert.ok(base.ingredients.every(([i, j]) => pub(i, j)), `${mode}: a base built from an unpublished count`);
          assert.ok(!(b > 0 && b < MIN), `${mode}: base ${b}`);
          if (at === 'base') {
            assert.equal(v, b);
            return;
          }
          assert.ok(isPercent(v), `${mode}: expected a percentage at ${at}`);
          const n = full[at[0]]![at[1]]!;
          assert.ok(pub(at[0], at[1]), `${mode}: percentage of an unpublished count at ${at}`);
          assert.ok(!(n > 0 && n < MIN), `${mode}: percentage of ${n}`);
          assert.ok(Math.abs(v.pct - n / b) < 1e-12, `${mode}: ${v.pct} ≠ ${n}/${b}`);
        };
        const rowBase = (i: number) => ({ cells: kc.map((j): [number, number] => [i, j]), ingredients: [[i, C], ...(uc >= 0 ? [[i, uc]] : [])] as [number, number][] });
        const colBase = (j: number) => ({ cells: kr.map((i): [number, number] => [i, j]), ingredients: [[R, j], ...(ur >= 0 ? [[ur, j]] : [])] as [number, number][] });
        const allRows = [...Array(R).keys()], allCols = [...Array(C).keys()];
        if (mode === 'none') continue;
        if (mode === 'row') {
          allRows.forEach((i, gi) => {
            kc.forEach((j, gj) => check(grid.cells[gi]![gj]!, [i, j], rowBase(i)));
            check(grid.rowTotals[gi]!, 'base', rowBase(i));
          });
          kc.forEach((j, gj) => check(grid.colTotals[gj]!, [R, j], rowBase(R)));
          check(grid.total, 'base', rowBase(R));
        } else if (mode === 'column') {
          allCols.forEach((j, gj) => {
            kr.forEach((i, gi) => check(grid.cells[gi]![gj]!, [i, j], colBase(j)));
            check(grid.colTotals[gj]!, 'base', colBase(j));
          });
          kr.forEach((i, gi) => check(grid.rowTotals[gi]!, [i, C], colBase(C)));
          check(grid.total, 'base', colBase(C));
        } else {
          const both = { cells: kr.flatMap((i) => kc.map((j): [number, number] => [i, j])), ingredients: [[R, C], ...(ur >= 0 ? [[ur, C]] : []), ...(uc >= 0 ? [[R, uc]] : []), ...(ur >= 0 && uc >= 0 ? [[ur, uc]] : [])] as [number, number][] };
          kr.forEach((i, gi) => kc.forEach((j, gj) => check(grid.cells[gi]![gj]!, [i, j], both)));
          // Margins: a known row's known answers, (row total − its not-known cell) / base.
          kr.forEach((i, gi) => {
            const v = grid.rowTotals[gi]!;
            if (isPercent(v)) {
              assert.ok(pub(i, C) && (uc < 0 || pub(i, uc)), 'total: a margin from an unpublished count');
              const m = sum(kc.map((j) => [i, j]));
              assert.ok(!(m > 0 && m < MIN));
              assert.ok(Math.abs(v.pct - m / sum(both.cells)) < 1e-12);
            }
          });
          kc.forEach((j, gj) => {
            const v = grid.colTotals[gj]!;
            if (isPercent(v)) {
              assert.ok(pub(R, j) && (ur < 0 || pub(ur, j)), 'total: a margin from an unpublished count');
              const m = sum(kr.map((i) => [i, j]));
              assert.ok(!(m > 0 && m < MIN));
            }
          });
        }
        // 3. What a reader learns from this view joins what the count view tells (below, step 7).
        learn(grid, knowledge, { R, C, kr, kc, ur, uc });
        // 4. The chart draws only what the table shows; a suppressed value is a gap, never a length.
        for (const type of ['column', 'bar'] as const) {
          const geo = chartGeometry(grid, type);
          if (!geo.available) continue;
          for (const m of geo.marks) {
            const v = grid.cells[m.row]![m.series]!;
            if (m.kind === 'bar') assert.ok(typeof v === 'number' || isPercent(v), 'a bar for a symbol');
            else assert.equal(m.length, 0);
            if (v === 'c') assert.equal(m.kind, 'gap');
          }
        }
        const pie = pieAvailability(counts, MIN);
        if (pie.ok) for (const p of pie.pies) for (const s of p.slices) assert.ok(s.count >= MIN || s.count === 0);
        // 5. The sentence: integers are published counts (never 1 or 2); percentages are ones the grid shows.
        const sentence = crosstabSummary(counts, grid, { period: 'P', logType: 'L' });
        const shownPct = new Set([...grid.cells.flat(), ...grid.rowTotals, ...grid.colTotals, grid.total].filter(isPercent).map(formatValue));
        const published = new Set(shown.flat().filter((v): v is number => typeof v === 'number'));
        for (const token of sentence.match(/[\d,.]+%?/g) ?? []) {
          if (token === '.' || token === ',') continue;
          if (token.endsWith('%')) assert.ok(shownPct.has(token), `sentence: ${token} is not shown`);
          else {
            const n = Number(token.replace(/[,.]$/, '').replace(/,/g, ''));
            assert.ok(published.has(n) && !(n > 0 && n < MIN), `sentence: ${token}`);
          }
        }
        // 6. The CSV: count column holds published counts only; status apart.
        for (const r of crosstabCsv(counts, grid, { period: 'P', logType: 'L', totalLabel: 'Total' }).slice(1)) {
          const [n, status] = [r[6], r[7]];
          if (typeof n === 'number') assert.ok(published.has(n) && !(n > 0 && n < MIN) && status === '');
          else assert.ok(n === '' && (status === 'c' || status === 'x' || status === 'z'));
        }
      }
      // 7. Line-sum reasoning over the union of every view: no suppressed non-zero count is determined.
      const known = solve(knowledge, (R + 1) * (C + 1));
      shown.forEach((r, i) => r.forEach((v, j) => {
        if (v === 'c' && full[i]![j]! !== 0) assert.ok(!known.has(at(i, j)), `the suppressed count at ${i},${j} can be worked out from what is shown`);
      }));
    }),
    { numRuns: 1500, seed: 20261129 },
  );
});


interface Equation {
  /** [cell index, coefficient] */
  cells: [number, number][];
  rhs: number;
}
interface Shape { R: number; C: number; kr: number[]; kc: number[]; ur: number; uc: number }

/**
 * Adds what a reader learns from a percentage view: a shown percentage fixes its count (its base
 * is known), a shown base or margin fixes the sum of the cells it covers.
 */
function learn(grid: CrosstabGrid, eqs: Equation[], { R, C, kr, kc, ur, uc }: Shape): void {
  const at = (i: number, j: number) => i * (C + 1) + j;
  const allRows = [...Array(R).keys()], allCols = [...Array(C).keys()];
  const cellOf = (v: CrosstabValue, i: number, j: number, value: (i: number, j: number) => number) => {
    if (isPercent(v)) eqs.push({ cells: [[at(i, j), 1]], rhs: value(i, j) });
  };
  const sumOf = (v: CrosstabValue, cells: [number, number][], rhs: () => number) => {
    if (typeof v === 'number' || isPercent(v)) eqs.push({ cells: cells.map(([i, j]) => [at(i, j), 1]), rhs: rhs() });
  };
  // The reader multiplies a share by its (known) base; the test takes the product from the truth,
  // which step 2 has checked equals share × base.
  const truthAt = (i: number, j: number) => TRUTH!.full[i]![j]!;
  const sum = (cells: [number, number][]) => cells.reduce((a, [i, j]) => a + truthAt(i, j), 0);
  if (grid.mode === 'row') {
    allRows.forEach((i, gi) => {
      kc.forEach((j, gj) => cellOf(grid.cells[gi]![gj]!, i, j, truthAt));
      const b = kc.map((j): [number, number] => [i, j]);
      sumOf(grid.rowTotals[gi]!, b, () => sum(b));
    });
    kc.forEach((j, gj) => cellOf(grid.colTotals[gj]!, R, j, truthAt));
    const b = kc.map((j): [number, number] => [R, j]);
    sumOf(grid.total, b, () => sum(b));
  } else if (grid.mode === 'column') {
    allCols.forEach((j, gj) => {
      kr.forEach((i, gi) => cellOf(grid.cells[gi]![gj]!, i, j, truthAt));
      const b = kr.map((i): [number, number] => [i, j]);
      sumOf(grid.colTotals[gj]!, b, () => sum(b));
    });
    kr.forEach((i, gi) => cellOf(grid.rowTotals[gi]!, i, C, truthAt));
    const b = kr.map((i): [number, number] => [i, C]);
    sumOf(grid.total, b, () => sum(b));
  } else if (grid.mode === 'total') {
    // Shares of D: a reader who knows D (100% is shown with it) learns each cell and margin.
    const both = kr.flatMap((i) => kc.map((j): [number, number] => [i, j]));
    sumOf(grid.total, both, () => sum(both));
    if (typeof grid.total === 'object') {
      kr.forEach((i, gi) => kc.forEach((j, gj) => cellOf(grid.cells[gi]![gj]!, i, j, truthAt)));
      kr.forEach((i, gi) => { const m = kc.map((j): [number, number] => [i, j]); sumOf(grid.rowTotals[gi]!, m, () => sum(m)); });
      kc.forEach((j, gj) => { const m = kr.map((i): [number, number] => [i, j]); sumOf(grid.colTotals[gj]!, m, () => sum(m)); });
    }
  }
  void ur; void uc;
}

/** Peeling: repeatedly solve any equation with exactly one unknown. Returns the determined cells. */
function solve(eqs: Equation[], n: number): Set<number> {
  const value = new Map<number, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of eqs) {
      const unknown = e.cells.filter(([k]) => !value.has(k));
      if (unknown.length !== 1) continue;
      const [k, coef] = unknown[0]!;
      const rest = e.cells.reduce((a, [c, w]) => (c === k ? a : a + w * value.get(c)!), 0);
      value.set(k, (e.rhs - rest) / coef);
      changed = true;
    }
  }
  void n;
  return new Set(value.keys());
}

/** The current case's truth, for `learn` (fast-check runs cases one at a time). */
let TRUTH: { full: number[][] } | undefined;

test('property check can fail: a view that leaks a lone c is caught', () => {
  // Sanity check of the checker itself: the raw (not re-checked) table of a careless feed.
  const leaky: Count[][] = [[5, 'c', 9], [4, 6, 10], [9, 'c', 19]];
  const truth = [[5, 4, 9], [4, 6, 10], [9, 10, 19]];
  assert.ok(lines(leaky).some((l, k) => recoverable(l, lines(truth)[k]!)));
  // The peeling solver finds it too: 9 − 5 = 4.
  const eqs: Equation[] = [
    { cells: [[0, 1], [1, 1], [2, -1]], rhs: 0 },
    ...leaky.flat().map((v, k): Equation | undefined => (typeof v === 'number' ? { cells: [[k, 1]], rhs: v } : undefined)).filter((e): e is Equation => e !== undefined),
  ];
  assert.ok(solve(eqs, 9).has(1));
});

export type { CrosstabGrid };
