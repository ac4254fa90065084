// Static file servers for the end-to-end tests (node:http, no dependencies).
//
// - the *dist* server serves the built widget (dist/) with `Access-Control-Allow-Origin: *`,
//   like a CDN would: host pages load the widget cross-origin from it;
// - the *host* server plays the site that embeds the widget: it serves HTML pages the tests
//   register (optionally with a Content-Security-Policy header) and the fixture banks in
//   tests/e2e/fixtures/ under /fixtures/.
//
// Both listen on ephemeral ports on 127.0.0.1, so two origins differ only by port.

import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(here, '..', '..');
// CQ_DIST points the tests at another build folder (e.g. a deliberately broken copy).
export const DIST = resolve(process.env.CQ_DIST ?? join(ROOT, 'dist'));
export const FIXTURES = join(here, 'fixtures');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function mimeOf(path) {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file under `dir` that `urlPath` names, or null if it would escape `dir`. */
export function fileIn(dir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(dir, '.' + decoded);
  return file === dir || file.startsWith(dir + sep) ? file : null;
}

async function sendFile(res, file, method, headers) {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Type': mimeOf(file), 'Content-Length': body.length });
    res.end(method === 'HEAD' ? undefined : body);
  } catch {
    send(res, 404, 'Not Found', headers);
  }
}

function send(res, status, text, headers = {}, type = 'text/plain; charset=utf-8') {
  const body = Buffer.from(text);
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
}

function listen(server) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}`));
  });
}

function close(server) {
  server.closeAllConnections?.();
  return new Promise((ok) => server.close(() => ok()));
}

/**
 * Starts both servers. Returns:
 * - `distOrigin`, `hostOrigin`, `loaderUrl` (the widget's loader on the dist server);
 * - `page(body, { head, csp, path, loader })`: registers a host page and returns its URL.
 *   The page includes the loader cross-origin unless `loader: false`;
 * - `route(path, handler)`: a custom response on the host server, `handler(req, res)`;
 * - `requests`: every path the dist and host servers were asked for, in order;
 * - `close()`.
 */
export async function startServers() {
  if (!existsSync(join(DIST, 'checkpoint-quiz.js'))) {
    throw new Error(`${join(DIST, 'checkpoint-quiz.js')} is missing: run tools/build first`);
  }
  const requests = [];

  const distServer = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push({ server: 'dist', path });
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': '*' });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', cors);
    const file = fileIn(DIST, path.endsWith('/') ? path + 'index.html' : path);
    if (!file) return send(res, 404, 'Not Found', cors);
    sendFile(res, file, req.method, cors);
  });

  const pages = new Map(); // path -> { html, csp }
  const routes = new Map(); // path -> handler(req, res)
  const hostServer = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push({ server: 'host', path });
    const headers = { 'Cache-Control': 'no-store' };
    if (routes.has(path)) return routes.get(path)(req, res);
    const page = pages.get(path);
    if (page) {
      if (page.csp) headers['Content-Security-Policy'] = page.csp;
      return send(res, 200, page.html, headers, MIME['.html']);
    }
    if (path.startsWith('/fixtures/')) {
      const file = fileIn(FIXTURES, path.slice('/fixtures'.length));
      if (file) return sendFile(res, file, req.method, headers);
    }
    send(res, 404, 'Not Found', headers);
  });

  const [distOrigin, hostOrigin] = await Promise.all([listen(distServer), listen(hostServer)]);
  const loaderUrl = `${distOrigin}/checkpoint-quiz.js`;
  let pageCount = 0;

  return {
    distOrigin,
    hostOrigin,
    loaderUrl,
    requests,
    page(body, { head = '', csp, path, loader = true, title = 'Host page' } = {}) {
      path ??= `/page-${++pageCount}.html`;
      const script = loader ? `<script type="module" src="${loaderUrl}"></script>` : '';
      const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${head}
${script}
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
      pages.set(path, { html, csp });
      return hostOrigin + path;
    },
    route(path, handler) {
      routes.set(path, handler);
      return hostOrigin + path;
    },
    async close() {
      await Promise.all([close(distServer), close(hostServer)]);
    },
  };
}
