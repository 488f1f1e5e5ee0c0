/** Public API of `<core-crosstab>`: the class and its pure transforms (re-exported by src/index.ts). */
export { CoreCrosstab, type CrosstabChart, type CrosstabDisplay } from './core-crosstab.js';
export {
  checkCrosstab, crosstabCsv, crosstabGrid, crosstabSummary, orientCrosstab, toCrosstabData,
  PERCENT_MODES, type CrosstabCounts, type CrosstabData, type CrosstabGrid, type CrosstabValue, type PercentMode, type Percent,
} from './crosstab.view.js';
export { chartGeometry, pieAvailability, type ChartGeometry, type PieAvailability } from './crosstab.chart.js';
