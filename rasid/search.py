"""Arabic full-text search over stored articles: diacritics-, hamza- and tatweel-insensitive."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from .lexicon import readings
from .normalize import norm, normalize

if TYPE_CHECKING:
    from .store import Store

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


# PostgreSQL refuses a lexeme over 2047 bytes; a longer "word" (noise, a run-on URL) is left out of its index.
MAX_LEXEME_BYTES = 2046


@lru_cache(maxsize=200_000)
def _lexemes(word: str) -> tuple[str, ...]:
    """Returns a token's forms as lexemes, lower-cased as FTS5 folds them: «Idlib» → («idlib»,)."""
    return tuple(f for f in _forms(word).lower().split() if len(f.encode("utf-8")) <= MAX_LEXEME_BYTES)


def _indexed(title: str | None, text: str) -> str:
    return norm(f"{title}\n{text}" if title and not text.startswith(title) else text)


def index_text(title: str | None, text: str) -> str:
    """Returns what the full-text index holds: «وشنّت غارةً» → «وشنت شنت غاره» (each word with its readings)."""
    return " ".join(_forms(w) for w in _TOKEN.findall(_indexed(title, text)))


def index_words(title: str | None, text: str) -> str:
    """Returns index_text's distinct words, lower-cased and sorted, for a tsvector: «غارة وغارة» → «غاره وغاره»."""
    words: set[str] = set()
    # Each distinct token once: a report repeats most of its words.
    for token in set(_TOKEN.findall(_indexed(title, text))):
        words.update(_lexemes(token))
    return " ".join(sorted(words))


def query_terms(query: str) -> list[tuple[str, bool]]:
    """Returns the normalized words of a user query, each with whether it ends in «*»: «غارةٌ إدلب*» → [("غاره", False), ("ادلب", True)]."""
    words = _WORD.findall(norm(query))
    if not words:
        raise SearchError(f"no word to search for in {query!r}")
    return [(w.rstrip("*"), w.endswith("*")) for w in words]


def fts5_expression(terms: list[tuple[str, bool]]) -> str:
    """Returns the FTS5 query of quoted words, so that query syntax is searched as words: [("ادلب", True)] → «"ادلب"*»."""
    return " ".join(f'"{w}"' + ("*" if prefix else "") for w, prefix in terms)


def match_expression(query: str) -> str:
    """Turns a user query into an FTS5 query of quoted normalized words: «غارةٌ إدلب*» → «"غاره" "ادلب"*»."""
    return fts5_expression(query_terms(query))


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


def search(store: "Store", query: str, limit: int) -> Iterator[dict]:
    """Yields the articles matching query (diacritics- and hamza-insensitive), best first, with a snippet."""
    for article_id, outlet, published, url, title, text, events, score in store.search_rows(query_terms(query), limit):
        yield {"article_id": article_id, "outlet": outlet, "published": published, "url": url, "title": title,
               "events": events, "score": round(score, 4), "snippet": snippet(text, query)}


def matching_articles(store: "Store", query: str) -> set[str]:
    """Returns the ids of every stored article matching query, as `search` matches: «غارة» → {"a1", "a7"}."""
    return store.matching_ids(query_terms(query))
