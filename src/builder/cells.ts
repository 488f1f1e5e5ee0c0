/**
 * Lays out the published numbers of one (collection year, log type) block as cells of a linked
 * system (src/sdc/types.ts). Each "cube" is an array of cells repeated for the year-to-date
 * snapshots it publishes (all four, or only the last ones: crosstabs are full-year only), plus an
 * internal cell per position for each quarter increment that the difference of two published
 * snapshots reveals. A cell shared by several documents is one cube position.
 */
import { KIND_COUNT, KIND_SUM, type LinkedSystem } from '../sdc/types.js';

export const SNAPSHOTS = 4;

export interface Cube {
  readonly base: number;
  readonly size: number;
  /** The first snapshot the cube publishes (0 = from Q1; SNAPSHOTS − 1 = the full year only). */
  readonly first: number;
}

/** Id of position `k` of a cube in snapshot `s` (0 = Q1 … 3 = full year; s ≥ cube.first). */
export const cellId = (cube: Cube, s: number, k: number): number => cube.base + (s - cube.first) * cube.size + k;
/** Id of the internal cell holding the quarter s+1 increment (cube.first < s ≤ 3). */
const deltaId = (cube: Cube, s: number, k: number): number =>
  cube.base + (SNAPSHOTS - cube.first + s - cube.first - 1) * cube.size + k;

/** A growable typed array. */
class Column<T extends Float64Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export class CellSpace {
  private readonly values = new Column(new Float64Array(1 << 16));
  private readonly kinds = new Column(new Uint8Array(1 << 16));
  private readonly published = new Column(new Uint8Array(1 << 16));
  private readonly forced = new Column(new Uint8Array(1 << 16));
  private readonly totals = new Column(new Int32Array(1 << 16));
  private readonly starts = new Column(new Int32Array(1 << 16));
  private readonly parts = new Column(new Int32Array(1 << 16));

  constructor() {
    this.starts.push(0);
  }

  get size(): number {
    return this.values.length;
  }

  /**
   * Allocates a cube from its per-snapshot values (`values[s][k]`, read from snapshot `first` on)
   * published from snapshot `first` on, and relates each published snapshot to the previous one through the
   * quarter's internal cell.
   */
  cube(values: ArrayLike<number>[], kind: 'count' | 'sum', first = 0): Cube {
    const size = values[first]!.length;
    const cube = { base: this.values.length, size, first };
    const kindCode = kind === 'sum' ? KIND_SUM : KIND_COUNT;
    for (let s = first; s < SNAPSHOTS; s++) {
      for (let k = 0; k < size; k++) this.push(values[s]![k]!, kindCode, 1);
    }
    for (let s = first + 1; s < SNAPSHOTS; s++) {
      for (let k = 0; k < size; k++) this.push(values[s]![k]! - values[s - 1]![k]!, kindCode, 0);
    }
    const pair = [0, 0];
    for (let s = first + 1; s < SNAPSHOTS; s++) {
      for (let k = 0; k < size; k++) {
        if (values[s]![k] === 0) continue; // all zero: nothing to relate
        pair[0] = cellId(cube, s - 1, k);
        pair[1] = deltaId(cube, s, k);
        this.relate(cellId(cube, s, k), pair);
      }
    }
    return cube;
  }

  /** Adds `total = Σ parts` in every snapshot from `first`; `parts(s, out)` fills `out` with the part ids. */
  relateAll(total: (s: number) => number, parts: (s: number, out: number[]) => void, first = 0): void {
    const out: number[] = [];
    for (let s = first; s < SNAPSHOTS; s++) {
      out.length = 0;
      parts(s, out);
      this.relate(total(s), out);
    }
  }

  /**
   * An internal cell (never published, never a target: kind `sum`), e.g. the slack of an
   * inequality `total = part + slack`, slack ≥ 0.
   */
  slack(value: number): number {
    this.push(value, KIND_SUM, 0);
    return this.values.length - 1;
  }

  /** Marks a cell primary whatever its value. */
  force(id: number): void {
    this.forced.data[id] = 1;
  }

  value(id: number): number {
    return this.values.data[id]!;
  }

  /** Zero cells are constants: they are left out of relations (a relation of zeros is dropped). */
  relate(total: number, parts: ArrayLike<number>): void {
    const v = this.values.data;
    let kept = 0;
    for (let i = 0; i < parts.length; i++) {
      if (v[parts[i]!] !== 0) {
        this.parts.push(parts[i]!);
        kept++;
      }
    }
    if (kept === 0 && v[total] === 0) return;
    this.totals.push(total);
    this.starts.push(this.parts.length);
  }

  system(): LinkedSystem {
    return {
      values: this.values.view(),
      kinds: this.kinds.view(),
      published: this.published.view(),
      forcedPrimary: this.forced.view(),
      relations: { totals: this.totals.view(), starts: this.starts.view(), parts: this.parts.view() },
    };
  }

  private push(value: number, kind: number, published: number): void {
    this.values.push(value);
    this.kinds.push(kind);
    this.published.push(published);
    this.forced.push(0);
  }
}
