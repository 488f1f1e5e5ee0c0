// Browser tests in real Chromium (Debian's package; see ../shared/TOOLCHAIN.md).
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `Chromium not found at ${executablePath}.\n` +
      'Install it with: apt-get update && apt-get install -y chromium\n' +
      'or point CHROME_PATH at a Chrome or Chromium binary.',
  );
  process.exit(1);
}

/** Writes the pass/fail counts for scripts/test.mjs to print the closing line. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0, failed = 0, skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        else if (!s.passed) failed++; // a file that failed to load counts as a failure
        if (s.testResults && !s.passed && (s.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync('out', { recursive: true });
      writeFileSync('out/browser-counts.json', JSON.stringify({ passed, failed, skipped }));
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--disable-dev-shm-usage', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'core-wtr-'))}`,
          // Two test pages run at once; the one in the background must not have its timers
          // throttled (axe-core and fetch timeouts rely on setTimeout).
          '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), countsReporter()],
};
