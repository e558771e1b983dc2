#!/usr/bin/env bash
# The app as users get it: set-up, the release build (skipped when dist/ was built from exactly
# these sources), then dist/ served like a static host on http://127.0.0.1:8080 — gzip, and
# index.html for any extension-less path (deep links such as /food/09040). Seconds on a warm
# machine. The watch-and-rebuild developer server is scripts/dev.sh.
#
#   bash scripts/serve.sh [port]
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"
cd "${EP_ROOT}"

port="${1:-8080}"
# Everything the bundle is built from: tracked and untracked-but-not-ignored files.
stamp="$(git ls-files -co --exclude-standard -- Cargo.toml Cargo.lock Trunk.toml index.html src crates/domain/src \
  crates/domain/Cargo.toml data style public scripts/pwa-post-build.mjs scripts/split-wasm.mjs \
  scripts/release-build.sh .cargo \
  | sort | xargs sha256sum | sha256sum | cut -d' ' -f1)" || stamp=""
if [[ -n "$stamp" && -f dist/.ep-build-stamp && "$(cat dist/.ep-build-stamp)" == "$stamp" && -f dist/index.html ]]; then
  echo "serve: dist/ is built from these sources"
else
  bash "$EP_ROOT/scripts/release-build.sh"
  printf '%s\n' "$stamp" > dist/.ep-build-stamp
fi
exec node e2e/support/server.mjs dist "$port" --gzip
