import { css } from 'lit';

/** The report's layout, on screen and on A4 paper. */
export const laReportStyles = css`
  .core-report__header {
    margin: 0 0 1.5em;
    padding: 0 0 1em;
    border-bottom: 2px solid var(--core-text-colour, var(--govuk-text-colour, #0b0c0c));
  }
  .core-report__title {
    font-size: 1.75em;
    line-height: 1.15;
    margin: 0 0 0.4em;
  }
  .core-report__meta {
    margin: 0 0 0.75em;
  }
  .core-report__key-title {
    font-weight: 700;
    margin: 0 0 0.25em;
  }
  .core-report__header .core-key__item {
    margin: 0 0 0.2em;
  }
  .core-report .core-key .core-visually-hidden {
    display: none;
  }
  .core-report__section {
    margin: 0 0 1.5em;
  }
  .core-report__section-title {
    font-size: 1.375em;
    margin: 1em 0 0.6em;
    padding-top: 0.5em;
    border-top: 1px solid var(--core-border-colour, var(--govuk-border-colour, #cecece));
  }
  .core-report .core-figure__caption {
    font-size: 1.125em;
  }
  .core-report__missing {
    color: var(--core-secondary-text-colour, var(--govuk-secondary-text-colour, #484949));
  }
  @media print {
    :host {
      font-size: 10.5pt;
    }
    .core-report__title {
      font-size: 18pt;
    }
    .core-report__section-title {
      font-size: 14pt;
      break-after: avoid;
    }
    .core-report .core-figure {
      break-inside: avoid;
      margin-bottom: 1em;
    }
    .core-report .core-table th,
    .core-report .core-table td {
      padding: 0.25em 0.8em 0.25em 0;
    }
    .core-chart__bar {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
`;
