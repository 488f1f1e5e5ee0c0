/**
 * Horizontal bar chart: d3 computes the geometry (a linear scale, `scale.ts`), Lit draws every node with `svg`
 * templates. Sized by its viewBox, so it scales with its container. The numbers themselves
 * are in the accompanying table; the SVG is one image with a one-sentence summary as its name.
 *
 * A suppressed value (`c`) is never a bar length: it is drawn as a dashed, empty marker at
 * zero labelled "[c] suppressed"; `x` and `z` get their symbol and no bar.
 */
import { html, svg, type TemplateResult, type SVGTemplateResult } from 'lit';
import type { Count } from '../../feed/types.js';
import { formatCell } from './format.js';
import { msg, type Messages } from './messages.js';
import { linearScale } from './scale.js';

export interface BarDatum {
  readonly label: string;
  readonly value: Count;
}

export interface BarChartView {
  /** The accessible name of the chart: a one-sentence summary. */
  readonly summary: string;
  readonly bars: readonly BarDatum[];
}

/** Layout in viewBox units. */
// 440 wide and shown at most 440 px wide (see styles): 1:1 on a desktop, text still ≥ 12 px on a 360 px phone.
export const BAR_LAYOUT = { width: 440, pitch: 48, labelY: 16, barY: 23, barHeight: 18, valueGap: 6, valueRoom: 110, fontSize: 16 } as const;

export interface BarGeometry {
  readonly label: string;
  readonly y: number;
  /** Bar length; `undefined` for a symbol (no bar). */
  readonly width: number | undefined;
  readonly valueText: string;
  readonly suppressed: boolean;
}

/** Pure geometry, separate from the template so it can be tested with numbers. */
export function barGeometry(bars: readonly BarDatum[]): { height: number; bars: BarGeometry[] } {
  const L = BAR_LAYOUT;
  const max = Math.max(0, ...bars.map((b) => (typeof b.value === 'number' ? b.value : 0)));
  const x = linearScale(max, [0, L.width - L.valueRoom]);
  return {
    height: bars.length * L.pitch,
    bars: bars.map((b, i) => ({
      label: b.label,
      y: i * L.pitch,
      width: typeof b.value === 'number' ? x(b.value) : undefined,
      valueText: formatCell(b.value),
      suppressed: b.value === 'c',
    })),
  };
}

function renderBar(g: BarGeometry, suppressedWord: string): SVGTemplateResult {
  const L = BAR_LAYOUT;
  const barTop = g.y + L.barY;
  const textY = barTop + L.barHeight / 2;
  let mark: SVGTemplateResult = svg``;
  let valueX = L.valueGap;
  if (g.width !== undefined) {
    mark = svg`<rect class="core-chart__bar" x="0" y=${barTop} width=${Math.max(g.width, 0)} height=${L.barHeight}></rect>`;
    valueX = g.width + L.valueGap;
  } else if (g.suppressed) {
    mark = svg`<rect class="core-chart__gap" x="2" y=${barTop + 1} width="22" height=${L.barHeight - 2}></rect>`;
    valueX = 24 + L.valueGap;
  }
  const valueText = g.suppressed ? `${g.valueText} ${suppressedWord}` : g.valueText;
  return svg`<g class="core-chart__row">
    <text x="0" y=${g.y + L.labelY} font-size=${L.fontSize}>${g.label}</text>
    <line class="core-chart__axis" x1="0.5" x2="0.5" y1=${barTop - 2} y2=${barTop + L.barHeight + 2}></line>
    ${mark}
    <text x=${valueX} y=${textY} dy="0.35em" font-size=${L.fontSize} font-weight="700">${valueText}</text>
  </g>`;
}

export function renderBarChart(view: BarChartView, messages?: Partial<Messages>): TemplateResult {
  const { height, bars } = barGeometry(view.bars);
  const word = msg(messages, 'chartSuppressed');
  return html`<svg class="core-chart" part="chart" role="img" aria-label=${view.summary}
    viewBox="0 0 ${BAR_LAYOUT.width} ${height + 4}" preserveAspectRatio="xMinYMin meet">
    ${bars.map((g) => renderBar(g, word))}
  </svg>`;
}
