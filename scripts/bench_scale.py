"""Measures Dask ingestion: articles/s through 1 and 2 local workers, one process into SQLite, and `fuse` on each backend.

Usage: .venv/bin/python scripts/bench_scale.py [FILE] [--limit 3000] [--workers 1 2] [--postgres URL | --no-postgres]

FILE defaults to ../shared/corpus/ant-multisource.jsonl.xz. With --limit the first N lines are copied to a temporary
.jsonl first (not timed). The Dask runs go into PostgreSQL when --postgres gives a URL or the pgserver package can start
a server in a temporary folder, else into SQLite. Each Dask run starts a LocalCluster of one-thread worker processes,
warms them (lexicons loaded, not timed: the startup is reported apart) and times `scale.ingest` alone (on PostgreSQL
with the GIN index's pending list merged), with the CPU per article of the workers, of the client (which holds the
scheduler) and of a PostgreSQL server on this machine.
Timings on a machine shared with other work are noisy, CPU per article much less: say so when reporting them.
Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from rasid import bench, incidents, pipeline, scale
from rasid.reader import ReadError, read_articles, raw_lines
from rasid.records import Article
from rasid.store import Extractor, Store


def head(path: Path, limit: int, out: Path) -> int:
    """Copies the first `limit` lines of a JSON-lines file (.xz too) to out; returns how many."""
    n = 0
    with out.open("wb") as sink:
        for raw in raw_lines(path):
            if isinstance(raw, int) or not raw.strip():
                continue
            sink.write(raw + b"\n")
            n += 1
            if n >= limit:
                break
    return n


def one_process(path: Path, db: str) -> dict:
    """Ingests path in this process (as `rasid ingest -j 1`), timed after the lexicons are loaded."""
    _warm()
    start, cpu = time.perf_counter(), time.process_time()
    with Store.open(db, create=True) as store, Extractor(1) as extractor:
        counts = store.ingest(((a, str(path)) for a in read_articles(path) if not isinstance(a, ReadError)),
                              extractor)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"articles": counts.new, "events": counts.events, "seconds": round(seconds, 1),
            "articles_per_s": round(counts.new / seconds, 1),
            "cpu_ms_per_article": round(1000 * cpu / max(counts.read, 1), 2)}


def _warm() -> int:
    pipeline.analyze(Article("warm", "قتل مدنيان في قصف مدفعي على بلدة كفرنبل."))
    return 0


def server_process(db: str):
    """Returns the psutil process of the PostgreSQL server behind a URL when it runs on this machine, else None."""
    if not db.startswith("postgres"):
        return None
    import psutil
    import psycopg
    with psycopg.connect(db, autocommit=True) as conn:
        backend = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        try:
            # Asked while the connection lives: its backend ends with it.
            return psutil.Process(backend).parent()
        except psutil.Error:  # a server elsewhere
            return None


def server_cpu(server) -> float:
    """Returns the CPU seconds of a PostgreSQL server: the postmaster, its live backends, and those that ended."""
    import psutil
    if server is None:
        return 0.0
    own = server.cpu_times()
    total = own.user + own.system + own.children_user + own.children_system
    for child in server.children():
        try:
            times = child.cpu_times()
        except psutil.Error:  # ended meanwhile: counted in the postmaster's children times next time
            continue
        total += times.user + times.system
    return total


def through_dask(path: Path, db: str, workers: int, lines_per_task: int) -> dict:
    """Ingests path through a LocalCluster of `workers` processes; times startup and ingest apart."""
    import dask
    from distributed import Client, LocalCluster
    server = server_process(db)
    start = time.perf_counter()
    # As `ingest --dask local:N` starts its cluster.
    with dask.config.set(scale.LOCAL_CONFIG), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(_warm)
        ready = time.perf_counter()
        # CPU seconds tell the work apart from the waiting on a machine shared with other jobs.
        worker_cpu, client_cpu = sum(client.run(time.process_time).values()), time.process_time()
        db_cpu = server_cpu(server)
        with Store.open(db, create=True) as store:
            counts = scale.ingest(store, client, [str(path)], plan=scale.Plan(lines_per_task, split_bytes=0))
            if server:
                # GIN's pending list is part of the ingest's cost: merged here, not left to the next search.
                store.execute("SELECT gin_clean_pending_list('articles_fts_body'::regclass)")
            # Read while the pool's backends live: one that ended is counted only once the server reaps it.
            db_cpu = server_cpu(server) - db_cpu
        seconds = time.perf_counter() - ready
        worker_cpu = sum(client.run(time.process_time).values()) - worker_cpu
        client_cpu = time.process_time() - client_cpu
    return {"workers": workers, "articles": counts.new, "events": counts.events,
            "startup_seconds": round(ready - start, 1), "seconds": round(seconds, 1),
            "articles_per_s": round(counts.new / seconds, 1),
            "per_worker_articles_per_s": round(counts.new / seconds / workers, 1),
            "worker_cpu_ms_per_article": round(1000 * worker_cpu / max(counts.read, 1), 2),
            # The client process holds the LocalCluster's scheduler too.
            "client_cpu_ms_per_article": round(1000 * client_cpu / max(counts.read, 1), 2),
            "server_cpu_ms_per_article": round(1000 * db_cpu / max(counts.read, 1), 2) if server else None}


def fused(db: str) -> dict:
    """Times `fuse` on a store."""
    start = time.perf_counter()
    with Store.open(db) as store:
        counts = incidents.fuse(store)
    return {"incidents": counts.incidents, "seconds": round(time.perf_counter() - start, 2)}


def postgres(url: str | None, folder: Path, off: bool):
    """Returns a function that makes a new empty PostgreSQL database URL, and the server to stop; or (None, None)."""
    if off:
        return None, None
    server = None
    if url is None:
        try:
            import pgserver
            server = pgserver.get_server(str(folder / "pg"), cleanup_mode="stop")
            url = server.get_uri()
        except Exception as err:  # not installed, or no server can run here
            print(f"bench_scale: no PostgreSQL ({err}); the Dask runs go into SQLite", file=sys.stderr)
            return None, None
    import psycopg

    def new_database() -> str:
        name = f"rasid_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        base, _, query = url.partition("?")
        return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")
    return new_database, server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="JSON-lines input (default: the ANT corpus)")
    parser.add_argument("--limit", type=int, help="only the first N lines")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="local worker counts to time")
    parser.add_argument("--lines-per-task", type=int, help="lines per Dask task [default: a 16th of the input per "
                        "worker, at most scale.LINES_PER_TASK]")
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL server to create bench databases on")
    parser.add_argument("--no-postgres", action="store_true", help="Dask runs into SQLite even where pgserver exists")
    parser.add_argument("--skip-single", action="store_true", help="no one-process SQLite run")
    args = parser.parse_args()
    path = Path(args.file or bench.default_file() or "")
    if not path.is_file():
        parser.error(f"no input file {path}")
    folder = Path(tempfile.mkdtemp(prefix="rasid-bench-scale-"))
    new_database, server = postgres(args.postgres, folder, args.no_postgres)
    try:
        if args.limit:
            sample = folder / "input.jsonl"
            head(path, args.limit, sample)
            path = sample
        lines = sum(1 for _ in raw_lines(path))
        per_task = args.lines_per_task or max(50, min(scale.LINES_PER_TASK, lines // (16 * max(args.workers))))
        result: dict = {"input": str(path), "lines": lines, "lines_per_task": per_task}
        if not args.skip_single:
            single = str(folder / "single.db")
            result["sqlite_one_process"] = one_process(path, single)
            result["fuse_sqlite"] = fused(single)
        runs = []
        for workers in args.workers:
            db = new_database() if new_database else str(folder / f"dask{workers}.db")
            run = through_dask(path, db, workers, per_task)
            run["backend"] = "postgresql" if new_database else "sqlite"
            if workers == max(args.workers):
                result[f"fuse_{run['backend']}"] = fused(db)
            runs.append(run)
        result["dask"] = runs
        rates = {r["workers"]: r["articles_per_s"] for r in runs}
        if 1 in rates and 2 in rates:
            result["ratio_2_to_1"] = round(rates[2] / rates[1], 2)
        best = max(runs, key=lambda r: r["workers"], default=None)
        if best:
            # 16 workers at the measured per-worker rate, with the 2-worker efficiency kept (no further loss assumed).
            hours = 1_000_000 / (16 * best["per_worker_articles_per_s"]) / 3600
            result["one_million_on_16_workers_hours"] = round(hours, 2)
        if "fuse_postgresql" in result and "fuse_sqlite" in result:
            result["fuse_postgresql_to_sqlite"] = round(result["fuse_postgresql"]["seconds"]
                                                        / max(result["fuse_sqlite"]["seconds"], 1e-3), 2)
        print(json.dumps(result, indent=2))
    finally:
        if server is not None:
            server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
