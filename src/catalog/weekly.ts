/** Weekly equivalents of amounts given per rent period (`period`) or income frequency (`incfreq`). */

/** Payments per year for each `period` code (CORE: weekly = value / 52 × this). */
export const PAYMENTS_PER_YEAR_BY_PERIOD: Readonly<Record<string, number>> = {
  '1': 52, '2': 26, '3': 13, '4': 12, '5': 50, '6': 49, '7': 48, '8': 47, '9': 46, '10': 53, '11': 51,
};
/** Payments per year for each `incfreq` code: 1 weekly, 2 monthly, 3 yearly. */
export const PAYMENTS_PER_YEAR_BY_INCFREQ: Readonly<Record<string, number>> = { '1': 52, '2': 12, '3': 1 };

/** The weekly equivalent, or `undefined` when the frequency code is unknown. Not rounded. */
export function toWeekly(value: number, frequencyCode: string, basis: 'period' | 'incfreq'): number | undefined {
  const perYear = (basis === 'period' ? PAYMENTS_PER_YEAR_BY_PERIOD : PAYMENTS_PER_YEAR_BY_INCFREQ)[frequencyCode.trim()];
  return perYear === undefined || !Number.isFinite(value) ? undefined : (value * perYear) / 52;
}
