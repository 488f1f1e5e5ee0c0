/**
 * Catalogue tests: real assertions on the real reference data (data/reference via the
 * generated modules). Run: node --import tsx --test test/node/catalog.test.ts
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  COLLECTION_YEARS, ENGLAND, EXPORT_LAYOUTS, FIELDS, LETTINGS_FIELDS, LOCAL_AUTHORITIES, REGIONS, SALES_FIELDS,
  categoriesFor, columnFor, exportHeaders, fieldById, hasExportHeaders, laByCode, laByName, lasInYear,
  lettingsLogColumns, salesLogColumns, toWeekly, yearsFor,
  type Field, type LogKind,
} from '../../src/catalog/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const publishable = (fs: readonly Field[]) => fs.filter((f) => f.visibility !== 'never');
const lettings = (id: string) => must(fieldById(id, 'lettings'), `lettings ${id}`);
const sales = (id: string) => must(fieldById(id, 'sales'), `sales ${id}`);
function must<T>(v: T | undefined, what: string): T {
  assert.ok(v !== undefined, `${what} is missing`);
  return v;
}
const codes = (f: Field, y: number) => (categoriesFor(f, y) ?? []).map((c) => c.code);
const headerNames = (log: LogKind, y: number, support: boolean) => new Set(exportHeaders(log, y, support).map((h) => h.name));

describe('fields', () => {
  test('at least 35 lettings and 15 sales publishable questions, ids unique within a log', () => {
    assert.ok(publishable(LETTINGS_FIELDS).length >= 35, `lettings: ${publishable(LETTINGS_FIELDS).length}`);
    assert.ok(publishable(SALES_FIELDS).length >= 15, `sales: ${publishable(SALES_FIELDS).length}`);
    for (const log of ['lettings', 'sales'] as const) {
      const ids = FIELDS.filter((f) => f.log === log).map((f) => f.id);
      assert.equal(new Set(ids).size, ids.length, `duplicate ${log} ids`);
    }
    assert.equal(FIELDS.length, LETTINGS_FIELDS.length + SALES_FIELDS.length);
    assert.ok(LETTINGS_FIELDS.every((f) => f.log === 'lettings') && SALES_FIELDS.every((f) => f.log === 'sales'));
  });

  test('every field has a label, a section, and columns for the years it exists', () => {
    for (const f of FIELDS) {
      assert.ok(f.label.length > 3 && f.section.length > 3, `${f.log} ${f.id}`);
      assert.ok(yearsFor(f).length > 0, `${f.log} ${f.id} has no years`);
      for (const y of yearsFor(f)) assert.ok(COLLECTION_YEARS.includes(y), `${f.id}: bad year ${y}`);
    }
    assert.deepEqual(yearsFor(lettings('age1')), [2021, 2022, 2023, 2024, 2025, 2026]);
    assert.deepEqual(yearsFor(sales('age1')), [2024, 2025, 2026]);
  });

  test('every categorical field has a code list for exactly the years it exists, without duplicate codes', () => {
    for (const f of publishable(FIELDS).filter((f) => f.kind === 'categorical')) {
      const ys = yearsFor(f);
      assert.deepEqual(Object.keys(f.categories ?? {}).map(Number), [...ys], `${f.log} ${f.id}: category years ≠ column years`);
      for (const y of ys) {
        const list = codes(f, y);
        assert.ok(list.length >= 2, `${f.log} ${f.id} ${y}: ${list.length} categories`);
        assert.equal(new Set(list).size, list.length, `${f.log} ${f.id} ${y}: duplicate codes`);
        for (const c of categoriesFor(f, y) ?? []) assert.ok(c.label.trim().length > 0, `${f.id} ${y} ${c.code}: empty label`);
      }
      for (const y of COLLECTION_YEARS.filter((y) => !ys.includes(y))) {
        assert.equal(categoriesFor(f, y), undefined, `${f.id} has categories in uncollected ${y}`);
        assert.equal(columnFor(f, y, { support: true }), undefined);
      }
    }
  });

  test('numeric and banded fields: unit, bands, unknown codes', () => {
    for (const f of publishable(FIELDS).filter((f) => f.kind !== 'categorical')) {
      assert.ok(f.unit, `${f.log} ${f.id}: no unit`);
      assert.equal(f.categories, undefined, `${f.id}: numeric with categories`);
    }
    for (const f of FIELDS.filter((f) => f.kind === 'banded')) {
      const bands = must(f.bands, `${f.id} bands`);
      for (let i = 1; i < bands.length; i++) assert.equal(bands[i]!.min, bands[i - 1]!.max, `${f.id}: gap before ${bands[i]!.code}`);
      assert.equal(bands.at(-1)!.max, null);
    }
    const age = lettings('age1');
    assert.equal(age.kind, 'banded');
    assert.deepEqual(age.bands?.map((b) => b.code), ['16-24', '25-34', '35-44', '45-54', '55-64', '65+']);
    assert.deepEqual(age.unknownCodes, ['-9']);
    for (const id of ['wrent', 'wtcharge', 'wscharge', 'wpschrge', 'hhmemb', 'beds', 'earnings']) assert.equal(lettings(id).kind, 'numeric', id);
    for (const id of ['value', 'deposit', 'income1', 'savings', 'stairowned', 'equity', 'beds']) assert.equal(sales(id).kind, 'numeric', id);
    assert.equal(lettings('wrent').unit, 'GBP per week');
  });

  test('nationality: `national` (grouped codes) to 2023/24, `nationality_all` (ISO codes) from 2024/25', () => {
    const f = lettings('nationality_all');
    assert.equal(columnFor(f, 2021, { support: true }), 'national');
    assert.equal(columnFor(f, 2023, { support: false }), 'national');
    assert.equal(columnFor(f, 2024, { support: true }), 'nationality_all');
    assert.equal(columnFor(f, 2026, { support: false }), 'nationality_all');
    assert.ok(codes(f, 2021).includes('1') && codes(f, 2021).includes('8'), '2021/22: old per-country codes (8 = Polish)');
    assert.ok(!codes(f, 2022).includes('8') && codes(f, 2022).includes('18'), '2022/23: 18 = United Kingdom');
    assert.ok(codes(f, 2023).includes('21') && !codes(f, 2022).includes('21'), '2023/24 adds 21 = Ukraine');
    assert.ok(codes(f, 2024).includes('826') && codes(f, 2024).includes('0') && !codes(f, 2024).includes('18'));
    assert.equal(categoriesFor(f, 2024)?.find((c) => c.code === '826')?.label, 'United Kingdom');
    assert.ok(codes(f, 2024).length > 150);
    const s = sales('nationality_all');
    assert.equal(columnFor(s, 2024, { support: true }), 'NATIONALITYALL1');
    assert.equal(columnFor(s, 2024, { support: false }), 'nationality_all');
  });

  test('sex: `sex1` (gender identity, with X) to 2025/26, `sexrab1` (no X) in 2026/27', () => {
    const f = lettings('sex1');
    assert.equal(columnFor(f, 2025, { support: true }), 'sex1');
    assert.equal(columnFor(f, 2026, { support: true }), 'sexrab1');
    assert.equal(columnFor(f, 2026, { support: false }), 'sexrab1');
    assert.deepEqual(codes(f, 2025), ['F', 'M', 'X', 'R']);
    assert.deepEqual(codes(f, 2026), ['F', 'M', 'R']);
    const s = sales('sex1');
    assert.equal(columnFor(s, 2025, { support: true }), 'SEX1');
    assert.equal(columnFor(s, 2026, { support: true }), 'SEXRAB1');
    assert.equal(columnFor(s, 2026, { support: false }), 'sexrab1');
    assert.ok(codes(s, 2025).includes('X') && !codes(s, 2026).includes('X'));
  });

  test('reason was renumbered in 2024/25; referral reshaped in 2025/26 and 2026/27', () => {
    const r = lettings('reason');
    for (const y of [2021, 2022, 2023]) {
      assert.ok(codes(r, y).includes('40') && !codes(r, y).includes('50'), `${y}: old tenancy-end codes`);
    }
    for (const y of [2024, 2025, 2026]) {
      assert.ok(codes(r, y).includes('50') && codes(r, y).includes('53') && !codes(r, y).includes('40'), `${y}: new codes`);
    }
    assert.ok(codes(r, 2025).includes('55') && !codes(r, 2024).includes('55'), '2025/26 adds 55 (leaving care)');
    assert.ok(codes(r, 2024).includes('45'), '45 = discharged from prison throughout');

    const ref = lettings('referral');
    assert.deepEqual(yearsFor(ref), [2021, 2022, 2023, 2024, 2025]);
    assert.ok(codes(ref, 2023).includes('12') && codes(ref, 2024).includes('18') && !codes(ref, 2024).includes('12'));
    assert.deepEqual(yearsFor(lettings('referral_type')), [2025]);
    assert.deepEqual(yearsFor(lettings('referral_register')), [2026]);
    assert.equal(columnFor(ref, 2026, { support: true }), undefined);
  });

  test('other year differences: joint from 2022/23, builtype until 2025/26, sales ownership scheme 3 until 2024/25', () => {
    assert.equal(categoriesFor(lettings('joint'), 2021), undefined);
    assert.deepEqual(codes(lettings('joint'), 2022), ['1', '2', '3']);
    assert.equal(columnFor(lettings('builtype'), 2026, { support: true }), undefined);
    assert.ok(codes(lettings('tenancy'), 2024).includes('8') && !codes(lettings('tenancy'), 2023).includes('8'), 'periodic tenancy from 2024');
    assert.deepEqual(codes(sales('ownershipsch'), 2024), ['1', '2', '3']);
    assert.deepEqual(codes(sales('ownershipsch'), 2025), ['1', '2']);
    assert.ok(codes(sales('type'), 2024).includes('10') && !codes(sales('type'), 2025).includes('10'), 'outright sale type until 2024/25');
    assert.ok(codes(sales('type'), 2024).includes('2') && codes(sales('type'), 2024).includes('9'), 'shared + discounted types');
    assert.ok(codes(sales('type'), 2025).includes('27') && !codes(sales('type'), 2026).includes('27'), 'VRTB dropped in 2026/27');
  });
});

describe('columns against the export headers', () => {
  test('every column a field names exists in that year’s export (support and ordinary users)', () => {
    let checked = 0;
    for (const f of FIELDS) {
      for (const y of yearsFor(f)) {
        for (const support of [true, false]) {
          const name = columnFor(f, y, { support });
          if (hasExportHeaders(f.log, y, support)) {
            const names = headerNames(f.log, y, support);
            if (name) {
              assert.ok(names.has(name), `${f.log} ${f.id} ${y} ${support ? 'support' : 'user'}: no column "${name}"`);
              checked++;
            } else {
              // A missing name must mean the export really lacks it.
              const other = columnFor(f, y, { support: !support }) ?? f.id;
              assert.ok(!names.has(other), `${f.log} ${f.id} ${y}: "${other}" is in the ${support ? 'support' : 'user'} export but not mapped`);
            }
          } else if (f.log === 'lettings') {
            // 2021/22 and 2022/23: assumed to use the 2023/24 names.
            assert.ok(y < 2023, `lettings ${y} has headers`);
            const in2023 = columnFor(f, 2023, { support });
            if (in2023) assert.equal(name, in2023, `${f.id} ${y}: name differs from 2023/24`);
          } else {
            // Ordinary-user sales 2025/26: no fixture; the name must be that of 2024/25 or 2026/27.
            assert.equal(y, 2025);
            assert.ok(!support);
            assert.ok(name === columnFor(f, 2024, { support }) || name === columnFor(f, 2026, { support }), `${f.id} 2025 user name ${name}`);
          }
        }
      }
    }
    assert.ok(checked > 600, `only ${checked} column checks`);
  });

  test('ordinary users lack weekly amounts and LA codes in lettings; weekly conversion columns exist', () => {
    const wrent = lettings('wrent');
    assert.equal(columnFor(wrent, 2024, { support: true }), 'wrent');
    assert.equal(columnFor(wrent, 2024, { support: false }), 'brent');
    assert.ok(!headerNames('lettings', 2024, false).has('wrent'));
    assert.equal(columnFor(lettings('la'), 2024, { support: false }), undefined);
    for (const f of FIELDS.filter((f) => f.weekly)) {
      for (const layout of EXPORT_LAYOUTS.filter((l) => l.log === f.log)) {
        assert.ok(headerNames(layout.log, layout.year, layout.support).has(f.weekly!.frequencyColumn), `${f.id} ${layout.year}`);
      }
    }
  });

  test('log-placing columns exist in every export we hold', () => {
    assert.equal(EXPORT_LAYOUTS.length, 13);
    for (const { log, year, support } of EXPORT_LAYOUTS) {
      const names = headerNames(log, year, support);
      const cols = log === 'lettings' ? lettingsLogColumns(support) : salesLogColumns(support);
      for (const [k, v] of Object.entries(cols)) {
        if (v === undefined) continue;
        assert.ok(names.has(v), `${log} ${year} ${support ? 'support' : 'user'}: ${k} → ${v}`);
      }
    }
    assert.ok(!headerNames('lettings', 2025, false).has('la'), 'ordinary-user lettings have no la');
  });

  test('exportHeaders returns the exact lists and refuses years without a fixture', () => {
    const l23 = exportHeaders('lettings', 2023, true);
    assert.equal(l23.length, 209);
    assert.deepEqual(l23[0], { name: 'id', definition: 'Log ID' });
    assert.equal(exportHeaders('lettings', 2026, false).length, 185);
    assert.equal(exportHeaders('sales', 2024, true).length, 145);
    assert.equal(exportHeaders('sales', 2024, true)[17]?.name, 'OWNERSHIP');
    assert.equal(exportHeaders('sales', 2026, false).length, 154);
    assert.equal(hasExportHeaders('sales', 2025, false), false);
    assert.throws(() => exportHeaders('lettings', 2022, true), /no support-user lettings/);
  });
});

describe('visibility', () => {
  test('every never-visibility class is present and never published', () => {
    const never = (log: LogKind) => new Set(FIELDS.filter((f) => f.log === log && f.visibility === 'never').map((f) => f.id));
    const l = never('lettings');
    for (const id of ['postcode_full', 'ppostcode_full', 'uprn', 'address_line1', 'startdate', 'mrcdate', 'voiddate', 'reasonother',
      'tenancyother', 'owning_organisation_name', 'managing_organisation_name', 'scheme_code', 'location_code', 'la', 'prevloc', 'tenancycode']) {
      assert.ok(l.has(id), `lettings never: ${id}`);
    }
    const s = never('sales');
    for (const id of ['day', 'month', 'year', 'pcode1', 'uprn', 'address_line1', 'purchid', 'owning_organisation_name', 'la', 'prevloc']) {
      assert.ok(s.has(id), `sales never: ${id}`);
    }
    for (const f of FIELDS.filter((f) => f.visibility === 'never')) assert.equal(f.categories, undefined, `${f.id}: never field with codes`);
    // No publishable field reads an identifying column.
    const identifying = /postcode|pcode|ppostc|uprn|address|date$|^day$|^month$|^year$|orgname|organisation|scheme_code|location_code|^la$|^prevloc$|reasonother|tenancyother|irproduct_other|othtype|lenderother|gender_description|purchid|tenancycode|propcode/i;
    for (const f of publishable(FIELDS)) {
      for (const y of yearsFor(f)) {
        for (const support of [true, false]) {
          const c = columnFor(f, y, { support });
          if (c) assert.ok(!identifying.test(c), `${f.log} ${f.id} reads identifying column ${c}`);
        }
      }
    }
  });

  test('sensitive questions are national only', () => {
    for (const id of ['armedforces', 'leftreg', 'reservist', 'illness', 'housingneeds', 'housingneeds_type', 'reason', 'referral',
      'referral_org', 'scheme_primary_client_group', 'scheme_secondary_client_group', 'prevten', 'rsnvac']) {
      assert.equal(lettings(id).visibility, 'national', id);
    }
    for (let n = 1; n <= 10; n++) assert.equal(lettings(`illness_type_${n}`).visibility, 'national');
    for (const id of ['hhregres', 'hhregresstill', 'armedforcesspouse', 'disabled', 'wheel']) assert.equal(sales(id).visibility, 'national', id);
    for (const id of ['age1', 'sex1', 'ecstat1', 'tenancy', 'beds', 'wrent']) assert.equal(lettings(id).visibility, 'la', id);
  });

  test('any field whose codes mention prison, probation, hospital, refuge or domestic abuse is national', () => {
    const sensitive = /prison|probation|hospital|refuge|domestic (abuse|violence)|offend/i;
    let hits = 0;
    for (const f of publishable(FIELDS)) {
      for (const y of yearsFor(f)) {
        const hit = (categoriesFor(f, y) ?? []).find((c) => sensitive.test(c.label));
        if (hit) {
          hits++;
          assert.equal(f.visibility, 'national', `${f.log} ${f.id} ${y}: "${hit.label}" but visibility ${f.visibility}`);
        }
      }
    }
    assert.ok(hits >= 10, `scan found only ${hits}`);
  });
});

describe('geography', () => {
  test('322 English LAs, 296 in 2025/26, nine regions, England', () => {
    assert.equal(LOCAL_AUTHORITIES.length, 322);
    assert.equal(new Set(LOCAL_AUTHORITIES.map((l) => l.code)).size, 322);
    assert.ok(LOCAL_AUTHORITIES.every((l) => /^E0[6-9]\d{6}$/.test(l.code)));
    assert.equal(lasInYear(2025).length, 296);
    assert.equal(lasInYear(2026).length, 296);
    assert.equal(LOCAL_AUTHORITIES.filter((l) => l.endYear === null).length, 296);
    assert.equal(REGIONS.length, 9);
    assert.deepEqual(REGIONS.map((r) => r.code), ['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009']);
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    for (const la of LOCAL_AUTHORITIES) assert.ok(regionCodes.has(la.region), `${la.code} region ${la.region}`);
    assert.equal(ENGLAND.code, 'E92000001');
    assert.equal(laByCode('E06000063')?.name, 'Cumberland');
    assert.equal(laByCode('E06000063')?.region, 'E12000002');
  });

  test('boundary changes: Northamptonshire 2021, Cumbria / North Yorkshire / Somerset 2023, Barnsley / Sheffield 2025', () => {
    const preds = (code: string) => [...must(laByCode(code), code).predecessors].sort();
    assert.deepEqual(preds('E06000061'), ['E07000150', 'E07000152', 'E07000153', 'E07000156']);
    assert.deepEqual(preds('E06000062'), ['E07000151', 'E07000154', 'E07000155']);
    assert.deepEqual(preds('E06000063'), ['E07000026', 'E07000028', 'E07000029']);
    assert.deepEqual(preds('E06000064'), ['E07000027', 'E07000030', 'E07000031']);
    assert.deepEqual(preds('E06000065'), ['E07000163', 'E07000164', 'E07000165', 'E07000166', 'E07000167', 'E07000168', 'E07000169']);
    assert.deepEqual(preds('E06000066'), ['E07000187', 'E07000188', 'E07000189', 'E07000246']);
    assert.deepEqual(preds('E08000038'), ['E08000016']);
    assert.deepEqual(preds('E08000039'), ['E08000019']);
    // Old codes stop the year before the new ones start.
    assert.equal(laByCode('E07000150')?.endYear, 2021);
    assert.equal(laByCode('E06000061')?.startYear, 2022);
    assert.equal(laByCode('E07000026')?.endYear, 2022);
    assert.equal(laByCode('E06000065')?.startYear, 2023);
    assert.ok(!lasInYear(2022).some((l) => l.code === 'E07000150'));
    assert.ok(lasInYear(2022).some((l) => l.code === 'E07000026') && !lasInYear(2023).some((l) => l.code === 'E07000026'));
  });

  test('links are symmetric and consistent with validity years', () => {
    let links = 0;
    for (const la of LOCAL_AUTHORITIES) {
      for (const s of la.successors) {
        const succ = must(laByCode(s), s);
        assert.ok(succ.predecessors.includes(la.code), `${la.code} → ${s} not mirrored`);
        assert.equal(la.endYear, succ.startYear - 1, `${la.code} ends ${la.endYear}, ${s} starts ${succ.startYear}`);
        links++;
      }
      for (const p of la.predecessors) assert.ok(must(laByCode(p), p).successors.includes(la.code), `${p} → ${la.code} not mirrored`);
      if (la.endYear !== null) assert.ok(la.successors.length > 0, `${la.code} ends with no successor`);
    }
    assert.equal(links, 26); // 7 Northamptonshire + 6 Cumbria + 7 North Yorkshire + 4 Somerset + 2 Barnsley/Sheffield
  });

  test('laByName resolves every LA uniquely within each year', () => {
    for (const y of COLLECTION_YEARS) {
      const las = lasInYear(y);
      assert.equal(new Set(las.map((l) => l.name.toLowerCase())).size, las.length, `${y}: duplicate names`);
      for (const la of las) assert.equal(laByName(la.name, y)?.code, la.code, `${la.name} ${y}`);
    }
    assert.equal(laByName('Barnsley', 2024)?.code, 'E08000016');
    assert.equal(laByName('barnsley ', 2025)?.code, 'E08000038');
    assert.equal(laByName('KINGSTON UPON HULL,  CITY OF', 2024)?.code, 'E06000010');
    assert.equal(laByName('Corby', 2021)?.code, 'E07000150');
    assert.equal(laByName('Corby', 2022), undefined);
    assert.equal(laByName('Cumberland', 2022), undefined);
    assert.equal(laByName('Nowhere', 2024), undefined);
  });
});

describe('helpers', () => {
  test('fieldById needs the log for ids in both logs', () => {
    assert.throws(() => fieldById('age1'), /pass the log/);
    assert.equal(fieldById('age1', 'sales')?.log, 'sales');
    assert.equal(fieldById('wrent')?.log, 'lettings');
    assert.equal(fieldById('ownershipsch')?.log, 'sales');
    assert.equal(fieldById('nope'), undefined);
  });

  test('toWeekly follows CORE’s weekly equivalents', () => {
    assert.equal(toWeekly(100, '1', 'period'), 100);
    assert.equal(toWeekly(520, '4', 'period'), 120);
    assert.equal(toWeekly(200, '2', 'period'), 100);
    assert.equal(toWeekly(1300, '2', 'incfreq'), 300);
    assert.equal(toWeekly(5200, '3', 'incfreq'), 100);
    assert.equal(toWeekly(100, '99', 'period'), undefined);
  });

  test('generated catalogue modules are up to date with data/reference', () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-catalog.ts', '--check'], { cwd: root, stdio: 'pipe' });
  });
});
