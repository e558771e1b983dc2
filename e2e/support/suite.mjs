// What every journey file shares: the release build under test (E2E_DIST, else dist/), one
// static server for it and one headless Chromium, started before the file's tests and closed
// after them.

import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = process.env.E2E_DIST || `${REPO}dist`;

/**
 * Registers this file's before/after hooks and returns `{ server, browser }` (call it `served`), filled in once
 * `before` has run (use them inside tests only).
 */
export function useApp() {
  const app = { server: undefined, browser: undefined };
  before(async () => {
    if (!existsSync(`${DIST}/index.html`)) {
      throw new Error(`${DIST}/index.html is missing: build first (trunk build --release, or bash scripts/test.sh)`);
    }
    app.server = await startServer({ root: DIST });
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
