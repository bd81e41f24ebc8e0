#!/usr/bin/python3
"""Peer comparison: clout's metrics on random weighted graphs against NetworkX 2.8.8
(every metric, every vertex) and python-igraph 0.10.2 (PageRank, betweenness,
harmonic, HITS), plus the ordering and output options of 'clout rank'.

Sizes run from 1 to 60 vertices. Weights are mostly drawn from {0.25, 0.5, 1, 2, 4}
so that path costs 1/w are exact binary fractions; every NetworkX path metric is in
any case computed with exact rational costs (fractions.Fraction), because NetworkX
compares float path lengths with == and would split ties that differ only by
rounding, while igraph compares them with a tolerance.
"""

import json
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
from common import METRICS, BASE_COLUMNS, TOL  # noqa: E402

BINARY = ["0.25", "0.5", "1", "2", "4"]
HITS_SKIP = ("HITS is not unique here (no relation, or the dominant eigenvalue of A^T A "
             "is not clearly simple)")
IGRAPH_METRICS = ["power", "exposure", "betweenness", "harmonic_out", "harmonic_in", "hub",
                  "authority"]


def ids(prefix, n):
    return ["%s%02d" % (prefix, i) for i in range(n)]


def random_edges(rng, nodes, p, weight):
    edges = []
    for s in nodes:
        for t in nodes:
            if s != t and rng.random() < p:
                edges.append((s, t, weight(rng)))
    return edges


def binary(rng):
    return rng.choice(BINARY)


def integer(rng):
    return str(rng.randint(1, 5))


def real3(rng):
    return "%.3f" % rng.uniform(0.1, 5.0)


# ---------------------------------------------------------------- the graphs

def make_cases(tmp):
    """Each case: dict(name, path, nodes, edges, directed, kind)."""
    cases = []

    def edge_list(name, edges, weighted=True):
        path = common.write_edge_list(os.path.join(tmp, name + ".csv"), edges, weighted)
        nodes = []
        for s, t, *_ in edges:
            for v in (s, t):
                if v not in nodes:
                    nodes.append(v)
        cases.append(dict(name=name, path=path, nodes=nodes, edges=edges, directed=True,
                          folder=False))

    def folder(name, nodes, edges, directed=True, issues=None, **kw):
        path = common.write_folder_case(os.path.join(tmp, name), [v for v in nodes
                                        if v not in (issues or [])], edges, directed,
                                        issues=issues, **kw)
        cases.append(dict(name=name, path=path, nodes=nodes, edges=edges, directed=directed,
                          folder=True, issues=issues or [], **kw))

    # 1. small and dense
    rng = random.Random(101)
    edge_list("dense5", random_edges(rng, ids("a", 5), 0.7, binary))

    # 2. dangling vertices (no out-edges), integer weights 1..5
    rng = random.Random(202)
    nodes = ids("d", 12)
    edges = random_edges(rng, nodes, 0.3, integer)
    dangling = {"d03", "d07", "d11"}
    edges = [e for e in edges if e[0] not in dangling]
    for v in sorted(dangling):  # make sure each still appears as a target
        edges.append(("d00" if v != "d00" else "d01", v, integer(rng)))
    edge_list("dangling12", edges)

    # 3. large and sparse: many vertices reach few others
    rng = random.Random(303)
    edge_list("sparse60", random_edges(rng, ids("s", 60), 0.04, binary))

    # 4. isolated vertices need a folder case
    rng = random.Random(404)
    nodes = ids("i", 18)
    edges = random_edges(rng, nodes[:15], 0.25, binary)
    folder("isolated18", nodes, edges, directed=True)

    # 5. undirected, with reciprocal rows that clout must merge into one relation
    rng = random.Random(505)
    nodes = ids("u", 21)
    edges = []
    for i, s in enumerate(nodes[:20]):
        for t in nodes[i + 1:20]:
            if rng.random() < 0.25:
                edges.append((s, t, binary(rng)) if rng.random() < 0.5 else (t, s, binary(rng)))
                if rng.random() < 0.25:  # the reciprocal row: weights add up
                    edges.append((t, s, binary(rng)))
    folder("undirected21", nodes, edges, directed=False)

    # 6. duplicate rows (summed) and self-loops (dropped)
    rng = random.Random(606)
    nodes = ids("m", 10)
    edges = random_edges(rng, nodes, 0.3, binary)
    dups = [(s, t, binary(rng)) for s, t, _ in rng.sample(edges, 8)]
    loops = [("m02", "m02", "1"), ("m05", "m05", "2")]
    mixed = edges + dups + loops
    rng.shuffle(mixed)
    edge_list("duplicates10", mixed)
    cases[-1]["duplicates"] = len(dups)
    cases[-1]["loops"] = len(loops)
    cases[-1]["distinct"] = len(edges)

    # 7. strongly connected (a Hamiltonian cycle plus chords): HITS is well defined
    rng = random.Random(707)
    nodes = ids("c", 30)
    edges = [(nodes[i], nodes[(i + 1) % 30], binary(rng)) for i in range(30)]
    have = {(s, t) for s, t, _ in edges}
    for s, t, w in random_edges(rng, nodes, 0.12, binary):
        if (s, t) not in have:
            edges.append((s, t, w))
    edge_list("strong30", edges)

    # 8. no weight column: every weight is 1
    rng = random.Random(808)
    edge_list("unit40", [(s, t) for s, t, _ in random_edges(rng, ids("w", 40), 0.08, binary)],
              weighted=False)

    # 9. real-valued weights (3 decimals)
    rng = random.Random(909)
    edge_list("reals25", random_edges(rng, ids("r", 25), 0.2, real3))

    # 10. actors and issues, labels with commas and quotes
    rng = random.Random(1010)
    actors = ids("p", 10)
    issues = ["q_energy", "q_land", "q_trade", "q_zz"]
    nodes = actors + issues
    edges = random_edges(rng, actors, 0.3, binary)
    for q in issues:
        for a in rng.sample(actors, 3):
            edges.append((a, q, binary(rng)))
        edges.append((q, rng.choice(actors), binary(rng)))
    labels = {v: 'Name of %s, "quoted"' % v for v in nodes[::2]}
    blocs = {v: ("west" if i % 3 else "east") for i, v in enumerate(actors)}
    kinds = {v: ("leader" if i % 2 else "state") for i, v in enumerate(actors)}
    folder("issues14", nodes, edges, directed=True, issues=issues, labels=labels, blocs=blocs,
           kinds=kinds)
    # 11-13. corner cases: one vertex (harmonic undefined), two vertices (no
    # betweenness possible), vertices without any relation
    folder("single1", ["solo"], [], directed=True)
    edge_list("pair2", [("x1", "x2", "2")])
    folder("edgeless4", ["e3", "e1", "e4", "e2"], [], directed=True)
    return cases


# ---------------------------------------------------------------- checks

def metric_checks(ck, case, rows):
    name = case["name"]
    G = common.build_nx(case["nodes"], [e if len(e) > 2 else (e[0], e[1], "1")
                                        for e in case["edges"]], case["directed"])
    ref = common.nx_reference(G, case["directed"])
    ck.check("%s: one row per vertex" % name,
             sorted(r["id"] for r in rows) == sorted(G.nodes()),
             "ids %s vs %s" % (sorted(r["id"] for r in rows)[:8], sorted(G.nodes())[:8]))
    for m in METRICS:
        if m not in ref:
            ck.not_applicable("%s: %s vs networkx" % (name, m), HITS_SKIP)
            continue
        common.check_metric(ck, "%s: %s vs networkx" % (name, m), common.by_id(rows, m),
                            ref[m], TOL[m])
    iref = common.igraph_reference(G, case["directed"])
    for m in IGRAPH_METRICS:
        if m not in iref:
            ck.not_applicable("%s: %s vs python-igraph" % (name, m),
                    HITS_SKIP if m in ("hub", "authority") else
                    "undefined for a single vertex (checked against networkx: empty)")
            continue
        common.check_metric(ck, "%s: %s vs python-igraph" % (name, m), common.by_id(rows, m),
                            iref[m], TOL[m])
    ck.check("%s: rank column is 1..n" % name,
             [r["rank"] for r in rows] == [str(i + 1) for i in range(len(rows))],
             "ranks %s" % [r["rank"] for r in rows][:10])
    return G, ref


def order_problems(rows, metric, ref, tol=1e-9):
    """Rows must be sorted by METRIC descending (ties by id) and agree with the reference."""
    problems = []
    for a, b in zip(rows, rows[1:]):
        ga, gb = a[metric], b[metric]
        if ga < gb:
            problems.append("%s (%r) before %s (%r)" % (a["id"], ga, b["id"], gb))
        elif ga == gb and a["id"] > b["id"]:
            problems.append("tie %r: %s before %s" % (ga, a["id"], b["id"]))
        ea, eb = ref[a["id"]], ref[b["id"]]
        if eb - ea > tol:
            problems.append("reference says %s (%r) > %s (%r)" % (b["id"], eb, a["id"], ea))
        elif abs(ea - eb) <= 1e-12 and ga != gb and metric in ("out_strength", "in_strength",
                                                              "reach"):
            problems.append("exact tie split: %s %r vs %s %r" % (a["id"], ga, b["id"], gb))
    return problems


def ordering_checks(ck, case, rows, ref):
    name = case["name"]
    p = order_problems(rows, "power", ref["power"], 1e-8)
    ck.check("%s: default order is power desc, ties by id" % name, not p, "; ".join(p[:4]))


def by_checks(ck, case, ref):
    name = case["name"]
    for m in ("in_strength", "out_strength", "reach", "betweenness", "harmonic_in", "exposure"):
        header, rows = common.rank(case["path"], "--by", m)
        p = order_problems(rows, m, ref[m], TOL[m])
        ck.check("%s: --by %s sorts desc with ties by id" % (name, m), not p, "; ".join(p[:4]))
    # ties by id on exact integer values
    header, rows = common.rank(case["path"], "--by", "reach")
    groups = {}
    for r in rows:
        groups.setdefault(ref["reach"][r["id"]], []).append(r["id"])
    bad = [g for g in groups.values() if g != sorted(g)]
    ck.check("%s: reach ties listed by id" % name, not bad and len(groups) < len(rows),
             "groups out of order %s (or no ties to test)" % bad[:2])


def top_checks(ck, case, full):
    name = case["name"]
    for n in (1, 3, 7):
        header, rows = common.rank(case["path"], "--top", str(n))
        want = [r["id"] for r in full[:n]]
        got = [r["id"] for r in rows]
        ck.check("%s: --top %d" % (name, n), got == want and all(
            rows[i] == full[i] for i in range(len(rows))), "got %s want %s" % (got, want))
    header, rows = common.rank(case["path"], "--top", "1000")
    ck.check("%s: --top larger than n shows all" % name, len(rows) == len(full),
             "%d rows" % len(rows))
    header, rows = common.rank(case["path"], "--by", "in_strength", "--top", "4")
    _, allby = common.rank(case["path"], "--by", "in_strength")
    ck.check("%s: --by in_strength --top 4" % name,
             [r["id"] for r in rows] == [r["id"] for r in allby[:4]],
             "got %s" % [r["id"] for r in rows])


def metrics_option_checks(ck, case, full):
    name = case["name"]
    full_by_id = {r["id"]: r for r in full}
    for chosen in (["power", "reach"], ["betweenness", "power", "hub", "out_strength"],
                   ["harmonic_out"]):
        opts = ["--metrics", ",".join(chosen)]
        if "power" not in chosen:
            opts += ["--by", chosen[0]]
        header, rows = common.rank(case["path"], *opts)
        problems = []
        if header[:len(BASE_COLUMNS)] != BASE_COLUMNS:
            problems.append("base columns %s" % header[:len(BASE_COLUMNS)])
        if sorted(header[len(BASE_COLUMNS):]) != sorted(chosen):
            problems.append("metric columns %s, asked %s" % (header[len(BASE_COLUMNS):], chosen))
        for r in rows:
            for m in chosen:
                if m in r and not common.close(r[m], full_by_id[r["id"]][m], 1e-12, 1e-12):
                    problems.append("%s %s %r vs full run %r" % (r["id"], m, r[m],
                                                                 full_by_id[r["id"]][m]))
        if len(rows) != len(full):
            problems.append("%d rows" % len(rows))
        ck.check("%s: --metrics %s" % (name, ",".join(chosen)), not problems,
                 "; ".join(problems[:4]))


def json_checks(ck, case, full):
    name = case["name"]
    rc, out, err = common.run_clout(["rank", "--format", "json", case["path"]])
    problems = []
    try:
        data = json.loads(out)
    except ValueError as exc:
        ck.fail("%s: json output" % name, "rc %d, does not parse: %s" % (rc, exc))
        return
    if rc != 0:
        problems.append("exit %d" % rc)
    if not isinstance(data, list) or len(data) != len(full):
        problems.append("not a list of %d rows" % len(full))
    else:
        for obj, row in zip(data, full):
            if obj.get("id") != row["id"]:
                problems.append("order: %r vs %r" % (obj.get("id"), row["id"]))
                continue
            for col in BASE_COLUMNS[1:]:
                if str(obj.get(col)) != row[col]:
                    problems.append("%s %s %r vs csv %r" % (row["id"], col, obj.get(col), row[col]))
            if obj.get("rank") != int(row["rank"]):
                problems.append("%s rank %r" % (row["id"], obj.get("rank")))
            for m in METRICS:
                jv = obj.get(m, "absent")
                if jv == "absent" or (jv is None) != (row[m] is None) or (
                        jv is not None and not common.close(float(jv), row[m], 0, 1e-14)):
                    problems.append("%s %s json %r vs csv %r" % (row["id"], m, jv, row[m]))
    ck.check("%s: json output matches csv" % name, not problems, "; ".join(problems[:4]))


def folder_column_checks(ck, case, rows):
    name = case["name"]
    problems = []
    issues = set(case.get("issues", []))
    labels = case.get("labels") or {}
    for r in rows:
        want_type = "issue" if r["id"] in issues else "actor"
        if r["type"] != want_type:
            problems.append("%s type %r" % (r["id"], r["type"]))
        want_label = labels.get(r["id"]) or r["id"]
        if r["label"] != want_label:
            problems.append("%s label %r want %r" % (r["id"], r["label"], want_label))
        if r["id"] not in issues:
            if r["kind"] != (case.get("kinds") or {}).get(r["id"], "state"):
                problems.append("%s kind %r" % (r["id"], r["kind"]))
            if r["bloc"] != (case.get("blocs") or {}).get(r["id"], ""):
                problems.append("%s bloc %r" % (r["id"], r["bloc"]))
    ck.check("%s: type, label, kind and bloc columns" % name, not problems, "; ".join(problems[:4]))


def actors_only_checks(ck, case, full):
    name = case["name"]
    issues = set(case["issues"])
    header, rows = common.rank(case["path"], "--actors-only")
    want = [r for r in full if r["id"] not in issues]
    problems = []
    if [r["id"] for r in rows] != [r["id"] for r in want]:
        problems.append("ids %s want %s" % ([r["id"] for r in rows], [r["id"] for r in want]))
    for r, w in zip(rows, want):
        if r["type"] != "actor":
            problems.append("%s type %r" % (r["id"], r["type"]))
        for m in METRICS:
            if not common.close(r[m], w[m], 1e-12, 1e-12):
                problems.append("%s %s %r vs whole-network %r" % (r["id"], m, r[m], w[m]))
    ck.check("%s: --actors-only hides issues, same values" % name,
             not problems and len(issues) > 0 and len(rows) < len(full), "; ".join(problems[:4]))
    header, rows = common.rank(case["path"], "--actors-only", "--top", "3", "--by", "exposure")
    _, allby = common.rank(case["path"], "--by", "exposure")
    want = [r["id"] for r in allby if r["id"] not in issues][:3]
    ck.check("%s: --actors-only --top 3 --by exposure" % name,
             [r["id"] for r in rows] == want, "got %s want %s" % ([r["id"] for r in rows], want))


def duplicate_checks(ck, case):
    name = case["name"]
    rc, out, err = common.run_clout(["check", case["path"]])
    counts = common.summary_counts(out.strip().splitlines()[-1] if out.strip() else "")
    want = {"actors": len(case["nodes"]), "relations": case["distinct"], "errors": 0,
            "warnings": case["duplicates"] + case["loops"]}
    got = {k: counts.get(k) for k in want}
    ck.check("%s: check counts merged duplicates and dropped loops" % name,
             rc == 0 and got == want and err.count("warning") == want["warnings"],
             "rc %d, got %s want %s; stderr %s" % (rc, got, want, err.strip()[:300]))


def main():
    ck = common.Checker()
    common.require_binary(ck)
    with tempfile.TemporaryDirectory(prefix="clout-peers-nx-") as tmp:
        cases = make_cases(tmp)
        for case in cases:
            def run(case=case):
                header, rows = common.rank(case["path"])
                ck.check("%s: csv header" % case["name"], header == common.ALL_COLUMNS,
                         "header %s" % header)
                G, ref = metric_checks(ck, case, rows)
                ordering_checks(ck, case, rows, ref)
                if case["folder"]:
                    folder_column_checks(ck, case, rows)
                if case["name"] in ("dangling12", "strong30"):
                    by_checks(ck, case, ref)
                if case["name"] in ("sparse60", "issues14"):
                    top_checks(ck, case, rows)
                if case["name"] in ("isolated18", "strong30"):
                    metrics_option_checks(ck, case, rows)
                if case["name"] in ("undirected21", "issues14", "dense5", "single1"):
                    json_checks(ck, case, rows)
                if case["name"] == "issues14":
                    actors_only_checks(ck, case, rows)
                if case["name"] == "duplicates10":
                    duplicate_checks(ck, case)
            ck.guard(case["name"], run)
    ck.finish()


if __name__ == "__main__":
    main()
