/**
 * The LA report documents (feed 1.1): built by `core-feed build` with the very cells of the LA
 * tables and summaries they are cut from, one per period, log type and region, small; put back
 * together by `<core-la-report>` into tables whose views equal those of the full documents; and
 * the fixture feeds' report documents cut from their own LA tables and summaries.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildFeed } from '../../src/builder/build.js';
import { reportDocument } from '../../src/builder/documents.js';
import { synthesise } from '../../src/builder/synth.js';
import { REPORT_SECTIONS, reportSource } from '../../src/feed/report.js';
import {
  DOCUMENT_PATHS, type LogTypeId, type Manifest, type ReportDocument, type SummaryDocument, type TableDocument,
} from '../../src/feed/types.js';
import { reportProblem, reportRegions, reportSummary, reportTable } from '../../src/elements/core-la-report/report-doc.js';
import { resolveAreas, toCategoricalView, toNumericView, type LaChartView } from '../../src/elements/core-la-chart/la-chart.view.js';
import { buildTestFeeds } from './helpers/audit-feed.js';
import { tempDir } from './helpers/csv.js';

const BUDGET = 50_000; // DESIGN §6: one data document ≤ 50 KB gzip

interface Feed {
  manifest: Manifest;
  root: string;
  read<T>(path: string): T;
}

function openFeed(dir: string, manifestFile = 'manifest.json'): Feed {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as Manifest;
  const root = join(dir, manifest.base);
  return { manifest, root, read: <T>(path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as T };
}

/** Every (period, log type) index entry that lists report questions. */
function reportBlocks(manifest: Manifest): { period: string; logType: LogTypeId; fields: readonly string[] }[] {
  return Object.entries(manifest.documents).flatMap(([period, byType]) =>
    Object.entries(byType).filter(([, index]) => index.report?.length).map(([logType, index]) => ({ period, logType: logType as LogTypeId, fields: index.report! })));
}

/** The full document a report question is cut from. */
function fullDocument(feed: Feed, period: string, logType: LogTypeId, field: string): TableDocument | SummaryDocument {
  const info = feed.manifest.fields.find((f) => f.id === field && f.log === (logType === 'sales' ? 'sales' : 'lettings'))!;
  return feed.read(DOCUMENT_PATHS[reportSource(info.kind)](period, logType, field));
}

/**
 * What a view shows, as plain data (functions called), and what it reports: every re-suppression
 * in the document it read (`withWarnings`), which for a report document covers its region only.
 */
function shown(view: LaChartView, withWarnings = true): unknown {
  return { ...view, csv: view.csv(), ...('format' in view ? { format: view.format(123.456) } : {}), resuppressed: withWarnings ? view.resuppressed : [] };
}

describe('LA report documents of a built feed', () => {
  let feed: Feed;
  before(async () => {
    const dir = tempDir();
    await synthesise({ out: join(dir, 'logs'), years: [2024], lettings: 4000, sales: 800, seed: 5 });
    // Primary only, and detail for LAs with a median of 3 logs: this small year then has LA tables
    // in several blocks, which full protection would take minutes over (DETAIL_MIN_LOGS).
    await buildFeed({ inputs: [join(dir, 'logs')], out: join(dir, 'feed'), protection: 'primary', disclosure: { detailMinLogs: 3 } });
    feed = openFeed(join(dir, 'feed'));
  });

  it('one per full year, log type and region, holding the report questions the feed has', () => {
    const { manifest } = feed;
    const regions = manifest.geography.regions.map((r) => r.code);
    const blocks = reportBlocks(manifest);
    const fullYears = manifest.periods.filter((p) => p.quarters === 4).map((p) => p.id);
    // Every block with LA tables has report documents: full years only, and not the thin log types
    // of this small feed (src/builder/block.ts, DETAIL_MIN_LOGS).
    const withLa = Object.entries(manifest.documents).flatMap(([period, byType]) =>
      Object.entries(byType).filter(([, index]) => index.la.length > 0).map(([t]) => `${period} ${t}`));
    assert.deepEqual(blocks.map((b) => `${b.period} ${b.logType}`), withLa, 'every block with LA tables');
    assert.ok(blocks.length >= 2 && blocks.every((b) => fullYears.includes(b.period)), 'full years only');
    // LA tables and summaries are published for the full year only, so year-to-date snapshots have no report.
    for (const [period, byType] of Object.entries(manifest.documents)) {
      if (fullYears.includes(period)) continue;
      for (const index of Object.values(byType)) assert.deepEqual([index.la, index.report], [[], []], period);
    }
    for (const { period, logType, fields } of blocks) {
      const index = manifest.documents[period]![logType]!;
      const log = logType === 'sales' ? 'sales' : 'lettings';
      // Exactly the report's questions that have an LA table (categorical, banded) or an LA summary (numeric), in report order.
      const expected = REPORT_SECTIONS[log].flatMap((s) => s.fields).filter((id) => {
        const f = manifest.fields.find((x) => x.id === id && x.log === log);
        return f?.show === 'la' && index[reportSource(f.kind)].includes(id);
      });
      const order = (ids: readonly string[]) => [...ids].sort();
      assert.deepEqual(order(fields), order(expected), `${period} ${logType}`);
      for (const region of regions) {
        const doc = feed.read<ReportDocument>(DOCUMENT_PATHS.report(period, logType, region));
        assert.deepEqual([doc.kind, doc.period, doc.logType, doc.region], ['report', period, logType, region]);
        assert.equal(reportProblem(doc), undefined);
        assert.deepEqual([...doc.tables.map((t) => t.colDim), ...doc.summaries.map((s) => s.field)], fields);
      }
    }
    const written = readdirSync(feed.root, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/report/'));
    assert.equal(written.length, blocks.length * regions.length);
  });

  it('hold the same cells as the LA tables and summaries, statuses included, and the regions\' LAs make up all of them', () => {
    const { manifest } = feed;
    const regionOf = new Map(manifest.geography.las.map((la) => [la.code, la.region]));
    let cells = 0, suppressed = 0;
    for (const { period, logType, fields } of reportBlocks(manifest)) {
      const docs = manifest.geography.regions.map((r) => feed.read<ReportDocument>(DOCUMENT_PATHS.report(period, logType, r.code)));
      for (const field of fields) {
        const full = fullDocument(feed, period, logType, field);
        const where = `${period} ${logType} ${field}`;
        const seen: string[] = [];
        for (const doc of docs) {
          const part = full.kind === 'table' ? doc.tables.find((t) => t.colDim === field)! : doc.summaries.find((s) => s.field === field)!;
          // Rows: the region's LAs, in the full document's order.
          assert.deepEqual(part.rows, full.rows.filter((la) => regionOf.get(la) === doc.region), where);
          seen.push(...part.rows);
          // Everything but the LA rows is the full document's, as published.
          assert.deepEqual(withoutRows(part), withoutRows(full), where);
          part.rows.forEach((la, i) => {
            const j = full.rows.indexOf(la);
            const line = (d: TableDocument | SummaryDocument, k: number) =>
              d.kind === 'table' ? [...d.cells[k]!, d.rowTotals[k]] : [d.stats.n[k], d.stats.mean[k], d.stats.median[k]];
            const values = line(part, i);
            assert.deepEqual(values, line(full, j), `${where} ${la}`);
            cells += values.length;
            suppressed += values.filter((v) => v === 'c').length;
          });
        }
        assert.deepEqual(seen.sort(), [...full.rows].sort(), `${where}: every LA in one region's document`);
      }
    }
    assert.ok(cells > 10_000 && suppressed > 1_000, `compared ${cells} values, ${suppressed} of them "c"`);
  });

  it('are within the document budget (≤ 50 KB gzip)', () => {
    let largest = 0;
    for (const f of readdirSync(feed.root, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/report/'))) {
      largest = Math.max(largest, gzipSync(readFileSync(join(feed.root, f)), { level: 9 }).length);
    }
    assert.ok(largest > 0 && largest <= BUDGET, `largest report document: ${largest} bytes gzip`);
  });

  it('give <core-la-report> the views of the full documents, but for the re-check\'s complements on this unprotected feed', (t) => {
    // `--protection primary` leaves suppressed counts recoverable, so the element's re-check adds
    // complementary suppressions, which depend on the lines it sees: the full table's, or the
    // report document's region. Every value shown is the same published value, or is hidden by one
    // of the two re-checks. (A protected feed gives identical views: the next test.)
    let views = 0, same = 0;
    for (const [full, report, field, la] of viewPairs(feed, '2024-25', ['sr-gn', 'ar-gn'])) {
      views++;
      if (isDeepStrictEqual(shown(report, false), shown(full, false))) {
        same++;
        continue;
      }
      const hidden = new Set([...full.resuppressed, ...report.resuppressed].map((c) => `${c.row} ${c.col}`));
      const [a, b] = [lines(full), lines(report)];
      assert.deepEqual(b.map((l) => l.key), a.map((l) => l.key));
      a.forEach((l, i) => {
        if (l.value !== b[i]!.value) assert.ok(hidden.has(l.key), `${field} ${la || 'England'}: ${l.key} is ${String(l.value)} in the full table, ${String(b[i]!.value)} in the report's`);
      });
    }
    t.diagnostic(`${same} of ${views} views identical`);
    assert.ok(views > 3000 && same > views * 0.9, `${same} of ${views} views identical`);
  });

  it('give <core-la-report> exactly the views of the full documents on a protected feed', async () => {
    const feeds = await buildTestFeeds(60, 1);
    const protectedFeed = openFeed(feeds.full);
    let views = 0;
    for (const [full, report, field, la] of viewPairs(protectedFeed, '2024-25', ['sr-gn'])) {
      assert.deepEqual(shown(report), shown(full), `${field} ${la || 'England'}`);
      views++;
    }
    assert.ok(views > 600, `compared ${views} views`);
  });
});

/**
 * For every report question of `period` and `logTypes`, and every LA, region and England
 * (`compare` default, and `all` for the first LA): the view from the full document and the view
 * from the report documents the element reads.
 */
function* viewPairs(feed: Feed, periodId: string, logTypes: readonly LogTypeId[]): Generator<[LaChartView, LaChartView, string, string]> {
  const { manifest } = feed;
  const period = manifest.periods.find((p) => p.id === periodId)!;
  const areas = ['', ...manifest.geography.regions.map((r) => r.code), ...manifest.geography.las.map((l) => l.code)];
  for (const logTypeId of logTypes) {
    const logType = manifest.logTypes.find((t) => t.id === logTypeId)!;
    const docs = new Map(manifest.geography.regions.map((r) => [r.code, feed.read<ReportDocument>(DOCUMENT_PATHS.report(period.id, logTypeId, r.code))]));
    for (const id of manifest.documents[period.id]![logTypeId]!.report!) {
      const field = manifest.fields.find((f) => f.id === id && f.log === (logTypeId === 'sales' ? 'sales' : 'lettings'))!;
      const full = fullDocument(feed, period.id, logTypeId, id);
      const cases: [string, string[]][] = [...areas.map((la): [string, string[]] => [la, ['region', 'england']]), [manifest.geography.las[0]!.code, ['all']]];
      for (const [la, compare] of cases) {
        const ctx = { manifest, period, logType, field, la, compare };
        const read = reportRegions(manifest, resolveAreas(manifest, la, compare)).map((r) => docs.get(r)!);
        if (!compare.includes('all')) assert.equal(read.length, 1, 'one report document per view');
        yield full.kind === 'table'
          ? [toCategoricalView(ctx, full), toCategoricalView(ctx, reportTable(read, id)!), id, la]
          : [toNumericView(ctx, full), toNumericView(ctx, reportSummary(read, id)!), id, la];
      }
    }
  }
}

/** A table or summary without its LA rows. */
function withoutRows(doc: TableDocument | SummaryDocument): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !['rows', 'cells', 'rowTotals', 'stats'].includes(k)));
}

/** Every value a view shows, keyed as the re-check reports it (`area column`). */
function lines(view: LaChartView): { key: string; value: unknown }[] {
  if (view.kind === 'categorical') {
    const rows = [...view.series, ...(view.all ?? []).map((r) => ({ ...r.area, counts: r.counts, total: r.total }))];
    return rows.flatMap((s) => [...view.categories.map((c, i) => ({ key: `${s.code} ${c.code}`, value: s.counts[i] })), { key: `${s.code} total`, value: s.total }]);
  }
  if (view.kind === 'numeric') {
    return [...view.series, ...(view.all ?? [])].flatMap((s) => (['n', 'mean', 'median'] as const).map((k) => ({ key: `${s.code} ${k}`, value: s[k] })));
  }
  return [{ key: 'unavailable', value: view.emptyMessage }];
}

describe('LA report documents of the fixture feeds', () => {
  // The fixtures' report documents are cut from their own LA tables and summaries (leaks and all,
  // for la-leaky), as the builder cuts them; UPDATE_GOLDEN=1 rewrites them.
  for (const name of ['la-basic', 'la-leaky']) {
    it(`${name}: each report document is its LA tables and summaries cut to the region`, () => {
      const dir = join(import.meta.dirname, '..', 'fixtures', 'feeds', name);
      const feed = openFeed(dir);
      const regionOf = new Map(feed.manifest.geography.las.map((la) => [la.code, la.region]));
      const blocks = reportBlocks(feed.manifest);
      assert.ok(blocks.length > 0);
      for (const { period, logType, fields } of blocks) {
        const docs = fields.map((f) => fullDocument(feed, period, logType, f));
        for (const region of feed.manifest.geography.regions) {
          const expected = {
            ...reportDocument({ period, logType, region: region.code }, docs.filter((d) => d.kind === 'table'), docs.filter((d) => d.kind === 'summary'), (la) => regionOf.get(la) === region.code),
            schemaVersion: feed.manifest.schemaVersion,
          };
          const path = join(feed.root, DOCUMENT_PATHS.report(period, logType, region.code));
          if (process.env.UPDATE_GOLDEN) {
            mkdirSync(dirname(path), { recursive: true });
            const line = (d: unknown) => JSON.stringify(d).replace(/([,:])(?=["[{\d-])/g, '$1 ');
            const { tables, summaries, ...head } = expected;
            writeFileSync(path, `${line(head).slice(0, -1)}, "tables": [\n${tables.map(line).join(',\n')}\n], "summaries": [\n${summaries.map(line).join(',\n')}\n]}\n`);
          }
          assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), expected, path);
        }
      }
    });
  }
});
