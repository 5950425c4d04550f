"""The embedded store: articles, events, claims, reviews and fused incidents in one SQLite file."""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import multiprocessing
import os
import re
import sqlite3
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from . import __version__, pipeline, world
from .normalize import norm
from .records import Version
from .records import (Article, Claim, Event, Evidence, Fatalities, Incident, LedgerEntry, Location,
                      Member, Report)
from .search import index_text

log = logging.getLogger(__name__)

SCHEMA_VERSION = "2"
DEFAULT_DB = "rasid.db"
BATCH_SIZE = 200
# Each extractor process holds its own lexicons and gazetteer (about 130 MB).
MAX_JOBS = 8
_FTS_MARK = "-- @fts sqlite"
# A lone UTF-16 surrogate cannot be encoded: sha256 and SQLite both refuse it.
_UNENCODABLE = re.compile(r"[\ud800-\udfff]")


class StoreError(Exception):
    """A database that is missing, corrupt, not rasid's, or asked for something it does not hold."""


def now() -> str:
    """Returns the current UTC time as ISO text: «2026-12-03T14:12:18Z»."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(text: str) -> str:
    """Returns the sha256 of an article's text, the key that makes ingest idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_articles(path: str | Path) -> int:
    """Returns how many articles a database holds, read-only (0 before its schema exists); safe beside a running ingest."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


def storable(article: Article) -> Article:
    """Returns the article with lone surrogates replaced by U+FFFD, so that it can be hashed and stored: «\\ud800» → «\ufffd»."""
    bad = {name: value for name in ("id", "text", "title", "outlet", "url")
           if isinstance(value := getattr(article, name), str) and _UNENCODABLE.search(value)}
    if not bad:
        return article
    # The reader replaces them already; this guards callers that build Articles themselves.
    log.warning("article %r: lone surrogates in %s replaced by U+FFFD", _UNENCODABLE.sub("\ufffd", article.id),
                ", ".join(bad))
    return replace(article, **{name: _UNENCODABLE.sub("\ufffd", value) for name, value in bad.items()})


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# ---------------------------------------------------------------- records from stored JSON

def _location(obj: dict | None) -> Location | None:
    if not obj:
        return None
    return Location(name=obj["name"], latitude=obj["latitude"], longitude=obj["longitude"],
                    geo_precision=obj["geo_precision"], place_id=obj.get("place_id"),
                    admin1=obj.get("admin1"), admin2=obj.get("admin2"), reason=obj.get("reason", ""))


def _fatalities(obj: dict | None) -> Fatalities:
    obj = obj or {}
    return Fatalities(obj.get("low", 0), obj.get("best", 0), obj.get("high", 0))


def event_from_json(obj: dict) -> Event:
    """Rebuilds an Event from its EVENTS.md §2 JSON (Event.to_json() round-trips exactly)."""
    return Event(
        article_id=obj["article_id"], event_date=_day(obj.get("event_date")),
        time_precision=obj["time_precision"], event_type=obj["event_type"],
        sub_event_type=obj["sub_event_type"], actor1=obj["actor1"], actor2=obj.get("actor2"),
        location=_location(obj.get("location")), fatalities=_fatalities(obj.get("fatalities")),
        assoc_actor_1=tuple(obj.get("assoc_actor_1") or ()), assoc_actor_2=tuple(obj.get("assoc_actor_2") or ()),
        wounded=obj.get("wounded"), captured=obj.get("captured"),
        claims=tuple(Claim(c["source"], c["stance"], c["start"], c["end"]) for c in obj.get("claims") or ()),
        contested=bool(obj.get("contested")),
        evidence=tuple(Evidence(e["start"], e["end"], e.get("rule", "")) for e in obj.get("evidence") or ()),
        notes=obj.get("notes") or "",
        versions=tuple(Version.from_json(v) for v in obj.get("versions") or ()),
        country=obj.get("country") or "SY")


def corrected(event: dict, corrections: dict | None) -> dict:
    """Returns the event JSON with a reviewer's corrections: {"fatalities.best": 12} sets fatalities.best."""
    if not corrections:
        return event
    out = json.loads(json.dumps(event))
    for name, value in corrections.items():
        head, _, sub = name.partition(".")
        if sub:
            out[head] = {**(out.get(head) or {}), sub: value}
        else:
            out[name] = value
    return out


def incident_from_json(obj: dict) -> Incident:
    """Rebuilds an Incident from Incident.to_json() (round-trips exactly)."""
    return Incident(
        incident_id=obj["incident_id"], event_type=obj["event_type"], sub_event_type=obj["sub_event_type"],
        date_start=_day(obj.get("date_start")), date_end=_day(obj.get("date_end")),
        time_precision=obj["time_precision"], actor1=obj["actor1"], actor2=obj.get("actor2"),
        location=_location(obj.get("location")), fatalities=_fatalities(obj.get("fatalities")),
        assoc_actor_1=tuple(obj.get("assoc_actor_1") or ()), assoc_actor_2=tuple(obj.get("assoc_actor_2") or ()),
        members=tuple(Member(m["event_id"], m["article_id"], m.get("outlet"), _day(m.get("published")),
                             m.get("reason", "")) for m in obj.get("reports") or ()),
        ledger=tuple(LedgerEntry(e["source"], e["stance"], e["article_id"], e["start"], e["end"],
                                 e.get("quote", "")) for e in obj.get("ledger") or ()),
        grade=obj.get("grade", "single source"), contested=bool(obj.get("contested")),
        notes=obj.get("notes") or "", versions=tuple(Version.from_json(v) for v in obj.get("versions") or ()))


# ---------------------------------------------------------------- event identity

def signature(article_hash: str, event: dict) -> str:
    """Returns the key a review follows across re-extractions: article hash, type, sub-type, day, place, actors."""
    loc = event.get("location") or {}
    place = loc.get("place_id") or norm(loc.get("name") or "")
    return "|".join((article_hash, event["event_type"], event["sub_event_type"], event.get("event_date") or "",
                     place, event["actor1"], event.get("actor2") or ""))


def event_ids(article_hash: str, events: Sequence[dict]) -> list[tuple[str, str]]:
    """Returns (event_id, signature) per event: «e» + 16 hex digits of the signature, «-2»… on a repeat."""
    seen: dict[str, int] = {}
    out = []
    for event in events:
        sig = signature(article_hash, event)
        seen[sig] = seen.get(sig, 0) + 1
        base = "e" + hashlib.sha1(sig.encode("utf-8")).hexdigest()[:16]
        out.append((base if seen[sig] == 1 else f"{base}-{seen[sig]}", sig))
    return out


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _event_row(event_id: str, sig: str, article_hash: str, ordinal: int, ev: dict) -> tuple:
    loc = ev.get("location") or {}
    fat = ev.get("fatalities") or {}
    return (event_id, article_hash, ev["article_id"], ordinal, sig, ev.get("event_date"), ev["time_precision"],
            ev["event_type"], ev["sub_event_type"], ev["actor1"], ev.get("actor2"), loc.get("name"),
            loc.get("place_id"), loc.get("admin1"), loc.get("latitude"), loc.get("longitude"),
            loc.get("geo_precision"), fat.get("low", 0), fat.get("best", 0), fat.get("high", 0),
            bool(ev.get("contested")), _dumps(ev))


_EVENT_COLUMNS = ("event_id, content_hash, article_id, ordinal, signature, event_date, time_precision, "
                  "event_type, sub_event_type, actor1, actor2, place, place_id, admin1, latitude, longitude, "
                  "geo_precision, fatalities_low, fatalities_best, fatalities_high, contested, data")
_ARTICLE_COLUMNS = ("content_hash, article_no, article_id, url, outlet, published, title, text, source, "
                    "ingested_at, extracted_at, extractor, event_count")


def _marks(n: int) -> str:
    return ", ".join("?" * n)


# ---------------------------------------------------------------- extraction (also in worker processes)

def extract(article: Article, all_countries: bool = False) -> tuple[list[dict] | None, str | None]:
    """Returns (events in Syria, or everywhere with `all_countries`, as JSON objects, None) or (None, the failure)."""
    try:
        # Looked up at call time, so the extractor (or a test double) behind pipeline.analyze is used.
        return [event.to_json() for event in world.in_scope(pipeline.analyze(article), all_countries)], None
    except Exception as err:  # one bad article must not end a batch
        log.debug("traceback of the failure on %s", article.id, exc_info=True)
        return None, f"{type(err).__name__}: {err}"


def _watch_parent(parent: int) -> None:
    """Ends this worker when the ingest that started it is gone (a SIGKILL leaves no one to stop it)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# A worker killed from outside (out of memory) takes the batches in flight with it; none is half stored.
_WORKER_DIED = ("an extractor process died (killed, out of memory?); the batches being analysed are not stored: "
                "run ingest again to store them")


class Extractor:
    """Runs extract() over batches, in this process or in a pool of `jobs` worker processes."""

    def __init__(self, jobs: int = 1, all_countries: bool = False):
        self.jobs = jobs
        self._extract = functools.partial(extract, all_countries=all_countries)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Extractor":
        if self.jobs > 1:
            # fork keeps what the parent has set up (a test's stand-in analyze, loaded lexicons).
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method),
                                             initializer=_watch_parent, initargs=(os.getpid(),))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def map(self, articles: Sequence[Article]) -> list[tuple[list[dict] | None, str | None]]:
        """Returns extract() of each article, in order."""
        return self.submit(articles)()

    def submit(self, articles: Sequence[Article]) -> Callable[[], list[tuple[list[dict] | None, str | None]]]:
        """Starts extract() on the articles in the workers; returns the call that waits for the results."""
        if self._pool is None:
            return lambda: [self._extract(a) for a in articles]
        try:
            results = self._pool.map(self._extract, articles, chunksize=max(1, len(articles) // (4 * self.jobs)))
        except BrokenProcessPool:
            raise StoreError(_WORKER_DIED) from None

        def wait() -> list[tuple[list[dict] | None, str | None]]:
            try:
                return list(results)
            except BrokenProcessPool:
                raise StoreError(_WORKER_DIED) from None
        return wait


# ---------------------------------------------------------------- the store

@dataclass
class IngestCounts:
    """What one ingest did: articles read, already stored, newly stored, failed; events stored."""

    read: int = 0
    duplicates: int = 0
    new: int = 0
    failed: int = 0
    events: int = 0
    batches: int = 0


@dataclass
class ReextractCounts:
    """What one --reextract did: articles seen, changed, failed; events before and after."""

    articles: int = 0
    changed: int = 0
    failed: int = 0
    events_before: int = 0
    events_after: int = 0


class Store:
    """One rasid database: open with Store.open(path), use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str, create: bool = False, threads: bool = False) -> "Store":
        """Opens (or with create, makes) the database at path; StoreError when it is missing or not rasid's.

        With `threads` the connection may be used from several threads, one at a time (the API holds a lock).
        """
        exists = path == ":memory:" or Path(path).exists()
        if not exists and not create:
            raise StoreError(f"no database at {path} (`rasid ingest` creates one; --db or RASID_DB names it)")
        if Path(path).is_dir():
            raise StoreError(f"{path} is a directory, not a database file")
        try:
            conn = _connect(path, threads)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open {path}: {err}") from None
        store = cls(conn, path)
        try:
            store._prepare(create)
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"{path} is not a usable rasid database: {err}") from None
        return store

    def _prepare(self, create: bool) -> None:
        conn = self.conn
        tables = _tables(conn)
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                raise StoreError(f"{self.path} has schema version {row[0] if row else '?'}; "
                                 f"this rasid reads version {SCHEMA_VERSION}")
        elif tables or not create:
            raise StoreError(f"{self.path} is not a rasid database (no meta table)")
        _tune(conn)
        if "meta" not in tables:
            portable, fts = schema_parts()
            with self.transaction():
                # Two ingests may create the same new store at once: the second finds the first's schema here.
                if "meta" in _tables(conn):
                    return
                for statement in _statements(portable) + _statements(fts):
                    conn.execute(statement)
                conn.execute("INSERT INTO meta (name, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    def close(self) -> None:
        """Closes the connection (checkpointing the write-ahead log)."""
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Runs the block in one transaction: all of it is committed, or none of it."""
        # IMMEDIATE takes the write lock up front: a second writer then waits (busy timeout) instead of
        # failing with "database is locked" when its read lock cannot be upgraded.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def one(self, sql: str, args: Sequence = ()) -> tuple | None:
        """Returns the first row of a query, or None."""
        return self.conn.execute(sql, args).fetchone()

    def generation(self) -> tuple[int, int]:
        """Returns a pair that changes whenever this or any other connection commits a change."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def count(self, table: str) -> int:
        """Returns the number of rows of a table."""
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # ------------------------------------------------------------ ingest

    def _known(self, article: Article, digest: str, pending: dict[str, set]) -> str | None:
        """Names the stored (or pending) article this one repeats, by content hash or URL, else None."""
        if digest in pending["hash"]:
            return pending["hash"][digest]
        row = self.one("SELECT article_id FROM articles WHERE content_hash = ?", (digest,))
        if row is None and article.url:
            if article.url in pending["url"]:
                return pending["url"][article.url]
            row = self.one("SELECT article_id FROM articles WHERE url = ?", (article.url,))
        return row[0] if row else None

    def _free_id(self, article: Article, digest: str, pending: dict) -> str:
        """Returns the article's id, or «id~hash8» when another stored report already has that id."""
        taken = article.id in pending["id"] or \
            self.one("SELECT 1 FROM articles WHERE article_id = ?", (article.id,)) is not None
        if not taken:
            return article.id
        new_id = f"{article.id}~{digest[:8]}"
        log.warning("article id %r is taken by another stored report; this one is stored as %r", article.id, new_id)
        return new_id

    def ingest(self, articles: Iterable[tuple[Article, str]], extractor: Extractor,
               batch_size: int = BATCH_SIZE, on_failure: Callable[[Article, str], None] | None = None,
               on_article: Callable[[], None] | None = None) -> IngestCounts:
        """Stores new (article, source) pairs with their events, one transaction per batch of new articles."""
        counts = IngestCounts()
        pending: dict = {"hash": {}, "url": {}, "id": set()}
        batch: list[tuple[Article, str, str]] = []
        in_flight: list = []  # the batch being analysed and the call that waits for it

        def flush() -> None:
            # The workers analyse this batch while the previous one is written and the next one read.
            started = extractor.submit([a for a, _, _ in batch])
            finish()
            in_flight[:] = [list(batch), started]
            batch.clear()

        def finish() -> None:
            if not in_flight:
                return
            done, wait = in_flight
            in_flight.clear()
            stored = []
            for (article, digest, source), (events, error) in zip(done, wait()):
                if events is None:
                    counts.failed += 1
                    if on_failure:
                        on_failure(article, error or "")
                    continue
                stored.append((article, digest, source, events))
            written = self._write(stored)
            counts.duplicates += len(stored) - len(written)
            counts.new += len(written)
            counts.events += sum(len(s[3]) for s in written)
            counts.batches += 1

        for article, source in articles:
            counts.read += 1
            if on_article:
                on_article()
            article, source = storable(article), _UNENCODABLE.sub("\ufffd", source)
            digest = content_hash(article.text)
            known = self._known(article, digest, pending)
            if known is not None:
                counts.duplicates += 1
                log.info("article %r is already stored (as %r); skipped", article.id, known)
                continue
            article_id = self._free_id(article, digest, pending)
            if article_id != article.id:
                article = replace(article, id=article_id)
            pending["hash"][digest] = article.id
            if article.url:
                pending["url"][article.url] = article.id
            pending["id"].add(article.id)
            batch.append((article, digest, source))
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        finish()
        return counts

    def _write(self, stored: list[tuple[Article, str, str, list[dict]]]) -> list[tuple[Article, str, str, list[dict]]]:
        """Writes a batch of analysed articles, their events, claims and index rows in one transaction; returns those written."""
        stamp = now()
        written = []
        with self.transaction() as conn:
            number = conn.execute("SELECT COALESCE(MAX(article_no), 0) FROM articles").fetchone()[0]
            for article, digest, source, events in stored:
                # Another ingest may have stored the same report since it was read: checked again under the lock.
                known = self._known(article, digest, {"hash": {}, "url": {}})
                if known is not None:
                    log.info("article %r was stored meanwhile (as %r); skipped", article.id, known)
                    continue
                article_id = self._free_id(article, digest, {"id": set()})
                if article_id != article.id:
                    article = replace(article, id=article_id)
                written.append((article, digest, source, events))
                number += 1
                conn.execute(f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({_marks(13)})",
                             (digest, number, article.id, article.url, article.outlet,
                              article.published.isoformat() if article.published else None,
                              article.title, article.text, source, stamp, stamp, __version__, len(events)))
                _index_article(conn, number, article.title, article.text)
                self._insert_events(digest, events)
        return written

    def _insert_events(self, digest: str, events: list[dict]) -> None:
        rows, claims = [], []
        for ordinal, ((event_id, sig), event) in enumerate(zip(event_ids(digest, events), events)):
            rows.append(_event_row(event_id, sig, digest, ordinal, event))
            claims += [(event_id, k, c["source"], c["stance"], c["start"], c["end"])
                       for k, c in enumerate(event.get("claims") or ())]
        self.conn.executemany(f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({_marks(22)})", rows)
        self.conn.executemany("INSERT INTO claims (event_id, ordinal, source, stance, span_start, span_end) "
                              "VALUES (?, ?, ?, ?, ?, ?)", claims)

    def _delete_events(self, digest: str) -> None:
        ids = "SELECT event_id FROM events WHERE content_hash = ?"
        self.conn.execute(f"DELETE FROM claims WHERE event_id IN ({ids})", (digest,))
        self.conn.execute("DELETE FROM events WHERE content_hash = ?", (digest,))

    def reextract(self, extractor: Extractor, batch_size: int = BATCH_SIZE,
                  on_failure: Callable[[Article, str], None] | None = None,
                  on_article: Callable[[], None] | None = None) -> ReextractCounts:
        """Re-runs extraction on every stored article, replacing the events that changed, batch by batch."""
        counts = ReextractCounts()
        last = 0
        while True:
            rows = self.conn.execute(
                "SELECT article_no, content_hash, article_id, outlet, published, url, title, text FROM articles "
                "WHERE article_no > ? ORDER BY article_no LIMIT ?", (last, batch_size)).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            articles = [Article(id=r[2], text=r[7], outlet=r[3], published=_day(r[4]), url=r[5], title=r[6])
                        for r in rows]
            results = extractor.map(articles)
            stamp = now()
            with self.transaction() as conn:
                for row, article, (events, error) in zip(rows, articles, results):
                    counts.articles += 1
                    if on_article:
                        on_article()
                    digest = row[1]
                    old = [r[0] for r in conn.execute(
                        "SELECT data FROM events WHERE content_hash = ? ORDER BY ordinal", (digest,))]
                    counts.events_before += len(old)
                    if events is None:
                        counts.failed += 1
                        counts.events_after += len(old)
                        if on_failure:
                            on_failure(article, (error or "") + "; its stored events are kept")
                        continue
                    counts.events_after += len(events)
                    if [_dumps(e) for e in events] == old:
                        continue
                    counts.changed += 1
                    self._delete_events(digest)
                    self._insert_events(digest, events)
                    conn.execute("UPDATE articles SET extracted_at = ?, extractor = ?, event_count = ? "
                                 "WHERE content_hash = ?", (stamp, __version__, len(events), digest))
        with self.transaction() as conn:
            # Memberships of events that are gone; `rasid fuse` rebuilds the incidents they left.
            conn.execute("DELETE FROM incident_members WHERE event_id NOT IN (SELECT event_id FROM events)")
            # An upgrade may index differently (normalization, readings): the index is rebuilt too.
            _reindex(conn)
        return counts

    # ------------------------------------------------------------ events, and reports for fusion and export

    def event_row(self, event_id: str) -> dict | None:
        """Returns an event's id, signature, article fields and JSON, or None when there is none with that id."""
        row = self.one("SELECT e.event_id, e.signature, e.data, a.article_id, a.outlet, a.published, a.url, "
                       "a.title, a.text FROM events e JOIN articles a ON a.content_hash = e.content_hash "
                       "WHERE e.event_id = ?", (event_id,))
        if row is None:
            return None
        keys = ("event_id", "signature", "data", "article_id", "outlet", "published", "url", "title", "text")
        out = dict(zip(keys, row))
        out["data"] = json.loads(out["data"])
        return out

    def article(self, article_id: str) -> dict | None:
        """Returns a stored article's fields and text with its events' ids and JSON, or None when there is none."""
        keys = ("article_id", "outlet", "published", "url", "title", "text", "content_hash")
        row = self.one(f"SELECT {', '.join(keys)} FROM articles WHERE article_id = ?", (article_id,))
        if row is None:
            return None
        out = dict(zip(keys, row))
        out["events"] = [{"event_id": eid, "data": json.loads(data)} for eid, data in self.conn.execute(
            "SELECT event_id, data FROM events WHERE content_hash = ? ORDER BY ordinal", (out.pop("content_hash"),))]
        return out

    def reports(self, since: date | None = None, until: date | None = None) -> list[Report]:
        """Returns the stored events as Reports, with reviewers' corrections, rejected ones left out, in article order."""
        where, args = ["(r.decision IS NULL OR r.decision <> 'reject')"], []
        if since:
            where.append("e.event_date >= ?")
            args.append(since.isoformat())
        if until:
            where.append("e.event_date <= ?")
            args.append(until.isoformat())
        texts: dict[str, str] = {}
        out = []
        for event_id, digest, data, fixes, article_id, outlet, published in self.conn.execute(
                "SELECT e.event_id, e.content_hash, e.data, r.corrections, a.article_id, a.outlet, a.published "
                "FROM events e "
                "JOIN articles a ON a.content_hash = e.content_hash LEFT JOIN reviews r ON r.signature = e.signature "
                f"WHERE {' AND '.join(where)} ORDER BY a.article_no, e.ordinal", args):
            if digest not in texts:
                texts[digest] = self.one("SELECT text FROM articles WHERE content_hash = ?", (digest,))[0]
            event = corrected(json.loads(data), json.loads(fixes) if fixes else None)
            out.append(Report(event_id, article_id, outlet, _day(published), event_from_json(event), texts[digest]))
        return out


def schema_parts() -> tuple[str, str]:
    """Returns rasid/schema.sql split into its portable part and its SQLite full-text part."""
    text = resources.files("rasid").joinpath("schema.sql").read_text(encoding="utf-8")
    portable, _, fts = text.partition(_FTS_MARK)
    return portable, fts


def _statements(sql: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


# ---------------------------------------------------------------- SQLite specifics
# What is SQLite-only outside schema.sql's FTS part and rasid/search.py; a PostgreSQL backend
# replaces these five (and uses %s placeholders where these queries use ?).

def _connect(path: str, threads: bool = False) -> sqlite3.Connection:
    # Autocommit mode: transactions are the explicit BEGIN/COMMIT of Store.transaction.
    return sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=not threads)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _tune(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    # WAL lets `rasid search` read while an ingest writes; a kill leaves the log for the next open.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def _index_article(conn: sqlite3.Connection, number: int, title: str | None, text: str) -> None:
    conn.execute("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)", (number, index_text(title, text)))


def _reindex(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    for number, title, text in conn.execute("SELECT article_no, title, text FROM articles").fetchall():
        _index_article(conn, number, title, text)
