/**
 * The aggregates of one collection year of one log kind: counts by quarter, LA, log type and
 * category, full-year crosstab counts (crosstabs are published for the full year only), and the
 * numeric values behind means and medians. Quarters are kept apart; year-to-date snapshots are
 * their running sums.
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
  /** Per crosstab pair: full-year counts by [x][y] (views into one buffer). */
  readonly pairs: Uint32Array[];
  /** Per summarised field: its valid values. */
  readonly values: (ValueColumn | undefined)[];

  // Flat indexes for the per-log loop: one monomorphic pass over typed arrays.
  private readonly tableFields: Int32Array;
  private readonly tableWidth: Int32Array;
  private readonly valueFields: Int32Array;
  private readonly pairX: Int32Array;
  private readonly pairY: Int32Array;
  private readonly pairNY: Int32Array;
  private readonly pairOffset: Int32Array;
  private readonly pairCounts: Uint32Array;

  constructor(readonly plan: YearPlan) {
    const nLa = plan.las.length;
    const width = (i: number) => plan.fields[i]!.codes.length;
    this.total = new Uint32Array(QUARTERS * nLa);
    this.tables = plan.fields.map((f) => (f.tabulated ? new Uint32Array(QUARTERS * nLa * f.codes.length) : undefined));
    this.values = plan.fields.map((f) => (f.summarised ? new ValueColumn() : undefined));
    const tabulated = plan.fields.flatMap((f, i) => (f.tabulated ? [i] : []));
    this.tableFields = Int32Array.from(tabulated);
    this.tableWidth = Int32Array.from(tabulated, width);
    this.valueFields = Int32Array.from(plan.fields.flatMap((f, i) => (f.summarised ? [i] : [])));
    const np = plan.pairs.length;
    this.pairX = Int32Array.from(plan.pairs, ([x]) => x);
    this.pairY = Int32Array.from(plan.pairs, ([, y]) => y);
    this.pairNY = Int32Array.from(plan.pairs, ([, y]) => width(y));
    this.pairOffset = new Int32Array(np + 1);
    for (let p = 0; p < np; p++) this.pairOffset[p + 1] = this.pairOffset[p]! + width(plan.pairs[p]![0]) * width(plan.pairs[p]![1]);
    this.pairCounts = new Uint32Array(this.pairOffset[np]!);
    this.pairs = plan.pairs.map((_, p) => this.pairCounts.subarray(this.pairOffset[p]!, this.pairOffset[p + 1]!));
  }

  // Logs are buffered in chunks, column by column, then counted pair by pair: each pair's counts
  // stay in cache for a whole chunk instead of every log touching every pair.
  private static readonly CHUNK = 4096;
  private chunkCats = new Int32Array(0);
  private chunkLength = 0;

  /**
   * Adds one log. `cats[i]` is the category index of field i (tabulated fields), `nums[i]` its
   * value (summarised fields; NaN when not known).
   */
  add(quarter: number, la: number, cats: Int32Array, nums: Float64Array): void {
    const q = quarter - 1;
    const nLa = this.plan.las.length;
    const CHUNK = LogTypeAggregate.CHUNK;
    this.total[q * nLa + la]!++;
    const row = q * nLa + la;
    for (let t = 0; t < this.tableFields.length; t++) {
      const i = this.tableFields[t]!;
      this.tables[i]![row * this.tableWidth[t]! + cats[i]!]!++;
    }
    for (let t = 0; t < this.valueFields.length; t++) {
      const i = this.valueFields[t]!;
      const v = nums[i]!;
      if (v === v) this.values[i]!.push(v, la, q); // v === v: not NaN
    }
    if (this.chunkCats.length === 0) this.chunkCats = new Int32Array(CHUNK * this.plan.fields.length);
    const r = this.chunkLength++;
    for (let i = 0; i < this.plan.fields.length; i++) this.chunkCats[i * CHUNK + r] = cats[i]!;
    if (this.chunkLength === CHUNK) this.flush();
  }

  /** Counts the buffered logs into the crosstabs. Called when the chunk is full and before reading the counts. */
  flush(): void {
    const n = this.chunkLength;
    const CHUNK = LogTypeAggregate.CHUNK;
    const counts = this.pairCounts, cats = this.chunkCats;
    for (let p = 0; p < this.pairX.length; p++) {
      const xs = this.pairX[p]! * CHUNK, ys = this.pairY[p]! * CHUNK;
      const ny = this.pairNY[p]!, off = this.pairOffset[p]!;
      for (let r = 0; r < n; r++) counts[off + cats[xs + r]! * ny + cats[ys + r]!]!++;
    }
    this.chunkLength = 0;
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
