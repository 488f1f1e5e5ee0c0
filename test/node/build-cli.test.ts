/** `node bin/core-feed.mjs build`: the protection and detail settings reach the feed; bad usage exits 2. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildReport } from '../../src/builder/build.js';
import type { Manifest } from '../../src/feed/types.js';
import { tempDir } from './helpers/csv.js';

const BIN = new URL('../../bin/core-feed.mjs', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('core-feed build (CLI)', () => {
  it('full protection by default; --protection primary and --detail-min-logs reach the feed', () => {
    const dir = tempDir();
    const logs = join(dir, 'logs');
    assert.equal(run('synth', '--out', logs, '--years', '2024-25', '--lettings', '2000', '--sales', '0', '--seed', '4').status, 0);
    const byDefault = run('build', '--input', logs, '--out', join(dir, 'a'));
    assert.equal(byDefault.status, 0, byDefault.stderr);
    const a = JSON.parse(readFileSync(join(dir, 'a', 'manifest.json'), 'utf8')) as Manifest;
    assert.match(a.disclosure.method, /Secondary: /);
    assert.equal(a.disclosure.detailMinLogs, 10);
    const low = run('build', '--input', logs, '--out', join(dir, 'b'), '--protection', 'primary', '--detail-min-logs', '2');
    assert.equal(low.status, 0, low.stderr);
    const b = JSON.parse(readFileSync(join(dir, 'b', 'manifest.json'), 'utf8')) as Manifest;
    assert.doesNotMatch(b.disclosure.method, /Secondary: /);
    assert.equal(b.disclosure.detailMinLogs, 2);
    // 2,000 lettings a year are thin at 10 logs per LA, not at 2: general needs social rent gets its LA tables.
    const detailed = (out: string) => (JSON.parse(readFileSync(join(dir, out, 'build-report.json'), 'utf8')) as BuildReport).disclosure.protection.filter((p) => p.detailed).map((p) => p.block);
    assert.deepEqual(detailed('a'), []);
    assert.ok(detailed('b').includes('2024-25 sr-gn'), detailed('b').join());
    assert.ok(b.documents['2024-25']!['sr-gn']!.la.length > 0);
  });

  it('exits 2 on bad settings', () => {
    const bad = run('build', '--input', tempDir(), '--out', tempDir(), '--detail-min-logs', '0');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--detail-min-logs must be at least 1/);
    const level = run('build', '--input', tempDir(), '--out', tempDir(), '--protection', 'some');
    assert.equal(level.status, 2);
    assert.match(level.stderr, /--protection must be full or primary/);
  });
});
