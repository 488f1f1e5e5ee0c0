/**
 * Protection of the blocks' linked systems (DESIGN §4).
 *
 * `full` (the default): primary, complementary (secondary) suppression over every relation the
 * block publishes, and the LP audit of every primary and sensitive cell (src/sdc/); a block whose
 * audit does not pass fails the build. Blocks are independent, so with more than one they are
 * protected in worker threads (protect-worker.ts).
 * `primary`: counts of 1–2, small LA rows and means on few records only — recoverable by
 * subtraction, for tests and drafts.
 */
import { cpus } from 'node:os';
import { primarySuppress } from '../sdc/primary.js';
import { protectSystem } from '../sdc/protect.js';
import { KIND_COUNT, Status, type LinkedSystem } from '../sdc/types.js';
import { runInWorkers, TaskError } from '../workers/pool.js';
import type { SuppressionCount, TableKind } from '../feed/types.js';

export interface BlockProtection extends SuppressionCount {
  readonly block: string;
  /** Whether the block publishes LA tables, LA summaries and crosstabs (src/builder/block.ts, `DETAIL_MIN_LOGS`). */
  readonly detailed?: boolean;
  /** The same counts by table kind. */
  readonly byKind: Partial<Record<TableKind, SuppressionCount>>;
  /** Records behind all the block's published counts: `recordsHidden` is a share of these. */
  readonly records: number;
  /** Cells proved protected by the LP audit, and seconds spent protecting and auditing. */
  readonly audited: number;
  readonly seconds: number;
}

export class AuditFailure extends Error {
  override name = 'AuditFailure';
}

export type ProtectionLevel = 'primary' | 'full';

/** One block to protect: its name ("2024-25 sr-gn"), linked system and pivots (`ProtectOptions.pivots`). */
export interface BlockTask {
  readonly block: string;
  readonly system: LinkedSystem;
  readonly pivots?: Uint8Array;
}

/** The outcome of protecting one block: the status of every cell (`Status`), or why it failed. */
export interface BlockStatus {
  readonly status: Uint8Array;
  readonly audited: number;
  readonly seconds: number;
  /** Set when some cells are not protected: the feed must not be written. */
  readonly failure?: string;
}

/** Protects one block in this thread. */
export async function protectBlock(task: BlockTask, level: ProtectionLevel): Promise<BlockStatus> {
  const started = performance.now();
  const result = level === 'full' ? await protectSystem(task.system, { pivots: task.pivots }) : { ...primarySuppress(task.system), audit: [], unprotected: [] };
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (result.unprotected.length === 0) return { status: result.status, audited: result.audit.length, seconds };
  const failing = result.audit.filter((a) => !a.pass).slice(0, 5);
  return {
    status: result.status,
    audited: result.audit.length,
    seconds,
    failure:
      `${task.block}: ${result.unprotected.length} cells are not protected after suppression — the feed is not written. ` +
      `First: ${failing.map((a) => `cell ${a.cell} in [${a.lo}, ${a.hi}]${a.solverStatus ? ` (${a.solverStatus})` : ''}`).join('; ')}`,
  };
}

/**
 * Protects every block: in this thread for `primary` (milliseconds) or a single block, else in
 * worker threads (one per CPU, at most two — the budget's machine). Throws `AuditFailure` naming
 * the first block with unprotected cells.
 */
export async function protectBlocks(
  tasks: readonly BlockTask[],
  level: ProtectionLevel,
  onStart?: (block: string) => void,
): Promise<BlockStatus[]> {
  const workers = Math.min(2, cpus().length, tasks.length);
  let results: BlockStatus[];
  if (level === 'primary' || workers < 2) {
    results = [];
    for (const task of tasks) {
      onStart?.(task.block);
      results.push(await protectBlock(task, level));
    }
  } else {
    results = await runInWorkers<BlockTask, BlockStatus>(new URL('./protect-worker.ts', import.meta.url), tasks, {
      count: workers,
      weight: (t) => t.system.values.length,
      onStart: (t) => onStart?.(t.block),
    }).catch((err: unknown) => {
      throw err instanceof TaskError ? new Error(`${tasks[err.index]!.block}: ${err.message}`) : err;
    });
  }
  const failed = results.find((r) => r.failure);
  if (failed) throw new AuditFailure(failed.failure);
  return results;
}

/** Information lost by one block's protection; `kindOf(id)` names the table kind of each published cell. */
export function summariseProtection(
  block: string,
  system: LinkedSystem,
  result: BlockStatus,
  kindOf: (id: number) => TableKind,
): BlockProtection {
  const { status } = result;
  const byKind: Partial<Record<TableKind, { cells: number; primary: number; secondary: number; recordsHidden: number }>> = {};
  let records = 0;
  for (let c = 0; c < status.length; c++) {
    if (!system.published[c]) continue;
    const kind = kindOf(c);
    const count = (byKind[kind] ??= { cells: 0, primary: 0, secondary: 0, recordsHidden: 0 });
    count.cells++;
    if (system.kinds[c] === KIND_COUNT) records += system.values[c]!;
    if (status[c] === Status.Primary) count.primary++;
    else if (status[c] === Status.Secondary) count.secondary++;
    else continue;
    if (system.kinds[c] === KIND_COUNT) count.recordsHidden += system.values[c]!;
  }
  return { block, ...addCounts(Object.values(byKind)), byKind, records, audited: result.audited, seconds: result.seconds };
}

/** The sum of suppression counts. */
export function addCounts(counts: readonly SuppressionCount[]): SuppressionCount {
  const total = { cells: 0, primary: 0, secondary: 0, recordsHidden: 0 };
  for (const c of counts) {
    total.cells += c.cells;
    total.primary += c.primary;
    total.secondary += c.secondary;
    total.recordsHidden += c.recordsHidden;
  }
  return total;
}
