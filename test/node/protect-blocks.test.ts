// Full protection of several blocks runs in worker threads (src/workers/pool.ts); the result must be
// the one protecting each block in this thread gives, and a block that cannot be protected must
// still stop the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuditFailure, protectBlock, protectBlocks, type BlockTask } from '../../src/builder/protect.js';
import { SystemBuilder } from '../../src/sdc/system.js';

/** A row of counts with its total: `total = Σ parts`. */
function block(name: string, parts: number[]): BlockTask {
  const b = new SystemBuilder();
  const total = b.add(parts.reduce((s, v) => s + v, 0));
  b.relate(total, parts.map((v) => b.add(v)));
  return { block: name, system: b.build() };
}

test('several blocks: protected in worker threads, as in this thread', async () => {
  const tasks = [block('a', [6, 1, 2, 3]), block('b', [9, 2, 7, 4, 5]), block('c', [1, 8, 8])];
  const started: string[] = [];
  const inWorkers = await protectBlocks(tasks, 'full', (name) => started.push(name));
  assert.deepEqual(started.sort(), ['a', 'b', 'c']);
  for (const [i, task] of tasks.entries()) {
    const here = await protectBlock(task, 'full');
    assert.deepEqual([...inWorkers[i]!.status], [...here.status], task.block);
    assert.ok(inWorkers[i]!.audited > 0);
  }
});

test('a block that cannot be protected fails the build, from a worker too', async () => {
  // A forced primary 0 whose later snapshot is a published 0: zeros are never complements, so
  // nothing can hide it (the README's "unprotectable" case).
  const b = new SystemBuilder();
  const later = b.add(0);
  b.relate(later, [b.add(0, { forced: true }), b.add(0, { published: false })]);
  const tasks = [block('fine', [6, 1, 2, 3]), { block: 'leaks', system: b.build() }];
  await assert.rejects(protectBlocks(tasks, 'full'), (err: unknown) => err instanceof AuditFailure && /leaks/.test(err.message));
});
