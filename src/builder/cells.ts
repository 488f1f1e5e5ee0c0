/**
 * Lays out the published numbers of one (collection year, log type) block as cells of a linked
 * system (src/sdc/types.ts). Each "cube" is an array of cells repeated for the four year-to-date
 * snapshots, plus three internal cells per position for the quarters 2–4 that the difference of
 * two snapshots reveals. A cell shared by several documents is one cube position.
 */
import { KIND_COUNT, KIND_SUM, type LinkedSystem } from '../sdc/types.js';

export const SNAPSHOTS = 4;

export interface Cube {
  readonly base: number;
  readonly size: number;
}

/** Id of position `k` of a cube in snapshot `s` (0 = Q1 … 3 = full year). */
export const cellId = (cube: Cube, s: number, k: number): number => cube.base + s * cube.size + k;
/** Id of the internal cell holding the quarter s+1 increment (s = 1…3). */
const deltaId = (cube: Cube, s: number, k: number): number => cube.base + (SNAPSHOTS + s - 1) * cube.size + k;

export class CellSpace {
  private values: number[] = [];
  private kinds: number[] = [];
  private published: number[] = [];
  private forced: number[] = [];
  private totals: number[] = [];
  private starts: number[] = [0];
  private parts: number[] = [];

  get size(): number {
    return this.values.length;
  }

  /**
   * Allocates a cube from its per-snapshot values (`values[s][k]`) and relates each snapshot to
   * the previous one through the quarter's internal cell.
   */
  cube(values: ArrayLike<number>[], kind: 'count' | 'sum'): Cube {
    const size = values[0]!.length;
    const cube = { base: this.values.length, size };
    const kindCode = kind === 'sum' ? KIND_SUM : KIND_COUNT;
    for (let s = 0; s < SNAPSHOTS; s++) {
      for (let k = 0; k < size; k++) this.push(values[s]![k]!, kindCode, 1);
    }
    for (let s = 1; s < SNAPSHOTS; s++) {
      for (let k = 0; k < size; k++) this.push(values[s]![k]! - values[s - 1]![k]!, kindCode, 0);
    }
    for (let s = 1; s < SNAPSHOTS; s++) {
      for (let k = 0; k < size; k++) {
        if (values[s]![k] === 0) continue; // all zero: nothing to relate
        this.relate(cellId(cube, s, k), [cellId(cube, s - 1, k), deltaId(cube, s, k)]);
      }
    }
    return cube;
  }

  /** Adds `total = Σ parts` in every snapshot, for positions of one cube or several. */
  relateAll(total: (s: number) => number, parts: (s: number) => number[]): void {
    for (let s = 0; s < SNAPSHOTS; s++) this.relate(total(s), parts(s));
  }

  /** Marks a cell primary whatever its value. */
  force(id: number): void {
    this.forced[id] = 1;
  }

  value(id: number): number {
    return this.values[id]!;
  }

  /** Zero cells are constants: they are left out of relations (a relation of zeros is dropped). */
  relate(total: number, parts: readonly number[]): void {
    const kept = parts.filter((p) => this.values[p] !== 0);
    if (kept.length === 0 && this.values[total] === 0) return;
    this.totals.push(total);
    for (const p of kept) this.parts.push(p);
    this.starts.push(this.parts.length);
  }

  system(): LinkedSystem {
    return {
      values: Float64Array.from(this.values),
      kinds: Uint8Array.from(this.kinds),
      published: Uint8Array.from(this.published),
      forcedPrimary: Uint8Array.from(this.forced, (f) => f ?? 0),
      relations: {
        totals: Int32Array.from(this.totals),
        starts: Int32Array.from(this.starts),
        parts: Int32Array.from(this.parts),
      },
    };
  }

  private push(value: number, kind: number, published: number): void {
    this.values.push(value);
    this.kinds.push(kind);
    this.published.push(published);
    this.forced.push(0);
  }
}
