# shellcheck shell=bash
# Common environment for every script in scripts/ (sourced, never executed).
#
# - EP_ROOT: the repository root, found from this file's own path (any cwd works).
# - PATH: the repo's node_modules/.bin first (npm's binaryen 132 wasm-opt must win over
#   Debian's binaryen 108, which silently breaks the bundle), then ~/.cargo/bin
#   (trunk, wasm-bindgen, wasm-bindgen-test-runner).
# - CARGO_TARGET_DIR: outside the clone by default, so a fresh clone rebuilds in seconds.
#   trunk honours it too. Override by exporting it before calling a script.

EP_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
export EP_ROOT

case ":${PATH}:" in
  *":${EP_ROOT}/node_modules/.bin:${HOME}/.cargo/bin:"*) ;;
  *) export PATH="${EP_ROOT}/node_modules/.bin:${HOME}/.cargo/bin:${PATH}" ;;
esac

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME}/.cache/electrolyte-planner/target}"
export TRUNK_SKIP_VERSION_CHECK=true
# wasm-bindgen-test-runner drives headless Chromium through this driver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The e2e harness and the benchmark launch this browser through playwright-core.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# Never let any npm package try to fetch a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
