import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { findPeriod } from '../../feed/client.js';
import { renderBarChart } from '../shared/bar-chart.js';
import { CoreFeedElement } from '../shared/feed-element.js';
import { coreStyles } from '../shared/styles.js';
import { renderTable } from '../shared/table.js';
import { logTypesStyles } from './core-log-types.styles.js';
import { toLogTypesView, type LogTypesView } from './log-types.view.js';

/**
 * @tag core-log-types
 * @summary The seven CORE log types, what each covers and since when, and how many logs of
 * each type an area (England, a region or an LA) had in a period — as a bar chart and a table.
 *
 * Disclosure control is re-checked before anything is drawn: a count of 1 or 2 is shown as
 * `[c]`, a lone suppressed value next to a published total gets a complementary suppression,
 * and each re-suppression fires `core-sdc-warning`. Suppressed values are never drawn as bars.
 *
 * @csspart status - The loading, empty or error message.
 * @csspart figure - The chart and table, with their caption.
 * @csspart caption - The figure's caption.
 * @csspart chart - The bar chart's SVG.
 * @csspart table - The data table.
 * @csspart legend - The key to the symbols `[c]`, `[x]`, `[z]`.
 *
 * @cssproperty --core-text-colour - Text colour (default: `--govuk-text-colour`, #0b0c0c).
 * @cssproperty --core-secondary-text-colour - Hints and the suppressed-value marker (default: `--govuk-secondary-text-colour`, #484949).
 * @cssproperty --core-series-colour - Bar colour (default: `--govuk-brand-colour`, #1d70b8).
 * @cssproperty --core-border-colour - Table rules (default: `--govuk-border-colour`, #cecece).
 * @cssproperty --core-error-colour - Error message border (default: `--govuk-error-colour`, #ca3535).
 *
 * @fires core-load - The counts (or the empty message) are rendered.
 * @fires core-error - The feed could not be used; `event.reason` says why.
 * @fires core-sdc-warning - The element had to suppress a value the feed published (one event per value).
 */
export class CoreLogTypes extends CoreFeedElement<LogTypesView> {
  static override styles = [coreStyles, logTypesStyles];
  static override properties: PropertyDeclarations = {
    period: {},
    la: {},
  };

  /** Period id, e.g. `2024-25` or `2024-25-q1-q3` (default: the latest in the feed). */
  period = '';

  /** GSS code of a local authority or region (default: England). */
  la = '';

  protected selection(): readonly unknown[] {
    return [this.period, this.la];
  }

  protected async load(signal: AbortSignal): Promise<LogTypesView> {
    const manifest = await this.client.manifest(this.src, { signal });
    const period = findPeriod(manifest, this.period);
    const table = await this.client.logTypes(this.src, period.id, { signal });
    return toLogTypesView({ manifest, period, table, la: this.la.trim(), messages: this.messages });
  }

  protected renderView(view: LogTypesView): TemplateResult {
    return html`<dl class="core-log-types__list">
        ${view.types.map(
          (t) => html`<div class="core-log-types__item">
            <dt>${t.label}</dt>
            <dd>${t.description} <span class="core-log-types__collected core-secondary">${t.collected}</span></dd>
          </div>`,
        )}
      </dl>
      <figure class="core-figure" part="figure">
        <figcaption class="core-figure__caption" part="caption">${view.caption}</figcaption>
        <p class="core-summary">${view.summary}</p>
        ${renderBarChart(view.chart, this.messages)}
        ${renderTable(view.table, this.messages)}
      </figure>`;
  }
}
