/**
 * Runs axe-core on an element with GOV.UK Frontend's tags and asserts there are no violations.
 * (chai-a11y-axe's `to.be.accessible()` cannot choose tags.)
 */
import type { AxeResults, RunOptions } from 'axe-core';
import { expect } from '@open-wc/testing';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeGlobal {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

async function loadAxe(): Promise<AxeGlobal> {
  const w = window as unknown as { axe?: AxeGlobal };
  // @ts-expect-error -- the UMD build has no types; importing it registers `window.axe`.
  if (!w.axe) await import('axe-core/axe.min.js');
  if (!w.axe) throw new Error('axe-core did not register window.axe');
  return w.axe;
}

/**
 * Rules that judge the whole page, not a component: a test fixture is a bare `<div>` in
 * `<body>`, so "content must be in landmarks" and "page needs an h1" belong to the embedding
 * page (as in GOV.UK Frontend's component tests).
 */
const PAGE_RULES = { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } };

export async function expectAccessible(el: Element): Promise<void> {
  const axe = await loadAxe();
  const results = await axe.run(el, { runOnly: { type: 'tag', values: AXE_TAGS }, rules: PAGE_RULES, resultTypes: ['violations'] });
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).to.deep.equal([]);
}
