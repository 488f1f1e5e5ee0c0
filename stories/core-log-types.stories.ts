import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Feed } from '../src/feed/client.js';
import { FIXTURE_FEEDS, defineElements, fakeFeed, fixtureFeed } from './support.js';

defineElements();

interface Args {
  src: string;
  period: string;
  la: string;
  feed?: Feed;
}

const AREAS = { England: '', 'London (region)': 'E12000007', Barnet: 'E09000003', Camden: 'E09000007', Birmingham: 'E08000025' };

const meta: Meta<Args> = {
  title: 'Elements/core-log-types',
  component: 'core-log-types',
  args: { src: fixtureFeed('basic'), period: '', la: '' },
  argTypes: {
    src: { control: 'select', options: FIXTURE_FEEDS },
    period: { control: 'select', options: ['', '2024-25', '2024-25-q1', '2023-24'] },
    la: { control: 'select', options: Object.values(AREAS), labels: Object.fromEntries(Object.entries(AREAS).map(([k, v]) => [v, k])) },
    feed: { table: { disable: true } },
  },
  render: (args) => html`<core-log-types src=${args.src} period=${args.period} la=${args.la} .feed=${args.feed ?? undefined}></core-log-types>`,
};
export default meta;
type Story = StoryObj<Args>;

/** England, latest period: from `src` alone. */
export const England: Story = {};

export const LocalAuthority: Story = { args: { la: 'E09000003' } };

export const Region: Story = { args: { la: 'E12000007' } };

/** A year-to-date snapshot. */
export const QuarterSnapshot: Story = { args: { la: 'E08000025', period: '2024-25-q1' } };

/**
 * The `suppressed` feed publishes Camden's Rent to Buy Supported Housing count as 1 (a leak).
 * The element shows `[c]`, suppresses a complement, and fires `core-sdc-warning`.
 */
export const SuppressedLeakRechecked: Story = { name: 'Suppressed: leaked 1 re-checked', args: { src: fixtureFeed('suppressed'), la: 'E09000007' } };

/** England's Rent to Buy Supported Housing total is a lone `[c]` next to a published total: a complement is added. */
export const SuppressedEngland: Story = { name: 'Suppressed: lone [c] re-checked', args: { src: fixtureFeed('suppressed') } };

export const Empty: Story = { args: { src: fixtureFeed('empty') } };

export const Loading: Story = { args: { feed: fakeFeed('never') } };

export const ErrorWrongVersion: Story = { name: 'Error: schema version 2', args: { src: fixtureFeed('wrong-version') } };
export const ErrorBadShape: Story = { name: 'Error: malformed document', args: { src: fixtureFeed('bad-shape') } };
export const ErrorNotJson: Story = { name: 'Error: not JSON', args: { src: fixtureFeed('not-json') } };
export const ErrorNotFound: Story = { name: 'Error: HTTP 404', args: { src: fixtureFeed('does-not-exist') } };
export const ErrorMissingArea: Story = { name: 'Error: area not in the feed', args: { la: 'E06000001' } };
export const ErrorNetwork: Story = { name: 'Error: network', args: { feed: fakeFeed('network') } };
export const ErrorTimeout: Story = { name: 'Error: timeout', args: { feed: fakeFeed('timeout') } };
