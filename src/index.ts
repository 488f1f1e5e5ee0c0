/**
 * The CORE widgets library: element classes, view functions, the feed client and types.
 * Pure re-exports, no side effects — import `core-widgets/define.js` (or one
 * `define/<tag>.js`) to register the tags.
 */
export * from './feed/index.js';
export { CoreFeedElement, type LoadedView } from './elements/shared/feed-element.js';
export * from './elements/shared/events.js';
export * from './elements/shared/format.js';
export * from './elements/shared/messages.js';
export type { ElementState } from './elements/shared/status.js';
export { CoreAlerts } from './elements/core-alerts/core-alerts.js';
export * from './elements/core-alerts/alerts.view.js';
export { CoreLogTypes } from './elements/core-log-types/core-log-types.js';
export * from './elements/core-log-types/log-types.view.js';
export { CoreLaChart } from './elements/core-la-chart/core-la-chart.js';
export { CoreLaReport } from './elements/core-la-report/core-la-report.js';
export * from './elements/core-crosstab/index.js';
