/**
 * Protection of one block's linked system (DESIGN §4): primary suppression now; the complementary
 * (secondary) suppression and the LP audit plug in here.
 */
import { primarySuppress } from '../sdc/primary.js';
import { Status, type LinkedSystem } from '../sdc/types.js';

export interface BlockProtection {
  readonly block: string;
  readonly cells: number;
  readonly primary: number;
  readonly secondary: number;
  /** Records behind suppressed published count cells. */
  readonly recordsHidden: number;
}

export async function protectBlock(system: LinkedSystem, block: string): Promise<{ suppressed: (id: number) => boolean; summary: BlockProtection }> {
  const { status } = primarySuppress(system);
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
    summary: { block, cells, primary, secondary, recordsHidden },
  };
}
