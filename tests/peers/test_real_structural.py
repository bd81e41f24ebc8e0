#!/usr/bin/python3
"""The structural analyses (deps, micmac, mactor, blocs, whatif) on real data sets (the
Florentine multiplex from tests/data, TrumpWorld from $REAL_DATA, read in place), against
NetworkX, NumPy and python-igraph:

  florentine-elite-families-multiplex
                 the marriage ties as an undirected folder case: the Medici are a cut
                 vertex, as every account of the marriage network has it; no tie is
                 negative, so the network is balanced, one camp per connected part
  trumpworld     Entity A -> Entity B (2,669 actors): blocs, mactor and the knock-out
                 report run at full size; Donald J. Trump's absence does the most damage

A data set that is not here is reported as a SKIP.
"""

import csv
import io
import json
import os
import sys
import tempfile

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

MICMAC_HEADER = ["id", "label", "type", "direct_influence", "direct_dependence",
                 "indirect_influence", "indirect_dependence", "sector", "indirect_sector"]
MACTOR_HEADER = ["id", "label", "influence", "dependence", "r_star", "ambivalence"]


def run_csv(args):
    rc, out, err = common.run_clout(args, timeout=300)
    if rc != 0:
        raise RuntimeError("clout %s exited %d: %s" % (" ".join(args[:2]), rc, err.strip()[:300]))
    table = list(csv.reader(io.StringIO(out)))
    return table[0], [dict(zip(table[0], r)) for r in table[1:]]


def run_json(args):
    rc, out, err = common.run_clout(args, timeout=300)
    if rc != 0:
        raise RuntimeError("clout %s exited %d: %s" % (" ".join(args[:2]), rc, err.strip()[:300]))
    return json.loads(out)


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def pairs_cut(G, a):
    """Ordered pairs of vertices other than a that a path joins in G and not in G - a."""
    H = G.copy()
    H.remove_node(a)
    def reach(graph):
        if graph.is_directed():
            return {u: nx.descendants(graph, u) for u in graph}
        comp = {}
        for c in nx.connected_components(graph):
            for u in c:
                comp[u] = c - {u}
        return comp
    before, after = reach(G), reach(H)
    return sum(len(before[u] - {a}) - len(after[u]) for u in H)


def florentine(ck, tmp):
    base = common.real_data("florentine-elite-families-multiplex")
    families = {r["family_id"]: r["family"] for r in read_tsv(os.path.join(base, "families.txt"))}
    domains = {r["domain"]: r["domain_id"] for r in read_tsv(os.path.join(base, "domains.txt"))}
    edges = [(families[r["family_id_from"]], families[r["family_id_to"]], r["weight"])
             for r in read_tsv(os.path.join(base, "relations.txt"))
             if r["domain_id"] == domains["Marriage"]]
    actors = [families[k] for k in sorted(families, key=int)]
    folder = common.write_folder_case(os.path.join(tmp, "florentine"), actors, edges,
                                      directed=False)
    G = common.build_nx(actors, edges, directed=False)
    medici = [v for v in actors if v.upper() == "MEDICI"]
    ck.check("florentine: the Medici are in the data", len(medici) == 1, actors[:5])
    medici = medici[0]

    header, rows = run_csv(["deps", "-f", "csv", folder])
    cut = {r["id"] for r in rows if r["articulation"] == "1"}
    ck.check("florentine: deps articulation points = networkx's",
             cut == set(nx.articulation_points(G)), sorted(cut ^ set(nx.articulation_points(G))))
    ck.check("florentine: the Medici are a cut vertex", medici in cut, sorted(cut))

    header, rows = run_csv(["whatif", "--each", "-f", "csv", folder])
    want = {a: pairs_cut(G, a) for a in actors}
    got = {r["id"]: int(r["reach_lost"]) for r in rows}
    ck.check("florentine: whatif --each reach_lost = networkx, every family", got == want,
             [(a, got.get(a), want[a]) for a in actors if got.get(a) != want[a]][:5])
    reverse_pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    damage = {}
    for a in actors:
        H = G.copy()
        H.remove_node(a)
        after = nx.pagerank(H, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
        damage[a] = sum(abs(after[v] - reverse_pr[v]) for v in H)
    bad = [(r["id"], r["damage_power"], damage[r["id"]]) for r in rows
           if abs(float(r["damage_power"]) - damage[r["id"]]) > 1e-8]
    ck.check("florentine: whatif --each damage_power = networkx PageRank, every family", not bad,
             bad[:3])

    data = run_json(["blocs", "-f", "json", folder])
    parts = [c for c in nx.connected_components(G) if len(c) > 1]
    camps = {v: k for v, k in data["camps"].items() if k is not None}
    ck.check("florentine: no negative tie: frustration 0, proved",
             data["frustration_index"] == 0 and data["frustration_exact"] is True
             and data["balanced_triangle_share"] == 1, data["frustration_index"])
    ck.check("florentine: one camp per connected part with a tie",
             sorted(sorted(v for v in camps if camps[v] == k) for k in set(camps.values())) ==
             sorted(sorted(c) for c in parts), len(set(camps.values())))
    import igraph as ig
    names = list(G.nodes())
    h = ig.Graph([(names.index(u), names.index(v)) for u, v in G.edges()], n=len(names))
    memb = [data["communities"][v] for v in names]
    loose = max([m for m in memb if m is not None] + [0]) + 1
    memb = [m if m is not None else loose + i for i, m in enumerate(memb)]
    q = h.modularity(memb, weights=[G[u][v]["weight"] for u, v in G.edges()])
    ck.check("florentine: blocs modularity = python-igraph's of its communities",
             abs(q - data["modularity"]) < 1e-12, (q, data["modularity"]))

    header, rows = run_csv(["micmac", "-f", "csv", folder])
    ck.check("florentine: micmac CSV header", header == MICMAC_HEADER, header)
    m = nx.to_numpy_array(G, nodelist=actors, weight="weight")
    rho = max(abs(np.linalg.eigvals(m)))
    alpha = 0.5 / rho
    t = m @ np.linalg.inv(np.eye(len(m)) - alpha * m)
    ref = dict(zip(actors, t.sum(1)))
    bad = [r["id"] for r in rows if abs(float(r["indirect_influence"]) - ref[r["id"]]) >
           1e-9 * max(1.0, ref[r["id"]])]
    ck.check("florentine: micmac indirect influence = NumPy's M (I - alpha M)^-1", not bad, bad[:3])

    header, rows = run_csv(["mactor", "-f", "csv", folder])
    ck.check("florentine: mactor CSV header", header == MACTOR_HEADER, header)
    total = sum(float(r["r_star"]) for r in rows)
    ck.check("florentine: mactor r* averages 1 over the families", abs(total - len(rows)) < 1e-9,
             total)


def trumpworld(ck, tmp):
    path = common.real_data("trumpworld", "trumpworld.csv")
    with open(path, newline="", encoding="utf-8") as f:
        edges = [(r["Entity A"], r["Entity B"], 1) for r in csv.DictReader(f)]
    case = common.write_edge_list(os.path.join(tmp, "trumpworld.csv"), edges)
    data = run_json(["blocs", "-f", "json", case])
    ck.check("trumpworld: blocs: no negative tie, frustration 0 proved, one camp",
             data["frustration_index"] == 0 and data["frustration_exact"] is True
             and data["camp_count"] == nx.number_connected_components(
                 nx.Graph([(s, t) for s, t, _ in edges if s != t])),
             (data["frustration_index"], data["camp_count"]))
    header, rows = run_csv(["mactor", "-f", "csv", case])
    ck.check("trumpworld: mactor on 2,669 actors: r* averages 1",
             abs(sum(float(r["r_star"]) for r in rows) - len(rows)) < 1e-6 * len(rows),
             len(rows))
    header, rows = run_csv(["whatif", "--each", "-f", "csv", case])
    ck.check("trumpworld: whatif --each: Donald J. Trump's absence does the most damage",
             rows and rows[0]["id"] == "DONALD J. TRUMP", rows[0]["id"] if rows else None)
    G = nx.DiGraph([(s, t) for s, t, _ in edges if s != t])
    top = rows[0]["id"]
    ck.check("trumpworld: his reach_lost = networkx's count of the pairs he cuts",
             int(rows[0]["reach_lost"]) == pairs_cut(G, top), rows[0]["reach_lost"])


def main():
    ck = common.Checker()
    common.require_binary(ck)
    with tempfile.TemporaryDirectory(prefix="clout-peers-structural-") as tmp:
        ck.guard_data("florentine", ("florentine-elite-families-multiplex",), florentine, ck, tmp)
        ck.guard_data("trumpworld", ("trumpworld", "trumpworld.csv"), trumpworld, ck, tmp)
    ck.finish()


if __name__ == "__main__":
    main()
