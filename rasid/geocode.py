"""Chooses one candidate per place mention from the article's context and sets geo_precision."""
from __future__ import annotations

import math
from collections import Counter

from dataclasses import dataclass
from functools import lru_cache

from . import gazetteer
from .find.places import Candidate, PlaceMention, candidates
from .lexicon import readings, table
from .morph import cue_set
from .normalize import norm
from .records import Location
from .segment import Token

_RANK = {"city": 7, "admin1": 6, "town": 5, "airport": 5, "crossing": 5, "dam": 5, "oil": 5,
         "admin2": 4, "quarter": 4, "site": 4, "region": 4, "admin3": 3, "village": 2, "suburb": 2,
         "neighbourhood": 2, "hamlet": 1, "locality": 1}
_ADMIN = ("admin1", "admin2", "admin3")


def _km(a: Candidate, b: Candidate) -> float:
    return gazetteer.distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _anchors(mentions: list[PlaceMention], sentence_of: dict[int, int]) -> tuple[Counter, dict]:
    """Counts governorates the article points to unambiguously (single candidate or ريف/محافظة X),
    and remembers the first name and sentence that pointed to each, to explain choices."""
    votes: Counter = Counter()
    first: dict[str, tuple[str, int]] = {}
    for m in mentions:
        govs = {c.admin1 for c in m.candidates if c.admin1}
        if len(govs) == 1:
            gov = govs.pop()
            votes[gov] += 2 if m.cue in ("rural", "province") else 1
            first.setdefault(gov, (m.candidates[0].name, sentence_of.get(m.first, -1) + 1, m.first))
    return votes, first


def _score(c: Candidate, m: PlaceMention, votes: Counter, neighbours: list[Candidate],
           elsewhere: list[Candidate] = ()) -> float:
    s = _RANK.get(c.feature, 0) * 0.5 + math.log10(1 + (c.population or 0)) * 0.3
    if c.admin1 and votes:
        s += 3.0 * votes.get(c.admin1, 0) / max(votes.values())
    if neighbours:
        d = min(_km(c, n) for n in neighbours)
        s += 2.0 if d < 15 else 1.0 if d < 40 else 0.0
    if elsewhere:
        # places named elsewhere in the report pull less than those of the same sentence
        d = min(_km(c, n) for n in elsewhere)
        s += 1.0 if d < 25 else 0.0
    if m.cue in ("rural", "province") and c.feature in ("admin1", "city"):
        s += 2.0
    if (m.cue == "settlement" or m.rule.endswith(":settlement")) and c.feature in _ADMIN:
        s -= 3.0
    if c.place_id.startswith("curated:"):
        s += 3.0
    return s


def _own_vote(m: PlaceMention) -> int:
    if len({c.admin1 for c in m.candidates if c.admin1}) != 1:
        return 0
    return 2 if m.cue in ("rural", "province") else 1


def _reason(c: Candidate, m: PlaceMention, rank: int, total: int, votes: Counter,
            first: dict, same: list[Candidate], elsewhere: list[Candidate] = ()) -> str:
    """Says why a candidate won: «homonym 3 of 5: same governorate as دير الزور in sentence 2, village»."""
    if total == 1:
        return f"only candidate ({c.feature})"
    why = []
    anchor = first.get(c.admin1) if c.admin1 else None
    if anchor and votes.get(c.admin1) and anchor[2] != m.first:
        why.append(f"same governorate ({c.admin1}) as {anchor[0]} in sentence {anchor[1]}")
    elif c.admin1 and votes.get(c.admin1, 0) > _own_vote(m):
        why.append(f"same governorate ({c.admin1}) as other places in the article")
    if same:
        n = min(same, key=lambda x: _km(c, x))
        d = _km(c, n)
        if d < 40:
            why.append(f"{d:.0f} km from {n.name} in the same sentence")
    elif elsewhere:
        n = min(elsewhere, key=lambda x: _km(c, x))
        if _km(c, n) < 25:
            why.append(f"{_km(c, n):.0f} km from {n.name}, named elsewhere in the report")
    if c.place_id.startswith("curated:"):
        why.append("curated site")
    if not why:
        why.append("ranked first by feature and population")
    return f"homonym {rank} of {total}: " + ", ".join(why) + f", {c.feature}"


def _capital(admin1: str | None) -> Candidate | None:
    if not admin1:
        return None
    try:
        p = gazetteer.capital(admin1)
    except (KeyError, LookupError, ValueError):
        return None
    if p is None:
        return None
    return Candidate(p.place_id, p.name, p.latitude, p.longitude, p.admin1, p.admin2 or None,
                     p.feature, p.population or 0)


def resolve(mentions: list[PlaceMention], sentence_of: dict[int, int]) -> dict[int, Location]:
    """Returns a Location per mention index: «ريف دير الزور الشرقي» → Deir ez-Zor city, precision 3."""
    votes, first = _anchors(mentions, sentence_of)
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(sentence_of.get(m.first, -1), []).append(i)
    fixed: dict[int, Candidate] = {i: m.candidates[0] for i, m in enumerate(mentions)
                                   if len(m.candidates) == 1}
    out: dict[int, Location] = {}
    for i, m in enumerate(mentions):
        same = [fixed[j] for j in by_sentence.get(sentence_of.get(m.first, -1), ())
                if j != i and j in fixed]
        elsewhere = [c for j, c in fixed.items() if j != i and c not in same]
        ranked = sorted(m.candidates, key=lambda c: -_score(c, m, votes, same, elsewhere))
        best = ranked[0]
        if _stray(best, m, votes, same):
            continue
        rank = m.candidates.index(best) + 1
        out[i] = _location(best, m, _reason(best, m, rank, len(ranked), votes, first, same, elsewhere))
    return out


def _stray(c: Candidate, m: PlaceMention, votes: Counter, same: list[Candidate]) -> bool:
    """Flags a small place far from everything else the article names (likely a misread name)."""
    if _RANK.get(c.feature, 0) >= 4 or not votes:
        return False
    top = votes.most_common(1)[0][0]
    if c.admin1 == top or votes.get(c.admin1, 0) >= 2:
        return False
    return not same or min(_km(c, n) for n in same) > 60


def _location(c: Candidate, m: PlaceMention, reason: str) -> Location:
    precision = c.precision
    point = c
    if c.representative:
        rep = candidates(norm(c.representative))
        if rep:
            # the town itself, not the district or sub-district named after it
            point = next((r for r in rep if r.feature in ("city", "town", "village")), rep[0])
            reason += f"; region coded to {c.representative}"
    if m.cue == "desert":
        # «بادية البوكمال», «البادية»: open desert, only a large region is known
        precision = 3
        reason += "; «بادية» cue: desert area around the named place"
    elif m.cue == "area":
        precision = max(precision, 2)
        reason += "; «منطقة/محيط» cue: the area around the named place"
    elif m.cue == "between":
        precision = max(precision, 2)
        reason += "; «بين» cue: between two named places, coded to the first"
    elif m.cue in ("rural", "province") and c.feature in ("admin1", "city", "admin2"):
        # «ريف دير الزور», «محافظة درعا»: a large area, coded to the governorate capital
        precision = 3
        cap = _capital(c.admin1) if c.feature == "admin1" else None
        if cap is not None:
            point = cap
        reason += f"; «{m.cue}» of a governorate or city: large area"
    elif m.cue in ("rural", "near", "desert"):
        precision = max(precision, 2)
        reason += f"; «{m.cue}» cue: near the named place"
    elif c.feature == "admin1":
        precision = 3
        cap = _capital(c.admin1)
        if cap is not None:
            point = cap
    elif c.feature in ("admin2", "admin3", "region"):
        precision = max(precision, 2)
    return Location(name=c.name, latitude=point.latitude, longitude=point.longitude,
                    geo_precision=precision, place_id=c.place_id, admin1=c.admin1,
                    admin2=c.admin2, reason=reason)


# Words that announce a settlement name right after them («قرية X», «بلدة X»).
# Nouns that name the kind of a place before its name («قرية X»): data/cues/named_by.tsv.


@dataclass(frozen=True)
class Unresolved:
    """A settlement name the text gives that no gazetteer lists: «قرية الأباغوز» → «الأباغوز»."""

    first: int
    last: int
    text: str
    why: str = "is not in the gazetteer"


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(r["word"] for r in table("common_words.tsv"))


def unresolved(tokens: list[Token], mentions: list[PlaceMention],
               dropped: list[PlaceMention] = ()) -> list[Unresolved]:
    """Lists names after «قرية/بلدة/مدينة» that matched no place: «في قرية الأباغوز» → [«الأباغوز»].

    A name whose only gazetteer entries lie far from every other place of the report (`dropped`
    by resolve) is listed too, saying where the gazetteer has it.
    """
    known = {i for m in mentions for i in range(m.first - 1, m.last + 1)}
    out = []
    for m in dropped:
        if m.first and readings(tokens[m.first - 1].text) & cue_set("named_by"):
            govs = sorted({c.admin1 for c in m.candidates if c.admin1})
            out.append(Unresolved(m.first, m.last, " ".join(t.text for t in tokens[m.first:m.last + 1]),
                                  "is in the gazetteer only far from the report's places ("
                                  + ", ".join(govs) + ")"))
    known |= {i for m in dropped for i in range(m.first - 1, m.last + 1)}
    for i, tok in enumerate(tokens[:-1]):
        if i in known or not readings(tok.text) & cue_set("named_by"):
            continue
        name = tokens[i + 1]
        bare = name.text[2:] if name.text.startswith("ال") else name.text
        # a conjunction opens a new phrase, and frequent words are not names
        if i + 1 in known or name.text.isdigit() or len(bare) < 3 or name.text[0] == "و" \
                or readings(name.text) & (_common() | cue_set("named_by")):
            continue
        out.append(Unresolved(i + 1, i + 1, name.text))
    return sorted(out, key=lambda u: u.first)
