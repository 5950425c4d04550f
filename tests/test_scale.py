"""Dask ingestion on a real LocalCluster of two worker processes: same store as without Dask, re-runs, killed workers."""
from __future__ import annotations

import json
import lzma
import os
import signal
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid import scale, search
from rasid.cli import main
from rasid.reader import ReadError, raw_lines, read_articles
from rasid.store import Extractor, Store

distributed = pytest.importorskip("distributed", reason="the `scale` extra (dask[distributed]) is not installed")

TOWNS = ("كفرنبل", "معرة النعمان", "خان شيخون", "سراقب", "جسر الشغور", "اللطامنة", "كفرزيتا", "حاس")


def reports(n: int = 24) -> list[dict]:
    """Returns n short Arabic reports of our own, each with one event (a shelling, a clash or an air strike)."""
    out = []
    for k in range(n):
        town = TOWNS[k % len(TOWNS)]
        text = (f"قتل {k + 3} مدنيين وجرح آخرون في قصف مدفعي لقوات النظام على مدينة {town} في ريف إدلب.",
                f"اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على أطراف {town} أسفرت عن مقتل {k + 2} عناصر.",
                f"شنت طائرات حربية روسية غارات جوية على {town}، ما أدى إلى مقتل {k + 1} أشخاص ودمار في المنازل.")[k % 3]
        out.append({"id": f"r{k:03d}", "text": text, "published": f"2019-05-{1 + k % 28:02d}", "outlet": "test"})
    return out


def lines(items: list[dict]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two one-thread worker processes configured as `--dask local:2`, shared by this module's tests."""
    import dask
    with dask.config.set(scale.LOCAL_CONFIG):
        try:
            cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=40)
        except Exception as err:  # no sockets or no processes in this sandbox
            pytest.skip(f"a Dask LocalCluster cannot start here: {err}")
        with cluster, distributed.Client(cluster) as dask_client:
            yield dask_client


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder of .jsonl, .jsonl.xz (in a subfolder) and .txt inputs, with a malformed line and a repeated id."""
    items = reports()
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.jsonl").write_text(lines(items[:9]) + "{not json\n" + lines([{**items[0], "text": items[0]["text"]
                                                                             + " وأفاد ناشطون بذلك."}]),
                                  encoding="utf-8")
    with lzma.open(root / "sub" / "b.jsonl.xz", "wt", encoding="utf-8") as out:
        out.write(lines(items[9:]))
    (root / "c.txt").write_text("سقطت قذائف هاون على حي في مدينة درعا وأدت إلى مقتل امرأة.", encoding="utf-8")
    return root


def stored(url: Path | str) -> tuple[list, list]:
    """Returns what a store holds: its events as reports, and its articles in order with their events."""
    with Store.open(str(url)) as store:
        events = [(r.event_id, r.article_id, r.event.to_json()) for r in store.reports()]
        ids = [row[0] for row in store.rows("SELECT article_id FROM articles ORDER BY article_no")]
        return events, [store.article(i) for i in ids]


def found(url: Path | str) -> dict[str, set[str]]:
    """Returns the ids each of a few Arabic queries finds in a store's full-text index."""
    with Store.open(str(url)) as store:
        return {q: search.matching_articles(store, q) for q in ("قصف", "ادلب", "غارات", "كفرنبل", "خان*")}


def plain_ingest(db: Path, source: Path) -> tuple[object, list[str]]:
    """Ingests source in this process, as `rasid ingest -j 1` does; returns the counts and the read problems."""
    problems: list[str] = []

    def articles():
        for item in read_articles(source):
            if isinstance(item, ReadError):
                problems.append(str(item))
            else:
                yield item, str(source)
    with Store.open(str(db), create=True) as store, Extractor(1) as extractor:
        return store.ingest(articles(), extractor), problems


SPLIT = scale.Plan(lines_per_task=4, split_bytes=0, min_lines_per_task=4)


def dask_ingest(db: Path | str, source: Path, client, plan: scale.Plan = SPLIT, **kwargs) -> tuple[object, list[str]]:
    """Ingests source through the cluster's workers; returns the counts and the read problems."""
    problems: list[str] = []
    with Store.open(str(db), create=True) as store:
        counts = scale.ingest(store, client, [str(source)], plan=plan, on_problem=lambda p: problems.append(str(p)),
                              **kwargs)
    return counts, problems


@pytest.mark.parametrize("address, expected", [("local:2", 2), ("local:16", 16), ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786")])
def test_an_address_names_a_local_cluster_or_a_scheduler(address, expected):
    assert scale.parse_address(address) == expected


def test_the_local_cluster_settings_name_keys_dask_has():
    import dask
    # A misspelt key is taken silently and changes nothing: each must be one dask knows.
    for key in scale.LOCAL_CONFIG:
        dask.config.get(key)


@pytest.mark.parametrize("address", ["local:0", "local:", "local:two", "10.0.0.5:8786", "bogus"])
def test_a_bad_address_is_refused(address):
    with pytest.raises(ValueError):
        scale.parse_address(address)


@pytest.mark.parametrize("lines, most, threads, least", [
    (1, 2000, 2, 100), (99, 2000, 2, 100), (31_525, 985, 2, 100), (31_525, 2000, 16, 100), (10, 4, 1, 1), (7, 3, 3, 3)])
def test_line_ranges_cover_the_file_once_and_shrink_towards_its_end(lines, most, threads, least):
    ranges = scale.line_ranges(lines, most, threads, least)
    sizes = [(stop or lines + 1) - first for first, stop in ranges]
    assert ranges[0][0] == 1 and ranges[-1][1] is None and sum(sizes) == lines
    assert all(stop == following for (_, stop), (following, _) in zip(ranges, ranges[1:]))
    assert sizes == sorted(sizes, reverse=True) and max(sizes) <= max(most, least)
    # The last range is short: a worker finishing alone waits for at most one small task.
    assert sizes[-1] <= max(least, -(-lines // (2 * threads)))
    if lines >= 2 * threads * most:
        assert sizes[-1] <= least and sizes[0] == most


def test_line_ranges_take_a_share_of_what_is_left():
    assert scale.line_ranges(10, 4, 1, 1) == [(1, 5), (5, 8), (8, 10), (10, None)]


def test_a_big_file_is_split_into_line_ranges_that_cover_it_once(client, folder):
    parts = list(scale.partitions(client, [str(folder)], SPLIT))
    assert [(Path(p.path).name, p.first, p.stop) for p in parts] == [
        ("a.jsonl", 1, 5), ("a.jsonl", 5, 9), ("a.jsonl", 9, None), ("c.txt", 1, None),
        ("b.jsonl.xz", 1, 5), ("b.jsonl.xz", 5, 9), ("b.jsonl.xz", 9, 13), ("b.jsonl.xz", 13, None)]
    whole = list(scale.partitions(client, [str(folder)]))
    assert [(Path(p.path).name, p.first, p.stop) for p in whole] == [
        ("a.jsonl", 1, None), ("c.txt", 1, None), ("b.jsonl.xz", 1, None)]


@pytest.mark.parametrize("plan", [SPLIT, scale.Plan()], ids=["line ranges", "one task per file"])
def test_dask_stores_what_one_process_stores_and_reports_the_same_problems(client, folder, tmp_path, plan,
                                                                           store_url):
    plain, plain_problems = plain_ingest(tmp_path / "plain.db", folder)
    dask, dask_problems = dask_ingest(store_url, folder, client, plan)
    assert dask == plain
    assert (plain.read, plain.new, plain.failed) == (26, 26, 0)
    assert dask_problems == plain_problems
    assert any("a.jsonl:10: malformed JSON" in p for p in dask_problems)
    assert any("a.jsonl:11: duplicate article id 'r000'" in p for p in dask_problems)
    assert stored(store_url) == stored(tmp_path / "plain.db")
    # The workers computed what the index takes: it finds what a one-process ingest's index finds.
    assert found(store_url) == found(tmp_path / "plain.db") and all(found(store_url).values())


@pytest.mark.parametrize("index", [search.index_text, search.index_words])
def test_workers_compute_the_index_body_of_the_text_as_stored(tmp_path, index):
    source = tmp_path / "in.jsonl"
    source.write_text(lines([{"id": "t", "title": "قصف على حاس", "text": "قصف\u0000 مدفعي على بلدة حاس."}]),
                      encoding="utf-8")
    part = scale.Partition(str(source), str(source), "jsonl", 0)
    *problems, article = scale.read_partition(part, scale.Options(index=index))
    assert [p.message.split(";")[0] for p in problems] == ["'text' has 1 control character(s) (NUL and the like)"]
    assert article.index == index("قصف على حاس", "قصف\ufffd مدفعي على بلدة حاس.")
    assert scale.read_partition(part, scale.Options())[-1].index is None


@pytest.mark.parametrize("order", [(1, 2, 3, 4), (1, 3, 2, 4), (4, 3, 2, 1), (2, 2, 1, 1)],
                         ids=["in order", "skipping back", "backwards", "retried"])
def test_a_worker_reads_ranges_of_a_compressed_file_as_a_fresh_read_would(tmp_path, monkeypatch, order):
    big = tmp_path / "big.jsonl.xz"
    big.write_bytes(lzma.compress(lines(reports(12)).encode("utf-8") + b"{not json\n"))
    ranges = {1: (1, 4), 2: (4, 8), 3: (8, 11), 4: (11, None)}

    def partition(k: int) -> scale.Partition:
        return scale.Partition(str(big), str(big), "jsonl", 0, *ranges[k])

    fresh = {k: [(getattr(i, "id", None), getattr(i, "line_no", None), str(i)) for i in
                 scale.read_partition(partition(k), scale.Options())] for k in ranges}
    opened = []
    monkeypatch.setattr(scale, "raw_lines", lambda *a: opened.append(a) or raw_lines(*a))
    monkeypatch.setattr(scale._reading, "state", None, raising=False)
    for k in order:
        got = [(getattr(i, "id", None), getattr(i, "line_no", None), str(i)) for i in
               scale.read_partition(partition(k), scale.Options())]
        assert got == fresh[k]
    assert any("big.jsonl.xz:13: malformed JSON" in text for _, _, text in fresh[4])
    # Ranges taken in the file's order continue one read; going back to an earlier line opens the file again.
    assert len(opened) == 1 + sum(b <= a for a, b in zip(order, order[1:]))


def test_a_slow_partition_does_not_hold_the_other_worker_back(client, tmp_path):
    # The first partition is long, the next ones one report each: the idle worker takes them while it runs.
    big = tmp_path / "big.jsonl"
    big.write_text(lines(reports(120) + reports(4)), encoding="utf-8")
    parts = [scale.Partition(str(big), str(big), "jsonl", 0, 1, 121),
             *(scale.Partition(str(big), str(big), "jsonl", 0, first, first + 1) for first in range(121, 125))]
    keys: list[str] = []

    class Recording:
        def submit(self, *args, **kwargs):
            future = client.submit(*args, **kwargs)
            keys.append(future.key)
            return future

        def cancel(self, futures):
            client.cancel(futures)

    with distributed.get_task_stream(client) as stream:
        items = list(scale._in_order(Recording(), iter(parts), scale.Options(), 2, 0))
    assert len(items) == 124
    spans = {t["key"]: next(s for s in t["startstops"] if s["action"] == "compute") for t in stream.data}
    assert spans[keys[2]]["start"] < spans[keys[0]]["stop"]


def test_a_rerun_stores_nothing_twice_and_a_grown_input_only_what_is_new(client, folder, store_url):
    db = store_url
    first, _ = dask_ingest(db, folder, client)
    again, _ = dask_ingest(db, folder, client)
    assert (again.read, again.duplicates, again.new) == (first.read, first.read, 0)
    (folder / "d.jsonl").write_text(lines([{"id": "new", "text": "قصف مدفعي على بلدة حاس أدى إلى مقتل رجل."}]),
                                    encoding="utf-8")
    grown, _ = dask_ingest(db, folder, client)
    assert (grown.new, grown.duplicates) == (1, first.read)


def test_reextract_through_dask_finds_the_stored_events_unchanged(client, folder, tmp_path):
    db = tmp_path / "dask.db"
    dask_ingest(db, folder, client)
    with Store.open(str(db)) as store:
        redone = store.reextract(scale.DaskExtractor(client, chunk=4))
    assert (redone.articles, redone.changed, redone.failed) == (26, 0, 0)
    assert redone.events_after == redone.events_before > 0


def test_an_article_whose_analysis_fails_is_reported_and_the_rest_stored(client, folder, tmp_path):
    # What extract() caught on the worker reaches the Store's on_failure, as in the non-Dask path.
    failures: list[str] = []
    with Store.open(str(tmp_path / "dask.db"), create=True) as store:
        articles = [(scale.Analysed("x1", "نص", analysed_as="x1", error="RuntimeError: boom"), "s"),
                    (scale.Analysed("x2", "نص آخر", analysed_as="x2", events=[]), "s")]
        counts = store.ingest(iter(articles), scale.DaskExtractor(client),
                              on_failure=lambda a, e: failures.append(f"{a.id}: {e}"))
    assert failures == ["x1: RuntimeError: boom"]
    assert (counts.failed, counts.new) == (1, 1)


def test_a_renamed_article_is_analysed_again_under_its_new_id(client):
    carried = scale.Analysed("r1~abcd", "قصف مدفعي على درعا.", analysed_as="r1", events=[{"article_id": "r1"}])
    fresh = scale.Analysed("r2", "نص", analysed_as="r2", events=[{"article_id": "r2"}])
    results = scale.DaskExtractor(client).map([carried, fresh])
    assert results[1] == ([{"article_id": "r2"}], None)
    assert all(e["article_id"] == "r1~abcd" for e in results[0][0])


def test_the_cli_ingests_through_a_running_scheduler(client, folder, tmp_path):
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--dask", client.scheduler.address])
    assert result.exit_code == 0, result.output
    assert "26 new articles stored" in result.output
    assert f"{folder}/a.jsonl:10: malformed JSON" in result.output
    plain = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "plain.db"), "-j", "1"])
    assert stored(db) == stored(tmp_path / "plain.db") and plain.exit_code == 0
    # the workers computed the search index the client stored: the same queries find the same articles
    assert found(db) == found(tmp_path / "plain.db") and all(found(db).values())


@pytest.mark.parametrize("address", ["local:0", "127.0.0.1:8786"])
def test_the_cli_refuses_a_bad_cluster_address(tmp_path, folder, address):
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "x.db"), "--dask", address])
    assert result.exit_code == 2 and "--dask" in result.output


def test_an_unreachable_scheduler_is_a_clean_error():
    with pytest.raises(scale.ScaleError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with scale.connect("tcp://127.0.0.1:9", timeout=1):
            pass


def test_a_task_that_keeps_failing_names_its_lines_and_stops_the_run(client, tmp_path, monkeypatch):
    big = tmp_path / "big.jsonl"
    big.write_text(lines(reports(6)), encoding="utf-8")
    parts = [scale.Partition(str(big), "/nonexistent/big.jsonl", "jsonl", 0, 1, 4)]
    # A missing file is a read problem the task reports; a task that raises is retried, then named.
    with pytest.raises(scale.ScaleError, match=r"big.jsonl:1-3: a Dask task failed after 0 retries"):
        list(scale._in_order(client, iter(parts), scale.Options(limits="not limits"), 2, 0))


def test_the_cli_reads_no_stdin_through_dask(tmp_path):
    result = CliRunner().invoke(main, ["ingest", "-", "--db", str(tmp_path / "x.db"), "--dask", "local:1"],
                                input="{}\n")
    assert result.exit_code == 2 and "not stdin" in result.output


# Last in the module: the restarted worker loads its lexicons again, which no later test then waits for.
def test_a_worker_killed_mid_run_loses_nothing_and_stores_nothing_twice(client, tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text(lines(reports(24) + [{**r, "id": r["id"] + "b", "text": r["text"] + " ثم انسحبت."}
                                        for r in reports(24)] * 1), encoding="utf-8")
    pids = client.run(os.getpid)
    killed: list[str] = []
    stop = threading.Event()

    def kill_a_busy_worker() -> None:
        # Watches the scheduler and kills the first worker seen running a partition of this ingest.
        while not stop.is_set() and not killed:
            busy = [address for address, keys in client.processing().items() if keys and address in pids]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
            stop.wait(0.005)

    watcher = threading.Thread(target=kill_a_busy_worker)
    watcher.start()
    try:
        counts, _ = dask_ingest(tmp_path / "dask.db", big, client, SPLIT,
                                in_flight=6)
    finally:
        stop.set()
        watcher.join()
        client.wait_for_workers(2, timeout=60)
    assert killed
    plain, _ = plain_ingest(tmp_path / "plain.db", big)
    assert (counts.read, counts.new, counts.duplicates) == (plain.read, plain.new, 0) == (48, 48, 0)
    assert stored(tmp_path / "dask.db")[0] == stored(tmp_path / "plain.db")[0]
