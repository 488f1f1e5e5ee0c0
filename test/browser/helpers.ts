/** Shared test helpers: fixture feed URLs, waiting for an element's state, a fake feed. */
import { oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import type { Feed, RequestOptions } from '../../src/feed/client.js';
import type { CoreErrorEvent } from '../../src/elements/shared/events.js';
import { FeedError, type FeedErrorReason } from '../../src/feed/errors.js';
import type { AlertsDocument, Manifest, TableDocument } from '../../src/feed/types.js';
import type { ElementState } from '../../src/elements/shared/status.js';

/** URL of a fixture feed folder, served by the test runner. */
export const feedUrl = (name: string): string => new URL(`../fixtures/feeds/${name}/`, import.meta.url).href;

/**
 * Resolves when `el` reflects one of `states`. Watches the attribute rather than polling:
 * with two test pages at once, one is in the background, where Chromium throttles timers.
 */
export async function waitForState(el: HTMLElement, states: ElementState | ElementState[], timeout = 8000): Promise<void> {
  const wanted = Array.isArray(states) ? states : [states];
  const matches = () => wanted.includes(el.getAttribute('state') as ElementState);
  if (!matches()) {
    await new Promise<void>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (!matches()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      });
      observer.observe(el, { attributes: true, attributeFilter: ['state'] });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`state is "${el.getAttribute('state')}", expected ${wanted.join(' or ')}`));
      }, timeout);
    });
  }
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
}

/** A feed whose every call fails with `reason` (optionally after `delay` ms) or never settles. */
export function failingFeed(reason: FeedErrorReason | 'never', delay = 0): Feed & { calls: number } {
  const fail = (options?: RequestOptions) =>
    new Promise<never>((_, reject) => {
      feed.calls++;
      if (reason === 'never') return;
      const timer = setTimeout(() => reject(new FeedError(reason, `Fake ${reason} failure.`)), delay);
      options?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new FeedError('aborted', 'Fake request cancelled.'));
      });
    });
  const feed = {
    calls: 0,
    manifest: (_src: string | undefined, o?: RequestOptions): Promise<Manifest> => fail(o),
    logTypes: (_src: string | undefined, _p?: string, o?: RequestOptions): Promise<TableDocument> => fail(o),
    table: (_src: string | undefined, _p: string, o?: RequestOptions): Promise<TableDocument> => fail(o),
    alerts: (_src: string | undefined, o?: RequestOptions): Promise<AlertsDocument> => fail(o),
  };
  return feed;
}

/** Text content of an element's shadow root, whitespace collapsed. */
export const shadowText = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The typed `core-error` event (open-wc's `oneEvent` returns a plain CustomEvent type). */
export const nextError = async (el: HTMLElement): Promise<CoreErrorEvent> => (await oneEvent(el, 'core-error')) as unknown as CoreErrorEvent;

/**
 * Renders a template into a fresh `<div>` in the document. (open-wc's `fixture()` waits for an
 * animation frame for non-Lit elements, and a background test page gets no animation frames.)
 */
export function mount(template: unknown): HTMLDivElement {
  const div = document.createElement('div');
  document.body.append(div);
  render(template, div);
  return div;
}
