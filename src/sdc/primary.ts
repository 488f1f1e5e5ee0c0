/**
 * Primary suppression (DESIGN §4). Pure, browser-safe.
 *
 * - A published count of 1 or 2 is primary; 0 is a true zero and stays published.
 * - A cell the builder marks `forcedPrimary` is primary whatever its value (an LA row whose
 *   valid total is below 3; the sum behind a mean whose count is below the threshold or suppressed).
 * - A sum is primary only when forced.
 * - An internal (unpublished) count of 1 or 2, or a forced internal cell, is *sensitive*: it
 *   cannot be suppressed (it is never published) but must pass the audit like a primary.
 */
import { isUnsafeCount } from './rules.js';
import type { CompiledSystem } from './system.js';
import { KIND_COUNT, Status, type LinkedSystem } from './types.js';

export interface PrimaryResult {
  /** Per cell: `Status.Primary` for published primaries, else `Status.Published`. */
  readonly status: Uint8Array;
  /** Published primary cells, ascending. */
  readonly primaries: Int32Array;
  /** Internal sensitive cells, ascending. */
  readonly sensitive: Int32Array;
  /** primaries ∪ sensitive: every cell the audit must prove protected, ascending. */
  readonly targets: Int32Array;
}

/** True if the cell must be protected (primary if published, sensitive if internal). */
export function isTargetCell(
  sys: { readonly forced: ArrayLike<number>; readonly kinds: ArrayLike<number>; readonly values: ArrayLike<number> },
  c: number,
): boolean {
  return Boolean(sys.forced[c]) || (sys.kinds[c] === KIND_COUNT && isUnsafeCount(sys.values[c]!));
}

export function primarySuppress(system: LinkedSystem | CompiledSystem): PrimaryResult {
  // Only the cells matter here, not the relations: no need to compile a LinkedSystem.
  const cells = { forced: 'relStart' in system ? system.forced : system.forcedPrimary, kinds: system.kinds, values: system.values };
  const { published } = system;
  const n = cells.values.length;
  const status = new Uint8Array(n);
  const prim: number[] = [];
  const sens: number[] = [];
  const targets: number[] = [];
  for (let c = 0; c < n; c++) {
    if (!isTargetCell(cells, c)) continue;
    targets.push(c);
    if (published[c]) {
      status[c] = Status.Primary;
      prim.push(c);
    } else {
      sens.push(c);
    }
  }
  return { status, primaries: Int32Array.from(prim), sensitive: Int32Array.from(sens), targets: Int32Array.from(targets) };
}
