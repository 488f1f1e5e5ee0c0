/** A heading of a chosen level (2–6) without building tag names from strings. */
import { html, type TemplateResult } from 'lit';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** Parses a `heading-level` attribute: 2–6, else `fallback`. */
export function toHeadingLevel(value: unknown, fallback: HeadingLevel = 2): HeadingLevel {
  const n = Number(value);
  return n === 2 || n === 3 || n === 4 || n === 5 || n === 6 ? n : fallback;
}

export function heading(level: HeadingLevel, className: string, content: unknown): TemplateResult {
  switch (level) {
    case 2: return html`<h2 class=${className}>${content}</h2>`;
    case 3: return html`<h3 class=${className}>${content}</h3>`;
    case 4: return html`<h4 class=${className}>${content}</h4>`;
    case 5: return html`<h5 class=${className}>${content}</h5>`;
    default: return html`<h6 class=${className}>${content}</h6>`;
  }
}
