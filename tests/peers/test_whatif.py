#!/usr/bin/python3
"""'clout whatif' against an independent computation: NetworkX for power (weighted
PageRank on the reversed graph, as in test_networkx.py) and reachability, NumPy for
the MICMAC indirect sectors (M (I - alpha M)^-1 with the alpha of the network before,
as in test_micmac.py).

Checked on the bundled case data/ukraine-2025 (--each for every actor, --remove of
every actor, and a few scenarios removing, dropping and flipping) and on seeded random
folder cases (directed and undirected, with issues, duplicate rows, opposite signs,
self-loops, isolated vertices, a DAG). Also: --each agrees with --remove, a flip alone
changes nothing the metrics read, and bad scenarios fail with a message and no file.

Expected values:
- merged relations: parallel rows source -> target summed with their signs, weight the
  magnitude of the sum (a sum of zero drops the relation), self-loops dropped; in an
  undirected case a -> b and b -> a are one relation read both ways;
- rank 1 = highest power among the vertices present, ties by id; where two powers are
  within the PageRank tolerance, either order is accepted (the rank must then lie in the
  interval the near-ties allow, and agree exactly with clout's own scores);
- reach = vertices reachable by directed paths (itself excluded), reach_lost = vertices
  still present reached before and not after;
- damage = L1 change of the power of the actors still present (issues excluded).
"""

import csv
import itertools
import math
import io
import json
import os
import random
import sys
import tempfile
import time

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

CASE = os.path.join(common.REPO, "data", "ukraine-2025")
PTOL = 1e-8          # power, as in test_networkx.py (NetworkX iterates)
SCENARIO_COLUMNS = ["id", "label", "type", "status", "rank_before", "rank_after",
                    "rank_change", "score_before", "score_after", "score_change",
                    "reach_before", "reach_after", "reach_lost", "sector_before",
                    "sector_after", "camp_before", "camp_after"]
EACH_COLUMNS = ["id", "label", "kind", "damage_power", "reach_lost", "sector_changes",
                "camp_changes"]
AFTER_FIELDS = ["rank_after", "rank_change", "score_after", "score_change", "reach_after",
                "reach_lost"]


# ---------------------------------------------------------------- reading a case

class Case:
    """A folder case read independently of clout: vertices, types, merged relations."""

    def __init__(self, folder):
        self.folder = folder
        self.name = os.path.basename(os.path.normpath(folder))
        self.ids, self.type, self.label, self.kind = [], {}, {}, {}
        for fname, typ in (("actors.csv", "actor"), ("issues.csv", "issue")):
            path = os.path.join(folder, fname)
            if not os.path.exists(path):
                continue
            with open(path, newline="", encoding="utf-8-sig") as f:
                for row in csv.DictReader(f):
                    v = row["id"].strip()
                    self.ids.append(v)
                    self.type[v] = typ
                    self.label[v] = (row.get("label") or "").strip() or v
                    self.kind[v] = (row.get("kind") or "").strip() if typ == "actor" else ""
        self.directed = True
        path = os.path.join(folder, "case.csv")
        if os.path.exists(path):
            with open(path, newline="", encoding="utf-8-sig") as f:
                for row in csv.reader(f):
                    if len(row) >= 2 and row[0].strip().lower() == "directed":
                        self.directed = row[1].strip().lower() not in ("no", "false", "0")
        signed = {}
        with open(os.path.join(folder, "relations.csv"), newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                s, t = row["source"].strip(), row["target"].strip()
                if s == t:
                    continue
                w = float(row.get("weight") or "1")
                if (row.get("sign") or "+").strip() == "-":
                    w = -w
                k = self.key(s, t)
                signed[k] = signed.get(k, 0.0) + w
        # a relation whose signed weights cancel out is dropped
        self.rel = {k: w for k, w in signed.items() if w != 0.0}
        self.actors = [v for v in self.ids if self.type[v] == "actor"]

    def key(self, s, t):
        return (s, t) if self.directed or s < t else (t, s)


def state(case, present, rel):
    """Power, reach sets and the weight matrix of the network of PRESENT with REL."""
    G = nx.DiGraph() if case.directed else nx.Graph()
    G.add_nodes_from(present)
    for (s, t), w in rel.items():
        G.add_edge(s, t, weight=abs(w))
    H = G.reverse(copy=True) if case.directed else G
    power = nx.pagerank(H, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)
    if case.directed:
        reach = {v: nx.descendants(G, v) for v in present}
    else:
        reach = {v: nx.node_connected_component(G, v) - {v} for v in present}
    index = {v: i for i, v in enumerate(present)}
    m = np.zeros((len(present), len(present)))
    for (s, t), w in rel.items():
        m[index[s], index[t]] = abs(w)
        if not case.directed:
            m[index[t], index[s]] = abs(w)
    return power, reach, m


def spectral_alpha(m):
    rho = max(abs(np.linalg.eigvals(m))) if len(m) else 0.0
    return 0.5 / rho if rho > 0 else 0.5


def sectors_of(present, m, alpha):
    t = m @ np.linalg.inv(np.eye(len(m)) - alpha * m)
    inf, dep = t.sum(1), t.sum(0)
    mi, md = inf.mean(), dep.mean()
    out = {}
    for v, i, d in zip(present, inf, dep):
        hi, hd = i >= mi - 1e-12 * abs(mi), d >= md - 1e-12 * abs(md)
        out[v] = ("driver" if hi and not hd else "relay" if hi and hd else
                  "dependent" if hd else "autonomous")
    return out


class Before:
    """The network before any scenario (computed once per case)."""

    def __init__(self, case):
        self.present = list(case.ids)
        self.power, self.reach, m = state(case, self.present, case.rel)
        self.alpha = spectral_alpha(m)
        self.sector = sectors_of(self.present, m, self.alpha)


def expected(case, before, remove=(), drop=(), flip=()):
    """The expected result of a scenario, as a dict of summary values and rows."""
    gone = set(remove)
    rel = {k: w for k, w in case.rel.items() if k[0] not in gone and k[1] not in gone}
    for text in drop:
        s, t = text.split(":")
        rel.pop(case.key(s, t), None)
    flipped = 0
    for text in flip:
        s, t = text.split(":")
        k = case.key(s, t)
        if k in rel:
            rel[k] = -rel[k]
            flipped += 1
    present = [v for v in case.ids if v not in gone]
    power, reach, m = state(case, present, rel)
    sector = sectors_of(present, m, before.alpha)
    lost = {v: len({w for w in before.reach[v] if w not in gone} - reach[v]) for v in present}
    return dict(present=present, power=power, reach=reach, sector=sector, lost=lost, rel=rel,
                removed_relations=len(case.rel) - len(rel), flipped=flipped,
                damage=sum(abs(power[v] - before.power[v]) for v in present
                           if case.type[v] == "actor"),
                reach_lost=sum(lost.values()),
                sector_changes=sum(sector[v] != before.sector[v] for v in present))


def rank_interval(ref, v, tol=PTOL):
    """Ranks V may take given reference scores REF known to within TOL each."""
    hi = 1 + sum(1 for u in ref if u != v and ref[u] > ref[v] + 2 * tol)
    lo = sum(1 for u in ref if u == v or ref[u] >= ref[v] - 2 * tol)
    return hi, lo


def rounded(x):
    """clout's tie rule: scores equal once their mantissas are rounded to 40 bits
    (about 12 digits) tie and go by id, so rounding noise does not order them."""
    if x is None or x == 0 or not math.isfinite(x):
        return x
    m, e = math.frexp(x)
    r = math.copysign(math.floor(abs(math.ldexp(m, 40)) + 0.5), m)   # C's round()
    return math.ldexp(r, e - 40)


def order_problems(rows, key, ref, tol=PTOL):
    """ROWS sorted by KEY desc with ties by id (exact on clout's values), compatible with
    the reference REF beyond TOL."""
    problems = []
    for a, b in zip(rows, rows[1:]):
        if (-rounded(a[key]), a["id"]) > (-rounded(b[key]), b["id"]):
            problems.append("%s (%r) before %s (%r)" % (a["id"], a[key], b["id"], b[key]))
        if ref[b["id"]] - ref[a["id"]] > 2 * tol:
            problems.append("reference says %s (%r) > %s (%r)" % (b["id"], ref[b["id"]],
                                                                  a["id"], ref[a["id"]]))
    return problems


# ---------------------------------------------------------------- running clout

def whatif_json(path, remove=(), drop=(), flip=(), extra=()):
    args = ["whatif", "-f", "json"]
    if remove:
        args += ["--remove", ",".join(remove)]
    for d in drop:
        args += ["--drop", d]
    for fl in flip:
        args += ["--flip", fl]
    rc, out, err = common.run_clout(args + list(extra) + [path])
    if rc != 0:
        raise RuntimeError("clout %s exited %d: %s" % (" ".join(args), rc, err.strip()[:300]))
    return json.loads(out), err


def each_csv(path):
    rc, out, err = common.run_clout(["whatif", "--each", "-f", "csv", path])
    if rc != 0:
        raise RuntimeError("clout whatif --each exited %d: %s" % (rc, err.strip()[:300]))
    table = list(csv.reader(io.StringIO(out)))
    return table[0], [dict(zip(table[0], r)) for r in table[1:]]


# ---------------------------------------------------------------- checks

CAMP_TMP = [None]    # where changed cases are written for `clout blocs`; set by main


def signed_ties(present, rel):
    """The undirected signed view: {frozenset pair: +1/-1}; opposite signs net out."""
    keep = set(present)
    net = {}
    for (s, t), w in rel.items():
        if s in keep and t in keep and s != t:
            k = frozenset((s, t))
            net[k] = net.get(k, 0.0) + w
    return {k: (1 if w > 0 else -1) for k, w in net.items() if w != 0}


def violated(ties, camp):
    """Ties the camps violate: positive across, negative inside."""
    bad = 0
    for k, sign in ties.items():
        u, v = tuple(k)
        same = camp.get(u) == camp.get(v)
        bad += (sign > 0 and not same) or (sign < 0 and same)
    return bad


def write_signed_case(folder, case, present, rel):
    """The changed network as a case folder, for `clout blocs` to split on its own."""
    os.makedirs(folder, exist_ok=True)
    for fname, typ in (("actors.csv", "actor"), ("issues.csv", "issue")):
        with open(os.path.join(folder, fname), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "label"])
            for v in present:
                if case.type[v] == typ:
                    w.writerow([v, case.label[v]])
    with open(os.path.join(folder, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight", "sign", "evidence"])
        for (a, b), x in rel.items():
            w.writerow([a, b, common.fmt_weight(abs(x)), "+" if x > 0 else "-", "changed"])
    with open(os.path.join(folder, "case.csv"), "w", newline="", encoding="utf-8") as f:
        f.write("key,value\ndirected,%s\n" % ("yes" if case.directed else "no"))
    return folder


def blocs_camps(folder):
    rc, out, err = common.run_clout(["blocs", "-f", "json", folder])
    if rc != 0:
        raise RuntimeError("clout blocs exited %d: %s" % (rc, err.strip()[:300]))
    data = json.loads(out)
    return data["camps"], data["frustration_index"]


def best_overlap(before, after, present):
    """The largest total overlap of any one-to-one matching of after-camps to before-camps."""
    a_labels = sorted({after[v] for v in present if after.get(v) is not None})
    b_labels = sorted({before[v] for v in present if before.get(v) is not None})
    overlap = {}
    for v in present:
        if before.get(v) is not None and after.get(v) is not None:
            overlap[(before[v], after[v])] = overlap.get((before[v], after[v]), 0) + 1
    best = 0
    slots = b_labels + [None] * len(a_labels)
    for perm in itertools.permutations(slots, len(a_labels)):
        best = max(best, sum(overlap.get((b, a), 0) for a, b in zip(a_labels, perm)))
    return best


def check_camps(ck, name, case, data, exp, tmp):
    """Camps before and after: optimal splits (the frustration they achieve), the same
    partition `clout blocs` finds on the changed case written out, numbers matched
    to those before by the largest overlap, and the count of changes."""
    rows = {r["id"]: r for r in data["vertices"]}
    before = {v: rows[v]["camp_before"] for v in case.ids}
    after = {v: rows[v]["camp_after"] for v in exp["present"]}
    p = []
    ref_before, f_before = blocs_camps(case.folder)
    if before != ref_before:
        p.append("camp_before differs from clout blocs on the case")
    ties0 = signed_ties(case.ids, case.rel)
    ties1 = signed_ties(exp["present"], exp["rel"])
    if violated(ties0, before) != data["frustration_before"] or f_before != data[
            "frustration_before"]:
        p.append("frustration_before %r: camps violate %d, blocs says %d" % (
            data["frustration_before"], violated(ties0, before), f_before))
    folder = write_signed_case(os.path.join(tmp, "changed-%d" % len(os.listdir(tmp))),
                               case, exp["present"], exp["rel"])
    ref_after, f_after = blocs_camps(folder)
    if violated(ties1, after) != data["frustration_after"] or f_after != data[
            "frustration_after"]:
        p.append("frustration_after %r: camps violate %d, blocs on the changed case says %d"
                 % (data["frustration_after"], violated(ties1, after), f_after))
    def classes(c):
        groups = {}
        for v, k in c.items():
            if k is not None:
                groups.setdefault(k, set()).add(v)
        return sorted(sorted(g) for g in groups.values())
    if classes(after) != classes({v: ref_after.get(v) for v in exp["present"]}):
        p.append("the camps after are not the partition clout blocs finds on the changed case")
    got = sum(1 for v in exp["present"] if before[v] is not None and after[v] is not None
              and before[v] == after[v])
    if got != best_overlap(before, after, exp["present"]):
        p.append("camps after keep %d vertices in their numbered camp; the best matching "
                 "keeps %d" % (got, best_overlap(before, after, exp["present"])))
    changes = sum(1 for v in exp["present"] if before[v] != after[v])
    if data.get("camp_changes") != changes:
        p.append("camp_changes %r, rows say %d" % (data.get("camp_changes"), changes))
    ck.check("%s: camps before and after (optimal, as clout blocs, matched by overlap)" % name,
             not p, "; ".join(p[:4]))


def check_scenario(ck, name, case, before, remove=(), drop=(), flip=()):
    """One scenario through -f json against the reference; returns (data, expected)."""
    data, err = whatif_json(case.folder, remove, drop, flip)
    exp = expected(case, before, remove, drop, flip)
    gone = set(remove)
    p = []
    if data.get("case") != case.name:
        p.append("case %r" % data.get("case"))
    # removed ids in file order however they were typed; relations as [source, target]
    # pairs in the network's orientation (either way round in an undirected case)
    def pairs(texts):
        return sorted(tuple(t.split(":")) if case.directed else tuple(sorted(t.split(":")))
                      for t in texts)
    got = data.get("scenario") or {}
    ids = [i for r in remove for i in r.split(",")]
    ok = (got.get("remove") == sorted(set(ids), key=case.ids.index)
          and sorted(tuple(p) if case.directed else tuple(sorted(p))
                     for p in got.get("drop", [])) == pairs(drop)
          and sorted(tuple(p) if case.directed else tuple(sorted(p))
                     for p in got.get("flip", [])) == pairs(flip))
    ck.check("%s: json scenario lists the removed ids, dropped and flipped pairs" % name,
             ok, "got %r for remove=%r drop=%r flip=%r" % (got, remove, drop, flip))
    if data.get("metric") != "power":
        p.append("metric %r" % data.get("metric"))
    if not common.close(data.get("alpha"), before.alpha, 0, 1e-9):
        p.append("alpha %r expected %r" % (data.get("alpha"), before.alpha))
    for key, want in (("removed_vertices", len(gone)),
                      ("removed_relations", exp["removed_relations"]),
                      ("flipped_relations", exp["flipped"]),
                      ("reach_lost", exp["reach_lost"]),
                      ("sector_changes", exp["sector_changes"])):
        if data.get(key) != want:
            p.append("%s %r expected %r" % (key, data.get(key), want))
    if not common.close(data.get("damage"), exp["damage"], PTOL):
        p.append("damage %r expected %r" % (data.get("damage"), exp["damage"]))
    ck.check("%s: summary (alpha, counts, damage, reach_lost, sector_changes)" % name, not p,
             "; ".join(p))

    rows = {r["id"]: r for r in data.get("vertices", [])}
    ck.check("%s: one row per vertex of the original network" % name,
             sorted(rows) == sorted(case.ids) and len(data["vertices"]) == len(case.ids),
             "ids %s" % sorted(set(rows) ^ set(case.ids))[:6])
    p = []
    for v in case.ids:
        r = rows.get(v)
        if r is None:
            continue
        status = "removed" if v in gone else "kept"
        if (r.get("status"), r.get("type"), r.get("label")) != (status, case.type[v],
                                                                case.label[v]):
            p.append("%s status/type/label %r" % (v, (r.get("status"), r.get("type"),
                                                      r.get("label"))))
        if v in gone and (any(r.get(f) is not None for f in AFTER_FIELDS)
                          or r.get("sector_after") not in (None, "")):
            p.append("%s removed but has after-values %r" % (v, r))
    ck.check("%s: status, type, label; removed rows have empty after-fields" % name, not p,
             "; ".join(p[:4]))

    # scores
    p = []
    for v in case.ids:
        r = rows.get(v, {})
        if not common.close(r.get("score_before"), before.power[v], PTOL):
            p.append("%s score_before %r expected %r" % (v, r.get("score_before"),
                                                         before.power[v]))
        if v in gone:
            continue
        if not common.close(r.get("score_after"), exp["power"][v], PTOL):
            p.append("%s score_after %r expected %r" % (v, r.get("score_after"),
                                                        exp["power"][v]))
        if (r.get("score_after") is None or r.get("score_before") is None
                or r.get("score_change") is None
                or abs(r["score_change"] - (r["score_after"] - r["score_before"])) > 1e-15):
            p.append("%s score_change %r is not after - before" % (v, r.get("score_change")))
    ck.check("%s: power before and after vs networkx (1e-8)" % name, not p, "; ".join(p[:4]))

    # ranks
    p = []
    for when, ref, ids in (("before", before.power, case.ids), ("after", exp["power"],
                                                                exp["present"])):
        col = "rank_" + when
        got = [rows[v].get(col) for v in ids if v in rows]
        if sorted(got, key=lambda x: (x is None, x)) != list(range(1, len(ids) + 1)):
            p.append("%s is not 1..%d" % (col, len(ids)))
            continue
        own = sorted(ids, key=lambda v: (-rounded(rows[v]["score_" + when]), v))
        if [rows[v][col] for v in own] != list(range(1, len(ids) + 1)):
            p.append("%s does not follow clout's own scores with ties by id: %s" % (
                col, [(v, rows[v][col]) for v in own][:6]))
        refsub = {v: ref[v] for v in ids}
        for v in ids:
            lo, hi = rank_interval(refsub, v)
            if not lo <= rows[v][col] <= hi:
                p.append("%s %s %r expected %s" % (v, col, rows[v][col],
                                                   lo if lo == hi else "%d..%d" % (lo, hi)))
    for v in exp["present"]:
        r = rows.get(v, {})
        if (r.get("rank_before") is not None and r.get("rank_after") is not None
                and r.get("rank_change") != r["rank_before"] - r["rank_after"]):
            p.append("%s rank_change %r" % (v, r.get("rank_change")))
    changes = sum(1 for v in exp["present"] if v in rows
                  and rows[v].get("rank_before") != rows[v].get("rank_after"))
    if data.get("rank_changes") != changes:
        p.append("rank_changes %r, rows say %d" % (data.get("rank_changes"), changes))
    ck.check("%s: ranks before and after (1 = most power, ties by id)" % name, not p,
             "; ".join(p[:4]))

    # reach and sectors
    p = []
    for v in case.ids:
        r = rows.get(v, {})
        if r.get("reach_before") != len(before.reach[v]):
            p.append("%s reach_before %r expected %d" % (v, r.get("reach_before"),
                                                         len(before.reach[v])))
        if r.get("sector_before") != before.sector[v]:
            p.append("%s sector_before %r expected %r" % (v, r.get("sector_before"),
                                                          before.sector[v]))
        if v in gone:
            continue
        if r.get("reach_after") != len(exp["reach"][v]):
            p.append("%s reach_after %r expected %d" % (v, r.get("reach_after"),
                                                        len(exp["reach"][v])))
        if r.get("reach_lost") != exp["lost"][v]:
            p.append("%s reach_lost %r expected %d" % (v, r.get("reach_lost"), exp["lost"][v]))
        if r.get("sector_after") != exp["sector"][v]:
            p.append("%s sector_after %r expected %r" % (v, r.get("sector_after"),
                                                         exp["sector"][v]))
    ck.check("%s: reach, reach_lost and MICMAC sectors before and after" % name, not p,
             "; ".join(p[:4]))
    ck.guard("%s: camps" % name, check_camps, ck, name, case, data, exp, CAMP_TMP[0])
    return data, exp


def check_each(ck, name, case, before):
    """--each: every actor knocked out, against the reference; returns {id: row}."""
    header, rows = each_csv(case.folder)
    ck.check("%s: --each CSV header" % name, header == EACH_COLUMNS, header)
    ck.check("%s: --each has one row per actor" % name,
             sorted(r["id"] for r in rows) == sorted(case.actors),
             sorted({r["id"] for r in rows} ^ set(case.actors))[:6])
    ref_damage = {}
    p_damage, p_reach, p_sector, p_meta = [], [], [], []
    for r in rows:
        a = r["id"]
        if a not in case.type:
            continue
        exp = expected(case, before, remove=[a])
        others = [v for v in case.ids if v != a]
        ref_damage[a] = exp["damage"]
        pairs = sum(len({w for w in before.reach[u] if w != a} - exp["reach"][u])
                    for u in others)
        r["damage_power"] = float(r["damage_power"])
        if not common.close(r["damage_power"], exp["damage"], PTOL):
            p_damage.append("%s %r expected %r" % (a, r["damage_power"], exp["damage"]))
        if r["reach_lost"] != str(pairs):
            p_reach.append("%s %r expected %d" % (a, r["reach_lost"], pairs))
        if r["sector_changes"] != str(exp["sector_changes"]):
            p_sector.append("%s %r expected %d" % (a, r["sector_changes"],
                                                   exp["sector_changes"]))
        if (r["label"], r["kind"]) != (case.label[a], case.kind[a]):
            p_meta.append("%s label/kind %r" % (a, (r["label"], r["kind"])))
    ck.check("%s: --each damage_power vs networkx (1e-8)" % name, not p_damage,
             "; ".join(p_damage[:4]))
    ck.check("%s: --each reach_lost (ordered pairs cut)" % name, not p_reach,
             "; ".join(p_reach[:4]))
    ck.check("%s: --each sector_changes" % name, not p_sector, "; ".join(p_sector[:4]))
    ck.check("%s: --each label and kind" % name, not p_meta, "; ".join(p_meta[:4]))
    p = order_problems(rows, "damage_power", ref_damage) if len(ref_damage) == len(rows) else [
        "unknown ids"]
    ck.check("%s: --each sorted by damage_power desc, ties by id" % name, not p,
             "; ".join(p[:4]))
    return {r["id"]: r for r in rows}


def check_each_vs_remove(ck, name, case, each, actors):
    """--each's row for a equals the summary of '--remove a'."""
    p = []
    for a in actors:
        data, _ = whatif_json(case.folder, remove=[a])
        r = each[a]
        if abs(r["damage_power"] - data["damage"]) > 1e-12:
            p.append("%s damage_power %r, --remove damage %r" % (a, r["damage_power"],
                                                                 data["damage"]))
        if int(r["reach_lost"]) != data["reach_lost"]:
            p.append("%s reach_lost %s, --remove reach_lost %r" % (a, r["reach_lost"],
                                                                   data["reach_lost"]))
        if int(r["sector_changes"]) != data["sector_changes"]:
            p.append("%s sector_changes %s, --remove sector_changes %r" % (
                a, r["sector_changes"], data["sector_changes"]))
        if int(r["camp_changes"]) != data["camp_changes"]:
            p.append("%s camp_changes %s, --remove camp_changes %r" % (
                a, r["camp_changes"], data["camp_changes"]))
    ck.check("%s: --each agrees with --remove a for %d actors" % (name, len(actors)), not p,
             "; ".join(p[:4]))


def check_flip_only(ck, name, case, flips):
    data, err = whatif_json(case.folder, flip=flips)
    p = []
    if data["flipped_relations"] != len(flips) or data["removed_relations"] != 0:
        p.append("flipped %r removed %r" % (data["flipped_relations"],
                                            data["removed_relations"]))
    if data["damage"] != 0 or data["reach_lost"] != 0 or data["rank_changes"] != 0 \
            or data["sector_changes"] != 0:
        p.append("summary %r" % {k: data[k] for k in ("damage", "reach_lost", "rank_changes",
                                                       "sector_changes")})
    for r in data["vertices"]:
        if (r["score_after"] != r["score_before"] or r["rank_after"] != r["rank_before"]
                or r["reach_after"] != r["reach_before"] or r["reach_lost"] != 0
                or r["sector_after"] != r["sector_before"]):
            p.append("%s changed: %r" % (r["id"], r))
    ck.check("%s: flipping %s alone leaves power, ranks, reach and sectors unchanged" % (
        name, ",".join(flips)), not p, "; ".join(p[:3]))


def check_csv_matches_json(ck, name, case, remove, drop=()):
    args = ["whatif", "-f", "csv", "--remove", ",".join(remove)]
    for d in drop:
        args += ["--drop", d]
    rc, out, err = common.run_clout(args + [case.folder])
    data, _ = whatif_json(case.folder, remove, drop)
    table = list(csv.reader(io.StringIO(out)))
    p = []
    if rc != 0 or not table or table[0] != SCENARIO_COLUMNS:
        p.append("rc %d header %r" % (rc, table[0] if table else None))
    else:
        rows = [dict(zip(table[0], r)) for r in table[1:]]
        if [r["id"] for r in rows] != [r["id"] for r in data["vertices"]]:
            p.append("row order differs from json")
        for c, j in zip(rows, data["vertices"]):
            for col in SCENARIO_COLUMNS:
                jv = j.get(col)
                if jv is None or jv == "":
                    ok = c[col] == ""
                elif isinstance(jv, (int, float)) and not isinstance(jv, bool):
                    ok = c[col] != "" and abs(float(c[col]) - jv) <= 1e-15 * max(1, abs(jv))
                else:
                    ok = c[col] == str(jv)
                if not ok:
                    p.append("%s %s csv %r json %r" % (c["id"], col, c[col], jv))
    ck.check("%s: csv output holds the json rows (removed: empty cells)" % name, not p,
             "; ".join(p[:4]))


def check_actors_only(ck, name, case, remove):
    data, _ = whatif_json(case.folder, remove, extra=["-a"])
    full, _ = whatif_json(case.folder, remove)
    want = [r for r in full["vertices"] if r["type"] == "actor"]
    ck.check("%s: -a hides issue rows, same actor rows" % name,
             data["vertices"] == want and len(want) < len(full["vertices"]),
             "%d rows vs %d actor rows" % (len(data["vertices"]), len(want)))


def check_errors(ck, tmp, case):
    """Bad scenarios: non-zero exit, a message naming the problem, no output file."""
    s, t = next(iter(sorted(case.rel)))
    absent = next((a, b) for a in case.ids for b in case.ids
                  if a != b and case.key(a, b) not in case.rel)
    bad = [
        ("unknown id in --remove", ["--remove", "nobody_here"], None, ["nobody_here"]),
        ("unknown id among several in --remove", ["--remove", "%s,ghost_x" % s], None,
         ["ghost_x"]),
        ("unknown id in --drop", ["--drop", "%s:ghost_y" % s], None, ["ghost_y"]),
        ("--drop of a pair without relation", ["--drop", "%s:%s" % absent], None,
         list(absent)),
        ("--flip of a pair without relation", ["--flip", "%s:%s" % absent], None,
         list(absent)),
        ("--drop text without colon", ["--drop", "%s%s" % (s, t)], None, [s + t]),
        ("--flip text without colon", ["--flip", "nocolonhere"], None, ["nocolonhere"]),
        ("--each with --remove", ["--each", "--remove", s], 2, ["--each"]),
    ]
    for number, (label, args, want_rc, words) in enumerate(bad):
        out = os.path.join(tmp, "out-%d.csv" % number)
        rc, stdout, err = common.run_clout(["whatif", "-o", out] + args + [case.folder])
        p = []
        if rc == 0 or (want_rc is not None and rc != want_rc):
            p.append("exit %d%s" % (rc, "" if want_rc is None else ", expected %d" % want_rc))
        missing = [w for w in words if w not in err]
        if missing:
            p.append("stderr does not name %s: %r" % (missing, err.strip()[:300]))
        if os.path.exists(out):
            p.append("wrote %s" % out)
        ck.check("errors: %s" % label, not p, "; ".join(p))


# ---------------------------------------------------------------- random cases

def write_case(tmp, name, rng, n_actors, n_issues, p, directed=True, signs=False,
               isolated=0, dag=False, dups=0, loops=0):
    actors = ["a%02d" % i for i in range(n_actors)]
    issues = ["q%02d" % i for i in range(n_issues)]
    linked = actors[:n_actors - isolated] + issues
    rels = []
    for i, s in enumerate(linked):
        for j, t in enumerate(linked):
            if s == t or (dag and j <= i) or (not directed and j <= i):
                continue
            if s in issues and t in issues and rng.random() < 0.5:
                continue
            if rng.random() < p:
                if not directed and rng.random() < 0.5:
                    s2, t2 = t, s
                else:
                    s2, t2 = s, t
                rels.append((s2, t2, rng.randint(1, 4)))
    for s, t, _ in rng.sample(rels, min(dups, len(rels))):
        rels.append((t, s, rng.randint(1, 4)) if not directed and rng.random() < 0.5
                    else (s, t, rng.randint(1, 4)))
    for v in rng.sample(linked, loops):
        rels.append((v, v, rng.randint(1, 4)))
    rng.shuffle(rels)
    labels = {v: "Label of %s" % v for v in actors[::3]}
    kinds = {v: rng.choice(["state", "leader", "media"]) for v in actors}
    folder = common.write_folder_case(os.path.join(tmp, name), actors, rels, directed,
                                      issues=issues, labels=labels, kinds=kinds)
    if signs:   # add a sign column: some rows oppose, so merged rows may net out
        path = os.path.join(folder, "relations.csv")
        with open(path, newline="", encoding="utf-8") as f:
            table = list(csv.reader(f))
        table[0].append("sign")
        for row in table[1:]:
            row.append("-" if rng.random() < 0.3 else "+")
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(table)
    return Case(folder)


def random_cases(tmp):
    rng = random.Random(20251201)
    return [
        ("dir16", write_case(tmp, "dir16", rng, 12, 4, 0.18, dups=4, loops=2)),
        ("dir-signed20", write_case(tmp, "dir-signed20", rng, 14, 6, 0.15, signs=True,
                                    dups=8)),
        ("dir-split22", write_case(tmp, "dir-split22", rng, 18, 4, 0.1, isolated=3)),
        ("undir15", write_case(tmp, "undir15", rng, 11, 4, 0.22, directed=False, dups=4,
                               loops=1)),
        ("undir-split18", write_case(tmp, "undir-split18", rng, 14, 4, 0.09, directed=False,
                                     signs=True, isolated=2, dups=5)),
        ("dag12", write_case(tmp, "dag12", rng, 9, 3, 0.3, dag=True)),
        ("dense9", write_case(tmp, "dense9", rng, 7, 2, 0.6, signs=True, dups=6)),
    ]


def scenarios_for(case, rng):
    """Remove one, remove an issue, remove two, drop one, flip one, combined."""
    by_degree = sorted(case.actors, key=lambda v: (-sum(v in k for k in case.rel), v))
    rels = sorted(case.rel)
    a, b = by_degree[0], by_degree[1]
    d = rels[rng.randrange(len(rels))]
    f = rels[rng.randrange(len(rels))]
    keep = [k for k in rels if a not in k and k != d]
    out = [("remove %s" % a, dict(remove=[a])),
           ("remove %s,%s" % (a, b), dict(remove=[a, b])),
           ("drop %s:%s" % d, dict(drop=["%s:%s" % d])),
           ("flip %s:%s" % f, dict(flip=["%s:%s" % f]))]
    issues = [v for v in case.ids if case.type[v] == "issue"]
    if issues:
        out.append(("remove issue %s" % issues[0], dict(remove=[issues[0]])))
    if keep:
        g = keep[rng.randrange(len(keep))]
        others = [k for k in keep if k != g] or [g]
        out.append(("combined", dict(remove=[a], drop=["%s:%s" % d, "%s:%s" % others[0]],
                                     flip=["%s:%s" % g])))
    return out


# ---------------------------------------------------------------- main

def bundled(ck, tmp):
    case = Case(CASE)
    before = Before(case)
    name = "ukraine-2025"
    each = check_each(ck, name, case, before)
    # --remove of every actor: each scenario against the reference, and against --each
    p = []
    for a in case.actors:
        exp = expected(case, before, remove=[a])
        data, _ = whatif_json(case.folder, remove=[a])
        got = {r["id"]: r for r in data["vertices"]}
        for v in exp["present"]:
            r = got[v]
            if not common.close(r["score_after"], exp["power"][v], PTOL) \
                    or r["reach_after"] != len(exp["reach"][v]) \
                    or r["reach_lost"] != exp["lost"][v] or r["sector_after"] != exp["sector"][v]:
                p.append("remove %s: %s got %r expected %r" % (
                    a, v, (r["score_after"], r["reach_after"], r["reach_lost"],
                           r["sector_after"]),
                    (exp["power"][v], len(exp["reach"][v]), exp["lost"][v], exp["sector"][v])))
        if each[a]["damage_power"] != data["damage"] and \
                abs(each[a]["damage_power"] - data["damage"]) > 1e-12:
            p.append("remove %s: damage %r, --each %r" % (a, data["damage"],
                                                          each[a]["damage_power"]))
        if int(each[a]["reach_lost"]) != data["reach_lost"]:
            p.append("remove %s: reach_lost %r, --each %s" % (a, data["reach_lost"],
                                                              each[a]["reach_lost"]))
        if int(each[a]["sector_changes"]) != data["sector_changes"]:
            p.append("remove %s: sector_changes %r, --each %s" % (
                a, data["sector_changes"], each[a]["sector_changes"]))
    ck.check("%s: --remove of each of the %d actors: power, reach, reach_lost, sectors after, "
             "and --each's row equals the --remove summary" % (name, len(case.actors)),
             not p, "; ".join(p[:4]))
    scen = [
        ("remove putin", dict(remove=["putin"])),
        ("remove trump,zelensky", dict(remove=["trump", "zelensky"])),
        ("remove issue territory", dict(remove=["territory"])),
        ("drop witkoff:putin", dict(drop=["witkoff:putin"])),
        ("flip zelensky:ukraine", dict(flip=["zelensky:ukraine"])),
        ("combined", dict(remove=["putin", "trump"], drop=["zelensky:ukraine",
                                                           "dmitriev:witkoff"],
                          flip=["macron:france"])),
    ]
    for label, kw in scen:
        for k, v in kw.items():   # the scenario must be valid in the bundled case
            for text in (v if k != "remove" else []):
                s, t = text.split(":")
                if case.key(s, t) not in case.rel:
                    raise RuntimeError("bundled scenario names no relation: " + text)
        ck.guard("%s: %s" % (name, label), check_scenario, ck, "%s: %s" % (name, label),
                 case, before, **kw)
    check_flip_only(ck, name, case, ["zelensky:ukraine", "putin:russia"])
    one, _ = whatif_json(case.folder, remove=["trump", "zelensky"])
    rc, out, err = common.run_clout(["whatif", "-f", "json", "--remove", "trump", "--remove",
                                     "zelensky", case.folder])
    two = json.loads(out) if rc == 0 else {}
    ck.check("%s: --remove trump --remove zelensky is --remove trump,zelensky" % name,
             rc == 0 and all(one[k] == two.get(k) for k in one if k != "scenario"),
             "rc %d %s" % (rc, err.strip()[:200]))
    check_csv_matches_json(ck, name, case, ["putin", "territory"], ["zelensky:ukraine"])
    check_actors_only(ck, name, case, ["putin"])
    check_errors(ck, tmp, case)


def random_checks(ck, tmp):
    rng = random.Random(77)
    for name, case in random_cases(tmp):
        def run(name=name, case=case):
            before = Before(case)
            each = check_each(ck, name, case, before)
            check_each_vs_remove(ck, name, case, each, sorted(case.actors)[:3])
            for label, kw in scenarios_for(case, rng):
                check_scenario(ck, "%s: %s" % (name, label), case, before, **kw)
            f = sorted(case.rel)[-1]
            check_flip_only(ck, name, case, ["%s:%s" % f])
            if not case.directed:
                # one relation either way round: --drop t:s is --drop s:t
                s, t = sorted(case.rel)[0]
                one, _ = whatif_json(case.folder, drop=["%s:%s" % (s, t)])
                two, _ = whatif_json(case.folder, drop=["%s:%s" % (t, s)])
                ck.check("%s: undirected --drop %s:%s equals --drop %s:%s" % (name, t, s, s, t),
                         one["vertices"] == two["vertices"] and one["removed_relations"] == 1
                         and two["removed_relations"] == 1,
                         "removed %r vs %r" % (one["removed_relations"],
                                               two["removed_relations"]))
        ck.guard(name, run)


def main():
    ck = common.Checker()
    common.require_binary(ck)
    start = time.time()
    with tempfile.TemporaryDirectory(prefix="clout-peers-whatif-") as tmp:
        errdir = os.path.join(tmp, "errors")
        os.makedirs(errdir)
        CAMP_TMP[0] = os.path.join(tmp, "camps")
        os.makedirs(CAMP_TMP[0])
        ck.guard("ukraine-2025", bundled, ck, errdir)
        ck.guard("random cases", random_checks, ck, tmp)
    print("(%.1f s)" % (time.time() - start), file=sys.stderr)
    ck.finish()


if __name__ == "__main__":
    main()
