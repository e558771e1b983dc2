// Splits the release wasm into the first screen's module and one chunk per later screen
// (src/pages/screens.rs), called first by scripts/pwa-post-build.mjs (trunk's post_build hook).
//
// trunk has no wasm splitting (trunk-rs/trunk#1022), so this redoes its last two steps on the
// split build: `scripts/release-build.sh` builds with `--cfg ep_split` (every screen of
// screens.rs a `#[lazy]` split point) and `-C link-arg=--emit-relocs` (the splitter moves code
// by its relocations). Here, from cargo's raw wasm:
//   1. wasm-split-cli (crates.io wasm_split_cli_support, as cargo-leptos uses it) writes the main
//      module, the chunks and their loader, __wasm_split.js;
//   2. wasm-bindgen, as trunk ran it, makes the main module's glue under trunk's file names;
//   3. wasm-opt -Oz, as trunk ran it, on the main module and on every chunk;
//   4. every chunk and the loader get a content hash in their name (no cache ever mixes two
//      builds), and the files replace trunk's unsplit ones, with index.html's integrity
//      attributes recomputed.
// A raw wasm without split points (trunk serve, a plain `trunk build`) is left alone.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The import module of a split point's loader: only a build with split points has it (the
// wasm_split_unstable section is in every build that links leptos).
const SPLIT_IMPORT = '__wasm_split_placeholder__';
const BIN = 'electrolyte-planner';

const hash = (data, algorithm = 'sha256', encoding = 'hex') => createHash(algorithm).update(data).digest(encoding);
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

/** cargo's target directory, as trunk's build used it. */
function targetDir(sourceDir) {
  if (process.env.CARGO_TARGET_DIR) return path.resolve(sourceDir, process.env.CARGO_TARGET_DIR);
  const metadata = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: sourceDir, encoding: 'utf8' });
  return JSON.parse(metadata).target_directory;
}

/** Splits the release wasm trunk staged in `dir`; returns a line for the log, or null if unsplit. */
export async function splitWasm(dir) {
  const sourceDir = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  const profile = process.env.TRUNK_PROFILE ?? 'release';
  const raw = path.join(targetDir(sourceDir), 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);
  const input = await readFile(raw).catch(() => null);
  if (!input || !input.includes(Buffer.from(SPLIT_IMPORT))) return null;

  // Already split (pwa-post-build.mjs run again on a built dist/, as the update e2e does).
  if ((await readdir(dir)).some((n) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(n))) return null;
  const staged = (await readdir(dir)).find((n) => n.startsWith(`${BIN}-`) && n.endsWith('_bg.wasm'));
  if (!staged) throw new Error(`split-wasm: no ${BIN}-<hash>_bg.wasm in ${dir}`);
  const stem = staged.slice(0, -'_bg.wasm'.length);
  const work = await mkdtemp(path.join(tmpdir(), 'ep-split-'));
  try {
    const split = path.join(work, 'split');
    run('wasm-split-cli', [raw, split, '--out-name', stem, '--target', 'web']);
    const bound = path.join(work, 'bound');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bound, '--out-name', stem, path.join(split, `${stem}.wasm`)]);
    const optimise = (from, to) => run('wasm-opt', ['-Oz', '--strip-producers', '--strip-target-features', from, '-o', to]);

    // The chunks, hashed, and the loader that names them.
    let loader = await readFile(path.join(split, '__wasm_split.js'), 'utf8');
    const chunks = (await readdir(split)).filter((n) => n.endsWith('.wasm') && n !== `${stem}.wasm`);
    let chunkBytes = 0;
    for (const name of chunks) {
      const optimised = path.join(work, name);
      optimise(path.join(split, name), optimised);
      const bytes = await readFile(optimised);
      chunkBytes += bytes.length;
      const hashed = `${name.slice(0, -'.wasm'.length)}-${hash(bytes).slice(0, 16)}.wasm`;
      const reference = `"./${name}"`;
      if (!loader.includes(reference)) throw new Error(`split-wasm: __wasm_split.js never names ${name}`);
      loader = loader.replaceAll(reference, `"./${hashed}"`);
      await writeFile(path.join(dir, hashed), bytes);
    }
    const loaderName = `__wasm_split-${hash(loader).slice(0, 16)}.js`;
    await writeFile(path.join(dir, loaderName), loader);

    // The main module and its glue, under trunk's names.
    optimise(path.join(bound, `${stem}_bg.wasm`), path.join(dir, staged));
    let glue = await readFile(path.join(bound, `${stem}.js`), 'utf8');
    if (!glue.includes('"./__wasm_split.js"')) throw new Error('split-wasm: the glue does not import ./__wasm_split.js');
    // Only the import statements: the imports object keeps the wasm's module name as its key.
    glue = glue.replaceAll(/(from\s*)"\.\/__wasm_split\.js"/g, `$1"./${loaderName}"`);
    await writeFile(path.join(dir, `${stem}.js`), glue);

    // index.html's preloads carry trunk's integrity hashes of the files just replaced.
    const indexPath = path.join(dir, 'index.html');
    let html = await readFile(indexPath, 'utf8');
    for (const file of [staged, `${stem}.js`]) {
      const integrity = `sha384-${hash(await readFile(path.join(dir, file)), 'sha384', 'base64')}`;
      html = html.replace(/<link\b[^>]*>/gi, (tag) =>
        tag.includes(`href="/${file}"`) ? tag.replace(/integrity="[^"]*"/, `integrity="${integrity}"`) : tag,
      );
    }
    await writeFile(indexPath, html);
    const mainBytes = (await readFile(path.join(dir, staged))).length;
    return `split-wasm: main ${(mainBytes / 1024).toFixed(1)} KB + ${chunks.length} chunks ${(chunkBytes / 1024).toFixed(1)} KB (raw)`;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
