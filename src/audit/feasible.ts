/**
 * A feasible point of a component LP — Node-only (HiGHS). The audit does not know the true values
 * of suppressed cells; the fast audit paths (src/sdc/audit.ts, `verify`) need *some* point that
 * satisfies every published relation, which one zero-objective LP gives. Infeasible means the
 * published numbers contradict each other.
 */
import highsModule from 'highs';
import type { ComponentLp } from '../sdc/components.js';
import { isFeasiblePoint } from '../sdc/components.js';
import { componentModel } from '../sdc/audit.js';

type LoadHighs = typeof highsModule.default;
const loadHighs: LoadHighs =
  typeof highsModule === 'function' ? (highsModule as unknown as LoadHighs) : highsModule.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;
type Model = ReturnType<Highs['createModel']>;

export interface FeasibilitySolver {
  /**
   * A point satisfying every row of `lp` (checked), or the reason there is none. With `cost`, a
   * point minimising cost · x (used to find witnesses for many cells at once).
   */
  point(lp: ComponentLp, cost?: Float64Array): { x: Float64Array } | { status: string };
  dispose?(): void;
}

let highsPromise: Promise<Highs> | undefined;

export class HighsFeasibility implements FeasibilitySolver {
  private constructor(private readonly model: Model, private readonly optimal: number, private readonly names: Map<number, string>) {}

  static async create(): Promise<HighsFeasibility> {
    highsPromise ??= loadHighs();
    const highs = await highsPromise;
    const model = highs.createModel();
    model.options.set({ output_flag: false, log_to_console: false, presolve: 'off' });
    const names = new Map<number, string>();
    for (const [name, code] of Object.entries(highs.constants.modelStatus)) names.set(code as number, name);
    return new HighsFeasibility(model, highs.constants.modelStatus.optimal, names);
  }

  point(lp: ComponentLp, cost?: Float64Array): { x: Float64Array } | { status: string } {
    const numCols = lp.cells.length;
    const numRows = lp.rhs.length;
    if (numRows === 0) return { x: new Float64Array(numCols) };
    const raw = this.model.raw;
    try {
      const st = raw.passModel(cost ? { ...componentModel(lp), colCost: cost } : componentModel(lp));
      if (st.status === -1) return { status: 'load error' };
      if (raw.run().status === -1) return { status: 'solver error' };
      const code = raw.getModelStatus() as number;
      if (code !== this.optimal) return { status: this.names.get(code) ?? `status ${code}` };
      const sol = raw.getSolution();
      if (sol.status === -1) return { status: 'no solution returned' };
      // Vertices of these systems are whole numbers up to rounding noise; snap to 1e-9.
      const x = Float64Array.from(sol.value.colValue.subarray(0, numCols), (v) => Math.max(0, Math.round(v * 1e9) / 1e9));
      if (!isFeasiblePoint(lp, x)) return { status: 'solution failed the row check' };
      return { x };
    } catch (err) {
      return { status: `solver error: ${(err as Error).message}` };
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
