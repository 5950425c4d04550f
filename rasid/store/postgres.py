"""The PostgreSQL backend: psycopg 3 over a connection pool, for a team sharing one database and for many workers."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator, Sequence

from ..search import SearchError, index_words
from . import Store, shown
from .errors import StoreError

# One key for rasid's write lock (pg_advisory_xact_lock): writers take turns, as on SQLite; readers never wait.
_WRITE_LOCK = 0x72617369  # "rasi"
POOL_SIZE = 4
CONNECT_TIMEOUT_S = 10


def _driver():
    try:
        import psycopg
        import psycopg_pool
    except ImportError as err:
        raise StoreError(f"a postgresql:// store needs psycopg (pip install 'rasid[scale]'): {err}") from None
    return psycopg, psycopg_pool


@lru_cache(maxsize=512)
def _pg(sql: str) -> str:
    """Turns «?» marks into psycopg's «%s» (a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _tsquery(terms: list[tuple[str, bool]]) -> str:
    """Returns the tsquery of every term, each quoted so that it is taken as it is: [("غاره", False)] → «'غاره'»."""
    return " & ".join("'" + w.lower().replace("'", "''") + "'" + (":*" if prefix else "") for w, prefix in terms)


def stored_articles(url: str) -> int:
    """Returns how many articles the database holds (0 before its schema exists, or when it cannot be reached)."""
    psycopg, _ = _driver()
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except psycopg.Error:
        return 0


class _Rows:
    """A finished query's rows, read before its connection went back to the pool."""

    def __init__(self, cursor):
        self._rows = cursor.fetchall() if cursor.description is not None else []
        self.rowcount = cursor.rowcount

    def fetchone(self) -> tuple | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple]:
        return self._rows

    def __iter__(self):
        return iter(self._rows)


class PostgresStore(Store):
    """A store in a PostgreSQL database; each thread takes a pooled connection, a transaction keeps its own."""

    backend = "postgresql"

    def __init__(self, pool, url: str):
        super().__init__(shown(url))
        self.errors = (_driver()[0].Error,)  # what the driver raises on a lost server or a failed statement
        self.url = url
        self._pool = pool
        self._local = threading.local()

    @classmethod
    def connect(cls, url: str, create: bool = False, threads: bool = False) -> "PostgresStore":
        """Connects to the database at url (postgresql://user:pass@host:port/db); StoreError when it cannot."""
        psycopg, psycopg_pool = _driver()
        try:
            # One plain connection first: a wrong address or password fails at once, with the server's reason.
            psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S).close()
        except psycopg.Error as err:
            raise StoreError(f"cannot connect to {shown(url)}: {str(err).strip()}") from None
        pool = psycopg_pool.ConnectionPool(url, min_size=1, max_size=POOL_SIZE, open=False, name="rasid",
                                           kwargs={"autocommit": True}, timeout=CONNECT_TIMEOUT_S * 6)
        try:
            pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        except (psycopg_pool.PoolTimeout, psycopg.Error) as err:
            pool.close()
            raise StoreError(f"cannot connect to {shown(url)}: {err or 'no answer'}") from None
        store = cls(pool, url)
        try:
            store._prepare(create)
        except psycopg.Error as err:
            store.close()
            raise StoreError(f"{shown(url)} is not a usable rasid database: {err}") from None
        except StoreError:
            store.close()
            raise
        return store

    def execute(self, sql: str, args: Sequence = ()) -> _Rows:
        """Runs one statement, in the thread's transaction if there is one, else on a pooled connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return _Rows(conn.execute(_pg(sql), args))
        with self._pool.connection() as conn:
            return _Rows(conn.execute(_pg(sql), args))

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        """Runs one statement once per row (pipelined by psycopg)."""
        if not rows:
            return
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.cursor().executemany(_pg(sql), rows)
            return
        with self._pool.connection() as conn:
            conn.cursor().executemany(_pg(sql), rows)

    @contextmanager
    def transaction(self) -> Iterator["PostgresStore"]:
        """Runs the block in one transaction holding rasid's write lock; a second writer waits its turn."""
        if getattr(self._local, "conn", None) is not None:
            raise StoreError("a transaction is already open in this thread")
        with self._pool.connection() as conn, conn.transaction():
            # Article numbers are taken as MAX + 1 and incidents rewritten whole: one writer at a time
            # keeps both right, as SQLite's BEGIN IMMEDIATE does; the unique keys stay the last guard.
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            self._local.conn = conn
            try:
                yield self
            finally:
                self._local.conn = None

    def among(self, column: str, values: Sequence[str]) -> tuple[str, list]:
        """Returns «column = ANY(?)» with the values as one array literal: («x = ANY(?)», ['{"a","b"}'])."""
        # One parameter, not one per value: psycopg parses (and does not cache) a query of many «%s» each time, and
        # dumps a list element by element in Python. A literal of unknown type takes the column's type (an index
        # on CHAR(64) stays usable, as it would not for text[]).
        return f"{column} = ANY(?)", ["{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
                                                     for v in values) + "}"]

    def tables(self) -> set[str]:
        """Returns the names of the tables in the connection's schema (search_path)."""
        return {r[0] for r in self.rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}

    def generation(self) -> str:
        """Returns the current snapshot (xmin:xmax:in-progress): it changes whenever a writing transaction ends."""
        return self.one("SELECT pg_current_snapshot()::text")[0]

    def close(self) -> None:
        """Closes the pool's connections."""
        self._pool.close()

    # The distinct words FTS5 holds on SQLite, lower-cased as it folds them: ranking by ts_rank needs no repeats.
    index_body = staticmethod(index_words)

    def index_articles(self, rows: Sequence[tuple[int, str]]) -> None:
        """Indexes articles' words as they are (array_to_tsvector: no dictionary, no stemming)."""
        # One text split by the server, not a text[] parameter: psycopg dumps an array element by element in Python.
        self.executemany("INSERT INTO articles_fts (article_no, body) "
                         "VALUES (?, array_to_tsvector(string_to_array(?, ' ')))", rows)

    def reindex(self) -> None:
        """Rebuilds the tsvector index from the stored articles."""
        self.execute("DELETE FROM articles_fts")
        self.index_articles([(number, index_words(title, text)) for number, title, text in
                             self.rows("SELECT article_no, title, text FROM articles")])

    def search_rows(self, terms: list[tuple[str, bool]], limit: int) -> list[tuple]:
        """Returns the articles matching every term by ts_rank, best first (scores differ from SQLite's bm25)."""
        return self._match("a.article_id, a.outlet, a.published, a.url, a.title, a.text, a.event_count, "
                           "ts_rank(f.body, q.query)", terms,
                           " ORDER BY ts_rank(f.body, q.query) DESC, a.article_no LIMIT ?", (limit,))

    def matching_ids(self, terms: list[tuple[str, bool]]) -> set[str]:
        """Returns the ids of every article matching every term."""
        return {r[0] for r in self._match("a.article_id", terms)}

    def _match(self, columns: str, terms: list[tuple[str, bool]], tail: str = "", args: tuple = ()) -> list[tuple]:
        psycopg, _ = _driver()
        sql = (f"SELECT {columns} FROM articles_fts f JOIN articles a ON a.article_no = f.article_no, "
               f"(SELECT CAST(? AS tsquery) AS query) q WHERE f.body @@ q.query{tail}")
        try:
            return self.rows(sql, (_tsquery(terms), *args))
        except psycopg.errors.SyntaxError as err:
            raise SearchError(f"cannot search for {' '.join(w for w, _ in terms)!r}: {err}") from None
