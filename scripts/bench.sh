#!/usr/bin/env bash
# Benchmark (not a test; test.sh does not run it): release build, then bytes shipped,
# cold load to interactive and per-keystroke search latency in headless Chromium.
# Prints a markdown table with budgets; writes e2e/artifacts/bench.json.
#   bash scripts/bench.sh [--runs 15] [--strict] [--no-isolation]
# --strict exits 1 when a budget fails. BENCH_SKIP_BUILD=1 reuses the existing dist/.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"
cd "${EP_ROOT}"

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  echo "==> scripts/release-build.sh (trunk build --release, split)"
  bash "$EP_ROOT/scripts/release-build.sh"
fi
echo "==> node e2e/bench/bench.mjs $*"
exec node e2e/bench/bench.mjs --dist "${EP_ROOT}/dist" "$@"
