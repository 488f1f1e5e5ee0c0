/** The feed schema versions this library reads (DESIGN §3): any 1.x, never 2.x or later. */
import { SCHEMA_VERSION } from './types.js';
import { FeedError } from './errors.js';

export const SUPPORTED_MAJOR = 1;

/**
 * Throws `FeedError('version')` unless `version` is a semver string with major version 1,
 * and `FeedError('shape')` if it is not a version at all. The message names both versions.
 */
export function checkSchemaVersion(version: unknown, url?: string): void {
  const opts = url === undefined ? {} : { url };
  if (typeof version !== 'string') {
    throw new FeedError('shape', `The document has no schemaVersion (expected ${SCHEMA_VERSION}).`, opts);
  }
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) {
    throw new FeedError('shape', `The document's schemaVersion "${version}" is not a version number (expected ${SCHEMA_VERSION}).`, opts);
  }
  const major = Number(match[1]);
  if (major !== SUPPORTED_MAJOR) {
    throw new FeedError(
      'version',
      `The feed uses schema version ${version}, but this version of the CORE widgets reads schema version ${SUPPORTED_MAJOR}.x (${SCHEMA_VERSION}).` +
        (major > SUPPORTED_MAJOR ? ' Update the widgets to a release that reads it.' : ''),
      opts,
    );
  }
}
