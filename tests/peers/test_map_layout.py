#!/usr/bin/python3
"""Peer test of 'clout map --save-layout' and '--layout-from' on the bundled case.

The reference is Graphviz's own JSON of each drawing (where it put every node and
what it drew there) and the case's CSV files read with Python's csv module:

  save      the saved CSV has one row per vertex, the vertex's role, and the position
            Graphviz's JSON gives the node (to 0.01 pt)
  redraw    --layout-from the saved CSV puts every vertex at its saved position
            (0.5 pt), says 54 matched by id, and no two shapes overlap
  dot       `dot -Tsvg` of the re-drawn map's DOT source gives clout's SVG byte for byte
  case      --layout-from the case folder itself gives the same positions as the CSV
  partial   a layout with rows dropped and ids renamed (same roles): the counts and
            positions the matching rules give, worked out here independently; no two
            shapes overlap and no label overlaps another vertex's shape
"""

import csv
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
import test_map as tm  # noqa: E402

CASE = os.path.join(common.REPO, "data", "ukraine-2025")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def roles(case):
    out = {}
    for name in ("actors.csv", "issues.csv"):
        path = os.path.join(case, name)
        if os.path.exists(path):
            for r in read_csv(path):
                out[r["id"]] = r.get("role", "") or ""
    return out


def positions(path):
    """node name -> (x, y) from Graphviz JSON, and the node objects."""
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    nodes, _ = tm.json_parts(d)
    return {o["name"]: tuple(float(c) for c in o["pos"].split(",")) for o in nodes}, nodes


def clashes(nodes):
    """Pairs of shapes that overlap, and labels that overlap another vertex's shape."""
    shapes = {o["name"]: tm.shape_box(o) for o in nodes}
    labels = {o["name"]: tm.text_boxes(o.get("_ldraw_")) for o in nodes}
    names = sorted(shapes)
    shape_pairs, label_hits = [], []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if tm.overlap(shapes[a], shapes[b]):
                shape_pairs.append((a, b))
        for b in names:
            if b != a and any(tm.overlap(box, shapes[b]) for _, box in labels[a]):
                label_hits.append((a, b))
    return shape_pairs, label_hits


def far(p, q, tol=0.5):
    return abs(p[0] - q[0]) > tol or abs(p[1] - q[1]) > tol


def test_save(ck, tmp, ctx):
    saved = os.path.join(tmp, "saved.csv")
    path, rc, err = tm.draw(tmp, "whole.json", ["--save-layout", saved])
    rows = read_csv(saved)
    with open(saved, encoding="utf-8") as f:
        header = f.readline().strip()
    pos, nodes = positions(path)
    role = roles(CASE)
    ck.check("save: header id,role,x,y", header == "id,role,x,y", header)
    ck.check("save: one row per vertex", sorted(r["id"] for r in rows) == sorted(role),
             "%d rows, %d vertices" % (len(rows), len(role)))
    wrong_role = [r["id"] for r in rows if r["role"] != role.get(r["id"])]
    ck.check("save: each row has its vertex's role from actors.csv/issues.csv",
             not wrong_role, wrong_role[:5])
    wrong_pos = [(r["id"], r["x"], r["y"], pos.get(r["id"])) for r in rows
                 if r["id"] not in pos or far((float(r["x"]), float(r["y"])), pos[r["id"]], 0.06)]
    ck.check("save: positions are Graphviz's (JSON pos, 5 digits)", not wrong_pos, wrong_pos[:4])
    ctx["saved"], ctx["rows"], ctx["pos"] = saved, rows, pos


def test_redraw(ck, tmp, ctx):
    rows = ctx["rows"]
    path, rc, err = tm.draw(tmp, "again.json", ["--layout-from", ctx["saved"]])
    pos, nodes = positions(path)
    off = [(r["id"], r["x"], r["y"], pos.get(r["id"])) for r in rows
           if r["id"] not in pos or far((float(r["x"]), float(r["y"])), pos[r["id"]])]
    ck.check("redraw: every vertex at its saved position (0.5 pt)", not off,
             "%d off, e.g. %s" % (len(off), off[:4]))
    ck.check("redraw: stderr counts 54 by id, 0 by role, 0 free",
             "54 vertices matched by id, 0 by role, 0 placed freely" in err, err.strip())
    pairs, hits = clashes(nodes)
    ck.check("redraw: no two shapes overlap", not pairs, pairs[:4])
    ck.check("redraw: no label overlaps another vertex's shape", not hits, hits[:4])


def test_dot(ck, tmp, ctx):
    svg, _, _ = tm.draw(tmp, "again.svg", ["--layout-from", ctx["saved"]])
    dot, _, _ = tm.draw(tmp, "again.dot", ["--layout-from", ctx["saved"]])
    proc = subprocess.run(["dot", "-Tsvg", dot], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    ck.check("dot: dot -Tsvg of the re-drawn map's DOT gives clout's SVG",
             proc.returncode == 0 and proc.stdout == tm.read_bytes(svg),
             "exit %d, %d bytes against %d" % (proc.returncode, len(proc.stdout),
                                              len(tm.read_bytes(svg))))


def test_case(ck, tmp, ctx):
    path, rc, err = tm.draw(tmp, "from-case.json", ["--layout-from", CASE])
    pos, _ = positions(path)
    off = [k for k, p in ctx["pos"].items() if k not in pos or far(p, pos[k])]
    ck.check("case: --layout-from the case folder gives the saved positions", not off, off[:5])


def test_partial(ck, tmp, ctx):
    rows = ctx["rows"]
    # drop every 7th row; rename the ids of every 7th row after it (roles kept)
    kept = []
    for i, r in enumerate(rows):
        if i % 7 == 0:
            continue
        r = dict(r)
        if i % 7 == 1:
            r["id"] = "was_" + r["id"]
        kept.append(r)
    layout = os.path.join(tmp, "partial.csv")
    with open(layout, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "role", "x", "y"])
        for r in kept:
            w.writerow([r["id"], r["role"], r["x"], r["y"]])
    # the rules, worked out here: by id; else the unclaimed rows of the same role
    # (their mean), for a vertex alone among the unmatched with that role
    role = roles(CASE)
    ids = {r["id"]: r for r in kept}
    by_id = {v: (float(ids[v]["x"]), float(ids[v]["y"])) for v in role if v in ids}
    unclaimed = {}
    for r in kept:
        if r["id"] not in role and r["role"]:
            unclaimed.setdefault(r["role"].lower(), []).append((float(r["x"]), float(r["y"])))
    left = [v for v in role if v not in by_id]
    wanted = {}
    for v in left:
        if role[v] and role[v].lower() in unclaimed:
            wanted[role[v].lower()] = wanted.get(role[v].lower(), 0) + 1
    by_role = {}
    for v in left:
        k = role[v].lower()
        if role[v] and k in unclaimed and wanted[k] == 1:
            ps = unclaimed[k]
            by_role[v] = (sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps))
    free = len(role) - len(by_id) - len(by_role)
    path, rc, err = tm.draw(tmp, "partial.json", ["--layout-from", layout])
    expect = "%d vertices matched by id, %d by role, %d placed freely" % (
        len(by_id), len(by_role), free)
    ck.check("partial: stderr counts what the rules give (%s)" % expect, expect in err,
             err.strip())
    ck.check("partial: some vertices of each kind", by_id and by_role and free,
             (len(by_id), len(by_role), free))
    pos, nodes = positions(path)
    moved = [v for v, p in list(by_id.items()) + list(by_role.items()) if far(p, pos[v])]
    note = "moved %d matched vertices" % len(moved)
    ck.check("partial: matched vertices at their positions, or counted as moved",
             (not moved and "moved" not in err) or note in err,
             "%d moved (%s), stderr %s" % (len(moved), moved[:5], err.strip()))
    ck.check("partial: most matched vertices stay put", len(moved) <= len(by_id) // 4,
             "%d of %d moved" % (len(moved), len(by_id) + len(by_role)))
    pairs, hits = clashes(nodes)
    ck.check("partial: no two shapes overlap", not pairs, pairs[:4])
    ck.check("partial: no label overlaps another vertex's shape", not hits, hits[:4])


def main():
    ck = common.Checker()
    common.require_binary(ck)
    ctx = {}
    with tempfile.TemporaryDirectory(prefix="clout-peers-layout-") as tmp:
        ck.guard("save", test_save, ck, tmp, ctx)
        if "rows" in ctx:
            ck.guard("redraw", test_redraw, ck, tmp, ctx)
            ck.guard("dot", test_dot, ck, tmp, ctx)
            ck.guard("case", test_case, ck, tmp, ctx)
            ck.guard("partial", test_partial, ck, tmp, ctx)
    ck.finish()


if __name__ == "__main__":
    main()
