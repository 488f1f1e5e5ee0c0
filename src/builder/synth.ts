/**
 * `core-feed synth`: deterministic synthetic CORE logs in the real export format of each year
 * (the exact header list; two header rows from 2023/24; codes or labels; support or ordinary users;
 * `-9` / `R` / `10` for unknown person details as the real export writes them).
 *
 * The distributions are made so that the feed looks like CORE and suppression bites where it
 * would: LAs of very different sizes (London boroughs and big cities large, shire districts small),
 * log types in realistic shares (Social Rent General Needs the bulk, Rent to Buy Supported Housing a
 * handful nationally), skewed answers, rents higher in London and the South East, tenancies
 * starting across the year. Nothing here is real data.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import {
  FIELDS, categoriesFor, columnFor, exportHeaders, hasExportHeaders, lasInYear,
  lettingsLogColumns, salesLogColumns, NEEDSTYPE, RENTTYPE, RENTTYPE_DETAIL,
  PAYMENTS_PER_YEAR_BY_INCFREQ, PAYMENTS_PER_YEAR_BY_PERIOD,
} from '../catalog/index.js';
import type { Field, LocalAuthority, LogKind } from '../catalog/types.js';
import { yearId } from './periods.js';

export interface SynthOptions {
  readonly out: string;
  readonly years: readonly number[];
  readonly lettings: number;
  readonly sales: number;
  readonly seed: number;
  readonly values?: 'codes' | 'labels';
  readonly users?: 'support' | 'ordinary';
}

/** Writes one CSV per year and log; returns their paths. */
export async function synthesise(options: SynthOptions): Promise<string[]> {
  await mkdir(options.out, { recursive: true });
  const written: string[] = [];
  for (const year of options.years) {
    for (const log of ['lettings', 'sales'] as const) {
      const n = log === 'lettings' ? options.lettings : options.sales;
      if (n <= 0) continue;
      const path = join(options.out, `core-${log}-${yearId(year)}.csv`);
      await writeLogs(path, log, year, n, options);
      written.push(path);
    }
  }
  return written;
}

/** The export layout to imitate: that year's, or the nearest year we hold headers for. */
function layoutYear(log: LogKind, year: number, support: boolean): number {
  for (let d = 0; d < 10; d++) {
    for (const y of [year + d, year - d]) if (hasExportHeaders(log, y, support)) return y;
  }
  throw new Error(`no ${log} export headers to imitate for ${year}`);
}

async function writeLogs(path: string, log: LogKind, year: number, n: number, options: SynthOptions): Promise<void> {
  const support = (options.users ?? 'support') === 'support';
  const labels = options.values === 'labels';
  const headerYear = layoutYear(log, year, support);
  const headers = exportHeaders(log, headerYear, support);
  const names = headers.map((h) => h.name);
  const column = new Map(names.map((name, i) => [name, i] as const));
  const rng = new Random(options.seed * 1000003 + year * 7 + (log === 'sales' ? 1 : 0));
  const las = lasInYear(year);
  const laWeights = laSizes(las, new Random(options.seed));
  // Every field draws its answer, whether or not this export has its column, so the same seed
  // gives the same logs in every format (codes or labels, support or ordinary users).
  const fields = FIELDS.filter((f) => f.log === log && f.visibility !== 'never').map((f) => ({
    field: f,
    col: column.get(columnFor(f, headerYear, { support }) ?? '') ?? -1,
  }));
  const answerWeights = new Map(fields.map(({ field }) => [field.id, skew(categoriesFor(field, year)?.length ?? 0, new Random(options.seed + hash(field.id)))]));

  const stream = createWriteStream(path);
  const write = async (text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  // Two header rows from 2023/24: definitions, then variable names.
  if (year >= 2023) await write(stringify([headers.map((h) => h.definition)]));
  await write(stringify([names]));

  const lc = lettingsLogColumns(support);
  const sc = salesLogColumns(support);
  const set = (row: string[], name: string | undefined, value: string) => {
    const i = name === undefined ? undefined : column.get(name);
    if (i !== undefined) row[i] = value;
  };
  let batch: string[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<string>(names.length).fill('');
    const la = las[rng.weighted(laWeights)]!;
    const date = rng.dateInYear(year);
    set(row, 'id', String(100000 + i));
    set(row, log === 'lettings' ? 'status' : 'STATUS', labels ? 'Completed' : '2');
    const rentFactor = la.region === 'E12000007' ? 1.6 : la.region === 'E12000008' ? 1.3 : la.region === 'E12000006' ? 1.15 : 1;
    // Answers first; the columns that place the log (type, date, LA) are then set over them.
    const kind = rng.weighted(LETTINGS_MIX.map((m) => m.weight));
    const mix = LETTINGS_MIX[kind]!;
    const factor = rentFactor * (log === 'lettings' && mix.renttype === '2' ? 1.3 : 1);
    fillFields(row, fields, year, rng, answerWeights, labels, { rentFactor: factor, support });
    if (log === 'lettings') {
      set(row, lc.needstype, labels ? (mix.needs === NEEDSTYPE.generalNeeds ? 'General needs' : 'Supported housing') : mix.needs);
      set(row, lc.renttype, labels ? RENTTYPE_LABELS[mix.renttype]! : mix.renttype);
      set(row, lc.renttypeDetail, labels ? RENTTYPE_DETAIL_LABELS[mix.detail]! : mix.detail);
      set(row, lc.startdate, date);
      set(row, lc.collectionYear, String(year));
      set(row, lc.la, la.code);
      set(row, lc.laLabel, la.name);
    } else {
      const [yyyy, mm, dd] = date.split('-');
      set(row, sc.day, String(Number(dd)));
      set(row, sc.month, String(Number(mm)));
      set(row, sc.year, yyyy!);
      set(row, sc.collectionYear, String(year));
      set(row, sc.la, la.code);
      set(row, sc.laLabel, la.name);
      // Ownership scheme: shared ownership the bulk, then discounted ownership, then outright sales.
      const scheme = String(1 + rng.weighted([70, 20, 10]));
      set(row, sc.ownershipsch, labels ? labelOf(log, 'ownershipsch', year, scheme) : scheme);
    }
    batch.push(row);
    if (batch.length === 2000) {
      await write(stringify(batch));
      batch = [];
    }
  }
  if (batch.length) await write(stringify(batch));
  stream.end();
  await once(stream, 'finish');
}

/** Log-type mix of lettings: Social Rent General Needs the bulk, Rent to Buy Supported Housing a handful. */
const LETTINGS_MIX = [
  { needs: '1', renttype: RENTTYPE.socialRent, detail: RENTTYPE_DETAIL.socialRent, weight: 52 },
  { needs: '2', renttype: RENTTYPE.socialRent, detail: RENTTYPE_DETAIL.socialRent, weight: 12 },
  { needs: '1', renttype: RENTTYPE.affordableRent, detail: RENTTYPE_DETAIL.affordableRent, weight: 24 },
  { needs: '1', renttype: RENTTYPE.affordableRent, detail: RENTTYPE_DETAIL.londonAffordableRent, weight: 1.5 },
  { needs: '2', renttype: RENTTYPE.affordableRent, detail: RENTTYPE_DETAIL.affordableRent, weight: 5 },
  { needs: '1', renttype: RENTTYPE.intermediateRent, detail: RENTTYPE_DETAIL.rentToBuy, weight: 3 },
  { needs: '2', renttype: RENTTYPE.intermediateRent, detail: RENTTYPE_DETAIL.rentToBuy, weight: 0.012 },
  { needs: '1', renttype: RENTTYPE.intermediateRent, detail: RENTTYPE_DETAIL.londonLivingRent, weight: 1.2 },
  { needs: '1', renttype: RENTTYPE.intermediateRent, detail: RENTTYPE_DETAIL.otherIntermediateRent, weight: 0.8 },
] as const;
const RENTTYPE_LABELS: Record<string, string> = { '1': 'Social Rent', '2': 'Affordable Rent', '3': 'Intermediate Rent', '4': 'Specified accommodation' };
const RENTTYPE_DETAIL_LABELS: Record<string, string> = {
  '1': 'Social Rent', '2': 'Affordable Rent', '3': 'London Affordable Rent', '4': 'Rent to Buy',
  '5': 'London Living Rent', '6': 'Other intermediate rent product', '7': 'Specified accommodation',
};

function labelOf(log: LogKind, id: string, year: number, code: string): string {
  const field = FIELDS.find((f) => f.log === log && f.id === id);
  const label = field && categoriesFor(field, year)?.find((c) => c.code === code)?.label;
  if (!label) throw new Error(`no label for ${log} ${id} ${code} in ${year}`);
  return label;
}

interface Context {
  readonly rentFactor: number;
  /** Support users' export: weekly rents are exported as such; ordinary users get them per rent period. */
  readonly support: boolean;
}

function fillFields(
  row: string[],
  fields: readonly { field: Field; col: number }[],
  year: number,
  rng: Random,
  weights: ReadonlyMap<string, number[]>,
  labels: boolean,
  ctx: Context,
): void {
  const answered = new Map<string, string>();
  for (const { field, col } of fields) {
    if (field.kind === 'categorical') {
      const cats = categoriesFor(field, year);
      if (!cats || cats.length === 0) continue;
      const blank = rng.next() < 0.03; // not asked / not answered
      const c = cats[rng.weighted(weights.get(field.id)!)]!;
      if (!blank) answered.set(field.id, c.code);
      if (col >= 0 && !blank) row[col] = labels ? c.label : c.code;
    } else {
      let v = numericValue(field, rng, ctx);
      // An amount given per rent period or income frequency, as CORE holds it: no frequency, no amount.
      const { weekly } = field;
      if (weekly && v !== null) {
        const frequency = answered.get(weekly.frequencyColumn);
        const perYear = frequency === undefined ? undefined
          : (weekly.basis === 'period' ? PAYMENTS_PER_YEAR_BY_PERIOD : PAYMENTS_PER_YEAR_BY_INCFREQ)[frequency];
        if (perYear === undefined) v = null;
        else if (weekly.audience === 'both' || !ctx.support) v = Math.round(((v * 52) / perYear) * 100) / 100;
      }
      if (col >= 0) row[col] = v === null ? (field.unknownCodes?.[0] ?? '') : String(v);
    }
  }
}

/** A plausible value for a numeric field, by what it measures; null = not known. */
function numericValue(field: Field, rng: Random, ctx: Context): number | null {
  if (rng.next() < 0.02) return null;
  const id = field.id.toLowerCase();
  if (field.unit === 'years' && id.startsWith('age')) return Math.min(95, 16 + Math.round(rng.gamma(2.2, 9)));
  if (field.unit === 'years') return 1 + Math.round(rng.gamma(1.5, 2));
  if (field.unit === 'people') return 1 + Math.min(9, Math.round(rng.gamma(1.1, 1)));
  if (field.unit === 'bedrooms') return 1 + rng.weighted([35, 40, 20, 5]);
  if (field.unit === 'GBP per week') {
    if (/rent|charge|tcharge|brent/.test(id)) {
      const base = id.includes('scharge') || id.includes('pscharge') || id.includes('supcharg') ? 12 : 100;
      return Math.round(base * ctx.rentFactor * (0.75 + rng.gamma(4, 0.12)) * 100) / 100;
    }
    return Math.round(180 + rng.gamma(2.5, 90));
  }
  if (field.unit === 'GBP') {
    const scale = /value|price|purch/.test(id) ? 180000 * ctx.rentFactor : 25000;
    return Math.round(scale * (0.5 + rng.gamma(3, 0.2)));
  }
  if (field.unit === '%' || field.unit === 'percent') return 10 + rng.weighted([30, 40, 20, 10]) * 15;
  return Math.round(rng.gamma(2, 2));
}

/** LA sizes: London boroughs and metropolitan districts large, shire districts small, with spread. */
function laSizes(las: readonly LocalAuthority[], rng: Random): number[] {
  const byType = (t: string) =>
    /london/i.test(t) ? 3 : /metropolitan/i.test(t) && !/non/i.test(t) ? 3.2 : /unitary/i.test(t) ? 1.8 : 0.45;
  return las.map((la) => byType(la.laType) * Math.exp(0.55 * rng.normal()));
}

/** Category weights falling off like 1/(rank+1)^1.3, in a per-field shuffled order. */
function skew(n: number, rng: Random): number[] {
  const w = Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, 1.3));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [w[i], w[j]] = [w[j]!, w[i]!];
  }
  return w;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small seeded generator (mulberry32): the same seed gives the same logs on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = (seed >>> 0) ^ 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Gamma(shape k ≥ 1, scale θ) by Marsaglia–Tsang. */
  gamma(k: number, theta: number): number {
    const d = k - 1 / 3, c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal(), v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(1 - this.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * theta;
    }
  }
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** An ISO date in the collection year, a little busier in spring and autumn. */
  dateInYear(year: number): string {
    const start = Date.UTC(year, 3, 1);
    const days = Math.round((Date.UTC(year + 1, 3, 1) - start) / 86400000);
    const d = Math.min(days - 1, Math.floor(this.next() * days));
    return new Date(start + d * 86400000).toISOString().slice(0, 10);
  }
}
