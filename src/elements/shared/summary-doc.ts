/**
 * Numeric summary documents (`kind: "summary"`: valid count `n`, `mean`, `median` by area):
 * loading them through the feed client, a light shape check, and the elements' re-check.
 *
 * The `Feed` interface (src/feed/client.ts) has no summary method yet, so `loadSummary` uses a
 * feed's `summary()` when it has one, else the page client's `json()` + `documentUrl()` (same
 * cache and de-duplication as every other document), and checks `schemaVersion` and shape itself.
 */
import type { Feed, RequestOptions } from '../../feed/client.js';
import { FeedError } from '../../feed/errors.js';
import { isCount, isStrArray } from '../../feed/guards.js';
import { DOCUMENT_PATHS, type Count, type LogTypeId, type Manifest, type Measure, type SummaryDocument, type TableDocument } from '../../feed/types.js';
import { checkSchemaVersion } from '../../feed/version.js';
import { recheckAreaTable } from './area-table.js';
import type { SdcCell } from './events.js';

/** A feed that can also hand out summary documents (fakes in tests may implement this). */
export interface SummaryFeed extends Feed {
  summary?(src: string | undefined, q: { period: string; logType: LogTypeId; field: string }, options?: RequestOptions): Promise<SummaryDocument>;
}

interface JsonClient {
  json(url: string, options?: RequestOptions): Promise<unknown>;
  documentUrl(src: string | undefined, manifest: Manifest, path: string): string;
}

const isMeasure = (v: unknown): v is Measure => (typeof v === 'number' && Number.isFinite(v)) || v === 'c' || v === 'x' || v === 'z';

function statsProblem(s: unknown, length: number, where: string): string | undefined {
  if (typeof s !== 'object' || s === null) return `${where} is missing`;
  const o = s as Record<string, unknown>;
  for (const [key, check] of [['n', isCount], ['mean', isMeasure], ['median', isMeasure]] as const) {
    const v = o[key];
    if (!Array.isArray(v) || v.length !== length || !v.every(check)) return `${where}.${key} is not a list of ${length} values`;
  }
  return undefined;
}

/** The first problem with a summary document's shape, or `undefined`. */
export function summaryProblem(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'it is not a JSON object';
  const d = doc as Record<string, unknown>;
  if (d['kind'] !== 'summary') return `kind is ${JSON.stringify(d['kind'])}, expected "summary"`;
  if (!isStrArray(d['rows'])) return 'rows is not a list of codes';
  const p = statsProblem(d['stats'], d['rows'].length, 'stats');
  if (p) return p;
  const regions = d['regions'] as Record<string, unknown> | undefined;
  if (regions !== undefined) {
    if (!isStrArray(regions['rows'])) return 'regions.rows is not a list of codes';
    const r = statsProblem(regions, regions['rows'].length, 'regions');
    if (r) return r;
  }
  const e = d['england'] as Record<string, unknown> | undefined;
  if (!e || !isCount(e['n']) || !isMeasure(e['mean']) || !isMeasure(e['median'])) return 'england is missing';
  return undefined;
}

/** The summary of `field` for (period, log type); `FeedError('missing')` unless the manifest lists it. */
export async function loadSummary(
  feed: SummaryFeed, src: string | undefined, manifest: Manifest,
  q: { period: string; logType: LogTypeId; field: string }, options: RequestOptions = {},
): Promise<SummaryDocument> {
  const index = manifest.documents[q.period]?.[q.logType];
  if (!index?.summary.includes(q.field)) throw new FeedError('missing', `This feed has no summary for "${q.field}" (${q.logType}, ${q.period}).`);
  if (feed.summary) return feed.summary(src, q, options);
  const client = feed as Partial<JsonClient>;
  if (typeof client.json !== 'function' || typeof client.documentUrl !== 'function') {
    throw new FeedError('missing', 'This feed client cannot load summary documents.');
  }
  const url = client.documentUrl(src, manifest, DOCUMENT_PATHS.summary(q.period, q.logType, q.field));
  const doc = await client.json(url, options);
  checkSchemaVersion((doc as { schemaVersion?: unknown } | null)?.schemaVersion, url);
  const problem = summaryProblem(doc);
  if (problem) throw new FeedError('shape', `${url} is not a valid feed v1 summary document: ${problem}.`, { url });
  return doc as SummaryDocument;
}

/**
 * Re-checks a summary: the valid counts `n` as an area table (one column; LAs add up to their
 * region and to England), then a mean or median is `c` wherever its `n` is suppressed or below
 * the mean threshold. Returns the corrected document and each re-suppression (once per value).
 */
export function recheckSummary(doc: SummaryDocument, manifest: Manifest): { doc: SummaryDocument; resuppressed: SdcCell[] } {
  const asTable: TableDocument = {
    schemaVersion: doc.schemaVersion, kind: 'table', period: doc.period, logType: doc.logType, rowDim: 'area', colDim: 'n',
    rows: doc.rows, cols: ['n'], cells: doc.stats.n.map((n) => [n]), rowTotals: doc.stats.n,
    colTotals: [doc.england.n], total: doc.england.n,
    ...(doc.regions ? { regions: { rows: doc.regions.rows, cells: doc.regions.n.map((n) => [n]), rowTotals: doc.regions.n } } : {}),
  };
  const checked = recheckAreaTable(asTable, manifest);
  const seen = new Set<string>();
  const resuppressed: SdcCell[] = [];
  const report = (row: string, col: string, rule: SdcCell['rule']) => {
    if (seen.has(`${row} ${col}`)) return;
    seen.add(`${row} ${col}`);
    resuppressed.push({ row, col, rule });
  };
  for (const r of checked.resuppressed) report(r.row, 'n', r.rule);
  // A cell and its row total are the same value: take the more protective of the two.
  const pick = (a: Count | undefined, b: Count | undefined): Count => (a === 'c' || b === 'c' ? 'c' : (a ?? 'x'));
  const t = checked.doc;
  const threshold = manifest.disclosure.meanThreshold;
  const measures = (code: string, n: Count, mean: Measure, median: Measure) => {
    const hide = n === 'c' || (typeof n === 'number' && n > 0 && n < threshold);
    if (!hide) return { mean, median };
    if (mean !== 'c') report(code, 'mean', 'primary');
    if (median !== 'c') report(code, 'median', 'primary');
    return { mean: 'c' as const, median: 'c' as const };
  };
  const laN = t.rows.map((_, i) => pick(t.cells[i]?.[0], t.rowTotals[i]));
  const la = laN.map((n, i) => measures(doc.rows[i]!, n, doc.stats.mean[i]!, doc.stats.median[i]!));
  const regionN = (doc.regions?.rows ?? []).map((_, j) => pick(t.regions?.cells[j]?.[0], t.regions?.rowTotals[j]));
  const regions = doc.regions ? regionN.map((n, j) => measures(doc.regions!.rows[j]!, n, doc.regions!.mean[j]!, doc.regions!.median[j]!)) : [];
  const englandN = pick(t.colTotals[0], t.total);
  const england = measures(manifest.geography.england.code, englandN, doc.england.mean, doc.england.median);
  return {
    doc: {
      ...doc,
      stats: { n: laN, mean: la.map((m) => m.mean), median: la.map((m) => m.median) },
      ...(doc.regions ? { regions: { rows: doc.regions.rows, n: regionN, mean: regions.map((m) => m.mean), median: regions.map((m) => m.median) } } : {}),
      england: { n: englandN, ...england },
    },
    resuppressed,
  };
}
