/**
 * Light, hand-written shape checks for feed v1 documents — small enough for the browser bundle
 * (the builder validates against the full JSON Schema with ajv; the elements only need to know
 * that what they are about to index into is there). Each check returns the first problem as a
 * short phrase, or `undefined` when the document has the shape its type promises.
 */
import type { AlertsDocument, Manifest, TableDocument, Count } from './types.js';

type Problem = string | undefined;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
export const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

/** A count: a non-negative integer or a GSS symbol. */
export function isCount(v: unknown): v is Count {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 0) || v === 'c' || v === 'x' || v === 'z';
}

function countsProblem(v: unknown, length: number, name: string): Problem {
  if (!Array.isArray(v)) return `${name} is not a list`;
  if (v.length !== length) return `${name} has ${v.length} values, expected ${length}`;
  const bad = v.findIndex((c) => !isCount(c));
  return bad === -1 ? undefined : `${name}[${bad}] is not a count or symbol`;
}

function matrixProblem(v: unknown, rows: number, cols: number, name: string): Problem {
  if (!Array.isArray(v)) return `${name} is not a list`;
  if (v.length !== rows) return `${name} has ${v.length} rows, expected ${rows}`;
  for (let r = 0; r < v.length; r++) {
    const p = countsProblem(v[r], cols, `${name}[${r}]`);
    if (p) return p;
  }
  return undefined;
}

function kindProblem(doc: unknown, kind: string): Problem {
  if (!isObj(doc)) return 'it is not a JSON object';
  if (!isStr(doc['schemaVersion'])) return 'schemaVersion is missing';
  if (doc['kind'] !== kind) return `kind is ${JSON.stringify(doc['kind'])}, expected "${kind}"`;
  return undefined;
}

export function manifestProblem(doc: unknown): Problem {
  const k = kindProblem(doc, 'manifest');
  if (k) return k;
  const m = doc as Obj;
  if (!isStr(m['base'])) return 'base is missing';
  if (!isStr(m['dataVersion'])) return 'dataVersion is missing';
  const periods = m['periods'];
  if (!Array.isArray(periods) || !periods.every((p) => isObj(p) && isStr(p['id']) && isStr(p['label']) && isStr(p['year']) && typeof p['quarters'] === 'number')) {
    return 'periods is not a list of periods';
  }
  const logTypes = m['logTypes'];
  if (!Array.isArray(logTypes) || !logTypes.every((t) => isObj(t) && isStr(t['id']) && isStr(t['label']) && isStr(t['description']) && isStr(t['from']))) {
    return 'logTypes is not a list of log types';
  }
  if (!Array.isArray(m['fields']) || !m['fields'].every((f) => isObj(f) && isStr(f['id']) && isStr(f['label']))) return 'fields is not a list of fields';
  const geo = m['geography'];
  if (!isObj(geo)) return 'geography is missing';
  const isArea = (a: unknown) => isObj(a) && isStr(a['code']) && isStr(a['name']);
  if (!isArea(geo['england'])) return 'geography.england is missing';
  if (!Array.isArray(geo['regions']) || !geo['regions'].every(isArea)) return 'geography.regions is not a list of areas';
  if (!Array.isArray(geo['las']) || !geo['las'].every((a) => isArea(a) && isStr((a as Obj)['region']))) return 'geography.las is not a list of local authorities';
  const d = m['disclosure'];
  if (!isObj(d) || typeof d['minCount'] !== 'number' || typeof d['meanThreshold'] !== 'number') return 'disclosure settings are missing';
  if (!isObj(m['documents'])) return 'documents index is missing';
  if (m['alerts'] !== undefined && !isStr(m['alerts'])) return 'alerts is not a path';
  return undefined;
}

export function tableProblem(doc: unknown): Problem {
  const k = kindProblem(doc, 'table');
  if (k) return k;
  const t = doc as Obj;
  if (!isStr(t['period']) || !isStr(t['logType']) || !isStr(t['rowDim']) || !isStr(t['colDim'])) return 'period, logType, rowDim or colDim is missing';
  const rows = t['rows'];
  const cols = t['cols'];
  if (!isStrArray(rows)) return 'rows is not a list of codes';
  if (!isStrArray(cols)) return 'cols is not a list of codes';
  const p =
    matrixProblem(t['cells'], rows.length, cols.length, 'cells') ??
    countsProblem(t['rowTotals'], rows.length, 'rowTotals') ??
    countsProblem(t['colTotals'], cols.length, 'colTotals');
  if (p) return p;
  if (!isCount(t['total'])) return 'total is not a count or symbol';
  const regions = t['regions'];
  if (regions !== undefined) {
    if (!isObj(regions) || !isStrArray(regions['rows'])) return 'regions.rows is not a list of codes';
    const n = regions['rows'].length;
    return matrixProblem(regions['cells'], n, cols.length, 'regions.cells') ?? countsProblem(regions['rowTotals'], n, 'regions.rowTotals');
  }
  return undefined;
}

function inlinesProblem(v: unknown, where: string): Problem {
  if (!Array.isArray(v)) return `${where} is not a list`;
  for (const node of v) {
    if (!isObj(node)) return `${where} holds a non-object`;
    if (node['type'] === 'text') {
      if (!isStr(node['text'])) return `${where} holds text without a string`;
    } else if (node['type'] === 'em' || node['type'] === 'strong' || node['type'] === 'link') {
      if (node['type'] === 'link' && !isStr(node['href'])) return `${where} holds a link without href`;
      const p = inlinesProblem(node['children'], where);
      if (p) return p;
    } else {
      return `${where} holds an unknown node type ${JSON.stringify(node['type'])}`;
    }
  }
  return undefined;
}

export function alertsProblem(doc: unknown): Problem {
  const k = kindProblem(doc, 'alerts');
  if (k) return k;
  const alerts = (doc as Obj)['alerts'];
  if (!Array.isArray(alerts)) return 'alerts is not a list';
  for (const [i, a] of alerts.entries()) {
    const where = `alerts[${i}]`;
    if (!isObj(a) || !isStr(a['id']) || !isStr(a['title']) || !isStr(a['date'])) return `${where} needs an id, a title and a date`;
    if (a['expires'] !== undefined && !isStr(a['expires'])) return `${where}.expires is not a date`;
    const body = a['body'];
    if (!Array.isArray(body)) return `${where}.body is not a list`;
    for (const block of body) {
      if (!isObj(block)) return `${where}.body holds a non-object`;
      if (block['type'] === 'paragraph') {
        const p = inlinesProblem(block['children'], `${where}.body`);
        if (p) return p;
      } else if (block['type'] === 'list') {
        if (typeof block['ordered'] !== 'boolean' || !Array.isArray(block['items'])) return `${where}.body holds a malformed list`;
        for (const item of block['items']) {
          const p = inlinesProblem(item, `${where}.body`);
          if (p) return p;
        }
      } else {
        return `${where}.body holds an unknown block type ${JSON.stringify(block['type'])}`;
      }
    }
  }
  return undefined;
}

export const isManifest = (doc: unknown): doc is Manifest => manifestProblem(doc) === undefined;
export const isTableDocument = (doc: unknown): doc is TableDocument => tableProblem(doc) === undefined;
export const isAlertsDocument = (doc: unknown): doc is AlertsDocument => alertsProblem(doc) === undefined;
