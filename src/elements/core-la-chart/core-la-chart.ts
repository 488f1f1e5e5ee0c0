import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { findPeriod } from '../../feed/client.js';
import { FeedError } from '../../feed/errors.js';
import { DOCUMENT_PATHS, type Manifest } from '../../feed/types.js';
import { Combobox, comboboxStyles, type ComboboxOption } from '../shared/combobox.js';
import { areaGroups, controlStyles, documentIndex, fieldGroups, logTypeOptions, periodOptions, renderSelect } from '../shared/controls.js';
import { renderCsvDownload, toCsv } from '../shared/csv.js';
import { CoreFeedElement, type LoadedView } from '../shared/feed-element.js';
import { msg } from '../shared/messages.js';
import { printStyles } from '../shared/print.js';
import { coreStyles } from '../shared/styles.js';
import { loadSummary } from '../shared/summary-doc.js';
import { renderViewToggle, viewToggleStyles } from '../shared/view-toggle.js';
import { laChartStyles } from './core-la-chart.styles.js';
import { renderLaFigure } from './la-chart.render.js';
import {
  nationalOnlyView, parseCompare, resolveSelection, toCategoricalView, toNumericView, usesSummary,
  type LaChartView, type Selection,
} from './la-chart.view.js';

type Loaded = LaChartView & LoadedView;

/**
 * @tag core-la-chart
 * @summary One CORE question for one local authority (LA) in a period and type of letting or
 * sale, benchmarked against its region and England: a categorical question as a bar chart of
 * the percentage giving each answer; a numeric one (e.g. weekly rent) as its valid count, mean
 * and median. With `controls`, GOV.UK form controls let the reader choose the period, type,
 * LA (a searchable picker) and question.
 *
 * Disclosure control is re-checked before anything is drawn: counts of 1 or 2 become `[c]`, a
 * lone suppressed value next to a published total gets a complementary suppression (each fires
 * `core-sdc-warning`), an LA with fewer than 3 records is "not available", national-only
 * (sensitive) questions are never shown for an LA, and a percentage is shown only for a
 * published count over a published denominator.
 *
 * @csspart controls - The form controls (with `controls`).
 * @csspart status - The loading, empty or error message.
 * @csspart figure - The chart and table, with their caption.
 * @csspart caption - The figure's caption.
 * @csspart chart - The bar chart.
 * @csspart legend - The chart's legend and the key to the symbols.
 * @csspart table - The data tables.
 * @csspart view-toggle - The chart/table switch.
 * @csspart download - The "Download this data (CSV)" button.
 *
 * @cssproperty --core-text-colour - Text colour (default: `--govuk-text-colour`, #0b0c0c).
 * @cssproperty --core-series-colour - The area's bars (default: `--govuk-brand-colour`, #1d70b8).
 * @cssproperty --core-compare-colour - Comparison bars of a numeric question (default: #505a5f).
 * @cssproperty --core-marker-colour - Comparison markers (default: the text colour).
 * @cssproperty --core-border-colour - Table rules (default: `--govuk-border-colour`, #cecece).
 * @cssproperty --core-focus-colour - Focus highlight (default: `--govuk-focus-colour`, #ffdd00).
 * @cssproperty --core-panel-colour - Controls panel and region rows (default: #f3f2f1).
 * @cssproperty --core-button-colour - Buttons (default: `--govuk-button-background-colour`, #00703c).
 *
 * @fires core-load - The chart (or the "not available" message) is rendered.
 * @fires core-error - The feed could not be used; `event.reason` says why.
 * @fires core-sdc-warning - The element had to suppress a value the feed published (one event per value).
 */
export class CoreLaChart extends CoreFeedElement<Loaded> {
  static override styles = [coreStyles, controlStyles, comboboxStyles, viewToggleStyles, laChartStyles, printStyles];
  static override properties: PropertyDeclarations = {
    period: {},
    logType: { attribute: 'log-type' },
    la: {},
    field: {},
    compare: {},
    controls: { type: Boolean, reflect: true },
    view: { reflect: true },
    controlManifest: { state: true, attribute: false },
    selected: { state: true, attribute: false },
  };

  /** Period id, e.g. `2024-25` or `2024-25-q1-q3` (default: the latest in the feed). */
  period = '';

  /** Log type: `sr-gn`, `sr-sh`, `ar-gn`, `ar-sh`, `rtb-gn`, `rtb-sh` or `sales` (default: the first with data). */
  logType = '';

  /** GSS code of the local authority (or a region; default: England). */
  la = '';

  /** The question: a CORE variable name such as `hhtype` or `wrent` (default: the first published by LA). */
  field = '';

  /**
   * What to compare with, space-separated: `region` (the LA's region), `england`, area codes,
   * `all` (adds a table of every LA), or `none`. Default `region england`.
   */
  compare = '';

  /** Show form controls to choose the period, type, LA and question. */
  controls = false;

  /** `chart` (chart and table) or `table` (the table only). */
  view: 'chart' | 'table' = 'chart';

  private controlManifest: Manifest | undefined;
  private selected: Selection | undefined;

  private readonly picker = new Combobox(this, {
    id: 'core-la',
    label: msg(undefined, 'controlLa'),
    hint: msg(undefined, 'controlLaHint'),
    listLabel: msg(undefined, 'controlLaList'),
    resultsMessage: (count) => (count === 0 ? msg(this.messages, 'controlNoResults') : msg(this.messages, 'controlResults', { count })),
    onSelect: (value) => {
      this.la = value === this.controlManifest?.geography.england.code ? '' : value;
    },
  });

  protected selection(): readonly unknown[] {
    return [this.period, this.logType, this.la, this.field, this.compare];
  }

  protected async load(signal: AbortSignal): Promise<Loaded> {
    const manifest = await this.client.manifest(this.src, { signal });
    this.controlManifest = manifest;
    const period = findPeriod(manifest, this.period);
    const sel = resolveSelection(manifest, period, this.logType.trim(), this.field.trim());
    this.selected = sel;
    const ctx = { manifest, ...sel, la: this.la.trim(), compare: parseCompare(this.compare), messages: this.messages };
    if (sel.field.show === 'national') return nationalOnlyView(ctx);
    const q = { period: period.id, logType: sel.logType.id, field: sel.field.id };
    if (usesSummary(sel.field)) return toNumericView(ctx, await loadSummary(this.client, this.src, manifest, q, { signal }));
    if (!documentIndex(manifest, period.id, sel.logType.id)?.la.includes(sel.field.id)) {
      throw new FeedError('missing', `This feed has no local authority table for "${sel.field.label}" (${sel.logType.label}, ${period.label}).`);
    }
    const table = await this.client.table(this.src, DOCUMENT_PATHS.la(period.id, sel.logType.id, sel.field.id), { signal });
    return toCategoricalView(ctx, table);
  }

  override render(): TemplateResult {
    return html`${this.controls ? this.renderControls() : nothing}<div class="core-la-chart__result">${super.render()}</div>`;
  }

  protected renderView(view: Loaded): TemplateResult {
    const download = renderCsvDownload({ label: msg(this.messages, 'downloadCsv'), filename: view.filename, csv: () => toCsv(view.csv()) });
    return html`<div class="core-toolbar">
        ${renderViewToggle({
          label: msg(this.messages, 'viewToggle'),
          views: [{ value: 'chart', label: msg(this.messages, 'viewChart') }, { value: 'table', label: msg(this.messages, 'viewTable') }],
          value: this.view,
          onChange: (v) => { this.view = v; },
        })}
      </div>
      ${renderLaFigure(view, { messages: this.messages, mode: this.view, after: download })}`;
  }

  private renderControls(): TemplateResult | typeof nothing {
    const manifest = this.controlManifest;
    const sel = this.selected;
    if (!manifest) return nothing;
    const period = sel?.period.id ?? '';
    const logType = sel?.logType.id ?? this.logType;
    const geo = manifest.geography;
    const options: ComboboxOption[] = [
      { value: geo.england.code, label: geo.england.name, group: 'England and regions' },
      ...geo.regions.map((r) => ({ value: r.code, label: r.name, group: 'England and regions' })),
      ...areaGroups(manifest).flatMap((g) => g.options.map((o) => ({ ...o, group: g.label }))),
    ];
    this.picker.options = options;
    this.picker.value = this.la.trim() || geo.england.code;
    // Keeps what was chosen where (p, t) has it: a log type without LA tables in a new period gives
    // way to the first with them (`resolveSelection`), a question without an LA table to the first.
    const keep = (p: string, t: string) => {
      const index = documentIndex(manifest, p, t);
      if (!index?.la[0]) this.logType = '';
      if (this.field && !(index?.la.includes(this.field) || index?.summary.includes(this.field))) this.field = '';
    };
    return html`<form class="core-controls" part="controls" @submit=${(e: Event) => e.preventDefault()}>
      ${renderSelect({
        id: 'core-period', label: msg(this.messages, 'controlPeriod'), value: period, options: periodOptions(manifest, 'la'),
        onChange: (v) => { keep(v, logType); this.period = v; },
      })}
      ${renderSelect({
        id: 'core-log-type', label: msg(this.messages, 'controlLogType'), value: logType, options: logTypeOptions(manifest, period, 'la'),
        onChange: (v) => { keep(period, v); this.logType = v; },
      })}
      ${this.picker.render()}
      ${renderSelect({
        id: 'core-field', label: msg(this.messages, 'controlField'), value: sel?.field.id ?? this.field,
        groups: period && logType ? fieldGroups(manifest, { period, logType: logType as Selection['logType']['id'], documents: ['la', 'summary'] }) : [],
        onChange: (v) => { this.field = v; },
      })}
    </form>`;
  }
}
