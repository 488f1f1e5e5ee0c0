#!/usr/bin/env node
// `npm test`: type-check, lint, Node tests, browser tests — then one plain closing line
// ("N passed, N failed, N skipped") for CI. Each step runs even if an earlier one failed,
// so one run reports everything; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';

const npx = (args, extra = {}) => spawnSync('npx', args, { stdio: 'inherit', ...extra });
const results = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, fn) {
  console.log(`\n── ${name} ──`);
  const ok = fn();
  if (!ok) failedSteps.push(name);
}

mkdirSync('out', { recursive: true });

step('type-check (tsc)', () => npx(['tsc', '--noEmit', '-p', 'tsconfig.json']).status === 0);
step('lint (eslint)', () => npx(['eslint', '.']).status === 0);

step('Node tests', () => {
  const files = readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/node/${f}`);
  rmSync('out/node-counts.json', { force: true });
  const run = spawnSync(
    process.execPath,
    [
      '--import', 'tsx', '--test', '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-counts-reporter.mjs', '--test-reporter-destination=out/node-counts.json',
      ...files,
    ],
    { stdio: 'inherit' },
  );
  return addCounts('out/node-counts.json') && run.status === 0;
});

step('browser tests (web-test-runner, Chromium)', () => {
  rmSync('out/browser-counts.json', { force: true });
  const run = npx(['wtr', '--config', 'web-test-runner.config.mjs']);
  return addCounts('out/browser-counts.json') && run.status === 0;
});

function addCounts(file) {
  if (!existsSync(file)) {
    results.failed++; // the runner died before reporting: count it, never pass silently
    return false;
  }
  const c = JSON.parse(readFileSync(file, 'utf8'));
  results.passed += c.passed;
  results.failed += c.failed;
  results.skipped += c.skipped;
  return true;
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
// A failed type-check or lint counts as one failed check each.
const stepFailures = failedSteps.filter((s) => s.startsWith('type-check') || s.startsWith('lint')).length;
console.log(`${results.passed} passed, ${results.failed + stepFailures} failed, ${results.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
