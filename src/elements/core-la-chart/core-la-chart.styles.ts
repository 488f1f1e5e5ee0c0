import { css } from 'lit';

/** Styles of the LA figure (also used by `<core-la-report>`). */
export const laChartStyles = css`
  .core-figure {
    margin: 0 0 1.5em;
    min-width: 0;
  }
  .core-figure__subhead {
    font-size: 1.125em;
    margin: 1.5em 0 0.5em;
  }
  .core-summary {
    max-width: 40em;
  }
  .core-note {
    font-size: 0.875em;
    max-width: 40em;
  }
  .core-chart {
    max-width: 40em;
    margin: 0 0 1em;
  }
  .core-chart__row {
    margin: 0 0 0.25em;
  }
  .core-chart__label {
    overflow-wrap: anywhere;
  }
  .core-chart__strip {
    display: block;
    overflow: visible;
  }
  .core-chart__strip text {
    fill: currentColor;
    font-family: inherit;
    font-size: 1em;
  }
  .core-chart__bar--compare {
    fill: var(--core-compare-colour, var(--govuk-secondary-text-colour, #505a5f));
  }
  .core-marker line {
    stroke: var(--core-marker-colour, var(--core-text-colour, var(--govuk-text-colour, #0b0c0c)));
    stroke-width: 2;
  }
  .core-marker__shape {
    fill: var(--core-marker-colour, var(--core-text-colour, var(--govuk-text-colour, #0b0c0c)));
    stroke: #fff;
    stroke-width: 1;
  }
  .core-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .core-legend__swatch {
    vertical-align: -0.15em;
    overflow: visible;
  }
  .core-table-wrap {
    position: relative; /* keeps visually hidden header text inside the scrolling box */
  }
  .core-table-wrap:focus {
    outline: 3px solid var(--core-focus-colour, var(--govuk-focus-colour, #ffdd00));
    outline-offset: 0;
  }
  .core-table__unknown th {
    font-weight: 400;
    font-style: italic;
  }
  .core-table__group th,
  .core-table__group td {
    font-weight: 700;
    background: var(--core-panel-colour, #f3f2f1);
  }
  .core-table-wrap--lazy {
    content-visibility: auto;
    contain-intrinsic-size: auto 30em;
  }
  .core-table--all {
    table-layout: fixed;
    min-width: 40em;
  }
  .core-table--all th:first-child {
    width: 11em;
  }
  .core-table--all th,
  .core-table--all td {
    padding: 0.35em 0.8em 0.35em 0;
    font-size: 0.875em;
  }
  .core-toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-start;
    gap: 0 1em;
  }
`;
