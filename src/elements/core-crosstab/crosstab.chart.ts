/**
 * Chart geometry for `<core-crosstab>`: pure numbers, no DOM (tested in Node). d3 gives the
 * scales and ticks; the templates in `crosstab.render.ts` draw every node with Lit `svg`.
 *
 * - Grouped columns or bars: one group per row of the table, one series per column, at most
 *   `MAX_SERIES` series (the GOV.UK analysis palette's six distinguishable colours). A suppressed
 *   value is a `gap` (a dashed empty marker at zero, labelled `[c]`), never a length; `x` / `z`
 *   are a `symbol` with no mark.
 * - Pies: one pie per known row (each one distribution of the known column answers), only where
 *   honest: ≤ `MAX_SLICES` slices, ≤ `MAX_PIES` pies, no suppressed or unavailable value, no empty
 *   row. Otherwise `pieAvailability` says why, and the element shows that reason.
 *   (Pie paths are computed here rather than with d3-shape's `arc`/`pie`: those add ≈ 5 KB
 *   min+gzip to the CDN bundle for four lines of trigonometry.)
 */
import { NOT_KNOWN } from '../../feed/types.js';
import { formatCount, formatPercent } from '../shared/format.js';
import { linearScale } from '../shared/scale.js';
import { formatValue, isPercent, type Category, type CrosstabCounts, type CrosstabGrid, type CrosstabValue } from './crosstab.view.js';

export const MAX_SERIES = 6;
export const MAX_SLICES = 6;
export const MAX_PIES = 6;

export type ChartType = 'column' | 'bar';

export interface ChartMark {
  /** Row (group) and column (series) of the grid. */
  readonly row: number;
  readonly series: number;
  /** `bar`: a value drawn to scale; `gap`: suppressed, drawn as an empty dashed marker; `symbol`: `x` / `z`, text only. */
  readonly kind: 'bar' | 'gap' | 'symbol';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The value's length along the value axis (0 for a gap or symbol). */
  readonly length: number;
  readonly text: string;
  readonly textX: number;
  readonly textY: number;
}

export interface GroupLabel {
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
  /** The whole label, for a tooltip when the lines are shortened. */
  readonly label: string;
}

export interface Tick {
  readonly pos: number;
  readonly text: string;
}

export interface ChartGeometry {
  readonly available: true;
  readonly type: ChartType;
  readonly width: number;
  readonly height: number;
  readonly marks: readonly ChartMark[];
  readonly groups: readonly GroupLabel[];
  readonly ticks: readonly Tick[];
  /** Distance from one group to the next along the group axis: down (bar) or across (column). */
  readonly step: number;
  /** Value-axis baseline: x of the bars' start (bar) or y of the columns' foot (column). */
  readonly baseline: number;
  /** Extent of the plot across the value axis (for gridlines). */
  readonly plot: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number };
  readonly series: readonly Category[];
}

export interface ChartUnavailable {
  readonly available: false;
  readonly reason: 'too-many-series';
  readonly count: number;
  readonly max: number;
}

const numeric = (v: CrosstabValue): number | undefined => (isPercent(v) ? v.pct : typeof v === 'number' ? v : undefined);

/** Axis tick text: counts "1,200", shares "25%". */
const tickText = (v: number, pct: boolean) => (pct ? formatPercent(v, 0) : formatCount(v));

/** Layout constants, in viewBox units (1:1 with CSS pixels at full width). */
export const LAYOUT = {
  width: 640,
  font: 14,
  bar: { label: 22, thickness: 16, gap: 3, groupGap: 14, valueRoom: 96 },
  column: { left: 64, right: 8, top: 12, plot: 240, labelLines: 3, lineHeight: 16, minBand: 14 },
} as const;

/** Height of one group of `series` bars: its label, the bars, the gap to the next group. */
export const barPitch = (series: number): number => LAYOUT.bar.label + series * (LAYOUT.bar.thickness + LAYOUT.bar.gap) + LAYOUT.bar.groupGap;

/** Grouped bars or columns of the grid's body (not its totals). */
export function chartGeometry(grid: CrosstabGrid, type: ChartType): ChartGeometry | ChartUnavailable {
  const S = grid.cols.length;
  if (S > MAX_SERIES) return { available: false, reason: 'too-many-series', count: S, max: MAX_SERIES };
  const pct = grid.mode !== 'none';
  const values = grid.cells.map((r) => r.map(numeric));
  const max = Math.max(0, ...values.flat().map((v) => v ?? 0));
  return type === 'bar' ? barGeometry(grid, values, max, pct) : columnGeometry(grid, values, max, pct);
}

function barGeometry(grid: CrosstabGrid, values: (number | undefined)[][], max: number, pct: boolean): ChartGeometry {
  const L = LAYOUT.bar, S = grid.cols.length;
  const pitch = barPitch(S);
  const x = linearScale(max, [0, LAYOUT.width - L.valueRoom], { nice: true });
  const marks: ChartMark[] = [];
  grid.rows.forEach((_, i) => {
    grid.cols.forEach((_, j) => {
      const v = grid.cells[i]![j]!, n = values[i]![j];
      const y = i * pitch + L.label + j * (L.thickness + L.gap);
      const length = n === undefined ? 0 : x(n);
      const kind = n !== undefined ? 'bar' : v === 'c' ? 'gap' : 'symbol';
      const width = kind === 'bar' ? length : kind === 'gap' ? 20 : 0;
      marks.push({ row: i, series: j, kind, x: kind === 'gap' ? 1 : 0, y, width, height: L.thickness, length, text: formatValue(v), textX: width + 6, textY: y + L.thickness / 2 });
    });
  });
  const height = grid.rows.length * pitch;
  return {
    available: true, type: 'bar', width: LAYOUT.width, height, marks,
    groups: grid.rows.map((r, i) => ({ x: 0, y: i * pitch + 16, lines: [r.label], label: r.label })),
    ticks: x.ticks(5).map((t) => ({ pos: x(t), text: tickText(t, pct) })),
    step: pitch,
    baseline: 0,
    plot: { x0: 0, x1: x.range[1], y0: 0, y1: height },
    series: grid.cols,
  };
}

function columnGeometry(grid: CrosstabGrid, values: (number | undefined)[][], max: number, pct: boolean): ChartGeometry {
  const L = LAYOUT.column, S = grid.cols.length, G = grid.rows.length;
  const width = Math.max(LAYOUT.width, L.left + L.right + G * (S * L.minBand + 16));
  // Bands by hand (d3's scaleBand would add ≈ 0.8 KB to the bundle): groups with a gap of a
  // quarter band between them, columns touching within a group.
  const step = (width - L.left - L.right) / (G + 0.25);
  const band = step * 0.75;
  const x0 = (i: number) => L.left + step * (i + 0.25);
  const col = band / S;
  const foot = L.top + L.plot;
  const y = linearScale(max, [foot, L.top], { nice: true });
  const marks: ChartMark[] = [];
  grid.rows.forEach((_, i) => {
    grid.cols.forEach((_, j) => {
      const v = grid.cells[i]![j]!, n = values[i]![j];
      const left = x0(i) + j * col, w = col;
      const length = n === undefined ? 0 : foot - y(n);
      const kind = n !== undefined ? 'bar' : v === 'c' ? 'gap' : 'symbol';
      const height = kind === 'bar' ? length : kind === 'gap' ? 12 : 0;
      marks.push({ row: i, series: j, kind, x: left, y: foot - height - (kind === 'gap' ? 1 : 0), width: w, height, length, text: formatValue(v), textX: left + w / 2, textY: foot - height - 5 });
    });
  });
  const chars = Math.max(4, Math.floor(step / (LAYOUT.font * 0.55)));
  return {
    available: true, type: 'column', width, height: foot + 10 + L.labelLines * L.lineHeight + 4, marks,
    groups: grid.rows.map((r, i) => ({ x: x0(i) + band / 2, y: foot + 8 + L.lineHeight * 0.8, lines: wrap(r.label, chars, L.labelLines), label: r.label })),
    ticks: y.ticks(5).map((t) => ({ pos: y(t), text: tickText(t, pct) })),
    step,
    baseline: foot,
    plot: { x0: L.left, x1: width - L.right, y0: L.top, y1: foot },
    series: grid.cols,
  };
}

/**
 * A long chart is drawn as panels, each its own `<svg>` of `PANEL_GROUPS` groups, so that the
 * browser can skip the style, layout and paint of the panels off screen (`content-visibility:
 * auto`): a 200-group chart has 1,200 marks and as many labels, of which a screen shows a tenth.
 */
export const PANEL_GROUPS = 5;

/** One panel: the rectangle of the chart it shows (viewBox units) and its groups `[from, to)`. */
export interface ChartPanel {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly from: number;
  readonly to: number;
}

/** Extra room under the chart for the axis line and descenders (the SVG is this much taller than the plot). */
export const CHART_FOOT = 4;

/**
 * The panels of a chart: bars are cut between groups, down the chart; columns across it, in the
 * gap between two groups and on a whole pixel (panels sit side by side at 1:1, so a cut on a
 * fraction of a pixel would show as a seam in the gridlines). The first column panel has the
 * axis labels; the last panel of either reaches the chart's edge.
 */
export function chartPanels(geo: ChartGeometry, groups = PANEL_GROUPS): ChartPanel[] {
  const count = geo.groups.length;
  const panels: ChartPanel[] = [];
  const height = geo.height + CHART_FOOT;
  for (let from = 0; from < count; from += groups) {
    const to = Math.min(count, from + groups);
    if (geo.type === 'bar') {
      const y = from * geo.step;
      panels.push({ x: 0, y, width: geo.width, height: to === count ? height - y : (to - from) * geo.step, from, to });
    } else {
      // The gap before group i spans [x0(i) − step/4, x0(i)); cut at its middle.
      const cut = (i: number) => (i === 0 ? 0 : i === count ? geo.width : Math.round(geo.plot.x0 + geo.step * (i + 0.125)));
      panels.push({ x: cut(from), y: 0, width: cut(to) - cut(from), height, from, to });
    }
  }
  return panels;
}

/** Word-wraps `text` into at most `maxLines` lines of about `chars` characters; the last line ends "…" if cut. */
export function wrap(text: string, chars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!line) line = word;
    else if ((line + ' ' + word).length <= chars) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const out = lines.slice(0, maxLines).map((l) => (l.length > chars ? l.slice(0, Math.max(1, chars - 1)) + '…' : l));
  if (lines.length > maxLines) out[maxLines - 1] = out[maxLines - 1]!.slice(0, Math.max(1, chars - 1)).replace(/…$/, '') + '…';
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pies.

export interface PieSlice {
  readonly series: number;
  readonly label: string;
  readonly count: number;
  readonly share: number;
  /** SVG path relative to the pie's centre; '' for a zero slice. */
  readonly path: string;
  /** Where its percentage goes (centroid), or undefined when the slice is too thin to label. */
  readonly labelAt: { readonly x: number; readonly y: number } | undefined;
}

export interface Pie {
  readonly label: string;
  readonly base: number;
  readonly slices: readonly PieSlice[];
}

export type PieAvailability =
  | { readonly ok: true; readonly pies: readonly Pie[]; readonly series: readonly Category[]; readonly radius: number }
  | { readonly ok: false; readonly reason: 'too-many-slices' | 'too-many-pies' | 'suppressed' | 'empty'; readonly count: number; readonly max: number };

export const PIE_RADIUS = 80;

/** Pies of each known row's known answers, if honest (see the module comment). */
export function pieAvailability(counts: CrosstabCounts, minCount: number): PieAvailability {
  const kc = counts.cols.map((_, j) => j).filter((j) => counts.cols[j]!.code !== NOT_KNOWN);
  const kr = counts.rows.map((_, i) => i).filter((i) => counts.rows[i]!.code !== NOT_KNOWN);
  if (kc.length > MAX_SLICES) return { ok: false, reason: 'too-many-slices', count: kc.length, max: MAX_SLICES };
  if (kr.length > MAX_PIES) return { ok: false, reason: 'too-many-pies', count: kr.length, max: MAX_PIES };
  const pies: Pie[] = [];
  for (const i of kr) {
    const parts = kc.map((j) => counts.cells[i]?.[j]);
    if (!parts.every((v): v is number => typeof v === 'number' && !(v > 0 && v < minCount))) return { ok: false, reason: 'suppressed', count: 0, max: 0 };
    const base = parts.reduce((a, b) => a + b, 0);
    if (base === 0) return { ok: false, reason: 'empty', count: 0, max: 0 };
    let angle = 0;
    pies.push({
      label: counts.rows[i]!.label,
      base,
      slices: parts.map((count, k) => {
        const share = count / base;
        const a0 = angle, a1 = angle + share * 2 * Math.PI;
        angle = a1;
        const mid = (a0 + a1) / 2;
        return {
          series: k,
          label: counts.cols[kc[k]!]!.label,
          count,
          share,
          path: slicePath(a0, a1, PIE_RADIUS),
          labelAt: a1 - a0 > 0.45 ? { x: round(Math.sin(mid) * PIE_RADIUS * 0.62), y: round(-Math.cos(mid) * PIE_RADIUS * 0.62) } : undefined,
        };
      }),
    });
  }
  return { ok: true, pies, series: kc.map((j) => counts.cols[j]!), radius: PIE_RADIUS };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** A pie slice from angle a0 to a1 (radians, clockwise from 12 o'clock) about (0, 0). */
export function slicePath(a0: number, a1: number, r: number): string {
  if (a1 - a0 <= 0) return '';
  if (a1 - a0 >= 2 * Math.PI - 1e-9) return `M0,${-r}A${r},${r} 0 1 1 0,${r}A${r},${r} 0 1 1 0,${-r}Z`;
  const p = (a: number) => `${round(Math.sin(a) * r)},${round(-Math.cos(a) * r)}`;
  return `M0,0L${p(a0)}A${r},${r} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${p(a1)}Z`;
}
