/**
 * The feed client: the only code that fetches. One per page (`feedClient`), shared by every
 * element, so ten elements reading one feed make one request per document (DESIGN §2, §6).
 *
 * - De-duplicates concurrent requests for the same URL and caches the parsed JSON (documents
 *   under `manifest.base` are immutable; the manifest is cached for the life of the page).
 *   Failures are not cached, so a later render can retry.
 * - Honours each caller's `AbortSignal`: one caller giving up never cancels the request for the
 *   others; the request itself is cancelled only when every caller has given up.
 * - Times out (default 15 s) with `FeedError('timeout')`.
 * - Checks `schemaVersion` (1.x) and the shape of every document before handing it out.
 */
import type { AlertsDocument, LogTypeId, Manifest, PeriodInfo, TableDocument } from './types.js';
import { DOCUMENT_PATHS, crosstabPair } from './types.js';
import { FeedError } from './errors.js';
import { checkSchemaVersion } from './version.js';
import { alertsProblem, manifestProblem, tableProblem } from './guards.js';

export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

export interface FeedClientOptions {
  /** The fetch to use (default: the global `fetch`). Tests inject a fake. */
  readonly fetch?: FetchLike;
  /** Milliseconds before a request fails with `FeedError('timeout')`. Default 15 000. */
  readonly timeout?: number;
  /** Where `<meta name="core-feed">` and relative `src` URLs are looked up. Default: `document`. */
  readonly document?: Pick<Document, 'querySelector' | 'baseURI'>;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

/** What an element asks a feed for; also implemented by fakes in tests and stories. */
export interface Feed {
  manifest(src: string | undefined, options?: RequestOptions): Promise<Manifest>;
  logTypes(src: string | undefined, period?: string, options?: RequestOptions): Promise<TableDocument>;
  table(src: string | undefined, path: string, options?: RequestOptions): Promise<TableDocument>;
  alerts(src: string | undefined, options?: RequestOptions): Promise<AlertsDocument>;
}

interface Shared {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
  settled: boolean;
}

export const DEFAULT_TIMEOUT = 15_000;

/** The first problem with a document's shape, or `undefined`. */
export type Check = (doc: unknown) => string | undefined;

export class FeedClient implements Feed {
  readonly timeout: number;
  /** Number of network requests started (not counting de-duplicated or cached ones). */
  requestCount = 0;
  private readonly fetchImpl: FetchLike;
  private readonly doc: FeedClientOptions['document'];
  private readonly requests = new Map<string, Shared>();
  private readonly checked = new WeakSet<object>();

  constructor(options: FeedClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.doc = options.document;
  }

  /** Forgets every cached document (e.g. after the feed was rebuilt). */
  clear(): void {
    this.requests.clear();
  }

  /**
   * The manifest URL for `src` — a folder URL (`/feed/`, `/feed`) or a manifest URL
   * (`/feed/manifest.json`) — or, without `src`, for the page's `<meta name="core-feed">`.
   */
  manifestUrl(src?: string): URL {
    const doc = this.doc ?? (typeof document === 'undefined' ? undefined : document);
    const value = src?.trim() || doc?.querySelector('meta[name="core-feed"]')?.getAttribute('content')?.trim();
    if (!value) {
      throw new FeedError('missing', 'No feed given: set the element\'s src attribute or add <meta name="core-feed" content="…"> to the page.');
    }
    let url: URL;
    try {
      url = new URL(value, doc?.baseURI ?? globalThis.location?.href);
    } catch (cause) {
      throw new FeedError('missing', `The feed address "${value}" is not a URL.`, { cause });
    }
    if (/\.json$/i.test(url.pathname)) return url;
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return new URL('manifest.json', url);
  }

  async manifest(src: string | undefined, options: RequestOptions = {}): Promise<Manifest> {
    const url = this.manifestUrl(src).href;
    return this.checkedJson<Manifest>(url, manifestProblem, options);
  }

  /** The period id for `period`, or the latest one the feed has data for; `missing` if it has none. */
  async period(src: string | undefined, period?: string, options: RequestOptions = {}): Promise<PeriodInfo> {
    const manifest = await this.manifest(src, options);
    return findPeriod(manifest, period);
  }

  /** The log-type counts (area × log type) for `period` (default: the latest). */
  async logTypes(src: string | undefined, period?: string, options: RequestOptions = {}): Promise<TableDocument> {
    const manifest = await this.manifest(src, options);
    const p = findPeriod(manifest, period);
    return this.table(src, DOCUMENT_PATHS.logTypes(p.id), options);
  }

  /** The LA table of a categorical field; `missing` unless the manifest's index lists it. */
  async la(src: string | undefined, q: { period: string; logType: LogTypeId; field: string }, options: RequestOptions = {}): Promise<TableDocument> {
    const manifest = await this.manifest(src, options);
    requireIndexed(manifest, q.period, q.logType, 'la', q.field);
    return this.table(src, DOCUMENT_PATHS.la(q.period, q.logType, q.field), options);
  }

  /** The national one-way table of a field; `missing` unless the manifest's index lists it. */
  async national(src: string | undefined, q: { period: string; logType: LogTypeId; field: string }, options: RequestOptions = {}): Promise<TableDocument> {
    const manifest = await this.manifest(src, options);
    requireIndexed(manifest, q.period, q.logType, 'national', q.field);
    return this.table(src, DOCUMENT_PATHS.national(q.period, q.logType, q.field), options);
  }

  /**
   * The crosstab document of two fields as stored (`crosstabPair` says which is its `x`);
   * `missing` unless the manifest's index crosses them.
   */
  async crosstab(src: string | undefined, q: { period: string; logType: LogTypeId; x: string; y: string }, options: RequestOptions = {}): Promise<TableDocument> {
    const manifest = await this.manifest(src, options);
    requireIndexed(manifest, q.period, q.logType, 'crosstab', q.x);
    requireIndexed(manifest, q.period, q.logType, 'crosstab', q.y);
    const pair = crosstabPair(manifest.documents[q.period]![q.logType]!.crosstab, q.x, q.y);
    if (!pair) throw new FeedError('missing', `This feed has no crosstab of "${q.x}" by "${q.y}" (${q.logType}, ${q.period}).`);
    return this.table(src, DOCUMENT_PATHS.crosstab(q.period, q.logType, pair.x, pair.y), options);
  }

  /** Any table document by its path relative to `manifest.base`. */
  table(src: string | undefined, path: string, options: RequestOptions = {}): Promise<TableDocument> {
    return this.document<TableDocument>(src, path, tableProblem, options);
  }

  /** Any document by its path relative to `manifest.base`, its shape checked by `check`. */
  async document<T>(src: string | undefined, path: string, check: Check, options: RequestOptions = {}): Promise<T> {
    const manifest = await this.manifest(src, options);
    return this.checkedJson<T>(this.documentUrl(src, manifest, path), check, options);
  }

  /** The feed's alerts; `missing` if the manifest lists none. */
  async alerts(src: string | undefined, options: RequestOptions = {}): Promise<AlertsDocument> {
    const manifest = await this.manifest(src, options);
    if (!manifest.alerts) throw new FeedError('missing', 'This feed has no alerts (its manifest lists no alerts document).');
    const url = new URL(manifest.alerts, this.manifestUrl(src)).href;
    return this.checkedJson<AlertsDocument>(url, alertsProblem, options);
  }

  /** The absolute URL of a document: `<manifest folder>/<manifest.base><path>`. */
  documentUrl(src: string | undefined, manifest: Manifest, path: string): string {
    return new URL(manifest.base + path, this.manifestUrl(src)).href;
  }

  /** Parsed JSON at `url`, shared with every concurrent and later caller. */
  json(url: string, options: RequestOptions = {}): Promise<unknown> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortedError(url));
    let shared = this.requests.get(url);
    if (!shared) {
      shared = this.start(url);
      this.requests.set(url, shared);
    }
    return this.wait(url, shared, signal);
  }

  private async checkedJson<T>(url: string, check: Check, options: RequestOptions): Promise<T> {
    const doc = await this.json(url, options);
    if (typeof doc === 'object' && doc !== null && this.checked.has(doc)) return doc as T;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      throw new FeedError('shape', `${url} is not a feed document (it is not a JSON object).`, { url });
    }
    checkSchemaVersion((doc as { schemaVersion?: unknown }).schemaVersion, url);
    const problem = check(doc);
    if (problem) throw new FeedError('shape', `${url} is not a valid feed v1 document: ${problem}.`, { url });
    this.checked.add(doc);
    return doc as T;
  }

  private start(url: string): Shared {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new FeedError('timeout', `No response from ${url} within ${this.timeout / 1000} s.`, { url })),
      this.timeout,
    );
    this.requestCount++;
    const promise = (async () => {
      let response: Response;
      try {
        response = await untilAborted(this.fetchImpl(url, { signal: controller.signal }), controller.signal);
      } catch (cause) {
        throw controller.signal.aborted ? reasonOf(controller.signal, url) : new FeedError('network', `The feed could not be reached at ${url}.`, { url, cause });
      }
      if (!response.ok) {
        throw new FeedError('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}.`, { url, status: response.status });
      }
      let text: string;
      try {
        text = await untilAborted(response.text(), controller.signal);
      } catch (cause) {
        throw controller.signal.aborted ? reasonOf(controller.signal, url) : new FeedError('network', `The download of ${url} failed.`, { url, cause });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new FeedError('not-json', `${url} is not JSON (it starts "${text.slice(0, 40).replace(/\s+/g, ' ')}").`, { url, cause });
      }
    })();
    const shared: Shared = { promise, controller, waiters: 0, settled: false };
    promise.then(
      () => { shared.settled = true; clearTimeout(timer); },
      () => {
        shared.settled = true;
        clearTimeout(timer);
        if (this.requests.get(url) === shared) this.requests.delete(url); // failures are not cached
      },
    );
    return shared;
  }

  private wait(url: string, shared: Shared, signal: AbortSignal | undefined): Promise<unknown> {
    shared.waiters++;
    if (!signal) return shared.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        shared.waiters--;
        if (shared.waiters === 0 && !shared.settled) {
          // Nobody wants it any more: cancel the download and forget it.
          shared.controller.abort(abortedError(url));
          if (this.requests.get(url) === shared) this.requests.delete(url);
        }
        reject(abortedError(url));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
        (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error); },
      );
    });
  }
}

/** The latest period the manifest has documents for (by collection year, then quarters covered). */
export function latestPeriod(manifest: Manifest): PeriodInfo | undefined {
  let best: PeriodInfo | undefined;
  for (const p of manifest.periods) {
    if (!manifest.documents[p.id]) continue;
    if (!best || p.year > best.year || (p.year === best.year && p.quarters > best.quarters)) best = p;
  }
  return best;
}

/** `period` (or the latest) as listed by the manifest; `FeedError('missing')` otherwise. */
export function findPeriod(manifest: Manifest, period?: string): PeriodInfo {
  if (!period || period === 'latest') {
    const latest = latestPeriod(manifest);
    if (!latest) throw new FeedError('missing', 'This feed has no data for any period yet.');
    return latest;
  }
  const found = manifest.periods.find((p) => p.id === period);
  if (!found || !manifest.documents[period]) {
    const known = manifest.periods.filter((p) => manifest.documents[p.id]).map((p) => p.id);
    throw new FeedError('missing', `This feed has no data for period "${period}"${known.length ? ` (it has ${known.join(', ')})` : ''}.`);
  }
  return found;
}

function requireIndexed(manifest: Manifest, period: string, logType: LogTypeId, kind: 'la' | 'national' | 'crosstab', key: string): void {
  findPeriod(manifest, period);
  const index = manifest.documents[period]?.[logType];
  if (!index) throw new FeedError('missing', `This feed has no ${logType} data for period "${period}".`);
  if (!index[kind].includes(key)) throw new FeedError('missing', `This feed has no ${kind} table for "${key}" (${logType}, ${period}).`);
}

function abortedError(url: string): FeedError {
  return new FeedError('aborted', `The request for ${url} was cancelled.`, { url });
}

function reasonOf(signal: AbortSignal, url: string): FeedError {
  return signal.reason instanceof FeedError ? signal.reason : abortedError(url);
}

/** `promise`, or a rejection as soon as `signal` aborts (even if the fetch ignores its signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

const CLIENT_KEY = Symbol.for('core-widgets.feed-client');

/**
 * The page's feed client. Kept on `globalThis` under a registered symbol so that two copies
 * of the library on one page (e.g. the npm build and the CDN bundle) still share one client.
 */
export const feedClient: FeedClient = ((globalThis as Record<symbol, unknown>)[CLIENT_KEY] as FeedClient | undefined) ??
  ((globalThis as Record<symbol, unknown>)[CLIENT_KEY] = new FeedClient());
