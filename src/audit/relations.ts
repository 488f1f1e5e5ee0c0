/**
 * Every linear relation a reader can build from one block's published numbers (DESIGN §4),
 * as a linked system for the LP audit. Pure.
 *
 * Per snapshot (identities):
 * - hierarchy: region = Σ its LAs (the LAs the block's documents list), England = Σ regions —
 *   for logs by area (T), each category of an LA question (F), and each valid count (N);
 * - margins: T(area) = Σ categories of F(area) (every table carries an `unknown` column, so its
 *   rows add up to the logs); T(England) = Σ categories of a national question;
 * - crosstabs: each row sums to the x question's England count, each column to y's;
 * - banded questions (a table and a summary): N(area) = Σ known categories of F(area).
 * Inequalities, each as an equality with a non-negative slack cell that is never audited:
 * - a numeric question's valid count is at most the logs: N(area) + slack = T(area);
 * - year-to-date snapshots of one year only grow: v(later) = v(earlier) + δ, δ ≥ 0. When both
 *   snapshots are published δ is known (and must not be 1 or 2, nor negative); otherwise δ is
 *   an unknown *internal* cell — the count of those quarters — and is audited.
 *
 * Relations whose cells are all published are checked (they must add up), not solved.
 *
 * A quantity adds no relation in a snapshot in which no document shows any of its numbers (a
 * question published for the full year only), unless a crosstab or valid count shown in that
 * snapshot is made of it: those relations hold whatever the published
 * numbers are, so they would add unknowns and no constraint. Given values for the snapshots that
 * are shown, give each LA the values of its next shown snapshot less a share of the quarters in
 * between, the same share λ = (logs now − logs then) / (logs later − logs then) for all its
 * numbers (λ = 1 past the last shown snapshot, adding the LA's extra logs as `unknown`), and each
 * region and England the sums of their LAs: every cell is ≥ 0 and between its neighbouring
 * snapshots, every LA's row adds up to its logs, and every hierarchy holds.
 */
import { KIND_SUM, type PackedRelations } from '../sdc/types.js';
import { ENGLAND, locate, SNAPSHOTS, State, UNKNOWN_CODE, type FeedBlock, type Finding, type Quantity } from './read-feed.js';

/** What an audited (unknown) cell is. */
export const Role = {
  /** Published (known) or absent: not a variable of the LP. */
  None: 0,
  /** `c` in the feed. */
  Suppressed: 1,
  /** Count added between two snapshots, not both published. */
  Increment: 2,
  /** Slack of an inequality: unknown, never audited. */
  Slack: 3,
  /** Never shown (or only as x/z), yet in a relation: unknown, not audited. */
  Absent: 4,
} as const;

export interface BlockSystem {
  readonly block: FeedBlock;
  /** Cells: the block's variables, then increments, then slacks. */
  readonly n: number;
  /** Known value (NaN for unknown cells). */
  readonly values: Float64Array;
  readonly role: Uint8Array;
  /** 0 count, 1 sum — slacks are marked `sum` so that no count rule ever applies to them. */
  readonly kinds: Uint8Array;
  readonly relations: PackedRelations;
  /** Per increment cell (id − block variables): the later snapshot's variable. */
  readonly incrementOf: Int32Array;
  readonly findings: Finding[];
  /** Relations checked because every cell was published, and relations kept for the LP. */
  readonly stats: { checked: number; solved: number; knownDifferences: number };
}

class Growable {
  data: Int32Array;
  length = 0;
  constructor(n = 1024) {
    this.data = new Int32Array(n);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export function blockSystem(block: FeedBlock): BlockSystem {
  const { quantities, byKey, nLa, regionOfLa, areas } = block;
  const findings: Finding[] = [];
  const nVars = block.values.length;
  const present = block.periods.map((p) => p !== undefined);
  const nReg = areas.length - nLa - 1;
  const england = areas.length - 1;

  // Increments and slacks get ids after the variables.
  const extraValues: number[] = [];
  const extraRole: number[] = [];
  const incrementOf: number[] = [];
  const newCell = (role: number): number => {
    extraValues.push(NaN);
    extraRole.push(role);
    return nVars + extraValues.length - 1;
  };
  const known = (id: number): boolean => id < nVars && block.state[id] === State.Published;
  const valueOf = (id: number): number => (id < nVars ? block.values[id]! : NaN);

  const totals = new Growable();
  const starts = new Growable();
  const parts = new Growable(4096);
  starts.push(0);
  let checked = 0, solved = 0, knownDifferences = 0;
  const scratch: number[] = [];

  const describe = (id: number) => {
    const at = locate(block, id);
    const period = block.periods[at.s]?.id ?? `snapshot ${at.s + 1}`;
    return { text: `${at.q.name} ${at.row} × ${at.column} (${period})`, period, row: at.row, column: at.column, document: block.documents[block.where[id]!] };
  };

  /** Adds `total = Σ parts`, or checks it when every cell is published. */
  const relate = (total: number, list: readonly number[]) => {
    let allKnown = known(total);
    let sum = 0;
    for (const p of list) {
      if (!known(p)) allKnown = false;
      else sum += valueOf(p);
    }
    if (allKnown) {
      checked++;
      if (sum !== valueOf(total)) {
        const t = describe(total);
        findings.push({
          kind: 'relation-mismatch',
          message: `${t.text} is ${valueOf(total)} but its ${list.length} parts add up to ${sum}`,
          logType: block.logType, period: t.period, row: t.row, column: t.column, ...(t.document ? { document: t.document } : {}),
        });
      }
      return;
    }
    solved++;
    totals.push(total);
    for (const p of list) parts.push(p);
    starts.push(parts.length);
  };

  const id = (q: Quantity, s: number, r: number, c: number) => q.offset + s * q.size + r * q.cols.length + c;
  const members = Array.from({ length: nReg }, (_, r) => {
    const out: number[] = [];
    for (let la = 0; la < nLa; la++) if (regionOfLa[la] === r) out.push(la);
    return out;
  });

  /** Whether some document shows a number (or `c`) of `q` in snapshot `s`. */
  const shownIn = (q: Quantity, s: number): boolean => {
    for (let k = 0; k < q.size; k++) if (block.state[q.offset + s * q.size + k] !== State.Absent) return true;
    return false;
  };
  /** The quantities with relations in snapshot `s`: those shown, and the questions a shown crosstab or valid count is made of. */
  const related = (s: number): Set<Quantity> => {
    const out = new Set(quantities.filter((q) => shownIn(q, s)));
    for (const q of [...out]) {
      const names = q.kind === 'X' ? q.name.split('~') : q.kind === 'N' ? [q.name] : [];
      for (const name of names) {
        const f = byKey.get(`F:${name}`);
        if (f) out.add(f);
      }
    }
    return out;
  };

  for (let s = 0; s < SNAPSHOTS; s++) {
    if (!present[s]) continue;
    const hierarchy = (q: Quantity) => {
      for (let c = 0; c < q.cols.length; c++) {
        for (let r = 0; r < nReg; r++) {
          scratch.length = 0;
          for (const la of members[r]!) scratch.push(id(q, s, la, c));
          relate(id(q, s, nLa + r, c), scratch);
        }
        scratch.length = 0;
        for (let r = 0; r < nReg; r++) scratch.push(id(q, s, nLa + r, c));
        relate(id(q, s, england, c), scratch);
      }
    };
    const T = byKey.get('T:logs')!;
    hierarchy(T);
    const active = related(s);
    for (const q of quantities) {
      if (!active.has(q)) continue;
      if (q.kind === 'F') {
        if (q.byArea) hierarchy(q);
        const rows = q.byArea ? areas.length : 1;
        for (let r = 0; r < rows; r++) {
          scratch.length = 0;
          for (let c = 0; c < q.cols.length; c++) scratch.push(id(q, s, r, c));
          relate(id(T, s, q.byArea ? r : england, 0), scratch);
        }
      } else if (q.kind === 'X') {
        const [x, y] = q.name.split('~') as [string, string];
        const fx = byKey.get(`F:${x}`)!, fy = byKey.get(`F:${y}`)!;
        const ex = fx.byArea ? england : 0, ey = fy.byArea ? england : 0;
        for (let i = 0; i < q.rows.length; i++) {
          scratch.length = 0;
          for (let j = 0; j < q.cols.length; j++) scratch.push(id(q, s, i, j));
          relate(id(fx, s, ex, i), scratch);
        }
        for (let j = 0; j < q.cols.length; j++) {
          scratch.length = 0;
          for (let i = 0; i < q.rows.length; i++) scratch.push(id(q, s, i, j));
          relate(id(fy, s, ey, j), scratch);
        }
      } else if (q.kind === 'N') {
        if (q.byArea) hierarchy(q);
        const f = byKey.get(`F:${q.name}`);
        const rows = q.byArea ? areas.length : 1;
        for (let r = 0; r < rows; r++) {
          const area = q.byArea ? r : england;
          if (f && (f.byArea || area === england)) {
            // A banded question: its valid count is the known categories' total.
            const fr = f.byArea ? area : 0;
            scratch.length = 0;
            for (let c = 0; c < f.cols.length; c++) if (f.cols[c] !== UNKNOWN_CODE) scratch.push(id(f, s, fr, c));
            relate(id(q, s, r, 0), scratch);
          } else if (known(id(T, s, area, 0)) && known(id(q, s, r, 0))) {
            checked++;
            if (valueOf(id(q, s, r, 0)) > valueOf(id(T, s, area, 0))) {
              const t = describe(id(q, s, r, 0));
              findings.push({
                kind: 'relation-mismatch',
                message: `${t.text}: valid count ${valueOf(id(q, s, r, 0))} exceeds the ${valueOf(id(T, s, area, 0))} logs`,
                logType: block.logType, period: t.period, row: t.row, column: t.column, ...(t.document ? { document: t.document } : {}),
              });
            }
          } else {
            // Valid count ≤ logs: T = N + slack.
            relate(id(T, s, area, 0), [id(q, s, r, 0), newCell(Role.Slack)]);
          }
        }
      }
    }
  }

  // Year-to-date snapshots: later = earlier + δ (δ ≥ 0), between consecutive published snapshots.
  for (const q of quantities) {
    // Snapshots in which some document shows this quantity (crosstabs: the full year only).
    const snaps = present.flatMap((p, s) => (p && shownIn(q, s) ? [s] : []));
    for (let i = 1; i < snaps.length; i++) {
      const a = snaps[i - 1]!, b = snaps[i]!;
      for (let k = 0; k < q.size; k++) {
        const early = q.offset + a * q.size + k;
        const late = q.offset + b * q.size + k;
        if (known(early) && known(late)) {
          knownDifferences++;
          const d = valueOf(late) - valueOf(early);
          if (d === 1 || d === 2 || d < 0) {
            const t = describe(late);
            const from = block.periods[a]!.id;
            findings.push({
              kind: d < 0 ? 'negative-difference' : 'snapshot-difference',
              message: d < 0
                ? `${t.text} is ${valueOf(late)}, less than ${valueOf(early)} in ${from}`
                : `${t.text} − ${from}: ${valueOf(late)} − ${valueOf(early)} = ${d} records in those quarters (a count of 1 or 2)`,
              logType: block.logType, period: `${t.period} − ${from}`, row: t.row, column: t.column, ...(t.document ? { document: t.document } : {}),
            });
          }
          continue;
        }
        const delta = newCell(Role.Increment);
        incrementOf.push(late);
        relate(late, [early, delta]);
      }
    }
  }

  // Published counts of 1 or 2.
  for (let v = 0; v < nVars; v++) {
    if (!known(v)) continue;
    const x = valueOf(v);
    if (x === 1 || x === 2) {
      const t = describe(v);
      findings.push({
        kind: 'published-small',
        message: `${t.text} is published as ${x} in ${t.document}`,
        logType: block.logType, period: t.period, row: t.row, column: t.column, ...(t.document ? { document: t.document } : {}),
      });
    }
  }

  const n = nVars + extraValues.length;
  const values = new Float64Array(n);
  const role = new Uint8Array(n);
  const kinds = new Uint8Array(n);
  for (let v = 0; v < nVars; v++) {
    values[v] = block.values[v]!;
    role[v] = block.state[v] === State.Suppressed ? Role.Suppressed : block.state[v] === State.Published ? Role.None : Role.Absent;
  }
  // Increments are numbered in creation order among the extra cells; map them.
  const incOf = new Int32Array(extraValues.length).fill(-1);
  let inc = 0;
  for (let e = 0; e < extraValues.length; e++) {
    values[nVars + e] = NaN;
    role[nVars + e] = extraRole[e]!;
    if (extraRole[e] === Role.Slack) kinds[nVars + e] = KIND_SUM;
    if (extraRole[e] === Role.Increment) incOf[e] = incrementOf[inc++]!;
  }
  return {
    block, n, values, role, kinds,
    relations: { totals: totals.view(), starts: starts.view(), parts: parts.view() },
    incrementOf: incOf,
    findings,
    stats: { checked, solved, knownDifferences },
  };
}

export { ENGLAND };
