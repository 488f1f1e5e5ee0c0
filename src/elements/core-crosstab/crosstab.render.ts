/**
 * Lit templates for `<core-crosstab>`: the scrolling table with sticky headers, grouped
 * column / bar charts and pies (every SVG node from an `svg` template; the geometry comes
 * from `crosstab.chart.ts`), and the legend.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { SymbolCode } from '../../feed/types.js';
import { formatPercent, symbolsOf } from '../shared/format.js';
import { msg, type Messages } from '../shared/messages.js';
import { madeStrings, numberRow, renderKey } from '../shared/table.js';
import { chartPanels, type ChartGeometry, type ChartMark, type ChartPanel, type PieAvailability } from './crosstab.chart.js';
import { formatValue, isPercent, type Category, type CrosstabGrid, type CrosstabValue } from './crosstab.view.js';

/** The symbols the grid shows, in key order. */
export const gridSymbols = (grid: CrosstabGrid): SymbolCode[] => symbolsOf([...grid.cells.flat(), ...grid.rowTotals, ...grid.colTotals, grid.total]);

/** Body rows: one template per row (shared `numberRow`), the totals column last. */
const TOTAL_LAST = { lastClass: 'core-crosstab__total' } as const;

const cell = (v: CrosstabValue, extra = '') => html`<td class="core-num ${extra}">${formatValue(v)}</td>`;

export interface TableLabels {
  readonly caption: string;
  readonly corner: string;
  /** Heading of the totals column and of the totals row. */
  readonly totalsColumn: string;
  readonly totalsRow: string;
}

/**
 * Rows per table part. A table longer than this (nationality: ≈ 200 rows) is cut into parts of
 * whole rows, each its own table with the same fixed column widths: every part but the first has
 * `content-visibility: auto`, so the browser skips the style, layout and paint of parts out of
 * sight, and a part added later does not make the others lay out again (DESIGN §6: laying out
 * 4,000 cells at once took 90–110 ms).
 */
export const TABLE_PART = 20;

/** A column's width in em: its longest heading in at most `lines` lines (and no word broken), within [min, max]. */
function columnWidth(labels: readonly string[], lines: number, min: number, max: number, perChar: number): number {
  const chars = Math.max(...labels.map((label) => Math.max(label.length / lines, ...label.split(/\s+/).map((w) => w.length))));
  return Math.round(Math.min(max, Math.max(min, 1.6 + perChar * chars)) * 10) / 10;
}

/**
 * The table: caption (visually hidden: the figure's caption says it), sticky headers, scrolling.
 * A long table (`TABLE_PART`) comes in parts that share one set of fixed column widths; the
 * headings stay in each part, for screen readers, but are drawn once, in a sticky copy above the
 * parts that assistive technology does not see (`aria-hidden`). In print the copy goes and each
 * part shows its headings.
 */
export function renderCrosstabTable(grid: CrosstabGrid, labels: TableLabels, messages?: Partial<Messages>, parts = Infinity): TemplateResult {
  const head = html`<tr>
    <th scope="col" class="core-crosstab__corner">${labels.corner}</th>
    ${grid.cols.map((c) => html`<th scope="col" class="core-num">${c.label}</th>`)}
    <th scope="col" class="core-num core-crosstab__total">${labels.totalsColumn}</th>
  </tr>`;
  const rows = (from: number, to: number) =>
    grid.rows.slice(from, to).map((r, k) => numberRow(r.label, [...grid.cells[from + k]!.map(formatValue), formatValue(grid.rowTotals[from + k]!)], TOTAL_LAST));
  const foot = html`<tfoot><tr>
    <th scope="row">${labels.totalsRow}</th>
    ${grid.colTotals.map((v) => cell(v))}
    ${cell(grid.total, 'core-crosstab__total')}
  </tr></tfoot>`;
  const n = grid.rows.length, long = n > TABLE_PART;
  const widths = long ? [
    columnWidth(grid.rows.map((r) => r.label), 2, 10, 18, 0.55),
    ...[...grid.cols.map((c) => c.label), labels.totalsColumn].map((label) => columnWidth([label], 3, 5, 12, 0.6)),
  ] : [];
  // Each part is as wide as the columns (a skipped part has no content to take a width from);
  // the columns take their shares of that, so that print can fit the parts to the page.
  const sum = widths.reduce((a, b) => a + b, 0);
  const style = long ? `width:${sum}em` : nothing;
  const cols = long ? html`<colgroup>${widths.map((w) => html`<col style=${`width:${((100 * w) / sum).toFixed(2)}%`}>`)}</colgroup>` : nothing;
  const starts = Array.from({ length: Math.min(parts, Math.ceil(n / TABLE_PART)) || 1 }, (_, k) => k * TABLE_PART);
  return html`<div class="core-crosstab__scroll" tabindex="0" role="region" aria-label=${msg(messages, 'crosstabScroll', { caption: labels.caption })}>
    ${long ? html`<table class="core-table core-crosstab__table core-crosstab__table--parts core-crosstab__head" style=${style} aria-hidden="true">
      ${cols}<thead>${head}</thead>
    </table>` : nothing}
    ${starts.map((from) => html`<div class="core-crosstab__part ${from ? 'core-crosstab__part--skip' : ''}" style=${style}>
      <table class="core-table core-crosstab__table ${long ? 'core-crosstab__table--parts' : ''}" part="table">
        <caption class="core-visually-hidden">${long ? msg(messages, 'crosstabPart', { caption: labels.caption, from: from + 1, to: Math.min(n, from + TABLE_PART), rows: n }) : labels.caption}</caption>
        ${cols}<thead class=${long ? 'core-crosstab__part-head' : ''}>${head}</thead>
        <tbody>${rows(from, from + TABLE_PART)}</tbody>
        ${from + TABLE_PART >= n ? foot : nothing}
      </table>
    </div>`)}
  </div>`;
}

export function renderSymbolKey(grid: CrosstabGrid, minCount: number, messages?: Partial<Messages>): TemplateResult | typeof nothing {
  return renderKey(gridSymbols(grid), minCount, messages);
}

/** Legend: one swatch per series, and the suppressed marker when the chart has one. */
export function renderLegend(series: readonly Category[], title: string, gapKey: string | undefined): TemplateResult {
  return html`<div class="core-crosstab__legend" part="legend">
    <p class="core-crosstab__legend-title">${title}</p>
    <ul>
      ${series.map((s, k) => html`<li><span class="core-crosstab__swatch core-series-${k}" aria-hidden="true"></span>${s.label}</li>`)}
      ${gapKey ? html`<li><span class="core-crosstab__swatch core-crosstab__swatch--gap" aria-hidden="true"></span>${gapKey}</li>` : nothing}
    </ul>
  </div>`;
}

/** The class of a mark's rect. An `x` / `z` value has no bar: its rect is empty (no class, no size) and only its symbol shows. */
const markClass = (m: ChartMark) => (m.kind === 'bar' ? `core-series-${m.series}` : m.kind === 'gap' ? 'core-chart__gap' : '');
const RECT = '<rect class=@ x=@ y=@ width=@ height=@></rect>';
const rectValues = (m: ChartMark) => [markClass(m), m.x, m.y, m.kind === 'symbol' ? 0 : Math.max(m.width, 0), m.height];

/**
 * A group of bars — its label, each bar with its value, and its axis (over the bars' ends,
 * spanning its bars only so it never runs through a label) — as ONE template instance
 * (`madeStrings`), not one per mark and label (1,400 instances for 200 groups of 6).
 */
function barGroup(geo: ChartGeometry, i: number): SVGTemplateResult {
  const S = geo.series.length, g = geo.groups[i]!;
  const marks = geo.marks.slice(i * S, i * S + S);
  const strings = madeStrings(`bar${S}`, () => '<text class="core-crosstab__group" x="0" y=@ font-size="15" font-weight="700" .textContent=@></text>' +
    `${RECT}<text class="core-crosstab__value" x=@ y=@ dy="0.35em" font-size="14" .textContent=@></text>`.repeat(S) +
    '<line class="core-chart__axis" x1="0.5" x2="0.5" y1=@ y2=@></line>');
  return svg(strings, g.y, g.label, ...marks.flatMap((m) => [...rectValues(m), m.textX, m.textY, m.text]), marks[0]!.y - 2, marks[S - 1]!.y + marks[S - 1]!.height + 2);
}

/** A group of columns, and its label. Columns carry no value labels (the table has them); a gap or a symbol does. */
function columnGroup(geo: ChartGeometry, i: number): SVGTemplateResult {
  const S = geo.series.length, g = geo.groups[i]!;
  const marks = geo.marks.slice(i * S, i * S + S);
  return svg(madeStrings(`column${S}`, () => `${RECT.repeat(S)}@@`), ...marks.flatMap(rectValues),
    marks.filter((m) => m.kind !== 'bar').map((m) => svg`<text class="core-crosstab__value" x=${m.textX} y=${m.textY} text-anchor="middle" font-size="12" .textContent=${m.text}></text>`),
    svg`<text class="core-crosstab__group" x=${g.x} y=${g.y} text-anchor="middle" font-size="13"><title>${g.label}</title>${g.lines.map(
      (line, k) => svg`<tspan x=${g.x} dy=${k === 0 ? 0 : 16}>${line}</tspan>`,
    )}</text>`);
}

/**
 * One panel (`chartPanels`): an <svg> showing its part of the chart. Bars scale with the width
 * like the whole chart did (a full panel's aspect ratio comes from a class: a panel the browser
 * skips has no content to take a size from); columns sit side by side at 1:1, gridlines and
 * baseline cut to the panel, the value axis in the first.
 */
function renderPanel(geo: ChartGeometry, p: ChartPanel, last: boolean): TemplateResult {
  const S = geo.series.length, column = geo.type === 'column';
  const groups = Array.from({ length: p.to - p.from }, (_, k) => (column ? columnGroup : barGroup)(geo, p.from + k));
  const x0 = Math.max(p.x, geo.plot.x0), x1 = Math.min(p.x + p.width, geo.plot.x1);
  const skip = last ? '' : column ? 'core-crosstab__panel--skip' : `core-crosstab__panel--skip core-crosstab__panel--bars-${S}`;
  return html`<svg class="core-crosstab__chart core-crosstab__panel ${skip}"
    viewBox="${p.x} ${p.y} ${p.width} ${p.height}" width=${column ? p.width : nothing} height=${column ? p.height : nothing}>${column
      ? svg`${geo.ticks.map((t) => svg`<line class="core-crosstab__grid" x1=${x0} x2=${x1} y1=${t.pos} y2=${t.pos}></line>${p.from === 0
          ? svg`<text x=${x0 - 6} y=${t.pos} dy="0.32em" text-anchor="end" font-size="13">${t.text}</text>` : nothing}`)}
        ${groups}<line class="core-chart__axis" x1=${x0} x2=${x1} y1=${geo.baseline + 0.5} y2=${geo.baseline + 0.5}></line>`
      : groups}</svg>`;
}

/**
 * Grouped columns or bars, in panels (`chartPanels`): every panel but the last has
 * `content-visibility: auto`, so only the panels on screen are laid out and painted. The panels
 * together are one image: the wrapper has the role and the accessible name (`label`: caption
 * and summary). Columns scroll sideways: the wrapper is focusable, so a keyboard can scroll it.
 */
export function renderGroupedChart(geo: ChartGeometry, label: string): TemplateResult {
  const panels = chartPanels(geo);
  const column = geo.type === 'column';
  return html`<div class="core-crosstab__chart-wrap ${column ? 'core-crosstab__chart-wrap--wide' : ''}" part="chart" role="img" aria-label=${label} tabindex=${column ? '0' : nothing}>
    ${panels.map((p, k) => renderPanel(geo, p, k === panels.length - 1))}
  </div>`;
}

const PIE_CELL = { width: 210, title: 40 } as const;

/** Pies, one per row, in one SVG. */
export function renderPies(p: Extract<PieAvailability, { ok: true }>, label: string, messages?: Partial<Messages>): TemplateResult {
  const perRow = Math.min(3, p.pies.length);
  const cellH = PIE_CELL.title + 2 * p.radius + 16;
  const width = perRow * PIE_CELL.width;
  const height = Math.ceil(p.pies.length / perRow) * cellH;
  return html`<svg class="core-chart core-crosstab__pies" part="chart" role="img" aria-label=${label}
    viewBox="0 0 ${width} ${height}" width=${width} preserveAspectRatio="xMinYMin meet">
    ${p.pies.map((pie, n) => {
      const cx = (n % perRow) * PIE_CELL.width + PIE_CELL.width / 2;
      const top = Math.floor(n / perRow) * cellH;
      return svg`<g>
        <text x=${cx} y=${top + 18} text-anchor="middle" font-size="14" font-weight="700">${pie.label}</text>
        <g transform="translate(${cx} ${top + PIE_CELL.title + p.radius})">
          <title>${msg(messages, 'crosstabPieLabel', { label: pie.label })}</title>
          ${pie.slices.map((s) => (s.path ? svg`<path class="core-series-${s.series} core-crosstab__slice" d=${s.path}></path>` : nothing))}
          ${pie.slices.map((s) => (s.labelAt
            ? svg`<text class="core-crosstab__slice-label" x=${s.labelAt.x} y=${s.labelAt.y} dy="0.35em" text-anchor="middle" font-size="13" font-weight="700">${formatPercent(s.share)}</text>`
            : nothing))}
        </g>
      </g>`;
    })}
  </svg>`;
}

export { isPercent };
