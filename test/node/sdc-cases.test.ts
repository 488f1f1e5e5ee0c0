// The reference cases of shared/data/sdc-cases.md: audit intervals asserted exactly for the given
// patterns, and the properties (plus the listed pattern where the method is meant to reproduce it)
// for the suppression routine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditTablePattern, protectTable, type TableInput, type TableAuditEntry } from '../../src/sdc/protect-table.js';

type Interval = [number, number];
function intervals(audit: TableAuditEntry[]): Record<string, Interval> {
  const out: Record<string, Interval> = {};
  for (const a of audit) out[`${a.row}|${a.col}`] = [a.lo, a.hi ?? Infinity];
  return out;
}
function suppressedSet(out: { suppressed: { row: string; col: string }[] }): string[] {
  return out.suppressed.map((s) => `${s.row}|${s.col}`).sort();
}

// TC1 — any values consistent with the margins; the audit depends only on what is published.
const tc1: TableInput = { rows: ['row1', 'row2', 'row3'], cols: ['col1', 'col2'], cells: [[4, 3], [2, 1], [3, 3]] };

test('TC1: audit arithmetic of a 2×2 suppressed block', async () => {
  const { audit, table } = await auditTablePattern(tc1, [['row1', 'col1'], ['row1', 'col2'], ['row2', 'col1'], ['row2', 'col2']]);
  assert.deepEqual(table.values.map((r) => r[2]), [7, 3, 6, 16]);
  assert.deepEqual(table.values[3], [9, 7, 16]);
  assert.deepEqual(intervals(audit), {
    'row1|col1': [3, 6],
    'row1|col2': [1, 4],
    'row2|col1': [0, 3],
    'row2|col2': [0, 3],
  });
});

const tc2: TableInput = {
  rows: ['A', 'B', 'C', 'D'],
  cols: ['male', 'female'],
  cells: [[18, 2], [14, 19], [12, 10], [11, 14]],
};

test('TC2: audit of the cost-minimal pattern through C', async () => {
  const { audit } = await auditTablePattern(tc2, [['A', 'male'], ['A', 'female'], ['C', 'male'], ['C', 'female']]);
  assert.deepEqual(intervals(audit), {
    'A|female': [0, 12],
    'A|male': [8, 20],
    'C|male': [10, 22],
    'C|female': [0, 12],
  });
});

test('TC2: the alternative through D gives A/female [0, 16]', async () => {
  const { audit } = await auditTablePattern(tc2, [['A', 'male'], ['A', 'female'], ['D', 'male'], ['D', 'female']]);
  assert.deepEqual(intervals(audit)['A|female'], [0, 16]);
});

test('TC2: protection reproduces the cost-minimal pattern (cost 40) and passes', async () => {
  const out = await protectTable(tc2);
  assert.deepEqual(suppressedSet(out), ['A|female', 'A|male', 'C|female', 'C|male']);
  assert.equal(out.pass, true);
  assert.deepEqual(intervals(out.audit), { 'A|female': [0, 12] });
  assert.equal(out.cells[0]![1], 'c');
  assert.equal(out.cells[1]![1], 19); // published values unchanged
});

test('TC4: singletons protect each other only as a group of three', async () => {
  const tc4: TableInput = { rows: ['n'], cols: ['a', 'b', 'c', 'd'], cells: [[1, 2, 1, 0]] };
  // a and c alone: each lies in [0, 2] — fails the rule (hi < 3).
  const ac = await auditTablePattern(tc4, [['n', 'a'], ['n', 'c']]);
  const acI = intervals(ac.audit);
  assert.deepEqual(acI['n|a'], [0, 2]);
  assert.deepEqual(acI['n|c'], [0, 2]);
  // b is primary too and was left published in that pattern: exact.
  assert.deepEqual(acI['n|b'], [2, 2]);
  assert.equal(ac.report.pass, false);
  const abc = await auditTablePattern(tc4, [['n', 'a'], ['n', 'b'], ['n', 'c']]);
  assert.deepEqual(intervals(abc.audit), { 'n|a': [0, 4], 'n|b': [0, 4], 'n|c': [0, 4] });
  assert.equal(abc.report.pass, true);
  const out = await protectTable(tc4);
  assert.equal(out.pass, true);
  // d = 0 is a true zero: published, never a complement.
  assert.equal(out.cells[0]![3], 0);
  for (const s of out.suppressed) assert.notEqual(s.col, 'd');
});

test('TC6: one-way on geo', async () => {
  const oneWay: TableInput = { rows: ['all'], cols: ['Iceland', 'Portugal', 'Spain'], cells: [[1, 6, 17]] };
  const { audit } = await auditTablePattern(oneWay, [['all', 'Iceland'], ['all', 'Portugal']]);
  assert.deepEqual(intervals(audit), { 'all|Iceland': [0, 7], 'all|Portugal': [0, 7] });
  const out = await protectTable(oneWay);
  assert.equal(out.pass, true);
  assert.deepEqual(suppressedSet(out), ['all|Iceland', 'all|Portugal']);
});

const tc6: TableInput = {
  rows: ['old', 'young'],
  cols: ['Iceland', 'Portugal', 'Spain'],
  cells: [[1, 4, 10], [0, 2, 7]],
};
const tc6Pattern: [string, string][] = [
  ['Total', 'Iceland'], ['Total', 'Portugal'],
  ['old', 'Iceland'], ['old', 'Portugal'],
  ['young', 'Iceland'], ['young', 'Portugal'],
];

test('TC6: plain audit of the GaussSuppression pattern, and its failure under the project rule', async () => {
  const { audit, report } = await auditTablePattern(tc6, tc6Pattern);
  assert.deepEqual(intervals(audit), {
    'old|Iceland': [0, 5],
    'young|Iceland': [0, 2],
    'young|Portugal': [0, 2],
    'Total|Iceland': [0, 7],
    'old|Portugal': [0, 5],
    'Total|Portugal': [0, 7],
  });
  assert.equal(report.pass, false);
  // young|Iceland and young|Portugal: hi = 2 < 3; everything else passes.
  assert.deepEqual(audit.filter((a) => !a.pass).map((a) => `${a.row}|${a.col}`).sort(), ['young|Iceland', 'young|Portugal']);
});

test('TC6: adding young|Spain and old|Spain fixes it: every primary reaches [0, 7]', async () => {
  const { audit, report } = await auditTablePattern(tc6, [...tc6Pattern, ['young', 'Spain'], ['old', 'Spain']]);
  assert.equal(report.pass, true);
  const iv = intervals(audit);
  for (const key of ['old|Iceland', 'young|Iceland', 'young|Portugal', 'Total|Iceland']) assert.deepEqual(iv[key], [0, 7], key);
});

test('TC6: protection with the EU / non-EU hierarchy passes', async () => {
  const out = await protectTable({
    ...tc6,
    cols: ['EU', 'nonEU', 'Iceland', 'Portugal', 'Spain'],
    cells: [[null, null, 1, 4, 10], [null, null, 0, 2, 7]],
    colHierarchy: { EU: ['Portugal', 'Spain'], nonEU: ['Iceland'] },
  });
  assert.equal(out.pass, true);
  // nonEU equals Iceland, so it is primary wherever Iceland is.
  const sup = suppressedSet(out);
  for (const r of ['old', 'Total']) {
    assert.ok(sup.includes(`${r}|Iceland`));
    assert.ok(sup.includes(`${r}|nonEU`));
  }
  assert.ok(!sup.includes('young|Iceland')); // a true zero stays published
});

const tc8: TableInput = { rows: ['r1', 'r2'], cols: ['a', 'b', 'c', 'd'], cells: [[1, 1, 20, 30], [5, 6, 20, 30]] };

test('TC8: the rectangle fails (the two small cells reveal their sum 2)', async () => {
  const { audit, report } = await auditTablePattern(tc8, [['r1', 'a'], ['r1', 'b'], ['r2', 'a'], ['r2', 'b']]);
  assert.equal(report.pass, false);
  const iv = intervals(audit);
  assert.deepEqual(iv['r1|a'], [0, 2]);
  assert.deepEqual(iv['r1|b'], [0, 2]);
});

test('TC8: the sound pattern (adding r1|c and r2|c) audits to [0, 6] and [0, 7]', async () => {
  const { audit, report } = await auditTablePattern(tc8, [
    ['r1', 'a'], ['r1', 'b'], ['r2', 'a'], ['r2', 'b'], ['r1', 'c'], ['r2', 'c'],
  ]);
  const iv = intervals(audit);
  assert.deepEqual(iv['r1|a'], [0, 6]);
  assert.deepEqual(iv['r1|b'], [0, 7]);
  assert.equal(report.pass, true);
});

test('TC8: protection finds that sound pattern', async () => {
  const out = await protectTable(tc8);
  assert.equal(out.pass, true);
  assert.deepEqual(suppressedSet(out), ['r1|a', 'r1|b', 'r1|c', 'r2|a', 'r2|b', 'r2|c']);
  assert.deepEqual(intervals(out.audit), { 'r1|a': [0, 6], 'r1|b': [0, 7] });
});
