"""Syrian place names (rasid/data/gazetteer.tsv) with variant-tolerant lookup and a distance index."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.morph import cue_set
from rasid.normalize import norm
from rasid.resources import read_tsv

GAZETTEER_FILE = "gazetteer.tsv"

# Lower rank sorts first among candidates for the same name.
FEATURE_RANK: dict[str, int] = {
    "admin1": 0, "city": 1, "admin2": 2, "town": 3, "admin3": 4, "village": 5,
    "suburb": 6, "hamlet": 7, "neighbourhood": 8, "locality": 9, "site": 10, "region": 11,
    # the curated layer (rasid/data/sites.tsv)
    "quarter": 8, "airport": 10, "crossing": 10, "dam": 10, "oil": 10,
}

# Words that open compound names and are written both joined to and apart from the next word
# («كفر بطنا/كفربطنا», «دير الزور/ديرالزور», «البو كمال/البوكمال»): data/cues/name_prefix.tsv.


@lru_cache(maxsize=1)
def prefix_words() -> frozenset[str]:
    """Returns the words that open compound names: «كفر», «دير», «البو» …"""
    return cue_set("name_prefix")


@lru_cache(maxsize=1)
def _split_prefixes() -> tuple[str, ...]:
    """Returns the compound-name prefixes longest first, so «البو» is tried before «ابو»."""
    return tuple(sorted(prefix_words(), key=lambda p: (-len(p), p)))
# A split or stripped remainder shorter than this is a letter pattern, not a word («كفريا» ≠ «كفر يا»).
_MIN_REST = 3

# Each governorate's main city by its Arabic name. Rif Dimashq has no capital of its own (it is
# run from Damascus); Douma, its largest city and district seat, stands in so that callers get a
# town-level point inside the governorate rather than a point in Damascus governorate.
CAPITALS: dict[str, str] = {
    "Al-Hasakah": "الحسكة", "Aleppo": "حلب", "As-Suwayda": "السويداء", "Damascus": "دمشق",
    "Daraa": "درعا", "Deir ez-Zor": "دير الزور", "Hama": "حماة", "Homs": "حمص", "Idlib": "إدلب",
    "Latakia": "اللاذقية", "Quneitra": "القنيطرة", "Raqqa": "الرقة", "Rif Dimashq": "دوما",
    "Tartus": "طرطوس",
}

_EARTH_RADIUS_KM = 6371.0088
_CELL_DEG = 0.1  # grid cell edge for near(): about 11 km north-south


@dataclass(frozen=True)
class Place:
    """One gazetteer row: a settlement, site or admin unit with its admin hierarchy."""

    place_id: str
    name: str
    name_en: str
    feature: str
    population: int | None
    latitude: float
    longitude: float
    admin1: str
    admin2: str
    admin3: str
    pcode: str
    sources: str
    names: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def country(self) -> str:
        """Returns "Syria", or "Iraq" for the border towns that carry no Syrian admin1."""
        return "Syria" if self.admin1 else "Iraq"

    def to_json(self) -> dict:
        """Returns the row as a JSON object, with every Arabic spelling it is listed under."""
        return {"place_id": self.place_id, "name": self.name, "name_en": self.name_en,
                "feature": self.feature, "population": self.population,
                "latitude": self.latitude, "longitude": self.longitude, "country": self.country,
                "admin1": self.admin1 or None, "admin2": self.admin2 or None,
                "admin3": self.admin3 or None, "pcode": self.pcode or None,
                "sources": self.sources.split(";") if self.sources else [],
                "names": list(self.names)}


def _place(row: dict[str, str]) -> Place:
    pop = row.get("population", "")
    return Place(
        place_id=row["place_id"], name=row["name"], name_en=row.get("name_en", ""),
        feature=row["feature"], population=int(pop) if pop else None,
        latitude=float(row["latitude"]), longitude=float(row["longitude"]),
        admin1=row.get("admin1", ""), admin2=row.get("admin2", ""), admin3=row.get("admin3", ""),
        pcode=row.get("pcode", ""), sources=row.get("sources", ""),
        names=tuple(n for n in row.get("names", "").split(";") if n) or (row["name"],),
    )


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Returns every gazetteer row as a Place, in file order."""
    return tuple(_place(r) for r in read_tsv(GAZETTEER_FILE))


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Place]:
    return {p.place_id: p for p in places()}


def place(place_id: str) -> Place:
    """Returns the Place with this id («os:SY09» → Deir ez-Zor governorate); KeyError if absent."""
    return _by_id()[place_id]


# ---------------------------------------------------------------- name variants

def _hamza_variants(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    # norm() keeps the bare hamza, but writers often drop it («السويداء/السويدا»).
    if not any("ء" in t for t in tokens):
        return []
    dropped = tuple(t.replace("ء", "") for t in tokens)
    return [tuple(t for t in dropped if t)]


def _bu_variants(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    # «البو» (tribal "Al Bu") is written «ابو» as often as not, joined or apart.
    out: list[tuple[str, ...]] = []
    for i, tok in enumerate(tokens):
        if tok == "البو":
            out.append(tokens[:i] + ("ابو",) + tokens[i + 1:])
        elif tok == "ابو":
            out.append(tokens[:i] + ("البو",) + tokens[i + 1:])
        elif tok.startswith("البو") and len(tok) - 4 >= _MIN_REST:
            out.append(tokens[:i] + ("ابو" + tok[4:],) + tokens[i + 1:])
        elif tok.startswith("ابو") and len(tok) - 3 >= _MIN_REST:
            out.append(tokens[:i] + ("البو" + tok[3:],) + tokens[i + 1:])
    return out


def _join_split_variants(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for i, tok in enumerate(tokens):
        if tok in prefix_words() and i + 1 < len(tokens):
            out.append(tokens[:i] + (tok + tokens[i + 1],) + tokens[i + 2:])
            continue
        for prefix in _split_prefixes():
            if tok.startswith(prefix) and len(tok) - len(prefix) >= _MIN_REST:
                out.append(tokens[:i] + (prefix, tok[len(prefix):]) + tokens[i + 1:])
                break
    return out


def _joined_compound(tok: str) -> bool:
    return any(tok.startswith(p) and len(tok) - len(p) >= _MIN_REST for p in _split_prefixes())


def _toggle_article(tok: str) -> str | None:
    if tok.startswith("ال") and len(tok) - 2 >= _MIN_REST:
        return tok[2:]
    # Nobody writes the article before a prefix word or a joined compound («الديرالزور»).
    if (not tok.startswith("ال") and tok not in prefix_words() and len(tok) >= _MIN_REST
            and not _joined_compound(tok)):
        return "ال" + tok
    return None


def _article_variants(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    # The article comes and goes on the head word («الباغوز/باغوز»), and after a prefix word on
    # the second one («تل ابيض/تل الابيض»).
    out: list[tuple[str, ...]] = []
    first = _toggle_article(tokens[0])
    if first:
        out.append((first,) + tokens[1:])
    if len(tokens) >= 2 and tokens[0] in prefix_words():
        second = _toggle_article(tokens[1])
        if second:
            out.append((tokens[0], second) + tokens[2:])
    return out


def _ending_variants(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    # Final taa marbuta and alef alternate in Levantine place names («شقرة/شقرا», «الفوعة/فوعا»).
    last = tokens[-1]
    if len(last) < _MIN_REST:
        return []
    if last.endswith("ه"):
        return [tokens[:-1] + (last[:-1] + "ا",)]
    if last.endswith("ا"):
        return [tokens[:-1] + (last[:-1] + "ه",)]
    return []


_TRANSFORMS = (_hamza_variants, _bu_variants, _join_split_variants, _article_variants,
               _ending_variants)


@lru_cache(maxsize=65536)
def name_variants(name: str) -> frozenset[str]:
    """Returns the normalized name and its spelling variants: «البوكمال» → {«البوكمال», «ابو كمال», …}."""
    base = norm(name)
    if not base:
        return frozenset()
    current: set[tuple[str, ...]] = {tuple(base.split())}
    for transform in _TRANSFORMS:
        grown = set(current)
        for tokens in current:
            grown.update(v for v in transform(tokens) if v)
        current = grown
    return frozenset(" ".join(t) for t in current)


# ---------------------------------------------------------------- lookup index

@dataclass(frozen=True)
class _NameIndex:
    exact: dict[str, tuple[int, ...]]
    variant: dict[str, tuple[int, ...]]
    max_tokens: int


def _sort_key(p: Place) -> tuple[int, int, str]:
    return FEATURE_RANK.get(p.feature, len(FEATURE_RANK)), -(p.population or 0), p.place_id


@lru_cache(maxsize=1)
def _index() -> _NameIndex:
    rows = places()
    exact: dict[str, set[int]] = {}
    variant: dict[str, set[int]] = {}
    for i, p in enumerate(rows):
        for name in p.names:
            key = norm(name)
            if not key:
                continue
            exact.setdefault(key, set()).add(i)
            for v in name_variants(key):
                variant.setdefault(v, set()).add(i)

    def ordered(ids: set[int]) -> tuple[int, ...]:
        return tuple(sorted(ids, key=lambda j: _sort_key(rows[j])))

    exact_t = {k: ordered(v) for k, v in exact.items()}
    variant_t = {k: ordered(v - exact.get(k, set())) for k, v in variant.items()}
    variant_t = {k: v for k, v in variant_t.items() if v}
    max_tokens = max((k.count(" ") + 1 for k in (*exact_t, *variant_t)), default=0)
    return _NameIndex(exact_t, variant_t, max_tokens)


def lookup(name: str) -> tuple[Place, ...]:
    """Returns places named `name`, exact spellings first: «حماه» → Hama governorate, city, district."""
    key = norm(name)
    idx = _index()
    rows = places()
    hits = idx.exact.get(key, ()) + idx.variant.get(key, ())
    return tuple(rows[i] for i in hits)


def is_exact(name: str, p: Place) -> bool:
    """Tells whether `name` matches one of the place's written names after norm(): «حماه» ~ «حماة»."""
    key = norm(name)
    return any(norm(n) == key for n in p.names)


def match_keys() -> tuple[frozenset[str], int]:
    """Returns every lookup key (normalized, space-separated) and the most tokens any key has."""
    return _match_keys()


@lru_cache(maxsize=1)
def _match_keys() -> tuple[frozenset[str], int]:
    idx = _index()
    return frozenset(idx.exact) | frozenset(idx.variant), idx.max_tokens


@lru_cache(maxsize=1)
def exact_keys() -> frozenset[str]:
    """Returns the keys that are a written name after norm(), without generated variants."""
    return frozenset(_index().exact)


# ---------------------------------------------------------------- admin helpers

@lru_cache(maxsize=1)
def _governorates() -> dict[str, Place]:
    return {p.admin1: p for p in places() if p.feature == "admin1"}


def governorates() -> tuple[Place, ...]:
    """Returns the 14 governorate (admin1) rows sorted by English name."""
    return tuple(sorted(_governorates().values(), key=lambda p: p.admin1))


def governorate(admin1: str) -> Place:
    """Returns the admin1 row for an English name, P-code or Arabic name: «دير الزور» → os:SY09."""
    table = _governorates()
    if admin1 in table:
        return table[admin1]
    folded = admin1.strip().casefold()
    for p in table.values():
        if folded in (p.admin1.casefold(), p.pcode.casefold(), (p.name_en or "").casefold()):
            return p
    for p in lookup(admin1):
        if p.feature == "admin1":
            return p
    raise KeyError(admin1)


def capital(admin1: str) -> Place:
    """Returns the governorate's main city: "Deir ez-Zor" → «دير الزور» city; Rif Dimashq → «دوما»."""
    gov = governorate(admin1)
    wanted = CAPITALS[gov.admin1]
    towns = [p for p in lookup(wanted)
             if p.admin1 == gov.admin1 and p.feature in ("city", "town", "village")]
    if not towns:
        raise KeyError(f"no capital row for {gov.admin1}")
    return towns[0]


# ---------------------------------------------------------------- distances

def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Returns the great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG)


@lru_cache(maxsize=1)
def _grid() -> dict[tuple[int, int], tuple[Place, ...]]:
    buckets: dict[tuple[int, int], list[Place]] = {}
    for p in places():
        buckets.setdefault(_cell(p.latitude, p.longitude), []).append(p)
    return {k: tuple(v) for k, v in buckets.items()}


def near(lat: float, lon: float, km: float) -> list[tuple[float, Place]]:
    """Returns (distance_km, place) for every place within `km` of the point, nearest first."""
    if km < 0:
        return []
    grid = _grid()
    lat_cells = math.ceil(km / (111.19 * _CELL_DEG)) + 1
    coslat = max(math.cos(math.radians(min(89.0, abs(lat) + km / 111.19))), 0.01)
    lon_cells = math.ceil(km / (111.19 * coslat * _CELL_DEG)) + 1
    ci, cj = _cell(lat, lon)
    out: list[tuple[float, Place]] = []
    for i in range(ci - lat_cells, ci + lat_cells + 1):
        for j in range(cj - lon_cells, cj + lon_cells + 1):
            for p in grid.get((i, j), ()):
                d = distance_km(lat, lon, p.latitude, p.longitude)
                if d <= km:
                    out.append((d, p))
    out.sort(key=lambda dp: (dp[0], dp[1].place_id))
    return out


# ---------------------------------------------------------------- analyst queries

# Words an analyst or a report puts around a place name («ريف X الشرقي», «جنوب X», «قرية X»);
# a query is tried as written first and only then without them.


@lru_cache(maxsize=1)
def _query_heads() -> frozenset[str]:
    """Returns the cue words before a place name: «ريف», «جنوب», «قرية», «بالقرب», «من» … (data/cues)."""
    names = ("rural", "near", "settlement", "province", "desert", "place_prep")
    return frozenset().union(*(cue_set(name) for name in names))


_BRACKETS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*")
_LIST_SEPARATORS = re.compile(r"\s*[،,;/]\s*|\s+و(?=\S)")
# How far the inner name of «A (B)» may lie from A and still be read as «B, in A».
_INSIDE_KM = 25.0


@dataclass(frozen=True)
class Found:
    """The answer to one analyst query: the places, the key that matched and how it was read."""

    query: str
    key: str
    how: str
    places: tuple[Place, ...]


def _has_arabic(text: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in text)


def _trimmed(key: str) -> list[tuple[str, str]]:
    """Returns the key without surrounding cue words: «ريف البوكمال الشرقي» → «البوكمال»."""
    words = key.split()
    out: list[tuple[str, str]] = []
    head = 0
    while head < len(words) - 1 and words[head] in _query_heads():
        head += 1
    tail = len(words)
    while tail - head > 1 and words[tail - 1] in cue_set("direction"):
        tail -= 1
    if head:
        out.append((" ".join(words[head:]), f"without «{' '.join(words[:head])}»"))
    if tail < len(words):
        out.append((" ".join(words[:tail]), f"without «{' '.join(words[tail:])}»"))
    if head and tail < len(words) and tail > head:
        out.append((" ".join(words[head:tail]), "without cue words"))
    return out


def _find_plain(query: str) -> Found:
    key = norm(query)
    hits = lookup(key) if key else ()
    if hits:
        return Found(query, key, "exact" if any(is_exact(key, p) for p in hits) else "variant", hits)
    for trimmed, how in _trimmed(key):
        hits = lookup(trimmed)
        if hits:
            return Found(query, trimmed, how, hits)
    return Found(query, key, "not found", ())


def find(query: str) -> Found:
    """Reads an analyst's place query: «دمشق (برزة)» → Barzeh near Damascus; «جنوب الغوطة الشرقية» → the Ghouta."""
    query = " ".join(query.split())
    whole = _find_plain(query)
    inner = [p for p in _BRACKETS.findall(query) if _has_arabic(p)]
    if whole.places or not _BRACKETS.search(query):
        return whole
    outer = _find_plain(_BRACKETS.sub(" ", query).strip())
    # «A (B، C)»: the bracket names parts of A or another spelling of it; prefer parts near A.
    parts = [_find_plain(p) for text in inner for p in _LIST_SEPARATORS.split(text) if p.strip()]
    parts = [f for f in parts if f.places]
    for f in parts:
        close = tuple(p for p in f.places if any(
            distance_km(p.latitude, p.longitude, o.latitude, o.longitude) <= _INSIDE_KM
            for o in outer.places))
        if close:
            return Found(query, f.key, f"«{f.key}» within {_INSIDE_KM:.0f} km of «{outer.key}»", close)
    if outer.places:
        return Found(query, outer.key, f"outside the brackets ({outer.how})", outer.places)
    if parts:
        return Found(query, parts[0].key, f"inside the brackets ({parts[0].how})", parts[0].places)
    return Found(query, outer.key, "not found", ())
