/**
 * Collection years and year-to-date snapshots (DESIGN §3).
 * A collection year runs 1 April – 31 March and is named by its first calendar year (2024 = 2024/25).
 * Quarters: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar. A snapshot covers Q1 … Qk.
 */
import type { PeriodInfo } from '../feed/types.js';

export interface YearQuarter {
  readonly year: number;
  /** 1–4 */
  readonly quarter: number;
}

/** Collection year and quarter of a calendar date (month 1–12). */
export function yearQuarterOf(calendarYear: number, month: number): YearQuarter {
  const year = month >= 4 ? calendarYear : calendarYear - 1;
  const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return { year, quarter };
}

/** `2024` → `2024-25`. */
export function yearId(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** `2024-25` → 2024; throws on anything else. */
export function parseYearId(id: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(id);
  const start = m ? Number(m[1]) : NaN;
  if (!m || (start + 1) % 100 !== Number(m[2])) {
    throw new Error(`"${id}" is not a collection year: expected the form 2024-25`);
  }
  return start;
}

const SNAPSHOT_SUFFIX = ['-q1', '-q1-q2', '-q1-q3', ''] as const;
const SNAPSHOT_LABEL = [' Q1', ' Q1–Q2', ' Q1–Q3', ''] as const;

/** The period covering the first `quarters` quarters of `year` (4 = the full year). */
export function periodOf(year: number, quarters: number): PeriodInfo {
  const y = yearId(year);
  return {
    id: `${y}${SNAPSHOT_SUFFIX[quarters - 1]}`,
    label: `${y.replace('-', '/')}${SNAPSHOT_LABEL[quarters - 1]}`,
    year: y,
    quarters,
  };
}

/** The four periods of one year: the three year-to-date snapshots, then the full year. */
export function periodsOfYear(year: number): PeriodInfo[] {
  return [1, 2, 3, 4].map((q) => periodOf(year, q));
}

/**
 * Parses a date as the CORE exports write it: ISO `2024-04-01` (optionally with a time),
 * or `01/04/2024`. Returns null when it is not a valid date.
 */
export function parseExportDate(text: string): { year: number; month: number; day: number } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  let year: number, month: number, day: number;
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!m) return null;
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}
