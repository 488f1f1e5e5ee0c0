/**
 * Targeted audit cases on hand-made feeds: snapshot differences, LP bounds from the snapshot
 * inequalities, published small counts, inconsistent totals, and the two rules.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { listBlocks, openFeed, readBlock } from '../../src/audit/read-feed.js';
import { blockSystem, Role } from '../../src/audit/relations.js';
import { auditFeed, createEngines, type AuditEngines } from '../../src/audit/run.js';
import { handFeed } from './helpers/audit-feed.js';

describe('core-feed audit on hand-made feeds', () => {
  let engines: AuditEngines;
  before(async () => {
    engines = await createEngines();
  });

  it('adds no relation for a question in a snapshot that shows none of it', async () => {
    // sex1 is published for the full year only; Q1 and Q1–Q2 publish the logs by area.
    const feed = handFeed([
      { quarters: 1, las: [5, 4] },
      { quarters: 2, las: [8, 7] },
      { quarters: 4, sex: ['c', 'c', 10], las: [12, 12] },
    ]);
    const src = openFeed(feed);
    const sys = blockSystem(readBlock(src, listBlocks(src.manifest)[0]!));
    const { totals, parts } = sys.relations;
    const absent = [...Array.from(totals), ...Array.from(parts)].filter((c) => sys.role[c] === Role.Absent);
    assert.deepEqual(absent, [], 'no unpublished count of sex1 in Q1 or Q1–Q2 is in a relation');
    assert.ok(sys.stats.solved > 0);
    const r = await auditFeed(feed, { engines });
    assert.deepEqual(r.findings, []);
    assert.equal(r.summary.pass, true, JSON.stringify(r.cells));
  });

  it('passes a suppression protected by its totals', async () => {
    const feed = handFeed([{ quarters: 4, sex: ['c', 'c', 10], las: [9, 9] }]);
    const r = await auditFeed(feed, { engines });
    assert.deepEqual(r.findings, []);
    const cells = r.cells.filter((c) => c.kind === 'suppressed');
    assert.deepEqual(cells.map((c) => [c.column, c.pass]), [['F', true], ['M', true]]);
    assert.equal(r.summary.pass, true);
  });

  it('reports a published difference of 1 or 2 between two snapshots of a year', async () => {
    const feed = handFeed([
      { quarters: 1, sex: [5, 4, 0], las: [5, 4] },
      { quarters: 2, sex: [6, 4, 0], las: [6, 4] },
    ]);
    const r = await auditFeed(feed, { engines });
    assert.equal(r.summary.pass, false);
    const diffs = r.findings.filter((f) => f.kind === 'snapshot-difference');
    assert.ok(diffs.some((f) => f.row === 'E92000001' && f.column === 'F' && f.period === '2024-25-q1-q2 − 2024-25-q1'), JSON.stringify(diffs));
    assert.ok(diffs.some((f) => f.row === 'E06000001'), 'the LA logs too');
    assert.ok(!diffs.some((f) => f.column === 'M'), 'a difference of 0 is no disclosure');
  });

  it('bounds a suppressed cell with the year-to-date inequalities', async () => {
    // Q1: F + M = 9, both suppressed. Q1–Q2 publishes F = 3, M = 7: so F(Q1) ≤ 3, M(Q1) ≤ 7 → F ∈ [2, 3].
    const feed = handFeed([
      { quarters: 1, sex: ['c', 'c', 0], las: [5, 4] },
      { quarters: 2, sex: [3, 7, 0], las: [5, 5] },
    ]);
    const r = await auditFeed(feed, { engines });
    const f = r.cells.find((c) => c.kind === 'suppressed' && c.column === 'F' && c.period === '2024-25-q1');
    assert.ok(f, JSON.stringify(r.cells));
    assert.deepEqual([f.lo, f.hi, f.pass], [2, 3, false]);
    assert.equal(r.summary.pass, false);
    // Without the later snapshot the same Q1 table is safe.
    const alone = await auditFeed(handFeed([{ quarters: 1, sex: ['c', 'c', 0], las: [5, 4] }]), { engines });
    assert.equal(alone.summary.pass, true, JSON.stringify(alone.cells));
  });

  it('audits the count added between snapshots when one end is suppressed', async () => {
    // Q1 F = c (F + M = 6 with M = 3 → F = 3 pinned, fine), Q1–Q2 F = 4 published: increment = 1.
    const feed = handFeed([
      { quarters: 1, sex: ['c', 3, 'c'], las: [3, 4] },
      { quarters: 2, sex: [4, 3, 'c'], las: [4, 4] },
    ]);
    const r = await auditFeed(feed, { engines });
    assert.equal(r.summary.pass, false);
    assert.ok(r.cells.some((c) => c.kind === 'increment' && !c.pass), JSON.stringify(r.cells));
  });

  it('fails a published count of 1 or 2 and totals that do not add up', async () => {
    const small = await auditFeed(handFeed([{ quarters: 4, sex: [2, 8, 0], las: [5, 5] }]), { engines });
    assert.ok(small.findings.some((f) => f.kind === 'published-small' && f.column === 'F'));
    const feed = handFeed([{ quarters: 4, sex: [4, 8, 0], las: [5, 5] }]); // LAs add up to 10, England is 12
    const r = await auditFeed(feed, { engines });
    assert.equal(r.summary.pass, false);
    assert.ok(r.findings.some((f) => f.kind === 'relation-mismatch'), JSON.stringify(r.findings));
  });

  it('rule "every" also fails a suppressed cell that is pinned to a large value; "possibly-small" does not', async () => {
    // Q1–Q2 M = c but M = total − F − unknown = 10 − 3 − 0 → pinned at 7 (not small).
    const feed = handFeed([{ quarters: 4, sex: [3, 'c', 0], las: [5, 5] }]);
    const relaxed = await auditFeed(feed, { engines });
    assert.equal(relaxed.summary.pass, true, JSON.stringify(relaxed.cells));
    const strict = await auditFeed(feed, { engines, settings: { rule: 'every' } });
    assert.equal(strict.summary.pass, false);
    assert.deepEqual(strict.cells.map((c) => [c.lo, c.hi, c.pass]), [[7, 7, false]]);
  });
});
