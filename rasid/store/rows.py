"""What the store keeps, as JSON and rows: records rebuilt from stored JSON, event identity, content hashes."""
from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Sequence

from ..normalize import norm
from ..records import (Article, Claim, Event, Evidence, Fatalities, Incident, LedgerEntry, Location, Member,
                       Version)

log = logging.getLogger("rasid.store")

# A lone UTF-16 surrogate cannot be encoded (sha256 and the databases refuse it); PostgreSQL text refuses NUL.
UNENCODABLE = re.compile(r"[\x00\ud800-\udfff]")


def now() -> str:
    """Returns the current UTC time as ISO text: «2026-12-03T14:12:18Z»."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(text: str) -> str:
    """Returns the sha256 of an article's text, the key that makes ingest idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def storable(article: Article) -> Article:
    """Returns the article with lone surrogates and NULs replaced by U+FFFD, so that both backends store it: «\\ud800» → «\ufffd»."""
    bad = {name: value for name in ("id", "text", "title", "outlet", "url")
           if isinstance(value := getattr(article, name), str) and UNENCODABLE.search(value)}
    if not bad:
        return article
    # The reader replaces them already; this guards callers that build Articles themselves.
    log.warning("article %r: lone surrogates or NULs in %s replaced by U+FFFD", UNENCODABLE.sub("\ufffd", article.id),
                ", ".join(bad))
    return replace(article, **{name: UNENCODABLE.sub("\ufffd", value) for name, value in bad.items()})


def day(value: str | None) -> date | None:
    """Reads a stored ISO day: «2018-06-02» → date(2018, 6, 2); None stays None."""
    return date.fromisoformat(value) if value else None


def dumps(obj: object) -> str:
    """Returns the JSON text a column holds (UTF-8 Arabic kept as it is)."""
    return json.dumps(obj, ensure_ascii=False)


# ---------------------------------------------------------------- records from stored JSON

def _location(obj: dict | None) -> Location | None:
    if not obj:
        return None
    return Location(name=obj["name"], latitude=obj["latitude"], longitude=obj["longitude"],
                    geo_precision=obj["geo_precision"], place_id=obj.get("place_id"),
                    admin1=obj.get("admin1"), admin2=obj.get("admin2"), reason=obj.get("reason", ""))


def _fatalities(obj: dict | None) -> Fatalities:
    obj = obj or {}
    return Fatalities(obj.get("low", 0), obj.get("best", 0), obj.get("high", 0))


def event_from_json(obj: dict) -> Event:
    """Rebuilds an Event from its EVENTS.md §2 JSON (Event.to_json() round-trips exactly)."""
    return Event(
        article_id=obj["article_id"], event_date=day(obj.get("event_date")),
        time_precision=obj["time_precision"], event_type=obj["event_type"],
        sub_event_type=obj["sub_event_type"], actor1=obj["actor1"], actor2=obj.get("actor2"),
        location=_location(obj.get("location")), fatalities=_fatalities(obj.get("fatalities")),
        assoc_actor_1=tuple(obj.get("assoc_actor_1") or ()), assoc_actor_2=tuple(obj.get("assoc_actor_2") or ()),
        wounded=obj.get("wounded"), captured=obj.get("captured"),
        claims=tuple(Claim(c["source"], c["stance"], c["start"], c["end"]) for c in obj.get("claims") or ()),
        contested=bool(obj.get("contested")),
        evidence=tuple(Evidence(e["start"], e["end"], e.get("rule", "")) for e in obj.get("evidence") or ()),
        notes=obj.get("notes") or "",
        versions=tuple(Version.from_json(v) for v in obj.get("versions") or ()),
        country=obj.get("country") or "SY")


def corrected(event: dict, corrections: dict | None) -> dict:
    """Returns the event JSON with a reviewer's corrections: {"fatalities.best": 12} sets fatalities.best."""
    if not corrections:
        return event
    out = json.loads(json.dumps(event))
    for name, value in corrections.items():
        head, _, sub = name.partition(".")
        if sub:
            out[head] = {**(out.get(head) or {}), sub: value}
        else:
            out[name] = value
    return out


def incident_from_json(obj: dict) -> Incident:
    """Rebuilds an Incident from Incident.to_json() (round-trips exactly)."""
    return Incident(
        incident_id=obj["incident_id"], event_type=obj["event_type"], sub_event_type=obj["sub_event_type"],
        date_start=day(obj.get("date_start")), date_end=day(obj.get("date_end")),
        time_precision=obj["time_precision"], actor1=obj["actor1"], actor2=obj.get("actor2"),
        location=_location(obj.get("location")), fatalities=_fatalities(obj.get("fatalities")),
        assoc_actor_1=tuple(obj.get("assoc_actor_1") or ()), assoc_actor_2=tuple(obj.get("assoc_actor_2") or ()),
        members=tuple(Member(m["event_id"], m["article_id"], m.get("outlet"), day(m.get("published")),
                             m.get("reason", "")) for m in obj.get("reports") or ()),
        ledger=tuple(LedgerEntry(e["source"], e["stance"], e["article_id"], e["start"], e["end"],
                                 e.get("quote", "")) for e in obj.get("ledger") or ()),
        grade=obj.get("grade", "single source"), contested=bool(obj.get("contested")),
        notes=obj.get("notes") or "", versions=tuple(Version.from_json(v) for v in obj.get("versions") or ()))


# ---------------------------------------------------------------- event identity and rows

def signature(article_hash: str, event: dict) -> str:
    """Returns the key a review follows across re-extractions: article hash, type, sub-type, day, place, actors."""
    loc = event.get("location") or {}
    place = loc.get("place_id") or norm(loc.get("name") or "")
    return "|".join((article_hash, event["event_type"], event["sub_event_type"], event.get("event_date") or "",
                     place, event["actor1"], event.get("actor2") or ""))


def event_ids(article_hash: str, events: Sequence[dict]) -> list[tuple[str, str]]:
    """Returns (event_id, signature) per event: «e» + 16 hex digits of the signature, «-2»… on a repeat."""
    seen: dict[str, int] = {}
    out = []
    for event in events:
        sig = signature(article_hash, event)
        seen[sig] = seen.get(sig, 0) + 1
        base = "e" + hashlib.sha1(sig.encode("utf-8")).hexdigest()[:16]
        out.append((base if seen[sig] == 1 else f"{base}-{seen[sig]}", sig))
    return out


EVENT_COLUMNS = ("event_id, content_hash, article_id, ordinal, signature, event_date, time_precision, "
                 "event_type, sub_event_type, actor1, actor2, place, place_id, admin1, latitude, longitude, "
                 "geo_precision, fatalities_low, fatalities_best, fatalities_high, contested, data")
ARTICLE_COLUMNS = ("content_hash, article_no, article_id, url, outlet, published, title, text, source, "
                   "ingested_at, extracted_at, extractor, event_count")
INCIDENT_COLUMNS = ("incident_id, event_type, sub_event_type, date_start, date_end, time_precision, actor1, "
                    "actor2, place, admin1, latitude, longitude, geo_precision, fatalities_low, fatalities_best, "
                    "fatalities_high, grade, contested, report_count, digest, data, fused_at")


def event_row(event_id: str, sig: str, article_hash: str, ordinal: int, ev: dict) -> tuple:
    """Returns the events row of an event JSON, in EVENT_COLUMNS order."""
    loc = ev.get("location") or {}
    fat = ev.get("fatalities") or {}
    return (event_id, article_hash, ev["article_id"], ordinal, sig, ev.get("event_date"), ev["time_precision"],
            ev["event_type"], ev["sub_event_type"], ev["actor1"], ev.get("actor2"), loc.get("name"),
            loc.get("place_id"), loc.get("admin1"), loc.get("latitude"), loc.get("longitude"),
            loc.get("geo_precision"), fat.get("low", 0), fat.get("best", 0), fat.get("high", 0),
            bool(ev.get("contested")), dumps(ev))


def incident_row(inc: Incident, digest: str, stamp: str) -> tuple:
    """Returns the incidents row of an Incident, in INCIDENT_COLUMNS order."""
    loc = inc.location
    return (inc.incident_id, inc.event_type, inc.sub_event_type,
            inc.date_start.isoformat() if inc.date_start else None,
            inc.date_end.isoformat() if inc.date_end else None, inc.time_precision, inc.actor1, inc.actor2,
            loc.name if loc else None, loc.admin1 if loc else None, loc.latitude if loc else None,
            loc.longitude if loc else None, loc.geo_precision if loc else None, inc.fatalities.low,
            inc.fatalities.best, inc.fatalities.high, inc.grade, bool(inc.contested), len(inc.members), digest,
            dumps(inc.to_json()), stamp)


def marks(n: int) -> str:
    """Returns n query parameter marks: 3 → «?, ?, ?»."""
    return ", ".join("?" * n)
