import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define/core-log-types.js';
import type { CoreLogTypes } from '../../src/elements/core-log-types/core-log-types.js';
import { toLogTypesView } from '../../src/elements/core-log-types/log-types.view.js';
import type { CoreSdcWarningEvent } from '../../src/elements/shared/events.js';
import { FeedError } from '../../src/feed/errors.js';
import type { Feed } from '../../src/feed/client.js';
import type { Manifest, TableDocument } from '../../src/feed/types.js';
import { expectAccessible } from './axe.js';
import { failingFeed, feedUrl, nextError, shadowText, waitForState } from './helpers.js';

async function logTypesEl(src: string, attrs: { la?: string; period?: string; feed?: Feed } = {}): Promise<CoreLogTypes> {
  const el = await fixture<CoreLogTypes>(html`<core-log-types src=${src} la=${attrs.la ?? ''} period=${attrs.period ?? ''}></core-log-types>`);
  if (attrs.feed) el.feed = attrs.feed;
  return el;
}

/** Table body as [header, value] pairs, then the total. */
function tableRows(el: CoreLogTypes): string[][] {
  return Array.from(el.shadowRoot?.querySelectorAll('tbody tr, tfoot tr') ?? []).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? ''));
}

const json = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

describe('log types view', () => {
  let manifest: Manifest;
  let table: TableDocument;
  before(async () => {
    manifest = await json<Manifest>(`${feedUrl('basic')}manifest.json`);
    table = await json<TableDocument>(`${feedUrl('basic')}data/3f9a1c2e/2024-25/log-types.json`);
  });
  const period = { id: '2024-25', label: '2024/25', year: '2024-25', quarters: 4 };

  it('England by default, with the largest type in the summary', () => {
    const v = toLogTypesView({ manifest, period, table, la: '' });
    expect(v.areaName).to.equal('England');
    expect(v.total).to.equal(6892);
    expect(v.summary).to.equal('England had 6,892 logs in 2024/25; the most common type was Social Rent General Needs (4,417).');
    expect(v.types.map((t) => t.value)).to.deep.equal([4417, 626, 1094, 110, 50, 3, 592]);
    expect(v.types[4]?.collected).to.equal('Collected from 2017/18');
    expect(v.resuppressed).to.deep.equal([]);
  });
  it('an LA, and a region', () => {
    expect(toLogTypesView({ manifest, period, table, la: 'E09000003' }).total).to.equal(1391);
    const london = toLogTypesView({ manifest, period, table, la: 'E12000007' });
    expect([london.areaName, london.total]).to.deep.equal(['London', 2328]);
  });
  it('a retired log type says so', () => {
    const retired = { ...manifest, logTypes: manifest.logTypes.map((t) => (t.id === 'sr-sh' ? { ...t, until: '2016-17' } : t)) };
    const v = toLogTypesView({ manifest: retired, period, table, la: '' });
    expect(v.types[1]?.collected).to.equal('Collected from 2004/05 to 2016/17: no longer collected');
    expect(v.types[1]?.retired).to.equal(true);
  });
  it('a log type the table lacks is [x]', () => {
    const v = toLogTypesView({ manifest, period, table: { ...table, cols: table.cols.slice(0, 6), cells: table.cells.map((r) => r.slice(0, 6)), colTotals: table.colTotals.slice(0, 6) }, la: '' });
    expect(v.types[6]?.value).to.equal('x');
  });
  it('an unknown area is "missing"', () => {
    expect(() => toLogTypesView({ manifest, period, table, la: 'E06000001' })).to.throw(FeedError, /not a local authority or region/);
  });
  it('a suppressed total: the summary says so, not a number', () => {
    const v = toLogTypesView({ manifest, period, table: { ...table, total: 'c', colTotals: table.colTotals.map(() => 'c' as const) }, la: '' });
    expect(v.summary).to.equal('The number of logs for England in 2024/25 is suppressed to protect confidentiality.');
  });
});

describe('<core-log-types>', () => {
  it('loading: a polite status message', async () => {
    const el = await logTypesEl(feedUrl('basic'), { feed: failingFeed('never') });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect(el.shadowRoot?.querySelector('[role=status]')).not.to.equal(null);
    await expectAccessible(el);
  });

  it('ready: England, latest period — list, chart and table', async () => {
    const el = await logTypesEl(feedUrl('basic'));
    await oneEvent(el, 'core-load');
    expect(el.getAttribute('state')).to.equal('ready');
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('dt').length).to.equal(7);
    expect(root.querySelector('figcaption')?.textContent).to.equal('Number of logs by type, England, 2024/25');
    expect(tableRows(el)[0]).to.deep.equal(['Social Rent General Needs', '4,417']);
    expect(tableRows(el)[7]).to.deep.equal(['All log types', '6,892']);
    expect(root.querySelectorAll('svg rect.core-chart__bar').length).to.equal(7);
    expect(root.querySelector('svg')?.getAttribute('aria-label')).to.contain('England had 6,892 logs in 2024/25');
    expect(root.querySelector('.core-key')).to.equal(null); // no symbols, no key
    await expectAccessible(el);
  });

  it('an LA and an earlier period', async () => {
    const el = await logTypesEl(feedUrl('basic'), { la: 'E08000025', period: '2023-24' });
    await waitForState(el, 'ready');
    expect(el.shadowRoot?.querySelector('figcaption')?.textContent).to.equal('Number of logs by type, Birmingham, 2023/24');
    expect(tableRows(el)[7]).to.deep.equal(['All log types', '4,454']);
    await expectAccessible(el);
  });

  it('re-renders when la changes', async () => {
    const el = await logTypesEl(feedUrl('basic'), { la: 'E09000003' });
    await waitForState(el, 'ready');
    el.la = 'E09000007';
    await waitForState(el, 'ready');
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('figcaption')?.textContent).to.contain('Camden');
  });

  it('empty: a period with no logs', async () => {
    const el = await logTypesEl(feedUrl('empty'));
    await oneEvent(el, 'core-load');
    expect(el.getAttribute('state')).to.equal('empty');
    expect(shadowText(el)).to.equal('No logs have been published for England in 2024/25.');
    await expectAccessible(el);
  });

  it('suppressed: a leaked 1 is shown as [c], complements added, core-sdc-warning fired', async () => {
    const warnings: CoreSdcWarningEvent[] = [];
    const warn = console.warn;
    const logged: string[] = [];
    console.warn = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const el = document.createElement('core-log-types');
      el.addEventListener('core-sdc-warning', (e) => warnings.push(e));
      el.setAttribute('la', 'E09000007');
      el.setAttribute('src', feedUrl('suppressed'));
      const loaded = oneEvent(el, 'core-load');
      document.body.append(el);
      await loaded;
      expect(tableRows(el)).to.deep.equal([
        ['Social Rent General Needs', '655'],
        ['Social Rent Supported Housing', '120'],
        ['Affordable Rent General Needs', '88'],
        ['Affordable Rent Supported Housing', '9'],
        ['Rent to Buy General Needs', '[c]'],
        ['Rent to Buy Supported Housing', '[c]'],
        ['Sales', '61'],
        ['All log types', '938'],
      ]);
      expect(el.shadowRoot?.querySelector('.core-key')?.textContent).to.contain('[c] = suppressed to protect confidentiality: fewer than 3 records');
      // Suppressed values are never bars.
      expect(el.shadowRoot?.querySelectorAll('svg rect.core-chart__bar').length).to.equal(5);
      expect(el.shadowRoot?.querySelectorAll('svg rect.core-chart__gap').length).to.equal(2);
      expect(warnings.map((w) => `${w.cell.row} ${w.cell.col} ${w.cell.rule}`)).to.deep.equal([
        'E09000007 rtb-sh primary',
        'E09000007 rtb-gn complementary',
        'E92000001 rtb-gn complementary',
        'E09000003 rtb-gn complementary',
        'E12000007 rtb-gn complementary',
      ]);
      expect(logged.length).to.equal(5);
      expect(logged.join('\n')).not.to.match(/\b1\b.*value|value.*\b1\b/); // the value is never logged
      await expectAccessible(el);
      el.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('suppressed: England\u2019s lone [c] total gets a complement', async () => {
    const el = await logTypesEl(feedUrl('suppressed'));
    await waitForState(el, 'ready');
    const rows = tableRows(el);
    expect(rows[4]).to.deep.equal(['Rent to Buy General Needs', '[c]']);
    expect(rows[5]).to.deep.equal(['Rent to Buy Supported Housing', '[c]']);
    const numbers = rows.map((r) => r[1]);
    expect(numbers).not.to.include('1');
    expect(numbers).not.to.include('2');
    expect(shadowText(el)).to.contain('Some numbers are suppressed to protect confidentiality.');
  });

  const fixtureErrors: [string, string, RegExp][] = [
    ['wrong-version', 'version', /2\.0\.0.*1\.x/],
    ['bad-shape', 'shape', /cells\[1\] has 3 values, expected 7/],
    ['not-json', 'not-json', /not JSON/],
    ['does-not-exist', 'http', /404/],
  ];
  for (const [feed, reason, detail] of fixtureErrors) {
    it(`error (${reason}) from the ${feed} feed`, async () => {
      const el = await logTypesEl(feedUrl(feed));
      const event = await nextError(el);
      expect(event.reason).to.equal(reason);
      expect(el.getAttribute('state')).to.equal('error');
      expect(el.shadowRoot?.querySelector('[role=alert]')?.textContent).to.match(detail);
      await expectAccessible(el);
    });
  }

  it('error (missing): a period the feed does not have', async () => {
    const el = await logTypesEl(feedUrl('basic'), { period: '2019-20' });
    expect((await nextError(el)).reason).to.equal('missing');
    expect(shadowText(el)).to.contain('The data asked for is not published.');
  });

  it('error (missing): an area the feed does not have', async () => {
    const el = await logTypesEl(feedUrl('basic'), { la: 'E06000001' });
    expect((await nextError(el)).reason).to.equal('missing');
    await expectAccessible(el);
  });

  for (const reason of ['network', 'timeout', 'aborted'] as const) {
    it(`error (${reason}) from an injected client`, async () => {
      const el = await logTypesEl(feedUrl('basic'), { feed: failingFeed(reason, 5) });
      expect((await nextError(el)).reason).to.equal(reason);
      expect(el.getAttribute('state')).to.equal('error');
      await expectAccessible(el);
    });
  }
});
