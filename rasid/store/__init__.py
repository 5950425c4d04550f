"""The store: articles, events, claims, reviews and fused incidents in SQLite (a file) or PostgreSQL (a server).

`open_store(url)` picks the backend; every query here is standard SQL with «?» marks, and what differs
between the engines (connections, transactions, full-text search) is a method of the backend.
"""
from __future__ import annotations

import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from typing import Callable, Iterable, Iterator, Sequence

from .. import __version__
from ..records import Article, Report
from .errors import StoreError
from .extract import MAX_JOBS, Extractor, extract
from .schema import BASELINE_VERSION, SCHEMA_VERSION, migrations, sections, schema_parts
from .rows import (ARTICLE_COLUMNS, EVENT_COLUMNS, INCIDENT_COLUMNS, UNENCODABLE, content_hash, corrected, day,
                   dumps, event_from_json, event_ids, event_row, incident_from_json, marks, now, signature,
                   storable)

__all__ = ["Store", "StoreError", "Extractor", "IngestCounts", "ReextractCounts", "open_store", "stored_articles",
           "extract", "event_from_json", "incident_from_json", "corrected", "signature", "event_ids", "now",
           "content_hash", "storable", "schema_parts", "shown", "MAX_JOBS", "BATCH_SIZE", "DEFAULT_DB", "SCHEMA_VERSION"]

log = logging.getLogger(__name__)

DEFAULT_DB = "rasid.db"
BATCH_SIZE = 200
_POSTGRES_URL = re.compile(r"^postgres(?:ql)?://")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^/?#]*@")


def _chunks(items: list, size: int) -> Iterator[list]:
    """Yields the items in runs of at most size (the databases cap a statement's parameters)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def is_postgres(url: str) -> bool:
    """Tells whether --db names a PostgreSQL server: «postgresql://u:p@host:5432/rasid» → True, «rasid.db» → False."""
    return bool(_POSTGRES_URL.match(str(url)))


def shown(url: str) -> str:
    """Returns a --db with its password hidden, for messages: «postgresql://u:secret@h/db» → «postgresql://u:***@h/db»."""
    return _PASSWORD.sub(r"\1***@", str(url))


def open_store(url: str, create: bool = False, threads: bool = False) -> "Store":
    """Opens the store at url (a SQLite file path, or postgresql://…); with create, makes its schema when new.

    With `threads` the store may be used from several threads, one at a time (the API holds a lock).
    """
    url = str(url)
    if is_postgres(url):
        from .postgres import PostgresStore
        return PostgresStore.connect(url, create, threads)
    from .sqlite import SqliteStore
    return SqliteStore.connect(url, create, threads)


def stored_articles(url: str) -> int:
    """Returns how many articles a store holds (0 before its schema exists); safe beside a running ingest."""
    url = str(url)
    if is_postgres(url):
        from .postgres import stored_articles as count
    else:
        from .sqlite import stored_articles as count
    return count(url)


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
    """One rasid database: open with Store.open(url) (a file path or postgresql://…), close with `with`."""

    backend = ""  # the name of its parts in schema.sql and migrations: "sqlite" or "postgresql"
    errors: tuple[type[Exception], ...] = ()  # the driver's errors, which the CLI reports as database errors

    def __init__(self, path: str):
        self.path = path

    @classmethod
    def open(cls, path: str, create: bool = False, threads: bool = False) -> "Store":
        """Opens (or with create, makes) the store at path or URL; StoreError when it is missing or not rasid's."""
        return open_store(path, create, threads)

    # ------------------------------------------------------------ what each backend defines

    def execute(self, sql: str, args: Sequence = ()):
        """Runs one statement («?» marks) and returns its cursor: fetchone, fetchall, rowcount, iteration."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        """Runs one statement («?» marks) once per row."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """Runs the block in one transaction, one writer at a time: all of it is committed, or none of it."""
        raise NotImplementedError
        yield self

    def tables(self) -> set[str]:
        """Returns the names of the database's tables."""
        raise NotImplementedError

    def generation(self) -> tuple:
        """Returns a value that changes whenever this or any other connection commits a change."""
        raise NotImplementedError

    def close(self) -> None:
        """Closes the connections."""
        raise NotImplementedError

    @staticmethod
    def index_body(title: str | None, text: str) -> str:
        """Returns what the backend's full-text index takes for an article (pure: a Dask worker may compute it)."""
        raise NotImplementedError

    def index_articles(self, rows: Sequence[tuple[int, str]]) -> None:
        """Adds (article number, index_body of the article) rows to the full-text index."""
        raise NotImplementedError

    def among(self, column: str, values: Sequence) -> tuple[str, list]:
        """Returns the condition «column is one of values» and its arguments: («x IN (?, ?)», [1, 2])."""
        return f"{column} IN ({marks(len(values))})", list(values)

    def reindex(self) -> None:
        """Rebuilds the full-text index from the stored articles."""
        raise NotImplementedError

    def search_rows(self, terms: list[tuple[str, bool]], limit: int) -> list[tuple]:
        """Returns (article_id, outlet, published, url, title, text, event_count, score) of the articles holding
        every term (word, is a prefix), best first."""
        raise NotImplementedError

    def matching_ids(self, terms: list[tuple[str, bool]]) -> set[str]:
        """Returns the ids of every article holding every term (word, is a prefix)."""
        raise NotImplementedError

    # ------------------------------------------------------------ opening: schema and migrations

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _prepare(self, create: bool) -> None:
        """Checks the store is rasid's, makes its schema when new, and applies the migrations it lacks."""
        tables = self.tables()
        if "meta" not in tables:
            if tables or not create:
                raise StoreError(f"{self.path} is not a rasid database (no meta table)")
            with self.transaction():
                # Two ingests may create the same new store at once: the second finds the first's schema here.
                if "meta" not in self.tables():
                    text = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
                    for statement in sections(text, self.backend):
                        self.execute(statement)
                    self.execute("INSERT INTO meta (name, value) VALUES ('schema_version', ?)",
                                 (str(BASELINE_VERSION),))
        if self._version() == int(SCHEMA_VERSION):
            return
        for number, text in migrations():
            with self.transaction():
                # Read again under the write lock: another process may have applied it meanwhile.
                if self._version() >= number:
                    continue
                for statement in sections(text, self.backend):
                    self.execute(statement)
                self.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(number),))
                log.info("%s: schema upgraded to version %d", self.path, number)

    def _version(self) -> int:
        row = self.one("SELECT value FROM meta WHERE name = 'schema_version'")
        if row is None or not row[0].isdigit() or not BASELINE_VERSION <= int(row[0]) <= int(SCHEMA_VERSION):
            raise StoreError(f"{self.path} has schema version {row[0] if row else '?'}; "
                             f"this rasid reads versions {BASELINE_VERSION} to {SCHEMA_VERSION}")
        return int(row[0])

    # ------------------------------------------------------------ reading

    def one(self, sql: str, args: Sequence = ()) -> tuple | None:
        """Returns the first row of a query, or None."""
        return self.execute(sql, args).fetchone()

    def rows(self, sql: str, args: Sequence = ()) -> list[tuple]:
        """Returns every row of a query."""
        return self.execute(sql, args).fetchall()

    def count(self, table: str) -> int:
        """Returns the number of rows of a table."""
        return self.one(f"SELECT COUNT(*) FROM {table}")[0]

    # ------------------------------------------------------------ ingest

    def _stored_keys(self, batch: Sequence[tuple]) -> tuple[dict[str, str], dict[str, str], set[str]]:
        """Returns which of a batch's (article, content hash, …) are stored, in one query: id by hash, id by URL, ids taken."""
        hashes = sorted({item[1] for item in batch})
        urls = sorted({item[0].url for item in batch if item[0].url})
        ids = sorted({item[0].id for item in batch})
        conditions = [self.among(column, values) for column, values in
                      (("content_hash", hashes), ("url", urls), ("article_id", ids)) if values]
        if not conditions:
            return {}, {}, set()
        rows = self.rows(f"SELECT content_hash, url, article_id FROM articles WHERE "
                         f"{' OR '.join(sql for sql, _ in conditions)}", [a for _, args in conditions for a in args])
        wanted_hashes, wanted_urls, wanted_ids = set(hashes), set(urls), set(ids)
        return ({h: i for h, _, i in rows if h in wanted_hashes}, {u: i for _, u, i in rows if u in wanted_urls},
                {i for _, _, i in rows if i in wanted_ids})

    def _screen(self, batch: list[tuple], meanwhile: bool = False) -> list[tuple]:
        """Drops the batch's reports already stored (by hash or URL) and renames «id~hash8» those whose id is taken."""
        by_hash, by_url, taken = self._stored_keys(batch)
        kept = []
        for item in batch:
            article, digest = item[0], item[1]
            known = by_hash.get(digest, by_url.get(article.url) if article.url else None)
            if known is not None:
                log.info("article %r %s (as %r); skipped", article.id,
                         "was stored meanwhile" if meanwhile else "is already stored", known)
                continue
            if article.id in taken:
                new_id = f"{article.id}~{digest[:8]}"
                log.warning("article id %r is taken by another stored report; this one is stored as %r",
                            article.id, new_id)
                item = (replace(article, id=new_id), *item[1:])
            kept.append(item)
            # A batch given whole (a Dask task's results) may repeat a report: its second copy is a duplicate.
            by_hash[digest] = item[0].id
            if article.url:
                by_url[article.url] = item[0].id
            taken.add(item[0].id)
        return kept

    def ingest(self, articles: Iterable[tuple[Article, str]], extractor: Extractor,
               batch_size: int = BATCH_SIZE, on_failure: Callable[[Article, str], None] | None = None,
               on_article: Callable[[], None] | None = None) -> IngestCounts:
        """Stores new (article, source) pairs with their events, one transaction per batch of new articles."""
        counts = IngestCounts()
        pending: dict = {"hash": {}, "url": {}, "id": set()}
        batch: list[tuple[Article, str, str]] = []
        in_flight: list = []  # the batch being analysed and the call that waits for it

        def flush() -> None:
            # Stored reports are looked up once per batch: a query per article is a round trip each on a server.
            new = self._screen(batch)
            counts.duplicates += len(batch) - len(new)
            batch.clear()
            if not new:
                return
            # The workers analyse this batch while the previous one is written and the next one read.
            started = extractor.submit([a for a, _, _ in new])
            finish()
            in_flight[:] = [new, started]

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
            written = self.write_analysed(stored)
            counts.duplicates += len(stored) - len(written)
            counts.new += len(written)
            counts.events += sum(len(s[3]) for s in written)
            counts.batches += 1

        for article, source in articles:
            counts.read += 1
            if on_article:
                on_article()
            article, source = storable(article), UNENCODABLE.sub("\ufffd", source)
            digest = content_hash(article.text)
            known = pending["hash"].get(digest, pending["url"].get(article.url) if article.url else None)
            if known is not None:
                counts.duplicates += 1
                log.info("article %r is already stored (as %r); skipped", article.id, known)
                continue
            if article.id in pending["id"]:
                new_id = f"{article.id}~{digest[:8]}"
                log.warning("article id %r is taken by another stored report; this one is stored as %r",
                            article.id, new_id)
                article = replace(article, id=new_id)
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

    def write_analysed(self, stored: list[tuple[Article, str, str, list[dict]]]) -> list[tuple]:
        """Writes analysed (article, content hash, source, event JSONs) in one transaction; returns those written.

        Idempotent: a report already stored (by hash or URL) is skipped, so a retried batch stores only what is missing.
        """
        stamp = now()
        with self.transaction():
            # Another ingest may have stored the same report since it was read: checked again under the lock.
            written = self._screen(stored, meanwhile=True)
            number = self.one("SELECT COALESCE(MAX(article_no), 0) FROM articles")[0]
            numbered = [(number + k, item) for k, item in enumerate(written, 1)]
            # ON CONFLICT: the unique keys are the last guard, so a retried row is never stored twice.
            self.executemany(
                f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({marks(13)}) ON CONFLICT DO NOTHING",
                [(digest, n, a.id, a.url, a.outlet, a.published.isoformat() if a.published else None, a.title,
                  a.text, source, stamp, stamp, __version__, len(events))
                 for n, (a, digest, source, events) in numbered])
            # An article may bring its index body, computed by a Dask worker with this store's index_body.
            self.index_articles([(n, getattr(a, "index", None) or self.index_body(a.title, a.text))
                                 for n, (a, _, _, _) in numbered])
            self._insert_events([(digest, events) for _, digest, _, events in written])
        return written

    def _insert_events(self, analysed: list[tuple[str, list[dict]]]) -> None:
        """Inserts the events and claims of (content hash, event JSONs) pairs."""
        rows, claims = [], []
        for digest, events in analysed:
            for ordinal, ((event_id, sig), event) in enumerate(zip(event_ids(digest, events), events)):
                rows.append(event_row(event_id, sig, digest, ordinal, event))
                claims += [(event_id, k, c["source"], c["stance"], c["start"], c["end"])
                           for k, c in enumerate(event.get("claims") or ())]
        self.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({marks(22)}) ON CONFLICT DO NOTHING", rows)
        self.executemany("INSERT INTO claims (event_id, ordinal, source, stance, span_start, span_end) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", claims)

    def _delete_events(self, digest: str) -> None:
        ids = "SELECT event_id FROM events WHERE content_hash = ?"
        self.execute(f"DELETE FROM claims WHERE event_id IN ({ids})", (digest,))
        self.execute("DELETE FROM events WHERE content_hash = ?", (digest,))

    def reextract(self, extractor: Extractor, batch_size: int = BATCH_SIZE,
                  on_failure: Callable[[Article, str], None] | None = None,
                  on_article: Callable[[], None] | None = None) -> ReextractCounts:
        """Re-runs extraction on every stored article, replacing the events that changed, batch by batch."""
        counts = ReextractCounts()
        last = 0
        while True:
            rows = self.rows(
                "SELECT article_no, content_hash, article_id, outlet, published, url, title, text FROM articles "
                "WHERE article_no > ? ORDER BY article_no LIMIT ?", (last, batch_size))
            if not rows:
                break
            last = rows[-1][0]
            articles = [Article(id=r[2], text=r[7], outlet=r[3], published=day(r[4]), url=r[5], title=r[6])
                        for r in rows]
            results = extractor.map(articles)
            stamp = now()
            with self.transaction():
                for row, article, (events, error) in zip(rows, articles, results):
                    counts.articles += 1
                    if on_article:
                        on_article()
                    digest = row[1]
                    old = [r[0] for r in self.rows(
                        "SELECT data FROM events WHERE content_hash = ? ORDER BY ordinal", (digest,))]
                    counts.events_before += len(old)
                    if events is None:
                        counts.failed += 1
                        counts.events_after += len(old)
                        if on_failure:
                            on_failure(article, (error or "") + "; its stored events are kept")
                        continue
                    counts.events_after += len(events)
                    if [dumps(e) for e in events] == old:
                        continue
                    counts.changed += 1
                    self._delete_events(digest)
                    self._insert_events([(digest, events)])
                    self.execute("UPDATE articles SET extracted_at = ?, extractor = ?, event_count = ? "
                                 "WHERE content_hash = ?", (stamp, __version__, len(events), digest))
        with self.transaction():
            # Memberships of events that are gone; `rasid fuse` rebuilds the incidents they left.
            self.execute("DELETE FROM incident_members WHERE event_id NOT IN (SELECT event_id FROM events)")
            # An upgrade may index differently (normalization, readings): the index is rebuilt too.
            self.reindex()
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
        out["events"] = [{"event_id": eid, "data": json.loads(data)} for eid, data in self.rows(
            "SELECT event_id, data FROM events WHERE content_hash = ? ORDER BY ordinal", (out.pop("content_hash"),))]
        return out

    def reports(self, since: date | None = None, until: date | None = None) -> list[Report]:
        """Returns the stored events as Reports, with reviewers' corrections, rejected ones left out, in article order."""
        where, args = [], []
        if since:
            where.append("e.event_date >= ?")
            args.append(since.isoformat())
        if until:
            where.append("e.event_date <= ?")
            args.append(until.isoformat())
        # One query for the texts, not one per article: a round trip each is slow on a server.
        texts = dict(self.rows("SELECT content_hash, text FROM articles WHERE content_hash IN "
                               f"(SELECT e.content_hash FROM events e WHERE {' AND '.join(where) or '1 = 1'})", args))
        where.insert(0, "(r.decision IS NULL OR r.decision <> 'reject')")
        out = []
        for event_id, digest, data, fixes, article_id, outlet, published in self.rows(
                "SELECT e.event_id, e.content_hash, e.data, r.corrections, a.article_id, a.outlet, a.published "
                "FROM events e "
                "JOIN articles a ON a.content_hash = e.content_hash LEFT JOIN reviews r ON r.signature = e.signature "
                f"WHERE {' AND '.join(where)} ORDER BY a.article_no, e.ordinal", args):
            if digest not in texts:  # stored by an ingest between the two queries
                texts[digest] = self.one("SELECT text FROM articles WHERE content_hash = ?", (digest,))[0]
            event = corrected(json.loads(data), json.loads(fixes) if fixes else None)
            out.append(Report(event_id, article_id, outlet, day(published), event_from_json(event), texts[digest]))
        return out

    # ------------------------------------------------------------ incidents (rasid.incidents holds the logic)

    def memberships(self) -> dict[str, tuple[str, str]]:
        """Returns event id → (incident id, reason) of every stored membership."""
        return {eid: (iid, why) for eid, iid, why in self.rows(
            "SELECT event_id, incident_id, reason FROM incident_members")}

    def incident_digests(self) -> dict[str, str]:
        """Returns incident id → digest of its members, for every stored incident."""
        return dict(self.rows("SELECT incident_id, digest FROM incidents"))

    def put_incidents(self, incidents: list[tuple[tuple, list[tuple[str, str]]]]) -> None:
        """Replaces incidents (rows in INCIDENT_COLUMNS order, each with its (event id, reason) members); in a transaction."""
        # A few statements per chunk, not four per incident: each is a round trip on a server.
        for chunk in _chunks(incidents, 400):
            iids = [row[0] for row, _ in chunk]
            eids = [eid for _, members in chunk for eid, _ in members]
            self.drop_incidents(iids)
            for part in _chunks(eids, 400):
                self._delete_among("incident_members", "event_id", part)
            self.executemany(f"INSERT INTO incidents ({INCIDENT_COLUMNS}) VALUES ({marks(22)})",
                             [row for row, _ in chunk])
            self.executemany("INSERT INTO incident_members (event_id, incident_id, reason) VALUES (?, ?, ?)",
                             [(eid, row[0], why) for row, members in chunk for eid, why in members])

    def drop_incidents(self, incident_ids: list[str]) -> None:
        """Removes incidents and their memberships; in a transaction."""
        for part in _chunks(incident_ids, 400):
            self._delete_among("incident_members", "incident_id", part)
            self._delete_among("incidents", "incident_id", part)

    def _delete_among(self, table: str, column: str, values: list) -> None:
        condition, args = self.among(column, values)
        self.execute(f"DELETE FROM {table} WHERE {condition}", args)

    def unfused(self) -> int:
        """Counts the stored, not rejected events that belong to no incident yet."""
        return self.one(
            "SELECT COUNT(*) FROM events e LEFT JOIN reviews r ON r.signature = e.signature "
            "WHERE (r.decision IS NULL OR r.decision <> 'reject') "
            "AND e.event_id NOT IN (SELECT event_id FROM incident_members)")[0]

    def incident_jsons(self, since: date | None = None, until: date | None = None) -> Iterator[dict]:
        """Yields the JSON of the stored incidents whose days overlap [since, until], by date and id."""
        where, args = [], []
        if since:
            where.append("COALESCE(date_end, date_start) >= ?")
            args.append(since.isoformat())
        if until:
            where.append("date_start <= ?")
            args.append(until.isoformat())
        sql = "SELECT data FROM incidents" + (f" WHERE {' AND '.join(where)}" if where else "")
        for (data,) in self.rows(sql + " ORDER BY date_start, incident_id", args):
            yield json.loads(data)

    def incident_json(self, incident_id: str) -> dict | None:
        """Returns a stored incident's JSON, or None."""
        row = self.one("SELECT data FROM incidents WHERE incident_id = ?", (incident_id,))
        return json.loads(row[0]) if row else None

    def membership(self, event_id: str) -> tuple[str, str] | None:
        """Returns (incident id, reason) of an event's incident, or None."""
        return self.one("SELECT incident_id, reason FROM incident_members WHERE event_id = ?", (event_id,))

    def incident_members(self, incident_id: str) -> list[str] | None:
        """Returns the event ids of an incident's members, or None when there is no such incident."""
        if self.one("SELECT 1 FROM incidents WHERE incident_id = ?", (incident_id,)) is None:
            return None
        return [r[0] for r in self.rows(
            "SELECT event_id FROM incident_members WHERE incident_id = ? ORDER BY event_id", (incident_id,))]

    # ------------------------------------------------------------ reviews and change history

    def review_row(self, sig: str) -> tuple | None:
        """Returns (decision, note, corrections JSON, reviewed_at) of the review on a signature, or None."""
        return self.one("SELECT decision, note, corrections, reviewed_at FROM reviews WHERE signature = ?", (sig,))

    def put_review(self, sig: str, event_id: str, decision: str, note: str | None, fixes: str | None,
                   stamp: str) -> None:
        """Records (or replaces) the review on a signature, in its own transaction."""
        with self.transaction():
            self.execute("DELETE FROM reviews WHERE signature = ?", (sig,))
            self.execute("INSERT INTO reviews (signature, event_id, decision, note, corrections, reviewed_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (sig, event_id, decision, note, fixes, stamp))

    def drop_review(self, sig: str) -> bool:
        """Removes the review on a signature; tells whether there was one."""
        with self.transaction():
            return self.execute("DELETE FROM reviews WHERE signature = ?", (sig,)).rowcount > 0

    def review_rows(self) -> list[tuple]:
        """Returns (event_id, decision, note, corrections, reviewed_at, signature, attached event id) of every review."""
        return self.rows(
            "SELECT r.event_id, r.decision, r.note, r.corrections, r.reviewed_at, r.signature, "
            "(SELECT MIN(e.event_id) FROM events e WHERE e.signature = r.signature) "
            "FROM reviews r ORDER BY r.reviewed_at, r.signature")

    def add_change(self, row: tuple) -> None:
        """Adds one (changed_at, author, action, subject, incident_id, before, after, note) to the change history."""
        with self.transaction():
            self.execute("INSERT INTO change_history (changed_at, author, action, subject, incident_id, "
                         "before_value, after_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)

    def change_rows(self, subjects: Sequence[str]) -> list[tuple]:
        """Returns the history rows about any of the subjects (as subject or incident), oldest first."""
        if not subjects:
            return []
        m = marks(len(subjects))
        return self.rows(
            "SELECT changed_at, author, action, subject, incident_id, before_value, after_value, note "
            f"FROM change_history WHERE subject IN ({m}) OR incident_id IN ({m}) ORDER BY id",
            [*subjects, *subjects])
