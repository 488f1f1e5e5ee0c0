import { css } from 'lit';

export const logTypesStyles = css`
  .core-log-types__list {
    margin: 0 0 1.5em;
    padding: 0;
  }
  .core-log-types__item {
    padding: 0.6em 0;
    border-bottom: 1px solid var(--core-border-colour, var(--govuk-border-colour, #cecece));
  }
  .core-log-types__item dt {
    font-weight: 700;
    margin: 0 0 0.2em;
  }
  .core-log-types__item dd {
    margin: 0;
  }
  .core-log-types__collected {
    display: block;
    font-size: 0.875em;
    margin-top: 0.2em;
  }
  .core-figure {
    margin: 0;
  }
  .core-figure .core-table-wrap {
    max-width: 40em;
  }
`;
