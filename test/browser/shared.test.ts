import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { formatCell, formatCount, formatDate, formatMoney, formatPercent, formatYear } from '../../src/elements/shared/format.js';
import { msg } from '../../src/elements/shared/messages.js';
import { recheck, type RecheckTable } from '../../src/elements/shared/recheck-adapter.js';
import { barGeometry, renderBarChart } from '../../src/elements/shared/bar-chart.js';
import { renderTable, symbolsIn } from '../../src/elements/shared/table.js';
import { renderBlocks } from '../../src/elements/shared/rich-text.js';
import { renderError, renderLoading } from '../../src/elements/shared/status.js';
import { FeedError } from '../../src/feed/errors.js';
import type { Block } from '../../src/feed/types.js';
import { expectAccessible } from './axe.js';
import { mount } from './helpers.js';

describe('format', () => {
  const cases: [string, string, string][] = [
    ['date', formatDate('2017-03-07'), '7 March 2017'],
    ['date, not ISO', formatDate('soon'), 'soon'],
    ['date, impossible', formatDate('2025-02-30'), '2025-02-30'],
    ['count', formatCount(1234), '1,234'],
    ['count, large', formatCount(1234567), '1,234,567'],
    ['money', formatMoney(98.2), '£98.20'],
    ['percent', formatPercent(0.125), '12.5%'],
    ['percent rounding to 100.0', formatPercent(0.99996), '100.0%'],
    ['percent, 0 digits', formatPercent(0.5, 0), '50%'],
    ['cell number', formatCell(1234), '1,234'],
    ['cell zero', formatCell(0), '0'],
    ['cell c', formatCell('c'), '[c]'],
    ['cell x', formatCell('x'), '[x]'],
    ['year', formatYear('2017-18'), '2017/18'],
  ];
  for (const [name, actual, expected] of cases) it(name, () => expect(actual).to.equal(expected));
});

describe('messages', () => {
  it('fills placeholders', () => {
    expect(msg({}, 'symbolC', { min: 3 })).to.equal('suppressed to protect confidentiality: fewer than 3 records');
  });
  it('chooses the en-GB plural form from count', () => {
    const summary = (count: number) => msg({}, 'logTypesSummary', { count, total: String(count), area: 'A', period: 'P', top: 'T', topCount: '1' });
    expect(summary(1)).to.equal('A had 1 log in P.');
    expect(summary(5)).to.match(/^A had 5 logs in P;/);
    expect(summary(0)).to.match(/^A had 0 logs/);
  });
  it('takes overrides, plain or plural', () => {
    expect(msg({ alertsViewAll: 'Every notice' }, 'alertsViewAll')).to.equal('Every notice');
    expect(msg({ logTypesSummary: { one: 'one {count}', other: 'many {count}' } }, 'logTypesSummary', { count: 2 })).to.equal('many 2');
  });
});

describe('recheck (elements\u2019 disclosure re-check)', () => {
  const t = (cells: RecheckTable['cells'], rowTotals: RecheckTable['rowTotals'], colTotals: RecheckTable['colTotals'], total: RecheckTable['total']): RecheckTable => ({ cells, rowTotals, colTotals, total });
  const cases: [string, RecheckTable, RecheckTable, number][] = [
    ['a correct table is unchanged', t([[5, 7], [4, 0]], [12, 4], [9, 7], 16), t([[5, 7], [4, 0]], [12, 4], [9, 7], 16), 0],
    ['zeros are true zeros', t([[0, 0], [0, 0]], [0, 0], [0, 0], 0), t([[0, 0], [0, 0]], [0, 0], [0, 0], 0), 0],
    [
      'a count of 1 is suppressed, with complements in its row and column',
      t([[1, 9], [7, 8]], [10, 15], [8, 17], 25),
      t([['c', 'c'], ['c', 'c']], [10, 15], [8, 17], 25),
      4,
    ],
    [
      'a lone [c] next to a published total gets the smallest non-zero complement',
      t([['c', 5, 9, 0]], ['c'], ['c', 5, 9, 0], 20),
      // …and, with one row, its row total equals the grand total, so that is hidden too.
      t([['c', 'c', 9, 0]], ['c'], ['c', 'c', 9, 0], 'c'),
      3,
    ],
    [
      'no non-zero partner: the total is suppressed instead',
      t([['c', 0]], [4], ['c', 0], 4),
      t([['c', 0]], ['c'], ['c', 0], 'c'),
      2,
    ],
    [
      'every cell suppressed: margins kept',
      t([['c', 'c'], ['c', 'c']], [10, 10], [10, 10], 20),
      t([['c', 'c'], ['c', 'c']], [10, 10], [10, 10], 20),
      0,
    ],
    [
      'a total of 2 is suppressed too',
      t([[0, 0], [0, 0]], [0, 0], [0, 0], 2),
      t([[0, 0], [0, 0]], [0, 0], [0, 0], 'c'),
      1,
    ],
  ];
  for (const [name, input, expected, n] of cases) {
    it(name, () => {
      const result = recheck(input);
      expect(result.table).to.deep.equal(expected);
      expect(result.resuppressed.length).to.equal(n);
    });
  }
  it('never leaves a 1 or 2 anywhere', () => {
    const { table } = recheck(t([[2, 1, 30], [40, 50, 60]], [33, 150], [42, 51, 90], 183));
    const all = [...table.cells.flat(), ...table.rowTotals, ...table.colTotals, table.total];
    expect(all.filter((v) => v === 1 || v === 2)).to.deep.equal([]);
  });
});

describe('bar chart', () => {
  it('scales bars linearly and never gives a symbol a length', () => {
    const g = barGeometry([{ label: 'a', value: 100 }, { label: 'b', value: 50 }, { label: 'c', value: 'c' }, { label: 'd', value: 0 }, { label: 'e', value: 'x' }]);
    expect(g.bars.map((b) => (b.width === undefined ? undefined : Math.round(b.width)))).to.deep.equal([330, 165, undefined, 0, undefined]);
    expect(g.bars[2]?.suppressed).to.equal(true);
    expect(g.bars[2]?.valueText).to.equal('[c]');
  });
  it('all zeros do not divide by zero', () => {
    expect(barGeometry([{ label: 'a', value: 0 }]).bars[0]?.width).to.equal(0);
  });
  it('draws SVG nodes in the SVG namespace, with a viewBox and an accessible name', async () => {
    const el = mount(html`${renderBarChart({ summary: 'Summary.', bars: [{ label: 'A', value: 10 }, { label: 'B', value: 'c' }] })}`);
    const svgEl = el.querySelector('svg');
    expect(svgEl?.getAttribute('viewBox')).to.equal('0 0 440 100');
    expect(svgEl?.getAttribute('aria-label')).to.equal('Summary.');
    for (const node of Array.from(svgEl?.querySelectorAll('*') ?? [])) expect(node.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(svgEl?.querySelectorAll('rect.core-chart__bar').length).to.equal(1);
    expect(svgEl?.querySelectorAll('rect.core-chart__gap').length).to.equal(1);
    expect(svgEl?.textContent).to.contain('[c] suppressed');
    await expectAccessible(el);
  });
});

describe('table', () => {
  const view = {
    caption: 'Logs by type',
    columns: ['Type', 'Logs'],
    rows: [{ header: 'A', values: [1234] }, { header: 'B', values: ['c' as const] }],
    foot: { header: 'Total', values: [2000] },
    minCount: 3,
  };
  it('renders caption, scoped headers, right-aligned numbers and the key', async () => {
    const el = mount(html`${renderTable(view)}`);
    expect(el.querySelector('caption')?.textContent).to.equal('Logs by type');
    expect(Array.from(el.querySelectorAll('thead th')).map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col']);
    expect(Array.from(el.querySelectorAll('tbody th, tfoot th')).map((th) => th.getAttribute('scope'))).to.deep.equal(['row', 'row', 'row']);
    expect(Array.from(el.querySelectorAll('td.core-num')).map((td) => td.textContent)).to.deep.equal(['1,234', '[c]', '2,000']);
    expect(el.querySelector('.core-key')?.textContent).to.contain('[c] = suppressed to protect confidentiality: fewer than 3 records');
    await expectAccessible(el);
  });
  it('keys only the symbols used', () => {
    expect(symbolsIn({ rows: [{ header: '', values: [1, 'z', 'c'] }] })).to.deep.equal(['c', 'z']);
    expect(symbolsIn({ rows: [{ header: '', values: [1] }] })).to.deep.equal([]);
  });
});

describe('status', () => {
  it('loading is a polite status; an error is an alert with the reason', async () => {
    const el = mount(html`${renderLoading()}${renderError(new FeedError('version', 'Schema 2.0.0, reads 1.x.'))}`);
    expect(el.querySelector('[role=status]')?.textContent).to.equal('Loading…');
    const alert = el.querySelector('[role=alert]');
    expect(alert?.getAttribute('data-reason')).to.equal('version');
    expect(alert?.textContent).to.contain('Schema 2.0.0, reads 1.x.');
    await expectAccessible(el);
  });
});

describe('rich text', () => {
  it('renders text as text and only safe links', () => {
    const blocks: Block[] = [
      { type: 'paragraph', children: [
        { type: 'text', text: '<img src=x onerror="window.__richXss=1">' },
        { type: 'link', href: 'javascript:window.__richXss=1', children: [{ type: 'text', text: 'bad' }] },
        { type: 'link', href: 'https://www.gov.uk/', children: [{ type: 'strong', children: [{ type: 'text', text: 'good' }] }] },
      ] },
      { type: 'list', ordered: true, items: [[{ type: 'em', children: [{ type: 'text', text: 'one' }] }]] },
    ];
    const host = document.createElement('div');
    render(renderBlocks(blocks), host);
    expect(host.querySelector('img')).to.equal(null);
    expect(Array.from(host.querySelectorAll('a')).map((a) => a.getAttribute('href'))).to.deep.equal(['https://www.gov.uk/']);
    expect(host.querySelector('a strong')?.textContent).to.equal('good');
    expect(host.querySelector('ol li em')?.textContent).to.equal('one');
    expect(host.textContent).to.contain('<img src=x');
    expect((window as unknown as { __richXss?: number }).__richXss).to.equal(undefined);
  });
});
