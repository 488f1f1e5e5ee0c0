/**
 * Types of the CORE catalogue: the questions (fields) of the lettings and sales logs and the
 * geography register. Shared by the builder (Node) and the elements (browser).
 */

/** A collection year, named by the calendar year in which it starts: 2024 = 2024/25 (April–March). */
export type CollectionYear = 2021 | 2022 | 2023 | 2024 | 2025 | 2026;
export const COLLECTION_YEARS: readonly CollectionYear[] = [2021, 2022, 2023, 2024, 2025, 2026];

export type LogKind = 'lettings' | 'sales';

/**
 * How a field is summarised:
 * - `categorical`: a code from a closed list → count tables;
 * - `numeric`: a number → summaries (valid count, mean, median);
 * - `banded`: a number that is also tabulated in bands (e.g. age) → both.
 */
export type FieldKind = 'categorical' | 'numeric' | 'banded';

/**
 * Where a field may be published:
 * - `la`: at local authority, region and England level;
 * - `national`: England only (sensitive: armed forces, client groups, illness, referral/reason codes
 *   about prison, probation, hospital, refuge or abuse);
 * - `never`: nowhere (identifiers, postcodes, exact dates, free text, organisations, schemes).
 */
export type Visibility = 'la' | 'national' | 'never';

/** One answer option: the code as it appears in the codes export, and its label. */
export interface Category {
  readonly code: string;
  readonly label: string;
}

/** A numeric band, inclusive lower bound, exclusive upper bound (`null` = open-ended). */
export interface Band {
  readonly code: string;
  readonly label: string;
  readonly min: number;
  readonly max: number | null;
}

export interface Field {
  /** The CORE variable name as exported for the codes CSV (ordinary-user lower-case spelling), e.g. `ecstat1`. */
  readonly id: string;
  readonly log: LogKind;
  /** Question label for people, e.g. "Lead tenant's working situation". */
  readonly label: string;
  /** Form section, used to group fields in pickers, e.g. "Household characteristics". */
  readonly section: string;
  readonly kind: FieldKind;
  readonly visibility: Visibility;
  /**
   * The column holding this field in each year's export, when it differs from `id`
   * (e.g. `national` → `nationality_all` from 2024; support-user sales `AGE1` for `age1`).
   * Keys: collection year; values: the column name for support and ordinary users.
   * The catalogue fills this for every year in which the field was collected (its keys are
   * those years); within a year entry a missing `support` / `user` name means the column is
   * absent from that audience's export (e.g. `wrent` for ordinary users).
   */
  readonly columns?: Partial<Record<CollectionYear, { readonly support?: string; readonly user?: string }>>;
  /** Answer options per collection year (categorical fields). A year without an entry: not collected → `x`. */
  readonly categories?: Partial<Record<CollectionYear, readonly Category[]>>;
  /** Bands for `banded` fields (the same every year). */
  readonly bands?: readonly Band[];
  /** Codes that mean "not known" / "refused" in the export for numeric fields (e.g. `-9`). */
  readonly unknownCodes?: readonly string[];
  /** Unit for numeric fields: `GBP per week`, `years`, `people`, `bedrooms`, `weeks`. */
  readonly unit?: string;
  /**
   * Added by the catalogue: the exported column holds an amount per period that must be made
   * weekly with `toWeekly(value, frequencyCode, basis)`, the frequency code being read from
   * `frequencyColumn`. `audience`: `user` — only ordinary-user exports need it (support
   * exports carry the weekly column itself, e.g. `wrent`); `both` — every export.
   */
  readonly weekly?: {
    readonly frequencyColumn: string;
    readonly basis: 'period' | 'incfreq';
    readonly audience: 'user' | 'both';
  };
}

export interface Region {
  readonly code: string;
  readonly name: string;
}

export interface LocalAuthority {
  readonly code: string;
  readonly name: string;
  /** First collection year in which the code is valid. */
  readonly startYear: number;
  /** Last collection year in which the code is valid (`null`: still valid). */
  readonly endYear: number | null;
  readonly region: string;
  readonly laType: string;
  /** Codes this LA replaced, and codes that replaced it (boundary changes). */
  readonly predecessors: readonly string[];
  readonly successors: readonly string[];
}

export const ENGLAND = { code: 'E92000001', name: 'England' } as const;
