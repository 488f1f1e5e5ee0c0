/**
 * The CORE catalogue: lettings and sales questions (fields) with code lists per collection
 * year and visibility, the export columns that hold them, and the geography register.
 * Pure data and lookups — no I/O — shared by the `core-feed` builder (Node) and the elements.
 */
import type { Category, CollectionYear, Field, LogKind } from './types.js';
import { LETTINGS_FIELDS } from './fields.js';
import { SALES_FIELDS, SALES_YEARS } from './sales-fields.js';

export * from './types.js';
export { LETTINGS_FIELDS } from './fields.js';
export { SALES_FIELDS, SALES_YEARS } from './sales-fields.js';
export { LOCAL_AUTHORITIES, REGIONS, laByCode, laByName, lasInYear, isActiveIn, normaliseLaName, regionByCodeOf } from './geography.js';
export {
  exportHeaders, hasExportHeaders, EXPORT_LAYOUTS, lettingsLogColumns, salesLogColumns, RENTTYPE, RENTTYPE_DETAIL, NEEDSTYPE,
  type ExportHeader, type ExportLayoutKey, type LettingsLogColumns, type SalesLogColumns,
} from './headers.js';
export { toWeekly, PAYMENTS_PER_YEAR_BY_PERIOD, PAYMENTS_PER_YEAR_BY_INCFREQ } from './weekly.js';
export { AGE_BANDS } from './define.js';

/** Every field, lettings first. Ids are unique within a log, not across logs (`age1` is in both). */
export const FIELDS: readonly Field[] = [...LETTINGS_FIELDS, ...SALES_FIELDS];

const index = new Map<string, Field>(FIELDS.map((f) => [`${f.log}:${f.id}`, f]));

/**
 * A field by id. Pass `log` for ids used by both logs (`age1`, `sex1`, `beds`, …): without it
 * such an id throws rather than silently picking one.
 */
export function fieldById(id: string, log?: LogKind): Field | undefined {
  if (log) return index.get(`${log}:${id}`);
  const l = index.get(`lettings:${id}`);
  const s = index.get(`sales:${id}`);
  if (l && s) throw new Error(`fieldById("${id}"): the id exists for lettings and sales; pass the log`);
  return l ?? s;
}

/** Collection years in which the field was collected. */
export const yearsFor = (field: Field): readonly CollectionYear[] =>
  (Object.keys(field.columns ?? {}).map(Number) as CollectionYear[]).sort((a, b) => a - b);

/** The field's answer options in a year; `undefined` = not collected that year (publish `x`), or not categorical. */
export const categoriesFor = (field: Field, year: number): readonly Category[] | undefined =>
  field.categories?.[year as CollectionYear];

/** The label of a code in a year, if the code is in that year's list. */
export const categoryLabel = (field: Field, year: number, code: string): string | undefined =>
  categoriesFor(field, year)?.find((c) => c.code === code)?.label;

/**
 * The export column holding the field in a year, for support users or ordinary users;
 * `undefined` when that export does not carry it (not collected that year, or support-only).
 */
export function columnFor(field: Field, year: number, opts: { readonly support: boolean }): string | undefined {
  const entry = field.columns?.[year as CollectionYear];
  if (!entry) return undefined;
  return opts.support ? entry.support : entry.user;
}

/** Fields that may be published (visibility `la` or `national`), optionally for one log. */
export const publishableFields = (log?: LogKind): readonly Field[] =>
  FIELDS.filter((f) => f.visibility !== 'never' && (!log || f.log === log));

/** The collection years each log covers in this catalogue. */
export const LOG_YEARS: Readonly<Record<LogKind, readonly CollectionYear[]>> = {
  lettings: [2021, 2022, 2023, 2024, 2025, 2026],
  sales: SALES_YEARS,
};
