"""rasid.records: the Event JSON written out matches EVENTS.md §2."""
import dataclasses
import json
import re
from datetime import date

import pytest

from rasid.records import Article, Claim, Event, Evidence, Fatalities, Location

TOP_KEYS = {"article_id", "event_date", "time_precision", "event_type", "sub_event_type",
            "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "country", "fatalities",
            "wounded", "captured", "claims", "contested", "evidence", "notes"}
# EVENTS.md §2 location keys, plus rasid's «reason»
LOCATION_KEYS = {"name", "place_id", "admin1", "admin2", "latitude", "longitude", "geo_precision", "reason"}
CLAIM_KEYS = {"source", "stance", "start", "end"}
# EVENTS.md §2 evidence keys, plus the rule that produced the span
EVIDENCE_KEYS = {"start", "end", "rule"}


def _event(**kw):
    base = dict(article_id="a1", event_date=date(2018, 10, 26), time_precision=1,
                event_type="Battles", sub_event_type="Non-state actor overtakes territory",
                actor1="IS", actor2="SDF",
                location=Location("هجين", 34.691234567, 40.831234567, 1, "osm:1", "Deir ez-Zor",
                                  "Al Bukamal", "only candidate"),
                fatalities=Fatalities(60, 70, 80), assoc_actor_1=("X",), wounded=5, captured=None,
                claims=(Claim("SOHR", "asserts", 3, 9),), contested=False,
                evidence=(Evidence(0, 12, "sentence"), Evidence(3, 9, "trigger:x")), notes="n")
    base.update(kw)
    return Event(**base)


def test_keys():
    out = _event().to_json()
    assert set(out) == TOP_KEYS
    assert set(out["location"]) == LOCATION_KEYS
    assert set(out["fatalities"]) == {"low", "best", "high"}
    assert all(set(c) == CLAIM_KEYS for c in out["claims"])
    assert all(set(e) == EVIDENCE_KEYS for e in out["evidence"])


def test_values():
    out = _event().to_json()
    assert out["event_date"] == "2018-10-26"
    assert out["fatalities"] == {"low": 60, "best": 70, "high": 80}
    assert out["assoc_actor_1"] == ["X"] and out["assoc_actor_2"] == []
    assert out["location"]["latitude"] == 34.69123 and out["location"]["longitude"] == 40.83123
    assert out["location"]["reason"] == "only candidate"
    assert out["claims"] == [{"source": "SOHR", "stance": "asserts", "start": 3, "end": 9}]
    assert out["evidence"][1] == {"start": 3, "end": 9, "rule": "trigger:x"}
    assert (out["wounded"], out["captured"]) == (5, None)


def test_json_round_trip():
    out = _event().to_json()
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out


def test_missing_date_and_place_are_null():
    out = _event(event_date=None, location=None).to_json()
    assert out["event_date"] is None and out["location"] is None


def test_defaults():
    out = Event("a", None, 1, "Battles", "Armed clash", "SYR_GOV", None, None).to_json()
    assert out["fatalities"] == {"low": 0, "best": 0, "high": 0}
    assert out["claims"] == [] and out["evidence"] == [] and out["contested"] is False


@pytest.mark.parametrize("record", [
    Article("a", "نص"), _event(), Fatalities(), Evidence(0, 1, "r"),
    Location("x", 1.0, 2.0, 1), Claim("SOHR", "asserts", 0, 1),
])
def test_records_are_frozen(record):
    field = dataclasses.fields(record)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, None)


def test_keys_follow_the_contract(shared_dir):
    spec = (shared_dir / "spec" / "EVENTS.md").read_text(encoding="utf-8")
    section = spec.split("## 2.", 1)[1]
    example = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))
    out = _event().to_json()
    assert set(out) == set(example) | {"country"}  # rasid adds the event's country (rasid/world.py)
    assert set(out["location"]) == set(example["location"]) | {"reason"}
    assert set(out["fatalities"]) == set(example["fatalities"])
    assert set(out["claims"][0]) == set(example["claims"][0])
    assert set(out["evidence"][0]) == set(example["evidence"][0]) | {"rule"}
