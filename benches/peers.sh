#!/usr/bin/env bash
# Side-by-side benchmark against CyNetDiff 0.1.18 and EoN 2.0 on the peers' BA(100000, 5) graph.
# Sets up a venv outside the repo (~/.cache/viralsim-peers), builds viralsim's timing example,
# then runs benches/peers.py: the release CLI's default output (the user's path) beside CyNetDiff
# and EoN, interleaved rounds, min/median/max. Usage: benches/peers.sh [--rounds N] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-../shared/bench/peers}
GRAPH=${GRAPH:-../shared/data/ba100k.edgelist.gz}
VENV=${VENV:-$HOME/.cache/viralsim-peers}
[ -f "$PEERS/bench_peers.py" ] || { echo "no $PEERS/bench_peers.py (set PEERS=...)" >&2; exit 2; }
[ -f "$GRAPH" ] || { echo "no $GRAPH (set GRAPH=...)" >&2; exit 2; }
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import cynetdiff, EoN, networkx, numpy" 2>/dev/null ||
  "$VENV/bin/pip" install -q cynetdiff==0.1.18 eon==2.0 networkx==3.6.1 numpy scipy
cargo build --release --example mc_timing --bin viralsim
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg): benches/peers.sh $*"
exec "$VENV/bin/python" benches/peers.py --peers "$PEERS" --graph "$GRAPH" --timing-bin target/release/examples/mc_timing --cli target/release/viralsim "$@"
