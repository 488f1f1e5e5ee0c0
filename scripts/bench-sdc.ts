/**
 * Benchmark of disclosure control on a synthetic linked system of realistic shape:
 *   - microdata for 6 log types (≈ 325 000 lettings/sales a year) over 300 LAs in 9 regions;
 *   - per log type and per field: LA × 10 categories tables (+ LA totals, region and England rows)
 *     for the 4 year-to-date snapshots Q1, Q1–Q2, Q1–Q3, Q1–Q4, the quarter increments being
 *     internal cells; the LA total is one cell shared by every field's table;
 *   - 400 national 8 × 8 crosstabs whose margins are shared one-way national distributions and
 *     whose grand total is England's Q1–Q4 total;
 *   - forced primaries for LA rows with a total below 3.
 * Reports protect (primary + secondary + LP repair) and an independent audit, in seconds.
 *
 *   node --import tsx scripts/bench-sdc.ts [--fields 1] [--crosstabs 400] [--seed 1] [--snapshots 4] [--no-audit] [--exact-audit]
 */
import { auditSystem, HighsLpSolver } from '../src/sdc/audit.js';
import { protectSystem } from '../src/sdc/protect.js';
import { compileSystem } from '../src/sdc/system.js';
import { SystemBuilder } from '../src/sdc/system.js';

import { pathToFileURL } from 'node:url';
import type { LinkedSystem } from '../src/sdc/types.js';

let seed = 1;

// Deterministic PRNG (mulberry32).
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
/** Skewed category distribution: some categories are rare. */
const skewed = (k: number): number[] => {
  const w = Array.from({ length: k }, () => Math.exp(2 * gauss()));
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
};
const draw = (cdf: number[]): number => {
  const u = rand();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
const cdfOf = (p: number[]): number[] => {
  let s = 0;
  return p.map((x) => (s += x));
};

export interface BenchOptions {
  fields?: number;
  crosstabs?: number;
  seed?: number;
  /** Number of year-to-date snapshots published (1–4, default 4). */
  snapshots?: number;
}

/** Builds the synthetic system. */
export function buildBenchSystem(opts: BenchOptions = {}): { system: LinkedSystem; forcedRows: number } {
  const FIELDS = opts.fields ?? 1;
  const CROSSTABS = opts.crosstabs ?? 400;
  // Year-to-date snapshots published: their last quarter (0-based); 4 → Q1, Q1–Q2, Q1–Q3, Q1–Q4.
  const SNAPS = [[3], [1, 3], [0, 1, 3], [0, 1, 2, 3]][(opts.snapshots ?? 4) - 1]!;
  const NS = SNAPS.length;
  seed = opts.seed ?? 1;
  const b = new SystemBuilder();
  let forcedRows = 0;
  const LAS = 300;
  const REGIONS = 9;
  const CATS = 10;
  const XCATS = 8;
  const QUESTIONS = 30;
  const LOG_SIZES = [150000, 40000, 60000, 15000, 10000, 50000];

  const laRegion = Array.from({ length: LAS }, (_, i) => i % REGIONS);
  const laWeight = cdfOf(((w) => w.map((x) => x / w.reduce((a, b) => a + b, 0)))(Array.from({ length: LAS }, () => Math.exp(0.9 * gauss()))));

  for (let log = 0; log < LOG_SIZES.length; log++) {
    const nRec = LOG_SIZES[log]!;
    const fieldCdf = Array.from({ length: FIELDS }, () => cdfOf(skewed(CATS)));
    const qCdf = Array.from({ length: QUESTIONS }, () => cdfOf(skewed(XCATS)));
    // counts[field][quarter][la][cat]
    const counts = Array.from({ length: FIELDS }, () => Array.from({ length: 4 }, () => Array.from({ length: LAS }, () => new Int32Array(CATS))));
    const laQ = Array.from({ length: 4 }, () => new Int32Array(LAS));
    const answers = Array.from({ length: QUESTIONS }, () => new Uint8Array(nRec));
    for (let rec = 0; rec < nRec; rec++) {
      const la = draw(laWeight);
      const q = Math.floor(rand() * 4);
      laQ[q]![la]!++;
      for (let f = 0; f < FIELDS; f++) counts[f]![q]![la]![draw(fieldCdf[f]!)]!++;
      for (let qu = 0; qu < QUESTIONS; qu++) answers[qu]![rec] = draw(qCdf[qu]!);
    }
    // Geography rows: 0..LAS-1 LAs, then regions, then England.
    const G = LAS + REGIONS + 1;
    const ENG = LAS + REGIONS;
    // Cumulative snapshots: totals[s][g] shared by all fields; cells[f][s][g][c].
    const totals: number[][] = [];
    const totalVal: number[][] = [];
    const cum = (get: (q: number) => number, s: number): number => {
      let v = 0;
      for (let q = 0; q <= s; q++) v += get(q);
      return v;
    };
    for (let s = 0; s < NS; s++) {
      const vals = new Array<number>(G).fill(0);
      for (let la = 0; la < LAS; la++) {
        const v = cum((q) => laQ[q]![la]!, SNAPS[s]!);
        vals[la] = v;
        vals[LAS + laRegion[la]!]! += v;
        vals[ENG]! += v;
      }
      totalVal.push(vals);
      totals.push(vals.map((v, g) => {
        const forced = g < LAS && v < 3;
        if (forced) forcedRows++;
        return b.add(v, { forced });
      }));
    }
    const linkSnapshots = (ids: number[][], vals: number[][]) => {
      // ids[s][k]: cell k in snapshot s. Increment s = ids[s] − ids[s−1]: internal.
      for (let s = 1; s < NS; s++) {
        for (let k = 0; k < ids[s]!.length; k++) {
          const inc = b.add(vals[s]![k]! - vals[s - 1]![k]!, { published: false });
          b.relate(ids[s]![k]!, [ids[s - 1]![k]!, inc]);
        }
      }
    };
    linkSnapshots(totals, totalVal);
    const geoRel = (ids: number[]) => {
      for (let r = 0; r < REGIONS; r++) b.relate(ids[LAS + r]!, laRegion.flatMap((reg, la) => (reg === r ? [ids[la]!] : [])));
      b.relate(ids[ENG]!, Array.from({ length: REGIONS }, (_, r) => ids[LAS + r]!));
    };
    for (let s = 0; s < NS; s++) geoRel(totals[s]!);
    for (let f = 0; f < FIELDS; f++) {
      // per snapshot: flat index g * CATS + c
      const ids: number[][] = [];
      const vals: number[][] = [];
      for (let s = 0; s < NS; s++) {
        const v = new Array<number>(G * CATS).fill(0);
        for (let la = 0; la < LAS; la++) {
          for (let c = 0; c < CATS; c++) {
            const x = cum((q) => counts[f]![q]![la]![c]!, SNAPS[s]!);
            v[la * CATS + c] = x;
            v[(LAS + laRegion[la]!) * CATS + c]! += x;
            v[ENG * CATS + c]! += x;
          }
        }
        const cellIds = v.map((x, k) => b.add(x, { forced: Math.floor(k / CATS) < LAS && totalVal[s]![Math.floor(k / CATS)]! < 3 }));
        for (let g = 0; g < G; g++) b.relate(totals[s]![g]!, cellIds.slice(g * CATS, g * CATS + CATS));
        for (let c = 0; c < CATS; c++) geoRel(Array.from({ length: G }, (_, g) => cellIds[g * CATS + c]!));
        ids.push(cellIds);
        vals.push(v);
      }
      linkSnapshots(ids, vals);
    }
    // National crosstabs of the full year: margins = one-way distributions (shared), grand total =
    // England's Q1–Q4 total.
    const grand = totals[NS - 1]![ENG]!;
    const oneWay: number[][] = [];
    for (let qu = 0; qu < QUESTIONS; qu++) {
      const v = new Array<number>(XCATS).fill(0);
      for (let rec = 0; rec < nRec; rec++) v[answers[qu]![rec]!]!++;
      const idsQ = v.map((x) => b.add(x));
      b.relate(grand, idsQ);
      oneWay.push(idsQ);
    }
    const nX = Math.round((CROSSTABS * (log + 1)) / LOG_SIZES.length) - Math.round((CROSSTABS * log) / LOG_SIZES.length);
    const pairs = new Set<string>();
    while (pairs.size < nX) {
      const a = Math.floor(rand() * QUESTIONS);
      const c = Math.floor(rand() * QUESTIONS);
      if (a !== c) pairs.add(`${Math.min(a, c)},${Math.max(a, c)}`);
    }
    for (const pair of pairs) {
      const [qa, qb] = pair.split(',').map(Number) as [number, number];
      const v = Array.from({ length: XCATS }, () => new Array<number>(XCATS).fill(0));
      for (let rec = 0; rec < nRec; rec++) v[answers[qa]![rec]!]![answers[qb]![rec]!]!++;
      const ids = v.map((row) => row.map((x) => b.add(x)));
      for (let i = 0; i < XCATS; i++) b.relate(oneWay[qa]![i]!, ids[i]!);
      for (let j = 0; j < XCATS; j++) b.relate(oneWay[qb]![j]!, ids.map((row) => row[j]!));
    }
  }
  return { system: b.build(), forcedRows };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number): number => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const FIELDS = opt('fields', 1);
  const CROSSTABS = opt('crosstabs', 400);
  const runAudit = !args.includes('--no-audit');
  const exactAudit = args.includes('--exact-audit');
  const t0 = performance.now();
  const { system, forcedRows } = buildBenchSystem({ fields: FIELDS, crosstabs: CROSSTABS, seed: opt('seed', 1), snapshots: opt('snapshots', 4) });
  const tBuild = performance.now();
  const sys = compileSystem(system);
  const tCompile = performance.now();
  let published = 0;
  for (let c = 0; c < sys.n; c++) published += sys.published[c]!;
  console.log(
    `system: ${sys.n.toLocaleString('en-GB')} cells (${published.toLocaleString('en-GB')} published, ${(sys.n - published).toLocaleString('en-GB')} internal), ` +
      `${sys.r.toLocaleString('en-GB')} relations, ${sys.relCells.length.toLocaleString('en-GB')} relation entries; ${FIELDS} field(s), ${CROSSTABS} crosstabs, ${forcedRows} forced LA rows`,
  );
  console.log(`build ${((tBuild - t0) / 1000).toFixed(2)} s, compile ${((tCompile - tBuild) / 1000).toFixed(2)} s`);

  const res = await protectSystem(sys, { log: (m) => console.log(`  ${m}`) });
  const tProtect = performance.now();
  console.log(
    `protect: ${((tProtect - tCompile) / 1000).toFixed(2)} s — ${res.primary.primaries.length} primaries, ${res.primary.sensitive.length} sensitive internal cells, ` +
      `${res.secondaries.length} complements (${res.cost.toLocaleString('en-GB')} records), ${res.rounds} LP rounds, ${res.lpSolves} LP solves, ` +
      `heuristic ${(res.heuristicMs / 1000).toFixed(2)} s, LP ${(res.lpMs / 1000).toFixed(2)} s; unprotected: ${res.unprotected.length} (of which unprotectable: ${res.unprotectable.length})`,
  );
  if (runAudit) {
    const solver = await HighsLpSolver.create();
    const audit = await auditSystem(sys, res.status, { solver, intervals: exactAudit ? 'exact' : 'verdict' });
    console.log(`  audit solver: ${JSON.stringify(solver.stats)}`);
    solver.dispose();
    console.log(
      `audit (${exactAudit ? 'exact intervals' : 'verdict'}): ${(audit.elapsedMs / 1000).toFixed(2)} s — ${audit.results.length} cells in ${audit.components} components (largest ${audit.largestComponent} unknowns), ` +
        `${audit.lpSolves} LP solves, ${audit.failures.length} failures`,
    );
  }
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);

}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
