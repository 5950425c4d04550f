"""The PostgreSQL backend's own behaviour: URLs, connection failures, generations, and the API over it."""
from __future__ import annotations

import json

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


def test_every_store_verb_works_over_tcp_with_a_password(postgres_tcp_url, tmp_path):
    # The address form a team's database has: user and (URL-quoted) password, host and port.
    from click.testing import CliRunner

    from rasid.cli import main
    reports = tmp_path / "in.jsonl"
    reports.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "t1", "published": "2024-03-02", "text": "قتل ثلاثة مدنيين في قصف مدفعي لقوات النظام على بلدة كفرنبل."},
        {"id": "t2", "published": "2024-03-02", "text": "قصفت قوات النظام بالمدفعية بلدة كفرنبل وقتلت ثلاثة مدنيين."},
    ]) + "\n", encoding="utf-8")
    runner = CliRunner(mix_stderr=False)

    def rasid(*args: str):
        result = runner.invoke(main, [*args, "--db", postgres_tcp_url])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    def ingest() -> str:
        result = runner.invoke(main, ["ingest", str(reports), "-j", "1", "--db", postgres_tcp_url])
        assert result.exit_code == 0, result.stderr
        return result.stderr

    assert "2 new articles stored" in ingest()
    again = ingest()
    assert "2 already stored" in again and "0 new articles stored" in again
    rasid("fuse")
    exported = [json.loads(line) for line in rasid("export", "--format", "jsonl", "--events").splitlines()]
    assert {e["article_id"] for e in exported} == {"t1", "t2"}
    assert {json.loads(line)["article_id"] for line in rasid("search", "كفرنبل").splitlines()} == {"t1", "t2"}
    wrong = postgres_tcp_url.replace("s3cr3t", "wrong")
    result = runner.invoke(main, ["fuse", "--db", wrong])
    assert result.exit_code != 0 and "password authentication failed" in result.stderr
    assert "wrong" not in result.stderr and "Traceback" not in result.stderr
