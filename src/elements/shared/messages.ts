/**
 * Every user-visible string, in one place (GOV.UK Frontend's i18n shape): a message is a string,
 * or `{ one, other }` plural forms chosen with `Intl.PluralRules('en-GB')` from the `count`
 * parameter. `{name}` placeholders are filled from the parameters. An element's `messages`
 * property overrides any of them, e.g. `el.messages = { alertsViewAll: 'All notices' }`.
 */

export interface PluralMessage {
  readonly one: string;
  readonly other: string;
}
export type Message = string | PluralMessage;

export const defaultMessages = {
  loading: 'Loading…',
  errorTitle: 'Sorry, this information is not available',
  errorNetwork: 'The data could not be downloaded. Check your internet connection, then reload the page.',
  errorHttp: 'The data could not be found. Try again later.',
  errorNotJson: 'The data could not be read. Try again later.',
  errorVersion: 'The data is in a newer format than this page can show.',
  errorShape: 'The data could not be read. Try again later.',
  errorMissing: 'The data asked for is not published.',
  errorTimeout: 'The data took too long to download. Try again later.',
  errorAborted: 'The download was cancelled.',
  errorDetails: 'Technical details',
  keyTitle: 'Key to symbols',
  symbolC: 'suppressed to protect confidentiality: fewer than {min} records',
  symbolX: 'not available',
  symbolZ: 'not applicable',
  chartSuppressed: 'suppressed',
  alertsEmpty: 'There are no alerts at the moment.',
  alertsViewAll: 'View all alerts',
  alertsPublished: 'Published',
  alertsExpires: 'Expires',
  alertsExpired: 'Expired',
  logTypesCollected: 'Collected from {from}',
  logTypesRetired: 'Collected from {from} to {until}: no longer collected',
  logTypesCaption: 'Number of logs by type, {area}, {period}',
  logTypesLogType: 'Log type',
  logTypesLogs: 'Number of logs',
  logTypesTotal: 'All log types',
  logTypesEmpty: 'No logs have been published for {area} in {period}.',
  logTypesSummary: {
    one: '{area} had {total} log in {period}.',
    other: '{area} had {total} logs in {period}; the most common type was {top} ({topCount}).',
  },
  logTypesSummarySuppressed: 'The number of logs for {area} in {period} is suppressed to protect confidentiality.',
  logTypesSummaryNote: 'Some numbers are suppressed to protect confidentiality.',
  logTypesChart: 'Bar chart of the number of logs by type',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof defaultMessages;
export type Messages = { [K in MessageKey]: Message };

const pluralRules = new Intl.PluralRules('en-GB');

/**
 * The message `key` (from `overrides`, else the default) with its parameters filled in.
 * A plural message picks its form from `params.count` (a number).
 */
export function msg(overrides: Partial<Messages> | undefined, key: MessageKey, params: Record<string, string | number> = {}): string {
  const message: Message = overrides?.[key] ?? defaultMessages[key];
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = typeof params['count'] === 'number' ? params['count'] : 0;
    text = pluralRules.select(count) === 'one' ? message.one : message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
