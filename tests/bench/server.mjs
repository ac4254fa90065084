// One static server for every contender of the benchmark (node:http, no dependencies).
//
// It gzips every response (level 9, like `tools/size` counts) when the browser accepts it,
// as a CDN would, and sends `Cache-Control: no-store` so every measured load downloads
// everything again. Mounts, all on one origin:
//   /dist/...      the built widget (dist/)
//   /quizdown/...  quizdown's published bundle (node_modules/quizdown/public/build/)
//   /bench/...     what the bench generated: banks (JSON and quizdown markdown) and pages

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { fileIn, MIME as E2E_MIME } from '../e2e/server.mjs';

// The e2e server's types, and quizdown's markdown banks.
const MIME = { ...E2E_MIME, '.md': 'text/markdown; charset=utf-8' };

/**
 * Starts the server on an ephemeral port of 127.0.0.1. `mounts` maps a URL prefix
 * ("/dist") to a folder. Returns { origin, close(), gzipBytes(urlPath) }.
 */
export async function startServer(mounts) {
  const cache = new Map(); // file -> { mtimeMs, raw, gz }

  async function load(file) {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit;
    const raw = await readFile(file);
    const entry = { mtimeMs: info.mtimeMs, size: info.size, raw, gz: gzipSync(raw, { level: 9 }) };
    cache.set(file, entry);
    return entry;
  }

  function fileFor(path) {
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (path.startsWith(prefix + '/')) return fileIn(resolve(dir), path.slice(prefix.length));
    }
    return null;
  }

  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const headers = { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };
    const file = fileFor(path);
    let entry;
    try {
      if (!file) throw new Error('no mount');
      entry = await load(file);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      return res.end('Not Found');
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? entry.gz : entry.raw;
    res.writeHead(200, {
      ...headers,
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Gzip (level 9) bytes of what `urlPath` serves, or null when it serves nothing. */
    async gzipBytes(urlPath) {
      const file = fileFor(urlPath);
      if (!file) return null;
      try {
        return (await load(file)).gz.length;
      } catch {
        return null;
      }
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}
