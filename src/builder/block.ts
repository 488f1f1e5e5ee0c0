/**
 * One (collection year, log type) block: the published numbers of every document of that block
 * as cubes of cells, with the relations between them (src/builder/cells.ts):
 * - T: logs by area — LAs, then regions, then England — shared by every table's row totals;
 * - per tabulated field: counts by area and category (LA fields, full year only) or England only;
 * - per crosstab pair: counts by x and y category (full year only); its margins are the fields' England rows;
 * - per summarised field: valid count `n` and `sum` by area (LA fields, full year only) or England, behind the means.
 */
import { REGIONS } from '../catalog/index.js';
import type { LogTypeAggregate } from './aggregate.js';
import { QUARTERS } from './aggregate.js';
import { CellSpace, cellId, SNAPSHOTS, type Cube } from './cells.js';
import type { FieldPlan } from './plan.js';
import type { TableKind } from '../feed/types.js';

/**
 * The snapshot of the full collection year. The questions asked by LA (their LA tables, national
 * tables and summaries) and the crosstabs are published for it only; the year-to-date snapshots
 * publish the logs by area and the national-only questions.
 *
 * Two published snapshots of a table publish their difference too, the count of a quarter, so
 * each year-to-date LA table or crosstab would add its quarter differences as cells to protect,
 * linked across snapshots. On a national year of 300,000 lettings year-to-date LA tables made
 * `sr-sh` 120,064 cells to prove instead of 30,781, joined into components of 36,000 cells whose
 * LP repair did not finish in minutes; full-year LA tables protect in seconds. A question's
 * national table in a snapshot without its LA table would still tie the unpublished LA counts of
 * that snapshot to the logs by LA (each LA's counts add up to its logs, the LAs' to England's), a
 * system the audit must solve; with nothing of the question in the snapshot there is none
 * (src/audit/relations.ts). README, "What the feed holds".
 */
export const FULL_YEAR = SNAPSHOTS - 1;

/**
 * A block publishes its detail — LA tables, LA summaries and crosstabs — only when its typical LA
 * has enough logs: at most half of the LAs with logs of its type may have fewer than
 * `detailMinLogs` (default 10) in the year, so the median LA with logs has at least that many.
 * Below it an LA's few logs spread over a question's answers as counts of 1 and 2: its rows are
 * mostly `[c]`, and protecting them is slow, because each LA whose logs are hidden can be protected
 * only by moving its logs to another LA in every question at once. Measured with full protection
 * (2 cores, one block at a time): blocks whose median LA had 12–33 logs protected in 8–45 s;
 * blocks with a median of 2–7 took 4–10 minutes, or were stopped unfinished after 2½. A thin block
 * still publishes its logs by area and its national tables and summaries, in every snapshot.
 */
export const DETAIL_MIN_LOGS = 10;

export interface DisclosureOptions {
  readonly minCount: number;
  readonly meanThreshold: number;
  /** The median LA with logs must have at least this many for the block's detail (`DETAIL_MIN_LOGS`). */
  readonly detailMinLogs: number;
}

export interface BlockLayout {
  readonly agg: LogTypeAggregate;
  /** Number of areas: LAs, regions, England. */
  readonly areas: number;
  readonly england: number;
  readonly T: Cube;
  /** Whether the block publishes LA tables, LA summaries and crosstabs (`DETAIL_MIN_LOGS`). */
  readonly detailed: boolean;
  /** Per tabulated field: counts by area and category, full year only (LA fields), or England's, every snapshot. */
  readonly tables: readonly (Cube | undefined)[];
  readonly pairs: readonly Cube[];
  readonly n: readonly (Cube | undefined)[];
  readonly sum: readonly (Cube | undefined)[];
  /** Per summarised field and snapshot: the median by area position (NaN when no values). */
  readonly medians: readonly (Float64Array[] | undefined)[];
  /** Per LA field: the LA rows (full year) whose valid total is below the threshold. */
  readonly smallRows: readonly (Uint8Array | undefined)[];
}

/** Whether a block publishes field `f` by area (an LA question of a detailed block). */
export const publishedByLa = (layout: Pick<BlockLayout, 'detailed'>, f: FieldPlan): boolean => f.byLa && layout.detailed;

export function layoutBlock(agg: LogTypeAggregate, space: CellSpace, opts: DisclosureOptions): BlockLayout {
  agg.flush();
  const { plan } = agg;
  const nLa = plan.las.length;
  const nReg = REGIONS.length;
  const areas = nLa + nReg + 1;
  const england = areas - 1;
  const regionOf = plan.laRegion;

  /** Extends LA-level rows of width w with region and England rows. */
  const withAreas = (laLevel: Float64Array, w: number): Float64Array => {
    const a = new Float64Array(areas * w);
    a.set(laLevel);
    for (let la = 0; la < nLa; la++) {
      const r = nLa + regionOf[la]!;
      for (let k = 0; k < w; k++) {
        a[r * w + k]! += laLevel[la * w + k]!;
        a[england * w + k]! += laLevel[la * w + k]!;
      }
    }
    return a;
  };
  /** Hierarchy relations (region = Σ its LAs, England = Σ regions) for every column of a cube, in the snapshots it publishes. */
  const members = Array.from({ length: nReg }, (_, r) => range(nLa).filter((la) => regionOf[la] === r));
  const relateAreas = (cube: Cube, w: number) => {
    for (let k = 0; k < w; k++) {
      for (let r = 0; r < nReg; r++) {
        space.relateAll((s) => cellId(cube, s, (nLa + r) * w + k), (s, out) => {
          for (const la of members[r]!) out.push(cellId(cube, s, la * w + k));
        }, cube.first);
      }
      space.relateAll((s) => cellId(cube, s, england * w + k), (s, out) => {
        for (let r = 0; r < nReg; r++) out.push(cellId(cube, s, (nLa + r) * w + k));
      }, cube.first);
    }
  };
  /** Fills `out` with the ids of `count` consecutive positions from `start`. */
  const run = (cube: Cube, s: number, start: number, count: number, out: number[], stride = 1) => {
    for (let k = 0; k < count; k++) out.push(cellId(cube, s, start + k * stride));
  };

  // Logs by area.
  const byQuarter = snapshots(agg.total, nLa);
  const T = space.cube(byQuarter.map((v) => withAreas(v, 1)), 'count');
  relateAreas(T, 1);
  const year = byQuarter[FULL_YEAR]!;
  const withLogs = year.filter((v) => v > 0).length;
  const detailed = year.filter((v) => v > 0 && v < opts.detailMinLogs).length <= withLogs / 2;
  const byLa = (f: FieldPlan) => publishedByLa({ detailed }, f);

  // Count tables by field: by area (LA fields, full year only) or England only (every snapshot).
  const smallRows: (Uint8Array | undefined)[] = [];
  const tables = plan.fields.map((f, i) => {
    const counts = agg.tables[i];
    smallRows.push(undefined);
    if (!counts) return undefined;
    const w = f.codes.length;
    const known = w - 1; // the last column is `unknown`
    const byArea = snapshots(counts, nLa * w).map((v) => withAreas(v, w));
    if (!byLa(f)) {
      const cube = space.cube(byArea.map((v) => v.slice(england * w, areas * w)), 'count');
      space.relateAll((s) => cellId(T, s, england), (s, out) => run(cube, s, 0, w, out));
      return cube;
    }
    const cube = space.cube(byArea, 'count', FULL_YEAR);
    for (let a = 0; a < areas; a++) {
      space.relateAll((s) => cellId(T, s, a), (s, out) => run(cube, s, a * w, w, out), FULL_YEAR);
    }
    relateAreas(cube, w);
    // An LA whose valid total is below the threshold has its whole row suppressed.
    const small = new Uint8Array(nLa);
    for (let la = 0; la < nLa; la++) {
      let valid = 0;
      for (let k = 0; k < known; k++) valid += byArea[FULL_YEAR]![la * w + k]!;
      if (valid >= opts.minCount) continue;
      small[la] = 1;
      if (valid === 0) continue; // nothing to protect: the row is all zeros but `unknown`
      for (let k = 0; k < w; k++) {
        const id = cellId(cube, FULL_YEAR, la * w + k);
        if (space.value(id) > 0) space.force(id);
      }
    }
    smallRows[i] = small;
    return cube;
  });

  /** England position of field i's category k. */
  const englandCell = (i: number, s: number, k: number): number => {
    const cube = tables[i]!;
    return byLa(plan.fields[i]!) ? cellId(cube, s, england * plan.fields[i]!.codes.length + k) : cellId(cube, s, k);
  };

  // Crosstabs: margins are the England rows of the two fields' tables.
  const pairs = (detailed ? plan.pairs : []).map(([x, y], p) => {
    const nX = plan.fields[x]!.codes.length;
    const nY = plan.fields[y]!.codes.length;
    const fullYear = Float64Array.from(agg.pairs[p]!);
    const cube = space.cube(Array<Float64Array>(SNAPSHOTS).fill(fullYear), 'count', FULL_YEAR);
    for (let kx = 0; kx < nX; kx++) {
      space.relateAll((s) => englandCell(x, s, kx), (s, out) => run(cube, s, kx * nY, nY, out), FULL_YEAR);
    }
    for (let ky = 0; ky < nY; ky++) {
      space.relateAll((s) => englandCell(y, s, ky), (s, out) => run(cube, s, ky, nX, out, nY), FULL_YEAR);
    }
    return cube;
  });

  // Numeric summaries: n and sum by area, and medians.
  const n: (Cube | undefined)[] = [];
  const sum: (Cube | undefined)[] = [];
  const medians: (Float64Array[] | undefined)[] = [];
  plan.fields.forEach((f, i) => {
    const col = agg.values[i];
    if (!col) {
      n.push(undefined);
      sum.push(undefined);
      medians.push(undefined);
      return;
    }
    const byQ = { n: new Uint32Array(QUARTERS * nLa), sum: new Float64Array(QUARTERS * nLa) };
    for (let j = 0; j < col.length; j++) {
      const at = col.quarter[j]! * nLa + col.la[j]!;
      byQ.n[at]!++;
      byQ.sum[at]! += col.values[j]!;
    }
    const snapN = snapshots(byQ.n, nLa).map((v) => withAreas(v, 1));
    const snapSum = snapshots(byQ.sum, nLa).map((v) => withAreas(v, 1));
    const areaSlice = byLa(f) ? (v: Float64Array) => v : (v: Float64Array) => v.slice(england);
    const from = byLa(f) ? FULL_YEAR : 0;
    const nCube = space.cube(snapN.map(areaSlice), 'count', from);
    const sumCube = space.cube(snapSum.map(areaSlice), 'sum', from);
    if (byLa(f)) {
      relateAreas(nCube, 1);
      relateAreas(sumCube, 1);
    }
    const size = nCube.size;
    for (let s = from; s < SNAPSHOTS; s++) {
      for (let k = 0; k < size; k++) {
        const count = space.value(cellId(nCube, s, k));
        if (count > 0 && count < opts.meanThreshold) space.force(cellId(sumCube, s, k));
      }
    }
    // A banded field's valid count is its known bands' total.
    const table = tables[i];
    if (table) {
      const w = f.codes.length;
      for (let k = 0; k < size; k++) {
        space.relateAll((s) => cellId(nCube, s, k), (s, out) => run(table, s, k * w, w - 1, out), from);
      }
    } else {
      // A numeric field's valid count is at most the logs: T = n + the logs without a value.
      for (let s = from; s < SNAPSHOTS; s++) {
        for (let k = 0; k < size; k++) {
          const logs = cellId(T, s, byLa(f) ? k : england);
          const valid = cellId(nCube, s, k);
          space.relate(logs, [valid, space.slack(space.value(logs) - space.value(valid))]);
        }
      }
    }
    n.push(nCube);
    sum.push(sumCube);
    medians.push(mediansByArea(col, nLa, regionOf, nReg, byLa(f)));
  });

  return { agg, areas, england, T, detailed, tables, pairs, n, sum, medians, smallRows };
}

const TABLE_KINDS: readonly TableKind[] = ['logs', 'la', 'national', 'crosstab', 'summary'];

/** The table kind of every cell of a block (`cells` = the cell space's size), for the information-loss counts. */
export function tableKinds(layout: BlockLayout, cells: number): (id: number) => TableKind {
  const kinds = new Uint8Array(cells);
  const mark = (cube: Cube | undefined, kind: TableKind) => {
    if (!cube) return;
    const published = SNAPSHOTS - cube.first;
    kinds.fill(TABLE_KINDS.indexOf(kind), cube.base, cube.base + (2 * published - 1) * cube.size); // snapshots, then quarter cells
  };
  mark(layout.T, 'logs');
  layout.tables.forEach((cube, i) => mark(cube, publishedByLa(layout, layout.agg.plan.fields[i]!) ? 'la' : 'national'));
  for (const cube of layout.pairs) mark(cube, 'crosstab');
  for (const cube of [...layout.n, ...layout.sum]) mark(cube, 'summary');
  return (id) => TABLE_KINDS[kinds[id]!]!;
}

/**
 * The logs by area (every snapshot and quarter cell of T), as pivots for protection: every
 * question's LA row adds up to them, so when an LA's logs are suppressed its rows join every
 * question's table into one component (src/sdc/secondary.ts, `pivots`).
 */
export function logsByArea(layout: BlockLayout, cells: number): Uint8Array {
  const { T } = layout;
  const pivots = new Uint8Array(cells);
  pivots.fill(1, T.base, T.base + (2 * (SNAPSHOTS - T.first) - 1) * T.size);
  return pivots;
}

/** Running sums over quarters of an array laid out [quarter][k]: the four year-to-date snapshots. */
function snapshots(byQuarter: ArrayLike<number>, size: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let s = 0; s < SNAPSHOTS; s++) {
    const a = new Float64Array(size);
    if (s > 0) a.set(out[s - 1]!);
    for (let k = 0; k < size; k++) a[k]! += byQuarter[s * size + k]!;
    out.push(a);
  }
  return out;
}

/** Medians per snapshot for each area position (LAs, regions, England — or England only). */
function mediansByArea(
  col: { values: Float64Array; la: Uint16Array; quarter: Uint8Array; length: number },
  nLa: number,
  regionOf: Uint16Array,
  nReg: number,
  byLa: boolean,
): Float64Array[] {
  const areas = nLa + nReg + 1;
  const groupsOf = (la: number): number[] => (byLa ? [la, nLa + regionOf[la]!, areas - 1] : [areas - 1]);
  const out: Float64Array[] = [];
  for (let s = 0; s < SNAPSHOTS; s++) {
    // Values of each area in one typed array each (sorted natively, far faster than number[]).
    const sizes = new Int32Array(areas);
    for (let j = 0; j < col.length; j++) if (col.quarter[j]! <= s) for (const g of groupsOf(col.la[j]!)) sizes[g]!++;
    const groups = Array.from(sizes, (size) => new Float64Array(size));
    const filled = new Int32Array(areas);
    for (let j = 0; j < col.length; j++) {
      if (col.quarter[j]! > s) continue;
      for (const g of groupsOf(col.la[j]!)) groups[g]![filled[g]!++] = col.values[j]!;
    }
    const medians = Float64Array.from(groups, median);
    out.push(byLa ? medians : medians.slice(areas - 1));
  }
  return out;
}

function median(values: Float64Array): number {
  if (values.length === 0) return NaN;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
