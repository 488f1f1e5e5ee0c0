import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
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
import { renderViewToggle, viewToggleStyles } from '../shared/view-toggle.js';
import { chartGeometry, pieAvailability, type PieAvailability } from './crosstab.chart.js';
import { renderCrosstabTable, renderGroupedChart, renderLegend, renderPies, renderSymbolKey, type TableLabels } from './crosstab.render.js';
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

  /** Period id, e.g. `2024-25` or `2024-25-q1-q3` (default: the latest in the feed). */
  @property() period = '';

  /** Log type: `sr-gn`, `sr-sh`, `ar-gn`, `ar-sh`, `rtb-gn`, `rtb-sh` or `sales` (default: the first with crosstabs). */
  @property({ attribute: 'log-type' }) logType = '';

  /** Question down the side (rows), a field id such as `nationality_all` (default: the feed's first pair). */
  @property() x = '';

  /** Question across the top (columns), a field id such as `sex1`. */
  @property() y = '';

  /** `table` or `chart`. */
  @property({ reflect: true }) display: CrosstabDisplay = 'table';

  /** `column`, `bar` or `pie` (pies only where honest; otherwise the reason is shown and columns drawn). */
  @property() chart: CrosstabChart = 'column';

  /** `none` (numbers), `row`, `column` or `total` percentages. */
  @property() percentages: PercentMode = 'none';

  /** Show selects for the period, the type and both questions. */
  @property({ type: Boolean }) controls = false;

  /** The last manifest seen, so the controls stay usable when a selection fails. */
  @state() private manifest: Manifest | undefined;
  @state() private tableOpen = false;

  private derived: Derived | undefined;

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
    return html`${renderCrosstabTable(grid, this.tableLabels(data, grid), m)}
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
    const set = <K extends 'display' | 'chart' | 'percentages'>(key: K) => (value: this[K]) => { this[key] = value; };
    return html`<div class="core-crosstab__toolbar core-no-print">
        <div class="core-form-group">
          <span class="core-crosstab__toolgroup-label" aria-hidden="true">${msg(m, 'viewToggle')}</span>
          ${renderViewToggle<CrosstabDisplay>({
            label: msg(m, 'viewToggle'),
            views: [{ value: 'table', label: msg(m, 'crosstabTable') }, { value: 'chart', label: msg(m, 'crosstabChart') }],
            value: this.display === 'chart' ? 'chart' : 'table',
            onChange: set('display'),
          })}
        </div>
        ${showChart
          ? html`<div class="core-form-group">
              <span class="core-crosstab__toolgroup-label" aria-hidden="true">${msg(m, 'crosstabChartType')}</span>
              ${renderViewToggle<CrosstabChart>({
                label: msg(m, 'crosstabChartType'),
                views: [
                  { value: 'column', label: msg(m, 'crosstabColumn') },
                  { value: 'bar', label: msg(m, 'crosstabBar') },
                  { value: 'pie', label: msg(m, 'crosstabPie'), disabled: pieReason !== undefined },
                ],
                value: chartType,
                onChange: set('chart'),
              })}
            </div>`
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
    const data = this.data.value;
    const x = this.x || data?.counts.x.id || '';
    const y = this.y || data?.counts.y.id || '';
    this.x = y;
    this.y = x;
    if (this.percentages === 'row') this.percentages = 'column';
    else if (this.percentages === 'column') this.percentages = 'row';
  };

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
    const last = this.data.value;
    const logType = (this.logType || last?.logType.id || firstLogType(manifest, period) || '') as LogTypeId;
    const x = this.x || last?.counts.x.id || '';
    const y = this.y || last?.counts.y.id || '';
    const crossed = documentIndex(manifest, period, logType)?.crosstab ?? [];
    const pairsWith = (id: string) => (f: { id: string }) => !crosstabPair(crossed, id, f.id);
    const filter = { period, logType, documents: ['crosstab'] as const };
    return html`<div class="core-controls" part="controls">
      ${renderSelect({ id: 'core-crosstab-period', label: msg(m, 'controlPeriod'), value: period, options: periodOptions(manifest), onChange: (v) => this.choose({ period: v }) })}
      ${renderSelect({ id: 'core-crosstab-log-type', label: msg(m, 'controlLogType'), value: logType, options: logTypeOptions(manifest, period), onChange: (v) => this.choose({ logType: v }) })}
      ${renderSelect({ id: 'core-crosstab-x', label: msg(m, 'crosstabX'), value: x, groups: fieldGroups(manifest, { ...filter, exclude: (f) => f.id === y }), onChange: (v) => this.choose({ x: v }) })}
      ${renderSelect({ id: 'core-crosstab-y', label: msg(m, 'crosstabY'), value: y, groups: fieldGroups(manifest, { ...filter, exclude: pairsWith(x) }), onChange: (v) => this.choose({ y: v }) })}
    </div>`;
  }

  /** A new selection from the controls; keeps the questions if the new period and type have the pair, else picks a pair that exists. */
  private choose(change: { period?: string; logType?: string; x?: string; y?: string }): void {
    const manifest = this.manifest;
    if (!manifest) return;
    const next = { period: this.period, logType: this.logType || this.data.value?.logType.id || '', x: this.x || this.data.value?.counts.x.id || '', y: this.y || this.data.value?.counts.y.id || '', ...change };
    let periodId: string;
    try {
      periodId = findPeriod(manifest, next.period).id;
    } catch {
      return;
    }
    if (!documentIndex(manifest, periodId, next.logType)) next.logType = firstLogType(manifest, periodId) ?? next.logType;
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
function firstLogType(manifest: Manifest, period: string): LogTypeId | undefined {
  const index = manifest.documents[period] ?? {};
  return manifest.logTypes.find((t) => (index[t.id]?.crosstab.length ?? 0) > 0)?.id;
}

/** The log type and pair to load; `FeedError('missing')` if the feed has no such crosstab. */
function resolveSelection(manifest: Manifest, period: string, logTypeId: string, x: string, y: string) {
  const id = logTypeId || firstLogType(manifest, period);
  const logType = manifest.logTypes.find((t) => t.id === id);
  if (!logType) throw new FeedError('missing', id ? `This feed has no log type "${id}".` : `This feed has no crosstabs for period "${period}".`);
  const index = manifest.documents[period]?.[logType.id];
  if (!index) throw new FeedError('missing', `This feed has no ${logType.id} data for period "${period}".`);
  if (!x || !y) {
    const given = x || y;
    const other = index.crosstab.find((id) => id !== given);
    if (!other || (given && !index.crosstab.includes(given))) {
      throw new FeedError('missing', `This feed has no crosstab${given ? ` of "${given}"` : ''} for ${logType.id}, ${period}.`);
    }
    if (x) y = other;
    else if (y) x = other;
    else [x, y] = [index.crosstab[0]!, index.crosstab[1]!];
  }
  const pair = crosstabPair(index.crosstab, x, y);
  if (!pair) throw new FeedError('missing', `This feed has no crosstab of "${x}" by "${y}" (${logType.id}, ${period}).`);
  return { logType, x, y, pair };
}
