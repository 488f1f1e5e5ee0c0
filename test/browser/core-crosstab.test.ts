import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define/core-crosstab.js';
import type { CoreCrosstab } from '../../src/elements/core-crosstab/core-crosstab.js';
import type { CoreSdcWarningEvent } from '../../src/elements/shared/events.js';
import { FeedClient } from '../../src/feed/client.js';
import type { Feed } from '../../src/feed/client.js';
import type { Manifest, TableDocument } from '../../src/feed/types.js';
import { expectAccessible } from './axe.js';
import { failingFeed, feedUrl, nextError, shadowText, waitForState } from './helpers.js';

interface Attrs {
  period?: string;
  'log-type'?: string;
  x?: string;
  y?: string;
  display?: string;
  chart?: string;
  percentages?: string;
  controls?: boolean;
}

/** A `<core-crosstab>` in the document, with its own feed client unless one is given. */
function crosstab(src: string, attrs: Attrs = {}, feed: Feed = new FeedClient()): CoreCrosstab {
  const el = document.createElement('core-crosstab');
  el.feed = feed;
  el.setAttribute('src', src);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  }
  document.body.append(el);
  return el;
}

async function ready(src: string, attrs: Attrs = {}, feed?: Feed): Promise<CoreCrosstab> {
  const el = crosstab(src, attrs, feed);
  await waitForState(el, 'ready');
  await el.updateComplete; // a long table's rest too
  return el;
}

/** The table as text: header row, body rows, foot row. */
function tableText(el: CoreCrosstab): string[][] {
  return Array.from(el.shadowRoot?.querySelectorAll('table tr') ?? []).map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? ''));
}
const body = (el: CoreCrosstab) => tableText(el).slice(1);
const $ = (el: CoreCrosstab, sel: string) => el.shadowRoot!.querySelector(sel);
const $$ = (el: CoreCrosstab, sel: string) => Array.from(el.shadowRoot!.querySelectorAll(sel));
const settle = async (el: CoreCrosstab) => {
  await el.updateComplete;
  await waitForState(el, ['ready', 'empty', 'error']);
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
};

/**
 * A feed in memory with one crosstab of `groups` answers (and "not known") by `series − 1`
 * answers (and "not known"): long charts without a fixture file.
 */
function longFeed(groups: number, series: number): Feed {
  const field = (id: string, n: number) => ({
    id, label: `Question ${id}`, section: 'Test', log: 'lettings', kind: 'categorical', show: 'national',
    categories: Array.from({ length: n }, (_, k) => (k === n - 1 ? { code: 'unknown', label: 'Not known' } : { code: `${id}${k}`, label: `Answer ${k + 1}` })),
  });
  const x = field('a', groups + 1), y = field('b', series);
  const cells = x.categories.map((_, i) => y.categories.map((_, j) => ((i * 7 + j * 5) % 40) + 3));
  const doc = {
    schemaVersion: '1.0.0', kind: 'table', period: '2024-25', logType: 'sr-gn', rowDim: 'a', colDim: 'b',
    rows: x.categories.map((c) => c.code), cols: y.categories.map((c) => c.code), cells,
    rowTotals: cells.map((r) => r.reduce((a, b) => a + b, 0)),
    colTotals: y.categories.map((_, j) => cells.reduce((a, r) => a + r[j]!, 0)),
    total: cells.flat().reduce((a, b) => a + b, 0),
  } as unknown as TableDocument;
  const manifest = {
    schemaVersion: '1.0.0', kind: 'manifest', generatedAt: '2025-01-01T00:00:00Z', dataVersion: 'test', base: 'v/',
    periods: [{ id: '2024-25', label: '2024/25', year: '2024-25', quarters: 4 }],
    logTypes: [{ id: 'sr-gn', label: 'Social Rent General Needs', description: '', from: '2004-05' }],
    fields: [x, y], geography: { england: { code: 'E92000001', name: 'England' }, regions: [], las: [] },
    disclosure: { minCount: 3, meanThreshold: 3, method: '' },
    documents: { '2024-25': { 'sr-gn': { la: [], national: [], summary: [], crosstab: ['a', 'b'] } } },
  } as unknown as Manifest;
  return {
    manifest: async () => manifest,
    table: async () => doc,
    logTypes: async () => { throw new Error('unused'); },
    alerts: async () => { throw new Error('unused'); },
  };
}

const BASIC = () => feedUrl('crosstab-basic');
const FT = 'Full-time - 30 hours or more', PT = 'Part-time - Less than 30 hours', NK = 'Not known, refused or not asked';

afterEach(() => {
  for (const el of document.querySelectorAll('core-crosstab')) el.remove();
});

describe('<core-crosstab> table', () => {
  it('loading: a polite status message', async () => {
    const el = crosstab(BASIC(), {}, failingFeed('never'));
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect($(el, '[role=status]')).not.to.equal(null);
    await expectAccessible(el);
  });

  it('counts, from src alone: the first pair of the latest period, with row and column totals', async () => {
    const el = crosstab(BASIC());
    await oneEvent(el, 'core-load');
    expect(el.getAttribute('state')).to.equal('ready');
    expect($(el, 'figcaption')?.textContent).to.equal("Lead tenant's sex by Lead tenant's working situation: Social Rent General Needs, England, 2024/25");
    expect(tableText(el)).to.deep.equal([
      ["Lead tenant's sex", FT, PT, 'Retired', NK, 'Total'],
      ['Female', '120', '60', '30', '10', '220'],
      ['Male', '150', '40', '50', '20', '260'],
      ['Not known', '10', '5', '5', '0', '20'],
      ['Total', '280', '105', '85', '30', '500'],
    ]);
    expect($(el, '.core-summary')?.textContent).to.equal('England, 2024/25: 500 Social Rent General Needs logs. The largest group is “Male” with “Full-time - 30 hours or more” (150).');
    // Numbers right-aligned in tabular figures; headers scoped; headers sticky in a focusable scroll box.
    const td = $(el, 'tbody td')!;
    expect(getComputedStyle(td).textAlign).to.equal('right');
    expect(getComputedStyle(td).fontVariantNumeric).to.equal('tabular-nums');
    expect($$(el, 'thead th[scope=col]').length).to.equal(6);
    expect($$(el, 'tbody th[scope=row]').length).to.equal(3);
    expect(getComputedStyle($(el, 'thead th')!).position).to.equal('sticky');
    expect($(el, '.core-crosstab__scroll')?.getAttribute('tabindex')).to.equal('0');
    expect($(el, '.core-key')).to.equal(null); // no symbols, no key
    await expectAccessible(el);
  });

  it('row percentages: of each row’s known answers; the base in the last column', async () => {
    const el = await ready(BASIC(), { percentages: 'row' });
    expect(tableText(el)).to.deep.equal([
      ["Lead tenant's sex", FT, PT, 'Retired', 'Number with a known answer'],
      ['Female', '57.1%', '28.6%', '14.3%', '210'], // 120/210, 60/210, 30/210
      ['Male', '62.5%', '16.7%', '20.8%', '240'], // 150/240, 40/240, 50/240
      ['Not known', '50.0%', '25.0%', '25.0%', '20'], // 10/20, 5/20, 5/20
      ['Total', '59.6%', '22.3%', '18.1%', '470'], // 280/470, 105/470, 85/470
    ]);
    expect(shadowText(el)).to.contain('Percentages may not add up to 100% because of rounding.');
    expect($(el, '.core-summary')?.textContent).to.contain('(62.5%)');
    await expectAccessible(el);
  });

  it('column percentages: of each column’s known answers; the base in the last row', async () => {
    const el = await ready(BASIC(), { percentages: 'column' });
    expect(body(el)).to.deep.equal([
      ['Female', '44.4%', '60.0%', '37.5%', '33.3%', '45.8%'], // 120/270, 60/100, 30/80, 10/30, 220/480
      ['Male', '55.6%', '40.0%', '62.5%', '66.7%', '54.2%'],
      ['Number with a known answer', '270', '100', '80', '30', '480'],
    ]);
    await expectAccessible(el);
  });

  it('total percentages: of the 450 records with both answers known', async () => {
    const el = await ready(BASIC(), { percentages: 'total' });
    expect(body(el)).to.deep.equal([
      ['Female', '26.7%', '13.3%', '6.7%', '46.7%'], // 120/450, 60/450, 30/450, 210/450
      ['Male', '33.3%', '8.9%', '11.1%', '53.3%'],
      ['Total', '60.0%', '22.2%', '17.8%', '100.0%'], // 270/450, 100/450, 80/450
    ]);
    await expectAccessible(el);
  });

  it('suppressed cells: [c] with the key; no percentages of them or of a line whose base is hidden', async () => {
    const el = await ready(BASIC(), { period: '2023-24' });
    expect(body(el)).to.deep.equal([
      ['Female', '40', '[c]', '12', '[c]', '58'],
      ['Male', '35', '[c]', '9', '[c]', '50'],
      ['Not known, refused or not asked', '3', '0', '4', '0', '7'], // 2023/24's label
      ['Total', '78', '7', '25', '5', '115'],
    ]);
    expect($(el, '.core-key')?.textContent).to.contain('[c] = suppressed to protect confidentiality: fewer than 3 records');
    expect($(el, '.core-summary')?.textContent).to.contain('Some numbers are suppressed to protect confidentiality.');
    await expectAccessible(el);
    el.percentages = 'row';
    await el.updateComplete;
    expect(body(el)).to.deep.equal([
      ['Female', '[c]', '[c]', '[c]', '[c]'], // base 58 − [c]: not known
      ['Male', '[c]', '[c]', '[c]', '[c]'],
      ['Not known, refused or not asked', '42.9%', '0.0%', '57.1%', '7'], // 3/7, 0/7, 4/7
      ['Total', '70.9%', '6.4%', '22.7%', '110'], // 78/110, 7/110, 25/110
    ]);
  });

  it('a leaky feed: the published 2 and the lone [c] are re-suppressed, with core-sdc-warning and no value logged', async () => {
    const warnings: CoreSdcWarningEvent[] = [];
    const warn = console.warn;
    const logged: string[] = [];
    console.warn = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const el = crosstab(feedUrl('crosstab-leaky'));
      el.addEventListener('core-sdc-warning', (e) => warnings.push(e));
      await oneEvent(el, 'core-load');
      expect(body(el)).to.deep.equal([
        ['Female', '120', '60', '[c]', '[c]', '220'],
        ['Male', '150', '[c]', '50', '[c]', '222'],
        ['Not known', '10', '[c]', '[c]', '0', '20'],
        ['Total', '280', '67', '85', '30', '462'],
      ]);
      const cells = warnings.map((w) => `${w.cell.row} ${w.cell.col} ${w.cell.rule}`).sort();
      expect(cells).to.deep.equal(['F 5 complementary', 'F unknown complementary', 'M 2 primary', 'M unknown complementary', 'unknown 2 complementary']);
      expect(logged.length).to.equal(5);
      expect(logged.join('\n')).not.to.match(/\b2\b.*(value|published)\b.*\b2\b/);
      // No 1 or 2 anywhere: not in the table, the sentence, or a percentage view.
      for (const mode of ['none', 'row', 'column', 'total']) {
        el.percentages = mode as CoreCrosstab['percentages'];
        await el.updateComplete;
        expect(body(el).flat()).not.to.include.members(['1', '2']);
      }
      expect($(el, '.core-summary')?.textContent).not.to.match(/\(2\)|\b2 /);
      await expectAccessible(el);
    } finally {
      console.warn = warn;
    }
  });

  it('a 200-row table (nationality by ethnic group): 200 rows × 20 columns, scrolling, sticky headers', async () => {
    const el = await ready(BASIC(), { 'log-type': 'ar-gn', x: 'nationality_all', y: 'ethnic' });
    const rows = $$(el, 'tbody tr');
    expect(rows.length).to.equal(200);
    expect(rows[0]!.children.length).to.equal(22); // header + 20 + total
    expect(rows[0]!.children[0]!.textContent?.trim()).to.equal('Afghanistan');
    const scroll = $(el, '.core-crosstab__scroll') as HTMLElement;
    expect(scroll.scrollHeight).to.be.greaterThan(scroll.clientHeight);
    expect(getComputedStyle($(el, 'tbody th')!).position).to.equal('sticky');
    // Transposed from ethnic~nationality_all: the first nationality's total is its column total there.
    const doc = (await (await fetch(`${BASIC()}data/ct000001/2024-25/ar-gn/crosstab/ethnic~nationality_all.json`)).json()) as { colTotals: number[] };
    expect(rows[0]!.lastElementChild?.textContent).to.equal(doc.colTotals[0]!.toLocaleString('en-GB'));
  });

  it('a long table comes in parts of 20 rows: aligned columns, one visible header, each part a table for screen readers', async () => {
    const el = await ready(BASIC(), { 'log-type': 'ar-gn', x: 'nationality_all', y: 'ethnic' });
    const parts = $$(el, 'table[part=table]') as HTMLTableElement[];
    expect(parts.length).to.equal(10);
    expect(parts.map((t) => t.tBodies[0]!.rows.length)).to.deep.equal(Array(10).fill(20));
    expect(parts.map((t) => t.caption?.textContent)).to.include('Lead tenant\'s nationality by Lead tenant\'s ethnic background: Affordable Rent General Needs, England, 2024/25, rows 21 to 40 of 200');
    // Only the last part has the totals row; every part after the first is skipped by the browser until near.
    expect(parts.map((t) => t.tFoot !== null)).to.deep.equal([...Array(9).fill(false), true]);
    expect(parts.map((t) => getComputedStyle(t.parentElement!).contentVisibility)).to.deep.equal(['visible', ...Array(9).fill('auto')]);
    // The headings are drawn once, in a sticky copy hidden from screen readers; each part's own are there but take no room.
    const head = $(el, '.core-crosstab__head') as HTMLTableElement;
    expect(head.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(head).position).to.equal('sticky');
    expect(parts[0]!.tHead!.getBoundingClientRect().height).to.equal(0);
    expect(parts[0]!.tHead!.rows[0]!.cells[1]!.textContent).to.equal(head.tHead!.rows[0]!.cells[1]!.textContent);
    // The columns line up: the head copy's and the first two parts' cells start at the same x.
    const xs = (row: HTMLTableRowElement) => Array.from(row.cells, (c) => Math.round(c.getBoundingClientRect().left));
    expect(xs(parts[0]!.tBodies[0]!.rows[0]!)).to.deep.equal(xs(head.tHead!.rows[0]!));
    parts[1]!.scrollIntoView();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(xs(parts[1]!.tBodies[0]!.rows[0]!)).to.deep.equal(xs(parts[0]!.tBodies[0]!.rows[0]!));
    await expectAccessible(el);
  });

  it('a long table draws its first part with the figure and the rest after the first frame; updateComplete and core-load wait for all', async () => {
    const firstRows: number[] = [];
    const el = crosstab(BASIC(), { 'log-type': 'ar-gn', x: 'nationality_all', y: 'ethnic' });
    const seen = new MutationObserver(() => {
      const n = el.shadowRoot!.querySelectorAll('tbody tr').length;
      if (n > 0 && firstRows.length === 0) firstRows.push(n);
    });
    seen.observe(el.shadowRoot!, { childList: true, subtree: true });
    await oneEvent(el, 'core-load');
    seen.disconnect();
    expect(firstRows).to.deep.equal([20]);
    expect($$(el, 'tbody tr').length).to.equal(200);
  });

  it('printing before the rest is drawn draws it at once', async () => {
    const el = crosstab(BASIC(), { 'log-type': 'ar-gn', x: 'nationality_all', y: 'ethnic' });
    const counts: number[] = [];
    await new Promise<void>((done) => {
      const seen = new MutationObserver(() => {
        if (!el.shadowRoot!.querySelector('tbody tr')) return;
        seen.disconnect();
        counts.push($$(el, 'tbody tr').length);
        window.dispatchEvent(new Event('beforeprint'));
        counts.push($$(el, 'tbody tr').length); // synchronously: before the browser lays the page out for print
        done();
      });
      seen.observe(el.shadowRoot!, { childList: true, subtree: true });
    });
    expect(counts).to.deep.equal([20, 200]);
    await el.updateComplete;
    expect($$(el, 'tbody tr').length).to.equal(200);
  });

  it('empty: a period and type with no logs', async () => {
    const el = crosstab(BASIC(), { 'log-type': 'sr-sh' });
    await oneEvent(el, 'core-load');
    expect(el.getAttribute('state')).to.equal('empty');
    expect(shadowText(el)).to.equal('No Social Rent Supported Housing logs have been published for England in 2024/25.');
    await expectAccessible(el);
  });
});

describe('<core-crosstab> charts', () => {
  it('grouped columns: one rect per cell, legend, y-axis ticks, accessible name with the summary', async () => {
    const el = await ready(BASIC(), { display: 'chart', chart: 'column' });
    expect($$(el, 'svg rect[class^=core-series-]').length).to.equal(12);
    expect($$(el, '.core-crosstab__legend li').map((li) => li.textContent?.trim())).to.deep.equal([FT, PT, 'Retired', NK]);
    // One image, drawn as panels of groups (each an <svg>, so off-screen panels cost nothing).
    const chart = $(el, '[part=chart][role=img]')!;
    expect(chart.getAttribute('aria-label')).to.contain('The largest group is “Male”');
    expect(chart.querySelectorAll('svg text').length).to.be.greaterThan(5);
    // The tallest column is Male × Full-time (150): no other is taller.
    const heights = $$(el, 'svg rect[class^=core-series-]').map((r) => Number(r.getAttribute('height')));
    expect(heights.indexOf(Math.max(...heights))).to.equal(4); // row Male (1) × series 0 → mark 4
    // The numbers are one click away, as a table.
    const details = $(el, 'details') as HTMLDetailsElement;
    details.open = true;
    await new Promise((r) => details.addEventListener('toggle', r, { once: true }));
    await el.updateComplete;
    expect(body(el)[0]).to.deep.equal(['Female', '120', '60', '30', '10', '220']);
    await expectAccessible(el);
  });

  it('grouped bars with values; suppressed cells are dashed gaps, never bars', async () => {
    const el = await ready(BASIC(), { display: 'chart', chart: 'bar', period: '2023-24' });
    expect($$(el, 'svg rect[class^=core-series-]').length).to.equal(8); // 12 cells − 4 suppressed
    expect($$(el, 'svg rect.core-chart__gap').length).to.equal(4);
    const texts = $$(el, 'svg text').map((t) => t.textContent?.trim());
    expect(texts).to.include('40');
    expect(texts.filter((t) => t === '[c]').length).to.equal(4);
    expect(shadowText(el)).to.contain('Dashed outline: suppressed [c], no bar drawn');
    await expectAccessible(el);
  });

  it('percentages in a chart: bar lengths are shares, labelled as percentages', async () => {
    const el = await ready(BASIC(), { display: 'chart', chart: 'bar', percentages: 'row' });
    const texts = $$(el, 'svg text.core-crosstab__value').map((t) => t.textContent?.trim());
    expect(texts.slice(0, 3)).to.deep.equal(['57.1%', '28.6%', '14.3%']);
    await expectAccessible(el);
  });

  it('pies: one per known row, slices of known answers, percentages on the slices', async () => {
    const el = await ready(BASIC(), { display: 'chart', chart: 'pie' });
    expect($$(el, 'svg path.core-crosstab__slice').length).to.equal(6); // Female, Male × 3 known answers
    const labels = $$(el, 'svg text.core-crosstab__slice-label').map((t) => t.textContent?.trim());
    expect(labels.slice(0, 3)).to.deep.equal(['57.1%', '28.6%', '14.3%']);
    const pie = $$(el, '.core-view-toggle__button').find((b) => b.textContent?.trim() === 'Pies') as HTMLButtonElement;
    expect(pie.disabled).to.equal(false);
    expect(pie.getAttribute('aria-pressed')).to.equal('true');
    await expectAccessible(el);
  });

  it('pies are refused with a visible reason where they would hide suppressed values; columns are drawn instead', async () => {
    const el = await ready(BASIC(), { display: 'chart', chart: 'pie', period: '2023-24' });
    const pie = $$(el, '.core-view-toggle__button').find((b) => b.textContent?.trim() === 'Pies') as HTMLButtonElement;
    expect(pie.disabled).to.equal(true);
    expect($(el, '.core-crosstab__reason')?.textContent).to.equal('Pies are not available: some numbers are suppressed, and a pie cannot show a missing slice.');
    expect($$(el, 'svg path.core-crosstab__slice').length).to.equal(0);
    expect($$(el, 'svg rect.core-chart__gap').length).to.equal(4);
    await expectAccessible(el);
  });

  it('too many series for a chart: the reason, and the table', async () => {
    const el = await ready(BASIC(), { 'log-type': 'ar-gn', display: 'chart', x: 'ethnic', y: 'nationality_all' });
    const reasons = $$(el, '.core-crosstab__reason').map((p) => p.textContent?.trim());
    expect(reasons).to.deep.equal([
      'Pies are not available: “Lead tenant\'s nationality” has more than 6 known answers.',
      'A chart can compare at most 6 answers to “Lead tenant\'s nationality”, and this one has 200. Swap rows and columns, or read the table.',
    ]);
    expect($$(el, 'tbody tr').length).to.equal(20);
  });

  it('a long chart is drawn in panels: every bar, and off-screen panels skipped at their true size', async () => {
    const el = await ready('/long/', { display: 'chart', chart: 'bar' }, longFeed(23, 3));
    const panels = $$(el, 'svg.core-crosstab__panel') as SVGSVGElement[];
    expect(panels.length).to.equal(5); // 24 groups (23 answers and "not known"), 5 a panel
    expect($$(el, 'svg rect[class^=core-series-]').length).to.equal(24 * 3);
    panels.forEach((panel, k) => {
      // All but the last may be skipped (content-visibility); skipped or not, a panel is as tall as its content.
      expect(getComputedStyle(panel).contentVisibility).to.equal(k < panels.length - 1 ? 'auto' : 'visible');
      // Without a contain-intrinsic-size, Chromium renders a content-visibility: auto element in full once before skipping it.
      if (k < panels.length - 1) expect(getComputedStyle(panel).containIntrinsicHeight).not.to.equal('none');
      const box = panel.getBoundingClientRect(), vb = panel.viewBox.baseVal;
      expect(box.height).to.be.closeTo((box.width * vb.height) / vb.width, 1);
    });
    const chart = $(el, '[part=chart]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    await expectAccessible(el);
  });

  it('a long column chart: panels side by side at 1:1, scrolling sideways, keyboard-focusable', async () => {
    const el = await ready('/long/', { display: 'chart', chart: 'column' }, longFeed(23, 3));
    const panels = $$(el, 'svg.core-crosstab__panel') as SVGSVGElement[];
    expect(panels.length).to.equal(5);
    expect($$(el, 'svg rect[class^=core-series-]').length).to.equal(24 * 3);
    const boxes = panels.map((p) => p.getBoundingClientRect());
    boxes.forEach((b, k) => {
      expect(b.width).to.be.closeTo(panels[k]!.viewBox.baseVal.width, 0.01);
      if (k > 0) expect(b.left).to.be.closeTo(boxes[k - 1]!.right, 0.01);
    });
    const wrap = $(el, '[part=chart]') as HTMLElement;
    expect(wrap.scrollWidth).to.be.greaterThan(wrap.clientWidth);
    expect(wrap.tabIndex).to.equal(0);
    await expectAccessible(el);
  });

  it('chart/table toggle and chart-type buttons are keyboard buttons that set the properties', async () => {
    const el = await ready(BASIC());
    const chartButton = $$(el, '.core-view-toggle__button').find((b) => b.textContent?.trim() === 'Chart') as HTMLButtonElement;
    chartButton.click();
    await el.updateComplete;
    expect(el.display).to.equal('chart');
    expect(el.getAttribute('display')).to.equal('chart');
    ($$(el, '.core-view-toggle__button').find((b) => b.textContent?.trim() === 'Bars') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.chart).to.equal('bar');
    expect($(el, 'svg.core-crosstab__chart')).not.to.equal(null);
  });
});

describe('<core-crosstab> swap, controls, CSV, requests', () => {
  it('swap: rows and columns trade places from the same document (no new request); row % becomes column %', async () => {
    const client = new FeedClient();
    const el = await ready(BASIC(), { percentages: 'row' }, client);
    expect(client.requestCount).to.equal(2); // manifest + one document
    ($$(el, 'button').find((b) => b.textContent?.trim() === 'Swap rows and columns') as HTMLButtonElement).click();
    await settle(el);
    expect([el.x, el.y, el.percentages]).to.deep.equal(['ecstat1', 'sex1', 'column']);
    expect(tableText(el)[0]).to.deep.equal(["Lead tenant's working situation", 'Female', 'Male', 'Not known', 'Total']);
    // Column shares of the swapped table are the row shares of the original, transposed.
    expect(body(el).map((r) => r[0])).to.deep.equal([FT, PT, 'Retired', 'Number with a known answer']);
    expect(body(el)[0]).to.deep.equal([FT, '57.1%', '62.5%', '50.0%', '59.6%']);
    el.percentages = 'none';
    await el.updateComplete;
    expect(body(el)[0]).to.deep.equal([FT, '120', '150', '10', '280']);
    expect(client.requestCount).to.equal(2);
  });

  it('two crosstabs of one pair on a page: manifest + one document, shared', async () => {
    const client = new FeedClient();
    const a = crosstab(BASIC(), {}, client);
    const b = crosstab(BASIC(), { x: 'ecstat1', y: 'sex1', display: 'chart' }, client);
    await Promise.all([waitForState(a, 'ready'), waitForState(b, 'ready')]);
    expect(client.requestCount).to.equal(2);
  });

  it('controls: labelled selects for period, type and both questions (grouped by form section); choosing reloads', async () => {
    const el = await ready(BASIC(), { controls: true });
    const labels = $$(el, '.core-controls label').map((l) => l.textContent?.trim());
    expect(labels).to.deep.equal(['Period', 'Type of letting or sale', 'Rows: question', 'Columns: question']);
    const y = $(el, '#core-crosstab-y') as HTMLSelectElement;
    expect(Array.from(y.querySelectorAll('optgroup')).map((g) => g.label)).to.deep.equal(['Household characteristics']);
    expect(y.value).to.equal('ecstat1');
    const period = $(el, '#core-crosstab-period') as HTMLSelectElement;
    expect(Array.from(period.options).map((o) => o.value)).to.deep.equal(['2024-25', '2023-24']);
    // Only the log types with crosstabs in the period: the others are thin (no LA detail or crosstabs).
    const types = () => Array.from(($(el, '#core-crosstab-log-type') as HTMLSelectElement).options).map((o) => o.value);
    expect(types()).to.deep.equal(['sr-gn', 'sr-sh', 'ar-gn']);
    period.value = '2023-24';
    period.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.period).to.equal('2023-24');
    expect(body(el)[0]).to.deep.equal(['Female', '40', '[c]', '12', '[c]', '58']);
    expect(types()).to.deep.equal(['sr-gn']);
    // 2023/24 has one pair: the question selects offer only its two questions.
    const x = $(el, '#core-crosstab-x') as HTMLSelectElement;
    expect(Array.from(x.options).map((o) => o.value)).to.deep.equal(['sex1']); // not the y question
    expect(Array.from(y.options).map((o) => o.value)).to.deep.equal(['ecstat1']);
    await expectAccessible(el);
  });

  it('controls: a log type without the chosen questions moves to questions it crosses', async () => {
    const el = await ready(BASIC(), { controls: true });
    const type = $(el, '#core-crosstab-log-type') as HTMLSelectElement;
    type.value = 'ar-gn';
    type.dispatchEvent(new Event('change'));
    await settle(el);
    expect([el.x, el.y]).to.deep.equal(['ethnic', 'nationality_all']);
    expect($$(el, 'tbody tr').length).to.equal(20);
  });

  it('controls stay usable when the selection is not published', async () => {
    const el = crosstab(BASIC(), { controls: true, x: 'sex1', y: 'nationality_all' });
    await waitForState(el, 'error');
    await el.updateComplete;
    expect($(el, '#core-crosstab-period')).not.to.equal(null);
    expect(shadowText(el)).to.contain('The data asked for is not published.');
    await expectAccessible(el);
  });

  it('CSV download: codes, labels, count and status columns; a symbol is never in the count column', async () => {
    const el = await ready(BASIC(), { period: '2023-24' });
    let blob: Blob | undefined;
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:test';
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {};
    try {
      ($(el, '.core-download') as HTMLButtonElement).click();
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    const text = (await blob!.text()).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).to.equal('period,log_type,sex1_code,sex1_label,ecstat1_code,ecstat1_label,count,count_status');
    expect(lines[1]).to.equal('2023-24,sr-gn,F,Female,1,Full-time – 30 hours or more,40,'); // 2023/24's labels
    expect(lines[2]).to.equal('2023-24,sr-gn,F,Female,2,Part-time – Less than 30 hours,,c');
    expect(lines.at(-1)).to.equal('2023-24,sr-gn,total,Total,total,Total,115,');
    // The last two fields: a number and no status, or no number and a symbol.
    for (const line of lines.slice(1)) expect(line).to.match(/,(\d+,|,[cxz])$/);
  });
});

describe('<core-crosstab> errors', () => {
  const fixtureErrors: [string, string][] = [
    ['wrong-version', 'version'],
    ['bad-shape', 'missing'], // a valid manifest with no crosstabs
    ['not-json', 'not-json'],
    ['does-not-exist', 'http'],
    ['basic', 'missing'],
  ];
  for (const [feed, reason] of fixtureErrors) {
    it(`error (${reason}) from the ${feed} feed`, async () => {
      const el = crosstab(feedUrl(feed));
      const event = await nextError(el);
      expect(event.reason).to.equal(reason);
      expect(el.getAttribute('state')).to.equal('error');
      expect($(el, '[role=alert]')).not.to.equal(null);
      await expectAccessible(el);
    });
  }

  it('error (missing): a pair the feed does not have', async () => {
    const el = crosstab(BASIC(), { x: 'sex1', y: 'nationality_all' });
    expect((await nextError(el)).reason).to.equal('missing');
    expect(shadowText(el)).to.contain('The data asked for is not published.');
  });

  it('error (missing): a question the feed does not know', async () => {
    const el = crosstab(BASIC(), { x: 'sex1', y: 'nope' });
    expect((await nextError(el)).reason).to.equal('missing');
  });

  for (const reason of ['network', 'timeout', 'aborted'] as const) {
    it(`error (${reason}) from an injected client`, async () => {
      const el = crosstab(BASIC(), {}, failingFeed(reason, 5));
      expect((await nextError(el)).reason).to.equal(reason);
      await expectAccessible(el);
    });
  }
});
