import { expect, fixture, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/define/core-la-report.js';
import type { CoreLaReport } from '../../src/elements/core-la-report/core-la-report.js';
import { REPORT_PAGE_STYLE } from '../../src/elements/core-la-report/core-la-report.js';
import { reportPlan } from '../../src/elements/core-la-report/la-report.view.js';
import type { CoreSdcWarningEvent } from '../../src/elements/shared/events.js';
import type { Feed } from '../../src/feed/client.js';
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
    // Household type: Camden 28 of 109 known answers = 25.7%; London 85 / 336 = 25.3%; England 190 / 761 = 25.0%.
    const hhtype = figure(el, 'Household type');
    expect(hhtype?.querySelector('.core-summary')?.textContent).to.equal(
      'In Camden in 2024/25, the most common answer was 1 elder (60+): 25.7% of known answers, compared with 25.3% in London and 25.0% in England.');
    expect(tableRows(hhtype)[0]).to.deep.equal(['1 elder (60+)', '28', '25.7%', '85', '25.3%', '190', '25.0%']);
    expect(tableRows(figure(el, 'Weekly basic rent'))).to.deep.equal([
      ['Camden', '100', '£170.25', '£165.00'], ['London', '303', '£163.70', '£158.00'], ['England', '673', '£133.49', '£125.50'],
    ]);
    expect(tableRows(figure(el, "Lead tenant's sex"))[2]).to.deep.equal(['Non-binary', '[c]', '[c]', '6', '1.8%', '13', '1.7%']);
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

  it('reads the manifest once and one document per question (8), shared with the page client', async () => {
    const client = new FeedClient();
    const el = await reportEl(feedUrl('la-basic'), { la: 'E09000003', feed: client });
    await waitForState(el, 'ready');
    expect(client.requestCount).to.equal(1 + 8);
  });

  it('sales: its own sections', async () => {
    const el = await reportEl(feedUrl('la-basic'), { la: 'E09000003', logType: 'sales' });
    await waitForState(el, 'ready');
    expect(Array.from(el.shadowRoot!.querySelectorAll('h3')).map((h) => h.textContent)).to.deep.equal(['Sale', 'Buyers and finance']);
    expect(shadowText(el)).to.contain('Ownership scheme');
    expect(figure(el, 'Full purchase price')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Full purchase price Not in this feed for this period and type of letting or sale.');
  });

  it('a leaky feed: the re-check hides the leaked values and warns', async () => {
    const warnings: CoreSdcWarningEvent[] = [];
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = document.createElement('core-la-report');
      el.addEventListener('core-sdc-warning', (e) => warnings.push(e));
      el.setAttribute('src', feedUrl('la-leaky'));
      el.setAttribute('la', 'E09000007');
      const loaded = oneEvent(el, 'core-load');
      document.body.append(el);
      await loaded;
      expect(warnings.length).to.equal(5 + 3);
      const cells = Array.from(el.shadowRoot!.querySelectorAll('td')).map((td) => td.textContent?.trim());
      expect(cells.filter((t) => t === '1' || t === '2')).to.deep.equal([]);
      el.remove();
    } finally {
      console.warn = warn;
    }
  });

  describe('errors', () => {
    const cases: [string, Attrs & { src: string }, string][] = [
      ['schema version 2', { src: feedUrl('wrong-version') }, 'version'],
      ['HTTP 404', { src: feedUrl('does-not-exist') }, 'http'],
      ['unknown LA', { src: feedUrl('la-basic'), la: 'E06000001' }, 'missing'],
      ['no report questions in the feed', { src: feedUrl('basic') }, 'missing'],
      ['network', { src: feedUrl('la-basic'), feed: failingFeed('network') }, 'network'],
    ];
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
