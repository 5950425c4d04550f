"""Killed, wounded and captured figures: a number tied to a casualty word nearby."""
from __future__ import annotations
from ..normalize import norm

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import PhraseMatcher, readings
from ..segment import Token
from .numbers import Number, numbers

# Casualty cues; a figure takes the kind of the nearest cue within a few tokens.
_CUES = {
    "killed": ["مقتل", "قتل", "قتلت", "قتلوا", "قتلى", "قتيل", "قتيلا", "قتيلان", "قتيلين",
               "مصرع", "لقي حتفه", "لقوا حتفهم", "لقي مصرعه", "لقوا مصرعهم", "حتفهم", "مصرعهم",
               "استشهاد", "استشهد", "استشهدوا", "شهداء", "شهيد", "شهيدا", "ضحايا", "ضحية",
               "حصيلة", "أودى بحياة", "أودت بحياة", "جثث", "جثة", "الموتى", "وفاة", "توفي",
               "لقي", "لقوا", "يقتل", "تقتل", "القتلى", "سقوط قتلى", "قضوا", "قضى", "ماتوا"],
    "wounded": ["إصابة", "إصابات", "جرحى", "جريح", "جريحا", "جرح", "جرحت", "أصيب", "أصيبوا",
                "بجروح", "مصابين", "المصابين", "مصابا", "إصابتهم", "اصيبوا"],
    "captured": ["أسر", "أسرى", "أسير", "أسيرا", "الأسر", "وقعوا في الأسر"],
}
# Nouns after a figure that say who the victims were.
_CIVILIAN = frozenset(norm(w) for w in {"مدني", "مدنيا", "مدنيين", "مدنيون", "طفل", "طفلا", "اطفال", "طفلان", "طفلين",
             "امراه", "نساء", "امراتان", "امراتين", "سيده", "مواطن", "مواطنا", "مواطنين",
             "شخص", "شخصا", "اشخاص", "شخصين", "شخصان", "مسعف", "مسعفين", "متطوع", "صحفي",
             "صحفيا", "عامل", "عمال", "مزارع", "مزارعين", "نازح", "نازحين", "رضيع", "ضحيه"})
_FIGHTER = frozenset(norm(w) for w in {"عنصر", "عنصرا", "عناصر", "مقاتل", "مقاتلا", "مقاتلين", "مقاتلون", "جندي", "جنديا",
            "جنود", "جنديين", "ضابط", "ضباط", "ضابطا", "مسلح", "مسلحا", "مسلحين", "عسكري",
            "عسكريا", "عسكريين", "قياديا", "قيادي", "عناصرها", "مرتزق", "مرتزقا", "ارهابي",
            "ارهابيا", "ارهابيين", "جهادي", "جهاديا", "جهاديين", "متطرفا", "متطرفين"})
# A figure after these words counts part of a larger toll already given.
_SUBSET = frozenset(norm(w) for w in {"بينهم", "منهم", "بينهن", "منهن", "بينها"})
_SINGULAR = {"طفل": "c", "طفله": "c", "شخص": "c", "مدني": "c", "امراه": "c", "رجل": "c",
             "جندي": "f", "عنصر": "f", "مقاتل": "f", "ضابط": "f", "قيادي": "f", "مواطن": "c"}
_DUAL = {"طفلين": "c", "طفلان": "c", "شخصين": "c", "شخصان": "c", "امراتين": "c", "امراتان": "c",
         "جنديين": "f", "جنديان": "f", "عنصرين": "f", "عنصران": "f", "ضابطين": "f", "مدنيين": None}


_SINGULAR = {norm(k): v for k, v in _SINGULAR.items()}
_DUAL = {norm(k): v for k, v in _DUAL.items()}


@dataclass(frozen=True)
class Casualty:
    """A casualty figure at original-text-independent token span [first, last]."""

    kind: str
    value: int
    first: int
    last: int
    victims: str | None  # "civilians", "fighters" or None
    vague: bool
    hedge: str | None
    rule: str


@lru_cache(maxsize=1)
def _cue_matcher() -> PhraseMatcher:
    return PhraseMatcher(((w, k) for k, ws in _CUES.items() for w in ws), suffixes=True)


def _victims(tokens: list[Token], after: int) -> str | None:
    for tok in tokens[after + 1: after + 3]:
        words = readings(tok.text)
        if words & _CIVILIAN:
            return "civilians"
        if words & _FIGHTER:
            return "fighters"
    return None


def casualties(tokens: list[Token], text: str, nums: list[Number] | None = None) -> list[Casualty]:
    """Finds tolls: «مقتل 30 مدنيا» → killed 30 civilians; «أصيب خمسة» → wounded 5."""
    nums = numbers(tokens, text) if nums is None else nums
    cues = _cue_matcher().find(tokens)
    out: list[Casualty] = []
    for n in nums:
        if n.value > 20000 or (n.rule == "digits" and 1900 <= n.value <= 2100):
            continue
        if n.first > 0 and tokens[n.first - 1].text in _SUBSET:
            continue
        best, gap = None, 99
        for c in cues:
            if c.last < n.first:
                d = n.first - c.last
                # a preceding cue may be separated by «عن/الى» («أسفر عن مقتل», «ارتفع الى»)
                limit = 6
            else:
                d = c.first - n.last
                limit = 5
            if 0 < d <= limit and d < gap:
                best, gap = c, d
        if best is None:
            continue
        kind = best.payloads[0]
        out.append(Casualty(kind, n.value, n.first, n.last, _victims(tokens, n.last), n.vague,
                            n.hedge, f"casualty:{kind}:{n.rule}"))
    used = {(c.first, c.last) for c in out}
    # «مقتل طفل», «مقتل جنديين»: a toll written by the noun's number alone
    for c in cues:
        nxt = c.last + 1
        if nxt >= len(tokens) or any(u[0] <= nxt <= u[1] for u in used):
            continue
        word = tokens[nxt].text
        if word in _DUAL and _DUAL[word]:
            out.append(Casualty(c.payloads[0], 2, nxt, nxt,
                                "civilians" if _DUAL[word] == "c" else "fighters", False, None,
                                f"casualty:{c.payloads[0]}:dual"))
        elif word in _SINGULAR and c.payloads[0] != "captured":
            out.append(Casualty(c.payloads[0], 1, nxt, nxt,
                                "civilians" if _SINGULAR[word] == "c" else "fighters", False, None,
                                f"casualty:{c.payloads[0]}:singular"))
    return _coordinated(sorted(out, key=lambda c: c.first), tokens, nums)


def _coordinated(out: list[Casualty], tokens: list[Token], nums: list[Number]) -> list[Casualty]:
    """Adds victim groups joined by «و» into one toll: «قتل 15 طفلا وامرأتان» → killed 17."""
    by_first = {n.first: n for n in nums}
    result = []
    for c in out:
        j = c.last + 2
        if c.kind != "killed" or j >= len(tokens) or not (c.victims and tokens[j].text.startswith("و")):
            result.append(c)
            continue
        word = tokens[j].text[1:]
        extra = 2 if _DUAL.get(word) else 1 if word in _SINGULAR else None
        n = by_first.get(j)
        if extra is None and n is not None and n.last + 1 < len(tokens) and \
                readings(tokens[n.last + 1].text) & (_CIVILIAN | _FIGHTER):
            extra = n.value
        if extra is None:
            result.append(c)
            continue
        last = j if n is None else n.last + 1
        result.append(Casualty(c.kind, c.value + extra, c.first, last, c.victims, c.vague, c.hedge,
                               f"{c.rule}+sum"))
    # a figure summed into the toll before it is not a toll of its own
    spans = [(c.first, c.last) for c in result if c.rule.endswith("+sum")]
    return [c for c in result if c.rule.endswith("+sum") or not any(
        a < c.first <= b for a, b in spans)]
