import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Feed } from '../src/feed/client.js';
import { FIXTURE_FEEDS, defineElements, fakeFeed, fixtureFeed } from './support.js';

defineElements();

interface Args {
  src: string;
  limit: string;
  'all-href': string;
  'heading-level': number;
  today: string;
  feed?: Feed;
}

const meta: Meta<Args> = {
  title: 'Elements/core-alerts',
  component: 'core-alerts',
  args: { src: fixtureFeed('basic'), limit: '3', 'all-href': '#all-alerts', 'heading-level': 2, today: '2026-01-01' },
  argTypes: {
    src: { control: 'select', options: FIXTURE_FEEDS },
    limit: { control: 'text' },
    feed: { table: { disable: true } },
  },
  render: (args) => html`<core-alerts
    src=${args.src}
    limit=${args.limit}
    all-href=${ifDefined(args['all-href'] || undefined)}
    heading-level=${args['heading-level']}
    today=${args.today}
    .feed=${args.feed ?? undefined}
  ></core-alerts>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The home-page list: the three newest alerts that have not expired, and a link to the rest. */
export const Latest: Story = {};

/** The alerts page: every alert, expired ones too, grouped by year. */
export const AllAlertsByYear: Story = { args: { limit: 'all', 'all-href': '', 'heading-level': 2 } };

export const Empty: Story = { args: { src: fixtureFeed('empty') } };

/** Waiting for the feed (a fake feed that never answers). */
export const Loading: Story = { args: { feed: fakeFeed('never') } };

/** Markdown with `<script>`, `<img onerror>`, `javascript:` links and raw HTML: shown as inert text. */
export const HostileContent: Story = { args: { src: fixtureFeed('hostile'), limit: 'all', 'all-href': '' } };

export const ErrorWrongVersion: Story = { name: 'Error: schema version 2', args: { src: fixtureFeed('wrong-version') } };
export const ErrorBadShape: Story = { name: 'Error: malformed document', args: { src: fixtureFeed('bad-shape') } };
export const ErrorNotJson: Story = { name: 'Error: not JSON', args: { src: fixtureFeed('not-json') } };
export const ErrorNotFound: Story = { name: 'Error: HTTP 404', args: { src: fixtureFeed('does-not-exist') } };
export const ErrorNetwork: Story = { name: 'Error: network', args: { feed: fakeFeed('network') } };
export const ErrorTimeout: Story = { name: 'Error: timeout', args: { feed: fakeFeed('timeout') } };
