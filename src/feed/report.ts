/**
 * The pre-defined LA report's questions, in one place for the builder (which writes one report
 * document per period, log type and region holding them) and `<core-la-report>` (which shows them).
 */
import type { FieldInfo } from './types.js';

export interface ReportSectionSpec {
  readonly title: string;
  readonly fields: readonly string[];
}

/** The key questions of the report, by section (lettings, and sales). */
export const REPORT_SECTIONS: { readonly lettings: readonly ReportSectionSpec[]; readonly sales: readonly ReportSectionSpec[] } = {
  lettings: [
    { title: 'Household', fields: ['hhtype', 'age1', 'sex1', 'ecstat1'] },
    { title: 'Tenancy', fields: ['tenancy', 'startertenancy'] },
    { title: 'Property', fields: ['unittype_gn', 'beds'] },
    { title: 'Rent', fields: ['wrent', 'wtcharge'] },
    { title: 'Previous situation', fields: ['homeless', 'reasonpref', 'layear'] },
  ],
  sales: [
    { title: 'Sale', fields: ['ownershipsch', 'type'] },
    { title: 'Property', fields: ['proptype'] },
    { title: 'Buyers and finance', fields: ['income1', 'savings', 'value', 'deposit', 'mortgageused'] },
    { title: 'Previous situation', fields: ['prevown'] },
  ],
};

/**
 * Which published table of a question the report shows (and its report document holds): a numeric
 * question's summary (`n`, mean, median), else its LA table (a banded question's bands).
 */
export const reportSource = (kind: FieldInfo['kind']): 'summary' | 'la' => (kind === 'numeric' ? 'summary' : 'la');
