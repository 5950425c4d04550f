"""Clitic-aware longest-match phrase matching over normalized tokens, and lexicon loading."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain
from typing import Any, Iterable

from .normalize import norm
from .resources import read_tsv
from .segment import Token, tokenize

_CONJ = "وف"
_PREP = "بلك"
_SUFFIXES = ("هما", "هم", "ها", "ه", "نا", "كم")
_SUFFIX_SET = frozenset(_SUFFIXES)
_SUFFIX_ENDS = frozenset(suf[-1] for suf in _SUFFIXES)


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


_NEW = object.__new__
_SET = object.__setattr__
# the (head, next word) pairs whose tails a matcher keeps (_tails); a corpus run meets more and starts over
_TAIL_CACHE = 20_000


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


# the per-word caches are bounded: a corpus run meets many more rare words than it ever sees again
@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[tuple[int, str], ...]:
    """Lists (clitic length, stem) readings of a token: «وبالبوكمال» → (0,…), (1,…), (2, «البوكمال»)."""
    # cached: finders ask for the same few thousand words of every report over and over
    out = [(0, word)]
    k = 0
    if len(word) > 3 and word[0] in _CONJ:
        k = 1
        out.append((1, word[1:]))
    # a preposition stands after the conjunction, if any: a word opening with «و»/«ف» has none before it
    rest = word[k:]
    if len(rest) > 4 and rest.startswith("لل"):
        # «للمرصد» is ل + المرصد: the article's alef is elided after the preposition.
        out.append((k, "ال" + rest[2:]))
    elif len(rest) > 3 and rest[0] in _PREP:
        out.append((k + 1, rest[1:]))
    return tuple(out)


@lru_cache(maxsize=200_000)
def readings(word: str) -> frozenset[str]:
    """Returns a token's readings without clitics or article: «وبالبوكمال» → {…, «البوكمال», «بوكمال»}."""
    out = {word}
    for _, stem in stems(word):
        out.add(stem)
        out.add(_strip_article(stem))
    return frozenset(out)


def _unsuffixed(stem: str, taa: bool) -> str | None:
    """Returns a stem without its attached pronoun: «غاراتها» → «غارات»; «سيطره» written «سيطرة» (taa) → None."""
    # every pronoun ends in «ا», «م» or «ه»: most words end otherwise and need no look at the list
    if len(stem) > 4 and stem[-1] in _SUFFIX_ENDS:
        for suf in _SUFFIXES:
            if suf == "ه" and taa:
                break
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                return stem[: -len(suf)]
    return None


@lru_cache(maxsize=200_000)
def _heads(word: str, taa: bool, suffixes: bool) -> tuple[tuple[int, str], ...]:
    """Lists (clitic length, head) readings of a token for lookup, shared by all matchers (cached)."""
    out = []
    for skip, stem in stems(word):
        out.append((skip, _strip_article(stem)))
        if suffixes and (bare := _unsuffixed(stem, taa)) is not None:
            out.append((skip, _strip_article(bare)))
    return tuple(out)


@dataclass(frozen=True)
class HeadIndex:
    """Where each lookup head of a text's tokens stands: «قصفت دوما وريفها» → {«دوما»: [1], «ريفها»: [2], …}."""

    length: int
    # heads every matcher looks up: the token through its proclitics and article (positions unsorted)
    plain: dict[str, list[int]]
    # the further heads only suffix-reading matchers look up: «ريفها» → «ريف»
    suffixed: dict[str, list[int]]
    # each distinct token text and its positions in order: finders that test words look once per word
    words: dict[str, list[int]]
    # each matcher's sorted start positions, found once per text: a finder may search it range by range
    starts: dict = field(default_factory=dict, compare=False)
    # the lexicons known when it was built (_Known.generation): a later matcher needs a new index
    generation: int = 0


class _Known:
    """The heads of every matcher built so far: a text's index keeps only these («قصف», «حلب»), not «على», «ذلك»."""

    # about three heads in four of a report are in no lexicon; an index without them is built and
    # searched at a fraction of the cost. A new matcher adds its heads and outdates every index.
    heads: set[str] = set()
    generation = 0

    @classmethod
    def add(cls, heads: Iterable[str]) -> None:
        """Adds a new matcher's heads, outdating the indexes and cached lookups built without them."""
        new = set(heads) - cls.heads
        if new:
            cls.heads |= new
            cls.generation += 1
            _lookup_heads.cache_clear()


@lru_cache(maxsize=200_000)
def _lookup_heads(word: str, taa: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Splits a token's distinct known heads into those every matcher reads and those only suffix readers add (cached)."""
    # a new word costs this on every report that has it: plain loops over at most three readings, and a
    # head no lexicon has is found by no matcher, so the index leaves it out
    readings = stems(word)
    known = _Known.heads
    # _strip_article written out
    heads = [stem[2:] if len(stem) > 3 and stem.startswith("ال") else stem for _, stem in readings]
    plain: list[str] = []
    for head in heads:
        if head in known and head not in plain:
            plain.append(head)
    extra: list[str] = []
    for _, stem in readings:
        # every pronoun ends in «ا», «م» or «ه»: most stems need no look at the list (_unsuffixed)
        if len(stem) > 4 and stem[-1] in _SUFFIX_ENDS and (bare := _unsuffixed(stem, taa)) is not None:
            head = _strip_article(bare)
            if head in known and head not in heads and head not in extra:
                extra.append(head)
    return tuple(plain), tuple(extra)


def _written_forms(head: str, suffixes: bool) -> set[str]:
    """Lists every token whose heads (_heads) may hold `head`, and some more: «ريف» → {«ريف», «وبالريف», «لريفها», …}."""
    # the inverse of stems, _strip_article and _unsuffixed, without their length conditions
    bases = {head, "ال" + head}
    if suffixes:
        bases |= {b + suf for b in bases for suf in _SUFFIXES}
    rests = set(bases)
    for stem in bases:
        rests |= {p + stem for p in _PREP}
        if stem.startswith("ال"):
            rests.add("لل" + stem[2:])
    return rests | {c + r for c in _CONJ for r in rests}


def head_index(tokens: list[Token]) -> HeadIndex:
    """Indexes the known lookup heads of tokens by position: [«وبريف», «حلب»] → {«ريف»: [0], «حلب»: [1], …}."""
    generation = _Known.generation
    # a report says its words many times over: the heads of each distinct word are read once
    at: dict[str, list[int]] = {}
    at_taa: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        group = at_taa if tok.taa else at
        where = group.get(tok.text)
        if where is None:
            group[tok.text] = [i]
        else:
            where.append(i)
    plain: dict[str, list[int]] = {}
    suffixed: dict[str, list[int]] = {}
    for taa, group in ((False, at), (True, at_taa)):
        for word, where in group.items():
            heads, extra = _lookup_heads(word, taa)
            # a word's positions are shared by its heads, so no list is changed in place
            for head in heads:
                known = plain.get(head)
                plain[head] = where if known is None else known + where
            for head in extra:
                known = suffixed.get(head)
                suffixed[head] = where if known is None else known + where
    words = dict(at)
    for word, where in at_taa.items():
        words[word] = sorted(words[word] + where) if word in words else where
    return HeadIndex(len(tokens), plain, suffixed, words, generation=generation)


class Tokens(list):
    """One text's token list, read by every matcher through one shared head index: Tokens(tokenize(«قصف دوما»))."""

    # a report passes ~14 matchers over its tokens; each asks the index where its heads stand instead
    # of reading every token again. The list is the text's: it is not changed once indexed.
    __slots__ = ("_index",)

    def heads(self) -> HeadIndex:
        """Returns the head index of these tokens, built on first use."""
        index = getattr(self, "_index", None)
        if index is None or index.length != len(self) or index.generation != _Known.generation:
            index = self._index = head_index(self)
        return index


def word_positions(tokens: list[Token]) -> dict[str, list[int]]:
    """Maps each token text to where it stands, in order: [«قصف», «دوما», «قصف»] → {«قصف»: [0, 2], «دوما»: [1]}."""
    # a Tokens list has the map in its head index already; the lists are shared, not to be changed
    if isinstance(tokens, Tokens):
        return tokens.heads().words
    out: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        out.setdefault(tok.text, []).append(i)
    return out


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
        self._tail_cache: dict = {}
        # heads that are a phrase by themselves: a text with one may match (may_match)
        self._single = frozenset(head for head, tails in self._index.items() if not tails[-1][0])
        _Known.add(self._index)

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def _heads(self, word: str, taa: bool = False) -> tuple[tuple[int, str], ...]:
        return _heads(word, taa, self._suffixes)

    def _tail_ok(self, tokens: list[Token], i: int, tail: tuple[str, ...]) -> bool:
        last = len(tail) - 1
        for j, w in enumerate(tail):
            t = _strip_article(tokens[i + 1 + j].text)
            if t == w:
                continue
            # the last word may carry a pronoun («غاراتها»), but not a «ه» that was «ة»
            if j == last and self._suffixes and t.startswith(w) and (rest := t[len(w):]) in _SUFFIX_SET \
                    and not (rest == "ه" and tokens[i + 1 + j].taa):
                continue
            return False
        return True

    def _tails(self, head: str, tokens: list[Token], i: int, hi: int) -> list:
        nxt = None if i + 1 >= hi else _strip_article(tokens[i + 1].text)
        # the same head and next word come back in report after report («تل رفعت», «عين العرب»)
        found = self._tail_cache.get((head, nxt))
        if found is not None:
            return found
        buckets = self._by_next[head]
        if nxt is None:
            found = [(tail, payloads) for _, tail, payloads in buckets.get(None, ())]
        else:
            keys = {nxt}
            if self._suffixes:
                keys.update(nxt[: -len(s)] for s in _SUFFIXES if nxt.endswith(s))
            found = [(tail, payloads) for _, tail, payloads in sorted(
                [it for k in keys for it in buckets.get(k, ())] + list(buckets.get(None, ())))]
        if len(self._tail_cache) >= _TAIL_CACHE:
            self._tail_cache.clear()
        self._tail_cache[head, nxt] = found
        return found

    def may_match(self, words: Iterable[str]) -> bool:
        """Tells whether a text of these words could hold a phrase of the lexicon: {«وبريفها», «حلب»} → True for «ريف حلب»."""
        # a cheap over-estimate for skipping a text: every written form of every head and later word is
        # listed once, so a text costs one set intersection
        words = words if isinstance(words, (set, frozenset)) else set(words)
        heads, later = self._written
        found = {h for w in heads.keys() & words for h in heads[w]}
        if not found:
            return False
        # a one-word phrase needs no later word: the tails of every other head are left unread
        if not self._single.isdisjoint(found):
            return True
        present = {t for w in later.keys() & words for t in later[w]}
        return any(all(w in present for w in tail) for head in found for tail, _ in self._index[head])

    @cached_property
    def _written(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Maps the forms a token may take to the heads and later phrase words it may read as: «وللغارات» → {«غارات»}."""
        heads: dict[str, set[str]] = {}
        for head in self._index:
            for form in _written_forms(head, self._suffixes):
                heads.setdefault(form, set()).add(head)
        later: dict[str, set[str]] = {}
        for tails in self._index.values():
            for tail, _ in tails:
                for word in tail:
                    # what _tail_ok reads: the token without its article, and maybe a pronoun
                    for form in (word, "ال" + word, *(f + s for f in (word, "ال" + word) for s in _SUFFIXES)):
                        later.setdefault(form, set()).add(word)
        return heads, later

    def _positions(self, tokens: list[Token], lo: int, hi: int) -> Iterable[int]:
        """Lists the positions in [lo, hi) a phrase may start at: those whose heads the lexicon has (all, for a plain list)."""
        if not isinstance(tokens, Tokens):
            return range(lo, hi)
        index = tokens.heads()
        ordered = index.starts.get(self)
        if ordered is None:
            lexicon = self._index
            # a token with two heads of the lexicon is one position
            found = set()
            for head in index.plain.keys() & lexicon.keys():
                found.update(index.plain[head])
            if self._suffixes:
                for head in index.suffixed.keys() & lexicon.keys():
                    found.update(index.suffixed[head])
            ordered = index.starts[self] = sorted(found)
        return ordered[bisect_left(ordered, lo):bisect_left(ordered, hi)]

    def find(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[Match]:
        """Returns non-overlapping longest matches, left to right, within tokens[lo:hi] (token indices kept)."""
        out: list[Match] = []
        hi = len(tokens) if hi is None else min(hi, len(tokens))
        after = lo
        # the hot loop of every finder: locals, and no call for heads the lexicon does not have
        index, by_next, suffixes = self._index, self._by_next, self._suffixes
        for i in self._positions(tokens, lo, hi):
            if i < after:
                continue
            best: Match | None = None
            tok = tokens[i]
            nxt = None
            for skip, head in _heads(tok.text, tok.taa, suffixes):
                tails = index.get(head)
                if tails is None:
                    continue
                if head in by_next:
                    tails = self._tails(head, tokens, i, hi)
                for tail, payloads in tails:
                    last = i + len(tail)
                    if last >= hi:
                        continue
                    if tail:
                        if nxt is None:
                            nxt = tokens[i + 1].text
                            if len(nxt) > 3 and nxt.startswith("ال"):
                                nxt = nxt[2:]
                        # most tails fail on their first word, which must be the next word itself
                        # unless it is the last one, which may carry a pronoun after it
                        if tail[0] != nxt and (len(tail) > 1 or not suffixes or not nxt.startswith(tail[0])):
                            continue
                        if not self._tail_ok(tokens, i, tail):
                            continue
                    if best is None or last > best.last or (last == best.last and skip < best.skip):
                        # Match(...) without the frozen __init__'s guard on each of its seven fields
                        best = _NEW(Match)
                        _SET(best, "__dict__", {"first": i, "last": last, "skip": skip,
                                                "start": tok.start + skip, "end": tokens[last].end,
                                                "payloads": payloads, "key": " ".join((head,) + tail)})
                    break
            if best is not None:
                out.append(best)
                after = best.last + 1
        return out


def phrase_tokens(phrase: str) -> list[Token]:
    """Tokenizes a lexicon phrase after normalizing it: «قوّات النظام» → [قوات, النظام]."""
    return tokenize(norm(phrase))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Returns the rows of a package TSV lexicon (cached)."""
    return read_tsv(name)
