/**
 * `npm run bench:build`: throughput and peak memory of `core-feed build` on one national year of
 * synthetic lettings (300,000 logs, DESIGN §6: ≤ 60 s, ≤ 1 GB on 2 cores), beside DuckDB doing the
 * same group-by counts on the same CSV: logs by LA × log type × quarter, every tabulated question
 * by LA × log type × quarter, and every crosstab pair by log type (full year).
 * The synthetic logs are made once in out/bench/ and reused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { planYear } from '../src/builder/plan.js';
import { columnFor } from '../src/catalog/index.js';

const LOGS = 'out/bench/logs';
const CSV = `${LOGS}/core-lettings-2024-25.csv`;
const N = Number(process.env.BENCH_LETTINGS ?? 300000);

if (!existsSync(CSV)) {
  console.log(`making ${N.toLocaleString('en-GB')} synthetic lettings…`);
  run(['bin/core-feed.mjs', 'synth', '--out', LOGS, '--years', '2024-25', '--lettings', String(N), '--sales', '0', '--seed', '1']);
}

// core-feed build, as a child process so its peak memory is its own.
const started = performance.now();
const child = spawnSync(
  process.execPath,
  ['--input-type=module', '-e',
    `process.on('exit', () => console.error('MAXRSS_KB ' + process.resourceUsage().maxRSS));
     await import('./bin/core-feed.mjs');`,
    'core-feed', 'build', '--input', LOGS, '--out', 'out/bench/feed'],
  { encoding: 'utf8' },
);
const buildSeconds = (performance.now() - started) / 1000;
if (child.status !== 0) throw new Error(`build failed:\n${child.stderr}`);
const rssMb = Number(/MAXRSS_KB (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
console.log(child.stderr.split('\n').filter((l) => !l.startsWith('MAXRSS')).join('\n'));

// DuckDB: the same counts.
const plan = planYear(2024, 'lettings');
const tabulated = plan.fields.filter((f) => f.tabulated).map((f) => columnFor(f.field, 2024, { support: true })!);
const pairs = plan.pairs.map(([x, y]) => [columnFor(plan.fields[x]!.field, 2024, { support: true })!, columnFor(plan.fields[y]!.field, 2024, { support: true })!]);
const q = (c: string) => `"${c}"`;
const sets = [
  '(la, logtype, quarter)',
  ...tabulated.map((c) => `(la, logtype, quarter, ${q(c)})`),
  ...pairs.map(([x, y]) => `(logtype, ${q(x!)}, ${q(y!)})`), // crosstabs are full-year only
];
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const duckStarted = performance.now();
await con.run(`CREATE VIEW logs AS SELECT *,
  needstype || '-' || renttype || '-' || renttype_detail AS logtype,
  ((month(CAST(startdate AS DATE)) + 8) % 12) // 3 + 1 AS quarter
  FROM read_csv('${CSV}', skip = 1, header = true, all_varchar = true)`);
const result = await con.runAndReadAll(`SELECT count(*) AS n FROM (SELECT count(*) FROM logs GROUP BY GROUPING SETS (${sets.join(', ')}))`);
const duckSeconds = (performance.now() - duckStarted) / 1000;
const groups = Number(result.getRows()[0]![0]);

const rate = (s: number) => Math.round(N / s).toLocaleString('en-GB');
console.log(`\ncore-feed build: ${N.toLocaleString('en-GB')} lettings in ${buildSeconds.toFixed(1)} s (${rate(buildSeconds)} logs/s), peak memory ${rssMb.toFixed(0)} MB`);
console.log(`DuckDB (2 threads) same group-by counts (${sets.length} grouping sets, ${groups.toLocaleString('en-GB')} groups): ${duckSeconds.toFixed(1)} s (${rate(duckSeconds)} logs/s)`);
console.log(`ratio core-feed / DuckDB: ${(buildSeconds / duckSeconds).toFixed(2)} (core-feed also protects, validates and writes every document)`);
console.log(`budget (DESIGN §6): ≤ 60 s, ≤ 1024 MB → ${buildSeconds <= 60 && rssMb <= 1024 ? 'within' : 'OVER'}`);

function run(args: string[]) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
