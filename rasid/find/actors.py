"""Actor mentions: catalogue aliases and nationality adjectives, read through clitics."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..gunmen import UNIDENTIFIED, unaffiliated
from ..lexicon import PhraseMatcher, readings, table
from ..morph import cue_set
from ..normalize import norm
from ..segment import Token


# Nouns a nationality adjective must qualify to name an actor («غارات روسية», not «المرصد السوري»):
# data/cues/armed_head.tsv; adjectives that may stand between the two («غارات جوية روسية»):
# armed_modifier.tsv; words that make a country name a territory, not a party («الحدود مع العراق»): territory.tsv.


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


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, str]:
    return {norm(r["adjective"]): r["actor"] for r in table("nisba.tsv")}


def nationality(word: str) -> str | None:
    """Returns the actor a nationality adjective names, even with no force noun before it: «والروسية» → RUS."""
    found = _nationalities()
    return next((found[r] for r in sorted(readings(word)) if r in found), None)


def actors(tokens: list[Token]) -> list[ActorMention]:
    """Finds actors: «قوات سوريا الديمقراطية» → SDF; «طائرات روسية» → RUS (from the adjective); «مسلحون» → UNIDENTIFIED."""
    aliases, nisba = _matchers()
    out = []
    covered: set[int] = set()
    for m in aliases.find(tokens):
        # an alias shared by two ids stays ambiguous only if the catalogue lists it twice
        actor, kind = m.payloads[0]
        if kind == "generic" and any(t.text in cue_set("territory")
                                     for t in tokens[max(0, m.first - 2):m.first]):
            continue
        # «بجبل الأكراد»: a people's name inside a place name (data/cues/name_head.tsv)
        if kind == "generic" and m.first > 0 and tokens[m.first - 1].text in cue_set("name_head"):
            continue
        out.append(ActorMention(m.first, m.last, actor, kind, f"actor:{kind}"))
        covered.update(range(m.first, m.last + 1))
    nisba_last = -2
    for m in nisba.find(tokens):
        if m.first in covered or m.first == 0:
            continue
        before = readings(tokens[m.first - 1].text)
        heads = cue_set("armed_head")
        headed = bool(before & heads) or (bool(before & cue_set("armed_modifier")) and m.first > 1
                                          and bool(readings(tokens[m.first - 2].text) & heads))
        # «الطائرات الحربية السورية والروسية»: an adjective joined by «و» to a named force qualifies it too
        joined = m.first - 1 in covered and tokens[m.first].text.startswith("و")
        if not headed and nisba_last != m.first - 1 and not joined:
            continue
        nisba_last = m.last
        actor, kind = m.payloads[0]
        out.append(ActorMention(m.first, m.last, actor, kind, "actor:nisba"))
    # «هاجم مسلحون حاجزا»: gunmen whose side no word tells are an unidentified armed group
    starts = {a.first for a in out}
    named = {k for a in out for k in range(a.first, a.last + 1)}
    out += [ActorMention(k, k, UNIDENTIFIED, "alias", "actor:gunmen") for k in range(len(tokens))
            if k not in named and unaffiliated(tokens, k, starts, nationality)]
    return sorted(out, key=lambda a: a.first)
