"""Actor mentions: catalogue aliases and nationality adjectives, read through clitics."""
from __future__ import annotations
from ..normalize import norm

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import PhraseMatcher, readings, table
from ..segment import Token


# Nouns a nationality adjective must qualify to name an actor («غارات روسية», not «المرصد السوري»).
_HEADS = frozenset(norm(w) for w in {"غارات", "غاره", "طائرات", "طائره", "طيران", "قوات", "مقاتلات", "قصف", "ضربات", "ضربه",
          "صواريخ", "صاروخ", "مدفعيه", "حربيه", "جيش", "جنود", "مروحيات", "مسيره", "مسيرات",
          "الحربيه", "قذائف", "دبابات", "عمليه", "هجمات", "هجوم", "قوه", "دوريه", "دوريات",
          "حربي", "مستشارين", "مقاتلين", "ضباط", "عسكريه", "عسكري", "الحربي",
          # duals: «صاروخان إسرائيليان», «غارتين روسيتين»
          "صاروخان", "صاروخين", "قذيفتان", "قذيفتين", "غارتان", "غارتين", "طائرتان", "طائرتين",
          "ضربتان", "ضربتين", "مروحيتان", "مروحيتين"})


# Adjectives that may stand between the head noun and the nationality («غارات جوية روسية»).
_BETWEEN = frozenset(norm(w) for w in {"جوية", "مدفعي", "مدفعية", "صاروخي", "صاروخية", "مكثفة",
                                       "مكثف", "عنيفة", "عنيف", "كثيفة", "كثيف", "حربية", "مسيرة",
                                       "جديدة", "جديد", "متواصلة", "متواصل", "عسكرية", "خاصة"})
# Words that make a country name a territory, not a party: «الحدود مع العراق», «الأراضي التركية».
_TERRITORY = frozenset(norm(w) for w in {"الحدود", "حدود", "الحدودية", "الأراضي", "أراضي",
                                         "أجواء", "الأجواء", "عمق", "داخل"})


@dataclass(frozen=True)
class ActorMention:
    """An actor id at tokens [first, last]: «لقوات النظام» → SYR_GOV (kind alias)."""

    first: int
    last: int
    actor: str
    kind: str
    rule: str


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    aliases = PhraseMatcher(((r["alias"], (r["id"], r.get("kind") or "alias"))
                             for r in table("actors.tsv")), suffixes=True)
    nisba = PhraseMatcher((r["adjective"], (r["actor"], "nisba")) for r in table("nisba.tsv"))
    return aliases, nisba


def actors(tokens: list[Token]) -> list[ActorMention]:
    """Finds actors: «قوات سوريا الديمقراطية» → SDF; «طائرات روسية» → RUS (from the adjective)."""
    aliases, nisba = _matchers()
    out = []
    covered: set[int] = set()
    for m in aliases.find(tokens):
        # an alias shared by two ids stays ambiguous only if the catalogue lists it twice
        actor, kind = m.payloads[0]
        if kind == "generic" and any(t.text in _TERRITORY
                                     for t in tokens[max(0, m.first - 2):m.first]):
            continue
        out.append(ActorMention(m.first, m.last, actor, kind, f"actor:{kind}"))
        covered.update(range(m.first, m.last + 1))
    nisba_last = -2
    for m in nisba.find(tokens):
        if m.first in covered or m.first == 0:
            continue
        before = readings(tokens[m.first - 1].text)
        headed = bool(before & _HEADS) or (bool(before & _BETWEEN) and m.first > 1
                                           and bool(readings(tokens[m.first - 2].text) & _HEADS))
        if not headed and nisba_last != m.first - 1:
            continue
        nisba_last = m.last
        actor, kind = m.payloads[0]
        out.append(ActorMention(m.first, m.last, actor, kind, "actor:nisba"))
    return sorted(out, key=lambda a: a.first)
