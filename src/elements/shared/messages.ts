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
  // The sentence after a summary or chart that shows a [c] (every element).
  suppressedNote: 'Some numbers are suppressed to protect confidentiality.',
  symbolC: 'suppressed to protect confidentiality: fewer than {min} records',
  symbolX: 'not available',
  symbolZ: 'not applicable',
  chartSuppressed: 'suppressed',
  alertsEmpty: 'There are no alerts at the moment.',
  alertsViewAll: 'View all alerts',
  alertsPublished: 'Published',
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
  logTypesChart: 'Bar chart of the number of logs by type',
  // Shared controls, CSV download, chart/table toggle (controls.ts, csv.ts, view-toggle.ts).
  controlPeriod: 'Period',
  controlLogType: 'Type of letting or sale',
  controlLa: 'Local authority',
  controlLaHint: 'Start typing a name or region, then choose from the list',
  controlLaList: 'Local authorities by region',
  controlField: 'Question',
  controlResults: { one: '{count} result available', other: '{count} results available' },
  controlNoResults: 'No local authority matches',
  downloadCsv: 'Download this data (CSV)',
  viewToggle: 'Show the data as',
  viewChart: 'Chart and table',
  viewTable: 'Table only',
  // <core-la-chart> and <core-la-report>.
  laChartCaption: '{field}: {area}, {logType}, {period}',
  laChartAnswer: 'Answer',
  laChartNumber: 'Number',
  laChartPercent: '%',
  laChartTotal: 'All records',
  laChartArea: 'Area',
  laChartCount: 'Valid records',
  laChartMean: 'Mean',
  laChartMedian: 'Median',
  laChartBasisKnown: 'Percentages are of the records where the answer is known.',
  laChartBasisAll: 'Percentages are of all records, including "not known", because the number of known answers is suppressed for {area}.',
  laChartNoPercent: 'Percentages are not shown for {area} because its total is suppressed to protect confidentiality.',
  laChartSummary: 'In {area} in {period}, the most common answer was {top}: {pct} of {basis}',
  laChartSummaryBasisKnown: 'known answers',
  laChartSummaryBasisAll: 'all records',
  laChartSummaryCompare: ', compared with {list}',
  laChartSummaryIn: '{value} in {area}',
  laChartSummaryNone: 'No percentages can be shown for {area} in {period}.',
  laChartSummaryNumeric: 'In {area} in {period}, the mean {field} was {mean} ({n} records)',
  laChartSummaryNumericNone: 'The mean {field} for {area} in {period} is not published.',
  laChartFewer: 'Not available for this area: fewer than {min} records. {area} had fewer than {min} {logType} records answering this question in {period}, so its figures are not published.',
  laChartNoRecords: '{area} had no {logType} records in {period}.',
  laChartNational: '"{field}" is not published at local authority level. It is a sensitive question, published for England only.',
  laChartChart: 'Bar chart',
  laChartAllCaption: '{field}: every local authority, {logType}, {period} (number of records)',
  laChartAllTitle: 'Every local authority',
  laReportTitle: 'Local authority report: {area}',
  laReportMeta: '{logType}, {period}. Data version {version}, published {date}.',
  laReportCompare: 'Each question is compared with {compare}.',
  laReportPrint: 'Print or save as PDF',
  laReportSymbols: 'Symbols used',
  laReportMissing: 'Not in this feed for this period and type of letting or sale.',
  // <core-crosstab>
  crosstabCaption: '{x} by {y}: {logType}, England, {period}',
  crosstabTotal: 'Total',
  crosstabBase: 'Number with a known answer',
  crosstabNoteRow: 'Percentages are of each row’s records with a known answer to “{y}”; “not known” answers are left out.',
  crosstabNoteColumn: 'Percentages are of each column’s records with a known answer to “{x}”; “not known” answers are left out.',
  crosstabNoteTotal: 'Percentages are of the records with known answers to both questions; “not known” answers are left out.',
  crosstabNoteRounding: 'Percentages may not add up to 100% because of rounding.',
  crosstabSummary: 'England, {period}: {total} {logType} logs. The largest group is “{xLabel}” with “{yLabel}” ({value}).',
  crosstabSummaryNoGroup: 'England, {period}: {total} {logType} logs.',
  crosstabSummarySuppressed: 'The number of {logType} logs in England in {period} is suppressed to protect confidentiality.',
  crosstabEmpty: 'No {logType} logs have been published for England in {period}.',
  crosstabTable: 'Table',
  crosstabChart: 'Chart',
  crosstabChartTable: 'Show the numbers in this chart as a table',
  crosstabChartType: 'Chart type',
  crosstabColumn: 'Columns',
  crosstabBar: 'Bars',
  crosstabPie: 'Pies',
  crosstabPercentages: 'Numbers or percentages',
  crosstabPctNone: 'Numbers',
  crosstabPctRow: 'Percentages of each row',
  crosstabPctColumn: 'Percentages of each column',
  crosstabPctTotal: 'Percentages of the total',
  crosstabX: 'Rows: question',
  crosstabY: 'Columns: question',
  crosstabSwap: 'Swap rows and columns',
  crosstabScroll: '{caption} (scroll to see all of the table)',
  crosstabPart: '{caption}, rows {from} to {to} of {rows}',
  crosstabChartLabel: 'Chart of {caption}. {summary}',
  crosstabPieLabel: 'Pie chart: {label}',
  crosstabChartTooMany: 'A chart can compare at most {max} answers to “{y}”, and this one has {count}. Swap rows and columns, or read the table.',
  crosstabPieTooManySlices: 'Pies are not available: “{y}” has more than {max} known answers.',
  crosstabPieTooManyPies: 'Pies are not available: there would be one pie for each of the {count} answers to “{x}”, more than {max}.',
  crosstabPieSuppressed: 'Pies are not available: some numbers are suppressed, and a pie cannot show a missing slice.',
  crosstabPieEmpty: 'Pies are not available: some rows have no known answers.',
  crosstabGapKey: 'Dashed outline: suppressed [c], no bar drawn',
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
