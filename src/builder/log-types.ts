/**
 * The seven log types of the old CORE site (DESIGN §3), and how a log maps to one.
 * Social Rent = renttype 1; Affordable Rent = renttype 2 (incl. London Affordable Rent);
 * Rent to Buy = renttype_detail 4; general needs / supported housing = needstype 1 / 2.
 * London Living Rent, other intermediate rent and Specified accommodation are outside the seven.
 */
import type { LogTypeId, LogTypeInfo } from '../feed/types.js';

export const LOG_TYPES: readonly LogTypeInfo[] = [
  { id: 'sr-gn', label: 'Social Rent General Needs', description: 'General needs homes let at a social rent.', from: '2004-05' },
  { id: 'sr-sh', label: 'Social Rent Supported Housing', description: 'Supported housing let at a social rent, with care or support for the tenant.', from: '2004-05' },
  { id: 'ar-gn', label: 'Affordable Rent General Needs', description: 'General needs homes let at up to 80% of local market rent, including London Affordable Rent.', from: '2011-12' },
  { id: 'ar-sh', label: 'Affordable Rent Supported Housing', description: 'Supported housing let at up to 80% of local market rent.', from: '2011-12' },
  { id: 'rtb-gn', label: 'Rent to Buy General Needs', description: 'General needs homes let below market rent so the tenant can save to buy.', from: '2017-18' },
  { id: 'rtb-sh', label: 'Rent to Buy Supported Housing', description: 'Supported housing let under Rent to Buy.', from: '2017-18' },
  { id: 'sales', label: 'Sales', description: 'Sales of social and affordable homes: shared ownership, discounted ownership and outright sales.', from: '2012-13' },
];

export const LOG_TYPE_IDS: readonly LogTypeId[] = LOG_TYPES.map((t) => t.id);
export const LETTINGS_LOG_TYPES: readonly LogTypeId[] = LOG_TYPE_IDS.filter((id) => id !== 'sales');

/**
 * The log type of a lettings log from its codes, or null when it is none of the seven
 * (intermediate rent other than Rent to Buy, Specified accommodation) or the codes are missing.
 */
export function lettingsLogType(needstype: string, renttype: string, renttypeDetail: string): LogTypeId | null {
  const needs = needstype === '1' ? 'gn' : needstype === '2' ? 'sh' : null;
  if (!needs) return null;
  if (renttype === '1') return `sr-${needs}`;
  if (renttype === '2') return `ar-${needs}`;
  if (renttypeDetail === '4') return `rtb-${needs}`;
  return null;
}
