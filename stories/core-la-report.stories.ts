import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Feed } from '../src/feed/client.js';
import { CoreLaReport } from '../src/elements/core-la-report/core-la-report.js';
import { fakeFeed, fixtureFeed } from './support.js';

if (!customElements.get('core-la-report')) customElements.define('core-la-report', CoreLaReport);

interface Args {
  src: string;
  period: string;
  logType: string;
  la: string;
  compare: string;
  feed?: Feed;
}

const LAS = { England: '', Barnet: 'E09000003', Camden: 'E09000007', 'Hackney (fewer than 3 records)': 'E09000012' };

const meta: Meta<Args> = {
  title: 'Elements/core-la-report',
  component: 'core-la-report',
  args: { src: fixtureFeed('la-basic'), period: '', logType: 'sr-gn', la: 'E09000007', compare: '' },
  argTypes: {
    src: { control: 'select', options: ['la-basic', 'la-leaky', 'basic', 'wrong-version', 'does-not-exist'].map(fixtureFeed) },
    logType: { control: 'select', options: ['sr-gn', 'sales'] },
    la: { control: 'select', options: Object.values(LAS), labels: Object.fromEntries(Object.entries(LAS).map(([k, v]) => [v, k])) },
    feed: { table: { disable: true } },
  },
  render: (a) => html`<core-la-report src=${a.src} period=${a.period} log-type=${a.logType} la=${a.la} compare=${a.compare} .feed=${a.feed ?? undefined}></core-la-report>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The pre-defined report: household, tenancy, property, rent, previous situation, against London and England. */
export const Report: Story = {};
export const Sales: Story = { args: { logType: 'sales', la: 'E09000003' } };
/** Every question "not available": fewer than 3 records. */
export const SuppressedLa: Story = { name: 'Suppressed LA', args: { la: 'E09000012' } };
export const LeakyFeedRechecked: Story = { name: 'Leaky feed re-checked', args: { src: fixtureFeed('la-leaky') } };
export const Loading: Story = { args: { feed: fakeFeed('never') } };
export const ErrorNoQuestions: Story = { name: 'Error: no report questions in the feed', args: { src: fixtureFeed('basic') } };
export const ErrorWrongVersion: Story = { name: 'Error: schema version 2', args: { src: fixtureFeed('wrong-version') } };
export const ErrorNotFound: Story = { name: 'Error: HTTP 404', args: { src: fixtureFeed('does-not-exist') } };
export const ErrorUnknownLa: Story = { name: 'Error: LA not in the feed', args: { la: 'E06000001' } };
export const ErrorNetwork: Story = { name: 'Error: network', args: { feed: fakeFeed('network') } };
