/**
 * Reads CORE CSV exports into year aggregates, one streaming pass per file. Every record is
 * either counted into the aggregates, counted as outside the seven log types, or rejected with
 * its file, line and reason — nothing is dropped silently.
 */
import { basename } from 'node:path';
import { columnFor, laByName, toWeekly } from '../catalog/index.js';
import type { LogKind } from '../catalog/types.js';
import type { LogTypeId } from '../feed/types.js';
import { YearAggregate } from './aggregate.js';
import { detectLayout, type ExportLayout } from './csv-format.js';
import { lettingsLogType } from './log-types.js';
import { parseExportDate, yearQuarterOf } from './periods.js';
import { planYear, type FieldPlan } from './plan.js';
import { readCsv } from './read-csv.js';

export interface Rejection {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface FileSummary {
  readonly file: string;
  readonly log: LogKind;
  readonly layoutYear: number;
  readonly headerRows: 1 | 2;
  readonly users: 'support' | 'ordinary';
  readonly values: 'codes' | 'labels';
  readonly exactHeader: boolean;
  readonly records: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly outsideLogTypes: number;
  /** Catalogue fields this file has no column for: their values count as not known. */
  readonly missingColumns: readonly string[];
}

export class Ingest {
  /** Aggregates by `${log}:${year}`. */
  readonly years = new Map<string, YearAggregate>();
  readonly rejections: Rejection[] = [];
  readonly files: FileSummary[] = [];

  constructor(private readonly onProgress?: (records: number) => void) {}

  get recordsRead(): number {
    return this.files.reduce((s, f) => s + f.records, 0);
  }

  yearAggregate(log: LogKind, year: number): YearAggregate {
    const key = `${log}:${year}`;
    let agg = this.years.get(key);
    if (!agg) {
      agg = new YearAggregate(planYear(year, log));
      this.years.set(key, agg);
    }
    return agg;
  }

  /** Reads one CSV export. Throws only when the file has no recognisable header. */
  async readFile(path: string): Promise<FileSummary> {
    const file = basename(path);
    const reject = (line: number, reason: string) => this.rejections.push({ file: path, line, reason });
    let layout: ExportLayout | null = null;
    let first: string[] | undefined;
    let reader: RowReader | null = null;
    let records = 0, accepted = 0, outside = 0;
    const rejectedBefore = this.rejections.length;

    for await (const { fields, line } of readCsv(path, (s) => reject(s.line, s.reason))) {
      if (!layout) {
        if (!first) {
          first = fields;
          // A file whose first row is already a header of its own is recognised on the second
          // record only if the first was a definitions row; try the first row alone first.
          try {
            layout = detectLayout(file, first, undefined);
            if (layout.headerRows === 1) reader = new RowReader(this, layout);
            continue;
          } catch {
            continue;
          }
        }
        layout = detectLayout(file, first, fields);
        reader = new RowReader(this, layout);
        continue;
      }
      records++;
      this.onProgress?.(records);
      const outcome = reader!.read(fields, (reason) => reject(line, reason));
      if (outcome === 'accepted') accepted++;
      else if (outcome === 'outside') outside++;
    }
    if (!layout) layout = detectLayout(file, first ?? [], undefined); // throws the explanatory error
    const summary: FileSummary = {
      file: path,
      log: layout.log,
      layoutYear: layout.year,
      headerRows: layout.headerRows,
      users: layout.support ? 'support' : 'ordinary',
      values: reader?.values ?? 'codes',
      exactHeader: layout.exact,
      records,
      accepted,
      rejected: this.rejections.length - rejectedBefore, // invalid records and unreadable ones
      outsideLogTypes: outside,
      missingColumns: reader?.missingColumns ?? [],
    };
    this.files.push(summary);
    return summary;
  }
}

type Outcome = 'accepted' | 'outside' | 'rejected';

interface WeeklyConversion {
  /** Plan index of the amount and of the categorical field giving its frequency. */
  readonly field: number;
  readonly frequency: number;
  readonly basis: 'period' | 'incfreq';
}

/** Turns the records of one file into aggregate updates. */
class RowReader {
  values: 'codes' | 'labels' | null = null;
  readonly missingColumns: string[] = [];
  private readonly col: (name: string) => number;
  private readonly cats = new Int32Array(256);
  private readonly nums = new Float64Array(256);
  /** Column index of each plan field, per collection year seen. */
  private readonly fieldColumns = new Map<number, Int32Array>();
  private readonly weeklyFields = new Map<number, readonly WeeklyConversion[]>();

  constructor(
    private readonly ingest: Ingest,
    private readonly layout: ExportLayout,
  ) {
    const lower = new Map<string, number>();
    for (const [name, i] of layout.columns) lower.set(name.toLowerCase(), i);
    this.col = (name) => layout.columns.get(name) ?? lower.get(name.toLowerCase()) ?? -1;
  }

  read(row: string[], reject: (reason: string) => void): Outcome {
    const { layout } = this;
    if (row.length !== layout.width) {
      reject(`expected ${layout.width} columns, found ${row.length}`);
      return 'rejected';
    }
    const at = (name: string) => {
      const i = this.col(name);
      return i < 0 ? '' : (row[i] ?? '').trim();
    };

    // Date → collection year and quarter.
    let date: { year: number; month: number; day: number } | null;
    if (layout.log === 'lettings') {
      const text = at('startdate');
      date = parseExportDate(text);
      if (!date) {
        reject(`tenancy start date ${JSON.stringify(text)} is not a date (expected 2024-04-01 or 01/04/2024)`);
        return 'rejected';
      }
    } else {
      const [d, m, y] = [at('day'), at('month'), at('year')];
      const year = Number(y.length === 2 ? `20${y}` : y);
      date = parseExportDate(`${String(year).padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
      if (!date) {
        reject(`sale date ${JSON.stringify(`${d}/${m}/${y}`)} is not a date`);
        return 'rejected';
      }
    }
    const { year, quarter } = yearQuarterOf(date.year, date.month);
    const declared = at('collection_start_year') || at('COLLECTIONYEAR');
    if (declared && Number(declared) !== year) {
      reject(`date ${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')} is outside its collection year ${declared}/${(Number(declared) + 1) % 100}`);
      return 'rejected';
    }

    // Values: codes or labels, decided on the first record.
    const typeColumn = layout.log === 'lettings' ? at('needstype') : at('ownershipsch') || at('ownership');
    if (this.values === null) this.values = /^\d+$/.test(typeColumn) || typeColumn === '' ? 'codes' : 'labels';

    // Log type.
    let logType: LogTypeId | null;
    if (layout.log === 'lettings') {
      const labels = this.values === 'labels';
      logType = lettingsLogType(
        labels ? NEEDS_BY_LABEL[at('needstype')] ?? '' : at('needstype'),
        labels ? RENTTYPE_BY_LABEL(at('renttype')) : at('renttype'),
        labels ? RENTTYPE_DETAIL_BY_LABEL(at('renttype_detail')) : at('renttype_detail'),
      );
    } else {
      logType = 'sales';
    }

    // LA: the GSS code, or for ordinary users' lettings exports the name.
    const agg = this.ingest.yearAggregate(layout.log, year);
    const { plan } = agg;
    const laCode = at('la');
    let la = laCode ? plan.laIndex.get(laCode) : undefined;
    if (la === undefined) {
      const name = at('la_label') || at('laname');
      if (!laCode && name) {
        const byName = laByName(name, year);
        la = byName ? plan.laIndex.get(byName.code) : undefined;
        if (la === undefined) {
          reject(`unknown local authority ${JSON.stringify(name)} for ${year}/${(year + 1) % 100}`);
          return 'rejected';
        }
      } else {
        reject(laCode ? `unknown local authority code ${JSON.stringify(laCode)} for ${year}/${(year + 1) % 100}` : 'no local authority');
        return 'rejected';
      }
    }

    // Fields.
    const columns = this.columnsFor(year, plan.fields, agg.seen);
    for (let i = 0; i < plan.fields.length; i++) {
      const f = plan.fields[i]!;
      const c = columns[i]!;
      const raw = c < 0 ? '' : (row[c] ?? '').trim();
      const problem = this.readValue(f, raw, i);
      if (problem) {
        reject(problem);
        return 'rejected';
      }
    }
    // Amounts per rent period or income frequency → weekly (a missing or unknown frequency: not known).
    for (const w of this.weeklyFor(year, plan.fields)) {
      const value = this.nums[w.field]!;
      if (Number.isNaN(value)) continue;
      const code = plan.fields[w.frequency]!.codes[this.cats[w.frequency]!]!;
      this.nums[w.field] = toWeekly(value, code, w.basis) ?? NaN;
    }
    if (!logType) return 'outside';
    agg.logType(logType).add(quarter, la, this.cats, this.nums);
    return 'accepted';
  }

  /** Fills cats[i] / nums[i]; returns a reason when the value is not valid. */
  private readValue(f: FieldPlan, raw: string, i: number): string | null {
    const unknownCat = f.codes.length - 1;
    const { field } = f;
    if (field.kind === 'categorical') {
      if (raw === '') {
        this.cats[i] = unknownCat;
        return null;
      }
      const c = f.index.get(raw);
      if (c === undefined) return `unknown code ${JSON.stringify(raw)} for ${field.id}`;
      this.cats[i] = c;
      return null;
    }
    // numeric or banded
    if (raw === '' || field.unknownCodes?.includes(raw)) {
      this.nums[i] = NaN;
      if (f.tabulated) this.cats[i] = unknownCat;
      return null;
    }
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0) return `${field.id} ${JSON.stringify(raw)} is not a number of ${field.unit ?? 'units'}`;
    this.nums[i] = v;
    if (f.tabulated) {
      const b = (field.bands ?? []).findIndex((band) => v >= band.min && (band.max === null || v < band.max));
      this.cats[i] = b < 0 ? unknownCat : b;
    }
    return null;
  }

  /** The numeric fields this file gives per period, and the field holding each one's frequency. */
  private weeklyFor(year: number, fields: readonly FieldPlan[]): readonly WeeklyConversion[] {
    let list = this.weeklyFields.get(year);
    if (!list) {
      const conversions: WeeklyConversion[] = [];
      fields.forEach((f, i) => {
        const weekly = f.field.weekly;
        if (!weekly || (weekly.audience === 'user' && this.layout.support)) return;
        if (f.tabulated) throw new Error(`${f.field.id}: a banded field cannot be converted to weekly after banding`);
        const frequency = fields.findIndex((g) => g.field.id === weekly.frequencyColumn && g.tabulated);
        if (frequency < 0) throw new Error(`${f.field.id}: frequency field ${weekly.frequencyColumn} is not in the ${year} plan`);
        conversions.push({ field: i, frequency, basis: weekly.basis });
      });
      this.weeklyFields.set(year, (list = conversions));
    }
    return list;
  }

  private columnsFor(year: number, fields: readonly FieldPlan[], seen: Uint8Array): Int32Array {
    let cols = this.fieldColumns.get(year);
    if (!cols) {
      cols = Int32Array.from(fields, (f, i) => {
        const name = columnFor(f.field, this.layout.year, { support: this.layout.support });
        const c = name ? this.col(name) : -1;
        if (c >= 0) seen[i] = 1;
        else this.missingColumns.push(f.field.id);
        return c;
      });
      this.fieldColumns.set(year, cols);
    }
    return cols;
  }
}

const NEEDS_BY_LABEL: Record<string, string> = { 'General needs': '1', 'Supported housing': '2' };
const RENTTYPE_BY_LABEL = (label: string) =>
  label.startsWith('Social Rent') ? '1' : label.startsWith('Affordable Rent') || label.startsWith('London Affordable') ? '2' : label ? '3' : '';
const RENTTYPE_DETAIL_BY_LABEL = (label: string) => (label.startsWith('Rent to Buy') ? '4' : '');
