/** `node bin/core-feed.mjs audit DIR`: exit codes, the report file, bad input. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedAuditReport } from '../../src/audit/run.js';
import { handFeed } from './helpers/audit-feed.js';
import { tempDir } from './helpers/csv.js';

const BIN = new URL('../../bin/core-feed.mjs', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('core-feed audit (CLI)', () => {
  it('exits 0 on a protected feed and writes audit-report.json in the feed folder', () => {
    const feed = handFeed([{ quarters: 4, sex: ['c', 'c', 10], las: [9, 9] }]);
    const r = run('audit', feed, '--workers', '1');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /PASS/);
    const report = JSON.parse(readFileSync(join(feed, 'audit-report.json'), 'utf8')) as FeedAuditReport;
    assert.equal(report.summary.pass, true);
    assert.equal(report.cells.length, 2);
    assert.deepEqual(Object.keys(report.cells[0]!).sort(), ['column', 'document', 'exact', 'hi', 'kind', 'lo', 'logType', 'pass', 'period', 'quantity', 'row'].sort());
  });

  it('exits 1 on a leaking feed, naming the cell, and writes --report where asked', () => {
    const feed = handFeed([
      { quarters: 1, sex: ['c', 'c', 0], las: [5, 4] },
      { quarters: 2, sex: [3, 7, 0], las: [5, 5] },
    ]);
    const out = join(tempDir(), 'r.json');
    const r = run('audit', feed, '--report', out, '--workers', '2');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /FAIL/);
    assert.match(r.stderr, /national\/sex1\.json E92000001 × F \(2024-25-q1\): \[2, 3\]/);
    assert.ok(existsSync(out));
    assert.ok(!existsSync(join(feed, 'audit-report.json')));
  });

  it('exits 1 with a message when the folder has no manifest, 2 on bad usage', () => {
    const r = run('audit', tempDir());
    assert.equal(r.status, 1);
    assert.match(r.stderr, /manifest\.json/);
    const u = run('audit');
    assert.equal(u.status, 2);
    assert.match(u.stderr, /audit needs one feed folder/);
    const bad = run('audit', tempDir(), '--rule', 'some');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--rule must be possibly-small or every/);
  });
});
