/**
 * Secondary (complementary) suppression over a whole linked system. Pure and synchronous: the LP
 * solver is passed in (`audit.ts` provides one for Node), so this module never loads HiGHS.
 *
 * 1. Structural heuristic, run to a fixpoint with a worklist of relations. A relation that
 *    holds a hidden cell needing protection (a primary, a sensitive internal cell or a complement)
 *    gets the cheapest extra complement when
 *      a. that cell is the only unknown of the relation (it would be exactly derivable), or
 *      b. the total is published and the hidden parts add up to too little to protect a target in
 *         them (counts: hidden parts < 3, or < 2 besides the target — case TC8; sums: the other
 *         hidden parts < p·value).
 *    "Cheapest" = fewest records hidden (cost = value) plus a one-step look-ahead: for each other
 *    relation of the candidate that has no unknown yet, the cheapest cell that relation would need
 *    in turn. Zeros are never complements.
 * 2. LP repair. Components of unknown cells that changed are audited; for every target that fails,
 *    the cheapest complement is taken from the relations the attacker's LP proof uses (rows with a
 *    non-zero dual), else from the target's relations, else from any relation of its component;
 *    then (1) runs again. Each round hides at least one more cell or stops, so it terminates; in
 *    the worst case whole relations end up suppressed. Targets that still fail when nothing is
 *    left to suppress are reported in `unprotected`.
 */
import { findComponents, LpBuilder, propagateBounds, type LpSolver } from './components.js';
import { provePaths } from './paths.js';
import { primarySuppress, type PrimaryResult } from './primary.js';
import { COUNT_MIN_WIDTH, COUNT_THRESHOLD, DEFAULT_SUM_PROTECTION, isProtected, witnessStages } from './rules.js';
import { compileSystem, type CompiledSystem } from './system.js';
import { KIND_COUNT, KIND_SUM, Status, type CellAudit, type LinkedSystem } from './types.js';

export interface SecondaryOptions {
  /** LP solver for the repair phase and the final verdict; without it only the heuristic runs. */
  readonly solver?: LpSolver;
  /** Protection level for sums (rules.ts); default 0.10. */
  readonly sumProtection?: number;
  /** Safety limit on LP repair rounds (default 10 000). */
  readonly maxRounds?: number;
  /**
   * Cells that join otherwise separate parts of the system (1 = pivot), e.g. the logs by area
   * that every question's LA rows add up to: targets are first proved with the hidden pivots held
   * at their values, so each part is solved on its own; only what that cannot prove is solved on
   * the whole component. Same verdicts, less work.
   */
  readonly pivots?: Uint8Array;
  /** Progress messages. */
  readonly log?: (message: string) => void;
  /** Solver counters to include in progress messages. */
  readonly solverStats?: () => unknown;
}

export interface SecondaryResult {
  /** Per cell: Published, Primary or Secondary. */
  readonly status: Uint8Array;
  /** Complementary suppressions, ascending. */
  readonly secondaries: Int32Array;
  /**
   * The proof for every target (empty without a solver): for a cell that passes, an interval
   * proven to lie inside its exact LP interval at the final pattern (`exact: false` when it is not
   * the exact one — run `auditSystem` for exact intervals); for a cell that fails, its exact interval.
   */
  readonly audit: CellAudit[];
  /** Targets the LP could not prove protected (empty when all pass; unknown without a solver). */
  readonly unprotected: Int32Array;
  /**
   * Targets no pattern can protect (a subset of `unprotected`): even with every non-zero cell
   * suppressed, published zeros pin them (zeros are never complements). The builder must change
   * what it publishes (e.g. suppress the later snapshot's row too) or accept them.
   */
  readonly unprotectable: Int32Array;
  /** Records hidden by complements (Σ values of secondaries). */
  readonly cost: number;
  readonly heuristicMs: number;
  readonly lpMs: number;
  readonly rounds: number;
  readonly lpSolves: number;
}

const BIG = 1e12;

export function secondarySuppress(
  system: LinkedSystem | CompiledSystem,
  primary?: PrimaryResult,
  opts: SecondaryOptions = {},
): SecondaryResult {
  const sys = 'relStart' in system ? system : compileSystem(system);
  const prim = primary ?? primarySuppress(sys);
  const p = opts.sumProtection ?? DEFAULT_SUM_PROTECTION;
  const log = opts.log ?? (() => {});
  const { n, r, values, kinds, published, relStart, relCells, cellRelStart, cellRels } = sys;

  const status = Uint8Array.from(prim.status);
  const hidden = new Uint8Array(n);
  const isTarget = new Uint8Array(n);
  for (const c of prim.targets) isTarget[c] = 1;
  for (let c = 0; c < n; c++) if (!published[c] || status[c] !== Status.Published) hidden[c] = 1;
  const hiddenCount = new Int32Array(r);
  for (let i = 0; i < r; i++) {
    let h = 0;
    for (let k = relStart[i]!; k < relStart[i + 1]!; k++) h += hidden[relCells[k]!]!;
    hiddenCount[i] = h;
  }
  const dirty = new Uint8Array(n); // hidden since the component was last audited
  dirty.set(hidden);

  // Worklist of relations.
  const queue = new Int32Array(r + 1);
  const queued = new Uint8Array(r);
  let qHead = 0;
  let qLen = 0;
  const push = (rel: number): void => {
    if (queued[rel]) return;
    queued[rel] = 1;
    queue[(qHead + qLen) % queue.length] = rel;
    qLen++;
  };
  const pop = (): number => {
    const rel = queue[qHead]!;
    qHead = (qHead + 1) % queue.length;
    qLen--;
    queued[rel] = 0;
    return rel;
  };

  // Cheapest non-zero published cell of a relation with no unknown yet (its value never changes
  // while the relation stays fully published, so it is cached once).
  const minA = new Float64Array(r).fill(NaN);
  const minCell = new Int32Array(r);
  const minB = new Float64Array(r);
  const relMinExcluding = (rel: number, c: number): number => {
    if (Number.isNaN(minA[rel]!)) {
      let a = Infinity;
      let ac = -1;
      let b = Infinity;
      for (let k = relStart[rel]!; k < relStart[rel + 1]!; k++) {
        const x = relCells[k]!;
        const v = values[x]!;
        if (v <= 0 || x === ac) continue;
        if (v < a) {
          b = a;
          a = v;
          ac = x;
        } else if (v < b) b = v;
      }
      minA[rel] = a;
      minCell[rel] = ac;
      minB[rel] = b;
    }
    return minCell[rel] === c ? minB[rel]! : minA[rel]!;
  };
  const score = (c: number, from: number): number => {
    let s = values[c]!;
    for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) {
      const rel = cellRels[k]!;
      if (rel === from || hiddenCount[rel] !== 0) continue;
      const m = relMinExcluding(rel, c);
      s += m === Infinity ? BIG : m;
    }
    return s;
  };
  const isCandidate = (c: number): boolean => !hidden[c] && published[c] === 1 && values[c]! > 0;
  /** Cheapest candidate among the cells of a relation (-1 if none). */
  const cheapestIn = (rel: number): { cell: number; score: number } => {
    let best = -1;
    let bestScore = Infinity;
    for (let k = relStart[rel]!; k < relStart[rel + 1]!; k++) {
      const c = relCells[k]!;
      if (!isCandidate(c)) continue;
      const s = score(c, rel);
      if (s < bestScore || (s === bestScore && (values[c]! < values[best]! || (values[c] === values[best] && c < best)))) {
        best = c;
        bestScore = s;
      }
    }
    return { cell: best, score: bestScore };
  };

  let added = 0;
  /** Marks a new target open for the LP rounds (set once they start). */
  let reopen = (_c: number): void => {};
  /**
   * A hidden count of 3 is protected like a primary: its interval could be [2, 3], which might be
   * a 2 and is narrower than 2, and the audit's default rule (src/audit, `possibly-small`) fails
   * it; shown to reach 5, it passes whatever its lower bound. So are a complement of 3 and, once
   * an end of it is hidden, the internal count of 3 between two snapshots (the quarter's).
   */
  const targetIfThree = (c: number): void => {
    if (isTarget[c] || kinds[c] !== KIND_COUNT || values[c] !== COUNT_THRESHOLD) return;
    isTarget[c] = 1;
    reopen(c);
  };
  const targetNeighbours = (c: number): void => {
    for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) {
      const rel = cellRels[k]!;
      for (let j = relStart[rel]!; j < relStart[rel + 1]!; j++) if (!published[relCells[j]!]) targetIfThree(relCells[j]!);
    }
  };
  const hide = (c: number): void => {
    hidden[c] = 1;
    status[c] = Status.Secondary;
    dirty[c] = 1;
    added++;
    targetIfThree(c);
    targetNeighbours(c);
    for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) {
      const rel = cellRels[k]!;
      hiddenCount[rel]!++;
      push(rel);
    }
  };

  const needsMore = (rel: number): boolean => {
    const a0 = relStart[rel]!;
    const a1 = relStart[rel + 1]!;
    let relevant = 0;
    let h = 0;
    for (let k = a0; k < a1; k++) {
      const c = relCells[k]!;
      if (!hidden[c]) continue;
      h++;
      if (isTarget[c] || status[c] === Status.Secondary) relevant++;
    }
    if (relevant === 0) return false;
    if (h === 1) return true;
    if (hidden[relCells[a0]!]) return false; // an unknown total: no bound from this relation alone
    let s = 0;
    for (let k = a0 + 1; k < a1; k++) {
      const c = relCells[k]!;
      if (hidden[c]) s += values[c]!;
    }
    for (let k = a0 + 1; k < a1; k++) {
      const c = relCells[k]!;
      if (!hidden[c] || !isTarget[c]) continue;
      const v = values[c]!;
      if (kinds[c] === KIND_SUM) {
        if (s - v < p * v) return true;
      } else if (s < COUNT_THRESHOLD || s - v < COUNT_MIN_WIDTH) return true;
    }
    return false;
  };

  const runHeuristic = (): void => {
    while (qLen > 0) {
      const rel = pop();
      if (!needsMore(rel)) continue;
      const { cell } = cheapestIn(rel);
      if (cell >= 0) hide(cell);
    }
  };

  const th0 = performance.now();
  for (let c = 0; c < n; c++) if (published[c] && hidden[c]) targetNeighbours(c);
  for (let c = 0; c < n; c++) {
    if (isTarget[c]) for (let k = cellRelStart[c]!; k < cellRelStart[c + 1]!; k++) push(cellRels[k]!);
  }
  runHeuristic();
  let heuristicMs = performance.now() - th0;
  log(`heuristic: ${added} complements in ${heuristicMs.toFixed(0)} ms`);

  const solver = opts.solver;
  const audit = new Map<number, CellAudit>();
  const unprotectable: number[] = [];
  let rounds = 0;
  let lpSolves = 0;
  let lpMs = 0;
  if (solver) {
    const builder = new LpBuilder(sys);
    const roundRel = new Int32Array(r).fill(-1);
    const maxRounds = opts.maxRounds ?? 10000;
    // Cells no suppression can protect: even with every non-zero cell hidden (zeros are never
    // complements), bound propagation — an outer bound on the LP interval — fails the rule. E.g. a
    // forced zero in a Q1 table whose Q1–Q2 value is a published 0. Reported, not chased.
    {
      const maxHidden = Uint8Array.from(hidden);
      for (let c = 0; c < n; c++) if (values[c]! > 0) maxHidden[c] = 1;
      const all: number[] = [];
      for (let c = 0; c < n; c++) if (maxHidden[c]) all.push(c);
      const lpAll = builder.build(all, maxHidden, isTarget);
      const pb = propagateBounds(lpAll);
      if (!pb.infeasible) {
        for (let t = 0; t < lpAll.targets.length; t++) {
          const j = lpAll.targets[t]!;
          const c = lpAll.cells[j]!;
          const h = pb.hi[j]! >= lpAll.cap * (1 - 1e-9) ? Infinity : pb.hi[j]!;
          if (!isProtected(kinds[c]!, values[c]!, pb.lo[j]!, h, p)) unprotectable.push(c);
        }
      }
    }
    // Cells still to prove protected. Hiding more cells only widens every interval (a published
    // constant becomes a variable), so a cell proven protected stays protected: later rounds
    // re-check only the cells that failed, and only when their component changed.
    const open = Uint8Array.from(isTarget);
    reopen = (c) => {
      open[c] = 1;
    };
    const failCount = new Uint8Array(n);
    for (const c of unprotectable) open[c] = 0;
    type Failing = { cell: number; compCells: Int32Array; proof: Int32Array | undefined };
    /**
     * Proves the open targets of the components `comps` of `mask` (cells not in `mask` are
     * constants at their values: with `mask` ⊂ hidden a pass is still a proof) whose index `only`
     * accepts; returns the targets that failed.
     */
    const verify = (mask: Uint8Array, comps = findComponents(sys, mask), only?: (k: number) => boolean): Failing[] => {
      const failing: Failing[] = [];
      for (let k = 0; k < comps.count; k++) {
        if (only && !only(k)) continue;
        const cells = comps.cells.subarray(comps.start[k]!, comps.start[k + 1]!);
        let anyOpen = false;
        let anyDirty = false;
        for (const c of cells) {
          if (open[c]) anyOpen = true;
          if (dirty[c]) anyDirty = true;
        }
        if (!anyOpen || !anyDirty) {
          if (anyOpen) for (const c of cells) if (open[c]) failing.push({ cell: c, compCells: cells, proof: undefined });
          continue;
        }
        const lp = builder.build(cells, mask, open);
        const judge = (t: number, lo: number, hi: number): boolean => {
          const c = lp.cells[lp.targets[t]!]!;
          return isProtected(kinds[c]!, values[c]!, lo, hi, p);
        };
        const T = lp.targets.length;
        // A cell whose fast check failed twice is settled exactly (its inner LPs may be too narrow).
        const exactFor = new Uint8Array(T);
        for (let t = 0; t < T; t++) if (failCount[lp.cells[lp.targets[t]!]!]! >= 2) exactFor[t] = 1;
        const solves0 = solver.solves ?? 0;
        const bounds = solver.solve(lp, judge, 'verify', witnessStages(lp, kinds, values, p), exactFor);
        lpSolves += (solver.solves ?? solves0 + 2 * lp.targets.length) - solves0;
        for (let t = 0; t < lp.targets.length; t++) {
          const c = lp.cells[lp.targets[t]!]!;
          const b = bounds[t]!;
          const pass = b.optimal && judge(t, b.lo, b.hi);
          audit.set(c, {
            cell: c,
            lo: b.lo,
            hi: b.hi,
            pass,
            ...(b.status ? { solverStatus: b.status } : {}),
            ...(b.exact ? {} : { exact: false as const }),
          });
          if (pass) open[c] = 0;
          else {
            failing.push({ cell: c, compCells: cells, proof: b.proofRels });
            if (!b.exact) failCount[c] = Math.min(255, failCount[c]! + 1);
          }
        }
      }
      return failing;
    };
    // Pivots (opts.pivots): first every target is proved with the hidden pivots held at their
    // values, which splits the components they join; then, on the whole components holding a
    // hidden pivot, what is still open (pivot targets included) — and only those failures count.
    const pivots = opts.pivots;
    const unpinned = pivots ? new Uint8Array(n) : hidden;
    for (;;) {
      rounds++;
      const tl0 = performance.now();
      // Path witnesses first (paths.ts): most cells of a table with margins need no LP.
      const openTargets: number[] = [];
      for (let c = 0; c < n; c++) if (open[c]) openTargets.push(c);
      const byPaths = provePaths(sys, hidden, openTargets);
      for (const [c, hi] of byPaths) {
        audit.set(c, { cell: c, lo: values[c]!, hi, pass: true, exact: false });
        open[c] = 0;
      }
      log(`  path witnesses: ${byPaths.size} of ${openTargets.length} open cells, ${(performance.now() - tl0).toFixed(0)} ms`);
      let failing: Failing[];
      let pinned = 0;
      if (pivots) for (let c = 0; c < n; c++) pinned += hidden[c]! & pivots[c]!;
      if (pivots && pinned > 0) {
        for (let c = 0; c < n; c++) unpinned[c] = hidden[c]! & (pivots[c]! ^ 1);
        const first = verify(unpinned);
        log(`  pinned pivots: ${first.length} failing, ${(performance.now() - tl0).toFixed(0)} ms`);
        // A failure outside the components that hold a hidden pivot is final.
        const whole = findComponents(sys, hidden);
        const pivotComp = new Uint8Array(whole.count);
        for (let c = 0; c < n; c++) if (pivots[c] && hidden[c] && whole.compOf[c]! >= 0) pivotComp[whole.compOf[c]!] = 1;
        failing = [...first.filter((f) => !pivotComp[whole.compOf[f.cell]!]), ...verify(hidden, whole, (k) => pivotComp[k] === 1)];
      } else failing = verify(hidden);
      dirty.fill(0);
      lpMs += performance.now() - tl0;
      if (failing.length === 0) break;
      if (rounds >= maxRounds) {
        log(`stopping after ${rounds} rounds with ${failing.length} failing cells`);
        break;
      }
      const th1 = performance.now();
      const before = added;
      for (const f of failing) {
        // One complement per attacker proof per round: skip if this round already touched it.
        if (f.proof && f.proof.some((rel) => roundRel[rel] === rounds)) continue;
        const pick = pickRepair(f.cell, f.proof, f.compCells);
        if (pick < 0) continue;
        hide(pick);
        for (let k = cellRelStart[pick]!; k < cellRelStart[pick + 1]!; k++) roundRel[cellRels[k]!] = rounds;
        if (f.proof) for (const rel of f.proof) roundRel[rel] = rounds;
      }
      runHeuristic();
      heuristicMs += performance.now() - th1;
      log(
        `round ${rounds}: ${failing.length} failing, ${added - before} complements added; LP ${(performance.now() - tl0).toFixed(0)} ms` +
          (opts.solverStats ? ` ${JSON.stringify(opts.solverStats())}` : ''),
      );
      if (added === before) break; // nothing left to suppress near any failing cell
    }
  }

  if (solver && unprotectable.length > 0) {
    // Their exact intervals at the final pattern, for the report.
    const mask = new Uint8Array(n);
    for (const c of unprotectable) mask[c] = 1;
    const comps = findComponents(sys, hidden);
    const builder = new LpBuilder(sys);
    const seen = new Uint8Array(comps.count);
    for (const c of unprotectable) {
      const k = comps.compOf[c]!;
      if (k < 0 || seen[k]) continue;
      seen[k] = 1;
      const lp = builder.build(comps.cells.subarray(comps.start[k]!, comps.start[k + 1]!), hidden, mask);
      const bounds = solver.solve(lp);
      lp.targets.forEach((j, t) => {
        const cell = lp.cells[j]!;
        const b = bounds[t]!;
        audit.set(cell, { cell, lo: b.lo, hi: b.hi, pass: false, ...(b.status ? { solverStatus: b.status } : {}) });
      });
    }
  }

  function pickRepair(cell: number, proof: Int32Array | undefined, compCells: Int32Array): number {
    const tryRels = (rels: Iterable<number>): number => {
      let best = -1;
      let bestScore = Infinity;
      for (const rel of rels) {
        const { cell: c, score: s } = cheapestIn(rel);
        if (c >= 0 && (s < bestScore || (s === bestScore && c < best))) {
          best = c;
          bestScore = s;
        }
      }
      return best;
    };
    if (proof) {
      const c = tryRels(proof);
      if (c >= 0) return c;
    }
    const own = cellRels.subarray(cellRelStart[cell]!, cellRelStart[cell + 1]!);
    const c = tryRels(own);
    if (c >= 0) return c;
    const rels = new Set<number>();
    for (const x of compCells) for (let k = cellRelStart[x]!; k < cellRelStart[x + 1]!; k++) rels.add(cellRels[k]!);
    return tryRels(rels);
  }

  const secondaries: number[] = [];
  let cost = 0;
  for (let c = 0; c < n; c++) {
    if (status[c] === Status.Secondary) {
      secondaries.push(c);
      cost += values[c]!;
    }
  }
  const auditList = [...audit.values()].sort((a, b) => a.cell - b.cell);
  return {
    status,
    secondaries: Int32Array.from(secondaries),
    audit: auditList,
    unprotected: Int32Array.from(auditList.filter((a) => !a.pass).map((a) => a.cell)),
    unprotectable: Int32Array.from(unprotectable).sort(),
    cost,
    heuristicMs,
    lpMs,
    rounds,
    lpSolves,
  };
}
