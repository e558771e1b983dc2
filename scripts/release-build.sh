#!/usr/bin/env bash
# The release build every user gets: `trunk build --release` with the screens split into wasm
# chunks loaded on first use (src/pages/screens.rs, scripts/split-wasm.mjs). Arguments go to trunk.
# --cfg erase_components: as .cargo/config.toml (RUSTFLAGS replaces that list); --cfg ep_split:
# the split points; --emit-relocs: the splitter moves code by its relocations.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/env.sh"
cd "$EP_ROOT"
export RUSTFLAGS="--cfg erase_components --cfg ep_split -C link-arg=--emit-relocs"
exec trunk build --release "$@"
