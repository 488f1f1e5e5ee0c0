/** Worker thread of `core-feed audit`: audits the blocks it is sent, with its own HiGHS instances. */
import { parentPort } from 'node:worker_threads';
import { openFeed, type BlockSpec, type FeedSource } from './read-feed.js';
import { auditBlock, createEngines, type AuditEngines, type AuditSettings } from './run.js';

export interface WorkerTask {
  readonly index: number;
  readonly dir: string;
  readonly spec: BlockSpec;
  readonly settings: AuditSettings;
}

let engines: AuditEngines | undefined;
let src: FeedSource | undefined;

parentPort?.on('message', (task: WorkerTask | 'close') => {
  if (task === 'close') {
    engines?.solver.dispose?.();
    engines?.feasibility.dispose?.();
    parentPort!.close();
    return;
  }
  void (async () => {
    try {
      engines ??= await createEngines();
      if (!src || src.dir !== task.dir) src = openFeed(task.dir);
      parentPort!.postMessage({ index: task.index, result: auditBlock(src, task.spec, task.settings, engines) });
    } catch (err) {
      parentPort!.postMessage({ index: task.index, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
