#!/usr/bin/env python3
"""viralsim beside the peer libraries, in one script, on the same graph and seeds.

Imports the harness that timed the peers (shared/bench/peers/bench_peers.py) for loading the
graph, building the CSR arrays and timing CyNetDiff and EoN exactly as RESULTS.md did, and runs
viralsim's `mc_timing` example (single thread, same graph file, same 10 top-degree seeds). Each
round times every contender once, interleaved, so machine load hits both sides alike; the table
gives the best per-run time of each over the rounds and the ratio peer / viralsim.

Usage: benches/peers.sh (sets up the venv), or
  python benches/peers.py --peers ../shared/bench/peers --graph ../shared/data/ba100k.edgelist.gz
"""
import argparse
import json
import os
import subprocess
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers", required=True, help="folder with bench_peers.py")
    ap.add_argument("--graph", required=True)
    ap.add_argument("--timing-bin", required=True, help="viralsim's mc_timing example binary")
    ap.add_argument("--cli", required=True, help="viralsim's release CLI")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--eon-runs", type=int, default=30)
    args = ap.parse_args()
    sys.path.insert(0, args.peers)
    import bench_peers as bp  # noqa: E402

    n, e = bp.load_edgelist(args.graph)
    starts, nbrs, deg = bp.build_csr(n, e)
    seeds = bp.top_degree_seeds(deg, 10)
    ctx = dict(n=n, edges=e, starts=starts, nbrs=nbrs, deg=deg, seeds=seeds)
    print(f"graph {args.graph}: n={n}, m={len(e)}, seeds={seeds}", flush=True)

    def ours(model_json, runs):
        out = subprocess.check_output([args.timing_bin, args.graph, model_json, str(runs), "top-degree:10", "1"])
        r = json.loads(out)
        assert r["seeds"] == seeds, (r["seeds"], seeds)
        return r["per_run_ms"], r["mean_reach"]

    def cli(model_json, runs):
        m = json.loads(model_json)
        flags = ["--model", m["kind"]] + [x for k, v in m.items() if k != "kind" for x in (f"--{k}", str(v))]
        out = subprocess.check_output([args.cli, "run", "--graph", args.graph] + flags
                                      + ["--seeds", "top-degree:10", "--runs", str(runs), "--threads", "1", "--seed", "1"])
        r = json.loads(out)
        return r["elapsed_ms"] / runs, r["reach"]["mean"]

    def peer(fn, *a):
        res = fn(ctx, *a)
        sizes, times = res["sizes"], res["times"]
        return 1000.0 * sum(times) / len(times), sum(sizes) / len(sizes)

    tau, gamma = 0.05, 1.0
    T = tau / (tau + gamma)
    # our discrete SIR with gamma = 0.2 and beta chosen for the same per-arc transmissibility
    g = 0.2
    # solve 1 - T = g(1-b)/(1-(1-g)(1-b)) for b: x = 1-b, (1-T)(1-(1-g)x) = g x
    x = (1 - T) / (g + (1 - T) * (1 - g))
    beta = 1 - x
    cases = [
        ("IC p=0.01", "cynetdiff", lambda: peer(bp.run_cynetdiff_ic, 0.01, args.runs, 42), '{"kind":"ic","p":0.01}', 2.0),
        ("IC p=0.05", "cynetdiff", lambda: peer(bp.run_cynetdiff_ic, 0.05, args.runs, 42), '{"kind":"ic","p":0.05}', 2.0),
        ("LT 1/deg", "cynetdiff", lambda: peer(bp.run_cynetdiff_lt, args.runs, 42), '{"kind":"lt"}', 5.0),
        (
            f"SIR T={T:.4f} (EoN fast_SIR tau=0.05 gamma=1; ours beta={beta:.5f} gamma={g})",
            "EoN",
            lambda: peer(lambda c, r, s: bp.run_eon_sir(c, tau, gamma, r, s, 0), args.eon_runs, 42),
            json.dumps({"kind": "sir", "beta": beta, "gamma": g}),
            10.0,
        ),
    ]
    seen = {}
    loads = []
    for rnd in range(args.rounds):
        for name, peer_name, fp, model, _ in cases:
            t0 = time.time()
            pm, pr = fp()
            cm, cr = cli(model, args.runs)
            om, orr = ours(model, args.runs)
            b = seen.setdefault(name, dict(peer=peer_name, p=[], c=[], o=[], pr=pr, cr=cr))
            b["p"].append(pm)
            b["c"].append(cm)
            b["o"].append(om)
            b["pr"], b["cr"] = pr, cr
            loads.append(os.getloadavg()[0])
            print(f"round {rnd + 1} {name}: {peer_name} {pm:.4f} ms/run (reach {pr:.1f}), viralsim CLI {cm:.4f} ms/run (reach {cr:.1f}), engine {om:.4f} [{time.time() - t0:.1f} s]", flush=True)
    print()
    print("| case | peer | peer ms/run min / median / max | viralsim CLI ms/run min / median / max | ratio (medians) | target | engine alone, best | peer reach | viralsim reach |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    ok = True
    med = lambda xs: sorted(xs)[len(xs) // 2]
    fmt = lambda xs: f"{min(xs):.4f} / {med(xs):.4f} / {max(xs):.4f}"
    for name, _, _, _, target in cases:
        b = seen[name]
        ratio = med(b["p"]) / med(b["c"])
        ok &= ratio >= target
        print(f"| {name} | {b['peer']} | {fmt(b['p'])} | {fmt(b['c'])} | {ratio:.1f}× | ≥{target:.0f}× | {min(b['o']):.4f} | {b['pr']:.1f} | {b['cr']:.1f} |")
    print(f"\nload average (1 min) during the rounds: {min(loads):.2f}–{max(loads):.2f}")
    print(f"\nloadavg {os.getloadavg()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
