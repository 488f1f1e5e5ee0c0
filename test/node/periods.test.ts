import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseExportDate, parseYearId, periodOf, periodsOfYear, yearQuarterOf } from '../../src/builder/periods.js';
import { lettingsLogType } from '../../src/builder/log-types.js';

describe('periods', () => {
  it('maps dates to collection year and quarter (April–March)', () => {
    const cases: [number, number, number, number][] = [
      [2024, 4, 2024, 1], [2024, 6, 2024, 1], [2024, 7, 2024, 2], [2024, 9, 2024, 2],
      [2024, 10, 2024, 3], [2024, 12, 2024, 3], [2025, 1, 2024, 4], [2025, 3, 2024, 4], [2025, 4, 2025, 1],
    ];
    for (const [y, m, year, quarter] of cases) assert.deepEqual(yearQuarterOf(y, m), { year, quarter }, `${y}-${m}`);
  });

  it('names periods and labels them in the old site\'s style', () => {
    assert.deepEqual(periodsOfYear(2024).map((p) => [p.id, p.label, p.quarters]), [
      ['2024-25-q1', '2024/25 Q1', 1],
      ['2024-25-q1-q2', '2024/25 Q1–Q2', 2],
      ['2024-25-q1-q3', '2024/25 Q1–Q3', 3],
      ['2024-25', '2024/25', 4],
    ]);
    assert.equal(periodOf(1999, 4).id, '1999-00');
  });

  it('parses year ids and refuses malformed ones', () => {
    assert.equal(parseYearId('2023-24'), 2023);
    assert.throws(() => parseYearId('2023-25'), /not a collection year/);
    assert.throws(() => parseYearId('2023'), /not a collection year/);
  });

  it('parses export dates (ISO and dd/mm/yyyy) and rejects impossible ones', () => {
    assert.deepEqual(parseExportDate('2024-04-01'), { year: 2024, month: 4, day: 1 });
    assert.deepEqual(parseExportDate('2024-04-01T00:00:00+01:00'), { year: 2024, month: 4, day: 1 });
    assert.deepEqual(parseExportDate('31/03/2025'), { year: 2025, month: 3, day: 31 });
    assert.equal(parseExportDate('2024-02-30'), null);
    assert.equal(parseExportDate('yesterday'), null);
    assert.equal(parseExportDate(''), null);
  });
});

describe('log types', () => {
  it('maps needstype, renttype and renttype_detail to the seven log types', () => {
    assert.equal(lettingsLogType('1', '1', '1'), 'sr-gn');
    assert.equal(lettingsLogType('2', '1', '1'), 'sr-sh');
    assert.equal(lettingsLogType('1', '2', '2'), 'ar-gn');
    assert.equal(lettingsLogType('1', '2', '3'), 'ar-gn'); // London Affordable Rent counts as Affordable Rent
    assert.equal(lettingsLogType('2', '2', '2'), 'ar-sh');
    assert.equal(lettingsLogType('1', '3', '4'), 'rtb-gn');
    assert.equal(lettingsLogType('2', '3', '4'), 'rtb-sh');
    assert.equal(lettingsLogType('1', '3', '5'), null); // London Living Rent: outside the seven
    assert.equal(lettingsLogType('1', '4', '7'), null); // Specified accommodation
    assert.equal(lettingsLogType('', '1', '1'), null);
  });
});
