/**
 * What a feed year publishes: the fields with data that year, their categories (codes of that
 * year, then `unknown`), the LAs valid that year, and the crosstab pairs. Built once per year from
 * the catalogue; the ingest, the protection and the writer all index by it, so they cannot disagree.
 */
import { FIELDS, categoriesFor, lasInYear, REGIONS } from '../catalog/index.js';
import type { Field, LocalAuthority, LogKind, CollectionYear } from '../catalog/types.js';
import { NOT_KNOWN } from '../feed/types.js';

/** Fields with more categories than this are tabulated nationally only (an LA table of ~200 countries is mostly suppressed). */
export const MAX_LA_CATEGORIES = 40;

const TICK_BOX_ITEM = /^illness_type_\d+$/;

export interface FieldPlan {
  readonly field: Field;
  /** Category codes of this year in catalogue order, then `unknown` (categorical / banded). */
  readonly codes: readonly string[];
  readonly labels: readonly string[];
  /** code or label (as exported in the labels version) → category index. */
  readonly index: ReadonlyMap<string, number>;
  /** Tabulated by LA (else England only). */
  readonly byLa: boolean;
  /** Has count tables (categorical or banded). */
  readonly tabulated: boolean;
  /** Has a numeric summary (numeric or banded). */
  readonly summarised: boolean;
}

export interface YearPlan {
  readonly year: number;
  readonly log: LogKind;
  readonly las: readonly LocalAuthority[];
  readonly laIndex: ReadonlyMap<string, number>;
  /** Region index of each LA. */
  readonly laRegion: Uint16Array;
  readonly fields: readonly FieldPlan[];
  /** Crosstab pairs as indexes into `fields` (both tabulated), x before y in catalogue order. */
  readonly pairs: readonly (readonly [number, number])[];
}

export function planYear(year: number, log: LogKind): YearPlan {
  const las = lasInYear(year);
  const laIndex = new Map(las.map((la, i) => [la.code, i] as const));
  const regionIndex = new Map(REGIONS.map((r, i) => [r.code, i] as const));
  const laRegion = Uint16Array.from(las, (la) => {
    const r = regionIndex.get(la.region);
    if (r === undefined) throw new Error(`LA ${la.code} has unknown region ${la.region}`);
    return r;
  });
  const fields: FieldPlan[] = [];
  for (const field of FIELDS) {
    if (field.log !== log || field.visibility === 'never') continue;
    const plan = planField(field, year as CollectionYear);
    if (plan) fields.push(plan);
  }
  // Crosstabs pair every tabulated question, except the tick-box items of a multi-answer
  // question (illness_type_1 … 10), whose crosses with each other say nothing a reader asks.
  const tabulated = fields.map((f, i) => [f, i] as const).filter(([f]) => f.tabulated && !TICK_BOX_ITEM.test(f.field.id));
  const pairs: [number, number][] = [];
  for (let a = 0; a < tabulated.length; a++) {
    for (let b = a + 1; b < tabulated.length; b++) pairs.push([tabulated[a]![1], tabulated[b]![1]]);
  }
  return { year, log, las, laIndex, laRegion, fields, pairs };
}

function planField(field: Field, year: CollectionYear): FieldPlan | null {
  const summarised = field.kind !== 'categorical';
  let codes: string[] = [];
  let labels: string[] = [];
  if (field.kind === 'categorical') {
    const cats = categoriesFor(field, year);
    if (!cats || cats.length === 0) return null; // not collected this year
    codes = cats.map((c) => c.code);
    labels = cats.map((c) => c.label);
  } else if (field.kind === 'banded') {
    codes = (field.bands ?? []).map((b) => b.code);
    labels = (field.bands ?? []).map((b) => b.label);
  }
  const tabulated = codes.length > 0;
  if (tabulated) {
    codes.push(NOT_KNOWN);
    labels.push('Not known, refused or not asked');
  }
  const index = new Map<string, number>();
  codes.forEach((c, i) => index.set(c, i));
  labels.forEach((l, i) => {
    if (!index.has(l)) index.set(l, i);
  });
  return {
    field,
    codes,
    labels,
    index,
    byLa: field.visibility === 'la' && codes.length <= MAX_LA_CATEGORIES + 1,
    tabulated,
    summarised,
  };
}
