/**
 * A chart/table toggle (or any "show one of these views" switch): a labelled group of
 * GOV.UK-style secondary buttons with `aria-pressed`, so each is a plain, keyboard-operable
 * button that says which view is on. Generic: the views are whatever the element offers
 * (`chart`, `table`, `pie`, …). Styles: `controlStyles` (controls.ts) plus `viewToggleStyles`.
 */
import { css, html, type TemplateResult } from 'lit';

export interface ViewToggle<V extends string> {
  /** Accessible name of the group, e.g. "Show the data as". */
  readonly label: string;
  /** `disabled`: shown but not choosable (say why next to the toggle, e.g. "Pies are not available: …"). */
  readonly views: readonly { readonly value: V; readonly label: string; readonly disabled?: boolean }[];
  readonly value: V;
  readonly onChange: (value: V) => void;
}

export function renderViewToggle<V extends string>(t: ViewToggle<V>): TemplateResult {
  return html`<div class="core-view-toggle" role="group" aria-label=${t.label} part="view-toggle">
    ${t.views.map(
      (v) => html`<button type="button" class="core-button core-button--secondary core-view-toggle__button"
        aria-pressed=${v.value === t.value ? 'true' : 'false'} ?disabled=${v.disabled ?? false} @click=${() => t.onChange(v.value)}>${v.label}</button>`,
    )}
  </div>`;
}

export const viewToggleStyles = css`
  .core-view-toggle {
    display: inline-flex;
    flex-wrap: wrap;
  }
  .core-view-toggle__button {
    margin-right: 0;
  }
  .core-view-toggle__button + .core-view-toggle__button {
    margin-left: -2px;
  }
  .core-view-toggle__button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
    filter: none;
  }
  .core-view-toggle__button[aria-pressed='true'] {
    color: #fff;
    background: var(--core-text-colour, var(--govuk-text-colour, #0b0c0c));
    box-shadow: 0 2px 0 #000;
  }
`;
