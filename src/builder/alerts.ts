/**
 * Alerts for the feed (Node side): a folder of Markdown files, each with YAML front matter
 *
 *     ---
 *     title: New log forms for 2025/26
 *     date: 2025-03-12
 *     expires: 2025-06-30   # optional: hidden from the latest-alerts list from this date
 *     ---
 *     Markdown body…
 *
 * becomes an `AlertsDocument` (`alerts.json`) of safe rich text, and an Atom feed (`alerts.atom`).
 *
 * Safe rich text (src/feed/types.ts `Block` / `Inline`): paragraphs, lists, emphasis, strong
 * and links whose target is an absolute https:, http: or mailto: URL. Everything else is
 * reduced to plain text or dropped: other links keep their text only; raw HTML (block or
 * inline, e.g. `<script>`, `<img onerror=…>`) is dropped; images keep their alt text; headings
 * become a bold paragraph; code becomes text. Nothing in the output is ever HTML.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Definition, ListItem, Nodes, PhrasingContent, RootContent } from 'mdast';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Alert, AlertsDocument, Block, Inline } from '../feed/types.js';
import { SCHEMA_VERSION } from '../feed/types.js';
import { safeHref } from '../feed/links.js';

/** A problem with one alert file; the message starts with the file's path. */
export class AlertSourceError extends Error {
  override readonly name = 'AlertSourceError';
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
  }
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const ALLOWED_KEYS = ['title', 'date', 'expires'];
const ID = /^[a-z0-9][a-z0-9._-]*$/i;

/** Reads every `*.md` file in `dir` (not recursive) into an alerts document, newest first. */
export async function readAlerts(dir: string): Promise<AlertsDocument> {
  const files = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.md')).sort();
  const alerts = await Promise.all(files.map(async (f) => parseAlert(await readFile(join(dir, f), 'utf8'), join(dir, f))));
  return alertsDocument(alerts);
}

/** The document for `alerts`: newest first, then by id, so a build is deterministic. */
export function alertsDocument(alerts: readonly Alert[]): AlertsDocument {
  const sorted = [...alerts].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1));
  return { schemaVersion: SCHEMA_VERSION, kind: 'alerts', alerts: sorted };
}

/** One alert from the text of its Markdown file; `file` names it in errors and gives its id. */
export function parseAlert(source: string, file: string): Alert {
  const id = basename(file).replace(/\.md$/i, '');
  if (!ID.test(id)) throw new AlertSourceError(file, `the file name must be letters, digits, ".", "-" or "_" (it becomes the alert's id), not "${id}".`);
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    throw new AlertSourceError(file, 'no front matter: start the file with a "---" line, then "title:" and "date: YYYY-MM-DD" (and optionally "expires: YYYY-MM-DD"), then a closing "---" line.');
  }
  let meta: unknown;
  try {
    meta = parseYaml(match[1] ?? '');
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    throw new AlertSourceError(file, `the front matter is not valid YAML: ${detail}`);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new AlertSourceError(file, 'the front matter must be "key: value" lines (title, date, expires).');
  }
  const record = meta as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !ALLOWED_KEYS.includes(k));
  if (unknown.length) throw new AlertSourceError(file, `unknown front matter ${unknown.map((k) => `"${k}"`).join(', ')} (allowed: ${ALLOWED_KEYS.join(', ')}).`);
  const title = record['title'];
  if (typeof title !== 'string' || title.trim() === '') throw new AlertSourceError(file, 'the front matter needs a "title:" (text).');
  const date = isoDate(record['date'], 'date', file, true);
  const expires = isoDate(record['expires'], 'expires', file, false);
  if (expires !== undefined && expires < date) throw new AlertSourceError(file, `expires (${expires}) is before date (${date}).`);
  const body = markdownToBlocks(source.slice(match[0].length));
  return { id, title: title.trim(), date, ...(expires === undefined ? {} : { expires }), body };
}

function isoDate(value: unknown, key: string, file: string, required: true): string;
function isoDate(value: unknown, key: string, file: string, required: false): string | undefined;
function isoDate(value: unknown, key: string, file: string, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw new AlertSourceError(file, `the front matter needs "${key}: YYYY-MM-DD".`);
    return undefined;
  }
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  if (typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(text)) return text;
  }
  throw new AlertSourceError(file, `"${key}" must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}.`);
}

/** Markdown → safe rich text blocks. */
export function markdownToBlocks(markdown: string): Block[] {
  const tree = fromMarkdown(markdown);
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const ctx: Ctx = { definitions };
  return blocks(tree.children, ctx);
}

interface Ctx {
  readonly definitions: ReadonlyMap<string, Definition>;
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    if (!into.has(node.identifier.toLowerCase())) into.set(node.identifier.toLowerCase(), node);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function blocks(nodes: readonly RootContent[], ctx: Ctx): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph': {
        const children = tidy(inlines(node.children, ctx));
        if (children.length) out.push({ type: 'paragraph', children });
        break;
      }
      case 'heading': {
        const children = tidy(inlines(node.children, ctx));
        if (children.length) out.push({ type: 'paragraph', children: [{ type: 'strong', children }] });
        break;
      }
      case 'blockquote':
        out.push(...blocks(node.children, ctx));
        break;
      case 'list': {
        const items = node.children.map((item) => listItem(item, ctx)).filter((item) => item.length > 0);
        if (items.length) out.push({ type: 'list', ordered: node.ordered === true, items });
        break;
      }
      case 'code': {
        const text = node.value.trim();
        if (text) out.push({ type: 'paragraph', children: [{ type: 'text', text }] });
        break;
      }
      // Raw HTML (`html`), thematic breaks, definitions and anything unknown: dropped.
      default:
        break;
    }
  }
  return out;
}

/** A list item's paragraphs (and any nested list, as text) run together as one line. */
function listItem(item: ListItem, ctx: Ctx): Inline[] {
  const parts: Inline[][] = [];
  for (const block of blocks(item.children, ctx)) {
    if (block.type === 'paragraph') parts.push([...block.children]);
    else for (const sub of block.items) parts.push([...sub]);
  }
  return tidy(parts.flatMap((p, i) => (i === 0 ? p : [{ type: 'text' as const, text: ' ' }, ...p])));
}

/** Inline raw HTML whose content is code or markup, not text: dropped up to its closing tag. */
const RAW_CONTENT = /^<(script|style|textarea|iframe|noscript|template|object|svg|math)\b/i;

function inlines(nodes: readonly PhrasingContent[], ctx: Ctx): Inline[] {
  const out: Inline[] = [];
  let skipUntil: RegExp | undefined;
  for (const node of nodes) {
    if (skipUntil) {
      if (node.type === 'html' && skipUntil.test(node.value)) skipUntil = undefined;
      continue;
    }
    if (node.type === 'html') {
      const raw = RAW_CONTENT.exec(node.value);
      if (raw && !new RegExp(`</${raw[1]}`, 'i').test(node.value)) skipUntil = new RegExp(`^</${raw[1]}`, 'i');
      continue;
    }
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', text: node.value });
        break;
      case 'inlineCode':
        out.push({ type: 'text', text: node.value });
        break;
      case 'break':
        out.push({ type: 'text', text: ' ' });
        break;
      case 'emphasis':
      case 'strong': {
        const children = inlines(node.children, ctx);
        if (children.length) out.push({ type: node.type === 'emphasis' ? 'em' : 'strong', children });
        break;
      }
      case 'link':
        out.push(...link(node.url, inlines(node.children, ctx)));
        break;
      case 'linkReference': {
        const def = ctx.definitions.get(node.identifier.toLowerCase());
        const children = inlines(node.children, ctx);
        out.push(...(def ? link(def.url, children) : children));
        break;
      }
      case 'image':
      case 'imageReference':
        if (node.alt) out.push({ type: 'text', text: node.alt });
        break;
      // Raw inline HTML was handled above: tags such as `<b>` or `<img onerror=…>` are dropped
      // and the text between them kept, except inside `<script>`, `<style>` and the like.
      default:
        break;
    }
  }
  return out;
}

/** A link if `url` is safe, else just its text. A link without text shows its address. */
function link(url: string, children: Inline[]): Inline[] {
  const href = safeHref(url);
  if (!href) return children;
  return [{ type: 'link', href, children: children.length ? children : [{ type: 'text', text: url }] }];
}

/** Merges neighbouring text, turns line breaks into spaces, and trims the ends of a run. */
function tidy(nodes: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of nodes) {
    const prev = merged[merged.length - 1];
    if (node.type === 'text') {
      const text = node.text.replace(/\s*\n\s*/g, ' ');
      if (prev?.type === 'text') merged[merged.length - 1] = { type: 'text', text: (prev.text + text).replace(/ {2,}/g, ' ') };
      else merged.push({ type: 'text', text });
    } else {
      merged.push({ ...node, children: tidy(node.children) });
    }
  }
  const first = merged[0];
  if (first?.type === 'text') merged[0] = { type: 'text', text: first.text.trimStart() };
  const lastIndex = merged.length - 1;
  const last = merged[lastIndex];
  if (last?.type === 'text') merged[lastIndex] = { type: 'text', text: last.text.trimEnd() };
  return merged.filter((n) => n.type !== 'text' || n.text !== '');
}

// ── Atom ────────────────────────────────────────────────────────────────────────────────────

export interface AtomOptions {
  /** Where `alerts.atom` will be published (its `rel="self"` link and the feed id). */
  readonly feedUrl?: string;
  /** The page listing the alerts; entries link to `<siteUrl>#<id>`. */
  readonly siteUrl?: string;
  readonly title?: string;
  readonly author?: string;
}

const DEFAULT_SITE = 'https://core.communities.gov.uk/alerts';

/** Escapes text for XML element content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Safe rich text → an HTML string (every text and href escaped): the Atom entry content. */
export function blocksToHtml(body: readonly Block[]): string {
  const inl = (nodes: readonly Inline[]): string =>
    nodes
      .map((n) => {
        if (n.type === 'text') return escapeXml(n.text);
        if (n.type === 'link') {
          const href = safeHref(n.href);
          return href ? `<a href="${escapeXml(href)}">${inl(n.children)}</a>` : inl(n.children);
        }
        return `<${n.type}>${inl(n.children)}</${n.type}>`;
      })
      .join('');
  return body
    .map((b) => {
      if (b.type === 'paragraph') return `<p>${inl(b.children)}</p>`;
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inl(item)}</li>`).join('')}</${tag}>`;
    })
    .join('');
}

/** The alerts as an Atom 1.0 feed (RFC 4287). Deterministic: no clock is read. */
export function alertsToAtom(doc: AlertsDocument, options: AtomOptions = {}): string {
  const site = options.siteUrl ?? DEFAULT_SITE;
  const alerts = alertsDocument(doc.alerts).alerts;
  const updated = alerts[0] ? `${alerts[0].date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(options.title ?? 'CORE alerts')}</title>`,
    `  <id>${escapeXml(options.feedUrl ?? site)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.author ?? 'Ministry of Housing, Communities and Local Government')}</name></author>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(site)}"/>`,
    ...(options.feedUrl ? [`  <link rel="self" type="application/atom+xml" href="${escapeXml(options.feedUrl)}"/>`] : []),
  ];
  for (const a of alerts) {
    const url = `${site}#${a.id}`;
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(a.title)}</title>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <published>${a.date}T00:00:00Z</published>`,
      `    <updated>${a.date}T00:00:00Z</updated>`,
      `    <content type="html">${escapeXml(blocksToHtml(a.body))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
