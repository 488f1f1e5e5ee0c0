// Three builds from one source tree:
//  1. dist/esm/     the npm package: one module per source file, lit and d3 left as imports;
//  2. dist/core-widgets.js  the CDN bundle: every element, lit and the d3 modules used, minified;
//  3. dist/cli/     the Node command `core-feed`.
import { readdirSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';

const ts = (options = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    noEmit: false,
    declaration: false,
    sourceMap: true,
    include: ['src/**/*.ts'],
    ...options,
  });

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
    plugins: [json(), resolve({ browser: true }), ts({ outDir: 'dist' }), terser({ format: { comments: false } })],
  },
  {
    input: 'src/cli/core-feed.ts',
    external: (id) => isBare(id) || id.startsWith('node:'),
    output: { file: 'dist/cli/core-feed.js', format: 'es', sourcemap: true, banner: '#!/usr/bin/env node' },
    plugins: [json(), ts({ outDir: 'dist/cli' })],
  },
];
