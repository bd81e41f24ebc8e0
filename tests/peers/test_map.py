#!/usr/bin/python3
"""Peer checks of 'clout map': the drawings are parsed back (xml.etree and xmllint for
SVG, json for Graphviz JSON, gvpr and dot for the DOT source) and compared with what
the case files say, with 'clout rank' (metrics of the whole network) and with
independent selections computed here (NetworkX ego networks, top-N, weight budgets).

  bundled       data/ukraine-2025 drawn whole: vertices, relations, classes, styles,
                caption, legend, tooltips (evidence of every relation, metric values)
  legibility    Graphviz JSON of the default map: no two shapes overlap, no label text
                overlaps another label or another vertex's shape or the caption/legend
  hostile       a case whose texts hold markup, quotes, Cyrillic, Graphviz escapes
                (\\N \\G \\E ...), a control character and backslashes: shown literally
  formats       PNG, PDF, DOT, JSON; format from the extension, --format overriding
                it, -o - to standard output, a case read from standard input
  determinism   two runs give the same bytes (SVG, DOT, PNG)
  selection     --top, --focus/--depth (against NetworkX), --actors-only, --min-weight
  large         a generated 2500-vertex network: top 200 by default, --top, --force
  dense         UN General Assembly 1995 vote coincidences ($REAL_DATA): the
                strongest relations by default, exactly at the budget-th weight
  engines       dot, neato, fdp, sfdp, circo; clusters by bloc; engine guards
  errors        unknown focus, bad values, unwritable output; colour by community
"""

import collections
import csv
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

CASE = os.path.join(common.REPO, "data", "ukraine-2025")
UNGA_PARTS = ("unga-roll-call-votes", "1995_RAW_COIN.csv")
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
ENGINES = ["dot", "neato", "fdp", "sfdp", "circo"]
OPPOSE_COLOUR = "#cc3311"


# ---------------------------------------------------------------- running

def run(args, stdin=None, timeout=120):
    """Run clout with ARGS; (exit status, stdout bytes, stderr text)."""
    proc = subprocess.run([common.CLOUT] + list(args), input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def draw(tmp, name, args, case=CASE, expect_ok=True, timeout=120):
    """'clout map ARGS -o TMP/NAME CASE'; returns (path, rc, stderr). Raises when it
    should have worked and did not (the calling group then fails with the message)."""
    path = os.path.join(tmp, name)
    if os.path.exists(path):
        os.remove(path)
    rc, out, err = run(["map"] + list(args) + ["-o", path, case], timeout=timeout)
    if expect_ok and (rc != 0 or not os.path.isfile(path)):
        raise RuntimeError("clout map %s exited %d: %s" % (" ".join(args), rc,
                                                           err.strip()[:600]))
    return path, rc, err


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def xmllint_ok(path):
    proc = subprocess.run(["xmllint", "--noout", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    return proc.returncode == 0, proc.stderr.decode("utf-8", "replace").strip()[:400]


def gvpr(program, path):
    proc = subprocess.run(["gvpr", program, path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError("gvpr failed on %s: %s" % (path, proc.stderr.decode()[:300]))
    return proc.stdout.decode("utf-8")


def dot_nodes(path):
    """Node names of a DOT file (read by Graphviz's own parser)."""
    return [ln for ln in gvpr('N{print($.name)}', path).split("\n") if ln != ""]


def dot_edges(path):
    """(tail, head, arrowhead, style, color, class) of every edge of a DOT file."""
    text = gvpr('E{printf("%s\\t%s\\t%s\\t%s\\t%s\\t%s\\n", $.tail.name, $.head.name, '
                '$.arrowhead, $.style, $.color, $.class)}', path)
    return [tuple(ln.split("\t")) for ln in text.split("\n") if ln != ""]


# ---------------------------------------------------------------- reading the case

def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k.strip().lower(): (v or "").strip() for k, v in row.items()}
                for row in csv.DictReader(f)]


def read_case(folder):
    actors = read_csv(os.path.join(folder, "actors.csv"))
    issues_path = os.path.join(folder, "issues.csv")
    issues = read_csv(issues_path) if os.path.exists(issues_path) else []
    relations = read_csv(os.path.join(folder, "relations.csv"))
    info = {}
    case_path = os.path.join(folder, "case.csv")
    if os.path.exists(case_path):
        with open(case_path, newline="", encoding="utf-8-sig") as f:
            for row in csv.reader(f):
                if len(row) >= 2 and row[0].strip().lower() != "key":
                    info[row[0].strip()] = row[1].strip()
    vertices = {}
    for a in actors:
        vertices[a["id"]] = dict(a, type="actor", label=a.get("label") or a["id"])
    for i in issues:
        vertices[i["id"]] = dict(i, type="issue", label=i.get("label") or i["id"])
    merged = collections.OrderedDict()
    for r in relations:
        key = (r["source"], r["target"])
        w = float(r.get("weight") or 1) * (-1 if r.get("sign") == "-" else 1)
        if key in merged:
            m = merged[key]
            m["signed"] += w
            m["confidence"] = max(m["confidence"], float(r.get("confidence") or 1))
            m["evidence"].append(r.get("evidence", ""))
        else:
            merged[key] = {"signed": w, "confidence": float(r.get("confidence") or 1),
                           "kind": r.get("kind") or "influence",
                           "evidence": [r.get("evidence", "")]}
    rel = {k: v for k, v in merged.items() if v["signed"] != 0 and k[0] != k[1]}
    for v in rel.values():
        v["weight"] = abs(v["signed"])
        v["sign"] = "+" if v["signed"] > 0 else "-"
    return vertices, rel, info


def nx_graph(vertices, relations):
    import networkx as nx
    G = nx.DiGraph()
    G.add_nodes_from(vertices)
    for (s, t), r in relations.items():
        G.add_edge(s, t, weight=r["weight"])
    return G


def rank_rows(case, *options):
    header, rows = common.rank(case, *options)
    return rows


def top_ids(rows, metric, n, among=None):
    """The N highest by METRIC, ties by id (the order clout documents)."""
    cand = [r for r in rows if among is None or r["id"] in among]
    cand.sort(key=lambda r: (-(r[metric] if r[metric] is not None else -math.inf),
                             r["id"].encode("utf-8")))
    return [r["id"] for r in cand[:n]]


def fmt4(x):
    return "%.4g" % x


# ---------------------------------------------------------------- parsing SVG and JSON

def local(tag):
    return tag.rsplit("}", 1)[-1]


def parse_svg(path):
    """{'nodes': {id: {...}}, 'edges': [{...}], 'graph_texts': [...], 'clusters': [...],
    'node_count': number of node groups (ids may repeat if clout is wrong), 'root'}"""
    root = ET.parse(path).getroot()
    graph = None
    for g in root.iter(SVG + "g"):
        if "graph" in (g.get("class") or "").split():
            graph = g
            break
    if graph is None:
        raise ValueError("no <g class=\"graph\"> in %s" % path)
    nodes, edges, clusters = {}, [], []
    node_count = 0
    for g in graph.iter(SVG + "g"):
        cls = (g.get("class") or "").split()
        title_el = g.find(SVG + "title")
        title = title_el.text if title_el is not None else None
        tooltip = None
        for a in g.iter(SVG + "a"):
            if a.get(XLINK_TITLE) is not None:
                tooltip = a.get(XLINK_TITLE)
                break
        texts = ["".join(t.itertext()) for t in g.iter(SVG + "text")]
        if "node" in cls:
            node_count += 1
            shapes = [el for el in g.iter() if local(el.tag) in ("ellipse", "polygon", "path")]
            nodes[title] = {"class": cls, "tooltip": tooltip, "texts": texts,
                            "shape": shapes[0] if shapes else None}
        elif "edge" in cls:
            paths = [el for el in g.iter(SVG + "path")]
            edges.append({"title": title, "class": cls, "tooltip": tooltip, "paths": paths,
                          "texts": texts})
        elif "cluster" in cls:
            clusters.append({"title": title, "texts": texts})
    graph_texts = ["".join(t.itertext()) for t in graph.findall(SVG + "text")]
    return {"root": root, "nodes": nodes, "edges": edges, "clusters": clusters,
            "graph_texts": graph_texts, "node_count": node_count}


def edge_pair(title):
    parts = (title or "").split("->")
    if len(parts) != 2:
        raise ValueError("edge title %r is not 'source->target'" % title)
    return parts[0], parts[1]


def json_parts(d):
    """(node objects, subgraph objects) of Graphviz JSON."""
    subs = [o for o in d.get("objects", []) if "nodes" in o]
    nodes = [o for o in d.get("objects", []) if "nodes" not in o]
    return nodes, subs


def shape_box(obj):
    """Bounding box of a node's drawn shape (its _draw_ operations)."""
    xs, ys = [], []
    for op in obj.get("_draw_", []):
        if op["op"] in ("P", "p", "L", "b", "B"):
            for x, y in op["points"]:
                xs.append(x)
                ys.append(y)
        elif op["op"] in ("E", "e"):
            cx, cy, rx, ry = op["rect"]
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def shape_area(obj):
    for op in obj.get("_draw_", []):
        if op["op"] in ("E", "e"):
            return math.pi * op["rect"][2] * op["rect"][3]
        if op["op"] in ("P", "p"):
            p = op["points"]
            return abs(sum(p[i][0] * p[(i + 1) % len(p)][1] - p[(i + 1) % len(p)][0] * p[i][1]
                           for i in range(len(p)))) / 2
    return None


# DejaVu Sans line metrics (ascender 0.928 em, descender 0.236 em): a text's box from
# its baseline, with the width Graphviz measured
ASCENT, DESCENT = 0.928, 0.236


def text_boxes(ops):
    size, out = 14.0, []
    for op in ops or []:
        if op["op"] == "F":
            size = float(op["size"])
        elif op["op"] == "T" and op["text"].strip():
            x, y = op["pt"]
            w = float(op["width"])
            x0 = x if op["align"] == "l" else x - w / 2 if op["align"] == "c" else x - w
            out.append((op["text"], (x0, y - DESCENT * size, x0 + w, y + ASCENT * size)))
    return out


def overlap(a, b, tol=1.0):
    return (min(a[2], b[2]) - max(a[0], b[0]) > tol and
            min(a[3], b[3]) - max(a[1], b[1]) > tol)


def norm_text(s):
    """Control characters and no-break spaces as spaces, runs of white space as one."""
    s = "".join(" " if (ord(c) < 32 or ord(c) == 127 or c == "\u00a0") else c for c in s)
    return " ".join(s.split())


def expected_edges(candidates, weights, nv, force=False, min_weight=0.0):
    """The relations a map keeps: CANDIDATES (pairs among the drawn vertices), then the
    dense-map budget max(400, 4 nv) unless --force or --min-weight. Returns (kept set,
    threshold or None)."""
    cands = [p for p in candidates if weights[p] >= min_weight]
    budget = max(400, 4 * nv)
    if force or min_weight > 0 or len(cands) <= budget:
        return set(cands), None
    ws = sorted((weights[p] for p in cands), reverse=True)
    thr = ws[budget - 1]
    return {p for p in cands if weights[p] >= thr}, thr


# ---------------------------------------------------------------- bundled case drawn whole

def test_bundled(ck, tmp, ctx):
    vertices, relations, info = read_case(CASE)
    rows = rank_rows(CASE)
    ctx["rows"] = rows
    byid = {r["id"]: r for r in rows}
    ck.check("bundled: the case has 54 vertices and 164 relations (as read here)",
             len(vertices) == 54 and len(relations) == 164,
             "%d vertices, %d relations" % (len(vertices), len(relations)))
    path, rc, err = draw(tmp, "whole.svg", [])
    ctx["whole_svg"] = path
    ok, msg = xmllint_ok(path)
    ck.check("bundled: xmllint accepts the SVG", ok, msg)
    svg = parse_svg(path)
    nodes = svg["nodes"]
    ck.check("bundled: one node group per vertex", svg["node_count"] == len(vertices),
             "%d node groups, %d vertices" % (svg["node_count"], len(vertices)))
    ck.check("bundled: node titles are the vertex ids", set(nodes) == set(vertices),
             "missing %s, extra %s" % (sorted(set(vertices) - set(nodes))[:5],
                                       sorted(set(nodes) - set(vertices))[:5]))
    wrong = [v for v in nodes if v in vertices and vertices[v]["type"] not in nodes[v]["class"]]
    ck.check("bundled: node class says actor or issue as the files do", not wrong,
             "wrong class for %s" % [(v, nodes[v]["class"]) for v in wrong[:5]])
    ck.check("bundled: one edge group per relation", len(svg["edges"]) == len(relations),
             "%d edge groups, %d relations" % (len(svg["edges"]), len(relations)))
    pairs = collections.Counter(edge_pair(e["title"]) for e in svg["edges"])
    ck.check("bundled: edge titles are exactly the relations",
             set(pairs) == set(relations) and max(pairs.values()) == 1,
             "missing %s, extra %s" % (sorted(set(relations) - set(pairs))[:4],
                                       sorted(set(pairs) - set(relations))[:4]))

    # styles of supporting and opposing relations
    bad_style = []
    for e in svg["edges"]:
        p = edge_pair(e["title"])
        if p not in relations:
            continue
        want = "opposes" if relations[p]["sign"] == "-" else "supports"
        dashed = any(el.get("stroke-dasharray") for el in e["paths"])
        red = any((el.get("stroke") or "").lower() == OPPOSE_COLOUR for el in e["paths"])
        if want not in e["class"] or dashed != (want == "opposes") or red != (want == "opposes"):
            bad_style.append((p, e["class"], dashed, red))
    ck.check("bundled: opposing relations dashed and #CC3311, supporting ones not",
             not bad_style, "%d wrong: %s" % (len(bad_style), bad_style[:4]))

    # tooltips of relations: labels, sign, weight, confidence, kind, evidence
    bad = []
    for e in svg["edges"]:
        p = edge_pair(e["title"])
        if p not in relations:
            continue
        r = relations[p]
        want = "%s \u2192 %s\n%s, weight %g, confidence %g, %s\n%s" % (
            vertices[p[0]]["label"], vertices[p[1]]["label"],
            "supports (+)" if r["sign"] == "+" else "opposes (-)", r["weight"],
            r["confidence"], r["kind"], "; ".join(x for x in r["evidence"] if x))
        if e["tooltip"] != want:
            bad.append((p, e["tooltip"], want))
    ck.check("bundled: every relation's tooltip (labels, sign, weight, confidence, kind, "
             "evidence)", not bad, "%d of %d differ, first: %r" % (
                 len(bad), len(svg["edges"]), bad[:1]))
    tips = [e["tooltip"] or "" for e in svg["edges"]]
    missing = [r["evidence"] for r in read_csv(os.path.join(CASE, "relations.csv"))
               if not any(r["evidence"] in t for t in tips)]
    ck.check("bundled: every evidence text of relations.csv is in an edge tooltip",
             not missing, "%d missing, e.g. %r" % (len(missing), missing[:2]))

    # tooltips of vertices: label (id), type/kind/bloc, role, notes, every metric
    bad = []
    for v, meta in vertices.items():
        if v not in nodes or v not in byid:
            bad.append((v, "not drawn or not ranked"))
            continue
        tip = nodes[v]["tooltip"] or ""
        lines = tip.split("\n")
        want_lines = ["%s (%s)" % (meta["label"], v)]
        if meta["type"] == "actor":
            want_lines.append("actor, %s, bloc %s" % (meta["kind"], meta["bloc"]))
            if meta.get("role"):
                want_lines.append("role: " + meta["role"])
        else:
            want_lines.append("issue")
        if meta.get("notes"):
            want_lines.append(meta["notes"])
        for m in common.METRICS:
            want_lines.append("%s %s" % (m, fmt4(byid[v][m])))
        absent = [x for x in want_lines if x not in lines]
        if absent or lines[0] != want_lines[0]:
            shown = [ln for ln in lines for x in absent if ln.split(" ")[0] == x.split(" ")[0]]
            bad.append((v, "want %s, tooltip has %s" % (absent[:3], shown[:3])))
    ck.check("bundled: vertex tooltips carry label (id), kind, bloc, role, notes",
             not bad, "%d vertices wrong, first: %r" % (len(bad), bad[:2]))
    bad = [v for v in vertices if v in nodes and v in byid and
           ("power " + fmt4(byid[v]["power"])) not in (nodes[v]["tooltip"] or "").split("\n")]
    ck.check("bundled: vertex tooltips show the power of 'clout rank' to 4 digits", not bad,
             "wrong for %s" % bad[:5])

    # caption and legend
    gt = svg["graph_texts"]
    blocs = sorted({m["bloc"] for m in vertices.values() if m.get("bloc")})
    checks = [
        ("title", info.get("title") == "Ukraine peace talks 2025" and
         "Ukraine peace talks 2025" in gt),
        ("period and date", any("Period: 2025-02 to 2025-11" in t and
                                "data as of 2025-12-01" in t for t in gt)),
        ("metric", any("Shape area: power" in t for t in gt)),
        ("counts", any("54 of 54 vertices, 164 of 164 relations" in t for t in gt)),
        ("engine", any("layout: neato" in t for t in gt)),
    ]
    for what, cond in checks:
        ck.check("bundled: caption has the %s" % what, cond, "graph texts: %r" % gt[:4])
    sections = ["bloc", "shape", "power", "relations"]
    ck.check("bundled: legend sections bloc, shape, power, relations",
             all(s in gt for s in sections), "missing %s" % [s for s in sections if s not in gt])
    ck.check("bundled: every bloc is in the legend (%s)" % ", ".join(blocs),
             len(blocs) == 5 and all(b in gt for b in blocs),
             "missing %s" % [b for b in blocs if b not in gt])
    ck.check("bundled: the legend shows supports (+) and opposes (-)",
             "supports (+)" in gt and "opposes (-)" in gt, "graph texts %r" % gt[-12:])
    no_script = not any(local(el.tag) == "script" for el in svg["root"].iter())
    ck.check("bundled: no <script> element", no_script, "a script element is present")

    # DOT source: opposing relations drawn dashed with a tee arrowhead
    dpath, rc, err = draw(tmp, "whole.dot", [])
    bad = []
    for tail, head, arrow, style, colour, cls in dot_edges(dpath):
        r = relations.get((tail, head))
        if r is None:
            bad.append((tail, head, "not a relation"))
        elif r["sign"] == "-":
            if arrow != "tee" or "dashed" not in style or not colour.upper().startswith("#CC3311"):
                bad.append((tail, head, arrow, style, colour))
        elif arrow == "tee" or "dashed" in style:
            bad.append((tail, head, arrow, style, colour))
    ck.check("bundled: DOT gives opposing relations arrowhead=tee, dashed, #CC3311xx",
             not bad, "%d wrong: %s" % (len(bad), bad[:3]))


# ---------------------------------------------------------------- legibility and sizes

def test_legibility(ck, tmp, ctx):
    path, rc, err = draw(tmp, "whole.json", [])
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    nodes, subs = json_parts(d)
    vertices, relations, info = read_case(CASE)
    ck.check("legibility: JSON has one object per vertex", len(nodes) == len(vertices) and
             {o.get("name") for o in nodes} == set(vertices),
             "%d node objects, %d vertices" % (len(nodes), len(vertices)))
    ck.check("legibility: JSON has one edge per relation",
             len(d.get("edges", [])) == len(relations), "%d edges" % len(d.get("edges", [])))
    shapes, labels, missing = {}, {}, []
    for o in nodes:
        box = shape_box(o)
        tb = text_boxes(o.get("_ldraw_"))
        if box is None or not tb or "pos" not in o:
            missing.append(o.get("name"))
            continue
        shapes[o["name"]] = box
        labels[o["name"]] = tb
        # the shape is drawn around pos (a pentagon is not centred on it vertically)
        x, y = (float(c) for c in o["pos"].split(","))
        if not (box[0] < x < box[2] and box[1] < y < box[3] and
                abs((box[0] + box[2]) / 2 - x) <= 1):
            missing.append((o["name"], "shape not drawn around pos"))
    ck.check("legibility: every node has a drawn shape, a label text and a position",
             not missing, "problems: %s" % missing[:5])
    names = sorted(shapes)
    clash_shape, clash_label, clash_mixed = [], [], []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if overlap(shapes[a], shapes[b]):
                clash_shape.append((a, b))
            for ta, ba in labels[a]:
                for tb_, bb in labels[b]:
                    if overlap(ba, bb):
                        clash_label.append((a, ta, b, tb_))
            for x, y in ((a, b), (b, a)):
                for tx, bx in labels[x]:
                    if overlap(bx, shapes[y]):
                        clash_mixed.append((x, tx, y))
    ck.check("legibility: no two vertex shapes overlap", not clash_shape,
             "%d pairs, e.g. %s" % (len(clash_shape), clash_shape[:4]))
    ck.check("legibility: no two label texts overlap", not clash_label,
             "%d pairs, e.g. %s" % (len(clash_label), clash_label[:4]))
    ck.check("legibility: no label text overlaps another vertex's shape", not clash_mixed,
             "%d cases, e.g. %s" % (len(clash_mixed), clash_mixed[:4]))
    gboxes = text_boxes(d.get("_ldraw_"))
    clash_graph = [(n, t) for n in names for t, b in gboxes
                   if overlap(shapes[n], b) or any(overlap(lb, b) for _, lb in labels[n])]
    ck.check("legibility: no vertex or label overlaps the caption or legend",
             bool(gboxes) and not clash_graph, "%d texts in the graph label; clashes %s" % (
                 len(gboxes), clash_graph[:4]))

    # shape area grows with the size metric (shapes are rounded to whole points, so
    # only pairs whose power differs by more than 20% are compared)
    byid = {r["id"]: r for r in ctx["rows"]}
    area = {o["name"]: shape_area(o) for o in nodes}
    wrong = []
    for a in area:
        for b in area:
            pa, pb = byid[a]["power"], byid[b]["power"]
            if pa > 1.2 * pb and not area[a] > area[b]:
                wrong.append((a, pa, area[a], b, pb, area[b]))
    ck.check("legibility: a vertex with 20% more power has a larger shape", not wrong,
             "%d pairs, e.g. %s" % (len(wrong), wrong[:2]))
    ratios = sorted(area[v] / byid[v]["power"] for v in area)
    ck.check("legibility: shape area proportional to power (within 15%)",
             ratios[-1] <= 1.15 * ratios[len(ratios) // 2] and
             ratios[0] >= ratios[len(ratios) // 2] / 1.15,
             "area/power from %.0f to %.0f, median %.0f" % (ratios[0], ratios[-1],
                                                           ratios[len(ratios) // 2]))


# ---------------------------------------------------------------- hostile texts

HOSTILE_LABEL = '<script>alert(1)</script> & "Зеленський" \\N \\G \\n \x07 C:\\temp'
HOSTILE_BLOC = '<b>Bloc & \\N</b> \\G'
HOSTILE_ROLE = '<i>role</i> \\E \\T \\H \\L'
HOSTILE_NOTES = "notes <script>alert(2)</script> \\G \\N & 'q' two\\\\back ]]> <!-- x -->"
HOSTILE_EVIDENCE = 'ev <script>alert(3)</script> & \\N \\E \\T \\H \x07 back\\slash'
HOSTILE_TITLE = 'T <script>alert(4)</script> \\N \\G & "q"'
HOSTILE_ISSUE_ID = 'issue<&>"--\\N'
HOSTILE_ISSUE_LABEL = 'Issue \\L \\H -- <!-- & \\\\'


def write_hostile(tmp):
    folder = os.path.join(tmp, "hostile")
    os.makedirs(folder, exist_ok=True)

    def write(name, rows):
        with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

    write("case.csv", [["key", "value"], ["title", HOSTILE_TITLE], ["directed", "yes"]])
    write("actors.csv", [["id", "label", "kind", "bloc", "role", "notes"],
                         ["alpha", HOSTILE_LABEL, "leader", HOSTILE_BLOC, HOSTILE_ROLE,
                          HOSTILE_NOTES],
                         ["beta", "Beta", "state", "Plain", "", ""]])
    write("issues.csv", [["id", "label"], [HOSTILE_ISSUE_ID, HOSTILE_ISSUE_LABEL]])
    write("relations.csv", [["source", "target", "weight", "sign", "evidence"],
                            ["alpha", "beta", "2", "+", HOSTILE_EVIDENCE],
                            ["beta", "alpha", "1", "-", "second"],
                            ["alpha", "beta", "1", "+", "dup \\N evidence"],
                            ["alpha", HOSTILE_ISSUE_ID, "1", "+", "on the issue"]])
    return folder


def svg_texts(svg):
    """What a reader sees and hovers: per node and per edge, (title, visible texts,
    tooltip), and the caption/legend texts."""
    out = collections.Counter()
    for v, n in svg["nodes"].items():
        out[("node", v, tuple(norm_text(t) for t in n["texts"] if t.strip()), n["tooltip"])] += 1
    for e in svg["edges"]:
        out[("edge", e["title"], e["tooltip"])] += 1
    for t in svg["graph_texts"]:
        if t.strip():
            out[("graph", norm_text(t))] += 1
    return out


def renamed(texts, renames):
    """svg_texts() with DOT keys put back to ids: in DOT source, clout gives an id with a
    backslash the key vertex-N (agwrite does not escape backslashes in names)."""
    out = collections.Counter()
    for key, count in texts.items():
        if key[0] == "node":
            key = (key[0], renames.get(key[1], key[1])) + key[2:]
        elif key[0] == "edge":
            a, b = key[1].split("->", 1)
            key = (key[0], renames.get(a, a) + "->" + renames.get(b, b)) + key[2:]
        out[key] += count
    return out


def same_as_relaid(tmp, svg_path, dot_path, name, renames=None):
    """Lay out clout's DOT source with Graphviz's own 'dot -Tsvg' and compare what the
    reader sees with clout's SVG (DOT keys mapped back to ids by RENAMES). Returns
    (same, details)."""
    out = os.path.join(tmp, name + "-relaid.svg")
    proc = subprocess.run(["dot", "-Tsvg", "-o", out, dot_path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    if proc.returncode != 0:
        return False, "dot -Tsvg exited %d: %s" % (proc.returncode, proc.stderr.decode()[:300])
    if read_bytes(svg_path) != read_bytes(out):
        return False, "dot -Tsvg on the DOT source does not give clout's SVG byte for byte"
    a, b = svg_texts(parse_svg(svg_path)), renamed(svg_texts(parse_svg(out)), renames or {})
    if a == b:
        return True, ""
    return False, "only in clout's SVG: %r; only in the re-laid DOT: %r" % (
        list((a - b).elements())[:2], list((b - a).elements())[:2])


def test_hostile(ck, tmp, ctx):
    folder = write_hostile(tmp)
    ck.check("hostile: the fixture holds a control character and backslashes",
             "\x07" in open(os.path.join(folder, "actors.csv"), encoding="utf-8").read() and
             "\\N" in open(os.path.join(folder, "relations.csv"), encoding="utf-8").read(),
             "fixture not written as intended")
    path, rc, err = draw(tmp, "hostile.svg", ["-g", "bloc"], case=folder)
    ok, msg = xmllint_ok(path)
    ck.check("hostile: xmllint accepts the SVG", ok, msg)
    svg = parse_svg(path)
    ck.check("hostile: no <script> element anywhere",
             not any(local(el.tag) == "script" for el in svg["root"].iter()),
             "a <script> element was produced")
    raw = read_bytes(path)
    ck.check("hostile: no control character in the SVG",
             not any(b < 32 and b not in (9, 10, 13) for b in raw),
             "control bytes %s" % sorted({b for b in raw if b < 32 and b not in (9, 10, 13)}))
    nodes = svg["nodes"]
    # the SVG is the DOT source laid out, and DOT cannot carry a name with a trailing
    # backslash: such an id is keyed vertex-N (its tooltip still shows the id)
    ck.check("hostile: node titles are the ids, %r keyed vertex-3" % HOSTILE_ISSUE_ID,
             set(nodes) == {"alpha", "beta", "vertex-3"} and svg["node_count"] == 3 and
             "(%s)" % HOSTILE_ISSUE_ID in nodes.get("vertex-3", {}).get("tooltip", ""),
             "titles %r" % sorted(map(str, nodes)))
    alpha = nodes.get("alpha", {"texts": [], "tooltip": ""})
    shown = norm_text(" ".join(t for t in alpha["texts"] if t.strip()))
    want = norm_text(HOSTILE_LABEL)
    ck.check("hostile: the visible label is the text, literally (markup, quotes, \\N, \\G, "
             "backslash)", shown == want, "shown %r, want %r" % (shown, want))
    # found by its class, so that a wrong title does not hide its label
    issue = next((n for n in nodes.values() if "issue" in n["class"]),
                 {"texts": [], "tooltip": ""})
    shown = norm_text(" ".join(t for t in issue["texts"] if t.strip()))
    ck.check("hostile: the issue's visible label is literal (\\L \\H, doubled backslash)",
             shown == norm_text(HOSTILE_ISSUE_LABEL),
             "shown %r, want %r" % (shown, norm_text(HOSTILE_ISSUE_LABEL)))
    tip = alpha["tooltip"] or ""
    tip_lines = [norm_text(x) for x in tip.split("\n")]
    for what, text in (("label (id)", HOSTILE_LABEL + " (alpha)"),
                       ("bloc", "actor, leader, bloc " + HOSTILE_BLOC),
                       ("role", "role: " + HOSTILE_ROLE), ("notes", HOSTILE_NOTES)):
        ck.check("hostile: the vertex tooltip shows the %s literally" % what,
                 norm_text(text) in tip_lines, "tooltip lines %r, want %r" % (
                     tip_lines[:4], norm_text(text)))
    edge = [e for e in svg["edges"] if e["title"] == "alpha->beta"]
    etip = (edge[0]["tooltip"] or "") if edge else ""
    want = norm_text(HOSTILE_EVIDENCE + "; dup \\N evidence")
    ck.check("hostile: merged evidence shown literally in the relation's tooltip",
             len(edge) == 1 and want in [norm_text(x) for x in etip.split("\n")],
             "tooltip %r, want line %r" % (etip, want))
    ck.check("hostile: the relation tooltip starts with the labels, literally",
             etip.split("\n")[0] == norm_text(HOSTILE_LABEL) + " \u2192 Beta" or
             norm_text(etip.split("\n")[0]) == norm_text(HOSTILE_LABEL + " \u2192 Beta"),
             "first line %r" % etip.split("\n")[0])
    gt = [norm_text(t) for t in svg["graph_texts"]]
    ck.check("hostile: the title is shown literally", norm_text(HOSTILE_TITLE) in gt,
             "graph texts %r" % gt[:3])
    ck.check("hostile: the bloc is shown literally in the legend",
             norm_text(HOSTILE_BLOC) in gt, "graph texts %r" % gt)
    cl = [norm_text(" ".join(c["texts"])) for c in svg["clusters"]]
    ck.check("hostile: the bloc is shown literally on its cluster",
             norm_text(HOSTILE_BLOC) in cl, "cluster labels %r" % cl)

    # DOT: every backslash of the data doubled (Graphviz reads \N, \G, \E, \\ ... as
    # escapes in labels and tooltips); only Graphviz's own default label="\N" is single.
    # In a quoted string a backslash also escapes the quote after it, one before a line
    # break is a line continuation (the writer wraps long strings that way) and '\n' is
    # Graphviz's line break, so a run before '"', a line break or 'n' may be odd (data
    # doubled + one escape); a run before anything else (\N, \G, \E, \T, \H, \L, or
    # text) must be even. Laying the DOT out again (below) checks the meaning.
    dpath, rc, err = draw(tmp, "hostile.dot", ["-g", "bloc"], case=folder)
    body = read_bytes(dpath).decode("utf-8")
    body = body.replace('label="\\N"', "")      # the node default written by Graphviz
    for v in ("alpha", "beta", HOSTILE_ISSUE_ID):  # names are not escape strings in DOT
        body = body.replace('"%s"' % v.replace('"', '\\"'), "")
    odd = [body[max(0, m.start() - 12):m.end() + 12] for m in re.finditer(r"\\+", body)
           if len(m.group(0)) % 2 == 1 and body[m.end():m.end() + 1] not in ('"', "\n", "n")]
    ck.check("hostile: DOT keeps every backslash doubled", not odd,
             "%d odd backslash runs, e.g. %r" % (len(odd), odd[:5]))
    same, detail = same_as_relaid(tmp, path, dpath, "hostile")
    ck.check("hostile: the DOT source laid out by Graphviz gives the same texts and tooltips",
             same, detail)
    names = dot_nodes(dpath)
    ck.check("hostile: DOT parses back with three nodes, the id with a backslash as vertex-3",
             sorted(names) == ["alpha", "beta", "vertex-3"], "nodes %r" % names)
    jpath, rc, err = draw(tmp, "hostile.json", [], case=folder)
    try:
        with open(jpath, encoding="utf-8") as f:
            d = json.load(f)
        jn, _ = json_parts(d)
        good = len(jn) == 3
        detail = "%d node objects" % len(jn)
    except ValueError as exc:
        good, detail = False, "json.loads failed: %s" % exc
    ck.check("hostile: JSON output loads", good, detail)

    # an id ending with a backslash: the DOT source must still parse back
    epath = os.path.join(tmp, "backslash-ids.csv")
    common.write_edge_list(epath, [("a\\", "b", "1"), ('b', 'c"d\\\\', "2")])
    spath, rc, err = draw(tmp, "backslash-ids.svg", [], case=epath)
    svg = parse_svg(spath)
    ck.check("hostile: ids ending with backslashes are keyed vertex-N in the SVG too",
             set(svg["nodes"]) == {"vertex-1", "b", "vertex-3"}, "titles %r" % sorted(svg["nodes"]))
    dpath, rc, err = draw(tmp, "backslash-ids.dot", [], case=epath)
    same, detail = same_as_relaid(tmp, spath, dpath, "backslash-ids")
    ck.check("hostile: ids ending in a backslash: the re-laid DOT shows the same texts",
             same, detail)
    proc = subprocess.run(["gvpr", "N{print($.name)}", dpath], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    names = proc.stdout.decode("utf-8").split("\n")[:-1]
    ck.check("hostile: DOT with ids ending in a backslash parses back (gvpr), 3 nodes",
             proc.returncode == 0 and len(names) == 3 and not proc.stderr.strip(),
             "gvpr exit %d, names %r: %s" % (proc.returncode, names,
                                             proc.stderr.decode()[:200]))


# ---------------------------------------------------------------- formats and determinism

def test_formats(ck, tmp, ctx):
    vertices, relations, info = read_case(CASE)
    png, rc, err = draw(tmp, "whole.png", [])
    data = read_bytes(png)
    ck.check("formats: .png gives a PNG", data.startswith(b"\x89PNG\r\n\x1a\n"), data[:16])
    pdf, rc, err = draw(tmp, "whole.pdf", [])
    data = read_bytes(pdf)
    ck.check("formats: .pdf gives a PDF", data.startswith(b"%PDF-"), data[:16])
    over, rc, err = draw(tmp, "forced-svg.png", ["--format", "svg"])
    data = read_bytes(over)
    ck.check("formats: --format svg overrides the .png extension",
             data.lstrip().startswith(b"<?xml") and b"<svg" in data[:2000], data[:40])
    dotp, rc, err = draw(tmp, "whole.dot", [])
    proc = subprocess.run(["dot", "-Tsvg", "-o", os.path.join(tmp, "relaid.svg"), dotp],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    ok = proc.returncode == 0
    n = parse_svg(os.path.join(tmp, "relaid.svg"))["node_count"] if ok else -1
    ck.check("formats: the DOT source lays out again with 'dot -Tsvg', same node count",
             ok and n == len(vertices), "exit %d, %d nodes: %s" % (
                 proc.returncode, n, proc.stderr.decode()[:300]))
    same, detail = same_as_relaid(tmp, ctx["whole_svg"], dotp, "whole")
    ck.check("formats: the re-laid DOT shows the same labels, tooltips, caption and legend",
             same, detail)
    text = read_bytes(dotp).decode("utf-8")
    ck.check("formats: the DOT source is before layout (no positions)",
             " pos=" not in text and "\tpos=" not in text and "bb=" not in text,
             "found pos or bb attributes")
    names = dot_nodes(dotp)
    ck.check("formats: DOT nodes are the vertex ids", sorted(names) == sorted(vertices),
             "%d nodes" % len(names))
    jpath, rc, err = draw(tmp, "whole-from-ext.json", [])
    with open(jpath, encoding="utf-8") as f:
        d = json.load(f)
    jn, _ = json_parts(d)
    ck.check("formats: .json loads with one object per vertex",
             len(jn) == len(vertices) and all("pos" in o for o in jn), "%d objects" % len(jn))

    # -o - writes to standard output; same bytes as a file
    rc, out, err = run(["map", "-o", "-", CASE])
    ck.check("formats: -o - writes the SVG to standard output",
             rc == 0 and out == read_bytes(ctx["whole_svg"]),
             "exit %d, %d bytes vs %d in the file" % (rc, len(out),
                                                     len(read_bytes(ctx["whole_svg"]))))
    rc, out, err = run(["map", "-f", "png", "-o", "-", CASE])
    ck.check("formats: -f png -o - writes a PNG to standard output",
             rc == 0 and out.startswith(b"\x89PNG\r\n\x1a\n"), "exit %d, %r" % (rc, out[:16]))

    # a single edge-list CSV, from a file and from standard input
    edge_list = os.path.join(CASE, "relations.csv")
    ends = {p for pair in relations for p in pair}
    rc, out, err = run(["map", "-f", "dot", "-o", "-", "-"], stdin=read_bytes(edge_list))
    if rc == 0:
        with open(os.path.join(tmp, "stdin.dot"), "wb") as f:
            f.write(out)
        names = dot_nodes(os.path.join(tmp, "stdin.dot"))
    else:
        names = []
    ck.check("formats: an edge list on standard input ('-') is drawn",
             rc == 0 and sorted(names) == sorted(ends),
             "exit %d, %d nodes (want %d): %s" % (rc, len(names), len(ends), err[:200]))
    epath, rc, err = draw(tmp, "edgelist.svg", [], case=edge_list)
    svg = parse_svg(epath)
    ck.check("formats: an edge-list file is drawn with its vertices and relations",
             set(svg["nodes"]) == ends and len(svg["edges"]) == len(relations),
             "%d nodes, %d edges" % (len(svg["nodes"]), len(svg["edges"])))


def test_determinism(ck, tmp, ctx):
    for ext in ("svg", "dot", "png"):
        a = read_bytes(draw(tmp, "det1." + ext, [])[0])
        b = read_bytes(draw(tmp, "det2." + ext, [])[0])
        ck.check("determinism: two %s runs give the same bytes" % ext.upper(),
                 a == b and len(a) > 1000, "%d and %d bytes, equal: %s" % (len(a), len(b), a == b))


# ---------------------------------------------------------------- selections

def drawn(svg):
    return set(svg["nodes"]), {edge_pair(e["title"]) for e in svg["edges"]}


def induced(relations, keep):
    return {p for p in relations if p[0] in keep and p[1] in keep}


def test_selection(ck, tmp, ctx):
    vertices, relations, info = read_case(CASE)
    rows = ctx["rows"]
    byid = {r["id"]: r for r in rows}

    # --top 10 (and a title given on the command line)
    path, rc, err = draw(tmp, "top10.svg", ["--top", "10", "-t", "Top ten & <co>"])
    svg = parse_svg(path)
    vs, es = drawn(svg)
    want = top_ids(rows, "power", 10)
    rank_order = [r["id"] for r in rank_rows(CASE, "--by", "power")][:10]
    ck.check("top: --top 10 draws the top 10 by power of 'clout rank'",
             vs == set(want) == set(rank_order) and svg["node_count"] == 10,
             "drawn %s, want %s" % (sorted(vs), sorted(want)))
    ck.check("top: relations among the 10 drawn, all of them", es == induced(relations, vs),
             "%d drawn, %d expected" % (len(es), len(induced(relations, vs))))
    bad = [v for v in vs if ("power " + fmt4(byid[v]["power"])) not in
           (svg["nodes"][v]["tooltip"] or "").split("\n")]
    ck.check("top: tooltips keep the metrics of the whole network", not bad, "wrong for %s" % bad)
    gt = svg["graph_texts"]
    ck.check("top: caption says 10 of 54 and the top 10 by power; title from -t",
             any("10 of 54 vertices, %d of 164 relations" % len(es) in t for t in gt) and
             any("Vertices: the top 10 by power" in t for t in gt) and "Top ten & <co>" in gt,
             "graph texts %r" % gt[:4])

    # --size-by betweenness --top 5
    path, rc, err = draw(tmp, "top5b.dot", ["-s", "betweenness", "-n", "5"])
    names = set(dot_nodes(path))
    want = set(top_ids(rows, "betweenness", 5))
    ck.check("top: --size-by betweenness --top 5 draws the top 5 by betweenness",
             names == want, "drawn %s, want %s" % (sorted(names), sorted(want)))

    # --focus zelensky --depth 2 against NetworkX
    import networkx as nx
    G = nx_graph(vertices, relations)
    ego = (set(nx.single_source_shortest_path_length(G, "zelensky", cutoff=2)) |
           set(nx.single_source_shortest_path_length(G.reverse(copy=True), "zelensky",
                                                     cutoff=2)))
    path, rc, err = draw(tmp, "ego2.svg", ["--focus", "zelensky", "--depth", "2"])
    svg = parse_svg(path)
    vs, es = drawn(svg)
    ck.check("focus: --focus zelensky --depth 2 draws the NetworkX ego set (%d)" % len(ego),
             vs == ego and svg["node_count"] == len(ego),
             "missing %s, extra %s" % (sorted(ego - vs)[:5], sorted(vs - ego)[:5]))
    ck.check("focus: every relation among them", es == induced(relations, vs),
             "%d drawn, %d expected" % (len(es), len(induced(relations, vs))))
    ck.check("focus: the caption names the ego map",
             any("Ego map of Volodymyr Zelensky" in t and "2 steps" in t
                 for t in svg["graph_texts"]), "graph texts %r" % svg["graph_texts"][:4])
    ego1 = set(G.successors("yermak")) | set(G.predecessors("yermak")) | {"yermak"}
    path, rc, err = draw(tmp, "ego1.dot", ["-F", "yermak"])
    names = set(dot_nodes(path))
    ck.check("focus: --focus yermak (depth 1) draws its in- and out-neighbours",
             names == ego1, "drawn %s, want %s" % (sorted(names), sorted(ego1)))
    # the focus always stays under --top, even when it is not among the highest
    yer_ego2 = (set(nx.single_source_shortest_path_length(G, "yermak", cutoff=2)) |
                set(nx.single_source_shortest_path_length(G.reverse(copy=True), "yermak",
                                                          cutoff=2)))
    path, rc, err = draw(tmp, "ego-top.dot", ["-F", "yermak", "-d", "2", "-n", "5"])
    names = set(dot_nodes(path))
    want = {"yermak"} | set(top_ids(rows, "power", 4, among=yer_ego2 - {"yermak"}))
    ck.check("focus: --focus yermak -d 2 --top 5 keeps yermak and the top 4 around it",
             names == want, "drawn %s, want %s" % (sorted(names), sorted(want)))

    # --actors-only
    actors = {v for v, m in vertices.items() if m["type"] == "actor"}
    path, rc, err = draw(tmp, "actors.svg", ["--actors-only"])
    svg = parse_svg(path)
    vs, es = drawn(svg)
    ck.check("actors-only: no issue drawn, every actor drawn",
             vs == actors and not any("issue" in n["class"] for n in svg["nodes"].values()),
             "issues drawn: %s; missing actors %s" % (sorted(vs - actors)[:4],
                                                     sorted(actors - vs)[:4]))
    ck.check("actors-only: the relations between actors", es == induced(relations, actors),
             "%d drawn, %d expected" % (len(es), len(induced(relations, actors))))
    path, rc, err = draw(tmp, "ego-actors.dot", ["-F", "zelensky", "-d", "2", "-a"])
    names = set(dot_nodes(path))
    ck.check("actors-only: with --focus, the ego set minus its issues",
             names == ego & actors, "drawn %s, want %s" % (sorted(names), sorted(ego & actors)))

    # --min-weight 3
    path, rc, err = draw(tmp, "minw3.svg", ["--min-weight", "3"])
    svg = parse_svg(path)
    vs, es = drawn(svg)
    want = {p for p, r in relations.items() if r["weight"] >= 3}
    ck.check("min-weight: --min-weight 3 draws exactly the relations of weight >= 3 (%d)"
             % len(want), es == want and vs == set(vertices),
             "missing %s, extra %s; %d vertices" % (sorted(want - es)[:3], sorted(es - want)[:3],
                                                   len(vs)))
    ck.check("min-weight: caption says so",
             any("Relations: weight at least 3" in t for t in svg["graph_texts"]),
             "graph texts %r" % svg["graph_texts"][:5])


# ---------------------------------------------------------------- large and dense networks

def write_large(tmp, n=2500, extra=2500, seed=20251125):
    rng = random.Random(seed)
    ids = ["v%04d" % i for i in range(n)]
    weights = {}
    for i in range(n):                       # a ring, so every vertex is in the list
        weights[(ids[i], ids[(i + 1) % n])] = rng.randint(1, 9)
    while len(weights) < n + extra:
        s, t = rng.randrange(n), rng.randrange(n)
        if s != t and (ids[s], ids[t]) not in weights:
            weights[(ids[s], ids[t])] = rng.randint(1, 9)
    path = os.path.join(tmp, "large.csv")
    common.write_edge_list(path, [(s, t, str(w)) for (s, t), w in weights.items()])
    return path, ids, weights


def test_large(ck, tmp, ctx):
    path, ids, weights = write_large(tmp)
    rows = rank_rows(path, "--metrics", "power")
    ck.check("large: 2500 vertices and 5000 relations generated",
             len(rows) == 2500 and len(weights) == 5000, "%d ranked" % len(rows))
    dpath, rc, err = draw(tmp, "large.dot", ["--format", "dot"], case=path)
    names = set(dot_nodes(dpath))
    want = set(top_ids(rows, "power", 200))
    ck.check("large: default map draws the top 200 by power", names == want,
             "%d drawn; missing %s, extra %s" % (len(names), sorted(want - names)[:4],
                                                 sorted(names - want)[:4]))
    ck.check("large: stderr has a 'clout: note:' line about it",
             any(ln.startswith("clout: note:") and "2500" in ln and "200" in ln
                 for ln in err.splitlines()), "stderr %r" % err[:300])
    text = read_bytes(dpath).decode("utf-8")
    ck.check("large: the caption says the top 200 were drawn",
             "Vertices: the top 200 by power" in text and "200 of 2500 vertices" in text,
             "caption lacks it")
    kept, thr = expected_edges(induced(weights, names), weights, len(names))
    got = {(t, h) for t, h, *_ in dot_edges(dpath)}
    ck.check("large: relations among the 200 (%d)" % len(kept), got == kept,
             "%d drawn, %d expected" % (len(got), len(kept)))

    out = os.path.join(tmp, "large-dot.svg")
    rc, _, err = run(["map", "--engine", "dot", "--top", "1000", "--force", "-o", out, path])
    ck.check("guards: --engine dot on 1000 vertices is refused, no file",
             rc == 1 and not os.path.exists(out) and "dot" in err and "300" in err,
             "exit %d, file %s, stderr %r" % (rc, os.path.exists(out), err[:300]))
    if not common.FULL:
        # each of the two below lays out the large case again (about 10 s)
        ck.not_applicable("large: --top 50 and --force", "make check-full runs them")
        return
    dpath, rc, err = draw(tmp, "large-top50.dot", ["--top", "50"], case=path)
    names = set(dot_nodes(dpath))
    ck.check("large: --top 50 draws the top 50, without the large-network note",
             names == set(top_ids(rows, "power", 50)) and "too many" not in err,
             "%d drawn; stderr %r" % (len(names), err[:200]))

    t0 = time.time()
    dpath, rc, err = draw(tmp, "large-force.dot", ["--force", "--engine", "sfdp", "-f", "dot"],
                          case=path)
    names = dot_nodes(dpath)
    edges = dot_edges(dpath)
    ck.check("large: --force draws all 2500 vertices and 5000 relations",
             sorted(names) == sorted(ids) and len(edges) == 5000 and "clout: note:" not in err,
             "%d nodes, %d edges, stderr %r (%.1f s)" % (len(names), len(edges), err[:200],
                                                         time.time() - t0))



def unga_network(tmp):
    with open(common.real_data(*UNGA_PARTS), newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    names = [c.strip() for c in table[0]]
    votes = [r for r in table[1:] if any(c.strip() for c in r)]   # the last row is all commas
    weights = {}
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            w = sum(1 for r in votes if r[i].strip() in ("Y", "N", "A") and
                    r[i].strip() == r[j].strip())
            if w > 0:                        # a weight must be > 0: no common vote, no relation
                weights[(names[i], names[j])] = w
    path = os.path.join(tmp, "unga-1995.csv")
    common.write_edge_list(path, [(s, t, str(w)) for (s, t), w in weights.items()])
    return path, names, votes, weights


def test_dense(ck, tmp, ctx):
    path, names, votes, weights = unga_network(tmp)
    verts = {v for p in weights for v in p}
    ck.check("dense: UNGA 1995 read as documented (185 states, 80 votes)",
             len(names) == 185 and len(votes) == 80 and all(len(r) == 185 for r in votes),
             "%d names, %d votes" % (len(names), len(votes)))
    kept, thr = expected_edges(set(weights), weights, len(verts))
    budget = max(400, 4 * len(verts))
    dpath, rc, err = draw(tmp, "unga.dot", ["-f", "dot"], case=path)
    got = {(t, h) for t, h, *_ in dot_edges(dpath)}
    nodes = set(dot_nodes(dpath))
    ck.check("dense: %d vertices, %d relations, budget %d, threshold %s" % (
        len(verts), len(weights), budget, thr), thr is not None and len(kept) >= budget,
        "the network is not dense enough for the test")
    ck.check("dense: default map keeps exactly the relations of weight >= %s (%d)" % (
        thr, len(kept)), got == kept and nodes == verts,
        "%d drawn, %d expected; missing %s, extra %s" % (
            len(got), len(kept), sorted(kept - got)[:2], sorted(got - kept)[:2]))
    m = re.search(r"clout: note: (\d+) relations are too dense.*? drawing the (\d+) with "
                  r"weight at least ([0-9.eE+-]+)", err)
    ck.check("dense: the note states the candidates, kept count and threshold",
             m is not None and int(m.group(1)) == len(weights) and
             int(m.group(2)) == len(kept) and float(m.group(3)) == thr,
             "stderr %r; want %d, %d, %s" % (err[:300], len(weights), len(kept), thr))
    text = read_bytes(dpath).decode("utf-8")
    ck.check("dense: the caption says the strongest were drawn",
             ("Relations: the strongest %d of %d, weight at least %g" % (
                 len(kept), len(weights), thr)) in text, "caption lacks it")
    dpath, rc, err = draw(tmp, "unga-force.dot", ["-f", "dot", "--force"], case=path)
    got = {(t, h) for t, h, *_ in dot_edges(dpath)}
    ck.check("dense: --force keeps all %d relations" % len(weights),
             got == set(weights) and "clout: note:" not in err,
             "%d drawn; stderr %r" % (len(got), err[:200]))
    dpath, rc, err = draw(tmp, "unga-minw.dot", ["-f", "dot", "-w", str(thr + 3)], case=path)
    got = {(t, h) for t, h, *_ in dot_edges(dpath)}
    want = {p for p, w in weights.items() if w >= thr + 3}
    ck.check("dense: --min-weight %g replaces the budget" % (thr + 3),
             got == want and "clout: note:" not in err,
             "%d drawn, %d expected; stderr %r" % (len(got), len(want), err[:200]))
    t0 = time.time()
    spath, rc, err = draw(tmp, "unga.svg", ["-e", "sfdp"], case=path, timeout=60)
    took = time.time() - t0
    ok, msg = xmllint_ok(spath)
    svg = parse_svg(spath) if ok else {"node_count": -1, "edges": []}
    ck.check("dense: an sfdp SVG of it is well formed with %d vertices and %d relations "
             "(%.1f s)" % (len(verts), len(kept), took),
             ok and svg["node_count"] == len(verts) and len(svg["edges"]) == len(kept),
             "%s; %d nodes, %d edges" % (msg, svg["node_count"], len(svg["edges"])))
    out = os.path.join(tmp, "unga-dot.svg")
    rc, _, err = run(["map", "-e", "dot", "--force", "-o", out, path])
    ck.check("guards: dot on %d relations is refused, no file" % len(weights),
             rc == 1 and not os.path.exists(out) and "dot" in err and "300 relations" in err,
             "exit %d, file %s, stderr %r" % (rc, os.path.exists(out), err[:300]))
    out = os.path.join(tmp, "unga-circo.svg")
    rc, _, err = run(["map", "-e", "circo", "-o", out, path])
    ck.check("guards: circo on %d vertices is refused, no file" % len(verts),
             rc == 1 and not os.path.exists(out) and "circo" in err,
             "exit %d, file %s, stderr %r" % (rc, os.path.exists(out), err[:300]))


# ---------------------------------------------------------------- engines and clusters

def test_engines(ck, tmp, ctx):
    vertices, relations, info = read_case(CASE)
    rows = ctx["rows"]
    actors = {v for v, m in vertices.items() if m["type"] == "actor"}
    want = set(top_ids(rows, "power", 30, among=actors))
    for engine in ENGINES:
        path, rc, err = draw(tmp, "eng-%s.svg" % engine,
                             ["--actors-only", "--top", "30", "--engine", engine])
        ok, msg = xmllint_ok(path)
        svg = parse_svg(path)
        vs, es = drawn(svg)
        ck.check("engines: %s draws the top 30 actors, well formed" % engine,
                 ok and svg["node_count"] == 30 and vs == want and
                 es == induced(relations, want) and
                 any("layout: " + engine in t for t in svg["graph_texts"]),
                 "%s; %d nodes, %d edges" % (msg, svg["node_count"], len(es)))

    # clusters by bloc: auto (fdp) and dot
    blocs_of = collections.defaultdict(set)
    for v, m in vertices.items():
        if m["type"] == "actor" and m.get("bloc"):
            blocs_of[m["bloc"]].add(v)
    for engine in ("auto", "dot"):
        path, rc, err = draw(tmp, "clu-%s.svg" % engine, ["-g", "bloc", "-e", engine])
        ok, msg = xmllint_ok(path)
        svg = parse_svg(path)
        titles = sorted(c["title"] for c in svg["clusters"])
        labels = sorted(" ".join(t for t in c["texts"] if t.strip()) for c in svg["clusters"])
        ck.check("clusters: --cluster-by bloc -e %s draws one cluster per bloc" % engine,
                 ok and len(svg["clusters"]) == len(blocs_of) and
                 titles == sorted("cluster_%d" % i for i in range(len(blocs_of))) and
                 labels == sorted(blocs_of) and svg["node_count"] == len(vertices),
                 "%s; clusters %r labels %r" % (msg, titles, labels))
        if engine == "auto":
            ck.check("clusters: auto picks fdp",
                     any("layout: fdp" in t for t in svg["graph_texts"]),
                     "graph texts %r" % svg["graph_texts"][:4])
        jpath, rc, err = draw(tmp, "clu-%s.json" % engine, ["-g", "bloc", "-e", engine])
        with open(jpath, encoding="utf-8") as f:
            d = json.load(f)
        jn, subs = json_parts(d)
        name_of = {o["_gvid"]: o["name"] for o in jn}
        members = {s.get("label"): {name_of.get(g) for g in s["nodes"]} for s in subs}
        ck.check("clusters: -e %s puts each actor in its bloc's cluster" % engine,
                 members == dict(blocs_of),
                 "clusters %r" % {k: sorted(map(str, v))[:3] for k, v in members.items()})
        inside = []
        boxes = {s.get("label"): [float(x) for x in s["bb"].split(",")] for s in subs}
        for o in jn:
            b = vertices[o["name"]].get("bloc")
            if b in boxes:
                x, y = (float(c) for c in o["pos"].split(","))
                bb = boxes[b]
                if not (bb[0] <= x <= bb[2] and bb[1] <= y <= bb[3]):
                    inside.append(o["name"])
        ck.check("clusters: -e %s lays each actor inside its cluster's box" % engine,
                 not inside, "outside: %s" % inside[:5])
    out = os.path.join(tmp, "clu-neato.svg")
    rc, _, err = run(["map", "-g", "bloc", "-e", "neato", "-o", out, CASE])
    ck.check("clusters: --cluster-by bloc --engine neato is a usage error (2), no file",
             rc == 2 and not os.path.exists(out) and "cluster" in err,
             "exit %d, file %s, stderr %r" % (rc, os.path.exists(out), err[:200]))


# ---------------------------------------------------------------- errors

def test_errors(ck, tmp, ctx):
    def refused(name, args, want_rc, words, case=CASE, out=None):
        out = out or os.path.join(tmp, "err-%d.svg" % refused.count)
        refused.count += 1
        rc, stdout, err = run(["map"] + args + ["-o", out, case])
        missing = [w for w in words if w not in err]
        ck.check("errors: %s" % name,
                 rc == want_rc and not missing and not os.path.exists(out) and
                 err.strip() != "",
                 "exit %d (want %d), file %s, missing %s in stderr %r" % (
                     rc, want_rc, os.path.exists(out), missing, err[:300]))
    refused.count = 0

    refused("near-miss focus exits 1 with 'did you mean'", ["--focus", "zelenksy"], 1,
            ["no actor or issue has the id 'zelenksy'", "did you mean 'zelensky'"])
    rc, _, err = run(["map", "-F", "nobody_at_all_xyz", "-o", os.path.join(tmp, "x.svg"), CASE])
    ck.check("errors: a far-off focus id has no 'did you mean'",
             rc == 1 and "no actor or issue has the id" in err and "did you mean" not in err,
             "exit %d, stderr %r" % (rc, err[:200]))
    # --color-by community draws: one fill per Leiden community of 'clout blocs', grey without one
    rc, out, err = run(["map", "--color-by", "community", "-f", "dot", "-o", "-", CASE])
    rc2, blocs, err2 = run(["blocs", "-f", "json", CASE])
    if ck.check("community: map --color-by community and blocs exit 0", rc == 0 and rc2 == 0,
                err[:200] + err2[:200]):
        out = out.decode("utf-8") if isinstance(out, bytes) else out
        blocs = blocs.decode("utf-8") if isinstance(blocs, bytes) else blocs
        fill = dict(re.findall(r'^\t"?([^\s"]+)"?\t\[[^\]]*?fillcolor="(#[0-9A-Fa-f]{6})"', out,
                               re.M | re.S))
        community = json.loads(blocs)["communities"]
        groups = {}
        for v, k in community.items():
            groups.setdefault(k, set()).add(fill.get(v))
        ck.check("community: the fill follows the Leiden communities of clout blocs",
                 set(fill) == set(community) and all(len(f) == 1 for f in groups.values()) and
                 len({next(iter(f)) for k, f in groups.items() if k is not None}) ==
                 len([k for k in groups if k is not None]) and
                 groups.get(None, {"#DDDDDD"}) == {"#DDDDDD"},
                 {str(k): sorted(str(x) for x in f) for k, f in groups.items()})
    refused("an issue as focus with --actors-only", ["-F", "territory", "-a"], 1,
            ["territory", "issue"])
    for args, what in ((["-e", "bogus"], "engine"), (["-f", "gif"], "format"),
                       (["-s", "charisma"], "metric"), (["-c", "mood"], "colour"),
                       (["-g", "party"], "cluster"), (["-n", "0"], "--top"),
                       (["-n", "ten"], "--top"), (["-w", "-1"], "--min-weight"),
                       (["-w", "0x10"], "--min-weight"), (["-F", "trump", "-d", "0"], "--depth"),
                       (["-d", "2"], "--depth needs --focus"), (["--bogus-option"], "")):
        refused("bad value %s exits 2" % " ".join(args), args, 2, [what] if what else [])
    refused("an unknown extension exits 2", [], 2, ["format"],
            out=os.path.join(tmp, "map.bmp"))
    missing_dir = os.path.join(tmp, "no-such-folder")
    out = os.path.join(missing_dir, "map.svg")
    rc, _, err = run(["map", "-o", out, CASE])
    ck.check("errors: -o in a missing folder exits 1 and creates nothing",
             rc == 1 and not os.path.exists(missing_dir) and err.strip() != "",
             "exit %d, folder exists %s, stderr %r" % (rc, os.path.exists(missing_dir), err[:200]))
    refused("a missing case exits 1", [], 1, [], case=os.path.join(tmp, "no-case"))


# ---------------------------------------------------------------- main

def main():
    ck = common.Checker()
    common.require_binary(ck)
    started = time.time()
    ctx = {}
    with tempfile.TemporaryDirectory(prefix="clout-peers-map-") as tmp:
        ck.guard("bundled", test_bundled, ck, tmp, ctx)
        if "rows" not in ctx:
            ck.finish()
        ck.guard("legibility", test_legibility, ck, tmp, ctx)
        ck.guard("hostile", test_hostile, ck, tmp, ctx)
        if "whole_svg" in ctx:
            ck.guard("formats", test_formats, ck, tmp, ctx)
        ck.guard("determinism", test_determinism, ck, tmp, ctx)
        ck.guard("selection", test_selection, ck, tmp, ctx)
        ck.guard("large", test_large, ck, tmp, ctx)
        ck.guard_data("dense", UNGA_PARTS, test_dense, ck, tmp, ctx)
        ck.guard("engines", test_engines, ck, tmp, ctx)
        ck.guard("errors", test_errors, ck, tmp, ctx)
    print("(map checks took %.1f s)" % (time.time() - started), flush=True)
    ck.finish()


if __name__ == "__main__":
    main()
