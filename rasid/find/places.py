"""Place mentions: gazetteer and curated names with the cue words that set ACLED geo_precision."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import gazetteer
from ..lexicon import PhraseMatcher, readings, table
from ..normalize import norm
from ..segment import Token

# Cue words before a name, and what they say about it.
_SETTLEMENT = frozenset(norm(w) for w in {"بلده", "مدينه", "قريه", "قري", "بلدات", "بلدتي", "مدينتي", "قريتي", "حي", "احياء",
               "مخيم", "منطقه", "مناطق", "ناحيه", "مدن", "بلدتا", "قريتا", "مزرعه", "مزارع", "تجمع",
               "مركز", "ضاحيه", "حيي", "بلده", "مدينه", "سهل", "وادي", "جبل", "تله", "تل", "معبر"})
# Nouns that open the names of curated sites («مطار الشعيرات», «حقل العمر», «سد تشرين»).
_SITE_HEADS = frozenset(norm(w) for w in {"مطار", "قاعدة", "حقل", "حقول", "سد", "جسر", "محطة", "معمل",
                                          "مصفاة", "ميناء", "مرفأ", "دوار", "مخيم"})
_RURAL = frozenset(norm(w) for w in {"ريف", "ريفي", "ارياف", "ريفا", "ريفها"})
_PROVINCE = frozenset(norm(w) for w in {"محافظه", "محافظتي", "محافظات", "ولايه"})
_DESERT = frozenset(norm(w) for w in {"باديه", "صحراء"})
_NEAR = frozenset(norm(w) for w in {"قرب", "القرب", "محيط", "اطراف", "مشارف", "ضواحي", "شرق", "غرب", "شمال", "جنوب",
         "شرقي", "غربي", "شمالي", "جنوبي", "اتجاه", "اطراف", "اكناف", "اسوار", "اطرف", "اقترب",
         "مدخل", "اقتراب", "اقرب", "حدود", "اطار"})
_PREP = frozenset(norm(w) for w in {"في", "علي", "الي", "من", "داخل", "بين", "عند", "نحو", "حتي", "باتجاه"})
_CUE_WORDS = _SETTLEMENT | _RURAL | _PROVINCE | _DESERT | _NEAR | _PREP
_FEATURE_RANK = {"admin1": 6, "city": 7, "admin2": 4, "town": 5, "admin3": 3, "airport": 5,
                 "crossing": 5, "dam": 5, "oil": 5, "quarter": 4, "site": 4, "region": 4,
                 "village": 2, "suburb": 2, "neighbourhood": 2, "hamlet": 1, "locality": 1}
_SETTLED = ("city", "town", "village", "hamlet", "suburb", "neighbourhood", "locality", "quarter")


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


def _cue(tokens: list[Token], first: int) -> str:
    for back in (1, 2):
        j = first - back
        if j < 0:
            break
        words = readings(tokens[j].text)
        for cue, vocab in (("rural", _RURAL), ("province", _PROVINCE), ("desert", _DESERT),
                           ("near", _NEAR), ("settlement", _SETTLEMENT)):
            if words & vocab:
                if cue == "settlement" and back == 1 and j > 0:
                    # «شرق مدينة تدمر», «ريف مدينة حلب», «بالقرب من مدينة سراقب»: the word
                    # before the noun (or before its «من») says where
                    outer = readings(tokens[j - 1].text)
                    if tokens[j - 1].text in _PREP and j > 1:
                        outer = outer | readings(tokens[j - 2].text)
                    for wider, wider_vocab in (("rural", _RURAL), ("desert", _DESERT), ("near", _NEAR)):
                        if outer & wider_vocab:
                            return wider
                return cue
        if back == 1 and tokens[j].text in _PREP:
            # «بالقرب من X», «في ريف X»: look one word further for a stronger cue
            continue
        break
    if first > 0 and tokens[first - 1].text in _PREP:
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
    if top >= 6 or (top == 5 and exact):
        return True
    return cue == "prep" and (len(key.split()) > 1 or len(key) >= 4)


def places(tokens: list[Token]) -> list[PlaceMention]:
    """Finds place names: «وقصفت بلدة التح بريف إدلب» → «التح» (cue settlement), «إدلب» (rural)."""
    out: list[PlaceMention] = []
    for m in _matcher().find(tokens):
        # «عفرين» is indexed both bare and as «العفرين»: name it by the spelling the sources use
        exact = gazetteer.exact_keys()
        key = next((k for k in m.payloads if k in exact or k in _sites()), m.payloads[0])
        cands = tuple(dict.fromkeys(c for k in m.payloads for c in candidates(k)))
        if not cands or readings(key) & _CUE_WORDS:
            continue
        cue = _cue(tokens, m.first)
        if not cue and m.last > m.first and readings(tokens[m.first].text) & (_SETTLEMENT | _SITE_HEADS):
            cue = "settlement"  # «قصف حي الأشرفية», «استهدف مطار الشعيرات»: the name carries its noun
        prev = out[-1] if out else None
        # «بلدات كفر بطنا وسقبا وحرستا»: a name joined by «و» to an accepted one shares its cue
        # (the «و» must be the conjunction read off the name: «وقف» is no «و» + «قف»)
        listed = bool(prev and prev.last >= m.first - 2 and tokens[m.first].text.startswith("و")
                      and m.skip > 0 and prev.cue in ("settlement", "prep", "listed", "near"))
        if not _accept(key, cands, cue, listed):
            continue
        rule = f"place:{cue or ('listed' if listed else 'name')}"
        if cue in ("near", "rural", "desert") and m.first and readings(tokens[m.first - 1].text) & _SETTLEMENT:
            rule += ":settlement"  # «شرق مدينة تدمر» still names a town, not an admin unit
        out.append(PlaceMention(m.first, m.last, key, cands, cue or ("listed" if listed else ""), rule))
    return out
