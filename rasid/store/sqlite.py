"""The SQLite backend: one file, WAL so that readers never wait, one writer at a time (the others wait their turn)."""
from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from ..search import SearchError, fts5_expression, index_text
from . import Store
from .errors import StoreError

# How long a second writer waits for the first (an ingest batch, a fuse) before it gives up.
BUSY_TIMEOUT_S = 60


def _path(url: str) -> str:
    """Returns the file of a SQLite URL or path: «sqlite:///data/rasid.db» → «/data/rasid.db»."""
    return url[len("sqlite://"):] if url.startswith("sqlite://") else url


def stored_articles(url: str) -> int:
    """Returns how many articles a database holds, read-only (0 before its schema exists); safe beside a running ingest."""
    try:
        conn = sqlite3.connect(f"file:{_path(url)}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


class SqliteStore(Store):
    """A store in one SQLite file; `conn` is its sqlite3 connection."""

    backend = "sqlite"
    errors = (sqlite3.DatabaseError,)  # what the driver raises on a damaged or busy file

    def __init__(self, conn: sqlite3.Connection, path: str):
        super().__init__(path)
        self.conn = conn

    @classmethod
    def connect(cls, url: str, create: bool = False, threads: bool = False) -> "SqliteStore":
        """Opens (or with create, makes) the database file; StoreError when it is missing or not rasid's."""
        path = _path(url)
        exists = path == ":memory:" or Path(path).exists()
        if not exists and not create:
            raise StoreError(f"no database at {path} (`rasid ingest` creates one; --db or RASID_DB names it)")
        if Path(path).is_dir():
            raise StoreError(f"{path} is a directory, not a database file")
        try:
            # Autocommit mode: transactions are the explicit BEGIN/COMMIT of transaction().
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=not threads)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open {path}: {err}") from None
        store = cls(conn, path)
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                conn.execute("PRAGMA foreign_keys = ON")
                # WAL lets `rasid search` read while an ingest writes; a kill leaves the log for the next open.
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                store._prepare(create)
                break
            except sqlite3.OperationalError as err:
                # Two processes creating one new file: SQLite answers "locked" at once (no busy wait) where
                # waiting could deadlock, so the later one retries until the first has made the schema.
                if "locked" in str(err) and time.monotonic() < deadline:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    time.sleep(0.05)
                    continue
                conn.close()
                raise StoreError(f"{path} is not a usable rasid database: {err}") from None
            except sqlite3.DatabaseError as err:
                conn.close()
                raise StoreError(f"{path} is not a usable rasid database: {err}") from None
            except StoreError:
                conn.close()
                raise
        return store

    def execute(self, sql: str, args: Sequence = ()) -> sqlite3.Cursor:
        """Runs one statement and returns its cursor."""
        return self.conn.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        """Runs one statement once per row."""
        self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator["SqliteStore"]:
        """Runs the block in one transaction: all of it is committed, or none of it."""
        # IMMEDIATE takes the write lock up front: a second writer then waits (busy timeout) instead of
        # failing with "database is locked" when its read lock cannot be upgraded.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def tables(self) -> set[str]:
        """Returns the names of the file's tables."""
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def generation(self) -> tuple[int, int]:
        """Returns a pair that changes whenever this or any other connection commits a change."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def close(self) -> None:
        """Closes the connection (checkpointing the write-ahead log)."""
        self.conn.close()

    # Every word with its readings, repeats kept: bm25 ranks by how often a word occurs.
    index_body = staticmethod(index_text)

    def index_articles(self, rows: Sequence[tuple[int, str]]) -> None:
        """Adds articles' readings to the contentless FTS5 index, each row's rowid its article number."""
        self.conn.executemany("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)", rows)

    def reindex(self) -> None:
        """Rebuilds the FTS5 index from the stored articles."""
        self.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        self.index_articles([(number, index_text(title, text)) for number, title, text in
                             self.conn.execute("SELECT article_no, title, text FROM articles")])

    def search_rows(self, terms: list[tuple[str, bool]], limit: int) -> list[tuple]:
        """Returns the articles matching every term by FTS5 rank (bm25), best first; the score is minus the rank."""
        return self._match("a.article_id, a.outlet, a.published, a.url, a.title, a.text, a.event_count, -f.rank",
                           terms, " ORDER BY f.rank, a.article_no LIMIT ?", (limit,))

    def matching_ids(self, terms: list[tuple[str, bool]]) -> set[str]:
        """Returns the ids of every article matching every term."""
        return {r[0] for r in self._match("a.article_id", terms)}

    def _match(self, columns: str, terms: list[tuple[str, bool]], tail: str = "", args: tuple = ()) -> list[tuple]:
        sql = (f"SELECT {columns} FROM articles_fts f JOIN articles a ON a.article_no = f.rowid "
               f"WHERE articles_fts MATCH ?{tail}")
        try:
            return self.conn.execute(sql, (fts5_expression(terms), *args)).fetchall()
        except sqlite3.OperationalError as err:
            raise SearchError(f"cannot search for {' '.join(w for w, _ in terms)!r}: {err}") from None
