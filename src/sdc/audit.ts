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
 * target is solved on its own; one HiGHS instance is reused for every component, and within a
 * component the model is loaded once and only the objective changes between solves, so HiGHS
 * warm-starts each solve from the previous basis.
 */
import highsModule from 'highs';
import { findComponents, LpBuilder, type ComponentLp, type LpSolver, type TargetBounds } from './components.js';
import { isTargetCell } from './primary.js';
import { DEFAULT_SUM_PROTECTION, isProtected } from './rules.js';
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

const round6 = (x: number): number => {
  const y = Math.round(x * 1e6) / 1e6;
  return y === 0 ? 0 : y;
};

/** Component LP solver on one persistent HiGHS model (reloaded per component). */
export class HighsLpSolver implements LpSolver {
  /** Number of LP solves run so far. */
  solves = 0;
  private readonly statusName = new Map<number, string>();

  private constructor(
    private readonly highs: Highs,
    private readonly model: Model,
  ) {
    for (const [name, code] of Object.entries(highs.constants.modelStatus)) this.statusName.set(code as number, name);
  }

  static async create(): Promise<HighsLpSolver> {
    const highs = await getHighs();
    const model = highs.createModel();
    model.options.set({ output_flag: false, log_to_console: false });
    return new HighsLpSolver(highs, model);
  }

  dispose(): void {
    this.model.dispose();
  }

  private rowDual(): Float64Array | undefined {
    try {
      return this.model.getSolution().rowDual;
    } catch {
      return undefined;
    }
  }

  solve(lp: ComponentLp, judge?: (t: number, lo: number, hi: number) => boolean): TargetBounds[] {
    const numCols = lp.cells.length;
    const numRows = lp.rhs.length;
    const model = this.model;
    const out: TargetBounds[] = [];
    const optimal = this.highs.constants.modelStatus.optimal;
    try {
      model.passModel({
        numCols,
        numRows,
        colCost: new Float64Array(numCols),
        colLower: new Float64Array(numCols),
        colUpper: new Float64Array(numCols).fill(lp.cap),
        rowLower: lp.rhs,
        rowUpper: lp.rhs,
        matrix: { format: 'csr', numRows, numCols, starts: lp.rowStart, indices: lp.rowIndex, values: lp.rowValue },
      });
    } catch (err) {
      const status = `load error: ${(err as Error).message}`;
      for (let t = 0; t < lp.targets.length; t++) out.push({ lo: NaN, hi: NaN, optimal: false, status });
      return out;
    }
    const run = (): string | undefined => {
      this.solves++;
      try {
        const code = model.run().modelStatus as number;
        return code === optimal ? undefined : (this.statusName.get(code) ?? `status ${code}`);
      } catch (err) {
        return `solver error: ${(err as Error).message}`;
      }
    };
    for (let t = 0; t < lp.targets.length; t++) {
      const j = lp.targets[t]!;
      model.changeColCost(j, 1);
      const s1 = run();
      const lo = s1 ? NaN : model.getObjectiveValue();
      const loDual = judge && !s1 ? this.rowDual() : undefined;
      model.changeColCost(j, -1);
      const s2 = run();
      const hiRaw = s2 ? NaN : -model.getObjectiveValue();
      model.changeColCost(j, 0);
      const hi = hiRaw >= lp.cap * (1 - 1e-9) ? Infinity : round6(hiRaw);
      const status = s1 ?? s2;
      const bounds: TargetBounds = status
        ? { lo: round6(lo), hi, optimal: false, status }
        : { lo: round6(lo), hi, optimal: true };
      if (judge && !status && !judge(t, bounds.lo, bounds.hi)) {
        const hiDual = this.rowDual();
        const proof: number[] = [];
        for (let i = 0; i < numRows; i++) {
          // Without duals (HiGHS keeps none, e.g. when presolve solved the model), every row is "used".
          if (!loDual || !hiDual || Math.abs(loDual[i]!) > 1e-9 || Math.abs(hiDual[i]!) > 1e-9) proof.push(lp.rels[i]!);
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
  const solver = opts.solver ?? (await HighsLpSolver.create());
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
      const bounds = solver.solve(lp);
      for (let t = 0; t < lp.targets.length; t++) {
        const c = lp.cells[lp.targets[t]!]!;
        const b = bounds[t]!;
        const pass = b.optimal && isProtected(sys.kinds[c]!, sys.values[c]!, b.lo, b.hi, p);
        results.push(b.status ? { cell: c, lo: b.lo, hi: b.hi, pass, solverStatus: b.status } : { cell: c, lo: b.lo, hi: b.hi, pass });
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
