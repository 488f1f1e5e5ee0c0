/**
 * The one scale the charts need: linear, from `[0, max]` (every chart starts at zero) onto a
 * range of viewBox units or percentages. d3-array's `nice` and `ticks` do the d3 part; the
 * mapping is d3-scale's own arithmetic (normalise, then interpolate the range), so positions
 * are the same numbers `scaleLinear` gives.
 *
 * Why not `scaleLinear` itself: its scale object carries `tickFormat` and the general
 * `interpolate`, which bring d3-format, d3-interpolate and d3-color (with its table of 148 named
 * colours) into the CDN bundle — ≈ 8 KB min+gzip of the 40 KB budget (DESIGN §6) for one
 * multiplication. Measured with `node scripts/check-size.mjs`.
 */
import { nice, ticks } from 'd3';

export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** d3's `ticks(0, max, count)`: round values inside the domain. */
  ticks(count?: number): number[];
}

export interface LinearScaleOptions {
  /** Extend the domain's top to a round number, like d3-scale's `.nice()` (10 ticks). */
  readonly nice?: boolean;
}

/** Maps `[0, max]` linearly onto `range`; a `max` of 0 or less becomes 1 so an all-zero chart still draws. */
export function linearScale(max: number, range: readonly [number, number], options: LinearScaleOptions = {}): LinearScale {
  let top = max > 0 ? max : 1;
  if (options.nice) top = nice(0, top, 10)[1];
  const [r0, r1] = range;
  const scale = (value: number) => {
    const t = value / top;
    return r0 * (1 - t) + r1 * t;
  };
  return Object.assign(scale, {
    domain: [0, top] as const,
    range,
    ticks: (count = 10) => ticks(0, top, count),
  });
}
