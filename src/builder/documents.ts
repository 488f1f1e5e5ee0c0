/**
 * Feed v1 documents of one (collection year, log type) block, from its cell layout and the
 * protection's statuses: a suppressed cell becomes "c" wherever it appears. The LA report
 * documents are cut from the block's LA tables and summaries.
 */
import { REGIONS } from '../catalog/index.js';
import { REPORT_SECTIONS, reportSource } from '../feed/report.js';
import {
  DOCUMENT_PATHS, ENGLAND_CODE, SCHEMA_VERSION,
  type Count, type LogTypeId, type Measure, type PeriodInfo, type ReportDocument, type SummaryDocument, type TableDocument,
} from '../feed/types.js';
import { FULL_YEAR, publishedByLa, type BlockLayout, type DisclosureOptions } from './block.js';
import { cellId, type Cube } from './cells.js';
import type { YearPlan } from './plan.js';

export interface BuiltDocument<D = TableDocument | SummaryDocument | ReportDocument> {
  readonly path: string;
  readonly doc: D;
}

/** Status lookup: true when the cell is suppressed. */
export type Suppressed = (id: number) => boolean;

export function blockDocuments(
  layout: BlockLayout,
  logType: LogTypeId,
  periods: readonly PeriodInfo[],
  suppressed: Suppressed,
  values: ArrayLike<number>,
  opts: DisclosureOptions,
): BuiltDocument<TableDocument | SummaryDocument>[] {
  const { agg, england } = layout;
  const { plan } = agg;
  const nLa = plan.las.length;
  const laCodes = plan.las.map((la) => la.code);
  const regionCodes = REGIONS.map((r) => r.code);
  const count = (id: number): Count => (suppressed(id) ? 'c' : values[id]!);
  const docs: BuiltDocument<TableDocument | SummaryDocument>[] = [];

  periods.forEach((period, s) => {
    const T = (a: number) => count(cellId(layout.T, s, a));
    const base = { schemaVersion: SCHEMA_VERSION, kind: 'table' as const, period: period.id, logType };

    plan.fields.forEach((f, i) => {
      const cube = layout.tables[i];
      if (!cube || s < cube.first) return;
      const w = f.codes.length;
      const byLa = publishedByLa(layout, f);
      const row = (a: number): Count[] => range(w).map((k) => count(cellId(cube, s, a * w + k)));
      const englandRow = byLa ? row(england) : row(0);
      if (byLa) {
        const small = layout.smallRows[i]!;
        const laRow = (la: number): Count[] => (small[la] ? Array<Count>(w).fill('c') : row(la));
        docs.push({
          path: DOCUMENT_PATHS.la(period.id, logType, f.field.id),
          doc: {
            ...base, rowDim: 'area', colDim: f.field.id, rows: laCodes, cols: f.codes,
            cells: range(nLa).map(laRow),
            rowTotals: range(nLa).map((la) => (small[la] ? 'c' : T(la))),
            colTotals: englandRow, total: T(england),
            regions: { rows: regionCodes, cells: regionCodes.map((_, r) => row(nLa + r)), rowTotals: regionCodes.map((_, r) => T(nLa + r)) },
          },
        });
      }
      docs.push({
        path: DOCUMENT_PATHS.national(period.id, logType, f.field.id),
        doc: {
          ...base, rowDim: 'area', colDim: f.field.id, rows: [ENGLAND_CODE], cols: f.codes,
          cells: [englandRow], rowTotals: [T(england)], colTotals: englandRow, total: T(england),
        },
      });
    });

    if (s >= FULL_YEAR && layout.detailed) plan.pairs.forEach(([x, y], p) => {
      const fx = plan.fields[x]!, fy = plan.fields[y]!;
      const nY = fy.codes.length;
      const cube = layout.pairs[p]!;
      const margin = (i: number): Count[] => {
        const w = plan.fields[i]!.codes.length;
        const offset = publishedByLa(layout, plan.fields[i]!) ? england * w : 0;
        return range(w).map((k) => count(cellId(layout.tables[i]!, s, offset + k)));
      };
      docs.push({
        path: DOCUMENT_PATHS.crosstab(period.id, logType, fx.field.id, fy.field.id),
        doc: {
          ...base, rowDim: fx.field.id, colDim: fy.field.id, rows: fx.codes, cols: fy.codes,
          cells: range(fx.codes.length).map((kx) => range(nY).map((ky) => count(cellId(cube, s, kx * nY + ky)))),
          rowTotals: margin(x), colTotals: margin(y), total: T(england),
        },
      });
    });

    plan.fields.forEach((f, i) => {
      const nCube = layout.n[i], sumCube = layout.sum[i];
      if (!nCube || !sumCube || s < nCube.first) return;
      const medians = layout.medians[i]![s]!;
      const stat = (k: number) => summaryStat(nCube, sumCube, s, k, medians[k]!, suppressed, values, opts);
      const stats = (positions: number[]) => {
        const all = positions.map(stat);
        return { n: all.map((a) => a.n), mean: all.map((a) => a.mean), median: all.map((a) => a.median) };
      };
      const byLa = publishedByLa(layout, f);
      const eng = stat(byLa ? england : 0);
      docs.push({
        path: DOCUMENT_PATHS.summary(period.id, logType, f.field.id),
        doc: {
          schemaVersion: SCHEMA_VERSION, kind: 'summary', period: period.id, logType, field: f.field.id,
          ...(f.field.unit ? { unit: f.field.unit } : {}),
          rows: byLa ? laCodes : [],
          stats: stats(byLa ? range(nLa) : []),
          ...(byLa ? { regions: { rows: regionCodes, ...stats(regionCodes.map((_, r) => nLa + r)) } } : {}),
          england: eng,
        },
      });
    });
  });
  return docs;
}

/**
 * The LA report documents of a block (DESIGN §6: one report view is the manifest and one data
 * document): per period and region, the report's questions (`REPORT_SECTIONS`, by
 * `reportSource`) cut from `docs` — the block's documents as they will be written, so a question
 * with no document that period is left out, and every value and symbol is the one the LA table or
 * summary publishes (no number is computed here).
 */
export function reportDocuments(
  docs: readonly BuiltDocument<TableDocument | SummaryDocument>[], plan: YearPlan, logType: LogTypeId, periods: readonly PeriodInfo[],
): BuiltDocument<ReportDocument>[] {
  const byPath = new Map(docs.map((d) => [d.path, d.doc]));
  const regionOf = new Map(plan.las.map((la) => [la.code, la.region]));
  const fields = REPORT_SECTIONS[plan.log].flatMap((s) => s.fields).map((id) => plan.fields.find((f) => f.field.id === id)).filter((f) => f !== undefined);
  const out: BuiltDocument<ReportDocument>[] = [];
  for (const period of periods) {
    const tables: TableDocument[] = [];
    const summaries: SummaryDocument[] = [];
    for (const f of fields) {
      const source = reportSource(f.field.kind);
      const doc = byPath.get(DOCUMENT_PATHS[source](period.id, logType, f.field.id));
      if (doc?.kind === 'table' && source === 'la') tables.push(doc);
      else if (doc?.kind === 'summary' && doc.regions) summaries.push(doc);
    }
    if (tables.length + summaries.length === 0) continue;
    for (const region of REGIONS) {
      out.push({
        path: DOCUMENT_PATHS.report(period.id, logType, region.code),
        doc: reportDocument({ period: period.id, logType, region: region.code }, tables, summaries, (la) => regionOf.get(la) === region.code),
      });
    }
  }
  return out;
}

/** The questions a period's report documents hold (the manifest index's `report`), in report order. */
export function reportFieldIds(docs: readonly BuiltDocument[], period: string): string[] {
  const doc = docs.find((d) => d.doc.kind === 'report' && d.doc.period === period)?.doc as ReportDocument | undefined;
  return doc ? [...doc.tables.map((t) => t.colDim), ...doc.summaries.map((s) => s.field)] : [];
}

/**
 * One region's report document: `tables` and `summaries` with their LA rows cut to those
 * `inRegion` (in their order); the regions block and England as they are. Pure: also used to
 * check the test fixtures' report documents.
 */
export function reportDocument(
  q: { period: string; logType: LogTypeId; region: string },
  tables: readonly TableDocument[], summaries: readonly SummaryDocument[], inRegion: (la: string) => boolean,
): ReportDocument {
  const keep = (rows: readonly string[]) => rows.flatMap((code, i) => (inRegion(code) ? [i] : []));
  const pick = <T>(list: readonly T[], at: readonly number[]): T[] => at.map((i) => list[i]!);
  return {
    schemaVersion: SCHEMA_VERSION, kind: 'report', ...q,
    tables: tables.map((t) => {
      const at = keep(t.rows);
      return { ...t, rows: pick(t.rows, at), cells: pick(t.cells, at), rowTotals: pick(t.rowTotals, at) };
    }),
    summaries: summaries.map((d) => {
      const at = keep(d.rows);
      return { ...d, rows: pick(d.rows, at), stats: { n: pick(d.stats.n, at), mean: pick(d.stats.mean, at), median: pick(d.stats.median, at) } };
    }),
  };
}

function summaryStat(
  nCube: Cube, sumCube: Cube, s: number, k: number, median: number,
  suppressed: Suppressed, values: ArrayLike<number>, opts: DisclosureOptions,
): { n: Count; mean: Measure; median: Measure } {
  const nId = cellId(nCube, s, k), sumId = cellId(sumCube, s, k);
  const n = values[nId]!;
  if (suppressed(nId)) return { n: 'c', mean: 'c', median: 'c' };
  if (n === 0) return { n: 0, mean: 'z', median: 'z' };
  if (n < opts.meanThreshold || suppressed(sumId)) return { n, mean: 'c', median: 'c' };
  return { n, mean: round2(values[sumId]! / n), median: round2(median) };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
