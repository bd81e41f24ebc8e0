#!/usr/bin/python3
"""MACTOR against NumPy: every number of 'clout mactor --format json' (MID, MIDI,
influence and dependence with and without MIDI's diagonal, r, r*, the positions
2MAO and 3MAO, mobilisation, the convergence and divergence matrices of orders
1 to 3 and the ambivalence of every order) and the stable CSV, on the bundled
case and on random cases, checked against a re-implementation written from the
published formulas (Godet 1991; clout's docs/METHODS.md), vectorised with NumPy
where clout loops."""

import csv
import io
import json
import math
import os
import random
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

CASE = os.path.join(common.REPO, "data", "ukraine-2025")
CSV_HEADER = ["id", "label", "influence", "dependence", "r_star", "ambivalence"]
REL = 1e-9
SCALE = 4.0


def read_rows(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def read_case(folder):
    """Actors and issues in file order, and the merged relations {(s, t): signed weight}."""
    actors = [r["id"] for r in read_rows(os.path.join(folder, "actors.csv"))]
    issues = [r["id"] for r in read_rows(os.path.join(folder, "issues.csv"))]
    info = {r["key"]: r["value"] for r in read_rows(os.path.join(folder, "case.csv"))}
    directed = info.get("directed", "yes").strip().lower() in ("yes", "true", "1")
    merged = {}
    for row in read_rows(os.path.join(folder, "relations.csv")):
        s, t = row["source"], row["target"]
        if s == t:
            continue
        if not directed and (t, s) in merged:
            s, t = t, s     # one relation per pair, kept in the first direction seen
        sign = -1.0 if (row.get("sign") or "+").strip() == "-" else 1.0
        merged[(s, t)] = merged.get((s, t), 0.0) + sign * float(row.get("weight") or 1)
    merged = {k: w for k, w in merged.items() if w != 0}
    return actors, issues, directed, merged


def reference(actors, issues, directed, merged):
    """Everything MACTOR computes, from the formulas."""
    a_ix = {a: i for i, a in enumerate(actors)}
    i_ix = {k: i for i, k in enumerate(issues)}
    n, q = len(actors), len(issues)
    mid = np.zeros((n, n))
    mao2 = np.zeros((n, q))
    unused = clamped = 0
    for (s, t), w in merged.items():
        mag = abs(w)
        if s in i_ix and t in a_ix and not directed:
            s, t = t, s
        if s not in a_ix:
            unused += 1
            continue
        clamped += mag > SCALE
        mag = min(mag, SCALE)
        if t in a_ix:
            mid[a_ix[s], a_ix[t]] = mag
            if not directed:
                mid[a_ix[t], a_ix[s]] = mag
        else:
            mao2[a_ix[s], i_ix[t]] = math.copysign(mag, w)
    # MIDI_ij = MID_ij + sum_k min(MID_ik, MID_kj): a broadcast over (i, k, j)
    midi = mid + np.minimum(mid[:, :, None], mid[None, :, :]).sum(axis=1)
    M, D, diag = midi.sum(axis=1), midi.sum(axis=0), np.diag(midi)
    total = M.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(M + D > 0, (M - diag) / (total if total > 0 else 1) * (M / (M + D)), 0.0)
    r_star = n * r / r.sum() if r.sum() > 0 else np.zeros(n)
    mao3 = mao2 * r_star[:, None]
    mao = {1: np.sign(mao2), 2: mao2, 3: mao3}
    caa, daa, eq = {}, {}, {}
    for p, P in mao.items():
        prod = P[:, None, :] * P[None, :, :]
        half = (np.abs(P)[:, None, :] + np.abs(P)[None, :, :]) / 2
        c = np.where(prod > 0, half, 0).sum(axis=2)
        d = np.where(prod < 0, half, 0).sum(axis=2)
        np.fill_diagonal(c, 0)
        np.fill_diagonal(d, 0)
        num = np.abs(np.abs(c) - np.abs(d)).sum(axis=1)
        den = (np.abs(c) + np.abs(d)).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            eq[p] = np.where(den > 0, 1 - num / np.where(den > 0, den, 1), np.nan)
        caa[p], daa[p] = c, d
    return {
        "mid": mid, "midi": midi,
        "influence": M - diag, "dependence": D - diag,
        "influence_with_diagonal": M, "dependence_with_diagonal": D,
        "r": r, "r_star": r_star,
        "positions": mao2, "weighted_positions": mao3,
        "for": np.where(mao3 > 0, mao3, 0).sum(axis=0),
        "against": -np.where(mao3 < 0, mao3, 0).sum(axis=0),
        "convergence": caa, "divergence": daa, "ambivalence": eq,
        "clamped": clamped, "unused": unused,
    }


def worst_error(got, want):
    """Largest relative error between clout's numbers (None = undefined) and NumPy's (NaN)."""
    got = np.array([np.nan if x is None else x for x in np.ravel(np.array(got, dtype=object))],
                   dtype=float)
    want = np.ravel(np.asarray(want, dtype=float))
    if got.shape != want.shape:
        return float("inf")
    if not np.array_equal(np.isnan(got), np.isnan(want)):
        return float("inf")
    ok = ~np.isnan(want)
    if not ok.any():
        return 0.0
    return float(np.max(np.abs(got[ok] - want[ok]) / np.maximum(np.abs(want[ok]), 1e-12)
                        * (np.abs(got[ok] - want[ok]) > 1e-12)))


def check_case(ck, name, folder, expect_clamped=None):
    actors, issues, directed, merged = read_case(folder)
    ref = reference(actors, issues, directed, merged)
    rc, out, err = common.run_clout(["mactor", "--format", "json", folder])
    if not ck.check("%s: json exit 0" % name, rc == 0, "exit %d: %s" % (rc, err)):
        return None
    got = json.loads(out)
    ck.check("%s: actors and issues in file order" % name,
             [a["id"] for a in got["actors"]] == actors and
             [k["id"] for k in got["issues"]] == issues)
    for key in ("mid", "midi", "influence", "dependence", "influence_with_diagonal",
                "dependence_with_diagonal", "r", "r_star", "positions", "weighted_positions"):
        w = worst_error(got[key], ref[key])
        ck.check("%s: %s (rel %g)" % (name, key, REL), w <= REL, "worst relative error %.3g" % w)
    mob_got = [[got["mobilisation"][k]["for"], got["mobilisation"][k]["against"]] for k in issues]
    w = worst_error(mob_got, np.column_stack([ref["for"], ref["against"]]) if issues else [])
    ck.check("%s: mobilisation for and against" % name, w <= REL, "worst %.3g" % w)
    for key in ("convergence", "divergence", "ambivalence"):
        for p in (1, 2, 3):
            w = worst_error(got[key][str(p)], ref[key][p])
            ck.check("%s: %s of order %d" % (name, key, p), w <= REL, "worst %.3g" % w)
    ck.check("%s: clamped and unused counts" % name,
             got["clamped"] == ref["clamped"] and got["unused_relations"] == ref["unused"],
             (got["clamped"], ref["clamped"], got["unused_relations"], ref["unused"]))
    if expect_clamped is not None:
        ck.check("%s: the case has clamped weights, said on stderr" % name,
                 ref["clamped"] == expect_clamped and
                 ("%d relation weight" % expect_clamped) in err and "clamped to 4" in err, err)
    n = len(actors)
    if n and ref["r"].sum() > 0:
        ck.check("%s: r* averages 1" % name, abs(ref["r_star"].mean() - 1) < 1e-12 and
                 abs(np.mean(got["r_star"]) - 1) < 1e-9, np.mean(got["r_star"]))

    # the stable CSV: its header, one row per actor, by r* then id, the same numbers
    rc, out, err = common.run_clout(["mactor", "--format", "csv", folder])
    rows = list(csv.reader(io.StringIO(out)))
    ck.check("%s: csv header is the stable list" % name, rc == 0 and rows[0] == CSV_HEADER,
             rows[:1])
    body = rows[1:]
    ck.check("%s: csv has one row per actor" % name, sorted(r[0] for r in body) == sorted(actors))
    keys = [(-float(r[4]), r[0]) for r in body]
    ck.check("%s: csv rows sorted by r_star, ties by id" % name, keys == sorted(keys))
    ix = {a: i for i, a in enumerate(actors)}
    cols = (ref["influence"], ref["dependence"], ref["r_star"], ref["ambivalence"][3])
    worst = 0.0
    for r in body:
        for c, want in zip(r[2:], cols):
            worst = max(worst, worst_error([common.parse_number(c)], [want[ix[r[0]]]]))
    ck.check("%s: csv numbers equal NumPy's (empty when undefined)" % name, worst <= REL,
             "worst %.3g" % worst)
    return ref, err


def write_case(folder, actors, issues, relations, directed, blocs):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "actors.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label", "kind", "bloc"])
        for a in actors:
            w.writerow([a, a.upper(), "state", blocs[a]])
    if issues:
        with open(os.path.join(folder, "issues.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "label"])
            for k in issues:
                w.writerow([k, k.upper()])
    with open(os.path.join(folder, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight", "sign", "evidence"])
        for k, (s, t, wt, sign) in enumerate(relations):
            w.writerow([s, t, wt, sign, "generated relation %d" % (k + 1)])
    with open(os.path.join(folder, "case.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "value"])
        w.writerow(["directed", "yes" if directed else "no"])
    return folder


def random_case(rng, folder, n, q, directed, density):
    actors = ["a%02d" % i for i in range(n)]
    issues = ["k%02d" % i for i in range(q)]
    verts = actors + issues
    blocs = {a: rng.choice(["north", "south", "east", ""]) for a in actors}
    rels, seen = [], set()
    for s in verts:
        for t in verts:
            pair = (s, t) if directed else tuple(sorted((s, t)))
            if s == t or pair in seen or rng.random() > density:
                continue
            seen.add(pair)
            # weights 1 to 6 (above 4: clamped), some decimal, either sign
            wt = rng.choice(["1", "2", "3", "4", "2.5", "5", "6"])
            rels.append((s, t, wt, rng.choice("+-")))
    # a duplicate row with the same sign merges by adding up
    if rels:
        s, t, wt, sign = rels[0]
        rels.append((s, t, "1", sign))
    return write_case(folder, actors, issues, rels, directed, blocs)


def main():
    ck = common.Checker()
    common.require_binary(ck)
    result = check_case(ck, "bundled", CASE)
    if result is not None:
        ref, err = result
        ck.check("bundled: stderr says the issue -> actor and issue -> issue relations are unused",
                 "%d issue -> actor and issue -> issue relations not used" % ref["unused"] in err,
                 err)
    with tempfile.TemporaryDirectory(prefix="clout-peers-mactor-") as tmp:
        rng = random.Random(20251201)
        for i, (n, q, directed, density) in enumerate([
                (6, 4, True, 0.4), (9, 5, True, 0.3), (12, 6, False, 0.3),
                (15, 8, True, 0.2), (5, 3, False, 0.6), (20, 10, True, 0.15)]):
            folder = random_case(rng, os.path.join(tmp, "case%d" % i), n, q, directed, density)
            check_case(ck, "random %d (%d actors, %d issues, %s)" % (
                i, n, q, "directed" if directed else "undirected"), folder)
        # no actor -> issue relation: positions all 0, influence still computed
        folder = write_case(os.path.join(tmp, "nopos"), ["a", "b", "c"], ["k"],
                            [("a", "b", "3", "+"), ("b", "c", "2", "-"), ("k", "a", "2", "+")],
                            True, {"a": "", "b": "", "c": ""})
        result = check_case(ck, "no positions", folder)
        if result is not None:
            ck.check("no positions: stderr says so", "no actor -> issue relation" in result[1],
                     result[1])
        # every weight above the scale
        folder = write_case(os.path.join(tmp, "clamp"), ["a", "b", "c"], ["k", "l"],
                            [("a", "b", "9", "+"), ("b", "a", "5", "+"), ("c", "a", "2", "+"),
                             ("a", "k", "7", "+"), ("b", "k", "2", "-"), ("c", "l", "3", "+")],
                            True, {"a": "x", "b": "y", "c": "x"})
        check_case(ck, "clamp", folder, expect_clamped=3)
    ck.finish()


if __name__ == "__main__":
    main()
