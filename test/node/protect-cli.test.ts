/** `node bin/core-feed.mjs protect --in TABLE.json --out OUT.json`: output, summary, errors, exit codes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTableInput } from '../../src/audit/protect-cli.js';
import type { TableOutput } from '../../src/sdc/protect-table.js';
import { tempDir } from './helpers/csv.js';

const BIN = new URL('../../bin/core-feed.mjs', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

const TABLE = {
  rows: ['England', 'North', 'South', 'LA1', 'LA2', 'LA3'],
  cols: ['owned', 'rented'],
  cells: [[null, null], [null, null], [null, null], [1, 30], [20, 25], [12, 9]],
  rowHierarchy: { England: ['North', 'South'], North: ['LA1', 'LA2'], South: ['LA3'] },
};

function write(content: unknown | string): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, 'table.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return { dir, path };
}

describe('core-feed protect (CLI)', () => {
  it('protects a table, writes the output and prints the summary', () => {
    const { dir, path } = write(TABLE);
    const out = join(dir, 'out.json');
    const r = run('protect', '--in', path, '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /1 primary and \d+ secondary cells suppressed; audit passes/);
    const result = JSON.parse(readFileSync(out, 'utf8')) as TableOutput;
    assert.equal(result.pass, true);
    const la1 = result.rows.indexOf('LA1');
    assert.equal(result.cells[la1]![result.cols.indexOf('owned')], 'c');
    assert.ok(!JSON.stringify(result.cells).includes('[1,'), 'the primary value is not written');
  });

  it('says what is wrong with bad input, and exits 2', () => {
    const cases: [unknown | string, RegExp][] = [
      ['{ not json', /not valid JSON/],
      [[1, 2], /"\(top level\)" must be a JSON object/],
      [{ ...TABLE, rows: 'England' }, /"rows" must be a non-empty array of codes/],
      [{ ...TABLE, cells: TABLE.cells.slice(1) }, /"cells" must have 6 rows/],
      [{ ...TABLE, cells: [...TABLE.cells.slice(0, 3), [1, -4], ...TABLE.cells.slice(4)] }, /"cells\[3\]\[1\]" \(LA1 × rented\) must be a non-negative number/],
      [{ ...TABLE, colTotals: [1] }, /"colTotals" must be an array of 2 non-negative numbers/],
      [{ ...TABLE, forced: [['LA1']] }, /"forced\[0\]" must be a \[rowCode, colCode\] pair/],
      [{ ...TABLE, colour: 'red' }, /"colour" is not a table field/],
      [{ ...TABLE, rowHierarchy: { England: ['North', 'Nowhere'], North: ['LA1', 'LA2'], South: ['LA3'] } }, /Nowhere is not in rows/],
      [{ ...TABLE, grandTotal: 5 }, /table\.json: .*(add up|disagree|given)/],
    ];
    for (const [content, message] of cases) {
      const { dir, path } = write(content);
      const r = run('protect', '--in', path, '--out', join(dir, 'out.json'));
      assert.equal(r.status, 2, `${JSON.stringify(content).slice(0, 80)}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });

  it('exits 2 when the file is missing or arguments are missing', () => {
    const missing = run('protect', '--in', join(tempDir(), 'nope.json'), '--out', join(tempDir(), 'o.json'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: file not found/);
    const usage = run('protect', '--in', 'x.json');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /protect needs --in TABLE\.json and --out OUT\.json/);
  });

  it('parseTableInput accepts the documented example', () => {
    assert.deepEqual(parseTableInput(TABLE).rows, TABLE.rows);
  });
});
