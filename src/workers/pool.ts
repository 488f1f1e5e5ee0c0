/**
 * A small pool of worker threads for independent, CPU-heavy tasks — the feed's blocks: no relation
 * links two log types or two years, so each block is protected (`core-feed build`) or audited
 * (`core-feed audit`) on its own. Tasks are sent heaviest first; each worker takes the next task
 * when it answers. Node-only.
 *
 * A worker module answers each task with `{ index, result }` or `{ index, error }` and closes on
 * `'close'` (see `serveTasks`). From the TypeScript source (bin/core-feed.mjs runs it through tsx)
 * each worker loads tsx itself; the built CLI loads the `.js` beside it.
 */
import { parentPort, Worker, type Transferable } from 'node:worker_threads';

/** An error raised by a task inside a worker (not a failure to start or run the workers). */
export class TaskError extends Error {
  override name = 'TaskError';
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

export interface PoolOptions<T> {
  /** Number of worker threads. */
  readonly count: number;
  /** Relative cost of a task: heavier tasks are sent first. */
  readonly weight?: (task: T) => number;
  /** Called as each task is sent. */
  readonly onStart?: (task: T) => void;
  /** Objects to transfer rather than copy with each task (typed arrays' buffers). */
  readonly transfer?: (task: T) => Transferable[];
}

/**
 * Runs `tasks` on `count` workers loaded from `moduleUrl` (a `.ts` URL is swapped for `.js` when
 * running from the built CLI). Resolves with the results in task order; rejects with a
 * `TaskError` for the first task that fails, or with the worker's error if a worker dies.
 */
export async function runInWorkers<T, R>(moduleUrl: URL, tasks: readonly T[], opts: PoolOptions<T>): Promise<R[]> {
  // From source, each worker registers tsx before importing its module (a worker's `--import`
  // does not reach the module loader of a worker thread on Node 20).
  const fromSource = import.meta.url.endsWith('.ts');
  const start = (): Worker =>
    fromSource
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
            `.then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`,
          { eval: true },
        )
      : new Worker(new URL(moduleUrl.href.replace(/\.ts$/, '.js')));
  const weight = opts.weight ?? (() => 1);
  const order = tasks.map((_, i) => i).sort((a, b) => weight(tasks[b]!) - weight(tasks[a]!) || a - b);
  const results = new Array<R | undefined>(tasks.length).fill(undefined);
  let next = 0;
  const workers = Array.from({ length: Math.min(opts.count, tasks.length) }, start);
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let busy = false;
            const send = () => {
              busy = false;
              if (next >= order.length) {
                w.postMessage('close');
                resolve();
                return;
              }
              const index = order[next++]!;
              const task = tasks[index]!;
              opts.onStart?.(task);
              busy = true;
              w.postMessage({ index, task }, opts.transfer?.(task) ?? []);
            };
            w.on('message', (msg: { index: number; result?: R; error?: string }) => {
              if (msg.error !== undefined) {
                reject(new TaskError(msg.error, msg.index));
                return;
              }
              results[msg.index] = msg.result;
              send();
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (busy) reject(new Error(`worker exited (${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as R[];
}

/**
 * The worker side: answers each task with `handle(task)`'s result (transferring the buffers
 * `transfer(result)` names), or with the error's message; `dispose` runs on `'close'`.
 */
export function serveTasks<T, R>(
  handle: (task: T) => Promise<R> | R,
  opts: { transfer?: (result: R) => Transferable[]; dispose?: () => void } = {},
): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', (msg: { index: number; task: T } | 'close') => {
    if (msg === 'close') {
      opts.dispose?.();
      port.close();
      return;
    }
    void (async () => {
      try {
        const result = await handle(msg.task);
        port.postMessage({ index: msg.index, result }, opts.transfer?.(result) ?? []);
      } catch (err) {
        port.postMessage({ index: msg.index, error: err instanceof Error ? err.message : String(err) });
      }
    })();
  });
}
