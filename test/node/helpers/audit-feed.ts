/**
 * A small lettings export (hand-made, deterministic) built twice — primary-only and fully
 * protected — for the audit tests. Few records, so `--protection full` is quick.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFeed } from '../../../src/builder/build.js';
import type { Manifest } from '../../../src/feed/types.js';
import { tempDir, writeCsv } from './csv.js';

export const LAS = ['E08000025', 'E08000026', 'E08000035', 'E08000019']; // Birmingham, Coventry (W Mids); Leeds, Sheffield (Yorks)

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function lettingsRows(n: number, seed = 1): Record<string, string>[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const months = ['04', '05', '06', '07', '08', '09', '10', '11', '12'];
  return Array.from({ length: n }, () => {
    const month = pick(months);
    return {
      needstype: '1', renttype: '1', renttype_detail: '1', collection_start_year: '2024',
      startdate: `2024-${month}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      la: pick([...LAS, LAS[0]!, LAS[2]!]),
      sex1: pick(['F', 'F', 'M', 'M', 'X']),
      age1: r() < 0.15 ? '-9' : String(18 + Math.floor(r() * 70)),
    };
  });
}

export interface TestFeeds {
  readonly dir: string;
  readonly primary: string;
  readonly full: string;
}

export async function buildTestFeeds(n = 60, seed = 1): Promise<TestFeeds> {
  const dir = tempDir('core-audit-');
  writeCsv(dir, 'lettings.csv', { log: 'lettings', year: 2024, support: true, headerRows: 2, rows: lettingsRows(n, seed) });
  const primary = join(dir, 'feed-primary');
  const full = join(dir, 'feed-full');
  const generatedAt = '2025-05-01T00:00:00.000Z';
  await buildFeed({ inputs: [join(dir, 'lettings.csv')], out: primary, generatedAt, protection: 'primary' });
  await buildFeed({ inputs: [join(dir, 'lettings.csv')], out: full, generatedAt, protection: 'full' });
  return { dir, primary, full };
}

/** A copy of a feed whose documents the test may edit. */
export function copyFeed(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

export function manifestOf(feed: string): Manifest {
  return JSON.parse(readFileSync(join(feed, 'manifest.json'), 'utf8')) as Manifest;
}

export function readDoc<T>(feed: string, path: string): T {
  return JSON.parse(readFileSync(join(feed, manifestOf(feed).base, path), 'utf8')) as T;
}

export function writeDoc(feed: string, path: string, doc: unknown): void {
  writeFileSync(join(feed, manifestOf(feed).base, path), `${JSON.stringify(doc)}\n`);
}

/** One snapshot of a hand-made feed: a national one-way table of `sex1` and the logs by LA. */
export interface HandPeriod {
  readonly quarters: 1 | 2 | 3 | 4;
  /** F, M, unknown (England); absent: the period publishes the logs by area only. */
  readonly sex?: readonly (number | 'c')[];
  /** Logs of the two LAs (both in the North East). */
  readonly las: readonly [number | 'c', number | 'c'];
}

const HAND_LAS = [{ code: 'E06000001', name: 'Hartlepool', region: 'E12000001' }, { code: 'E06000002', name: 'Middlesbrough', region: 'E12000001' }];

/** Writes a tiny feed by hand (one year, `sr-gn`), for targeted audit cases. */
export function handFeed(periods: readonly HandPeriod[], dir = tempDir('core-hand-')): string {
  const ids = ['2024-25-q1', '2024-25-q1-q2', '2024-25-q1-q3', '2024-25'];
  const base = 'v/0000000000000000/';
  const put = (path: string, doc: unknown) => {
    const file = join(dir, base, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(doc)}\n`);
  };
  const sum = (xs: readonly (number | 'c')[]): number | 'c' => (xs.every((x) => typeof x === 'number') ? (xs as number[]).reduce((a, b) => a + b, 0) : 'c');
  const documents: Record<string, unknown> = {};
  for (const p of periods) {
    const id = ids[p.quarters - 1]!;
    const total = !p.sex || sum(p.sex) === 'c' ? sum(p.las) : sum(p.sex);
    const base0 = { schemaVersion: '1.0.0', kind: 'table', period: id, logType: 'sr-gn' };
    if (p.sex) {
      put(`${id}/sr-gn/national/sex1.json`, {
        ...base0, rowDim: 'area', colDim: 'sex1', rows: ['E92000001'], cols: ['F', 'M', 'unknown'],
        cells: [p.sex], rowTotals: [total], colTotals: p.sex, total,
      });
    }
    put(`${id}/log-types.json`, {
      ...base0, logType: 'all', rowDim: 'area', colDim: 'logType', rows: HAND_LAS.map((l) => l.code), cols: ['sr-gn'],
      cells: p.las.map((v) => [v]), rowTotals: ['z', 'z'], colTotals: [total], total: 'z',
      regions: { rows: REGION_CODES, cells: REGION_CODES.map((r) => [r === 'E12000001' ? total : 0]), rowTotals: REGION_CODES.map(() => 'z') },
    });
    documents[id] = { 'sr-gn': { la: [], national: p.sex ? ['sex1'] : [], summary: [], crosstab: [] } };
  }
  const manifest = {
    schemaVersion: '1.0.0', kind: 'manifest', generatedAt: '2025-05-01T00:00:00.000Z', dataVersion: 'hand-r1', base,
    periods: periods.map((p) => ({ id: ids[p.quarters - 1], label: ids[p.quarters - 1], year: '2024-25', quarters: p.quarters })),
    logTypes: [], fields: [],
    geography: { england: { code: 'E92000001', name: 'England' }, regions: REGION_CODES.map((code) => ({ code, name: code })), las: HAND_LAS },
    disclosure: { minCount: 3, meanThreshold: 3, method: 'hand-made' },
    documents,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const REGION_CODES = ['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009'];
