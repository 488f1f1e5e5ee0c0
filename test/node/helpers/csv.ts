/** Writes small CORE export files with the real header lists, for builder tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { exportHeaders } from '../../../src/catalog/index.js';
import type { LogKind } from '../../../src/catalog/types.js';

export interface CsvSpec {
  readonly log: LogKind;
  /** Header list of this collection year's export. */
  readonly year: number;
  readonly support: boolean;
  readonly headerRows: 1 | 2;
  /** Each log as column → value; other columns are blank. */
  readonly rows: readonly Record<string, string>[];
}

export function tempDir(prefix = 'core-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function csvText({ log, year, support, headerRows, rows }: CsvSpec): string {
  const headers = exportHeaders(log, year, support);
  const names = headers.map((h) => h.name);
  const lines: string[][] = [];
  if (headerRows === 2) lines.push(headers.map((h) => h.definition));
  lines.push(names);
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!names.includes(key)) throw new Error(`test CSV: no column ${key} in the ${year} ${log} export`);
    lines.push(names.map((n) => row[n] ?? ''));
  }
  return stringify(lines);
}

export function writeCsv(dir: string, name: string, spec: CsvSpec): string {
  const path = join(dir, name);
  writeFileSync(path, csvText(spec));
  return path;
}
