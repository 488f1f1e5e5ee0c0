/**
 * The exact CSV export headers of the CORE downloads, and the columns the synthetic generator
 * and the builder need to place a log (log type, date, LA).
 *
 * Kept apart from the fields so browser bundles that only need fields tree-shake it away.
 */
import type { LogKind } from './types.js';
import { EXPORT_HEADER_DATA } from './generated/export-headers.js';

export interface ExportHeader {
  readonly name: string;
  /** The human-readable first header row (2023/24+ downloads). */
  readonly definition: string;
}

const cache = new Map<string, readonly ExportHeader[]>();

/** Whether we hold the header list of that export (lettings 2023/24+, sales 2024/25+; no ordinary-user sales 2025/26). */
export const hasExportHeaders = (log: LogKind, year: number, support: boolean): boolean =>
  EXPORT_HEADER_DATA[log][support ? 'support' : 'user'][year] !== undefined;

/**
 * The header list of one export, in column order: `name` is the variable name (the only header
 * row to 2022/23, the second row from 2023/24) and `definition` the first row's text.
 * Throws for an export we hold no fixture for — check with `hasExportHeaders` or iterate `EXPORT_LAYOUTS`.
 */
export function exportHeaders(log: LogKind, year: number, support: boolean): readonly ExportHeader[] {
  const key = `${log}/${year}/${support}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = EXPORT_HEADER_DATA[log][support ? 'support' : 'user'][year];
  if (!raw) throw new Error(`exportHeaders: no ${support ? 'support-user' : 'ordinary-user'} ${log} export header list for ${year}`);
  const list = raw.map(([name, definition]) => ({ name, definition }));
  cache.set(key, list);
  return list;
}

export interface ExportLayoutKey {
  readonly log: LogKind;
  readonly year: number;
  readonly support: boolean;
}

/** Every export whose exact header list we hold, by log, year, then support before ordinary users. */
export const EXPORT_LAYOUTS: readonly ExportLayoutKey[] = (['lettings', 'sales'] as const).flatMap((log) =>
  [...new Set([...Object.keys(EXPORT_HEADER_DATA[log].support), ...Object.keys(EXPORT_HEADER_DATA[log].user)].map(Number))]
    .sort((a, b) => a - b)
    .flatMap((year) => [true, false].filter((support) => hasExportHeaders(log, year, support)).map((support) => ({ log, year, support }))),
);

/** Columns that place a lettings log: log type, collection year, date, LA. `undefined`: not in that export. */
export interface LettingsLogColumns {
  readonly needstype: string;
  /** Grouped rent type: 1 Social Rent, 2 Affordable Rent (incl. LAR), 3 Intermediate Rent, 4 Specified accommodation (2025/26+). */
  readonly renttype: string;
  /** Detailed rent type (codes export): 1 SR, 2 AR, 3 LAR, 4 Rent to Buy, 5 LLR, 6 other IR, 7 Specified accommodation. */
  readonly renttypeDetail: string;
  readonly startdate: string;
  readonly collectionYear: string;
  readonly la: string | undefined;
  readonly laLabel: string;
}
export interface SalesLogColumns {
  readonly ownershipsch: string;
  readonly type: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
  readonly collectionYear: string;
  readonly la: string;
  readonly laLabel: string;
}

/** Log-placing columns of a lettings export (same names every year; ordinary users have no `la`). */
export function lettingsLogColumns(support: boolean): LettingsLogColumns {
  return {
    needstype: 'needstype', renttype: 'renttype', renttypeDetail: 'renttype_detail', startdate: 'startdate',
    collectionYear: 'collection_start_year', la: support ? 'la' : undefined, laLabel: 'la_label',
  };
}

/** Log-placing columns of a sales export: support users' names are UPPER-CASE / renamed. */
export function salesLogColumns(support: boolean): SalesLogColumns {
  return support
    ? { ownershipsch: 'OWNERSHIP', type: 'TYPE', day: 'DAY', month: 'MONTH', year: 'YEAR', collectionYear: 'COLLECTIONYEAR', la: 'LA', laLabel: 'LANAME' }
    : { ownershipsch: 'ownershipsch', type: 'type', day: 'day', month: 'month', year: 'year', collectionYear: 'collection_start_year', la: 'la', laLabel: 'la_label' };
}

/** Grouped `renttype` codes of the lettings export. */
export const RENTTYPE = { socialRent: '1', affordableRent: '2', intermediateRent: '3', specifiedAccommodation: '4' } as const;
/** `renttype_detail` codes of the lettings codes export (Rent to Buy = 4). */
export const RENTTYPE_DETAIL = {
  socialRent: '1', affordableRent: '2', londonAffordableRent: '3', rentToBuy: '4',
  londonLivingRent: '5', otherIntermediateRent: '6', specifiedAccommodation: '7',
} as const;
/** `needstype` codes. */
export const NEEDSTYPE = { generalNeeds: '1', supportedHousing: '2' } as const;
