#!/usr/bin/python3
"""'clout compare' and 'clout similar' against an independent computation.

Every figure of 'clout compare -f json' is derived here from the case files (read with
the csv module, relations merged as docs/FORMAT.md says: parallel rows summed with their
signs, a sum of zero dropped, self-loops dropped, a -> b and b -> a one relation in an
undirected case) and from the definitions of the issue:

- alignment (--align id|label|role; default role when both cases have a role somewhere,
  else id): vertices map to a name, vertices without a role are left out under role
  alignment, vertices sharing a name merge, relations inside one name are left out;
  each relation adds sign x weight to the cell (name(s), name(t)), an undirected case to
  both (i, j) and (j, i); a cell "has" an edge when a relation went into it;
- edges: ordered pairs when either case is directed, unordered otherwise; only_in_a,
  only_in_b, in_both by "has", sign_flips: in both with opposite signs of the sums;
  edge Jaccard |both| / |union|, weighted Jaccard sum min |w| / sum max |w| over cells;
- QAP r: Pearson (NumPy) over the off-diagonal cells of the signed matrices over the
  sorted union of names, null when a matrix is constant; QAP p against our own NumPy
  permutation test (rows and columns permuted together) within a binomial tolerance,
  plus a calibration: p-values of independent random graphs are about uniform (KS);
- rank correlations: the aligned networks written out here as case folders (weights
  |sum|, directed when either case is), 'clout rank' run on them, Spearman and Kendall
  tau-b of SciPy over the shared names where the metric is defined on both sides (HITS
  may not be); scores equal up to rounding (relative 1e-12) are ties and share their
  mid-rank; a constant side gives null (Pearson of a constant is undefined); power also
  from NetworkX PageRank on the reversed graph (ties within 1e-9 merged);
- profiles (of each case as it is): density and reciprocity of python-igraph, degree
  centralisation sum(max - deg) / igraph's theoretical maximum (mode all, no loops),
  negative share, balanced triangle share of the undirected signed view (as clout
  blocs), the 16 MAN triad shares of python-igraph (an undirected case as mutual
  dyads), half the L1 distance of the shares, and the two-sample KS statistic
  (scipy.stats.ks_2samp) of the weighted out and in strengths.

Also: a case against itself, and against a copy with new ids and labels, files
reordered, same roles (role: identical figures; id: nothing in common); 'clout similar'
matrices against the pairwise comparisons and our own, the nearest case, and where a case
and its nearest differ most (row + column sums of |A - B|; "present" in clout's words
both / nearest only / this case only); the diff map SVG (edge and node classes both,
only-a, only-b, sign-flip counted against the JSON lists); and
the errors (one case, unknown --align, missing folder).
"""

import csv
import itertools
import json
import math
import os
import random
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import scipy.stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

DATA = os.path.join(common.REPO, "data")
BASE = "ukraine-2025"
OTHERS = ["minsk-2014", "minsk-2015", "dayton-1995", "georgia-2008"]
PTOL = 1e-8          # PageRank of NetworkX, as in test_networkx.py
TOL = 1e-12          # figures computed from sums of the same weights
MY_PERMS = 20000     # our own QAP permutations
TRIADS = ["003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C",
          "201", "120D", "120U", "120C", "210", "300"]


# ---------------------------------------------------------------- reading a case

class Case:
    """A folder case read independently of clout."""

    def __init__(self, folder):
        self.folder = folder
        self.name = os.path.basename(os.path.normpath(folder))
        self.ids, self.type, self.label, self.role = [], {}, {}, {}
        for fname, typ in (("actors.csv", "actor"), ("issues.csv", "issue")):
            path = os.path.join(folder, fname)
            if not os.path.exists(path):
                continue
            with open(path, newline="", encoding="utf-8-sig") as f:
                for row in csv.DictReader(f):
                    row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
                    v = row["id"]
                    self.ids.append(v)
                    self.type[v] = typ
                    self.label[v] = row.get("label") or v
                    self.role[v] = row.get("role") or ""
        self.directed = True
        path = os.path.join(folder, "case.csv")
        if os.path.exists(path):
            with open(path, newline="", encoding="utf-8-sig") as f:
                for row in csv.reader(f):
                    if len(row) >= 2 and row[0].strip().lower() == "directed":
                        self.directed = row[1].strip().lower() not in ("no", "false", "0")
        index = {v: i for i, v in enumerate(self.ids)}
        signed = {}
        with open(os.path.join(folder, "relations.csv"), newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                row = {k.strip().lower(): (v or "").strip() for k, v in row.items()}
                s, t = row["source"], row["target"]
                if s == t:
                    continue
                w = float(row.get("weight") or "1")
                if (row.get("sign") or "+") == "-":
                    w = -w
                if not self.directed and index[s] > index[t]:
                    s, t = t, s
                signed[(s, t)] = signed.get((s, t), 0.0) + w
        self.rel = {k: w for k, w in signed.items() if w != 0.0}

    def has_roles(self):
        return any(self.role[v] for v in self.ids)


def name_map(case, by):
    if by == "id":
        return {v: v for v in case.ids}
    if by == "label":
        return {v: case.label[v] for v in case.ids}
    return {v: (case.role[v] or None) for v in case.ids}


class Aligned:
    """One case seen through an alignment: its names, cells and counts."""

    def __init__(self, case, by):
        nm = name_map(case, by)
        self.names = sorted({n for n in nm.values() if n is not None})
        named = sum(1 for v in case.ids if nm[v] is not None)
        self.merged = named - len(self.names)
        self.without = len(case.ids) - named
        self.within = 0
        self.cell = {}
        for (s, t), w in case.rel.items():
            ns, nt = nm[s], nm[t]
            if ns is None or nt is None:
                continue
            if ns == nt:
                self.within += 1
                continue
            for x, y in ([(ns, nt)] if case.directed else [(ns, nt), (nt, ns)]):
                self.cell[(x, y)] = self.cell.get((x, y), 0.0) + w


def default_align(a, b):
    return "role" if a.has_roles() and b.has_roles() else "id"


def pair_key(directed):
    return (lambda x, y: (x, y)) if directed else (lambda x, y: frozenset((x, y)))


def sign(x):
    return (x > 0) - (x < 0)


def matrices(al_a, al_b):
    names = sorted(set(al_a.names) | set(al_b.names))
    idx = {n: i for i, n in enumerate(names)}
    ma = np.zeros((len(names), len(names)))
    mb = np.zeros((len(names), len(names)))
    for m, al in ((ma, al_a), (mb, al_b)):
        for (x, y), w in al.cell.items():
            m[idx[x], idx[y]] = w
    return names, ma, mb


def offdiag_r(ma, mb):
    n = len(ma)
    mask = ~np.eye(n, dtype=bool)
    x, y = ma[mask], mb[mask]
    if len(x) < 2 or np.all(x == x[0]) or np.all(y == y[0]):
        return None
    return float(np.corrcoef(x, y)[0, 1])


def my_qap_p(ma, mb, r_obs, perms, rng):
    """(1 + #{|r_perm| >= |r_obs|}) / (perms + 1), B's rows and columns permuted."""
    n = len(ma)
    mask = ~np.eye(n, dtype=bool)
    x = ma[mask]
    xc = x - x.mean()
    sx = math.sqrt((xc * xc).sum())
    hits, done = 0, 0
    while done < perms:
        k = min(2000, perms - done)
        p = np.argsort(rng.random((k, n)), axis=1)
        bp = mb[p[:, :, None], p[:, None, :]][:, mask]
        bc = bp - bp.mean(axis=1, keepdims=True)
        r = (bc @ xc) / (np.sqrt((bc * bc).sum(axis=1)) * sx)
        hits += int(np.sum(np.abs(r) >= abs(r_obs) - 1e-12))
        done += k
    return (1 + hits) / (perms + 1)


# ---------------------------------------------------------------- profiles

def profile(case):
    import igraph as ig
    ids = case.ids
    n = len(ids)
    idx = {v: i for i, v in enumerate(ids)}
    edges = [(idx[s], idx[t]) for (s, t) in case.rel]
    g = ig.Graph(n=n, edges=edges, directed=case.directed)
    out = {}
    out["density"] = g.density(loops=False) if n > 1 else None
    out["reciprocity"] = g.reciprocity(ignore_loops=True, mode="default") if edges else None
    deg = g.degree(mode="all", loops=False)
    if n >= 3:
        tmax = 2.0 * (n - 1) * (n - 2) if case.directed else float((n - 1) * (n - 2))
        out["degree_centralisation"] = sum(max(deg) - d for d in deg) / tmax
    else:
        out["degree_centralisation"] = None
    out["negative_share"] = (sum(1 for w in case.rel.values() if w < 0) / len(case.rel)
                             if case.rel else None)
    # undirected signed view: net sums over both directions
    net = {}
    for (s, t), w in case.rel.items():
        k = frozenset((s, t))
        net[k] = net.get(k, 0.0) + w
    tie = {k: sign(w) for k, w in net.items() if w != 0}
    nb = {v: set() for v in ids}
    for k in tie:
        u, v = tuple(k)
        nb[u].add(v)
        nb[v].add(u)
    tri = bal = 0
    for u, v, w in itertools.combinations(ids, 3):
        if v in nb[u] and w in nb[u] and w in nb[v]:
            tri += 1
            bal += tie[frozenset((u, v))] * tie[frozenset((u, w))] * tie[frozenset((v, w))] > 0
    out["balanced_triangle_share"] = bal / tri if tri else None
    dedges = edges if case.directed else edges + [(b, a) for a, b in edges]
    gd = ig.Graph(n=n, edges=dedges, directed=True)
    total = n * (n - 1) * (n - 2) / 6
    out["triad_census"] = [c / total for c in list(gd.triad_census())] if n >= 3 else None
    so = {v: 0.0 for v in ids}
    si = {v: 0.0 for v in ids}
    for (s, t), w in case.rel.items():
        so[s] += abs(w)
        si[t] += abs(w)
        if not case.directed:
            so[t] += abs(w)
            si[s] += abs(w)
    out["_out"] = [so[v] for v in ids]
    out["_in"] = [si[v] for v in ids]
    return out


# ---------------------------------------------------------------- aligned networks

def write_aligned(folder, al, directed_cmp):
    """The aligned network of one case as a case folder (names as ids, weight |sum|)."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "actors.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label"])
        for n in al.names:
            w.writerow([n, n])
    with open(os.path.join(folder, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight", "evidence"])
        for (x, y), s in sorted(al.cell.items()):
            if s == 0 or (not directed_cmp and x > y):
                continue
            w.writerow([x, y, common.fmt_weight(abs(s)), "aligned"])
    with open(os.path.join(folder, "case.csv"), "w", newline="", encoding="utf-8") as f:
        f.write("key,value\ndirected,%s\n" % ("yes" if directed_cmp else "no"))
    return folder


def nx_power(al, directed_cmp):
    G = nx.DiGraph() if directed_cmp else nx.Graph()
    G.add_nodes_from(al.names)
    for (x, y), s in al.cell.items():
        if s != 0:
            G.add_edge(x, y, weight=abs(s))
    H = G.reverse(copy=True) if directed_cmp else G
    return nx.pagerank(H, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)


def merge_ties(values, tol):
    """Values within TOL (relative to max(1, |v|)) of their neighbour in sorted order
    become one value, so that rounding noise does not split ties."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = list(values)
    rep = None
    prev = None
    for i in order:
        v = values[i]
        if prev is None or v - prev > tol * max(1.0, abs(v)):
            rep = v
        out[i] = rep
        prev = v
    return out


def correlations(xa, xb):
    if any(v is None for v in xa + xb):
        return None, None
    if len(xa) < 2 or len(set(xa)) < 2 or len(set(xb)) < 2:
        return None, None
    sp = scipy.stats.spearmanr(xa, xb).correlation
    kt = scipy.stats.kendalltau(xa, xb).correlation
    f = lambda v: None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
    return f(sp), f(kt)


# ---------------------------------------------------------------- expected figures

def expected(A, B, by=None):
    by = by or default_align(A, B)
    al_a, al_b = Aligned(A, by), Aligned(B, by)
    directed = A.directed or B.directed
    key = pair_key(directed)
    has_a = {key(*c) for c in al_a.cell}
    has_b = {key(*c) for c in al_b.cell}
    both = has_a & has_b
    flips = {k for k in both
             if sign(al_a.cell[tuple(k) if directed else tuple(sorted(k))]) *
             sign(al_b.cell[tuple(k) if directed else tuple(sorted(k))]) < 0}
    union = has_a | has_b
    cells = set(al_a.cell) | set(al_b.cell)
    smin = sum(min(abs(al_a.cell.get(c, 0.0)), abs(al_b.cell.get(c, 0.0))) for c in cells)
    smax = sum(max(abs(al_a.cell.get(c, 0.0)), abs(al_b.cell.get(c, 0.0))) for c in cells)
    names, ma, mb = matrices(al_a, al_b)
    na, nb = set(al_a.names), set(al_b.names)
    return dict(
        align=by, directed=directed, al_a=al_a, al_b=al_b, key=key,
        only_in_a=has_a - has_b, only_in_b=has_b - has_a, in_both=both, sign_flips=flips,
        edge_jaccard=len(both) / len(union) if union else None,
        weighted_jaccard=smin / smax if smax > 0 else None,
        names=names, ma=ma, mb=mb, qap_r=offdiag_r(ma, mb),
        vertices=dict(only_in_a=sorted(na - nb), only_in_b=sorted(nb - na),
                      in_both=sorted(na & nb)),
        alignment=dict(merged_a=al_a.merged, merged_b=al_b.merged,
                       relations_within_one_name_a=al_a.within,
                       relations_within_one_name_b=al_b.within,
                       vertices_without_name_a=al_a.without,
                       vertices_without_name_b=al_b.without))


def compare_json(a, b, extra=()):
    args = ["compare", "-f", "json"] + list(extra) + [a, b]
    rc, out, err = common.run_clout(args)
    if rc != 0:
        raise RuntimeError("clout %s exited %d: %s" % (" ".join(args), rc, err.strip()[:300]))
    return json.loads(out)


def num_close(got, want, tol=TOL):
    if want is None or got is None:
        return got is None and want is None
    return abs(got - want) <= tol * max(1.0, abs(want))


def check_compare(ck, name, A, B, tmp, by=None, pcheck=True, rng=None):
    """Every figure of clout compare -f json A B [--align by] against our own."""
    exp = expected(A, B, by)
    extra = ["--align", by] if by else []
    got = compare_json(A.folder, B.folder, extra)
    key = exp["key"]
    p = []
    if got.get("case_a") != A.name or got.get("case_b") != B.name:
        p.append("case names %r %r" % (got.get("case_a"), got.get("case_b")))
    if got.get("align") != exp["align"]:
        p.append("align %r, expected %r" % (got.get("align"), exp["align"]))
    ck.check("%s: case names and alignment %s" % (name, exp["align"]), not p, "; ".join(p))

    p = []
    for field in ("only_in_a", "only_in_b", "in_both", "sign_flips"):
        g = {key(*pr) for pr in got[field]}
        if len(g) != len(got[field]):
            p.append("%s lists a pair twice" % field)
        if g != exp[field]:
            p.append("%s: %d listed, %d expected; extra %s; missing %s" % (
                field, len(g), len(exp[field]), sorted(map(list, g - exp[field]))[:3],
                sorted(map(list, exp[field] - g))[:3]))
    ck.check("%s: only_in_a %d, only_in_b %d, in_both %d, sign_flips %d" % (
        name, len(exp["only_in_a"]), len(exp["only_in_b"]), len(exp["in_both"]),
        len(exp["sign_flips"])), not p, "; ".join(p))

    p = []
    for field in ("edge_jaccard", "weighted_jaccard", "qap_r"):
        if not num_close(got.get(field), exp[field], 1e-10):
            p.append("%s got %r expected %r" % (field, got.get(field), exp[field]))
    ck.check("%s: edge_jaccard %s, weighted_jaccard %s, qap_r %s" % (
        name, fmt(exp["edge_jaccard"]), fmt(exp["weighted_jaccard"]), fmt(exp["qap_r"])),
        not p, "; ".join(p))

    if pcheck:
        check_qap_p(ck, name, got, exp, rng or np.random.default_rng(1))

    ck.check("%s: vertices only_in_a / only_in_b / in_both (sorted names)" % name,
             got.get("vertices") == exp["vertices"],
             "got %r expected %r" % (got.get("vertices"), exp["vertices"]))
    ck.check("%s: alignment counts %s" % (name, exp["alignment"]),
             got.get("alignment") == exp["alignment"],
             "got %r expected %r" % (got.get("alignment"), exp["alignment"]))

    check_rank_correlations(ck, name, got, exp, tmp)
    check_profiles(ck, name, A, B, got)
    return got, exp


def fmt(x):
    return "null" if x is None else "%.6g" % x


def check_qap_p(ck, name, got, exp, rng):
    p_c, n_c = got.get("qap_p"), got.get("permutations")
    if exp["qap_r"] is None:
        ck.check("%s: qap_p null when qap_r is null" % name, p_c is None, "qap_p %r" % p_c)
        return
    mine = my_qap_p(exp["ma"], exp["mb"], exp["qap_r"], MY_PERMS, rng)
    probs = []
    if not isinstance(n_c, int) or n_c <= 0 or p_c is None:
        probs.append("permutations %r qap_p %r" % (n_c, p_c))
    else:
        k = p_c * (n_c + 1)
        if abs(k - round(k)) > 1e-6 or not (1.0 / (n_c + 1) - 1e-12 <= p_c <= 1 + 1e-12):
            probs.append("qap_p %r is not (1 + k) / (%d + 1)" % (p_c, n_c))
        q = min(max(mine, 1e-9), 1 - 1e-9)
        tol = 4 * math.sqrt(q * (1 - q) * (1.0 / n_c + 1.0 / MY_PERMS)) \
            + 1.0 / (n_c + 1) + 1.0 / (MY_PERMS + 1)
        if abs(p_c - mine) > tol:
            probs.append("qap_p %r, ours %r from %d permutations (tolerance %.4g)" % (
                p_c, mine, MY_PERMS, tol))
    ck.check("%s: qap_p %s within binomial tolerance of our %d permutations (%.4g)" % (
        name, fmt(p_c), MY_PERMS, mine), not probs, "; ".join(probs))


def clout_rank_values(folder):
    header, rows = common.rank(folder)
    return {m: common.by_id(rows, m) for m in common.METRICS}


def check_rank_correlations(ck, name, got, exp, tmp):
    directed = exp["directed"]
    al_a, al_b = exp["al_a"], exp["al_b"]
    shared = exp["vertices"]["in_both"]
    base = os.path.join(tmp, "aligned-%d" % len(os.listdir(tmp)))
    fa = write_aligned(base + "-a", al_a, directed)
    fb = write_aligned(base + "-b", al_b, directed)
    ra, rb = clout_rank_values(fa), clout_rank_values(fb)
    rc = got.get("rank_correlations") or {}
    p = []
    if sorted(rc) != sorted(common.METRICS):
        p.append("metrics %r" % sorted(rc))
    for m in common.METRICS:
        # names where the metric is defined on both sides (HITS is not always)
        both = [n for n in shared if ra[m][n] is not None and rb[m][n] is not None]
        raw_a = [ra[m][n] for n in both]
        raw_b = [rb[m][n] for n in both]
        # ties: values equal but for rounding (relative 1e-12) are one value
        sp, kt = correlations(merge_ties(raw_a, 1e-12), merge_ties(raw_b, 1e-12))
        g = rc.get(m) or {}
        if g.get("shared") != len(both):
            p.append("%s shared %r, expected %d" % (m, g.get("shared"), len(both)))
        bad = []
        if not num_close(g.get("spearman"), sp, 1e-9):
            bad.append("%s spearman %r expected %r" % (m, g.get("spearman"), sp))
        if not num_close(g.get("kendall_tau_b"), kt, 1e-9):
            bad.append("%s kendall %r expected %r" % (m, g.get("kendall_tau_b"), kt))
        if bad:
            rsp, rkt = correlations(raw_a, raw_b)
            if num_close(g.get("spearman"), rsp, 1e-9) and num_close(
                    g.get("kendall_tau_b"), rkt, 1e-9):
                bad.append("(clout's values are those of the unrounded scores: it ranks "
                           "ties that differ only by rounding as distinct)")
        p += bad
    ck.check("%s: rank correlations of the 10 metrics over %d shared names (clout rank on "
             "our aligned networks, SciPy)" % (name, len(shared)), not p, "; ".join(p[:6]))
    # power independently: NetworkX PageRank on the reversed aligned networks
    pa, pb = nx_power(al_a, directed), nx_power(al_b, directed)
    p = []
    for pw, rr, side in ((pa, ra, "a"), (pb, rb, "b")):
        bad = common.compare_values(rr["power"], pw, PTOL)
        if bad:
            p.append("aligned network %s: clout rank power vs NetworkX: %s" % (side, bad))
    xa = merge_ties([pa[n] for n in shared], 1e-9)
    xb = merge_ties([pb[n] for n in shared], 1e-9)
    sp, kt = correlations(xa, xb)
    g = rc.get("power") or {}
    if not num_close(g.get("spearman"), sp, 1e-9):
        p.append("spearman power %r, NetworkX gives %r" % (g.get("spearman"), sp))
    if not num_close(g.get("kendall_tau_b"), kt, 1e-9):
        p.append("kendall power %r, NetworkX gives %r" % (g.get("kendall_tau_b"), kt))
    ck.check("%s: power correlations from NetworkX PageRank on the aligned networks (%s, %s)"
             % (name, fmt(sp), fmt(kt)), not p, "; ".join(p[:4]))


def check_profiles(ck, name, A, B, got):
    pr = {"a": profile(A), "b": profile(B)}
    for side in ("a", "b"):
        want, g = pr[side], got.get("profile_" + side) or {}
        p = []
        for k in ("density", "reciprocity", "degree_centralisation", "negative_share",
                  "balanced_triangle_share"):
            if not num_close(g.get(k), want[k], 1e-10):
                p.append("%s got %r expected %r" % (k, g.get(k), want[k]))
        tc = g.get("triad_census")
        if want["triad_census"] is None:
            if tc is not None:
                p.append("triad_census %r expected null" % (tc,))
        elif tc is None or len(tc) != 16 or any(not num_close(x, y, 1e-12)
                                                for x, y in zip(tc, want["triad_census"])):
            p.append("triad_census got %r expected %r" % (tc, want["triad_census"]))
        ck.check("%s: profile_%s (%s)" % (name, side, ", ".join(
            "%s %s" % (k, fmt(want[k])) for k in ("density", "reciprocity",
                                                  "degree_centralisation", "negative_share",
                                                  "balanced_triangle_share"))),
            not p, "; ".join(p))
    p = []
    ta, tb = pr["a"]["triad_census"], pr["b"]["triad_census"]
    dist = 0.5 * sum(abs(x - y) for x, y in zip(ta, tb)) if ta and tb else None
    if not num_close(got.get("triad_census_distance"), dist, 1e-10):
        p.append("triad_census_distance got %r expected %r" % (got.get("triad_census_distance"),
                                                               dist))
    for k, field in (("_out", "out_strength_ks"), ("_in", "in_strength_ks")):
        want = float(scipy.stats.ks_2samp(pr["a"][k], pr["b"][k]).statistic)
        if not num_close(got.get(field), want, 1e-10):
            p.append("%s got %r expected %r" % (field, got.get(field), want))
    ck.check("%s: triad_census_distance %s, strength KS (scipy ks_2samp)" % (name, fmt(dist)),
             not p, "; ".join(p))


# ---------------------------------------------------------------- writing cases

def write_case(folder, vertices, relations, directed=True, order=None):
    """VERTICES: (id, type, label, role); RELATIONS: (source, target, weight, sign)."""
    os.makedirs(folder, exist_ok=True)
    for fname, typ in (("actors.csv", "actor"), ("issues.csv", "issue")):
        rows = [v for v in vertices if v[1] == typ]
        if not rows and typ == "issue":
            continue
        with open(os.path.join(folder, fname), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "label", "role"])
            for v in rows:
                w.writerow([v[0], v[2], v[3]])
    with open(os.path.join(folder, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight", "sign", "evidence"])
        for k, (s, t, wt, sg) in enumerate(relations):
            w.writerow([s, t, common.fmt_weight(wt), sg, "generated %d" % k])
    with open(os.path.join(folder, "case.csv"), "w", newline="", encoding="utf-8") as f:
        f.write("key,value\ndirected,%s\n" % ("yes" if directed else "no"))
    return folder


ROLES = ["alpha", "beta", "gamma", "Delta", "zeta z", "\u00e9ta", "omega"]
POOL = ["v%02d" % i for i in range(16)]


def random_case(folder, rng, n, p, directed=True, roles=True, dups=3, cancel=1, loops=1):
    ids = rng.sample(POOL, n)
    verts = []
    for i, v in enumerate(ids):
        typ = "issue" if i % 4 == 3 else "actor"
        label = rng.choice(["", "L%d" % rng.randint(0, 5)])
        role = (rng.choice(ROLES) if rng.random() > 0.15 else "") if roles else ""
        verts.append((v, typ, label, role))
    rels = []
    for s, t in itertools.permutations(ids, 2):
        if (not directed and s > t) or rng.random() >= p:
            continue
        if not directed and rng.random() < 0.5:
            s, t = t, s
        rels.append((s, t, rng.choice([0.5, 1, 1.5, 2, 3, 4]),
                     "-" if rng.random() < 0.3 else "+"))
    for s, t, w, sg in rng.sample(rels, min(dups, len(rels))):
        rels.append((s, t, rng.choice([1, 2]), rng.choice("+-")))
    for s, t, w, sg in rng.sample(rels, min(cancel, len(rels))):
        # a second row that cancels the merged relation out exactly
        tot = sum((x[2] if x[3] == "+" else -x[2]) for x in rels
                  if (x[0], x[1]) == (s, t) or (not directed and (x[1], x[0]) == (s, t)))
        if tot != 0:
            rels.append((s, t, abs(tot), "-" if tot > 0 else "+"))
    for v in rng.sample(ids, loops):
        rels.append((v, v, 1, "+"))
    rng.shuffle(rels)
    write_case(folder, verts, rels, directed)
    return Case(folder)


def renamed_copy(case, folder, rng):
    """New ids and labels, rows reordered, roles kept, relations the same."""
    new = {v: "x%03d_%s" % (i, "q" if case.type[v] == "issue" else "a")
           for i, v in enumerate(rng.sample(case.ids, len(case.ids)))}
    verts = [(new[v], case.type[v], "Renamed %s" % new[v], case.role[v]) for v in case.ids]
    rng.shuffle(verts)
    rels = [(new[s], new[t], abs(w), "+" if w > 0 else "-") for (s, t), w in case.rel.items()]
    rng.shuffle(rels)
    write_case(folder, verts, rels, case.directed)
    return Case(folder)


# ---------------------------------------------------------------- checks

def figures(d):
    return {k: v for k, v in d.items() if k not in ("case_a", "case_b")}


def bundled(ck, tmp, rng):
    A = Case(os.path.join(DATA, BASE))
    present = []
    for other in OTHERS:
        folder = os.path.join(DATA, other)
        if not os.path.isdir(folder):
            ck.fail("%s vs %s" % (BASE, other), "data/%s is missing" % other)
            continue
        present.append(other)
        B = Case(folder)
        ck.guard("%s vs %s" % (BASE, other), check_compare, ck, "%s vs %s" % (BASE, other),
                 A, B, tmp, rng=rng)
    if present:
        B = Case(os.path.join(DATA, present[0]))
        ck.guard("%s vs %s --align id" % (BASE, present[0]), check_compare, ck,
                 "%s vs %s --align id" % (BASE, present[0]), A, B, tmp, by="id", rng=rng)
        ck.guard("%s vs %s --align label" % (BASE, present[0]), check_compare, ck,
                 "%s vs %s --align label" % (BASE, present[0]), A, B, tmp, by="label",
                 pcheck=False)
    return A, present


def self_and_renamed(ck, tmp, A, others, rng):
    name = A.name
    same, _ = check_compare(ck, "%s vs itself" % name, A, A, tmp, pcheck=False)
    p = []
    if same["edge_jaccard"] != 1 or same["weighted_jaccard"] != 1 or not num_close(
            same["qap_r"], 1.0, 1e-12):
        p.append("jaccards %r %r r %r" % (same["edge_jaccard"], same["weighted_jaccard"],
                                          same["qap_r"]))
    if same["only_in_a"] or same["only_in_b"] or same["sign_flips"]:
        p.append("differences listed")
    if same["vertices"]["only_in_a"] or same["vertices"]["only_in_b"]:
        p.append("vertices only in one")
    if same["triad_census_distance"] != 0 or same["out_strength_ks"] != 0 or \
            same["in_strength_ks"] != 0:
        p.append("profile distances %r %r %r" % (same["triad_census_distance"],
                                                 same["out_strength_ks"],
                                                 same["in_strength_ks"]))
    bad = [m for m, v in same["rank_correlations"].items()
           if v["spearman"] is not None and not num_close(v["spearman"], 1.0, 1e-12)]
    if bad:
        p.append("spearman below 1 for %s" % bad)
    ck.check("%s vs itself: no differences (Jaccards 1, r 1, distances 0)" % name, not p,
             "; ".join(p))

    R = renamed_copy(A, os.path.join(tmp, name + "-renamed"), rng)
    ren = compare_json(A.folder, R.folder)
    diff = sorted(k for k in set(figures(same)) | set(figures(ren))
                  if figures(same).get(k) != figures(ren).get(k))
    ck.check("%s vs renamed copy --align role: the same figures as against itself" % name,
             not diff and ren["align"] == "role",
             "differs in %s; e.g. %s" % (diff, [(k, str(same.get(k))[:150],
                                                 str(ren.get(k))[:150]) for k in diff[:2]]))
    byid = compare_json(A.folder, R.folder, ["--align", "id"])
    p = []
    if byid["in_both"] or byid["sign_flips"] or byid["vertices"]["in_both"]:
        p.append("in_both %d, vertices in both %d" % (len(byid["in_both"]),
                                                      len(byid["vertices"]["in_both"])))
    if byid["edge_jaccard"] != 0 or byid["weighted_jaccard"] != 0:
        p.append("jaccards %r %r" % (byid["edge_jaccard"], byid["weighted_jaccard"]))
    if any(v["shared"] != 0 for v in byid["rank_correlations"].values()):
        p.append("shared names in rank correlations")
    if len(byid["only_in_a"]) != len(A.rel) or len(byid["only_in_b"]) != len(A.rel):
        p.append("only_in %d/%d, expected %d each" % (len(byid["only_in_a"]),
                                                      len(byid["only_in_b"]), len(A.rel)))
    ck.check("%s vs renamed copy --align id: nothing in common" % name, not p, "; ".join(p))
    check_compare(ck, "%s vs renamed copy --align id" % name, A, R, tmp, by="id", pcheck=False)
    if others:
        B = Case(os.path.join(DATA, others[0]))
        RB = renamed_copy(B, os.path.join(tmp, others[0] + "-renamed"), rng)
        one = compare_json(A.folder, B.folder)
        two = compare_json(A.folder, RB.folder)
        diff = sorted(k for k in set(figures(one)) | set(figures(two))
                      if figures(one).get(k) != figures(two).get(k))
        ck.check("%s vs renamed %s: the same figures as vs %s" % (name, others[0], others[0]),
                 not diff, "differs in %s" % diff)


def random_pairs(ck, tmp, rng, nprng):
    specs = [
        ("dir-dir", dict(n=10, p=0.3), dict(n=9, p=0.3)),
        ("dir-undir", dict(n=9, p=0.35), dict(n=11, p=0.25, directed=False)),
        ("undir-undir", dict(n=12, p=0.25, directed=False), dict(n=10, p=0.3, directed=False)),
        ("undir-dir", dict(n=8, p=0.4, directed=False), dict(n=12, p=0.2)),
        ("dense", dict(n=7, p=0.7, dups=6, cancel=2), dict(n=8, p=0.6, dups=5, cancel=2)),
        ("roles-none", dict(n=9, p=0.3), dict(n=10, p=0.3, roles=False)),
    ]
    cases = []
    for label, sa, sb in specs:
        A = random_case(os.path.join(tmp, "rand", label + "-a"), rng, **sa)
        B = random_case(os.path.join(tmp, "rand", label + "-b"), rng, **sb)
        cases.append((label, A, B))
        for by in (None, "id", "label", "role"):
            if by == "role" and label == "roles-none":
                continue
            nm = "random %s%s" % (label, "" if by is None else " --align " + by)
            ck.guard(nm, check_compare, ck, nm, A, B, tmp, by=by, pcheck=by in (None, "id"),
                     rng=nprng)
    # a constant matrix: every relation of B inside one role -> qap_r null
    verts = [("u1", "actor", "", "alpha"), ("u2", "actor", "", "alpha"),
             ("u3", "actor", "", "beta")]
    B = Case(write_case(os.path.join(tmp, "rand", "constant-b"), verts,
                        [("u1", "u2", 2, "+"), ("u2", "u1", 1, "-")]))
    A = cases[0][1]
    ck.guard("random constant", check_compare, ck, "random dir-dir a vs all-within-one-role",
             A, B, tmp, rng=nprng)
    # by hand: two alpha vertices whose relations to beta cancel in the aligned cell (it
    # still "has" an edge, with sum 0: in both, no flip, no weight); a vertex without role;
    # a relation inside alpha; an issue with a role
    va = [("a1", "actor", "A one", "alpha"), ("a2", "actor", "A two", "alpha"),
          ("b1", "actor", "", "beta"), ("c1", "actor", "", "gamma"),
          ("c2", "actor", "", ""), ("q1", "issue", "", "Delta")]
    ra = [("a1", "b1", 2, "+"), ("a2", "b1", 2, "-"), ("b1", "c1", 3, "+"),
          ("c1", "a1", 1, "-"), ("a1", "c2", 4, "+"), ("a1", "a2", 1, "+"),
          ("q1", "b1", 2, "+")]
    vb = [("x1", "actor", "", "alpha"), ("y1", "actor", "", "beta"),
          ("z1", "actor", "", "gamma"), ("q9", "issue", "", "Delta")]
    rb = [("x1", "y1", 1, "+"), ("z1", "y1", 2, "-"), ("y1", "z1", 1, "-"),
          ("q9", "x1", 1, "+")]
    HA = Case(write_case(os.path.join(tmp, "rand", "hand-a"), va, ra))
    HB = Case(write_case(os.path.join(tmp, "rand", "hand-b"), vb, rb))
    exp = expected(HA, HB)
    ck.check("hand pair: our own reading (alpha->beta in both with sum 0, beta->gamma flips)",
             frozenset() == exp["sign_flips"] - {("beta", "gamma")} and
             ("alpha", "beta") in exp["in_both"] and ("beta", "gamma") in exp["sign_flips"] and
             exp["al_a"].cell[("alpha", "beta")] == 0, "our expectation is off")
    ck.guard("hand pair", check_compare, ck, "hand pair with a cancelling aligned cell",
             HA, HB, tmp, rng=nprng)
    # a correlated pair: B is A perturbed (same ids and roles), so p is small but not minimal
    A = cases[1][1]
    verts = [(v, A.type[v], "" if A.label[v] == v else A.label[v], A.role[v]) for v in A.ids]
    rels = []
    for (s, t), w in sorted(A.rel.items()):
        if rng.random() < 0.55:
            w2 = w * rng.choice([0.5, 1, 1, 2]) * (-1 if rng.random() < 0.2 else 1)
            rels.append((s, t, abs(w2), "+" if w2 > 0 else "-"))
    for s, t in rng.sample(list(itertools.permutations(A.ids, 2)), 6):
        rels.append((s, t, rng.choice([1, 2, 3]), rng.choice("+-")))
    C = Case(write_case(os.path.join(tmp, "rand", "perturbed"), verts, rels, A.directed))
    for by in ("id", "role"):
        nm = "random perturbed copy --align %s" % by
        ck.guard(nm, check_compare, ck, nm, A, C, tmp, by=by, rng=nprng)
    return cases


def calibration(ck, tmp):
    """QAP p-values of independent random graphs: about uniform."""
    rng = random.Random(4242)
    ps, bad_r = [], []
    base = os.path.join(tmp, "calib")
    for k in range(200):
        n = rng.randint(8, 10)
        ids = ["n%d" % i for i in range(n)]
        folders = []
        for side in "ab":
            rels = [(s, t, rng.choice([1, 2, 3, 4]), "-" if rng.random() < 0.4 else "+")
                    for s, t in itertools.permutations(ids, 2) if rng.random() < 0.3]
            folders.append(write_case(os.path.join(base, "%03d-%s" % (k, side)),
                                      [(v, "actor", "", "") for v in ids], rels))
        got = compare_json(folders[0], folders[1], ["--align", "id", "--permutations", "199",
                                                    "--seed", str(1000 + k)])
        if got["qap_r"] is None:
            continue
        exp = expected(Case(folders[0]), Case(folders[1]), "id")
        if not num_close(got["qap_r"], exp["qap_r"], 1e-10):
            bad_r.append((k, got["qap_r"], exp["qap_r"]))
        ps.append(got["qap_p"])
    ck.check("calibration: qap_r of %d random pairs equals NumPy's Pearson" % len(ps),
             not bad_r and len(ps) >= 190, "%d pairs; %r" % (len(ps), bad_r[:3]))
    ks = scipy.stats.kstest(ps, "uniform").statistic
    low = sum(1 for p in ps if p < 0.05) / len(ps)
    ck.check("calibration: %d QAP p-values (199 permutations) about uniform: KS %.4f < 0.12"
             % (len(ps), ks), ks < 0.12, "KS statistic %.4f" % ks)
    ck.check("calibration: share of p < 0.05 is %.3f, within [0.01, 0.10]" % low,
             0.01 <= low <= 0.10, "share %.3f" % low)


def check_similar(ck, name, folders, tmp):
    cases = [Case(f) for f in folders]
    rc, out, err = common.run_clout(["similar", "-f", "json"] + folders)
    if not ck.check("%s: similar exits 0" % name, rc == 0, "exit %d: %s" % (rc, err[:300])):
        return
    got = json.loads(out)
    k = len(cases)
    ck.check("%s: similar cases in the order given" % name,
             got.get("cases") == [c.name for c in cases], repr(got.get("cases")))
    r = [[1.0] * k for _ in range(k)]
    wj = [[1.0] * k for _ in range(k)]
    exps = {}
    p_cmp, p_mine = [], []
    for i in range(k):
        for j in range(k):
            if i == j:
                continue
            exp = expected(cases[i], cases[j])
            exps[(i, j)] = exp
            r[i][j], wj[i][j] = exp["qap_r"], exp["weighted_jaccard"]
            if i < j:
                cmp_ = compare_json(folders[i], folders[j])
                for field, mat in (("qap_r", got["qap_r"]), ("weighted_jaccard",
                                                             got["weighted_jaccard"])):
                    for a, b in ((i, j), (j, i)):
                        if not num_close(mat[a][b], cmp_[field], 1e-12):
                            p_cmp.append("%s[%s][%s] %r, compare says %r" % (
                                field, cases[a].name, cases[b].name, mat[a][b], cmp_[field]))
    for field, mat, want in (("qap_r", got["qap_r"], r), ("weighted_jaccard",
                                                          got["weighted_jaccard"], wj)):
        for i in range(k):
            for j in range(k):
                if not num_close(mat[i][j], want[i][j], 1e-10):
                    p_mine.append("%s[%s][%s] %r expected %r" % (
                        field, cases[i].name, cases[j].name, mat[i][j], want[i][j]))
    ck.check("%s: similar's qap_r and weighted_jaccard equal clout compare's pairwise values"
             % name, not p_cmp, "; ".join(p_cmp[:4]))
    ck.check("%s: similar's matrices equal our own (diagonal 1)" % name, not p_mine,
             "; ".join(p_mine[:4]))
    p = []
    for i, c in enumerate(cases):
        cand = [j for j in range(k) if j != i]
        keyf = lambda j: (-1e300 if r[i][j] is None else r[i][j],
                          -1e300 if wj[i][j] is None else wj[i][j])
        best = max(keyf(j) for j in cand)
        ok = {cases[j].name for j in cand
              if all(abs(x - y) <= 1e-12 for x, y in zip(keyf(j), best))}
        g = got.get("nearest", {}).get(c.name)
        if g not in ok:
            p.append("%s: nearest %r, expected one of %s" % (c.name, g, sorted(ok)))
        # where it and its nearest differ most: sum |A - B| over the row and column
        if g in [x.name for x in cases] and g != c.name:
            j = [x.name for x in cases].index(g)
            exp = exps[(i, j)]
            names, ma, mb = exp["names"], exp["ma"], exp["mb"]
            d = np.abs(ma - mb)
            score = {n: float(d[q, :].sum() + d[:, q].sum()) for q, n in enumerate(names)}
            listed = got.get("differs_most", {}).get(c.name, [])
            top = sorted(score.values(), reverse=True)[:len(listed)]
            sa, sb = set(exp["al_a"].names), set(exp["al_b"].names)
            for pos, e in enumerate(listed):
                if not num_close(e["difference"], score.get(e["name"]), 1e-10):
                    p.append("%s differs_most %s %r, expected %r" % (
                        c.name, e["name"], e["difference"], score.get(e["name"])))
                if pos < len(top) and not num_close(e["difference"], top[pos], 1e-10):
                    p.append("%s differs_most #%d is %r, the top values are %r" % (
                        c.name, pos + 1, e["difference"], top[:5]))
                where = ("both" if e["name"] in sa and e["name"] in sb else
                         "nearest only" if e["name"] in sb else "this case only")
                if e.get("present") != where:
                    p.append("%s differs_most %s present %r, expected %r" % (
                        c.name, e["name"], e.get("present"), where))
            if len(listed) != min(5, len(names)):
                p.append("%s differs_most lists %d names" % (c.name, len(listed)))
    ck.check("%s: nearest = argmax QAP r (ties by weighted Jaccard), differs_most = largest "
             "row+column sums of |A - B|" % name, not p, "; ".join(p[:4]))


def check_svg(ck, name, a, b, tmp):
    out = os.path.join(tmp, "diff-%d.svg" % len(os.listdir(tmp)))
    rc, _, err = common.run_clout(["compare", "-o", out, a, b])
    data = compare_json(a, b)
    if not ck.check("%s: -o diff.svg exits 0 and writes the file" % name,
                    rc == 0 and os.path.exists(out), "exit %d: %s" % (rc, err[:300])):
        return
    try:
        root = ET.parse(out).getroot()
    except ET.ParseError as exc:
        ck.fail("%s: diff SVG is well-formed XML" % name, exc)
        return
    ck.check("%s: diff SVG is well-formed XML with an svg root" % name,
             root.tag.endswith("svg"), root.tag)
    count = {}
    for el in root.iter():
        cls = (el.get("class") or "").split()
        if "node" in cls:
            cls.append("vertex")
        for kind in ("edge", "vertex"):
            if kind in cls:
                for t in ("both", "only-a", "only-b", "sign-flip"):
                    if t in cls:
                        count[(kind, t)] = count.get((kind, t), 0) + 1
    want = {("edge", "only-a"): len(data["only_in_a"]), ("edge", "only-b"): len(data["only_in_b"]),
            ("edge", "sign-flip"): len(data["sign_flips"]),
            ("edge", "both"): len(data["in_both"]) - len(data["sign_flips"]),
            ("vertex", "only-a"): len(data["vertices"]["only_in_a"]),
            ("vertex", "only-b"): len(data["vertices"]["only_in_b"]),
            ("vertex", "both"): len(data["vertices"]["in_both"])}
    bad = ["%s %s: %d in the SVG, %d in the JSON" % (k[0], k[1], count.get(k, 0), v)
           for k, v in want.items() if count.get(k, 0) != v]
    ck.check("%s: diff SVG classes (edge only-a %d, only-b %d, sign-flip %d, both %d) match "
             "the JSON" % (name, want[("edge", "only-a")], want[("edge", "only-b")],
                           want[("edge", "sign-flip")], want[("edge", "both")]),
             not bad, "; ".join(bad))


def check_errors(ck, tmp, a, b):
    missing = os.path.join(tmp, "no-such-case")
    tests = [
        ("compare with one case", ["compare", a], 2),
        ("similar with one case", ["similar", a], 2),
        ("unknown --align", ["compare", "--align", "bloc", a, b], 2),
        ("compare with a missing folder", ["compare", a, missing], 1),
        ("similar with a missing folder", ["similar", a, b, missing], 1),
    ]
    for k, (label, args, want) in enumerate(tests):
        for ext in (".svg", ".json"):
            out = os.path.join(tmp, "err-%d%s" % (k, ext))
            rc, _, err = common.run_clout(args[:1] + ["-o", out] + args[1:])
            p = []
            if rc != want:
                p.append("exit %d, expected %d" % (rc, want))
            if not err.strip():
                p.append("no message")
            if os.path.exists(out):
                p.append("wrote %s" % out)
            ck.check("errors: %s (-o *%s): exit %d, a message, no file" % (label, ext, want),
                     not p, "; ".join(p))


def main():
    ck = common.Checker()
    common.require_binary(ck)
    start = time.time()
    rng = random.Random(20251126)
    nprng = np.random.default_rng(20251126)
    with tempfile.TemporaryDirectory(prefix="clout-peers-compare-") as tmp:
        work = os.path.join(tmp, "work")
        os.makedirs(work)
        A, present = ck.guard("bundled", bundled, ck, work, nprng) or (None, [])
        if A is not None:
            ck.guard("self and renamed", self_and_renamed, ck, work, A, present, rng)
        cases = ck.guard("random pairs", random_pairs, ck, work, rng, nprng) or []
        ck.guard("calibration", calibration, ck, tmp)
        folders = [os.path.join(DATA, d) for d in sorted(os.listdir(DATA))
                   if os.path.isdir(os.path.join(DATA, d))]
        if len(folders) >= 2:
            ck.guard("similar data", check_similar, ck, "similar data/*", folders, work)
        if cases:
            trio = [cases[0][1].folder, cases[0][2].folder, cases[5][2].folder,
                    cases[2][1].folder]
            ck.guard("similar random", check_similar, ck, "similar random (one without roles)",
                     trio, work)
        svgdir = os.path.join(tmp, "svg")
        os.makedirs(svgdir)
        for other in present:
            ck.guard("svg " + other, check_svg, ck, "%s vs %s" % (BASE, other),
                     os.path.join(DATA, BASE), os.path.join(DATA, other), svgdir)
        if cases:
            ck.guard("svg random", check_svg, ck, "random undir-undir",
                     cases[2][1].folder, cases[2][2].folder, svgdir)
        errdir = os.path.join(tmp, "errors")
        os.makedirs(errdir)
        if present:
            check_errors(ck, errdir, os.path.join(DATA, BASE), os.path.join(DATA, present[0]))
    print("(%.1f s)" % (time.time() - start), file=sys.stderr)
    ck.finish()


if __name__ == "__main__":
    main()
