/**
 * `core-feed audit DIR`: an independent LP audit of a built feed, from its published files only
 * (read-feed.ts → relations.ts → here). Node-only (HiGHS). Fails closed: a solver error, a
 * non-optimal status, an infeasible system or an unreadable document is a failure.
 *
 * Per block (collection year, log type): the unknown cells (every `c`, every count added between
 * two snapshots that are not both published, slacks of inequalities) are split into independent
 * components (src/sdc/components.ts); each component gets a feasible point (one LP — the true
 * values are unknown to the auditor), then the audit solver (src/sdc/audit.ts `HighsLpSolver`).
 *
 * Rule (see README): an audited cell passes when its LP interval [lo, hi] (integers: [⌈lo⌉, ⌊hi⌋])
 * has hi ≥ 3 and hi − lo ≥ 2 — or, under the default rule `possibly-small`, when the interval
 * cannot hold a count of 1 or 2 at all (lo ≥ 3, or hi = 0): such a cell is not small, so nothing
 * small is disclosed. Rule `every` applies the first test to every `c` cell. Increments always
 * use `possibly-small` (most of them are legitimately known to be 0 or large).
 */
import { cpus } from 'node:os';
import { HighsLpSolver } from '../sdc/audit.js';
import { findComponents, LpBuilder, propagateBounds, type ComponentLp, type LpSolver, type TargetBounds } from '../sdc/components.js';
import { isProtected, witnessStages } from '../sdc/rules.js';
import { compileSystem } from '../sdc/system.js';
import { KIND_COUNT } from '../sdc/types.js';
import { HighsFeasibility, type FeasibilitySolver } from './feasible.js';
import { listBlocks, locate, openFeed, readBlock, State, type BlockSpec, type Finding, type FeedSource } from './read-feed.js';
import { presolve } from './presolve.js';
import { blockSystem, Role } from './relations.js';

export type AuditRule = 'possibly-small' | 'every';

export interface AuditSettings {
  /** How suppressed cells are judged (default `possibly-small`). */
  readonly rule: AuditRule;
  /** `verdict` (default): exact intervals for failures, proven sub-intervals for passes. `exact`: exact everywhere. */
  readonly intervals: 'verdict' | 'exact';
}

export const DEFAULT_SETTINGS: AuditSettings = { rule: 'possibly-small', intervals: 'verdict' };

/** The two solvers an audit uses (injectable: tests pass failing ones). */
export interface AuditEngines {
  readonly solver: LpSolver & { dispose?(): void };
  readonly feasibility: FeasibilitySolver;
}

export async function createEngines(): Promise<AuditEngines> {
  return { solver: await HighsLpSolver.create(), feasibility: await HighsFeasibility.create() };
}

export interface CellResult {
  readonly kind: 'suppressed' | 'increment';
  readonly document: string;
  readonly logType: string;
  /** For an increment: `later − earlier`, e.g. `2024-25-q1-q2 − 2024-25-q1`. */
  readonly period: string;
  readonly row: string;
  readonly column: string;
  /** Quantity: `logs`, a field id, `x~y`, or `n:field` (valid count of a summary). */
  readonly quantity: string;
  readonly lo: number | null;
  /** `null` = unbounded. */
  readonly hi: number | null;
  /**
   * True: the exact LP interval. False (verdict mode): for a passing cell, [lo, hi] is proven to
   * lie inside the exact interval (witness points); when `note` says "outer bounds", the exact
   * interval lies inside [lo, hi] (bound propagation) — either way enough for the verdict.
   */
  readonly exact: boolean;
  readonly pass: boolean;
  /** Why it failed, or how it passed when not by width. */
  readonly note?: string;
}

export interface BlockResult {
  readonly year: string;
  readonly logType: string;
  readonly documents: number;
  readonly variables: number;
  readonly published: number;
  readonly suppressed: number;
  readonly increments: number;
  readonly relationsChecked: number;
  readonly relationsSolved: number;
  readonly components: number;
  readonly largestComponent: number;
  readonly cells: CellResult[];
  readonly findings: Finding[];
  readonly seconds: number;
}

export interface FeedAuditReport {
  readonly feed: string;
  readonly dataVersion: string;
  readonly settings: AuditSettings & { readonly minCount: number; readonly minWidth: number; readonly workers: number };
  readonly summary: {
    readonly pass: boolean;
    readonly blocks: number;
    readonly documents: number;
    readonly published: number;
    readonly suppressed: number;
    readonly increments: number;
    readonly audited: number;
    readonly failures: number;
    readonly findings: number;
    readonly components: number;
    readonly largestComponent: number;
    readonly seconds: number;
  };
  readonly blocks: readonly Omit<BlockResult, 'cells' | 'findings'>[];
  readonly findings: readonly Finding[];
  readonly cells: readonly CellResult[];
}

const EPS = 1e-6;
/** `CORE_AUDIT_DEBUG=1`: per-component progress on stderr. */
const debug = globalThis.process?.env?.CORE_AUDIT_DEBUG
  ? (m: string) => globalThis.process.stderr.write(`[audit ${new Date().toISOString().slice(11, 19)}] ${m}\n`)
  : undefined;
const strict = (lo: number, hi: number) => isProtected(KIND_COUNT, 0, lo, hi);
/** The interval can hold 1 or 2. */
const possiblySmall = (lo: number, hi: number) => Math.ceil(lo - EPS) <= 2 && (hi === Infinity || Math.floor(hi + EPS) >= 1);

/** Audits one block. Pure apart from the solvers and reading the block's documents. */
export function auditBlock(src: FeedSource, spec: BlockSpec, settings: AuditSettings, engines: AuditEngines): BlockResult {
  const t0 = performance.now();
  const block = readBlock(src, spec);
  const sys = blockSystem(block);
  const findings = [...block.findings, ...sys.findings];
  let components = 0, largest = 0;

  const describe = (c: number): Omit<CellResult, 'lo' | 'hi' | 'exact' | 'pass'> => {
    const nVars = block.values.length;
    const isInc = c >= nVars;
    const v = isInc ? sys.incrementOf[c - nVars]! : c;
    if (v < 0) return { kind: 'increment', document: '', logType: block.logType, period: '', row: '', column: '', quantity: 'slack of n ≤ logs' };
    const at = locate(block, v);
    let period = block.periods[at.s]?.id ?? '';
    if (isInc) {
      let e = at.s - 1;
      const shown = (snap: number) => {
        for (let k = 0; k < at.q.size; k++) if (block.state[at.q.offset + snap * at.q.size + k] !== State.Absent) return true;
        return false;
      };
      while (e >= 0 && !(block.periods[e] && shown(e))) e--;
      period = `${period} − ${block.periods[e]?.id ?? ''}`;
    }
    return {
      kind: isInc ? 'increment' : 'suppressed',
      document: block.documents[block.where[v]!] ?? '',
      logType: block.logType,
      period,
      row: at.row,
      column: at.column,
      quantity: at.q.kind === 'N' ? `n:${at.q.name}` : at.q.name,
    };
  };
  const judge = (c: number, b: TargetBounds): { pass: boolean; note?: string } => {
    if (!b.optimal) return { pass: false, note: `solver: ${b.status ?? 'not optimal'}` };
    if (strict(b.lo, b.hi)) return { pass: true };
    const relaxed = sys.role[c] === Role.Increment || settings.rule === 'possibly-small';
    if (relaxed && b.exact && !possiblySmall(b.lo, b.hi)) return { pass: true, note: b.hi <= EPS ? 'known zero' : 'cannot be 1 or 2' };
    return { pass: false, note: b.hi < 3 - EPS ? 'upper bound below 3' : 'interval narrower than 2' };
  };

  const compiled = compileSystem({
    values: Float64Array.from(sys.values, (v) => (Number.isNaN(v) ? 0 : v)),
    kinds: sys.kinds,
    published: Uint8Array.from(sys.role, (r) => (r === Role.None ? 1 : 0)),
    forcedPrimary: new Uint8Array(sys.n),
    relations: sys.relations,
  });
  const hidden = Uint8Array.from(sys.role, (r) => (r === Role.None ? 0 : 1));
  // Cells pinned by arithmetic alone become constants (and audited cells among them get [v, v]).
  const pre = presolve(compiled, hidden);
  for (const i of pre.conflicts) {
    const at = describe(compiled.relCells[compiled.relStart[i]!]!);
    findings.push({
      kind: 'relation-mismatch',
      message: `the published numbers around ${at.quantity} ${at.row} × ${at.column} (${at.period}, ${at.document}) do not add up (no non-negative solution)`,
      logType: block.logType, period: at.period, row: at.row, column: at.column, document: at.document,
    });
  }
  const cells: CellResult[] = [];
  for (let c = 0; c < sys.n; c++) {
    const v = pre.fixed[c]!;
    if (Number.isNaN(v)) continue;
    hidden[c] = 0;
    compiled.values[c] = v;
    if (sys.role[c] === Role.Suppressed || sys.role[c] === Role.Increment) {
      const verdict = judge(c, { lo: v, hi: v, optimal: true, exact: true });
      cells.push({ ...describe(c), lo: v, hi: v, exact: true, pass: verdict.pass, note: `${verdict.note ? `${verdict.note}; ` : ''}pinned by the published totals` });
    }
  }
  const isTarget = Uint8Array.from(sys.role, (r) => (r === Role.Suppressed || r === Role.Increment ? 1 : 0));
  const comps = findComponents(compiled, hidden);
  const builder = new LpBuilder(compiled);
  let maxKnown = 0;
  for (let c = 0; c < sys.n; c++) if (!hidden[c]) maxKnown = Math.max(maxKnown, compiled.values[c]!);
  /**
   * Verdict mode on one component:
   * 1. bound propagation gives outer bounds L ≤ min, U ≥ max (valid for every feasible point).
   *    When [L, U] fails hi ≥ 3 and hi − lo ≥ 2, so does the exact interval; the cell then fails
   *    if it is possibly small — the feasible point sits at 1–2, or the rule is `every` for a `c`
   *    cell. It is reported with [L, U] (an outer interval). When [L, U] excludes 1–2, the cell
   *    passes under `possibly-small`. No LP is needed for either.
   * 2. the rest: the sdc solver's `verify` (group testing, inner LPs, then exact intervals for
   *    failures on the whole component): a pass is proven by two feasible points, so [lo, hi]
   *    lies inside the exact interval (`exact: false`); a failure has its exact interval.
   */
  const verdicts = (point: ComponentLp, vals: Float64Array): TargetBounds[] => {
    const T = point.targets.length;
    const out: (TargetBounds | undefined)[] = new Array<TargetBounds | undefined>(T).fill(undefined);
    const prop = propagateBounds(point);
    let open: number[] = [];
    for (let t = 0; t < T; t++) {
      const j = point.targets[t]!;
      const c = point.cells[j]!;
      if (prop.infeasible) {
        open.push(t);
        continue;
      }
      const L = prop.lo[j]!;
      const U = prop.hi[j]! >= point.cap * (1 - 1e-9) ? Infinity : prop.hi[j]!;
      const relaxed = sys.role[c] === Role.Increment || settings.rule === 'possibly-small';
      const x = point.x0[j]!;
      if (relaxed && !possiblySmall(L, U)) {
        out[t] = { lo: L, hi: U, optimal: true, exact: true };
        outer[c] = 1;
      } else if (!strict(L, U) && (!relaxed || (x >= 1 - EPS && x <= 2 + EPS))) {
        out[t] = { lo: L, hi: U, optimal: true, exact: true };
        outer[c] = 1;
      } else open.push(t);
    }
    // Open cells whose outer bounds already fail: one LP per round pushes all of them at once
    // (maximise those sitting at 0, minimise those at ≥ 3); a checked point at 1–2 … or beyond
    // proves the exact interval holds 1 or 2, so they fail with their outer interval.
    const hiNeeded = (t: number) => point.x0[point.targets[t]!]! < 1 - EPS; // needs a witness ≥ 1
    let pending = open.filter((t) => {
      const j = point.targets[t]!;
      return !prop.infeasible && !strict(prop.lo[j]!, prop.hi[j]! >= point.cap * (1 - 1e-9) ? Infinity : prop.hi[j]!);
    });
    for (let round = 0; round < 6 && pending.length > 0; round++) {
      const cost = new Float64Array(point.cells.length);
      for (const t of pending) cost[point.targets[t]!] = hiNeeded(t) ? -1 : 1;
      const w = engines.feasibility.point(point, cost);
      if (!('x' in w)) break;
      const settled = new Set<number>();
      for (const t of pending) {
        const j = point.targets[t]!;
        const v = w.x[j]!;
        if (hiNeeded(t) ? v >= 1 - EPS : v <= 2 + EPS) {
          settled.add(t);
          out[t] = { lo: prop.lo[j]!, hi: prop.hi[j]!, optimal: true, exact: true };
          outer[point.cells[j]!] = 1;
        }
      }
      if (settled.size === 0) break;
      pending = pending.filter((t) => !settled.has(t));
    }
    open = open.filter((t) => out[t] === undefined);
    debug?.(`component ${point.cells.length} cells, ${T} targets: ${T - open.length} decided by bounds and witnesses, ${open.length} to the solver`);
    if (open.length > 0) {
      const sub: ComponentLp = { ...point, targets: Int32Array.from(open, (t) => point.targets[t]!) };
      const rest = engines.solver.solve(sub, (_t, lo, hi) => strict(lo, hi), 'verify', witnessStages(sub, sys.kinds, vals), undefined, true);
      open.forEach((t, i) => (out[t] = rest[i]));
      debug?.(`  solver done`);
    }
    return out as TargetBounds[];
  };
  /** Cells whose reported interval is an outer bound (proven to contain the exact one). */
  const outer = new Uint8Array(sys.n);

  for (let k = 0; k < comps.count; k++) {
    const members = comps.cells.subarray(comps.start[k]!, comps.start[k + 1]!);
    const lp0 = builder.build(members, hidden, isTarget);
    const lp: ComponentLp = { ...lp0, cap: Math.max(lp0.cap, 2 * maxKnown + 10) };
    const T = lp.targets.length;
    if (T > 0) {
      components++;
      largest = Math.max(largest, members.length);
    }
    const feasible = engines.feasibility.point(lp);
    if (!('x' in feasible)) {
      const first = describe(members.find((m) => sys.role[m] !== Role.Slack) ?? members[0]!);
      findings.push({
        kind: 'infeasible',
        message: `the published numbers around ${first.quantity} ${first.row} × ${first.column} (${first.period}) admit no non-negative solution: ${feasible.status}`,
        logType: block.logType, period: first.period, row: first.row, column: first.column, document: first.document,
      });
      for (let t = 0; t < T; t++) {
        const c = lp.cells[lp.targets[t]!]!;
        cells.push({ ...describe(c), lo: null, hi: null, exact: false, pass: false, note: `no feasible point: ${feasible.status}` });
      }
      continue;
    }
    if (T === 0) continue;
    const point: ComponentLp = { ...lp, x0: feasible.x };
    const vals = new Float64Array(compiled.n);
    for (let j = 0; j < point.cells.length; j++) vals[point.cells[j]!] = feasible.x[j]!;
    let bounds: TargetBounds[];
    try {
      bounds = settings.intervals === 'exact' ? engines.solver.solve(point) : verdicts(point, vals);
      if (bounds.length !== T) throw new Error(`solver returned ${bounds.length} results for ${T} cells`);
    } catch (err) {
      const status = `solver error: ${(err as Error).message}`;
      bounds = Array.from({ length: T }, () => ({ lo: NaN, hi: NaN, optimal: false, exact: false, status }));
    }
    for (let t = 0; t < T; t++) {
      const c = point.cells[point.targets[t]!]!;
      const b = bounds[t]!;
      const verdict = judge(c, b);
      cells.push({
        ...describe(c),
        lo: Number.isFinite(b.lo) ? b.lo : null,
        hi: Number.isFinite(b.hi) ? b.hi : null,
        exact: b.exact && !outer[c],
        pass: verdict.pass,
        ...(verdict.note || outer[c] ? { note: `${verdict.note ?? ''}${outer[c] ? '; outer bounds (the exact interval lies inside)' : ''}` } : {}),
      });
    }
  }
  let published = 0, suppressed = 0, increments = 0;
  for (let v = 0; v < block.state.length; v++) {
    if (block.state[v] === State.Published) published++;
    else if (block.state[v] === State.Suppressed) suppressed++;
  }
  for (let c = block.state.length; c < sys.n; c++) if (sys.role[c] === Role.Increment) increments++;
  return {
    year: block.year,
    logType: block.logType,
    documents: block.documents.length,
    variables: block.values.length,
    published,
    suppressed,
    increments,
    relationsChecked: sys.stats.checked,
    relationsSolved: sys.stats.solved,
    components,
    largestComponent: largest,
    cells,
    findings,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

export interface AuditFeedOptions {
  readonly settings?: Partial<AuditSettings>;
  /** Worker threads (default: min(2, CPUs)); 0 or 1 audits in this thread. Ignored when `engines` is given. */
  readonly workers?: number;
  /** Solvers for an in-thread audit (tests inject failing ones). */
  readonly engines?: AuditEngines;
  readonly onProgress?: (message: string) => void;
}

export async function auditFeed(dir: string, opts: AuditFeedOptions = {}): Promise<FeedAuditReport> {
  const t0 = performance.now();
  const settings: AuditSettings = { ...DEFAULT_SETTINGS, ...opts.settings };
  const src = openFeed(dir);
  const specs = listBlocks(src.manifest);
  let workers = opts.engines ? 1 : Math.max(1, Math.min(opts.workers ?? Math.min(2, cpus().length), specs.length));
  let results: BlockResult[] | undefined;
  if (workers > 1) {
    const { auditInWorkers, BlockAuditError } = await import('./pool.js');
    results = await auditInWorkers(dir, specs, settings, workers, opts.onProgress).catch((err: unknown) => {
      if (err instanceof BlockAuditError) throw err;
      opts.onProgress?.(`workers unavailable (${(err as Error).message}); auditing in one thread`);
      return undefined;
    });
    if (!results) workers = 1;
  }
  if (!results) {
    results = [];
    const engines = opts.engines ?? (await createEngines());
    try {
      for (const spec of specs) {
        opts.onProgress?.(`auditing ${spec.year} ${spec.logType}`);
        results.push(auditBlock(src, spec, settings, engines));
      }
    } finally {
      if (!opts.engines) {
        engines.solver.dispose?.();
        engines.feasibility.dispose?.();
      }
    }
  }
  return assemble(dir, src, settings, workers, results, t0);
}

function assemble(dir: string, src: FeedSource, settings: AuditSettings, workers: number, results: BlockResult[], t0: number): FeedAuditReport {
  const findings = results.flatMap((r) => r.findings);
  const cells = results.flatMap((r) => r.cells);
  const failures = cells.filter((c) => !c.pass).length;
  const sum = (f: (r: BlockResult) => number) => results.reduce((s, r) => s + f(r), 0);
  return {
    feed: dir,
    dataVersion: src.manifest.dataVersion,
    settings: { ...settings, minCount: 3, minWidth: 2, workers },
    summary: {
      pass: failures === 0 && findings.length === 0,
      blocks: results.length,
      documents: sum((r) => r.documents),
      published: sum((r) => r.published),
      suppressed: sum((r) => r.suppressed),
      increments: sum((r) => r.increments),
      audited: cells.length,
      failures,
      findings: findings.length,
      components: sum((r) => r.components),
      largestComponent: results.reduce((m, r) => Math.max(m, r.largestComponent), 0),
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    },
    blocks: results.map(({ cells: _c, findings: _f, ...rest }) => rest),
    findings,
    cells,
  };
}
