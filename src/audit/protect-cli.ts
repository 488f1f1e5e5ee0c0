/**
 * `core-feed protect --in TABLE.json --out OUT.json`: reads and checks a user table (format in
 * src/sdc/README.md), protects it with src/sdc/protect-table.ts, writes the result. Errors name
 * the field and what was expected.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { protectTable, type TableInput, type TableOutput } from '../sdc/protect-table.js';

export class InputError extends Error {
  override name = 'InputError';
}

const isCode = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Checks the JSON shape of a table (the engine then checks the arithmetic). */
export function parseTableInput(json: unknown, name = 'input'): TableInput {
  const fail = (field: string, expected: string, got?: unknown): never => {
    throw new InputError(`${name}: "${field}" ${expected}${got === undefined ? '' : `, got ${JSON.stringify(got)?.slice(0, 60)}`}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('(top level)', 'must be a JSON object with rows, cols and cells');
  const t = json as Record<string, unknown>;
  const known = new Set(['rows', 'cols', 'cells', 'rowHierarchy', 'colHierarchy', 'rowTotals', 'colTotals', 'grandTotal', 'forced']);
  for (const k of Object.keys(t)) if (!known.has(k)) fail(k, `is not a table field (expected one of ${[...known].join(', ')})`);
  const codes = (field: 'rows' | 'cols') => {
    const v = t[field];
    if (!Array.isArray(v) || v.length === 0) fail(field, 'must be a non-empty array of codes (strings)', v);
    (v as unknown[]).forEach((c, i) => {
      if (!isCode(c)) fail(`${field}[${i}]`, 'must be a non-empty string', c);
    });
    return v as string[];
  };
  const rows = codes('rows');
  const cols = codes('cols');
  const cells = t.cells;
  if (!Array.isArray(cells)) fail('cells', `must be an array of ${rows.length} rows`, cells);
  if ((cells as unknown[]).length !== rows.length) fail('cells', `must have ${rows.length} rows (one per code in "rows"), has ${(cells as unknown[]).length}`);
  (cells as unknown[]).forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols.length) fail(`cells[${i}]`, `(row ${rows[i]}) must be an array of ${cols.length} counts`, row);
    (row as unknown[]).forEach((v, j) => {
      if (v !== null && !isCount(v)) fail(`cells[${i}][${j}]`, `(${rows[i]} × ${cols[j]}) must be a non-negative number, or null in a parent row or column`, v);
    });
  });
  const hierarchy = (field: 'rowHierarchy' | 'colHierarchy') => {
    const h = t[field];
    if (h === undefined) return;
    if (typeof h !== 'object' || h === null || Array.isArray(h)) fail(field, 'must be an object: parent code → array of child codes', h);
    for (const [parent, kids] of Object.entries(h as Record<string, unknown>)) {
      if (!Array.isArray(kids) || !kids.every(isCode)) fail(`${field}.${parent}`, 'must be an array of child codes (strings)', kids);
    }
  };
  hierarchy('rowHierarchy');
  hierarchy('colHierarchy');
  const totals = (field: 'rowTotals' | 'colTotals', length: number) => {
    const v = t[field];
    if (v === undefined) return;
    if (!Array.isArray(v) || v.length !== length || !v.every(isCount)) fail(field, `must be an array of ${length} non-negative numbers`, v);
  };
  totals('rowTotals', rows.length);
  totals('colTotals', cols.length);
  if (t.grandTotal !== undefined && !isCount(t.grandTotal)) fail('grandTotal', 'must be a non-negative number', t.grandTotal);
  if (t.forced !== undefined) {
    if (!Array.isArray(t.forced)) fail('forced', 'must be an array of [rowCode, colCode] pairs', t.forced);
    (t.forced as unknown[]).forEach((p, i) => {
      if (!Array.isArray(p) || p.length !== 2 || !isCode(p[0]) || !isCode(p[1])) fail(`forced[${i}]`, 'must be a [rowCode, colCode] pair', p);
    });
  }
  return t as unknown as TableInput;
}

export async function protectFile(inPath: string, outPath: string): Promise<TableOutput> {
  let text: string;
  try {
    text = await readFile(inPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${inPath}: file not found` : `${inPath}: cannot read (${code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${inPath}: not valid JSON (${(err as Error).message})`);
  }
  const input = parseTableInput(json, inPath);
  let out: TableOutput;
  try {
    out = await protectTable(input);
  } catch (err) {
    // The engine's own checks (unknown codes in a hierarchy, totals that do not add up …).
    throw new InputError(`${inPath}: ${(err as Error).message}`);
  }
  await writeFile(outPath, `${JSON.stringify(out, null, 1)}\n`);
  return out;
}
