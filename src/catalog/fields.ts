/**
 * The lettings questions the widgets publish — the hand-curated half of the catalogue.
 *
 * Decisions made here: which CORE variables are fields, their labels, form sections, kinds,
 * bands and where they may be shown. Code lists come from `generated/` (data/reference).
 *
 * Visibility rules (DESIGN §4):
 * - `national`: armed forces, supported-housing client groups, health (illness, access needs,
 *   pregnancy), and every field whose codes mention prison, probation, hospital, refuge or
 *   domestic abuse (reason, referral, previous tenure, vacancy reason, previous let type);
 * - `never`: postcodes, UPRN, addresses, exact dates, free text, organisations, schemes, LA codes.
 *
 * Column names: 2023/24+ checked against the export headers by the tests; 2021/22 and 2022/23
 * (one header row) are assumed to use the 2023/24 names.
 */
import type { Category, CollectionYear, Field, FieldKind, Visibility } from './types.js';
import {
  AGE_BANDS, checkbox, cols, countryCategories, derivedOptions, lettingsOptions, mergeYears, years,
  type ByYear, type Columns,
} from './define.js';

const ALL = years(2021);

interface Spec {
  id: string;
  label: string;
  section: string;
  kind?: FieldKind;
  visibility?: Visibility;
  categories?: ByYear<readonly Category[]>;
  /** Default: `id` for support and ordinary users in every year that has categories (else all years). */
  columns?: Columns;
  bands?: Field['bands'];
  unknownCodes?: readonly string[];
  unit?: string;
  weekly?: Field['weekly'];
}

function field(s: Spec): Field {
  const ys = s.categories ? (Object.keys(s.categories).map(Number) as CollectionYear[]) : ALL;
  return {
    id: s.id,
    log: 'lettings',
    label: s.label,
    section: s.section,
    kind: s.kind ?? 'categorical',
    visibility: s.visibility ?? 'la',
    columns: s.columns ?? cols(ys, s.id),
    ...(s.categories ? { categories: s.categories } : {}),
    ...(s.bands ? { bands: s.bands } : {}),
    ...(s.unknownCodes ? { unknownCodes: s.unknownCodes } : {}),
    ...(s.unit ? { unit: s.unit } : {}),
    ...(s.weekly ? { weekly: s.weekly } : {}),
  };
}

const cat = (id: string, label: string, section: string, visibility: Visibility = 'la', key = id): Field =>
  field({ id, label, section, visibility, categories: lettingsOptions(key) });

/** A numeric column only support users' exports carry (weekly amounts are derived by CORE). */
const weeklyAmount = (id: string, label: string, userColumn: string): Field =>
  field({
    id, label, section: 'Income, benefits and rent', kind: 'numeric', unit: 'GBP per week',
    columns: cols(ALL, id, userColumn),
    // Ordinary users' downloads have only the amount per rent period: make it weekly from `period`.
    weekly: { frequencyColumn: 'period', basis: 'period', audience: 'user' },
  });

const ILLNESS_TYPES: readonly (readonly [number, string])[] = [
  [1, 'Vision'], [2, 'Hearing'], [3, 'Mobility'], [4, 'Dexterity'],
  [5, 'Learning, understanding or concentrating'], [6, 'Memory'], [7, 'Mental health'],
  [8, 'Stamina, breathing or fatigue'], [9, 'Socially or behaviourally'], [10, 'Other'],
];

const SETUP = 'Log setup';
const PROPERTY = 'Property information';
const TENANCY = 'Tenancy information';
const HOUSEHOLD = 'Household characteristics';
const NEEDS = 'Household needs';
const SITUATION = 'Household situation';
const MONEY = 'Income, benefits and rent';
const SCHEME = 'Supported housing scheme';
const IDS = 'Identifiers and dates';

export const LETTINGS_FIELDS: readonly Field[] = [
  // --- setup
  cat('needstype', 'Type of need (general needs or supported housing)', SETUP),
  cat('renewal', 'Is this letting a renewal to the same tenant in the same property?', SETUP),

  // --- property
  cat('first_time_property_let_as_social_housing', 'First time the property has been let as social housing', PROPERTY),
  // 2025/26 code 9 mentions refuges → national.
  cat('unitletas', 'Most recent let type of the property', PROPERTY, 'national'),
  // 2023/24+ code 20: tenant moved to long-stay hospital → national.
  cat('rsnvac', 'Reason the property was vacant', PROPERTY, 'national'),
  cat('unittype_gn', 'Type of unit', PROPERTY),
  cat('builtype', 'Type of building', PROPERTY),
  cat('wchair', 'Built or adapted to wheelchair-user standards', PROPERTY),
  field({ id: 'beds', label: 'Number of bedrooms', section: PROPERTY, kind: 'numeric', unit: 'bedrooms' }),
  cat('majorrepairs', 'Major repairs completed during the void period', PROPERTY),

  // --- tenancy
  cat('joint', 'Joint tenancy', TENANCY),
  cat('startertenancy', 'Starter or introductory tenancy', TENANCY),
  cat('tenancy', 'Type of main tenancy', TENANCY),
  field({ id: 'tenancylength', label: 'Length of fixed-term tenancy', section: TENANCY, kind: 'numeric', unit: 'years' }),
  cat('sheltered', 'Sheltered or extra care housing', TENANCY),

  // --- household
  field({ id: 'hhmemb', label: 'Number of people in the household', section: HOUSEHOLD, kind: 'numeric', unit: 'people' }),
  field({
    id: 'hhtype', label: 'Household type', section: HOUSEHOLD,
    categories: derivedOptions('hhtype (derived)', ALL),
    columns: cols(ALL, 'hhtype', null), // derived by CORE: support users' downloads only
  }),
  field({
    id: 'age1', label: "Lead tenant's age", section: HOUSEHOLD, kind: 'banded', unit: 'years',
    bands: AGE_BANDS, unknownCodes: ['-9'],
  }),
  field({
    // `sex1` (gender identity, to 2025/26) became `sexrab1` (sex registered at birth) in 2026/27.
    id: 'sex1', label: "Lead tenant's sex", section: HOUSEHOLD,
    categories: mergeYears(lettingsOptions('sex1'), lettingsOptions('sexrab1')),
    columns: cols(ALL, (y) => (y >= 2026 ? 'sexrab1' : 'sex1'), (y) => (y >= 2026 ? 'sexrab1' : 'sex1')),
  }),
  cat('ethnic_group', "Lead tenant's ethnic group", HOUSEHOLD),
  cat('ethnic', "Lead tenant's ethnic background", HOUSEHOLD),
  field({
    // `national` (grouped codes, to 2023/24) became `nationality_all` (ISO 3166-1 numeric) in 2024/25.
    id: 'nationality_all', label: "Lead tenant's nationality", section: HOUSEHOLD,
    categories: mergeYears(
      lettingsOptions('national'),
      Object.fromEntries(years(2024).map((y) => [y, countryCategories('Tenant')])) as ByYear<readonly Category[]>,
    ),
    columns: cols(ALL, (y) => (y >= 2024 ? 'nationality_all' : 'national'), (y) => (y >= 2024 ? 'nationality_all' : 'national')),
  }),
  cat('ecstat1', "Lead tenant's working situation", HOUSEHOLD),
  cat('armedforces', 'Anyone in the household has served in the UK armed forces', HOUSEHOLD, 'national'),
  cat('leftreg', 'Is the person still serving in the UK armed forces?', HOUSEHOLD, 'national'),
  cat('reservist', 'Seriously injured or ill as a result of serving in the armed forces', HOUSEHOLD, 'national'),
  cat('preg_occ', 'Anyone in the household pregnant', HOUSEHOLD, 'national'),

  // --- needs (health: national)
  cat('housingneeds', 'Anyone in the household has disabled access needs', NEEDS, 'national'),
  cat('housingneeds_type', 'Type of disabled access needs', NEEDS, 'national'),
  cat('housingneeds_other', 'Other disabled access needs', NEEDS, 'national'),
  cat('illness', 'Anyone in the household has a physical or mental health condition or illness', NEEDS, 'national'),
  ...ILLNESS_TYPES.map(([n, what]) =>
    field({
      id: `illness_type_${n}`, label: `Condition or illness affects: ${what}`, section: NEEDS, visibility: 'national',
      categories: checkbox(ALL),
    }),
  ),

  // --- situation
  cat('layear', 'Time lived in the local authority area', SITUATION),
  cat('waityear', 'Time on the housing register or waiting list', SITUATION),
  // Renumbered in 2024/25 (40–43 → 50–53); codes include prison, hospital and domestic abuse.
  cat('reason', 'Reason for leaving last settled home', SITUATION, 'national'),
  cat('prevten', 'Where the household lived immediately before this letting', SITUATION, 'national'),
  cat('homeless', 'Household assessed as homeless by a local authority', SITUATION),
  cat('reasonpref', 'Household given reasonable preference by the local authority', SITUATION),
  field({
    id: 'referral_type', label: 'Source of referral for letting (type)', section: SITUATION, visibility: 'national',
    categories: lettingsOptions('referral_type'),
  }),
  cat('referral', 'Source of referral for letting', SITUATION, 'national'),
  cat('referral_register', 'Source of referral: housing register', SITUATION, 'national'),
  cat('referral_noms', 'Source of referral: nominations', SITUATION, 'national'),
  cat('referral_org', 'Source of referral: referring organisation', SITUATION, 'national'),

  // --- income, benefits and rent
  field({
    id: 'net_income_known', label: 'Household income known', section: MONEY,
    categories: lettingsOptions('net_income_known'),
    columns: cols(ALL, 'net_income_known', null), // support users' downloads only
  }),
  cat('incfreq', 'How often the household receives income', MONEY),
  field({
    id: 'earnings', label: 'Household net income', section: MONEY, kind: 'numeric', unit: 'GBP per week',
    weekly: { frequencyColumn: 'incfreq', basis: 'incfreq', audience: 'both' },
  }),
  cat('hb', 'Housing-related benefits received', MONEY),
  cat('benefits', 'Share of household income from state benefits', MONEY),
  cat('household_charge', 'Household pays rent or other charges', MONEY),
  cat('period', 'Rent period', MONEY),
  cat('hbrentshortfall', 'Outstanding amount after benefits', MONEY),
  weeklyAmount('wrent', 'Weekly basic rent', 'brent'),
  weeklyAmount('wscharge', 'Weekly service charge', 'scharge'),
  weeklyAmount('wpschrge', 'Weekly personal service charge', 'pscharge'),
  weeklyAmount('wsupchrg', 'Weekly support charge', 'supcharg'),
  weeklyAmount('wtcharge', 'Weekly total charge', 'tcharge'),

  // --- supported housing scheme
  field({
    id: 'scheme_primary_client_group', label: 'Scheme primary client group', section: SCHEME, visibility: 'national',
    categories: derivedOptions('scheme_primary_client_group / scheme_secondary_client_group (supported housing)', ALL),
  }),
  field({
    id: 'scheme_secondary_client_group', label: 'Scheme secondary client group', section: SCHEME, visibility: 'national',
    categories: derivedOptions('scheme_primary_client_group / scheme_secondary_client_group (supported housing)', ALL),
  }),
  field({ id: 'scheme_support_type', label: 'Level of support given in the scheme', section: SCHEME, categories: derivedOptions('scheme_support_type', ALL) }),
  field({ id: 'scheme_intended_stay', label: 'Intended length of stay in the scheme', section: SCHEME, categories: derivedOptions('scheme_intended_stay', ALL) }),

  // --- never published: identifiers, addresses, exact dates, free text, organisations, LA codes
  ...(
    [
      ['startdate', 'Tenancy start date', 'startdate', 'startdate'],
      ['voiddate', 'Void date', 'voiddate', 'voiddate'],
      ['mrcdate', 'Major repairs completion date', 'mrcdate', 'mrcdate'],
      ['postcode_full', 'Property postcode', 'postcode_full', 'postcode_full'],
      ['ppostcode_full', 'Postcode of previous accommodation', 'ppostcode_full', 'ppostcode_full'],
      ['uprn', 'Property UPRN', 'uprn', 'uprn'],
      ['address_line1', 'Property address line 1', 'address_line1', 'address_line1'],
      ['tenancycode', 'Tenant code', 'tenancycode', 'tenancycode'],
      ['propcode', 'Property reference', 'propcode', 'propcode'],
      ['reasonother', 'Other reason for leaving last settled home (free text)', 'reasonother', 'reasonother'],
      ['tenancyother', 'Other tenancy type (free text)', 'tenancyother', 'tenancyother'],
      ['owning_organisation_name', 'Owning organisation', 'owning_organisation_name', 'owning_organisation_name'],
      ['managing_organisation_name', 'Managing organisation', 'managing_organisation_name', 'managing_organisation_name'],
      ['scheme_code', 'Supported housing scheme code', 'scheme_code', 'scheme_code'],
      ['location_code', 'Supported housing location code', 'location_code', 'location_code'],
      ['la', 'Local authority code', 'la', null],
      ['prevloc', 'Local authority of previous accommodation (code)', 'prevloc', null],
    ] as const
  ).map(([id, label, support, user]) =>
    field({ id, label, section: IDS, visibility: 'never', columns: cols(ALL, support, user) }),
  ),
];
