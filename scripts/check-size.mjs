#!/usr/bin/env node
// The CDN bundle against its budget (DESIGN §6: ≤ 40 KB min+gzip), and where its bytes go.
//
//   npm run build && node scripts/check-size.mjs          # total, and bytes per package / folder
//   node scripts/check-size.mjs --files                   # … and per source file
//
// `npm run build` already fails when the bundle is over budget (the size-budget plugin in
// rollup.config.mjs); this script explains a number. Attribution follows the source map: each
// minified character belongs to the source file it came from; a file's share of the gzip size is
// estimated in proportion to its minified bytes. Exit code 1 when over budget.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const FILE = 'dist/core-widgets.js';
const BUDGET = 40_000;
if (!existsSync(FILE) || !existsSync(`${FILE}.map`)) {
  console.error(`${FILE} (and its .map) not found: run npm run build first.`);
  process.exit(2);
}
const code = readFileSync(FILE, 'utf8');
const map = new TraceMap(readFileSync(`${FILE}.map`, 'utf8'));
const lines = code.split('\n');

const segments = [];
eachMapping(map, (m) => segments.push(m));
segments.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);

const perFile = new Map();
for (let i = 0; i < segments.length; i++) {
  const s = segments[i];
  const next = segments[i + 1];
  const line = lines[s.generatedLine - 1] ?? '';
  const end = next && next.generatedLine === s.generatedLine ? next.generatedColumn : line.length;
  const source = (s.source ?? '(unmapped)').replace(/^.*node_modules\//, 'node_modules/').replace(/^.*?\/src\//, 'src/');
  perFile.set(source, (perFile.get(source) ?? 0) + (end - s.generatedColumn));
}

/** node_modules/<package> (scoped: two parts), or src/<folder>/<folder>. */
const groupOf = (file) => {
  const parts = file.split('/');
  if (parts[0] === 'node_modules') return parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/');
  return parts.slice(0, Math.min(3, parts.length - 1) || 1).join('/');
};
const perGroup = new Map();
for (const [file, bytes] of perFile) perGroup.set(groupOf(file), (perGroup.get(groupOf(file)) ?? 0) + bytes);

const gzip = gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${((bytes / code.length) * gzip / 1000).toFixed(1).padStart(5)} KB`;
const table = (rows) => [...rows].sort((a, b) => b[1] - a[1]).forEach(([name, bytes]) => console.log(`${String(bytes).padStart(8)}  ${kb(bytes)}  ${name}`));

console.log(`${FILE}: ${code.length.toLocaleString('en-GB')} bytes minified, ${gzip.toLocaleString('en-GB')} bytes min+gzip (budget ${BUDGET.toLocaleString('en-GB')})\n`);
console.log('minified  ≈gzip     package or folder');
table(perGroup);
if (process.argv.includes('--files')) {
  console.log('\nminified  ≈gzip     source file');
  table(perFile);
}
if (gzip > BUDGET) {
  console.error(`\nOver budget by ${(gzip - BUDGET).toLocaleString('en-GB')} bytes.`);
  process.exit(1);
}
