#!/usr/bin/env bash
# Developer server (the first command, scripts/serve.sh, serves the release build instead): set-up, then `trunk serve` on http://127.0.0.1:8080 (address and port
# come from Trunk.toml [serve]); it rebuilds on every change, and the page's "A new version is
# ready" banner offers the reload. No live reload: trunk injects it as an inline script at
# serve time, which the app's CSP rightly blocks (with a console error on every page). Extra arguments go to trunk, e.g.
#   bash scripts/dev.sh --release
# trunk's output stays on the terminal: never redirect it into the project folder, or its
# watcher sees the log change and rebuilds forever.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"
cd "${EP_ROOT}"

echo "dev: http://127.0.0.1:8080/  rebuilt on every change (Ctrl-C to stop)"
exec trunk serve --no-autoreload "$@"
