#!/usr/bin/env bash
# Idempotent set-up of everything the build and the tests need; fast when all is present.
# Prints one line per item: "ok" or "installing".
#
#   bash scripts/setup.sh            # run it on its own, from any directory
#   source scripts/setup.sh          # serve.sh, test.sh and bench.sh do this
#
# It exports nothing itself: the common environment lives in scripts/env.sh (sourced here).
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/env.sh"

EP_TRUNK_VERSION="0.21.14"
# The wasm splitter of the release build (scripts/split-wasm.mjs); it reads the split points of the
# wasm_split_helpers in Cargo.lock.
EP_WASM_SPLIT_VERSION="0.2.4"
EP_NODE_MAJOR_MIN=20

ep_setup_line() { printf 'setup: %-26s %s\n' "$1" "$2"; }
ep_setup_die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# "X.Y.Z" from "tool X.Y.Z ..." output, or "" if the tool is absent or broken.
ep_setup_version_of() {
  local out
  out="$("$@" 2>/dev/null)" || return 0
  printf '%s\n' "$out" | head -n1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true
}

# The wasm-bindgen version the build will link: Cargo.lock first, else the exact
# `=X.Y.Z` pin in Cargo.toml (before the first build creates Cargo.lock).
ep_setup_wasm_bindgen_wanted() {
  local v=""
  if [[ -f "${EP_ROOT}/Cargo.lock" ]]; then
    v="$(awk '
      /^\[\[package\]\]/ { name = ""; next }
      /^name = / { name = $3; gsub(/"/, "", name); next }
      /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
    ' "${EP_ROOT}/Cargo.lock")"
  fi
  if [[ -z "$v" ]]; then
    v="$(grep -E '^[[:space:]]*wasm-bindgen[[:space:]]*=' "${EP_ROOT}/Cargo.toml" \
      | grep -oE '"=[0-9]+\.[0-9]+\.[0-9]+"' | head -n1 | tr -d '"=' || true)"
  fi
  [[ -n "$v" ]] || ep_setup_die "cannot find the wasm-bindgen version (no Cargo.lock entry, no exact \"=X.Y.Z\" pin in Cargo.toml)"
  printf '%s\n' "$v"
}

ep_setup_main() {
  cd "${EP_ROOT}"
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo)

  # 1. Rust: the wasm target, rustfmt and clippy (test.sh needs all three).
  local sysroot
  sysroot="$(rustc --print sysroot)"
  if [[ -d "${sysroot}/lib/rustlib/wasm32-unknown-unknown/lib" ]]; then
    ep_setup_line "rust wasm32 target" "ok"
  else
    ep_setup_line "rust wasm32 target" "installing"
    rustup target add wasm32-unknown-unknown
  fi
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
    ep_setup_line "rustfmt + clippy" "ok"
  else
    ep_setup_line "rustfmt + clippy" "installing"
    rustup component add rustfmt clippy
  fi

  # 2. trunk, pinned: every 0.22.x needs a newer rustc.
  local have
  have="$(ep_setup_version_of trunk --version)"
  if [[ "$have" == "$EP_TRUNK_VERSION" ]]; then
    ep_setup_line "trunk ${EP_TRUNK_VERSION}" "ok"
  else
    ep_setup_line "trunk ${EP_TRUNK_VERSION}" "installing (found: ${have:-none}; takes ~7 min)"
    # Build in cargo's own temporary dir, not the project's shared target dir.
    env -u CARGO_TARGET_DIR cargo install trunk --version "$EP_TRUNK_VERSION" --locked --force
    [[ "$(ep_setup_version_of trunk --version)" == "$EP_TRUNK_VERSION" ]] \
      || ep_setup_die "trunk ${EP_TRUNK_VERSION} is still not the trunk on PATH ($(command -v trunk || echo none))"
  fi

  # 3. wasm-bindgen-cli equal to the wasm-bindgen in Cargo.lock (also the test runner).
  local wbg trunk_wbg
  wbg="$(ep_setup_wasm_bindgen_wanted)"
  trunk_wbg="$(sed -nE 's/^[[:space:]]*wasm_bindgen[[:space:]]*=[[:space:]]*"([^"]+)".*/\1/p' "${EP_ROOT}/Trunk.toml" 2>/dev/null | head -n1)"
  if [[ -n "$trunk_wbg" && "$trunk_wbg" != "$wbg" ]]; then
    ep_setup_die "Trunk.toml [tools] wasm_bindgen = \"${trunk_wbg}\" but the build uses wasm-bindgen ${wbg}: make them equal"
  fi
  if [[ "$(ep_setup_version_of wasm-bindgen --version)" == "$wbg" \
     && "$(ep_setup_version_of wasm-bindgen-test-runner --version)" == "$wbg" ]]; then
    ep_setup_line "wasm-bindgen-cli ${wbg}" "ok"
  else
    ep_setup_line "wasm-bindgen-cli ${wbg}" "installing (found: $(ep_setup_version_of wasm-bindgen --version | grep . || echo none); takes ~2 min)"
    # No --locked: its lockfile wants a webpki-roots version the registry lacks.
    env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$wbg" --force
    [[ "$(ep_setup_version_of wasm-bindgen --version)" == "$wbg" ]] \
      || ep_setup_die "wasm-bindgen ${wbg} is still not the wasm-bindgen on PATH ($(command -v wasm-bindgen || echo none))"
  fi

  # 3b. wasm-split-cli (crates.io wasm_split_cli_support, built from source), pinned.
  if cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v${EP_WASM_SPLIT_VERSION}:" \
     && command -v wasm-split-cli >/dev/null 2>&1; then
    ep_setup_line "wasm-split-cli ${EP_WASM_SPLIT_VERSION}" "ok"
  else
    ep_setup_line "wasm-split-cli ${EP_WASM_SPLIT_VERSION}" "installing (takes ~3 min)"
    env -u CARGO_TARGET_DIR cargo install wasm_split_cli_support --version "$EP_WASM_SPLIT_VERSION" \
      --features build-binary --locked --force
    command -v wasm-split-cli >/dev/null 2>&1 || ep_setup_die "wasm-split-cli is still not on PATH"
  fi

  # 4. Debian's chromium + chromium-driver (never a downloaded browser).
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    ep_setup_line "chromium + chromedriver" "ok"
  else
    ep_setup_line "chromium + chromedriver" "installing (apt; takes ~1 min)"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  fi

  # 5. node >= 20 and the root package.json (playwright-core, binaryen's wasm-opt, axe-core).
  local node_v
  node_v="$(ep_setup_version_of node --version)"
  [[ -n "$node_v" ]] || ep_setup_die "node is not installed (node ${EP_NODE_MAJOR_MIN}+ is needed)"
  (( ${node_v%%.*} >= EP_NODE_MAJOR_MIN )) || ep_setup_die "node ${node_v} is too old (node ${EP_NODE_MAJOR_MIN}+ is needed)"
  local stamp="${EP_ROOT}/node_modules/.electrolyte-planner.lock.sha256" want=""
  [[ -f package-lock.json ]] && want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
  if [[ -n "$want" && -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/wasm-opt ]]; then
    ep_setup_line "npm packages" "ok"
  else
    ep_setup_line "npm packages" "installing"
    if [[ -f package-lock.json ]]; then
      npm ci --no-audit --no-fund
    else
      npm install --no-audit --no-fund
      want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
    fi
    printf '%s\n' "$want" >"$stamp"
  fi
}

ep_setup_main
