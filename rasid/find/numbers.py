"""Numbers written as digits, words, vague quantities and hedged figures, with token spans."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import PhraseMatcher, table
from ..segment import Token


@dataclass(frozen=True)
class Number:
    """A quantity at tokens [first, last]: «نحو ثلاثين» → 30, hedge 'approx'."""

    first: int
    last: int
    value: int
    vague: bool
    hedge: str | None
    rule: str


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    words, hedges = [], []
    for row in table("numbers.tsv"):
        kind = row.get("kind", "")
        if kind == "hedge":
            hedges.append((row["word"], row["value"]))
        elif kind != "ordinal":
            try:
                words.append((row["word"], (int(row["value"]), kind)))
            except ValueError:
                continue
    return PhraseMatcher(words), PhraseMatcher(hedges)


def _digits(tok: Token) -> int | None:
    return int(tok.text) if tok.text.isdigit() and len(tok.text) <= 7 else None


def numbers(tokens: list[Token], text: str) -> list[Number]:
    """Finds quantities: «قتل 12 شخصا» → 12; «خمسة وعشرين» → 25; «العشرات» → 12 (vague)."""
    word_m, hedge_m = _matchers()
    found: dict[int, Number] = {}
    for m in word_m.find(tokens):
        value, kind = m.payloads[0]
        found[m.first] = Number(m.first, m.last, value, kind == "vague", None, f"number-word:{kind}")
    for tok in tokens:
        v = _digits(tok)
        if v is None:
            continue
        # «1,200» / «1.200» are one figure split by the tokenizer
        prev = found.get(tok.index - 1)
        if prev and prev.rule == "digits" and len(tok.text) == 3 \
                and text[tokens[tok.index - 1].end:tok.start] in (",", "."):
            found.pop(tok.index - 1)
            found[prev.first] = Number(prev.first, tok.index, prev.value * 1000 + v, False, None,
                                       "digits")
            continue
        found[tok.index] = Number(tok.index, tok.index, v, False, None, "digits")
    merged = _compose(sorted(found.values(), key=lambda n: n.first), tokens)
    hedge_at = {m.last: (m.payloads[0], m.first) for m in hedge_m.find(tokens)}
    out = []
    for n in merged:
        h = hedge_at.get(n.first - 1)
        if h is None and n.first >= 2:
            h2 = hedge_at.get(n.first - 2)
            # «ما لا يقل عن 30»: the hedge may end one preposition before the number
            if h2 and tokens[n.first - 1].text in ("عن", "من", "على"):
                h = h2
        out.append(Number(n.first, n.last, n.value, n.vague, h[0] if h else None, n.rule)
                   if h else n)
    return out


def _compose(nums: list[Number], tokens: list[Token]) -> list[Number]:
    """Joins «خمسة وعشرين» (unit + و + ten) and «ثلاث مئة» (unit × hundred) into one number."""
    out: list[Number] = []
    for n in nums:
        if out:
            p = out[-1]
            joined = n.first == p.last + 1
            conj = tokens[n.first].text.startswith("و") and n.rule.startswith("number-word")
            if joined and not p.vague and not n.vague:
                if conj and p.value < 10 and n.value in range(20, 100, 10):
                    out[-1] = Number(p.first, n.last, p.value + n.value, False, None, p.rule)
                    continue
                if conj and p.value >= 100 and n.value < 100:
                    out[-1] = Number(p.first, n.last, p.value + n.value, False, None, p.rule)
                    continue
                if p.value < 10 and n.value in (100, 1000):
                    out[-1] = Number(p.first, n.last, p.value * n.value, False, None, p.rule)
                    continue
                if p.rule == "digits" and n.value == 1000:
                    out[-1] = Number(p.first, n.last, p.value * 1000, False, None, p.rule)
                    continue
        out.append(n)
    return out
