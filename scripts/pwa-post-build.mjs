// trunk post_build hook (see Trunk.toml): finishes the offline app shell and the CSP.
//
//   node scripts/pwa-post-build.mjs [dir]     dir defaults to $TRUNK_STAGING_DIR
//
// 000. The split build (scripts/split-wasm.mjs): the first screen's wasm and one chunk per later
//    screen replace trunk's single wasm, before anything below hashes the files.
// 00. The food table: trunk copies data/sr28-minerals.txt into the build; it is renamed
//    food-table-<first 16 hex of its SHA-256>.txt (a changed table gets a new name, so no cache
//    ever serves an old one) and named in <meta name="ep-food-table" content="/food-table-….txt">
//    right after the CSP meta. Not a preload: public/shell.js starts its download once the wasm's
//    is done (beside it, they would share a phone's bandwidth and delay the first screen), and
//    the app takes it from there (src/catalog.rs). Idempotent: a renamed table is hashed again.
// 00b. The static first screen's search (scripts/first-search.mjs): crates/first-search built
//    into first-search-<hash>.js + _bg.wasm (downloaded on a first visit to /, see 0.).
// 0. Early fetches: trunk puts its <link rel="modulepreload"> (JS glue) and <link rel="preload">
//    (wasm) last in <head>, after the blocking shell.js, which delays the wasm download until
//    shell.js has arrived and run. The glue's is moved to right after the CSP meta (never before
//    it: the policy must cover it), before the table's meta; the wasm's becomes
//    <meta name="ep-wasm"> and an inline script after the table's meta downloads it as early, or,
//    on a first visit to the start page, the first search and the table instead (shell.js then
//    fetches the app's wasm once the table is in).
// 0b. The loader: trunk's inline module script hands the wasm's URL to wasm-bindgen's init; it
//    hands over shell.js's watched download of it instead (window.epWasm(url, bytes), falling back
//    to the URL), so the food table's download can start for the wasm's last stretch.
// 1. CSP: every inline <script> in index.html (trunk 0.21 emits one module script that imports
//    the hashed JS glue and starts the wasm) gets its 'sha256-…' hash added to the script-src of
//    the <meta http-equiv="Content-Security-Policy"> — old hashes are dropped first, so the
//    script is idempotent. Fails if the meta is missing.
// 2. Precache list: every file of the build except sw.js itself, with the SHA-256 of its bytes,
//    is written into sw.js between the `@precache-start` / `@precache-end` markers, plus a
//    version = hash of that whole list. Any changed byte anywhere changes sw.js, so browsers see
//    a new service worker; the worker checks each downloaded file against its hash, so a cache
//    never mixes two builds.
//
// The e2e update test (e2e/webapp.test.mjs) re-runs it on a changed copy of dist/ to play a
// new deploy.

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { buildFirstSearch } from './first-search.mjs';
import { splitWasm } from './split-wasm.mjs';

const dir = path.resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? '');
if (!process.argv[2] && !process.env.TRUNK_STAGING_DIR) {
  console.error('pwa-post-build: give a directory or run as a trunk hook (TRUNK_STAGING_DIR)');
  process.exit(2);
}

const split = await splitWasm(dir);
if (split) console.log(split);

const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

const indexPath = path.join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
const metaRe = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
const meta = html.match(metaRe);
if (!meta) {
  console.error(`pwa-post-build: no <meta http-equiv="Content-Security-Policy" content="…"> in ${indexPath}`);
  process.exit(1);
}

// --- 00. The food table ---------------------------------------------------------------------
const tableNames = (await readdir(dir)).filter((n) => /^(?:sr28-minerals|food-table-[0-9a-f]{16})\.txt$/.test(n));
if (tableNames.length !== 1) {
  console.error(`pwa-post-build: expected one food table in ${dir}, found ${tableNames.length} (${tableNames.join(', ')})`);
  process.exit(1);
}
const tableName = `food-table-${sha256(await readFile(path.join(dir, tableNames[0])), 'hex').slice(0, 16)}.txt`;
if (tableNames[0] !== tableName) await rename(path.join(dir, tableNames[0]), path.join(dir, tableName));
html = html.replace(/\s*<meta\s+name="ep-food-table"[^>]*>/i, '');
html = html.replace(
  /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i,
  (m) => `${m}\n    <meta name="ep-food-table" content="/${tableName}">`,
);

// --- 00b. The static first screen's own search (scripts/first-search.mjs) --------------------
const firstSearch = await buildFirstSearch(dir);
console.log(firstSearch.line);

// --- 0. Early fetches -------------------------------------------------------------------------
const preloadRe = /\s*<link\s+rel="(?:modulepreload|preload)"[^>]*>/gi;
const preloads = (html.match(preloadRe) ?? []).map((link) => link.trim());
// The wasm's preload becomes <meta name="ep-wasm">: public/shell.js fetches it at once, or after
// the food table on a first visit to the start page (its own search answers first).
const wasmPreload = preloads.find((link) => /rel="preload"/.test(link) && /\.wasm"/.test(link));
if (preloads.length) {
  html = html.replace(preloadRe, '');
  const early = preloads.filter((link) => link !== wasmPreload);
  if (wasmPreload) {
    html = html.replace(/\s*<meta\s+name="ep-wasm"[^>]*>/i, '');
    early.unshift(`<meta name="ep-wasm" content="${wasmPreload.match(/href="([^"]+)"/)[1]}">`);
  }
  html = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, (m) => `${m}\n    ${early.join('\n    ')}`);
}
const appWasm = html.match(/<meta\s+name="ep-wasm"\s+content="([^"]+)">/i)?.[1];
if (!appWasm) {
  console.error(`pwa-post-build: no wasm preload in ${indexPath} to name in <meta name="ep-wasm">`);
  process.exit(1);
}
// The early downloads, an inline script right after the table's meta (after the stylesheet's
// link it would wait for the stylesheet, as scripts do): with the HTML, before shell.js has
// arrived, as a preload would, but chosen. On a first visit to the start page (no service worker
// serves it yet) the static screen's own search and the food table; anywhere else the app's wasm.
// public/shell.js takes them from window.epEarly.
const firstSearchWasm = `/${firstSearch.glue.replace(/\.js$/, '_bg.wasm')}`;
const earlyScript = `// @early (scripts/pwa-post-build.mjs): what to download first, taken by shell.js
      window.epEarly = location.pathname === '/' && !navigator.serviceWorker?.controller && window.WebAssembly
        ? { search: { glue: '/${firstSearch.glue}', wasm: fetch('${firstSearchWasm}') }, table: fetch('/${tableName}') }
        : { app: fetch('${appWasm}') };
      for (const download of [window.epEarly.search?.wasm, window.epEarly.table, window.epEarly.app]) download?.catch(() => {});
    `;
html = html.replace(/\s*<script>\s*\/\/ @early[\s\S]*?<\/script>/, '');
html = html.replace(/<meta\s+name="ep-food-table"[^>]*>/i, (m) => `${m}\n    <script>${earlyScript}</script>`);

// --- 0b. The wasm's download, watched --------------------------------------------------------
// trunk's loader passes the wasm's URL to wasm-bindgen's init; it passes what shell.js's
// window.epWasm(url, bytes) returns instead (its download, counted as it arrives, so the table's
// can start for the last stretch and keep the link busy; see shell.js), or the URL as before.
html = html.replace(/module_or_path: '([^']+\.wasm)'/, (_, url) => {
  const bytes = statSync(path.join(dir, url.replace(/^\//, ''))).size;
  return `module_or_path: window.epWasm?.('${url}', ${bytes}) ?? '${url}'`;
});
if (!/module_or_path: window\.epWasm/.test(html)) {
  console.error(`pwa-post-build: trunk's loader in ${indexPath} has no module_or_path for the wasm`);
  process.exit(1);
}

// --- 1. CSP hashes for inline scripts -------------------------------------------------------
const inlineHashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attrs, body] = m;
  if (/\bsrc\s*=/i.test(attrs)) continue;
  // The browser hashes the element's text as parsed: CRLF and lone CR become LF.
  inlineHashes.push(`'sha256-${sha256(body.replace(/\r\n?/g, '\n'), 'base64')}'`);
}
const policy = meta[2]
  .split(';')
  .map((d) => d.trim())
  .filter(Boolean)
  .map((directive) => {
    const [name, ...sources] = directive.split(/\s+/);
    if (name !== 'script-src') return directive;
    const kept = sources.filter((s) => !/^'sha(256|384|512)-/.test(s));
    return [name, ...kept, ...inlineHashes].join(' ');
  })
  .join('; ');
html = html.replace(metaRe, (_, a, __, c) => `${a}${policy}${c}`);
await writeFile(indexPath, html);

// --- 2. Precache list into sw.js ------------------------------------------------------------
async function listFiles(root, rel = '') {
  const out = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) continue; // trunk's .stage and friends
    if (entry.isDirectory()) out.push(...(await listFiles(root, relPath)));
    else if (entry.isFile()) out.push(relPath);
  }
  return out;
}

const swPath = path.join(dir, 'sw.js');
let sw = await readFile(swPath, 'utf8').catch(() => null);
if (sw === null) {
  console.error(`pwa-post-build: ${swPath} is missing (copy public/sw.js with a data-trunk link)`);
  process.exit(1);
}
const files = (await listFiles(dir)).filter((f) => f !== 'sw.js').sort();
const precache = [];
for (const file of files) precache.push({ url: file, sha256: sha256(await readFile(path.join(dir, file)), 'hex') });
const version = sha256(JSON.stringify(precache), 'hex').slice(0, 16);
const block = [
  '// @precache-start (written by scripts/pwa-post-build.mjs; do not edit by hand)',
  `const VERSION = ${JSON.stringify(version)};`,
  `const PRECACHE = ${JSON.stringify(precache, null, 2)};`,
  '// @precache-end',
].join('\n');
const markers = /\/\/ @precache-start[\s\S]*?\/\/ @precache-end/;
if (!markers.test(sw)) {
  console.error(`pwa-post-build: ${swPath} has no // @precache-start … // @precache-end block`);
  process.exit(1);
}
sw = sw.replace(markers, block);
await writeFile(swPath, sw);

console.log(
  `pwa-post-build: food table ${tableName}; ${inlineHashes.length} inline script hash(es) in the CSP; ` +
    `${precache.length} files precached, version ${version}`,
);
