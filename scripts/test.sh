#!/usr/bin/env bash
# Every test layer, in order, stopping at the first failure:
#   setup, rustfmt, clippy, native cargo tests, wasm tests in headless Chromium,
#   release build with trunk, end-to-end journeys (node --test + playwright-core) on dist/.
# Cargo's "test result: ok. N passed" and node's "# pass N" / "# fail 0" lines are kept.
set -euo pipefail

EP_APP_PACKAGE="electrolyte-planner"
EP_STEPS_TOTAL=7
EP_STEP_NO=0
EP_STEP_NAME="(start)"
EP_STEP_T0="${EPOCHREALTIME}"
EP_T0="${EPOCHREALTIME}"
EP_TIMINGS=()

ep_elapsed() { awk -v a="$1" -v b="${EPOCHREALTIME}" 'BEGIN { printf "%.1f", b - a }'; }

ep_step_done() {
  [[ "$EP_STEP_NO" -gt 0 ]] || return 0
  EP_TIMINGS+=("$(printf '  %-58s %7ss' "[${EP_STEP_NO}/${EP_STEPS_TOTAL}] ${EP_STEP_NAME}" "$(ep_elapsed "$EP_STEP_T0")")")
}

ep_step() {
  ep_step_done
  EP_STEP_NO=$((EP_STEP_NO + 1))
  EP_STEP_NAME="$1"
  EP_STEP_T0="${EPOCHREALTIME}"
  printf '\n==============================================================================\n'
  printf '==> [%s/%s] %s\n' "$EP_STEP_NO" "$EP_STEPS_TOTAL" "$EP_STEP_NAME"
  printf '==============================================================================\n'
}

ep_on_exit() {
  local rc=$?
  if [[ $rc -ne 0 ]]; then
    if [[ ${#EP_TIMINGS[@]} -gt 0 ]]; then
      printf '\npassed before the failure:\n' >&2
      printf '%s\n' "${EP_TIMINGS[@]}" >&2
    fi
    printf '\n==> FAILED at [%s/%s] %s (exit %s, after %ss)\n' \
      "$EP_STEP_NO" "$EP_STEPS_TOTAL" "$EP_STEP_NAME" "$rc" "$(ep_elapsed "$EP_STEP_T0")" >&2
  fi
}
trap ep_on_exit EXIT

ep_step "setup (scripts/setup.sh)"
# shellcheck source=scripts/setup.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"
cd "${EP_ROOT}"
echo "CARGO_TARGET_DIR=${CARGO_TARGET_DIR}"

ep_step "cargo fmt --all -- --check"
cargo fmt --all -- --check
echo "formatting ok"

ep_step "cargo clippy --workspace --all-targets -- -D warnings (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
# The browser tests and wasm-only code compile for wasm32 only: lint them there too.
cargo clippy -p "${EP_APP_PACKAGE}" -p electrolyte-first-search --target wasm32-unknown-unknown --all-targets -- -D warnings

ep_step "cargo test --workspace (native)"
cargo test --workspace

ep_step "cargo test -p ${EP_APP_PACKAGE} -p electrolyte-first-search --target wasm32-unknown-unknown --tests (headless Chromium)"
cargo test -p "${EP_APP_PACKAGE}" -p electrolyte-first-search --target wasm32-unknown-unknown --tests

ep_step "release build: scripts/release-build.sh (trunk build --release, screens split into wasm chunks)"
bash "$EP_ROOT/scripts/release-build.sh"

ep_step "end-to-end journeys: node --test e2e/ (playwright-core, Chromium, dist/)"
E2E_DIST="${EP_ROOT}/dist" node --test --test-reporter=tap --test-concurrency=1 e2e/

ep_step_done
printf '\n==> all %s layers passed in %ss\n' "$EP_STEPS_TOTAL" "$(ep_elapsed "$EP_T0")"
printf '%s\n' "${EP_TIMINGS[@]}"
