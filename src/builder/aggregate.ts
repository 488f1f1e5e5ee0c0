/**
 * The aggregates of one collection year of one log kind: counts by quarter, LA, log type and
 * category, crosstab counts by quarter, and the numeric values behind means and medians.
 * Quarters are kept apart; year-to-date snapshots are their running sums.
 */
import type { LogTypeId } from '../feed/types.js';
import type { YearPlan } from './plan.js';

export const QUARTERS = 4;

/** A growable column of numbers with the LA and quarter of each. */
export class ValueColumn {
  values = new Float64Array(1024);
  la = new Uint16Array(1024);
  quarter = new Uint8Array(1024);
  length = 0;

  push(value: number, la: number, quarter: number): void {
    if (this.length === this.values.length) {
      const grow = <T extends Float64Array | Uint16Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.values = grow(this.values);
      this.la = grow(this.la);
      this.quarter = grow(this.quarter);
    }
    this.values[this.length] = value;
    this.la[this.length] = la;
    this.quarter[this.length] = quarter;
    this.length++;
  }
}

export class LogTypeAggregate {
  /** Logs by [quarter][la]. */
  readonly total: Uint32Array;
  /** Per tabulated field (index into plan.fields; undefined otherwise): counts by [quarter][la][category]. */
  readonly tables: (Uint32Array | undefined)[];
  /** Per crosstab pair: counts by [quarter][x][y]. */
  readonly pairs: Uint32Array[];
  /** Per summarised field: its valid values. */
  readonly values: (ValueColumn | undefined)[];

  constructor(readonly plan: YearPlan) {
    const nLa = plan.las.length;
    this.total = new Uint32Array(QUARTERS * nLa);
    this.tables = plan.fields.map((f) => (f.tabulated ? new Uint32Array(QUARTERS * nLa * f.codes.length) : undefined));
    this.pairs = plan.pairs.map(([x, y]) => new Uint32Array(QUARTERS * plan.fields[x]!.codes.length * plan.fields[y]!.codes.length));
    this.values = plan.fields.map((f) => (f.summarised ? new ValueColumn() : undefined));
  }

  /**
   * Adds one log. `cats[i]` is the category index of field i (tabulated fields), `nums[i]` its
   * value (summarised fields; NaN when not known).
   */
  add(quarter: number, la: number, cats: Int32Array, nums: Float64Array): void {
    const { plan } = this;
    const q = quarter - 1;
    const nLa = plan.las.length;
    this.total[q * nLa + la]!++;
    for (let i = 0; i < plan.fields.length; i++) {
      const t = this.tables[i];
      if (t) {
        const n = plan.fields[i]!.codes.length;
        t[(q * nLa + la) * n + cats[i]!]!++;
      }
      const v = this.values[i];
      if (v && !Number.isNaN(nums[i]!)) v.push(nums[i]!, la, q);
    }
    for (let p = 0; p < plan.pairs.length; p++) {
      const [x, y] = plan.pairs[p]!;
      const nX = plan.fields[x]!.codes.length;
      const nY = plan.fields[y]!.codes.length;
      this.pairs[p]![(q * nX + cats[x]!) * nY + cats[y]!]!++;
    }
  }
}

export class YearAggregate {
  readonly byLogType = new Map<LogTypeId, LogTypeAggregate>();
  /** Fields (by index) whose column was present in at least one input file. */
  readonly seen: Uint8Array;

  constructor(readonly plan: YearPlan) {
    this.seen = new Uint8Array(plan.fields.length);
  }

  logType(id: LogTypeId): LogTypeAggregate {
    let agg = this.byLogType.get(id);
    if (!agg) {
      agg = new LogTypeAggregate(this.plan);
      this.byLogType.set(id, agg);
    }
    return agg;
  }
}
