import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlertSourceError, alertsDocument, alertsToAtom, blocksToHtml, escapeXml, markdownToBlocks, parseAlert, readAlerts,
} from '../../src/builder/alerts.js';
import type { Block, Inline } from '../../src/feed/types.js';

const here = new URL('.', import.meta.url).pathname;
const fixtures = join(here, '../fixtures/alerts');

/** Every string and href in a block tree, for "nothing dangerous survived" checks. */
function strings(blocks: readonly Block[]): { texts: string[]; hrefs: string[] } {
  const texts: string[] = [];
  const hrefs: string[] = [];
  const walk = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      if (n.type === 'text') texts.push(n.text);
      else {
        if (n.type === 'link') hrefs.push(n.href);
        walk(n.children);
      }
    }
  };
  for (const b of blocks) (b.type === 'paragraph' ? [b.children] : b.items).forEach(walk);
  return { texts, hrefs };
}

const alert = (front: string, body = 'Body.') => `---\n${front}\n---\n${body}\n`;

describe('markdownToBlocks', () => {
  const cases: [string, string, Block[]][] = [
    ['paragraph', 'Hello world.', [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello world.' }] }]],
    ['soft line break becomes a space', 'one\ntwo', [{ type: 'paragraph', children: [{ type: 'text', text: 'one two' }] }]],
    [
      'emphasis and strong',
      'a *b* **c**',
      [{ type: 'paragraph', children: [
        { type: 'text', text: 'a ' }, { type: 'em', children: [{ type: 'text', text: 'b' }] },
        { type: 'text', text: ' ' }, { type: 'strong', children: [{ type: 'text', text: 'c' }] },
      ] }],
    ],
    [
      'https link',
      '[GOV.UK](https://www.gov.uk/)',
      [{ type: 'paragraph', children: [{ type: 'link', href: 'https://www.gov.uk/', children: [{ type: 'text', text: 'GOV.UK' }] }] }],
    ],
    [
      'mailto link',
      '[mail](mailto:a@example.org)',
      [{ type: 'paragraph', children: [{ type: 'link', href: 'mailto:a@example.org', children: [{ type: 'text', text: 'mail' }] }] }],
    ],
    ['javascript: link keeps its text only', '[x](javascript:alert(1))', [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }]],
    ['relative link keeps its text only', '[home](/alerts)', [{ type: 'paragraph', children: [{ type: 'text', text: 'home' }] }]],
    ['image keeps its alt text', '![A chart](https://x.test/a.png)', [{ type: 'paragraph', children: [{ type: 'text', text: 'A chart' }] }]],
    ['image without alt text is dropped', '![](https://x.test/a.png)', []],
    ['raw HTML block is dropped', '<div>hi</div>', []],
    ['inline HTML tags are dropped, text kept', 'a <b>b</b> c', [{ type: 'paragraph', children: [{ type: 'text', text: 'a b c' }] }]],
    ['heading becomes a bold paragraph', '## Title', [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', text: 'Title' }] }] }]],
    [
      'bulleted and numbered lists',
      '- one\n- two\n\n1. first',
      [
        { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
        { type: 'list', ordered: true, items: [[{ type: 'text', text: 'first' }]] },
      ],
    ],
    [
      'reference link resolved through its definition',
      '[site][s]\n\n[s]: https://example.org/',
      [{ type: 'paragraph', children: [{ type: 'link', href: 'https://example.org/', children: [{ type: 'text', text: 'site' }] }] }],
    ],
  ];
  for (const [name, md, expected] of cases) {
    it(name, () => assert.deepEqual(markdownToBlocks(md), expected));
  }
});

describe('hostile alert', () => {
  it('keeps no script, event handler, image or unsafe link', async () => {
    const doc = await readAlerts(join(fixtures, 'hostile'));
    const [a] = doc.alerts;
    assert.ok(a);
    const { texts, hrefs } = strings(a.body);
    const all = texts.join(' ');
    assert.deepEqual(hrefs, ['https://www.gov.uk/', 'mailto:core@example.gov.uk']);
    // Only the inline code span may mention <script>, as plain text.
    assert.doesNotMatch(all.replace('<script> as code', ''), /<script|onerror|onclick|<img|<a |<div|__coreXss/i, all);
    assert.match(all, /Before the script\. After the script\./);
    assert.match(all, /Chart of lettings/, 'image alt text kept');
    assert.match(all, /javascript link/, 'unsafe link text kept');
    assert.match(all, /raw anchor/, 'text of a raw anchor kept as text');
    assert.match(all, /<script> as code/, 'code is kept as inert text');
    // The title is plain text: rendered as text it is inert, and the Atom feed escapes it.
    assert.equal(a.title, "Hostile <script>alert('title')</script> alert");
    const atom = alertsToAtom(doc);
    assert.doesNotMatch(atom, /<script/);
    assert.match(atom, /&lt;script&gt;/);
  });
});

describe('parseAlert front matter', () => {
  it('reads title, date and expires; id from the file name', () => {
    const a = parseAlert(alert('title: T\ndate: 2025-03-07\nexpires: 2025-04-01'), 'alerts/2025-03-t.md');
    assert.deepEqual(a, { id: '2025-03-t', title: 'T', date: '2025-03-07', expires: '2025-04-01', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Body.' }] }] });
  });
  const bad: [string, string, RegExp][] = [
    ['no front matter', 'Just text', /x\.md: no front matter/],
    ['missing title', alert('date: 2025-03-07'), /x\.md: .*"title:"/],
    ['empty title', alert('title: ""\ndate: 2025-03-07'), /x\.md: .*"title:"/],
    ['missing date', alert('title: T'), /x\.md: .*"date: YYYY-MM-DD"/],
    ['bad date', alert('title: T\ndate: 7 March 2025'), /x\.md: "date" must be a date written YYYY-MM-DD/],
    ['impossible date', alert('title: T\ndate: 2025-02-30'), /x\.md: "date" must be a date/],
    ['bad expires', alert('title: T\ndate: 2025-03-07\nexpires: soon'), /x\.md: "expires" must be a date/],
    ['expires before date', alert('title: T\ndate: 2025-03-07\nexpires: 2025-01-01'), /x\.md: expires \(2025-01-01\) is before date/],
    ['invalid YAML', alert('title: [unclosed\ndate: 2025-03-07'), /x\.md: the front matter is not valid YAML/],
    ['not a mapping', alert('- a\n- b'), /x\.md: the front matter must be/],
    ['unknown key', alert('title: T\ndate: 2025-03-07\nexpiry: 2025-04-01'), /x\.md: unknown front matter "expiry"/],
  ];
  for (const [name, source, pattern] of bad) {
    it(`fails clearly: ${name}`, () => {
      assert.throws(() => parseAlert(source, 'alerts/x.md'), (e: unknown) => e instanceof AlertSourceError && pattern.test(e.message) && e.file === 'alerts/x.md');
    });
  }
  it('refuses a file name that cannot be an id', () => {
    assert.throws(() => parseAlert(alert('title: T\ndate: 2025-03-07'), 'alerts/bad name!.md'), /file name/);
  });
});

describe('readAlerts', () => {
  it('reads a folder newest first, ties by id, ignoring other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'core-alerts-'));
    await writeFile(join(dir, 'b.md'), alert('title: B\ndate: 2025-01-01'));
    await writeFile(join(dir, 'a.md'), alert('title: A\ndate: 2025-01-01'));
    await writeFile(join(dir, 'c.md'), alert('title: C\ndate: 2025-06-01'));
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const doc = await readAlerts(dir);
    assert.equal(doc.kind, 'alerts');
    assert.match(doc.schemaVersion, /^1\./);
    assert.deepEqual(doc.alerts.map((a) => a.id), ['c', 'a', 'b']);
  });
  it('reads the demo alerts (one of them expired)', async () => {
    const doc = await readAlerts(join(here, '../../demo/alerts'));
    assert.ok(doc.alerts.length >= 4);
    assert.equal(doc.alerts.filter((a) => a.expires !== undefined).length, 1);
    assert.deepEqual(doc, alertsDocument([...doc.alerts].reverse()), 'order is deterministic');
  });
  it('names the file in errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'core-alerts-'));
    await writeFile(join(dir, 'broken.md'), 'no front matter');
    await assert.rejects(readAlerts(dir), (e: unknown) => e instanceof AlertSourceError && e.message.startsWith(join(dir, 'broken.md')));
  });
});

describe('Atom', () => {
  const doc = alertsDocument([
    { id: 'old', title: 'Old & "quoted"', date: '2024-01-02', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'a < b' }] }] },
    {
      id: 'new', title: 'New', date: '2025-02-03', body: [
        { type: 'paragraph', children: [{ type: 'link', href: 'https://x.test/?a=1&b=2', children: [{ type: 'text', text: 'link' }] }] },
        { type: 'list', ordered: false, items: [[{ type: 'em', children: [{ type: 'text', text: 'i' }] }]] },
      ],
    },
  ]);
  const atom = alertsToAtom(doc, { feedUrl: 'https://example.org/feed/alerts.atom', siteUrl: 'https://example.org/alerts' });

  it('is a deterministic Atom feed, newest entry first', () => {
    assert.equal(atom, alertsToAtom(doc, { feedUrl: 'https://example.org/feed/alerts.atom', siteUrl: 'https://example.org/alerts' }));
    assert.match(atom, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.match(atom, /<updated>2025-02-03T00:00:00Z<\/updated>/);
    assert.ok(atom.indexOf('<id>https://example.org/alerts#new</id>') < atom.indexOf('<id>https://example.org/alerts#old</id>'));
    assert.match(atom, /<link rel="self" type="application\/atom\+xml" href="https:\/\/example.org\/feed\/alerts.atom"\/>/);
  });
  it('escapes titles and content', () => {
    assert.match(atom, /<title>Old &amp; &quot;quoted&quot;<\/title>/);
    // content is HTML escaped once for HTML and once for XML.
    assert.match(atom, /<content type="html">&lt;p&gt;a &amp;lt; b&lt;\/p&gt;<\/content>/);
    assert.match(atom, /href=&quot;https:\/\/x.test\/\?a=1&amp;amp;b=2&quot;/);
    assert.equal(atom.split('<entry>').length - 1, 2);
  });
  it('blocksToHtml escapes text and drops unsafe hrefs', () => {
    assert.equal(
      blocksToHtml([{ type: 'paragraph', children: [{ type: 'link', href: 'javascript:x', children: [{ type: 'text', text: '<b>' }] }] }]),
      '<p>&lt;b&gt;</p>',
    );
  });
  it('escapeXml drops characters XML forbids', () => {
    assert.equal(escapeXml('a\u0000b\u0007c&'), 'abc&amp;');
  });
  it('an empty feed is still valid Atom', () => {
    assert.match(alertsToAtom(alertsDocument([])), /<updated>1970-01-01T00:00:00Z<\/updated>\n {2}<author>/);
  });
});
