/** Worker thread of `core-feed audit`: audits the blocks it is sent, with its own HiGHS instances. */
import { serveTasks } from '../workers/pool.js';
import { openFeed, type BlockSpec, type FeedSource } from './read-feed.js';
import { auditBlock, createEngines, type AuditEngines, type AuditSettings } from './run.js';

export interface WorkerTask {
  readonly dir: string;
  readonly spec: BlockSpec;
  readonly settings: AuditSettings;
}

let engines: AuditEngines | undefined;
let src: FeedSource | undefined;

serveTasks<WorkerTask, ReturnType<typeof auditBlock>>(
  async (task) => {
    engines ??= await createEngines();
    if (!src || src.dir !== task.dir) src = openFeed(task.dir);
    return auditBlock(src, task.spec, task.settings, engines);
  },
  {
    dispose: () => {
      engines?.solver.dispose?.();
      engines?.feasibility.dispose?.();
    },
  },
);
