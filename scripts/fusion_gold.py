"""Measures cross-report fusion against a cross-report gold built from the dev gold, and its speed.

The gold: gold events of different articles are linked when they have the same event_type, dates
within their scoring tolerances (rasid/evaluate.py: 0/±3/±15 days by precision, the wider of the
two, plus one day of slack; an undated gold event matches any date) and places ≤ 10 km apart
(nearest pair of their locations); gold incidents are the connected components ("components", the literal rule), and, since a
component chains events that are not linked to each other and holds several events of one
article (which the gold's own ACLED aggregation made distinct), also each component split into
its fewest groups of pairwise-linked events ("cliques": one event per article, every pair
linked; among equal splits, the one grouping the most events of one sub-type and actor pair). Built twice: required events only, and with the optional ones.

Reported: (a) fusion of the gold events themselves (fusion-only quality) and (b) fusion of the
events rasid.pipeline.analyze extracts from the gold articles, each system event standing for the
gold event rasid.evaluate.match_article pairs it with. Duplicate incidents: per gold incident, the
number of distinct system incidents its matched events fall in, minus one, summed. Wrongly merged:
system incidents whose members stand for ≥ 2 gold incidents. Both as % of gold incidents.
Then the speed of fuse on the pool's events and on a synthetic 30k-event scale-up.

usage: .venv/bin/python scripts/fusion_gold.py [--shared ../shared] [--scale 30000]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from rasid.evaluate import NIGHT_SLACK_DAYS, TOLERANCE_DAYS, km, match_article, read_gold
from rasid.fusion import assign, fuse
from rasid.pipeline import analyze
from rasid.reader import ReadError, read_articles, to_article
from rasid.records import Claim, Event, Fatalities, Location, Report

GOLD_KM = 10.0


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


def gold_linked(a: dict, b: dict) -> bool:
    """Tells whether two gold events (of different articles) are one incident by the gold rule."""
    if a["event_type"] != b["event_type"]:
        return False
    da, db = _day(a.get("event_date")), _day(b.get("event_date"))
    if da and db:
        tol = max(TOLERANCE_DAYS.get(a.get("time_precision") or 1, 0),
                  TOLERANCE_DAYS.get(b.get("time_precision") or 1, 0)) + NIGHT_SLACK_DAYS
        if abs((da - db).days) > tol:
            return False
    return min(km(la, lb) for la in a["locations"] for lb in b["locations"]) <= GOLD_KM


def components(events: list[tuple[str, dict]]) -> list[int]:
    """Returns the gold incident (component number) of each (article_id, gold event)."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (ai, ei) in enumerate(events):
        for j in range(i + 1, len(events)):
            aj, ej = events[j]
            if ai != aj and gold_linked(ei, ej):
                parent[root(i)] = root(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(root(i), len(roots)) for i in range(len(events))]


def min_cliques(nodes: list[int], linked) -> int:
    """Returns the fewest groups of pairwise-linked nodes that cover `nodes` (exact; gold incidents are small)."""
    return len(clique_cover(nodes, linked))


def clique_cover(nodes: list[int], linked, alike=None) -> list[list[int]]:
    """Returns the fewest groups of pairwise-linked nodes covering `nodes` (exact search).

    Among the fewest, the one whose groups hold the most `alike` pairs (gold events of one sub-type
    and one actor pair) wins, then the first found in node order."""
    best: list = [(len(nodes) + 1, 0), None]

    def score(groups: list[list[int]]) -> tuple[int, int]:
        pairs = sum(1 for g in groups for i, x in enumerate(g) for y in g[i + 1:] if alike and alike(x, y))
        return len(groups), -pairs

    def place(k: int, groups: list[list[int]]) -> None:
        if len(groups) > best[0][0]:
            return
        if k == len(nodes):
            key = score(groups)
            if key < best[0]:
                best[0], best[1] = key, [list(g) for g in groups]
            return
        n = nodes[k]
        for g in groups:
            if all(linked(n, m) for m in g):
                g.append(n)
                place(k + 1, groups)
                g.pop()
        groups.append([n])
        place(k + 1, groups)
        groups.pop()

    place(0, [])
    return best[1] or []


def gold_report(article: dict, index: int, g: dict) -> Report:
    """Returns a gold event as the Report fusion reads: first location, actors in order, min..max toll."""
    loc = g["locations"][0]
    actors = list(g["actors"]) + [None]
    fat = g["fatalities"]
    event = Event(article_id=article["id"], event_date=_day(g.get("event_date")),
                  time_precision=g.get("time_precision") or 1, event_type=g["event_type"],
                  sub_event_type=g["sub_event_type"], actor1=actors[0], actor2=actors[1],
                  location=Location(loc.get("name") or "", loc["latitude"], loc["longitude"],
                                    g.get("geo_precision") or 1),
                  fatalities=Fatalities(fat["min"], fat["min"], fat["max"]),
                  claims=tuple(Claim(s, "asserts", 0, 0) for s in g.get("sources") or ()),
                  contested=bool(g.get("contested")))
    return Report(f"{article['id']}#g{index}", article["id"], article.get("outlet"),
                  _day(article.get("published")), event)


def metrics(incident_of: dict[str, str], stands_for: dict[str, tuple[int, int]], n_gold: int, floor,
            linked=None) -> dict:
    """Returns duplicate and wrongly-merged counts and rates from event → system incident / (gold incident, gold event).

    `floor(gold events)` is the fewest incidents those gold events can form when only directly
    linked events of different articles may share one (the gold's chains and one article's several
    events force splits): duplicates below it are unavoidable for any fusion with these rules."""
    by_gold: dict[int, set[str]] = {}
    reached: dict[int, set[int]] = {}
    by_sys: dict[str, set[int]] = {}
    for eid, (gi, gev) in stands_for.items():
        by_gold.setdefault(gi, set()).add(incident_of[eid])
        reached.setdefault(gi, set()).add(gev)
        by_sys.setdefault(incident_of[eid], set()).add(gi)
    duplicates = sum(len(s) - 1 for s in by_gold.values())
    unavoidable = sum(floor(sorted(reached[gi])) - 1 for gi in by_gold)
    merged = sum(1 for s in by_sys.values() if len(s) > 1)
    n_sys = len(set(incident_of.values()))
    # order-free: an incident holding two events whose gold events the gold rule does not link
    gold_events: dict[str, list[int]] = {}
    for eid, (_, gev) in stands_for.items():
        gold_events.setdefault(incident_of[eid], []).append(gev)
    unlinked = sum(1 for evs in gold_events.values()
                   if linked and any(not linked(x, y) for i, x in enumerate(evs) for y in evs[i + 1:]))
    return {"gold_incidents": n_gold, "system_incidents": n_sys,
            "gold_incidents_reached": len(by_gold),
            "duplicates": duplicates, "duplicates_pct_of_gold": round(100 * duplicates / n_gold, 2),
            "duplicates_unavoidable": unavoidable,
            "duplicates_beyond_unavoidable_pct_of_gold": round(100 * (duplicates - unavoidable) / n_gold, 2),
            "wrongly_merged": merged, "wrongly_merged_pct_of_gold": round(100 * merged / n_gold, 2),
            "wrongly_merged_pct_of_system": round(100 * merged / n_sys, 2) if n_sys else 0.0,
            "merged_unlinked": unlinked, "merged_unlinked_pct_of_gold": round(100 * unlinked / n_gold, 2),
            "multi_report_system_incidents": sum(
                1 for iid in set(incident_of.values())
                if len({eid.split("#")[0] for eid, i in incident_of.items() if i == iid}) > 1)}


def grouping(assigned: dict[str, tuple[str, str]]) -> frozenset[frozenset[str]]:
    """Returns the partition of event ids that an assignment makes, ids aside."""
    groups: dict[str, set[str]] = {}
    for eid, (iid, _) in assigned.items():
        groups.setdefault(iid, set()).add(eid)
    return frozenset(frozenset(g) for g in groups.values())


def incremental_same(reports: list[Report]) -> dict[str, bool]:
    """Tells whether fusing half the articles, then all with existing=…, groups as all at once.

    Two splits: by publication (older articles first, as a daily run sees them) and by article id
    (a backfill in arbitrary order)."""
    whole = grouping(assign(reports))
    out = {}
    for name, key in (("by_publication", lambda r: (r.published or date.max, r.article_id)),
                      ("by_article_id", lambda r: (r.article_id,))):
        articles = sorted({key(r) for r in reports})
        first = set(articles[:len(articles) // 2])
        before = {eid: iid for eid, (iid, _) in assign([r for r in reports if key(r) in first]).items()}
        out[name] = grouping(assign(reports, before)) == whole
    return out


def system_reports(lines: list[dict]) -> tuple[list[Report], dict[str, list[dict]]]:
    """Runs analyze on every gold article; returns the Reports and each article's system events as JSON."""
    reports: list[Report] = []
    as_json: dict[str, list[dict]] = {}
    for line in lines:
        article, problems = to_article(line["article"], "gold", None)
        if article is None:
            print(f"unreadable gold article: {problems}", file=sys.stderr)
            continue
        events = analyze(article)
        as_json[article.id] = [e.to_json() for e in events]
        reports += [Report(f"{article.id}#{i}", article.id, article.outlet, article.published, e, article.text)
                    for i, e in enumerate(events)]
    return reports, as_json


def cliques(keep: list, comp: list[int], linked, alike=None) -> list[int]:
    """Splits each component into its first fewest pairwise-linked groups: the gold incident of each event.

    Within one article the gold has already applied ACLED's one-event rule, so two events of one
    article are two incidents; and a chain A~B~C with A and C unlinked is not one incident."""
    out = [0] * len(keep)
    number = 0
    for c in sorted(set(comp)):
        for group in clique_cover([k for k in range(len(keep)) if comp[k] == c], linked, alike):
            for k in group:
                out[k] = number
            number += 1
    return out


def measure(lines: list[dict], with_optional: bool, sys_reports: list[Report],
            sys_json: dict[str, list[dict]]) -> dict:
    """Builds the gold incidents for one variant and scores gold-event and system-event fusion on them."""
    keep = [(line["article"], i, g) for line in lines for i, g in enumerate(line["events"])
            if with_optional or not g.get("optional")]

    def linked(x: int, y: int) -> bool:
        return keep[x][0]["id"] != keep[y][0]["id"] and gold_linked(keep[x][2], keep[y][2])

    def floor(gold_events: list[int]) -> int:
        return min_cliques(gold_events, linked)
    gold_reports = [gold_report(a, i, g) for a, i, g in keep]
    t = time.perf_counter()
    fused_gold = assign(gold_reports)
    gold_seconds = time.perf_counter() - t
    fused_sys = assign(sys_reports)
    comp = components([(a["id"], g) for a, _, g in keep])
    out: dict = {"gold_events": len(keep)}
    def alike(x: int, y: int) -> bool:
        a, b = keep[x][2], keep[y][2]
        return a["sub_event_type"] == b["sub_event_type"] and set(a["actors"]) == set(b["actors"])
    for name, part in (("components", comp), ("cliques", cliques(keep, comp, linked, alike))):
        n_gold = len(set(part))
        reports_per: dict[int, set] = {}
        for (a, _, _), c in zip(keep, part):
            reports_per.setdefault(c, set()).add(a["id"])
        gold_of = {f"{a['id']}#g{i}": (c, k) for k, ((a, i, _), c) in enumerate(zip(keep, part))}
        stands_for = {}
        for line in lines:
            aid = line["article"]["id"]
            for pair in match_article(aid, line["events"], sys_json.get(aid, [])).pairs:
                key = f"{aid}#g{pair.gold}"
                if key in gold_of:
                    stands_for[f"{aid}#{pair.system}"] = gold_of[key]
        out[name] = {
            "gold_incidents": n_gold,
            "gold_incidents_with_2plus_reports": sum(1 for s in reports_per.values() if len(s) > 1),
            "gold_fusion": metrics({k: v[0] for k, v in fused_gold.items()}, gold_of, n_gold, floor, linked),
            "system_fusion": {**metrics({k: v[0] for k, v in fused_sys.items()}, stands_for, n_gold, floor, linked),
                              "system_events": len(sys_reports), "system_events_matched": len(stands_for)},
        }
    out["gold_fusion_seconds"] = round(gold_seconds, 4)
    out["incremental_same_grouping"] = {"gold_events": incremental_same(gold_reports),
                                        "system_events": incremental_same(sys_reports)}
    return out


def scaled(reports: list[Report], target: int, seed: int = 7) -> list[Report]:
    """Replicates reports to `target` events: copies in fresh articles, three copies per 30-day shift, ≤ 3 km jitter."""
    rng = random.Random(seed)
    out: list[Report] = []
    k = 0
    while len(out) < target:
        shift = timedelta(days=30 * (k // 3))
        for r in reports:
            if len(out) >= target:
                break
            ev, loc = r.event, r.event.location
            if loc is not None:
                loc = replace(loc, latitude=loc.latitude + rng.uniform(-0.02, 0.02),
                              longitude=loc.longitude + rng.uniform(-0.02, 0.02))
            ev = replace(ev, article_id=f"{ev.article_id}~{k}", location=loc,
                         event_date=ev.event_date + shift if ev.event_date else None)
            out.append(replace(r, event_id=f"{r.event_id}~{k}", article_id=f"{r.article_id}~{k}", event=ev,
                               published=r.published + shift if r.published else None))
        k += 1
    return out


def timing(pool: Path, scale: int) -> dict:
    """Times fuse on the pool's system events and on a synthetic scale-up of them."""
    reports: list[Report] = []
    for article in read_articles(pool):
        if isinstance(article, ReadError):
            continue
        reports += [Report(f"{article.id}#{i}", article.id, article.outlet, article.published, e, article.text)
                    for i, e in enumerate(analyze(article))]
    out = {}
    for name, batch in (("pool", reports), (f"synthetic_{scale}", scaled(reports, scale))):
        t = time.perf_counter()
        incidents = fuse(batch)
        seconds = time.perf_counter() - t
        out[name] = {"events": len(batch), "incidents": len(incidents),
                     "multi_report_incidents": sum(1 for i in incidents if len({m.article_id for m in i.members}) > 1),
                     "largest_incident": max((len(i.members) for i in incidents), default=0),
                     "grades": dict(sorted(Counter(i.grade for i in incidents).items())),
                     "fuse_seconds": round(seconds, 2)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--scale", type=int, default=30000)
    args = ap.parse_args()
    shared = Path(args.shared)
    dev = shared / "corpus" / "dev.gold.jsonl"
    if not dev.is_file():
        print(f"no {dev}: nothing to measure (the cross-report gold needs ../shared)", file=sys.stderr)
        return
    lines = [line for path in [dev, *sorted((shared / "examples").glob("*.gold.jsonl"))]
             for line in read_gold(path) if "skip" not in line]
    sys_reports, sys_json = system_reports(lines)
    result = {"articles": len(lines),
              "required": measure(lines, False, sys_reports, sys_json),
              "with_optional": measure(lines, True, sys_reports, sys_json)}
    pool = shared / "corpus" / "pool.jsonl"
    if pool.is_file():
        result["timing"] = timing(pool, args.scale)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
