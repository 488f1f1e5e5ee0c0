import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Feed } from '../src/feed/client.js';
import { CoreLaChart } from '../src/elements/core-la-chart/core-la-chart.js';
import { fakeFeed, fixtureFeed } from './support.js';

// Registered here (stories/support.ts registers the elements it knows about).
if (!customElements.get('core-la-chart')) customElements.define('core-la-chart', CoreLaChart);

interface Args {
  src: string;
  period: string;
  logType: string;
  la: string;
  field: string;
  compare: string;
  controls: boolean;
  view: 'chart' | 'table';
  feed?: Feed;
}

const LAS = { England: '', Barnet: 'E09000003', Camden: 'E09000007', 'Hackney (fewer than 3 records)': 'E09000012', Birmingham: 'E08000025' };
const FEEDS = ['la-basic', 'la-leaky', 'wrong-version', 'not-json', 'does-not-exist'].map(fixtureFeed);

const meta: Meta<Args> = {
  title: 'Elements/core-la-chart',
  component: 'core-la-chart',
  args: { src: fixtureFeed('la-basic'), period: '', logType: 'sr-gn', la: 'E09000003', field: 'hhtype', compare: '', controls: false, view: 'chart' },
  argTypes: {
    src: { control: 'select', options: FEEDS },
    period: { control: 'select', options: ['', '2024-25', '2023-24'] },
    logType: { control: 'select', options: ['', 'sr-gn', 'sales'] },
    la: { control: 'select', options: Object.values(LAS), labels: Object.fromEntries(Object.entries(LAS).map(([k, v]) => [v, k])) },
    field: { control: 'select', options: ['', 'sex1', 'hhtype', 'age1', 'tenancy', 'unittype_gn', 'beds', 'wrent', 'homeless', 'armedforces', 'ownershipsch'] },
    compare: { control: 'text' },
    view: { control: 'inline-radio', options: ['chart', 'table'] },
    feed: { table: { disable: true } },
  },
  render: (a) => html`<core-la-chart src=${a.src} period=${a.period} log-type=${a.logType} la=${a.la} field=${a.field} compare=${a.compare}
    view=${a.view} ?controls=${a.controls} .feed=${a.feed ?? undefined}></core-la-chart>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A categorical question: the percentage giving each answer, against London and England (markers). */
export const Categorical: Story = {};

/** A numeric question: valid count, mean and median (average weekly rent). */
export const Numeric: Story = { args: { field: 'wrent' } };

/** Camden has counts of 1 and 2 (suppressed in the feed): `[c]` in the table, a dashed gap in the chart, no percentage. */
export const SuppressedCells: Story = { name: 'Suppressed cells', args: { la: 'E09000007', field: 'sex1' } };

/** Hackney had fewer than 3 records: "not available for this area". */
export const SuppressedLa: Story = { name: 'Suppressed LA (fewer than 3 records)', args: { la: 'E09000012', field: 'sex1' } };

/** A sensitive question published for England only. */
export const NationalOnly: Story = { name: 'National-only question', args: { field: 'armedforces' } };

/** Benchmark against another LA only. */
export const CompareWithAnotherLa: Story = { name: 'Compare with another LA', args: { field: 'sex1', compare: 'E08000025' } };

/** Every LA in a table, grouped by region. */
export const EveryLa: Story = { name: 'Compare with every LA', args: { field: 'sex1', compare: 'region england all' } };

export const TableOnly: Story = { args: { view: 'table' } };

/** GOV.UK controls: period, type, a searchable LA picker (combobox) and questions grouped by section. */
export const Controls: Story = { args: { controls: true, field: 'sex1' } };

/** A leaky feed (counts of 1 and 2 published): the element re-checks, shows `[c]` and fires `core-sdc-warning`. */
export const LeakyFeedRechecked: Story = { name: 'Leaky feed re-checked', args: { src: fixtureFeed('la-leaky'), la: 'E09000007', field: 'sex1' } };

export const Loading: Story = { args: { feed: fakeFeed('never') } };
export const ErrorWrongVersion: Story = { name: 'Error: schema version 2', args: { src: fixtureFeed('wrong-version') } };
export const ErrorNotJson: Story = { name: 'Error: not JSON', args: { src: fixtureFeed('not-json') } };
export const ErrorNotFound: Story = { name: 'Error: HTTP 404', args: { src: fixtureFeed('does-not-exist') } };
export const ErrorUnknownQuestion: Story = { name: 'Error: question not in the feed', args: { field: 'nope' } };
export const ErrorUnknownLa: Story = { name: 'Error: LA not in the feed', args: { la: 'E06000001' } };
export const ErrorWrongLog: Story = { name: 'Error: lettings question on sales', args: { logType: 'sales', field: 'sex1' } };
export const ErrorNetwork: Story = { name: 'Error: network', args: { feed: fakeFeed('network') } };
export const ErrorTimeout: Story = { name: 'Error: timeout', args: { feed: fakeFeed('timeout') } };
