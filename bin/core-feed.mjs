#!/usr/bin/env node
// The `core-feed` command. In a checkout of the repository it runs the TypeScript source through
// tsx, so it is always current; in the installed npm package (no src/) it runs the built CLI.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/core-feed.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/core-feed.js', import.meta.url).href);
}
