/** Alerts document → what `<core-alerts>` shows. Pure: no DOM, no fetch. */
import type { Alert, AlertsDocument, Block } from '../../feed/types.js';
import { formatDate } from '../shared/format.js';

export type AlertsLimit = number | 'all';

export interface AlertView {
  readonly id: string;
  readonly title: string;
  /** ISO date, for `<time datetime>`. */
  readonly date: string;
  /** "7 March 2025". */
  readonly dateText: string;
  readonly expired: boolean;
  readonly expiresText: string | undefined;
  readonly body: readonly Block[];
}

export interface AlertsYear {
  readonly year: string;
  readonly alerts: readonly AlertView[];
}

export type AlertsView =
  | { readonly mode: 'latest'; readonly alerts: readonly AlertView[] }
  | { readonly mode: 'all'; readonly years: readonly AlertsYear[] };

/** `limit` attribute → `3` (default), a positive whole number, or `'all'`. */
export function parseLimit(value: string | null | undefined): AlertsLimit {
  if (value == null) return 3;
  if (value.trim().toLowerCase() === 'all') return 'all';
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

/** Today as an ISO date (UTC). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Newest first; the same date sorts by id so the order is stable. */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1));
}

/** Expired from its `expires` date on. */
export const isExpired = (alert: Alert, today: string): boolean => alert.expires !== undefined && alert.expires <= today;

function toAlertView(alert: Alert, today: string): AlertView {
  return {
    id: alert.id,
    title: alert.title,
    date: alert.date,
    dateText: formatDate(alert.date),
    expired: isExpired(alert, today),
    expiresText: alert.expires === undefined ? undefined : formatDate(alert.expires),
    body: alert.body,
  };
}

/**
 * `limit` a number: the newest `limit` alerts that have not expired.
 * `limit` `'all'`: every alert, expired ones too, grouped by calendar year, newest first.
 */
export function toAlertsView(doc: AlertsDocument, limit: AlertsLimit, today: string): AlertsView {
  const sorted = sortAlerts(doc.alerts).map((a) => toAlertView(a, today));
  if (limit !== 'all') return { mode: 'latest', alerts: sorted.filter((a) => !a.expired).slice(0, limit) };
  const years: { year: string; alerts: AlertView[] }[] = [];
  for (const alert of sorted) {
    const year = alert.date.slice(0, 4);
    const last = years[years.length - 1];
    if (last && last.year === year) last.alerts.push(alert);
    else years.push({ year, alerts: [alert] });
  }
  return { mode: 'all', years };
}

export const isEmptyAlertsView = (view: AlertsView): boolean => (view.mode === 'latest' ? view.alerts.length === 0 : view.years.length === 0);
