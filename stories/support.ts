/** Helpers shared by the stories: fixture feed URLs (the same feeds the tests use) and fake feeds. */
import type { Feed, RequestOptions } from '../src/feed/client.js';
import { FeedError, type FeedErrorReason } from '../src/feed/errors.js';
import { CoreAlerts } from '../src/elements/core-alerts/core-alerts.js';
import { CoreLogTypes } from '../src/elements/core-log-types/core-log-types.js';

/**
 * Registers the elements. (Not `import '../src/define.js'`: Storybook's bundler honours
 * package.json "sideEffects", which lists only the dist/ define files, so a bare import of
 * the source define module is tree-shaken away and the stories render undefined elements.)
 */
export function defineElements(): void {
  if (!customElements.get('core-alerts')) customElements.define('core-alerts', CoreAlerts);
  if (!customElements.get('core-log-types')) customElements.define('core-log-types', CoreLogTypes);
}

/** A fixture feed from test/fixtures/feeds, served by Storybook (see .storybook/main.ts). */
export const fixtureFeed = (name: string): string => `fixtures/feeds/${name}/`;

/** The names of the fixture feeds, for the `src` control. */
export const FIXTURE_FEEDS = ['basic', 'suppressed', 'empty', 'wrong-version', 'bad-shape', 'not-json', 'hostile', 'does-not-exist'].map(fixtureFeed);

/** A feed that never answers (`never`), or fails every call with `reason` after `delay` ms. */
export function fakeFeed(reason: FeedErrorReason | 'never', delay = 300): Feed {
  const messages: Partial<Record<FeedErrorReason, string>> = {
    network: 'The feed could not be reached at https://cdn.example/feed/manifest.json.',
    timeout: 'No response from https://cdn.example/feed/manifest.json within 15 s.',
    aborted: 'The request for https://cdn.example/feed/manifest.json was cancelled.',
  };
  const fail = (options?: RequestOptions) =>
    new Promise<never>((_, reject) => {
      if (reason === 'never') return;
      const timer = setTimeout(() => reject(new FeedError(reason, messages[reason] ?? `Fake ${reason} failure.`)), delay);
      options?.signal?.addEventListener('abort', () => clearTimeout(timer));
    });
  return { manifest: (_s, o) => fail(o), logTypes: (_s, _p, o) => fail(o), table: (_s, _p, o) => fail(o), alerts: (_s, o) => fail(o) };
}
