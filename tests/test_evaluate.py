"""Scoring by EVENTS.md §3, and parity with the reference scorer."""
from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from datetime import date, timedelta

import pytest

from rasid.evaluate import GoldError, error_report, format_errors, km, read_gold, read_system, score

HIRAK = (32.8534, 36.3021)  # a Daraa town
TEXT = "قصفت قوات النظام بلدة الحراك مساء الأحد، وقتل مدنيان. واشتبكت الفصائل مع قوات النظام قرب إزرع."


def north(point, km_away):
    """Returns the point km_away kilometres due north (1° of latitude ≈ 111.195 km)."""
    return point[0] + km_away / (6371 * math.pi / 180), point[1]


def gold_event(**over):
    event = {"event_date": "2018-06-24", "time_precision": 1, "event_type": "Explosions/Remote violence",
             "sub_event_type": "Shelling/artillery/missile attack", "sub_event_type_alt": [],
             "actors": ["SYR_GOV", "CIVILIANS"],
             "locations": [{"name": "الحراك", "latitude": HIRAK[0], "longitude": HIRAK[1]}],
             "geo_precision": 1, "fatalities": {"min": 2, "max": 2}, "captured": None, "contested": False,
             "sources": [], "optional": False, "evidence": "قصفت قوات النظام بلدة الحراك", "comment": ""}
    event.update(over)
    return event


def sys_event(at=HIRAK, **over):
    event = {"article_id": "a1", "event_date": "2018-06-24", "time_precision": 1,
             "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
             "actor1": "SYR_GOV", "actor2": "CIVILIANS",
             "location": {"name": "الحراك", "latitude": at[0], "longitude": at[1], "geo_precision": 1},
             "fatalities": {"low": 2, "best": 2, "high": 2}, "contested": False,
             "evidence": [{"start": 0, "end": 28}]}
    event.update(over)
    return event


def gold(*events, article_id="a1", text=TEXT):
    return [{"article": {"id": article_id, "text": text, "published": "2018-06-25"}, "events": list(events)}]


def counts(result):
    return result["tp"], result["fp"], result["fn"]


def test_perfect_match():
    result = score(gold(gold_event()), [sys_event()])
    assert counts(result) == (1, 0, 0)
    assert (result["precision"], result["recall"], result["f1"], result["full_match_f1"]) == (1.0, 1.0, 1.0, 1.0)
    assert set(result["field_accuracy"].values()) == {1.0}
    assert result["per_article"] == [("a1", 1, 0, 0)]


def test_event_type_mismatch_is_a_miss_and_a_false_alarm():
    result = score(gold(gold_event()), [sys_event(event_type="Battles")])
    assert counts(result) == (0, 1, 1)
    assert result["field_accuracy"] == {} and result["f1"] == 0.0


@pytest.mark.parametrize("precision, gap, matches, date_right", [
    (1, 0, True, True), (1, 1, True, True), (1, 2, False, False),      # one night of slack
    (2, 3, True, True), (2, 4, True, False), (2, 5, False, False),     # ±3, +1 to match only
    (3, 15, True, True), (3, 16, True, False), (3, 17, False, False),  # ±15
])
def test_date_tolerance_by_precision(precision, gap, matches, date_right):
    day = (date(2018, 6, 24) - timedelta(days=gap)).isoformat()
    result = score(gold(gold_event(time_precision=precision)), [sys_event(event_date=day)])
    assert result["tp"] == int(matches)
    if matches:
        assert result["field_accuracy"]["date"] == float(date_right)


def test_gold_without_date_matches_any_date_and_system_without_date_matches_none():
    assert score(gold(gold_event(event_date=None)), [sys_event(event_date="2017-01-01")])["tp"] == 1
    assert score(gold(gold_event()), [sys_event(event_date=None)])["tp"] == 0


@pytest.mark.parametrize("geo_precision, km_away, matches, location_right", [
    (1, 5, True, True), (1, 15, True, False), (1, 24, True, False), (1, 26, False, False),
    (2, 24, True, False), (3, 40, True, True), (3, 59, True, True), (3, 61, False, False),
])
def test_distance_limits(geo_precision, km_away, matches, location_right):
    at = north(HIRAK, km_away)
    assert abs(km({"latitude": at[0], "longitude": at[1]}, {"latitude": HIRAK[0], "longitude": HIRAK[1]})
               - km_away) < 0.01
    result = score(gold(gold_event(geo_precision=geo_precision)), [sys_event(at=at)])
    assert result["tp"] == int(matches)
    if matches:
        assert result["field_accuracy"]["location_10km"] == float(location_right)


def test_nearest_of_several_gold_locations_counts():
    far = north(HIRAK, 100)
    event = gold_event(locations=[{"name": "بعيد", "latitude": far[0], "longitude": far[1]},
                                  {"name": "الحراك", "latitude": HIRAK[0], "longitude": HIRAK[1]}])
    assert score(gold(event), [sys_event(at=north(HIRAK, 3))])["field_accuracy"]["location_10km"] == 1.0


def test_system_event_without_location_never_matches():
    assert counts(score(gold(gold_event()), [sys_event(location=None)])) == (0, 1, 1)


def test_optional_events_count_neither_way():
    optional = gold_event(optional=True, event_type="Battles", sub_event_type="Armed clash")
    assert counts(score(gold(gold_event(), optional), [sys_event()])) == (1, 0, 0)
    found = sys_event(event_type="Battles", sub_event_type="Armed clash")
    result = score(gold(gold_event(), optional), [sys_event(), found])
    assert counts(result) == (1, 0, 0) and result["precision"] == 1.0


def test_matching_is_one_to_one():
    two_gold = gold(gold_event(), gold_event(evidence="another"))
    assert counts(score(two_gold, [sys_event()])) == (1, 0, 1)
    assert counts(score(gold(gold_event()), [sys_event(), sys_event()])) == (1, 1, 0)


@pytest.mark.parametrize("event_km, places, expected", [
    (17, 2, (1, 0, 0, 1)),   # 2 km from the second listed place: a split
    (17, 1, (1, 1, 0, 0)),   # the gold lists one place: a second event is a false alarm
    (27, 2, (1, 1, 0, 0)),   # 12 km from the second place: compatible, but too far for a split
])
def test_a_further_event_at_another_listed_place_is_a_split(event_km, places, expected):
    other = north(HIRAK, 15)
    locations = [{"name": "الحراك", "latitude": HIRAK[0], "longitude": HIRAK[1]},
                 {"name": "إزرع", "latitude": other[0], "longitude": other[1]}][:places]
    at_other = north(HIRAK, event_km)
    result = score(gold(gold_event(locations=locations)), [sys_event(), sys_event(at=at_other)])
    assert counts(result) + (result["split"],) == expected


def test_each_further_place_absorbs_one_split_only():
    other = north(HIRAK, 15)
    locations = [{"name": "الحراك", "latitude": HIRAK[0], "longitude": HIRAK[1]},
                 {"name": "إزرع", "latitude": other[0], "longitude": other[1]}]
    result = score(gold(gold_event(locations=locations)), [sys_event(), sys_event(at=other), sys_event(at=other)])
    assert counts(result) + (result["split"],) == (1, 1, 0, 1)


def test_the_candidate_with_more_right_fields_wins_even_if_farther():
    wrong_actor_near = sys_event(actor1="IS")
    right_far = sys_event(at=north(HIRAK, 8))
    result = score(gold(gold_event()), [wrong_actor_near, right_far])
    assert counts(result) == (1, 1, 0)
    assert result["full_match_f1"] > 0 and result["field_accuracy"]["actors"] == 1.0


def test_field_checks():
    g = gold_event(sub_event_type_alt=["Air/drone strike"], fatalities={"min": 2, "max": 5}, contested=True)
    result = score(gold(g), [sys_event(sub_event_type="Air/drone strike", actor1="CIVILIANS", actor2="SYR_GOV",
                                       fatalities={"best": 6}, contested=False)])
    assert result["field_accuracy"] == {"sub_event_type": 1.0, "actors": 1.0, "date": 1.0, "location_10km": 1.0,
                                        "fatalities": 0.0, "contested": 0.0}
    assert result["full_match_f1"] == 0.0 and result["f1"] == 1.0
    one_actor = gold_event(actors=["USA", "USA"])
    assert score(gold(one_actor), [sys_event(actor1="USA", actor2="SYR_GOV")])["field_accuracy"]["actors"] == 1.0


def test_precision_recall_rounding_and_skip_lines():
    lines = gold(gold_event(), gold_event(event_date="2018-06-01"), gold_event(event_date="2018-05-01"))
    lines.append({"article": {"id": "skipped", "text": ""}, "events": [], "skip": "unsuitable"})
    events = [sys_event(), sys_event(event_type="Battles"), sys_event(article_id="skipped"),
              sys_event(article_id="not-in-gold")]
    result = score(lines, events)
    assert counts(result) == (1, 1, 2)
    assert (result["precision"], result["recall"], result["f1"]) == (0.5, 0.333, 0.4)
    assert [row[0] for row in result["per_article"]] == ["a1"]


def test_error_report_lists_misses_false_alarms_and_wrong_fields():
    lines = gold(gold_event(), gold_event(event_type="Battles", sub_event_type="Armed clash", evidence="واشتبكت الفصائل"))
    start = TEXT.index("وقتل")
    false_alarm = sys_event(event_type="Violence against civilians", evidence=[{"start": start, "end": start + 11}])
    report = error_report(lines, [sys_event(fatalities={"best": 9}), false_alarm])
    [item] = report
    assert item["article_id"] == "a1"
    assert [m["evidence"] for m in item["misses"]] == ["واشتبكت الفصائل"]
    assert [f["evidence"] for f in item["false_alarms"]] == ["وقتل مدنيان"]
    assert [w["fields"] for w in item["wrong_fields"]] == [["fatalities"]]
    text = format_errors(report)
    assert "MISS" in text and "FALSE" in text and "«وقتل مدنيان»" in text and "fatalities" in text
    assert error_report(gold(gold_event()), [sys_event()]) == []


def test_read_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    good = json.dumps(gold(gold_event())[0], ensure_ascii=False)
    path.write_text(good + "\n\n" + json.dumps({"article": {"id": "x"}, "events": [{"event_type": "Battles"}]}) + "\n",
                    encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:3: "):
        read_gold(path)
    path.write_text(good + "\n{oops\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r":2: malformed JSON"):
        read_gold(path)


def test_read_system_leaves_out_bad_lines(tmp_path):
    path = tmp_path / "sys.jsonl"
    path.write_text(json.dumps(sys_event()) + "\n{oops\n[1]\n", encoding="utf-8")
    events, problems = read_system(path)
    assert len(events) == 1 and len(problems) == 2 and ":2:" in problems[0]


def perturbed_system_events(gold_lines, seed=7):
    """Turns gold events into system events with dropped, shifted, moved, mislabelled and extra ones."""
    rng = random.Random(seed)
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"]
    out = []
    for line in gold_lines:
        aid = line["article"]["id"]
        for g in line.get("events", []):
            if rng.random() < 0.15:
                continue
            loc = rng.choice(g["locations"])
            base = date.fromisoformat(g["event_date"]) if g.get("event_date") else date(2018, 6, 1)
            actors = list(g["actors"])
            if rng.random() < 0.2:
                actors = [actors[-1], rng.choice(["SYR_GOV", "IS", "OPP", "RUS"])]
            elif rng.random() < 0.3:
                actors.reverse()
            low, high = g["fatalities"]["min"], g["fatalities"]["max"]
            event = {
                "article_id": aid,
                "event_date": (base + timedelta(days=rng.choice([0, 0, 0, 1, -1, 2, 4, 16]))).isoformat(),
                "time_precision": g["time_precision"],
                "event_type": g["event_type"] if rng.random() < 0.9 else rng.choice(types),
                "sub_event_type": rng.choice([g["sub_event_type"]] * 3 + list(g.get("sub_event_type_alt") or [])
                                             + ["Armed clash"]),
                "actor1": actors[0], "actor2": actors[1] if len(actors) > 1 else None,
                "location": {"name": loc["name"], "latitude": loc["latitude"] + rng.uniform(-0.15, 0.15),
                             "longitude": loc["longitude"] + rng.uniform(-0.15, 0.15), "geo_precision": 1},
                "fatalities": {"low": low, "best": rng.choice([low, high, high + 1, max(low - 1, 0)]), "high": high},
                "contested": bool(g.get("contested")) ^ (rng.random() < 0.1),
                "evidence": [{"start": 0, "end": 10}],
            }
            out.append(event)
            for other in g["locations"]:
                if other is not loc and rng.random() < 0.6:  # one event per listed place, as ACLED codes them
                    out.append(dict(event, location={"name": other["name"], "latitude": other["latitude"] + 0.02,
                                                     "longitude": other["longitude"], "geo_precision": 1}))
            if rng.random() < 0.15:  # a near-duplicate competing for the same gold event
                out.append(dict(event, event_date=base.isoformat(), contested=not event["contested"]))
        if rng.random() < 0.3:  # a false alarm somewhere in Syria
            out.append({"article_id": aid, "event_date": "2018-05-05", "event_type": rng.choice(types),
                        "sub_event_type": "Armed clash", "actor1": "IS", "actor2": "SDF",
                        "location": {"latitude": 35.0 + rng.uniform(0, 2), "longitude": 38.0 + rng.uniform(0, 3)},
                        "fatalities": {"best": rng.randint(0, 9)}, "contested": False})
    out.append(dict(out[0], article_id="not-in-gold"))
    return out


def test_parity_with_the_reference_scorer(shared_dir, tmp_path):
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_bytes((shared_dir / "corpus" / "dev.gold.jsonl").read_bytes()
                          + (shared_dir / "corpus" / "dev2.gold.jsonl").read_bytes()
                          + b"".join(p.read_bytes() for p in sorted((shared_dir / "examples").glob("*.gold.jsonl"))))
    gold_lines = read_gold(gold_path)
    for seed in (7, 11, 2018):
        events = perturbed_system_events(gold_lines, seed)
        sys_path = tmp_path / f"sys{seed}.jsonl"
        sys_path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events) + "{broken\n",
                            encoding="utf-8")
        reference = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(gold_path),
                                    str(sys_path), "--json"], capture_output=True, text=True, check=True)
        expected = json.loads(reference.stdout)
        mine = json.loads(json.dumps(score(gold_lines, read_system(sys_path)[0]), ensure_ascii=False))
        assert mine == expected
        assert 0 < expected["tp"] and 0 < expected["fp"] and 0 < expected["fn"] and 0 < expected["split"]
        assert 0 < expected["full_match_f1"] < expected["f1"] < 1
