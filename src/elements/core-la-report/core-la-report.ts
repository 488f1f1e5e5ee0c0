import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { findPeriod } from '../../feed/client.js';
import { isFeedError } from '../../feed/errors.js';
import { DOCUMENT_PATHS, type FieldInfo, type LogTypeInfo, type Manifest, type PeriodInfo, type ReportDocument } from '../../feed/types.js';
import { controlStyles, documentIndex } from '../shared/controls.js';
import { CoreFeedElement } from '../shared/feed-element.js';
import { heading, toHeadingLevel, type HeadingLevel } from '../shared/heading.js';
import { msg } from '../shared/messages.js';
import { adoptPageStyle, printStyles } from '../shared/print.js';
import { coreStyles } from '../shared/styles.js';
import { loadSummary } from '../shared/summary-doc.js';
import { renderKey } from '../shared/table.js';
import { laChartStyles } from '../core-la-chart/core-la-chart.styles.js';
import { renderLaFigure } from '../core-la-chart/la-chart.render.js';
import {
  nationalOnlyView, parseCompare, resolveAreas, resolveSelection, toCategoricalView, toNumericView, usesSummary, type LaChartView,
} from '../core-la-chart/la-chart.view.js';
import { laReportStyles } from './core-la-report.styles.js';
import { reportPlan, toLaReportView, type LaReportView, type ReportItem, type ReportSectionSpec } from './la-report.view.js';
import { loadReport, reportRegions, reportSummary, reportTable } from './report-doc.js';

/** A4 with GOV.UK-like margins; added to the document once (a shadow root cannot hold `@page`). */
export const REPORT_PAGE_STYLE = '@page { size: A4; margin: 15mm 14mm 18mm; }';

/**
 * @tag core-la-report
 * @summary A printable, pre-defined report for one local authority (LA): the key CORE
 * questions (household, tenancy, property, rent, previous situation — or, for sales, the sale,
 * property, buyers and finance) against its region and England, headed with the LA, period,
 * data version and the key to the symbols, laid out for A4, with a "Print or save as PDF" button.
 *
 * Every question follows `<core-la-chart>`'s disclosure rules (re-check, "not available" for
 * fewer than 3 records, national-only questions never shown for an LA). The report reads the
 * manifest and the report document of the LA's region (feed 1.1; a comparator LA in another
 * region adds its region's document), or, from a 1.0 feed, one document per question — all
 * shared with any other element on the page.
 *
 * @csspart status - The loading or error message.
 * @csspart figure - One question's chart and table.
 * @csspart caption - A question's caption.
 * @csspart chart - A question's bar chart.
 * @csspart legend - Legends and the key to the symbols.
 * @csspart table - The data tables.
 * @csspart print - The "Print or save as PDF" button.
 *
 * @cssproperty --core-text-colour - Text colour (default: `--govuk-text-colour`, #0b0c0c).
 * @cssproperty --core-series-colour - The LA's bars (default: `--govuk-brand-colour`, #1d70b8).
 * @cssproperty --core-marker-colour - Comparison markers (default: the text colour).
 * @cssproperty --core-border-colour - Rules (default: `--govuk-border-colour`, #cecece).
 *
 * @fires core-load - The report is rendered.
 * @fires core-error - The feed could not be used; `event.reason` says why.
 * @fires core-sdc-warning - The element had to suppress a value the feed published (one event per value).
 */
export class CoreLaReport extends CoreFeedElement<LaReportView> {
  static override styles = [coreStyles, controlStyles, laChartStyles, printStyles, laReportStyles];
  static override properties: PropertyDeclarations = {
    period: {},
    logType: { attribute: 'log-type' },
    la: {},
    compare: {},
    headingLevel: { attribute: 'heading-level', converter: (v) => toHeadingLevel(v) },
    sections: { attribute: false },
  };

  /** Period id (default: the latest in the feed). */
  period = '';

  /** Log type (default: the first with data in the period). */
  logType = '';

  /** GSS code of the local authority (or a region; default: England). */
  la = '';

  /** What to compare with, as `<core-la-chart compare>` (default `region england`). */
  compare = '';

  /** Level of the report's title (2–6); sections are one level below. Default 2. */
  headingLevel: HeadingLevel = 2;

  /** The questions, by section (default: `REPORT_SECTIONS` for lettings or sales). */
  sections: readonly ReportSectionSpec[] | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    adoptPageStyle(REPORT_PAGE_STYLE);
  }

  protected selection(): readonly unknown[] {
    return [this.period, this.logType, this.la, this.compare, this.sections];
  }

  protected async load(signal: AbortSignal): Promise<LaReportView> {
    const manifest = await this.client.manifest(this.src, { signal });
    const period = findPeriod(manifest, this.period);
    const { logType } = resolveSelection(manifest, period, this.logType.trim(), '');
    const la = this.la.trim();
    const compare = parseCompare(this.compare);
    const areas = resolveAreas(manifest, la, compare); // an unknown area fails before any document is asked for
    const plan = reportPlan(manifest, logType.id, this.sections);
    // Feed 1.1: the report's questions come from the report document of the area's region (DESIGN
    // §6: manifest + one document; a comparator LA in another region adds its region's). A 1.0
    // feed, or a question of custom `sections` that it lacks, takes one document per question.
    const index = documentIndex(manifest, period.id, logType.id);
    const reports = index?.report?.length
      ? await Promise.all(reportRegions(manifest, areas).map((region) => loadReport(this.client, this.src, { period: period.id, logType: logType.id, region }, { signal })))
      : [];
    const fromReport = reports.every((r) => r !== undefined) ? reports : [];
    const sections = await Promise.all(
      plan.map(async (s) => ({
        title: s.title,
        items: await Promise.all(s.fields.map((field) => this.item(manifest, period, logType, field, la, compare, fromReport, signal))),
      })),
    );
    return toLaReportView({ manifest, period, logType, la, compare, sections, messages: this.messages });
  }

  private async item(
    manifest: Manifest, period: PeriodInfo, logType: LogTypeInfo, field: FieldInfo, la: string, compare: readonly string[],
    reports: readonly ReportDocument[], signal: AbortSignal,
  ): Promise<ReportItem> {
    const ctx = { manifest, period, logType, field, la, compare, messages: this.messages };
    const index = documentIndex(manifest, period.id, logType.id);
    let view: LaChartView | undefined;
    try {
      if (field.show === 'national') view = nationalOnlyView(ctx);
      else if (reports.length && index?.report?.includes(field.id)) {
        if (usesSummary(field)) {
          const doc = reportSummary(reports, field.id);
          view = doc && toNumericView(ctx, doc);
        } else {
          const doc = reportTable(reports, field.id);
          view = doc && toCategoricalView(ctx, doc);
        }
      } else if (usesSummary(field)) {
        view = index?.summary.includes(field.id) ? toNumericView(ctx, await loadSummary(this.client, this.src, manifest, { period: period.id, logType: logType.id, field: field.id }, { signal })) : undefined;
      } else if (index?.la.includes(field.id)) {
        view = toCategoricalView(ctx, await this.client.table(this.src, DOCUMENT_PATHS.la(period.id, logType.id, field.id), { signal }));
      }
    } catch (error) {
      // One question missing from the feed is noted in the report; anything else fails the report.
      if (!(isFeedError(error) && error.reason === 'missing')) throw error;
      view = undefined;
    }
    return { field, view };
  }

  protected renderView(view: LaReportView): TemplateResult {
    const sub = Math.min(this.headingLevel + 1, 6) as HeadingLevel;
    return html`<article class="core-report">
      <header class="core-report__header">
        ${heading(this.headingLevel, 'core-report__title', view.title)}
        <p class="core-report__meta">${view.meta}</p>
        <p class="core-report__key-title">${msg(this.messages, 'laReportSymbols')}</p>
        ${renderKey(view.symbols, view.minCount, this.messages)}
        <button type="button" class="core-button core-no-print" part="print" @click=${() => window.print()}>${msg(this.messages, 'laReportPrint')}</button>
      </header>
      ${view.sections.map(
        (s) => html`<section class="core-report__section">
          ${heading(sub, 'core-report__section-title', s.title)}
          ${s.items.map((item) =>
            item.view
              ? renderLaFigure(item.view, { messages: this.messages, caption: item.field.label, key: false })
              : html`<figure class="core-figure"><figcaption class="core-figure__caption">${item.field.label}</figcaption>
                  <p class="core-report__missing">${msg(this.messages, 'laReportMissing')}</p></figure>`,
          )}
        </section>`,
      )}
    </article>`;
  }
}

