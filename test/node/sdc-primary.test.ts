import { test } from 'node:test';
import assert from 'node:assert/strict';
import { primarySuppress } from '../../src/sdc/primary.js';
import { isProtected } from '../../src/sdc/rules.js';
import { SystemBuilder } from '../../src/sdc/system.js';
import { KIND_COUNT, KIND_SUM, Status } from '../../src/sdc/types.js';

test('primary: counts of 1 and 2 are primary, 0 and 3+ are not', () => {
  const b = new SystemBuilder();
  const cells = [0, 1, 2, 3, 100].map((v) => b.add(v));
  const res = primarySuppress(b.build());
  assert.deepEqual([...cells].map((c) => res.status[c]), [Status.Published, Status.Primary, Status.Primary, Status.Published, Status.Published]);
  assert.deepEqual([...res.primaries], [1, 2]);
  assert.deepEqual([...res.sensitive], []);
});

test('primary: forced cells are primary whatever their value, zeros included', () => {
  const b = new SystemBuilder();
  b.add(0, { forced: true });
  b.add(57, { forced: true });
  b.add(57);
  const res = primarySuppress(b.build());
  assert.deepEqual([...res.primaries], [0, 1]);
});

test('primary: sums are primary only when forced', () => {
  const b = new SystemBuilder();
  b.add(1, { kind: 'sum' });
  b.add(2, { kind: 'sum' });
  b.add(250.5, { kind: 'sum', forced: true });
  const res = primarySuppress(b.build());
  assert.deepEqual([...res.primaries], [2]);
});

test('primary: internal counts of 1–2 are sensitive, not suppressed', () => {
  const b = new SystemBuilder();
  const q1 = b.add(10);
  const ytd = b.add(12);
  const q2 = b.add(2, { published: false });
  const big = b.add(40, { published: false });
  b.relate(ytd, [q1, q2]);
  const res = primarySuppress(b.build());
  assert.equal(res.status[q2], Status.Published); // internal: never published, never "suppressed"
  assert.deepEqual([...res.sensitive], [q2]);
  assert.deepEqual([...res.targets], [q2]);
  assert.equal(res.status[big], Status.Published);
});

test('rules: the count rule is hi ≥ 3 and hi − lo ≥ 2 on whole numbers', () => {
  assert.equal(isProtected(KIND_COUNT, 1, 0, 3), true);
  assert.equal(isProtected(KIND_COUNT, 1, 0, 2), false);
  assert.equal(isProtected(KIND_COUNT, 2, 2, 3), false);
  assert.equal(isProtected(KIND_COUNT, 2, 1, 3), true);
  assert.equal(isProtected(KIND_COUNT, 2, 0.5, 2.9), false); // whole numbers: [1, 2]
  assert.equal(isProtected(KIND_COUNT, 2, 0, Infinity), true);
  assert.equal(isProtected(KIND_COUNT, 2, NaN, 5), false);
});

test('rules: the sum rule needs 10% either side by default', () => {
  assert.equal(isProtected(KIND_SUM, 100, 90, 110), true);
  assert.equal(isProtected(KIND_SUM, 100, 91, 200), false);
  assert.equal(isProtected(KIND_SUM, 100, 0, 109), false);
  assert.equal(isProtected(KIND_SUM, 100, 95, 105, 0.05), true);
  assert.equal(isProtected(KIND_SUM, 0, 0, 0), true);
});
