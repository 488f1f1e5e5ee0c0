/** en-GB formats for numbers and dates (DESIGN §5): "7 March 2017", "1,234", "£98.20", "12.5%". */
import type { Count, SymbolCode } from '../../feed/types.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const integerFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Parses an ISO date `2017-03-07` as a UTC day; `undefined` if it is not one. */
export function parseIsoDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) ? date : undefined;
}

/** "7 March 2017"; a string that is not an ISO date is returned as it is. */
export function formatDate(iso: string): string {
  const date = parseIsoDate(iso);
  return date ? dateFormat.format(date) : iso;
}

const smallCounts = new Map<number, string>();

/**
 * "1,234". Counts below 10,000 — most cells of a table — are formatted once and kept: a 300 × 20
 * table formats 6,000 numbers on every render, and `Intl.NumberFormat#format` costs ~1 µs each
 * here, a lookup ~0.1 µs. The text still comes from the one `Intl` formatter.
 */
export function formatCount(n: number): string {
  if (!(Number.isInteger(n) && n >= 0 && n < 10_000)) return integerFormat.format(n);
  let text = smallCounts.get(n);
  if (text === undefined) smallCounts.set(n, (text = integerFormat.format(n)));
  return text;
}
/** "1,234.5" (at most one decimal place). */
export const formatNumber = (n: number): string => decimalFormat.format(n);
/** "£98.20". */
export const formatMoney = (n: number): string => moneyFormat.format(n);

const percentFormats = new Map<number, Intl.NumberFormat>();

/** A fraction as a percentage: `formatPercent(0.125)` → "12.5%". (One formatter per digit count: constructing one costs ~0.1 ms, too much for a 4,000-cell table.) */
export function formatPercent(fraction: number, digits = 1): string {
  let format = percentFormats.get(digits);
  if (!format) percentFormats.set(digits, (format = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(fraction);
}

/** A count cell: "1,234", or the symbol in brackets: "[c]", "[x]", "[z]". */
export function formatCell(value: Count): string {
  return typeof value === 'number' ? formatCount(value) : `[${value}]`;
}

/** A collection year id `2017-18` as people write it: "2017/18". */
export function formatYear(year: string): string {
  return year.replace(/^(\d{4})-(\d{2})$/, '$1/$2');
}

/** The symbols among `values`, in the key's order: `[c]`, `[x]`, `[z]`. */
export function symbolsOf(values: Iterable<unknown>): SymbolCode[] {
  const seen = new Set<unknown>(values);
  return (['c', 'x', 'z'] as const).filter((s) => seen.has(s));
}
