// Builds the static first screen's search (crates/first-search) into the build, called by
// scripts/pwa-post-build.mjs (trunk's post_build hook) before anything is hashed.
//
// cargo builds the crate for wasm32 in trunk's profile, wasm-bindgen makes its glue (--target
// web) and wasm-opt -Oz shrinks it, as trunk does for the app; the two files are named
// first-search-<first 16 hex of the wasm's SHA-256>.js and …_bg.wasm (index.html's early
// downloads start them on a first visit to /: pwa-post-build.mjs, step 0).
// Idempotent: a build that has them already (the update e2e re-runs the hook) is left alone.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CRATE = 'electrolyte-first-search';
const STEM = 'electrolyte_first_search';
const NAME = /^first-search-[0-9a-f]{16}\.js$/;

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

/** cargo's target directory, as trunk's build used it. */
function targetDir(sourceDir) {
  if (process.env.CARGO_TARGET_DIR) return path.resolve(sourceDir, process.env.CARGO_TARGET_DIR);
  const metadata = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: sourceDir, encoding: 'utf8' });
  return JSON.parse(metadata).target_directory;
}

/** Builds the module into `dir` (kept if there); returns its glue's name and a log line. */
export async function buildFirstSearch(dir) {
  const existing = (await readdir(dir)).find((n) => NAME.test(n));
  let glueName = existing;
  let line = `first-search: kept ${existing}`;
  if (!existing) {
    const sourceDir = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
    const profile = process.env.TRUNK_PROFILE ?? 'release';
    const release = profile === 'release';
    // Without the split build's RUSTFLAGS (its relocations keep wasm-opt from optimising), in a
    // target directory of its own so that the two sets of flags never rebuild each other.
    const target = path.join(targetDir(sourceDir), 'first-search');
    const env = { ...process.env, CARGO_TARGET_DIR: target };
    delete env.RUSTFLAGS;
    execFileSync('cargo', ['build', '-p', CRATE, '--target', 'wasm32-unknown-unknown', ...(release ? ['--release'] : [])], {
      cwd: sourceDir,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const raw = path.join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${STEM}.wasm`);
    const work = await mkdtemp(path.join(tmpdir(), 'ep-first-search-'));
    try {
      run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, raw]);
      const optimised = path.join(work, 'optimised.wasm');
      const bound = path.join(work, `${STEM}_bg.wasm`);
      if (release) run('wasm-opt', ['-Oz', '--strip-producers', '--strip-target-features', bound, '-o', optimised]);
      const wasm = await readFile(release ? optimised : bound);
      const stem = `first-search-${createHash('sha256').update(wasm).digest('hex').slice(0, 16)}`;
      glueName = `${stem}.js`;
      await writeFile(path.join(dir, `${stem}_bg.wasm`), wasm);
      await writeFile(path.join(dir, glueName), await readFile(path.join(work, `${STEM}.js`)));
      line = `first-search: ${glueName} + ${(wasm.length / 1024).toFixed(1)} KB wasm (raw)`;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return { glue: glueName, line };
}
