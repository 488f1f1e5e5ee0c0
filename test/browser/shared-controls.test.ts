import { expect } from '@open-wc/testing';
import { filterOptions } from '../../src/elements/shared/combobox.js';
import { areaGroups, fieldGroups, logTypeOptions, periodOptions } from '../../src/elements/shared/controls.js';
import { countCells, csvField, fileSlug, toCsv } from '../../src/elements/shared/csv.js';
import { compareWord, joinList, largestIndex } from '../../src/elements/shared/summary.js';
import type { Manifest } from '../../src/feed/types.js';
import { feedUrl } from './helpers.js';

describe('shared CSV', () => {
  it('quotes only what needs quoting; doubles quotes; CRLF line ends', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' padded', 1234.5, null, undefined, '']])).to.equal(
      'a,"b,c","say ""hi""","two\nlines"," padded",1234.5,,,\r\n');
    expect(toCsv([])).to.equal('');
    expect(toCsv([['x'], ['y']])).to.equal('x\r\ny\r\n');
  });
  it('defuses spreadsheet formulas in text, never in numbers', () => {
    expect(csvField('=SUM(A1)')).to.equal("'=SUM(A1)");
    expect(csvField('+44')).to.equal("'+44");
    expect(csvField('@x,y')).to.equal('"\'@x,y"');
    expect(csvField(-3)).to.equal('-3');
    expect(csvField(Number.NaN)).to.equal('');
  });
  it('splits a count into a number column and a status column', () => {
    expect(countCells(12)).to.deep.equal([12, '']);
    expect(countCells(0)).to.deep.equal([0, '']);
    expect(countCells('c')).to.deep.equal(['', 'c']);
    expect(countCells(undefined)).to.deep.equal(['', 'x']);
  });
  it('file names', () => expect(fileSlug('Bristol, City of', 'sex1', '2024/25')).to.equal('bristol-city-of-sex1-2024-25'));
});

describe('shared summary helpers', () => {
  it('joins the en-GB way and finds the largest published value', () => {
    expect(joinList(['A'])).to.equal('A');
    expect(joinList(['A', 'B', 'C'])).to.equal('A, B and C');
    expect(largestIndex([3, 'c', 9, undefined, 9])).to.equal(2);
    expect(largestIndex(['c', 0])).to.equal(-1);
    expect(compareWord(10, 10.4, 0.5)).to.equal('similar');
    expect(compareWord(12, 10, 0.5)).to.equal('higher');
  });
});

describe('shared controls', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = (await (await fetch(`${feedUrl('la-basic')}manifest.json`)).json()) as Manifest;
  });
  it('periods and log types with LA tables, latest first', async () => {
    expect(periodOptions(manifest, 'la').map((o) => o.value)).to.deep.equal(['2024-25', '2023-24']);
    // The `basic` feed has a year-to-date period with logs by area only: not offered.
    const basic = (await (await fetch(`${feedUrl('basic')}manifest.json`)).json()) as Manifest;
    expect(basic.documents['2024-25-q1']).to.not.equal(undefined);
    expect(periodOptions(basic, 'la').map((o) => o.value)).to.not.include('2024-25-q1');
    expect(logTypeOptions(manifest, '2024-25', 'la').map((o) => o.value)).to.deep.equal(['sr-gn', 'sales']);
    expect(logTypeOptions(manifest, '2023-24', 'la').map((o) => o.value)).to.deep.equal(['sr-gn']);
  });
  it('questions grouped by form section; national-only ones left out of LA documents', () => {
    const groups = fieldGroups(manifest, { period: '2024-25', logType: 'sr-gn', documents: ['la', 'summary'] });
    expect(groups.map((g) => [g.label, g.options.map((o) => o.value)])).to.deep.equal([
      ['Household characteristics', ['sex1', 'hhtype', 'age1']],
      ['Tenancy information', ['tenancy']],
      ['Property information', ['unittype_gn', 'beds']],
      ['Income, benefits and rent', ['wrent']],
      ['Household situation', ['homeless']],
    ]);
    expect(fieldGroups(manifest, { period: '2024-25', logType: 'sr-gn', documents: ['national'], exclude: (f) => f.id === 'sex1' })[0]?.options.map((o) => o.value))
      .to.deep.equal(['hhtype', 'age1', 'armedforces']);
    expect(fieldGroups(manifest, { period: '2099-00', logType: 'sr-gn', documents: ['la'] })).to.deep.equal([]);
  });
  it('LAs grouped by region, alphabetically', () => {
    expect(areaGroups(manifest).map((g) => [g.label, g.options.map((o) => o.label)])).to.deep.equal([
      ['London', ['Barnet', 'Camden', 'Hackney', 'Islington']],
      ['West Midlands', ['Birmingham', 'Coventry']],
    ]);
  });
  it('the picker filters by name or group, ignoring case and accents', () => {
    const options = [
      { value: '1', label: 'Camden', group: 'London' },
      { value: '2', label: 'Southend-on-Sea', group: 'East of England' },
      { value: '3', label: 'Hackney', group: 'London' },
    ];
    expect(filterOptions(options, 'CAM').map((o) => o.value)).to.deep.equal(['1']);
    expect(filterOptions(options, 'london').map((o) => o.value)).to.deep.equal(['1', '3']);
    expect(filterOptions(options, 'ea').map((o) => o.value)).to.deep.equal(['2']);
    expect(filterOptions(options, '  ').length).to.equal(3);
  });
});
