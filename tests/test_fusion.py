"""Cross-report fusion: which reports become one incident, and how the incident sums them up."""
from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from rasid import fusion
from rasid.fusion import FOUNDED, KEPT, assign, fuse, incident, incident_id
from rasid.records import Claim, Event, Fatalities, Location, Report, Version

DOUMA = (33.5718, 36.4027)
STRIKE = "Explosions/Remote violence"
AIR = "Air/drone strike"
TEXT = "قال المرصد إن طائرات حربية قصفت مدينة دوما صباح اليوم. ونفت وزارة الدفاع الروسية أي غارة على المدينة."


def moved(point, km_north=0.0, km_east=0.0):
    """Returns the point moved km north and east (1° of latitude ≈ 111.195 km)."""
    lat = point[0] + km_north / 111.195
    return lat, point[1] + km_east / (111.195 * math.cos(math.radians(lat)))


def report(eid, article, day="2018-03-16", prec=1, at=DOUMA, geo=1, a1="SYR_GOV", a2="CIVILIANS",
           family=STRIKE, sub=AIR, outlet=None, published="", fat=(0, 0, 0), claims=(), text="",
           contested=False, name="دوما", place_id=None):
    """Builds a Report with one hand-made event; `published` defaults to the event day."""
    when = date.fromisoformat(day) if day else None
    pub = date.fromisoformat(published) if published else when
    ev = Event(article_id=article, event_date=when, time_precision=prec, event_type=family,
               sub_event_type=sub, actor1=a1, actor2=a2,
               location=Location(name, at[0], at[1], geo, place_id=place_id) if at else None,
               fatalities=Fatalities(*fat), claims=tuple(claims), contested=contested)
    return Report(eid, article, outlet or f"outlet of {article}", pub, ev, text)


def together(assigned, *eids) -> bool:
    return len({assigned[e][0] for e in eids}) == 1


def test_same_strike_from_two_outlets_fuses_with_its_reason():
    a = report("e1", "bbc", outlet="BBC Arabic")
    b = report("e2", "f24", at=moved(DOUMA, 3.0), outlet="France 24 Arabic", sub="Shelling/artillery/missile attack")
    out = assign([a, b])
    assert together(out, "e1", "e2")
    founder, joiner = sorted([out["e1"][1], out["e2"][1]], key=len)
    assert founder == FOUNDED
    assert "same family Explosions/Remote violence" in joiner
    assert "3.0 km apart (limit 10 km at precision 1)" in joiner
    assert "{CIVILIANS,SYR_GOV}∩{CIVILIANS,SYR_GOV}" in joiner


@pytest.mark.parametrize("prec_a, prec_b, days, fused", [
    (1, 1, 0, True), (1, 1, 1, True), (1, 1, 2, False),
    (1, 2, 3, True), (1, 2, 4, False),
    (2, 2, 6, True), (2, 2, 7, False),
])
def test_dates_are_compatible_within_their_precisions(prec_a, prec_b, days, fused):
    a = report("e1", "a1", day="2018-03-10", prec=prec_a)
    b = report("e2", "a2", day=(date(2018, 3, 10) + timedelta(days=days)).isoformat(), prec=prec_b)
    assert together(assign([a, b]), "e1", "e2") is fused


@pytest.mark.parametrize("day_b, fused", [("2018-03-28", True), ("2018-04-02", False)])
def test_month_precision_fuses_within_the_month(day_b, fused):
    a = report("e1", "a1", day="2018-03-15", prec=3)
    b = report("e2", "a2", day=day_b, prec=3)
    assert together(assign([a, b]), "e1", "e2") is fused


@pytest.mark.parametrize("km, geo, fused", [
    (8, 1, True), (12, 1, False), (20, 2, True), (30, 2, False), (50, 3, True), (70, 3, False),
])
def test_distance_limit_depends_on_geo_precision(km, geo, fused):
    a = report("e1", "a1", geo=geo)
    b = report("e2", "a2", at=moved(DOUMA, km_east=km), geo=1)
    assert together(assign([a, b]), "e1", "e2") is fused


@pytest.mark.parametrize("actors_b, fused", [
    (("IS", "SDF"), False),                 # both known, disjoint
    (("UNIDENTIFIED", None), True),         # the other side knows no one
    (("UNIDENTIFIED", "SYR_GOV"), True),    # unknown attacker, same target
    (("SYR_GOV", "OPP"), True),             # the same attacker
])
def test_actor_sets_must_meet_unless_one_is_unknown(actors_b, fused):
    a = report("e1", "a1", a1="SYR_GOV", a2="OPP")
    b = report("e2", "a2", a1=actors_b[0], a2=actors_b[1])
    assert together(assign([a, b]), "e1", "e2") is fused


@pytest.mark.parametrize("attacker_b, fused", [("RUS", True), ("OPP", False)])
def test_civilians_alone_link_only_allies_blamed_for_one_strike(attacker_b, fused):
    a = report("e1", "a1", a1="SYR_GOV", a2="CIVILIANS")
    b = report("e2", "a2", a1=attacker_b, a2="CIVILIANS")
    assert together(assign([a, b]), "e1", "e2") is fused


def test_battles_and_strikes_are_different_families():
    a = report("e1", "a1", family="Battles", sub="Armed clash", a2="OPP")
    b = report("e2", "a2", a2="OPP")
    assert not together(assign([a, b]), "e1", "e2")


def test_events_of_one_article_never_fuse():
    a = report("e1", "same")
    b = report("e2", "same")
    c = report("e3", "other")
    out = assign([a, b, c])
    assert not together(out, "e1", "e2")
    assert together(out, "e1", "e3") != together(out, "e2", "e3")


def test_complete_linkage_stops_chains():
    # a~b and b~c (one day apart each), but a and c are two days apart: never one incident
    rs = [report(f"e{i}", f"art{i}", day=f"2018-03-1{i}") for i in range(3)]
    out = assign(rs)
    assert not together(out, "e0", "e1", "e2")
    assert not together(out, "e0", "e2")


def test_undated_event_uses_its_articles_publication_week():
    dated = report("e1", "a1", day="2018-03-03")
    undated = report("e2", "a2", day=None, published="2018-03-05")
    unpublished = report("e3", "a3", day=None, published=None)
    out = assign([dated, undated, unpublished])
    assert together(out, "e1", "e2")
    assert not together(out, "e1", "e3")
    assert "never fused" in out["e3"][1]


def test_event_without_place_is_not_fused():
    out = assign([report("e1", "a1"), report("e2", "a2", at=None)])
    assert not together(out, "e1", "e2")
    assert "no place" in out["e2"][1]


def test_neighbours_across_grid_cells_and_weeks_are_found():
    # the two points straddle a cell corner, and `last`/`last + 1 day` a week edge (ordinal // 7), of the candidate index
    deg = fusion._CELL_DEG
    lat, lon = math.ceil(DOUMA[0] / deg) * deg, math.ceil(DOUMA[1] / deg) * deg
    last = date.fromordinal((date(2018, 3, 10).toordinal() // 7) * 7 + 6)
    assert last.toordinal() // 7 != (last + timedelta(days=1)).toordinal() // 7
    a = report("e1", "a1", day=last.isoformat(), at=(lat - 0.0005, lon - 0.0001))
    b = report("e2", "a2", day=(last + timedelta(days=1)).isoformat(), at=(lat + 0.0005, lon + 0.0001))
    assert together(assign([a, b]), "e1", "e2")


def _random_reports(n: int, seed: int) -> list[Report]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = date(2018, 3, 1) + timedelta(days=rng.randrange(20))
        at = moved(DOUMA, rng.uniform(-40, 40), rng.uniform(-40, 40))
        out.append(report(f"e{i}", f"art{rng.randrange(n // 2)}", day=day.isoformat(), prec=rng.choice((1, 1, 2, 3)),
                          at=at, geo=rng.choice((1, 1, 2, 3)), a1=rng.choice(("SYR_GOV", "RUS", "UNIDENTIFIED")),
                          published=(day + timedelta(days=rng.randrange(3))).isoformat()))
    return out


def test_candidate_index_loses_no_candidate(monkeypatch):
    rs = _random_reports(160, seed=3)
    indexed = assign(rs)
    # The reference looks at every placed event: the index may only save time, never change a choice.
    monkeypatch.setattr(fusion._Index, "near", lambda self, item: {k for v in self.buckets.values() for k in v})
    assert assign(rs) == indexed
    assert len({iid for iid, _ in indexed.values()}) < len(rs)  # the sample does fuse


def test_incremental_runs_keep_ids_and_group_as_one_run():
    rs = _random_reports(120, seed=5)
    rs.sort(key=lambda r: (r.published, r.article_id))
    cut = next(i for i in range(len(rs) // 2, len(rs)) if rs[i].published != rs[i - 1].published)
    first = assign(rs[:cut])
    second = assign(rs, {eid: iid for eid, (iid, _) in first.items()})
    whole = assign(rs)
    for eid, (iid, why) in first.items():
        assert second[eid] == (iid, why)  # same incident and the same reason, recomputed
    assert second == whole


def test_kept_event_whose_founder_is_absent_says_so():
    a, b = report("e1", "a1"), report("e2", "a2")
    out = assign([b], {"e2": incident_id(a.event_id)})
    assert out["e2"] == (incident_id("e1"), KEPT)


def test_new_event_joins_an_existing_incident():
    a, b = report("e1", "a1"), report("e2", "a2")
    out = assign([a, b], {"e1": "inc-stored"})
    assert out["e1"][0] == out["e2"][0] == "inc-stored"


@pytest.mark.parametrize("tolls, expected", [
    ([(3, 5, 5), (4, 4, 10), (5, 5, 6), (0, 0, 0)], (3, 5, 10)),   # most-supported best
    ([(3, 3, 3), (3, 3, 3), (9, 9, 9), (10, 10, 10), (12, 12, 12)], (3, 3, 12)),  # two agree: not the median 9
    ([(2, 2, 2), (7, 7, 9), (12, 12, 12)], (2, 7, 12)),            # no agreement: median
    ([(0, 0, 0), (0, 0, 0)], (0, 0, 0)),                           # no toll at all
])
def test_fatalities_across_reports(tolls, expected):
    rs = [report(f"e{i}", f"a{i}", fat=t) for i, t in enumerate(tolls)]
    inc = fuse(rs)
    assert len(inc) == 1
    assert (inc[0].fatalities.low, inc[0].fatalities.best, inc[0].fatalities.high) == expected


def test_ledger_quotes_claims_and_a_denial_grades_denied():
    said = TEXT.index("قال المرصد")
    denial = TEXT.index("ونفت")
    a = report("e1", "a1", a1="RUS", text=TEXT, claims=[
        Claim("SOHR", "asserts", said, TEXT.index(".")), Claim("RUS_MOD", "denies", denial, len(TEXT))])
    b = report("e2", "a2", a1="RUS", text="المرصد: غارات على دوما.", claims=[Claim("SOHR", "asserts", 0, 6)])
    (inc,) = fuse([a, b])
    assert [(e.source, e.stance, e.article_id) for e in inc.ledger] == [
        ("SOHR", "asserts", "a1"), ("RUS_MOD", "denies", "a1")]
    assert inc.ledger[1].quote == TEXT[denial:].strip()
    assert inc.grade == "denied by a party" and inc.contested


def test_long_quote_is_cut_at_a_word():
    text = "غارات " * 120
    (inc,) = fuse([report("e1", "a1", text=text, claims=[Claim("SOHR", "asserts", 0, len(text))])])
    quote = inc.ledger[0].quote
    assert quote.endswith(" …") and len(quote) <= fusion.QUOTE_CHARS + 2
    assert set(quote[:-2].split(" ")) == {"غارات"}


@pytest.mark.parametrize("reports, grade", [
    ([("a1", "BBC Arabic", "SYR_GOV", False)], "single source"),
    ([("a1", "BBC Arabic", "SYR_GOV", False), ("a2", "CNN Arabic", "SYR_GOV", False)], "several sources"),
    ([("a1", "BBC Arabic", "SYR_GOV", False), ("a2", "CNN Arabic", "RUS", False)], "contested attribution"),
    ([("a1", "BBC Arabic", "SYR_GOV", True)], "contested attribution"),
    ([("a1", "BBC Arabic", "SYR_GOV", False), ("a2", "CNN Arabic", "UNIDENTIFIED", False)], "several sources"),
])
def test_grade(reports, grade):
    rs = [report(f"e{i}", art, outlet=outlet, a1=a1, contested=c) for i, (art, outlet, a1, c) in enumerate(reports)]
    (inc,) = fuse(rs)
    assert inc.grade == grade
    assert inc.actor1 == "SYR_GOV"  # the majority known attacker, UNIDENTIFIED never wins over a name


def test_summary_takes_the_most_precise_place_and_dates():
    rs = [report("e1", "a1", day="2018-03-15", prec=3, geo=3, name="الغوطة الشرقية"),
          report("e2", "a2", day="2018-03-09", prec=1, geo=2, at=moved(DOUMA, 2), name="ريف دوما"),
          report("e3", "a3", day="2018-03-10", prec=1, geo=1, at=moved(DOUMA, 1), name="دوما", place_id="p1"),
          report("e4", "a4", day="2018-03-09", prec=1, geo=1, at=moved(DOUMA, 3), name="حرستا", place_id="p2"),
          report("e5", "a5", day="2018-03-10", prec=2, geo=1, at=moved(DOUMA, 1), name="دوما", place_id="p1")]
    (inc,) = fuse(rs)
    assert inc.location.name == "دوما"  # precision 1, given by two reports
    assert (inc.date_start, inc.date_end, inc.time_precision) == (date(2018, 3, 9), date(2018, 3, 10), 1)
    # members in publication order (each report here is published on its event day)
    assert [m.event_id for m in inc.members] == ["e2", "e4", "e3", "e5", "e1"]


def test_incident_members_carry_their_reasons_and_ids_are_sorted():
    rs = [report("e1", "a1"), report("e2", "a2"), report("e3", "a3", day="2018-05-01")]
    incidents = fuse(rs)
    assert [i.incident_id for i in incidents] == sorted(i.incident_id for i in incidents)
    assert all(i.incident_id.startswith("inc-") and len(i.incident_id) == 16 for i in incidents)
    reasons = {m.event_id: m.reason for i in incidents for m in i.members}
    assert reasons["e3"] == FOUNDED and sum(r == FOUNDED for r in reasons.values()) == 2


def test_fusion_is_deterministic_whatever_the_input_order():
    rs = _random_reports(80, seed=11)
    shuffled = rs[:]
    random.Random(1).shuffle(shuffled)
    assert [i.to_json() for i in fuse(rs)] == [i.to_json() for i in fuse(shuffled)]


def test_incident_needs_reports():
    with pytest.raises(ValueError):
        incident("inc-x", [], {})


def test_an_unclaimed_strike_and_a_claimed_one_on_allies_of_one_side_fuse():
    t4 = (34.522, 37.627)
    a = report("e1", "bbc", at=t4, a1="UNIDENTIFIED", a2="SYR_GOV")
    b = report("e2", "cnn", at=t4, a1="ISR", a2="IRN_IRGC")
    c = report("e3", "sky", at=t4, a1="UNIDENTIFIED", a2="OPP")
    out = assign([a, b, c])
    assert together(out, "e1", "e2")
    assert not together(out, "e1", "e3") and not together(out, "e2", "e3")


def test_a_report_joins_the_incident_of_its_own_sub_type_first():
    # ids chosen so that the last tie-break (incident id) alone would pick the raid's incident
    chem = report("e2", "bbc", day="2018-04-08", sub="Chemical weapon")
    raid = report("e1", "bbc", day="2018-04-06")
    later = report("e3", "cnn", day="2018-04-07", sub="Chemical weapon", published="2018-04-12")
    out = assign([chem, raid, later])
    assert together(out, "e2", "e3") and not together(out, "e1", "e3")


# ---------------------------------------------------------------- disputed stories (versions)



def _disputed(eid, article, **kw):
    """A report whose event is contested: SNHR blames Russian jets (27 dead), SOHR the coalition (19)."""
    r = report(eid, article, a1="RUS", fat=(19, 27, 27), contested=True,
               claims=[Claim("SNHR", "asserts", 0, 5)], **kw)
    versions = (Version("RUS", "CIVILIANS", AIR, Fatalities(27, 27, 27), (Claim("SNHR", "asserts", 0, 5),)),
                Version("COALITION", "CIVILIANS", AIR, Fatalities(19, 19, 19), (Claim("SOHR", "asserts", 6, 9),)))
    return Report(r.event_id, r.article_id, r.outlet, r.published, replace(r.event, versions=versions), r.text)


def test_a_report_telling_another_reports_version_fuses_with_it():
    a = _disputed("e1", "furat")
    b = report("e2", "sham", a1="COALITION", fat=(20, 20, 20), claims=[Claim("SOHR", "asserts", 0, 5)])
    assert together(assign([a, b]), "e1", "e2")
    # without the versions, a Russian and a coalition strike that share only their victims stay apart
    plain = report("e1", "furat", a1="RUS", fat=(27, 27, 27))
    assert not together(assign([plain, b]), "e1", "e2")


def test_an_incident_merges_the_versions_of_its_reports():
    a = _disputed("e1", "furat")
    b = report("e2", "sham", a1="COALITION", fat=(20, 20, 20), claims=[Claim("AFP", "asserts", 0, 5)])
    [inc] = fuse([a, b])
    assert inc.contested
    by_actor = {v.actor1: v for v in inc.versions}
    assert set(by_actor) == {"RUS", "COALITION"}
    coalition = by_actor["COALITION"]
    assert (coalition.fatalities.low, coalition.fatalities.high) == (19, 20)
    assert {c.source for c in coalition.claims} == {"SOHR", "AFP"}
    assert inc.to_json()["versions"][0]["actor1"] in ("RUS", "COALITION")


def test_an_undisputed_incident_has_no_versions():
    [inc] = fuse([report("e1", "a"), report("e2", "b", outlet="other")])
    assert not inc.contested and inc.versions == () and "versions" not in inc.to_json()


def test_incident_versions_round_trip_through_the_store_json():
    from rasid.store import incident_from_json
    [inc] = fuse([_disputed("e1", "furat"), report("e2", "sham", a1="COALITION", fat=(20, 20, 20))])
    assert incident_from_json(inc.to_json()) == inc
