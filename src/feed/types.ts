/**
 * Feed v1: the documents `core-feed build` writes and the elements read (DESIGN §3).
 * The JSON Schema in `schema/feed-v1.schema.json` is the normative form of these types.
 */

/**
 * Semver of the documents this library writes. Minor versions add (1.1: the LA report document and
 * the index's `report` list); a reader of 1.x reads every 1.x feed, so new kinds are optional to it.
 */
export const SCHEMA_VERSION = '1.1.0';

/** GSS shorthand: `c` confidential (suppressed), `x` not available, `z` not applicable. */
export type SymbolCode = 'c' | 'x' | 'z';
/** A published count, or a symbol in its place. */
export type Count = number | SymbolCode;
/** A published mean or median (not rounded to an integer), or a symbol. */
export type Measure = number | SymbolCode;

/** GSS code of England, the root of the area hierarchy. */
export const ENGLAND_CODE = 'E92000001';

/** Code of the "not known, refused or not asked" column every table carries, so margins add up. */
export const NOT_KNOWN = 'unknown';

export type LogTypeId = 'sr-gn' | 'sr-sh' | 'ar-gn' | 'ar-sh' | 'rtb-gn' | 'rtb-sh' | 'sales';

export interface PeriodInfo {
  /** `2024-25` (full collection year) or a year-to-date snapshot `2024-25-q1`, `2024-25-q1-q2`, `2024-25-q1-q3`. */
  readonly id: string;
  /** "2024/25" or "2024/25 Q1–Q3". */
  readonly label: string;
  /** The collection year, `2024-25`. */
  readonly year: string;
  /** Number of quarters covered, 1–4 (4 = the full year). */
  readonly quarters: number;
}

export interface LogTypeInfo {
  readonly id: LogTypeId;
  readonly label: string;
  readonly description: string;
  /** First collection year, `2017-18`. */
  readonly from: string;
  /** Last collection year, if retired. */
  readonly until?: string;
}

export interface CategoryInfo {
  readonly code: string;
  readonly label: string;
}

export interface FieldInfo {
  readonly id: string;
  readonly label: string;
  readonly section: string;
  readonly log: 'lettings' | 'sales';
  readonly kind: 'categorical' | 'numeric' | 'banded';
  /** `la`: published for LAs, regions and England; `national`: England only. */
  readonly show: 'la' | 'national';
  /** Categories of the latest collection year in the feed, in catalogue order, `unknown` last. */
  readonly categories?: readonly CategoryInfo[];
  /** Categories of earlier years (by collection year, `2023-24`) where they differ from `categories`. */
  readonly categoriesByYear?: Readonly<Record<string, readonly CategoryInfo[]>>;
  readonly unit?: string;
}

export interface AreaInfo {
  readonly code: string;
  readonly name: string;
}

export interface LaInfo extends AreaInfo {
  readonly region: string;
}

export interface DisclosureSettings {
  /** Smallest count published (counts 1 … minCount − 1 are suppressed). */
  readonly minCount: number;
  /** Smallest count on which a mean or median is published. */
  readonly meanThreshold: number;
  /**
   * LA tables, LA summaries and crosstabs are published only for log types whose median LA with
   * logs has at least this many in the year (absent in feeds built before the rule).
   */
  readonly detailMinLogs?: number;
  /** Description of the secondary suppression and audit in force. */
  readonly method: string;
  /** The information lost, by table kind, over the whole feed (every period and log type). */
  readonly suppressed?: Readonly<Partial<Record<TableKind, SuppressionCount>>>;
}

/**
 * Kinds of published table: logs by area and log type; LA tables (LAs, regions, England);
 * national-only one-way tables; crosstabs; numeric summaries (counts and the sums behind means).
 */
export type TableKind = 'logs' | 'la' | 'national' | 'crosstab' | 'summary';

export interface SuppressionCount {
  /** Distinct published cells (a cell shown in several documents counts once). */
  readonly cells: number;
  /** Suppressed by the primary rule: counts of 1–2, small LA rows, means on few records. */
  readonly primary: number;
  /** Complementary suppressions. */
  readonly secondary: number;
  /** Records behind the suppressed counts. */
  readonly recordsHidden: number;
}

export interface Manifest {
  readonly schemaVersion: string;
  readonly kind: 'manifest';
  readonly generatedAt: string;
  readonly dataVersion: string;
  /**
   * Folder (relative to the manifest) holding this build's documents. It is named by the hash
   * of their content, so every URL under it is immutable and can be cached forever;
   * only `manifest.json` changes between builds.
   */
  readonly base: string;
  readonly periods: readonly PeriodInfo[];
  readonly logTypes: readonly LogTypeInfo[];
  readonly fields: readonly FieldInfo[];
  readonly geography: {
    readonly england: AreaInfo;
    readonly regions: readonly AreaInfo[];
    readonly las: readonly LaInfo[];
  };
  readonly disclosure: DisclosureSettings;
  /**
   * What was built: for each period, the log types present and, per log type, the documents
   * available by kind, as field ids. Paths follow `DOCUMENT_PATHS`; `crosstabPair` finds the
   * document of two crossed fields.
   */
  readonly documents: Readonly<Record<string, Readonly<Partial<Record<LogTypeId, DocumentIndex>>>>>;
  /** `alerts.json` relative to the manifest, when the feed carries alerts. */
  readonly alerts?: string;
}

export interface DocumentIndex {
  /** Fields with an LA table (`la` visibility, categorical or banded). */
  readonly la: readonly string[];
  /** Fields with a national one-way table (every categorical or banded field). */
  readonly national: readonly string[];
  /** Numeric / banded fields with a summary by area (`la`) or England only (`national`). */
  readonly summary: readonly string[];
  /**
   * Fields crossed with each other, in catalogue order: every two distinct listed fields have a
   * crosstab, stored once with the field listed first as `x` (rows). Listing fields rather than
   * pairs keeps the manifest small (≈ 1,000 pairs per period and log type).
   */
  readonly crosstab: readonly string[];
  /**
   * Since 1.1: the questions of the LA report (`REPORT_SECTIONS`) held by this period and log
   * type's report documents, one per region of `geography.regions` (`DOCUMENT_PATHS.report`).
   * Absent in 1.0 feeds; empty when the block has none of the questions (then no report documents).
   */
  readonly report?: readonly string[];
}

/**
 * The crosstab document holding fields `a` and `b` (in either order) in an index's `crosstab`
 * list: its `x` and `y`, and whether `a` is its columns (`transposed`). `undefined` when the feed
 * does not cross them.
 */
export function crosstabPair(crossed: readonly string[], a: string, b: string): { x: string; y: string; transposed: boolean } | undefined {
  const i = crossed.indexOf(a);
  const j = crossed.indexOf(b);
  if (i < 0 || j < 0 || i === j) return undefined;
  return i < j ? { x: a, y: b, transposed: false } : { x: b, y: a, transposed: true };
}

/** Document paths relative to `manifest.base`. */
export const DOCUMENT_PATHS = {
  logTypes: (period: string) => `${period}/log-types.json`,
  la: (period: string, logType: string, field: string) => `${period}/${logType}/la/${field}.json`,
  national: (period: string, logType: string, field: string) => `${period}/${logType}/national/${field}.json`,
  summary: (period: string, logType: string, field: string) => `${period}/${logType}/summary/${field}.json`,
  crosstab: (period: string, logType: string, x: string, y: string) => `${period}/${logType}/crosstab/${x}~${y}.json`,
  report: (period: string, logType: string, region: string) => `${period}/${logType}/report/${region}.json`,
} as const;

/** Rows for the regions of an area table, and their totals. */
export interface RegionBlock {
  readonly rows: readonly string[];
  readonly cells: readonly (readonly Count[])[];
  readonly rowTotals: readonly Count[];
}

/**
 * A count table. `rowDim` is `area` (rows are LA codes — or only `E92000001` for a national
 * one-way table) or a field id (crosstab); `colDim` is a field id or `logType`.
 * `cells` is row-major; `colTotals` and `total` are England's.
 */
export interface TableDocument {
  readonly schemaVersion: string;
  readonly kind: 'table';
  readonly period: string;
  /** A log type, or `all` for the log-type counts. */
  readonly logType: LogTypeId | 'all';
  readonly rowDim: string;
  readonly colDim: string;
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  readonly cells: readonly (readonly Count[])[];
  readonly rowTotals: readonly Count[];
  readonly colTotals: readonly Count[];
  readonly total: Count;
  /** For area tables with LA rows: the regions (sums of their LAs). */
  readonly regions?: RegionBlock;
}

export interface SummaryStats {
  readonly n: readonly Count[];
  readonly mean: readonly Measure[];
  readonly median: readonly Measure[];
}

/** Numeric summaries by area: LAs in `rows` (empty for a national-only field), then regions and England. */
export interface SummaryDocument {
  readonly schemaVersion: string;
  readonly kind: 'summary';
  readonly period: string;
  readonly logType: LogTypeId;
  readonly field: string;
  readonly unit?: string;
  readonly rows: readonly string[];
  readonly stats: SummaryStats;
  readonly regions?: { readonly rows: readonly string[] } & SummaryStats;
  readonly england: { readonly n: Count; readonly mean: Measure; readonly median: Measure };
}

/**
 * The LA report's questions for one region (since 1.1): everything `<core-la-report>` needs for
 * an LA of the region, the region or England in one request. `tables` are the LA tables of its
 * categorical and banded questions and `summaries` the summaries of its numeric ones
 * (`reportSource`), each cut to the rows of the region's LAs; the `regions` block (every region)
 * and England's margins are whole. Every value and symbol is the one the full document publishes.
 */
export interface ReportDocument {
  readonly schemaVersion: string;
  readonly kind: 'report';
  readonly period: string;
  readonly logType: LogTypeId;
  readonly region: string;
  readonly tables: readonly TableDocument[];
  readonly summaries: readonly SummaryDocument[];
}

/** Safe rich text: a tree of plain strings, never HTML. */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'em' | 'strong'; readonly children: readonly Inline[] }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] };
export type Block =
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

export interface Alert {
  readonly id: string;
  readonly title: string;
  /** ISO date `2024-03-07`. */
  readonly date: string;
  readonly expires?: string;
  readonly body: readonly Block[];
}

export interface AlertsDocument {
  readonly schemaVersion: string;
  readonly kind: 'alerts';
  readonly alerts: readonly Alert[];
}

export type FeedDocument = Manifest | TableDocument | SummaryDocument | ReportDocument | AlertsDocument;
