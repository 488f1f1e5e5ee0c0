/**
 * Reads a built feed for `core-feed audit` — only what is published: `manifest.json` and the
 * documents its `documents` index lists under `base`. Nothing here imports the builder: the
 * audit must reconstruct what a reader can derive from the files alone.
 *
 * A feed is read one block at a time: a block is one (collection year, log type), with its
 * year-to-date snapshots. Every published count of a block is one *variable* of that block,
 * whichever documents show it:
 *
 * | quantity | meaning | shown in |
 * |---|---|---|
 * | `T` (area) | logs by area | LA tables' row totals and `total`, national tables, crosstab `total`, `log-types.json` |
 * | `F` field (area × code) | counts of a question by area | LA tables (cells, regions, `colTotals` = England), national tables, crosstab margins |
 * | `X` x~y (code × code) | crosstab cells | the crosstab |
 * | `N` field (area) | valid count behind a numeric summary | summary documents |
 *
 * Variable id = quantity offset + snapshot × quantity size + row × cols + col, where snapshot
 * 0–3 is the number of quarters covered minus one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_PATHS, type Manifest, type PeriodInfo, type ReportDocument, type SummaryDocument, type TableDocument } from '../feed/types.js';

export const ENGLAND = 'E92000001';
export const UNKNOWN_CODE = 'unknown';
export const SNAPSHOTS = 4;

/** Published state of a variable. */
export const State = {
  /** Shown in no document (or only as `x` / `z`). */
  Absent: 0,
  /** A number in at least one document. */
  Published: 1,
  /** `c` in every document that shows it. */
  Suppressed: 2,
} as const;

export type FindingKind =
  | 'unreadable'
  | 'shape'
  | 'inconsistent-value'
  | 'suppressed-but-published'
  | 'published-small'
  | 'snapshot-difference'
  | 'negative-difference'
  | 'relation-mismatch'
  | 'infeasible';

/** Something wrong in the published files themselves (each one fails the audit). */
export interface Finding {
  readonly kind: FindingKind;
  readonly message: string;
  readonly document?: string;
  readonly logType?: string;
  readonly period?: string;
  readonly row?: string;
  readonly column?: string;
}

export interface Quantity {
  readonly kind: 'T' | 'F' | 'X' | 'N';
  /** Field id (F, N), `x~y` (X), or `logs` (T). */
  readonly name: string;
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  /** Rows are areas (LAs, regions, England) rather than England only or codes. */
  readonly byArea: boolean;
  readonly offset: number;
  /** rows × cols (one snapshot). */
  readonly size: number;
}

export interface BlockSpec {
  readonly year: string;
  readonly logType: string;
  /** Periods by snapshot index (quarters − 1); undefined where the feed has none. */
  readonly periods: readonly (PeriodInfo | undefined)[];
}

export interface FeedBlock extends BlockSpec {
  /** LA codes, then the region codes, then England. */
  readonly areas: readonly string[];
  readonly nLa: number;
  /** Per LA (index < nLa): its region's index among the regions. */
  readonly regionOfLa: Int32Array;
  readonly quantities: readonly Quantity[];
  readonly byKey: ReadonlyMap<string, Quantity>;
  /** Per variable: the published value (NaN unless `state` is Published). */
  readonly values: Float64Array;
  readonly state: Uint8Array;
  /** Per variable: index into `documents` of the first document that shows it (-1 none). */
  readonly where: Int32Array;
  readonly documents: readonly string[];
  readonly findings: Finding[];
}

export interface FeedSource {
  readonly dir: string;
  readonly manifest: Manifest;
  /** Parses a document at `path` relative to the manifest's `base`; throws with the path on failure. */
  readDocument(path: string): unknown;
}

export class FeedError extends Error {
  override name = 'FeedError';
}

/** Opens a feed directory: reads and checks `manifest.json`. */
export function openFeed(dir: string): FeedSource {
  const path = join(dir, 'manifest.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new FeedError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (err) {
    throw new FeedError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new FeedError(`${path}: ${what}`);
  };
  need(typeof manifest === 'object' && manifest !== null && manifest.kind === 'manifest', 'expected "kind": "manifest"');
  need(typeof manifest.schemaVersion === 'string' && manifest.schemaVersion.startsWith('1.'), 'expected a 1.x "schemaVersion"');
  need(typeof manifest.base === 'string', 'expected "base" (the documents folder)');
  need(Array.isArray(manifest.periods), 'expected "periods" to be an array');
  need(typeof manifest.documents === 'object' && manifest.documents !== null, 'expected "documents" (the index)');
  need(Array.isArray(manifest.geography?.las) && Array.isArray(manifest.geography?.regions), 'expected "geography" with "las" and "regions"');
  const root = join(dir, manifest.base);
  return {
    dir,
    manifest,
    readDocument(rel: string): unknown {
      const file = join(root, rel);
      let raw: string;
      try {
        raw = readFileSync(file, 'utf8');
      } catch (err) {
        throw new FeedError(`${rel}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
      try {
        return JSON.parse(raw);
      } catch (err) {
        throw new FeedError(`${rel}: not valid JSON (${(err as Error).message})`);
      }
    },
  };
}

/** The blocks of a feed: every (collection year, log type) that has documents, in manifest order. */
export function listBlocks(manifest: Manifest): BlockSpec[] {
  const out = new Map<string, { year: string; logType: string; periods: (PeriodInfo | undefined)[] }>();
  for (const period of manifest.periods) {
    const byType = manifest.documents[period.id];
    if (!byType) continue;
    for (const logType of Object.keys(byType)) {
      const key = `${period.year}|${logType}`;
      const block = out.get(key) ?? { year: period.year, logType, periods: Array<PeriodInfo | undefined>(SNAPSHOTS).fill(undefined) };
      block.periods[period.quarters - 1] = period;
      out.set(key, block);
    }
  }
  return [...out.values()];
}

/**
 * Crosstab documents of an index: the index lists crossed fields (every two distinct listed
 * fields have a crosstab, the earlier one as x — `crosstabPair` in src/feed/types.ts); an entry
 * with `~` is an explicit `x~y` pair (feeds written before that change).
 */
export function crosstabPaths(crossed: readonly string[]): string[] {
  if (crossed.some((c) => c.includes('~'))) return crossed.filter((c) => c.includes('~'));
  const out: string[] = [];
  for (let i = 0; i < crossed.length; i++) for (let j = i + 1; j < crossed.length; j++) out.push(`${crossed[i]}~${crossed[j]}`);
  return out;
}

const isCountLike = (v: unknown): v is number | string => typeof v === 'number' || typeof v === 'string';

/**
 * Reads every document of one block (and the block's column of each period's `log-types.json`)
 * into variables. Document problems become findings; the block is still returned.
 */
export function readBlock(src: FeedSource, spec: BlockSpec): FeedBlock {
  const { manifest } = src;
  const findings: Finding[] = [];
  const documents: string[] = [];
  const regionCodes = manifest.geography.regions.map((r) => r.code);
  const regionIndex = new Map(regionCodes.map((c, i) => [c, i]));
  const laRegion = new Map(manifest.geography.las.map((la) => [la.code, la.region]));

  // 1. Load the documents (parsed) and learn the shapes.
  interface Loaded { path: string; s: number; period: string; doc: TableDocument | SummaryDocument; role: 'la' | 'national' | 'summary' | 'crosstab' | 'log-types' }
  const loaded: Loaded[] = [];
  const load = (path: string, s: number, period: string, role: Loaded['role']) => {
    try {
      const doc = src.readDocument(path) as TableDocument | SummaryDocument;
      if (typeof doc !== 'object' || doc === null) throw new FeedError(`${path}: expected a JSON object`);
      loaded.push({ path, s, period, doc, role });
    } catch (err) {
      findings.push({ kind: 'unreadable', message: (err as Error).message, document: path, logType: spec.logType, period });
    }
  };
  const loadReport = (path: string, s: number, period: string) => {
    try {
      const doc = src.readDocument(path) as ReportDocument;
      if (typeof doc !== 'object' || doc === null || doc.kind !== 'report' || !Array.isArray(doc.tables) || !Array.isArray(doc.summaries)) {
        throw new FeedError(`${path}: expected a report document: kind "report", tables, summaries`);
      }
      doc.tables.forEach((t, i) => loaded.push({ path: `${path}#tables/${i}`, s, period, doc: t, role: 'la' }));
      doc.summaries.forEach((t, i) => loaded.push({ path: `${path}#summaries/${i}`, s, period, doc: t, role: 'summary' }));
    } catch (err) {
      findings.push({ kind: 'unreadable', message: (err as Error).message, document: path, logType: spec.logType, period });
    }
  };
  spec.periods.forEach((period, s) => {
    if (!period) return;
    const index = manifest.documents[period.id]?.[spec.logType as keyof (typeof manifest.documents)[string]];
    if (!index) return;
    load(`${period.id}/log-types.json`, s, period.id, 'log-types');
    for (const f of index.la ?? []) load(`${period.id}/${spec.logType}/la/${f}.json`, s, period.id, 'la');
    for (const f of index.national ?? []) load(`${period.id}/${spec.logType}/national/${f}.json`, s, period.id, 'national');
    for (const f of index.summary ?? []) load(`${period.id}/${spec.logType}/summary/${f}.json`, s, period.id, 'summary');
    for (const p of crosstabPaths(index.crosstab ?? [])) load(`${period.id}/${spec.logType}/crosstab/${p}.json`, s, period.id, 'crosstab');
    // LA report documents (feed 1.1): their tables and summaries are cut from the LA and summary
    // documents, so every number in them is checked against those like any other document's.
    if (index.report?.length) for (const region of regionCodes) loadReport(DOCUMENT_PATHS.report(period.id, spec.logType, region), s, period.id);
  });

  const shape = (l: Loaded, message: string) =>
    findings.push({ kind: 'shape', message: `${l.path}: ${message}`, document: l.path, logType: spec.logType, period: l.period });
  const isTable = (l: Loaded): l is Loaded & { doc: TableDocument } => {
    const d = l.doc as TableDocument;
    const ok =
      d.kind === 'table' && Array.isArray(d.rows) && Array.isArray(d.cols) && Array.isArray(d.cells) &&
      d.cells.length === d.rows.length && d.cells.every((r) => Array.isArray(r) && r.length === d.cols.length && r.every(isCountLike)) &&
      Array.isArray(d.rowTotals) && d.rowTotals.length === d.rows.length && Array.isArray(d.colTotals) && d.colTotals.length === d.cols.length &&
      (d.regions === undefined ||
        (Array.isArray(d.regions.rows) && Array.isArray(d.regions.cells) && d.regions.cells.length === d.regions.rows.length &&
          d.regions.cells.every((r) => Array.isArray(r) && r.length === d.cols.length) && Array.isArray(d.regions.rowTotals) &&
          d.regions.rowTotals.length === d.regions.rows.length));
    if (!ok) shape(l, 'expected a table: rows, cols, cells (rows × cols), rowTotals, colTotals, total, optional regions of the same width');
    return ok;
  };
  const isSummary = (l: Loaded): l is Loaded & { doc: SummaryDocument } => {
    const d = l.doc as SummaryDocument;
    const ok =
      d.kind === 'summary' && Array.isArray(d.rows) && Array.isArray(d.stats?.n) && d.stats.n.length === d.rows.length &&
      typeof d.england === 'object' && d.england !== null &&
      (d.regions === undefined || (Array.isArray(d.regions.rows) && Array.isArray(d.regions.n) && d.regions.n.length === d.regions.rows.length));
    if (!ok) shape(l, 'expected a summary: rows, stats.n (one per row), england.n, optional regions');
    return ok;
  };

  // Areas: the LAs of the block's area documents (the LAs valid that year), then regions, England.
  const laList: string[] = [];
  const laSeen = new Set<string>();
  const addLas = (rows: readonly string[], l: Loaded) => {
    for (const code of rows) {
      if (laSeen.has(code)) continue;
      if (!laRegion.has(code) || !regionIndex.has(laRegion.get(code)!)) {
        shape(l, `row ${code} is not an LA of the manifest's geography (with a known region)`);
        continue;
      }
      laSeen.add(code);
      laList.push(code);
    }
  };
  const tables: (Loaded & { doc: TableDocument })[] = [];
  const summaries: (Loaded & { doc: SummaryDocument })[] = [];
  for (const l of loaded) {
    if (l.role === 'summary') {
      if (isSummary(l)) {
        summaries.push(l);
        addLas(l.doc.rows, l);
      }
    } else if (isTable(l)) {
      if (l.role === 'log-types' && !l.doc.cols.includes(spec.logType)) continue; // no column for this block
      tables.push(l);
      if (l.role === 'la' || l.role === 'log-types') addLas(l.doc.rows, l);
    }
  }
  const nLa = laList.length;
  const areas = [...laList, ...regionCodes, ENGLAND];
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  const regionOfLa = Int32Array.from(laList, (la) => regionIndex.get(laRegion.get(la)!)!);
  const englandRow = areas.length - 1;

  // 2. Quantities.
  const quantities: Quantity[] = [];
  const byKey = new Map<string, Quantity>();
  let offset = 0;
  const define = (kind: Quantity['kind'], name: string, rows: readonly string[], cols: readonly string[], byArea: boolean, l?: Loaded): Quantity | undefined => {
    const key = `${kind}:${name}`;
    const old = byKey.get(key);
    if (old) {
      if (old.cols.length !== cols.length || old.cols.some((c, i) => c !== cols[i])) {
        if (l) shape(l, `categories of ${name} differ from another document of the block (${cols.join(',')} vs ${old.cols.join(',')})`);
        return undefined;
      }
      if (byArea && !old.byArea) {
        if (l) shape(l, `${name} has LA rows here but is England-only elsewhere`);
        return undefined;
      }
      return old;
    }
    const q: Quantity = { kind, name, rows, cols, byArea, offset, size: rows.length * cols.length };
    offset += SNAPSHOTS * q.size;
    quantities.push(q);
    byKey.set(key, q);
    return q;
  };
  const T = define('T', 'logs', areas, ['total'], true)!;
  // LA fields first, so a field's quantity has area rows whenever any document has them.
  const fieldOfTable = (l: Loaded & { doc: TableDocument }): string => l.doc.colDim;
  for (const l of tables) if (l.role === 'la') define('F', fieldOfTable(l), areas, l.doc.cols, true, l);
  for (const l of tables) if (l.role === 'national') define('F', fieldOfTable(l), byKey.has(`F:${fieldOfTable(l)}`) ? areas : [ENGLAND], l.doc.cols, false, l);
  for (const l of tables) {
    if (l.role !== 'crosstab') continue;
    const { rowDim, colDim } = l.doc;
    const fx = byKey.get(`F:${rowDim}`) ?? define('F', rowDim, [ENGLAND], l.doc.rows, false, l);
    const fy = byKey.get(`F:${colDim}`) ?? define('F', colDim, [ENGLAND], l.doc.cols, false, l);
    if (fx && (fx.cols.length !== l.doc.rows.length || fx.cols.some((c, i) => c !== l.doc.rows[i]))) shape(l, `rows differ from the categories of ${rowDim}`);
    if (fy && (fy.cols.length !== l.doc.cols.length || fy.cols.some((c, i) => c !== l.doc.cols[i]))) shape(l, `cols differ from the categories of ${colDim}`);
    define('X', `${rowDim}~${colDim}`, l.doc.rows, l.doc.cols, false, l);
  }
  for (const l of summaries) define('N', l.doc.field, l.doc.rows.length > 0 ? areas : [ENGLAND], ['n'], l.doc.rows.length > 0, l);

  // 3. Values.
  const n = offset;
  const values = new Float64Array(n).fill(NaN);
  const state = new Uint8Array(n);
  const where = new Int32Array(n).fill(-1);
  /** Documents showing a variable as `c`, kept only until a number turns up (to report both). */
  const cWhere = new Int32Array(n).fill(-1);
  const reported = new Set<number>();
  let docIndex = -1;
  let current: Loaded | undefined;
  const put = (q: Quantity, s: number, r: number, c: number, v: unknown, weak = false) => {
    if (r < 0 || c < 0) return;
    const id = q.offset + s * q.size + r * q.cols.length + c;
    const at = () => ({ document: current!.path, logType: spec.logType, period: current!.period, row: q.rows[r]!, column: q.cols[c]! });
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) {
        findings.push({ kind: 'shape', message: `${current!.path}: ${q.rows[r]} × ${q.cols[c]} is ${v}, not a count`, ...at() });
        return;
      }
      if (state[id] === State.Published) {
        if (values[id] !== v && !reported.has(id)) {
          reported.add(id);
          findings.push({
            kind: 'inconsistent-value',
            message: `${q.name} ${q.rows[r]} × ${q.cols[c]}: ${values[id]} in ${documents[where[id]!]} but ${v} in ${current!.path}`,
            ...at(),
          });
        }
        return;
      }
      if (state[id] === State.Suppressed && cWhere[id]! >= 0) {
        findings.push({
          kind: 'suppressed-but-published',
          message: `${q.name} ${q.rows[r]} × ${q.cols[c]} is "c" in ${documents[cWhere[id]!]} but published as ${v} in ${current!.path}`,
          ...at(),
        });
      }
      state[id] = State.Published;
      values[id] = v;
      where[id] = docIndex;
      return;
    }
    if (v === 'c') {
      if (state[id] === State.Published) {
        if (!weak) {
          findings.push({
            kind: 'suppressed-but-published',
            message: `${q.name} ${q.rows[r]} × ${q.cols[c]} is published as ${values[id]} in ${documents[where[id]!]} but "c" in ${current!.path}`,
            ...at(),
          });
        }
        return;
      }
      if (state[id] === State.Absent) {
        state[id] = State.Suppressed;
        where[id] = docIndex;
      }
      if (!weak && cWhere[id]! < 0) cWhere[id] = docIndex;
      return;
    }
    if (v !== 'x' && v !== 'z') findings.push({ kind: 'shape', message: `${current!.path}: ${q.rows[r]} × ${q.cols[c]} is ${JSON.stringify(v)}, not a count or c/x/z`, ...at() });
  };
  const col = (q: Quantity, code: string) => q.cols.indexOf(code);
  for (const l of [...tables, ...summaries]) {
    current = l;
    documents.push(l.path);
    docIndex = documents.length - 1;
    const s = l.s;
    if (l.role === 'summary') {
      const d = (l as Loaded & { doc: SummaryDocument }).doc;
      const q = byKey.get(`N:${d.field}`);
      if (!q) continue;
      if (q.byArea) {
        d.rows.forEach((code, i) => put(q, s, areaIndex.get(code) ?? -1, 0, d.stats.n[i]));
        d.regions?.rows.forEach((code, i) => put(q, s, areaIndex.get(code) ?? -1, 0, d.regions!.n[i]));
      }
      put(q, s, q.byArea ? englandRow : 0, 0, d.england.n);
      continue;
    }
    const d = (l as Loaded & { doc: TableDocument }).doc;
    if (l.role === 'log-types') {
      const k = d.cols.indexOf(spec.logType);
      d.rows.forEach((code, i) => put(T, s, areaIndex.get(code) ?? -1, 0, d.cells[i]![k]));
      d.regions?.rows.forEach((code, i) => put(T, s, areaIndex.get(code) ?? -1, 0, d.regions!.cells[i]![k]));
      put(T, s, englandRow, 0, d.colTotals[k]);
      continue;
    }
    if (l.role === 'crosstab') {
      const q = byKey.get(`X:${d.rowDim}~${d.colDim}`);
      const fx = byKey.get(`F:${d.rowDim}`);
      const fy = byKey.get(`F:${d.colDim}`);
      if (!q || !fx || !fy || q.cols.length !== d.cols.length) continue;
      const ex = fx.byArea ? englandRow : 0;
      const ey = fy.byArea ? englandRow : 0;
      d.cells.forEach((row, i) => row.forEach((v, j) => put(q, s, i, j, v)));
      d.rowTotals.forEach((v, i) => put(fx, s, ex, col(fx, d.rows[i]!), v));
      d.colTotals.forEach((v, j) => put(fy, s, ey, col(fy, d.cols[j]!), v));
      put(T, s, englandRow, 0, d.total);
      continue;
    }
    const q = byKey.get(`F:${d.colDim}`);
    if (!q || q.cols.length !== d.cols.length) continue;
    const e = q.byArea ? englandRow : 0;
    if (l.role === 'la') {
      d.rows.forEach((code, i) => {
        const a = areaIndex.get(code) ?? -1;
        const row = d.cells[i]!;
        row.forEach((v, j) => put(q, s, a, j, v));
        // An LA row suppressed whole hides its total here by convention; the same total may be
        // published elsewhere (log-types.json, other tables) — not a contradiction.
        const whole = row.every((v) => v === 'c');
        put(T, s, a, 0, d.rowTotals[i], whole);
      });
      d.regions?.rows.forEach((code, i) => {
        const a = areaIndex.get(code) ?? -1;
        d.regions!.cells[i]!.forEach((v, j) => put(q, s, a, j, v));
        put(T, s, a, 0, d.regions!.rowTotals[i]);
      });
    } else {
      d.rows.forEach((code, i) => {
        if (code !== ENGLAND) shape(l, `a national table has row ${code}, expected ${ENGLAND} only`);
        else {
          d.cells[i]!.forEach((v, j) => put(q, s, e, j, v));
          put(T, s, englandRow, 0, d.rowTotals[i]);
        }
      });
    }
    d.colTotals.forEach((v, j) => put(q, s, e, j, v));
    put(T, s, englandRow, 0, d.total);
  }
  return { ...spec, areas, nLa, regionOfLa, quantities, byKey, values, state, where, documents, findings };
}

/** Where a variable is: quantity, snapshot, row and column codes. */
export function locate(block: FeedBlock, id: number): { q: Quantity; s: number; row: string; column: string } {
  let lo = 0, hi = block.quantities.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.quantities[mid]!.offset <= id) lo = mid;
    else hi = mid - 1;
  }
  const q = block.quantities[lo]!;
  const within = id - q.offset;
  const s = Math.floor(within / q.size);
  const k = within - s * q.size;
  const r = Math.floor(k / q.cols.length);
  return { q, s, row: q.rows[r]!, column: q.cols[k - r * q.cols.length]! };
}
