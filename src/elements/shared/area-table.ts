/**
 * Area tables (rows: LAs, then a `regions` block; England in `colTotals` / `total`): the
 * elements' re-check of disclosure control over the whole document, and picking one area's line.
 */
import type { Count, Manifest, TableDocument } from '../../feed/types.js';
import { FeedError } from '../../feed/errors.js';
import type { SdcCell } from './events.js';
import { recheck, type RecheckResult } from './recheck-adapter.js';

export interface AreaLine {
  readonly code: string;
  readonly name: string;
  readonly values: readonly Count[];
  readonly total: Count;
}

/**
 * Re-checks the LA block and the regions block (both add up to England's margins) until
 * neither changes anything, and returns the corrected document and every re-suppression.
 */
export function recheckAreaTable(doc: TableDocument, minCount: number): { doc: TableDocument; resuppressed: SdcCell[] } {
  const england = 'E92000001'; // the margins are England's
  let cells = doc.cells;
  let rowTotals = doc.rowTotals;
  let regionCells = doc.regions?.cells ?? [];
  let regionTotals = doc.regions?.rowTotals ?? [];
  let colTotals = doc.colTotals;
  let total = doc.total;
  const resuppressed: SdcCell[] = [];
  const record = (result: RecheckResult, rows: readonly string[]) => {
    for (const r of result.resuppressed) {
      resuppressed.push({
        row: rows[r.row] ?? england,
        col: doc.cols[r.col] ?? 'total',
        rule: r.rule,
      });
    }
  };
  for (let pass = 0; pass < 10; pass++) {
    const las = recheck({ cells, rowTotals, colTotals, total }, { minCount });
    record(las, doc.rows);
    ({ cells, rowTotals, colTotals, total } = las.table);
    let changedMargins = false;
    if (doc.regions) {
      const regions = recheck({ cells: regionCells, rowTotals: regionTotals, colTotals, total }, { minCount });
      record(regions, doc.regions.rows);
      changedMargins = regions.resuppressed.some((r) => r.row === doc.regions?.rows.length);
      regionCells = regions.table.cells;
      regionTotals = regions.table.rowTotals;
      ({ colTotals, total } = regions.table);
    }
    if (!changedMargins) break;
  }
  return {
    doc: {
      ...doc,
      cells,
      rowTotals,
      colTotals,
      total,
      ...(doc.regions ? { regions: { rows: doc.regions.rows, cells: regionCells, rowTotals: regionTotals } } : {}),
    },
    resuppressed,
  };
}

/**
 * The line for `code` — an LA, a region or England (`''` or `E92000001`) — with its name from
 * the manifest. `FeedError('missing')` if the manifest does not know the area or the table has no row for it.
 */
export function areaLine(doc: TableDocument, manifest: Manifest, code: string, periodLabel: string): AreaLine {
  const geo = manifest.geography;
  if (!code || code === geo.england.code) {
    return { code: geo.england.code, name: geo.england.name, values: doc.colTotals, total: doc.total };
  }
  const la = geo.las.find((a) => a.code === code);
  const region = geo.regions.find((a) => a.code === code);
  const name = la?.name ?? region?.name;
  if (!name) throw new FeedError('missing', `"${code}" is not a local authority or region in this feed.`);
  const i = doc.rows.indexOf(code);
  if (la && i >= 0) return { code, name, values: doc.cells[i] ?? [], total: doc.rowTotals[i] ?? 'x' };
  const j = doc.regions?.rows.indexOf(code) ?? -1;
  if (region && doc.regions && j >= 0) return { code, name, values: doc.regions.cells[j] ?? [], total: doc.regions.rowTotals[j] ?? 'x' };
  throw new FeedError('missing', `This feed has no data for ${name} in ${periodLabel}.`);
}
