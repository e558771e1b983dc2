// A tiny static HTTP server for the built app (node built-ins only).
//
// - serves `root` (normally dist/) on 127.0.0.1, on a random free port by default;
// - correct MIME types (.wasm must be application/wasm for streaming compilation);
// - single-page-app fallback: an extension-less path that is not a file (/food/09040,
//   /rich, /nowhere) gets index.html with status 200, as trunk serve and static hosts do;
//   a missing path with an extension (/missing.js) is a real 404;
// - compression is off unless asked for (`gzip: true`; `brotli: true` prefers br where the browser
//   accepts it, as many static hosts do), so the browser sees the raw bytes;
// - `headers` adds response headers (the benchmark sends COOP/COEP for precise timers);
// - caching as the README asks of a static host: a content-hashed name (`name-<16 hex>.ext`)
//   may be cached for a year (`immutable`), every other file is `no-cache`; all carry an ETag
//   and a matching `If-None-Match` gets 304 with no body;
// - `throttle: {latencyMs, bytesPerS}` makes the server a phone's network: every response starts
//   `latencyMs` late and all of them share one downlink of `bytesPerS` (sent in 4 KB pieces, in
//   turn), so a service worker's downloads compete with the page's as on a real phone (Chrome's
//   own network emulation throttles a page, not its service worker).
//
//   import { startServer } from './support/server.mjs';
//   const { url, close } = await startServer({ root: 'dist' });
//
// Also runnable: `node e2e/support/server.mjs [root] [port] [--gzip]` (scripts/serve.sh).

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
});

const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json)|image\/svg\+xml)/;

export function mimeType(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** One shared downlink: `stream()` is a pass-through that waits for its turn on the link. */
function downlink({ latencyMs, bytesPerS }) {
  const PIECE = 4096;
  let freeAt = 0; // performance.now() when the link has sent everything queued so far
  return {
    latency: () => sleep(latencyMs),
    stream: () =>
      new Transform({
        async transform(chunk, _encoding, done) {
          for (let i = 0; i < chunk.length; i += PIECE) {
            const piece = chunk.subarray(i, i + PIECE);
            const now = performance.now();
            freeAt = Math.max(freeAt, now) + (piece.length * 1000) / bytesPerS;
            await sleep(freeAt - now);
            this.push(piece);
          }
          done();
        },
      }),
  };
}

/** trunk's and the post-build hook's content-hashed names: `main-8d9225f5660d8be6.css` (trunk
 *  writes its u64 hash without leading zeros, so a name may carry fewer than 16 digits). */
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;

async function fileAt(p) {
  try {
    const s = await stat(p);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/**
 * Start serving `root`. Resolves once listening.
 * @param {{root: string, host?: string, port?: number, gzip?: boolean, brotli?: boolean,
 *          headers?: Record<string, string>, spaFallback?: boolean,
 *          throttle?: {latencyMs: number, bytesPerS: number}}} options
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>, requests: string[]}>}
 *   `url` has no trailing slash; `requests` logs "STATUS METHOD PATH" lines.
 */
export async function startServer({
  root,
  host = '127.0.0.1',
  port = 0,
  gzip = false,
  brotli = false,
  headers = {},
  spaFallback = true,
  throttle = null,
} = {}) {
  if (!root) throw new TypeError('startServer: `root` is required');
  const rootDir = path.resolve(root);
  const rootStat = await stat(rootDir).catch(() => null);
  if (!rootStat?.isDirectory()) throw new Error(`startServer: ${rootDir} is not a directory`);
  const indexPath = path.join(rootDir, 'index.html');
  const requests = [];
  const link = throttle ? downlink(throttle) : null;
  const brotliCache = new Map();
  const brotliOf = async ({ file, etag }) => {
    const key = `${file} ${etag}`;
    if (!brotliCache.has(key)) {
      const quality = { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY };
      brotliCache.set(key, zlib.brotliCompressSync(await readFile(file), { params: quality }));
    }
    return brotliCache.get(key);
  };

  async function resolveRequest(urlPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return { status: 400 };
    }
    if (decoded.includes('\0')) return { status: 400 };
    const candidate = path.resolve(rootDir, '.' + path.posix.normalize('/' + decoded));
    if (candidate !== rootDir && !candidate.startsWith(rootDir + path.sep)) return { status: 403 };

    let file = candidate;
    let s = await fileAt(file);
    if (!s && (urlPath.endsWith('/') || candidate === rootDir)) {
      file = path.join(candidate, 'index.html');
      s = await fileAt(file);
    }
    if (!s && spaFallback && path.posix.extname(decoded) === '') {
      file = indexPath;
      s = await fileAt(file);
    }
    return s ? { status: 200, file, size: s.size, etag: `W/"${s.size}-${Math.trunc(s.mtimeMs)}"` } : { status: 404 };
  }

  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const log = (status) => requests.push(`${status} ${req.method} ${pathname}`);
    const common = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...headers };
    try {
      if (link) await link.latency();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...common, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('method not allowed\n');
        return log(405);
      }
      const found = await resolveRequest(pathname);
      if (found.status !== 200) {
        res.writeHead(found.status, { ...common, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`${found.status} ${http.STATUS_CODES[found.status]}\n`);
        return log(found.status);
      }
      const type = mimeType(found.file);
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !COMPRESSIBLE.test(type)
        ? null
        : brotli && /\bbr\b/.test(accepts)
          ? 'br'
          : (gzip || brotli) && /\bgzip\b/.test(accepts)
            ? 'gzip'
            : null;
      const compress = encoding !== null;
      const caching = {
        'Cache-Control': HASHED.test(found.file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: found.etag,
        ...headers,
      };
      if (req.headers['if-none-match'] === found.etag) {
        res.writeHead(304, { ...common, ...caching, ...(compress ? { Vary: 'Accept-Encoding' } : {}) });
        res.end();
        return log(304);
      }
      const head = { ...common, ...caching, 'Content-Type': type };
      if (compress) {
        head['Content-Encoding'] = encoding;
        head.Vary = 'Accept-Encoding';
      } else {
        head['Content-Length'] = String(found.size);
      }
      res.writeHead(200, head);
      log(200);
      if (req.method === 'HEAD') return res.end();
      // Brotli at its best quality is slow: compressed once per file version, as hosts do ahead.
      const stages = [encoding === 'br' ? Readable.from([await brotliOf(found)]) : createReadStream(found.file)];
      if (encoding === 'gzip') stages.push(zlib.createGzip());
      if (link) stages.push(link.stream());
      await pipeline(...stages, res);
    } catch (err) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`500 ${err?.message ?? err}\n`);
        log(500);
      } else {
        res.destroy(err);
      }
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  let closed = null;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    requests,
    close() {
      closed ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

// CLI: node e2e/support/server.mjs [root=dist] [port=0] [--gzip]   (scripts/serve.sh uses it)
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const positional = process.argv.slice(2).filter((a) => a !== '--gzip');
  const gzip = process.argv.includes('--gzip');
  const root = positional[0] ?? fileURLToPath(new URL('../../dist', import.meta.url));
  const port = Number(positional[1] ?? 0);
  const { url, close } = await startServer({ root, port, gzip });
  console.log(`serving ${path.resolve(root)} at ${url}/${gzip ? ' gzip' : ''} (Ctrl-C to stop)`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
