/**
 * Shared styles: GOV.UK Design System look, themed through `--core-*-colour` custom properties
 * that fall back to the page's GOV.UK ones and then to GOV.UK Frontend's default palette.
 * Type comes from the host page (`font: inherit`).
 */
import { css } from 'lit';

export const coreStyles = css`
  :host {
    display: block;
    font-family: inherit;
    color: var(--core-text-colour, var(--govuk-text-colour, #0b0c0c));
    line-height: 1.3;
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .core-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  p {
    margin: 0 0 1em;
  }
  .core-secondary {
    color: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
  }
  a {
    color: var(--core-link-colour, var(--govuk-link-colour, #1a65a6));
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.1578em;
  }
  a:visited {
    color: var(--core-link-visited-colour, var(--govuk-link-visited-colour, #54319f));
  }
  a:hover {
    color: var(--core-link-hover-colour, var(--govuk-link-hover-colour, #0f385c));
    text-decoration-thickness: max(3px, 0.1875rem, 0.12em);
  }
  a:focus {
    outline: 3px solid transparent;
    color: var(--core-focus-text-colour, var(--govuk-focus-text-colour, #0b0c0c));
    background-color: var(--core-focus-colour, var(--govuk-focus-colour, #ffdd00));
    box-shadow:
      0 -2px var(--core-focus-colour, var(--govuk-focus-colour, #ffdd00)),
      0 4px var(--core-focus-text-colour, var(--govuk-focus-text-colour, #0b0c0c));
    text-decoration: none;
  }

  /* Status messages: loading, empty, error. */
  .core-status {
    margin: 0 0 1em;
    padding: 0.75em 1em;
    border-left: 5px solid var(--core-border-colour, var(--govuk-border-colour, #cecece));
  }
  .core-status--loading,
  .core-status--empty {
    color: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
  }
  .core-status--error {
    border-left-color: var(--core-error-colour, var(--govuk-error-colour, #ca3535));
  }
  .core-status__title {
    margin: 0 0 0.5em;
    font-weight: 700;
    font-size: 1.125em;
  }
  .core-status__details {
    margin: 0;
    font-size: 0.875em;
    color: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
    overflow-wrap: anywhere;
  }

  /* GOV.UK table. */
  .core-table-wrap {
    overflow-x: auto;
  }
  .core-table {
    width: 100%;
    border-collapse: collapse;
    border-spacing: 0;
    margin: 0 0 1em;
  }
  .core-table caption {
    text-align: left;
    font-weight: 700;
    margin-bottom: 0.5em;
  }
  .core-table th,
  .core-table td {
    padding: 0.6em 1.2em 0.6em 0;
    border-bottom: 1px solid var(--core-border-colour, var(--govuk-border-colour, #cecece));
    text-align: left;
    vertical-align: top;
  }
  .core-table th:last-child,
  .core-table td:last-child {
    padding-right: 0;
  }
  .core-table th {
    font-weight: 700;
  }
  .core-table .core-num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .core-table tfoot th,
  .core-table tfoot td {
    font-weight: 700;
    border-bottom-width: 0;
    border-top: 2px solid var(--core-text-colour, var(--govuk-text-colour, #0b0c0c));
  }
  .core-key {
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  /* A figure's caption, the heading of what an element shows. */
  .core-figure__caption {
    font-weight: 700;
    font-size: 1.25em;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }

  /* Charts: SVG, sized by its viewBox. */
  .core-chart {
    display: block;
    width: 100%;
    height: auto;
    max-width: 440px; /* the viewBox width: text at its design size */
    margin: 0 0 1em;
    overflow: visible;
  }
  .core-chart text {
    fill: currentColor;
    font-family: inherit;
  }
  .core-chart__bar {
    fill: var(--core-series-colour, var(--govuk-brand-colour, #1d70b8));
  }
  .core-chart__gap {
    fill: none;
    stroke: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }
  .core-chart__axis {
    stroke: var(--core-text-colour, var(--govuk-text-colour, #0b0c0c));
    stroke-width: 1;
  }
`;
