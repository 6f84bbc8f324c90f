#!/usr/bin/env bash
# Shared set-up of ./run and ./test: installs what is missing, skips what is there.
#   - the wasm32-unknown-unknown Rust target, and the clippy and rustfmt components
#   - wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock
#   - node packages (npm ci: playwright-core, binaryen's wasm-opt)
#   - with --browser: Debian's chromium and chromium-driver (for the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

need_browser=0
[ "${1:-}" = "--browser" ] && need_browser=1

if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust with rustup first" >&2
  exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "== installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for c in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    echo "== installing the $c component"
    rustup component add "$c"
  fi
done

# the CLI must match the crate exactly (the version is read from Cargo.lock)
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -z "$want" ]; then
  echo "could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$have" != "$want" ]; then
  echo "== installing wasm-bindgen-cli $want (found: ${have:-none}; takes a few minutes once)"
  # without --locked: one locked dependency of the CLI is not on the registry any more
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ]; then
  echo "== installing node packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "$need_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null; }; then
  echo "== installing Debian's chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
