"""The PostgreSQL backend's own behaviour: URLs, connection failures, generations, and the API over it."""
from __future__ import annotations

import pytest

from rasid import store as storage
from rasid.records import Article


@pytest.mark.parametrize("url, shown", [
    ("postgresql://rasid:s3cret@db.example:5432/rasid", "postgresql://rasid:***@db.example:5432/rasid"),
    ("postgres://u:p%40ss@h/db?sslmode=require", "postgres://u:***@h/db?sslmode=require"),
    ("postgresql:///rasid", "postgresql:///rasid"),
    ("data/rasid.db", "data/rasid.db"),
])
def test_messages_hide_the_password(url, shown):
    assert storage.shown(url) == shown


@pytest.mark.parametrize("url, backend", [("rasid.db", False), ("sqlite:///x.db", False),
                                          ("postgresql://u@h/db", True), ("postgres://h/db", True)])
def test_the_url_picks_the_backend(url, backend):
    assert storage.is_postgres(url) is backend


def test_an_unreachable_server_is_a_store_error_without_the_password():
    pytest.importorskip("psycopg")
    with pytest.raises(storage.StoreError, match="cannot connect to postgresql://u:\\*\\*\\*@127.0.0.1:1/db") as err:
        storage.Store.open("postgresql://u:hidden@127.0.0.1:1/db")
    assert "hidden" not in str(err.value)


def test_an_empty_database_needs_create_and_a_foreign_one_is_refused(postgres_url):
    import psycopg
    with pytest.raises(storage.StoreError, match="not a rasid database"):
        storage.Store.open(postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE other (x INTEGER)")
    with pytest.raises(storage.StoreError, match="not a rasid database"):
        storage.Store.open(postgres_url, create=True)


def test_the_generation_changes_when_another_connection_commits(postgres_url, monkeypatch):
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    with storage.Store.open(postgres_url, create=True) as reader, storage.Store.open(postgres_url) as writer:
        before = reader.generation()
        assert reader.generation() == before  # reading changes nothing
        writer.ingest([(Article("a", "قصفت قوات النظام بلدة نوى"), "t")], storage.Extractor())
        assert reader.generation() != before
        assert reader.one("SELECT value FROM meta WHERE name = 'schema_version'")[0] == storage.SCHEMA_VERSION


def test_the_workbench_api_serves_a_postgresql_store(postgres_url, monkeypatch):
    pytest.importorskip("fastapi")
    from starlette.testclient import TestClient

    from rasid import api, incidents
    from test_store import articles, generated_article, shelling_events
    monkeypatch.setattr("rasid.pipeline.analyze", shelling_events)
    with storage.Store.open(postgres_url, create=True) as db:
        db.ingest(articles([generated_article(i) for i in range(5)]), storage.Extractor())
        incidents.fuse(db)
        event_id = db.rows("SELECT event_id FROM events ORDER BY event_id")[0][0]
    client = TestClient(api.create_app(postgres_url, "token"))
    listed = client.get("/api/incidents", params={"q": "الحراك"})
    assert listed.status_code == 200 and listed.text.strip()
    review = client.post(f"/api/events/{event_id}/review", json={"action": "reject", "by": "رنا"},
                         headers={"Authorization": "Bearer token"})
    assert review.status_code == 200, review.text
    assert client.get(f"/api/events/{event_id}").json()["review"]["decision"] == "reject"


def test_a_nul_in_a_built_article_is_stored_replaced_on_postgresql(postgres_url, monkeypatch):
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    with storage.Store.open(postgres_url, create=True) as db:
        counts = db.ingest([(Article("n\x00", "قصف\x00 على نوى", title="\x00"), "t")], storage.Extractor())
        assert counts.new == 1
        assert db.rows("SELECT article_id, title, text FROM articles") == [("n\ufffd", "\ufffd", "قصف\ufffd على نوى")]
