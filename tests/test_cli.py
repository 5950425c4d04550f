"""The rasid command line, with analyze() replaced by a known stand-in (see conftest.fake_analyze)."""
from __future__ import annotations

import json
import lzma

import pytest
from click.testing import CliRunner

from rasid.cli import main
from rasid.records import Article

SHELLING = "قصفت قوات النظام بلدة الحراك شرقي درعا مساء الأحد."
STATEMENT = "دعا المبعوث الأممي الأطراف إلى الالتزام بخفض التصعيد."


def run(*args, stdin=None):
    return CliRunner(mix_stderr=False).invoke(main, list(args), input=stdin)


def jsonl(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in records), encoding="utf-8")
    return path


def events_of(output):
    return [json.loads(line) for line in output.splitlines()]


def test_extract_jsonl(tmp_path, fake_analyze):
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "published": "2018-06-25", "text": SHELLING},
                 {"id": "b", "text": STATEMENT})
    result = run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    [event] = events_of(result.stdout)
    assert event["article_id"] == "a" and event["event_date"] == "2018-06-25"
    assert SHELLING[event["evidence"][0]["start"]:event["evidence"][0]["end"]] == "قصف"
    assert "درعا" in result.stdout and "\\u0" not in result.stdout  # ensure_ascii=False
    assert "2 articles read, 0 skipped" in result.stderr and "1 events written" in result.stderr


def test_extract_to_output_file(tmp_path, fake_analyze):
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": SHELLING})
    out = tmp_path / "events.jsonl"
    result = run("extract", str(path), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert [e["article_id"] for e in events_of(out.read_text(encoding="utf-8"))] == ["a"]


def test_extract_stdin_json_lines_and_plain_text(fake_analyze):
    record = json.dumps({"id": "s", "text": SHELLING}, ensure_ascii=False)
    result = run("extract", "-", stdin=record + "\n")
    assert [e["article_id"] for e in events_of(result.stdout)] == ["s"]
    result = run("extract", "--published", "2018-06-25", stdin="عنوان\n" + SHELLING)
    [event] = events_of(result.stdout)
    assert (event["article_id"], event["event_date"]) == ("stdin", "2018-06-25")


def test_extract_directory(tmp_path, fake_analyze):
    (tmp_path / "one.txt").write_text(SHELLING, encoding="utf-8")
    (tmp_path / "two.html").write_text(f"<p>{STATEMENT}</p><p>{SHELLING}</p>", encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0
    assert [e["article_id"] for e in events_of(result.stdout)] == ["one", "two"]


def test_malformed_lines_are_reported_with_line_numbers_and_good_lines_still_produce(tmp_path, fake_analyze):
    path = jsonl(tmp_path / "mixed.jsonl", {"id": "a", "text": SHELLING}, "{not json", {"id": "c", "text": ""},
                 {"id": "d", "text": SHELLING, "published": "yesterday"})
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert [e["article_id"] for e in events_of(result.stdout)] == ["a", "d"]
    assert f"{path}:2: malformed JSON" in result.stderr
    assert f"{path}:3: empty 'text'" in result.stderr
    assert f"{path}:4: bad 'published'" in result.stderr
    assert "2 articles read, 2 skipped, 1 warnings" in result.stderr


def test_strict_stops_at_the_first_problem(tmp_path, fake_analyze):
    path = jsonl(tmp_path / "mixed.jsonl", {"id": "a", "text": SHELLING}, "{not json", {"id": "c", "text": SHELLING})
    result = run("extract", "--strict", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: malformed JSON" in result.stderr and "--strict" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_failing_article_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch, fake_analyze):
    def flaky(article: Article):
        if article.id == "bad":
            raise RuntimeError("boom")
        return fake_analyze(article)

    monkeypatch.setattr("rasid.pipeline.analyze", flaky)
    path = jsonl(tmp_path / "in.jsonl", {"id": "bad", "text": SHELLING}, {"id": "good", "text": SHELLING})
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert [e["article_id"] for e in events_of(result.stdout)] == ["good"]
    assert "'bad'" in result.stderr and "RuntimeError: boom" in result.stderr and "1 failed" in result.stderr
    strict = run("extract", "--strict", str(path))
    assert strict.exit_code == 1 and "boom" in strict.stderr and "Traceback" not in strict.stderr


@pytest.mark.parametrize("args", [["extract", "does/not/exist.jsonl"], ["extract", "--published", "2018-02-30", "-"],
                                  ["extract", "-", "-o", "/nonexistent-dir/x.jsonl"],
                                  ["evaluate"], ["bench", "--limit", "0", "x"], ["nonsense"]])
def test_user_mistakes_are_usage_errors_without_traceback(args):
    result = run(*args, stdin="")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_unreadable_input_exits_1_without_traceback(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02\xff")
    result = run("extract", str(path))
    assert result.exit_code == 1 and "neither UTF-8 nor cp1256" in result.stderr
    assert "Traceback" not in result.stderr


def test_samples_are_bundled_and_read(fake_analyze):
    result = run("extract", "--samples")
    assert result.exit_code == 0, result.stderr
    assert "0 skipped, 0 warnings" in result.stderr
    read = int(result.stderr.split("rasid: ")[-1].split(" articles read")[0])
    assert 6 <= read <= 10
    assert all(e["article_id"].startswith("sample-") for e in events_of(result.stdout))


GOLD_EVENT = {"event_date": "2018-06-24", "time_precision": 1, "event_type": "Explosions/Remote violence",
              "sub_event_type": "Shelling/artillery/missile attack", "sub_event_type_alt": [],
              "actors": ["SYR_GOV", "OPP"], "locations": [{"name": "درعا", "latitude": 32.62, "longitude": 36.10}],
              "geo_precision": 1, "fatalities": {"min": 0, "max": 0}, "captured": None, "contested": False,
              "sources": [], "optional": False, "evidence": "قصفت قوات النظام", "comment": ""}


@pytest.fixture
def tiny_gold(tmp_path):
    return jsonl(tmp_path / "gold.jsonl",
                 {"article": {"id": "g1", "published": "2018-06-24", "text": SHELLING}, "events": [GOLD_EVENT]},
                 {"article": {"id": "g2", "published": "2018-06-24", "text": STATEMENT},
                  "events": [dict(GOLD_EVENT, evidence="دعا المبعوث")]})


def test_evaluate_runs_extraction_on_the_gold_articles(tiny_gold, fake_analyze):
    result = run("evaluate", "--gold", str(tiny_gold))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["g1", "tp=1", "fp=0", "fn=0"]
    assert lines[1].split() == ["g2", "tp=0", "fp=0", "fn=1"]
    assert "precision 1.000  recall 0.500  F1 0.667" in result.stdout
    assert "field accuracy: sub_event_type 1.000" in result.stdout


def test_evaluate_with_system_file_json_and_errors(tiny_gold, tmp_path):
    event = {"article_id": "g2", "event_date": "2018-06-24", "event_type": "Battles",
             "location": {"latitude": 32.62, "longitude": 36.10}, "evidence": [{"start": 0, "end": 3}]}
    system = jsonl(tmp_path / "sys.jsonl", event, "{broken")
    result = run("evaluate", "--gold", str(tiny_gold), "--system", str(system), "--json", "--errors")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (0, 1, 2)
    assert scores["per_article"] == [["g1", 0, 0, 1], ["g2", 0, 1, 1]]
    assert scores["errors"][1]["false_alarms"][0]["evidence"] == "دعا"
    assert "sys.jsonl:2: malformed JSON" in result.stderr
    text = run("evaluate", "--gold", str(tiny_gold), "--system", str(system), "--errors")
    assert "MISS" in text.stdout and "FALSE" in text.stdout and "«دعا»" in text.stdout


def test_evaluate_bad_gold_is_a_clean_error(tmp_path):
    bad = jsonl(tmp_path / "gold.jsonl", {"article": {"id": "x"}, "events": [{"event_type": "Battles"}]})
    result = run("evaluate", "--gold", str(bad))
    assert result.exit_code == 1 and "gold.jsonl:1:" in result.stderr and "Traceback" not in result.stderr


def test_bench_on_a_small_xz_file(tmp_path, fake_analyze):
    records = [{"id": f"n{i}", "category": category, "outlet": "x", "published": "2018-01-01", "text": text}
               for i, (category, text) in enumerate([("middleEast", SHELLING), ("sport", SHELLING),
                                                     ("economy", STATEMENT), ("culture", STATEMENT),
                                                     ("middleEast", SHELLING)])]
    path = tmp_path / "small.jsonl.xz"
    path.write_bytes(lzma.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()))
    result = run("bench", str(path), "--limit", "4")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 4 and report["events"] == 2 and report["events_per_100"] == 50.0
    assert report["non_conflict"]["categories"] == ["sport", "economy", "technology", "culture"]
    assert (report["non_conflict"]["articles"], report["non_conflict"]["events"]) == (3, 1)
    assert report["by_category"]["middleEast"] == {"articles": 1, "events": 1, "events_per_100": 100.0}
    assert report["peak_rss_mb"] > 0 and report["articles_per_s"] > 0


# ---------------------------------------------------------------- the store verbs

@pytest.fixture
def store_input(tmp_path):
    return jsonl(tmp_path / "in.jsonl",
                 {"id": "a", "outlet": "A", "published": "2018-06-24", "text": SHELLING},
                 {"id": "b", "outlet": "B", "published": "2018-06-24", "text": "أفاد ناشطون بأن الطيران " + SHELLING},
                 {"id": "c", "outlet": "A", "published": "2018-06-24", "text": STATEMENT}, "{broken")


def stored(db, sql):
    import sqlite3
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_ingest_twice_stores_once_and_reports_like_extract(tmp_path, store_input, fake_analyze):
    db = str(tmp_path / "r.db")
    first = run("ingest", str(store_input), "--db", db, "--batch-size", "2")
    assert first.exit_code == 0, first.stderr
    assert f"{store_input}:4: malformed JSON" in first.stderr
    assert "3 articles read, 1 skipped, 0 warnings, 0 already stored, 0 failed, 3 new articles stored " \
           "with 2 events" in first.stderr
    before = stored(db, "SELECT * FROM articles ORDER BY article_no"), stored(db, "SELECT * FROM events")
    second = run("ingest", str(store_input), "--db", db)
    assert "3 already stored, 0 failed, 0 new articles stored with 0 events" in second.stderr
    assert (stored(db, "SELECT * FROM articles ORDER BY article_no"), stored(db, "SELECT * FROM events")) == before


def test_db_comes_from_rasid_db_env(tmp_path, store_input, fake_analyze, monkeypatch):
    monkeypatch.setenv("RASID_DB", str(tmp_path / "env.db"))
    assert run("ingest", str(store_input)).exit_code == 0
    assert stored(str(tmp_path / "env.db"), "SELECT COUNT(*) FROM articles") == [(3,)]


@pytest.fixture
def fused_db(tmp_path, store_input, fake_analyze):
    db = str(tmp_path / "f.db")
    assert run("ingest", str(store_input), "--db", db).exit_code == 0
    result = run("fuse", "--db", db)
    assert result.exit_code == 0 and "2 events in 1 incidents (1 of several reports): 1 new" in result.stderr
    return db


def test_fuse_again_changes_nothing_and_review_reject_leaves_the_event_out(fused_db):
    before = stored(fused_db, "SELECT * FROM incidents"), stored(fused_db, "SELECT * FROM incident_members")
    assert "0 new, 0 rebuilt, 0 removed" in run("fuse", "--db", fused_db).stderr
    assert (stored(fused_db, "SELECT * FROM incidents"), stored(fused_db, "SELECT * FROM incident_members")) == before
    [(event_id,)] = stored(fused_db, "SELECT event_id FROM events WHERE article_id = 'a'")
    result = run("review", event_id, "--reject", "--note", "قراءة خاطئة", "--db", fused_db)
    assert result.exit_code == 0 and json.loads(result.stdout)["decision"] == "reject"
    assert "rasid fuse" in result.stderr
    assert "0 new, 1 rebuilt" in run("fuse", "--db", fused_db).stderr
    [incident] = events_of(run("export", "--format", "jsonl", "--db", fused_db).stdout)
    assert [r["article_id"] for r in incident["reports"]] == ["b"]
    per_event = events_of(run("export", "--format", "jsonl", "--events", "--db", fused_db).stdout)
    assert [e["article_id"] for e in per_event] == ["b"]
    [listed] = events_of(run("review", "--list", "--db", fused_db).stdout)
    assert listed["attached_to"] == event_id and listed["note"] == "قراءة خاطئة"


def test_export_formats_and_filters(tmp_path, fused_db):
    csv_path = tmp_path / "out.csv"
    result = run("export", "--format", "acled-csv", "-o", str(csv_path), "--db", fused_db)
    assert result.exit_code == 0 and "1 incidents written" in result.stderr
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date") and len(lines) == 2 and csv_path.with_suffix(".prj").exists()
    geo = json.loads(run("export", "--format", "geojson", "--bbox", "35.9,32.4,36.3,32.8", "--db", fused_db).stdout)
    assert len(geo["features"]) == 1
    for args in (["--bbox", "40,35,42,37"], ["--since", "2018-06-25"], ["--type", "Battles"]):
        result = run("export", "--format", "jsonl", *args, "--db", fused_db)
        assert result.exit_code == 0 and result.stdout == "", args
    kept = run("export", "--format", "jsonl", "--type", "explosions/remote violence", "--until", "2018-06-24",
               "--db", fused_db)
    assert len(events_of(kept.stdout)) == 1


def test_search_is_diacritics_insensitive_and_show_gives_incident_or_event(tmp_path, fake_analyze):
    db = str(tmp_path / "s.db")
    path = jsonl(tmp_path / "in.jsonl", {"id": "t", "text": "شنّت طائراتٌ حربية غارةً على بلدة قرب إدلب."},
                 {"id": "h", "text": "قالت مصادر إن غاره استهدفت سوقا في إدلب."}, {"id": "x", "text": STATEMENT})
    assert run("ingest", str(path), "--db", db).exit_code == 0
    for query in ("غارة", "غارةٌ", "غاره"):
        hits = events_of(run("search", query, "--db", db).stdout)
        assert {h["article_id"] for h in hits} == {"t", "h"}, query
    [hit] = events_of(run("search", "طائرات حربية", "--db", db).stdout)
    assert "طائراتٌ حربية" in hit["snippet"]


def test_show_an_incident_and_an_event(fused_db):
    [(incident_id,)] = stored(fused_db, "SELECT incident_id FROM incidents")
    shown = json.loads(run("show", incident_id, "--db", fused_db).stdout)
    assert shown["incident_id"] == incident_id and len(shown["reports"]) == 2
    assert shown["reports"][0]["evidence"][0]["quote"] == "قصف"
    [(event_id,)] = stored(fused_db, "SELECT event_id FROM events WHERE article_id = 'b'")
    event = json.loads(run("show", event_id, "--db", fused_db).stdout)
    assert event["incident_id"] == incident_id and event["article"]["outlet"] == "B"


def test_reextract_after_an_upgrade_keeps_reviews(tmp_path, fused_db, monkeypatch):
    [(event_id,)] = stored(fused_db, "SELECT event_id FROM events WHERE article_id = 'a'")
    run("review", event_id, "--accept", "--db", fused_db)
    assert "3 articles re-extracted, 0 changed" in run("ingest", "--reextract", "--db", fused_db).stderr
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    result = run("ingest", "--reextract", "--db", fused_db)
    assert result.exit_code == 0
    assert "2 changed, 0 failed; events 2 -> 0; 1 reviews match no event" in result.stderr
    assert f"review of {event_id} (accept) matches no event" in result.stderr
    assert "0 new, 0 rebuilt, 1 removed" in run("fuse", "--db", fused_db).stderr


@pytest.mark.parametrize("args, message", [
    (["fuse"], "no database at"), (["search", "غارة"], "no database at"), (["show", "x"], "no database at"),
    (["export", "--format", "jsonl"], "no database at"), (["review", "--list"], "no database at"),
    (["ingest", "--reextract"], "no database at"),
])
def test_a_missing_db_is_a_clean_error(tmp_path, args, message):
    result = run(*args, "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_a_corrupt_db_an_unknown_id_and_an_empty_query_are_clean_errors(tmp_path, fused_db):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 200)
    for args in (["fuse", "--db", str(junk)], ["show", "inc-000", "--db", fused_db],
                 ["review", "e000", "--reject", "--db", fused_db], ["search", "!!", "--db", fused_db]):
        result = run(*args)
        assert result.exit_code == 1 and "Traceback" not in result.stderr and result.stderr.startswith("Error:"), args
    assert "not a usable rasid database" in run("fuse", "--db", str(junk)).stderr
    assert "no incident or event 'inc-000'" in run("show", "inc-000", "--db", fused_db).stderr


@pytest.mark.parametrize("args", [
    ["export", "--format", "jsonl", "--bbox", "1,2,3"], ["export", "--format", "jsonl", "--bbox", "a,b,c,d"],
    ["export", "--format", "jsonl", "--bbox", "42,30,35,37"], ["export", "--format", "jsonl", "--type", "Wars"],
    ["export", "--format", "kml"], ["export", "--format", "jsonl", "--since", "2018-07-01", "--until", "2018-06-01"],
    ["ingest"], ["ingest", "--reextract", "x.jsonl"], ["review", "e1"], ["review", "--list", "e1"],
    ["review", "e1", "--reject", "--set", "fatalities.best=1"], ["review", "e1", "--set", "place=درعا"],
    ["ingest", "--jobs", "-1", "x"],
])
def test_store_usage_mistakes_exit_2(tmp_path, fused_db, args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.jsonl").write_text("", encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(main, [*args, "--db", fused_db], catch_exceptions=False)
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_ingest_strict_stops_at_a_failed_article_keeping_the_batches_before(tmp_path, monkeypatch, fake_analyze):
    def flaky(article: Article):
        if article.id == "bad":
            raise RuntimeError("boom")
        return fake_analyze(article)

    monkeypatch.setattr("rasid.pipeline.analyze", flaky)
    db = str(tmp_path / "strict.db")
    path = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": SHELLING}, {"id": "bad", "text": STATEMENT},
                 {"id": "c", "text": "و" + SHELLING})
    result = run("ingest", str(path), "--db", db, "--strict", "--batch-size", "1")
    assert result.exit_code == 1 and "'bad'" in result.stderr and "boom (--strict)" in result.stderr
    assert "Traceback" not in result.stderr and stored(db, "SELECT article_id FROM articles") == [("a",)]
    relaxed = run("ingest", str(path), "--db", db)
    assert "1 already stored, 1 failed, 1 new articles stored" in relaxed.stderr


def test_ingest_reads_stdin_and_several_sources(tmp_path, fake_analyze):
    db = str(tmp_path / "many.db")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "one.txt").write_text(SHELLING, encoding="utf-8")
    record = json.dumps({"id": "s", "text": "أمس " + SHELLING}, ensure_ascii=False)
    result = run("ingest", "-", str(tmp_path / "dir"), "--db", db, stdin=record + "\n")
    assert result.exit_code == 0, result.stderr
    assert stored(db, "SELECT article_id, source FROM articles ORDER BY article_no") == \
        [("s", "-"), ("one", str(tmp_path / "dir"))]


def test_review_set_corrects_fields_that_show_and_export_use(fused_db):
    [(event_id,)] = stored(fused_db, "SELECT event_id FROM events WHERE article_id = 'a'")
    result = run("review", event_id, "--set", "fatalities.high=7", "--set", "fatalities.best=7", "--db", fused_db)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["decision"] == "accept"
    shown = json.loads(run("show", event_id, "--db", fused_db).stdout)
    assert shown["event"]["fatalities"]["best"] == 7 and shown["extracted"]["fatalities"]["best"] == 0
    run("fuse", "--db", fused_db)
    [incident] = events_of(run("export", "--format", "jsonl", "--db", fused_db).stdout)
    assert incident["fatalities"]["high"] == 7
    refused = run("review", event_id, "--set", "fatalities.low=9", "--db", fused_db)
    assert refused.exit_code == 1 and "low <= best <= high" in refused.stderr and "Traceback" not in refused.stderr


def test_a_killed_extractor_process_ends_ingest_cleanly_keeping_earlier_batches(tmp_path, monkeypatch, fake_analyze):
    import os
    import signal

    def dies(article: Article):
        if article.id == "oom":
            os.kill(os.getpid(), signal.SIGKILL)  # in a worker process, as the OOM killer would
        return fake_analyze(article)

    monkeypatch.setattr("rasid.pipeline.analyze", dies)
    db = str(tmp_path / "oom.db")
    path = jsonl(tmp_path / "in.jsonl", *({"id": f"a{i}", "text": f"{i} {SHELLING}"} for i in range(8)),
                 {"id": "oom", "text": SHELLING}, {"id": "z", "text": "z " + SHELLING})
    result = run("ingest", str(path), "--db", db, "--jobs", "2", "--batch-size", "4")
    assert result.exit_code == 1 and "an extractor process died" in result.stderr
    assert "Traceback" not in result.stderr
    # The first batch is written before the third is started; the second may die with the worker.
    [(articles, events)] = stored(db, "SELECT COUNT(*), SUM(event_count) FROM articles")
    assert articles in (4, 8) and events == articles


# ---------------------------------------------------------------- places

def test_places_lookup_names_and_stdin():
    res = run("places", "lookup", "السوسة", "مطار كويرس", "--limit", "2")
    assert res.exit_code == 0, res.stderr
    rows = [json.loads(l) for l in res.stdout.splitlines()]
    assert [r["query"] for r in rows] == ["السوسة", "مطار كويرس"]
    assert rows[0]["count"] == 3 and len(rows[0]["candidates"]) == 2
    assert rows[0]["candidates"][0]["admin1"] == "Deir ez-Zor"
    assert rows[1]["candidates"][0]["place_id"].startswith("curated:")
    res = run("places", "lookup", stdin="هجين\nلا مكان بهذا الاسم\n")
    rows = [json.loads(l) for l in res.stdout.splitlines()]
    assert rows[0]["count"] >= 1 and rows[1] == {"query": "لا مكان بهذا الاسم", "key": "لا مكان بهذا الاسم",
                                                  "how": "not found", "count": 0, "candidates": []}


def test_places_near_is_nearest_first():
    res = run("places", "near", "34.69", "40.83", "--km", "3")
    assert res.exit_code == 0, res.stderr
    rows = [json.loads(l) for l in res.stdout.splitlines()]
    assert rows[0]["name"] == "هجين" and rows[0]["distance_km"] < 0.5
    assert [r["distance_km"] for r in rows] == sorted(r["distance_km"] for r in rows)
    assert all(r["distance_km"] <= 3 for r in rows)


def test_places_about_names_sources_and_licences():
    res = run("places", "--about")
    assert res.exit_code == 0
    for needed in ("ODbL", "CC BY 4.0", "OpenStreetMap", "GeoNames", "OpenSyria", "rows per source"):
        assert needed in res.stdout


def test_places_variants_lists_spellings():
    res = run("places", "variants", "البوكمال")
    assert "ابو كمال" in json.loads(res.stdout)["variants"]


@pytest.mark.parametrize("args", [("places", "near", "100", "40"), ("places", "near", "x", "y"),
                                  ("places", "near", "34", "40", "--km", "-1")])
def test_places_bad_arguments_are_usage_errors(args):
    res = run(*args)
    assert res.exit_code == 2 and "Traceback" not in res.stderr


def test_a_lone_surrogate_in_one_line_costs_nothing_of_the_batch(tmp_path):
    good = [json.dumps({"id": f"g{i}", "text": f"{SHELLING} وقتل {i + 2} مدنيين."}, ensure_ascii=False)
            for i in range(5)]
    # Valid JSON whose string holds an unpaired UTF-16 escape, as scraped archives often do.
    broken = '{"id": "s", "title": "\\udc80", "text": "\\ud800 ' + SHELLING + '"}'
    path = jsonl(tmp_path / "mixed.jsonl", *good[:2], broken, *good[2:])
    db = str(tmp_path / "s.db")
    result = run("ingest", str(path), "--db", db, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{path}:3: 'text' has 1 lone surrogate" in result.stderr
    ids = {row[0] for row in stored(db, "SELECT article_id FROM articles")}
    assert ids == {"g0", "g1", "g2", "g3", "g4", "s"}
    [(text, title)] = stored(db, "SELECT text, title FROM articles WHERE article_id = 's'")
    assert text.startswith("\ufffd ") and title == "\ufffd"
    extracted = run("extract", str(path))
    assert extracted.exit_code == 0 and {e["article_id"] for e in events_of(extracted.stdout)} >= {"g0", "s"}


def test_every_verb_survives_a_hostile_folder(tmp_path, hostile_folder, fake_analyze):
    root, good_ids, bad = hostile_folder
    extracted = run("extract", str(root))
    assert extracted.exit_code == 0 and "Traceback" not in extracted.stderr
    for name, message in bad.items():
        assert f"{root / name}" in extracted.stderr and message in extracted.stderr
    assert {e["article_id"] for e in events_of(extracted.stdout)} == good_ids
    db = str(tmp_path / "h.db")
    ingested = run("ingest", str(root), "--db", db, "--jobs", "1")
    assert ingested.exit_code == 0 and "Traceback" not in ingested.stderr
    assert {r[0] for r in stored(db, "SELECT article_id FROM articles")} == good_ids
    assert run("fuse", "--db", db).exit_code == 0
    for fmt in ("acled-csv", "geojson", "jsonl"):
        assert run("export", "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"), "--db", db).exit_code == 0
    assert len(events_of(run("search", "قصفت", "--db", db, "--limit", "50").stdout)) == len(good_ids)
    for (event_id,) in stored(db, "SELECT event_id FROM events"):
        shown = run("show", event_id, "--db", db)
        assert shown.exit_code == 0 and json.loads(shown.stdout)["event_id"] == event_id


@pytest.mark.parametrize("args, code, message", [
    (["show", "\udcff"], 1, "no incident or event '\ufffd'"),
    (["review", "e\udcff", "--accept"], 1, "no event 'e\ufffd'"),
    (["search", "قصف\udcff"], 0, "QUERY"),
    (["places", "lookup", "درعا\udcff"], 0, "NAMES"),
])
def test_arguments_the_shell_could_not_decode_are_replaced_and_reported(fused_db, args, code, message):
    result = run(*args, "--db", fused_db) if args[0] != "places" else run(*args)
    assert result.exit_code == code and message in result.stderr and "Traceback" not in result.stderr


def test_a_review_note_with_undecodable_bytes_is_stored_replaced(fused_db):
    [(event_id,)] = stored(fused_db, "SELECT event_id FROM events LIMIT 1")
    result = run("review", event_id, "--reject", "--note", "خطأ\udcff", "--db", fused_db)
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert stored(fused_db, "SELECT note FROM reviews") == [("خطأ\ufffd",)]


def test_input_limits_come_from_options_or_the_environment(tmp_path, fake_analyze):
    path = jsonl(tmp_path / "in.jsonl", {"id": "long", "text": SHELLING * 40},
                 {"id": "deep", "text": SHELLING, "extra": [[[1]]]}, {"id": "ok", "text": SHELLING})
    by_env = CliRunner(mix_stderr=False, env={"RASID_MAX_LINE_BYTES": "1000"}).invoke(main, ["extract", str(path)])
    assert by_env.exit_code == 0 and f"{path}:1: line of" in by_env.stderr
    assert {e["article_id"] for e in events_of(by_env.stdout)} == {"deep", "ok"}
    by_flag = run("extract", str(path), "--max-depth", "2")
    assert f"{path}:2: JSON nested deeper than 2 levels" in by_flag.stderr
    assert {e["article_id"] for e in events_of(by_flag.stdout)} == {"long", "ok"}
    assert run("extract", str(path), "--max-depth", "100000").exit_code == 2


@pytest.mark.parametrize("bad_event, message", [
    (dict(GOLD_EVENT, actors=[["SYR_GOV"]]), "a list of actor names"),
    (dict(GOLD_EVENT, time_precision=[1]), "'time_precision'"),
    (dict(GOLD_EVENT, sub_event_type_alt=5), "'sub_event_type_alt'"),
    (dict(GOLD_EVENT, locations=[{"name": "x", "latitude": float("inf"), "longitude": 36.1}]), "latitude"),
])
def test_evaluate_rejects_a_gold_line_of_wrong_types_with_its_line(tmp_path, bad_event, message):
    gold = jsonl(tmp_path / "gold.jsonl", {"article": {"id": "g1", "text": SHELLING}, "events": [GOLD_EVENT]},
                 {"article": {"id": "g2", "text": SHELLING}, "events": [bad_event]})
    result = run("evaluate", "--gold", str(gold))
    assert result.exit_code == 1 and f"{gold}:2: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_evaluate_leaves_out_hostile_system_lines_and_scores_the_rest(tiny_gold, tmp_path):
    event = {"article_id": "g1", "event_date": "2018-06-24", "event_type": GOLD_EVENT["event_type"],
             "sub_event_type": GOLD_EVENT["sub_event_type"], "actor1": "SYR_GOV",
             "location": {"latitude": 32.62, "longitude": 36.10}, "evidence": [{"start": 0, "end": 3}]}
    system = tmp_path / "sys.jsonl"
    system.write_bytes(b"\n".join([
        json.dumps(event).encode(), b"[" * 50_000 + b"]" * 50_000, json.dumps(dict(event, article_id=["g1"])).encode(),
        json.dumps(dict(event, evidence=5)).encode(), json.dumps(dict(event, actor1={"a": 1})).encode(),
        json.dumps(dict(event, location={"latitude": "inf", "longitude": 36.1}, event_date="2018-06-24")).encode(),
        json.dumps(event).encode().replace(b'"g1"', b'"g\\ud800"'),
        ('{"article_id": "g2", "event_type": "Battles", "x": "' + SHELLING).encode() + b'\xff"}', b""]))
    result = run("evaluate", "--gold", str(tiny_gold), "--system", str(system), "--errors", "--json")
    assert result.exit_code == 0 and "Traceback" not in result.stderr, result.stderr
    assert [n for n in range(2, 7) if f"sys.jsonl:{n}: " in result.stderr] == [2, 3, 4, 5, 6]
    assert "sys.jsonl:8: invalid UTF-8" in result.stderr
    scores = json.loads(result.stdout)
    assert (scores["tp"], scores["fp"]) == (1, 1)


# --- generated input (hypothesis; profiles in conftest.py) and the hostile-folder script ------------

from hypothesis import given, strategies as st  # noqa: E402

from conftest import clean_arabic_texts, hostile_lines  # noqa: E402


def _dump(db):
    return {table: sorted(map(repr, stored(db, f"SELECT * FROM {table}"))) for table in ("events", "claims")} | {
        "articles": sorted(map(repr, stored(db, "SELECT article_id, content_hash, text, title, url FROM articles")))}


@given(st.lists(hostile_lines() | clean_arabic_texts(15).map(
    lambda t: json.dumps({"id": t[:6], "text": t}, ensure_ascii=False).encode()), min_size=1, max_size=6))
def test_generated_lines_through_extract_and_ingest_twice(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    extracted = run("extract", str(path))
    assert extracted.exit_code in (0, 1), extracted.stderr
    assert extracted.exception is None or isinstance(extracted.exception, SystemExit), extracted.exception
    assert "Traceback" not in extracted.stderr
    db = str(folder / "g.db")
    first = run("ingest", str(path), "--db", db, "--jobs", "1")
    assert first.exit_code in (0, 1) and "Traceback" not in first.stderr, first.stderr
    if first.exit_code == 1:
        assert "no article could be read" in first.stderr
        return
    once = _dump(db)
    again = run("ingest", str(path), "--db", db, "--jobs", "1")
    assert again.exit_code == 0 and " 0 new articles stored with 0 events" in again.stderr, again.stderr
    assert _dump(db) == once


def test_the_hostile_folder_script_finds_every_report_stored_and_every_bad_input_reported(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    towns = ["الحراك", "نوى", "طفس", "جاسم", "داعل", "إنخل"]
    corpus = tmp_path / "reports.jsonl"
    jsonl(corpus, *({"id": f"r{i}", "published": "2018-06-25", "outlet": "test",
                     "text": f"قصفت قوات النظام بلدة {towns[i % 6]} بقذائف المدفعية صباح اليوم، ما أدى إلى مقتل "
                             f"{i + 1} مدنيين بحسب ناشطين.\nوتجدد القصف مساء على الأحياء الشرقية."} for i in range(60)))
    script = Path(__file__).resolve().parent.parent / "scripts" / "hostile_folder.py"
    done = subprocess.run([sys.executable, str(script), "--broken", "30", "--reports", "30", "--corpus", str(corpus),
                           "--jobs", "1"], capture_output=True, text=True, timeout=300)
    summary = json.loads(done.stdout)
    assert done.returncode == 0 and summary["ok"], summary
    assert summary["real_reports_stored"] == 30 and summary["broken_files"] == 30 and len(summary["kinds"]) == 16
    assert summary["stored"] == summary["expected_stored"] > 30 and summary["to_report"] > 10


# Words a query, an id or a field value may hold when it comes from a shell, a script or a pasted page.
_ARGUMENT = st.lists(st.sampled_from(list("قصف حلب درعا ـًٌٍَُِّْ0123456789٠١٢٣,.-=*\"'()[]{}:^~%_\\/<>")
                                     + ["\x00", "\x07", "\x1b", "\u200f", "\u202e", "\udcff", "\ud800", "\ufffd",
                                        " NEAR ", " AND ", " OR ", " NOT ", "fatalities.best", "event_type", "actor1"]),
                     max_size=30).map("".join)


@pytest.fixture(scope="module")
def generated_args_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("args")
    path = jsonl(folder / "in.jsonl", {"id": "a", "outlet": "A", "published": "2018-06-24", "text": SHELLING},
                 {"id": "b", "outlet": "B", "published": "2018-06-24", "text": "أفاد ناشطون بأن الطيران " + SHELLING})
    db = str(folder / "g.db")
    assert run("ingest", str(path), "--db", db, "--jobs", "1").exit_code == 0
    assert run("fuse", "--db", db).exit_code == 0
    return db


@given(verb=st.sampled_from(["search", "show", "review-set", "review-note", "places", "export-since", "export-type",
                             "export-bbox"]), value=_ARGUMENT)
def test_generated_arguments_to_the_store_verbs_end_in_a_documented_exit_code(generated_args_db, verb, value):
    db = ["--db", generated_args_db]
    args = {"search": ["search", value, *db], "show": ["show", value, *db],
            "review-set": ["review", "e-none", "--set", value, *db],
            "review-note": ["review", value, "--reject", "--note", value, *db],
            "places": ["places", "lookup", value],
            "export-since": ["export", "-f", "jsonl", "--since", value, *db],
            "export-type": ["export", "-f", "acled-csv", "--type", value, *db],
            "export-bbox": ["export", "-f", "geojson", "--bbox", value, *db]}[verb]
    result = run(*args)
    # 0 done, 1 nothing found or a data error, 2 a usage mistake: never a traceback
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert "Traceback" not in result.stderr
