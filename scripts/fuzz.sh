#!/usr/bin/env bash
# Fuzzes one target of fuzz/ (cargo-fuzz, nightly), minimises its corpus and repacks
# fuzz/replay/TARGET.bin, which tests/fuzz_replay.rs replays on stable.
#
#   scripts/fuzz.sh TARGET [MINUTES]      TARGET: edge_list segments scenario network_spec address
#                                          network_file gml graphml gexf pajek node_link gephi_csv
#
# Works from any checkout (the main one or a git worktree): everything is relative to the
# checkout holding this script. The corpus lives in fuzz/corpus/TARGET (not committed); it is
# seeded from fuzz/seeds/TARGET and from the packed fuzz/replay/TARGET.bin. Crash, timeout and
# OOM inputs land in fuzz/artifacts/TARGET (raw, not committed): minimise them with
#   cargo +nightly fuzz tmin -s none -a TARGET fuzz/artifacts/TARGET/crash-…
# and copy them to fuzz/crashes/TARGET/ (committed, replayed by tests/fuzz_replay.rs).
#
# One fuzzing process, one thread (libFuzzer's default; -jobs/-workers are not used, since
# -jobs=1 only moves the output into fuzz-0.log). CARGO_BUILD_JOBS defaults to 1.
set -uo pipefail

TARGETS="edge_list segments scenario network_spec address network_file gml graphml gexf pajek node_link gephi_csv"
target=${1:-}
minutes=${2:-10}
if [[ -z "$target" || " $TARGETS " != *" $target "* ]]; then
    echo "usage: $0 TARGET [MINUTES]   (TARGET: $TARGETS)" >&2
    exit 2
fi
if ! [[ "$minutes" =~ ^[0-9]+$ ]]; then
    echo "MINUTES must be a whole number, got '$minutes'" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz || cargo +nightly install cargo-fuzz || exit 1
fi

# -s none: the core has no unsafe code, so AddressSanitizer only slows the search down;
# -a: debug assertions and overflow checks, as in `cargo test`.
build_flags=(-s none -a)
corpus="fuzz/corpus/$target"
mkdir -p "$corpus"
if [[ -d "fuzz/seeds/$target" ]]; then
    cp -n "fuzz/seeds/$target"/* "$corpus"/ 2>/dev/null || true
fi
python3 fuzz/pack.py unpack "fuzz/replay/$target.bin" "$corpus"

libfuzzer_args=(-rss_limit_mb=2048 -timeout=10 -max_len=4096)
if [[ -f "fuzz/dict/$target.dict" ]]; then
    libfuzzer_args+=("-dict=fuzz/dict/$target.dict")
fi

before=$(find "$corpus" -type f | wc -l)
echo "== fuzzing $target for $minutes min (corpus: $before inputs)"
cargo +nightly fuzz run "${build_flags[@]}" "$target" "$corpus" -- \
    -max_total_time=$((minutes * 60)) -print_final_stats=1 "${libfuzzer_args[@]}"
status=$?
if [[ $status -ne 0 ]]; then
    echo "== $target stopped with status $status: see fuzz/artifacts/$target/" >&2
fi

after=$(find "$corpus" -type f | wc -l)
echo "== minimising the corpus of $target ($after inputs)"
cargo +nightly fuzz cmin "${build_flags[@]}" "$target" "$corpus" -- "${libfuzzer_args[@]}"
echo "== corpus of $target: $after inputs before cmin, $(find "$corpus" -type f | wc -l) after"

python3 fuzz/pack.py pack "fuzz/replay/$target.bin" "$corpus" "fuzz/crashes/$target"
exit $status
