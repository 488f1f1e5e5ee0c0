import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { FeedError } from '../../feed/errors.js';
import { CoreFeedElement, type LoadedView } from '../shared/feed-element.js';
import { heading, toHeadingLevel, type HeadingLevel } from '../shared/heading.js';
import { msg } from '../shared/messages.js';
import { renderBlocks } from '../shared/rich-text.js';
import { coreStyles } from '../shared/styles.js';
import { alertsStyles } from './core-alerts.styles.js';
import {
  isEmptyAlertsView, parseLimit, todayIso, toAlertsView,
  type AlertView, type AlertsLimit, type AlertsView,
} from './alerts.view.js';

type LoadedAlerts = AlertsView & LoadedView;

/**
 * @tag core-alerts
 * @summary CORE alerts — publication notices, deadlines and downtime — from the feed: the
 * latest few (for a home page) or every alert grouped by year (for an alerts page).
 *
 * Alert bodies are the feed's safe rich text (paragraphs, lists, emphasis, https/http/mailto
 * links), drawn with Lit templates: never parsed as HTML.
 *
 * @csspart status - The loading, empty or error message.
 * @csspart alert - One alert (a list item).
 *
 * @cssproperty --core-text-colour - Text colour (default: `--govuk-text-colour`, #0b0c0c).
 * @cssproperty --core-secondary-text-colour - Dates and hints (default: `--govuk-secondary-text-colour`, #484949).
 * @cssproperty --core-link-colour - Links (default: `--govuk-link-colour`, #1a65a6).
 * @cssproperty --core-link-hover-colour - Links on hover (default: `--govuk-link-hover-colour`, #0f385c).
 * @cssproperty --core-link-visited-colour - Visited links (default: `--govuk-link-visited-colour`, #54319f).
 * @cssproperty --core-focus-colour - Focus highlight (default: `--govuk-focus-colour`, #ffdd00).
 * @cssproperty --core-border-colour - Rules between alerts (default: `--govuk-border-colour`, #cecece).
 * @cssproperty --core-error-colour - Error message border (default: `--govuk-error-colour`, #ca3535).
 *
 * @fires core-load - The alerts (or the empty message) are rendered.
 * @fires core-error - The feed could not be used; `event.reason` says why.
 */
export class CoreAlerts extends CoreFeedElement<LoadedAlerts> {
  static override styles = [coreStyles, alertsStyles];
  static override properties: PropertyDeclarations = {
    limit: { converter: { fromAttribute: parseLimit, toAttribute: String } },
    allHref: { attribute: 'all-href' },
    headingLevel: { attribute: 'heading-level', converter: (v) => toHeadingLevel(v) },
    today: {},
  };

  /** How many alerts to show, newest first and unexpired (default 3), or `all`: every alert, grouped by year. */
  limit: AlertsLimit = 3;

  /** Address of the page listing every alert; shows a "View all alerts" link (not with `limit="all"`). */
  allHref = '';

  /** Level of the element's top headings (alert titles; years with `limit="all"`), 2–6. Default 2. */
  headingLevel: HeadingLevel = 2;

  /** The date expiry is judged against, as `YYYY-MM-DD` (default: today). For previews and tests. */
  today = '';

  protected selection(): readonly unknown[] {
    return [this.limit, this.today];
  }

  protected async load(signal: AbortSignal): Promise<LoadedAlerts> {
    if (this.today && !/^\d{4}-\d{2}-\d{2}$/.test(this.today)) throw new FeedError('missing', `today="${this.today}" is not a date (YYYY-MM-DD).`);
    const doc = await this.client.alerts(this.src, { signal });
    const today = this.today || todayIso();
    const view = toAlertsView(doc, this.limit, today);
    return { ...view, emptyMessage: isEmptyAlertsView(view) ? msg(this.messages, 'alertsEmpty') : undefined };
  }

  protected renderView(view: LoadedAlerts): TemplateResult {
    if (view.mode === 'all') {
      return html`${view.years.map(
        (y) => html`<section class="core-alerts__section">
          ${heading(this.headingLevel, 'core-alerts__year', y.year)}
          ${this.renderList(y.alerts, Math.min(this.headingLevel + 1, 6) as HeadingLevel)}
        </section>`,
      )}`;
    }
    return html`${this.renderList(view.alerts, this.headingLevel)}
      ${this.allHref ? html`<p class="core-alerts__all"><a href=${this.allHref}>${msg(this.messages, 'alertsViewAll')}</a></p>` : nothing}`;
  }

  private renderList(alerts: readonly AlertView[], level: HeadingLevel): TemplateResult {
    return html`<ul class="core-alerts__list">
      ${alerts.map(
        (a) => html`<li class="core-alert" part="alert">
          ${heading(level, 'core-alert__title', a.title)}
          <p class="core-alert__meta core-secondary">
            ${msg(this.messages, 'alertsPublished')} <time datetime=${a.date}>${a.dateText}</time>${a.expired
              ? html`<strong class="core-tag">${msg(this.messages, 'alertsExpired')}</strong>`
              : nothing}
          </p>
          <div class="core-alert__body">${renderBlocks(a.body)}</div>
        </li>`,
      )}
    </ul>`;
  }
}
