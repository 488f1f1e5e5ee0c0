// Three builds from one source tree:
//  1. dist/esm/     the npm package: one module per source file, lit and d3 left as imports;
//  2. dist/core-widgets.js  the CDN bundle: every element, lit and the d3 modules used, minified;
//  3. dist/cli/     the Node command `core-feed`.
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const ts = (options = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    noEmit: false,
    declaration: false,
    sourceMap: true,
    include: ['src/**/*.ts'],
    ...options,
  });

/**
 * DESIGN §6: the CDN bundle, min+gzip, is at most 40 KB (40,000 bytes). Fails the build when it
 * is over, so `npm run build` keeps the budget; `node scripts/check-size.mjs` says where the bytes go.
 */
export const CDN_BUDGET_BYTES = 40_000;
function sizeBudget(limit = CDN_BUDGET_BYTES) {
  return {
    name: 'size-budget',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const bytes = gzipSync(chunk.code, { level: 9 }).length;
        const line = `${chunk.fileName}: ${bytes.toLocaleString('en-GB')} bytes min+gzip (budget ${limit.toLocaleString('en-GB')})`;
        if (bytes > limit) this.error(`${line}: over budget. Run node scripts/check-size.mjs to see where the bytes go.`);
        console.log(line);
      }
    },
  };
}

const defineEntries = readdirSync('src/define').filter((f) => f.endsWith('.ts')).map((f) => `src/define/${f}`);
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default [
  {
    input: ['src/index.ts', 'src/define.ts', ...defineEntries],
    external: isBare,
    output: { dir: 'dist/esm', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
    plugins: [json(), ts({ outDir: 'dist/esm' })],
  },
  {
    input: 'src/define.ts',
    output: { file: 'dist/core-widgets.js', format: 'es', sourcemap: true },
    plugins: [
      json(),
      // Lit's `production` export condition is its default; say so, so a `development` can never slip in.
      resolve({ browser: true, exportConditions: ['production'] }),
      ts({ outDir: 'dist' }),
      // Lit's css/html/svg template text without its indentation, and CSS without comments and newlines (≈ 0.85 KB gzip).
      minifyTemplatesPlugin(),
      // Measured (same input): `ecma: 2020` changes nothing; `compress.passes: 3` saves ≈ 100 bytes gzip (2 adds ≈ 40).
      terser({ format: { comments: false }, compress: { passes: 3 } }),
      sizeBudget(),
    ],
  },
  {
    // The worker threads (audit, full protection) load their modules beside the command.
    input: { 'core-feed': 'src/cli/core-feed.ts', worker: 'src/audit/worker.ts', 'protect-worker': 'src/builder/protect-worker.ts' },
    external: (id) => isBare(id) || id.startsWith('node:'),
    output: {
      dir: 'dist/cli', format: 'es', sourcemap: true, entryFileNames: '[name].js',
      banner: (chunk) => (chunk.name === 'core-feed' ? '#!/usr/bin/env node' : ''),
    },
    plugins: [json(), ts({ outDir: 'dist/cli' })],
  },
];
