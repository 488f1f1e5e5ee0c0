/**
 * Blocks across worker threads (blocks are independent: no relation links two log types or two
 * years). Biggest blocks first. Run from the TypeScript source (bin/core-feed.mjs), each worker
 * loads tsx itself.
 */
import { Worker } from 'node:worker_threads';
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
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  const execArgv = fromSource ? ['--import', import.meta.resolve('tsx')] : [];
  // Lettings general needs is by far the biggest block; then by log type order.
  const order = specs.map((_, i) => i).sort((a, b) => weight(specs[b]!) - weight(specs[a]!) || a - b);
  const results: (BlockResult | undefined)[] = new Array<BlockResult | undefined>(specs.length).fill(undefined);
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(url, { execArgv }));
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
              const spec = specs[index]!;
              onProgress?.(`auditing ${spec.year} ${spec.logType}`);
              busy = true;
              w.postMessage({ index, dir, spec, settings } satisfies WorkerTask);
            };
            w.on('message', (msg: { index: number; result?: BlockResult; error?: string }) => {
              if (msg.error !== undefined) {
                reject(new BlockAuditError(`${specs[msg.index]!.year} ${specs[msg.index]!.logType}: ${msg.error}`));
                return;
              }
              results[msg.index] = msg.result;
              send();
            });
            w.on('error', reject);
            w.on('exit', (code) => {
              if (busy) reject(new Error(`audit worker exited (${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as BlockResult[];
}

const weight = (spec: BlockSpec) => (spec.logType === 'sr-gn' ? 3 : spec.logType === 'sales' ? 1 : 2);
