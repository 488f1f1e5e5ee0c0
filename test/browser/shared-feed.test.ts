// Its own file, so its own page: the page's shared feed client starts with an empty cache.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define.js';
import { feedClient } from '../../src/feed/client.js';
import { feedUrl, mount, waitForState } from './helpers.js';

describe('one feed client per page', () => {
  it('ten elements sharing one feed make exactly one request per document', async () => {
    const src = feedUrl('basic');
    const el = mount(html`
      ${[0, 1, 2, 3, 4].map(() => html`<core-log-types src=${src}></core-log-types>`)}
      ${[0, 1, 2].map(() => html`<core-alerts src=${src} today="2026-01-01"></core-alerts>`)}
      <core-log-types src=${`${src}manifest.json`} la="E09000003"></core-log-types>
      <core-log-types src=${src} la="E09000007"></core-log-types>
    `);
    const elements = Array.from(el.children) as HTMLElement[];
    expect(elements.length).to.equal(10);
    await Promise.all(elements.map((e) => waitForState(e, 'ready')));
    const requested = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.includes('/fixtures/feeds/basic/'))
      .map((name) => name.slice(name.indexOf('/fixtures/feeds/basic/') + '/fixtures/feeds/basic/'.length));
    expect(requested.sort()).to.deep.equal(['alerts.json', 'data/3f9a1c2e/2024-25/log-types.json', 'manifest.json']);
    expect(feedClient.requestCount).to.equal(3);
  });
});
