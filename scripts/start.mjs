#!/usr/bin/env node
// `npm start`: installs if needed, builds the bundle, makes the demo's synthetic logs if absent,
// builds the feed when the logs are newer than it, and serves the demo pages, the bundle and the
// feed on localhost. A second start reuses what the first built.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const newest = (dir) => (existsSync(dir) ? Math.max(0, ...readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, f)).mtimeMs)) : 0);

if (!existsSync('node_modules/.package-lock.json')) run('npm', ['ci', '--no-audit', '--no-fund']);

const LOGS = 'out/demo/logs';
const FEED = 'out/demo/feed';
if (!existsSync(LOGS)) {
  console.log('Making synthetic demo logs…');
  run(process.execPath, ['bin/core-feed.mjs', 'synth', '--out', LOGS, '--years', '2023-24,2024-25', '--lettings', '12000', '--sales', '2500', '--seed', '7']);
}
const feedTime = existsSync(join(FEED, 'manifest.json')) ? statSync(join(FEED, 'manifest.json')).mtimeMs : 0;
if (feedTime < Math.max(newest(LOGS), newest('src/builder'), newest('src/catalog'), newest('src/sdc'), newest('demo/alerts'))) {
  console.log('Building the feed…');
  const alerts = existsSync('demo/alerts') ? ['--alerts', 'demo/alerts'] : [];
  run(process.execPath, ['bin/core-feed.mjs', 'build', '--input', LOGS, '--out', FEED, ...alerts]);
}
if (newest('dist') < newest('src')) {
  console.log('Building the bundle…');
  run('npx', ['rollup', '-c', '--silent']);
}
const { serve } = await import('./serve.mjs');
serve();
