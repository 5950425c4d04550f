"""Sentences, clauses and tokens of normalized Arabic text, all with offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# A sentence ends at a full stop, ! or ?, or at a line break; «.» between digits is a decimal point.
_SENT_END = re.compile(r"(?<!\d)[.!?](?!\d)|\n+")
# A clause breaks at commas, semicolons, colons, dashes and parentheses inside a sentence.
CLAUSE_END = re.compile(r"[,;:()\[\]]|\s-\s")


@dataclass(frozen=True)
class Token:
    """One word of normalized text: «وبريف» at [10, 15)."""

    text: str
    start: int
    end: int
    index: int
    # the final «ه» was «ة» in the original: «سيطرة» is a noun, not «سيطر» + the pronoun «ه»
    taa: bool = False


@dataclass(frozen=True)
class Sentence:
    """A sentence span of normalized text with its index in the article."""

    start: int
    end: int
    index: int
    paragraph: int


_NEW = object.__new__
_SET = object.__setattr__


def _token(text: str, start: int, end: int, index: int, taa: bool) -> Token:
    """Builds a Token as Token(...) would, at half the cost: Token(«قتل», 0, 3, 0, False)."""
    # a report has hundreds of tokens, and a frozen __init__ guards each of its five fields in turn
    tok = _NEW(Token)
    _SET(tok, "__dict__", {"text": text, "start": start, "end": end, "index": index, "taa": taa})
    return tok


def tokenize(text: str) -> list[Token]:
    """Splits normalized text into word tokens: «قتل 5 في دوما» → [قتل, 5, في, دوما]."""
    return [Token(m.group(), m.start(), m.end(), i) for i, m in enumerate(_TOKEN.finditer(text))]


def distinct_words(text: str) -> set[str]:
    """Returns the distinct words of normalized text, without tokens: «قتل 5 في دوما في» → {قتل, 5, في, دوما}."""
    return set(_TOKEN.findall(text))


def word_tokens(original: str, normalized_text: str, offsets,
                skip: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokenizes normalized text, marking words whose final «ه» was «ة»: «سيطرة» → taa=True.

    Words starting inside a `skip` span (sorted, disjoint spans of the normalized text: site chrome) are
    left out, and the tokens kept are numbered in a row.
    """
    out: list[Token] = []
    spans = iter(skip or ())
    lo, hi = next(spans, (len(normalized_text), len(normalized_text)))
    # _token written out: the loop runs once per word of every report
    new, set_, append = _NEW, _SET, out.append
    for m in _TOKEN.finditer(normalized_text):
        start, end = m.span()
        while start >= hi:
            lo, hi = next(spans, (len(normalized_text), len(normalized_text)))
        if start >= lo:
            continue
        word = m.group()
        tok = new(Token)
        set_(tok, "__dict__", {"text": word, "start": start, "end": end, "index": len(out),
                               "taa": word[-1] == "ه" and original[offsets[end - 1]] == "ة"})
        append(tok)
    return out


def sentences(text: str) -> list[Sentence]:
    """Splits normalized text into sentences, numbering paragraphs by blank-line or line breaks."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    for m in _SENT_END.finditer(text):
        end = m.end() if m.group() in ".!?" else m.start()
        if text[start:end].strip():
            out.append(Sentence(start, end, len(out), paragraph))
        if "\n" in m.group():
            paragraph += 1
        start = m.end()
    if text[start:].strip():
        out.append(Sentence(start, len(text), len(out), paragraph))
    return out


def clause_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Splits a sentence span into clause spans at commas, colons and brackets."""
    out = []
    s = start
    for m in CLAUSE_END.finditer(text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if end > s:
        out.append((s, end))
    return out
