/**
 * Manifest + an LA table (categorical / banded question) or a summary (numeric question) →
 * what `<core-la-chart>` and `<core-la-report>` show. Pure: no DOM, no fetch.
 *
 * Disclosure rules applied here, after the shared re-check:
 * - a percentage is shown only for a published count over a published denominator (the known
 *   answers = the total minus "not known", or, when that is not published for the area, all
 *   records); anything else is `undefined` and shows as a symbol, never a number;
 * - suppressed values are never bar lengths or words in the summary.
 */
import type { Count, FieldInfo, LogTypeInfo, Manifest, Measure, PeriodInfo, SummaryDocument, SymbolCode, TableDocument } from '../../feed/types.js';
import { NOT_KNOWN } from '../../feed/types.js';
import { FeedError } from '../../feed/errors.js';
import { reportSource } from '../../feed/report.js';
import { areaLine, recheckAreaTable } from '../shared/area-table.js';
import { countCells, type CsvValue } from '../shared/csv.js';
import type { SdcCell } from '../shared/events.js';
import { formatCount, formatMoney, formatNumber, formatPercent, symbolsOf } from '../shared/format.js';
import { msg, type Messages } from '../shared/messages.js';
import { recheckSummary } from '../shared/summary-doc.js';
import { joinList, largestIndex } from '../shared/summary.js';

export type SeriesRole = 'la' | 'region' | 'england' | 'other';

export interface Area {
  readonly code: string;
  readonly name: string;
  readonly role: SeriesRole;
  /** Region code of an LA. */
  readonly region?: string;
}

export interface CategorySeries extends Area {
  readonly counts: readonly Count[];
  readonly total: Count;
  /** The denominator of the percentages, when it is published; else `undefined`. */
  readonly denominator: number | undefined;
  /** Percent (0–100) of each category; `undefined` where it must not or cannot be shown. */
  readonly percents: readonly (number | undefined)[];
}

export interface Category {
  readonly code: string;
  readonly label: string;
  /** The "not known, refused or not asked" column. */
  readonly unknown: boolean;
}

interface BaseView {
  readonly caption: string;
  readonly summary: string;
  readonly fieldId: string;
  readonly fieldLabel: string;
  readonly areaName: string;
  readonly periodLabel: string;
  readonly logTypeLabel: string;
  readonly minCount: number;
  /** Symbols that appear anywhere in the view (for the key). */
  readonly symbols: readonly SymbolCode[];
  readonly notes: readonly string[];
  readonly resuppressed: readonly SdcCell[];
  readonly emptyMessage: string | undefined;
  /** CSV rows (header first) of everything shown, symbols in status columns. */
  readonly csv: () => CsvValue[][];
  readonly filename: string;
}

export interface CategoricalView extends BaseView {
  readonly kind: 'categorical';
  readonly basis: 'known' | 'all' | 'none';
  readonly categories: readonly Category[];
  /** The area first, then its comparators. */
  readonly series: readonly CategorySeries[];
  /** Indexes of the categories drawn in the chart (not "not known" when the basis is known answers). */
  readonly charted: readonly number[];
  /** Every LA (grouped by region), then regions, when `compare` includes `all`. */
  readonly all: readonly { readonly area: Area; readonly counts: readonly Count[]; readonly total: Count }[] | undefined;
}

export interface NumericSeries extends Area {
  readonly n: Count;
  readonly mean: Measure;
  readonly median: Measure;
}

export interface NumericView extends BaseView {
  readonly kind: 'numeric';
  readonly unit: string | undefined;
  readonly series: readonly NumericSeries[];
  readonly all: readonly NumericSeries[] | undefined;
  /** Formats a mean or median in the field's unit: "£150.20", "2.3". */
  readonly format: (v: number) => string;
}

/** A view with nothing to draw: a national-only question, too few records, or no records. */
export interface UnavailableView extends BaseView {
  readonly kind: 'unavailable';
}

export type LaChartView = CategoricalView | NumericView | UnavailableView;

export interface LaChartContext {
  readonly manifest: Manifest;
  readonly period: PeriodInfo;
  readonly logType: LogTypeInfo;
  readonly field: FieldInfo;
  /** LA or region code; `''` or England's code for England. */
  readonly la: string;
  /** Parsed `compare` tokens. */
  readonly compare: readonly string[];
  readonly messages?: Partial<Messages> | undefined;
}

/** `compare` attribute → tokens: `region`, `england`, `all`, `none` or area codes. Default `region england`. */
export function parseCompare(value: string | null | undefined): string[] {
  const tokens = (value ?? '').split(/[\s,]+/).map((t) => t.trim()).filter(Boolean).map((t) => (/^[a-z]+$/i.test(t) ? t.toLowerCase() : t.toUpperCase()));
  return tokens.length ? tokens : ['region', 'england'];
}

/** The area shown and its comparators, from the manifest. Unknown codes are `missing`. */
export function resolveAreas(manifest: Manifest, la: string, compare: readonly string[]): { area: Area; comparators: Area[]; all: boolean } {
  const geo = manifest.geography;
  const find = (code: string, role: SeriesRole): Area => {
    if (!code || code === geo.england.code) return { code: geo.england.code, name: geo.england.name, role: role === 'la' ? 'la' : 'england' };
    const l = geo.las.find((a) => a.code === code);
    if (l) return { code, name: l.name, role, region: l.region };
    const r = geo.regions.find((a) => a.code === code);
    if (r) return { code, name: r.name, role: role === 'la' ? 'la' : 'region' };
    throw new FeedError('missing', `"${code}" is not a local authority or region in this feed.`);
  };
  const area = find(la.trim(), 'la');
  const comparators: Area[] = [];
  const add = (a: Area) => {
    if (a.code !== area.code && !comparators.some((c) => c.code === a.code)) comparators.push(a);
  };
  for (const token of compare) {
    if (token === 'region') {
      if (area.region) add(find(area.region, 'region'));
    } else if (token === 'england') add(find(geo.england.code, 'england'));
    else if (token !== 'all' && token !== 'none') add(find(token, 'other'));
  }
  return { area, comparators, all: compare.includes('all') };
}

/** Categories of a field for a collection year (by the table's column codes). */
export function categoriesFor(field: FieldInfo, year: string, codes: readonly string[]): Category[] {
  const list = field.categoriesByYear?.[year] ?? field.categories ?? [];
  return codes.map((code) => ({ code, label: list.find((c) => c.code === code)?.label ?? code, unknown: code === NOT_KNOWN }));
}

/** The one decimal percentage of `count` over `denominator`, or `undefined` if either is not a published number. */
export function percentOf(count: Count, denominator: number | undefined): number | undefined {
  if (typeof count !== 'number' || denominator === undefined || denominator <= 0) return undefined;
  return (count / denominator) * 100;
}

/** The published denominator of a line for `basis`, or `undefined`. */
export function denominatorOf(counts: readonly Count[], total: Count, unknownIndex: number, basis: 'known' | 'all'): number | undefined {
  if (typeof total !== 'number') return undefined;
  if (basis === 'all' || unknownIndex < 0) return total;
  const unknown = counts[unknownIndex];
  return typeof unknown === 'number' ? total - unknown : undefined;
}

function base(ctx: LaChartContext, areaName: string) {
  const { field, period, logType, manifest, messages } = ctx;
  const params = { field: field.label, area: areaName, logType: logType.label, period: period.label };
  return {
    params,
    common: {
      caption: msg(messages, 'laChartCaption', params),
      fieldId: field.id,
      fieldLabel: field.label,
      areaName,
      periodLabel: period.label,
      logTypeLabel: logType.label,
      minCount: manifest.disclosure.minCount,
      filename: `core-${[period.id, logType.id, field.id, areaName].join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}.csv`,
    },
  };
}

/** A national-only (sensitive) question: nothing is published for an LA. */
export function nationalOnlyView(ctx: LaChartContext): UnavailableView {
  const { area } = resolveAreas(ctx.manifest, ctx.la, []);
  const { common } = base(ctx, area.name);
  const message = msg(ctx.messages, 'laChartNational', { field: ctx.field.label });
  return { ...common, kind: 'unavailable', summary: message, symbols: [], notes: [], resuppressed: [], emptyMessage: message, csv: () => [] };
}

function unavailable(ctx: LaChartContext, areaName: string, key: 'laChartFewer' | 'laChartNoRecords', resuppressed: readonly SdcCell[]): UnavailableView {
  const { common, params } = base(ctx, areaName);
  const message = msg(ctx.messages, key, { ...params, min: ctx.manifest.disclosure.minCount });
  return { ...common, kind: 'unavailable', summary: message, symbols: [], notes: [], resuppressed, emptyMessage: message, csv: () => [] };
}

/**
 * Re-check results by document: the feed client hands out the same (immutable) document
 * object for a URL, so choosing another LA or comparison re-uses the checked table.
 */
const checkedDocs = new WeakMap<object, unknown>();
function memo<T>(doc: object, f: () => T): T {
  if (!checkedDocs.has(doc)) checkedDocs.set(doc, f());
  return checkedDocs.get(doc) as T;
}

const byName = new Intl.Collator('en-GB').compare;

/**
 * The LAs of each region that have a row in a table (`rows`: their codes), in name order, with
 * their row index. One pass over the rows and one lookup table, not a search of the geography
 * for every row of every region (≈ 300 × 300 × 9 comparisons per render of the every-LA table).
 */
function lasByRegion(manifest: Manifest, rows: readonly string[]): Map<string, { code: string; name: string; i: number }[]> {
  const las = new Map(manifest.geography.las.map((l) => [l.code, l]));
  const out = new Map<string, { code: string; name: string; i: number }[]>();
  rows.forEach((code, i) => {
    const la = las.get(code);
    if (!la) return;
    let members = out.get(la.region);
    if (!members) out.set(la.region, (members = []));
    members.push({ code, name: la.name, i });
  });
  for (const members of out.values()) members.sort((a, b) => byName(a.name, b.name));
  return out;
}

const oneDecimal = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 10) / 10);

/** An LA table of a categorical or banded question → the view. */
export function toCategoricalView(ctx: LaChartContext, table: TableDocument): CategoricalView | UnavailableView {
  const { manifest, period, messages } = ctx;
  const checked = memo(table, () => recheckAreaTable(table, manifest));
  const doc = checked.doc;
  const { area, comparators, all } = resolveAreas(manifest, ctx.la, ctx.compare);
  const line = areaLine(doc, manifest, area.code, period.label);
  const { common, params } = base(ctx, area.name);
  if (line.total === 0) return unavailable(ctx, area.name, 'laChartNoRecords', checked.resuppressed);
  if (typeof line.total !== 'number' && !line.values.some((v) => typeof v === 'number' && v > 0)) {
    return unavailable(ctx, area.name, 'laChartFewer', checked.resuppressed);
  }
  const categories = categoriesFor(ctx.field, period.year, doc.cols);
  const unknownIndex = categories.findIndex((c) => c.unknown);
  const basis: CategoricalView['basis'] =
    denominatorOf(line.values, line.total, unknownIndex, 'known') !== undefined ? 'known' : typeof line.total === 'number' ? 'all' : 'none';
  const series: CategorySeries[] = [area, ...comparators].map((a) => {
    const l = a === area ? line : areaLine(doc, manifest, a.code, period.label);
    const denominator = basis === 'none' ? undefined : denominatorOf(l.values, l.total, unknownIndex, basis);
    const percents = l.values.map((v, i) => (basis === 'known' && i === unknownIndex ? undefined : percentOf(v, denominator)));
    return { ...a, counts: l.values, total: l.total, denominator, percents };
  });
  const charted = categories.map((_, i) => i).filter((i) => !(basis === 'known' && categories[i]!.unknown));

  const areaParams = { area: area.name, period: period.label };
  const notes = [
    basis === 'known' ? msg(messages, 'laChartBasisKnown') : basis === 'all' ? msg(messages, 'laChartBasisAll', areaParams) : msg(messages, 'laChartNoPercent', areaParams),
  ];
  const la = series[0]!;
  const top = largestIndex(charted.map((i) => (categories[i]!.unknown ? undefined : la.percents[i])));
  let summary: string;
  if (top < 0 || basis === 'none') summary = msg(messages, 'laChartSummaryNone', areaParams);
  else {
    const i = charted[top]!;
    const others = series.slice(1).filter((s) => s.percents[i] !== undefined).map((s) => msg(messages, 'laChartSummaryIn', { value: formatPercent(s.percents[i]! / 100), area: s.name }));
    summary =
      msg(messages, 'laChartSummary', {
        ...areaParams,
        top: categories[i]!.label,
        pct: formatPercent(la.percents[i]! / 100),
        basis: msg(messages, basis === 'known' ? 'laChartSummaryBasisKnown' : 'laChartSummaryBasisAll'),
      }) +
      (others.length ? msg(messages, 'laChartSummaryCompare', { list: joinList(others) }) : '') +
      '.';
  }

  const regionName = new Map(manifest.geography.regions.map((r) => [r.code, r.name]));
  let allRows: CategoricalView['all'];
  if (all) {
    const rows: { area: Area; counts: readonly Count[]; total: Count }[] = [];
    const regions = doc.regions?.rows ?? [];
    const members = lasByRegion(manifest, doc.rows);
    regions.forEach((r, j) => {
      rows.push({ area: { code: r, name: regionName.get(r) ?? r, role: 'region' }, counts: doc.regions!.cells[j] ?? [], total: doc.regions!.rowTotals[j] ?? 'x' });
      for (const m of members.get(r) ?? []) rows.push({ area: { code: m.code, name: m.name, role: 'la', region: r }, counts: doc.cells[m.i] ?? [], total: doc.rowTotals[m.i] ?? 'x' });
    });
    allRows = rows;
  }

  const symbols = symbolsOf([
    ...series.flatMap((s) => [...s.counts, s.total]),
    ...series.flatMap((s) => s.counts.map((c, i) => (basis !== 'none' && s.percents[i] === undefined && typeof c === 'number' && !(basis === 'known' && categories[i]!.unknown) ? 'x' : undefined))),
    ...(allRows ?? []).flatMap((r) => [...r.counts, r.total]),
  ]);
  if (symbols.includes('c')) notes.push(msg(messages, 'suppressedNote'));

  const csv = (): CsvValue[][] => {
    const header = ['period', 'log_type', 'field', 'area_code', 'area_name', 'area_type', 'category_code', 'category_label', 'count', 'count_status', 'percent', 'percent_status'];
    const out: CsvValue[][] = [header];
    const lines = allRows
      ? [...allRows, ...series.filter((s) => s.role === 'england').map((s) => ({ area: s as Area, counts: s.counts, total: s.total }))]
      : series.map((s) => ({ area: s as Area, counts: s.counts, total: s.total }));
    for (const { area: a, counts, total } of lines) {
      const d = basis === 'none' ? undefined : denominatorOf(counts, total, unknownIndex, basis);
      const type = a.role === 'other' ? 'comparison' : a.role;
      categories.forEach((c, i) => {
        const count = counts[i] ?? 'x';
        const noPct = basis === 'known' && c.unknown;
        const pct = noPct ? undefined : oneDecimal(percentOf(count, d));
        out.push([period.id, ctx.logType.id, ctx.field.id, a.code, a.name, type, c.code, c.label, ...countCells(count),
          pct ?? '', pct !== undefined ? '' : noPct ? 'z' : count === 'c' ? 'c' : 'x']);
      });
      out.push([period.id, ctx.logType.id, ctx.field.id, a.code, a.name, type, 'total', msg(messages, 'laChartTotal'), ...countCells(total), '', 'z']);
    }
    return out;
  };

  return {
    ...common,
    kind: 'categorical',
    caption: msg(messages, 'laChartCaption', params),
    summary,
    basis,
    categories,
    series,
    charted,
    all: allRows,
    symbols,
    notes,
    resuppressed: checked.resuppressed,
    emptyMessage: undefined,
    csv,
  };
}

/** "GBP per week" → "£ per week"; other units as they are. */
export function unitLabel(unit: string | undefined): string | undefined {
  return unit?.replace(/^GBP\b\s*/, '£ ').trim();
}

/** Formats a measure in `unit`: money as "£150.20", a percentage as "12.5%", else one decimal place. */
export function measureFormat(unit: string | undefined): (v: number) => string {
  if (unit?.startsWith('GBP')) return formatMoney;
  if (unit === 'percent') return (v) => `${formatNumber(v)}%`;
  return formatNumber;
}

const lowerFirst = (s: string) => (s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s);

/** A summary document of a numeric question → the view. */
export function toNumericView(ctx: LaChartContext, summaryDoc: SummaryDocument): NumericView | UnavailableView {
  const { manifest, period, messages } = ctx;
  const checked = memo(summaryDoc, () => recheckSummary(summaryDoc, manifest));
  const doc = checked.doc;
  const { area, comparators, all } = resolveAreas(manifest, ctx.la, ctx.compare);
  const { common } = base(ctx, area.name);
  const lineOf = (a: Area): NumericSeries => {
    if (a.code === manifest.geography.england.code) return { ...a, ...doc.england };
    const i = doc.rows.indexOf(a.code);
    if (i >= 0) return { ...a, n: doc.stats.n[i]!, mean: doc.stats.mean[i]!, median: doc.stats.median[i]! };
    const j = doc.regions?.rows.indexOf(a.code) ?? -1;
    if (j >= 0 && doc.regions) return { ...a, n: doc.regions.n[j]!, mean: doc.regions.mean[j]!, median: doc.regions.median[j]! };
    throw new FeedError('missing', `This feed has no data for ${a.name} in ${period.label}.`);
  };
  const series = [area, ...comparators].map(lineOf);
  const la = series[0]!;
  if (la.n === 0) return unavailable(ctx, area.name, 'laChartNoRecords', checked.resuppressed);
  if (typeof la.n !== 'number' || la.n < manifest.disclosure.meanThreshold) return unavailable(ctx, area.name, 'laChartFewer', checked.resuppressed);

  const format = measureFormat(summaryDoc.unit ?? ctx.field.unit);
  const fieldWords = lowerFirst(ctx.field.label);
  const params = { area: area.name, period: period.label, field: fieldWords };
  let summary: string;
  if (typeof la.mean !== 'number') summary = msg(messages, 'laChartSummaryNumericNone', params);
  else {
    const others = series.slice(1).filter((s) => typeof s.mean === 'number').map((s) => msg(messages, 'laChartSummaryIn', { value: format(s.mean as number), area: s.name }));
    summary =
      msg(messages, 'laChartSummaryNumeric', { ...params, mean: format(la.mean), n: formatCount(la.n) }) +
      (others.length ? msg(messages, 'laChartSummaryCompare', { list: joinList(others) }) : '') +
      '.';
  }

  let allRows: NumericSeries[] | undefined;
  if (all) {
    const regionName = new Map(manifest.geography.regions.map((r) => [r.code, r.name]));
    allRows = [];
    const members = lasByRegion(manifest, doc.rows);
    for (const r of doc.regions?.rows ?? []) {
      allRows.push(lineOf({ code: r, name: regionName.get(r) ?? r, role: 'region' }));
      for (const m of members.get(r) ?? []) allRows.push(lineOf({ code: m.code, name: m.name, role: 'la', region: r }));
    }
  }
  const symbols = symbolsOf([...series, ...(allRows ?? [])].flatMap((s) => [s.n, s.mean, s.median]));
  const notes = symbols.includes('c') ? [msg(messages, 'suppressedNote')] : [];
  const unit = unitLabel(summaryDoc.unit ?? ctx.field.unit);

  const csv = (): CsvValue[][] => {
    const out: CsvValue[][] = [['period', 'log_type', 'field', 'unit', 'area_code', 'area_name', 'area_type', 'n', 'n_status', 'mean', 'mean_status', 'median', 'median_status']];
    const lines = allRows ? [...allRows, ...series.filter((s) => s.role === 'england')] : series;
    for (const s of lines) {
      out.push([period.id, ctx.logType.id, ctx.field.id, summaryDoc.unit ?? ctx.field.unit ?? '', s.code, s.name, s.role === 'other' ? 'comparison' : s.role,
        ...countCells(s.n), ...measureCells(s.mean), ...measureCells(s.median)]);
    }
    return out;
  };

  return {
    ...common,
    kind: 'numeric',
    summary,
    unit,
    series,
    all: allRows,
    format,
    symbols,
    notes,
    resuppressed: checked.resuppressed,
    emptyMessage: undefined,
    csv,
  };
}

function measureCells(v: Measure): [CsvValue, CsvValue] {
  return typeof v === 'number' ? [v, ''] : ['', v];
}

export interface Selection {
  readonly period: PeriodInfo;
  readonly logType: LogTypeInfo;
  readonly field: FieldInfo;
}

/**
 * The period, log type and question to show: the ones asked for, or the defaults (the latest
 * period; the first log type with data in it; the first question published by LA for that type).
 * `FeedError('missing')` when something asked for is not in the feed.
 */
export function resolveSelection(manifest: Manifest, period: PeriodInfo, logTypeId: string, fieldId: string): Selection {
  const index = manifest.documents[period.id] ?? {};
  const logType = logTypeId
    ? manifest.logTypes.find((t) => t.id === logTypeId)
    : manifest.logTypes.find((t) => index[t.id]?.la[0]);
  if (!logType) throw new FeedError('missing', logTypeId ? `"${logTypeId}" is not a log type in this feed.` : `This feed has no data for ${period.label}.`);
  const docs = index[logType.id];
  const log = logType.id === 'sales' ? 'sales' : 'lettings';
  let field: FieldInfo | undefined;
  if (fieldId) {
    field = manifest.fields.find((f) => f.id === fieldId);
    if (!field) throw new FeedError('missing', `"${fieldId}" is not a question in this feed.`);
    if (field.log !== log) throw new FeedError('missing', `"${field.label}" is a ${field.log} question: it is not asked on ${logType.label} logs.`);
  } else {
    field = manifest.fields.find((f) => f.log === log && (docs?.la.includes(f.id) || docs?.summary.includes(f.id)));
    if (!field) throw new FeedError('missing', `This feed has no local authority tables for ${logType.label} in ${period.label}.`);
  }
  return { period, logType, field };
}

/**
 * Whether `field` is drawn from a summary document (numeric) or an LA table (categorical, banded):
 * the rule the report documents follow too (`reportSource`).
 */
export const usesSummary = (field: FieldInfo): boolean => reportSource(field.kind) === 'summary';
