/**
 * Helpers for the generated one-sentence summaries (DESIGN §5): lists joined the en-GB way,
 * the largest published share, and a comparison word. A summary only ever mentions published
 * numbers: callers pass counts that are numbers (a symbol is never turned into words).
 */

const listFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** "A, B and C". */
export const joinList = (items: readonly string[]): string => listFormat.format(items);

/** The index of the largest number among `values` (symbols skipped), or -1 if none is > 0. */
export function largestIndex(values: readonly (number | string | undefined)[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (typeof v === 'number' && v > 0 && (best < 0 || v > (values[best] as number))) best = i;
  });
  return best;
}

/**
 * How `value` compares with `other`: `higher`, `lower` or `similar` (within `tolerance`,
 * in the same units), for sentences such as "higher than London (40.0%)".
 */
export function compareWord(value: number, other: number, tolerance: number): 'higher' | 'lower' | 'similar' {
  if (Math.abs(value - other) <= tolerance) return 'similar';
  return value > other ? 'higher' : 'lower';
}

/** First letter upper case (for a sentence that starts with a label). */
export const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
