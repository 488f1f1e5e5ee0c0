import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import { findPeriod } from '../../feed/client.js';
import { FeedError } from '../../feed/errors.js';
import { DOCUMENT_PATHS, crosstabPair, type LogTypeId, type Manifest } from '../../feed/types.js';
import { controlStyles, documentIndex, fieldGroups, logTypeOptions, periodOptions, renderSelect } from '../shared/controls.js';
import { fileSlug, renderCsvDownload, toCsv } from '../shared/csv.js';
import { CoreFeedElement } from '../shared/feed-element.js';
import { msg, type MessageKey } from '../shared/messages.js';
import { printStyles } from '../shared/print.js';
import { coreStyles } from '../shared/styles.js';
import { renderViewToggle, viewToggleStyles, type ViewToggle } from '../shared/view-toggle.js';
import { chartGeometry, pieAvailability, type PieAvailability } from './crosstab.chart.js';
import { TABLE_PART, renderCrosstabTable, renderGroupedChart, renderLegend, renderPies, renderSymbolKey, type TableLabels } from './crosstab.render.js';
import {
  PERCENT_MODES, crosstabCsv, crosstabGrid, crosstabSummary, toCrosstabData,
  type CrosstabData, type CrosstabGrid, type PercentMode,
} from './crosstab.view.js';
import { crosstabStyles } from './core-crosstab.styles.js';

export type CrosstabDisplay = 'table' | 'chart';
export type CrosstabChart = 'column' | 'bar' | 'pie';

const PCT_LABEL: Record<PercentMode, MessageKey> = { none: 'crosstabPctNone', row: 'crosstabPctRow', column: 'crosstabPctColumn', total: 'crosstabPctTotal' };
const PIE_REASON: Record<Extract<PieAvailability, { ok: false }>['reason'], MessageKey> = {
  'too-many-slices': 'crosstabPieTooManySlices',
  'too-many-pies': 'crosstabPieTooManyPies',
  suppressed: 'crosstabPieSuppressed',
  empty: 'crosstabPieEmpty',
};

/**
 * A long table is drawn in two steps (DESIGN §6: ≤ 50 ms of work at a time after the data
 * arrives): its first part (`TABLE_PART` rows: more than the scrolling box shows) with the
 * figure, and the other parts once that is painted. The parts are independent tables, so the rest
 * does not make the first lay out again. `updateComplete` and `core-load` wait for the rest, and
 * printing draws it at once.
 *
 * `Drawing`: the table of `data`, and how many of its parts are drawn (1 or all); `rest`: the
 * drawing of the others.
 */
interface Drawing {
  readonly data: CrosstabData;
  parts: number;
  rest?: Promise<void> | undefined;
}

/** After the next frame is painted (a hidden page paints none: then after the next task). */
const nextFrame = () => new Promise<unknown>((done) => (document.hidden ? setTimeout(done) : requestAnimationFrame(() => setTimeout(done))));

/** What one render derives from the loaded data and the display options (memoised). */
interface Derived {
  readonly data: CrosstabData;
  readonly mode: PercentMode;
  readonly grid: CrosstabGrid;
  readonly summary: string;
  readonly pie: PieAvailability;
}

/**
 * @tag core-crosstab
 * @summary National cross-tabulation of two CORE questions (England), as a table or a column,
 * bar or pie chart, in numbers or percentages — the old CORE site's national data analysis tool.
 *
 * `x` is the question down the side (table rows; the groups of a chart), `y` the question across
 * the top (table columns; the chart's series). The feed stores each pair once; swapping the axes
 * transposes the same document, so it costs no request.
 *
 * Disclosure control is re-checked before anything is drawn: a count of 1 or 2 becomes `[c]`, a
 * value a reader could work back from a line total gets a complementary suppression, and each
 * re-suppression fires `core-sdc-warning`. Percentages are only ever a published count over a
 * base made of published totals; a suppressed value is never a percentage, a bar or a slice.
 *
 * @csspart status - The loading, empty or error message.
 * @csspart controls - The period, type and question selects (with the `controls` attribute).
 * @csspart figure - The chart or table, with its caption, summary and notes.
 * @csspart caption - The figure's caption.
 * @csspart chart - The chart: one image (`role="img"`), drawn as SVG panels of a few groups each.
 * @csspart table - The data table.
 * @csspart legend - The chart legend, and the key to the symbols `[c]`, `[x]`, `[z]`.
 * @csspart view-toggle - The table / chart and chart type switches.
 * @csspart download - The CSV download button.
 *
 * @cssproperty --core-text-colour - Text colour (default: `--govuk-text-colour`, #0b0c0c).
 * @cssproperty --core-secondary-text-colour - Notes and the suppressed-value marker (default: `--govuk-secondary-text-colour`, #484949).
 * @cssproperty --core-border-colour - Table rules (default: `--govuk-border-colour`, #cecece).
 * @cssproperty --core-series-1-colour - First series colour (default: #12436d; series 2–6: #28a197, #801650, #f46a25, #3d3d3d, #a285d1).
 * @cssproperty --core-crosstab-max-height - Height of the table's scrolling box (default: 36em).
 * @cssproperty --core-background-colour - Background of the sticky table headers (default: #fff).
 *
 * @fires core-load - The crosstab (or the empty message) is rendered.
 * @fires core-error - The feed could not be used; `event.reason` says why.
 * @fires core-sdc-warning - The element had to suppress a value the feed published (one event per value).
 */
export class CoreCrosstab extends CoreFeedElement<CrosstabData> {
  static override styles = [coreStyles, controlStyles, viewToggleStyles, crosstabStyles, printStyles];
  static override properties: PropertyDeclarations = {
    period: {},
    logType: { attribute: 'log-type' },
    x: {},
    y: {},
    display: { reflect: true },
    chart: {},
    percentages: {},
    controls: { type: Boolean },
    manifest: { state: true, attribute: false },
    tableOpen: { state: true, attribute: false },
  };

  /** Period id, e.g. `2024-25` or `2024-25-q1-q3` (default: the latest in the feed). */
  period = '';

  /** Log type: `sr-gn`, `sr-sh`, `ar-gn`, `ar-sh`, `rtb-gn`, `rtb-sh` or `sales` (default: the first with crosstabs). */
  logType = '';

  /** Question down the side (rows), a field id such as `nationality_all` (default: the feed's first pair). */
  x = '';

  /** Question across the top (columns), a field id such as `sex1`. */
  y = '';

  /** `table` or `chart`. */
  display: CrosstabDisplay = 'table';

  /** `column`, `bar` or `pie` (pies only where honest; otherwise the reason is shown and columns drawn). */
  chart: CrosstabChart = 'column';

  /** `none` (numbers), `row`, `column` or `total` percentages. */
  percentages: PercentMode = 'none';

  /** Show selects for the period, the type and both questions. */
  controls = false;

  /** The last manifest seen, so the controls stay usable when a selection fails. */
  private manifest: Manifest | undefined;
  private tableOpen = false;

  private derived: Derived | undefined;
  /** The table drawn last: its data and how many of its parts are drawn. */
  private drawing: Drawing | undefined;

  /** Also waits for the rest of a long table. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const rest = this.drawing?.rest;
    return rest ? rest.then(() => this.getUpdateComplete()) : done;
  }

  /** The parts of `data`'s table to draw: as many as before for the same table, else the first. */
  private partsToDraw(data: CrosstabData): number {
    if (this.drawing?.data !== data) this.drawing = { data, parts: 1 };
    return this.drawing.parts;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const d = this.drawing;
    if (d?.parts === 1 && !d.rest && d.data.counts.rows.length > TABLE_PART) d.rest = this.drawRest(d);
  }

  /** The rest of a long table, once the first part is painted; at once if the page is printed first. */
  private async drawRest(d: Drawing): Promise<void> {
    const all = () => {
      d.parts = Infinity;
      this.requestUpdate();
    };
    // Printing must never cut the table short: the rest before the page is laid out for print.
    const print = () => {
      all();
      this.performUpdate();
    };
    addEventListener('beforeprint', print);
    await nextFrame();
    removeEventListener('beforeprint', print);
    if (this.drawing === d) all();
    await super.getUpdateComplete();
    d.rest = undefined;
  }

  protected selection(): readonly unknown[] {
    return [this.period, this.logType, this.x, this.y];
  }

  protected async load(signal: AbortSignal): Promise<CrosstabData> {
    const manifest = await this.client.manifest(this.src, { signal });
    this.manifest = manifest;
    const period = findPeriod(manifest, this.period);
    const { logType, x, y, pair } = resolveSelection(manifest, period.id, this.logType, this.x, this.y);
    const doc = await this.client.table(this.src, DOCUMENT_PATHS.crosstab(period.id, logType.id, pair.x, pair.y), { signal });
    return { ...toCrosstabData({ manifest, period, logType, doc, x, y, messages: this.messages }), source: DOCUMENT_PATHS.crosstab(period.id, logType.id, pair.x, pair.y) };
  }

  override render(): TemplateResult {
    // While a new selection loads, keep showing the last view (no flash, focus stays on the control).
    const last = this.data.value;
    const body = this.data.status === TaskStatus.PENDING && last && last.emptyMessage === undefined ? this.renderView(last) : super.render();
    return html`${this.controls ? this.renderControls() : nothing}${body}`;
  }

  private derive(data: CrosstabData): Derived {
    const mode: PercentMode = PERCENT_MODES.includes(this.percentages) ? this.percentages : 'none';
    const d = this.derived;
    if (d && d.data === data && d.mode === mode) return d;
    const grid = crosstabGrid(data.counts, mode, data.minCount);
    const summary = crosstabSummary(data.counts, grid, { period: data.period.label, logType: data.logType.label }, this.messages);
    this.derived = { data, mode, grid, summary, pie: pieAvailability(data.counts, data.minCount) };
    return this.derived;
  }

  protected renderView(data: CrosstabData): TemplateResult {
    const { grid, summary, pie } = this.derive(data);
    const m = this.messages;
    const chartType: CrosstabChart = this.chart === 'bar' || (this.chart === 'pie' && pie.ok) ? this.chart : 'column';
    const pieReason = pie.ok ? undefined : msg(m, PIE_REASON[pie.reason], { x: data.counts.x.label, y: data.counts.y.label, count: pie.count, max: pie.max });
    const showChart = this.display === 'chart';
    return html`<figure class="core-figure" part="figure">
      <figcaption class="core-figure__caption" part="caption">${data.caption}</figcaption>
      <p class="core-summary">${summary}</p>
      ${this.renderToolbar(data, grid, showChart, chartType, pieReason)}
      ${showChart ? this.renderChart(data, grid, chartType, pie, summary) : this.renderTable(data, grid)}
    </figure>`;
  }

  private tableLabels(data: CrosstabData, grid: CrosstabGrid): TableLabels {
    const m = this.messages;
    const total = msg(m, 'crosstabTotal'), base = msg(m, 'crosstabBase');
    return {
      caption: data.caption,
      corner: data.counts.x.label,
      totalsColumn: grid.mode === 'row' ? base : total,
      totalsRow: grid.mode === 'column' ? base : total,
    };
  }

  private renderTable(data: CrosstabData, grid: CrosstabGrid): TemplateResult {
    const m = this.messages;
    const note = { row: 'crosstabNoteRow', column: 'crosstabNoteColumn', total: 'crosstabNoteTotal' } as const;
    return html`${renderCrosstabTable(grid, this.tableLabels(data, grid), m, this.partsToDraw(data))}
      <div class="core-crosstab__notes">
        ${grid.mode === 'none'
          ? nothing
          : html`<p>${msg(m, note[grid.mode], { x: data.counts.x.label, y: data.counts.y.label })} ${msg(m, 'crosstabNoteRounding')}</p>`}
        ${renderSymbolKey(grid, data.minCount, m)}
      </div>`;
  }

  private renderChart(data: CrosstabData, grid: CrosstabGrid, type: CrosstabChart, pie: PieAvailability, summary: string): TemplateResult {
    const m = this.messages;
    const label = msg(m, 'crosstabChartLabel', { caption: data.caption, summary });
    let chart: TemplateResult;
    if (type === 'pie' && pie.ok) {
      chart = html`${renderLegend(pie.series, data.counts.y.label, undefined)}${renderPies(pie, label, m)}`;
    } else {
      const geo = chartGeometry(grid, type === 'bar' ? 'bar' : 'column');
      if (!geo.available) {
        return html`<p class="core-crosstab__reason">${msg(m, 'crosstabChartTooMany', { y: data.counts.y.label, max: geo.max, count: geo.count })}</p>
          ${this.renderTable(data, grid)}`;
      }
      const gaps = geo.marks.some((k) => k.kind === 'gap');
      chart = html`${renderLegend(geo.series, data.counts.y.label, gaps ? msg(m, 'crosstabGapKey') : undefined)}${renderGroupedChart(geo, label)}`;
    }
    // The chart's numbers as a table, rendered only when opened (a 200-row table costs nothing until asked for).
    return html`${chart}
      <details class="core-details core-no-print" @toggle=${(e: Event) => { this.tableOpen = (e.target as HTMLDetailsElement).open; }} ?open=${this.tableOpen}>
        <summary>${msg(m, 'crosstabChartTable')}</summary>
        ${this.tableOpen ? this.renderTable(data, grid) : nothing}
      </details>`;
  }

  private renderToolbar(data: CrosstabData, grid: CrosstabGrid, showChart: boolean, chartType: CrosstabChart, pieReason: string | undefined): TemplateResult {
    const m = this.messages;
    // A toggle with a visible label (hidden from screen readers: the group's name says it).
    const toggle = <K extends 'display' | 'chart'>(key: K, label: string, views: ViewToggle<this[K]>['views'], value: this[K]) => html`<div class="core-form-group">
        <span class="core-crosstab__toolgroup-label" aria-hidden="true">${label}</span>
        ${renderViewToggle({ label, views, value, onChange: (v) => { this[key] = v; } })}
      </div>`;
    return html`<div class="core-crosstab__toolbar core-no-print">
        ${toggle('display', msg(m, 'viewToggle'), [{ value: 'table', label: msg(m, 'crosstabTable') }, { value: 'chart', label: msg(m, 'crosstabChart') }], showChart ? 'chart' : 'table')}
        ${showChart
          ? toggle('chart', msg(m, 'crosstabChartType'), [
              { value: 'column', label: msg(m, 'crosstabColumn') },
              { value: 'bar', label: msg(m, 'crosstabBar') },
              { value: 'pie', label: msg(m, 'crosstabPie'), disabled: pieReason !== undefined },
            ], chartType)
          : nothing}
        ${showChart && chartType === 'pie'
          ? nothing
          : renderSelect({
              id: 'core-crosstab-percentages',
              label: msg(m, 'crosstabPercentages'),
              value: grid.mode,
              options: PERCENT_MODES.map((p) => ({ value: p, label: msg(m, PCT_LABEL[p]) })),
              onChange: (v) => { this.percentages = v as PercentMode; },
            })}
        <div class="core-form-group">
          <button type="button" class="core-button core-button--secondary" @click=${this.swap}>${msg(m, 'crosstabSwap')}</button>
          ${renderCsvDownload({
            label: msg(m, 'downloadCsv'),
            filename: `${fileSlug('core', data.logType.id, data.counts.x.id, data.counts.y.id, data.period.id, grid.mode === 'none' ? '' : `${grid.mode}-percent`)}.csv`,
            csv: () => toCsv(crosstabCsv(data.counts, grid, { period: data.period.id, logType: data.logType.id, totalLabel: msg(m, 'crosstabTotal') })),
          })}
        </div>
      </div>
      ${showChart && pieReason ? html`<p class="core-crosstab__reason">${pieReason}</p>` : nothing}`;
  }

  /** Swaps rows and columns (the same document, transposed: no request). */
  private swap = (): void => {
    const { x, y } = this.shown();
    this.x = y;
    this.y = x;
    if (this.percentages === 'row') this.percentages = 'column';
    else if (this.percentages === 'column') this.percentages = 'row';
  };

  /** The log type and questions shown: as set, else as loaded (the defaults the feed gave). */
  private shown() {
    const last = this.data.value;
    return { logType: this.logType || last?.logType.id || '', x: this.x || last?.counts.x.id || '', y: this.y || last?.counts.y.id || '' };
  }

  private renderControls(): TemplateResult | typeof nothing {
    const manifest = this.manifest;
    if (!manifest) return nothing;
    const m = this.messages;
    let period: string;
    try {
      period = findPeriod(manifest, this.period).id;
    } catch {
      return nothing;
    }
    const { x, y, ...shown } = this.shown();
    const logType = (shown.logType || firstLogType(manifest, period) || '') as LogTypeId;
    const crossed = documentIndex(manifest, period, logType)?.crosstab ?? [];
    const pairsWith = (id: string) => (f: { id: string }) => !crosstabPair(crossed, id, f.id);
    const filter = { period, logType, documents: ['crosstab'] as const };
    return html`<div class="core-controls" part="controls">
      ${renderSelect({ id: 'core-crosstab-period', label: msg(m, 'controlPeriod'), value: period, options: periodOptions(manifest, 'crosstab'), onChange: (v) => this.choose({ period: v }) })}
      ${renderSelect({ id: 'core-crosstab-log-type', label: msg(m, 'controlLogType'), value: logType, options: logTypeOptions(manifest, period, 'crosstab'), onChange: (v) => this.choose({ logType: v }) })}
      ${renderSelect({ id: 'core-crosstab-x', label: msg(m, 'crosstabX'), value: x, groups: fieldGroups(manifest, { ...filter, exclude: (f) => f.id === y }), onChange: (v) => this.choose({ x: v }) })}
      ${renderSelect({ id: 'core-crosstab-y', label: msg(m, 'crosstabY'), value: y, groups: fieldGroups(manifest, { ...filter, exclude: pairsWith(x) }), onChange: (v) => this.choose({ y: v }) })}
    </div>`;
  }

  /** A new selection from the controls; keeps the questions if the new period and type have the pair, else picks a pair that exists. */
  private choose(change: { period?: string; logType?: string; x?: string; y?: string }): void {
    const manifest = this.manifest;
    if (!manifest) return;
    const next = { period: this.period, ...this.shown(), ...change };
    let periodId: string;
    try {
      periodId = findPeriod(manifest, next.period).id;
    } catch {
      return;
    }
    if (!documentIndex(manifest, periodId, next.logType)?.crosstab[0]) next.logType = firstLogType(manifest, periodId) ?? next.logType;
    const crossed = documentIndex(manifest, periodId, next.logType)?.crosstab ?? [];
    if (!crosstabPair(crossed, next.x, next.y)) {
      // Keep the question just chosen (or x) and pair it with the first other question crossed.
      const keep = change.y ?? next.x;
      const other = crossed.find((id) => id !== keep) ?? '';
      if (!crossed.includes(keep)) [next.x, next.y] = [crossed[0] ?? '', crossed[1] ?? ''];
      else if (change.y !== undefined) [next.x, next.y] = [other, keep];
      else [next.x, next.y] = [keep, other];
    }
    Object.assign(this, next);
  }
}

/** The first log type with crosstabs in `period`. */
const firstLogType = (manifest: Manifest, period: string) => logTypeOptions(manifest, period, 'crosstab')[0]?.value as LogTypeId | undefined;

/** The log type and pair to load; `FeedError('missing')` if the feed has no such crosstab. */
function resolveSelection(manifest: Manifest, period: string, logTypeId: string, x: string, y: string) {
  const id = logTypeId || firstLogType(manifest, period);
  const logType = manifest.logTypes.find((t) => t.id === id);
  const crossed = (logType && manifest.documents[period]?.[logType.id]?.crosstab) ?? [];
  if (!x || !y) {
    // One question given: the first it is crossed with; none: the feed's first pair.
    const given = x || y;
    const other = (!given || crossed.includes(given) ? crossed.find((f) => f !== given) : undefined) ?? '';
    if (x) y = other;
    else if (y) x = other;
    else [x = '', y = ''] = crossed;
  }
  const pair = crosstabPair(crossed, x, y);
  // One message names everything asked for: the log type (or that the period has none), both questions, the period.
  if (!logType || !pair) throw new FeedError('missing', `This feed has no crosstab of "${x || '?'}" by "${y || '?'}" for ${id ?? 'any log type'}, ${period}.`);
  return { logType, x, y, pair };
}
