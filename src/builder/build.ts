/**
 * `core-feed build`: CORE CSV exports → feed v1 (DESIGN §2–§4).
 * Reads every file in one streaming pass each, lays out each (year, log type) block as a linked
 * system of cells, protects it, writes the documents under a content-hashed folder, validates
 * every document against the schema, and reports what it read, rejected and suppressed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { REGIONS, LOCAL_AUTHORITIES } from '../catalog/index.js';
import {
  DOCUMENT_PATHS, ENGLAND_CODE, SCHEMA_VERSION,
  type CategoryInfo, type Count, type DocumentIndex, type FieldInfo, type LogTypeId, type Manifest, type PeriodInfo,
  type SummaryDocument, type SuppressionCount, type TableDocument, type TableKind,
} from '../feed/types.js';
import { Status } from '../sdc/types.js';
import { alertsToAtom, readAlerts } from './alerts.js';
import { DETAIL_MIN_LOGS, FULL_YEAR, layoutBlock, publishedByLa, logsByArea, tableKinds, type DisclosureOptions } from './block.js';
import { CellSpace, cellId } from './cells.js';
import { blockDocuments, reportDocuments, reportFieldIds, type BuiltDocument } from './documents.js';
import { Ingest, type FileSummary, type Rejection } from './ingest.js';
import { LOG_TYPES } from './log-types.js';
import { periodsOfYear, yearId } from './periods.js';
import type { FieldPlan } from './plan.js';
import { addCounts, protectBlocks, summariseProtection, type BlockProtection, type ProtectionLevel } from './protect.js';
import { assertValidDocument } from './validate.js';

export interface BuildOptions {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly dataVersion?: string;
  /** ISO time written as `generatedAt`; default SOURCE_DATE_EPOCH, else the newest input's mtime (reproducible). */
  readonly generatedAt?: string;
  readonly disclosure?: Partial<DisclosureOptions>;
  /** A folder of Markdown alerts with front matter, written as alerts.json and alerts.atom. */
  readonly alerts?: string;
  /** `full` (default: secondary suppression and LP audit; see protect.ts) or `primary` only. */
  readonly protection?: ProtectionLevel;
  readonly onProgress?: (message: string) => void;
}

export interface BuildReport {
  readonly schemaVersion: string;
  readonly dataVersion: string;
  readonly files: readonly FileSummary[];
  readonly logsRead: number;
  readonly logsAccepted: number;
  readonly logsRejected: number;
  readonly logsOutsideLogTypes: number;
  readonly rejectionsByReason: Readonly<Record<string, number>>;
  readonly rejections: readonly Rejection[];
  readonly documentsWritten: number;
  readonly disclosure: DisclosureOptions & { readonly protection: readonly BlockProtection[] };
  readonly seconds: number;
}

export const DEFAULT_DISCLOSURE: DisclosureOptions = { minCount: 3, meanThreshold: 3, detailMinLogs: DETAIL_MIN_LOGS };

export async function buildFeed(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const disclosure = { ...DEFAULT_DISCLOSURE, ...options.disclosure };
  const level = options.protection ?? 'full';
  const files = await csvFiles(options.inputs);
  if (files.length === 0) throw new Error(`no CSV files found in ${options.inputs.join(', ')}`);

  let lastTick = 0;
  const ingest = new Ingest((n) => {
    if (options.onProgress && n - lastTick >= 20000) {
      lastTick = n;
      options.onProgress(`read ${n.toLocaleString('en-GB')} logs of the current file`);
    }
  });
  for (const file of files) {
    lastTick = 0;
    options.onProgress?.(`reading ${file}`);
    await ingest.readFile(file);
  }

  // Protect and lay out every block; collect the documents.
  const docs: BuiltDocument[] = [];
  const protections: BlockProtection[] = [];
  const periods: PeriodInfo[] = [];
  const index: Record<string, Partial<Record<LogTypeId, DocumentIndex>>> = {};
  /** Logs by area for the log-types documents: period → log type → counts (LAs, regions, England). */
  const logTypeCounts = new Map<string, Map<LogTypeId, { laCodes: string[]; areas: Count[] }>>();
  const fieldInfos = new Map<string, { info: FieldInfo; byYear: Map<string, CategoryInfo[]> }>();

  const years = [...ingest.years.values()].sort((a, b) => a.plan.year - b.plan.year || a.plan.log.localeCompare(b.plan.log));
  // Lay out every (year, log type) block as a linked system, then protect them all: the blocks
  // are independent, so full protection runs them in worker threads.
  const blocksOf = years.map((yearAgg) =>
    [...yearAgg.byLogType]
      .sort(([a], [b]) => LOG_TYPE_ORDER(a) - LOG_TYPE_ORDER(b))
      .map(([logType, agg]) => {
        const space = new CellSpace();
        const layout = layoutBlock(agg, space, disclosure);
        return { logType, layout, system: space.system(), block: `${yearId(yearAgg.plan.year)} ${logType}` };
      }),
  );
  const allBlocks = blocksOf.flat();
  const statuses = await protectBlocks(
    allBlocks.map(({ block, system, layout }) => ({
      block, system, ...(level === 'full' ? { pivots: logsByArea(layout, system.values.length) } : {}),
    })),
    level,
    (block) => options.onProgress?.(`protecting ${block}`),
  );
  const statusOf = new Map(allBlocks.map((b, i) => [b, statuses[i]!]));

  for (const [y, yearAgg] of years.entries()) {
    const { plan } = yearAgg;
    const yearPeriods = periodsOfYear(plan.year);
    for (const p of yearPeriods) if (!periods.some((q) => q.id === p.id)) periods.push(p);
    // Fields with no column in any input of that year are not published for it.
    const present = plan.fields.filter((_, i) => yearAgg.seen[i]).map((f) => f.field.id);
    for (const f of plan.fields) {
      if (!present.includes(f.field.id)) continue;
      recordField(fieldInfos, f, plan.year);
    }
    for (const laidOut of blocksOf[y]!) {
      const { logType, layout, system, block } = laidOut;
      const result = statusOf.get(laidOut)!;
      protections.push({ ...summariseProtection(block, system, result, tableKinds(layout, system.values.length)), detailed: layout.detailed });
      const suppressed = (id: number) => result.status[id] !== Status.Published;
      const blockDocs = blockDocuments(layout, logType, yearPeriods, suppressed, system.values, disclosure)
        .filter((d) => documentFields(d).every((id) => present.includes(id)));
      const reportDocs = reportDocuments(blockDocs, plan, logType, yearPeriods);
      docs.push(...blockDocs, ...reportDocs);
      yearPeriods.forEach((period, s) => {
        // Questions asked by LA are published for the full year only (block.ts, FULL_YEAR).
        const byLa = (f: FieldPlan) => publishedByLa(layout, f);
        const shown = (f: FieldPlan) => present.includes(f.field.id) && (s >= FULL_YEAR || !byLa(f));
        const entry: DocumentIndex = {
          la: plan.fields.filter((f) => byLa(f) && f.tabulated && shown(f)).map((f) => f.field.id),
          national: plan.fields.filter((f) => f.tabulated && shown(f)).map((f) => f.field.id),
          summary: plan.fields.filter((f) => f.summarised && shown(f)).map((f) => f.field.id),
          crosstab: s < FULL_YEAR || !layout.detailed ? [] : crossed(plan).filter((id) => present.includes(id)),
          report: reportFieldIds(reportDocs, period.id),
        };
        (index[period.id] ??= {})[logType] = entry;
        const byType = logTypeCounts.get(period.id) ?? new Map();
        logTypeCounts.set(period.id, byType);
        byType.set(logType, {
          laCodes: plan.las.map((la) => la.code),
          areas: Array.from({ length: layout.areas }, (_, a) => {
            const id = cellId(layout.T, s, a);
            return suppressed(id) ? 'c' : system.values[id]!;
          }),
        });
      });
    }
  }
  periods.sort((a, b) => a.year.localeCompare(b.year) || a.quarters - b.quarters);
  for (const [period, byType] of logTypeCounts) docs.push(logTypesDocument(period, byType));

  // Serialise, validate, hash; then write under v/<hash>/ and the manifest beside it.
  const serialised = docs.map(({ path, doc }) => {
    assertValidDocument(path, doc);
    return { path, text: `${JSON.stringify(doc)}\n` };
  });
  serialised.sort((a, b) => (a.path < b.path ? -1 : 1));
  const hash = createHash('sha256');
  for (const { path, text } of serialised) hash.update(path).update('\0').update(text).update('\0');
  const base = `v/${hash.digest('hex').slice(0, 16)}/`;

  const alerts = options.alerts ? await readAlerts(options.alerts) : null;
  if (alerts) assertValidDocument('alerts.json', alerts);
  const latest = periods[periods.length - 1];
  const dataVersion = options.dataVersion ?? `${latest ? latest.id : 'empty'}-r1`;
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'manifest',
    generatedAt: options.generatedAt ?? (await reproducibleTime(files)),
    dataVersion,
    base,
    periods,
    logTypes: LOG_TYPES,
    fields: [...fieldInfos.values()].map(({ info, byYear }) => finishField(info, byYear)),
    geography: {
      england: { code: ENGLAND_CODE, name: 'England' },
      regions: REGIONS.map((r) => ({ code: r.code, name: r.name })),
      las: lasOf(years.map((y) => y.plan.year)),
    },
    disclosure: {
      ...disclosure,
      method: [PROTECTION_METHOD, ...(level === 'full' ? [FULL_METHOD] : []), detailMethod(disclosure.detailMinLogs)].join(' '),
      suppressed: suppressedByKind(protections),
    },
    documents: index,
    ...(alerts ? { alerts: 'alerts.json' } : {}),
  };
  assertValidDocument('manifest.json', manifest);

  // Earlier builds' folders go: the output is exactly this build. (Synchronous writes: tens of
  // thousands of small files go several times faster than through the promise API's thread pool.)
  rmSync(join(options.out, 'v'), { recursive: true, force: true });
  const dirs = new Set(serialised.map(({ path }) => dirname(join(options.out, base, path))));
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  for (const { path, text } of serialised) writeFileSync(join(options.out, base, path), text);
  if (alerts) {
    await writeFile(join(options.out, 'alerts.json'), `${JSON.stringify(alerts, null, 1)}\n`);
    await writeFile(join(options.out, 'alerts.atom'), alertsToAtom(alerts, { feedUrl: 'alerts.atom' }));
  }
  await writeFile(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);

  const rejectionsByReason: Record<string, number> = {};
  for (const r of ingest.rejections) {
    const kind = r.reason.replace(/"[^"]*"/g, '…').replace(/\d{4}\/\d{2}/g, 'YYYY/YY').replace(/\d+/g, 'N');
    rejectionsByReason[kind] = (rejectionsByReason[kind] ?? 0) + 1;
  }
  const report: BuildReport = {
    schemaVersion: SCHEMA_VERSION,
    dataVersion,
    files: ingest.files,
    logsRead: ingest.recordsRead,
    logsAccepted: ingest.files.reduce((s, f) => s + f.accepted, 0),
    logsRejected: ingest.files.reduce((s, f) => s + f.rejected, 0),
    logsOutsideLogTypes: ingest.files.reduce((s, f) => s + f.outsideLogTypes, 0),
    rejectionsByReason,
    rejections: ingest.rejections,
    documentsWritten: serialised.length + 1,
    disclosure: { ...disclosure, protection: protections },
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  await writeFile(join(options.out, 'build-report.json'), `${JSON.stringify(report, null, 1)}\n`);
  return report;
}

const PROTECTION_METHOD =
  'Primary: counts of 1 or 2 and LA rows with fewer than 3 valid records suppressed; means need 3 records.';

const FULL_METHOD =
  'Secondary: complementary suppression over the linked tables of each year and log type (LA → region → England, shared margins, year-to-date snapshots), proved by an LP audit (HiGHS): every primary lies in [lo, hi] with hi ≥ 3 and hi − lo ≥ 2.';

const detailMethod = (n: number) =>
  `Detail (LA tables and summaries, crosstabs) only for log types whose median LA has ${n} or more logs in the year.`;

/** Information lost over the whole feed, by table kind. */
function suppressedByKind(blocks: readonly BlockProtection[]): Partial<Record<TableKind, SuppressionCount>> {
  const kinds = [...new Set(blocks.flatMap((b) => Object.keys(b.byKind) as TableKind[]))];
  return Object.fromEntries(kinds.map((k) => [k, addCounts(blocks.flatMap((b) => b.byKind[k] ?? []))]));
}

/** The fields crossed with each other, in catalogue order (every two of them have a crosstab). */
function crossed(plan: import('./plan.js').YearPlan): string[] {
  const ids = new Set(plan.pairs.flat());
  return plan.fields.filter((_, i) => ids.has(i)).map((f) => f.field.id);
}

const LOG_TYPE_ORDER = (id: LogTypeId) => LOG_TYPES.findIndex((t) => t.id === id);

/** The fields a document tabulates (a crosstab: both). */
function documentFields(d: BuiltDocument<TableDocument | SummaryDocument>): string[] {
  const doc = d.doc;
  if (doc.kind === 'summary') return [doc.field];
  return doc.rowDim === 'area' ? [doc.colDim] : [doc.rowDim, doc.colDim];
}

function recordField(
  infos: Map<string, { info: FieldInfo; byYear: Map<string, CategoryInfo[]> }>,
  f: import('./plan.js').FieldPlan,
  year: number,
): void {
  const { field } = f;
  const entry = infos.get(field.id) ?? {
    info: {
      id: field.id, label: field.label, section: field.section, log: field.log, kind: field.kind,
      show: f.byLa ? 'la' : 'national', ...(field.unit ? { unit: field.unit } : {}),
    } satisfies FieldInfo,
    byYear: new Map<string, CategoryInfo[]>(),
  };
  if (f.tabulated) entry.byYear.set(yearId(year), f.codes.map((code, i) => ({ code, label: f.labels[i]! })));
  infos.set(field.id, entry);
}

/** `categories` = the latest year's; earlier years only where they differ. */
function finishField(info: FieldInfo, byYear: Map<string, CategoryInfo[]>): FieldInfo {
  if (byYear.size === 0) return info;
  const years = [...byYear.keys()].sort();
  const latest = byYear.get(years[years.length - 1]!)!;
  const same = (a: CategoryInfo[]) => JSON.stringify(a) === JSON.stringify(latest);
  const differing = years.filter((y) => !same(byYear.get(y)!));
  return {
    ...info,
    categories: latest,
    ...(differing.length ? { categoriesByYear: Object.fromEntries(differing.map((y) => [y, byYear.get(y)!])) } : {}),
  };
}

function lasOf(years: number[]) {
  const seen = new Map<string, { code: string; name: string; region: string }>();
  for (const la of LOCAL_AUTHORITIES) {
    if (years.some((y) => la.startYear <= y && (la.endYear === null || y <= la.endYear))) {
      seen.set(la.code, { code: la.code, name: la.name, region: la.region });
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

function logTypesDocument(period: string, byType: Map<LogTypeId, { laCodes: string[]; areas: Count[] }>): BuiltDocument {
  const types = LOG_TYPES.map((t) => t.id).filter((id) => byType.has(id));
  // LAs valid in the year (lettings and sales share the register).
  const laCodes = byType.get(types[0]!)!.laCodes;
  const nLa = laCodes.length;
  const nReg = REGIONS.length;
  const col = (id: LogTypeId, a: number): Count => byType.get(id)!.areas[a]!;
  const doc: TableDocument = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'table',
    period,
    logType: 'all',
    rowDim: 'area',
    colDim: 'logType',
    rows: laCodes,
    cols: types,
    cells: laCodes.map((_, la) => types.map((t) => col(t, la))),
    // Totals across log types (lettings and sales together) are not a published quantity.
    rowTotals: laCodes.map(() => 'z'),
    colTotals: types.map((t) => col(t, nLa + nReg)),
    total: 'z',
    regions: {
      rows: REGIONS.map((r) => r.code),
      cells: REGIONS.map((_, r) => types.map((t) => col(t, nLa + r))),
      rowTotals: REGIONS.map(() => 'z'),
    },
  };
  return { path: DOCUMENT_PATHS.logTypes(period), doc };
}

async function csvFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const s = await stat(input).catch(() => null);
    if (!s) throw new Error(`input ${input} does not exist`);
    if (s.isDirectory()) {
      for (const name of (await readdir(input)).sort()) if (name.toLowerCase().endsWith('.csv')) out.push(join(input, name));
    } else {
      out.push(input);
    }
  }
  return out;
}

async function reproducibleTime(files: string[]): Promise<string> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  let newest = 0;
  for (const f of files) newest = Math.max(newest, (await stat(f)).mtimeMs);
  return new Date(Math.floor(newest / 1000) * 1000).toISOString();
}
