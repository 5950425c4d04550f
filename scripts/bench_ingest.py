"""Measures `rasid ingest` end to end: articles/s with storage, peak RSS, database size, a second (idempotent) run and `rasid fuse`.

Usage: .venv/bin/python scripts/bench_ingest.py [FILE] [--limit 5000] [--categories middleEast] [--jobs 0] [--kill]

FILE defaults to ../shared/corpus/ant-multisource.jsonl.xz. The chosen articles are first copied to a
temporary JSON-lines file (not timed), then `rasid ingest` runs on it as a user would run it, into a
temporary database; the numbers are printed as one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rasid import bench
from rasid.reader import ReadError, json_records
from rasid.store import MAX_JOBS, stored_articles

RASID = [sys.executable, "-c", "from rasid.cli import main; main(prog_name='rasid')"]
# The same ingest with analyze() replaced by a lookup of the events a first run stored: what storage costs.
REPLAY = """
import json, sqlite3, sys
import rasid.pipeline
from rasid.cli import main
from rasid.store import event_from_json
conn = sqlite3.connect(sys.argv.pop(1))
events = {}
for article_id, data in conn.execute("SELECT article_id, data FROM events ORDER BY content_hash, ordinal"):
    events.setdefault(article_id, []).append(event_from_json(json.loads(data)))
conn.close()
rasid.pipeline.analyze = lambda article: events.get(article.id, [])
main(prog_name="rasid")
"""


def select(path: Path, categories: set[str], limit: int, out: Path) -> int:
    """Copies the first `limit` JSON lines of the categories to out; returns how many."""
    n = 0
    with out.open("w", encoding="utf-8") as sink:
        for _, record in json_records(path):
            if isinstance(record, ReadError) or (categories and record.get("category") not in categories):
                continue
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
            if n >= limit:
                break
    return n


def timed(args: list[str], command: list[str] = RASID) -> tuple[float, str]:
    """Runs a rasid command; returns its wall seconds and stderr (exits on failure)."""
    t0 = time.perf_counter()
    done = subprocess.run(command + args, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"rasid {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return seconds, done.stderr


def summary_number(stderr: str, pattern: str) -> int:
    m = re.search(pattern, stderr)
    return int(m.group(1)) if m else -1


def db_mb(db: Path) -> float:
    return round(sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20, 1)


def dump(db: Path) -> tuple:
    """Returns the stored articles, events and claims without timestamps, to compare two databases."""
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(sql).fetchall() for sql in (
            "SELECT content_hash, article_no, article_id, event_count FROM articles ORDER BY article_no",
            "SELECT event_id, content_hash, ordinal, signature, data FROM events ORDER BY event_id",
            "SELECT * FROM claims ORDER BY event_id, ordinal",
            "SELECT rowid FROM articles_fts ORDER BY rowid"))
    finally:
        conn.close()


def kill_test(source: Path, tmp: str, common: list[str], batch_size: int) -> dict:
    """SIGKILLs a real `rasid ingest` once a batch is committed, then checks the store and completes it."""
    killed_db, clean_db = Path(tmp, "killed.db"), Path(tmp, "clean.db")
    child = subprocess.Popen(RASID + ["ingest", str(source), "--db", str(killed_db), *common],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    while child.poll() is None and stored_articles(killed_db) < batch_size:
        time.sleep(0.01)
    os.killpg(child.pid, signal.SIGKILL)  # the ingest and its workers, as a crash or OOM kill would
    child.wait()
    conn = sqlite3.connect(killed_db)
    at_kill = {
        "returncode": child.returncode,
        "articles": conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
        "integrity_check": conn.execute("PRAGMA integrity_check").fetchone()[0],
        "articles_with_wrong_event_count": conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE event_count <> "
            "(SELECT COUNT(*) FROM events e WHERE e.content_hash = a.content_hash)").fetchone()[0],
    }
    conn.close()
    at_kill["whole_batches"] = at_kill["articles"] % batch_size == 0
    rerun_s, rerun = timed(["ingest", str(source), "--db", str(killed_db), *common])
    timed(["ingest", str(source), "--db", str(clean_db), *common])
    killed, clean = dump(killed_db), dump(clean_db)
    # The events of the articles stored before the kill are those a clean run stores for them.
    before = {row[0] for row in killed[0][:at_kill["articles"]]}
    at_kill["events_as_clean_run"] = [e for e in killed[1] if e[1] in before] == [e for e in clean[1] if e[1] in before]
    return {"at_kill": at_kill, "rerun": {"seconds": round(rerun_s, 2),
                                          "already_stored": summary_number(rerun, r"(\d+) already stored"),
                                          "same_as_clean_run": killed == clean}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=bench.default_file())
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--categories", default="middleEast",
                        help="comma-separated ANT categories ('' for all); middleEast is the conflict-heavy one")
    parser.add_argument("--jobs", type=int, default=0, help="rasid ingest --jobs (0: one per CPU)")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--kill", action="store_true",
                        help="instead: SIGKILL an ingest after its first batch, check the store, re-run, compare")
    args = parser.parse_args()
    if args.file is None or not args.file.is_file():
        sys.exit("no input file (give FILE, or put ../shared/corpus/ant-multisource.jsonl.xz beside the repo)")
    with tempfile.TemporaryDirectory(prefix="rasid-bench-") as tmp:
        source, db = Path(tmp, "articles.jsonl"), Path(tmp, "bench.db")
        categories = {c for c in args.categories.split(",") if c}
        articles = select(args.file, categories, args.limit, source)
        jobs = args.jobs or min(os.cpu_count() or 1, MAX_JOBS)
        common = ["--db", str(db), "--no-progress", "--jobs", str(args.jobs), "--batch-size", str(args.batch_size)]
        if args.kill:
            print(json.dumps({"articles": articles, "batch_size": args.batch_size, "jobs": jobs,
                              **kill_test(source, tmp, common[2:], args.batch_size)}, indent=2))
            return
        first_s, first = timed(["ingest", str(source), *common])
        # The largest of the ingest process and its workers (Linux keeps the maximum over descendants).
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        second_s, second = timed(["ingest", str(source), *common])
        fuse_s, fused = timed(["fuse", "--db", str(db)])
        refuse_s, refused = timed(["fuse", "--db", str(db)])
        replay_s, replayed = timed(["ingest", str(source), "--db", str(Path(tmp, "replay.db")), "--no-progress",
                                    "--batch-size", str(args.batch_size)],
                                   [sys.executable, "-c", REPLAY, str(db)])
        conn = sqlite3.connect(db)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        exact = conn.execute("SELECT COUNT(*) FROM articles a WHERE event_count <> "
                             "(SELECT COUNT(*) FROM events e WHERE e.content_hash = a.content_hash)").fetchone()[0]
        conn.close()
        report = {
            "file": str(args.file), "categories": sorted(categories), "articles": articles,
            "jobs": jobs, "cpus": os.cpu_count(), "batch_size": args.batch_size,
            "ingest": {"seconds": round(first_s, 2), "articles_per_s": round(articles / first_s, 1),
                       "new": summary_number(first, r"(\d+) new articles stored"),
                       "events": summary_number(first, r"with (\d+) events"),
                       "failed": summary_number(first, r"(\d+) failed")},
            "peak_rss_mb_largest_process": round(rss_mb, 1),
            "db_mb": db_mb(db),
            "second_run": {"seconds": round(second_s, 2),
                           "new": summary_number(second, r"(\d+) new articles stored"),
                           "already_stored": summary_number(second, r"(\d+) already stored")},
            "storage_only": {"seconds": round(replay_s, 2), "articles_per_s": round(articles / replay_s, 1),
                             "events": summary_number(replayed, r"with (\d+) events"),
                             "what": "the same ingest, one process, analyze() replaced by a lookup of the stored events"},
            "fuse": {"seconds": round(fuse_s, 2), "summary": fused.strip().removeprefix("rasid: ")},
            "fuse_again": {"seconds": round(refuse_s, 2), "summary": refused.strip().removeprefix("rasid: ")},
            "integrity_check": integrity, "articles_with_wrong_event_count": exact,
        }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
