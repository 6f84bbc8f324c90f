#!/usr/bin/env bash
# IMM beside SUBSIM (Guo et al., SIGMOD 2020), one thread each, on the same file.
#
# Builds SUBSIM (GPL-3.0: built and run outside the repo, never copied into it) in a scratch
# folder, makes its ba.c graph (317,080 nodes, 1,902,462 arcs), formats it for the weighted
# cascade, then times, interleaved for a few rounds:
#   SUBSIM    ./subsim -func=im -seedsize=50 -eps=0.1            (its own time, and the process)
#   viralsim  viralsim run --graph dblp_like.edges --directed --model ic --weights in_degree
#                          --seeds imm:50 --epsilon 0.1 --runs 1 --threads 1   (and --threads 2)
#             examples/imm_timing (the same IMM, reading apart from selecting)
# with peak RSS from /usr/bin/time -v; then measures every round's seed sets' spread with 10,000
# runs of viralsim's Monte Carlo (the same random draws for all) and prints a table. Each round
# draws new RR sets on both sides (SUBSIM seeds from the clock, viralsim takes --seed ROUND),
# so the spreads are compared as means over the rounds.
#
# Usage: benches/imm.sh [--rounds N] [--runs R]      env: SUBSIM=src dir, WORK=scratch dir
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SUBSIM=${SUBSIM:-$REPO/../shared/bench/subsim}
WORK=${WORK:-${TMPDIR:-/tmp}/viralsim-subsim}
ROUNDS=5
RUNS=10000
K=50
EPS=0.1
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) echo "usage: benches/imm.sh [--rounds N] [--runs R]" >&2; exit 2 ;;
  esac
done
[ -f "$SUBSIM/subsim.cpp" ] || { echo "no $SUBSIM/subsim.cpp (set SUBSIM=...)" >&2; exit 2; }
case $(realpath -m "$WORK")/ in "$REPO"/*) echo "WORK must be outside the repo" >&2; exit 2 ;; esac
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

cargo build -q --release --bin viralsim --example imm_timing
V=$REPO/target/release/viralsim
T=$REPO/target/release/examples/imm_timing

mkdir -p "$WORK"
cd "$WORK"
if [ ! -x subsim ] || [ "$SUBSIM/subsim.cpp" -nt subsim ]; then
  rm -rf src && cp -r "$SUBSIM" src && chmod -R u+w src
  g++ -std=c++14 -O3 src/subsim.cpp -o subsim
  gcc -O2 src/ba.c -o ba
fi
mkdir -p graphInfo result
if [ ! -f dblp_like.edges ]; then
  ./ba 317080 3 graphInfo/dblp_like
  ./subsim -func=format -gname=dblp_like -pdist=wc > /dev/null
  tail -n +2 graphInfo/dblp_like > dblp_like.edges
fi

LOG=$WORK/log.tsv
: > "$LOG"
# time -v's wall clock (h:mm:ss or m:ss.ss) in seconds, and its peak RSS in MB
tv() { awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; w=s}
                   /Maximum resident/{m=$2/1024} END{printf "%.3f\t%.0f", w, m}' "$1"; }
for r in $(seq "$ROUNDS"); do
  # SUBSIM seeds its generator from the clock: each round draws other RR sets; viralsim
  # takes --seed r for the same effect
  /usr/bin/time -v ./subsim -func=im -gname=dblp_like -seedsize=$K -eps=$EPS > subsim.out 2> time.txt
  own=$(awk '/\|Time \(sec\)/{print $NF}' subsim.out)
  printf 'subsim\t%s\t%s\n' "$(tv time.txt)" "$own" >> "$LOG"
  paste -sd, result/seed/seed_dblp_like_subsim_k${K}_wc > "seeds-subsim-$r.txt"
  for th in 1 2; do
    /usr/bin/time -v "$V" run --graph dblp_like.edges --directed --model ic --weights in_degree \
      --seeds imm:$K --epsilon $EPS --runs 1 --threads $th --seed $r --format table > /dev/null 2> time.txt
    "$T" dblp_like.edges '{"kind":"ic","weights":"in_degree"}' $K $EPS $th 1 directed seed=$r > ours.json
    imm=$(python3 -c 'import json; print(json.load(open("ours.json"))["imm_s"][0])')
    printf 'viralsim-t%s\t%s\t%s\n' "$th" "$(tv time.txt)" "$imm" >> "$LOG"
    python3 -c 'import json; print(json.load(open("ours.json"))["seeds"])' > "seeds-viralsim-t$th-$r.txt"
  done
  cmp -s "seeds-viralsim-t1-$r.txt" "seeds-viralsim-t2-$r.txt" ||
    { echo "round $r: --threads 1 and 2 chose different seeds" >&2; exit 1; }
done

# every seed set's spread, RUNS runs each, with the same runs (scenario seed 7) for all
for r in $(seq "$ROUNDS"); do
  for who in subsim viralsim-t1; do
    "$V" run --graph dblp_like.edges --directed --model ic --weights in_degree \
      --seeds "nodes:$(cat "seeds-$who-$r.txt")" --runs "$RUNS" --seed 7 --format json > "mc-$who-$r.json"
  done
done

python3 - "$LOG" "$ROUNDS" "$RUNS" <<'PY'
import json, statistics as st, sys
log, rounds, runs = sys.argv[1], sys.argv[2], sys.argv[3]
rows = {}
for line in open(log):
    who, wall, rss, own = line.rstrip("\n").split("\t")
    rows.setdefault(who, []).append((float(wall), float(rss), float(own)))
def mmm(xs):
    return f"{min(xs):.2f} / {st.median(xs):.2f} / {max(xs):.2f}"
def col(who, i):
    return [r[i] for r in rows[who]]
print(f"\nIMM, k = 50, eps = 0.1, weighted cascade, ba.c graph (317,080 nodes, 1,902,462 arcs); {rounds} rounds, interleaved")
print("| | seconds selecting (min / median / max) | seconds, whole process (min / median / max) | peak RSS MB |")
print("|---|---:|---:|---:|")
names = {"subsim": "SUBSIM, 1 thread (binary graph file)",
         "viralsim-t1": "viralsim --threads 1 (text edge list)",
         "viralsim-t2": "viralsim --threads 2 (text edge list)"}
for who in ["subsim", "viralsim-t1", "viralsim-t2"]:
    print(f"| {names[who]} | {mmm(col(who, 2))} | {mmm(col(who, 0))} | {max(col(who, 1)):.0f} |")
s = st.median(col("subsim", 2)); v = st.median(col("viralsim-t1", 2))
print(f"\nselection time, median: viralsim (1 thread) / SUBSIM = {v / s:.2f}")
spread = {w: [json.load(open(f"mc-{w}-{r}.json"))["reach"]["mean"] for r in range(1, int(rounds) + 1)]
          for w in ["subsim", "viralsim-t1"]}
for w, name in [("subsim", "SUBSIM's seeds"), ("viralsim-t1", "viralsim's seeds")]:
    xs = spread[w]
    print(f"spread of {name}, {runs} runs each: mean {st.mean(xs):.1f} over the rounds ({', '.join(f'{x:.1f}' for x in xs)})")
ratio = st.mean(spread["viralsim-t1"]) / st.mean(spread["subsim"])
print(f"viralsim / SUBSIM spread: {ratio:.4f} ({'within' if ratio > 0.99 else 'NOT within'} 1 %)")
PY
