"""Exports incidents (or single-report events) as ACLED CSV, GeoJSON and JSON lines.

One row-building path: an Event (or a stored Report) is first seen as a single-member Incident
(`as_incident`), so the ACLED columns are computed in one place whatever the unit.

Column decisions (ACLED codebook conventions unless said otherwise):
- event_id_cnty: the country's ISO3 code + a decimal number made of the first 13 hex digits of
  SHA-1(incident id). It is stable across exports of the same incident and below 2**52, so
  spreadsheets keep it exact; on the (practically absent) collision inside one export the later
  id is rehashed with a «#n» suffix, so it stays unique.
- event_date: ISO YYYY-MM-DD (pandas and OGR parse it; older ACLED files wrote «26 October 2018»).
  An incident dated to a range of days is coded to the range's middle day (EVENTS.md §4) and
  the range is kept in tags.
- actor names: ACLED-style names from rasid/data/actor_names.tsv; an id missing there is written
  as is with an empty inter code. In Protests and Riots the civilians crowd is written as
  «Protesters (Syria)» / «Rioters (Syria)» (inter 6 / 5) in actor1, as ACLED codes demonstrators.
- interaction: the two inter codes, lower first («12»); a sole actor is its code and 0 («20»).
- source: outlets of the reports and claim sources of the ledger, by their Latin name where
  sources.tsv gives one, deduplicated, «; »-joined. source_scale: each source's scale from its
  kind (see _SCALE_BY_KIND), one scale as is, two as ACLED's «A-B», more as «Multiple».
- fatalities: the conservative low figure; tags keep «fatalities best=N high=M», the fusion grade,
  the rasid incident id, «contested» and a date range, so what ACLED has no column for survives.
"""
from __future__ import annotations

import csv
import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, TextIO, Union

from . import gazetteer
from .records import Event, Incident, LedgerEntry, Location, Member, Report
from .resources import read_tsv

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

# GDAL/OGR (and so QGIS) read a <name>.csvt next to <name>.csv as the column types, and a
# <name>.prj as its CRS: with both, the CSV opens as typed WGS 84 points without any option.
_CSVT_TYPES = {"event_date": "Date", "year": "Integer", "time_precision": "Integer",
               "inter1": "Integer", "inter2": "Integer", "interaction": "Integer", "iso": "Integer",
               "latitude": "CoordY", "longitude": "CoordX", "geo_precision": "Integer",
               "fatalities": "Integer", "timestamp": "Integer64"}
ACLED_CSVT = ",".join(f'"{_CSVT_TYPES.get(c, "String")}"' for c in ACLED_COLUMNS) + "\n"
WGS84_PRJ = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
             'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]\n')

# ACLED's taxonomy: sub_event_type → event_type (EVENTS.md, event_types.tsv).
SUB_EVENT_TYPES: dict[str, str] = {
    "Government regains territory": "Battles", "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Excessive force against protesters": "Protests", "Protest with intervention": "Protests",
    "Peaceful protest": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments", "Other": "Strategic developments",
}
EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))

# ACLED's disorder types: mob violence is political violence, violent demonstrations are
# demonstrations, and force against protesters is both.
_DISORDER_BY_TYPE = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
    "Riots": "Demonstrations", "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB = {"Excessive force against protesters": "Political violence; Demonstrations",
                    "Mob violence": "Political violence"}

INTER_CODES: dict[str, int] = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
    "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}
_CIVILIANS = 7
_CROWD = {"Protests": ("Protesters (Syria)", 6), "Riots": ("Rioters (Syria)", 5)}

# Country of the place → (ISO3 for event_id_cnty, ISO 3166 numeric for iso).
COUNTRY_CODES: dict[str, tuple[str, int]] = {
    "Syria": ("SYR", 760), "Iraq": ("IRQ", 368), "Turkey": ("TUR", 792),
    "Lebanon": ("LBN", 422), "Jordan": ("JOR", 400), "Israel": ("ISR", 376),
}
REGION = "Middle East"

_SCALE_BY_KIND = {
    "wire": "International", "media": "International", "state media": "National",
    "local media": "Subnational", "local sources": "Local", "social media": "New media",
    "monitor": "Other", "ngo": "Other", "un": "Other", "government": "Other",
    "belligerent": "Other", "belligerent media": "Other",
}
# "media" outlets that are pan-Arab (Regional) or Syrian/Israeli (National) rather than international.
_SCALE_BY_SOURCE = {
    "AL_ARABIYA": "Regional", "AL_JAZEERA": "Regional", "SKY_NEWS_ARABIA": "Regional",
    "ORIENT": "National", "SYRIAN_MEDIA_OTHER": "National", "PRO_GOV_MEDIA": "National",
    "ISR_MEDIA": "National", "KURDISH_MEDIA": "Subnational",
}
# English names for the source ids whose sources.tsv aliases are all Arabic (they belong in that
# file's aliases; kept here until it has them), so the source column stays readable in Latin.
_SOURCE_NAMES = {
    "AMAQ": "Amaq News Agency", "RUS_MOD": "Ministry of Defence of Russia",
    "COALITION_PR": "International Coalition statement", "SDF_PR": "SDF statement",
    "SYR_GOV_PR": "Government of Syria statement", "PRO_GOV_PAGES": "Pro-government social media",
    "ACTIVISTS": "Activists", "VDC": "Violations Documentation Center", "MEDICAL": "Medical sources",
    "US_GOV": "Government of the United States", "RUS_GOV": "Government of Russia",
    "TUR_MOD": "Ministry of National Defence of Turkey", "TUR_GOV": "Government of Turkey",
    "ISR_ARMY": "Israel Defense Forces", "ISR_GOV": "Government of Israel", "ISR_MEDIA": "Israeli media",
    "IRN_GOV": "Government of Iran", "IRAN_MEDIA": "Iranian state media",
    "HEZBOLLAH_MEDIA": "Hezbollah media", "OPP_MEDIA": "Syrian opposition media",
    "OPP_PR": "Syrian opposition statement", "HTS_MEDIA": "HTS media", "YPG_PR": "YPG statement",
    "KURDISH_MEDIA": "Kurdish media", "PRO_GOV_MEDIA": "Pro-government media",
    "IRQ_GOV_PR": "Government of Iraq", "JOR_GOV": "Government of Jordan",
    "FRA_GOV": "Government of France", "GBR_GOV": "Government of the United Kingdom",
    "SOCIAL_MEDIA": "Social media", "FOREIGN_PRESS": "Foreign press", "LOCAL_MEDIA_OTHER": "Local media",
}
_SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")

Item = Union[Incident, Event, Report]


# ---------------------------------------------------------------- filters

@dataclass(frozen=True)
class Filter:
    """Which incidents or events an export keeps: a date range, ACLED types and a lon/lat box."""

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    actors: tuple[str, ...] = ()  # actor ids, as actor1, actor2 or an associated actor
    contested: bool | None = None
    grade: str | None = None
    articles: frozenset[str] | None = None  # ids of the reports an item must draw on (a full-text match)
    _folded: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"--since {self.since} is after --until {self.until}")
        if self.bbox is not None:
            _check_bbox(self.bbox)
        if isinstance(self.types, str):  # a lone type name, not its letters
            object.__setattr__(self, "types", (self.types,))
        object.__setattr__(self, "_folded", frozenset(t.strip().casefold() for t in self.types))

    def accepts(self, item: Item) -> bool:
        """Tells whether the item's dates overlap [since, until], its type is listed and it lies in the box."""
        if self.since or self.until:
            start, end = _dates(item)
            if start is None:
                return False
            if self.since and (end or start) < self.since:
                return False
            if self.until and start > self.until:
                return False
        if self._folded:
            kind = _kind(item)
            if kind.event_type.casefold() not in self._folded \
                    and kind.sub_event_type.casefold() not in self._folded:
                return False
        if not self._accepts_more(_kind(item), item):
            return False
        if self.bbox is not None:
            loc = _kind(item).location
            if loc is None:
                return False
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (min_lon <= loc.longitude <= max_lon and min_lat <= loc.latitude <= max_lat):
                return False
        return True


    def _accepts_more(self, kind: Incident | Event, item: Item) -> bool:
        """Tells whether the item has one of the actors, the contested flag, the grade and one of the articles asked for."""
        if self.actors and not set(self.actors) & {kind.actor1, kind.actor2, *kind.assoc_actor_1, *kind.assoc_actor_2}:
            return False
        if self.contested is not None and kind.contested != self.contested:
            return False
        if self.grade is not None and getattr(kind, "grade", "single source") != self.grade:
            return False
        if self.articles is not None:
            drawn = {m.article_id for m in item.members} if isinstance(item, Incident) else {kind.article_id}
            return bool(drawn & self.articles)
        return True


def select(items: Iterable[Item], flt: Filter | None) -> Iterator[Item]:
    """Yields the items the filter accepts (all of them without a filter)."""
    return iter(items) if flt is None else (i for i in items if flt.accepts(i))


def _check_bbox(box: tuple[float, float, float, float]) -> None:
    min_lon, min_lat, max_lon, max_lat = box
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise ValueError(f"bbox longitudes must lie in [-180, 180]: {min_lon}, {max_lon}")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ValueError(f"bbox latitudes must lie in [-90, 90]: {min_lat}, {max_lat} "
                         "(the order is min_lon,min_lat,max_lon,max_lat)")
    if min_lon > max_lon or min_lat > max_lat:
        raise ValueError(f"bbox minimum above maximum: {box} "
                         "(the order is min_lon,min_lat,max_lon,max_lat)")


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """Parses «min_lon,min_lat,max_lon,max_lat»: "35.5,32.3,42.4,37.3" → (35.5, 32.3, 42.4, 37.3)."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4:
        raise ValueError(f"bbox needs 4 comma-separated numbers min_lon,min_lat,max_lon,max_lat, "
                         f"got {len(parts)}: {text!r}")
    try:
        box = tuple(float(p) for p in parts)
    except ValueError:
        raise ValueError(f"bbox values must be numbers (min_lon,min_lat,max_lon,max_lat): {text!r}") from None
    if any(v != v or v in (float("inf"), float("-inf")) for v in box):
        raise ValueError(f"bbox values must be finite numbers: {text!r}")
    _check_bbox(box)  # type: ignore[arg-type]
    return box  # type: ignore[return-value]


def parse_types(text: str) -> tuple[str, ...]:
    """Parses comma-separated ACLED event or sub-event types, any case: "battles,Air/drone strike" → both."""
    known = {t.casefold(): t for t in (*EVENT_TYPES, *SUB_EVENT_TYPES)}
    wanted = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in wanted if t.casefold() not in known]
    if unknown:
        raise ValueError(f"unknown event type(s) {', '.join(map(repr, unknown))}; "
                         f"event types are {', '.join(EVENT_TYPES)}, or an ACLED sub-event type")
    if not wanted:
        raise ValueError("no event type given")
    return tuple(known[t.casefold()] for t in wanted)


# ---------------------------------------------------------------- one view of every item

def _dates(item: Item) -> tuple[date | None, date | None]:
    if isinstance(item, Incident):
        return item.date_start, item.date_end or item.date_start
    event = item.event if isinstance(item, Report) else item
    return event.event_date, event.event_date


def _kind(item: Item) -> Incident | Event:
    return item.event if isinstance(item, Report) else item


def as_incident(item: Item, event_id: str | None = None) -> Incident:
    """Returns the item as an Incident: an Event or Report becomes a single-member, single-source one."""
    if isinstance(item, Incident):
        return item
    if isinstance(item, Report):
        event, event_id = item.event, item.event_id
        outlet, published, text = item.outlet, item.published, item.text
    else:
        event, outlet, published, text = item, None, None, ""
        event_id = event_id or event.article_id
    ledger = tuple(LedgerEntry(c.source, c.stance, event.article_id, c.start, c.end,
                               text[c.start:c.end] if text else "") for c in event.claims)
    return Incident(
        incident_id=event_id, event_type=event.event_type, sub_event_type=event.sub_event_type,
        date_start=event.event_date, date_end=event.event_date,
        time_precision=event.time_precision, actor1=event.actor1, actor2=event.actor2,
        location=event.location, fatalities=event.fatalities,
        assoc_actor_1=event.assoc_actor_1, assoc_actor_2=event.assoc_actor_2,
        members=(Member(event_id, event.article_id, outlet, published, "single report"),),
        ledger=ledger, contested=event.contested, notes=event.notes, versions=event.versions)


def identified(items: Iterable[Item]) -> Iterator[tuple[str, Item]]:
    """Yields (id, item): an incident's or report's own id; bare Events get «<article_id>#<n>», n from 1 per article."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Event):
            seen[item.article_id] = seen.get(item.article_id, 0) + 1
            yield f"{item.article_id}#{seen[item.article_id]}", item
        else:
            yield (item.incident_id if isinstance(item, Incident) else item.event_id), item


def incidents(items: Iterable[Item]) -> Iterator[Incident]:
    """Yields each item as an Incident (see as_incident), with the ids of `identified`."""
    for ident, item in identified(items):
        yield as_incident(item, ident)


# ---------------------------------------------------------------- lookups

@lru_cache(maxsize=1)
def _actors() -> dict[str, tuple[str, str]]:
    return {r["id"]: (r["name"], r["actor_type"]) for r in read_tsv("actor_names.tsv")}


@lru_cache(maxsize=1)
def _sources() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Returns (alias casefolded → id, id → Latin name, id → kind) from sources.tsv."""
    by_alias: dict[str, str] = {}
    latin: dict[str, str] = {}
    kind: dict[str, str] = {}
    for r in read_tsv("sources.tsv"):
        by_alias.setdefault(r["alias"].casefold(), r["id"])
        kind.setdefault(r["id"], r["kind"])
        if r["alias"].isascii() and r["id"] not in latin:
            latin[r["id"]] = r["alias"]
    return by_alias, latin, kind


def _place(location: Location | None) -> gazetteer.Place | None:
    if location is None or not location.place_id:
        return None
    try:
        return gazetteer.place(location.place_id)
    except KeyError:  # curated sites and unresolved names have no gazetteer row
        return None


def actor_name(actor_id: str) -> str:
    """Returns the ACLED-style name of an actor id: "SDF" → "QSD: Syrian Democratic Forces"."""
    return _actors().get(actor_id, (actor_id, ""))[0]


def inter_code(actor_id: str | None) -> int | None:
    """Returns ACLED's inter code of an actor id from its type: "IS" → 2, "CIVILIANS" → 7; None → 0."""
    if not actor_id:
        return 0
    kind = _actors().get(actor_id, ("", ""))[1]
    return INTER_CODES.get(kind)


def _actor_pair(inc: Incident) -> tuple[tuple[str, int | None], tuple[str, int | None]]:
    """Returns ((actor1 name, inter1), (actor2 name, inter2)), demonstrators written as ACLED's crowd."""
    a1, a2 = inc.actor1, inc.actor2
    crowd = _CROWD.get(inc.event_type)
    if crowd and a2 == "CIVILIANS" and a1 != "CIVILIANS" and inc.sub_event_type != "Mob violence":
        a1, a2 = a2, a1  # the crowd that demonstrates is ACLED's actor1, the force meeting it actor2
    first = crowd if crowd and a1 == "CIVILIANS" else (actor_name(a1), inter_code(a1))
    second = (actor_name(a2), inter_code(a2)) if a2 else ("", 0)
    return first, second


def interaction(inter1: int | None, inter2: int | None) -> str:
    """Returns ACLED's interaction code, lower code first: (2, 1) → "12"; a sole actor (2, 0) → "20"."""
    if inter1 is None or inter2 is None:
        return ""
    if not inter2 or not inter1:
        return str(10 * (inter1 or inter2))
    lo, hi = sorted((inter1, inter2))
    return f"{lo}{hi}"


def source_names(inc: Incident) -> list[tuple[str, str]]:
    """Returns (name, ACLED scale) of the outlets and claim sources, deduplicated: "SOHR" → Syrian Observatory…"""
    by_alias, latin, kinds = _sources()
    out: dict[str, tuple[str, str]] = {}
    written = [m.outlet for m in inc.members if m.outlet] + [e.source for e in inc.ledger if e.source]
    for name in written:
        sid = name if name in kinds else by_alias.get(name.casefold())
        if sid:
            out.setdefault(sid, (latin.get(sid) or _SOURCE_NAMES.get(sid, sid), _scale(sid, kinds[sid])))
        else:
            out.setdefault(name.casefold(), (name, "Other"))
    return list(out.values())


def _scale(source_id: str, kind: str) -> str:
    return _SCALE_BY_SOURCE.get(source_id) or _SCALE_BY_KIND.get(kind, "Other")


def source_scale(scales: Iterable[str]) -> str:
    """Returns ACLED's source_scale of a set of scales: {"National"} → "National", two → "National-International"."""
    distinct = sorted(set(scales), key=lambda s: _SCALE_ORDER.index(s) if s in _SCALE_ORDER else 99)
    if not distinct:
        return ""
    return "-".join(distinct) if len(distinct) <= 2 else "Multiple"


def coded_date(inc: Incident) -> date | None:
    """Returns the day ACLED codes: the incident's day, or the middle of its date range."""
    start, end = inc.date_start, inc.date_end or inc.date_start
    if start is None or end is None or end <= start:
        return start
    return start + timedelta(days=(end - start).days // 2)


def _tags(inc: Incident) -> str:
    f = inc.fatalities
    tags = [f"fatalities best={f.best} high={f.high}", f"grade={inc.grade}", f"rasid id={inc.incident_id}"]
    if inc.contested:
        tags.append("contested")
    if inc.date_start and inc.date_end and inc.date_end != inc.date_start:
        tags.append(f"date range={inc.date_start.isoformat()}/{inc.date_end.isoformat()}")
    return "; ".join(tags)


def _disputed_notes(inc: Incident) -> str:
    """Returns the notes, with the competing accounts of a disputed incident told after them.

    ACLED keeps a dispute only in its notes: «… Disputed: Russia (Air/drone strike, 27 killed) /
    Coalition (Air/drone strike, 19 killed)».
    """
    if len(inc.versions) < 2:
        return inc.notes
    told = " / ".join(f"{actor_name(v.actor1)} ({v.sub_event_type}, {v.fatalities.best} killed)"
                      for v in inc.versions)
    return f"{inc.notes} Disputed: {told}." if inc.notes else f"Disputed: {told}."


def _number(incident_id: str, salt: int = 0) -> int:
    key = incident_id if not salt else f"{incident_id}#{salt}"
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:13], 16)


# ---------------------------------------------------------------- ACLED rows

def acled_row(inc: Incident, now: int, number: int | None = None) -> dict[str, str]:
    """Returns one incident as ACLED's 31 columns (strings), in ACLED_COLUMNS order."""
    loc = inc.location
    place = _place(loc)
    country = place.country if place else "Syria"
    iso3, iso = COUNTRY_CODES.get(country, ("SYR", 760))
    (name1, inter1), (name2, inter2) = _actor_pair(inc)
    day = coded_date(inc)
    sources = source_names(inc)
    text = lambda v: "" if v is None else str(v)  # noqa: E731
    return {
        "event_id_cnty": f"{iso3}{_number(inc.incident_id) if number is None else number}",
        "event_date": day.isoformat() if day else "",
        "year": str(day.year) if day else "",
        "time_precision": str(inc.time_precision),
        "disorder_type": _DISORDER_BY_SUB.get(inc.sub_event_type)
                         or _DISORDER_BY_TYPE.get(inc.event_type, ""),
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "actor1": name1,
        "assoc_actor_1": "; ".join(actor_name(a) for a in inc.assoc_actor_1),
        "inter1": text(inter1),
        "actor2": name2,
        "assoc_actor_2": "; ".join(actor_name(a) for a in inc.assoc_actor_2),
        "inter2": text(inter2),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == _CIVILIANS else "",
        "iso": str(iso),
        "region": REGION,
        "country": country,
        "admin1": (loc and loc.admin1) or (place.admin1 if place else ""),
        "admin2": (loc and loc.admin2) or (place.admin2 if place else ""),
        "admin3": place.admin3 if place else "",
        "location": (place.name_en if place and place.name_en else loc.name) if loc else "",
        "latitude": f"{loc.latitude:.4f}" if loc else "",
        "longitude": f"{loc.longitude:.4f}" if loc else "",
        "geo_precision": str(loc.geo_precision) if loc else "",
        "source": "; ".join(name for name, _ in sources),
        "source_scale": source_scale(scale for _, scale in sources),
        "notes": _disputed_notes(inc),
        "fatalities": str(inc.fatalities.low),
        "tags": _tags(inc),
        "timestamp": str(int(now)),
    }


def acled_rows(items: Iterable[Item], now: int | None = None) -> Iterator[dict[str, str]]:
    """Yields one ACLED row per incident (or per event, for Event/Report items), ids unique in the export."""
    stamp = int(time.time()) if now is None else int(now)
    used: dict[int, str] = {}
    for inc in incidents(items):
        salt, number = 0, _number(inc.incident_id)
        while used.get(number, inc.incident_id) != inc.incident_id:
            salt += 1
            number = _number(inc.incident_id, salt)
        used[number] = inc.incident_id
        yield acled_row(inc, stamp, number)


@dataclass(frozen=True)
class Written:
    """How many records an export wrote, and how many of them (or, for GeoJSON, others) had no location."""

    written: int
    without_location: int


def write_acled_csv(items: Iterable[Item], out: TextIO, now: int | None = None) -> Written:
    """Writes the ACLED CSV (UTF-8, header row, "\\n" line ends) to `out`, opened with newline=""."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, quoting=csv.QUOTE_MINIMAL,
                            lineterminator="\n")
    writer.writeheader()
    n = without = 0
    for row in acled_rows(items, now):
        writer.writerow(row)
        n += 1
        without += not row["latitude"]
    return Written(n, without)


def write_acled_sidecars(csv_path: str | Path) -> tuple[Path, Path]:
    """Writes <name>.csvt (column types) and <name>.prj (WGS 84) beside an ACLED CSV file for GDAL/QGIS."""
    path = Path(csv_path)
    csvt, prj = path.with_suffix(".csvt"), path.with_suffix(".prj")
    csvt.write_text(ACLED_CSVT, encoding="ascii")
    prj.write_text(WGS84_PRJ, encoding="ascii")
    return csvt, prj


# ---------------------------------------------------------------- GeoJSON and JSON lines

def _properties(item: Item, ident: str) -> dict:
    """Returns the item's JSON with location and fatalities flattened, so GIS tools get plain fields."""
    obj = _kind(item).to_json()
    loc = obj.pop("location") or {}
    fat = obj.pop("fatalities")
    props = dict(obj)
    if isinstance(item, Event):
        props["event_id"] = ident
    elif isinstance(item, Report):
        props.update(event_id=item.event_id, outlet=item.outlet,
                     published=item.published.isoformat() if item.published else None)
    props.update(location=loc.get("name"), place_id=loc.get("place_id"), admin1=loc.get("admin1"),
                 admin2=loc.get("admin2"), geo_precision=loc.get("geo_precision"),
                 location_reason=loc.get("reason"), fatalities_low=fat["low"],
                 fatalities_best=fat["best"], fatalities_high=fat["high"])
    return props


def _features(items: Iterable[Item], counts: list[int]) -> Iterator[dict]:
    """Yields one GeoJSON Feature per located item; counts = [written, left out without location]."""
    for ident, item in identified(items):
        loc = _kind(item).location
        if loc is None:
            counts[1] += 1
            continue
        counts[0] += 1
        yield {"type": "Feature", "id": ident,
               "geometry": {"type": "Point",
                            "coordinates": [round(loc.longitude, 5), round(loc.latitude, 5)]},
               "properties": _properties(item, ident)}


def geojson(items: Iterable[Item]) -> dict:
    """Returns an RFC 7946 FeatureCollection of the located items ([lon, lat] points, ledger as arrays)."""
    counts = [0, 0]
    features = list(_features(items, counts))
    return {"type": "FeatureCollection", "features": features}


def write_geojson(items: Iterable[Item], out: TextIO) -> Written:
    """Writes the FeatureCollection feature by feature (UTF-8 JSON); items without location are left out."""
    counts = [0, 0]
    out.write('{"type": "FeatureCollection", "features": [')
    for i, feature in enumerate(_features(items, counts)):
        out.write(",\n" if i else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
    out.write("\n]}\n")
    return Written(counts[0], counts[1])


def write_jsonl(items: Iterable[Item], out: TextIO) -> Written:
    """Writes each item's to_json() as one JSON line, Arabic as is («هجين», not \\u0647…)."""
    n = without = 0
    for item in items:
        obj = ({"event_id": item.event_id, **item.event.to_json()} if isinstance(item, Report)
               else item.to_json())
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
        without += _kind(item).location is None
    return Written(n, without)
