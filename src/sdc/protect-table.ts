/**
 * The engine of `core-feed protect --in TABLE.json --out OUT.json` — Node-only (it audits with
 * HiGHS). Protects one 2-D count table, optionally with a row and/or column hierarchy, and
 * returns it with `'c'` in every suppressed cell plus the audit interval of every primary.
 * The JSON formats are described in src/sdc/README.md ("protect: table format").
 */
import { auditSystem, type AuditReport } from './audit.js';
import { protectSystem } from './protect.js';
import { SystemBuilder } from './system.js';
import { Status, type LinkedSystem } from './types.js';

export const TOTAL_CODE = 'Total';

export interface TableInput {
  /** Row codes; may include parent codes used in `rowHierarchy`. */
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  /**
   * `rows.length × cols.length` counts. A cell of a parent row or column may be `null` (computed
   * from its children); a number given there is checked.
   */
  readonly cells: readonly (readonly (number | null)[])[];
  /** parent code → child codes; the parent is the sum of its children. All codes are in `rows`. */
  readonly rowHierarchy?: Readonly<Record<string, readonly string[]>>;
  readonly colHierarchy?: Readonly<Record<string, readonly string[]>>;
  /** Optional total of each row (the Total column), checked if given. */
  readonly rowTotals?: readonly number[];
  /** Optional total of each column (the Total row), checked if given. */
  readonly colTotals?: readonly number[];
  /** Optional grand total, checked if given. */
  readonly grandTotal?: number;
  /** Extra primaries the caller imposes, as `[rowCode, colCode]` (`Total` allowed). */
  readonly forced?: readonly (readonly [string, string])[];
}

export interface TableAuditEntry {
  readonly row: string;
  readonly col: string;
  readonly lo: number;
  /** `null` when unbounded (JSON has no Infinity). */
  readonly hi: number | null;
  readonly pass: boolean;
}

export interface TableOutput {
  /** Row codes of the output grid: the input rows, then `Total` — unless the rows have a single root (one row, or one top of the hierarchy), which then is the total. */
  readonly rows: string[];
  readonly cols: string[];
  /** The protected table: `'c'` where suppressed. */
  readonly cells: (number | 'c')[][];
  readonly suppressed: { row: string; col: string; reason: 'primary' | 'secondary' }[];
  /** Audit interval of every primary cell. */
  readonly audit: TableAuditEntry[];
  /** Every primary passes the audit rule. */
  readonly pass: boolean;
  readonly elapsedMs: number;
}

/** A table as a linked system: one cell per grid position (totals included). */
export interface TableSystem {
  readonly system: LinkedSystem;
  readonly rows: string[];
  readonly cols: string[];
  /** `ids[i][j]`: the cell id of grid position (i, j). */
  readonly ids: number[][];
  /** The full grid of values, totals computed. */
  readonly values: number[][];
}

interface Axis {
  codes: string[];
  /** For each output index: its child indices (parents and the appended total). */
  children: (number[] | undefined)[];
  /** Index of the output axis entry that is the total of the whole axis, or -1. */
  total: number;
  /** Number of input entries (the appended total, if any, comes after). */
  inputCount: number;
}

function buildAxis(codes: readonly string[], hierarchy: Readonly<Record<string, readonly string[]>> | undefined, what: string): Axis {
  const index = new Map<string, number>();
  codes.forEach((c, i) => {
    if (index.has(c)) throw new Error(`${what} code ${c} appears twice`);
    if (c === TOTAL_CODE) throw new Error(`${what} code "${TOTAL_CODE}" is reserved for the margin`);
    index.set(c, i);
  });
  const children: (number[] | undefined)[] = codes.map(() => undefined);
  const isChild = new Array<boolean>(codes.length).fill(false);
  for (const [parent, kids] of Object.entries(hierarchy ?? {})) {
    const pi = index.get(parent);
    if (pi === undefined) throw new Error(`${what} hierarchy parent ${parent} is not in ${what}s`);
    if (kids.length === 0) throw new Error(`${what} hierarchy parent ${parent} has no children`);
    children[pi] = kids.map((k) => {
      const ki = index.get(k);
      if (ki === undefined) throw new Error(`${what} hierarchy child ${k} is not in ${what}s`);
      if (isChild[ki]) throw new Error(`${what} ${k} has two parents`);
      isChild[ki] = true;
      return ki;
    });
  }
  const roots = codes.map((_, i) => i).filter((i) => !isChild[i]);
  // cycle check: every entry must reach a root by following parents
  const state = new Uint8Array(codes.length);
  const visit = (i: number): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new Error(`${what} hierarchy has a cycle at ${codes[i]}`);
    state[i] = 1;
    for (const k of children[i] ?? []) visit(k);
    state[i] = 2;
  };
  for (const i of roots) visit(i);
  if (state.some((s) => s !== 2)) throw new Error(`${what} hierarchy has a cycle`);
  const out: Axis = { codes: [...codes], children, total: -1, inputCount: codes.length };
  if (roots.length === 1) {
    out.total = roots[0]!;
  } else {
    out.codes.push(TOTAL_CODE);
    out.children.push(roots);
    out.total = codes.length;
  }
  return out;
}

/** Converts a table to a linked system, computing and checking every total. */
export function tableToSystem(input: TableInput): TableSystem {
  const R = buildAxis(input.rows, input.rowHierarchy, 'row');
  const C = buildAxis(input.cols, input.colHierarchy, 'col');
  if (input.cells.length !== input.rows.length) throw new Error(`cells has ${input.cells.length} rows, expected ${input.rows.length}`);
  const nr = R.codes.length;
  const nc = C.codes.length;
  const given: (number | null)[][] = [];
  for (let i = 0; i < nr; i++) {
    const row: (number | null)[] = new Array<number | null>(nc).fill(null);
    if (i < R.inputCount) {
      const src = input.cells[i]!;
      if (src.length !== input.cols.length) throw new Error(`row ${R.codes[i]} has ${src.length} cells, expected ${input.cols.length}`);
      src.forEach((v, j) => (row[j] = v));
    }
    given.push(row);
  }
  const setGiven = (i: number, j: number, v: number | undefined): void => {
    if (v === undefined) return;
    const old = given[i]![j];
    if (old !== null && old !== undefined && old !== v) throw new Error(`total ${R.codes[i]} × ${C.codes[j]} given twice as ${old} and ${v}`);
    given[i]![j] = v;
  };
  input.rowTotals?.forEach((v, i) => setGiven(i, C.total, v));
  input.colTotals?.forEach((v, j) => setGiven(R.total, j, v));
  setGiven(R.total, C.total, input.grandTotal);

  // Compute values: a position is a leaf if neither its row nor its column has children.
  const values: (number | undefined)[][] = given.map((r) => r.map(() => undefined));
  const computing = new Set<string>();
  const value = (i: number, j: number): number => {
    const got = values[i]![j];
    if (got !== undefined) return got;
    const key = `${i},${j}`;
    if (computing.has(key)) throw new Error('hierarchy cycle');
    computing.add(key);
    const rk = R.children[i];
    const ck = C.children[j];
    let v: number;
    if (rk) v = rk.reduce((s, k) => s + value(k, j), 0);
    else if (ck) v = ck.reduce((s, k) => s + value(i, k), 0);
    else {
      const g = given[i]![j];
      if (g === null || g === undefined) throw new Error(`cell ${R.codes[i]} × ${C.codes[j]} is missing`);
      v = g;
    }
    if (!Number.isFinite(v) || v < 0) throw new Error(`cell ${R.codes[i]} × ${C.codes[j]} = ${v} is not a non-negative number`);
    computing.delete(key);
    values[i]![j] = v;
    return v;
  };
  const grid: number[][] = [];
  for (let i = 0; i < nr; i++) {
    const row: number[] = [];
    for (let j = 0; j < nc; j++) {
      const v = value(i, j);
      const g = given[i]![j];
      if (g !== null && g !== undefined && Math.abs(g - v) > 1e-9 * Math.max(1, v)) {
        throw new Error(`${R.codes[i]} × ${C.codes[j]} is given as ${g} but its parts add up to ${v}`);
      }
      // A parent whose row and column both have children: check the other direction too.
      const ck = C.children[j];
      if (R.children[i] && ck) {
        const other = ck.reduce((s, k) => s + value(i, k), 0);
        if (Math.abs(other - v) > 1e-9 * Math.max(1, v)) throw new Error(`${R.codes[i]} × ${C.codes[j]}: row and column totals disagree`);
      }
      row.push(v);
    }
    grid.push(row);
  }

  const b = new SystemBuilder();
  const forced = new Set((input.forced ?? []).map(([r, c]) => `${r}\u0000${c}`));
  const ids = grid.map((row, i) =>
    row.map((v, j) => b.add(v, { forced: forced.has(`${R.codes[i]}\u0000${C.codes[j]}`) })),
  );
  for (let j = 0; j < nc; j++) {
    for (let i = 0; i < nr; i++) {
      const kids = R.children[i];
      if (kids) b.relate(ids[i]![j]!, kids.map((k) => ids[k]![j]!));
    }
  }
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const kids = C.children[j];
      if (kids) b.relate(ids[i]![j]!, kids.map((k) => ids[i]![k]!));
    }
  }
  return { system: b.build(), rows: R.codes, cols: C.codes, ids, values: grid };
}

function toAudit(ts: TableSystem, report: { cell: number; lo: number; hi: number; pass: boolean }[]): TableAuditEntry[] {
  const where = new Map<number, [number, number]>();
  ts.ids.forEach((row, i) => row.forEach((id, j) => where.set(id, [i, j])));
  return report.map((a) => {
    const [i, j] = where.get(a.cell)!;
    return { row: ts.rows[i]!, col: ts.cols[j]!, lo: a.lo, hi: a.hi === Infinity ? null : a.hi, pass: a.pass };
  });
}

/** Protects a table: primary and secondary suppression, then the LP audit of every primary. */
export async function protectTable(input: TableInput, opts: { sumProtection?: number } = {}): Promise<TableOutput> {
  const t0 = performance.now();
  const ts = tableToSystem(input);
  const res = await protectSystem(ts.system, { ...opts, verify: true });
  const verification = res.verification!;
  const cells = ts.values.map((row, i) => row.map((v, j) => (res.status[ts.ids[i]![j]!] === Status.Published ? v : ('c' as const))));
  const suppressed: TableOutput['suppressed'] = [];
  ts.ids.forEach((row, i) =>
    row.forEach((id, j) => {
      const s = res.status[id];
      if (s !== Status.Published) suppressed.push({ row: ts.rows[i]!, col: ts.cols[j]!, reason: s === Status.Primary ? 'primary' : 'secondary' });
    }),
  );
  return {
    rows: ts.rows,
    cols: ts.cols,
    cells,
    suppressed,
    audit: toAudit(ts, verification.results),
    pass: res.unprotected.length === 0 && verification.pass,
    elapsedMs: performance.now() - t0,
  };
}

/**
 * Audits a given suppression pattern of a table: `suppressed` lists `[rowCode, colCode]` of the
 * output grid (`Total` allowed). Every suppressed cell is audited (treated as primary), as is
 * every primary-rule cell. Used by tests and for checking a pattern made elsewhere.
 */
export async function auditTablePattern(
  input: TableInput,
  suppressed: readonly (readonly [string, string])[],
): Promise<{ table: TableSystem; report: AuditReport; audit: TableAuditEntry[] }> {
  const ts = tableToSystem(input);
  const status = new Uint8Array(ts.system.values.length);
  for (const [r, c] of suppressed) {
    const i = ts.rows.indexOf(r);
    const j = ts.cols.indexOf(c);
    if (i < 0 || j < 0) throw new Error(`no cell ${r} × ${c}`);
    status[ts.ids[i]![j]!] = Status.Primary;
  }
  const report = await auditSystem(ts.system, status);
  return { table: ts, report, audit: toAudit(ts, report.results) };
}
