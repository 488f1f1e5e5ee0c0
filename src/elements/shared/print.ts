/**
 * Print styles for any element: `printStyles` (inside the shadow root) hides interactive parts
 * (`.core-no-print`: controls, toggles, download buttons), prints in black on white, keeps
 * figures and table rows unbroken (`break-inside: avoid`; a long section may break between its
 * figures) and repeats table headers.
 *
 * `@page` cannot live in a shadow root, so `adoptPageStyle(css)` adds a page rule (e.g. A4
 * margins) to the document once, as a constructable stylesheet (no `<style>` element: allowed
 * under a strict CSP without 'unsafe-inline').
 */
import { css } from 'lit';

export const printStyles = css`
  @media print {
    :host {
      color: #000;
    }
    .core-no-print,
    .core-controls,
    .core-view-toggle,
    .core-download {
      display: none !important;
    }
    figure,
    .core-table tr,
    .core-key {
      break-inside: avoid;
    }
    h2,
    h3,
    figcaption {
      break-after: avoid;
    }
    .core-table thead {
      display: table-header-group;
    }
    .core-table-wrap {
      overflow: visible;
    }
    .core-chart {
      max-width: 100%;
    }
    a {
      color: #000;
    }
  }
`;

const sheets = new Map<string, CSSStyleSheet>();

/** Adds `rule` (e.g. `@page { size: A4; margin: 15mm; }`) to the document, once (again if it was removed). */
export function adoptPageStyle(rule: string, doc: Document = document): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  try {
    let sheet = sheets.get(rule);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(rule);
      sheets.set(rule, sheet);
    }
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // An old browser without constructable stylesheets prints with its default margins.
  }
}
