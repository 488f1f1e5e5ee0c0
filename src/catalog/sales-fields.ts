/**
 * The sales questions the widgets publish — hand-curated (see `fields.ts` for the rules).
 *
 * Years: 2024/25–2026/27, the years whose sales export headers we hold. Support users' sales
 * columns are UPPER-CASE or renamed (`OWNERSHIP`, `JOINT`, `NATIONALITYALL1`), so every field
 * names both. There is no ordinary-user sales header fixture for 2025/26: those names are taken
 * to be the ordinary-user names of 2024/25 and 2026/27 (the tests check they agree).
 */
import type { Category, CollectionYear, Field, FieldKind, Visibility } from './types.js';
import { AGE_BANDS, cols, countryCategories, mergeYears, salesOptions, years, type ByYear, type Columns } from './define.js';

export const SALES_YEARS: readonly CollectionYear[] = years(2024);

interface Spec {
  id: string;
  label: string;
  section: string;
  /** Support-user column (UPPER-CASE) — a name, or a function of the year. */
  support: string | ((y: CollectionYear) => string);
  user?: string | ((y: CollectionYear) => string);
  kind?: FieldKind;
  visibility?: Visibility;
  /** Sales question files (sales_answer_options_raw_2023_onwards.json keys) whose options make the code list. */
  options?: readonly string[];
  categories?: ByYear<readonly Category[]>;
  columns?: Columns;
  unit?: string;
  unknownCodes?: readonly string[];
  bands?: Field['bands'];
}

function field(s: Spec): Field {
  const categories = s.categories ?? (s.options ? salesOptions(s.options, SALES_YEARS) : undefined);
  return {
    id: s.id,
    log: 'sales',
    label: s.label,
    section: s.section,
    kind: s.kind ?? 'categorical',
    visibility: s.visibility ?? 'la',
    columns: s.columns ?? cols(SALES_YEARS, s.support, s.user ?? s.id),
    ...(categories ? { categories } : {}),
    ...(s.bands ? { bands: s.bands } : {}),
    ...(s.unknownCodes ? { unknownCodes: s.unknownCodes } : {}),
    ...(s.unit ? { unit: s.unit } : {}),
  };
}

const SETUP = 'Sale setup';
const PROPERTY = 'Property information';
const HOUSEHOLD = 'Household characteristics';
const SITUATION = 'Household situation';
const NEEDS = 'Household needs';
const FINANCE = 'Income, savings and finance';
const IDS = 'Identifiers and dates';

export const SALES_FIELDS: readonly Field[] = [
  field({ id: 'ownershipsch', label: 'Ownership scheme', section: SETUP, support: 'OWNERSHIP', options: ['ownership_scheme'] }),
  field({
    id: 'type', label: 'Type of shared, discounted or outright sale', section: SETUP, support: 'TYPE',
    options: ['shared_ownership_type', 'discounted_ownership_type', 'outright_ownership_type'],
  }),
  field({ id: 'jointpur', label: 'Joint purchase', section: SETUP, support: 'JOINT', options: ['joint_purchase'] }),
  field({ id: 'staircase', label: 'Staircasing transaction', section: SETUP, support: 'STAIRCASE', options: ['staircase'] }),
  field({ id: 'resale', label: 'Resale', section: SETUP, support: 'RESALE', options: ['resale'] }),

  field({ id: 'proptype', label: 'Type of property', section: PROPERTY, support: 'PROPTYPE', options: ['property_unit_type'] }),
  field({ id: 'beds', label: 'Number of bedrooms', section: PROPERTY, support: 'BEDS', kind: 'numeric', unit: 'bedrooms' }),
  field({ id: 'builtype', label: 'Type of building', section: PROPERTY, support: 'BUILTYPE', options: ['property_building_type'] }),
  field({ id: 'wchair', label: 'Built or adapted to wheelchair-user standards', section: PROPERTY, support: 'WCHAIR', options: ['property_wheelchair_accessible'] }),

  field({
    id: 'age1', label: "Buyer 1's age", section: HOUSEHOLD, support: 'AGE1', kind: 'banded', unit: 'years',
    bands: AGE_BANDS, unknownCodes: ['-9'],
  }),
  field({
    // Gender identity `sex1` to 2025/26; sex registered at birth `sexrab1` from 2026/27.
    id: 'sex1', label: "Buyer 1's sex", section: HOUSEHOLD,
    support: (y) => (y >= 2026 ? 'SEXRAB1' : 'SEX1'), user: (y) => (y >= 2026 ? 'sexrab1' : 'sex1'),
    categories: mergeYears(salesOptions(['gender_identity1'], years(2024, 2025)), salesOptions(['sex_registered_at_birth1'], [2026])),
  }),
  field({ id: 'ethnic_group', label: "Buyer 1's ethnic group", section: HOUSEHOLD, support: 'ETHNICGROUP1', options: ['buyer1_ethnic_group'] }),
  field({
    id: 'ethnic', label: "Buyer 1's ethnic background", section: HOUSEHOLD, support: 'ETHNIC',
    options: ['buyer1_ethnic_background_white', 'buyer1_ethnic_background_mixed', 'buyer1_ethnic_background_asian', 'buyer1_ethnic_background_black', 'buyer1_ethnic_background_arab'],
  }),
  field({
    id: 'nationality_all', label: "Buyer 1's nationality", section: HOUSEHOLD, support: 'NATIONALITYALL1',
    categories: Object.fromEntries(SALES_YEARS.map((y) => [y, countryCategories('Buyer')])) as ByYear<readonly Category[]>,
  }),
  field({ id: 'ecstat1', label: "Buyer 1's working situation", section: HOUSEHOLD, support: 'ECSTAT1', options: ['buyer1_working_situation'] }),

  field({ id: 'prevten', label: "Buyer 1's previous tenure", section: SITUATION, support: 'PREVTEN', options: ['buyer1_previous_tenure'] }),
  field({ id: 'prevown', label: 'Any buyer previously owned a property', section: SITUATION, support: 'PREVOWN', options: ['prevown'] }),
  field({ id: 'hhregres', label: 'Any buyer has served as a regular in the UK armed forces', section: SITUATION, support: 'HHREGRES', visibility: 'national', options: ['armed_forces'] }),
  field({ id: 'hhregresstill', label: 'Buyer still serving in the UK armed forces', section: SITUATION, support: 'HHREGRESSTILL', visibility: 'national', options: ['buyer_still_serving'] }),
  field({ id: 'armedforcesspouse', label: 'Any buyer is the spouse or civil partner of an armed forces member', section: SITUATION, support: 'ARMEDFORCESSPOUSE', visibility: 'national', options: ['armed_forces_spouse'] }),

  field({ id: 'disabled', label: 'Anyone in the household considers themselves disabled', section: NEEDS, support: 'DISABLED', visibility: 'national', options: ['household_disability'] }),
  field({ id: 'wheel', label: 'Anyone in the household uses a wheelchair', section: NEEDS, support: 'WHEEL', visibility: 'national', options: ['household_wheelchair'] }),

  field({ id: 'income1', label: "Buyer 1's annual income", section: FINANCE, support: 'INCOME1', kind: 'numeric', unit: 'GBP per year' }),
  field({ id: 'savings', label: "Buyers' savings before purchase", section: FINANCE, support: 'SAVINGS', kind: 'numeric', unit: 'GBP' }),
  field({ id: 'hb', label: 'Housing-related benefits received before purchase', section: FINANCE, support: 'HB', options: ['housing_benefits'] }),
  field({ id: 'value', label: 'Full purchase price', section: FINANCE, support: 'VALUE', kind: 'numeric', unit: 'GBP' }),
  field({ id: 'equity', label: 'Initial equity stake purchased', section: FINANCE, support: 'EQUITY', kind: 'numeric', unit: 'percent' }),
  field({ id: 'stairowned', label: 'Share of the property owned after staircasing', section: FINANCE, support: 'STAIROWNED', kind: 'numeric', unit: 'percent' }),
  field({ id: 'mortgageused', label: 'Mortgage used', section: FINANCE, support: 'MORTGAGEUSED', options: ['mortgageused'] }),
  field({ id: 'mortgage', label: 'Mortgage amount', section: FINANCE, support: 'MORTGAGE', kind: 'numeric', unit: 'GBP' }),
  field({ id: 'deposit', label: 'Cash deposit', section: FINANCE, support: 'DEPOSIT', kind: 'numeric', unit: 'GBP' }),

  // --- never published
  ...(
    [
      ['day', 'Sale completion date: day', 'DAY', 'day'],
      ['month', 'Sale completion date: month', 'MONTH', 'month'],
      ['year', 'Sale completion date: year', 'YEAR', 'year'],
      ['pcode1', 'Property postcode (first part; support users: whole postcode)', 'POSTCODE', 'pcode1'],
      ['ppostc1', 'Postcode of previous accommodation (first part)', 'PPOSTC1', 'ppostc1'],
      ['uprn', 'Property UPRN', 'UPRN', 'uprn'],
      ['address_line1', 'Property address line 1', 'ADDRESS1', 'address_line1'],
      ['purchid', 'Purchaser code', 'PURCHID', 'purchid'],
      ['owning_organisation_name', 'Owning organisation', 'OWNINGORGNAME', 'owning_organisation_name'],
      ['la', 'Local authority code', 'LA', 'la'],
      ['prevloc', 'Local authority of previous accommodation (code)', 'PREVLOC', 'prevloc'],
    ] as const
  ).map(([id, label, support, user]) => field({ id, label, section: IDS, support, user, visibility: 'never' })),
];
