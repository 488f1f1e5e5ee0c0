// A small static server for the demo: / → demo/, /dist/ → the bundle, /feed/ → the demo feed,
// /govuk-frontend/ → GOV.UK Frontend's built styles. Local use only (binds 127.0.0.1).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const ROOTS = [
  ['/dist/', 'dist'],
  ['/feed/', 'out/demo/feed'],
  ['/govuk-frontend/', 'node_modules/govuk-frontend/dist/govuk'],
  ['/', 'demo'],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.atom': 'application/atom+xml', '.map': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon',
};

export function serve(port = Number(process.env.PORT ?? 8080)) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [prefix, dir] = ROOTS.find(([p]) => url.pathname.startsWith(p));
    const root = resolve(dir);
    let file = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!file.startsWith(root)) return send(res, 403, 'Forbidden');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      // The feed's versioned folder is immutable; everything else is revalidated.
      const immutable = url.pathname.startsWith('/feed/v/');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      createReadStream(file).pipe(res);
    } catch {
      send(res, 404, 'Not found');
    }
  });
  server.listen(port, '127.0.0.1', () => console.log(`CORE widgets demo: http://localhost:${port}/`));
  return server;
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}


