#!/usr/bin/env bash
# Builds the page's wasm module into www/pkg (the size-optimised `wasm` profile, then binaryen's wasm-opt -Oz).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# the `wasm` profile: release, optimised for size (Cargo.toml)
cargo build --profile wasm --target wasm32-unknown-unknown -p viralsim-web
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/wasm/viralsim_web.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  www/pkg/viralsim_web_bg.wasm -o www/pkg/viralsim_web_bg.wasm
install -m 644 data/ego-facebook.txt www/pkg/ego-facebook.txt
echo "built www/pkg ($(du -k www/pkg/viralsim_web_bg.wasm | cut -f1) KB wasm)"
