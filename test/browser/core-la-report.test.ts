import { expect, fixture, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/define/core-la-report.js';
import type { CoreLaReport } from '../../src/elements/core-la-report/core-la-report.js';
import { REPORT_PAGE_STYLE } from '../../src/elements/core-la-report/core-la-report.js';
import { reportPlan } from '../../src/elements/core-la-report/la-report.view.js';
import type { CoreSdcWarningEvent } from '../../src/elements/shared/events.js';
import type { Feed, RequestOptions } from '../../src/feed/client.js';
import { FeedClient } from '../../src/feed/client.js';
import type { Manifest } from '../../src/feed/types.js';
import { expectAccessible } from './axe.js';
import { failingFeed, feedUrl, nextError, shadowText, waitForState } from './helpers.js';

interface Attrs { la?: string; period?: string; logType?: string; feed?: Feed }

async function reportEl(src: string, a: Attrs = {}): Promise<CoreLaReport> {
  const el = await fixture<CoreLaReport>(html`<core-la-report src=${src} la=${a.la ?? ''} period=${a.period ?? ''} log-type=${a.logType ?? ''}></core-la-report>`);
  if (a.feed) el.feed = a.feed;
  return el;
}

const figure = (el: Element, caption: string): Element | undefined =>
  Array.from(el.shadowRoot?.querySelectorAll('figure') ?? []).find((f) => f.querySelector('figcaption')?.textContent?.trim() === caption);
const tableRows = (root: Element | undefined): string[][] =>
  Array.from(root?.querySelectorAll('tbody tr, tfoot tr') ?? []).map((tr) => Array.from(tr.children).map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

/** A page client whose fetches are listed in `urls`. */
function countingClient(): { client: FeedClient; urls: string[] } {
  const urls: string[] = [];
  const client = new FeedClient({ fetch: (url, init) => (urls.push(url), fetch(url, init)) });
  return { client, urls };
}

/** A page client that reads a feed as 1.0 did: its manifest without the report documents' index. */
class FeedWithoutReports extends FeedClient {
  override async manifest(src: string | undefined, options?: RequestOptions): Promise<Manifest> {
    const m = await super.manifest(src, options);
    const documents = Object.fromEntries(Object.entries(m.documents).map(([period, byType]) => [
      period, Object.fromEntries(Object.entries(byType).map(([type, { report: _, ...index }]) => [type, index])),
    ]));
    return { ...m, documents };
  }
}

describe('LA report plan (pure)', () => {
  it('keeps the sections and the questions the feed knows, in order', async () => {
    const manifest = (await (await fetch(`${feedUrl('la-basic')}manifest.json`)).json()) as Manifest;
    expect(reportPlan(manifest, 'sr-gn').map((s) => [s.title, s.fields.map((f) => f.id)])).to.deep.equal([
      ['Household', ['hhtype', 'age1', 'sex1']],
      ['Tenancy', ['tenancy']],
      ['Property', ['unittype_gn', 'beds']],
      ['Rent', ['wrent']],
      ['Previous situation', ['homeless']],
    ]);
    // The la-basic manifest knows the sales question "value" but has no summary of it: the report notes it.
    expect(reportPlan(manifest, 'sales').map((s) => s.title)).to.deep.equal(['Sale', 'Buyers and finance']);
  });
});

describe('<core-la-report>', () => {
  it('loading', async () => {
    const el = await reportEl(feedUrl('la-basic'), { feed: failingFeed('never') });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    await expectAccessible(el);
  });

  it('a report for Camden: heading, data version, key, every section against London and England', async () => {
    const el = await reportEl(feedUrl('la-basic'), { la: 'E09000007', logType: 'sr-gn' });
    await oneEvent(el, 'core-load');
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).to.equal('Local authority report: Camden');
    expect(root.querySelector('.core-report__meta')?.textContent).to.equal(
      'Social Rent General Needs, 2024/25. Data version 2024-25-r1, published 20 November 2025. Each question is compared with London and England.');
    expect(Array.from(root.querySelectorAll('.core-key__item')).map((p) => p.textContent)).to.deep.equal([
      '[c] = suppressed to protect confidentiality: fewer than 3 records', '[x] = not available', '[z] = not applicable',
    ]);
    expect(Array.from(root.querySelectorAll('h3')).map((h) => h.textContent)).to.deep.equal(['Household', 'Tenancy', 'Property', 'Rent', 'Previous situation']);
    expect(Array.from(root.querySelectorAll('figcaption')).map((c) => c.textContent)).to.deep.equal([
      'Household type', "Lead tenant's age", "Lead tenant's sex", 'Type of main tenancy', 'Type of unit', 'Number of bedrooms', 'Weekly basic rent',
      'Household assessed as homeless by a local authority',
    ]);
    // Household type: Camden 28 of 109 known answers = 25.7%; London 86 / 336 = 25.6%; England 191 / 761 = 25.1%.
    const hhtype = figure(el, 'Household type');
    expect(hhtype?.querySelector('.core-summary')?.textContent).to.equal(
      'In Camden in 2024/25, the most common answer was 1 elder (60+): 25.7% of known answers, compared with 25.6% in London and 25.1% in England.');
    expect(tableRows(hhtype)[0]).to.deep.equal(['1 elder (60+)', '28', '25.7%', '86', '25.6%', '191', '25.1%']);
    expect(tableRows(figure(el, 'Weekly basic rent'))).to.deep.equal([
      ['Camden', '100', '£170.25', '£165.00'], ['London', '303', '£163.70', '£158.00'], ['England', '673', '£133.49', '£125.50'],
    ]);
    expect(tableRows(figure(el, "Lead tenant's sex"))[2]).to.deep.equal(['Non-binary', '[c]', '[c]', '8', '2.4%', '15', '2.0%']);
    // Homeless: 57 of 94 known answers = 60.6%.
    expect(tableRows(figure(el, 'Household assessed as homeless by a local authority'))[0]?.slice(0, 3)).to.deep.equal(['Yes - assessed by a local authority as homeless', '57', '60.6%']);
    // One key at the top, none repeated under each table; no download buttons or toggles in a report.
    expect(root.querySelectorAll('.core-key').length).to.equal(1);
    expect(root.querySelectorAll('.core-download, .core-view-toggle').length).to.equal(0);
    await expectAccessible(el);
  });

  it('an LA with fewer than 3 records: every question says "not available", nothing else', async () => {
    const el = await reportEl(feedUrl('la-basic'), { la: 'E09000012' });
    await waitForState(el, 'ready');
    const notes = Array.from(el.shadowRoot!.querySelectorAll('figure .core-status')).map((p) => p.textContent ?? '');
    expect(notes.length).to.equal(8);
    expect(notes.every((n) => n.startsWith('Not available for this area: fewer than 3 records.'))).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('table').length).to.equal(0);
    await expectAccessible(el);
  });

  it('"Print or save as PDF" calls window.print()', async () => {
    const el = await reportEl(feedUrl('la-basic'), { la: 'E09000003' });
    await waitForState(el, 'ready');
    const print = window.print;
    let printed = 0;
    window.print = () => { printed++; };
    try {
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=print]')!;
      expect(button.textContent).to.equal('Print or save as PDF');
      button.click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
  });

  it('print: A4 page rule on the document, button hidden, figures kept whole', async () => {
    const el = await reportEl(feedUrl('la-basic'), { la: 'E09000003' });
    await waitForState(el, 'ready');
    const rules = document.adoptedStyleSheets.flatMap((s) => Array.from(s.cssRules).map((r) => r.cssText));
    expect(rules.filter((r) => /^@page \{ size: a4; margin: 15mm 14mm 18mm; \}$/i.test(r)).length, REPORT_PAGE_STYLE).to.equal(1);
    await emulateMedia({ media: 'print' });
    try {
      const button = el.shadowRoot!.querySelector('button[part=print]')!;
      expect(getComputedStyle(button).display).to.equal('none');
      const fig = el.shadowRoot!.querySelector('figure')!;
      expect(getComputedStyle(fig).breakInside).to.equal('avoid');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  describe('requests (DESIGN §6: at most the manifest and one data document)', () => {
    const cases: [string, Attrs, string][] = [
      ['an LA: its region\'s report document', { la: 'E09000003' }, '2024-25/sr-gn/report/E12000007.json'],
      ['a region: its own', { la: 'E12000005' }, '2024-25/sr-gn/report/E12000005.json'],
      ['England: the first region\'s (every report document holds England)', { la: '' }, '2024-25/sr-gn/report/E12000007.json'],
      ['sales', { la: 'E08000026', logType: 'sales' }, '2024-25/sales/report/E12000005.json'],
      ['an earlier period', { la: 'E09000007', period: '2023-24' }, '2023-24/sr-gn/report/E12000007.json'],
    ];
    for (const [name, attrs, document] of cases) {
      it(`${name}: 2 requests`, async () => {
        const { client, urls } = countingClient();
        const el = await reportEl(feedUrl('la-basic'), { logType: 'sr-gn', ...attrs, feed: client });
        await waitForState(el, 'ready');
        expect(urls).to.deep.equal([`${feedUrl('la-basic')}manifest.json`, `${feedUrl('la-basic')}data/la000001/${document}`]);
        expect(client.requestCount).to.be.at.most(2);
      });
    }

    it('a second report and a chart on the page add no request for the same region', async () => {
      const { client, urls } = countingClient();
      const a = await reportEl(feedUrl('la-basic'), { la: 'E09000003', feed: client });
      const b = await reportEl(feedUrl('la-basic'), { la: 'E09000007', feed: client });
      await Promise.all([waitForState(a, 'ready'), waitForState(b, 'ready')]);
      expect(urls.length).to.equal(2);
    });

    it('a comparator LA in another region adds that region\'s document', async () => {
      const { client, urls } = countingClient();
      const el = await fixture<CoreLaReport>(html`<core-la-report src=${feedUrl('la-basic')} la="E09000007" compare="region england E08000025" .feed=${client}></core-la-report>`);
      await waitForState(el, 'ready');
      expect(urls.map((u) => u.slice(feedUrl('la-basic').length))).to.deep.equal([
        'manifest.json', 'data/la000001/2024-25/sr-gn/report/E12000007.json', 'data/la000001/2024-25/sr-gn/report/E12000005.json',
      ]);
      expect(tableRows(figure(el, 'Weekly basic rent'))).to.deep.equal([
        ['Camden', '100', '£170.25', '£165.00'], ['London', '303', '£163.70', '£158.00'], ['England', '673', '£133.49', '£125.50'], ['Birmingham', '250', '£110.40', '£108.00'],
      ]);
    });

    it('a 1.0 feed (no report documents): the manifest and one document per question (8)', async () => {
      const client = new FeedWithoutReports();
      const el = await reportEl(feedUrl('la-basic'), { la: 'E09000003', feed: client });
      await waitForState(el, 'ready');
      expect(client.requestCount).to.equal(1 + 8);
    });
  });

  describe('the same report from the report document as from one document per question', () => {
    const cases: [string, Attrs & { compare?: string }][] = [
      ['la-basic', { la: 'E09000007' }], ['la-basic', { la: 'E09000003' }], ['la-basic', { la: 'E09000012' }], ['la-basic', { la: 'E08000026' }],
      ['la-basic', { la: 'E12000007' }], ['la-basic', { la: '' }], ['la-basic', { la: 'E09000007', compare: 'all' }],
      ['la-basic', { la: 'E09000003', logType: 'sales' }], ['la-basic', { la: 'E09000007', period: '2023-24' }],
      ['la-leaky', { la: 'E09000007' }], ['la-leaky', { la: 'E08000026' }],
    ];
    for (const [feed, attrs] of cases) {
      it(`${feed} ${attrs.la || 'England'}${attrs.compare ? ` compare="${attrs.compare}"` : ''}${attrs.logType ? ` ${attrs.logType}` : ''}${attrs.period ? ` ${attrs.period}` : ''}`, async () => {
        const warn = console.warn;
        console.warn = () => {};
        try {
          const render = async (client: FeedClient) => {
            const el = await fixture<CoreLaReport>(html`<core-la-report src=${feedUrl(feed)} la=${attrs.la ?? ''} log-type=${attrs.logType ?? 'sr-gn'}
              period=${attrs.period ?? ''} compare=${attrs.compare ?? ''} .feed=${client}></core-la-report>`);
            await waitForState(el, 'ready');
            return new XMLSerializer().serializeToString(el.shadowRoot!).replace(/<!--[^]*?-->/g, '');
          };
          const fromReport = await render(new FeedClient());
          expect(fromReport).to.contain('core-figure');
          expect(fromReport).to.equal(await render(new FeedWithoutReports()));
        } finally {
          console.warn = warn;
        }
      });
    }
  });

  it('sales: its own sections', async () => {
    const el = await reportEl(feedUrl('la-basic'), { la: 'E09000003', logType: 'sales' });
    await waitForState(el, 'ready');
    expect(Array.from(el.shadowRoot!.querySelectorAll('h3')).map((h) => h.textContent)).to.deep.equal(['Sale', 'Buyers and finance']);
    expect(shadowText(el)).to.contain('Ownership scheme');
    expect(figure(el, 'Full purchase price')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Full purchase price Not in this feed for this period and type of letting or sale.');
  });

  // The report re-checks what it reads: its region's report document. In London's, Camden's sex1
  // X = 1 and R = 2 (primary) and Hackney's wrent n = 2 with its mean and median; in the West
  // Midlands', Coventry's lone R and its complements (Coventry X, Birmingham X and R).
  // (`<core-la-chart>`, reading the whole LA table, reports all of them: 5 + 3.)
  const leaky: [string, string, string[]][] = [
    ['Camden', 'E09000007', ['E09000007 X primary', 'E09000007 R primary', 'E09000012 n primary', 'E09000012 mean primary', 'E09000012 median primary']],
    ['Coventry', 'E08000026', ['E08000026 X complementary', 'E08000025 X complementary', 'E08000025 R complementary']],
  ];
  for (const [name, la, expected] of leaky) {
    it(`a leaky feed, ${name}: the re-check hides the leaked values and warns (${expected.length})`, async () => {
      const warnings: CoreSdcWarningEvent[] = [];
      const warn = console.warn;
      console.warn = () => {};
      try {
        const el = document.createElement('core-la-report');
        el.addEventListener('core-sdc-warning', (e) => warnings.push(e));
        el.setAttribute('src', feedUrl('la-leaky'));
        el.setAttribute('la', la);
        const loaded = oneEvent(el, 'core-load');
        document.body.append(el);
        await loaded;
        expect(warnings.map((w) => `${w.cell.row} ${w.cell.col} ${w.cell.rule}`)).to.deep.equal(expected);
        const cells = Array.from(el.shadowRoot!.querySelectorAll('td')).map((td) => td.textContent?.trim());
        expect(cells.filter((t) => t === '1' || t === '2')).to.deep.equal([]);
        el.remove();
      } finally {
        console.warn = warn;
      }
    });
  }

  describe('errors', () => {
    const cases: [string, Attrs & { src: string }, string][] = [
      ['schema version 2', { src: feedUrl('wrong-version') }, 'version'],
      ['HTTP 404', { src: feedUrl('does-not-exist') }, 'http'],
      ['unknown LA', { src: feedUrl('la-basic'), la: 'E06000001' }, 'missing'],
      ['no report questions in the feed', { src: feedUrl('basic') }, 'missing'],
      ['network', { src: feedUrl('la-basic'), feed: failingFeed('network') }, 'network'],
    ];
    // The report document itself broken: the whole report fails (as a listed LA table would).
    const brokenReport = (body: string, status = 200) => new FeedClient({
      fetch: (url, init) => (url.includes('/report/') ? Promise.resolve(new Response(body, { status })) : fetch(url, init)),
    });
    cases.push(
      ['a report document that is not one', { src: feedUrl('la-basic'), feed: brokenReport('{"schemaVersion": "1.1.0", "kind": "report", "tables": [{}]}') }, 'shape'],
      ['a report document of schema version 2', { src: feedUrl('la-basic'), feed: brokenReport('{"schemaVersion": "2.0.0", "kind": "report"}') }, 'version'],
      ['a report document missing (HTTP 404)', { src: feedUrl('la-basic'), feed: brokenReport('Not found', 404) }, 'http'],
    );
    for (const [name, attrs, reason] of cases) {
      it(`${name}: an error message, core-error "${reason}"`, async () => {
        const el = await reportEl(attrs.src, attrs);
        if (el.getAttribute('state') !== 'error') expect((await nextError(el)).reason).to.equal(reason);
        await waitForState(el, 'error');
        await expectAccessible(el);
      });
    }
  });
});
