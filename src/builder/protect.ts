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
import { Status, type LinkedSystem } from '../sdc/types.js';

export interface BlockProtection {
  readonly block: string;
  /** Published cells. */
  readonly cells: number;
  readonly primary: number;
  readonly secondary: number;
  /** Records behind suppressed published count cells. */
  readonly recordsHidden: number;
  /** Cells proved protected by the LP audit, and seconds spent protecting and auditing. */
  readonly audited: number;
  readonly seconds: number;
}

export class AuditFailure extends Error {
  override name = 'AuditFailure';
}

export type ProtectionLevel = 'primary' | 'full';

export async function protectBlock(
  system: LinkedSystem,
  block: string,
  level: ProtectionLevel = 'primary',
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
  let primary = 0, secondary = 0, recordsHidden = 0, cells = 0;
  for (let c = 0; c < status.length; c++) {
    if (!system.published[c]) continue;
    cells++;
    if (status[c] === Status.Primary) primary++;
    else if (status[c] === Status.Secondary) secondary++;
    else continue;
    if (system.kinds[c] === 0) recordsHidden += system.values[c]!;
  }
  return {
    suppressed: (id) => status[id] !== Status.Published,
    summary: { block, cells, primary, secondary, recordsHidden, audited: result.audit.length, seconds: Math.round((performance.now() - started) / 100) / 10 },
  };
}
