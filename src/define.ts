/** Registers every CORE element: the "just make it work" entry (and the CDN bundle's). */
import './define/core-alerts.js';
import './define/core-log-types.js';
import './define/core-la-chart.js';
import './define/core-la-report.js';
import './define/core-crosstab.js';
