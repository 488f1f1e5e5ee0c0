/**
 * `core-feed build` end to end on small CSVs in the real export format: aggregation, periods,
 * primary suppression, bad input, schema validity, determinism, and agreement with a recount.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DETAIL_MIN_LOGS } from '../../src/builder/block.js';
import { buildFeed, type BuildReport } from '../../src/builder/build.js';
import { synthesise } from '../../src/builder/synth.js';
import { lettingsLogType } from '../../src/builder/log-types.js';
import { crosstabPair, type LogTypeId, type Manifest, type ReportDocument, type SummaryDocument, type TableDocument } from '../../src/feed/types.js';
import { tempDir, writeCsv } from './helpers/csv.js';

const BIRMINGHAM = 'E08000025';
const LEEDS = 'E08000035';
const GENERATED_AT = '2025-05-01T00:00:00.000Z';

const sr = (la: string, startdate: string, sex1: string, age1: string) => ({
  needstype: '1', renttype: '1', renttype_detail: '1', collection_start_year: '2024', startdate, la, sex1, age1,
});

function readFeed(out: string) {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const doc = <T>(path: string): T => JSON.parse(readFileSync(join(out, manifest.base, path), 'utf8')) as T;
  return { manifest, doc };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** Every number in a document that is a count (cells and totals, `n`; a report document's tables and summaries). */
function countsOf(doc: TableDocument | SummaryDocument | ReportDocument): unknown[] {
  if (doc.kind === 'report') return [...doc.tables, ...doc.summaries].flatMap(countsOf);
  if (doc.kind === 'summary') return [...doc.stats.n, ...(doc.regions?.n ?? []), doc.england.n];
  return [...doc.cells.flat(), ...doc.rowTotals, ...doc.colTotals, doc.total, ...(doc.regions ? [...doc.regions.cells.flat(), ...doc.regions.rowTotals] : [])];
}

describe('core-feed build on a hand-made lettings export', () => {
  let out: string;
  let report: BuildReport;
  let input: string;

  before(async () => {
    const dir = tempDir();
    input = writeCsv(dir, 'lettings.csv', {
      log: 'lettings', year: 2024, support: true, headerRows: 2,
      rows: [
        sr(BIRMINGHAM, '2024-04-02', 'F', '30'), // line 3
        sr(BIRMINGHAM, '2024-05-10', 'F', '40'),
        sr(BIRMINGHAM, '2024-06-30', 'F', '50'),
        sr(BIRMINGHAM, '2024-06-01', 'M', '60'),
        sr(BIRMINGHAM, '2024-04-20', 'M', '-9'), // line 7: age not known
        sr(LEEDS, '2024-08-01', 'F', '25'), // Q2
        sr(LEEDS, '2024-09-30', 'F', '35'), // Q2
        { ...sr(LEEDS, '2024-10-01', 'F', '45'), renttype: '2', renttype_detail: '2' }, // line 10: Affordable Rent, Q3
        sr(BIRMINGHAM, '2024-07-01', 'Q', '30'), // line 11: unknown code
        sr(BIRMINGHAM, '2023-05-01', 'F', '30'), // line 12: date outside its year
        sr('E99999999', '2024-07-01', 'F', '30'), // line 13: unknown LA
        { ...sr(BIRMINGHAM, '2024-07-01', 'F', '30'), renttype: '3', renttype_detail: '5' }, // line 14: London Living Rent
      ],
    });
    appendFileSync(input, '1,2,3\n'); // line 15: wrong number of columns
    out = join(dir, 'feed');
    // The primary rules, on logs few enough to check by hand: with full protection nearly every
    // count of 8 logs is hidden, and no block would have detail (DETAIL_MIN_LOGS). Full
    // protection is tested on the synthetic feeds below and in audit.test.ts.
    report = await buildFeed({ inputs: [dir], out, generatedAt: GENERATED_AT, protection: 'primary', disclosure: { detailMinLogs: 1 } });
  });

  it('counts and reports every record: accepted, rejected with line and reason, outside the seven types', () => {
    assert.equal(report.logsRead, 13);
    assert.equal(report.logsAccepted, 8);
    assert.equal(report.logsOutsideLogTypes, 1);
    assert.equal(report.logsRejected, 4);
    const byLine = Object.fromEntries(report.rejections.map((r) => [r.line, r.reason]));
    assert.match(byLine[11]!, /unknown code "Q" for sex1/);
    assert.match(byLine[12]!, /outside its collection year 2024\/25/);
    assert.match(byLine[13]!, /unknown local authority code "E99999999"/);
    assert.match(byLine[15]!, /expected \d+ columns, found 3/);
    assert.ok(report.rejections.every((r) => r.file === input));
    const written = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as BuildReport;
    assert.equal(written.rejections.length, 4);
  });

  it('writes the national one-way table, suppressing counts of 1 and 2', () => {
    const { doc } = readFeed(out);
    const sex = doc<TableDocument>('2024-25/sr-gn/national/sex1.json');
    const at = (code: string) => sex.colTotals[sex.cols.indexOf(code)];
    assert.deepEqual(sex.rows, ['E92000001']);
    assert.equal(at('F'), 5);
    assert.equal(at('M'), 'c'); // 2
    assert.equal(sex.total, 7);
    assert.equal(sex.cols[sex.cols.length - 1], 'unknown');
    // A question asked by LA is published for the full year only; the logs by area every quarter.
    const { manifest } = readFeed(out);
    assert.equal(manifest.documents['2024-25-q1']!['sr-gn']!.national.includes('sex1'), false);
    assert.deepEqual(manifest.documents['2024-25-q1']!['sr-gn']!.la, []);
    const q1 = doc<TableDocument>('2024-25-q1/log-types.json');
    assert.equal(q1.colTotals[q1.cols.indexOf('sr-gn')], 5);
  });

  it('suppresses the whole LA row when it has fewer than 3 valid records', () => {
    const { doc } = readFeed(out);
    const la = doc<TableDocument>('2024-25/sr-gn/la/sex1.json');
    const row = (code: string) => la.cells[la.rows.indexOf(code)]!;
    assert.equal(row(BIRMINGHAM)[la.cols.indexOf('F')], 3);
    assert.equal(row(BIRMINGHAM)[la.cols.indexOf('M')], 'c');
    assert.ok(row(LEEDS).every((v) => v === 'c'), 'Leeds has 2 valid records');
    assert.equal(la.rowTotals[la.rows.indexOf(LEEDS)], 'c');
    const westMidlands = la.regions!.rows.indexOf('E12000005');
    assert.equal(la.regions!.rowTotals[westMidlands], 5);
  });

  it('summarises numeric fields with n, mean and median, not known values left out', () => {
    const { doc } = readFeed(out);
    const age = doc<SummaryDocument>('2024-25/sr-gn/summary/age1.json');
    assert.deepEqual(age.england, { n: 6, mean: 40, median: 37.5 }); // 30 40 50 60 25 35
    const b = age.rows.indexOf(BIRMINGHAM);
    assert.deepEqual([age.stats.n[b], age.stats.mean[b], age.stats.median[b]], [4, 45, 45]);
    const l = age.rows.indexOf(LEEDS);
    assert.deepEqual([age.stats.n[l], age.stats.mean[l]], ['c', 'c']);
  });

  it('writes crosstabs whose margins are the one-way tables', () => {
    const { doc, manifest } = readFeed(out);
    const crossed = manifest.documents['2024-25']!['sr-gn']!.crosstab;
    const pair = crosstabPair(crossed, 'sex1', 'needstype');
    assert.ok(pair, 'needstype and sex1 are crossed');
    const { x, y } = pair;
    // Crosstabs are full-year only.
    assert.deepEqual(manifest.documents['2024-25-q1']!['sr-gn']!.crosstab, []);
    const ct = doc<TableDocument>(`2024-25/sr-gn/crosstab/${x}~${y}.json`);
    const sex = doc<TableDocument>('2024-25/sr-gn/national/sex1.json');
    assert.deepEqual(x === 'sex1' ? ct.rowTotals : ct.colTotals, sex.colTotals);
    assert.equal(ct.total, 7);
  });

  it('lists periods, log types, fields and geography in the manifest', () => {
    const { manifest } = readFeed(out);
    assert.deepEqual(manifest.periods.map((p) => p.id), ['2024-25-q1', '2024-25-q1-q2', '2024-25-q1-q3', '2024-25']);
    assert.deepEqual(Object.keys(manifest.documents['2024-25']!).sort(), ['ar-gn', 'sr-gn']);
    assert.equal(manifest.generatedAt, GENERATED_AT);
    assert.match(manifest.base, /^v\/[0-9a-f]{16}\/$/);
    const sex = manifest.fields.find((f) => f.id === 'sex1' && f.log === 'lettings')!;
    assert.equal(sex.show, 'la');
    assert.ok(manifest.fields.every((f) => !['postcode_full', 'uprn', 'startdate', 'la', 'owning_organisation_name'].includes(f.id)), 'never fields are absent');
    assert.equal(manifest.fields.find((f) => f.id === 'armedforces')?.show, 'national');
    assert.equal(manifest.documents['2024-25']!['sr-gn']!.la.includes('armedforces'), false, 'national fields have no LA table');
    assert.equal(manifest.geography.regions.length, 9);
  });

  it('publishes no count of 1 or 2 anywhere', () => {
    const { manifest } = readFeed(out);
    const root = join(out, manifest.base);
    for (const f of allFiles(root)) {
      const doc = JSON.parse(readFileSync(join(root, f), 'utf8')) as TableDocument | SummaryDocument | ReportDocument;
      for (const v of countsOf(doc)) assert.ok(v !== 1 && v !== 2, `${f} holds ${String(v)}`);
    }
  });

  it('writes exactly the golden documents (test/golden/hand-made; UPDATE_GOLDEN=1 rewrites them)', () => {
    const { manifest } = readFeed(out);
    const crossed = manifest.documents['2024-25']!['sr-gn']!.crosstab;
    const pair = crosstabPair(crossed, 'sex1', 'needstype')!;
    const paths = [
      '2024-25/log-types.json',
      '2024-25-q1/log-types.json',
      '2024-25/sr-gn/national/sex1.json',
      '2024-25-q1-q2/log-types.json',
      '2024-25/sr-gn/summary/age1.json',
      `2024-25/sr-gn/crosstab/${pair.x}~${pair.y}.json`,
      '2024-25/sr-gn/report/E12000005.json', // West Midlands: Birmingham and its neighbours
    ];
    const golden = join(import.meta.dirname, '..', 'golden', 'hand-made');
    for (const path of paths) {
      const built = readFileSync(join(out, manifest.base, path), 'utf8');
      const file = join(golden, path);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(JSON.parse(built), null, 1)}\n`);
      }
      assert.deepEqual(JSON.parse(built), JSON.parse(readFileSync(file, 'utf8')), path);
    }
  });

  it('states the information lost by table kind, matching the documents', () => {
    const { manifest } = readFeed(out);
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as BuildReport;
    const lost = manifest.disclosure.suppressed!;
    assert.deepEqual(Object.keys(lost).sort(), ['crosstab', 'la', 'logs', 'national', 'summary']);
    // Each crosstab cell is in one document only: its suppressed cells are the `c`s in crosstab bodies.
    const root = join(out, manifest.base);
    let hidden = 0, cells = 0;
    for (const f of allFiles(root).filter((f) => f.includes('/crosstab/'))) {
      const doc = JSON.parse(readFileSync(join(root, f), 'utf8')) as TableDocument;
      for (const row of doc.cells) for (const v of row) {
        cells++;
        if (v === 'c') hidden++;
      }
    }
    assert.ok(hidden > 0, 'the fixture has suppressed crosstab cells');
    assert.deepEqual([lost.crosstab!.cells, lost.crosstab!.primary + lost.crosstab!.secondary], [cells, hidden]);
    // The report's blocks add up to the manifest's totals.
    const primary = report.disclosure.protection.reduce((s, b) => s + b.primary, 0);
    assert.equal(primary, Object.values(lost).reduce((s, k) => s + k!.primary, 0));
  });
});

describe('core-feed build on synthetic exports', () => {
  it('is byte-identical on a second build, and agrees with a recount of the CSV', async () => {
    const dir = tempDir();
    const [lettings] = await synthesise({ out: join(dir, 'logs'), years: [2024], lettings: 3000, sales: 0, seed: 3 });
    const a = join(dir, 'a'), b = join(dir, 'b');
    await buildFeed({ inputs: [join(dir, 'logs')], out: a });
    await buildFeed({ inputs: [join(dir, 'logs')], out: b });
    const files = allFiles(a);
    assert.deepEqual(files, allFiles(b));
    for (const f of files.filter((f) => f !== 'build-report.json')) {
      assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs`);
    }

    // Recount logs by LA and log type straight from the CSV (2 header rows).
    const records = parse(readFileSync(lettings!), { from_line: 2, columns: true }) as Record<string, string>[];
    const recount = new Map<string, number>();
    for (const r of records) {
      const type = lettingsLogType(r.needstype!, r.renttype!, r.renttype_detail!);
      if (type) recount.set(`${r.la}|${type}`, (recount.get(`${r.la}|${type}`) ?? 0) + 1);
    }
    const { doc, manifest } = readFeed(a);
    // Full protection is the default: every block was protected and proved by the LP audit.
    assert.match(manifest.disclosure.method, /^Primary: .* Secondary: .* median LA has 10 or more logs/);
    assert.equal(manifest.disclosure.detailMinLogs, DETAIL_MIN_LOGS);
    // Detail (LA tables and summaries, crosstabs) only where most LAs with logs have DETAIL_MIN_LOGS or more.
    const report = JSON.parse(readFileSync(join(a, 'build-report.json'), 'utf8')) as BuildReport;
    const fullYear = manifest.documents['2024-25']!;
    for (const block of report.disclosure.protection) {
      const logType = block.block.split(' ')[1] as LogTypeId;
      const byLa = records.filter((r) => lettingsLogType(r.needstype!, r.renttype!, r.renttype_detail!) === logType).map((r) => r.la!);
      const counts = [...new Set(byLa)].map((la) => byLa.filter((x) => x === la).length);
      const small = counts.filter((c) => c < DETAIL_MIN_LOGS).length;
      const thin = small > counts.length / 2;
      assert.equal(block.detailed, !thin, `${block.block}: ${small} of ${counts.length} LAs with logs below ${DETAIL_MIN_LOGS}`);
      assert.equal(fullYear[logType]!.la.length > 0, !thin, block.block);
      assert.equal(fullYear[logType]!.crosstab.length > 0, !thin, block.block);
      assert.ok(fullYear[logType]!.national.length > 0, block.block);
      // Records behind the published counts: the full year's logs by LA, region and England alone hold 3 × the logs.
      assert.ok(block.records >= 3 * byLa.length && block.recordsHidden > 0 && block.recordsHidden < block.records, `${block.block}: ${block.recordsHidden} of ${block.records}`);
    }
    const logTypes = doc<TableDocument>('2024-25/log-types.json');
    let compared = 0;
    logTypes.rows.forEach((la, i) => {
      logTypes.cols.forEach((type, j) => {
        const published = logTypes.cells[i]![j]!;
        const expected = recount.get(`${la}|${type}`) ?? 0;
        if (published === 'c') assert.ok(expected > 0, `${la} ${type}: a suppressed cell is never a zero`);
        else {
          assert.equal(published, expected, `${la} ${type}`);
          compared++;
        }
      });
    });
    assert.ok(compared > 500, `compared ${compared} published cells`);
  });

  it('reads codes and labels, support and ordinary-user exports to the same counts', async () => {
    const dir = tempDir();
    const variants = [
      { values: 'codes', users: 'support' },
      { values: 'labels', users: 'support' },
      { values: 'codes', users: 'ordinary' },
    ] as const;
    const docs = [];
    const rents: SummaryDocument[] = [];
    for (const v of variants) {
      const logs = join(dir, `${v.values}-${v.users}`);
      await synthesise({ out: logs, years: [2024], lettings: 3000, sales: 200, seed: 11, ...v });
      const out = join(dir, `feed-${v.values}-${v.users}`);
      // What is read, not what is hidden: primary only, and LA summaries for this small year.
      const report = await buildFeed({ inputs: [logs], out, protection: 'primary', disclosure: { detailMinLogs: 3 } });
      assert.equal(report.logsRejected, 0, `${v.values}/${v.users}: ${JSON.stringify(report.rejections.slice(0, 3))}`);
      assert.deepEqual(report.files.map((f) => [f.values, f.users]), [[v.values, v.users], [v.values, v.users]]);
      const { doc } = readFeed(out);
      docs.push([doc<TableDocument>('2024-25/log-types.json'), doc<TableDocument>('2024-25/sr-gn/national/ecstat1.json')]);
      rents.push(doc<SummaryDocument>('2024-25/sr-gn/summary/wrent.json'));
    }
    assert.deepEqual(docs[1], docs[0]);
    assert.deepEqual(docs[2], docs[0]);
    // Ordinary users' files hold rent per rent period: made weekly, the means agree to the penny
    // (support files hold CORE's weekly figure rounded to pennies, hence the tolerance).
    const [support, , ordinary] = rents;
    const rows = (d: SummaryDocument) => [...d.stats.n.map((n, i) => [n, d.stats.mean[i]!] as const), [d.england.n, d.england.mean] as const];
    const [a, b] = [rows(support!), rows(ordinary!)];
    assert.deepEqual(b.map(([n]) => n), a.map(([n]) => n));
    let means = 0;
    a.forEach(([, m], i) => {
      const o = b[i]![1];
      if (typeof m === 'number' && typeof o === 'number') {
        assert.ok(Math.abs(m - o) <= 0.01 + 1e-9, `row ${i}: ${o} vs ${m}`);
        means++;
      } else assert.equal(o, m);
    });
    assert.ok(means > 10, `compared ${means} means`);
  });

  it('reads one-header-row exports (to 2022/23) and fails clearly on a file with no header', async () => {
    const dir = tempDir();
    writeCsv(dir, 'old.csv', { log: 'lettings', year: 2023, support: true, headerRows: 1, rows: [
      { ...sr(BIRMINGHAM, '2022-05-01', 'F', '30'), collection_start_year: '2022' },
    ] });
    const report = await buildFeed({ inputs: [join(dir, 'old.csv')], out: join(dir, 'feed') });
    assert.equal(report.files[0]!.headerRows, 1);
    assert.equal(report.logsAccepted, 1);
    const bad = join(dir, 'bad.csv');
    appendFileSync(bad, 'name,age\nAnn,3\n');
    await assert.rejects(buildFeed({ inputs: [bad], out: join(dir, 'feed2') }), /no CORE export header found.*needstype, startdate/s);
  });
});
