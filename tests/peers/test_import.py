#!/usr/bin/python3
"""Peer test of 'clout import' on the real data sets: the Florentine multiplex from
tests/data, the others from $REAL_DATA (read in place, never copied; a data set
that is not here is a SKIP, except Padgett's marriage file, which is rebuilt from
NetworkX's florentine_families_graph() when absent). For each one the recipe of docs/IMPORT.md is run, and what
it wrote is checked against facts computed here, independently, from the raw
files with Python's csv module (row counts, actors, relations, a top actor, a
known tie); the result must then pass 'clout check' without error, and be
ranked and mapped without error.
"""

import collections
import csv
import io
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402



def real(f):
    """The path of F ("folder/file") among the real data sets, or None."""
    return common.real_data(*f.split("/"))
FIX = os.path.join(common.REPO, "tests", "fixtures", "import")


def clean(text):
    # clout trims ASCII white space and the odd Unicode spaces; str.strip does both
    return text.strip()


def read_case(folder):
    def rows(name):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    actors = rows("actors.csv")
    relations = rows("relations.csv")
    case = {r["key"]: r["value"] for r in rows("case.csv")}
    return actors, relations, case


def weights(relations, directed=True):
    out = {}
    for r in relations:
        key = (r["source"], r["target"]) if directed else frozenset((r["source"], r["target"]))
        out[key] = float(r["weight"]) * (-1 if r["sign"] == "-" else 1)
    return out


def run_import(ck, tmp, name, args):
    """Run the recipe; return (actors, relations, case, stderr) or None."""
    out = os.path.join(tmp, name)
    rc, _, err = common.run_clout(["import"] + args + ["-o", out], timeout=300)
    if not ck.check("%s: import exits 0" % name, rc == 0, "exit %d: %s" % (rc, err[-600:])):
        return None
    rc, cout, cerr = common.run_clout(["check", "-q", out], timeout=300)
    ck.check("%s: clout check finds no error" % name, rc == 0 and " 0 errors" in cout,
             "exit %d: %s %s" % (rc, cout[-300:], cerr[-300:]))
    rc, rout, rerr = common.run_clout(["rank", "--top", "5", "--format", "csv", out], timeout=300)
    ck.check("%s: clout rank runs" % name, rc == 0 and rout.count("\n") >= 2,
             "exit %d: %s" % (rc, rerr[-300:]))
    svg = os.path.join(tmp, name + ".svg")
    rc, _, merr = common.run_clout(["map", out, "-o", svg], timeout=300)
    ck.check("%s: clout map draws it" % name, rc == 0 and os.path.getsize(svg) > 1000,
             "exit %d: %s" % (rc, merr[-300:]))
    actors, relations, case = read_case(out)
    return actors, relations, case, err


def present(ck, name, *files):
    missing = [f for f in files if real(f) is None]
    if missing:
        ck.skip(name, common.missing_data_reason(missing[0]))
        return False
    return True


# ---------------------------------------------------------------- trumpworld

def test_trumpworld(ck, tmp):
    f = "trumpworld/trumpworld.csv"
    if not present(ck, "trumpworld", f):
        return
    path = real(f)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    degree = collections.Counter()
    pairs = set()
    for r in rows:
        a, b = clean(r["Entity A"]), clean(r["Entity B"])
        pairs.add(frozenset((a, b)))
        degree[a] += 1
        degree[b] += 1
    top, top_degree = degree.most_common(1)[0]
    got = run_import(ck, tmp, "trumpworld",
                     ["--source", "Entity A", "--target", "Entity B", "--evidence", "Source(s)",
                      "--undirected", path])
    if got is None:
        return
    actors, relations, case, err = got
    ck.check("trumpworld: 3380 rows read", "read 3380 rows" in err and len(rows) == 3380, err)
    ck.check("trumpworld: %d entities" % len(degree), len(actors) == len(degree) == 2669,
             "%d actors, want %d" % (len(actors), len(degree)))
    ck.check("trumpworld: %d ties" % len(pairs), len(relations) == len(pairs),
             "%d relations, want %d" % (len(relations), len(pairs)))
    got_degree = collections.Counter()
    for r in relations:
        got_degree[r["source"]] += 1
        got_degree[r["target"]] += 1
    ck.check("trumpworld: top actor %s with %d ties" % (top, top_degree),
             got_degree.most_common(1)[0] == (top, top_degree), got_degree.most_common(3))
    # the non-breaking space inside a name survives byte for byte
    nbsp = [a for a in degree if "\u00a0" in a]
    ck.check("trumpworld: names with an inner NBSP kept (%d)" % len(nbsp),
             len(nbsp) >= 1 and all(any(x["id"] == a for x in actors) for a in nbsp), nbsp)
    ck.check("trumpworld: undirected case", case.get("directed") == "no", case)


# ---------------------------------------------------------------- Florentine marriages

def test_padgett(ck, tmp):
    net, names = "florentine-padgett-marriage/florentine.net", \
        "florentine-padgett-marriage/florentine_node_map.txt"
    import networkx as nx
    if real(net) is not None and real(names) is not None:
        net, names = real(net), real(names)
    else:
        # no licence to ship the file: the same 20 marriages from NetworkX, and the node
        # map with Pucci, whom no marriage names (NetworkX's graph leaves him out)
        G = nx.florentine_families_graph()
        order = sorted(list(G.nodes()) + ["Pucci"])
        number = {n: i for i, n in enumerate(order)}
        net, names = os.path.join(tmp, "florentine.net"), os.path.join(tmp, "node_map.txt")
        with open(net, "w") as fh:
            fh.writelines("%d %d\n" % (number[a], number[b]) for a, b in G.edges())
        with open(names, "w") as fh:
            fh.writelines("%d %s\n" % (number[n], n) for n in order)
    got = run_import(ck, tmp, "padgett",
                     ["--no-header", "--delimiter", "whitespace", "--source", "1", "--target", "2",
                      "--undirected", "--nodes", names, "--nodes-no-header", "--node-id", "1",
                      "--node-label", "2", net])
    if got is None:
        return
    actors, relations, case, err = got
    ids = {a["id"]: a["label"] for a in actors}
    ck.check("padgett: 16 families, Pucci among them",
             len(actors) == 16 and "Pucci" in ids.values(), ids)
    mine = {frozenset((ids[r["source"]], ids[r["target"]])) for r in relations}
    ref = {frozenset(e) for e in nx.florentine_families_graph().edges()}
    ck.check("padgett: the 20 marriages of networkx's florentine_families_graph",
             mine == ref and len(mine) == 20, mine ^ ref)
    deg = collections.Counter()
    for e in mine:
        for v in e:
            deg[v] += 1
    ck.check("padgett: Medici has 6 marriages, the most", deg.most_common(1)[0] == ("Medici", 6),
             deg.most_common(3))
    ck.check("padgett: Pucci isolated", "1 isolated" in err, err)


# ---------------------------------------------------------------- Florentine multiplex

def test_multiplex(ck, tmp):
    rel, fam = "florentine-elite-families-multiplex/relations.txt", \
        "florentine-elite-families-multiplex/families.txt"
    if not present(ck, "florentine-multiplex", rel, fam):
        return
    with open(real(fam), newline="") as fh:
        families = {r["family_id"]: r for r in csv.DictReader(fh, delimiter="\t")}
    with open(real(rel), newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    total = collections.Counter()
    marriage = collections.Counter()
    for r in rows:
        total[(r["family_id_from"], r["family_id_to"])] += int(r["weight"])
        if r["domain_id"] == "0":
            marriage[(r["family_id_from"], r["family_id_to"])] += int(r["weight"])
    base = ["--source", "family_id_from", "--target", "family_id_to", "--weight", "weight",
            "--nodes", real(fam), "--node-id", "family_id", "--node-label", "family",
            "--node-attr", "party_id"]
    got = run_import(ck, tmp, "multiplex", base + [real(rel)])
    if got is None:
        return
    actors, relations, case, err = got
    ck.check("multiplex: 33 families with their party",
             len(actors) == len(families) == 33 and
             all(families[a["id"]]["family"] == a["label"] and
                 families[a["id"]]["party_id"] == a["party_id"] for a in actors),
             actors[:3])
    w = weights(relations)
    ck.check("multiplex: %d ordered pairs, layer weights summed" % len(total),
             w == {k: float(v) for k, v in total.items()},
             set(w) ^ set(total))
    ck.check("multiplex: 16 rows merged across layers", "16 rows merged" in err, err)
    medici = [a["id"] for a in actors if a["label"] == "MEDICI"][0]
    torna = [a["id"] for a in actors if a["label"] == "TORNABUONI"][0]
    ck.check("multiplex: MEDICI -> TORNABUONI tie", (medici, torna) in w, (medici, torna))
    got = run_import(ck, tmp, "multiplex-marriage",
                     base + ["--where", "domain_id=0", real(rel)])
    if got is None:
        return
    ck.check("multiplex: the marriage layer has 30 ties",
             len(got[1]) == len(marriage) == 30, (len(got[1]), len(marriage)))


# ---------------------------------------------------------------- GSDB sanctions

def split_known(cell, known):
    # an independent splitter: protect the known names, split on commas, restore
    for i, k in enumerate(known):
        cell = cell.replace(k, "\x00%d\x00" % i)
    parts = []
    for p in cell.split(","):
        p = p.strip()
        for i, k in enumerate(known):
            p = p.replace("\x00%d\x00" % i, k)
        if p:
            parts.append(p)
    return parts


def test_gsdb(ck, tmp):
    f = "gsdb-sanctions/GSDB_V3.csv"
    if not present(ck, "gsdb", f):
        return
    known_file = os.path.join(FIX, "gsdb-known.txt")
    with open(known_file) as fh:
        known = sorted((l.strip() for l in fh if l.strip()), key=len, reverse=True)
    with open(real(f), newline="") as fh:
        rows = list(csv.DictReader(fh))
    count = collections.Counter()
    for r in rows:
        for s in split_known(r["sanctioning_state"], known):
            for t in split_known(r["sanctioned_state"], known):
                if s != t:
                    count[(s, t)] += 1
    names = {n for k in count for n in k}
    got = run_import(ck, tmp, "gsdb",
                     ["--source", "sanctioning_state", "--target", "sanctioned_state",
                      "--split", "sanctioning_state=,", "--split", "sanctioned_state=,",
                      "--keep-names", known_file, "--merge", "count", real(f)])
    if got is None:
        return
    actors, relations, case, err = got
    ids = {a["id"] for a in actors}
    ck.check("gsdb: 1325 rows read", "read 1325 rows" in err and len(rows) == 1325, err)
    ck.check("gsdb: %d senders and targets" % len(names), ids == names, ids ^ names)
    ck.check("gsdb: 'Korea, North' kept whole, no 'North'",
             "Korea, North" in ids and "North" not in ids and "Korea" not in ids, "")
    w = weights(relations)
    ck.check("gsdb: %d sanctioning pairs, counted" % len(count),
             w == {k: float(v) for k, v in count.items()}, set(w) ^ set(count))
    top = max(count.items(), key=lambda kv: kv[1])
    ck.check("gsdb: the most sanctions: %s -> %s (%d)" % (top[0] + (top[1],)),
             w.get(top[0]) == top[1], w.get(top[0]))
    us_russia = count[("United States", "Russia")]
    ck.check("gsdb: United States -> Russia %d cases" % us_russia,
             us_russia > 0 and w.get(("United States", "Russia")) == us_russia, us_russia)


# ---------------------------------------------------------------- SIPRI

def test_sipri(ck, tmp):
    f = "sipri-arms-transfers/trade-register.csv"
    if not present(ck, "sipri", f):
        return
    with open(real(f), encoding="latin-1", newline="") as fh:
        lines = fh.read().split("\n")
    rows = list(csv.reader(io.StringIO("\n".join(lines[11:]))))
    header, data = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    si, ri, wi = header.index("Supplier"), header.index("Recipient"), \
        header.index("SIPRI TIV of delivered weapons")
    tiv = collections.defaultdict(float)
    names = set()
    missing = 0
    for r in data:
        s, t, v = clean(r[si]), clean(r[ri]), clean(r[wi])
        if not s or not t or not v:
            missing += 1
            continue
        names.update((s, t))
        if s != t:
            tiv[(s, t)] += float(v)
    positive = {k: v for k, v in tiv.items() if v > 0}
    got = run_import(ck, tmp, "sipri",
                     ["--source", "Supplier", "--target", "Recipient", "--weight",
                      "SIPRI TIV of delivered weapons", "--encoding", "latin1",
                      real(f)])
    if got is None:
        return
    actors, relations, case, err = got
    ck.check("sipri: header found on line 12", "header on line 12" in err, err)
    ck.check("sipri: %d rows read" % len(data), "read %d rows" % len(data) in err, err)
    ck.check("sipri: the three blank column names renamed",
             all("column %d has no name" % c in err for c in (4, 6, 10)), err)
    ck.check("sipri: %d suppliers and recipients" % len(names),
             {a["id"] for a in actors} == names, len(actors))
    w = weights(relations)
    ck.check("sipri: %d dyads with deliveries, TIV summed" % len(positive),
             set(w) == set(positive) and all(abs(w[k] - v) < 1e-6 * max(1, v)
                                             for k, v in positive.items()),
             set(w) ^ set(positive))
    out = collections.defaultdict(float)
    for (s, _), v in positive.items():
        out[s] += v
    top = max(out, key=out.get)
    mine = collections.defaultdict(float)
    for (s, _), v in w.items():
        mine[s] += v
    ck.check("sipri: top supplier %s (TIV %.1f)" % (top, out[top]),
             max(mine, key=mine.get) == top and abs(mine[top] - out[top]) < 1e-3, top)
    ck.check("sipri: a Latin-1 name read as UTF-8",
             any(ord(ch) > 127 for a in actors for ch in a["id"]) ==
             any(ord(ch) > 127 for n in names for ch in n), "")
    us_ua = ("United States", "Ukraine")
    ck.check("sipri: United States -> Ukraine TIV %.2f" % positive.get(us_ua, 0),
             us_ua in positive and abs(w.get(us_ua, 0) - positive[us_ua]) < 1e-6, w.get(us_ua))


# ---------------------------------------------------------------- UNGA

def agreement(path):
    with open(path, newline="") as fh:
        rows = list(csv.reader(fh))
    header = [clean(h) for h in rows[0]]
    votes = [r for r in rows[1:] if any(c.strip() for c in r)]
    cols = [j for j in range(len(header))
            if any(j < len(r) and r[j].strip().upper() in "YNA" and r[j].strip() for r in votes)]
    res = {}
    for a in range(len(cols)):
        for b in range(a + 1, len(cols)):
            i, j = cols[a], cols[b]
            score = n = 0
            for r in votes:
                x = r[i].strip().upper() if i < len(r) else ""
                y = r[j].strip().upper() if j < len(r) else ""
                if x not in ("Y", "N", "A") or y not in ("Y", "N", "A"):
                    continue
                n += 1
                score += 1 if x == y else 0.5 if "A" in (x, y) else 0
            if n and score > 0:
                res[frozenset((header[i], header[j]))] = score / n
    return [header[j] for j in cols], len(votes), res


def test_unga(ck, tmp):
    cases = []
    for year, nvotes in ((1995, 80), (2008, 78), (2014, 80), (2022, 3)):
        f = "unga-roll-call-votes/%d_RAW_COIN.csv" % year
        if not present(ck, "unga %d" % year, f):
            continue
        states, n, ref = agreement(real(f))
        got = run_import(ck, tmp, "unga-%d" % year, ["--vote-matrix", real(f)])
        if got is None:
            continue
        cases.append(os.path.join(tmp, "unga-%d" % year))
        actors, relations, case, err = got
        ck.check("unga %d: %d votes" % (year, nvotes), n == nvotes and
                 "read %d votes" % nvotes in err, err)
        ck.check("unga %d: %d voting states" % (year, len(states)),
                 [a["id"] for a in actors] == states, len(actors))
        w = weights(relations, directed=False)
        ck.check("unga %d: %d agreeing pairs, mean agreement" % (year, len(ref)),
                 set(w) == set(ref) and all(abs(w[k] - v) < 1e-9 for k, v in ref.items()),
                 len(set(w) ^ set(ref)))
        ru_ua = frozenset(("RUSSIAN FEDERATION", "UKRAINE"))
        ck.check("unga %d: Russia-Ukraine agreement %s" % (year, ref.get(ru_ua)),
                 (ru_ua in w) == (ru_ua in ref) and
                 (ru_ua not in ref or abs(w[ru_ua] - ref[ru_ua]) < 1e-9),
                 (w.get(ru_ua), ref.get(ru_ua)))
        if year == 2014:
            ck.check("unga 2014: the stray 'y SAUDI ARABIA' column left out",
                     "y SAUDI ARABIA" not in [a["id"] for a in actors] and
                     "'y SAUDI ARABIA' never votes" in err and len(actors) == 193, err)
        if year == 2022:
            ck.check("unga 2022: Russia and Ukraine never agree (no relation)",
                     ru_ua not in w, w.get(ru_ua))


    if len(cases) == 4:
        rc, out, err = common.run_clout(["compare", cases[1], cases[2]], timeout=300)
        ck.check("unga: clout compare reads 2008 and 2014", rc == 0 and "qap_r" in out,
                 "exit %d: %s" % (rc, err[-300:]))
        rc, out, err = common.run_clout(["similar"] + cases, timeout=600)
        ck.check("unga: clout similar reads the four years", rc == 0 and out.strip() != "",
                 "exit %d: %s" % (rc, err[-300:]))


# ---------------------------------------------------------------- ATOP

def test_atop(ck, tmp):
    f = "atop-alliances/atop-member-level.csv"
    if not present(ck, "atop", f):
        return
    with open(real(f), newline="") as fh:
        rows = list(csv.DictReader(fh))
    members = collections.defaultdict(set)
    for r in rows:
        if int(r["yrent"]) <= 2014 and (r["yrexit"] == "0" or int(r["yrexit"]) >= 2014):
            members[r["atopid"]].add(r["member"])
    shared = collections.Counter()
    newman = collections.defaultdict(float)
    for m in members.values():
        m = sorted(m)
        for a in range(len(m)):
            for b in range(a + 1, len(m)):
                shared[frozenset((m[a], m[b]))] += 1
                newman[frozenset((m[a], m[b]))] += 1 / (len(m) - 1)
    states = set().union(*members.values())
    args = ["--two-mode", "--actor", "member", "--event", "atopid", "--where", "yrent<=2014",
            "--where", "yrexit=0|yrexit>=2014", real(f)]
    got = run_import(ck, tmp, "atop", args)
    if got is None:
        return
    actors, relations, case, err = got
    ck.check("atop: %d alliances in force in 2014" % len(members),
             "%d events (atopid)" % len(members) in err, err)
    ck.check("atop: %d member states" % len(states), {a["id"] for a in actors} == states,
             len(actors))
    w = weights(relations, directed=False)
    ck.check("atop: %d allied pairs, weight = shared alliances" % len(shared),
             w == {k: float(v) for k, v in shared.items()}, len(set(w) ^ set(shared)))
    top = max(shared.items(), key=lambda kv: (kv[1], sorted(kv[0])))
    ck.check("atop: the most shared alliances: %s (%d)" % ("-".join(sorted(top[0])), top[1]),
             w.get(top[0]) == top[1] and max(w.values()) == top[1], w.get(top[0]))
    ck.check("atop: US (2) and Canada (20) allied", frozenset(("2", "20")) in w, "")
    got = run_import(ck, tmp, "atop-newman", args[:-1] + ["--weighting", "newman", args[-1]])
    if got is None:
        return
    w = weights(got[1], directed=False)
    ck.check("atop: Newman weights", set(w) == set(newman) and
             all(abs(w[k] - v) < 1e-9 for k, v in newman.items()), "")


# ---------------------------------------------------------------- GML MID

def test_gml(ck, tmp):
    f = "gml-mid-dyadic-disputes/gml-ddy-disputes-2.03.csv"
    if not present(ck, "gml", f):
        return
    with open(real(f), newline="") as fh:
        rows = list(csv.DictReader(fh))
    host = collections.defaultdict(int)
    fatal = collections.defaultdict(int)
    missing = 0
    for r in rows:
        key = (r["ccode1"], r["ccode2"])
        host[key] = max(host[key], int(r["hostlev"]))
        if r["fatality"] == "-9":
            missing += 1
        else:
            fatal[key] = max(fatal[key], int(r["fatality"]))
    got = run_import(ck, tmp, "gml",
                     ["--source", "ccode1", "--target", "ccode2", "--weight", "hostlev",
                      "--merge", "max", "--sign", "-", "--na", "-9", real(f)])
    if got is None:
        return
    actors, relations, case, err = got
    w = weights(relations)
    ck.check("gml: 10386 dispute-dyad-years read", "read 10386 rows" in err and len(rows) == 10386,
             err)
    ck.check("gml: 192 states", len(actors) == 192, len(actors))
    ck.check("gml: %d directed dyads, all negative, weight = highest hostility" % len(host),
             w == {k: -float(v) for k, v in host.items()}, len(set(w) ^ set(host)))
    ck.check("gml: Russia -> Georgia (365 -> 372) hostility %d" % host[("365", "372")],
             w.get(("365", "372")) == -host[("365", "372")], w.get(("365", "372")))
    got = run_import(ck, tmp, "gml-fatal",
                     ["--source", "ccode1", "--target", "ccode2", "--weight", "fatality",
                      "--merge", "max", "--sign", "-", "--na", "-9", real(f)])
    if got is None:
        return
    w = weights(got[1])
    positive = {k: -float(v) for k, v in fatal.items() if v > 0}
    ck.check("gml: %d rows with fatality -9 skipped as missing" % missing,
             "skipped %d rows: %d with a missing" % (missing, missing) in got[3], got[3])
    ck.check("gml: %d dyads with deaths, weight = highest fatality level" % len(positive),
             w == positive, len(set(w) ^ set(positive)))


def main():
    ck = common.Checker()
    common.require_binary(ck)
    with tempfile.TemporaryDirectory(prefix="clout-peers-import-") as tmp:
        ck.guard("trumpworld", test_trumpworld, ck, tmp)
        ck.guard("florentine-padgett", test_padgett, ck, tmp)
        ck.guard("florentine-multiplex", test_multiplex, ck, tmp)
        ck.guard("gsdb", test_gsdb, ck, tmp)
        ck.guard("sipri", test_sipri, ck, tmp)
        ck.guard("unga", test_unga, ck, tmp)
        ck.guard("atop", test_atop, ck, tmp)
        ck.guard("gml", test_gml, ck, tmp)
    ck.finish()


if __name__ == "__main__":
    main()
