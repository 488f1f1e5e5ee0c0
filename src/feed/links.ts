/** The only link targets feed rich text may carry (used by the builder and, again, by the elements). */
const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * The normalised URL if `href` is an absolute `https:`, `http:` or `mailto:` URL, else `undefined`
 * (relative URLs, `javascript:`, `data:`, `vbscript:` and tricks such as `java\tscript:` — the URL
 * parser strips the tab — are refused).
 */
export function safeHref(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
