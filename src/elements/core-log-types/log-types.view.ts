/** Manifest + log-type counts → what `<core-log-types>` shows. Pure: no DOM, no fetch. */
import type { Count, LogTypeId, Manifest, PeriodInfo, TableDocument } from '../../feed/types.js';
import type { SdcCell } from '../shared/events.js';
import { areaLine, recheckAreaTable } from '../shared/area-table.js';
import type { BarChartView } from '../shared/bar-chart.js';
import { formatCount, formatYear } from '../shared/format.js';
import { msg, type Messages } from '../shared/messages.js';
import type { TableView } from '../shared/table.js';

export interface LogTypeView {
  readonly id: LogTypeId;
  readonly label: string;
  readonly description: string;
  /** "Collected from 2017/18", or "Collected from 2012/13 to 2016/17: no longer collected". */
  readonly collected: string;
  readonly retired: boolean;
  readonly value: Count;
}

export interface LogTypesView {
  readonly areaCode: string;
  readonly areaName: string;
  readonly periodLabel: string;
  readonly caption: string;
  /** One sentence: the total and the largest type, or why it cannot be said. */
  readonly summary: string;
  readonly types: readonly LogTypeView[];
  readonly total: Count;
  readonly table: TableView;
  readonly chart: BarChartView;
  /** The message for an area and period with no logs; `undefined` when there is something to show. */
  readonly emptyMessage: string | undefined;
  readonly resuppressed: readonly SdcCell[];
}

export interface LogTypesInput {
  readonly manifest: Manifest;
  readonly period: PeriodInfo;
  readonly table: TableDocument;
  /** An LA or region code; `''` for England. */
  readonly la: string;
  readonly messages?: Partial<Messages>;
}

export function toLogTypesView({ manifest, period, table, la, messages }: LogTypesInput): LogTypesView {
  const minCount = manifest.disclosure.minCount;
  const checked = recheckAreaTable(table, manifest);
  const line = areaLine(checked.doc, manifest, la, period.label);
  const types: LogTypeView[] = manifest.logTypes.map((t) => {
    const col = checked.doc.cols.indexOf(t.id);
    const from = formatYear(t.from);
    return {
      id: t.id,
      label: t.label,
      description: t.description,
      collected: t.until ? msg(messages, 'logTypesRetired', { from, until: formatYear(t.until) }) : msg(messages, 'logTypesCollected', { from }),
      retired: t.until !== undefined,
      value: col >= 0 ? (line.values[col] ?? 'x') : 'x',
    };
  });
  const params = { area: line.name, period: period.label };
  const caption = msg(messages, 'logTypesCaption', params);
  const summary = summarise(types, line.total, params, messages);
  return {
    areaCode: line.code,
    areaName: line.name,
    periodLabel: period.label,
    caption,
    summary,
    types,
    total: line.total,
    table: {
      caption,
      captionHidden: true,
      columns: [msg(messages, 'logTypesLogType'), msg(messages, 'logTypesLogs')],
      rows: types.map((t) => ({ header: t.label, values: [t.value] })),
      foot: { header: msg(messages, 'logTypesTotal'), values: [line.total] },
      minCount,
    },
    chart: { summary: `${msg(messages, 'logTypesChart')}. ${summary}`, bars: types.map((t) => ({ label: t.label, value: t.value })) },
    emptyMessage: line.total === 0 ? msg(messages, 'logTypesEmpty', params) : undefined,
    resuppressed: checked.resuppressed,
  };
}

function summarise(types: readonly LogTypeView[], total: Count, params: { area: string; period: string }, messages?: Partial<Messages>): string {
  if (typeof total !== 'number') return msg(messages, 'logTypesSummarySuppressed', params);
  let top: LogTypeView | undefined;
  for (const t of types) if (typeof t.value === 'number' && (!top || t.value > (top.value as number))) top = t;
  const sentence = msg(messages, 'logTypesSummary', {
    ...params,
    count: total,
    total: formatCount(total),
    top: top?.label ?? '',
    topCount: typeof top?.value === 'number' ? formatCount(top.value) : '',
  });
  return types.some((t) => t.value === 'c') ? `${sentence} ${msg(messages, 'suppressedNote')}` : sentence;
}
