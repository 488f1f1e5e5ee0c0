/**
 * The audit's blocks across worker threads (src/workers/pool.ts): blocks are independent, no
 * relation links two log types or two years. Lettings general needs first: it is by far the biggest.
 */
import { runInWorkers, TaskError } from '../workers/pool.js';
import type { BlockSpec } from './read-feed.js';
import type { AuditSettings, BlockResult } from './run.js';
import type { WorkerTask } from './worker.js';

/** An error inside a block's audit (not a failure to start the workers). */
export class BlockAuditError extends Error {
  override name = 'BlockAuditError';
}

export async function auditInWorkers(
  dir: string,
  specs: readonly BlockSpec[],
  settings: AuditSettings,
  count: number,
  onProgress?: (message: string) => void,
): Promise<BlockResult[]> {
  const tasks = specs.map((spec): WorkerTask => ({ dir, spec, settings }));
  return runInWorkers<WorkerTask, BlockResult>(new URL('./worker.ts', import.meta.url), tasks, {
    count,
    weight: (t) => weight(t.spec),
    onStart: (t) => onProgress?.(`auditing ${t.spec.year} ${t.spec.logType}`),
  }).catch((err: unknown) => {
    if (!(err instanceof TaskError)) throw err;
    const spec = specs[err.index]!;
    throw new BlockAuditError(`${spec.year} ${spec.logType}: ${err.message}`);
  });
}

const weight = (spec: BlockSpec) => (spec.logType === 'sr-gn' ? 3 : spec.logType === 'sales' ? 1 : 2);
