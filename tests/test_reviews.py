"""Reviews: decisions and field corrections on stored events, applied to fusion, export and show."""
from __future__ import annotations

from datetime import date

import pytest

from rasid import incidents, reviews, store as storage
from rasid.records import Article

SHELLING = "قصفت قوات النظام بلدة الحراك شرقي درعا مساء الأحد."


@pytest.fixture
def db(tmp_path, fake_analyze):
    with storage.Store.open(str(tmp_path / "r.db"), create=True) as store:
        store.ingest(iter([(Article("a", SHELLING, "A", date(2018, 6, 24)), "t")]), storage.Extractor())
        yield store


@pytest.fixture
def event_id(db):
    return db.one("SELECT event_id FROM events")[0]


@pytest.mark.parametrize("text, parsed", [
    ("fatalities.best=12", ("fatalities.best", 12)),
    ("sub_event_type = air/drone strike", ("sub_event_type", "Air/drone strike")),
    ("event_type=battles", ("event_type", "Battles")),
    ("actor2=", ("actor2", None)),
    ("actor1=UNIDENTIFIED", ("actor1", "UNIDENTIFIED")),
    ("event_date=2018-06-23", ("event_date", "2018-06-23")),
    ("contested=yes", ("contested", True)),
])
def test_corrections_parse_to_canonical_values(text, parsed):
    assert reviews.parse_correction(text) == parsed


@pytest.mark.parametrize("text, message", [
    ("fatalities=3", "FIELD one of"), ("location=درعا", "FIELD one of"), ("fatalities.best=-1", "takes a count"),
    ("event_date=2018-02-30", "takes a YYYY-MM-DD day"), ("actor1=NOBODY", "takes an actor id"),
    ("time_precision=4", "takes 1, 2 or 3"), ("sub_event_type=Bombing", "takes an ACLED sub-event type"),
    ("best", "FIELD one of"),
])
def test_bad_corrections_say_what_the_field_takes(text, message):
    with pytest.raises(ValueError, match=message):
        reviews.parse_correction(text)


def test_corrections_reach_fusion_and_show_keeping_the_extracted_event(db, event_id):
    made = reviews.review(db, event_id, "accept", "the toll is in the second paragraph",
                          {"sub_event_type": "Air/drone strike", "fatalities.high": 12, "fatalities.best": 10})
    assert made["corrections"]["event_type"] == "Explosions/Remote violence"  # follows the sub-type
    [report] = db.reports()
    assert (report.event.sub_event_type, report.event.fatalities.best, report.event.fatalities.low) == \
        ("Air/drone strike", 10, 0)
    incidents.fuse(db)
    [inc] = incidents.stored_incidents(db)
    assert inc.sub_event_type == "Air/drone strike" and inc.fatalities.high == 12
    shown = incidents.show(db, event_id)
    assert shown["event"]["fatalities"]["best"] == 10 and shown["extracted"]["fatalities"]["best"] == 0
    again = reviews.review(db, event_id, "accept", None, {"actor2": None})
    assert again["corrections"]["fatalities.best"] == 10 and again["note"] == "the toll is in the second paragraph"
    assert incidents.fuse(db).updated == 1 and db.reports()[0].event.actor2 is None


@pytest.mark.parametrize("fixes, message", [
    ({"event_type": "Battles"}, "not a sub-type of 'Battles'"),
    ({"fatalities.best": 5}, "low <= best <= high"),
])
def test_contradictory_corrections_are_refused(db, event_id, fixes, message):
    with pytest.raises(storage.StoreError, match=message):
        reviews.review(db, event_id, "accept", None, fixes)
    assert reviews.listing(db) == []


def test_clear_and_unknown_events(db, event_id):
    reviews.review(db, event_id, "reject")
    assert [r["decision"] for r in reviews.listing(db)] == ["reject"] and db.reports() == []
    assert reviews.clear(db, event_id) and not reviews.clear(db, event_id)
    assert len(db.reports()) == 1
    with pytest.raises(storage.StoreError, match="no event 'e0'"):
        reviews.review(db, "e0", "accept")
