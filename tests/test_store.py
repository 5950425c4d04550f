"""The store on SQLite and PostgreSQL: schema and migrations, idempotent ingest, concurrent writers, re-extraction
with reviews, and a real SIGKILL mid-ingest."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from rasid import reviews, store as storage
from rasid.records import Article, Claim, Event, Evidence, Fatalities, Location

TOWNS = ["الحراك", "نوى", "طفس", "جاسم", "بصرى الشام", "إنخل", "الصنمين", "داعل", "المسيفرة", "الشيخ مسكين"]


def generated_article(i: int) -> dict:
    """Returns the i-th of many distinct short reports written for these tests (0–3 shellings each)."""
    town, other = TOWNS[i % len(TOWNS)], TOWNS[(i * 7 + 3) % len(TOWNS)]
    parts = [f"قصفت قوات النظام بلدة {town} بقذائف المدفعية صباح اليوم، ما أدى إلى مقتل {i % 9 + 1} مدنيين."]
    if i % 3 == 0:
        parts.append(f"وفي سياق متصل قصف الطيران الحربي أطراف مدينة {other} بعدة غارات.")
    if i % 5 == 0:
        parts.append("وتجدد القصف مساء على الأحياء الشرقية.")
    if i % 4 == 1:
        parts = ["دعا المبعوث الأممي إلى وقف التصعيد في المنطقة الجنوبية وفتح ممرات إنسانية."]
    parts.append(f"وقال ناشطون إن الحصيلة مرشحة للارتفاع (تقرير رقم {i}).")
    day = date(2018, 6, 1) + timedelta(days=i % 28)
    return {"id": f"gen-{i}", "outlet": "test", "published": day.isoformat(), "text": " ".join(parts)}


def shelling_events(article: Article) -> list[Event]:
    """Stands in for analyze: one event per «قصف» of the text, each at its own made-up place."""
    events, at = [], article.text.find("قصف")
    while at >= 0:
        n = len(events)
        events.append(Event(
            article_id=article.id, event_date=article.published, time_precision=1,
            event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
            actor1="SYR_GOV", actor2="OPP", location=Location(f"موقع {n}", 32.6 + n / 100, 36.1, 1),
            claims=(Claim("SOHR", "asserts", at, at + 3),), evidence=(Evidence(at, at + 3, "test"),)))
        at = article.text.find("قصف", at + 3)
    return events


def jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def articles(records, source="test"):
    for r in records:
        yield Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), url=r.get("url"),
                      published=date.fromisoformat(r["published"]) if r.get("published") else None), source


def dump(path) -> dict:
    """Returns what the store holds, without timestamps, for comparing two databases."""
    conn = sqlite3.connect(path)
    try:
        return {
            "articles": conn.execute("SELECT content_hash, article_no, article_id, url, text, event_count "
                                     "FROM articles ORDER BY article_no").fetchall(),
            "events": conn.execute("SELECT event_id, content_hash, ordinal, signature, data FROM events "
                                   "ORDER BY event_id").fetchall(),
            "claims": conn.execute("SELECT * FROM claims ORDER BY event_id, ordinal").fetchall(),
            "fts": conn.execute("SELECT rowid FROM articles_fts ORDER BY rowid").fetchall(),
        }
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path):
    with storage.Store.open(str(tmp_path / "t.db"), create=True) as store:
        yield store


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr("rasid.pipeline.analyze", shelling_events)


def test_schema_has_the_tables_and_keeps_sqlite_to_the_fts_part(db):
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "events", "incidents", "claims", "reviews", "incident_members", "articles_fts"} <= tables
    portable, fts = storage.schema_parts()
    assert "fts5" not in portable.lower() and "VIRTUAL" not in portable and "AUTOINCREMENT" not in portable
    assert "fts5" in fts and "CREATE TABLE" not in fts


@pytest.mark.parametrize("event", [
    shelling_events(Article("a", "قصفت قوات النظام بلدة نوى", published=date(2018, 6, 2)))[0],
    Event("b", None, 3, "Battles", "Armed clash", "IS", None, None, Fatalities(3, 12, 40),
          assoc_actor_1=("X",), wounded=4, contested=True, notes="ملاحظة"),
])
def test_event_json_round_trips(event):
    assert storage.event_from_json(json.loads(json.dumps(event.to_json()))) == event


def test_signature_ignores_spelling_of_the_place_and_ids_are_stable():
    ev = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2018-06-02", "actor1": "IS",
          "actor2": None, "location": {"name": "الرَّقَّة", "place_id": None}}
    respelled = dict(ev, location={"name": "الرقه", "place_id": None})
    assert storage.signature("h", ev) == storage.signature("h", respelled) == "h|Battles|Armed clash|2018-06-02|الرقه|IS|"
    [(first, _), (second, _)] = storage.event_ids("h", [ev, respelled])
    assert second == first + "-2" and storage.event_ids("h", [ev]) == [(first, storage.signature("h", ev))]


def test_ingest_is_idempotent_by_hash_and_url_and_renames_a_taken_id(db, fake):
    records = [generated_article(i) for i in range(6)]
    first = db.ingest(articles(records), storage.Extractor(), batch_size=4)
    assert (first.read, first.new, first.duplicates, first.batches) == (6, 6, 0, 2)
    before = dump(db.path)
    again = db.ingest(articles(records), storage.Extractor())
    assert (again.new, again.duplicates, again.events) == (0, 6, 0) and dump(db.path) == before
    same_url = dict(generated_article(7), url="http://x/1")
    db.ingest(articles([same_url]), storage.Extractor())
    moved = dict(generated_article(8), url="http://x/1")
    taken = dict(generated_article(12), id="gen-0")
    counts = db.ingest(articles([moved, taken]), storage.Extractor())
    assert (counts.new, counts.duplicates) == (1, 1)
    renamed = db.one("SELECT article_id FROM articles WHERE text = ?", (taken["text"],))[0]
    assert renamed.startswith("gen-0~") and db.one("SELECT COUNT(*) FROM events WHERE article_id = ?", (renamed,))[0]


def test_failed_articles_are_not_stored_so_a_rerun_retries_them(db, monkeypatch):
    def flaky(article):
        if article.id == "gen-1":
            raise RuntimeError("boom")
        return shelling_events(article)

    monkeypatch.setattr("rasid.pipeline.analyze", flaky)
    failures = []
    counts = db.ingest(articles([generated_article(i) for i in range(3)]), storage.Extractor(),
                       on_failure=lambda a, e: failures.append((a.id, e)))
    assert counts.failed == 1 and failures == [("gen-1", "RuntimeError: boom")]
    assert db.count("articles") == 2


def test_reextract_keeps_reviews_and_reports_those_that_no_longer_match(db, monkeypatch, fake):
    db.ingest(articles([generated_article(0), generated_article(3)]), storage.Extractor())
    ids = [r[0] for r in db.conn.execute("SELECT event_id FROM events WHERE article_id = 'gen-0' ORDER BY ordinal")]
    assert len(ids) == 3
    reviews.review(db, ids[0], "reject", "wrong town")
    reviews.review(db, ids[2], "accept")
    unchanged = db.reextract(storage.Extractor())
    assert (unchanged.changed, reviews.stale(db)) == (0, [])

    def upgraded(article):  # the new extractor drops the last event and adds a toll to the others
        from dataclasses import replace
        return [replace(e, fatalities=Fatalities(1, 2, 3)) for e in shelling_events(article)[:-1]]

    monkeypatch.setattr("rasid.pipeline.analyze", upgraded)
    counts = db.reextract(storage.Extractor())
    assert (counts.articles, counts.changed, counts.events_before, counts.events_after) == (2, 2, 5, 3)
    assert [r["event_id"] for r in reviews.stale(db)] == [ids[2]]
    sig = db.event_row(ids[0])["signature"]
    assert reviews.review_of(db, sig)["decision"] == "reject" and db.event_row(ids[0])["data"]["fatalities"]["best"] == 2
    assert db.one("SELECT event_count FROM articles WHERE article_id = 'gen-0'")[0] == 2
    assert [r.event_id for r in db.reports() if r.article_id == "gen-0"] == [ids[1]]


def test_opening_missing_foreign_and_corrupt_files_is_a_store_error(tmp_path):
    with pytest.raises(storage.StoreError, match="no database at"):
        storage.Store.open(str(tmp_path / "none.db"))
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(storage.StoreError, match="not a usable rasid database"):
        storage.Store.open(str(tmp_path / "junk.db"))
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE t (x)")
    other.close()
    with pytest.raises(storage.StoreError, match="not a rasid database"):
        storage.Store.open(str(tmp_path / "other.db"), create=True)


def test_jobs_give_the_same_store_as_one_process(tmp_path, fake):
    records = [generated_article(i) for i in range(40)]
    for name, jobs in (("one.db", 1), ("two.db", 2)):
        with storage.Store.open(str(tmp_path / name), create=True) as store, storage.Extractor(jobs) as ex:
            store.ingest(articles(records), ex, batch_size=16)
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")


def test_a_report_stored_by_another_ingest_meanwhile_is_skipped_not_a_failed_batch(db, fake):
    records = [generated_article(i) for i in range(3)]

    class Racing(storage.Extractor):
        """Lets a second writer store one of the batch's reports while the batch is being analysed."""

        def submit(self, batch):
            wait = super().submit(batch)
            with storage.Store.open(db.path) as other:
                other.ingest(articles([records[1]]), storage.Extractor())
            return wait

    counts = db.ingest(articles(records), Racing())
    assert (counts.new, counts.duplicates) == (2, 1)
    assert sorted(r[0] for r in db.conn.execute("SELECT article_id FROM articles")) == ["gen-0", "gen-1", "gen-2"]
    assert db.count("events") == sum(len(shelling_events(a)) for a, _ in articles(records))


def test_two_ingests_at_once_both_finish_and_store_each_report_once(tmp_path):
    first = jsonl(tmp_path / "first.jsonl", [generated_article(i) for i in range(0, 300)])
    second = jsonl(tmp_path / "second.jsonl", [generated_article(i) for i in range(150, 450)])
    db = tmp_path / "shared.db"
    runs = [_child("slow", first, db), _child("slow", second, db)]
    errors = [run.communicate(timeout=300)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    assert storage.stored_articles(db) == 450
    clean = _child("fast", jsonl(tmp_path / "all.jsonl", [generated_article(i) for i in range(450)]),
                   tmp_path / "clean.db")
    assert clean.communicate(timeout=300) and clean.returncode == 0
    # The two runs interleave their batches, so only the numbering of articles may differ.
    unordered = {k: sorted(v) for k, v in dump(db).items() if k not in ("articles", "fts")}
    assert unordered == {k: sorted(v) for k, v in dump(tmp_path / "clean.db").items() if k not in ("articles", "fts")}
    assert sorted(r[:1] + r[2:] for r in dump(db)["articles"]) == \
        sorted(r[:1] + r[2:] for r in dump(tmp_path / "clean.db")["articles"])


# A child `rasid ingest` whose stand-in analyze is slowed down, so the parent can kill it between commits.
CHILD = """
import sys, time
sys.path.insert(0, {tests!r})
import rasid.pipeline, test_store
slow = sys.argv[1] == "slow"
def analyze(article):
    if slow:
        time.sleep(0.002)
    return test_store.shelling_events(article)
rasid.pipeline.analyze = analyze
from rasid.cli import main
main(["ingest", *sys.argv[2:]], prog_name="rasid")
"""
KILL_BATCH = 50


def _child(pace: str, source: Path, db: Path) -> subprocess.Popen:
    code = CHILD.format(tests=str(Path(__file__).parent))
    return subprocess.Popen([sys.executable, "-c", code, pace, str(source), "--db", str(db), "--no-progress",
                             "--batch-size", str(KILL_BATCH), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _children(pid: int) -> list[int]:
    """Returns the pids whose parent is pid (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker processes from Linux /proc")
def test_sigkill_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes(tmp_path):
    total = 800
    source = jsonl(tmp_path / "many.jsonl", [generated_article(i) for i in range(total)])
    db = tmp_path / "killed.db"
    child = _child("slow", source, db)
    deadline = time.monotonic() + 60
    while child.poll() is None and storage.stored_articles(db) < KILL_BATCH and time.monotonic() < deadline:
        time.sleep(0.005)
    workers = _children(child.pid)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL, child.stderr.read().decode()
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 2 and not any(_alive(pid) for pid in workers)  # the workers end by themselves

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = conn.execute("SELECT article_id, text, published, event_count FROM articles").fetchall()
    assert 0 < len(stored) < total and len(stored) % KILL_BATCH == 0  # whole batches only
    for article_id, text, published, event_count in stored:
        expected = [e.to_json() for e in shelling_events(Article(article_id, text, "test",
                                                                 date.fromisoformat(published)))]
        rows = [json.loads(d) for (d,) in conn.execute(
            "SELECT data FROM events WHERE article_id = ? ORDER BY ordinal", (article_id,))]
        assert rows == expected and event_count == len(expected)
    claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    assert claims == conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == len(stored)
    conn.close()

    rerun = _child("fast", source, db)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    assert f"{total} articles read" in err.decode() and f"{len(stored)} already stored" in err.decode()
    clean = _child("fast", source, tmp_path / "clean.db")
    _, err = clean.communicate(timeout=120)
    assert clean.returncode == 0, err.decode()
    assert dump(db) == dump(tmp_path / "clean.db")


def test_an_article_with_lone_surrogates_is_stored_replaced_not_lost(db, fake):
    records = [generated_article(0), dict(generated_article(2), id="s\udc80", title="\ud800"),
               generated_article(3)]
    records[1]["text"] = "\ud800" + records[1]["text"]
    given = [(a if a.id != "s\udc80" else Article(**{**a.__dict__, "title": "\ud800"}), src)
             for a, src in articles(records, source="in/\udcff.jsonl")]
    counts = db.ingest(given, storage.Extractor(1))
    assert (counts.new, counts.failed) == (3, 0)
    rows = db.conn.execute("SELECT article_id, title, substr(text, 1, 1), source FROM articles "
                           "WHERE article_id LIKE 's%'").fetchall()
    assert rows == [("s\ufffd", "\ufffd", "\ufffd", "in/\ufffd.jsonl")]


# --- generated articles (hypothesis; profiles in conftest.py) ---------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

from conftest import arabic_noise_texts  # noqa: E402

GENERATED = st.builds(
    Article, id=st.sampled_from(["a", "b", "c", "\ud800", "٣", ""]) | st.text(max_size=5), text=arabic_noise_texts(30),
    outlet=st.none() | st.sampled_from(["عنب بلدي", "SOHR"]), published=st.none() | st.dates(),
    url=st.none() | st.sampled_from(["http://x/1", "http://x/2", "http://x/\udc80"]), title=st.none() | st.text(max_size=8))


@given(st.lists(GENERATED, max_size=6))
def test_ingest_twice_stores_once_on_generated_articles(tmp_path_factory, given_articles):
    path = str(tmp_path_factory.mktemp("store") / "g.db")
    pairs = [(a, "gen") for a in given_articles]
    with storage.Store.open(path, create=True) as store:
        first = store.ingest(pairs, storage.Extractor(), batch_size=2)
    once = dump(path)
    with storage.Store.open(path) as store:
        again = store.ingest(pairs, storage.Extractor(), batch_size=3)
    assert first.failed == 0 and first.read == again.read == len(pairs)
    assert (again.new, again.duplicates, again.events) == (0, len(pairs), 0)
    assert dump(path) == once and len(once["articles"]) == first.new


# --- both backends: SQLite and a real PostgreSQL (conftest.store_url) ------------------------------

import csv  # noqa: E402
import io  # noqa: E402
import threading  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from rasid import fusion, history, incidents, search  # noqa: E402
from rasid.cli import main  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "rasid" / "data" / "samples.jsonl"


def rasid(*args, env=None):
    result = CliRunner(mix_stderr=False).invoke(main, [str(a) for a in args], env=env)
    assert result.exit_code == 0, (args, result.stderr, result.exception)
    return result


def test_every_store_verb_works_on_each_backend_and_both_export_the_same(tmp_path, postgres_url):
    exports = {}
    for name, url, env in (("sqlite", tmp_path / "r.db", None), ("postgresql", postgres_url, {"RASID_DB": postgres_url})):
        db = ["--db", url] if env is None else []
        rasid("ingest", SAMPLES, "--no-progress", "--jobs", "1", *db, env=env)
        again = rasid("ingest", SAMPLES, "--no-progress", "--jobs", "1", *db, env=env)
        assert "10 already stored" in again.stderr and "0 new articles" in again.stderr
        assert "incidents" in rasid("fuse", *db, env=env).stderr
        incident = json.loads(rasid("export", "--format", "jsonl", *db, env=env).stdout.splitlines()[0])
        shown = json.loads(rasid("show", incident["incident_id"], *db, env=env).stdout)
        event_id = shown["reports"][0]["event_id"]
        rasid("review", event_id, "--reject", "--note", "مكرر", *db, env=env)
        assert json.loads(rasid("show", event_id, *db, env=env).stdout)["review"]["decision"] == "reject"
        assert "0 changed" in rasid("ingest", "--reextract", "--no-progress", "--jobs", "1", *db, env=env).stderr
        rasid("fuse", *db, env=env)
        hits = [json.loads(line) for line in rasid("search", "غارة", *db, env=env).stdout.splitlines()]
        acled = list(csv.DictReader(io.StringIO(rasid("export", "--format", "acled-csv", *db, env=env).stdout)))
        exports[name] = ([{k: v for k, v in row.items() if k != "timestamp"} for row in acled],  # when fused
                         rasid("export", "--format", "jsonl", "--events", *db, env=env).stdout,
                         sorted(h["article_id"] for h in hits))
    assert exports["sqlite"][2]  # the query finds something, the same on both
    assert exports["sqlite"] == exports["postgresql"]


def test_idempotent_ingest_reextract_and_reviews_on_each_backend(store_url, fake):
    with storage.Store.open(store_url, create=True) as db:
        records = [generated_article(i) for i in range(6)]
        first = db.ingest(articles(records), storage.Extractor(), batch_size=4)
        again = db.ingest(articles(records + [dict(generated_article(9), id="gen-0")]), storage.Extractor())
        assert (first.new, again.new, again.duplicates) == (6, 1, 6)
        assert db.one("SELECT COUNT(*) FROM articles WHERE article_id LIKE ?", ("gen-0~%",))[0] == 1
        ids = [r[0] for r in db.rows("SELECT event_id FROM events WHERE article_id = 'gen-0' ORDER BY ordinal")]
        reviews.review(db, ids[0], "reject", "بلدة خاطئة")
        assert db.reextract(storage.Extractor()).changed == 0 and reviews.stale(db) == []
        assert ids[0] not in {r.event_id for r in db.reports()}
        history.record(db, "محلل", "review", ids[0], None, {"decision": None}, {"decision": "reject"})
        assert [c["after"] for c in history.changes(db, [ids[0]])] == [{"decision": "reject"}]


@pytest.mark.parametrize("odd", ['a"b', "c\\d", "e,f", "{g}", " h ", "NULL", "ع'ر", ""])
def test_ids_and_urls_that_quote_or_split_a_list_are_still_found_stored(store_url, fake, odd):
    # The screen asks for a batch's ids and URLs at once (one array literal on PostgreSQL): none may slip through.
    records = [dict(generated_article(i), id=f"{odd}{i}", url=f"http://x/{odd}{i}") for i in range(3)]
    with storage.Store.open(store_url, create=True) as db:
        db.ingest(articles(records), storage.Extractor())
        moved = [dict(generated_article(i + 10), id=f"{odd}{i}", url=f"http://x/{odd}{i}") for i in range(3)]
        again = db.ingest(articles(moved + [dict(generated_article(20), id=f"{odd}0")]), storage.Extractor())
        assert (again.new, again.duplicates) == (1, 3)
        assert db.one("SELECT article_id FROM articles WHERE text = ?", (generated_article(20)["text"],))[0] \
            .startswith(f"{odd}0~")


def test_a_second_writer_waits_and_a_review_written_while_fuse_runs_is_kept(store_url, fake, monkeypatch):
    with storage.Store.open(store_url, create=True) as db:
        db.ingest(articles([generated_article(i) for i in range(8)]), storage.Extractor())
        target = db.rows("SELECT event_id FROM events ORDER BY event_id")[0][0]
    inside, release, done = threading.Event(), threading.Event(), {}
    made = fusion.incident

    def slow_incident(*args, **kwargs):  # holds fuse inside its write transaction until released
        inside.set()
        assert release.wait(30)
        return made(*args, **kwargs)

    monkeypatch.setattr("rasid.fusion.incident", slow_incident)

    def fuse() -> None:
        with storage.Store.open(store_url, threads=True) as store:
            done["fuse"] = incidents.fuse(store)

    def review() -> None:
        with storage.Store.open(store_url, threads=True) as store:
            done["review"] = reviews.review(store, target, "reject", "ليس قصفا")

    fusing = threading.Thread(target=fuse)
    fusing.start()
    assert inside.wait(30)
    reviewing = threading.Thread(target=review)
    reviewing.start()
    time.sleep(0.5)
    assert reviewing.is_alive() and "review" not in done  # waiting for the writer, not failed
    release.set()
    fusing.join(60)
    reviewing.join(60)
    assert done["fuse"].created > 0 and done["review"]["decision"] == "reject"
    monkeypatch.setattr("rasid.fusion.incident", made)
    with storage.Store.open(store_url) as db:
        assert reviews.review_of(db, db.event_row(target)["signature"])["decision"] == "reject"
        incidents.fuse(db)
        assert incidents.incident_of(db, target) is None  # the next fuse leaves the rejected event out


def test_two_ingest_processes_at_once_store_each_report_once_on_each_backend(tmp_path, store_url):
    first = jsonl(tmp_path / "first.jsonl", [generated_article(i) for i in range(0, 200)])
    second = jsonl(tmp_path / "second.jsonl", [generated_article(i) for i in range(100, 300)])
    runs = [_child("slow", first, store_url), _child("slow", second, store_url)]
    errors = [run.communicate(timeout=300)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    assert storage.stored_articles(store_url) == 300
    with storage.Store.open(store_url) as db:
        assert sorted(r[0] for r in db.rows("SELECT article_id FROM articles")) == \
            sorted(f"gen-{i}" for i in range(300))  # none renamed: no report stored twice
        expected = sum(len(shelling_events(a)) for a, _ in articles(generated_article(i) for i in range(300)))
        assert db.count("events") == expected == db.count("claims")
        assert db.count("articles_fts") == 300


def test_the_same_arabic_queries_find_the_same_articles_on_both_backends(tmp_path, postgres_url, fake):
    records = [generated_article(i) for i in range(60)]
    found = {}
    for url in (str(tmp_path / "q.db"), postgres_url):
        with storage.Store.open(url, create=True) as db:
            db.ingest(articles(records), storage.Extractor())
            found[url] = [search.matching_articles(db, q) for q in
                          ("قصف", "قصفت", "القصف", "مدفعيه", "بقذائف", "الحراك", "بصرى الشام", "غار*", "ممرات انسانيه",
                           "الشيخ", "تقرير 17", "ناشطون", "حلب")]
    sqlite_found, postgres_found = found.values()
    assert sqlite_found == postgres_found and all(sqlite_found[:-1]) and not sqlite_found[-1]


def _version_2_store(path: Path, with_history: bool) -> None:
    """Writes a store as rasid 0.1.0 at schema version 2 made it: the baseline schema, the history made on use."""
    portable, fts = storage.schema_parts("sqlite")
    conn = sqlite3.connect(path)
    conn.executescript(portable + ";\n" + fts)
    conn.execute("INSERT INTO meta (name, value) VALUES ('schema_version', '2')")
    if with_history:  # as rasid/history.py of version 2 created it on first use
        conn.execute("CREATE TABLE IF NOT EXISTS change_history (id INTEGER PRIMARY KEY, changed_at VARCHAR(32) "
                     "NOT NULL, author TEXT NOT NULL, action VARCHAR(16) NOT NULL, subject TEXT NOT NULL, "
                     "incident_id TEXT, before_value TEXT, after_value TEXT, note TEXT)")
        conn.execute("INSERT INTO change_history (changed_at, author, action, subject, before_value, after_value) "
                     "VALUES ('2026-12-01T10:00:00Z', 'سلمى', 'merge', 'i1', '1', '2')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("with_history", [True, False])
def test_a_version_2_sqlite_store_upgrades_in_place(tmp_path, fake, with_history):
    path = tmp_path / "old.db"
    _version_2_store(path, with_history)
    with storage.Store.open(str(path)) as db:
        assert db.one("SELECT value FROM meta WHERE name = 'schema_version'")[0] == storage.SCHEMA_VERSION == "3"
        assert len(history.changes(db, ["i1"])) == with_history
        history.record(db, "عمر", "split", "i1", "i1", None, None)
        assert db.ingest(articles([generated_article(0)]), storage.Extractor()).new == 1
    with storage.Store.open(str(path)) as db:
        assert [c["author"] for c in history.changes(db, ["i1"])] == ["سلمى"] * with_history + ["عمر"]


def test_a_store_of_a_newer_rasid_is_refused(tmp_path):
    path = tmp_path / "new.db"
    storage.Store.open(str(path), create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE name = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(storage.StoreError, match="schema version 99"):
        storage.Store.open(str(path))


def test_a_batch_written_twice_or_with_a_repeat_stores_each_report_once(store_url, fake):
    """A Dask task retried, or one whose input repeats a report, writes analysed batches more than once."""
    items = []
    for a, source in articles([generated_article(i) for i in range(3)]):
        items.append((a, storage.content_hash(a.text), source, [e.to_json() for e in shelling_events(a)]))
    with storage.Store.open(store_url, create=True) as db:
        assert len(db.write_analysed(items + items[:1])) == 3
        assert db.write_analysed(items) == []
        assert db.count("articles") == db.count("articles_fts") == 3
        assert db.count("events") == sum(len(events) for *_, events in items)
