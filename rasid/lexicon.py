"""Clitic-aware longest-match phrase matching over normalized tokens, and lexicon loading."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from .normalize import norm
from .resources import read_tsv
from .segment import Token, tokenize

_CONJ = "وف"
_PREP = "بلك"
_SUFFIXES = ("هما", "هم", "ها", "ه", "نا", "كم")


@dataclass(frozen=True)
class Match:
    """A lexicon phrase found at tokens [first, last] whose text starts `skip` chars into the first token."""

    first: int
    last: int
    skip: int
    start: int
    end: int
    payloads: tuple
    key: str


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def stems(word: str) -> list[tuple[int, str]]:
    """Lists (clitic length, stem) readings of a token: «وبالبوكمال» → (0,…), (1,…), (2, «البوكمال»)."""
    out = [(0, word)]
    k = 0
    if len(word) > 3 and word[0] in _CONJ:
        k = 1
        out.append((1, word[1:]))
    for j in {0, k}:
        rest = word[j:]
        if len(rest) > 4 and rest.startswith("لل"):
            # «للمرصد» is ل + المرصد: the article's alef is elided after the preposition.
            out.append((j, "ال" + rest[2:]))
        elif len(rest) > 3 and rest[0] in _PREP:
            out.append((j + 1, rest[1:]))
    return out


def readings(word: str) -> set[str]:
    """Returns a token's readings without clitics or article: «وبالبوكمال» → {…, «البوكمال», «بوكمال»}."""
    out = {word}
    for _, stem in stems(word):
        out.add(stem)
        out.add(_strip_article(stem))
    return out


@lru_cache(maxsize=200_000)
def _heads(word: str, taa: bool, suffixes: bool) -> tuple[tuple[int, str], ...]:
    """Lists (clitic length, head) readings of a token for lookup, shared by all matchers (cached)."""
    out = []
    for skip, stem in stems(word):
        out.append((skip, _strip_article(stem)))
        if suffixes and len(stem) > 4:
            for suf in _SUFFIXES:
                if suf == "ه" and taa:
                    break
                if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                    out.append((skip, _strip_article(stem[: -len(suf)])))
                    break
    return tuple(out)


def _bucket(tails: list) -> dict:
    """Groups (rank, tail, payloads) by the tail's first word (None for no tail), in the tails' order."""
    out: dict = {}
    for rank, (tail, payloads) in enumerate(tails):
        out.setdefault(tail[0] if tail else None, []).append((rank, tail, payloads))
    return out


class PhraseMatcher:
    """Finds lexicon phrases in tokens, reading through proclitics («وبريف») and the article."""

    def __init__(self, entries: Iterable[tuple[str, Any]], suffixes: bool = False):
        index: dict[str, dict[tuple[str, ...], list[Any]]] = {}
        self._suffixes = suffixes
        for phrase, payload in entries:
            words = norm(phrase).replace("-", " ").split()
            if not words:
                continue
            payloads = index.setdefault(_strip_article(words[0]), {}).setdefault(
                tuple(_strip_article(w) for w in words[1:]), [])
            if payload not in payloads:
                payloads.append(payload)
        # longest tails first, so the first hit for a head is its longest phrase
        self._index = {head: sorted(((t, tuple(p)) for t, p in tails.items()),
                                    key=lambda it: -len(it[0]))
                       for head, tails in index.items()}
        # heads with many tails («تل», «عين», «كفر»): tails bucketed by their first word, so a
        # token is checked only against the tails its next word can start
        self._by_next = {head: _bucket(tails) for head, tails in self._index.items() if len(tails) > 8}

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def _heads(self, word: str, taa: bool = False) -> tuple[tuple[int, str], ...]:
        return _heads(word, taa, self._suffixes)

    def _tail_ok(self, tokens: list[Token], i: int, tail: tuple[str, ...]) -> bool:
        for j, w in enumerate(tail):
            t = _strip_article(tokens[i + 1 + j].text)
            if t == w:
                continue
            if j == len(tail) - 1 and self._suffixes and any(
                    t.endswith(s) and t[: -len(s)] == w and not (s == "ه" and tokens[i + 1 + j].taa)
                    for s in _SUFFIXES):
                continue
            return False
        return True

    def _tails(self, head: str, tokens: list[Token], i: int) -> list:
        buckets = self._by_next[head]
        if i + 1 >= len(tokens):
            return [(tail, payloads) for _, tail, payloads in buckets.get(None, ())]
        nxt = _strip_article(tokens[i + 1].text)
        keys = {nxt}
        if self._suffixes:
            keys.update(nxt[: -len(s)] for s in _SUFFIXES if nxt.endswith(s))
        found = [it for k in keys for it in buckets.get(k, ())] + list(buckets.get(None, ()))
        return [(tail, payloads) for _, tail, payloads in sorted(found)]

    def find(self, tokens: list[Token]) -> list[Match]:
        """Returns non-overlapping longest matches, left to right."""
        out: list[Match] = []
        i = 0
        n = len(tokens)
        # the hot loop of every finder: locals, and no call for heads the lexicon does not have
        index, by_next, suffixes = self._index, self._by_next, self._suffixes
        while i < n:
            best: Match | None = None
            tok = tokens[i]
            for skip, head in _heads(tok.text, tok.taa, suffixes):
                tails = index.get(head)
                if tails is None:
                    continue
                if head in by_next:
                    tails = self._tails(head, tokens, i)
                for tail, payloads in tails:
                    last = i + len(tail)
                    if last >= n or (tail and not self._tail_ok(tokens, i, tail)):
                        continue
                    if best is None or last > best.last or (last == best.last and skip < best.skip):
                        best = Match(i, last, skip, tokens[i].start + skip, tokens[last].end,
                                     payloads, " ".join((head,) + tail))
                    break
            if best is not None:
                out.append(best)
                i = best.last + 1
            else:
                i += 1
        return out


def phrase_tokens(phrase: str) -> list[Token]:
    """Tokenizes a lexicon phrase after normalizing it: «قوّات النظام» → [قوات, النظام]."""
    return tokenize(norm(phrase))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Returns the rows of a package TSV lexicon (cached)."""
    return read_tsv(name)
