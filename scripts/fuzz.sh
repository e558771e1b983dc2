#!/usr/bin/env bash
# The long fuzz run of the diary's decoders (issue 14, item 7): 1,000,000 generated inputs
# (FUZZ_CASES to change) through the backup import and the storage decoders, 0 panics.
# Not part of CI's run (scripts/test.sh); results in BENCHMARKS.md.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/env.sh"
cd "$EP_ROOT"
exec cargo test -p electrolyte-domain --release --lib -- --ignored fuzz --nocapture "$@"
