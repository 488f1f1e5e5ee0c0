/**
 * The geography register: English local authorities with validity years, regions and
 * boundary-change links; the nine regions; England.
 */
import type { LocalAuthority, Region } from './types.js';
import { LA_DATA, REGION_DATA } from './generated/geography.js';

export { ENGLAND } from './types.js';

/** Every English LA CORE has used since 2021/22, current and retired. */
export const LOCAL_AUTHORITIES: readonly LocalAuthority[] = LA_DATA;
/** The nine English regions, by code. */
export const REGIONS: readonly Region[] = REGION_DATA;

const byCode = new Map(LA_DATA.map((la) => [la.code, la]));
const regionByCode = new Map(REGION_DATA.map((r) => [r.code, r]));

export const laByCode = (code: string): LocalAuthority | undefined => byCode.get(code.trim().toUpperCase());
export const regionByCodeOf = (code: string): Region | undefined => regionByCode.get(code);

/** Whether the LA's code is valid in collection year `year` (2024 = 2024/25). */
export const isActiveIn = (la: LocalAuthority, year: number): boolean =>
  la.startYear <= year && (la.endYear === null || la.endYear >= year);

/** LAs valid in a collection year, in register order. */
export function lasInYear(year: number): readonly LocalAuthority[] {
  return LA_DATA.filter((la) => isActiveIn(la, year));
}

/** Name key: case, spacing and apostrophe style do not matter. */
export const normaliseLaName = (name: string): string =>
  name.normalize('NFKC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

const nameIndex = new Map<number, Map<string, LocalAuthority>>();
function indexFor(year: number): Map<string, LocalAuthority> {
  let index = nameIndex.get(year);
  if (!index) {
    index = new Map();
    for (const la of lasInYear(year)) {
      const key = normaliseLaName(la.name);
      if (index.has(key)) throw new Error(`catalogue: two LAs named "${la.name}" in ${year}`);
      index.set(key, la);
    }
    nameIndex.set(year, index);
  }
  return index;
}

/**
 * The LA of that name valid in `year` — for ordinary users' exports, which carry only `la_label`.
 * Names are unique within a year (Barnsley and Sheffield changed code in 2025/26, not name).
 */
export const laByName = (name: string, year: number): LocalAuthority | undefined => indexFor(year).get(normaliseLaName(name));
