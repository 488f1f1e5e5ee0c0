/**
 * Feed rich text (`Block` / `Inline`, src/feed/types.ts) → Lit templates. Text is always bound
 * as text, never parsed as HTML; a link is drawn only if its href is still an absolute
 * https:, http: or mailto: URL (the builder checks this too; a hand-edited feed cannot slip
 * a `javascript:` link through).
 */
import { html, type TemplateResult } from 'lit';
import type { Block, Inline } from '../../feed/types.js';
import { safeHref } from '../../feed/links.js';

export function renderInlines(nodes: readonly Inline[]): (TemplateResult | string)[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'em':
        return html`<em>${renderInlines(node.children)}</em>`;
      case 'strong':
        return html`<strong>${renderInlines(node.children)}</strong>`;
      case 'link': {
        const href = safeHref(node.href);
        return href ? html`<a href=${href}>${renderInlines(node.children)}</a>` : html`${renderInlines(node.children)}`;
      }
      default:
        return '';
    }
  });
}

export function renderBlocks(blocks: readonly Block[]): TemplateResult[] {
  return blocks.map((block) => {
    if (block.type === 'paragraph') return html`<p>${renderInlines(block.children)}</p>`;
    const items = block.items.map((item) => html`<li>${renderInlines(item)}</li>`);
    return block.ordered ? html`<ol class="core-list core-list--number">${items}</ol>` : html`<ul class="core-list core-list--bullet">${items}</ul>`;
  });
}
