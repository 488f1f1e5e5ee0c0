/**
 * LA report documents (`kind: "report"`, feed 1.1; one per period, log type and region): which
 * a report needs, loading them through the page's feed client with a light shape check, and
 * putting a question's rows back into the area table or summary shape that `<core-la-chart>`'s
 * view functions (and their re-check) read.
 */
import type { Feed, FeedClient, RequestOptions } from '../../feed/client.js';
import { tableProblem } from '../../feed/guards.js';
import { DOCUMENT_PATHS, type LogTypeId, type Manifest, type ReportDocument, type SummaryDocument, type TableDocument } from '../../feed/types.js';
import { summaryProblem } from '../shared/summary-doc.js';
import type { Area } from '../core-la-chart/la-chart.view.js';

export interface ReportQuery {
  readonly period: string;
  readonly logType: LogTypeId;
  readonly region: string;
}

/**
 * The regions whose report documents show `area` and its comparators: its own region (a region:
 * itself; England, whose rows every report document holds: the manifest's first region), and
 * the region of each comparator LA — one document, unless a comparator is an LA elsewhere — or
 * every region for `compare="all"`.
 */
export function reportRegions(manifest: Manifest, { area, comparators, all }: { area: Area; comparators: readonly Area[]; all: boolean }): string[] {
  const regions = manifest.geography.regions.map((r) => r.code);
  if (all) return regions;
  const home = area.region ?? (regions.includes(area.code) ? area.code : regions[0]);
  return [...new Set([home, ...comparators.map((c) => c.region)])].filter((r) => r !== undefined);
}

/** The first problem with a report document's shape, or `undefined`. */
export function reportProblem(doc: unknown): string | undefined {
  const d = doc as Partial<ReportDocument> | null;
  if (d?.kind !== 'report' || !Array.isArray(d.tables) || !Array.isArray(d.summaries)) return 'it is not a report document';
  // Each question's rows are completed from its regions block (below): a report needs it.
  return [...d.tables.map(tableProblem), ...d.summaries.map(summaryProblem)].find(Boolean) ??
    ([...d.tables, ...d.summaries].some((q) => !q.regions) ? 'a question has no regions' : undefined);
}

/**
 * The report document of `q` from the page's feed client (same cache and de-duplication as every
 * other document); `undefined` from a feed without `document()` (a fake feed): the report then
 * reads one document per question.
 */
export function loadReport(feed: Feed, src: string | undefined, q: ReportQuery, options: RequestOptions): Promise<ReportDocument | undefined> {
  const client = feed as Partial<FeedClient>;
  return client.document
    ? client.document<ReportDocument>(src, DOCUMENT_PATHS.report(q.period, q.logType, q.region), reportProblem, options)
    : Promise.resolve(undefined);
}

/*
 * A report document holds one region's LAs, so its rows alone do not add up to England's
 * margins, which the area tables' re-check relies on. The rows given to the view are therefore
 * the LAs of the regions read, then each other region as one row (a region is the sum of its
 * LAs): still areas that make up England, every line a relation a reader of the documents has,
 * and no value that is not in them. With every region read, this is the full LA table.
 */

/** The LA table of `field` from the report documents `docs`; `undefined` if one of them lacks it. */
export function reportTable(docs: readonly ReportDocument[], field: string): TableDocument | undefined {
  return assemble(docs, docs.map((d) => d.tables.find((t) => t.colDim === field)), (join, r) => ({
    rows: join((t) => t.rows, (j) => r.rows[j]!),
    cells: join((t) => t.cells, (j) => r.cells[j]!),
    rowTotals: join((t) => t.rowTotals, (j) => r.rowTotals[j]!),
  }));
}

/** The summary of `field` from the report documents `docs`; `undefined` if one of them lacks it. */
export function reportSummary(docs: readonly ReportDocument[], field: string): SummaryDocument | undefined {
  return assemble(docs, docs.map((d) => d.summaries.find((s) => s.field === field)), (join, r) => ({
    rows: join((s) => s.rows, (j) => r.rows[j]!),
    stats: { n: join((s) => s.stats.n, (j) => r.n[j]!), mean: join((s) => s.stats.mean, (j) => r.mean[j]!), median: join((s) => s.stats.median, (j) => r.median[j]!) },
  }));
}

/**
 * One question from its part in each document: the first part, with its LA lines replaced by
 * `lines(join, regions)`, where `join(own, region)` lists every part's own lines, then the lines
 * of the regions none of `docs` is for, from the regions block.
 */
function assemble<T extends TableDocument | SummaryDocument>(
  docs: readonly ReportDocument[], parts: readonly (T | undefined)[],
  lines: (join: <V>(own: (part: T) => readonly V[], region: (j: number) => V) => V[], regions: NonNullable<T['regions']>) => Partial<T>,
): T | undefined {
  const first = parts[0];
  if (!first?.regions || parts.some((p) => !p)) return undefined;
  const read = docs.map((d) => d.region);
  const rest = first.regions.rows.flatMap((code, j) => (read.includes(code) ? [] : [j]));
  return { ...first, ...lines((own, region) => [...parts.flatMap((p) => own(p!)), ...rest.map(region)], first.regions as NonNullable<T['regions']>) };
}
