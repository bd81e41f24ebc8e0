#!/usr/bin/python3
"""MICMAC against NumPy: 'clout micmac --format csv' on the bundled case and on
random networks, checked against an independent computation of M, its spectral
radius, the attenuated sum M (I - alpha M)^-1 (by matrix inversion here, by two
linear solves in clout), the sectors, and on a strongly connected aperiodic
network the Perron-vector limit of the rankings by powers of M."""

import csv
import io
import os
import random
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

CASE = os.path.join(common.REPO, "data", "ukraine-2025")
HEADER = ["id", "label", "type", "direct_influence", "direct_dependence", "indirect_influence",
          "indirect_dependence", "sector", "indirect_sector"]


def read_case(folder):
    """Vertex ids in file order and the summed weight matrix of a folder case."""
    ids = []
    for name in ("actors.csv", "issues.csv"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with open(path, newline="", encoding="utf-8-sig") as f:
                ids += [row["id"] for row in csv.DictReader(f)]
    index = {v: i for i, v in enumerate(ids)}
    m = np.zeros((len(ids), len(ids)))
    with open(os.path.join(folder, "relations.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["source"] != row["target"]:
                sign = -1 if row.get("sign", "+").strip() == "-" else 1
                m[index[row["source"]], index[row["target"]]] += sign * float(row["weight"])
    return ids, np.abs(m)   # merged relations keep the magnitude of their signed sum


def sectors(inf, dep):
    mi, md = inf.mean(), dep.mean()
    out = []
    for i, d in zip(inf, dep):
        hi, hd = i >= mi - 1e-12 * abs(mi), d >= md - 1e-12 * abs(md)
        out.append("driver" if hi and not hd else "relay" if hi and hd else
                   "dependent" if hd else "autonomous")
    return out


def expected(m, alpha=None):
    rho = max(abs(np.linalg.eigvals(m))) if len(m) else 0.0
    if alpha is None:
        alpha = 0.5 / rho if rho > 0 else 0.5
    t = m @ np.linalg.inv(np.eye(len(m)) - alpha * m)
    return rho, alpha, m.sum(1), m.sum(0), t.sum(1), t.sum(0)


def run_micmac(ck, name, case, ids, m, alpha=None):
    args = ["micmac", "--format", "csv", case] + (["--alpha", repr(alpha)] if alpha else [])
    rc, out, err = common.run_clout(args)
    if not ck.check("%s: exit 0" % name, rc == 0, "exit %d: %s" % (rc, err)):
        return None
    rows = list(csv.reader(io.StringIO(out)))
    ck.check("%s: the CSV header is the stable list" % name, rows[0] == HEADER, rows[0])
    got = {r[0]: r for r in rows[1:]}
    rho, alpha, di, dd, ii, idep = expected(m, alpha)
    ck.check("%s: stderr gives rho(M) and alpha" % name,
             "rho(M) = %.6g, alpha = %.6g" % (rho, alpha) in err, err)
    worst = 0.0
    for col, want in ((3, di), (4, dd), (5, ii), (6, idep)):
        for i, v in enumerate(ids):
            worst = max(worst, abs(float(got[v][col]) - want[i]) / max(1.0, abs(want[i])))
    ck.check("%s: direct and attenuated sums equal NumPy's M (I - alpha M)^-1 (rel 1e-9)" % name,
             worst <= 1e-9, "worst relative error %.3g" % worst)
    for col, (inf, dep) in ((7, (di, dd)), (8, (ii, idep))):
        want = sectors(inf, dep)
        bad = [v for i, v in enumerate(ids) if got[v][col] != want[i]]
        ck.check("%s: %s from the means" % (name, HEADER[col]), not bad, bad[:5])
    return err


def check_plane(ck, tmp, ids, m):
    """The plane of the bundled case: every vertex pinned where its values put it,
    every label drawn once, no label over another label or over a vertex."""
    import json
    path = os.path.join(tmp, "plane.json")
    rc, _, err = common.run_clout(["micmac", "-o", path, CASE])
    if not ck.check("plane: exit 0", rc == 0, err):
        return
    with open(path, encoding="utf-8") as f:
        objects = [o for o in json.load(f)["objects"] if "pos" in o]
    by_name = {o["name"]: o for o in objects}
    rho, alpha, di, dd, ii, idep = expected(m)
    ck.check("plane: every vertex is drawn", all(v in by_name for v in ids),
             [v for v in ids if v not in by_name][:5])
    # Graphviz translates the drawing, so positions are affine in the values
    worst = 0.0
    for axis, values in ((0, idep), (1, ii)):
        pos = np.array([float(by_name[v]["pos"].split(",")[axis]) for v in ids])
        slope, offset = np.polyfit(values, pos, 1)
        worst = max(worst, float(np.max(np.abs(slope * values + offset - pos))))
    ck.check("plane: positions are affine in dependence (across) and influence (up)",
             worst < 0.02, "worst residual %.3g pt" % worst)

    def box(o):
        x, y = map(float, o["pos"].split(","))
        w, h = float(o["width"]) * 72, float(o["height"]) * 72
        return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)

    labels = [o for o in objects if o.get("class") == "label"]
    marks = [o for o in objects if o["name"] in ids]
    ck.check("plane: one label per vertex", len(labels) == len(ids), len(labels))
    bad = []
    for i, a in enumerate(labels):
        for b in labels[:i] + marks:
            p, q = box(a), box(b)
            if min(p[2], q[2]) - max(p[0], q[0]) > 1 and min(p[3], q[3]) - max(p[1], q[1]) > 1:
                bad.append((a["name"], b["name"]))
    ck.check("plane: no label overlaps another label or a vertex", not bad, bad[:5])
    svg = os.path.join(tmp, "plane.svg")
    rc, _, err = common.run_clout(["micmac", "-o", svg, CASE])
    proc = subprocess.run(["xmllint", "--noout", svg], stderr=subprocess.PIPE)
    ck.check("plane: the SVG is well-formed", rc == 0 and proc.returncode == 0, err)


def main():
    ck = common.Checker()
    common.require_binary(ck)
    ids, m = read_case(CASE)
    err = run_micmac(ck, "bundled", CASE, ids, m)
    ck.check("bundled: warns that the power rankings do not settle (issues are sinks)",
             err is not None and "did not settle" in err, err)
    run_micmac(ck, "bundled, alpha 0.1", CASE, ids, m, alpha=0.1)
    rc, _, err = common.run_clout(["micmac", "--alpha", "0.2", CASE])
    ck.check("bundled: alpha past 1/rho is refused", rc == 1 and "below 1/rho(M)" in err, err)

    with tempfile.TemporaryDirectory(prefix="clout-peers-micmac-") as tmp:
        check_plane(ck, tmp, ids, m)
        rng = random.Random(7)
        # strongly connected and aperiodic: a complete digraph with random weights
        n = 12
        edges = [("v%02d" % i, "v%02d" % j, rng.randint(1, 9))
                 for i in range(n) for j in range(n) if i != j]
        path = common.write_edge_list(os.path.join(tmp, "complete.csv"), edges)
        names = sorted({e[0] for e in edges})
        mm = np.zeros((n, n))
        for a, b, w in edges:
            mm[names.index(a), names.index(b)] = w
        err = run_micmac(ck, "complete", path, names, mm)
        ck.check("complete: the power rankings settle and stderr says at which k",
                 err is not None and "settle at k = " in err, err)
        rc, out, _ = common.run_clout(["micmac", "--format", "json", path])
        rows = common.parse_json_rows(out)
        got_rank = {r["id"]: r["power_rank"] for r in rows}
        vals, vecs = np.linalg.eig(mm)
        perron = np.abs(np.real(vecs[:, np.argmax(np.abs(vals))]))
        want = sorted(names, key=lambda v: (-perron[names.index(v)], v))
        ck.check("complete: the settled ranking is the right Perron vector's",
                 [v for v, _ in sorted(got_rank.items(), key=lambda x: x[1])] == want,
                 (got_rank, want))
    ck.finish()


if __name__ == "__main__":
    main()
