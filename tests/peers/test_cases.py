#!/usr/bin/python3
"""The bundled cases in data/ against what the project promises of them: every case
has at least 12 actors, 6 issues and 30 relations, a title, period and summary, an
evidence note on every relation, and a role from docs/ROLES.md on every actor and
issue (actor roles for actors, issue roles for issues); `clout check` finds no
problem in any of them."""

import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402

DATA = os.path.join(common.REPO, "data")


def vocabulary():
    """The two role tables of docs/ROLES.md: actor roles, then issue roles."""
    text = open(os.path.join(common.REPO, "docs", "ROLES.md"), encoding="utf-8").read()
    actors = text[text.index("## Actor roles"):text.index("## Issue roles")]
    issues = text[text.index("## Issue roles"):]
    pick = re.compile(r"^\| `([^`]+)` \|", re.M)
    return set(pick.findall(actors)), set(pick.findall(issues))


def rows(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def main():
    ck = common.Checker()
    common.require_binary(ck)
    actor_roles, issue_roles = vocabulary()
    ck.check("docs/ROLES.md lists actor and issue roles", len(actor_roles) >= 20 and
             len(issue_roles) >= 15, (len(actor_roles), len(issue_roles)))
    cases = sorted(d for d in os.listdir(DATA) if os.path.isdir(os.path.join(DATA, d)))
    ck.check("data/ holds the current case and the four precedents",
             set(cases) >= {"ukraine-2025", "minsk-2014", "minsk-2015", "dayton-1995",
                            "georgia-2008"}, cases)
    for name in cases:
        folder = os.path.join(DATA, name)
        actors, issues = rows(folder, "actors.csv"), rows(folder, "issues.csv")
        relations = rows(folder, "relations.csv")
        info = {r["key"]: r["value"] for r in rows(folder, "case.csv")}
        ck.check("%s: at least 12 actors, 6 issues, 30 relations" % name,
                 len(actors) >= 12 and len(issues) >= 6 and len(relations) >= 30,
                 (len(actors), len(issues), len(relations)))
        ck.check("%s: case.csv has a title, period and summary" % name,
                 all(info.get(k, "").strip() for k in ("title", "period", "summary")), info)
        bad = [r["source"] + "->" + r["target"] for r in relations
               if len((r.get("evidence") or "").strip()) < 20]
        ck.check("%s: every relation carries an evidence note" % name, not bad, bad[:5])
        bad = [r["id"] + ": " + r.get("role", "") for r in actors
               if r.get("role", "") not in actor_roles]
        ck.check("%s: every actor's role is in docs/ROLES.md" % name, not bad, bad[:5])
        bad = [r["id"] + ": " + r.get("role", "") for r in issues
               if r.get("role", "") not in issue_roles]
        ck.check("%s: every issue's role is in docs/ROLES.md" % name, not bad, bad[:5])
        rc, out, err = common.run_clout(["check", folder])
        ck.check("%s: clout check finds no problem" % name,
                 rc == 0 and "0 errors, 0 warnings" in out + err, (rc, err.strip()[-200:]))
    ck.finish()


if __name__ == "__main__":
    main()
