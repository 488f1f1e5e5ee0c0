import { expect } from '@open-wc/testing';
import { FeedClient, findPeriod, latestPeriod, type FetchLike } from '../../src/feed/client.js';
import { FeedError } from '../../src/feed/errors.js';
import { checkSchemaVersion } from '../../src/feed/version.js';
import { alertsProblem, manifestProblem, tableProblem } from '../../src/feed/guards.js';
import { safeHref } from '../../src/feed/links.js';
import type { Manifest } from '../../src/feed/types.js';
import { feedUrl } from './helpers.js';

async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('expected a rejection');
}

/** A fetch that answers from a map, counts calls, and can be held open until released. */
function fakeFetch(bodies: Record<string, unknown>, opts: { hold?: boolean } = {}) {
  const calls: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const fetch: FetchLike = async (url, { signal }) => {
    calls.push(url);
    if (opts.hold) {
      await new Promise<void>((resolve, reject) => {
        gate.then(resolve);
        signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    }
    const body = bodies[url];
    if (body === undefined) return new Response('Not found', { status: 404, statusText: 'Not Found' });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  };
  return { fetch, calls, release: () => release() };
}

const manifestOf = async (): Promise<Manifest> => (await (await fetch(`${feedUrl('basic')}manifest.json`)).json()) as Manifest;

describe('FeedClient', () => {
  describe('root resolution', () => {
    const doc = (meta?: string) => ({
      baseURI: 'https://council.example/housing/page.html',
      querySelector: (sel: string) => (meta && sel === 'meta[name="core-feed"]' ? ({ getAttribute: () => meta } as unknown as Element) : null),
    });
    const cases: [string, string | undefined, string | undefined, string][] = [
      ['folder URL with slash', 'https://cdn.example/feed/', undefined, 'https://cdn.example/feed/manifest.json'],
      ['folder URL without slash', 'https://cdn.example/feed', undefined, 'https://cdn.example/feed/manifest.json'],
      ['manifest URL', 'https://cdn.example/feed/manifest.json', undefined, 'https://cdn.example/feed/manifest.json'],
      ['relative folder', '../feed/', undefined, 'https://council.example/feed/manifest.json'],
      ['root-relative folder', '/feed/', undefined, 'https://council.example/feed/manifest.json'],
      ['meta tag when src is empty', '', 'https://cdn.example/core/', 'https://cdn.example/core/manifest.json'],
      ['src wins over the meta tag', '/feed/', 'https://cdn.example/core/', 'https://council.example/feed/manifest.json'],
    ];
    for (const [name, src, meta, expected] of cases) {
      it(name, () => {
        expect(new FeedClient({ document: doc(meta) }).manifestUrl(src).href).to.equal(expected);
      });
    }
    it('no src and no meta tag is a "missing" error', () => {
      expect(() => new FeedClient({ document: doc() }).manifestUrl('')).to.throw(FeedError, /src attribute or add <meta name="core-feed"/);
    });
  });

  describe('requests', () => {
    it('de-duplicates concurrent requests and caches the result', async () => {
      const url = 'https://x.test/a.json';
      const f = fakeFetch({ [url]: { a: 1 } });
      const client = new FeedClient({ fetch: f.fetch });
      const [a, b] = await Promise.all([client.json(url), client.json(url)]);
      expect(a).to.deep.equal({ a: 1 });
      expect(b).to.equal(a);
      await client.json(url);
      expect(f.calls).to.deep.equal([url]);
      expect(client.requestCount).to.equal(1);
    });

    it('an abort of one caller does not abort the others', async () => {
      const url = 'https://x.test/a.json';
      const f = fakeFetch({ [url]: { a: 1 } }, { hold: true });
      const client = new FeedClient({ fetch: f.fetch });
      const one = new AbortController();
      const first = client.json(url, { signal: one.signal });
      const second = client.json(url, { signal: new AbortController().signal });
      one.abort();
      const err = await rejection(first);
      expect(err.reason).to.equal('aborted');
      f.release();
      expect(await second).to.deep.equal({ a: 1 });
      expect(f.calls.length).to.equal(1);
    });

    it('cancels the download when every caller has aborted, and a later call starts afresh', async () => {
      const url = 'https://x.test/a.json';
      const f = fakeFetch({ [url]: { a: 1 } }, { hold: true });
      const client = new FeedClient({ fetch: f.fetch });
      const c = new AbortController();
      const p = client.json(url, { signal: c.signal });
      c.abort();
      expect((await rejection(p)).reason).to.equal('aborted');
      f.release();
      expect(await client.json(url)).to.deep.equal({ a: 1 });
      expect(f.calls.length).to.equal(2);
    });

    it('an already-aborted signal rejects at once without fetching', async () => {
      const f = fakeFetch({});
      const client = new FeedClient({ fetch: f.fetch });
      const c = new AbortController();
      c.abort();
      expect((await rejection(client.json('https://x.test/a.json', { signal: c.signal }))).reason).to.equal('aborted');
      expect(f.calls.length).to.equal(0);
    });

    it('times out, even when fetch ignores its signal', async () => {
      const client = new FeedClient({ fetch: () => new Promise(() => {}), timeout: 30 });
      const err = await rejection(client.json('https://x.test/slow.json'));
      expect(err.reason).to.equal('timeout');
      expect(err.message).to.contain('0.03 s');
    });

    it('maps a fetch failure to "network" and does not cache it', async () => {
      let n = 0;
      const client = new FeedClient({
        fetch: async () => {
          if (n++ === 0) throw new TypeError('Failed to fetch');
          return new Response('{"ok":true}');
        },
      });
      expect((await rejection(client.json('https://x.test/a.json'))).reason).to.equal('network');
      expect(await client.json('https://x.test/a.json')).to.deep.equal({ ok: true });
    });

    it('maps HTTP errors to "http" with the status', async () => {
      const client = new FeedClient({ fetch: fakeFetch({}).fetch });
      const err = await rejection(client.json('https://x.test/missing.json'));
      expect(err.reason).to.equal('http');
      expect(err.status).to.equal(404);
      expect(err.message).to.contain('404');
    });

    it('maps a non-JSON body to "not-json"', async () => {
      const client = new FeedClient({ fetch: fakeFetch({ 'https://x.test/a.json': '<!doctype html><p>Oops' }).fetch });
      const err = await rejection(client.json('https://x.test/a.json'));
      expect(err.reason).to.equal('not-json');
      expect(err.message).to.contain('<!doctype html>');
    });
  });

  describe('fixture feeds', () => {
    const client = new FeedClient();
    it('reads the basic manifest, the latest log types and the alerts', async () => {
      const manifest = await client.manifest(feedUrl('basic'));
      expect(manifest.dataVersion).to.equal('2024-25-r1');
      const table = await client.logTypes(feedUrl('basic'));
      expect(table.period).to.equal('2024-25');
      expect(table.total).to.equal(6892);
      expect((await client.logTypes(feedUrl('basic'), '2023-24')).period).to.equal('2023-24');
      expect((await client.alerts(feedUrl('basic'))).alerts.length).to.equal(5);
    });
    it('accepts a manifest URL as src', async () => {
      expect((await client.manifest(`${feedUrl('basic')}manifest.json`)).kind).to.equal('manifest');
    });
    it('"missing" for a period the manifest does not list', async () => {
      const err = await rejection(client.logTypes(feedUrl('basic'), '2019-20'));
      expect(err.reason).to.equal('missing');
      expect(err.message).to.contain('2019-20').and.contain('2024-25');
    });
    it('"missing" for a field the index does not list', async () => {
      const err = await rejection(client.la(feedUrl('basic'), { period: '2024-25', logType: 'sr-gn', field: 'ecstat1' }));
      expect(err.reason).to.equal('missing');
    });
    it('"version" for schema 2.0.0, naming both versions', async () => {
      const err = await rejection(client.manifest(feedUrl('wrong-version')));
      expect(err.reason).to.equal('version');
      expect(err.message).to.contain('2.0.0').and.contain('1.x');
    });
    it('"shape" for a malformed table and malformed alerts', async () => {
      const table = await rejection(client.logTypes(feedUrl('bad-shape')));
      expect(table.reason).to.equal('shape');
      expect(table.message).to.contain('cells[1] has 3 values, expected 7');
      const alerts = await rejection(client.alerts(feedUrl('bad-shape')));
      expect(alerts.reason).to.equal('shape');
      expect(alerts.message).to.contain('alerts[0] needs an id, a title and a date');
    });
    it('"not-json" for an HTML page', async () => {
      expect((await rejection(client.manifest(feedUrl('not-json')))).reason).to.equal('not-json');
    });
    it('"http" 404 for a feed that is not there', async () => {
      const err = await rejection(client.manifest(feedUrl('does-not-exist')));
      expect(err.reason).to.equal('http');
      expect(err.status).to.equal(404);
    });
  });

  describe('periods', () => {
    it('latest is the newest year, then the most quarters', async () => {
      const m = await manifestOf();
      expect(latestPeriod(m)?.id).to.equal('2024-25');
      expect(findPeriod(m, '').id).to.equal('2024-25');
      expect(findPeriod(m, 'latest').id).to.equal('2024-25');
      expect(findPeriod(m, '2024-25-q1').label).to.equal('2024/25 Q1');
      expect(latestPeriod({ ...m, documents: {} })).to.equal(undefined);
    });
  });
});

describe('schema version', () => {
  const ok = ['1.0.0', '1.2.3', '1.0.0-beta.1'];
  const refused: [unknown, string][] = [['2.0.0', 'version'], ['0.9.0', 'version'], ['1.0', 'shape'], [undefined, 'shape'], [1, 'shape']];
  for (const v of ok) it(`accepts ${v}`, () => expect(() => checkSchemaVersion(v)).not.to.throw());
  for (const [v, reason] of refused) {
    it(`refuses ${String(v)} (${reason})`, () => {
      try {
        checkSchemaVersion(v);
        expect.fail('no error');
      } catch (e) {
        expect((e as FeedError).reason).to.equal(reason);
      }
    });
  }
});

describe('guards', () => {
  it('the basic fixture documents pass', async () => {
    const base = feedUrl('basic');
    expect(manifestProblem(await (await fetch(`${base}manifest.json`)).json())).to.equal(undefined);
    expect(tableProblem(await (await fetch(`${base}data/3f9a1c2e/2024-25/log-types.json`)).json())).to.equal(undefined);
    expect(alertsProblem(await (await fetch(`${base}alerts.json`)).json())).to.equal(undefined);
  });
  const table = { schemaVersion: '1.0.0', kind: 'table', period: 'p', logType: 'all', rowDim: 'area', colDim: 'logType', rows: ['a'], cols: ['x', 'y'], cells: [[1, 'c']], rowTotals: [5], colTotals: [1, 4], total: 5 };
  const bad: [string, unknown, string][] = [
    ['not an object', [], 'not a JSON object'],
    ['wrong kind', { ...table, kind: 'manifest' }, 'kind is "manifest"'],
    ['short row', { ...table, cells: [[1]] }, 'cells[0] has 1 values, expected 2'],
    ['negative count', { ...table, total: -1 }, 'total is not a count'],
    ['fractional count', { ...table, cells: [[1.5, 'c']] }, 'cells[0][0] is not a count'],
    ['unknown symbol', { ...table, colTotals: [1, 'q'] }, 'colTotals[1] is not a count'],
    ['regions with a short row', { ...table, regions: { rows: ['r'], cells: [[1]], rowTotals: [1] } }, 'regions.cells[0] has 1 values'],
  ];
  for (const [name, doc, problem] of bad) it(`table: ${name}`, () => expect(tableProblem(doc)).to.contain(problem));
  it('alerts: unknown inline node', () => {
    expect(alertsProblem({ schemaVersion: '1.0.0', kind: 'alerts', alerts: [{ id: 'a', title: 't', date: '2025-01-01', body: [{ type: 'paragraph', children: [{ type: 'html', value: '<b>' }] }] }] })).to.contain('unknown node type "html"');
  });
});

describe('safeHref', () => {
  const cases: [string, string | undefined][] = [
    ['https://www.gov.uk/', 'https://www.gov.uk/'],
    ['http://example.org/a?b=1', 'http://example.org/a?b=1'],
    ['mailto:core@example.gov.uk', 'mailto:core@example.gov.uk'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['vbscript:x', undefined],
    ['/relative', undefined],
    ['', undefined],
  ];
  for (const [href, expected] of cases) it(JSON.stringify(href), () => expect(safeHref(href)).to.equal(expected));
});
