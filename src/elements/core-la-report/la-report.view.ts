/**
 * The pre-defined LA report: a fixed set of key questions, by section, for one LA against its
 * region and England. Pure: the element fetches, this module says what to fetch and derives.
 */
import type { FieldInfo, LogTypeId, Manifest, PeriodInfo, LogTypeInfo, SymbolCode } from '../../feed/types.js';
import { FeedError } from '../../feed/errors.js';
import type { SdcCell } from '../shared/events.js';
import { formatDate } from '../shared/format.js';
import { msg, type Messages } from '../shared/messages.js';
import { joinList } from '../shared/summary.js';
import { resolveAreas, type LaChartView } from '../core-la-chart/la-chart.view.js';
import { REPORT_SECTIONS, type ReportSectionSpec } from '../../feed/report.js';

export { REPORT_SECTIONS, type ReportSectionSpec } from '../../feed/report.js';

export interface ReportItem {
  readonly field: FieldInfo;
  /** The view, or `undefined` when the feed has no table of this question for the period and type. */
  readonly view: LaChartView | undefined;
}

export interface ReportSection {
  readonly title: string;
  readonly items: readonly ReportItem[];
}

export interface LaReportView {
  readonly title: string;
  readonly meta: string;
  readonly areaName: string;
  readonly periodLabel: string;
  readonly minCount: number;
  readonly symbols: readonly SymbolCode[];
  readonly sections: readonly ReportSection[];
  readonly resuppressed: readonly SdcCell[];
  readonly emptyMessage: undefined;
}

/** The report's sections with the fields the manifest knows (questions it lacks are left out). */
export function reportPlan(manifest: Manifest, logType: LogTypeId, sections?: readonly ReportSectionSpec[]): { title: string; fields: FieldInfo[] }[] {
  const specs = sections ?? REPORT_SECTIONS[logType === 'sales' ? 'sales' : 'lettings'];
  const log = logType === 'sales' ? 'sales' : 'lettings';
  return specs
    .map((s) => ({ title: s.title, fields: s.fields.map((id) => manifest.fields.find((f) => f.id === id && f.log === log)).filter((f): f is FieldInfo => f !== undefined) }))
    .filter((s) => s.fields.length > 0);
}

export function toLaReportView(args: {
  manifest: Manifest; period: PeriodInfo; logType: LogTypeInfo; la: string; compare: readonly string[];
  sections: readonly { title: string; items: readonly ReportItem[] }[]; messages?: Partial<Messages> | undefined;
}): LaReportView {
  const { manifest, period, logType, messages } = args;
  const { area, comparators } = resolveAreas(manifest, args.la, args.compare);
  if (args.sections.every((s) => s.items.every((i) => !i.view))) {
    throw new FeedError('missing', `This feed has none of the report's questions for ${logType.label} in ${period.label}.`);
  }
  const views = args.sections.flatMap((s) => s.items.map((i) => i.view)).filter((v): v is LaChartView => v !== undefined);
  return {
    title: msg(messages, 'laReportTitle', { area: area.name }),
    meta: msg(messages, 'laReportMeta', {
      logType: logType.label,
      period: period.label,
      version: manifest.dataVersion,
      date: formatDate(manifest.generatedAt.slice(0, 10)),
    }) + (comparators.length ? ` ${msg(messages, 'laReportCompare', { compare: joinList(comparators.map((c) => c.name)) })}` : ''),
    areaName: area.name,
    periodLabel: period.label,
    minCount: manifest.disclosure.minCount,
    symbols: ['c', 'x', 'z'],
    sections: args.sections,
    resuppressed: views.flatMap((v) => v.resuppressed),
    emptyMessage: undefined,
  };
}
