#!/usr/bin/python3
"""Peer comparison on real data sets (the Florentine multiplex from tests/data, the
others from $REAL_DATA, read in place and never copied into the repository; each
folder's SOURCE.md describes the file; a data set that is not here is a SKIP):

  gsdb-sanctions       sanctioning state -> sanctioned state, weight 1 per sanction
                       case (clout sums the duplicates), against NetworkX
  florentine-elite-families-multiplex
                       marriage ties (domain 0) as an undirected folder case, against
                       NetworkX and python-igraph
  trumpworld           Entity A -> Entity B: 'clout check' finds no error; strengths
                       and reach against NetworkX; a broken copy must be reported at the
                       right line and column
"""

import csv
import io
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
from common import TOL  # noqa: E402



def check_summary(ck, name, path, want, errors_only_rc=None):
    """'clout check PATH' summary counts must equal WANT (a dict)."""
    rc, out, err = common.run_clout(["check", path])
    lines = out.strip().splitlines()
    counts = common.summary_counts(lines[-1]) if lines else {}
    got = {k: counts.get(k) for k in want}
    want_rc = 0 if want.get("errors", 0) == 0 else 1
    ck.check(name, rc == want_rc and got == want,
             "exit %d, summary %r, want %s; stderr: %s" % (
                 rc, lines[-1] if lines else "", want, " | ".join(err.strip().splitlines()[:3])))
    return rc, out, err


def compare(ck, label, rows, ref, metrics):
    for m in metrics:
        common.check_metric(ck, "%s: %s vs networkx" % (label, m), common.by_id(rows, m), ref[m],
                            TOL[m])


# ---------------------------------------------------------------- GSDB sanctions

def gsdb_edges():
    """Sender -> target edges, one per sanction case.

    A cell is taken as ONE actor when it has no comma, or when its *_mult flag is 0
    and none of its comma-separated parts is itself a name found in a comma-free
    cell: so 'Korea, North', 'Egypt, Arab Rep.' and 'Congo, Democratic Republic of
    the' are single states, while 'El Salvador, Honduras' (flag 0 but both parts are
    states) and every flagged list like 'United States, United Kingdom, France' are
    lists. Rows with a list in either cell are left out rather than split, because
    splitting on commas is ambiguous; multi-actor organisations written as one name
    (EU, UN, ECOWAS) are kept as one actor. Returns (edges, rows skipped)."""
    path = common.real_data("gsdb-sanctions", "GSDB_V3.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    simple = set()
    for r in rows:
        for col in ("sanctioning_state", "sanctioned_state"):
            if "," not in r[col]:
                simple.add(r[col].strip())

    def single(cell, flag):
        if "," not in cell:
            return True
        return flag == "0" and not any(p.strip() in simple for p in cell.split(","))

    edges, skipped = [], 0
    for r in rows:
        s, t = r["sanctioning_state"].strip(), r["sanctioned_state"].strip()
        if single(s, r["sender_mult"]) and single(t, r["target_mult"]):
            edges.append((s, t, "1"))
        else:
            skipped += 1
    return edges, skipped, len(rows)


def test_gsdb(ck, tmp):
    edges, skipped, total = gsdb_edges()
    # guard against a silently changed rule: most rows are single-state
    ck.check("gsdb: rows kept", len(edges) > 1000 and len(edges) + skipped == total and
             any(s == "Korea, North" or t == "Korea, North" for s, t, _ in edges),
             "%d kept, %d skipped of %d" % (len(edges), skipped, total))
    path = common.write_edge_list(os.path.join(tmp, "gsdb.csv"), edges)
    nodes = []
    seen = set()
    for s, t, _ in edges:
        for v in (s, t):
            if v not in seen:
                seen.add(v)
                nodes.append(v)
    G = common.build_nx(nodes, edges, directed=True)
    loops = sum(1 for s, t, _ in edges if s == t)
    distinct = G.number_of_edges()
    isolated = sum(1 for v in G if G.degree(v) == 0)
    dups = len(edges) - loops - distinct
    check_summary(ck, "gsdb: check counts actors, merged relations, warnings", path,
                  {"actors": len(nodes), "relations": distinct, "errors": 0,
                   "warnings": dups + loops + isolated})
    metrics = ["out_strength", "in_strength", "power", "exposure", "reach", "harmonic_in"]
    header, rows = common.rank(path, "--metrics", ",".join(metrics))
    ref = common.nx_reference(G, True, metrics)
    compare(ck, "gsdb", rows, ref, metrics)
    by = {r["id"]: r for r in rows}
    us = by.get("United States", {})
    ck.check("gsdb: United States sanctions most", us.get("out_strength") ==
             max(r["out_strength"] for r in rows), "United States row %r" % us)


# ---------------------------------------------------------------- Florentine marriages

def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_florentine(ck, tmp):
    base = common.real_data("florentine-elite-families-multiplex")
    families = {r["family_id"]: r["family"] for r in read_tsv(os.path.join(base, "families.txt"))}
    domains = {r["domain"]: r["domain_id"] for r in read_tsv(os.path.join(base, "domains.txt"))}
    marriage = domains["Marriage"]
    edges = [(families[r["family_id_from"]], families[r["family_id_to"]], r["weight"])
             for r in read_tsv(os.path.join(base, "relations.txt")) if r["domain_id"] == marriage]
    actors = [families[k] for k in sorted(families, key=int)]
    folder = common.write_folder_case(os.path.join(tmp, "florentine-marriage"), actors, edges,
                                      directed=False)
    G = common.build_nx(actors, edges, directed=False)
    reciprocal = len(edges) - G.number_of_edges()
    isolated = sum(1 for v in G if G.degree(v) == 0)
    ck.check("florentine: data as documented (30 marriage rows, 33 families)",
             len(edges) == 30 and len(actors) == 33 and "DALL'ANTELLA" in actors,
             "%d rows, %d families" % (len(edges), len(actors)))
    check_summary(ck, "florentine: check merges reciprocal marriage rows", folder,
                  {"actors": 33, "relations": G.number_of_edges(), "errors": 0,
                   "warnings": reciprocal + isolated})
    header, rows = common.rank(folder)
    ref = common.nx_reference(G, False)
    for m in common.METRICS:
        if m in ref:
            common.check_metric(ck, "florentine: %s vs networkx" % m, common.by_id(rows, m),
                                ref[m], TOL[m])
        else:
            ck.not_applicable("florentine: %s vs networkx" % m, "HITS not unique on this graph")
    iref = common.igraph_reference(G, False)
    for m in ("power", "exposure", "betweenness", "harmonic_out", "harmonic_in", "hub",
              "authority"):
        if m in iref:
            common.check_metric(ck, "florentine: %s vs python-igraph" % m,
                                common.by_id(rows, m), iref[m], TOL[m])


# ---------------------------------------------------------------- TrumpWorld

def trumpworld_rows():
    path = common.real_data("trumpworld", "trumpworld.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_trumpworld(ck, tmp):
    rows = trumpworld_rows()
    edges = [(r["Entity A"], r["Entity B"], "1") for r in rows]
    path = common.write_edge_list(os.path.join(tmp, "trumpworld.csv"), edges,
                                  extra={"evidence": [r["Connection"] for r in rows]})
    names = set()
    for s, t, _ in edges:
        names.update((s, t))
    G = common.build_nx(sorted(names), edges, directed=True)
    check_summary(ck, "trumpworld: check reports 0 errors", path,
                  {"actors": len(names), "relations": G.number_of_edges(), "errors": 0})
    metrics = ["out_strength", "in_strength", "reach"]
    header, out = common.rank(path, "--metrics", ",".join(metrics), "--by", "out_strength")
    ref = common.nx_reference(G, True, metrics)
    compare(ck, "trumpworld", out, ref, metrics)
    nbsp = [v for v in names if "\u00a0" in v]
    ck.check("trumpworld: name with a non-breaking space kept byte for byte",
             len(nbsp) == 1 and nbsp[0] in {r["id"] for r in out}, "nbsp names %r" % nbsp)
    top = out[0]["id"]
    ck.check("trumpworld: DONALD J. TRUMP has the most ties out",
             top == "DONALD J. TRUMP", "top by out_strength is %r" % top)


def test_broken_copy(ck, tmp):
    """A copy of TrumpWorld with a weight written with a decimal comma, a bad sign and a
    zero weight: each must be reported at its own line and column, nothing else."""
    rows = trumpworld_rows()
    bad_weight, bad_sign, zero_weight = 117, 1999, 3001   # data row indexes (0-based)
    def render(cells):
        one = io.StringIO()
        csv.writer(one, lineterminator="\n").writerow(cells)
        return one.getvalue()

    parts = [render(["source", "target", "weight", "sign", "evidence"])]
    line_of = {}
    line = 2                      # physical line where the next row starts
    for i, r in enumerate(rows):
        weight, sign = "1", "+"
        if i == bad_weight:
            weight = "1,5"            # quoted by the csv writer
        if i == bad_sign:
            sign = "~"
        if i == zero_weight:
            weight = "0"
        text = render([r["Entity A"], r["Entity B"], weight, sign, r["Connection"]])
        parts.append(text)
        line_of[i] = line
        line += text.count("\n")
    content = "".join(parts)
    path = os.path.join(tmp, "trumpworld-broken.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(content)
    ck.check("broken copy: the bad weight is quoted in the file",
             '"1,5"' in content, "no quoted 1,5")
    rc, out, err = common.run_clout(["check", path])
    errors = [ln for ln in err.splitlines() if ": error: " in ln]
    want = {
        "%s:%d:3: error: " % (path, line_of[bad_weight]): ("weight", "1,5"),
        "%s:%d:4: error: " % (path, line_of[bad_sign]): ("sign", "~"),
        "%s:%d:3: error: " % (path, line_of[zero_weight]): ("weight", "0"),
    }
    for prefix, words in sorted(want.items()):
        hits = [ln for ln in errors if ln.startswith(prefix)]
        ck.check("broken copy: error at %s" % prefix.split(":", 1)[1].rsplit(": error", 1)[0],
                 len(hits) == 1 and all(wd in hits[0] for wd in words),
                 "no single error line starting %r mentioning %s; errors: %s" % (
                     prefix, words, " | ".join(errors[:5])))
    lines = out.strip().splitlines()
    counts = common.summary_counts(lines[-1]) if lines else {}
    ck.check("broken copy: exactly 3 errors, exit 1",
             rc == 1 and len(errors) == 3 and counts.get("errors") == 3,
             "exit %d, %d error lines, summary %r" % (rc, len(errors), lines[-1] if lines else ""))
    rc, out, err = common.run_clout(["rank", "--format", "csv", path])
    ck.check("broken copy: rank refuses it", rc == 1 and out.strip() == "",
             "exit %d, %d bytes on stdout" % (rc, len(out)))


def main():
    ck = common.Checker()
    common.require_binary(ck)
    with tempfile.TemporaryDirectory(prefix="clout-peers-real-") as tmp:
        ck.guard_data("gsdb", ("gsdb-sanctions", "GSDB_V3.csv"), test_gsdb, ck, tmp)
        ck.guard_data("florentine", ("florentine-elite-families-multiplex",),
                      test_florentine, ck, tmp)
        ck.guard_data("trumpworld", ("trumpworld", "trumpworld.csv"), test_trumpworld, ck, tmp)
        ck.guard_data("broken copy", ("trumpworld", "trumpworld.csv"), test_broken_copy, ck, tmp)
    ck.finish()


if __name__ == "__main__":
    main()
