"""Place mentions: gazetteer and curated names with the cue words that set ACLED geo_precision."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .. import gazetteer
from ..lexicon import Match, PhraseMatcher, readings, table
from ..morph import adjective_forms, cue_forms, cue_rows, cue_set, noun_forms
from ..normalize import norm
from ..segment import Token

# Cue words before a name, and what they say about it: data/cues/settlement.tsv, site_head.tsv (the heads of
# curated site names: «مطار الشعيرات»), rural.tsv, province.tsv, desert.tsv, near.tsv, place_prep.tsv.
_CUE_LEXICONS = ("settlement", "rural", "province", "desert", "near", "place_prep")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Returns every cue word before a place name: «بلدة», «وبريف», «شرقي», «في» …"""
    return frozenset().union(*(cue_set(name) for name in _CUE_LEXICONS))


@lru_cache(maxsize=1)
def _named_heads() -> frozenset[str]:
    """Returns the nouns that head a place or site name: «بلدة», «مطار», «حقل» …"""
    return cue_set("settlement") | cue_set("site_head")


_FEATURE_RANK = {"admin1": 6, "city": 7, "admin2": 4, "town": 5, "admin3": 3, "airport": 5,
                 "crossing": 5, "dam": 5, "oil": 5, "quarter": 4, "site": 4, "region": 4,
                 "village": 2, "suburb": 2, "neighbourhood": 2, "hamlet": 1, "locality": 1}
_SETTLED = ("city", "town", "village", "hamlet", "suburb", "neighbourhood", "locality", "quarter")
# How the words around a gazetteer name read it (scripts/build_toponym_ambiguity.py counts these).
READINGS = ("cue", "frame", "attached", "person", "adjective", "verb", "construct", "bare")
# Endings of the relational adjectives that follow a name without making it a construct: «حلب الشرقية».
_ADJECTIVE_ENDINGS = ("يه", "ي", "يين", "يون")
# A name needing corroboration is corroborated by a place of the report within this distance.
_CORROBORATE_KM = 10.0
_FEW = 2
_LOCAL = ("town", "village", "hamlet", "suburb", "neighbourhood", "locality", "quarter")
_LEAD = 4  # words kept before a name: «X بالقرب من قرية Y» has three between the names


@dataclass(frozen=True)
class Candidate:
    """One gazetteer or curated place a name may refer to."""

    place_id: str
    name: str
    latitude: float
    longitude: float
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    precision: int = 1
    representative: str = ""


@dataclass(frozen=True)
class PlaceMention:
    """A place name at tokens [first, last] with its candidates and the cue before it."""

    first: int
    last: int
    key: str
    candidates: tuple[Candidate, ...]
    cue: str
    rule: str
    lead: tuple[str, ...] = ()  # the words right before the name, for what links it to the name before


# «الغوطة الشرقية لدمشق»: a name after «لـ» that only says whose region the place before it is
POSSESSOR = "place:possessor"
# «الغوطة الشرقية المحاصرة قرب دمشق», «حي القدم الواقع جنوبي العاصمة دمشق»: a city after a place only says where it lies
SITUATING = "place:situating"
# «ريفي حماة وحلب»: a name that shares the rural or province cue of the name before it, a place of its own
SHARED = ":shared"
# words an adjective phrase may hold between a place and «قرب Y»: «المحاصرة قرب», «الواقع جنوبي العاصمة السورية»
_SITUATING_GAP = 5
_WIDE_FEATURES = ("admin1", "admin2", "city", "region")


def situates_across(words: tuple[str, ...]) -> bool:
    """Tells whether the words between two names only say where the second puts the first:
    («بالقرب», «من», «قرية») → True, («الشرقي», «بريف») → True, («موجودة», «في», «ضاحية») → False, and («ومحيط»,)
    → False: a «و» joins a second place («قرى العنكاوي والزيادية ومحيط المحطة»), it does not situate the first."""
    # («إلى»,) → False: «من مدينة دوما إلى جرابلس» names where a move ends, not where Douma lies
    return all((readings(w) & _cue_words() or w in cue_set("direction")) and w not in cue_set("destination")
               and not (w.startswith("و") and w not in cue_set("settlement")) for w in words)


@lru_cache(maxsize=1)
def _sites() -> dict[str, tuple[Candidate, ...]]:
    out: dict[str, list[Candidate]] = {}
    for r in table("sites.tsv"):
        place_id = f"curated:{norm(r['name'])}"
        try:
            admin2 = gazetteer.place(place_id).admin2 or None  # the build placed it in a district
        except KeyError:
            admin2 = None
        cand = Candidate(place_id, r["name"], float(r["latitude"]),
                         float(r["longitude"]), r["admin1"] or None, admin2, r["feature"], 0,
                         int(r["precision"] or 1), r.get("representative", ""))
        for name in [r["name"]] + [a for a in r["aliases"].split(";") if a]:
            out.setdefault(norm(name), []).append(cand)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(r["word"] for r in table("common_words.tsv"))


@dataclass(frozen=True)
class Ambiguity:
    """A gazetteer name that is also an ordinary word, and what it needs to be read as a place: «حريه» → common, cue."""

    name: str
    kind: str  # nisba, adjective, family, verb or common
    # "town": a settlement noun right before it; "cue": a place cue or corroboration; "frame": a locative frame will do
    needs: str


@lru_cache(maxsize=1)
def ambiguous() -> dict[str, Ambiguity]:
    """Returns the names of data/toponym_ambiguity.tsv and every nisba form: «تركيه» → Ambiguity(kind="nisba")."""
    out = {r["name"]: Ambiguity(r["name"], r["class"], r["needs"]) for r in table("toponym_ambiguity.tsv")}
    for form in sorted(nisba_forms()):
        out.setdefault(form, Ambiguity(form, "nisba", "town"))
    return out


@lru_cache(maxsize=1)
def nisba_forms() -> frozenset[str]:
    """Returns the gender and number forms of the demonyms of data/nisba.tsv, without the article: «تركيات» ∈ forms."""
    out: set[str] = set()
    for r in table("nisba.tsv"):
        word = norm(r["adjective"])
        word = word[2:] if word.startswith("ال") else word
        if word.endswith("يه"):
            word = word[:-1]
        if word.endswith("ي"):  # «روسيا», the country, is no adjective to inflect
            out |= adjective_forms(word)
    return frozenset(out)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Returns the first names and kinship words that open a person's name: «أحمد», «وأبو» …"""
    return cue_set("first_names")


@lru_cache(maxsize=1)
def _cue_lemmas() -> frozenset[str]:
    """Returns the lemmas of the place cue lexicons: «قريه», «ريف» (not their forms «قريتين», «بريف»)."""
    return frozenset(lemma for name in _CUE_LEXICONS for lemma in cue_forms(name).values())


@lru_cache(maxsize=1)
def _possessed_cues() -> frozenset[str]:
    """Returns the place cue nouns with a possessor pronoun, which close their phrase: «محيطها», «وبريفه», «قربها»."""
    out: set[str] = set()
    for name in _CUE_LEXICONS + ("area", "ground", "town"):
        for row in cue_rows(name):
            if row.get("pos") != "noun":
                continue
            free, bound = noun_forms(row["lemma"], tuple(p for p in (row.get("plural") or "").split("|") if p))
            # «قريتي الهبيط والحرية»: a dual in construct still names the words after it
            out |= {f for f in bound - free if not f.endswith(("تا", "تي"))}
    return frozenset(conj + prep + f for f in out for conj in ("", "و", "ف") for prep in ("", "ب", "ل", "ك"))


@lru_cache(maxsize=None)
def _plural_cues(name: str) -> frozenset[str]:
    """Returns the dual and plural forms of a cue lexicon's nouns: _plural_cues("province") ∋ «محافظتي», «بمحافظات»."""
    out: set[str] = set()
    for row in cue_rows(name):
        if row.get("pos") != "noun":
            continue
        raw = row["lemma"].strip()
        single = norm(raw)
        free, bound = noun_forms(raw, tuple(p for p in (row.get("plural") or "").split("|") if p))
        out |= free - {single, single + "ا"}
        # the dual in construct: «محافظتي حماة», «ريفي حلب» (without «ة» the nisba spelling, read only before a name)
        out |= {f for f in bound if f.endswith(("تا", "تي"))} | ({single + "ي"} if not raw.endswith("ة") else set())
    return frozenset(conj + prep + f for f in out for conj in ("", "و", "ف") for prep in ("", "ب", "ل", "ك"))


def _governorate(cands: tuple[Candidate, ...]) -> bool:
    """Tells whether a name is a governorate's: «حلب» → True, «سراقب» → False."""
    return any(c.feature == "admin1" for c in cands)


@lru_cache(maxsize=1)
def _many_settlements() -> frozenset[str]:
    """Returns the plural settlement nouns but quarters: «قرى», «بلدات», «مناطق» (not «أحياء», which lie in a city)."""
    return frozenset(w for w in _plural_cues("settlement") if "احياء" not in w)


def _in_many(tokens: list[Token], first: int, out: list[PlaceMention]) -> bool:
    """Tells whether a governorate's name closes «قرى/بلدات/مناطق … في»: «قذائف على قرى تسكنها أغلبية شيعية في
    إدلب» → True (villages lie in the province, not in its capital); «أحياء في حلب» → False."""
    if tokens[first].text[:1] == "ب":
        k = first - 1
    elif first and tokens[first - 1].text in ("في", "وفي"):
        k = first - 2
    else:
        return False
    stop = max([m.last for m in out] + [k - 4])
    while k > stop and tokens[k + 1].start - tokens[k].end <= 1:
        if readings(tokens[k].text) & _many_settlements():
            return True
        k -= 1
    return False


def _names_a_body(tokens: list[Token], first: int) -> bool:
    """Tells whether a name completes a local body's name: «تنسيقية مدينة تدمر» → True, «مجلس محافظة حلب» → True,
    «في مدينة تدمر» → False."""
    j = first - 1
    if j > 0 and (tokens[j].text in cue_set("settlement") or tokens[j].text in cue_set("province")) \
            and not _definite(tokens[j].text):
        j -= 1  # «تنسيقية مدينة X»: the settlement noun between the body and its town
    # the body in construct has no article: «المجلس» before a name is another phrase («أعلن المجلس حلب …» is none)
    return j >= 0 and tokens[j].text in cue_set("organisation") and not _definite(tokens[j].text)


def _names_next(word: str, ground: bool = False) -> bool:
    """Tells whether a noun says the next word names a settlement (or, with `ground`, the ground around one):
    «بلدة» → True, «وبمحيط» → True with ground, «المدينة» → False (with the article it names nothing after it)."""
    if _definite(word) or word in _possessed_cues():
        return False  # «في محيطها كما»: a noun with its possessor governs no name after it
    return word in cue_set("town") or (ground and (word in cue_set("area") or word in cue_set("ground")))


def reading(tokens: list[Token], first: int, last: int, skip: int) -> str:
    """Says how the words around a gazetteer name read it: «قرية الحرية» → "cue", «في الحرية» → "frame",
    «بالحرية» → "attached", «أحمد الجاسم» → "person", «الطائرات التركية» → "adjective", «قد تدمر» → "verb",
    «وتقع رحبة الدبابات» → "construct"."""
    tok = tokens[first].text
    if last > first and readings(tok) & _named_heads():
        return "cue"  # «حي الأشرفية», «معبر جابر»: the name carries its noun
    if any(c in "بلك" for c in tok[:skip]) or tok[skip:].startswith("لل"):
        return "attached"  # «بجروح», «في لبنان»: a preposition written on the word is no locative frame
    cue = _cue(tokens, first)
    # «بلدة X», «محيط X», «شرق مدينة X»: the noun right before says what X is
    if cue in ("rural", "province", "desert") or (first and _names_next(tokens[first - 1].text, ground=True)):
        return "cue"
    if cue in ("near", "settlement") or (first and tokens[first - 1].text in cue_set("locative_frame")):
        return "frame"
    prev = tokens[first - 1].text if first else ""
    # «وتقع رحبة الدبابات»: an indefinite noun before a definite one heads a construct («لم تدمر الغارات»: a verb,
    # «أحمد جاسم الحسن»: a name, read below)
    if last == first and not tok[skip:].startswith("ال") and prev not in cue_set("verbal_particle") \
            and prev not in _first_names() and _heads_construct(tokens, last):
        return "construct"
    if not first:
        return "bare"
    prev = tokens[first - 1].text
    if prev in _first_names():
        return "person"
    if tok[skip:].startswith("ال"):
        # «الطائرات التركية»: a definite word after a definite noun agrees with it as its adjective
        # («الطيبة والنعيمة»: after «و» it is as often a second noun)
        if _definite(prev) and not skip and prev not in cue_set("verbal_particle") \
                and not readings(prev) & _cue_words():
            return "adjective"
    elif prev in cue_set("verbal_particle"):
        return "verb"
    return "bare"


def name_readings(tokens: list[Token]) -> list[tuple[str, str]]:
    """Lists each gazetteer name of a text with its reading: «أصيب بجروح في قرية الحرية» → [(«جروح», "attached"), («حريه», "cue")]."""
    out = []
    last, before = -9, ""
    for m in _matcher().find(tokens):
        if readings(_key(m)) & _cue_words():
            continue  # «مدينة», «ريف»: cue words the finder never takes as names
        how = reading(tokens, m.first, m.last, m.skip)
        if before in ("cue", "frame") and last >= m.first - 2 and m.skip and tokens[m.first].text[0] == "و":
            how = before  # «في بلدتي الهبيط والحرية»: a name joined by «و» shares the cue of the one before
        out.append((m.key, how))
        last, before = m.last, how
    return out


def _key(m: Match) -> str:
    """Returns the gazetteer key a match is named by: «عفرين» is indexed bare and as «العفرين», the sources' spelling wins."""
    return _key_of(m.payloads)


@lru_cache(maxsize=50000)
def _key_of(payloads: tuple) -> str:
    """Returns the key among a match's payloads that the sources spell: («العفرين», «عفرين») → «عفرين»."""
    exact = gazetteer.exact_keys()
    return next((k for k in payloads if k in exact or k in _sites()), payloads[0])


@lru_cache(maxsize=50000)
def _candidates_of(payloads: tuple) -> tuple[Candidate, ...]:
    """Returns the candidates of all a match's payloads, each once: («البوكمال»,) → (Al Bukamal, …)."""
    return tuple(dict.fromkeys(c for k in payloads for c in candidates(k)))


def _corroborated(m: "PlaceMention", needs: str, accepted: list["PlaceMention"]) -> bool:
    """Tells whether the report names the same place, or a settlement within 10 km of it, with a cue of its own.

    Distance counts only for a name that is rare in prose and has few homonyms: with dozens of «الجديدة»
    across Syria one is near almost any village, and «مجموعة» is a word before it is a village.
    """
    for q in accepted:
        if q.key == m.key:
            return True
    if len(m.candidates) > _FEW or needs != "frame":
        return False
    for q in accepted:
        local = [d for d in q.candidates if d.feature in _LOCAL]
        if not local or len(q.candidates) > _FEW or q.cue not in ("settlement", "listed", "near", "prep"):
            continue
        if any(gazetteer.distance_km(c.latitude, c.longitude, d.latitude, d.longitude) <= _CORROBORATE_KM
               for c in m.candidates for d in local):
            return True
    return False


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    keys = gazetteer.match_keys()
    if isinstance(keys, tuple) and len(keys) == 2 and isinstance(keys[1], int):
        keys = keys[0]
    entries = [(k, k) for k in sorted(keys)]  # sorted: set order would make ties run-dependent
    entries += [(k, k) for k in _sites()]
    return PhraseMatcher(entries)


def _as_candidate(p) -> Candidate:
    return Candidate(p.place_id, p.name, p.latitude, p.longitude, p.admin1 or None,
                     p.admin2 or None, p.feature, p.population or 0)


@lru_cache(maxsize=50000)
def candidates(key: str) -> tuple[Candidate, ...]:
    """Returns curated and gazetteer candidates for a normalized name: «البوكمال» → (Al Bukamal, …)."""
    out = list(_sites().get(key, ()))
    seen = {c.place_id for c in out}
    for p in gazetteer.lookup(key):
        if p.place_id not in seen:
            out.append(_as_candidate(p))
            seen.add(p.place_id)
    return tuple(out)


def _definite(word: str) -> bool:
    """Tells whether a word carries the article under its clitics: «وبالمدينة» → True, «بمدينة» → False."""
    if word[:1] in "وف" and len(word) > 3:
        word = word[1:]
    return word.startswith(("ال", "لل")) or (word[:1] in "بك" and word[1:].startswith("ال"))


def _cue(tokens: list[Token], first: int) -> str:
    for back in (1, 2):
        j = first - back
        if j < 0:
            break
        if tokens[j].text in _possessed_cues():
            break  # «تدور اشتباكات في محيطها كما على جبهات أخرى»: «محيطها» has its possessor already
        words = readings(tokens[j].text)
        if _definite(tokens[j].text):
            if "عاصمه" in words:
                return "settlement"  # «بالعاصمة دمشق», «العاصمة السورية دمشق»: the capital names its city
            if back == 1 and words & nisba_forms():
                continue  # «العاصمة السورية دمشق»: a demonym between the noun and the name
            if back == 1 and j > 0 and words & cue_set("near") and _definite(tokens[j - 1].text) \
                    and readings(tokens[j - 1].text) & cue_set("rural"):
                # «الريف الشمالي لحلب»: the direction is the countryside's adjective, as in «ريف حلب الشمالي»
                return "rural"
            words = words & cue_set("near")  # «في المدينة، كما»: a noun with the article names nothing after it
        for cue in ("rural", "province", "desert", "near", "settlement"):
            if words & cue_set(cue):
                if cue == "settlement" and back == 1 and j > 0:
                    # «شرق مدينة تدمر», «ريف مدينة حلب», «بالقرب من مدينة سراقب»: the word
                    # before the noun (or before its «من») says where
                    outer = readings(tokens[j - 1].text)
                    if tokens[j - 1].text in cue_set("place_prep") and j > 1:
                        outer = outer | readings(tokens[j - 2].text)
                    for wider in ("rural", "desert", "near"):
                        if outer & cue_set(wider):
                            return wider
                return cue
        if back == 1 and tokens[j].text in cue_set("place_prep"):
            # «بالقرب من X», «على مقربة من X»: look one word further, for a direction only («قرية على
            # الطريق» names no village «الطريق»)
            if j > 0 and readings(tokens[j - 1].text) & cue_set("near"):
                continue
        break
    if first > 0 and tokens[first - 1].text in cue_set("place_prep"):
        return "prep"
    if tokens[first].text[:1] in "بلف" and len(tokens[first].text) > 4:
        return "prep"
    return ""


def _accept(key: str, cands: tuple[Candidate, ...], cue: str, listed: bool) -> bool:
    common = key.replace("ال", "", 1) in _common() or key in _common()
    if cue in ("settlement", "rural", "province", "desert", "near") or listed:
        return True
    top = max(_FEATURE_RANK.get(c.feature, 0) for c in cands)
    if common:
        return cue == "prep" and top >= 5 and len(key) > 3
    exact = key in gazetteer.exact_keys() or key in _sites()
    # «قصفت الطائرات الغوطة الشرقية»: a curated name of two words or more is a proper name, no phrase,
    # unless it opens on a direction («شرق الفرات» after a village only says where the village lies)
    words = key.split()
    if top >= 6 or (top == 5 and exact) or (key in _sites() and len(words) > 1 and words[0] not in cue_set("near")):
        return True
    return cue == "prep" and (len(key.split()) > 1 or len(key) >= 4)


def _heads_compound(tokens: list[Token], first: int) -> bool:
    """Tells whether a name's first word («كفر», «تل», «دير») runs on into the rest of the name: «كفر بتنا» → True,
    «دير الزغب» → True, «تل، ثم» (a comma between) → False, «تل قرب البلدة» → False."""
    nxt = tokens[first + 1]
    if nxt.text.startswith("ال"):
        return True
    return nxt.start - tokens[first].end <= 1 and not nxt.text.startswith("و") and not nxt.text.isdigit() \
        and readings(nxt.text).isdisjoint(_cue_words()) and nxt.text not in cue_set("function_word") \
        and nxt.text not in cue_set("direction")


def _heads_construct(tokens: list[Token], last: int) -> bool:
    """Tells whether the word after a name is a definite noun it governs: «رحبة الدبابات» → True, «حلب الشرقية»
    (an adjective), «إدلب المدينة» (a cue word) → False."""
    if last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1].text
    return nxt.startswith("ال") and not nxt.endswith(_ADJECTIVE_ENDINGS) and nxt not in cue_set("direction") \
        and readings(nxt).isdisjoint(_cue_words()) and readings(nxt).isdisjoint(nisba_forms())


def _construct_head(tokens: list[Token], m: Match, cands: tuple[Candidate, ...], cue: str) -> bool:
    """Tells whether a hamlet's name read only through a preposition heads a construct with the definite noun after
    it: «داخل رحبة الدبابات» → True (the tank yard), «في رحبة قرب حرستا» → False."""
    if cue != "prep" or m.last != m.first or tokens[m.first].text[m.skip:].startswith("ال") \
            or max(_FEATURE_RANK.get(c.feature, 0) for c in cands) > _FEATURE_RANK["hamlet"]:
        return False
    return _heads_construct(tokens, m.last)


def _only_situates(tokens: list[Token], prev: PlaceMention, first: int, cands: tuple[Candidate, ...]) -> bool:
    """Tells whether a city or governorate named after a place only situates it: in «في الغوطة الشرقية
    المحاصرة قرب دمشق» «دمشق» → True; «غارتين قرب دمشق», «الغوطة الشرقية وقرب دمشق», «ريف إدلب قرب سراقب» → False."""
    gap = tokens[prev.last + 1:first]
    if not gap or len(gap) > _SITUATING_GAP or prev.cue in ("rural", "province") \
            or prev.rule in (POSSESSOR, SITUATING) or not any(c.feature in _WIDE_FEATURES for c in cands):
        return False
    # one phrase: no punctuation between the words, no «و» opening another place, only the article's
    # adjectives («المحاصرة», «الواقع», «السورية») and the word that says where («قرب», «جنوبي», «بالقرب من»)
    pieces = [tokens[prev.last]] + gap + [tokens[first]]
    if any(b.start - a.end > 1 for a, b in zip(pieces, pieces[1:])):
        return False
    near = cue_set("near")
    said = [bool(readings(t.text) & near) for t in gap]
    # «من» only after the word that says where («بالقرب من»); before it, «من جنوب درعا» says where from
    return any(said) and all(
        (t.text == "من" and k and said[k - 1]) or ((said[k] or _definite(t.text)) and not t.text.startswith("و"))
        for k, t in enumerate(gap))


def _repeated(tokens: list[Token], m: Match, cands: tuple[Candidate, ...], how: str,
              accepted: list["PlaceMention"]) -> bool:
    """Tells whether a bare village name is one the report placed with a cue before: «قرية المبعوجة … اقتحم
    مسلحوه المبعوجة» → True.

    After a preposition or a noun of its people («متحدرة من الفوعة», «سكان الفوعة») a name says where people
    are from; a city or region named bare is as often its government («نفت دمشق»).
    """
    if how != "bare" or any(c.feature not in _LOCAL for c in cands) or \
            not any(q.key == _key(m) and q.cue for q in accepted):
        return False
    before = tokens[m.first - 1].text if m.first else ""
    # «… من الفوعة وكفريا»: a name joined by «و» goes with the name before it
    joined = m.skip and tokens[m.first].text.startswith("و")
    return not (joined or before in cue_set("place_prep") or before in cue_set("inhabitants"))


def _evident(amb: Ambiguity, how: str, tokens: list[Token], first: int, listed: bool) -> bool:
    """Tells whether the words around an ambiguous name make it a place: «قرية الحرية» → True, «في الحرية» → True
    for a name rare outside reports on Syria, «جروح» in «بجروح» → False."""
    if amb.needs == "town":
        return first > 0 and _names_next(tokens[first - 1].text)
    return how == "cue" or listed or (amb.needs == "frame" and how == "frame")


def places(tokens: list[Token]) -> list[PlaceMention]:
    """Finds place names: «وقصفت بلدة التح بريف إدلب» → «التح» (cue settlement), «إدلب» (rural)."""
    out: list[PlaceMention] = []
    pending: list[tuple[PlaceMention, str]] = []
    amb_names = ambiguous()
    shared: set[int] = set()
    unknown: PlaceMention | None = None  # a compound name the gazetteer lacks, which may open a list
    for m in _matcher().find(tokens):
        key = _key(m)
        cands = _candidates_of(m.payloads)
        if not cands:
            continue
        amb = amb_names.get(m.key)
        if readings(key) & _cue_words():
            # «القريتين», «جبلة»: a town named by an inflected cue noun (a dual, a possessed form) is a
            # place in a locative frame; the cue nouns themselves («مدينة», «ريف») never are
            # «على قريتين قرب إدلب»: without the article the town carries, a dual is the noun «two villages»
            written = " ".join(t.text for t in tokens[m.first:m.last + 1])[m.skip:]
            written = "ال" + written[2:] if written.startswith("لل") else written  # «للقريتين»: «ل» + «القريتين»
            if m.key in _cue_lemmas() or written not in gazetteer.exact_keys() \
                    or not any(c.feature in ("city", "town") for c in cands):
                continue
            amb = Ambiguity(m.key, "common", "frame")
        if m.first == m.last and m.first + 1 < len(tokens) and tokens[m.first].text[m.skip:] in gazetteer.prefix_words() \
                and _heads_compound(tokens, m.first):
            # «منطقة دير الزغب», «بلدات كفر بتنا»: the first word of a compound name the gazetteer lacks is not
            # «الدير»; the unknown name still opens its list («كفر بتنا وسقبا وحرستا»)
            cue = _cue(tokens, m.first)
            if cue in ("settlement", "prep"):
                unknown = PlaceMention(m.first, m.first + 1, "", (), cue, f"place:{cue}")
            continue
        if m.last > m.first and m.last + 1 < len(tokens) and tokens[m.last].text in cue_set("settlement") \
                and " ".join(t.text for t in tokens[m.first:m.last + 1])[m.skip:] not in gazetteer.exact_keys():
            continue  # «منطقة تل جورة الماء»: a bare «تل» heads the next name, it is not «منطقة التل» misspelt
        if m.first == m.last and tokens[m.first].text in cue_set("function_word"):
            continue  # «ريف تلك المنطقة», «في محيطها كما»: a demonstrative or particle is never a name
        if _names_a_body(tokens, m.first):
            continue  # «وذكرت تنسيقية مدينة تدمر»: the town names the body that reports, not where it happened
        cue = _cue(tokens, m.first)
        if cue == "prep" and _governorate(cands) and _in_many(tokens, m.first, out):
            cue = "province"
            shared.add(m.first)  # «على قرى … في إدلب وحلب»: a governorate joined to it shares the reading
        if cue == "near" and m.skip and tokens[m.first].text.startswith("و") and _definite(tokens[m.first - 1].text):
            cue = ""  # «ريف حلب الشمالي وإدلب»: the direction before «و» is the adjective of the first countryside
        if not cue and m.last > m.first and readings(tokens[m.first].text) & _named_heads():
            cue = "settlement"  # «قصف حي الأشرفية», «استهدف مطار الشعيرات»: the name carries its noun
        prev = out[-1] if out else None
        if unknown is not None and (prev is None or unknown.first > prev.first):
            prev = unknown
        if not cue and prev is not None and prev.cue in ("province", "rural") and m.skip \
                and tokens[m.first].text.startswith("و") and prev.last >= m.first - 2 and prev.first \
                and (prev.first in shared or tokens[prev.first - 1].text in _plural_cues(prev.cue)
                     or (prev.cue == "rural" and _governorate(prev.candidates) and _governorate(cands))):
            # «في محافظتي حماة وحلب», «أرياف حلب وإدلب وحماة»: a dual or plural noun governs each name listed;
            # «ريف حلب وإدلب»: a governorate joined to the countryside's governorate is its second genitive
            cue = prev.cue
            shared.add(m.first)
        # «بلدات كفر بطنا وسقبا وحرستا»: a name joined by «و» to an accepted one shares its cue
        # (the «و» must be the conjunction read off the name: «وقف» is no «و» + «قف»)
        listed = bool(prev and prev.last >= m.first - 2 and tokens[m.first].text.startswith("و")
                      and m.skip > 0 and prev.cue in ("settlement", "prep", "listed", "near"))
        how = reading(tokens, m.first, m.last, m.skip)
        if listed and how == "adjective":
            how = "bare"  # «بلدتي الهبيط والحرية»: the «و» joins a second name, not an adjective of the first
        # «أحمد الجاسم», «قد تدمر», «القوات التركية»: the words around it make the name a person, verb or adjective
        if how in ("person", "verb") or (amb and how in ("adjective", "construct")):
            continue
        rule = f"place:{cue or ('listed' if listed else 'name')}"
        if cue == "prep" and m.skip and tokens[m.first].text[:1] == "ل" and out and out[-1].last == m.first - 1:
            rule = POSSESSOR  # «الغوطة الشرقية لدمشق»: «لـY» right after a place names the whole it lies in
        elif out and _only_situates(tokens, out[-1], m.first, cands):
            rule = SITUATING
        if cue in ("near", "rural", "desert") and m.first and readings(tokens[m.first - 1].text) & cue_set("settlement"):
            rule += ":settlement"  # «شرق مدينة تدمر» still names a town, not an admin unit
        if (m.first and tokens[m.first - 1].text in cue_set("quarter") and not _definite(tokens[m.first - 1].text)) \
                or (listed and prev.rule.endswith(":quarter")):
            rule += ":quarter"  # «حيي الميدان وسليمان الحلبي»: quarters of the city the sentence names
        if m.first in shared:
            rule += SHARED
        mention = PlaceMention(m.first, m.last, key, cands, cue or ("listed" if listed else ""), rule,
                               tuple(t.text for t in tokens[max(0, m.first - _LEAD):m.first]))
        if amb is not None:
            # a name that is also a word is a place by a cue of its own, or when the report places it
            if not _evident(amb, how, tokens, m.first, listed and prev.cue != "prep"):
                if amb.needs != "town":
                    pending.append((replace(mention, rule=f"place:corroborated:{amb.kind}"), amb.needs))
                continue
        elif _construct_head(tokens, m, cands, cue):
            continue
        elif not _accept(key, cands, cue, listed):
            if not _repeated(tokens, m, cands, how, out):
                continue
            mention = replace(mention, rule="place:corroborated:repeat")
        out.append(mention)
    if pending:
        out = sorted(out + [m for m, needs in pending if _corroborated(m, needs, out)], key=lambda m: m.first)
    return out
