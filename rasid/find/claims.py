"""Attribution: who says what («قال المرصد», «بحسب سانا», «نفت موسكو») and with what stance."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import PhraseMatcher, table
from ..segment import Token


@dataclass(frozen=True)
class ClaimMention:
    """A source and its stance at tokens [first, last]: «وأفاد المرصد السوري» → SOHR asserts."""

    first: int
    last: int
    source: str
    stance: str
    rule: str


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    sources = PhraseMatcher((r["alias"], r["id"]) for r in table("sources.tsv"))
    cues = PhraseMatcher(((r["cue"], r["stance"]) for r in table("attribution.tsv")), suffixes=True)
    return sources, cues


def source_mentions(tokens: list[Token]):
    """Returns source-name matches: «وكالة سانا» → SANA."""
    return _matchers()[0].find(tokens)


def cue_mentions(tokens: list[Token]):
    """Returns attribution cue matches with their stance: «نفت» → denies."""
    return _matchers()[1].find(tokens)


def claims(tokens: list[Token], lo: int, hi: int, sources, cues, actors) -> list[ClaimMention]:
    """Pairs sources (or acting parties) with the nearest attribution cue in tokens [lo, hi)."""
    in_s = [c for c in cues if lo <= c.first < hi]
    out: list[ClaimMention] = []
    for s in sources:
        if not lo <= s.first < hi:
            continue
        stance, gap = "asserts", 99
        for c in in_s:
            d = s.first - c.last if c.last < s.first else c.first - s.last + 2
            if 0 < d <= 6 and d < gap:
                stance, gap = c.payloads[0], d
        out.append(ClaimMention(s.first, s.last, s.payloads[0], stance, "claim:source"))
    # a party that denies speaks for itself: «ونفت موسكو», «نفى الجيش التركي»
    for c in in_s:
        if c.payloads[0] != "denies":
            continue
        for a in actors:
            if 0 < a.first - c.last <= 3 and not any(o.first <= a.first <= o.last for o in out):
                out.append(ClaimMention(a.first, a.last, a.actor, "denies", "claim:actor-denial"))
                break
    return out
