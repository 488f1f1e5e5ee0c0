#!/usr/bin/env node
/* global document */ // used inside page.waitForFunction, which runs in the browser
// Screenshots of every story of a built Storybook (storybook-static/), for people to look at:
//   npm run build-storybook && node .storybook/screenshots.mjs [width]
// Serves storybook-static/ on a free port, drives Debian's Chromium with puppeteer-core, waits
// until every CORE element has left state="loading" (or 3 s for loading stories), and writes
// out/screens/<story-id>[-<width>].png.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync, mkdtempSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer from 'puppeteer-core';

const root = 'storybook-static';
const width = Number(process.argv[2] ?? 1000);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('Not found');
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const ids = Object.values(index.entries).filter((e) => e.type === 'story').map((e) => e.id);
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'core-shots-'))}`],
});
await mkdir('out/screens', { recursive: true });
try {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  for (const id of ids) {
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'networkidle0' });
    await page
      .waitForFunction(() => {
        const els = [...document.querySelectorAll('core-alerts, core-log-types')];
        return els.length > 0 && els.every((e) => e.getAttribute('state') !== 'loading');
      }, { timeout: 3000 })
      .catch(() => {});
    const file = `out/screens/${id}${width === 1000 ? '' : `-${width}`}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await browser.close();
  server.close();
}
