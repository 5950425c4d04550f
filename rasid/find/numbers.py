"""Numbers written as digits, words, vague quantities and hedged figures, with token spans."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import PhraseMatcher, stems, table
from ..morph import cue_set
from ..normalize import norm
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


# A proclitic glued to digits («و10», «ب5») is one token; the figure is still read.
_DIGIT_CLITICS = "وفبل"
# «بالمئة», «في المئة»: «المئة» with the article after a figure is the percent sign, not 100
# (data/cues/percent.tsv).
# Adverbial hedges do not govern the figure, so they may follow it or its noun («30 شخصا تقريبا»);
# those opening with «أو/ف/و» join a figure already said and never come before one.
_AFTER = frozenset(norm(w) for w in ("على الأقل", "تقريبا", "على الأكثر"))
_AFTER_ONLY = frozenset(norm(w) for w in ("أو أكثر", "فأكثر", "ونيف", "أو أقل"))


@dataclass(frozen=True)
class _Lexicon:
    words: PhraseMatcher
    exact: dict[str, tuple[int, str]]
    before: PhraseMatcher
    after: PhraseMatcher
    # the ends of the exact words past their «ال», which a token holding one ends with
    endings: tuple[str, ...]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Loads numbers.tsv: number words, «ألف»-family words matched exactly, hedges before and after."""
    words, exact, before, after = [], {}, [], []
    for row in table("numbers.tsv"):
        kind, word = row.get("kind", ""), row["word"]
        if kind == "hedge":
            if norm(word) in _AFTER or norm(word) in _AFTER_ONLY:
                after.append((word, row["value"]))
            if norm(word) not in _AFTER_ONLY:
                before.append((word, row["value"]))
        elif kind != "ordinal":
            try:
                entry = (int(row["value"]), kind)
            except ValueError:
                continue
            # «ألفي» normalizes to «الفي»: the matcher would strip «ال» as an article and find «في»
            if word[0] in "أآ" and norm(word).startswith("ال") and " " not in word:
                exact.setdefault(norm(word), []).append(entry)
            else:
                words.append((word, entry))
    return _Lexicon(PhraseMatcher(words), {w: _pick(e) for w, e in exact.items()},
                    PhraseMatcher(before), PhraseMatcher(after), tuple(sorted({w[2:] for w in exact})))


def _pick(entries: list[tuple[int, str]]) -> tuple[int, str]:
    """Keeps a multiplier reading over a vague one: «آلاف» is ×1000 («ثلاثة آلاف») or vague."""
    return next((e for e in entries if e[1] != "vague"), entries[0])


def _digits(tok: Token) -> int | None:
    """Reads a digit token, through a glued proclitic: «و10» → 10; «قتل» → None."""
    text = tok.text
    if len(text) > 1 and text[0] in _DIGIT_CLITICS and text[1:].isdigit():
        text = text[1:]
    return int(text) if text.isdigit() and len(text) <= 7 else None


def _word(tokens: list[Token], first: int, last: int, value: int, kind: str) -> Number:
    """Makes a number-word figure: «عشرات» → 12 (vague); «آلاف» alone → 1000 (vague)."""
    # «آلاف» alone is vague (thousands); after a figure _join multiplies it
    vague = kind == "vague" or (kind == "thousand" and value == 1000
                                and _exact_stem(tokens[first]) == "الاف")
    return Number(first, last, value, vague, None, f"number-word:{kind}")


def _exact_stem(tok: Token) -> str | None:
    """Finds an «ألف»-family word in a token, through clitics: «وألفين» → «الفين»."""
    exact = _lexicon().exact
    for _, stem in stems(tok.text):
        if stem in exact:
            return stem
        # «الألف» («حوالي الألف»): the article before a word that itself starts with «ال»
        if stem.startswith("الال") and stem[2:] in exact:
            return stem[2:]
    return None


def numbers(tokens: list[Token], text: str) -> list[Number]:
    """Finds quantities: «قتل 12 شخصا» → 12; «خمسة وعشرين» → 25; «العشرات» → 12 (vague)."""
    lex = _lexicon()
    found: dict[int, Number] = {}
    for m in lex.words.find(tokens):
        value, kind = m.payloads[0]
        if value == 100 and m.first == m.last and tokens[m.first].text in cue_set("percent"):
            continue
        found[m.first] = _word(tokens, m.first, m.last, value, kind)
    covered = {i for n in found.values() for i in range(n.first, n.last + 1)}
    for tok in tokens:
        # most tokens are neither digits nor an «ألف» word (whose stems all end the token): two tests rule them out
        if not tok.text[-1].isdigit() and not tok.text.endswith(lex.endings):
            continue
        stem = _exact_stem(tok) if tok.index not in covered else None
        if stem is not None:
            found[tok.index] = _word(tokens, tok.index, tok.index, *lex.exact[stem])
            continue
        v = _digits(tok)
        if v is None:
            continue
        prev = found.get(tok.index - 1)
        if prev and prev.rule == "digits" and tok.text.isdigit() \
                and text[tokens[tok.index - 1].end:tok.start] in (",", "."):
            found.pop(tok.index - 1)
            # «1,200» / «1.200» are one figure split by the tokenizer; «2.6», «2,6» are decimals
            if len(tok.text) == 3:
                found[prev.first] = Number(prev.first, tok.index, prev.value * 1000 + v, False, None,
                                           "digits")
            else:
                found[prev.first] = Number(prev.first, tok.index, prev.value, False, None,
                                           f"decimal:{tok.text}")
            continue
        found[tok.index] = Number(tok.index, tok.index, v, False, None, "digits")
    merged = _compose(sorted(found.values(), key=lambda n: n.first), tokens)
    return _hedged(merged, tokens)


def _hedged(nums: list[Number], tokens: list[Token]) -> list[Number]:
    """Attaches hedges: «نحو ثلاثين» → approx; «سبعة مدنيين على الأقل» → min."""
    lex = _lexicon()
    before = {m.last: m.payloads[0] for m in lex.before.find(tokens)}
    starts = {n.first for n in nums}
    out = []
    for i, n in enumerate(nums):
        h = before.get(n.first - 1)
        # «ما لا يقل عن 30»: the hedge may end one preposition before the number
        if h is None and n.first >= 2 and tokens[n.first - 1].text in ("عن", "من", "على"):
            h = before.get(n.first - 2)
        if h is None:
            limit = nums[i + 1].first if i + 1 < len(nums) else len(tokens)
            h = _hedge_after(n, tokens, lex.after, starts, limit)
        out.append(Number(n.first, n.last, n.value, n.vague, h, n.rule) if h else n)
    return out


def _hedge_after(n: Number, tokens: list[Token], after: PhraseMatcher, starts: set[int],
                 limit: int) -> str | None:
    """Reads a hedge after the figure or its noun: «30 شخصا تقريبا» → approx."""
    # found in place, not in a copy: the report's head index skips to the few hedge words
    for m in after.find(tokens, n.last + 1, limit):
        gap = tokens[n.last + 1:m.first]
        # «أصيب 4 وقتل على الأقل 7»: a hedge just before a figure bounds that figure
        nxt = m.last + 1
        if nxt in starts or (nxt + 1 in starts and tokens[nxt].text in ("عن", "من", "على")):
            return None
        # at most the counted noun between, possibly after «من»: «30 من المدنيين على الأقل»
        if len(gap) > 2 or (len(gap) == 2 and gap[0].text != "من") or any(
                t.text.startswith("و") and len(t.text) > 3 for t in gap):
            return None
        return m.payloads[0]
    return None


def _compose(nums: list[Number], tokens: list[Token]) -> list[Number]:
    """Joins adjacent figures into one number: «خمسة وعشرين» → 25; «ثلاثة آلاف» → 3000."""
    out: list[Number] = []
    for n in nums:
        if out and n.first == out[-1].last + 1:
            joined = _join(out[-1], n, tokens[n.first].text.startswith("و"))
            if joined is not None:
                out[-1] = joined
                continue
        out.append(n)
    return out


def _join(p: Number, n: Number, conj: bool) -> Number | None:
    """Reads two adjacent figures as one: «عشرة آلاف» → 10000; «مئة وخمسة» → 105."""
    kind = n.rule.partition(":")[2]

    def make(value: int, vague: bool = False) -> Number:
        return Number(p.first, n.last, value, vague, None, p.rule)

    # «ستة آلاف و259», «22 ألفا و400»: digits glued to «و» after a thousand or a million
    glued = n.rule == "digits" and p.value >= 1000 and (p.rule != "digits" or p.last > p.first)
    if (n.rule.startswith("number-word") or glued) and conj and not p.vague and not n.vague:
        # «خمسة وعشرين» = 25, «مئة وخمسة وعشرون» = 125: the unit comes before the ten
        if kind == "ten" and 0 < p.value % 100 < 10:
            return make(p.value + n.value)
        # «مئة وخمسون» = 150, «ألفين وخمسمئة» = 2500: a smaller place after a larger one
        if p.value >= 100 and n.value < _place(p.value):
            return make(p.value + n.value)
        return None
    if conj:
        return None
    if kind == "hundred" and n.value == 100 and not p.vague and p.value < 10:
        return make(p.value * 100)
    if kind == "million" and n.value == 1000000 and p.rule == "digits" and p.last > p.first:
        # «12.500 مليون»: before «مليون» a three-digit group after the point is a fraction
        return make(p.value * 1000)
    # «عشرة آلاف», «خمسة وعشرين ألفا», «10 آلاف»; vague: «عشرات الآلاف» = 12 × 1000, still vague
    if kind in ("thousand", "million", "vague") and n.value in (1000, 1000000) and p.value < 1000:
        if p.rule.startswith("decimal:"):
            # «2.5 ألف» = 2500, «3.5 مليون» = 3500000
            whole = float(f"{p.value}.{p.rule.partition(':')[2]}")
            return Number(p.first, n.last, round(whole * n.value), False, None, "digits")
        if p.vague:
            return make(p.value * n.value, True)
        # «ثلاثة الآلاف» is no number: only the indefinite «آلاف» multiplies a figure
        if kind != "vague":
            return make(p.value * n.value)
    return None


def _place(value: int) -> int:
    """Returns the lowest filled decimal place: 3500 → 100, 2000 → 1000, 125 → 1."""
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place
