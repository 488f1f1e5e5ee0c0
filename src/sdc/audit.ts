/**
 * The LP audit (DESIGN §4) — Node-only: it loads HiGHS (WebAssembly). The browser never imports
 * this module.
 *
 * For every primary and every sensitive internal cell: minimise and maximise the cell by linear
 * programming over all relations, with every unknown cell (suppressed or internal) ≥ 0 and every
 * published cell fixed at its value. The cell passes when the interval satisfies `isProtected`
 * (rules.ts). A solve that does not end Optimal is a failure for that cell, never a pass.
 *
 * The system is split into independent components (components.ts) and each component with a
 * target is solved on its own, with one reused HiGHS instance. Two LPs per cell on a component of
 * thousands of unknowns is too slow, so big components use proofs that need far fewer solves
 * (bound propagation, group testing with capped objectives, inner LPs — `HighsLpSolver.solve`),
 * every one of them backed by an Optimal HiGHS solve and checked against every row; whatever they
 * leave open gets its own LPs on the whole component (warm-started: only the objective changes).
 * `mode: 'direct'` is the plain two-LPs-per-cell audit, used by the tests as the reference.
 */
import highsModule from 'highs';
import {
  findComponents,
  InnerBuilder,
  isFeasiblePoint,
  LpBuilder,
  propagateBounds,
  type ComponentLp,
  type LpSolver,
  type TargetBounds,
} from './components.js';
import { isTargetCell } from './primary.js';
import { DEFAULT_SUM_PROTECTION, isProtected, witnessStages } from './rules.js';
import { compileSystem, type CompiledSystem } from './system.js';
import { Status, type CellAudit, type LinkedSystem } from './types.js';

// The package's types are read as CommonJS (`module.exports = { default }`) while Node loads its
// ESM build, whose default export is the loader itself: accept either shape.
type LoadHighs = typeof highsModule.default;
const loadHighs: LoadHighs =
  typeof highsModule === 'function' ? (highsModule as unknown as LoadHighs) : highsModule.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;
type Model = ReturnType<Highs['createModel']>;

let highsPromise: Promise<Highs> | undefined;
/** One HiGHS runtime per process (loading compiles the wasm binary). */
function getHighs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/** Components above this many unknowns get no single-cell LPs in the repair loop (see `solve`). */
const FULL_VERIFY_LIMIT = 300;

const round6 = (x: number): number => {
  const y = Math.round(x * 1e6) / 1e6;
  return y === 0 ? 0 : y;
};

export interface SolverOptions {
  /**
   * `certified` (default): propagation, group testing and inner LPs settle most cells, then one LP
   * per remaining cell and direction (see `HighsLpSolver.solve`). `direct`: two LPs per cell on
   * the whole component, the plain textbook audit — slow on big components; the tests' reference.
   */
  readonly mode?: 'certified' | 'direct';
  /**
   * Components above this many unknowns settle cells by inner LPs rather than one LP per cell on
   * the whole component in `verify` (default 300); components above 40 unknowns with more than 3
   * cells use group testing. Lower values are for tests.
   */
  readonly fullVerifyLimit?: number;
  readonly groupTestingMin?: number;
}

/**
 * A component LP as a HiGHS model with no objective: every cell in [0, cap], every relation an
 * equality. The audit's solver and the feed audit's feasibility search both load it.
 */
export function componentModel(lp: ComponentLp) {
  const numCols = lp.cells.length;
  const numRows = lp.rhs.length;
  return {
    numCols,
    numRows,
    colCost: new Float64Array(numCols),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(lp.cap),
    rowLower: lp.rhs,
    rowUpper: lp.rhs,
    matrix: { format: 'csr' as const, numRows, numCols, starts: lp.rowStart, indices: lp.rowIndex, values: lp.rowValue },
  };
}

/**
 * Component LP solver on one persistent HiGHS model (reloaded per component; within a component
 * only the objective changes, so every solve warm-starts from the previous basis). Uses primal
 * simplex: after an objective change the old basis stays primal feasible.
 */
export class HighsLpSolver implements LpSolver {
  /** Number of LP solves run so far (a batch of local LPs counts once). */
  solves = 0;
  /** Group-testing solves, and single-cell solves on the whole component. */
  readonly stats = { cappedRounds: 0, innerSolves: 0, fullSolves: 0, cappedMs: 0, innerMs: 0, fullMs: 0 };
  private readonly statusName = new Map<number, string>();
  private readonly optimal: number;
  private readonly raw: Model['raw'];
  private loaded: ComponentLp | undefined;

  private constructor(
    highs: Highs,
    private readonly model: Model,
    private readonly mode: 'certified' | 'direct',
    private readonly fullVerifyLimit: number,
    private readonly groupTestingMin: number,
  ) {
    for (const [name, code] of Object.entries(highs.constants.modelStatus)) this.statusName.set(code as number, name);
    this.optimal = highs.constants.modelStatus.optimal;
    this.raw = model.raw;
  }

  static async create(opts: SolverOptions = {}): Promise<HighsLpSolver> {
    const highs = await getHighs();
    const model = highs.createModel();
    model.options.set({ output_flag: false, log_to_console: false, presolve: 'off', simplex_strategy: 4 });
    return new HighsLpSolver(highs, model, opts.mode ?? 'certified', opts.fullVerifyLimit ?? FULL_VERIFY_LIMIT, opts.groupTestingMin ?? 40);
  }

  dispose(): void {
    this.model.dispose();
  }

  /** Loads the whole component LP (once; kept while the same `lp` is solved). */
  private loadFull(lp: ComponentLp): string | undefined {
    if (this.loaded === lp) return undefined;
    this.loaded = undefined;
    try {
      const st = this.raw.passModel(componentModel(lp));
      if (st.status === -1) return 'load error';
      this.loaded = lp;
      return undefined;
    } catch (err) {
      return `load error: ${(err as Error).message}`;
    }
  }

  /** Runs the loaded model; undefined when optimal, else the status. */
  private run(): string | undefined {
    this.solves++;
    try {
      if (this.raw.run().status === -1) return 'solver error';
      const code = this.raw.getModelStatus() as number;
      return code === this.optimal ? undefined : (this.statusName.get(code) ?? `status ${code}`);
    } catch (err) {
      return `solver error: ${(err as Error).message}`;
    }
  }

  private solution(): { colValue: Float64Array; rowDual: Float64Array } | undefined {
    try {
      const r = this.raw.getSolution();
      return r.status === -1 ? undefined : r.value;
    } catch {
      return undefined;
    }
  }

  /** Min and max of column j (status undefined when both optimal); with duals if asked. */
  private minMax(j: number, withDuals: boolean): { lo: number; hi: number; status?: string; duals?: Float64Array[] } {
    const duals: Float64Array[] = [];
    this.raw.changeColCost(j, 1);
    const s1 = this.run();
    const lo = s1 ? NaN : this.raw.getObjectiveValue();
    if (withDuals && !s1) {
      const d = this.solution()?.rowDual;
      if (d) duals.push(d);
    }
    this.raw.changeColCost(j, -1);
    const s2 = this.run();
    const hi = s2 ? NaN : -this.raw.getObjectiveValue();
    if (withDuals && !s2) {
      const d = this.solution()?.rowDual;
      if (d) duals.push(d);
    }
    this.raw.changeColCost(j, 0);
    const status = s1 ?? s2;
    return status ? { lo, hi, status, duals } : { lo, hi, duals };
  }

  /**
   * Group testing with capped objectives. Loads the component LP plus, per target t, a column
   * z_t with z_t ≤ x_t (maximised up to a cap) and a column w_t with w_t ≥ x_t (minimised down to
   * a cap). One solve then looks for a single feasible point pushing as many targets as possible
   * to their caps; a point is used only after it is checked against every row; a target that
   * reaches its cap leaves the objective; repeat while rounds pay off. `stages` are tried in turn
   * (warm-started: only bounds and costs change) for the targets `settled` does not yet accept.
   * Returns, per target, the lowest and highest values witnessed (starting from the true value).
   */
  private groupTest(
    lp: ComponentLp,
    stages: readonly { hi: Float64Array; lo: Float64Array }[],
    settled: (t: number, wLo: number, wHi: number) => boolean,
  ): { wLo: Float64Array; wHi: Float64Array } {
    const t0 = performance.now();
    const m = lp.cells.length;
    const nRows = lp.rhs.length;
    const T = lp.targets.length;
    const wLo = new Float64Array(T);
    const wHi = new Float64Array(T);
    for (let t = 0; t < T; t++) wLo[t] = wHi[t] = lp.x0[lp.targets[t]!]!;
    // columns: x (m), z_t = m + 2t, w_t = m + 2t + 1; rows: original, then z_t − x_t ≤ 0, w_t − x_t ≥ 0
    const numCols = m + 2 * T;
    const numRows = nRows + 2 * T;
    const colUpper = new Float64Array(numCols).fill(lp.cap);
    for (let t = 0; t < T; t++) colUpper[m + 2 * t] = 0;
    const rowLower = new Float64Array(numRows);
    const rowUpper = new Float64Array(numRows);
    rowLower.set(lp.rhs);
    rowUpper.set(lp.rhs);
    const nnz = lp.rowIndex.length + 4 * T;
    const starts = new Int32Array(numRows + 1);
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    starts.set(lp.rowStart);
    indices.set(lp.rowIndex);
    values.set(lp.rowValue);
    let e = lp.rowIndex.length;
    for (let t = 0; t < T; t++) {
      const j = lp.targets[t]!;
      for (let q = 0; q < 2; q++) {
        const row = nRows + 2 * t + q;
        indices[e] = m + 2 * t + q;
        values[e++] = 1;
        indices[e] = j;
        values[e++] = -1;
        starts[row + 1] = e;
        rowLower[row] = q === 0 ? -lp.cap : 0;
        rowUpper[row] = q === 0 ? 0 : lp.cap;
      }
    }
    this.loaded = undefined;
    try {
      const st = this.raw.passModel({
        numCols,
        numRows,
        colCost: new Float64Array(numCols),
        colLower: new Float64Array(numCols),
        colUpper,
        rowLower,
        rowUpper,
        matrix: { format: 'csr', numRows, numCols, starts, indices, values },
      });
      if (st.status === -1) return { wLo, wHi };
    } catch {
      return { wLo, wHi };
    }
    // Dual simplex here (about 6× faster than primal on these); single-cell solves use primal.
    this.raw.setOptionValue('simplex_strategy', 1);
    try {
      const extra = { kind: 'range', from: m, to: numCols - 1 } as const;
      const cost = new Float64Array(2 * T);
      const lower = new Float64Array(2 * T);
      const upper = new Float64Array(2 * T);
      for (const stage of stages) {
        let open = 0;
        for (let t = 0; t < T; t++) {
          const active = !settled(t, wLo[t]!, wHi[t]!);
          const h = stage.hi[t]!;
          const l = stage.lo[t]!;
          const needHi = active && Number.isFinite(h) && wHi[t]! < h;
          const needLo = active && Number.isFinite(l) && wLo[t]! > l;
          upper[2 * t] = needHi ? h : 0;
          cost[2 * t] = needHi ? -1 / Math.max(1, Math.abs(h)) : 0;
          lower[2 * t + 1] = needLo ? Math.max(0, l) : 0;
          upper[2 * t + 1] = lp.cap;
          cost[2 * t + 1] = needLo ? 1 / Math.max(1, Math.abs(l)) : 0;
          open += (needHi ? 1 : 0) + (needLo ? 1 : 0);
        }
        if (open === 0) continue;
        this.raw.changeColsBounds(extra, lower, upper);
        this.raw.changeColsCost(extra, cost);
        for (let round = 0; round < 12 && open > 0; round++) {
          if (this.run()) break;
          this.stats.cappedRounds++;
          const sol = this.solution();
          if (!sol) break;
          const x = sol.colValue.subarray(0, m);
          if (!isFeasiblePoint(lp, x)) break;
          let gained = 0;
          for (let t = 0; t < T; t++) {
            const v = x[lp.targets[t]!]!;
            if (cost[2 * t] !== 0 && v >= upper[2 * t]! - 1e-7 * Math.max(1, upper[2 * t]!)) {
              cost[2 * t] = 0;
              this.raw.changeColCost(m + 2 * t, 0);
              gained++;
            }
            if (cost[2 * t + 1] !== 0 && v <= lower[2 * t + 1]! + 1e-7 * Math.max(1, lower[2 * t + 1]!)) {
              cost[2 * t + 1] = 0;
              this.raw.changeColCost(m + 2 * t + 1, 0);
              gained++;
            }
            if (v > wHi[t]!) wHi[t] = v;
            if (v < wLo[t]!) wLo[t] = v;
          }
          if (gained === 0 || gained < 0.03 * open) break;
          open -= gained;
        }
      }
    } finally {
      this.raw.setOptionValue('simplex_strategy', 4);
      this.stats.cappedMs += performance.now() - t0;
    }
    return { wLo, wHi };
  }

  /**
   * Intervals of every target of a component.
   *
   * `exact` (the audit): the exact LP interval [min, max] of each target. `verify` (the repair
   * loop): enough to decide the rule — for a cell that passes, an interval proven to lie inside
   * its exact one (`exact: false`); for a cell that fails, its exact interval.
   *
   * Two LPs per cell on a component of thousands of cells is too slow, so on big components:
   * - exact: bound propagation gives bounds L ≤ min and U ≥ max valid for every feasible point;
   *   a feasible point (from HiGHS, checked against every row) with x_t = U_t proves max = U_t,
   *   with x_t = L_t proves min = L_t. Capped group-testing solves (`groupTest`) find such
   *   points for most cells at once.
   * - verify: the true values are a feasible point (x_t = value); a feasible point with
   *   x_t ≥ max(3, value + 2) then proves a count protected; a sum needs points at ≥ (1+p)·value
   *   and ≤ (1−p)·value (caps from `verifyCaps`).
   * Every cell and direction not settled that way gets its own LP on the whole component, whose
   * Optimal value is the answer — the plain audit, which is also what `mode: 'direct'` does for
   * every cell. A cell without an Optimal solve or a checked witness behind it fails.
   */
  solve(
    lp: ComponentLp,
    judge?: (t: number, lo: number, hi: number) => boolean,
    purpose: 'exact' | 'verify' = 'exact',
    verifyCaps?: readonly { hi: Float64Array; lo: Float64Array }[],
    exactFor?: Uint8Array,
    exactFailures = false,
  ): TargetBounds[] {
    const T = lp.targets.length;
    const m = lp.cells.length;
    const lo = new Float64Array(T).fill(NaN);
    const hi = new Float64Array(T).fill(NaN);
    const loOk = new Uint8Array(T);
    const hiOk = new Uint8Array(T);
    const isExact = new Uint8Array(T).fill(1);
    const status: (string | undefined)[] = new Array<string | undefined>(T).fill(undefined);
    const verify = purpose === 'verify' && verifyCaps !== undefined;
    const cheapProof = new Uint8Array(T);
    const localProof: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(T).fill(undefined);

    if (this.mode !== 'direct' && m > this.groupTestingMin && T > 3) {
      if (verify) {
        // Group testing pays off with many open cells; a few go straight to their inner LPs.
        const passes = (t: number, l: number, h: number) => !judge || judge(t, round6(l), round6(h));
        const { wLo, wHi } =
          m > this.fullVerifyLimit && T <= 40
            ? (() => {
                const a = Float64Array.from(lp.targets, (j) => lp.x0[j]!);
                return { wLo: a, wHi: Float64Array.from(a) };
              })()
            : this.groupTest(lp, verifyCaps, passes);
        for (let t = 0; t < T; t++) {
          if (passes(t, wLo[t]!, wHi[t]!)) {
            lo[t] = wLo[t]!;
            hi[t] = wHi[t]!;
            loOk[t] = hiOk[t] = 1;
            isExact[t] = 0;
          }
        }
        if (m > this.fullVerifyLimit) {
          // Too big for one LP per cell: inner LPs around each open cell (radius 3, then 6); a
          // pass there is a proof. A cell that still fails is reported failing with the inner
          // LP's binding rows as the proof (the repair loop adds a complement — at worst one
          // more than needed; the final audit is exact).
          const inner = new InnerBuilder(lp);
          for (let t = 0; t < T; t++) {
            if (loOk[t] || exactFor?.[t]) continue;
            const j = lp.targets[t]!;
            let proof: number[] | undefined;
            for (const [radius, limit] of [[3, 120], [6, 600]] as const) {
              const ti = performance.now();
              const ilp = inner.build(j, radius, limit);
              if (this.loadFull(ilp)) continue;
              const r = this.minMax(0, true);
              this.stats.innerMs += performance.now() - ti;
              this.stats.innerSolves += 2;
              if (r.status) continue;
              wLo[t] = Math.min(wLo[t]!, r.lo);
              wHi[t] = Math.max(wHi[t]!, r.hi);
              if (!judge || judge(t, round6(wLo[t]!), round6(wHi[t]!))) {
                proof = undefined;
                break;
              }
              proof = [];
              for (let i = 0; i < ilp.rhs.length; i++) {
                if (!r.duals || r.duals.length < 2 || r.duals.some((d) => Math.abs(d[i]!) > 1e-9)) proof.push(lp.rels[ilp.rels[i]!]!);
              }
            }
            const passed = !proof && (!judge || judge(t, round6(wLo[t]!), round6(wHi[t]!)));
            if (!passed && exactFailures) continue; // settled on the whole component below
            lo[t] = wLo[t]!;
            hi[t] = wHi[t]!;
            loOk[t] = hiOk[t] = 1;
            isExact[t] = 0;
            if (proof) localProof[t] = Int32Array.from(proof);
            else if (judge && !judge(t, round6(wLo[t]!), round6(wHi[t]!))) cheapProof[t] = 1;
          }
        }
      } else {
        const prop = propagateBounds(lp);
        if (!prop.infeasible) {
          const L = prop.lo;
          const U = prop.hi;
          const hiCap = new Float64Array(T);
          const loCap = new Float64Array(T);
          for (let t = 0; t < T; t++) {
            const j = lp.targets[t]!;
            const x0 = lp.x0[j]!;
            // the true values already witness a bound they sit on
            if (x0 >= U[j]! - 1e-7 * Math.max(1, U[j]!)) {
              hi[t] = U[j]!;
              hiOk[t] = 1;
              hiCap[t] = NaN;
            } else hiCap[t] = U[j]!;
            if (x0 <= L[j]! + 1e-7 * Math.max(1, L[j]!)) {
              lo[t] = L[j]!;
              loOk[t] = 1;
              loCap[t] = NaN;
            } else loCap[t] = L[j]!;
          }
          const { wLo, wHi } = this.groupTest(lp, [{ hi: hiCap, lo: loCap }], () => false);
          for (let t = 0; t < T; t++) {
            const j = lp.targets[t]!;
            if (!hiOk[t] && wHi[t]! >= U[j]! - 1e-7 * Math.max(1, U[j]!)) {
              hi[t] = U[j]!;
              hiOk[t] = 1;
            }
            if (!loOk[t] && wLo[t]! <= L[j]! + 1e-7 * Math.max(1, L[j]!)) {
              lo[t] = L[j]!;
              loOk[t] = 1;
            }
          }
        }
      }
    }

    // Whatever is open: the whole component, one LP per cell and direction.
    let anyOpen = false;
    for (let t = 0; t < T; t++) if (!loOk[t] || !hiOk[t]) anyOpen = true;
    const loadError = anyOpen ? this.loadFull(lp) : undefined;
    const duals: (Float64Array[] | undefined)[] = new Array<Float64Array[] | undefined>(T).fill(undefined);
    for (let t = 0; t < T; t++) {
      if (loOk[t] && hiOk[t]) continue;
      if (loadError) {
        status[t] = loadError;
        continue;
      }
      const tf = performance.now();
      const r = this.minMax(lp.targets[t]!, judge !== undefined);
      this.stats.fullMs += performance.now() - tf;
      this.stats.fullSolves += 2;
      lo[t] = r.lo;
      hi[t] = r.hi;
      isExact[t] = 1;
      status[t] = r.status;
      duals[t] = r.duals;
    }

    const out: TargetBounds[] = [];
    for (let t = 0; t < T; t++) {
      const h = hi[t]! >= lp.cap * (1 - 1e-9) ? Infinity : round6(hi[t]!);
      const st = status[t];
      const base = { lo: round6(lo[t]!), hi: h, exact: isExact[t] === 1 };
      const bounds: TargetBounds = st ? { ...base, optimal: false, status: st } : { ...base, optimal: true };
      if (judge && !st && !judge(t, bounds.lo, bounds.hi)) {
        // The attacker's proof: rows with a non-zero dual in the min or max solve. Without duals
        // (none kept by HiGHS, or the cell was settled without its own solve), every row counts.
        const lp0 = localProof[t];
        if (lp0) {
          out.push({ ...bounds, proofRels: lp0 });
          continue;
        }
        const proof: number[] = [];
        if (cheapProof[t]) {
          // the relations of the cell itself
          const j = lp.targets[t]!;
          for (let i = 0; i < lp.rhs.length; i++) {
            for (let k = lp.rowStart[i]!; k < lp.rowStart[i + 1]!; k++) {
              if (lp.rowIndex[k] === j) {
                proof.push(lp.rels[i]!);
                break;
              }
            }
          }
        } else {
          let d = duals[t];
          if (!d && !this.loadFull(lp)) d = this.minMax(lp.targets[t]!, true).duals;
          for (let i = 0; i < lp.rhs.length; i++) {
            if (!d || d.length < 2 || d.some((x) => Math.abs(x[i]!) > 1e-9)) proof.push(lp.rels[i]!);
          }
        }
        out.push({ ...bounds, proofRels: Int32Array.from(proof) });
      } else out.push(bounds);
    }
    return out;
  }
}

export interface AuditOptions {
  /** Protection level for sums (rules.ts); default 0.10. */
  readonly sumProtection?: number;
  /** Reuse a solver (e.g. across documents); otherwise one is created and disposed. */
  readonly solver?: HighsLpSolver;
  /** Solver mode when no solver is passed (default `certified`). */
  readonly mode?: 'certified' | 'direct';
  /**
   * `exact` (default): every interval is the exact LP interval. `verdict`: the same pass/fail
   * verdicts, much faster on big systems — a cell that passes is proven so by feasible points
   * (its [lo, hi] lies inside the exact interval, `exact: false`); a cell that fails gets its exact
   * interval from its own LPs on the whole component.
   */
  readonly intervals?: 'exact' | 'verdict';
}

export interface AuditReport {
  /** One entry per primary and sensitive cell, ascending by cell id. */
  readonly results: CellAudit[];
  /** The entries that did not pass. */
  readonly failures: CellAudit[];
  readonly pass: boolean;
  /** Components holding at least one audited cell (each solved separately). */
  readonly components: number;
  /** Size of the largest solved component (unknown cells). */
  readonly largestComponent: number;
  readonly lpSolves: number;
  readonly elapsedMs: number;
}

/**
 * Audits a protected system. `status[c]` is the cell's `Status`; a published cell is unknown to an
 * attacker when its status is not `Published`; internal cells are always unknown. The audited
 * cells are every cell the primary rules make primary or sensitive, plus any cell whose status is
 * `Primary`. A primary-rule cell that is still published fails (its interval is its value).
 */
export async function auditSystem(
  system: LinkedSystem | CompiledSystem,
  status: ArrayLike<number>,
  opts: AuditOptions = {},
): Promise<AuditReport> {
  const t0 = performance.now();
  const sys = 'relStart' in system ? system : compileSystem(system);
  const p = opts.sumProtection ?? DEFAULT_SUM_PROTECTION;
  const solver = opts.solver ?? (await HighsLpSolver.create({ mode: opts.mode ?? 'certified' }));
  const solves0 = solver.solves;
  try {
    const hidden = new Uint8Array(sys.n);
    const isTarget = new Uint8Array(sys.n);
    const results: CellAudit[] = [];
    for (let c = 0; c < sys.n; c++) {
      const st = status[c] ?? Status.Published;
      const target = isTargetCell(sys, c) || st === Status.Primary;
      if (!sys.published[c] || st !== Status.Published) hidden[c] = 1;
      else if (target) {
        const v = sys.values[c]!;
        results.push({ cell: c, lo: v, hi: v, pass: false });
        continue;
      }
      if (target) isTarget[c] = 1;
    }
    const comps = findComponents(sys, hidden);
    const builder = new LpBuilder(sys);
    let components = 0;
    let largest = 0;
    for (let k = 0; k < comps.count; k++) {
      const cells = comps.cells.subarray(comps.start[k]!, comps.start[k + 1]!);
      let any = false;
      for (const c of cells) if (isTarget[c]) { any = true; break; }
      if (!any) continue;
      components++;
      largest = Math.max(largest, cells.length);
      const lp = builder.build(cells, hidden, isTarget);
      const judge = (t: number, lo: number, hi: number): boolean => {
        const c = lp.cells[lp.targets[t]!]!;
        return isProtected(sys.kinds[c]!, sys.values[c]!, lo, hi, p);
      };
      const bounds =
        opts.intervals === 'verdict'
          ? solver.solve(lp, judge, 'verify', witnessStages(lp, sys.kinds, sys.values, p), undefined, true)
          : solver.solve(lp);
      for (let t = 0; t < lp.targets.length; t++) {
        const c = lp.cells[lp.targets[t]!]!;
        const b = bounds[t]!;
        const pass = b.optimal && judge(t, b.lo, b.hi);
        results.push({
          cell: c,
          lo: b.lo,
          hi: b.hi,
          pass,
          ...(b.status ? { solverStatus: b.status } : {}),
          ...(b.exact ? {} : { exact: false as const }),
        });
      }
    }
    results.sort((a, b) => a.cell - b.cell);
    const failures = results.filter((r) => !r.pass);
    return {
      results,
      failures,
      pass: failures.length === 0,
      components,
      largestComponent: largest,
      lpSolves: solver.solves - solves0,
      elapsedMs: performance.now() - t0,
    };
  } finally {
    if (!opts.solver) solver.dispose();
  }
}
