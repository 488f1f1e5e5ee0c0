/**
 * Small helpers used by the hand-written field lists (`fields.ts`, `sales-fields.ts`) to turn
 * generated code lists and column names into `Field` objects. No decisions live here.
 */
import type { Band, Category, CollectionYear, Field } from './types.js';
import { COLLECTION_YEARS } from './types.js';
import { LETTINGS_OPTIONS, LETTINGS_DERIVED_OPTIONS } from './generated/lettings-options.js';
import { SALES_OPTIONS } from './generated/sales-options.js';
import { NATIONALITY_COUNTRIES } from './generated/countries.js';

type Pairs = readonly (readonly [string, string])[];
export type ByYear<T> = Partial<Record<CollectionYear, T>>;
export type Columns = NonNullable<Field['columns']>;

export const toCategories = (pairs: Pairs): readonly Category[] => pairs.map(([code, label]) => ({ code, label }));

/** Years from `from` to `to` inclusive. */
export function years(from: CollectionYear, to: CollectionYear = 2026): CollectionYear[] {
  return COLLECTION_YEARS.filter((y) => y >= from && y <= to);
}

function fromTable(table: Readonly<Record<string, Readonly<Partial<Record<number, Pairs>>>>>, key: string, only?: readonly CollectionYear[]): ByYear<readonly Category[]> {
  const entry = table[key];
  if (!entry) throw new Error(`catalogue: no answer options for "${key}"`);
  const out: ByYear<readonly Category[]> = {};
  for (const y of only ?? COLLECTION_YEARS) {
    const pairs = entry[y];
    if (pairs) out[y] = toCategories(pairs);
  }
  return out;
}

/** Lettings code lists by year for a key of `lettings_answer_options_by_year.json`. */
export const lettingsOptions = (key: string, only?: readonly CollectionYear[]) => fromTable(LETTINGS_OPTIONS, key, only);

/** The same code list every year in `ys`, from a derived (year-less) lettings list. */
export function derivedOptions(key: string, ys: readonly CollectionYear[]): ByYear<readonly Category[]> {
  const pairs = LETTINGS_DERIVED_OPTIONS[key];
  if (!pairs) throw new Error(`catalogue: no derived options for "${key}"`);
  return Object.fromEntries(ys.map((y) => [y, toCategories(pairs)]));
}

/** Sales code lists by year: for each year, the union of the listed sales questions' options. */
export function salesOptions(keys: readonly string[], ys: readonly CollectionYear[]): ByYear<readonly Category[]> {
  const out: ByYear<readonly Category[]> = {};
  for (const y of ys) {
    const seen = new Map<string, string>();
    for (const key of keys) {
      const entry = SALES_OPTIONS[key];
      if (!entry) throw new Error(`catalogue: no sales options for "${key}"`);
      for (const [code, label] of entry[y] ?? []) if (!seen.has(code)) seen.set(code, label);
    }
    if (seen.size) out[y] = [...seen].map(([code, label]) => ({ code, label }));
  }
  return out;
}

/** `nationality_all` (2024/25+): ISO 3166-1 numeric country codes, plus 0 = prefers not to say. */
export function countryCategories(who: 'Tenant' | 'Buyer'): readonly Category[] {
  return [...toCategories(NATIONALITY_COUNTRIES), { code: '0', label: `${who} prefers not to say` }];
}

/** Yes/No code list of a checkbox column exported as 1/0. */
export const checkbox = (ys: readonly CollectionYear[]): ByYear<readonly Category[]> =>
  Object.fromEntries(ys.map((y) => [y, [{ code: '1', label: 'Yes' }, { code: '0', label: 'No' }]]));

/** Merge code lists by year (later wins for a year present in both). */
export const mergeYears = <T>(...parts: ByYear<T>[]): ByYear<T> => Object.assign({}, ...parts) as ByYear<T>;

/**
 * Column names for each year in `ys`. `support` / `user` may be a name, `null` (absent from that
 * audience's export) or a function of the year.
 */
export function cols(
  ys: readonly CollectionYear[],
  support: string | null | ((y: CollectionYear) => string | null),
  user: string | null | ((y: CollectionYear) => string | null) = typeof support === 'string' ? support : null,
): Columns {
  const out: Record<number, { support?: string; user?: string }> = {};
  for (const y of ys) {
    const s = typeof support === 'function' ? support(y) : support;
    const u = typeof user === 'function' ? user(y) : user;
    out[y] = { ...(s ? { support: s } : {}), ...(u ? { user: u } : {}) };
  }
  return out as Columns;
}

/** Age bands used for every `age*` field (lead tenant / buyer 1 are 16 or over). */
export const AGE_BANDS: readonly Band[] = [
  { code: '16-24', label: '16 to 24', min: 16, max: 25 },
  { code: '25-34', label: '25 to 34', min: 25, max: 35 },
  { code: '35-44', label: '35 to 44', min: 35, max: 45 },
  { code: '45-54', label: '45 to 54', min: 45, max: 55 },
  { code: '55-64', label: '55 to 64', min: 55, max: 65 },
  { code: '65+', label: '65 or over', min: 65, max: null },
];
