/**
 * Typed feed errors. Every failure the feed client can meet is one `FeedError` with a `reason`
 * an element can switch on (to choose its message) and a `message` a developer can act on.
 */

export type FeedErrorReason =
  /** The request never got a response (offline, DNS, CORS, refused). */
  | 'network'
  /** The server answered with an HTTP error status (404, 500…). */
  | 'http'
  /** The response was not JSON (e.g. an HTML error page). */
  | 'not-json'
  /** The document's `schemaVersion` is one this library cannot read. */
  | 'version'
  /** The document is JSON but not the shape feed v1 promises. */
  | 'shape'
  /** The manifest does not list what was asked for (period, log type, field, area, alerts). */
  | 'missing'
  /** No response within the client's time limit. */
  | 'timeout'
  /** The caller cancelled the request. */
  | 'aborted';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly reason: FeedErrorReason;
  /** The URL concerned, when there is one. */
  readonly url: string | undefined;
  /** HTTP status for `reason: 'http'`. */
  readonly status: number | undefined;

  constructor(reason: FeedErrorReason, message: string, options: { url?: string; status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.url = options.url;
    this.status = options.status;
  }
}

/** `true` for a `FeedError` (also across realms / bundles, by shape). */
export function isFeedError(error: unknown): error is FeedError {
  return error instanceof FeedError || (error instanceof Error && error.name === 'FeedError' && 'reason' in error);
}

/** Any thrown value as a `FeedError`; unexpected errors become `shape` (the data could not be used). */
export function toFeedError(error: unknown): FeedError {
  if (isFeedError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new FeedError('aborted', 'The request was cancelled.');
  const message = error instanceof Error ? error.message : String(error);
  return new FeedError('shape', `The feed could not be used: ${message}`, { cause: error });
}
