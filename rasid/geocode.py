"""Chooses one candidate per place mention from the article's context and sets geo_precision."""
from __future__ import annotations

import math
from collections import Counter

from dataclasses import dataclass, replace
from functools import lru_cache

from . import gazetteer
from .find.places import POSSESSOR, SITUATING, Candidate, PlaceMention, candidates, situates_across
from .lexicon import readings, table, word_positions
from .morph import cue_set
from .normalize import norm
from .records import Location
from .segment import Token

_RANK = {"city": 7, "admin1": 6, "town": 5, "airport": 5, "crossing": 5, "dam": 5, "oil": 5,
         "admin2": 4, "quarter": 4, "site": 4, "region": 4, "admin3": 3, "village": 2, "suburb": 2,
         "neighbourhood": 2, "hamlet": 1, "locality": 1}
_ADMIN = ("admin1", "admin2", "admin3")
_ONE_SPOT_KM = 10.0
# A name followed closely (after its list) by a region or town is situated by it: «X بريف Y», «X بالقرب من قرية Y».
_SITUATING_GAP = 4  # fewer words than this between the two names
_SITUATING_GOVS = 2  # «ريف دمشق» spans Damascus and Rif Dimashq; a name in more governorates situates nothing
_SITUATING_KM = 25.0
_SITUATING_HOMONYMS = 2  # a town with more homonyms than this situates nothing: one of them is near anything
_QUARTER_KM = 10.0  # a quarter lies within this distance of its city's point
_LIST_KM = 40.0  # villages listed together («قرى X وY وZ») lie within this distance of each other
_LOCAL = ("town", "village", "hamlet", "suburb", "neighbourhood", "locality")


def _km(a: Candidate, b: Candidate) -> float:
    return gazetteer.distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _one_spot(cands: list[Candidate]) -> Candidate | None:
    """Returns the one spot a name fixes: its only candidate, or a town beside the district named after it («عين عيسى»)."""
    if len(cands) == 1:
        return cands[0]
    towns = [c for c in cands if c.feature not in _ADMIN]
    return towns[0] if len(towns) == 1 and all(_km(towns[0], c) <= _ONE_SPOT_KM for c in cands) else None


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
    elif c.feature in ("admin1", "city") and m.cue != "settlement" and ":settlement" not in m.rule:
        s += 2.0  # «فتح معركة في القنيطرة»: a city's name without «قرية» is the city, not a village named after it
    if (m.cue == "settlement" or ":settlement" in m.rule) and c.feature in _ADMIN:
        s -= 3.0
    if c.place_id.startswith("curated:"):
        s += 3.0
    return s


def _own_vote(m: PlaceMention) -> int:
    if len({c.admin1 for c in m.candidates if c.admin1}) != 1:
        return 0
    return 2 if m.cue in ("rural", "province") else 1


def _reason(c: Candidate, m: PlaceMention, rank: int, total: int, votes: Counter,
            first: dict, same: list[Candidate], elsewhere: list[Candidate] = (), by: str = "") -> str:
    """Says why a candidate won: «homonym 3 of 5: same governorate as دير الزور in sentence 2, village»."""
    if total == 1:
        return f"only candidate ({c.feature})"
    why = [f"situated by {by}"] if by else []
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
    # «قرية الرويضة بناحية عقيربات»: a name with no homonym where the report situates it names no known place,
    # and neither votes nor pulls the others
    situated = [_situated(i, mentions, sentence_of) for i in range(len(mentions))]
    situated = [_listed_with(i, mentions, kept, by) for i, (kept, by) in enumerate(situated)]
    # one name in one report is one place: where one mention is situated, so are its repetitions
    narrowed = {m.key: kept for m, (kept, by) in zip(mentions, situated) if by is not None}
    situated = [(tuple(c for c in kept if c in narrowed[m.key]), by) if by is None and m.key in narrowed else (kept, by)
                for m, (kept, by) in zip(mentions, situated)]
    given = mentions
    mentions = [replace(m, candidates=kept) for m, (kept, _) in zip(mentions, situated)]
    live = [m for m in mentions if m.candidates]
    votes, first = _anchors(live, sentence_of)
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(sentence_of.get(m.first, -1), []).append(i)
    # a town and the sub-district named after it («عين عيسى») fix a spot as well as a single candidate does
    fixed: dict[int, Candidate] = {i: spot for i, m in enumerate(mentions) if (spot := _one_spot(m.candidates))}
    out: dict[int, Location] = {}
    for i, m in enumerate(mentions):
        if not m.candidates or m.rule in (POSSESSOR, SITUATING):
            continue  # «لدمشق» in «الغوطة الشرقية لدمشق», «قرب دمشق» after it: situates and votes, no event stands at it
        by = situated[i][1]
        narrowed_here = len(m.candidates) < len(given[i].candidates)
        by_name = "" if not narrowed_here else f"«{by.candidates[0].name}» after it" if by is not None \
            else "the place after it where the report names it first"
        same = [fixed[j] for j in by_sentence.get(sentence_of.get(m.first, -1), ())
                if j != i and j in fixed]
        elsewhere = [c for j, c in fixed.items() if j != i and c not in same]
        ranked = sorted(m.candidates, key=lambda c: -_score(c, m, votes, same, elsewhere))
        best = ranked[0]
        if _stray(best, m, votes, same):
            continue
        rank = given[i].candidates.index(best) + 1
        out[i] = _location(best, m, _reason(best, m, rank, len(given[i].candidates), votes, first, same, elsewhere,
                                            by_name))
    return out


def _wide_govs(m: PlaceMention) -> frozenset[str]:
    """Returns the governorates a region-level name stands for: «بريف درعا» → {Daraa}, «في إدلب» → {Idlib},
    «قرية الطيبة» → {} (a village names no region)."""
    wide = [c for c in m.candidates if c.feature in _ADMIN + ("city",)]
    if m.cue in ("rural", "province") and not wide:
        wide = list(m.candidates)
    govs = {c.admin1 for c in wide if c.admin1}
    if "Damascus" in govs:
        govs.add("Rif Dimashq")  # «جرمانا في دمشق»: the capital's suburbs lie in the governorate around it
    return frozenset(govs) if len(govs) <= _SITUATING_GOVS else frozenset()


def _situated(i: int, mentions: list[PlaceMention],
              sentence_of: dict[int, int]) -> tuple[tuple[Candidate, ...], PlaceMention | None]:
    """Keeps the homonyms of a name that lie where the place right after it (or after the list it opens) says:
    «بلدة الكرك الشرقي بريف درعا» → the Karak of Daraa, «حي الميدان … المدينة حلب» → none of the villages,
    «قرية الرويضة بناحية عقيربات» with no Rweida near Aqirbat → (), with the place that situates it."""
    m = mentions[i]
    sent, last, j = sentence_of.get(m.first, -1), m.last, i + 1
    if m.rule.endswith(":quarter"):
        # «وفي مدينة حلب … على حيي الميدان»: a quarter lies in the city the sentence names, if it names one
        cities = [c for k, q in enumerate(mentions) if k != i and sentence_of.get(q.first, -2) == sent
                  for c in q.candidates if c.feature in ("city", "town")]
        if cities:
            return tuple(c for c in m.candidates if any(_km(c, d) <= _QUARTER_KM for d in cities)), None
    wide = any(c.feature in _ADMIN + ("city",) for c in m.candidates)
    if m.cue in ("rural", "province", "desert", "between") or (wide and m.cue not in ("settlement", "listed")):
        return m.candidates, None  # «ريف إدلب قرب سراقب»: a region is not situated by a town inside it
    while j < len(mentions) and mentions[j].cue == "listed" and mentions[j].first - last <= 2:
        last, j = mentions[j].last, j + 1  # «بلدتي الصمدانية والحميدية في ريف القنيطرة»: the list shares it
    if j >= len(mentions) or sentence_of.get(mentions[j].first, -2) != sent:
        return m.candidates, None
    q = mentions[j]
    gap = q.first - last - 1
    if gap >= _SITUATING_GAP or q.cue not in ("rural", "province", "settlement", "near", "prep") \
            or (gap and not situates_across(q.lead[-gap:])):
        return m.candidates, None  # «الفوعة وكفريا موجودة في ضاحية السيدة زينب»: a verb between tells another thing
    govs = _wide_govs(q)
    if q.cue == "near" or (q.cue == "settlement" and not govs):
        # «تلة الشيخ يوسف بالقرب من قرية نقارين»: a place near another lies within reach of it, or in its
        # governorate when that is a city («قرية X جنوب حلب»)
        if len(q.candidates) > _SITUATING_HOMONYMS:
            return m.candidates, None
        return tuple(c for c in m.candidates if c.admin1 in govs
                     or any(_km(c, d) <= _SITUATING_KM for d in q.candidates)), q
    if govs:
        return tuple(c for c in m.candidates if c.admin1 in govs), q
    return m.candidates, None


def _listed_with(i: int, mentions: list[PlaceMention], kept: tuple[Candidate, ...],
                 by: PlaceMention | None) -> tuple[tuple[Candidate, ...], PlaceMention | None]:
    """Keeps the homonyms of a village that lie near the villages listed with it: in «قرى العنكاوي والدقماق
    والزيادية» the Ziyadiya meant lies by al-Anakawi, and one far off is none of them."""
    m = mentions[i]
    if len(kept) < 2 or any(c.feature in _ADMIN + ("city",) for c in kept):
        return kept, by  # a single homonym is kept: the gazetteer's own spelling outweighs a neighbour
    lo = hi = i
    while lo > 0 and mentions[lo].cue == "listed" and mentions[lo].first - mentions[lo - 1].last <= 2:
        lo -= 1
    while hi + 1 < len(mentions) and mentions[hi + 1].cue == "listed" and mentions[hi + 1].first - mentions[hi].last <= 2:
        hi += 1
    siblings = [q for q in mentions[lo:hi + 1] if q is not m and len(q.candidates) == 1
                and q.candidates[0].feature in _LOCAL]
    if not siblings:
        return kept, by
    near = tuple(c for c in kept if any(_km(c, q.candidates[0]) <= _LIST_KM for q in siblings))
    return (near, siblings[0]) if len(near) < len(kept) else (kept, by)


def _stray(c: Candidate, m: PlaceMention, votes: Counter, same: list[Candidate]) -> bool:
    """Flags a small place far from everything else the article names (likely a misread name)."""
    if _RANK.get(c.feature, 0) >= 4 or not votes:
        return False
    top = votes.most_common(1)[0][0]
    if c.admin1 == top or votes.get(c.admin1, 0) >= 2:
        return False
    return not same or min(_km(c, n) for n in same) > 60


def _seat(c: Candidate) -> Candidate | None:
    """Returns the town a district or sub-district is named after, where ACLED codes it:
    «ناحية عقيربات» → the village of Aqirbat, not the middle of the desert sub-district."""
    name = norm(c.name)
    for prefix in ("ناحيه ", "منطقه "):
        name = name.removeprefix(prefix)
    seats = [d for d in candidates(name) if d.feature in ("city", "town", "village") and d.admin1 == c.admin1
             and (not c.admin2 or not d.admin2 or d.admin2 == c.admin2)]
    return min(seats, key=lambda d: _km(c, d)) if seats else None


def _location(c: Candidate, m: PlaceMention, reason: str) -> Location:
    if m.cue == "rural" and c.feature in ("city", "admin1"):
        # «الريف الشرقي لدمشق»: where the countryside of a city is a governorate of its own, it is that one
        whole = [d for d in candidates(norm("ريف " + c.name)) if d.feature == "admin1"]
        if whole:
            c = whole[0]
            reason += f"; the countryside of {m.key} is the governorate {c.name}"
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
    if point is c and c.feature in ("admin2", "admin3") and m.cue not in ("rural", "province", "desert"):
        seat = _seat(c)
        if seat is not None:
            point = seat
            reason += f"; coded to its seat, the {seat.feature} {seat.name}"
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


# the endings of a relational adjective, normalized: «سكني», «سكنية» → «سكنيه»
_NISBA = ("ي", "يه")


def unresolved(tokens: list[Token], mentions: list[PlaceMention],
               dropped: list[PlaceMention] = ()) -> list[Unresolved]:
    """Lists names after «قرية/بلدة/مدينة» that matched no place: «في قرية الأباغوز» → [«الأباغوز»].

    A name whose only gazetteer entries lie far from every other place of the report (`dropped`
    by resolve) is listed too, saying where the gazetteer has it.
    """
    known = {i for m in mentions for i in range(m.first - 1, m.last + 1)}
    out = []
    for m in dropped:
        if m.rule in (POSSESSOR, SITUATING):
            continue  # a landmark left out on purpose, not a name the gazetteer misplaces
        if m.first and readings(tokens[m.first - 1].text) & cue_set("named_by"):
            govs = sorted({c.admin1 for c in m.candidates if c.admin1})
            out.append(Unresolved(m.first, m.last, " ".join(t.text for t in tokens[m.first:m.last + 1]),
                                  "is in the gazetteer only far from the report's places ("
                                  + ", ".join(govs) + ")"))
    known |= {i for m in dropped for i in range(m.first - 1, m.last + 1)}
    # the readings of each distinct word are looked at once, not at every token
    named_by = cue_set("named_by")
    cued = sorted(i for word, where in word_positions(tokens).items()
                  if not named_by.isdisjoint(readings(word)) for i in where if i < len(tokens) - 1)
    for i in cued:
        if i in known:
            continue
        name = tokens[i + 1]
        bare = name.text[2:] if name.text.startswith("ال") else name.text
        # a conjunction opens a new phrase, and frequent words are not names
        if i + 1 in known or name.text.isdigit() or len(bare) < 3 or name.text[0] == "و" \
                or not readings(name.text).isdisjoint(_common()) or not readings(name.text).isdisjoint(named_by):
            continue
        # «حي سكني», «منطقة عسكرية», «بلدة حدودية»: an indefinite nisba after the noun is its adjective, no name
        if not name.text.startswith("ال") and name.text.endswith(_NISBA):
            continue
        out.append(Unresolved(i + 1, i + 1, name.text))
    return sorted(out, key=lambda u: u.first)
