"""Shared helpers for the peer-comparison tests of clout.

The tests run the clout binary on generated cases and compare what it prints
with independent implementations (NetworkX, python-igraph) or with published
expected values. Each script prints one line per check ("PASS name" or
"FAIL name: details"), "SKIP name: reason" for a check that could not run
here (a real data set outside the repository), "N/A name: reason" for an
oracle case that does not apply to clout (not a check at all), and ends with
the line "N passed, N failed, N skipped"; it exits 1 when a check failed.

Environment: CLOUT (the binary, default build/clout in the repository),
CLOUT_TEST_FULL=1 (make check-full: the long variants too) and
REAL_DATA (the folder of real data sets that have no licence to be copied
here; default ../shared/data-real beside the repository when it exists).
The one openly licensed real data set lives in tests/data/.
"""

import csv
import io
import json
import math
import os
import subprocess
import sys
import traceback
import warnings
from fractions import Fraction

# NetworkX 2.8 warns about its own use of scipy matrices inside nx.hits
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLOUT = os.path.abspath(os.environ.get("CLOUT") or os.path.join(REPO, "build", "clout"))
# make check-full sets CLOUT_TEST_FULL=1: the long variants of a few checks run too.
FULL = os.environ.get("CLOUT_TEST_FULL") == "1"
ORACLES = os.path.join(REPO, "tests", "peers", "oracles")
BUNDLED = os.path.join(REPO, "tests", "data")
_default_real = os.path.join(REPO, "..", "shared", "data-real")
REAL_DATA = os.environ.get("REAL_DATA") or (_default_real if os.path.isdir(_default_real) else "")
REAL_DATA = os.path.abspath(REAL_DATA) if REAL_DATA else None


def real_data(*parts):
    """The path of a real data set (or a file in it): the bundled copy for the openly
    licensed one, else under REAL_DATA; None when it is not here."""
    bundled = os.path.join(BUNDLED, *parts)
    if os.path.exists(bundled):
        return bundled
    if REAL_DATA is None:
        return None
    path = os.path.join(REAL_DATA, *parts)
    return path if os.path.exists(path) else None


def missing_data_reason(*parts):
    """Why a real data set is not here, for a SKIP line."""
    if REAL_DATA is None:
        return ("needs the real data set %s: set REAL_DATA to the folder of real data sets"
                % "/".join(parts))
    return "needs %s, which is not in REAL_DATA=%s" % ("/".join(parts), REAL_DATA)

# Output columns of 'clout rank', in order.
BASE_COLUMNS = ["rank", "id", "label", "type", "kind", "bloc"]
METRICS = ["out_strength", "in_strength", "power", "exposure", "betweenness",
           "harmonic_out", "harmonic_in", "hub", "authority", "reach"]
ALL_COLUMNS = BASE_COLUMNS + METRICS

# Default tolerances: absolute, except PageRank which is iterative in NetworkX.
TOL = {m: 1e-9 for m in METRICS}
TOL["power"] = TOL["exposure"] = 1e-8


class Checker:
    """Counts checks and prints one line for each."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def ok(self, name):
        self.passed += 1
        print("PASS " + name, flush=True)

    def fail(self, name, details):
        self.failed += 1
        details = " ".join(str(details).split("\n"))
        if len(details) > 1500:
            details = details[:1500] + " ..."
        print("FAIL %s: %s" % (name, details), flush=True)

    def check(self, name, condition, details=""):
        if condition:
            self.ok(name)
        else:
            self.fail(name, details or "condition is false")
        return bool(condition)

    def skip(self, name, reason):
        """A check that could not run here: counted, never a pass."""
        self.skipped += 1
        print("SKIP %s: %s" % (name, reason), flush=True)

    @staticmethod
    def not_applicable(name, reason):
        """A reference case that does not apply to clout: not a check, not counted."""
        print("N/A %s: %s" % (name, reason), flush=True)

    def guard(self, name, func, *args, **kwargs):
        """Run one group of checks; an exception becomes one failed check."""
        try:
            return func(*args, **kwargs)
        except Exception as exc:  # the group is broken, not the whole script
            tb = traceback.format_exc().strip().splitlines()
            self.fail(name, "%s: %s [%s]" % (type(exc).__name__, exc, " | ".join(tb[-3:])))
            return None

    def guard_data(self, name, parts, func, *args, **kwargs):
        """guard(), or one SKIP line when the real data set PARTS is not here."""
        if real_data(*parts) is None:
            self.skip(name, missing_data_reason(*parts))
            return None
        return self.guard(name, func, *args, **kwargs)

    def finish(self):
        print("%d passed, %d failed, %d skipped" % (self.passed, self.failed, self.skipped),
              flush=True)
        sys.exit(1 if self.failed else 0)


def require_binary(checker):
    if not (os.path.isfile(CLOUT) and os.access(CLOUT, os.X_OK)):
        checker.fail("clout binary", "not found or not executable: %s (run make)" % CLOUT)
        checker.finish()


# ---------------------------------------------------------------- running clout

def run_clout(args, timeout=120):
    """Run clout with ARGS; return (exit status, stdout, stderr)."""
    proc = subprocess.run([CLOUT] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout)
    return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def parse_number(text):
    """A CSV cell of clout: empty -> None, else float."""
    if text == "":
        return None
    return float(text)


def parse_rank_csv(text):
    """CSV output of 'clout rank' -> (header, rows); metric cells become floats or None."""
    reader = csv.reader(io.StringIO(text))
    table = list(reader)
    if not table:
        raise ValueError("empty output")
    header = table[0]
    rows = []
    for cells in table[1:]:
        if len(cells) != len(header):
            raise ValueError("row has %d cells, header %d: %r" % (len(cells), len(header), cells))
        row = dict(zip(header, cells))
        for m in METRICS:
            if m in row:
                row[m] = parse_number(row[m])
        rows.append(row)
    return header, rows


def rank(case, *options):
    """'clout rank --format csv OPTIONS CASE' -> (header, rows); raises on a non-zero exit."""
    rc, out, err = run_clout(["rank", "--format", "csv"] + list(options) + [case])
    if rc != 0:
        raise RuntimeError("clout rank %s exited %d: %s" % (" ".join(options), rc,
                                                            err.strip()[:500]))
    return parse_rank_csv(out)


def by_id(rows, metric):
    return {row["id"]: row[metric] for row in rows}


# ---------------------------------------------------------------- writing cases

def fmt_weight(w):
    """A weight as clout must read it: plain decimal, enough digits to round-trip."""
    if isinstance(w, Fraction):
        w = float(w)
    if isinstance(w, str):
        return w
    text = repr(float(w))
    if "e" in text or "E" in text:
        text = "%.17f" % w
    return text


def write_edge_list(path, edges, weighted=True, extra=None):
    """EDGES: (source, target[, weight]) tuples. EXTRA: optional dict column -> list of values."""
    header = ["source", "target"] + (["weight"] if weighted else [])
    extra = extra or {}
    header += list(extra)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for i, e in enumerate(edges):
            row = [e[0], e[1]]
            if weighted:
                row.append(fmt_weight(e[2]))
            row += [extra[k][i] for k in extra]
            w.writerow(row)
    return path


def write_folder_case(folder, actors, relations, directed=True, issues=None, labels=None,
                      kinds=None, blocs=None):
    """A case folder: ACTORS ids, RELATIONS (source, target, weight), ISSUES ids (optional)."""
    os.makedirs(folder, exist_ok=True)
    labels = labels or {}
    kinds = kinds or {}
    blocs = blocs or {}
    with open(os.path.join(folder, "actors.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label", "kind", "bloc"])
        for a in actors:
            w.writerow([a, labels.get(a, ""), kinds.get(a, "state"), blocs.get(a, "")])
    if issues:
        with open(os.path.join(folder, "issues.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "label"])
            for i in issues:
                w.writerow([i, labels.get(i, "")])
    with open(os.path.join(folder, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight", "evidence"])
        for k, (s, t, wt) in enumerate(relations):
            w.writerow([s, t, fmt_weight(wt), "generated relation %d" % (k + 1)])
    with open(os.path.join(folder, "case.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "value"])
        w.writerow(["directed", "yes" if directed else "no"])
    return folder


# ---------------------------------------------------------------- references

def to_fraction(w):
    if isinstance(w, Fraction):
        return w
    if isinstance(w, str):
        return Fraction(w)
    if isinstance(w, int):
        return Fraction(w)
    return Fraction(repr(float(w)))


def build_nx(nodes, edges, directed=True):
    """NetworkX graph the way clout builds it: duplicate rows (and, undirected, reciprocal
    pairs) summed, self-loops dropped. Edge attributes: 'weight' (float), 'wexact'
    (Fraction of the written weight), 'cost' (exact Fraction 1/weight), 'fcost' (float
    1/weight as clout computes it)."""
    import networkx as nx
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    for e in edges:
        s, t = e[0], e[1]
        w = to_fraction(e[2]) if len(e) > 2 else Fraction(1)
        if s == t:
            continue
        if G.has_edge(s, t):
            G[s][t]["wexact"] += w
            G[s][t]["weight"] += float(w)
        else:
            G.add_edge(s, t, wexact=w, weight=float(w))
    for s, t, d in G.edges(data=True):
        d["cost"] = 1 / d["wexact"]
        d["fcost"] = 1.0 / d["weight"]
    return G


def hits_is_unique(G, margin=0.01):
    """True when the dominant eigenvalue of A^T A is simple by a clear relative margin."""
    import numpy as np
    import networkx as nx
    nodes = list(G)
    if G.number_of_edges() == 0:
        return False
    A = nx.to_numpy_array(G, nodelist=nodes, weight="weight")
    ev = np.sort(np.linalg.eigvalsh(A.T @ A))[::-1]
    return ev[0] > 0 and (len(ev) == 1 or ev[0] - ev[1] > margin * ev[0])


def nx_reference(G, directed=True, metrics=None):
    """Every clout metric from NetworkX, as {metric: {node: value or None}}."""
    import networkx as nx
    metrics = metrics or METRICS
    n = G.number_of_nodes()
    ref = {}
    nodes = list(G)
    if "out_strength" in metrics or "in_strength" in metrics:
        if directed:
            ref["out_strength"] = dict(G.out_degree(weight="weight"))
            ref["in_strength"] = dict(G.in_degree(weight="weight"))
        else:
            ref["out_strength"] = dict(G.degree(weight="weight"))
            ref["in_strength"] = dict(G.degree(weight="weight"))
    pr = lambda H: nx.pagerank(H, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    if "exposure" in metrics:
        ref["exposure"] = pr(G)
    if "power" in metrics:
        ref["power"] = pr(G.reverse(copy=True)) if directed else pr(G)
    if "betweenness" in metrics:
        # exact rational costs: NetworkX compares path lengths with ==, so float
        # costs would split ties that differ only by rounding
        raw = nx.betweenness_centrality(G, weight="cost", normalized=False)
        if n < 3:
            ref["betweenness"] = {v: 0.0 for v in nodes}
        else:
            norm = (n - 1) * (n - 2) / (1.0 if directed else 2.0)
            ref["betweenness"] = {v: float(raw[v]) / norm for v in nodes}
    if "harmonic_in" in metrics or "harmonic_out" in metrics:
        if n == 1:
            ref["harmonic_in"] = ref["harmonic_out"] = {v: None for v in nodes}
        else:
            hin = nx.harmonic_centrality(G, distance="cost")
            ref["harmonic_in"] = {v: float(hin[v]) / (n - 1) for v in nodes}
            if directed:
                hout = nx.harmonic_centrality(G.reverse(copy=True), distance="cost")
                ref["harmonic_out"] = {v: float(hout[v]) / (n - 1) for v in nodes}
            else:
                ref["harmonic_out"] = dict(ref["harmonic_in"])
    if "hub" in metrics or "authority" in metrics:
        if hits_is_unique(G):
            import numpy
            numpy.random.seed(20251125)     # svds draws its start vector from numpy
            h, a = nx.hits(G, max_iter=100000, tol=1e-15)
            mh, ma = max(h.values()), max(a.values())
            ref["hub"] = {v: h[v] / mh for v in nodes}
            ref["authority"] = {v: a[v] / ma for v in nodes}
    if "reach" in metrics:
        if directed:
            ref["reach"] = {v: len(nx.descendants(G, v)) for v in nodes}
        else:
            ref["reach"] = {v: len(nx.node_connected_component(G, v)) - 1 for v in nodes}
    return ref


def igraph_reference(G, directed=True):
    """PageRank, betweenness, harmonic and HITS from python-igraph on the same graph."""
    import random
    import igraph as ig
    random.seed(20251125)   # python-igraph's RNG is Python's random module
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    elist = [(index[s], index[t]) for s, t in G.edges()]
    w = [G[s][t]["weight"] for s, t in G.edges()]
    cost = [1.0 / x for x in w]
    g = ig.Graph(n=len(nodes), edges=elist, directed=directed)
    n = len(nodes)
    ref = {}
    ref["exposure"] = g.pagerank(directed=directed, damping=0.85, weights=w)
    if directed:
        gr = ig.Graph(n=len(nodes), edges=[(t, s) for s, t in elist], directed=True)
        ref["power"] = gr.pagerank(directed=True, damping=0.85, weights=w)
    else:
        ref["power"] = list(ref["exposure"])
    b = g.betweenness(directed=directed, weights=cost if elist else None)
    norm = (n - 1) * (n - 2) / (1.0 if directed else 2.0)
    ref["betweenness"] = [x / norm if n >= 3 else 0.0 for x in b]
    if n > 1:
        ref["harmonic_out"] = g.harmonic_centrality(mode="out", weights=cost if elist else None,
                                                    normalized=True)
        ref["harmonic_in"] = g.harmonic_centrality(mode="in", weights=cost if elist else None,
                                                   normalized=True)
    if hits_is_unique(G):
        ref["hub"] = g.hub_score(weights=w, scale=True)
        ref["authority"] = g.authority_score(weights=w, scale=True)
    return {m: {nodes[i]: vals[i] for i in range(n)} for m, vals in ref.items()}


# ---------------------------------------------------------------- comparing

def close(got, expected, abs_tol, rel_tol=0.0):
    if expected is None or got is None:
        return got is None and expected is None
    if isinstance(expected, float) and math.isnan(expected):
        return got is None or math.isnan(got)
    return abs(got - expected) <= abs_tol + rel_tol * abs(expected)


def compare_values(got, expected, abs_tol, rel_tol=0.0):
    """GOT, EXPECTED: {id: value}. Returns '' when they match, else a description."""
    problems = []
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    if missing:
        problems.append("missing ids %s" % missing[:5])
    if extra:
        problems.append("unexpected ids %s" % extra[:5])
    bad = []
    for v in expected:
        if v in got and not close(got[v], expected[v], abs_tol, rel_tol):
            diff = (abs(got[v] - expected[v]) if got[v] is not None and expected[v] is not None
                    else float("inf"))
            bad.append((diff, v, got[v], expected[v]))
    if bad:
        bad.sort(key=lambda x: -x[0])
        problems.append("%d of %d values differ; worst: %s" % (
            len(bad), len(expected),
            ", ".join("%s got %r expected %r" % (v, g, e) for _, v, g, e in bad[:4])))
    return "; ".join(problems)


def check_metric(checker, name, got, expected, abs_tol, rel_tol=0.0):
    problem = compare_values(got, expected, abs_tol, rel_tol)
    return checker.check(name, not problem, problem)


def summary_counts(line):
    """'PATH: 5 actors, 0 issues, 7 relations, 0 errors, 0 warnings' -> dict."""
    counts = {}
    tail = line.rsplit(": ", 1)[-1]
    for part in tail.split(","):
        bits = part.split()
        if len(bits) == 2 and bits[0].isdigit():
            counts[bits[1]] = int(bits[0])
    return counts


def parse_json_rows(text):
    return json.loads(text)
