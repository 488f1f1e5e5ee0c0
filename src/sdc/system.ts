/**
 * Compiled form of a `LinkedSystem`: typed arrays and two CSR indexes (relation → cells, cell →
 * relations), built once and shared by primary, secondary and audit. Pure, browser-safe.
 */
import type { LinkedSystem, PackedRelations, Relation } from './types.js';

export interface CompiledSystem {
  readonly n: number;
  readonly values: Float64Array;
  readonly kinds: Uint8Array;
  readonly published: Uint8Array;
  readonly forced: Uint8Array;
  /** Number of relations. */
  readonly r: number;
  /** Relation `k` occupies `relCells[relStart[k] .. relStart[k+1])`; the first is its total. */
  readonly relStart: Int32Array;
  readonly relCells: Int32Array;
  /** Cell `c` belongs to relations `cellRels[cellRelStart[c] .. cellRelStart[c+1])`. */
  readonly cellRelStart: Int32Array;
  readonly cellRels: Int32Array;
}

function isPacked(rel: LinkedSystem['relations']): rel is PackedRelations {
  return !Array.isArray(rel);
}

/** Validates and compiles a system. Throws on out-of-range ids, negative or non-finite values. */
export function compileSystem(sys: LinkedSystem): CompiledSystem {
  const n = sys.values.length;
  if (sys.kinds.length !== n || sys.published.length !== n || sys.forcedPrimary.length !== n) {
    throw new Error('LinkedSystem: values, kinds, published and forcedPrimary must have the same length');
  }
  const values = Float64Array.from(sys.values as ArrayLike<number>);
  for (let c = 0; c < n; c++) {
    const v = values[c]!;
    if (!Number.isFinite(v) || v < 0) throw new Error(`LinkedSystem: cell ${c} has value ${v} (must be finite, ≥ 0)`);
  }
  const kinds = Uint8Array.from(sys.kinds as ArrayLike<number>);
  const published = Uint8Array.from(sys.published as ArrayLike<number>, (x) => (x ? 1 : 0));
  const forced = Uint8Array.from(sys.forcedPrimary as ArrayLike<number>, (x) => (x ? 1 : 0));

  let relStart: Int32Array;
  let relCells: Int32Array;
  const rels = sys.relations;
  if (isPacked(rels)) {
    const r = rels.totals.length;
    if (rels.starts.length !== r + 1) throw new Error('PackedRelations: starts must have totals.length + 1 entries');
    relStart = new Int32Array(r + 1);
    relCells = new Int32Array(r + rels.parts.length);
    let k = 0;
    for (let i = 0; i < r; i++) {
      relStart[i] = k;
      relCells[k++] = rels.totals[i]!;
      const a = rels.starts[i]!;
      const b = rels.starts[i + 1]!;
      if (b < a) throw new Error('PackedRelations: starts must be non-decreasing');
      for (let j = a; j < b; j++) relCells[k++] = rels.parts[j]!;
    }
    relStart[r] = k;
    if (k !== relCells.length) relCells = relCells.slice(0, k);
  } else {
    const list = rels as readonly Relation[];
    let size = 0;
    for (const rel of list) size += 1 + rel.parts.length;
    relStart = new Int32Array(list.length + 1);
    relCells = new Int32Array(size);
    let k = 0;
    for (let i = 0; i < list.length; i++) {
      const rel = list[i]!;
      relStart[i] = k;
      relCells[k++] = rel.total;
      for (const p of rel.parts) relCells[k++] = p;
    }
    relStart[list.length] = k;
  }
  const r = relStart.length - 1;
  for (let k = 0; k < relCells.length; k++) {
    const c = relCells[k]!;
    if (!(c >= 0 && c < n) || !Number.isInteger(c)) throw new Error(`LinkedSystem: relation refers to cell ${c}, outside 0..${n - 1}`);
  }

  // cell → relations (counting sort). A cell listed twice in one relation is indexed once.
  const stamp = new Int32Array(n).fill(-1);
  const deg = new Int32Array(n + 1);
  for (let i = 0; i < r; i++) {
    for (let k = relStart[i]!; k < relStart[i + 1]!; k++) {
      const c = relCells[k]!;
      if (stamp[c] !== i) {
        stamp[c] = i;
        deg[c + 1]!++;
      }
    }
  }
  for (let c = 0; c < n; c++) deg[c + 1]! += deg[c]!;
  const cellRelStart = deg;
  const fill = cellRelStart.slice(0, n);
  const cellRels = new Int32Array(cellRelStart[n]!);
  stamp.fill(-1);
  for (let i = 0; i < r; i++) {
    for (let k = relStart[i]!; k < relStart[i + 1]!; k++) {
      const c = relCells[k]!;
      if (stamp[c] !== i) {
        stamp[c] = i;
        cellRels[fill[c]!++] = i;
      }
    }
  }
  return { n, values, kinds, published, forced, r, relStart, relCells, cellRelStart, cellRels };
}

/**
 * Convenience builder for a linked system (tests, the table engine, the benchmark; the feed
 * builder may use it too). Cells get ids in order of `add`; relations are stored packed.
 */
export class SystemBuilder {
  private vals: number[] = [];
  private kindArr: number[] = [];
  private pubArr: number[] = [];
  private forcedArr: number[] = [];
  private totals: number[] = [];
  private starts: number[] = [0];
  private parts: number[] = [];

  get size(): number {
    return this.vals.length;
  }

  /** Adds a cell and returns its id. */
  add(value: number, opts: { kind?: 'count' | 'sum'; published?: boolean; forced?: boolean } = {}): number {
    this.vals.push(value);
    this.kindArr.push(opts.kind === 'sum' ? 1 : 0);
    this.pubArr.push(opts.published === false ? 0 : 1);
    this.forcedArr.push(opts.forced ? 1 : 0);
    return this.vals.length - 1;
  }

  /** Adds the relation `total = Σ parts`. */
  relate(total: number, parts: readonly number[]): void {
    this.totals.push(total);
    for (const p of parts) this.parts.push(p);
    this.starts.push(this.parts.length);
  }

  build(): LinkedSystem {
    return {
      values: Float64Array.from(this.vals),
      kinds: Uint8Array.from(this.kindArr),
      published: Uint8Array.from(this.pubArr),
      forcedPrimary: Uint8Array.from(this.forcedArr),
      relations: {
        totals: Int32Array.from(this.totals),
        starts: Int32Array.from(this.starts),
        parts: Int32Array.from(this.parts),
      },
    };
  }
}
