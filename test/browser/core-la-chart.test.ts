import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/define/core-la-chart.js';
import type { CoreLaChart } from '../../src/elements/core-la-chart/core-la-chart.js';
import {
  parseCompare, resolveSelection, toCategoricalView, toNumericView,
  type CategoricalView, type LaChartContext, type NumericView,
} from '../../src/elements/core-la-chart/la-chart.view.js';
import type { CoreSdcWarningEvent } from '../../src/elements/shared/events.js';
import { FeedClient, type Feed } from '../../src/feed/client.js';
import type { Manifest, SummaryDocument, TableDocument } from '../../src/feed/types.js';
import { expectAccessible } from './axe.js';
import { failingFeed, feedUrl, nextError, shadowText, waitForState } from './helpers.js';

const json = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;
const doc = <T>(feed: string, path: string) => json<T>(`${feedUrl(feed)}data/la000001/${path}`);

interface Attrs { la?: string; field?: string; period?: string; logType?: string; compare?: string; controls?: boolean; feed?: Feed }

async function chartEl(src: string, a: Attrs = {}): Promise<CoreLaChart> {
  const el = await fixture<CoreLaChart>(html`<core-la-chart src=${src} la=${a.la ?? ''} field=${a.field ?? ''} period=${a.period ?? ''}
    log-type=${a.logType ?? ''} compare=${a.compare ?? ''} ?controls=${a.controls ?? false}></core-la-chart>`);
  if (a.feed) el.feed = a.feed;
  return el;
}

/** Table rows (body and foot) of the first table as cell texts. */
/**
 * A `<core-la-chart>` loaded from `src` with `attrs`, and the `core-sdc-warning` events it fired
 * (its console warnings silenced while it loads).
 */
async function loadWarning(src: string, attrs: Record<string, string>, feed?: Feed): Promise<{ el: CoreLaChart; warnings: CoreSdcWarningEvent[] }> {
  const warnings: CoreSdcWarningEvent[] = [];
  const warn = console.warn;
  console.warn = () => {};
  try {
    const el = document.createElement('core-la-chart') as CoreLaChart;
    if (feed) el.feed = feed;
    el.addEventListener('core-sdc-warning', (e) => warnings.push(e));
    el.setAttribute('src', src);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    const loaded = oneEvent(el, 'core-load');
    document.body.append(el);
    await loaded;
    return { el, warnings };
  } finally {
    console.warn = warn;
  }
}

function rows(el: Element, table = 0): string[][] {
  const t = el.shadowRoot?.querySelectorAll('table')[table];
  return Array.from(t?.querySelectorAll('tbody tr, tfoot tr') ?? []).map((tr) => Array.from(tr.children).map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
}
const headRows = (el: Element): string[][] =>
  Array.from(el.shadowRoot?.querySelectorAll('table')[0]?.querySelectorAll('thead tr') ?? []).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? ''));

/** Captures the CSV a click on the download button saves (through Blob + object URL). */
async function downloadedCsv(el: CoreLaChart): Promise<string> {
  const original = URL.createObjectURL;
  let blob: Blob | undefined;
  URL.createObjectURL = (b: Blob | MediaSource) => { blob = b as Blob; return 'blob:test'; };
  const clicks: string[] = [];
  const onClick = (e: Event) => { if (e.target instanceof HTMLAnchorElement) { clicks.push(e.target.download); e.preventDefault(); } };
  el.shadowRoot!.addEventListener('click', onClick, true);
  try {
    (el.shadowRoot!.querySelector('button.core-download') as HTMLButtonElement).click();
  } finally {
    URL.createObjectURL = original;
    el.shadowRoot!.removeEventListener('click', onClick, true);
  }
  expect(blob, 'a Blob was saved').to.not.equal(undefined);
  expect(blob!.type).to.equal('text/csv;charset=utf-8');
  expect(clicks.filter((c) => c.endsWith('.csv')).length).to.equal(1);
  return (await blob!.text()).replace(/^\ufeff/, '');
}

/** A tiny CSV parser for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r') continue;
    else if (ch === '\n') { row.push(field); out.push(row); row = []; field = ''; }
    else field += ch;
  }
  return out;
}

describe('LA chart view (pure)', () => {
  let manifest: Manifest;
  let sex1: TableDocument;
  let wrent: SummaryDocument;
  before(async () => {
    manifest = await json<Manifest>(`${feedUrl('la-basic')}manifest.json`);
    sex1 = await doc<TableDocument>('la-basic', '2024-25/sr-gn/la/sex1.json');
    wrent = await doc<SummaryDocument>('la-basic', '2024-25/sr-gn/summary/wrent.json');
  });
  const ctx = (la: string, field: string, compare = ''): LaChartContext => {
    const period = manifest.periods.find((p) => p.id === '2024-25')!;
    return { manifest, ...resolveSelection(manifest, period, 'sr-gn', field), la, compare: parseCompare(compare) };
  };

  it('parses compare: default region and England; codes upper-cased; keywords lower-cased', () => {
    expect(parseCompare('')).to.deep.equal(['region', 'england']);
    expect(parseCompare('e08000025, England')).to.deep.equal(['E08000025', 'england']);
    expect(parseCompare('none')).to.deep.equal(['none']);
  });

  it('categorical: percentages of known answers, suppressed cells never a percentage', () => {
    // Camden: F 60, M 45, X [c], R [c], not known 4; total 112 → known answers 108.
    const v = toCategoricalView(ctx('E09000007', 'sex1'), sex1) as CategoricalView;
    expect(v.kind).to.equal('categorical');
    expect(v.basis).to.equal('known');
    expect(v.series.map((s) => s.name)).to.deep.equal(['Camden', 'London', 'England']);
    expect(v.series.map((s) => s.denominator)).to.deep.equal([108, 335, 758]);
    const camden = v.series[0]!;
    expect(camden.percents.map((p) => (p === undefined ? p : Math.round(p * 10) / 10))).to.deep.equal([55.6, 41.7, undefined, undefined, undefined]);
    expect(v.charted).to.deep.equal([0, 1, 2, 3]); // "not known" is not charted
    expect(v.summary).to.equal('In Camden in 2024/25, the most common answer was Female: 55.6% of known answers, compared with 53.7% in London and 52.8% in England.');
    expect(v.symbols).to.deep.equal(['c']);
    expect(v.resuppressed).to.deep.equal([]);
  });

  it('when the area\'s "not known" count is suppressed, percentages are of all records', () => {
    const t = { ...sex1, cells: sex1.cells.map((r, i) => (i === 1 ? [60, 45, 'c', 'c', 'c'] as const : r)) } as TableDocument;
    const v = toCategoricalView(ctx('E09000007', 'sex1'), t) as CategoricalView;
    expect(v.basis).to.equal('all');
    expect(v.series[0]!.denominator).to.equal(112);
    expect(Math.round(v.series[0]!.percents[0]! * 10) / 10).to.equal(53.6); // 60 / 112
    expect(v.charted).to.deep.equal([0, 1, 2, 3, 4]);
    expect(v.summary).to.contain('53.6% of all records');
  });

  it('when the area\'s total is suppressed but some cells are not, no percentage at all', () => {
    const t = { ...sex1, rowTotals: sex1.rowTotals.map((r, i) => (i === 1 ? 'c' : r)) } as TableDocument;
    const v = toCategoricalView(ctx('E09000007', 'sex1'), t) as CategoricalView;
    expect(v.basis).to.equal('none');
    expect(v.series[0]!.percents.every((p) => p === undefined)).to.equal(true);
    expect(v.summary).to.equal('No percentages can be shown for Camden in 2024/25.');
  });

  it('an LA with fewer than 3 records is not available', () => {
    const v = toCategoricalView(ctx('E09000012', 'sex1'), sex1);
    expect(v.kind).to.equal('unavailable');
    expect(v.emptyMessage).to.match(/^Not available for this area: fewer than 3 records\./);
  });

  it('numeric: count, mean and median against the region and England', () => {
    const v = toNumericView(ctx('E09000003', 'wrent'), wrent) as NumericView;
    expect(v.series.map((s) => [s.name, s.n, s.mean, s.median])).to.deep.equal([
      ['Barnet', 200, 160.5, 155.25], ['London', 303, 163.7, 158], ['England', 673, 133.49, 125.5],
    ]);
    expect(v.summary).to.equal('In Barnet in 2024/25, the mean weekly basic rent was £160.50 (200 records), compared with £163.70 in London and £133.49 in England.');
    expect(v.unit).to.equal('£ per week');
  });

  it('numeric: an LA whose count is suppressed is not available', () => {
    expect(toNumericView(ctx('E09000019', 'wrent'), wrent).kind).to.equal('unavailable');
  });

  it('an unknown compare code is a "missing" error', () => {
    expect(() => toCategoricalView(ctx('E09000007', 'sex1', 'E06000001'), sex1)).to.throw(/not a local authority or region/);
  });
});

describe('<core-la-chart>', () => {
  it('loading: a polite status', async () => {
    const el = await chartEl(feedUrl('la-basic'), { feed: failingFeed('never') });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    await expectAccessible(el);
  });

  it('categorical with suppressed cells: bars of percentages, markers for London and England, [c] as gaps', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000007', field: 'sex1', logType: 'sr-gn' });
    await waitForState(el, 'ready');
    const root = el.shadowRoot!;
    expect(root.querySelector('figcaption')?.textContent).to.equal("Lead tenant's sex: Camden, Social Rent General Needs, 2024/25");
    expect(root.querySelector('.core-summary')?.textContent).to.equal(
      'In Camden in 2024/25, the most common answer was Female: 55.6% of known answers, compared with 53.7% in London and 52.8% in England.');
    expect(headRows(el)).to.deep.equal([
      ['', 'Camden', 'London', 'England'],
      ['Answer', 'Number', '%Percentage', 'Number', '%Percentage', 'Number', '%Percentage'],
    ]);
    expect(rows(el)).to.deep.equal([
      ['Female', '60', '55.6%', '180', '53.7%', '400', '52.8%'],
      ['Male', '45', '41.7%', '140', '41.8%', '330', '43.5%'],
      ['Non-binary', '[c]', '[c]', '8', '2.4%', '15', '2.0%'],
      ['Prefers not to say', '[c]', '[c]', '7', '2.1%', '13', '1.7%'],
      ['Not known, refused or not asked', '4', '', '10', '', '23', ''],
      ['All records', '112', '', '345', '', '781', ''],
    ]);
    // Chart: 2 bars (Female, Male), 2 gaps (the [c]s), a marker per comparator per category.
    expect(root.querySelectorAll('.core-chart rect.core-chart__bar').length).to.equal(2);
    expect(root.querySelectorAll('.core-chart rect.core-chart__gap').length).to.equal(2);
    expect(root.querySelectorAll('.core-chart svg.core-marker').length).to.equal(8);
    expect(root.querySelector('.core-chart')?.getAttribute('role')).to.equal('img');
    expect(root.querySelector('.core-chart')?.getAttribute('aria-label')).to.contain('the most common answer was Female');
    // Bar lengths follow the percentages: Female 55.6 of a 55.6 maximum → the full plot width (76%).
    expect(root.querySelector('.core-chart rect.core-chart__bar')?.getAttribute('width')).to.equal('76%');
    expect(Array.from(root.querySelectorAll('.core-legend li')).map((li) => li.textContent?.trim())).to.deep.equal(['Camden', 'London', 'England']);
    expect(root.querySelector('.core-key')?.textContent).to.contain('[c] = suppressed to protect confidentiality: fewer than 3 records');
    expect(shadowText(el)).to.contain('Percentages are of the records where the answer is known.');
    await expectAccessible(el);
  });

  it('numeric: valid count, mean and median (average weekly rent)', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000003', field: 'wrent' });
    await waitForState(el, 'ready');
    expect(rows(el)).to.deep.equal([
      ['Barnet', '200', '£160.50', '£155.25'],
      ['London', '303', '£163.70', '£158.00'],
      ['England', '673', '£133.49', '£125.50'],
    ]);
    expect(headRows(el)).to.deep.equal([['Area', 'Valid records', 'Mean (£ per week)', 'Median (£ per week)']]);
    expect(el.shadowRoot?.querySelector('.core-summary')?.textContent).to.equal(
      'In Barnet in 2024/25, the mean weekly basic rent was £160.50 (200 records), compared with £163.70 in London and £133.49 in England.');
    expect(el.shadowRoot?.querySelectorAll('.core-chart rect.core-chart__bar').length).to.equal(3);
    await expectAccessible(el);
  });

  it('compare with another LA only', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000003', field: 'sex1', compare: 'E08000025' });
    await waitForState(el, 'ready');
    expect(headRows(el)[0]).to.deep.equal(['', 'Barnet', 'Birmingham']);
    // Barnet: known answers 224; Birmingham: 287.
    expect(rows(el)[0]).to.deep.equal(['Female', '120', '53.6%', '150', '52.3%']);
    expect(el.shadowRoot?.querySelector('.core-summary')?.textContent).to.contain('compared with 52.3% in Birmingham.');
    await expectAccessible(el);
  });

  it('compare="all": a table of every LA, grouped by region', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000003', field: 'sex1', compare: 'region england all' });
    await waitForState(el, 'ready');
    // One table per region (captioned with it), its total first, then its LAs.
    const tables = Array.from(el.shadowRoot!.querySelectorAll('table.core-table--all'));
    expect(tables.map((t) => t.querySelector('caption')?.textContent)).to.deep.equal(['London', 'West Midlands']);
    const all = tables.flatMap((t) => Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? '')));
    expect(all.map((r) => r[0])).to.deep.equal(['London', 'Barnet', 'Camden', 'Hackney', 'Islington', 'West Midlands', 'Birmingham', 'Coventry']);
    expect(all[0]).to.deep.equal(['London', '180', '140', '8', '7', '10', '345']);
    expect(all[3]).to.deep.equal(['Hackney', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]']);
    expect(all[6]).to.deep.equal(['Birmingham', '150', '130', '4', '3', '8', '295']);
    await expectAccessible(el);
  });

  it('an LA with fewer than 3 records: "not available for this area"', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000012', field: 'sex1' });
    await oneEvent(el, 'core-load');
    expect(el.getAttribute('state')).to.equal('empty');
    expect(shadowText(el)).to.match(/^Not available for this area: fewer than 3 records\. Hackney had fewer than 3 Social Rent General Needs records/);
    expect(el.shadowRoot?.querySelector('.core-chart')).to.equal(null);
    expect(el.shadowRoot?.querySelector('table')).to.equal(null);
    await expectAccessible(el);
  });

  it('numeric, LA with a suppressed count: not available', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000019', field: 'wrent' });
    await waitForState(el, 'empty');
    expect(shadowText(el)).to.match(/^Not available for this area: fewer than 3 records/);
  });

  it('a national-only (sensitive) question is not published at LA level', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000003', field: 'armedforces' });
    await waitForState(el, 'empty');
    expect(shadowText(el)).to.equal('"Anyone in the household has served in the UK armed forces" is not published at local authority level. It is a sensitive question, published for England only.');
    expect(el.shadowRoot?.querySelector('table')).to.equal(null);
    await expectAccessible(el);
  });

  it('defaults from src alone: latest period, first log type, first question, England', async () => {
    const el = await chartEl(feedUrl('la-basic'));
    await waitForState(el, 'ready');
    expect(el.shadowRoot?.querySelector('figcaption')?.textContent).to.equal("Lead tenant's sex: England, Social Rent General Needs, 2024/25");
    expect(headRows(el)[0]).to.deep.equal(['', 'England']);
  });

  it('an earlier period', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000003', field: 'sex1', period: '2023-24' });
    await waitForState(el, 'ready');
    // 2023/24 Barnet: F 100 of 197 known answers = 50.8%.
    expect(rows(el)[0]?.slice(0, 3)).to.deep.equal(['Female', '100', '50.8%']);
  });

  it('chart/table toggle: "Table only" hides the chart; the buttons say which is on', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000007', field: 'sex1' });
    await waitForState(el, 'ready');
    const buttons = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.core-view-toggle button');
    expect(Array.from(buttons).map((b) => [b.textContent?.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([['Chart and table', 'true'], ['Table only', 'false']]);
    buttons[1]!.click();
    await el.updateComplete;
    expect(el.view).to.equal('table');
    expect(el.shadowRoot?.querySelector('.core-chart')).to.equal(null);
    expect(el.shadowRoot?.querySelector('table')).not.to.equal(null);
    expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('true');
    await expectAccessible(el);
  });

  it('CSV download: codes, labels, numbers only in numeric columns, symbols in status columns', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000007', field: 'sex1' });
    await waitForState(el, 'ready');
    const csv = parseCsv(await downloadedCsv(el));
    expect(csv[0]).to.deep.equal(['period', 'log_type', 'field', 'area_code', 'area_name', 'area_type', 'category_code', 'category_label', 'count', 'count_status', 'percent', 'percent_status']);
    expect(csv.length).to.equal(1 + 3 * 6);
    expect(csv[1]).to.deep.equal(['2024-25', 'sr-gn', 'sex1', 'E09000007', 'Camden', 'la', 'F', 'Female', '60', '', '55.6', '']);
    expect(csv[3]).to.deep.equal(['2024-25', 'sr-gn', 'sex1', 'E09000007', 'Camden', 'la', 'X', 'Non-binary', '', 'c', '', 'c']);
    expect(csv[5]).to.deep.equal(['2024-25', 'sr-gn', 'sex1', 'E09000007', 'Camden', 'la', 'unknown', 'Not known, refused or not asked', '4', '', '', 'z']);
    expect(csv[6]).to.deep.equal(['2024-25', 'sr-gn', 'sex1', 'E09000007', 'Camden', 'la', 'total', 'All records', '112', '', '', 'z']);
    expect(csv[7]?.slice(3, 6)).to.deep.equal(['E12000007', 'London', 'region']);
    for (const r of csv.slice(1)) {
      expect(r[8], 'count column is a number or empty').to.match(/^(\d+)?$/);
      expect(r[10], 'percent column is a number or empty').to.match(/^(\d+(\.\d)?)?$/);
    }
  });

  it('CSV download of a numeric question', async () => {
    const el = await chartEl(feedUrl('la-basic'), { la: 'E09000003', field: 'wrent' });
    await waitForState(el, 'ready');
    const csv = parseCsv(await downloadedCsv(el));
    expect(csv).to.deep.equal([
      ['period', 'log_type', 'field', 'unit', 'area_code', 'area_name', 'area_type', 'n', 'n_status', 'mean', 'mean_status', 'median', 'median_status'],
      ['2024-25', 'sr-gn', 'wrent', 'GBP per week', 'E09000003', 'Barnet', 'la', '200', '', '160.5', '', '155.25', ''],
      ['2024-25', 'sr-gn', 'wrent', 'GBP per week', 'E12000007', 'London', 'region', '303', '', '163.7', '', '158', ''],
      ['2024-25', 'sr-gn', 'wrent', 'GBP per week', 'E92000001', 'England', 'england', '673', '', '133.49', '', '125.5', ''],
    ]);
  });

  describe('errors', () => {
    const cases: [string, Attrs & { src: string }, string][] = [
      ['schema version 2', { src: feedUrl('wrong-version') }, 'version'],
      ['HTTP 404', { src: feedUrl('does-not-exist') }, 'http'],
      ['not JSON', { src: feedUrl('not-json') }, 'not-json'],
      ['unknown question', { src: feedUrl('la-basic'), field: 'nope' }, 'missing'],
      ['unknown LA', { src: feedUrl('la-basic'), la: 'E06000001' }, 'missing'],
      ['a lettings question on sales', { src: feedUrl('la-basic'), logType: 'sales', field: 'sex1' }, 'missing'],
      ['a question with no LA table for the period', { src: feedUrl('la-basic'), period: '2023-24', field: 'hhtype' }, 'missing'],
      ['network', { src: feedUrl('la-basic'), feed: failingFeed('network') }, 'network'],
      ['timeout', { src: feedUrl('la-basic'), feed: failingFeed('timeout') }, 'timeout'],
    ];
    for (const [name, attrs, reason] of cases) {
      it(`${name}: a GOV.UK error message, core-error "${reason}"`, async () => {
        const el = await chartEl(attrs.src, attrs);
        if (el.getAttribute('state') !== 'error') {
          const e = await nextError(el);
          expect(e.reason).to.equal(reason);
        }
        await waitForState(el, 'error');
        expect(el.shadowRoot?.querySelector('[role=alert]')?.getAttribute('data-reason')).to.equal(reason);
        await expectAccessible(el);
      });
    }
  });

  it('a leaky feed: the re-check hides every 1 and 2, adds complements and fires core-sdc-warning', async () => {
    const { el, warnings } = await loadWarning(feedUrl('la-leaky'), { la: 'E09000007', field: 'sex1', compare: 'region england all' });
    expect(warnings.map((w) => `${w.cell.row} ${w.cell.col} ${w.cell.rule}`).sort()).to.deep.equal([
      'E08000025 R complementary', 'E08000025 X complementary', 'E08000026 X complementary',
      'E09000007 R primary', 'E09000007 X primary',
    ]);
    expect(rows(el)[2]).to.deep.equal(['Non-binary', '[c]', '[c]', '8', '2.4%', '15', '2.0%']);
    // No count of 1 or 2 anywhere: every table cell, the chart's text, the summary.
    const cells = Array.from(el.shadowRoot!.querySelectorAll('td')).map((td) => td.textContent?.trim());
    expect(cells.filter((t) => t === '1' || t === '2')).to.deep.equal([]);
    const chartText = Array.from(el.shadowRoot!.querySelectorAll('.core-chart text')).map((t) => t.textContent?.trim());
    expect(chartText.filter((t) => /^[12](\.0)?%?$/.test(t ?? ''))).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.core-summary')?.textContent).to.not.match(/\b[12]\b(?!\d|\.\d)/);
    const csv = parseCsv(await downloadedCsv(el));
    const countCol = csv[0]!.indexOf('count');
    expect(csv.slice(1).filter((r) => r[countCol] === '1' || r[countCol] === '2')).to.deep.equal([]);
    expect(csv.find((r) => r[3] === 'E08000025' && r[6] === 'X')?.slice(8, 10)).to.deep.equal(['', 'c']);
    await expectAccessible(el);
    el.remove();
  });

  it('a region whose shown LAs leave 1 or 2 for its [c] LAs: the re-check hides more and warns', async () => {
    // la-basic's sex1 with one of Hackney and Islington's X records an R instead, so London's X is
    // 7: Barnet shows 5, and the [c] of Camden, Hackney and Islington add up to 2. Birmingham and
    // Coventry hide X and R too, so England's X (the LA table's totals row) leaves 9 for its [c]:
    // only the hierarchy (London = its LAs) gives the 2 away.
    const base = await doc<TableDocument>('la-basic', '2024-25/sr-gn/la/sex1.json');
    const leaky: TableDocument = {
      ...base,
      cells: base.cells.map((r, i) => (i >= 4 ? [r[0]!, r[1]!, 'c', 'c', r[4]!] : r)),
      regions: { ...base.regions!, cells: [[180, 140, 7, 8, 10], base.regions!.cells[1]!] },
      colTotals: [400, 330, 14, 14, 23],
    };
    const client = new FeedClient({
      fetch: (url, init) => (url.endsWith('/2024-25/sr-gn/la/sex1.json') ? Promise.resolve(new Response(JSON.stringify(leaky))) : fetch(url, init)),
    });
    const { el, warnings } = await loadWarning(feedUrl('la-basic'), { la: 'E09000003', field: 'sex1', compare: 'region england all' }, client);
    // Barnet's X is the complement; Barnet's row then holds one [c], so its R goes too.
    expect(warnings.map((w) => `${w.cell.row} ${w.cell.col} ${w.cell.rule}`)).to.deep.equal([
      'E09000003 X complementary', 'E09000003 R complementary',
    ]);
    const all = Array.from(el.shadowRoot!.querySelectorAll('table.core-table--all tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? ''));
    expect(all.slice(0, 3)).to.deep.equal([
      ['London', '180', '140', '7', '8', '10', '345'],
      ['Barnet', '120', '95', '[c]', '[c]', '6', '230'],
      ['Camden', '60', '45', '[c]', '[c]', '4', '112'],
    ]);
    el.remove();
  });

  it('a leaky summary: a published count of 2 and its mean are hidden', async () => {
    const { el, warnings } = await loadWarning(feedUrl('la-leaky'), { la: 'E09000012', field: 'wrent' });
    expect(el.getAttribute('state')).to.equal('empty');
    expect(shadowText(el)).to.match(/^Not available for this area: fewer than 3 records/);
    expect(shadowText(el)).to.not.contain('95');
    expect(warnings.map((w) => `${w.cell.row} ${w.cell.col}`)).to.deep.equal(['E09000012 n', 'E09000012 mean', 'E09000012 median']);
    el.remove();
  });

  describe('controls', () => {
    it('GOV.UK controls: period, type, a searchable LA picker and questions grouped by section', async () => {
      const el = await chartEl(feedUrl('la-basic'), { controls: true, la: 'E09000003', field: 'sex1' });
      await waitForState(el, 'ready');
      const root = el.shadowRoot!;
      const labels = Array.from(root.querySelectorAll('.core-controls label')).map((l) => l.textContent?.trim());
      expect(labels).to.deep.equal(['Period', 'Type of letting or sale', 'Local authority', 'Question']);
      const period = root.querySelector<HTMLSelectElement>('#core-period')!;
      expect(Array.from(period.options).map((o) => o.textContent)).to.deep.equal(['2024/25', '2023/24']);
      expect(period.value).to.equal('2024-25');
      const field = root.querySelector<HTMLSelectElement>('#core-field')!;
      expect(Array.from(field.querySelectorAll('optgroup')).map((g) => g.label)).to.deep.equal([
        'Household characteristics', 'Tenancy information', 'Property information', 'Income, benefits and rent', 'Household situation',
      ]);
      // National-only questions are not offered.
      expect(Array.from(field.options).map((o) => o.value)).to.not.include('armedforces');
      expect(root.querySelector<HTMLInputElement>('[role=combobox]')?.value).to.equal('Barnet');
      await expectAccessible(el);
    });

    it('keyboard only: choose an LA by typing and Enter, then a question with the arrow keys', async () => {
      const el = await chartEl(feedUrl('la-basic'), { controls: true, la: 'E09000003', field: 'sex1' });
      await waitForState(el, 'ready');
      const root = el.shadowRoot!;
      const input = root.querySelector<HTMLInputElement>('[role=combobox]')!;
      input.focus();
      input.select();
      await sendKeys({ type: 'cam' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      const options = Array.from(root.querySelectorAll('[role=option]')).map((o) => o.textContent?.trim());
      expect(options).to.deep.equal(['Camden']);
      expect(root.querySelector('[role=status][aria-live]')?.textContent?.trim()).to.equal('1 result available');
      await expectAccessible(el);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal(root.querySelector('[role=option]')?.id);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.la).to.equal('E09000007');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      await waitForState(el, 'ready');
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect(root.querySelector('figcaption')?.textContent).to.contain('Camden');
      expect(root.activeElement).to.equal(input); // focus stays on the picker

      // Tab to the question select, then choose by keyboard: Female…→ next questions.
      await sendKeys({ press: 'Tab' });
      const field = root.querySelector<HTMLSelectElement>('#core-field')!;
      expect(root.activeElement).to.equal(field);
      await sendKeys({ press: 'ArrowDown' });
      await waitForState(el, 'ready');
      await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect(el.field).to.equal('hhtype');
      expect(root.querySelector('figcaption')?.textContent).to.equal('Household type: Camden, Social Rent General Needs, 2024/25');
    });

    it('keyboard: Escape closes the list, Alt+ArrowDown opens it on the chosen LA, regions filter by name', async () => {
      const el = await chartEl(feedUrl('la-basic'), { controls: true, la: 'E09000003', field: 'sex1' });
      await waitForState(el, 'ready');
      const root = el.shadowRoot!;
      const input = root.querySelector<HTMLInputElement>('[role=combobox]')!;
      input.focus();
      input.select();
      await sendKeys({ type: 'west mid' });
      await el.updateComplete;
      expect(Array.from(root.querySelectorAll('[role=option]')).map((o) => o.textContent?.trim())).to.deep.equal(['West Midlands', 'Birmingham', 'Coventry']);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(el.la).to.equal('E09000003');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.la).to.equal('E08000025'); // Birmingham, after West Midlands
    });

    it('changing the log type to sales resets a lettings question to the first sales one', async () => {
      const el = await chartEl(feedUrl('la-basic'), { controls: true, la: 'E09000003', field: 'sex1' });
      await waitForState(el, 'ready');
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#core-log-type')!;
      const loaded = oneEvent(el, 'core-load');
      select.value = 'sales';
      select.dispatchEvent(new Event('change'));
      await loaded;
      expect(el.field).to.equal('');
      expect(el.shadowRoot?.querySelector('figcaption')?.textContent).to.equal('Ownership scheme: Barnet, Sales, 2024/25');
      expect(Array.from(el.shadowRoot!.querySelectorAll<HTMLSelectElement>('#core-field option')).map((o) => o.value)).to.deep.equal(['ownershipsch']);
    });

    it('offers the log types with LA tables in the period; a new period without the chosen one moves to the first with them', async () => {
      const el = await chartEl(feedUrl('la-basic'), { controls: true, la: 'E09000003', logType: 'sales', period: '2024-25' });
      await waitForState(el, 'ready');
      const types = () => Array.from(el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#core-log-type option')).map((o) => o.value);
      expect(types()).to.deep.equal(['sr-gn', 'sales']);
      const period = el.shadowRoot!.querySelector<HTMLSelectElement>('#core-period')!;
      const loaded = oneEvent(el, 'core-load');
      period.value = '2023-24'; // sales has no LA tables in 2023/24
      period.dispatchEvent(new Event('change'));
      await loaded;
      await el.updateComplete;
      expect([el.period, el.logType, el.field]).to.deep.equal(['2023-24', '', '']);
      expect(el.shadowRoot?.querySelector('figcaption')?.textContent).to.match(/^.+: Barnet, Social Rent General Needs, 2023\/24$/);
      expect(types()).to.deep.equal(['sr-gn']);
      expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#core-log-type')!.value).to.equal('sr-gn');
    });

    it('controls stay when the selection cannot be shown (an error), so the reader can choose again', async () => {
      const el = await chartEl(feedUrl('la-basic'), { controls: true, la: 'E09000003', field: 'armedforces' });
      await waitForState(el, 'empty');
      expect(el.shadowRoot?.querySelector('.core-controls')).not.to.equal(null);
      await expectAccessible(el);
    });
  });
});
