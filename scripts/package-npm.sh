#!/usr/bin/env bash
# scripts/package-npm.sh [--no-build] — builds the npm package `viralsim` into target/npm/viralsim
# and packs it with `npm pack`; the path of the .tgz is the LAST line it prints.
#
# The package (ESM, no dependencies):
#   viralsim                        the low-level wasm-bindgen module (Simulation, parseAddress, …);
#                                   call its default export (init) or initSync({module}) first
#   viralsim/node                   the same, initialised in Node from the .wasm (node:fs)
#   viralsim/element                registers <viral-sim> (the only module with side effects
#                                   besides viralsim/node's initialisation)
#   viralsim/viralsim_web_bg.wasm   the wasm itself (for bundlers and custom loaders)
#   viralsim/viralsim_widget_bg.wasm the element's smaller wasm (same exports, no page extras)
#   viralsim/ego-facebook.txt       the ego-Facebook edge list (network=facebook)
# with TypeScript types (wasm-bindgen's .d.ts, scripts/npm/viral-sim.d.ts, scripts/npm/node.d.ts)
# and scripts/npm/README.md.
#
# www/pkg is rebuilt (scripts/build-web.sh) when it is missing or older than the Rust sources;
# --no-build uses it as it is (it must exist).
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-npm.sh: unknown option '$a' (usage: scripts/package-npm.sh [--no-build])" >&2; exit 2 ;;
  esac
done

wasm=www/pkg/viralsim_web_bg.wasm
if [ ! -f "$wasm" ]; then
  [ "$build" = 1 ] || { echo "package-npm.sh: $wasm is missing (run scripts/build-web.sh)" >&2; exit 1; }
  scripts/build-web.sh >&2
elif [ "$build" = 1 ] && [ -n "$(find src web/src Cargo.toml Cargo.lock web/Cargo.toml -newer "$wasm" -type f -print -quit 2>/dev/null)" ]; then
  echo "www/pkg is older than the Rust sources: rebuilding it" >&2
  scripts/build-web.sh >&2
fi

version=$(sed -n '/^\[package\]/,/^\[/ s/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -n1)
[ -n "$version" ] || { echo "package-npm.sh: no version in Cargo.toml" >&2; exit 1; }

out=target/npm
dir=$out/viralsim
rm -rf "$dir"
mkdir -p "$dir/pkg" "$dir/js"

# the element and every module it imports (followed from www/viral-sim.js, so a new import
# cannot be forgotten)
modules=$(node --input-type=module -e '
  import { widgetModules } from "./scripts/widget-modules.mjs";
  console.log(widgetModules("www").join("\n"));
')
for f in $modules; do
  case "$f" in
    viral-sim.js|js/*.js|pkg/viralsim_web.js) install -D -m 644 "www/$f" "$dir/$f" ;;
    *) echo "package-npm.sh: www/viral-sim.js imports www/$f, which the package does not expect" >&2; exit 1 ;;
  esac
done
for f in viralsim_web.js viralsim_web.d.ts viralsim_web_bg.wasm viralsim_widget_bg.wasm viralsim_web_bg.wasm.d.ts ego-facebook.txt; do
  install -m 644 "www/pkg/$f" "$dir/pkg/$f"
done
install -m 644 scripts/npm/node.js scripts/npm/node.d.ts scripts/npm/viral-sim.d.ts scripts/npm/README.md "$dir/"

VERSION="$version" node --input-type=module -e '
  import { writeFileSync } from "node:fs";
  const pkg = {
    name: "viralsim",
    version: process.env.VERSION,
    description: "Word-of-mouth spread simulator: the <viral-sim> element for web pages and the wasm core for the browser and Node",
    license: "MIT OR Apache-2.0",
    keywords: ["simulation", "diffusion", "social network", "viral", "epidemic", "independent cascade", "wasm", "web component"],
    type: "module",
    main: "./pkg/viralsim_web.js",
    module: "./pkg/viralsim_web.js",
    types: "./pkg/viralsim_web.d.ts",
    exports: {
      ".": { types: "./pkg/viralsim_web.d.ts", default: "./pkg/viralsim_web.js" },
      "./node": { types: "./node.d.ts", node: "./node.js" },
      "./element": { types: "./viral-sim.d.ts", default: "./viral-sim.js" },
      "./viralsim_web_bg.wasm": "./pkg/viralsim_web_bg.wasm",
      "./viralsim_widget_bg.wasm": "./pkg/viralsim_widget_bg.wasm",
      "./ego-facebook.txt": "./pkg/ego-facebook.txt",
      "./package.json": "./package.json",
    },
    // importing viralsim/element registers <viral-sim>; importing viralsim/node instantiates the
    // wasm: a bundler must keep both even when their exports look unused
    sideEffects: ["./viral-sim.js", "./node.js"],
    files: ["pkg/", "js/", "viral-sim.js", "viral-sim.d.ts", "node.js", "node.d.ts", "README.md"],
    engines: { node: ">=18" },
  };
  writeFileSync("target/npm/viralsim/package.json", JSON.stringify(pkg, null, 2) + "\n");
'

rm -f "$out"/viralsim-*.tgz
tgz=$(cd "$dir" && npm pack --silent --pack-destination .. | tail -n1)
[ -f "$out/$tgz" ] || { echo "package-npm.sh: npm pack made no $out/$tgz" >&2; exit 1; }
echo "packed $(find "$dir" -type f | wc -l) files, $(du -k "$out/$tgz" | cut -f1) KB" >&2
echo "$(pwd)/$out/$tgz"
