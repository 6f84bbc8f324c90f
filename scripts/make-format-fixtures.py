#!/usr/bin/env python3
"""Writes the network files of tests/fixtures/formats/ that networkx writes, and the numbers
viralsim must read from them (tests/fixtures/formats/networkx.json), for tests/formats.rs.

    python3 -m venv ~/.cache/viralsim-nx && ~/.cache/viralsim-nx/bin/pip install networkx
    ~/.cache/viralsim-nx/bin/python scripts/make-format-fixtures.py

Three graphs: Zachary's karate club (undirected, edge weights, the 'club' attribute), a small
directed audience with typed node attributes and a self-loop, and a directed multigraph (two
arcs a->b: one duplicate to merge). Each is written with write_gml, write_graphml, write_gexf,
node_link_data (json) and write_pajek. The expected numbers are networkx's own count of
distinct non-loop edges, self-loops and repeated edges.
"""
import json
import os
import sys

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "formats")


def audience():
    g = nx.DiGraph()
    people = [
        ("alice", "France", 31, 1200.5, True),
        ("bob", "Germany", 25, 300.0, False),
        ("carol", "France", 47, 45.25, False),
        ("dan", "Spain", 19, 8000.0, True),
        ("eve", "Germany", 38, 12.0, False),
        ("frank", "France", 52, 610.0, False),
    ]
    for name, country, age, followers, vip in people:
        g.add_node(name, country=country, age=age, followers=followers, vip=vip)
    for u, v, w in [
        ("alice", "bob", 0.5), ("bob", "carol", 0.25), ("carol", "alice", 0.125),
        ("alice", "dan", 0.75), ("dan", "eve", 0.5), ("eve", "frank", 0.25),
        ("frank", "alice", 1.0), ("bob", "alice", 0.5), ("dan", "dan", 0.5),
    ]:
        g.add_edge(u, v, weight=w)
    return g


def multi():
    g = nx.MultiDiGraph()
    g.add_nodes_from(["a", "b", "c", "d"])
    for u, v in [("a", "b"), ("a", "b"), ("b", "a"), ("b", "c"), ("c", "c"), ("c", "d")]:
        g.add_edge(u, v)
    return g


def counts(g):
    loops = nx.number_of_selfloops(g)
    pairs = set()
    total = 0
    for u, v in g.edges():
        if u == v:
            continue
        total += 1
        pairs.add((u, v) if g.is_directed() else tuple(sorted((str(u), str(v)))))
    return {
        "edges": len(pairs),
        "self_loops_dropped": loops,
        "duplicates_merged": total - len(pairs),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    graphs = {"karate": nx.karate_club_graph(), "audience": audience(), "multi": multi()}
    expected = {"networkx": nx.__version__, "files": {}}
    for name, g in graphs.items():
        c = counts(g)
        weighted = any("weight" in d for _, _, d in g.edges(data=True))
        node_attrs = sorted({k for _, d in g.nodes(data=True) for k in d})
        for fmt, ext in [("gml", "gml"), ("graphml", "graphml"), ("gexf", "gexf"), ("json", "json"), ("pajek", "net")]:
            path = os.path.join(OUT, f"nx_{name}.{ext}")
            if fmt == "gml":
                nx.write_gml(g, path)
            elif fmt == "graphml":
                nx.write_graphml(g, path)
            elif fmt == "gexf":
                nx.write_gexf(g, path)
            elif fmt == "json":
                with open(path, "w") as f:
                    json.dump(nx.node_link_data(g, edges="edges"), f, indent=1, sort_keys=True)
                    f.write("\n")
            else:
                nx.write_pajek(g, path)
            # where viralsim finds node names: ids for graphml/gexf/json, 'label' for gml, pajek
            attrs = list(node_attrs)
            if fmt in ("gml", "pajek", "gexf"):
                attrs = sorted(set(attrs) | {"label"})
            if fmt == "pajek":
                attrs = ["label"]  # Pajek holds no typed attributes (viralsim notes and skips them)
            expected["files"][f"nx_{name}.{ext}"] = {
                "format": fmt,
                "nodes": g.number_of_nodes(),
                "directed": g.is_directed(),
                # write_pajek writes a value on every arc (1.0 when the graph has no weights)
                "weighted": weighted or fmt == "pajek",
                "attributes": attrs,
                **c,
            }
    with open(os.path.join(OUT, "networkx.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(expected['files'])} files with networkx {nx.__version__} to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
