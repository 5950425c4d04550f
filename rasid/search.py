"""Arabic full-text search over stored articles: diacritics-, hamza- and tatweel-insensitive."""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import Iterator

from .lexicon import readings
from .normalize import norm, normalize

SNIPPET_CHARS = 80


class SearchError(ValueError):
    """A query with nothing to search for, or one the index rejects."""


_WORD = re.compile(r"\w+\*?")
_TOKEN = re.compile(r"\w+")
# «والغارة», «بغارة», «للمرصد»: a proclitic or the article before a query word still matches it.
_PROCLITICS = r"(?:[وف]?[بلك]?(?:ال)?)"


@lru_cache(maxsize=200_000)
def _forms(word: str) -> str:
    """Returns a token with its readings without proclitics and article: «والغاره» → «والغاره الغاره غاره»."""
    return " ".join([word, *sorted(readings(word) - {word})])


def index_text(title: str | None, text: str) -> str:
    """Returns what the full-text index holds: «وشنّت غارةً» → «وشنت شنت غاره» (each word with its readings)."""
    body = norm(f"{title}\n{text}" if title and not text.startswith(title) else text)
    return " ".join(_forms(w) for w in _TOKEN.findall(body))


def match_expression(query: str) -> str:
    """Turns a user query into an FTS5 query of quoted normalized words: «غارةٌ إدلب*» → «"غاره" "ادلب"*»."""
    words = _WORD.findall(norm(query))
    if not words:
        raise SearchError(f"no word to search for in {query!r}")
    return " ".join(f'"{w.rstrip("*")}"' + ("*" if w.endswith("*") else "") for w in words)


def snippet(text: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """Returns the original text around the first query word: «… شنت طائرات غارةً على …»."""
    n = normalize(text)
    words = [w.rstrip("*") for w in _WORD.findall(norm(query))]
    hits = []
    for pattern in (r"(?<!\w){}(?!\w)", rf"(?<!\w){_PROCLITICS}{{}}"):
        for w in words:
            m = re.search(pattern.format(re.escape(w)), n.text)
            if m:
                hits.append(m.span())
        if hits:
            break
    if not hits:
        return " ".join(text[:2 * width].split())
    start, end = n.span(*min(hits))
    lo, hi = max(0, start - width), min(len(text), end + width)
    # Whole words only at both ends.
    if lo:
        lo = text.find(" ", lo, start) + 1 or lo
    if hi < len(text):
        hi = text.rfind(" ", end, hi) if text.rfind(" ", end, hi) > 0 else hi
    body = " ".join(text[lo:hi].split())
    return ("… " if lo else "") + body + (" …" if hi < len(text) else "")


def search(conn: sqlite3.Connection, query: str, limit: int) -> Iterator[dict]:
    """Yields the articles matching query (diacritics- and hamza-insensitive), best first, with a snippet."""
    expression = match_expression(query)
    try:
        rows = conn.execute(
            "SELECT a.article_id, a.outlet, a.published, a.url, a.title, a.text, a.event_count, f.rank "
            "FROM articles_fts f JOIN articles a ON a.article_no = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?", (expression, limit)).fetchall()
    except sqlite3.OperationalError as err:
        raise SearchError(f"cannot search for {query!r}: {err}") from None
    for article_id, outlet, published, url, title, text, events, rank in rows:
        yield {"article_id": article_id, "outlet": outlet, "published": published, "url": url, "title": title,
               "events": events, "score": round(-rank, 4), "snippet": snippet(text, query)}


def matching_articles(conn: sqlite3.Connection, query: str) -> set[str]:
    """Returns the ids of every stored article matching query, as `search` matches: «غارة» → {"a1", "a7"}."""
    expression = match_expression(query)
    try:
        rows = conn.execute("SELECT a.article_id FROM articles_fts f JOIN articles a ON a.article_no = f.rowid "
                            "WHERE articles_fts MATCH ?", (expression,)).fetchall()
    except sqlite3.OperationalError as err:
        raise SearchError(f"cannot search for {query!r}: {err}") from None
    return {r[0] for r in rows}
