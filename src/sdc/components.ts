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
  /** True value of each column: a feasible point by construction. */
  readonly x0: Float64Array;
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
      x0: Float64Array.from(colCells, (c) => values[c]!),
    };
  }
}

/** Result of minimising and maximising one target column. */
export interface TargetBounds {
  readonly lo: number;
  readonly hi: number;
  /** Both solves proved optimal. */
  readonly optimal: boolean;
  /**
   * The exact LP interval. False only for `verify` results that passed: then [lo, hi] is proven
   * to lie inside the exact interval (which is enough to prove the cell protected).
   */
  readonly exact: boolean;
  /** The first non-optimal solver status, if any. */
  readonly status?: string;
  /**
   * When the caller's `judge` rejected the interval: the relation ids whose rows carry a non-zero
   * dual in the min or max solve — the published relations an attacker uses to pin the cell.
   */
  readonly proofRels?: Int32Array;
}

/**
 * A solver for component LPs. `judge(t, lo, hi)` (t = index into `lp.targets`) is the audit rule;
 * cells it rejects come back with `proofRels`. `purpose`: `exact` intervals (the audit), or
 * `verify` (enough to decide the rule; see `TargetBounds.exact`).
 */
export interface LpSolver {
  /** Number of LP solves run so far (for statistics), if the solver counts them. */
  readonly solves?: number;
  solve(
    lp: ComponentLp,
    judge?: (t: number, lo: number, hi: number) => boolean,
    purpose?: 'exact' | 'verify',
    /**
     * For `verify`: stages of witnesses to look for — per target, a max to reach (`hi`) and a min
     * to reach (`lo`); NaN = none. A later stage is tried for cells an earlier one did not prove.
     */
    verifyCaps?: readonly { hi: Float64Array; lo: Float64Array }[],
    /** For `verify`: targets (by index) to settle exactly on the whole component, with a dual proof. */
    exactFor?: Uint8Array,
    /** For `verify`: every failing cell gets its exact interval (the audit's `verdict` mode). */
    exactFailures?: boolean,
  ): TargetBounds[];
}

/** Valid outer bounds on every column of a component LP. */
export interface PropagatedBounds {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Some row cannot be satisfied within the bounds (up to tolerance). */
  readonly infeasible: boolean;
}

/**
 * Bound propagation (FBBT): repeatedly derives, from each row `Σ a·x = b` and the current bounds of
 * the other columns, bounds on each column. Every bound it returns holds for every feasible point
 * of the LP, so `hi[j]` ≥ the LP maximum of column j and `lo[j]` ≤ its minimum. Work is capped; a
 * capped run returns looser, still valid bounds.
 */
export function propagateBounds(lp: ComponentLp): PropagatedBounds {
  const m = lp.cells.length;
  const nRows = lp.rhs.length;
  const { rowStart, rowIndex, rowValue, rhs } = lp;
  const lo = new Float64Array(m);
  const hi = new Float64Array(m).fill(lp.cap);
  // column → rows
  const colStart = new Int32Array(m + 1);
  for (let k = 0; k < rowIndex.length; k++) colStart[rowIndex[k]! + 1]!++;
  for (let j = 0; j < m; j++) colStart[j + 1]! += colStart[j]!;
  const colRows = new Int32Array(rowIndex.length);
  const fill = colStart.slice(0, m);
  for (let i = 0; i < nRows; i++) for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) colRows[fill[rowIndex[k]!]!++] = i;

  const queue = new Int32Array(nRows);
  const queued = new Uint8Array(nRows);
  let head = 0;
  let len = nRows;
  for (let i = 0; i < nRows; i++) {
    queue[i] = i;
    queued[i] = 1;
  }
  let work = 0;
  const maxWork = 40 * rowIndex.length + 100000;
  const newLo: number[] = [];
  const newHi: number[] = [];
  while (len > 0 && work < maxWork) {
    const i = queue[head]!;
    head = (head + 1) % nRows;
    len--;
    queued[i] = 0;
    const a0 = rowStart[i]!;
    const a1 = rowStart[i + 1]!;
    work += a1 - a0;
    const b = rhs[i]!;
    let minAct = 0;
    let maxAct = 0;
    for (let k = a0; k < a1; k++) {
      const j = rowIndex[k]!;
      const a = rowValue[k]!;
      if (a > 0) {
        minAct += a * lo[j]!;
        maxAct += a * hi[j]!;
      } else {
        minAct += a * hi[j]!;
        maxAct += a * lo[j]!;
      }
    }
    const tol = 1e-9 * Math.max(1, Math.abs(b), Math.abs(minAct), Math.abs(maxAct));
    if (minAct > b + tol || maxAct < b - tol) return { lo, hi, infeasible: true };
    newLo.length = 0;
    newHi.length = 0;
    for (let k = a0; k < a1; k++) {
      const j = rowIndex[k]!;
      const a = rowValue[k]!;
      const cMin = a > 0 ? a * lo[j]! : a * hi[j]!;
      const cMax = a > 0 ? a * hi[j]! : a * lo[j]!;
      const restMin = minAct - cMin;
      const restMax = maxAct - cMax;
      // a·x_j ∈ [b − restMax, b − restMin]
      const l = a > 0 ? (b - restMax) / a : (b - restMin) / a;
      const u = a > 0 ? (b - restMin) / a : (b - restMax) / a;
      newLo.push(l);
      newHi.push(u);
    }
    for (let k = a0; k < a1; k++) {
      const j = rowIndex[k]!;
      const l = newLo[k - a0]!;
      const u = newHi[k - a0]!;
      let changed = false;
      const eps = 1e-7 * Math.max(1, Math.abs(lo[j]!), Math.abs(hi[j]!));
      if (l > lo[j]! + eps) {
        lo[j] = l;
        changed = true;
      }
      if (u < hi[j]! - eps) {
        hi[j] = u;
        changed = true;
      }
      if (lo[j]! > hi[j]! + eps) return { lo, hi, infeasible: true };
      if (changed) {
        for (let q = colStart[j]!; q < colStart[j + 1]!; q++) {
          const r = colRows[q]!;
          if (r !== i && !queued[r]) {
            queued[r] = 1;
            queue[(head + len) % nRows] = r;
            len++;
          }
        }
      }
    }
  }
  return { lo, hi, infeasible: false };
}

/** True if `x` satisfies every row and bound of the LP within a small tolerance. */
export function isFeasiblePoint(lp: ComponentLp, x: ArrayLike<number>): boolean {
  const m = lp.cells.length;
  for (let j = 0; j < m; j++) {
    const v = x[j]!;
    if (!(v >= -1e-6 && v <= lp.cap * (1 + 1e-9))) return false;
  }
  for (let i = 0; i < lp.rhs.length; i++) {
    let s = 0;
    let mag = Math.abs(lp.rhs[i]!);
    for (let k = lp.rowStart[i]!; k < lp.rowStart[i + 1]!; k++) {
      const t = lp.rowValue[k]! * x[lp.rowIndex[k]!]!;
      s += t;
      mag = Math.max(mag, Math.abs(t));
    }
    if (Math.abs(s - lp.rhs[i]!) > 1e-6 * Math.max(1, mag)) return false;
  }
  return true;
}

/**
 * Inner approximations of a component LP around one column (the repair loop's fast check): the
 * columns within `radius` hops (columns sharing a row are neighbours) are free, every other column
 * is fixed at its true value. The feasible set is a subset of the component's (the true values
 * are feasible), so its min ≥ the exact min and its max ≤ the exact max: an inner interval that
 * passes the audit rule proves the cell protected.
 */
export class InnerBuilder {
  private readonly colStart: Int32Array;
  private readonly colRows: Int32Array;
  private readonly colMark: Int32Array;
  private readonly rowMark: Int32Array;
  private readonly localOf: Int32Array;
  private stamp = 0;

  constructor(private readonly lp: ComponentLp) {
    const m = lp.cells.length;
    this.colStart = new Int32Array(m + 1);
    for (let k = 0; k < lp.rowIndex.length; k++) this.colStart[lp.rowIndex[k]! + 1]!++;
    for (let j = 0; j < m; j++) this.colStart[j + 1]! += this.colStart[j]!;
    this.colRows = new Int32Array(lp.rowIndex.length);
    const fill = this.colStart.slice(0, m);
    for (let i = 0; i < lp.rhs.length; i++) {
      for (let k = lp.rowStart[i]!; k < lp.rowStart[i + 1]!; k++) this.colRows[fill[lp.rowIndex[k]!]!++] = i;
    }
    this.colMark = new Int32Array(m).fill(-1);
    this.rowMark = new Int32Array(lp.rhs.length).fill(-1);
    this.localOf = new Int32Array(m).fill(-1);
  }

  /** Rows (component row ids) containing column j. */
  rowsOf(j: number): Int32Array {
    return this.colRows.subarray(this.colStart[j]!, this.colStart[j + 1]!);
  }

  /**
   * The inner LP around column j (local column 0 = j), as a standalone component LP whose `rels`
   * are the component's row ids. Stops growing at `limit` columns (any subset is a valid inner LP).
   */
  build(j: number, radius: number, limit: number): ComponentLp {
    const { rowStart, rowIndex, rowValue, rhs } = this.lp;
    let stamp = ++this.stamp;
    const cols: number[] = [j];
    this.colMark[j] = stamp;
    let layerStart = 0;
    grow: for (let d = 1; d <= radius; d++) {
      const layerEnd = cols.length;
      for (let q = layerStart; q < layerEnd; q++) {
        const c = cols[q]!;
        for (let p = this.colStart[c]!; p < this.colStart[c + 1]!; p++) {
          const i = this.colRows[p]!;
          if (this.rowMark[i] === stamp) continue;
          this.rowMark[i] = stamp;
          for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
            const c2 = rowIndex[e]!;
            if (this.colMark[c2] !== stamp) {
              if (cols.length >= limit) break grow;
              this.colMark[c2] = stamp;
              cols.push(c2);
            }
          }
        }
      }
      if (cols.length === layerEnd) break;
      layerStart = layerEnd;
    }
    stamp = ++this.stamp;
    cols.forEach((c, q) => (this.localOf[c] = q));
    const rels: number[] = [];
    const rs: number[] = [0];
    const ri: number[] = [];
    const rv: number[] = [];
    const b: number[] = [];
    for (const c of cols) {
      for (let p = this.colStart[c]!; p < this.colStart[c + 1]!; p++) {
        const i = this.colRows[p]!;
        if (this.rowMark[i] === stamp) continue;
        this.rowMark[i] = stamp;
        let r = rhs[i]!;
        for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
          const c2 = rowIndex[e]!;
          const l = this.localOf[c2]!;
          if (l < 0) r -= rowValue[e]! * this.lp.x0[c2]!;
          else {
            ri.push(l);
            rv.push(rowValue[e]!);
          }
        }
        rels.push(i);
        b.push(r);
        rs.push(ri.length);
      }
    }
    for (const c of cols) this.localOf[c] = -1;
    const colCells = Int32Array.from(cols, (c) => this.lp.cells[c]!);
    return {
      cells: colCells,
      rels: Int32Array.from(rels),
      rowStart: Int32Array.from(rs),
      rowIndex: Int32Array.from(ri),
      rowValue: Float64Array.from(rv),
      rhs: Float64Array.from(b),
      cap: this.lp.cap,
      targets: Int32Array.of(0),
      x0: Float64Array.from(cols, (c) => this.lp.x0[c]!),
    };
  }
}
