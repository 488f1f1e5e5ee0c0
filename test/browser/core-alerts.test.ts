import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define/core-alerts.js';
import type { CoreAlerts } from '../../src/elements/core-alerts/core-alerts.js';
import { parseLimit, toAlertsView } from '../../src/elements/core-alerts/alerts.view.js';
import type { AlertsDocument } from '../../src/feed/types.js';
import type { Feed } from '../../src/feed/client.js';
import { expectAccessible } from './axe.js';
import { failingFeed, feedUrl, nextError, shadowText, waitForState } from './helpers.js';

const TODAY = '2026-01-01';
const titles = (el: CoreAlerts) => Array.from(el.shadowRoot?.querySelectorAll('.core-alert__title') ?? []).map((h) => h.textContent?.trim());

async function alertsEl(src: string, attrs: { limit?: string; allHref?: string; feed?: Feed } = {}): Promise<CoreAlerts> {
  const el = await fixture<CoreAlerts>(html`<core-alerts src=${src} today=${TODAY} limit=${attrs.limit ?? '3'} all-href=${attrs.allHref ?? ''}></core-alerts>`);
  if (attrs.feed) el.feed = attrs.feed;
  return el;
}

describe('alerts view', () => {
  const doc: AlertsDocument = {
    schemaVersion: '1.0.0', kind: 'alerts',
    alerts: [
      { id: 'b', title: 'B', date: '2025-01-01', body: [] },
      { id: 'a', title: 'A', date: '2025-01-01', body: [] },
      { id: 'old', title: 'Old', date: '2023-05-01', body: [] },
      { id: 'exp', title: 'Expired', date: '2025-06-01', expires: '2025-06-10', body: [] },
      { id: 'edge', title: 'Expires today', date: '2025-06-02', expires: TODAY, body: [] },
    ],
  };
  it('latest: newest first, ties by id, expired (from the expiry date) hidden, limited', () => {
    const view = toAlertsView(doc, 3, TODAY);
    expect(view.mode === 'latest' && view.alerts.map((a) => a.id)).to.deep.equal(['a', 'b', 'old']);
  });
  it('all: every alert, grouped by year, newest year first', () => {
    const view = toAlertsView(doc, 'all', TODAY);
    expect(view.mode === 'all' && view.years.map((y) => [y.year, y.alerts.map((a) => a.id)])).to.deep.equal([
      ['2025', ['edge', 'exp', 'a', 'b']],
      ['2023', ['old']],
    ]);
  });
  it('GOV.UK dates', () => {
    const view = toAlertsView(doc, 1, TODAY);
    expect(view.mode === 'latest' && view.alerts[0]?.dateText).to.equal('1 January 2025');
  });
  const limits: [string | null, number | 'all'][] = [[null, 3], ['5', 5], ['all', 'all'], [' ALL ', 'all'], ['0', 3], ['-1', 3], ['two', 3], ['2.5', 3]];
  for (const [attr, expected] of limits) it(`limit ${JSON.stringify(attr)} → ${expected}`, () => expect(parseLimit(attr)).to.equal(expected));
});

describe('<core-alerts>', () => {
  it('loading: a polite status message', async () => {
    const el = await alertsEl(feedUrl('basic'), { feed: failingFeed('never') });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).to.equal('Loading…');
    await expectAccessible(el);
  });

  it('ready: the three newest unexpired alerts, dates, bodies and the "View all" link', async () => {
    const el = await alertsEl(feedUrl('basic'), { allHref: '/alerts' });
    await oneEvent(el, 'core-load');
    expect(el.getAttribute('state')).to.equal('ready');
    expect(titles(el)).to.deep.equal([
      'Year-end deadline: complete your 2024/25 logs by 6 June 2025',
      'New lettings and sales log forms for 2025/26',
      'Social housing lettings in England, April 2023 to March 2024: statistics published',
    ]);
    const root = el.shadowRoot!;
    expect(root.querySelector('time')?.getAttribute('datetime')).to.equal('2025-05-01');
    expect(root.querySelector('time')?.textContent).to.equal('1 May 2025');
    expect(root.querySelector('h2.core-alert__title')).not.to.equal(null);
    expect(root.querySelector('.core-alert strong')?.textContent).to.equal('Friday 6 June 2025');
    expect(root.querySelector('.core-alert ul li em')?.textContent).to.equal('Specified accommodation');
    const links = Array.from(root.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['form guidance', 'https://www.gov.uk/government/collections/core-lettings-and-sales'],
      ['View all alerts', '/alerts'],
    ]);
    expect(shadowText(el)).not.to.contain('CORE unavailable'); // expired
    await expectAccessible(el);
  });

  it('limit="all": every alert grouped by year, expired ones marked, no "View all" link', async () => {
    const el = await alertsEl(feedUrl('basic'), { limit: 'all', allHref: '/alerts' });
    el.headingLevel = 3;
    await waitForState(el, 'ready');
    const root = el.shadowRoot!;
    expect(Array.from(root.querySelectorAll('h3.core-alerts__year')).map((h) => h.textContent)).to.deep.equal(['2025', '2024', '2023']);
    expect(root.querySelectorAll('h4.core-alert__title').length).to.equal(5);
    expect(root.querySelector('.core-tag')?.textContent).to.equal('Expired');
    expect(titles(el)[0]).to.equal('CORE unavailable on Saturday 14 June 2025');
    expect(root.querySelector('.core-alerts__all')).to.equal(null);
    await expectAccessible(el);
  });

  it('limit="1" shows one alert', async () => {
    const el = await alertsEl(feedUrl('basic'), { limit: '1' });
    await waitForState(el, 'ready');
    expect(titles(el).length).to.equal(1);
  });

  it('empty: a status message', async () => {
    const el = await alertsEl(feedUrl('empty'));
    await oneEvent(el, 'core-load');
    expect(el.getAttribute('state')).to.equal('empty');
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent?.trim()).to.equal('There are no alerts at the moment.');
    await expectAccessible(el);
  });

  it('messages can be overridden', async () => {
    const el = await alertsEl(feedUrl('empty'));
    el.messages = { alertsEmpty: 'Nothing to report.' };
    await waitForState(el, 'empty');
    await el.updateComplete;
    expect(shadowText(el)).to.equal('Nothing to report.');
  });

  const fixtureErrors: [string, string, RegExp][] = [
    ['wrong-version', 'version', /2\.0\.0.*1\.x/],
    ['bad-shape', 'shape', /alerts\[0\] needs an id, a title and a date/],
    ['not-json', 'not-json', /not JSON/],
    ['does-not-exist', 'http', /404/],
  ];
  for (const [feed, reason, detail] of fixtureErrors) {
    it(`error (${reason}) from the ${feed} feed: an alert inside the element and a core-error event`, async () => {
      const el = await alertsEl(feedUrl(feed));
      const event = await nextError(el);
      expect(event.reason).to.equal(reason);
      expect(el.getAttribute('state')).to.equal('error');
      const alert = el.shadowRoot?.querySelector('[role=alert]');
      expect(alert?.getAttribute('data-reason')).to.equal(reason);
      expect(alert?.textContent).to.match(detail);
      await expectAccessible(el);
    });
  }

  for (const reason of ['network', 'timeout', 'aborted'] as const) {
    it(`error (${reason}) from an injected client`, async () => {
      const el = await alertsEl(feedUrl('basic'), { feed: failingFeed(reason, 5) });
      const event = await nextError(el);
      expect(event.reason).to.equal(reason);
      expect(event.error.message).to.equal(`Fake ${reason} failure.`);
      expect(el.getAttribute('state')).to.equal('error');
      expect(el.shadowRoot?.querySelector('[role=alert]')?.getAttribute('data-reason')).to.equal(reason);
      await expectAccessible(el);
    });
  }

  it('XSS: script, img onerror, javascript: links and raw HTML in an alert stay inert', async () => {
    const w = window as unknown as { __coreXss?: unknown };
    delete w.__coreXss;
    const el = await alertsEl(feedUrl('hostile'), { limit: 'all' });
    await waitForState(el, 'ready');
    await new Promise((r) => setTimeout(r, 200)); // give any injected handler time to run
    expect(w.__coreXss).to.equal(undefined);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, img, iframe, object, embed, div[onclick]').length).to.equal(0);
    const hrefs = Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://www.gov.uk/', 'mailto:core@example.gov.uk']);
    for (const node of Array.from(root.querySelectorAll('*'))) {
      for (const attr of Array.from(node.attributes)) expect(attr.name).not.to.match(/^on/);
    }
    // Markup in the feed's text is shown as text.
    expect(shadowText(el)).to.contain('Hand-edited <img src=x onerror=');
    expect(shadowText(el)).to.contain('a javascript: link');
    await expectAccessible(el);
  });
});
