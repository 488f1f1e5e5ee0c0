/**
 * Protect a whole linked system — Node-only (it uses the HiGHS audit): primary suppression,
 * secondary suppression with LP repair, and the LP verdict for every primary and sensitive cell.
 */
import { auditSystem, HighsLpSolver, type AuditReport, type SolverOptions } from './audit.js';
import { primarySuppress, type PrimaryResult } from './primary.js';
import { secondarySuppress, type SecondaryResult } from './secondary.js';
import { compileSystem, type CompiledSystem } from './system.js';
import type { LinkedSystem } from './types.js';

export interface ProtectOptions {
  /** Protection level for sums (rules.ts); default 0.10. */
  readonly sumProtection?: number;
  /** Cells that join otherwise separate parts of the system (`SecondaryOptions.pivots`). */
  readonly pivots?: Uint8Array;
  /** Also run an independent `auditSystem` on the result (a second, from-scratch proof). */
  readonly verify?: boolean;
  readonly log?: (message: string) => void;
  /** Solver tuning (tests use small limits to exercise every path). */
  readonly solverOptions?: SolverOptions;
}

export interface ProtectResult extends SecondaryResult {
  readonly primary: PrimaryResult;
  /** The independent audit, when `verify` was set. */
  readonly verification?: AuditReport;
  readonly elapsedMs: number;
}

export async function protectSystem(system: LinkedSystem | CompiledSystem, opts: ProtectOptions = {}): Promise<ProtectResult> {
  const t0 = performance.now();
  const sys = 'relStart' in system ? system : compileSystem(system);
  const primary = primarySuppress(sys);
  const solver = await HighsLpSolver.create(opts.solverOptions);
  try {
    const sec = secondarySuppress(sys, primary, {
      solver,
      sumProtection: opts.sumProtection,
      pivots: opts.pivots,
      log: opts.log,
      solverStats: () => ({ ...solver.stats }),
    });
    const verification = opts.verify
      ? await auditSystem(sys, sec.status, { solver, sumProtection: opts.sumProtection })
      : undefined;
    return { ...sec, primary, ...(verification ? { verification } : {}), elapsedMs: performance.now() - t0 };
  } finally {
    solver.dispose();
  }
}
