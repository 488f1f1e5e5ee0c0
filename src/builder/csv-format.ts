/**
 * Recognises which CORE export a CSV file is, from its header rows (DESIGN §2, data/reference/README.md):
 * lettings or sales; the export layout's collection year; one header row (to 2022/23) or two
 * (definitions, then variable names, from 2023/24); support-user or ordinary-user columns;
 * codes or labels (decided from the first data row).
 */
import { exportHeaders, EXPORT_LAYOUTS } from '../catalog/index.js';
import type { LogKind } from '../catalog/types.js';

export interface ExportLayout {
  readonly log: LogKind;
  /** Collection year whose header list the file matches (the nearest, when not exact). */
  readonly year: number;
  readonly support: boolean;
  readonly headerRows: 1 | 2;
  /** True when the header equals a known export's header exactly. */
  readonly exact: boolean;
  /** Column index by variable name (case as in the file). */
  readonly columns: ReadonlyMap<string, number>;
  readonly width: number;
}

/** Columns that identify a file as lettings or sales, whatever the user type. */
const MARKERS: Record<LogKind, readonly (readonly string[])[]> = {
  lettings: [['needstype', 'startdate', 'renttype']],
  sales: [['ownershipsch', 'day', 'month', 'year'], ['OWNERSHIP', 'DAY', 'MONTH', 'YEAR']],
};

export class HeaderError extends Error {
  override name = 'HeaderError';
}

/**
 * The layout of a file from its first two records. Throws a `HeaderError` saying what was
 * expected when neither record is a CORE header.
 */
export function detectLayout(file: string, first: readonly string[], second: readonly string[] | undefined): ExportLayout {
  const candidates: { row: 1 | 2; names: readonly string[] }[] = [{ row: 1, names: first }];
  if (second) candidates.push({ row: 2, names: second });

  // Exact match with a known export header.
  for (const { log, year, support } of EXPORT_LAYOUTS) {
    const expected = exportHeaders(log, year, support).map((c) => c.name);
    for (const { row, names } of candidates) {
      if (sameList(names, expected)) return layout(log, year, support, row, true, names);
    }
  }
  // Otherwise: a header carrying the marker columns, matched to the closest known layout.
  for (const { row, names } of candidates) {
    const present = new Set(names);
    for (const log of ['lettings', 'sales'] as const) {
      if (!MARKERS[log].some((set) => set.every((n) => present.has(n)))) continue;
      let best: { year: number; support: boolean; score: number } | null = null;
      for (const l of EXPORT_LAYOUTS.filter((l) => l.log === log)) {
        const score = exportHeaders(l.log, l.year, l.support).filter((c) => present.has(c.name)).length;
        if (!best || score > best.score) best = { year: l.year, support: l.support, score };
      }
      if (best) return layout(log, best.year, best.support, row, false, names);
    }
  }
  throw new HeaderError(
    `${file}: no CORE export header found. Expected the variable names of a CORE lettings export ` +
      `(e.g. needstype, startdate, renttype, la) or sales export (e.g. ownershipsch, day, month, year, ` +
      `or OWNERSHIP, DAY, MONTH, YEAR for support users) in the first row, or in the second row ` +
      `below a row of definitions (exports from 2023/24). First row began: ${preview(first)}`,
  );
}

function layout(log: LogKind, year: number, support: boolean, headerRows: 1 | 2, exact: boolean, names: readonly string[]): ExportLayout {
  const columns = new Map<string, number>();
  names.forEach((n, i) => {
    if (!columns.has(n)) columns.set(n, i);
  });
  return { log, year, support, headerRows, exact, columns, width: names.length };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function preview(row: readonly string[]): string {
  const text = row.slice(0, 5).join(',');
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
