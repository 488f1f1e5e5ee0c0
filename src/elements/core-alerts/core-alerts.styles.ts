import { css } from 'lit';

export const alertsStyles = css`
  .core-alerts__list {
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
  }
  .core-alert {
    margin: 0 0 1.5em;
    padding: 0 0 1em;
    border-bottom: 1px solid var(--core-border-colour, var(--govuk-border-colour, #cecece));
  }
  .core-alert:last-child {
    border-bottom: 0;
  }
  .core-alert__title,
  .core-alerts__year {
    margin: 0 0 0.3em;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  .core-alerts__year {
    font-size: 1.5em;
    margin-bottom: 0.75em;
  }
  .core-alert__meta {
    margin: 0 0 0.75em;
    font-size: 0.875em;
  }
  .core-alert__body > :last-child {
    margin-bottom: 0;
  }
  .core-list {
    margin: 0 0 1em;
    padding-left: 1.25em;
  }
  .core-list--bullet {
    list-style-type: disc;
  }
  .core-list--number {
    list-style-type: decimal;
  }
  .core-list li {
    margin-bottom: 0.3em;
  }
  .core-tag {
    display: inline-block;
    margin-left: 0.5em;
    padding: 0.1em 0.4em;
    font-weight: 700;
    font-size: 0.875em;
    color: var(--core-tag-text-colour, #0b0c0c);
    background: var(--core-tag-colour, #f3f3f3);
  }
  .core-alerts__all {
    margin: 0;
    font-weight: 700;
  }
`;
