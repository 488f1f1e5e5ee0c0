/**
 * `core-feed audit` on feeds built by the real builder: a fully protected feed passes; undoing one
 * complementary suppression, publishing a snapshot difference of 1–2, making two documents
 * disagree, or a failing solver each make it fail, naming the cell.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { crosstabPaths } from '../../src/audit/read-feed.js';
import { auditFeed, createEngines, type AuditEngines } from '../../src/audit/run.js';
import { DOCUMENT_PATHS, type ReportDocument, type TableDocument } from '../../src/feed/types.js';
import { buildTestFeeds, copyFeed, manifestOf, readDoc, writeDoc, type TestFeeds } from './helpers/audit-feed.js';
import { tempDir } from './helpers/csv.js';

describe('core-feed audit on built feeds', () => {
  let feeds: TestFeeds;
  let engines: AuditEngines;
  before(async () => {
    feeds = await buildTestFeeds();
    engines = await createEngines();
  });

  it('passes the fully protected feed', async () => {
    const report = await auditFeed(feeds.full, { engines });
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.failures, 0, JSON.stringify(report.cells.filter((c) => !c.pass).slice(0, 3)));
    assert.ok(report.summary.suppressed > 0 && report.summary.audited >= report.summary.suppressed);
    assert.ok(report.cells.some((c) => c.kind === 'increment'), 'snapshot differences are audited');
    assert.equal(report.summary.pass, true);
  });

  it('fails the primary-only feed', async () => {
    const report = await auditFeed(feeds.primary, { engines });
    assert.equal(report.summary.pass, false);
    assert.ok(report.summary.failures > 0);
  });

  it('fails when the complementary suppressions of one line are put back, naming the exposed primary', async () => {
    // A line (table row or column with a published total) whose "c" cells are one primary ("c" in
    // the primary-only feed too) and complements (numbers there). Publishing the complements pins
    // the primary. (Undoing a single complement is not enough in these feeds: the builder's
    // patterns are redundant — see src/audit/README.md.)
    const m = manifestOf(feeds.full);
    const index = m.documents['2024-25']!['sr-gn']!;
    const paths = [...index.la.map((f) => `2024-25/sr-gn/la/${f}.json`), ...crosstabPaths(index.crosstab).map((p) => `2024-25/sr-gn/crosstab/${p}.json`)];
    let found: { path: string; doc: TableDocument; primary: [number, number]; complements: [number, number, number][] } | undefined;
    search: for (const path of paths) {
      const full = readDoc<TableDocument>(feeds.full, path);
      const prim = readDoc<TableDocument>(feeds.primary, path);
      const lines: { cells: [number, number][]; total: unknown }[] = [
        ...full.rows.map((_, i) => ({ cells: full.cols.map((_c, j) => [i, j] as [number, number]), total: full.rowTotals[i] })),
        ...full.cols.map((_, j) => ({ cells: full.rows.map((_r, i) => [i, j] as [number, number]), total: full.colTotals[j] })),
      ];
      for (const line of lines) {
        if (typeof line.total !== 'number') continue;
        const cs = line.cells.filter(([i, j]) => full.cells[i]![j] === 'c');
        const primaries = cs.filter(([i, j]) => prim.cells[i]![j] === 'c');
        if (cs.length < 2 || primaries.length !== 1) continue;
        const complements = cs.filter(([i, j]) => prim.cells[i]![j] !== 'c').map(([i, j]) => [i, j, prim.cells[i]![j] as number] as [number, number, number]);
        found = { path, doc: full, primary: primaries[0]!, complements };
        break search;
      }
    }
    assert.ok(found, 'the full feed has a line holding one primary and its complements');
    const copy = copyFeed(feeds.full, join(tempDir(), 'leak'));
    for (const [i, j, v] of found.complements) (found.doc.cells[i] as (number | 'c')[])[j] = v;
    writeDoc(copy, found.path, found.doc);
    const report = await auditFeed(copy, { engines });
    assert.equal(report.summary.pass, false);
    const [pi, pj] = found.primary;
    const row = found.doc.rows[pi]!;
    const col = found.doc.cols[pj]!;
    const exposed = report.cells.find((c) => !c.pass && c.row === row && c.column === col && c.period === '2024-25');
    assert.ok(exposed, `${found.path} ${row} × ${col} reported: ${JSON.stringify(report.cells.filter((c) => !c.pass).slice(0, 3))}`);
    assert.equal(exposed.document, found.path);
    assert.equal(exposed.lo, exposed.hi, 'pinned exactly');
    assert.ok(exposed.hi === 1 || exposed.hi === 2);
  });

  it('fails when two documents disagree on a shared count', async () => {
    const copy = copyFeed(feeds.full, join(tempDir(), 'disagree'));
    const path = '2024-25/sr-gn/national/sex1.json';
    const doc = readDoc<TableDocument>(copy, path);
    const j = doc.colTotals.findIndex((v) => typeof v === 'number' && v >= 3);
    assert.ok(j >= 0);
    (doc.colTotals as (number | 'c')[])[j] = (doc.colTotals[j] as number) + 5;
    (doc.cells[0] as (number | 'c')[])[j] = (doc.cells[0]![j] as number) + 5;
    writeDoc(copy, path, doc);
    const report = await auditFeed(copy, { engines });
    assert.equal(report.summary.pass, false);
    const f = report.findings.find((x) => x.kind === 'inconsistent-value');
    assert.ok(f, JSON.stringify(report.findings.slice(0, 3)));
    assert.equal(f.column, doc.cols[j]);
    assert.match(f.message, /sex1 E92000001/);
  });

  it('fails when a report document shows a count differently from the LA table', async () => {
    const copy = copyFeed(feeds.full, join(tempDir(), 'report-disagree'));
    const manifest = manifestOf(copy);
    const region = manifest.geography.regions.find((r) => {
      try {
        return readDoc<ReportDocument>(copy, DOCUMENT_PATHS.report('2024-25', 'sr-gn', r.code)).tables[0]!.rows.length > 0;
      } catch {
        return false;
      }
    })!;
    const path = DOCUMENT_PATHS.report('2024-25', 'sr-gn', region.code);
    const doc = readDoc<ReportDocument>(copy, path);
    // A region's count (the test feed's LA counts are mostly small and suppressed).
    const table = doc.tables.find((t) => t.regions?.cells.some((row) => row.some((v) => typeof v === 'number')))!;
    const i = table.regions!.cells.findIndex((row) => row.some((v) => typeof v === 'number'));
    const j = table.regions!.cells[i]!.findIndex((v) => typeof v === 'number');
    (table.regions!.cells[i] as (number | 'c')[])[j] = (table.regions!.cells[i]![j] as number) + 3;
    writeDoc(copy, path, doc);
    const report = await auditFeed(copy, { engines });
    assert.equal(report.summary.pass, false);
    const f = report.findings.find((x) => x.kind === 'inconsistent-value');
    assert.ok(f, JSON.stringify(report.findings.slice(0, 3)));
    assert.equal(f.row, table.regions!.rows[i]);
    assert.equal(f.column, table.cols[j]);
    assert.match(f.document ?? '', /report/);
  });

  it('fails closed when the solver errors', async () => {
    const failing: AuditEngines = {
      feasibility: engines.feasibility,
      solver: { solve: () => { throw new Error('injected failure'); } },
    };
    const report = await auditFeed(feeds.full, { engines: failing });
    assert.equal(report.summary.pass, false);
    assert.ok(report.cells.some((c) => !c.pass && /solver error: injected failure/.test(c.note ?? '')));
    const nonOptimal: AuditEngines = {
      feasibility: engines.feasibility,
      solver: { solve: (lp) => Array.from(lp.targets, () => ({ lo: 0, hi: 10, optimal: false, exact: true, status: 'time limit' })) },
    };
    const r2 = await auditFeed(feeds.full, { engines: nonOptimal });
    assert.equal(r2.summary.pass, false);
    assert.ok(r2.cells.some((c) => !c.pass && /time limit/.test(c.note ?? '')));
    const noPoint: AuditEngines = { solver: engines.solver, feasibility: { point: () => ({ status: 'solver error' }) } };
    const r3 = await auditFeed(feeds.full, { engines: noPoint });
    assert.equal(r3.summary.pass, false);
    assert.ok(r3.findings.some((f) => f.kind === 'infeasible'));
  });
});
