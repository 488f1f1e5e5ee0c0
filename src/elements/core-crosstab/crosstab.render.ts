/**
 * Lit templates for `<core-crosstab>`: the scrolling table with sticky headers, grouped
 * column / bar charts and pies (every SVG node from an `svg` template; the geometry comes
 * from `crosstab.chart.ts`), and the legend.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { SymbolCode } from '../../feed/types.js';
import { formatPercent } from '../shared/format.js';
import { msg, type Messages } from '../shared/messages.js';
import { numberRow, renderKey } from '../shared/table.js';
import type { ChartGeometry, ChartMark, PieAvailability } from './crosstab.chart.js';
import { formatValue, isPercent, type Category, type CrosstabGrid, type CrosstabValue } from './crosstab.view.js';

const SYMBOLS: readonly SymbolCode[] = ['c', 'x', 'z'];

/** The symbols the grid shows, in key order. */
export function gridSymbols(grid: CrosstabGrid): SymbolCode[] {
  const seen = new Set<CrosstabValue>([...grid.cells.flat(), ...grid.rowTotals, ...grid.colTotals, grid.total]);
  return SYMBOLS.filter((s) => seen.has(s));
}

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

/** The table: caption (visually hidden: the figure's caption says it), sticky headers, scrolling. */
export function renderCrosstabTable(grid: CrosstabGrid, labels: TableLabels, messages?: Partial<Messages>): TemplateResult {
  return html`<div class="core-crosstab__scroll" tabindex="0" role="region" aria-label=${msg(messages, 'crosstabScroll', { caption: labels.caption })}>
    <table class="core-table core-crosstab__table" part="table">
      <caption class="core-visually-hidden">${labels.caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="core-crosstab__corner">${labels.corner}</th>
          ${grid.cols.map((c) => html`<th scope="col" class="core-num">${c.label}</th>`)}
          <th scope="col" class="core-num core-crosstab__total">${labels.totalsColumn}</th>
        </tr>
      </thead>
      <tbody>
        ${grid.rows.map((r, i) => numberRow(r.label, [...grid.cells[i]!.map(formatValue), formatValue(grid.rowTotals[i]!)], TOTAL_LAST))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${labels.totalsRow}</th>
          ${grid.colTotals.map((v) => cell(v))}
          ${cell(grid.total, 'core-crosstab__total')}
        </tr>
      </tfoot>
    </table>
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

function renderMark(m: ChartMark, type: 'column' | 'bar'): SVGTemplateResult {
  const label = type === 'bar' || m.kind !== 'bar'
    ? svg`<text class="core-crosstab__value" x=${m.textX} y=${m.textY} dy=${type === 'bar' ? '0.35em' : '0'}
        text-anchor=${type === 'bar' ? 'start' : 'middle'} font-size=${type === 'bar' ? 14 : 12}>${m.text}</text>`
    : svg``;
  if (m.kind === 'bar') return svg`<rect class="core-series-${m.series}" x=${m.x} y=${m.y} width=${Math.max(m.width, 0)} height=${m.height}></rect>${label}`;
  if (m.kind === 'gap') return svg`<rect class="core-chart__gap" x=${m.x} y=${m.y} width=${m.width} height=${m.height}></rect>${label}`;
  return label;
}

/** Grouped columns or bars. `label` is the accessible name (caption and summary). */
export function renderGroupedChart(geo: ChartGeometry, label: string): TemplateResult {
  const column = geo.type === 'column';
  const body = svg`
    ${column
      ? geo.ticks.map((t) => svg`<line class="core-crosstab__grid" x1=${geo.plot.x0} x2=${geo.plot.x1} y1=${t.pos} y2=${t.pos}></line>
          <text x=${geo.plot.x0 - 6} y=${t.pos} dy="0.32em" text-anchor="end" font-size="13">${t.text}</text>`)
      : nothing}
    ${geo.marks.map((m) => renderMark(m, geo.type))}
    ${column
      ? svg`<line class="core-chart__axis" x1=${geo.plot.x0} x2=${geo.plot.x1} y1=${geo.baseline + 0.5} y2=${geo.baseline + 0.5}></line>`
      : geo.groups.map((g, i) => {
          // The axis of each group spans its bars only, so it never runs through a label.
          const bars = geo.marks.filter((k) => k.row === i);
          const top = bars[0]?.y ?? g.y, bottom = (bars.at(-1)?.y ?? g.y) + (bars.at(-1)?.height ?? 0);
          return svg`<line class="core-chart__axis" x1="0.5" x2="0.5" y1=${top - 2} y2=${bottom + 2}></line>`;
        })}
    ${geo.groups.map((g) => (column
      ? svg`<text class="core-crosstab__group" x=${g.x} y=${g.y} text-anchor="middle" font-size="13"><title>${g.label}</title>${g.lines.map(
          (line, k) => svg`<tspan x=${g.x} dy=${k === 0 ? 0 : 16}>${line}</tspan>`,
        )}</text>`
      : svg`<text class="core-crosstab__group" x="0" y=${g.y} font-size="15" font-weight="700">${g.label}</text>`))}`;
  return html`<div class="core-crosstab__chart-wrap ${column ? 'core-crosstab__chart-wrap--wide' : ''}">
    <svg class="core-chart core-crosstab__chart" part="chart" role="img" aria-label=${label}
      viewBox="0 0 ${geo.width} ${geo.height + 4}" width=${column ? geo.width : nothing} preserveAspectRatio="xMinYMin meet">${body}</svg>
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
