/**
 * Independent sub-problems of the audit: union-find over the relations that contain at least one
 * unknown (suppressed or internal) cell — published cells are constants — and the LP of one
 * component. Pure, browser-safe; the solver lives in `audit.ts` (Node-only).
 */
import type { CompiledSystem } from './system.js';

export interface Components {
  readonly count: number;
  /** Per cell: its component, or -1 if the cell is known (published and not suppressed). */
  readonly compOf: Int32Array;
  /** Component `k` holds `cells[start[k] .. start[k+1])`, ascending. */
  readonly start: Int32Array;
  readonly cells: Int32Array;
}

/** Splits the unknown cells into independent components. */
export function findComponents(sys: CompiledSystem, hidden: Uint8Array): Components {
  const { n, r, relStart, relCells } = sys;
  const parent = new Int32Array(n);
  for (let c = 0; c < n; c++) parent[c] = c;
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (let i = 0; i < r; i++) {
    let first = -1;
    for (let k = relStart[i]!; k < relStart[i + 1]!; k++) {
      const c = relCells[k]!;
      if (!hidden[c]) continue;
      if (first < 0) first = find(c);
      else {
        const b = find(c);
        if (b !== first) {
          // union by smaller id keeps roots deterministic
          if (b < first) {
            parent[first] = b;
            first = b;
          } else parent[b] = first;
        }
      }
    }
  }
  const compOf = new Int32Array(n).fill(-1);
  let count = 0;
  const rootComp = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let c = 0; c < n; c++) {
    if (!hidden[c]) continue;
    const root = find(c);
    let k = rootComp[root]!;
    if (k < 0) {
      k = count++;
      rootComp[root] = k;
      sizes.push(0);
    }
    compOf[c] = k;
    sizes[k]!++;
  }
  const start = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) start[k + 1] = start[k]! + sizes[k]!;
  const fill = start.slice(0, count);
  const cells = new Int32Array(start[count]!);
  for (let c = 0; c < n; c++) {
    const k = compOf[c]!;
    if (k >= 0) cells[fill[k]!++] = c;
  }
  return { count, compOf, start, cells };
}

/**
 * The LP of one component: one column per unknown cell (0 ≤ x ≤ cap), one equality row per
 * relation touching the component: Σ unknown parts − unknown total = published total − Σ published parts.
 */
export interface ComponentLp {
  /** Column → cell id. */
  readonly cells: Int32Array;
  /** Row → relation id. */
  readonly rels: Int32Array;
  /** CSR rows over columns. */
  readonly rowStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
  readonly rhs: Float64Array;
  /**
   * Upper bound on every column, far above any value the relations allow (twice the sum of all
   * values involved, plus 10). It keeps every LP bounded, so a solver status other than optimal is
   * always a failure; a maximum that reaches it means "not bounded by any published relation"
   * and is reported as Infinity.
   */
  readonly cap: number;
  /** Columns to minimise and maximise (the component's primaries and sensitive cells). */
  readonly targets: Int32Array;
}

/** Reusable scratch space for building component LPs of one system. */
export class LpBuilder {
  private readonly colOf: Int32Array;
  private readonly relMark: Int32Array;
  private readonly coef: Float64Array;
  private stamp = 0;

  constructor(private readonly sys: CompiledSystem) {
    this.colOf = new Int32Array(sys.n).fill(-1);
    this.relMark = new Int32Array(sys.r).fill(-1);
    this.coef = new Float64Array(sys.n);
  }

  build(cells: ArrayLike<number>, hidden: Uint8Array, isTarget: Uint8Array): ComponentLp {
    const { values, relStart, relCells, cellRelStart, cellRels } = this.sys;
    const stamp = ++this.stamp;
    const m = cells.length;
    const colCells = new Int32Array(m);
    const targets: number[] = [];
    let cap = 0;
    for (let j = 0; j < m; j++) {
      const c = cells[j]!;
      colCells[j] = c;
      this.colOf[c] = j;
      cap += values[c]!;
      if (isTarget[c]) targets.push(j);
    }
    const rels: number[] = [];
    for (let j = 0; j < m; j++) {
      const c = colCells[j]!;
      for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) {
        const rel = cellRels[k]!;
        if (this.relMark[rel] !== stamp) {
          this.relMark[rel] = stamp;
          rels.push(rel);
        }
      }
    }
    rels.sort((a, b) => a - b);
    const rowStart: number[] = [0];
    const rowIndex: number[] = [];
    const rowValue: number[] = [];
    const rhs: number[] = [];
    const rowRels: number[] = [];
    const touched: number[] = [];
    for (const rel of rels) {
      let b = 0;
      const a0 = relStart[rel]!;
      for (let k = a0; k < relStart[rel + 1]!; k++) {
        const c = relCells[k]!;
        const sign = k === a0 ? -1 : 1; // Σ parts − total = 0
        if (hidden[c]) {
          if (this.coef[c] === 0) touched.push(c);
          this.coef[c]! += sign;
        } else {
          b -= sign * values[c]!;
        }
      }
      let nnz = 0;
      for (const c of touched) {
        const v = this.coef[c]!;
        if (v !== 0) {
          rowIndex.push(this.colOf[c]!);
          rowValue.push(v);
          nnz++;
        }
        this.coef[c] = 0;
      }
      touched.length = 0;
      if (nnz === 0) continue; // the unknowns cancel: nothing to say about them
      rowStart.push(rowIndex.length);
      rhs.push(b);
      rowRels.push(rel);
      cap += Math.abs(b);
    }
    for (let j = 0; j < m; j++) this.colOf[colCells[j]!] = -1;
    return {
      cells: colCells,
      rels: Int32Array.from(rowRels),
      rowStart: Int32Array.from(rowStart),
      rowIndex: Int32Array.from(rowIndex),
      rowValue: Float64Array.from(rowValue),
      rhs: Float64Array.from(rhs),
      cap: 2 * cap + 10,
      targets: Int32Array.from(targets),
    };
  }
}

/** Result of minimising and maximising one target column. */
export interface TargetBounds {
  readonly lo: number;
  readonly hi: number;
  /** Both solves proved optimal. */
  readonly optimal: boolean;
  /** The first non-optimal solver status, if any. */
  readonly status?: string;
  /**
   * When the caller's `judge` rejected the interval: the relation ids whose rows carry a non-zero
   * dual in the min or max solve — the published relations an attacker uses to pin the cell.
   */
  readonly proofRels?: Int32Array;
}

/** A solver for component LPs. `judge(t, lo, hi)` (t = index into `lp.targets`) asks for proofs. */
export interface LpSolver {
  solve(lp: ComponentLp, judge?: (t: number, lo: number, hi: number) => boolean): TargetBounds[];
}
