"""Tests for rasid/export.py: ACLED CSV columns and values, filters, GeoJSON and JSON lines."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from rasid import export, gazetteer
from rasid.export import ACLED_COLUMNS, Filter, parse_bbox, parse_types
from rasid.records import (Claim, Event, Fatalities, Incident, LedgerEntry, Location, Member,
                           Report, Version)

NOW = 1764770000


def _town(name: str) -> gazetteer.Place:
    return next(p for p in gazetteer.lookup(name) if p.feature in ("town", "city"))


def _loc(name: str, precision: int = 1) -> Location:
    p = _town(name)
    return Location(name, p.latitude, p.longitude, precision, p.place_id, p.admin1 or None,
                    p.admin2 or None)


def _incident(**changes) -> Incident:
    base = Incident(
        incident_id="inc-000000000001", event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        date_start=date(2018, 10, 26), date_end=date(2018, 10, 26), time_precision=1,
        actor1="IS", actor2="SDF", location=_loc("هجين"), fatalities=Fatalities(70, 80, 95),
        assoc_actor_1=(), assoc_actor_2=("COALITION",),
        members=(Member("ev-1", "a1", "Sky News Arabia", date(2018, 10, 27), "founder"),
                 Member("ev-2", "a2", "BBC Arabic", date(2018, 10, 27), "same place and day")),
        ledger=(LedgerEntry("SOHR", "asserts", "a1", 10, 40, "قال المرصد إن التنظيم سيطر على البلدة"),
                LedgerEntry("SDF_PR", "denies", "a2", 5, 30, "نفت قسد انسحابها")),
        grade="contested attribution", contested=True,
        notes="On 26 October 2018, Islamic State took control of Hajin [هجين].")
    return replace(base, **changes)


def _row(inc: Incident) -> dict[str, str]:
    return next(export.acled_rows([inc], now=NOW))


def _csv(items) -> str:
    buf = io.StringIO(newline="")
    export.write_acled_csv(items, buf, now=NOW)
    return buf.getvalue()


# ---------------------------------------------------------------- ACLED CSV

def test_header_is_acleds_31_columns_in_order():
    header = _csv([_incident()]).split("\n", 1)[0]
    assert header.split(",") == list(ACLED_COLUMNS)
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[0] == "event_id_cnty" and ACLED_COLUMNS[-1] == "timestamp"
    assert ACLED_COLUMNS.index("civilian_targeting") == 14 and ACLED_COLUMNS.index("tags") == 29


def test_row_values_follow_the_acled_codebook():
    row = _row(_incident())
    assert list(row) == list(ACLED_COLUMNS)
    assert row["event_date"] == "2018-10-26" and row["year"] == "2018"
    assert row["time_precision"] == "1"
    assert row["disorder_type"] == "Political violence"
    assert row["actor1"] == "Islamic State" and row["actor2"] == "QSD: Syrian Democratic Forces"
    assert row["assoc_actor_2"] == "International Coalition against IS (US-led)"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("2", "2", "22")
    assert row["civilian_targeting"] == ""
    assert (row["iso"], row["region"], row["country"]) == ("760", "Middle East", "Syria")
    assert row["admin1"] == "Deir ez-Zor" and row["admin3"] == _town("هجين").admin3
    assert row["location"] == _town("هجين").name_en
    assert row["latitude"] == f"{_town('هجين').latitude:.4f}"
    assert row["fatalities"] == "70"
    assert "fatalities best=80 high=95" in row["tags"] and "contested" in row["tags"]
    assert "grade=contested attribution" in row["tags"]
    assert row["timestamp"] == str(NOW)


def test_sources_are_outlets_and_ledger_named_in_latin_with_a_scale():
    row = _row(_incident())
    assert row["source"].split("; ") == ["Sky News Arabia", "BBC Arabic",
                                         "Syrian Observatory for Human Rights", "SDF statement"]
    assert row["source_scale"] == "Multiple"  # Regional, International and Other
    one = _incident(members=(Member("ev-1", "a1", "Sky News Arabia", None, "founder"),), ledger=())
    assert _row(one)["source_scale"] == "Regional"
    two = replace(one, ledger=(LedgerEntry("REUTERS", "asserts", "a1", 0, 5),))
    assert _row(two)["source_scale"] == "Regional-International"


@pytest.mark.parametrize("actor1, actor2, inter1, inter2, interaction, targeting", [
    ("SYR_GOV", "OPP", "1", "2", "12", ""),
    ("OPP", "SYR_GOV", "2", "1", "12", ""),
    ("RUS", "CIVILIANS", "8", "7", "78", "Civilian targeting"),
    ("UNIDENTIFIED", None, "3", "0", "30", ""),
    ("IRN_PROXY", "IS", "4", "2", "24", ""),
])
def test_inter_codes_and_interaction(actor1, actor2, inter1, inter2, interaction, targeting):
    row = _row(_incident(actor1=actor1, actor2=actor2, assoc_actor_2=()))
    assert (row["inter1"], row["inter2"], row["interaction"]) == (inter1, inter2, interaction)
    assert row["civilian_targeting"] == targeting
    assert row["actor2"] == ("" if actor2 is None else export.actor_name(actor2))


@pytest.mark.parametrize("event_type, sub_event_type, disorder", [
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Strategic developments", "Agreement", "Strategic developments"),
])
def test_disorder_type(event_type, sub_event_type, disorder):
    row = _row(_incident(event_type=event_type, sub_event_type=sub_event_type))
    assert row["disorder_type"] == disorder


def test_protesting_civilians_are_acleds_protesters_in_actor1():
    row = _row(_incident(event_type="Protests", sub_event_type="Protest with intervention",
                         actor1="SYR_GOV", actor2="CIVILIANS", assoc_actor_2=()))
    assert (row["actor1"], row["inter1"]) == ("Protesters (Syria)", "6")
    assert (row["actor2"], row["inter2"], row["interaction"]) == (
        export.actor_name("SYR_GOV"), "1", "16")
    rioters = _row(_incident(event_type="Riots", sub_event_type="Violent demonstration",
                             actor1="CIVILIANS", actor2=None, assoc_actor_2=()))
    assert (rioters["actor1"], rioters["interaction"]) == ("Rioters (Syria)", "50")


def test_date_range_is_coded_to_its_middle_and_kept_in_tags():
    row = _row(_incident(date_start=date(2018, 10, 24), date_end=date(2018, 10, 28), time_precision=2))
    assert row["event_date"] == "2018-10-26" and row["time_precision"] == "2"
    assert "date range=2018-10-24/2018-10-28" in row["tags"]


def test_place_across_the_border_is_coded_to_its_country():
    p = _town("القائم")
    row = _row(_incident(location=Location("القائم", p.latitude, p.longitude, 1, p.place_id)))
    assert (row["country"], row["iso"]) == ("Iraq", "368")
    assert row["event_id_cnty"].startswith("IRQ")


def test_place_without_gazetteer_row_keeps_its_arabic_name():
    row = _row(_incident(location=Location("مطار المزة العسكري", 33.477, 36.223, 1, None, "Damascus")))
    assert row["location"] == "مطار المزة العسكري" and row["admin1"] == "Damascus"
    assert row["admin3"] == "" and row["country"] == "Syria"


def test_event_ids_are_stable_distinct_and_acled_shaped():
    a, b = _incident(), _incident(incident_id="inc-000000000002")
    first = [r["event_id_cnty"] for r in export.acled_rows([a, b], now=NOW)]
    again = [r["event_id_cnty"] for r in export.acled_rows([b, a], now=NOW)]
    assert first[0] != first[1] and first == again[::-1]
    assert all(i.startswith("SYR") and i[3:].isdigit() and int(i[3:]) < 2 ** 52 for i in first)


def test_colliding_numbers_are_rehashed_to_stay_unique(monkeypatch):
    real = export._number
    monkeypatch.setattr(export, "_number", lambda iid, salt=0: 7 if salt == 0 else real(iid, salt))
    ids = [r["event_id_cnty"] for r in export.acled_rows(
        [_incident(), _incident(incident_id="inc-2"), _incident()], now=NOW)]
    assert ids[0] == "SYR7" and ids[1] != "SYR7" and ids[2] == "SYR7"


def test_arabic_round_trips_through_dictreader():
    notes = "قالت مصادر محلية إن «التنظيم» سيطر على البلدة، وقتل 70 عنصراً"
    text = _csv([_incident(notes=notes, location=Location("قرية الشعفة", 34.7, 40.8, 2))])
    (row,) = csv.DictReader(io.StringIO(text, newline=""))
    assert row["notes"] == notes and row["location"] == "قرية الشعفة"
    assert "\r" not in text


def test_events_give_one_row_each_through_the_same_path():
    event = Event("a1", date(2018, 10, 26), 1, "Explosions/Remote violence", "Air/drone strike",
                  "RUS", "CIVILIANS", _loc("دوما"), Fatalities(3, 4, 5),
                  claims=(Claim("SOHR", "asserts", 0, 10),))
    rows = list(export.acled_rows([event, event], now=NOW))
    assert len(rows) == 2 and rows[0]["event_id_cnty"] != rows[1]["event_id_cnty"]
    assert rows[0]["fatalities"] == "3" and rows[0]["civilian_targeting"] == "Civilian targeting"
    assert "grade=single source" in rows[0]["tags"] and "rasid id=a1#1" in rows[0]["tags"]
    report = Report("ev-9", "a1", "CNN Arabic", date(2018, 10, 27), event, "قال المرصد إن غارة")
    (row,) = export.acled_rows([report], now=NOW)
    assert row["source"] == "CNN Arabic; Syrian Observatory for Human Rights"


# ---------------------------------------------------------------- filters

@pytest.mark.parametrize("since, until, kept", [
    (date(2018, 10, 1), date(2018, 10, 31), True),
    (date(2018, 10, 28), None, True),       # the range ends on the 28th
    (date(2018, 10, 29), None, False),
    (None, date(2018, 10, 24), True),       # it starts on the 24th
    (None, date(2018, 10, 23), False),
])
def test_date_filter_keeps_overlapping_ranges(since, until, kept):
    inc = _incident(date_start=date(2018, 10, 24), date_end=date(2018, 10, 28))
    assert Filter(since=since, until=until).accepts(inc) is kept


def test_undated_incident_passes_only_without_a_date_filter():
    inc = _incident(date_start=None, date_end=None)
    assert Filter().accepts(inc)
    assert not Filter(since=date(2000, 1, 1)).accepts(inc)


def test_type_filter_matches_type_or_sub_type_in_any_case():
    inc = _incident()
    assert Filter(types=("battles",)).accepts(inc)
    assert Filter(types=("NON-STATE ACTOR OVERTAKES TERRITORY",)).accepts(inc)
    assert not Filter(types=("Air/drone strike", "Protests")).accepts(inc)


def test_bbox_filter_in_and_out():
    inc = _incident()  # Hajin, about 40.83 E 34.69 N
    assert Filter(bbox=parse_bbox("35.5,32.3,42.4,37.3")).accepts(inc)
    assert not Filter(bbox=parse_bbox("35.5,32.3,38.0,37.3")).accepts(inc)
    assert not Filter(bbox=(35.5, 32.3, 42.4, 37.3)).accepts(_incident(location=None))


def test_filter_accepts_events_too():
    event = Event("a1", date(2018, 3, 1), 1, "Explosions/Remote violence", "Air/drone strike",
                  "RUS", None, _loc("دوما"))
    assert Filter(since=date(2018, 2, 28), types=("air/drone strike",)).accepts(event)
    assert not Filter(until=date(2018, 2, 28)).accepts(event)
    assert list(export.select([event], Filter(types=("Battles",)))) == []


@pytest.mark.parametrize("text, message", [
    ("35.5,32.3,42.4", "4 comma-separated"),
    ("35.5,32.3,42.4,abc", "must be numbers"),
    ("32.3,35.5,37.3,42.4,1", "4 comma-separated"),
    ("42.4,32.3,35.5,37.3", "minimum above maximum"),
    ("35.5,-95,42.4,37.3", "latitudes"),
    ("35.5,32.3,nan,37.3", "finite"),
])
def test_bad_bbox_is_a_clear_error(text, message):
    with pytest.raises(ValueError, match=message):
        parse_bbox(text)


def test_parse_types_and_reversed_dates():
    assert parse_types("battles, Air/drone strike") == ("Battles", "Air/drone strike")
    with pytest.raises(ValueError, match="unknown event type"):
        parse_types("Batles")
    with pytest.raises(ValueError, match="after"):
        Filter(since=date(2018, 2, 1), until=date(2018, 1, 1))


# ---------------------------------------------------------------- GeoJSON and JSON lines

def test_geojson_points_are_lon_lat_with_the_ledger():
    hajin = _town("هجين")
    fc = export.geojson([_incident(), _incident(incident_id="inc-2", location=None)])
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    (feature,) = fc["features"]
    assert feature["geometry"] == {"type": "Point",
                                   "coordinates": [round(hajin.longitude, 5), round(hajin.latitude, 5)]}
    props = feature["properties"]
    assert feature["id"] == props["incident_id"] == "inc-000000000001"
    assert [e["source"] for e in props["ledger"]] == ["SOHR", "SDF_PR"]
    assert [m["event_id"] for m in props["reports"]] == ["ev-1", "ev-2"]
    assert (props["fatalities_low"], props["fatalities_high"], props["admin1"]) == (70, 95, "Deir ez-Zor")


def test_write_geojson_counts_the_unlocated_and_parses_back():
    buf = io.StringIO()
    counts = export.write_geojson([_incident(), _incident(incident_id="inc-2", location=None)], buf)
    assert (counts.written, counts.without_location) == (1, 1)
    back = json.loads(buf.getvalue())
    assert back == export.geojson([_incident()])
    assert "هجين" in buf.getvalue()  # Arabic as is, not \u escapes


def test_jsonl_is_one_object_a_line_with_arabic_as_is():
    buf = io.StringIO()
    export.write_jsonl([_incident(), _incident(incident_id="inc-2", location=None)], buf)
    lines = buf.getvalue().splitlines()
    assert [json.loads(l)["incident_id"] for l in lines] == ["inc-000000000001", "inc-2"]
    assert "قال المرصد" in lines[0]
    assert json.loads(lines[0]) == _incident().to_json()


def test_sidecars_type_every_column_for_gdal(tmp_path):
    csvt, prj = export.write_acled_sidecars(tmp_path / "out.csv")
    types = next(csv.reader(io.StringIO(csvt.read_text())))
    assert len(types) == len(ACLED_COLUMNS)
    typed = dict(zip(ACLED_COLUMNS, types))
    assert (typed["longitude"], typed["latitude"], typed["event_date"]) == ("CoordX", "CoordY", "Date")
    assert typed["fatalities"] == "Integer" and typed["notes"] == "String"
    assert prj.name == "out.prj" and "WGS 84" in prj.read_text()


# ---------------------------------------------------------------- disputed stories (versions)

_VERSIONS = (Version("RUS", "CIVILIANS", "Air/drone strike", Fatalities(27, 27, 27),
                     (Claim("SNHR", "asserts", 10, 40),)),
             Version("COALITION", "CIVILIANS", "Air/drone strike", Fatalities(19, 19, 19),
                     (Claim("SOHR", "asserts", 50, 80),)))


def _disputed_event() -> Event:
    return Event(article_id="a9", event_date=date(2017, 9, 24), time_precision=1,
                 event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 actor1="RUS", actor2="CIVILIANS", location=_loc("هجين"), fatalities=Fatalities(19, 27, 27),
                 claims=(Claim("SNHR", "asserts", 10, 40),), contested=True, versions=_VERSIONS,
                 notes="On 24 September 2017, Russian aircraft struck ferries.")


def test_jsonl_and_geojson_carry_the_versions():
    buf = io.StringIO()
    export.write_jsonl([_disputed_event()], buf)
    line = json.loads(buf.getvalue())
    assert [v["actor1"] for v in line["versions"]] == ["RUS", "COALITION"]
    assert line["versions"][1]["fatalities"] == {"low": 19, "best": 19, "high": 19}
    (feature,) = export.geojson([_disputed_event()])["features"]
    assert [v["actor1"] for v in feature["properties"]["versions"]] == ["RUS", "COALITION"]
    # an incident made of the one report keeps them too
    assert export.as_incident(_disputed_event()).versions == _VERSIONS


def test_acled_notes_tell_the_dispute_and_only_when_there_is_one():
    notes = _row(export.as_incident(_disputed_event()))["notes"]
    assert notes.startswith("On 24 September 2017") and "Disputed:" in notes
    assert "27 killed" in notes and "19 killed" in notes
    assert "Disputed" not in _row(_incident())["notes"]
    # one version (a party's denial, no other account) is a contested flag, not two accounts
    single = replace(_disputed_event(), versions=_VERSIONS[:1])
    assert "Disputed" not in _row(export.as_incident(single))["notes"]
