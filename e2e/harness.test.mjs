// Tests of the e2e harness itself, on a tiny hand-made dist/ in a temporary folder:
// the static server (MIME types, SPA fallback, 404s, path traversal, HEAD, gzip option) and
// the browser helpers (Debian Chromium launches, streams a .wasm, errors are recorded,
// failures leave a screenshot). Runs in a few seconds and needs no app build.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { ARTIFACTS_DIR, assertNoErrors, launchBrowser, openPage, problemsOf, withPage } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

// (module (func (export "answer") (result i32) i32.const 42))
const ANSWER_WASM = Buffer.from(
  '0061736d010000000105016000017f03020100070a0106616e73776572000' + '00a06010400412a0b',
  'hex',
);

const INDEX_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>harness</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css"></head>
<body><main id="out">loading</main><script type="module" src="/app.js"></script></body></html>`;

const APP_JS = `
const { instance } = await WebAssembly.instantiateStreaming(fetch('/answer.wasm'));
document.getElementById('out').textContent = 'answer ' + instance.exports.answer() + ' at ' + location.pathname;
performance.mark('app-interactive');
`;

let root;
let server;

// GET (or `method`) without any client-side path normalisation: "/../x" is sent as is.
async function get(url, headers = {}, method = 'GET') {
  const { hostname, port } = new URL(url);
  const rawPath = url.slice(url.indexOf('/', 'http://'.length));
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ep-harness-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), INDEX_HTML);
  await writeFile(path.join(root, 'app.js'), APP_JS);
  await writeFile(path.join(root, 'app.css'), 'main { font: 16px sans-serif; }\n'.repeat(20));
  await writeFile(path.join(root, 'answer.wasm'), ANSWER_WASM);
  await writeFile(path.join(root, 'data.json'), '{"ok":true}');
  await writeFile(path.join(root, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(root, 'assets', 'icon.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  await writeFile(path.join(root, 'manifest.webmanifest'), '{"name":"x"}');
  await writeFile(path.join(root, 'main-8d9225f5660d8be6.css'), 'main { color: red; }\n');
  await writeFile(path.join(root, 'app-9a05d4500fda325_bg.wasm'), ANSWER_WASM);
  server = await startServer({ root });
});

after(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('static server', () => {
  test('listens on 127.0.0.1 with a random port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(server.port, 0);
  });

  test('MIME types', async () => {
    const want = {
      '/': 'text/html; charset=utf-8',
      '/index.html': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/app.css': 'text/css; charset=utf-8',
      '/answer.wasm': 'application/wasm',
      '/data.json': 'application/json; charset=utf-8',
      '/assets/icon.svg': 'image/svg+xml',
      '/assets/icon.png': 'image/png',
      '/manifest.webmanifest': 'application/manifest+json; charset=utf-8',
    };
    for (const [p, type] of Object.entries(want)) {
      const res = await get(server.url + p);
      assert.equal(res.status, 200, p);
      assert.equal(res.headers['content-type'], type, p);
      assert.equal(res.headers['content-encoding'], undefined, `${p} gzipped although gzip is off`);
    }
    assert.deepEqual((await get(`${server.url}/answer.wasm`)).body, ANSWER_WASM);
  });

  test('SPA fallback for extension-less paths, 404 for missing files', async () => {
    for (const p of ['/food/09040', '/rich', '/about', '/nowhere', '/a/b/c', '/food/09040?x=1']) {
      const res = await get(server.url + p);
      assert.equal(res.status, 200, p);
      assert.equal(res.body.toString(), INDEX_HTML, p);
    }
    for (const p of ['/missing.js', '/assets/missing.png', '/answer.wasm.map']) {
      assert.equal((await get(server.url + p)).status, 404, p);
    }
  });

  test('no escape from the root; HEAD; other methods refused', async () => {
    for (const p of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/..%2f..%2fetc%2fpasswd.txt']) {
      const res = await get(server.url + p);
      assert.ok(!res.body.toString().includes('root:'), `${p} leaked a file outside the root`);
      // Either refused, or resolved inside the root (the SPA fallback serves index.html).
      assert.ok(res.status !== 200 || res.body.toString() === INDEX_HTML, `${p} answered ${res.status}`);
    }
    const head = await get(`${server.url}/answer.wasm`, {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(ANSWER_WASM.length));
    assert.equal(head.body.length, 0);
    assert.equal((await get(`${server.url}/`, {}, 'POST')).status, 405);
  });

  test('gzip only when asked for', async () => {
    const gz = await startServer({ root, gzip: true, headers: { 'X-Extra': 'yes' } });
    try {
      const res = await get(`${gz.url}/app.css`, { 'Accept-Encoding': 'gzip' });
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.equal(res.headers['x-extra'], 'yes');
      assert.match(gunzipSync(res.body).toString(), /^main \{/);
      const plain = await get(`${gz.url}/app.css`);
      assert.equal(plain.headers['content-encoding'], undefined);
    } finally {
      await gz.close();
    }
  });

  test('brotli where accepted when asked for, else gzip', async () => {
    const br = await startServer({ root, brotli: true });
    try {
      const res = await get(`${br.url}/app.css`, { 'Accept-Encoding': 'gzip, deflate, br' });
      assert.equal(res.headers['content-encoding'], 'br');
      assert.match(brotliDecompressSync(res.body).toString(), /^main \{/);
      const gz = await get(`${br.url}/app.css`, { 'Accept-Encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.match(gunzipSync(gz.body).toString(), /^main \{/);
      const png = await get(`${br.url}/assets/icon.png`, { 'Accept-Encoding': 'br' });
      assert.equal(png.headers['content-encoding'], undefined, 'a PNG is not compressed again');
    } finally {
      await br.close();
    }
  });

  test('caching as a static host: hashed names immutable, the rest no-cache; ETag and 304', async () => {
    // trunk's u64 hash may print with fewer than 16 digits (no leading zeros).
    for (const p of ['/main-8d9225f5660d8be6.css', '/app-9a05d4500fda325_bg.wasm']) {
      assert.equal((await get(server.url + p)).headers['cache-control'], 'public, max-age=31536000, immutable', p);
    }
    for (const p of ['/', '/app.css', '/food/09040', '/assets/icon.png', '/manifest.webmanifest']) {
      assert.equal((await get(server.url + p)).headers['cache-control'], 'no-cache', p);
    }
    const first = await get(`${server.url}/app.css`);
    assert.match(first.headers.etag, /^W\/"\d+-\d+"$/);
    const again = await get(`${server.url}/app.css`, { 'If-None-Match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, first.headers.etag);
    const other = await get(`${server.url}/app.css`, { 'If-None-Match': 'W/"1-1"' });
    assert.equal(other.status, 200);
    assert.equal(other.body.toString(), first.body.toString());
  });
});

describe('browser helpers', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('Debian Chromium loads a wasm page through the server, deep links included', async () => {
    assert.match(browser.version(), /^\d+\./);
    await withPage(browser, 'harness wasm page', async (page) => {
      for (const p of ['/', '/food/09040']) {
        await page.goto(server.url + p);
        await page.waitForFunction(() => performance.getEntriesByName('app-interactive').length === 1);
        assert.equal(await page.locator('#out').textContent(), `answer 42 at ${p}`);
      }
    });
  });

  test('console errors, page errors and failed requests are recorded', async () => {
    const context = await browser.newContext();
    try {
      const page = await openPage(context);
      await page.goto(`${server.url}/`);
      await page.evaluate(async () => {
        console.error('boom');
        setTimeout(() => {
          throw new Error('uncaught');
        });
        await fetch('/missing.js').catch(() => {});
        await new Promise((r) => setTimeout(r, 50));
      });
      const problems = problemsOf(page).join('\n');
      assert.match(problems, /console error: boom/);
      assert.match(problems, /page error: .*uncaught/);
      assert.match(problems, /HTTP 404: GET .*\/missing\.js/);
      assert.throws(() => assertNoErrors(page), /boom/);
    } finally {
      await context.close();
    }
  });

  test('a failing journey leaves a screenshot in e2e/artifacts/', async () => {
    const name = `harness-self-test-${process.pid}`;
    await assert.rejects(
      withPage(browser, name, async (page) => {
        await page.goto(`${server.url}/`);
        assert.fail('deliberate failure');
      }),
      /deliberate failure[\s\S]*screenshot/,
    );
    const shot = path.join(ARTIFACTS_DIR, `${name}.png`);
    assert.ok(existsSync(shot), `${shot} was not written`);
    assert.ok(existsSync(path.join(ARTIFACTS_DIR, `${name}.txt`)));
    await rm(shot);
    await rm(path.join(ARTIFACTS_DIR, `${name}.txt`));
  });
});
