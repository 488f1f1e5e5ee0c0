import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Feed } from '../src/feed/client.js';
import { CoreCrosstab } from '../src/elements/core-crosstab/core-crosstab.js';
import { FIXTURE_FEEDS, defineElements, fakeFeed, fixtureFeed } from './support.js';

defineElements();
// Registered here as well as in support.ts's list of the original elements (see the note there).
if (!customElements.get('core-crosstab')) customElements.define('core-crosstab', CoreCrosstab);

interface Args {
  src: string;
  period: string;
  'log-type': string;
  x: string;
  y: string;
  display: 'table' | 'chart';
  chart: 'column' | 'bar' | 'pie';
  percentages: 'none' | 'row' | 'column' | 'total';
  controls: boolean;
  feed?: Feed;
}

const QUESTIONS = ['sex1', 'ecstat1', 'ethnic', 'nationality_all'];

const meta: Meta<Args> = {
  title: 'Elements/core-crosstab',
  component: 'core-crosstab',
  args: { src: fixtureFeed('crosstab-basic'), period: '', 'log-type': '', x: 'sex1', y: 'ecstat1', display: 'table', chart: 'column', percentages: 'none', controls: false },
  argTypes: {
    src: { control: 'select', options: [fixtureFeed('crosstab-basic'), fixtureFeed('crosstab-leaky'), ...FIXTURE_FEEDS] },
    period: { control: 'select', options: ['', '2024-25', '2023-24'] },
    'log-type': { control: 'select', options: ['', 'sr-gn', 'sr-sh', 'ar-gn'] },
    x: { control: 'select', options: QUESTIONS },
    y: { control: 'select', options: QUESTIONS },
    display: { control: 'inline-radio', options: ['table', 'chart'] },
    chart: { control: 'inline-radio', options: ['column', 'bar', 'pie'] },
    percentages: { control: 'inline-radio', options: ['none', 'row', 'column', 'total'] },
    feed: { table: { disable: true } },
  },
  render: (a) => html`<core-crosstab src=${a.src} period=${a.period} log-type=${a['log-type']} x=${a.x} y=${a.y}
    display=${a.display} chart=${a.chart} percentages=${a.percentages} ?controls=${a.controls} .feed=${a.feed ?? undefined}></core-crosstab>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Lead tenant's sex by working situation: counts with row and column totals. */
export const Table: Story = {};

export const RowPercentages: Story = { args: { percentages: 'row' } };
export const ColumnPercentages: Story = { args: { percentages: 'column' } };
/** Shares of the records with both answers known. */
export const TotalPercentages: Story = { args: { percentages: 'total' } };

export const ColumnChart: Story = { args: { display: 'chart', chart: 'column' } };
export const BarChart: Story = { args: { display: 'chart', chart: 'bar', percentages: 'row' } };
/** One pie per sex: honest here (few answers, nothing suppressed). */
export const PieCharts: Story = { args: { display: 'chart', chart: 'pie' } };

/** 2023/24 has a suppressed rectangle: `[c]` in the table, dashed gaps in the chart, no percentages of hidden lines. */
export const Suppressed: Story = { args: { period: '2023-24' } };
export const SuppressedRowPercentages: Story = { args: { period: '2023-24', percentages: 'row' } };
export const SuppressedChart: Story = { args: { period: '2023-24', display: 'chart', chart: 'bar' } };
/** Pies are refused, with the reason, where they would hide suppressed values. */
export const PieRefused: Story = { name: 'Pie refused: suppressed values', args: { period: '2023-24', display: 'chart', chart: 'pie' } };

/**
 * A leaky feed publishes a 2 and a lone `[c]` next to its total: the element re-suppresses them
 * (and their complements) and fires `core-sdc-warning`.
 */
export const LeakyFeedRechecked: Story = { name: 'Suppressed: leaky feed re-checked', args: { src: fixtureFeed('crosstab-leaky') } };

/** Nationality (200 answers) by ethnic group (20): the table scrolls, its headings stay in view. */
export const TwoHundredRows: Story = { name: '200 rows × 20 columns', args: { 'log-type': 'ar-gn', x: 'nationality_all', y: 'ethnic' } };
/** 200 series cannot be a chart: the reason, and the table. */
export const TooManySeries: Story = { name: 'Chart refused: too many series', args: { 'log-type': 'ar-gn', x: 'ethnic', y: 'nationality_all', display: 'chart' } };

/** The analysis tool: selects for the period, type and both questions. */
export const WithControls: Story = { args: { controls: true } };

export const Empty: Story = { args: { 'log-type': 'sr-sh' } };
export const Loading: Story = { args: { feed: fakeFeed('never') } };

export const ErrorMissingPair: Story = { name: 'Error: pair not published', args: { x: 'sex1', y: 'nationality_all' } };
export const ErrorNoCrosstabs: Story = { name: 'Error: feed without crosstabs', args: { src: fixtureFeed('basic') } };
export const ErrorWrongVersion: Story = { name: 'Error: schema version 2', args: { src: fixtureFeed('wrong-version') } };
export const ErrorNotJson: Story = { name: 'Error: not JSON', args: { src: fixtureFeed('not-json') } };
export const ErrorNotFound: Story = { name: 'Error: HTTP 404', args: { src: fixtureFeed('does-not-exist') } };
export const ErrorNetwork: Story = { name: 'Error: network', args: { feed: fakeFeed('network') } };
export const ErrorTimeout: Story = { name: 'Error: timeout', args: { feed: fakeFeed('timeout') } };
