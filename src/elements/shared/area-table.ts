/**
 * Area tables (rows: LAs, then a `regions` block; England in `colTotals` / `total`): the
 * elements' re-check of disclosure control over the whole document, and picking one area's line.
 */
import type { Count, Manifest, TableDocument } from '../../feed/types.js';
import { FeedError } from '../../feed/errors.js';
import type { SdcCell } from './events.js';
import { isSmallRemainder } from '../../sdc/recheck.js';
import { recheck, type RecheckResult, type RecheckTable } from './recheck-adapter.js';

export interface AreaLine {
  readonly code: string;
  readonly name: string;
  readonly values: readonly Count[];
  readonly total: Count;
}

/**
 * Re-checks an area table as a whole: the LA block and the regions block (each adds up to
 * England's margins) and the hierarchy (a region's cell is the sum of its LAs' cells), until
 * nothing changes. Returns the corrected document and every re-suppression.
 */
export function recheckAreaTable(doc: TableDocument, manifest: Manifest): { doc: TableDocument; resuppressed: SdcCell[] } {
  const minCount = manifest.disclosure.minCount;
  const england = manifest.geography.england.code;
  const cols = doc.cols.length;
  let cells = doc.cells.map((r) => [...r]);
  let rowTotals = [...doc.rowTotals];
  let regionCells = (doc.regions?.cells ?? []).map((r) => [...r]);
  let regionTotals = [...(doc.regions?.rowTotals ?? [])];
  let colTotals = [...doc.colTotals];
  let total = doc.total;
  const resuppressed: SdcCell[] = [];
  const record = (result: RecheckResult, rows: readonly string[]) => {
    for (const r of result.resuppressed) resuppressed.push({ row: rows[r.row] ?? england, col: doc.cols[r.col] ?? 'total', rule: r.rule });
  };
  const regionOf = new Map(manifest.geography.las.map((la) => [la.code, la.region]));
  const regionRows = doc.regions?.rows ?? [];

  for (let pass = 0; pass < 20; pass++) {
    const before = resuppressed.length;
    const las = recheck({ cells, rowTotals, colTotals, total }, { minCount });
    record(las, doc.rows);
    ({ cells, rowTotals, colTotals, total } = copy(las.table));

    // Hierarchy: for each region and column (and the totals column), its LAs' values add up to it.
    // A lone `c` among them (the region's value included), or two or more `c` LAs whose sum — the
    // region's shown value less its shown LAs — is 1 or 2 (the shared re-check's small-remainder
    // rule), gets the smallest non-zero LA value as complement.
    regionRows.forEach((region, j) => {
      const members = doc.rows.map((code, i) => (regionOf.get(code) === region ? i : -1)).filter((i) => i >= 0);
      if (members.length === 0) return;
      for (let c = 0; c <= cols; c++) {
        const get = (i: number) => (c === cols ? rowTotals[i] : cells[i]?.[c]) ?? 'x';
        const regionValue = (c === cols ? regionTotals[j] : regionCells[j]?.[c]) ?? 'x';
        const hidden = members.filter((i) => get(i) === 'c').length + (regionValue === 'c' ? 1 : 0);
        const smallRemainder = isSmallRemainder(members.map(get), regionValue);
        if (hidden !== 1 && !smallRemainder) continue;
        let best = -1;
        for (const i of members) {
          const v = get(i);
          if (typeof v === 'number' && v > 0 && (best < 0 || v < (get(best) as number))) best = i;
        }
        // A small remainder with no non-zero LA value shown means the region's value is itself 1
        // or 2: the regions' re-check below hides it as a primary.
        if (best < 0 && smallRemainder) continue;
        if (best >= 0) {
          if (c === cols) rowTotals[best] = 'c';
          else (cells[best] as Count[])[c] = 'c';
          resuppressed.push({ row: doc.rows[best] ?? '', col: doc.cols[c] ?? 'total', rule: 'complementary' });
        } else {
          if (c === cols) regionTotals[j] = 'c';
          else (regionCells[j] as Count[])[c] = 'c';
          resuppressed.push({ row: region, col: doc.cols[c] ?? 'total', rule: 'complementary' });
        }
      }
    });

    if (doc.regions) {
      const regions = recheck({ cells: regionCells, rowTotals: regionTotals, colTotals, total }, { minCount });
      record(regions, regionRows);
      const t = copy(regions.table);
      regionCells = t.cells;
      regionTotals = t.rowTotals;
      ({ colTotals, total } = t);
    }
    if (resuppressed.length === before) break;
  }
  return {
    doc: {
      ...doc,
      cells,
      rowTotals,
      colTotals,
      total,
      ...(doc.regions ? { regions: { rows: regionRows, cells: regionCells, rowTotals: regionTotals } } : {}),
    },
    resuppressed,
  };
}

function copy(t: RecheckTable): { cells: Count[][]; rowTotals: Count[]; colTotals: Count[]; total: Count } {
  return { cells: t.cells.map((r) => [...r]), rowTotals: [...t.rowTotals], colTotals: [...t.colTotals], total: t.total };
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
