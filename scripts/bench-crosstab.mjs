#!/usr/bin/env node
/* global document, customElements, requestAnimationFrame, performance, MutationObserver -- the page.evaluate callbacks run in the browser */
// Render benchmark for <core-crosstab> (DESIGN §6: a large table or chart renders ≤ 50 ms after
// its data arrives, in headless Chromium). Not a unit test: it reports numbers.
//
//   npm run build && node scripts/bench-crosstab.mjs        (RUNS=25 by default)
//
// Serves dist/ on a free port, opens headless Chromium (puppeteer-core) and renders
// <core-crosstab> from the CDN bundle against an in-page feed holding a synthetic 200 × 20
// crosstab (200 answers × 20 answers, ~10 % of cells suppressed in a protected pattern) and a
// 200 × 6 one for charts. The feed answers from memory, so each timed render starts with the
// data arrived: the time is re-check + view model + Lit render + style/layout/paint, from
// connecting the element to its `core-load` event and the next two frames.
//
// Wall-clock times depend on what else the machine runs. So the script also records a Chrome
// trace and reports the renderer main thread's CPU time (its thread clock, `tts`) between a
// mark at the start of each render and one after its frame: the work the render costs
// (script, style, layout, paint on the main thread), independent of other processes competing
// for the cores.
//
// A long table is drawn in parts (the first rows, then more after each painted frame), so the
// trace gives three figures per run, each as main-thread CPU (median, p95):
//   first part  — from the start to the end of the first Paint after the first body rows exist
//                 (a mark from a MutationObserver): the first screenful on screen;
//   complete    — from the start until core-load and the two frames after it (as before);
//   longest task — the longest single main-thread task (toplevel RunTask) in the run: what
//                 blocks input (DESIGN §6's 50 ms is meant for it too).
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const RUNS = Number(process.env.RUNS ?? 25);
const BUNDLE = process.env.BUNDLE ?? 'dist/core-widgets.js';
if (!existsSync(BUNDLE)) {
  console.error('Needs dist/core-widgets.js: run `npm run build` first.');
  process.exit(1);
}
const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body style="font-family:arial;width:1000px"></body></html>';
const server = createServer((req, res) => {
  if (req.url === '/dist/core-widgets.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    createReadStream(BUNDLE).pipe(res);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: mkdtempSync(join(tmpdir(), 'core-bench-')),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

const CASES = [
  { name: 'table, numbers      (200 × 20)', attrs: { x: 'a', y: 'b' } },
  { name: 'table, row %        (200 × 20)', attrs: { x: 'a', y: 'b', percentages: 'row' } },
  { name: 'table, column %     (200 × 20)', attrs: { x: 'a', y: 'b', percentages: 'column' } },
  { name: 'table, total %      (200 × 20)', attrs: { x: 'a', y: 'b', percentages: 'total' } },
  { name: 'table, swapped      (20 × 200)', attrs: { x: 'b', y: 'a' } },
  { name: 'bar chart           (200 × 6) ', attrs: { x: 'a', y: 'c', display: 'chart', chart: 'bar' } },
  { name: 'column chart        (200 × 6) ', attrs: { x: 'a', y: 'c', display: 'chart', chart: 'column' } },
];

const ONLY = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 900 });
  await page.goto(`${origin}/`);
  await page.addScriptTag({ type: 'module', url: `${origin}/dist/core-widgets.js` });
  await page.waitForFunction(() => customElements.get('core-crosstab'));
  for (const c of CASES.filter((k) => !ONLY || ONLY.test(k.name))) {
    await page.tracing.start({ categories: ['blink.user_timing', 'toplevel', 'devtools.timeline'] });
    const r = await page.evaluate(async ({ attrs, runs }) => {
      // A synthetic feed in memory: fields a (200 answers), b (20), c (6); documents a~b, a~c
      // (feed v1 lists the crossed fields, each pair stored once in that order).
      const field = (id, n) => ({
        id, label: `Question ${id}`, section: 'Bench', log: 'lettings', kind: 'categorical', show: 'national',
        categories: Array.from({ length: n }, (_, k) => ({ code: k === n - 1 ? 'unknown' : `${id}${k}`, label: k === n - 1 ? 'Not known' : `Answer ${k + 1} to ${id}` })),
      });
      const fields = [field('a', 200), field('b', 20), field('c', 6)];
      const table = (x, y) => {
        const rows = x.categories.map((k) => k.code), cols = y.categories.map((k) => k.code);
        // Counts ≥ 3 or 0, and a protected 2 × 2 rectangle of "c" every few rows (no lone c).
        const cells = rows.map((_, i) => cols.map((_, j) => ((i * 31 + j * 17) % 53) + 3));
        const truth = cells.map((r) => [...r]);
        for (let i = 0; i + 1 < rows.length; i += 10) for (const [di, j] of [[0, 1], [0, 2], [1, 1], [1, 2]]) cells[i + di][j] = 'c';
        return {
          schemaVersion: '1.0.0', kind: 'table', period: '2024-25', logType: 'sr-gn', rowDim: x.id, colDim: y.id, rows, cols, cells,
          rowTotals: truth.map((r) => r.reduce((a, b) => a + b, 0)),
          colTotals: cols.map((_, j) => truth.reduce((a, r) => a + r[j], 0)),
          total: truth.flat().reduce((a, b) => a + b, 0),
        };
      };
      const docs = { 'a~b': table(fields[0], fields[1]), 'a~c': table(fields[0], fields[2]) };
      const manifest = {
        schemaVersion: '1.0.0', kind: 'manifest', generatedAt: '2025-01-01T00:00:00Z', dataVersion: 'bench', base: 'v/',
        periods: [{ id: '2024-25', label: '2024/25', year: '2024-25', quarters: 4 }],
        logTypes: [{ id: 'sr-gn', label: 'Social Rent General Needs', description: '', from: '2004-05' }],
        fields, geography: { england: { code: 'E92000001', name: 'England' }, regions: [], las: [] },
        disclosure: { minCount: 3, meanThreshold: 3, method: '' },
        documents: { '2024-25': { 'sr-gn': { la: [], national: [], summary: [], crosstab: ['a', 'b', 'c'] } } },
      };
      const feed = {
        manifest: async () => manifest,
        logTypes: async () => { throw new Error('unused'); },
        alerts: async () => { throw new Error('unused'); },
        table: async (_src, path) => docs[path.split('/').pop().replace('.json', '')],
      };
      const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
      const times = [], loads = [], layouts = [];
      let rows = 0, cells = 0, bars = 0;
      for (let i = 0; i <= runs; i++) {
        const el = document.createElement('core-crosstab');
        el.feed = feed;
        el.src = '/bench/';
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        const done = new Promise((res) => el.addEventListener('core-load', res, { once: true }));
        performance.mark(`ct-start-${i}`);
        const t0 = performance.now();
        document.body.append(el);
        // The first body row or chart mark in the DOM (the first part): a mark in the trace.
        const seen = new MutationObserver(() => {
          if (!el.shadowRoot.querySelector('tbody tr, svg rect')) return;
          performance.mark(`ct-rows-${i}`);
          seen.disconnect();
        });
        seen.observe(el.shadowRoot, { childList: true, subtree: true });
        await done;
        await el.updateComplete;
        const tLoad = performance.now() - t0;
        el.shadowRoot.querySelector('table, svg')?.getBoundingClientRect(); // forces style and layout now
        const tLayout = performance.now() - t0;
        await frame(); // paint, and the wait for the next frame
        await frame(); // and any work the browser put off to the frame after (content-visibility decides there what to skip)
        const t = performance.now() - t0;
        performance.mark(`ct-end-${i}`);
        if (i > 0) { times.push(t); loads.push(tLoad); layouts.push(tLayout); } // run 0 warms the JIT
        rows = el.shadowRoot.querySelectorAll('tbody tr').length;
        cells = el.shadowRoot.querySelectorAll('td').length;
        bars = el.shadowRoot.querySelectorAll('svg rect').length;
        seen.disconnect();
        el.remove();
      }
      times.sort((a, b) => a - b);
      const median = (t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
      return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], load: median(loads), layout: median(layouts), rows, cells, bars, hidden: document.hidden };
    }, { attrs: c.attrs, runs: RUNS });
    const cpu = cpuPerRun(JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')), RUNS);
    const what = r.bars ? `${r.bars} bars/marks` : `${r.rows} rows, ${r.cells} cells`;
    const f = (s) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`;
    console.log(`${c.name}: main-thread CPU ms (median / p95): first part ${f(cpu.first)}, complete ${f(cpu.complete)}, longest task ${f(cpu.longest)} | wall complete median ${r.median.toFixed(1)}, p95 ${r.p95.toFixed(1)} (core-load ${r.load.toFixed(1)})  [${what}; ${RUNS} runs${r.hidden ? '; PAGE HIDDEN' : ''}; budget 50 ms]`);
  }
} finally {
  await browser.close();
  console.log(`(load average while running: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(', ')} on ${(await import('node:os')).cpus().length} cores)`);
  server.close();
}

/**
 * CPU time of the renderer's main thread per run: the user-timing marks carry the thread's
 * clock (`tts`, which advances only while the thread runs), so run i cost tts(ct-end-i) − tts(ct-start-i).
 * First chunk: to the end of the first Paint on that thread after ct-rows-i. Longest task: the
 * largest thread time of one toplevel task (RunTask) on that thread between the two marks.
 */
function cpuPerRun(trace, runs) {
  const events = trace.traceEvents ?? trace;
  const marks = new Map();
  let main;
  for (const e of events) {
    if (e.name?.startsWith('ct-') && e.tts !== undefined) {
      marks.set(e.name, e);
      main ??= { pid: e.pid, tid: e.tid };
    }
  }
  const onMain = (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.tdur !== undefined;
  const paints = events.filter((e) => onMain(e) && e.name === 'Paint').sort((a, b) => a.ts - b.ts);
  const tasks = events.filter((e) => onMain(e) && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  const complete = [], first = [], longest = [];
  for (let i = 1; i <= runs; i++) {
    const a = marks.get(`ct-start-${i}`), b = marks.get(`ct-end-${i}`), rows = marks.get(`ct-rows-${i}`);
    if (!a || !b) continue;
    complete.push((b.tts - a.tts) / 1000);
    const paint = rows && paints.find((p) => p.ts >= rows.ts && p.ts < b.ts);
    if (paint) first.push((paint.tts + paint.tdur - a.tts) / 1000);
    // Tasks that overlap the run (the one that starts it began before its first mark).
    const inRun = tasks.filter((t) => t.ts + t.dur >= a.ts && t.ts <= b.ts);
    if (inRun.length) longest.push(Math.max(...inRun.map((t) => t.tdur)) / 1000);
  }
  const stats = (out) => {
    out.sort((x, y) => x - y);
    return { median: out[Math.floor(out.length / 2)] ?? NaN, p95: out[Math.floor(out.length * 0.95)] ?? NaN };
  };
  return { complete: stats(complete), first: stats(first), longest: stats(longest) };
}
