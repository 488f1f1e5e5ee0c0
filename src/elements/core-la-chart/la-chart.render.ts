/**
 * Templates for an LA chart view (shared by `<core-la-chart>` and `<core-la-report>`).
 *
 * The chart is HTML rows, each a label (wrapping text, so long answers fit a 320 px screen)
 * over an SVG strip whose geometry is in percentages of its width (a d3-style linear scale, `shared/scale.ts`), so it
 * needs no viewBox scaling and its text stays at the page's size. The area is a bar; each
 * comparator a marker (a line with a distinct shape, named in the legend). A suppressed value
 * is a dashed, empty box labelled "[c] suppressed": never a bar length or a marker.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Count, Measure } from '../../feed/types.js';
import { formatCell, formatPercent } from '../shared/format.js';
import { msg, type Messages } from '../shared/messages.js';
import { linearScale } from '../shared/scale.js';
import { numberRow, renderKey } from '../shared/table.js';
import type { CategoricalView, LaChartView, NumericSeries, NumericView } from './la-chart.view.js';

export type Shape = 'triangle' | 'circle' | 'square' | 'diamond';
export const MARKER_SHAPES: readonly Shape[] = ['triangle', 'circle', 'square', 'diamond'];

/** Chart strip geometry, px (heights) and % of the width (positions). */
const ROW = { height: 36, barY: 12, barHeight: 20, plotWidth: 76 } as const;

function shape(kind: Shape): SVGTemplateResult {
  switch (kind) {
    case 'triangle': return svg`<path class="core-marker__shape" d="M-6,0H6L0,10Z"></path>`;
    case 'circle': return svg`<circle class="core-marker__shape" cx="0" cy="5" r="5"></circle>`;
    case 'square': return svg`<rect class="core-marker__shape" x="-5" y="0" width="10" height="10"></rect>`;
    default: return svg`<path class="core-marker__shape" d="M0,0L6,6L0,12L-6,6Z"></path>`;
  }
}

/** A marker at `x` percent of the strip. */
function marker(x: number, kind: Shape): SVGTemplateResult {
  return svg`<svg class="core-marker" x="${x}%" y="0" overflow="visible">
    <line x1="0" x2="0" y1="4" y2=${ROW.height}></line>${shape(kind)}
  </svg>`;
}

/** A legend swatch as a small inline SVG. */
function swatch(kind: 'bar' | Shape): TemplateResult {
  return html`<svg class="core-legend__swatch" width="18" height="16" aria-hidden="true" focusable="false">
    ${kind === 'bar' ? svg`<rect class="core-chart__bar" x="0" y="3" width="18" height="12"></rect>` : svg`<svg x="9" y="2" overflow="visible">${shape(kind)}</svg>`}
  </svg>`;
}

interface Strip {
  readonly label: string;
  /** Bar length in % of the strip, or a symbol in its place. */
  readonly bar: number | 'c' | 'x' | 'z';
  readonly barText: string;
  readonly markers: readonly (number | undefined)[];
  readonly comparator?: boolean;
}

function renderStrip(s: Strip, suppressedWord: string): TemplateResult {
  const ends = [typeof s.bar === 'number' ? s.bar : 0, ...s.markers.map((m) => m ?? 0)];
  const end = Math.max(...ends);
  const textY = ROW.barY + ROW.barHeight / 2;
  let mark: SVGTemplateResult;
  let text: SVGTemplateResult;
  if (typeof s.bar === 'number') {
    mark = svg`<rect class=${s.comparator ? 'core-chart__bar core-chart__bar--compare' : 'core-chart__bar'} x="0" y=${ROW.barY} width="${Math.max(s.bar, 0)}%" height=${ROW.barHeight}></rect>`;
    text = svg`<text x="${end}%" dx="8" y=${textY} dy="0.35em" font-weight="700">${s.barText}</text>`;
  } else if (s.bar === 'c') {
    mark = svg`<rect class="core-chart__gap" x="2" y=${ROW.barY + 1} width="22" height=${ROW.barHeight - 2}></rect>`;
    text = svg`<text x="${end}%" dx="32" y=${textY} dy="0.35em" font-weight="700">[c] ${suppressedWord}</text>`;
  } else {
    mark = svg``;
    text = svg`<text x="${end}%" dx="8" y=${textY} dy="0.35em" font-weight="700">[${s.bar}]</text>`;
  }
  return html`<div class="core-chart__row">
    <div class="core-chart__label">${s.label}</div>
    <svg class="core-chart__strip" width="100%" height=${ROW.height} overflow="visible">
      <line class="core-chart__axis" x1="0.5" x2="0.5" y1=${ROW.barY - 3} y2=${ROW.barY + ROW.barHeight + 3}></line>
      ${mark}
      ${s.markers.map((m, k) => (m === undefined ? nothing : marker(m, MARKER_SHAPES[k % MARKER_SHAPES.length]!)))}
      ${text}
    </svg>
  </div>`;
}

/** The `x` scale: 0 → 0 %, the largest value → the plot width (with room for the value text). */
function xScale(max: number): (v: number) => number {
  return linearScale(max, [0, ROW.plotWidth]);
}

function renderLegend(view: CategoricalView | NumericView): TemplateResult | typeof nothing {
  if (view.kind === 'numeric' || view.series.length < 2) return nothing;
  return html`<ul class="core-legend" part="legend">
    <li>${swatch('bar')} ${view.series[0]!.name}</li>
    ${view.series.slice(1).map((s, k) => html`<li>${swatch(MARKER_SHAPES[k % MARKER_SHAPES.length]!)} ${s.name}</li>`)}
  </ul>`;
}

/** The bar chart of a categorical view (percentages), or `nothing` when no percentage can be drawn. */
export function renderCategoricalChart(view: CategoricalView, messages?: Partial<Messages>): TemplateResult | typeof nothing {
  if (view.basis === 'none') return nothing;
  const percents = view.series.flatMap((s) => view.charted.map((i) => s.percents[i] ?? 0));
  const x = xScale(Math.max(...percents));
  const la = view.series[0]!;
  const word = msg(messages, 'chartSuppressed');
  const strips: Strip[] = view.charted.map((i) => {
    const p = la.percents[i];
    const count = la.counts[i];
    return {
      label: view.categories[i]!.label,
      bar: p !== undefined ? x(p) : count === 'c' ? 'c' : typeof count === 'number' ? 'x' : (count ?? 'x'),
      barText: p !== undefined ? formatPercent(p / 100) : '',
      markers: view.series.slice(1).map((s) => (s.percents[i] === undefined ? undefined : x(s.percents[i]!))),
    };
  });
  return html`<div class="core-chart" part="chart" role="img" aria-label=${`${msg(messages, 'laChartChart')}. ${view.summary}`}>
      ${strips.map((s) => renderStrip(s, word))}
    </div>
    ${renderLegend(view)}`;
}

/** The bar chart of a numeric view: one bar per area (the mean). */
export function renderNumericChart(view: NumericView, messages?: Partial<Messages>): TemplateResult {
  const means = view.series.map((s) => (typeof s.mean === 'number' ? s.mean : 0));
  const x = xScale(Math.max(...means));
  const word = msg(messages, 'chartSuppressed');
  const strips: Strip[] = view.series.map((s, k) => ({
    label: s.name,
    bar: typeof s.mean === 'number' ? x(s.mean) : s.mean,
    barText: typeof s.mean === 'number' ? view.format(s.mean) : '',
    markers: [],
    comparator: k > 0,
  }));
  return html`<div class="core-chart" part="chart" role="img" aria-label=${`${msg(messages, 'laChartChart')}. ${view.summary}`}>
    ${strips.map((s) => renderStrip(s, word))}
  </div>`;
}

const num = (text: string) => html`<td class="core-num">${text}</td>`;
const percentText = (p: number | undefined, count: Count | undefined): string => (p !== undefined ? formatPercent(p / 100) : count === 'c' ? '[c]' : '[x]');
const measureText = (v: Measure, format: (v: number) => string) => (typeof v === 'number' ? format(v) : `[${v}]`);

function tableWrap(caption: string, content: TemplateResult): TemplateResult {
  // Focusable so a keyboard user can scroll a table wider than the screen.
  return html`<div class="core-table-wrap" tabindex="0" role="region" aria-label=${caption}>${content}</div>`;
}

/** The table of a categorical view: answers down, each area's number and percentage across. */
export function renderCategoricalTable(view: CategoricalView, messages?: Partial<Messages>): TemplateResult {
  const showPct = view.basis !== 'none';
  const span = showPct ? 2 : 1;
  const pctHead = html`<th scope="col" class="core-num"><span aria-hidden="true">${msg(messages, 'laChartPercent')}</span><span class="core-visually-hidden">Percentage</span></th>`;
  return tableWrap(view.caption, html`<table class="core-table" part="table">
    <caption class="core-visually-hidden">${view.caption}</caption>
    <thead>
      <tr><td></td>${view.series.map((s) => html`<th scope="colgroup" colspan=${span} class="core-num">${s.name}</th>`)}</tr>
      <tr><th scope="col">${msg(messages, 'laChartAnswer')}</th>${view.series.map(() => html`<th scope="col" class="core-num">${msg(messages, 'laChartNumber')}</th>${showPct ? pctHead : nothing}`)}</tr>
    </thead>
    <tbody>
      ${view.categories.map(
        (c, i) => html`<tr class=${c.unknown ? 'core-table__unknown' : ''}>
          <th scope="row">${c.label}</th>
          ${view.series.map((s) => html`${num(formatCell(s.counts[i] ?? 'x'))}${showPct ? num(c.unknown && view.basis === 'known' ? '' : percentText(s.percents[i], s.counts[i])) : nothing}`)}
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr><th scope="row">${msg(messages, 'laChartTotal')}</th>${view.series.map((s) => html`${num(formatCell(s.total))}${showPct ? num('') : nothing}`)}</tr>
    </tfoot>
  </table>`);
}

/** The table of a numeric view: one row per area. */
export function renderNumericTable(view: NumericView, messages?: Partial<Messages>, rows: readonly NumericSeries[] = view.series, caption = view.caption): TemplateResult {
  const unit = view.unit ? ` (${view.unit})` : '';
  return tableWrap(caption, html`<table class="core-table" part="table">
    <caption class="core-visually-hidden">${caption}</caption>
    <thead><tr>
      <th scope="col">${msg(messages, 'laChartArea')}</th>
      <th scope="col" class="core-num">${msg(messages, 'laChartCount')}</th>
      <th scope="col" class="core-num">${msg(messages, 'laChartMean')}${unit}</th>
      <th scope="col" class="core-num">${msg(messages, 'laChartMedian')}${unit}</th>
    </tr></thead>
    <tbody>
      ${rows.map((s) => html`<tr class=${s.role === 'region' && rows !== view.series ? 'core-table__group' : ''}>
        <th scope="row">${s.name}</th>${num(formatCell(s.n))}${num(measureText(s.mean, view.format))}${num(measureText(s.median, view.format))}
      </tr>`)}
    </tbody>
  </table>`);
}

/**
 * Every LA — the `compare="all"` tables: one per region (its total first, then its LAs), each
 * rendered lazily by the browser (`content-visibility: auto`) so ~300 rows cost little until
 * they are scrolled to.
 */
export function renderAllTable(view: CategoricalView | NumericView, messages?: Partial<Messages>): TemplateResult | typeof nothing {
  if (!view.all) return nothing;
  const caption = msg(messages, 'laChartAllCaption', { field: view.fieldLabel, logType: view.logTypeLabel, period: view.periodLabel });
  const groups: { region: string; start: number; end: number }[] = [];
  view.all.forEach((r, i) => {
    const role = 'area' in r ? r.area.role : r.role;
    if (role === 'region' || groups.length === 0) groups.push({ region: 'area' in r ? r.area.name : r.name, start: i, end: i + 1 });
    else groups[groups.length - 1]!.end = i + 1;
  });
  const numeric = view.kind === 'numeric';
  const head = numeric
    ? html`<th scope="col" class="core-num">${msg(messages, 'laChartCount')}</th><th scope="col" class="core-num">${msg(messages, 'laChartMean')}${view.unit ? ` (${view.unit})` : ''}</th><th scope="col" class="core-num">${msg(messages, 'laChartMedian')}</th>`
    : html`${view.categories.map((c) => html`<th scope="col" class="core-num">${c.label}</th>`)}<th scope="col" class="core-num">${msg(messages, 'laChartTotal')}</th>`;
  const row = (i: number): TemplateResult => {
    if (view.kind === 'numeric') {
      const s = view.all![i]!;
      return numberRow(s.name, [formatCell(s.n), measureText(s.mean, view.format), measureText(s.median, view.format)], { rowClass: s.role === 'region' ? 'core-table__group' : '' });
    }
    const r = view.all![i]!;
    return numberRow(r.area.name, [...r.counts.map(formatCell), formatCell(r.total)], { rowClass: r.area.role === 'region' ? 'core-table__group' : '' });
  };
  return html`<h3 class="core-figure__subhead">${msg(messages, 'laChartAllTitle')}</h3>
    <p class="core-visually-hidden">${caption}</p>
    ${groups.map((g) => html`<div class="core-table-wrap core-table-wrap--lazy" tabindex="0" role="region" aria-label=${`${g.region}: ${caption}`}>
      <table class="core-table core-table--all" part="table">
        <caption>${g.region}</caption>
        <thead><tr><th scope="col">${msg(messages, 'laChartArea')}</th>${head}</tr></thead>
        <tbody>${Array.from({ length: g.end - g.start }, (_, k) => row(g.start + k))}</tbody>
      </table>
    </div>`)}`;
}

export interface FigureOptions {
  readonly messages?: Partial<Messages> | undefined;
  /** `chart`: chart and table; `table`: the table only. */
  readonly mode?: 'chart' | 'table';
  /** Extra content after the table (e.g. the download button). */
  readonly after?: TemplateResult | typeof nothing;
  /** The figure caption (default: the view's caption). */
  readonly caption?: string;
  /** Show the key to the symbols under the table (default true; a report shows one key at the top). */
  readonly key?: boolean;
}

/** The whole figure for a view: caption, summary, chart, legend, notes, table, key. */
export function renderLaFigure(view: LaChartView, options: FigureOptions = {}): TemplateResult {
  const { messages, mode = 'chart' } = options;
  if (view.kind === 'unavailable') {
    if (!options.caption) return html`<div class="core-status core-status--empty" part="status" role="status"><p>${view.emptyMessage}</p></div>`;
    return html`<figure class="core-figure" part="figure">
      <figcaption class="core-figure__caption" part="caption">${options.caption}</figcaption>
      <p class="core-status core-status--empty">${view.emptyMessage}</p>
    </figure>`;
  }
  const chart = mode === 'table' ? nothing : view.kind === 'numeric' ? renderNumericChart(view, messages) : renderCategoricalChart(view, messages);
  const table = view.kind === 'numeric' ? renderNumericTable(view, messages) : renderCategoricalTable(view, messages);
  return html`<figure class="core-figure" part="figure">
    <figcaption class="core-figure__caption" part="caption">${options.caption ?? view.caption}</figcaption>
    <p class="core-summary">${view.summary}</p>
    ${chart}
    ${view.notes.map((n) => html`<p class="core-note core-secondary">${n}</p>`)}
    ${table}
    ${options.key === false ? nothing : renderKey(view.symbols, view.minCount, messages)}
    ${options.after ?? nothing}
    ${renderAllTable(view, messages)}
  </figure>`;
}
