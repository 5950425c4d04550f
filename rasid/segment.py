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


def word_list(text: str) -> list[str]:
    """Lists the words of normalized text in order, without tokens: «قتل 5 في دوما في» → [قتل, 5, في, دوما, في]."""
    return _TOKEN.findall(text)


def word_tokens(original: str, normalized_text: str, offsets,
                skip: list[tuple[int, int]] | None = None, words: list[str] | None = None) -> list[Token]:
    """Tokenizes normalized text, marking words whose final «ه» was «ة»: «سيطرة» → taa=True.

    Words starting inside a `skip` span (sorted, disjoint spans of the normalized text: site chrome) are
    left out, and the tokens kept are numbered in a row. `words` is word_list(normalized_text) when the
    caller has it already.
    """
    out: list[Token] = []
    spans = iter(skip or ())
    lo, hi = next(spans, (len(normalized_text), len(normalized_text)))
    # _token written out: the loop runs once per word of every report
    new, set_, append, find = _NEW, _SET, out.append, normalized_text.find
    end = 0
    # the words as strings, each found from the end of the one before: only non-word characters lie
    # between, so the first occurrence is the word itself, and no match object is made per word
    for word in _TOKEN.findall(normalized_text) if words is None else words:
        start = find(word, end)
        end = start + len(word)
        while start >= hi:
            lo, hi = next(spans, (len(normalized_text), len(normalized_text)))
        if start >= lo:
            continue
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
    # Sentence(...) written out as in word_tokens: a report has dozens of sentences
    new, set_, append = _NEW, _SET, out.append
    for m in _SENT_END.finditer(text):
        mark = m.group()
        # a match is one stop mark or a run of line breaks
        broken = mark[0] == "\n"
        end = m.start() if broken else m.end()
        if start < end and not text[start:end].isspace():
            sent = new(Sentence)
            set_(sent, "__dict__", {"start": start, "end": end, "index": len(out), "paragraph": paragraph})
            append(sent)
        if broken:
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
