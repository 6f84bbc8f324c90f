#!/usr/bin/env bash
# Builds the page's wasm module into www/pkg (the size-optimised `wasm` profile, then binaryen's
# wasm-opt -Oz), twice:
#   viralsim_web_bg.wasm     the full page's (file readers, Gephi export, comparisons, reports)
#   viralsim_widget_bg.wasm  the <viral-sim> widget's: the same exports without the `page`
#                            feature (those answer with a `not_in_widget` error), so that one
#                            JS glue (viralsim_web.js) serves both; checked below.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
WASM=target/wasm32-unknown-unknown/wasm/viralsim_web.wasm
FEATURES="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals"
LITE=target/wasm-widget
# the `wasm` profile: release, optimised for size (Cargo.toml)
cargo build --profile wasm --target wasm32-unknown-unknown -p viralsim-web --no-default-features
rm -rf "$LITE"
wasm-bindgen --target web --out-dir "$LITE" "$WASM"
cargo build --profile wasm --target wasm32-unknown-unknown -p viralsim-web
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg "$WASM"
# one glue for both: the same imports and exports (doc comments aside)
strip_comments() { grep -v '^\s*\(/\*\*\|\*\|\*/\|//\)' "$1"; }
if ! diff <(strip_comments "$LITE/viralsim_web.js") <(strip_comments www/pkg/viralsim_web.js) >/dev/null; then
  diff <(strip_comments "$LITE/viralsim_web.js") <(strip_comments www/pkg/viralsim_web.js) | head -20 >&2
  echo "the widget's wasm and the page's need different JS glue: keep the same exports in both builds (web/src/lib.rs)" >&2
  exit 1
fi
# shellcheck disable=SC2086
node_modules/.bin/wasm-opt -Oz --converge $FEATURES www/pkg/viralsim_web_bg.wasm -o www/pkg/viralsim_web_bg.wasm
# shellcheck disable=SC2086
node_modules/.bin/wasm-opt -Oz --converge $FEATURES "$LITE/viralsim_web_bg.wasm" -o www/pkg/viralsim_widget_bg.wasm
install -m 644 data/ego-facebook.txt www/pkg/ego-facebook.txt
echo "built www/pkg ($(du -k www/pkg/viralsim_web_bg.wasm | cut -f1) KB wasm, widget $(du -k www/pkg/viralsim_widget_bg.wasm | cut -f1) KB)"
