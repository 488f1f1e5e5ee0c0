#!/usr/bin/env node
/* global document, customElements, requestAnimationFrame, performance -- the page.evaluate callbacks run in the browser */
// Render benchmark for <core-la-chart> (DESIGN §6: a 300-row × 20-column table or chart renders
// ≤ 50 ms after its data arrives, in headless Chromium). Not a unit test: it reports numbers.
//
//   npm run build && node scripts/bench-render.mjs        (needs the demo feed: run `npm start` once; RUNS=25, BUNDLE=…)
//
// Serves the demo (bundle + feed) on a free port, opens headless Chromium (puppeteer-core), and
// renders `<core-la-chart compare="region england all">` — the LA's chart, its comparison table
// and a table of every LA (~300 rows × the question's answers) — for the LA question with the
// most answers (and for a numeric one). The documents are fetched once first, so each timed
// render starts with the data in the feed client's cache: the time is derive (re-check, view
// model) + Lit render + layout, from setting `la` to the element's `core-load` and two frames.
//
// Wall-clock times depend on what else the machine runs, so, as in bench-crosstab.mjs, a Chrome
// trace gives the renderer main thread's CPU time (its thread clock, `tts`) between a mark at the
// start of each render and one after its frame: the figure to compare with the budget.
import { Buffer } from 'node:buffer';
import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from './serve.mjs';

const RUNS = Number(process.env.RUNS ?? 25);
// BUNDLE=other.js measures another build of the bundle (e.g. the one before a change) on the same feed.
const BUNDLE = process.env.BUNDLE;
if (!existsSync(BUNDLE ?? 'dist/core-widgets.js') || !existsSync('out/demo/feed/manifest.json')) {
  console.error('Needs dist/core-widgets.js and out/demo/feed: run `npm start` (or `npm run build` and the feed build) first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('out/demo/feed/manifest.json', 'utf8'));
const period = manifest.periods.filter((p) => manifest.documents[p.id]).at(-1).id;
const index = manifest.documents[period]['sr-gn'];
const widest = manifest.fields.filter((f) => index.la.includes(f.id)).sort((a, b) => (b.categories?.length ?? 0) - (a.categories?.length ?? 0))[0];
const numeric = manifest.fields.find((f) => index.summary.includes(f.id) && f.kind === 'numeric');

const server = serve(0);
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: mkdtempSync(join(tmpdir(), 'core-bench-')),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 900 });
  if (BUNDLE) {
    const code = readFileSync(BUNDLE, 'utf8');
    await page.setRequestInterception(true);
    page.on('request', (r) => (new URL(r.url()).pathname === '/dist/core-widgets.js' ? r.respond({ status: 200, contentType: 'text/javascript', body: code }) : r.continue()));
  }
  await page.goto(`${origin}/index.html`);
  await page.evaluate(() => { document.body.textContent = ''; });
  await page.addScriptTag({ type: 'module', url: `${origin}/dist/core-widgets.js` });
  await page.waitForFunction(() => customElements.get('core-la-chart'));

  const las = manifest.geography.las.map((l) => l.code);
  for (const field of [widest, numeric]) {
    await page.tracing.start({ categories: ['blink.user_timing'] });
    const result = await page.evaluate(async ({ src, field, las, runs, period }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const make = (la) => {
        const el = document.createElement('core-la-chart');
        Object.assign(el, { src, period, logType: 'sr-gn', field, compare: 'region england all', la });
        return el;
      };
      const render = async (el) => {
        const done = new Promise((r) => el.addEventListener('core-load', r, { once: true }));
        if (!el.isConnected) document.body.append(el);
        await done;
        await el.updateComplete;
        await frame(); // style, layout and paint of the new DOM
        await frame(); // and any work put off to the frame after (content-visibility decides there what to skip)
      };
      const warm = make(las[0]);
      await render(warm); // the manifest and the document are now in the page's feed client cache
      warm.remove();
      const first = [], again = [];
      let rows = 0, cells = 0;
      for (let i = 1; i <= runs; i++) {
        // A new element: its first render, with the data already fetched ("after data arrives").
        const el = make(las[i % las.length]);
        performance.mark(`first-start-${i}`);
        let t0 = performance.now();
        await render(el);
        first.push(performance.now() - t0);
        performance.mark(`first-end-${i}`);
        rows = el.shadowRoot.querySelectorAll('tbody tr').length;
        cells = el.shadowRoot.querySelectorAll('td').length;
        // The same element, another LA.
        performance.mark(`again-start-${i}`);
        t0 = performance.now();
        el.la = las[(i + 7) % las.length];
        await render(el);
        again.push(performance.now() - t0);
        performance.mark(`again-end-${i}`);
        el.remove();
      }
      const stats = (t) => { t.sort((a, b) => a - b); return { median: t[Math.floor(t.length / 2)], p95: t[Math.floor(t.length * 0.95)] }; };
      return { first: stats(first), again: stats(again), rows, cells };
    }, { src: `${origin}/feed/`, field: field.id, las, runs: RUNS, period });
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const f = (x) => `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms`;
    console.log(
      `${field.id} (${field.kind}, ${field.categories?.length ?? 3} answers): ${result.rows} table rows, ${result.cells} cells — ` +
      `first render after data: main-thread CPU ${f(cpuPerRun(trace, 'first', RUNS))} | wall ${f(result.first)}; ` +
      `another LA: main-thread CPU ${f(cpuPerRun(trace, 'again', RUNS))} | wall ${f(result.again)} (${RUNS} runs; budget 50 ms)`,
    );
  }
} finally {
  await browser.close();
  server.close();
  console.log(`(load average while running: ${loadavg().map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores)`);
}

/** CPU time of the renderer's main thread per run: tts(`${name}-end-i`) − tts(`${name}-start-i`) (see bench-crosstab.mjs). */
function cpuPerRun(trace, name, runs) {
  const tts = new Map();
  for (const e of trace.traceEvents ?? trace) if (e.name?.startsWith(`${name}-`) && e.tts !== undefined) tts.set(e.name, e.tts);
  const out = [];
  for (let i = 1; i <= runs; i++) {
    const a = tts.get(`${name}-start-${i}`), b = tts.get(`${name}-end-${i}`);
    if (a !== undefined && b !== undefined) out.push((b - a) / 1000);
  }
  out.sort((x, y) => x - y);
  return { median: out[Math.floor(out.length / 2)] ?? NaN, p95: out[Math.floor(out.length * 0.95)] ?? NaN };
}
