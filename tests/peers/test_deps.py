#!/usr/bin/python3
"""'clout deps' against NetworkX: articulation points and bridges of the
undirected view, reach counts (descendants and ancestors) and immediate
dominators from a root, on the bundled case and on random digraphs."""

import csv
import io
import os
import random
import sys
import tempfile

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

CASE = os.path.join(common.REPO, "data", "ukraine-2025")


def case_graph(folder):
    g = nx.DiGraph()
    for name in ("actors.csv", "issues.csv"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with open(path, newline="", encoding="utf-8-sig") as f:
                g.add_nodes_from(row["id"] for row in csv.DictReader(f))
    with open(os.path.join(folder, "relations.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["source"] != row["target"]:
                g.add_edge(row["source"], row["target"])
    return g


def check(ck, name, case, g, root):
    args = ["deps", "--format", "csv", case] + (["--root", root] if root else [])
    rc, out, err = common.run_clout(args)
    if not ck.check("%s: exit 0" % name, rc == 0, err):
        return
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    u = nx.Graph(g.to_undirected())
    cut = set(nx.articulation_points(u))
    ck.check("%s: articulation points equal NetworkX's (%d)" % (name, len(cut)),
             {v for v, r in rows.items() if r["articulation"] == "1"} == cut,
             sorted(cut))
    bridges = {tuple(sorted(b)) for b in nx.bridges(u)}
    count = {v: 0 for v in g}
    for a, b in bridges:
        count[a] += 1
        count[b] += 1
    ck.check("%s: bridges per vertex equal NetworkX's (%d bridges)" % (name, len(bridges)),
             all(int(rows[v]["bridges"]) == count[v] for v in g), sorted(bridges)[:5])
    listed = err.split("bridge", 1)[1] if "bridge" in err else ""
    ck.check("%s: stderr lists every bridge" % name,
             all(("%s -- %s" % b) in listed or ("%s -- %s" % b[::-1]) in listed
                 for b in bridges), err)
    bad = [v for v in g if int(rows[v]["reaches"]) != len(nx.descendants(g, v)) or
           int(rows[v]["reached_by"]) != len(nx.ancestors(g, v))]
    ck.check("%s: reaches and reached_by equal descendants and ancestors" % name, not bad,
             bad[:5])
    if root:
        idom = nx.immediate_dominators(g, root)
        bad = [v for v in g if rows[v]["dominator"] != (idom.get(v, "") if v != root else "")]
        ck.check("%s: immediate dominators from %s equal NetworkX's" % (name, root), not bad,
                 [(v, rows[v]["dominator"], idom.get(v)) for v in bad[:5]])
        dominated = {v: 0 for v in g}
        for v in idom:
            up = idom[v]
            while v != root and up is not None:
                dominated[up] += 1
                if up == root:
                    break
                up = idom[up]
        bad = [v for v in g if int(rows[v]["dominates"]) != dominated[v]]
        ck.check("%s: dominates counts the dominator-tree descendants" % name, not bad, bad[:5])


def main():
    ck = common.Checker()
    common.require_binary(ck)
    g = case_graph(CASE)
    check(ck, "bundled", CASE, g, None)
    for root in ("putin", "trump", "zelensky"):
        check(ck, "bundled", CASE, g, root)
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="clout-peers-deps-") as tmp:
        for trial in range(4):
            n = rng.randint(15, 40)
            edges = set()
            while len(edges) < int(n * 1.3):
                a, b = rng.randrange(n), rng.randrange(n)
                if a != b:
                    edges.add(("v%02d" % a, "v%02d" % b))
            path = common.write_edge_list(os.path.join(tmp, "r%d.csv" % trial),
                                          [(a, b, 1) for a, b in sorted(edges)])
            rg = nx.DiGraph(sorted(edges))
            check(ck, "random %d" % trial, path, rg, sorted(rg)[0])
    ck.finish()


if __name__ == "__main__":
    main()
