#!/usr/bin/python3
"""The role vocabulary: docs/ROLES.md against what clout embeds and checks.

- docs/ROLES.md is read here on its own (the first backticked cell of every table
  row under "## Actor roles" and "## Issue roles") and must equal, in order and
  by type, what 'clout check --list-roles' prints (the embedded src/roles.def);
- a generated case using every documented role, actors' for actors and issues'
  for issues, checks clean;
- misspelt roles get a "did you mean" naming the role at the smallest
  Levenshtein distance (computed here), a role of the other type is named as
  such, a role declared in case.csv ('roles,a; b') is accepted;
- 'clout compare -f json' says which roles found no partner: the set
  differences of the two cases' roles, sorted;
- the five bundled cases in data/ have no role outside the vocabulary.
"""

import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import REPO, Checker, require_binary, run_clout  # noqa: E402


def documented_roles():
    roles, section = [], None
    with open(os.path.join(REPO, "docs", "ROLES.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                section = {"## Actor roles": "actor", "## Issue roles": "issue"}.get(line.strip())
                continue
            m = re.match(r"\|\s*`([^`]+)`\s*\|", line)
            if section and m:
                roles.append((section, m.group(1)))
    return roles


def levenshtein(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
            prev, row[j] = row[j], cur
    return row[-1]


def write_case(folder, actors, issues, case_rows=()):
    os.makedirs(folder, exist_ok=True)
    ids = []
    with open(os.path.join(folder, "actors.csv"), "w", encoding="utf-8") as f:
        f.write("id,role\n")
        for i, role in enumerate(actors):
            ids.append("a%d" % i)
            f.write("a%d,%s\n" % (i, role))
    with open(os.path.join(folder, "issues.csv"), "w", encoding="utf-8") as f:
        f.write("id,role\n")
        for i, role in enumerate(issues):
            ids.append("i%d" % i)
            f.write("i%d,%s\n" % (i, role))
    with open(os.path.join(folder, "relations.csv"), "w", encoding="utf-8") as f:
        f.write("source,target,evidence\n")
        for a, b in zip(ids, ids[1:]):
            f.write("%s,%s,e\n" % (a, b))
    with open(os.path.join(folder, "case.csv"), "w", encoding="utf-8") as f:
        f.write("key,value\n")
        for k, v in case_rows:
            f.write("%s,%s\n" % (k, v))


def warnings_of(folder):
    rc, out, err = run_clout(["check", folder])
    return rc, [line for line in err.splitlines() if ": warning: " in line]


def main():
    ck = Checker()
    require_binary(ck)
    doc = documented_roles()
    actor_roles = [r for t, r in doc if t == "actor"]
    issue_roles = [r for t, r in doc if t == "issue"]
    ck.check("docs/ROLES.md has both tables", len(actor_roles) >= 20 and len(issue_roles) >= 20,
             "%d actor, %d issue roles" % (len(actor_roles), len(issue_roles)))

    rc, out, _ = run_clout(["check", "--list-roles"])
    embedded = [tuple(line.split("\t", 1)) for line in out.splitlines()]
    ck.check("embedded vocabulary equals docs/ROLES.md", rc == 0 and embedded == doc,
             "only in docs: %s; only embedded: %s" % (sorted(set(doc) - set(embedded)),
                                                    sorted(set(embedded) - set(doc))))

    with tempfile.TemporaryDirectory() as tmp:
        every = os.path.join(tmp, "every")
        write_case(every, actor_roles, issue_roles)
        rc, warns = warnings_of(every)
        ck.check("every documented role checks clean", rc == 0 and warns == [], warns[:5])

        # misspellings: the hint is the unique nearest role of the same type
        probes = []
        for role in actor_roles:
            wrong = role[:-1]			# last letter dropped
            dists = sorted((levenshtein(wrong, r), r) for r in actor_roles)
            if dists[0][0] == 1 and dists[1][0] > 1 and dists[0][0] <= max(1, min(3, len(wrong) // 3)):
                probes.append((wrong, dists[0][1]))
        wrong_case = os.path.join(tmp, "wrong")
        write_case(wrong_case, [w for w, _ in probes] + ["ceasefire", "spoiler state", "mediatr"],
                   ["sanctions"],
                   [("roles", "spoiler state; +hardliner faction")])
        rc, warns = warnings_of(wrong_case)
        for i, (wrong, right) in enumerate(probes):
            expect = "actors.csv:%d:2: warning: unknown role '%s'; did you mean '%s'?" % (
                i + 2, wrong, right)
            ck.check("hint for '%s'" % wrong, any(w.endswith(expect) for w in warns),
                     "%s not in %s" % (expect, warns[:3]))
        n = len(probes)
        ck.check("an issue role on an actor is named as such",
                 any(w.endswith("actors.csv:%d:2: warning: 'ceasefire' is an issue role, not an "
                                "actor role (docs/ROLES.md)" % (n + 2)) for w in warns), warns[-3:])
        ck.check("a role declared in case.csv is accepted",
                 not any("spoiler state" in w for w in warns), warns)
        # 'mediatr' is one edit from no role; the shortest document role it begins none
        ck.check("exactly the expected warnings",
                 rc == 0 and len(warns) == n + 2, "%d warnings for %d probes: %s" % (
                     len(warns), n, warns[-3:]))

        # compare: roles without a partner
        a = os.path.join(tmp, "a")
        b = os.path.join(tmp, "b")
        ra = ["defender state", "aggressor state", "mediator state", "mediator state", "guarantor"]
        rb = ["defender state", "aggressor state", "proxy authority", "monitor"]
        write_case(a, ra, ["ceasefire"])
        write_case(b, rb, ["elections"])
        rc, out, err = run_clout(["compare", "--permutations", "0", "-f", "json", a, b])
        got = json.loads(out)["unmatched_roles"] if rc == 0 else None
        want = {"a": sorted(set(ra + ["ceasefire"]) - set(rb + ["elections"])),
                "b": sorted(set(rb + ["elections"]) - set(ra + ["ceasefire"]))}
        ck.check("compare: unmatched roles", got == want, "%s != %s (%s)" % (got, want, err))

    for name in sorted(os.listdir(os.path.join(REPO, "data"))):
        folder = os.path.join(REPO, "data", name)
        if not os.path.isdir(folder):
            continue
        rc, warns = warnings_of(folder)
        ck.check("data/%s: no unknown role" % name, rc == 0 and not any(" role" in w for w in warns),
                 warns[:3])
    ck.finish()


if __name__ == "__main__":
    main()
