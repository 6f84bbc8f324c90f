#!/usr/bin/env bash
# Reading speed of every network file format: viralsim's CLI (`info`, which reads the file, then
# describes it) against networkx's reader of the same file, on one random network of EDGES edges
# (default 1,000,000) among EDGES/5 people, written once as an edge list and converted by
# `viralsim convert` into the other formats.
#
#   benches/formats.sh [EDGES]
#
# Needs a release build (cargo build --release, or VIRALSIM_BIN=path) and a Python with
# networkx (VIRALSIM_NX_PYTHON, default ~/.cache/viralsim-nx/bin/python: see
# scripts/make-format-fixtures.py). Files go to BENCH_DIR (default /tmp/viralsim-formats-bench).
# Prints one Markdown row per format: seconds (wall) and peak memory, viralsim then networkx.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
edges=${1:-1000000}
bin=${VIRALSIM_BIN:-$root/target/release/viralsim}
py=${VIRALSIM_NX_PYTHON:-$HOME/.cache/viralsim-nx/bin/python}
dir=${BENCH_DIR:-/tmp/viralsim-formats-bench}
mkdir -p "$dir"
[[ -x "$bin" ]] || { echo "no viralsim binary at $bin: cargo build --release" >&2; exit 1; }

# the network: EDGES random pairs among EDGES/5 people (seeded), as an edge list
if [[ ! -s "$dir/net.txt" ]] || [[ "$(head -1 "$dir/net.txt")" != "# $edges" ]]; then
  "$py" - "$edges" "$dir/net.txt" <<'PY'
import random, sys
m, path = int(sys.argv[1]), sys.argv[2]
n = max(2, m // 5)
rng = random.Random(1)
with open(path, "w") as f:
    f.write(f"# {m}\n")
    for _ in range(m):
        u, v = rng.randrange(n), rng.randrange(n)
        while v == u:
            v = rng.randrange(n)
        f.write(f"{u} {v}\n")
PY
  for ext in csv gml graphml gexf net json; do
    "$bin" convert "$dir/net.txt" "$dir/net.$ext" 2>/dev/null
  done
fi

# seconds and peak KB of a command, as "S s, M MB"
measure() {
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > /dev/null 2> "$dir/err.txt" || { cat "$dir/err.txt" >&2; echo "failed"; return; }
  awk '{ printf "%.2f s, %d MB", $1, $2 / 1024 }' "$dir/time.txt"
}

cat > "$dir/nx_read.py" <<'PY'
import csv, json, sys
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
if fmt == "edge-list":
    g = nx.read_edgelist(path, comments="#")
elif fmt == "gephi-csv":
    g = nx.Graph()
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        g.add_edges_from((row[0], row[1]) for row in r)
elif fmt == "gml":
    g = nx.read_gml(path, label="id")
elif fmt == "graphml":
    g = nx.read_graphml(path)
elif fmt == "gexf":
    g = nx.read_gexf(path)
elif fmt == "pajek":
    g = nx.read_pajek(path)
else:
    with open(path) as f:
        g = nx.node_link_graph(json.load(f), edges="edges")
print(g.number_of_nodes(), g.number_of_edges(), file=sys.stderr)
PY

echo "| format | file | viralsim info | networkx |"
echo "|---|---|---|---|"
for pair in edge-list:txt gephi-csv:csv gml:gml graphml:graphml gexf:gexf pajek:net json:json; do
  fmt=${pair%%:*}; ext=${pair##*:}
  f="$dir/net.$ext"
  size=$(du -m "$f" | cut -f1)
  v=$(measure "$bin" info --graph "$f" --format json)
  p=$(measure "$py" "$dir/nx_read.py" "$fmt" "$f")
  echo "| $fmt | $size MB | $v | $p |"
done
