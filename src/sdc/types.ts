/**
 * The linked-table model of disclosure control (tau-ARGUS's "linked tables"): every number a
 * feed publishes — and every quantity that can be derived by subtracting published numbers,
 * such as the count added between two year-to-date snapshots — is a cell of one system, and
 * every published total is an additive relation between cells. A cell that appears in several
 * documents is one cell here, so it has one status everywhere.
 */

/** What a cell holds. Counts follow the count rules; sums (behind means) follow the sum rule. */
export type CellKind = 'count' | 'sum';

/** `kinds[cell]` codes. */
export const KIND_COUNT = 0;
export const KIND_SUM = 1;

export interface LinkedSystem {
  /** Cell values (non-negative). Index = cell id. */
  readonly values: ArrayLike<number>;
  /** Per cell: 0 count, 1 sum (`KIND_COUNT`, `KIND_SUM`). */
  readonly kinds: ArrayLike<number>;
  /**
   * Per cell: 1 if it is published (a candidate for suppression), 0 if it is internal — never
   * published but sensitive, e.g. the count of one quarter, which the snapshots reveal by difference.
   */
  readonly published: ArrayLike<number>;
  /**
   * Per cell: 1 if the builder marks it primary regardless of its value (e.g. every cell of an LA
   * row whose valid total is below the threshold, or the sum behind a mean on fewer than 3 records).
   */
  readonly forcedPrimary: ArrayLike<number>;
  /**
   * Additive relations `total = Σ parts`, by cell id: either one object per relation, or — for
   * millions of relations, without an object each — the packed form (see `PackedRelations`).
   */
  readonly relations: readonly Relation[] | PackedRelations;
}

export interface Relation {
  readonly total: number;
  readonly parts: readonly number[];
}

/**
 * Relations packed into flat arrays: relation `r` is `totals[r] = Σ parts[starts[r] .. starts[r+1])`.
 * `starts` has one entry more than `totals`, starts at 0 and ends at `parts.length`.
 */
export interface PackedRelations {
  readonly totals: ArrayLike<number>;
  readonly starts: ArrayLike<number>;
  readonly parts: ArrayLike<number>;
}

/** Cell status after protection. Internal (unpublished) cells keep `Published` (= not suppressed). */
export const enum Status {
  Published = 0,
  Primary = 1,
  Secondary = 2,
}

/** The feasible interval of one audited cell (a primary or a sensitive internal cell). */
export interface CellAudit {
  readonly cell: number;
  /** Minimum of the cell over all relations (LP), rounded to 1e-6. */
  readonly lo: number;
  /** Maximum; `Infinity` when no published relation bounds the cell from above. */
  readonly hi: number;
  /** Protected under the audit rule (`rules.ts`); false whenever the solver did not prove optimality. */
  readonly pass: boolean;
  /** Solver status when it was not optimal (then `pass` is false). */
  readonly solverStatus?: string;
  /**
   * `false` when [lo, hi] is only proven to lie inside the exact interval (the repair loop stops
   * at a proof of protection); absent when it is the exact LP interval.
   */
  readonly exact?: false;
}
