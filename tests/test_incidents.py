"""Stored incidents: incremental fusion, reviews left out, and what show returns."""
from __future__ import annotations

import json
from datetime import date

import pytest

from rasid import incidents, reviews, store as storage
from rasid.records import Article

SHELLING = "قصفت قوات النظام بلدة الحراك شرقي درعا مساء الأحد."
OTHER_OUTLET = "وأفاد ناشطون بأن قوات النظام قصف بلدة الحراك بالمدفعية."
STATEMENT = "دعا المبعوث الأممي الأطراف إلى الالتزام بخفض التصعيد."


def add(store, *items):
    """Ingests (id, outlet, day, text) tuples."""
    pairs = ((Article(i, text, outlet, date.fromisoformat(day)), "t") for i, outlet, day, text in items)
    return store.ingest(pairs, storage.Extractor())


def rows(store):
    return (store.conn.execute("SELECT * FROM incidents ORDER BY incident_id").fetchall(),
            store.conn.execute("SELECT * FROM incident_members ORDER BY event_id").fetchall())


@pytest.fixture
def db(tmp_path, fake_analyze):
    with storage.Store.open(str(tmp_path / "i.db"), create=True) as store:
        add(store, ("a", "outlet A", "2018-06-24", SHELLING), ("b", "outlet B", "2018-06-24", OTHER_OUTLET),
            ("c", "outlet A", "2018-06-24", STATEMENT))
        yield store


def event_of(store, article_id):
    return store.one("SELECT event_id FROM events WHERE article_id = ?", (article_id,))[0]


def test_two_reports_of_one_shelling_fuse_and_a_rerun_changes_nothing(db):
    counts = incidents.fuse(db)
    assert (counts.reports, counts.incidents, counts.created, counts.multi_report) == (2, 1, 1, 1)
    before = rows(db)
    again = incidents.fuse(db)
    assert (again.created, again.updated, again.removed) == (0, 0, 0) and rows(db) == before
    [inc] = incidents.stored_incidents(db)
    assert {m.article_id for m in inc.members} == {"a", "b"} and inc.grade == "several sources"
    assert incidents.unfused(db) == 0


def test_a_new_report_joins_the_stored_incident_which_keeps_its_id(db):
    incidents.fuse(db)
    [(first_id,)] = db.conn.execute("SELECT incident_id FROM incidents").fetchall()
    add(db, ("d", "outlet C", "2018-06-25", SHELLING + " وسقط جرحى."))
    assert incidents.unfused(db) == 1
    counts = incidents.fuse(db)
    assert (counts.created, counts.updated) == (0, 1)
    [inc] = incidents.stored_incidents(db)
    assert inc.incident_id == first_id and len(inc.members) == 3


def test_rejected_events_leave_their_incident_and_an_emptied_incident_goes(db):
    incidents.fuse(db)
    reviews.review(db, event_of(db, "a"), "reject", "not this town")
    assert incidents.fuse(db).updated == 1
    [inc] = incidents.stored_incidents(db)
    assert [m.article_id for m in inc.members] == ["b"]
    reviews.review(db, event_of(db, "b"), "reject")
    counts = incidents.fuse(db)
    assert (counts.incidents, counts.removed) == (0, 1) and rows(db) == ([], [])


def test_show_gives_reports_with_quotes_and_accepts_an_event_id(db):
    incidents.fuse(db)
    [(incident_id,)] = db.conn.execute("SELECT incident_id FROM incidents").fetchall()
    shown = incidents.show(db, incident_id)
    assert shown["incident_id"] == incident_id and len(shown["reports"]) == 2
    assert {r["evidence"][0]["quote"] for r in shown["reports"]} == {"قصف"}
    assert json.loads(json.dumps(shown, ensure_ascii=False)) == shown
    detail = incidents.show(db, event_of(db, "a"))
    assert detail["incident_id"] == incident_id and detail["incident"]["incident_id"] == incident_id
    assert detail["article"]["article_id"] == "a" and detail["review"] is None
    with pytest.raises(storage.StoreError, match="no incident or event 'nope'"):
        incidents.show(db, "nope")


def test_stored_incidents_round_trip_and_filter_by_days(db):
    from rasid import fusion
    incidents.fuse(db)
    assert list(incidents.stored_incidents(db)) == fusion.fuse(db.reports())
    assert list(incidents.stored_incidents(db, since=date(2018, 6, 25))) == []
    assert len(list(incidents.stored_incidents(db, until=date(2018, 6, 24)))) == 1


def test_reextraction_that_drops_an_event_is_picked_up_by_the_next_fuse(db, monkeypatch, fake_analyze):
    incidents.fuse(db)
    monkeypatch.setattr("rasid.pipeline.analyze", lambda a: [] if a.id == "b" else fake_analyze(a))
    db.reextract(storage.Extractor())
    assert db.count("incident_members") == 1
    assert incidents.fuse(db).updated == 1
    [inc] = incidents.stored_incidents(db)
    assert [m.article_id for m in inc.members] == ["a"]
