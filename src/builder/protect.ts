/**
 * Protection of one block's linked system (DESIGN §4).
 *
 * `primary` (the default for now): counts of 1–2, small LA rows and means on few records.
 * `full`: primary, complementary (secondary) suppression over every relation the block publishes,
 * and the LP audit of every primary and sensitive cell (src/sdc/); a block whose audit does not
 * pass fails the build. It is not yet the default: on a national year it is still too slow for
 * the build budget (issue 3).
 */
import { primarySuppress } from '../sdc/primary.js';
import { protectSystem } from '../sdc/protect.js';
import { KIND_COUNT, Status, type LinkedSystem } from '../sdc/types.js';
import type { SuppressionCount, TableKind } from '../feed/types.js';

export interface BlockProtection extends SuppressionCount {
  readonly block: string;
  /** The same counts by table kind. */
  readonly byKind: Partial<Record<TableKind, SuppressionCount>>;
  /** Cells proved protected by the LP audit, and seconds spent protecting and auditing. */
  readonly audited: number;
  readonly seconds: number;
}

export class AuditFailure extends Error {
  override name = 'AuditFailure';
}

export type ProtectionLevel = 'primary' | 'full';

/**
 * Protects one block. `kindOf(id)` names the table kind of each published cell, for the
 * information-loss counts.
 */
export async function protectBlock(
  system: LinkedSystem,
  block: string,
  level: ProtectionLevel = 'primary',
  kindOf: (id: number) => TableKind,
): Promise<{ suppressed: (id: number) => boolean; summary: BlockProtection }> {
  const started = performance.now();
  const result = level === 'full' ? await protectSystem(system) : { ...primarySuppress(system), audit: [], unprotected: [] };
  const { status } = result;
  if (result.unprotected.length > 0) {
    const failing = result.audit.filter((a) => !a.pass).slice(0, 5);
    throw new AuditFailure(
      `${block}: ${result.unprotected.length} cells are not protected after suppression — the feed is not written. ` +
        `First: ${failing.map((a) => `cell ${a.cell} in [${a.lo}, ${a.hi}]${a.solverStatus ? ` (${a.solverStatus})` : ''}`).join('; ')}`,
    );
  }
  const byKind: Partial<Record<TableKind, { cells: number; primary: number; secondary: number; recordsHidden: number }>> = {};
  for (let c = 0; c < status.length; c++) {
    if (!system.published[c]) continue;
    const kind = kindOf(c);
    const count = (byKind[kind] ??= { cells: 0, primary: 0, secondary: 0, recordsHidden: 0 });
    count.cells++;
    if (status[c] === Status.Primary) count.primary++;
    else if (status[c] === Status.Secondary) count.secondary++;
    else continue;
    if (system.kinds[c] === KIND_COUNT) count.recordsHidden += system.values[c]!;
  }
  return {
    suppressed: (id) => status[id] !== Status.Published,
    summary: {
      block, ...addCounts(Object.values(byKind)), byKind,
      audited: result.audit.length, seconds: Math.round((performance.now() - started) / 100) / 10,
    },
  };
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
