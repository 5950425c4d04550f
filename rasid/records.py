"""Typed, frozen records that flow through the pipeline: Article in, Event out."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Article:
    """One input report as EVENTS.md §1 defines it."""

    id: str
    text: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of `text` recognised as something (actor, place, number...) by a named rule."""

    kind: str
    start: int
    end: int
    value: Any
    rule: str
    surface: str = ""


@dataclass(frozen=True)
class Location:
    """A resolved place with ACLED geo_precision and the reason it was chosen."""

    name: str
    latitude: float
    longitude: float
    geo_precision: int
    place_id: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    reason: str = ""

    def to_json(self) -> dict:
        """Returns the EVENTS.md §2 `location` object."""
        return {"name": self.name, "place_id": self.place_id, "admin1": self.admin1,
                "admin2": self.admin2, "latitude": round(self.latitude, 5),
                "longitude": round(self.longitude, 5), "geo_precision": self.geo_precision,
                "reason": self.reason}


@dataclass(frozen=True)
class Fatalities:
    """ACLED-conservative low, best-supported, and largest claimed death toll."""

    low: int = 0
    best: int = 0
    high: int = 0

    def to_json(self) -> dict:
        """Returns the EVENTS.md §2 `fatalities` object."""
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass(frozen=True)
class Claim:
    """Who says the event happened (or denies it), with the span that says so."""

    source: str
    stance: str
    start: int
    end: int

    def to_json(self) -> dict:
        """Returns one EVENTS.md §2 `claims` item."""
        return {"source": self.source, "stance": self.stance, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Version:
    """One source's account of a disputed event: who did what to whom, how many died, who says so.

    «قالت صفحات موالية إن غارة إسرائيلية قتلت خمسة … ونفى مراسلنا وقوع أي غارة» →
    Version("ISR", "SYR_GOV", "Air/drone strike", Fatalities(5, 5, 5), (pages asserts, correspondent denies)).
    """

    actor1: str
    actor2: str | None
    sub_event_type: str
    fatalities: Fatalities = field(default_factory=Fatalities)
    claims: tuple[Claim, ...] = ()

    def to_json(self) -> dict:
        """Returns one EVENTS.md §2 `versions` item."""
        return {"actor1": self.actor1, "actor2": self.actor2, "sub_event_type": self.sub_event_type,
                "fatalities": self.fatalities.to_json(), "claims": [c.to_json() for c in self.claims]}

    @staticmethod
    def from_json(obj: dict) -> "Version":
        """Rebuilds a Version from Version.to_json() (round-trips exactly)."""
        f = obj.get("fatalities") or {}
        return Version(obj["actor1"], obj.get("actor2"), obj["sub_event_type"],
                       Fatalities(f.get("low", 0), f.get("best", 0), f.get("high", 0)),
                       tuple(Claim(c["source"], c["stance"], c["start"], c["end"])
                             for c in obj.get("claims") or ()))


@dataclass(frozen=True)
class Evidence:
    """A span of the article supporting an event and the rule that used it."""

    start: int
    end: int
    rule: str

    def to_json(self) -> dict:
        """Returns one EVENTS.md §2 `evidence` item (with the rule that produced it)."""
        return {"start": self.start, "end": self.end, "rule": self.rule}


@dataclass(frozen=True)
class Event:
    """One ACLED event: one actor pair, one place, one day."""

    article_id: str
    event_date: date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str | None
    location: Location | None
    fatalities: Fatalities = field(default_factory=Fatalities)
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    wounded: int | None = None
    captured: int | None = None
    claims: tuple[Claim, ...] = ()
    contested: bool = False
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    # the competing accounts of a contested event (EVENTS.md §2 v2); empty when nobody disputes it
    versions: tuple[Version, ...] = ()
    # ISO 3166 alpha-2 country of the place; rasid codes Syria, so output keeps "SY" unless asked
    country: str = "SY"

    def to_json(self) -> dict:
        """Returns the event as one EVENTS.md §2 JSON object."""
        return {
            "article_id": self.article_id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "time_precision": self.time_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1, "assoc_actor_1": list(self.assoc_actor_1),
            "actor2": self.actor2, "assoc_actor_2": list(self.assoc_actor_2),
            "location": self.location.to_json() if self.location else None,
            "country": self.country,
            "fatalities": self.fatalities.to_json(),
            "wounded": self.wounded, "captured": self.captured,
            "claims": [c.to_json() for c in self.claims],
            "contested": self.contested,
            "evidence": [e.to_json() for e in self.evidence],
            "notes": self.notes,
            **({"versions": [v.to_json() for v in self.versions]} if self.versions else {}),
        }


@dataclass(frozen=True)
class Report:
    """One stored event as fusion sees it: the event and the article that reported it."""

    event_id: str
    article_id: str
    outlet: str | None
    published: date | None
    event: Event
    text: str = ""  # the article text, so ledger entries can quote their claim spans


@dataclass(frozen=True)
class LedgerEntry:
    """One source's stance on an incident, as one report quotes it."""

    source: str
    stance: str
    article_id: str
    start: int
    end: int
    quote: str = ""

    def to_json(self) -> dict:
        """Returns the entry as a JSON object."""
        return {"source": self.source, "stance": self.stance, "article_id": self.article_id,
                "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Member:
    """An event fused into an incident and the reason it joined."""

    event_id: str
    article_id: str
    outlet: str | None
    published: date | None
    reason: str

    def to_json(self) -> dict:
        """Returns the membership as a JSON object."""
        return {"event_id": self.event_id, "article_id": self.article_id, "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None,
                "reason": self.reason}


@dataclass(frozen=True)
class Incident:
    """One real-world incident fused from the events of several reports, with its claim ledger."""

    incident_id: str
    event_type: str
    sub_event_type: str
    date_start: date | None
    date_end: date | None
    time_precision: int
    actor1: str
    actor2: str | None
    location: Location | None
    fatalities: Fatalities = field(default_factory=Fatalities)
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    members: tuple[Member, ...] = ()
    ledger: tuple[LedgerEntry, ...] = ()
    grade: str = "single source"
    contested: bool = False
    notes: str = ""
    # the competing accounts over all member reports (EVENTS.md §2 `versions`), when contested
    versions: tuple[Version, ...] = ()

    def to_json(self) -> dict:
        """Returns the incident, its reports and its ledger as one JSON object."""
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "incident_id": self.incident_id,
            "event_type": self.event_type, "sub_event_type": self.sub_event_type,
            "date_start": iso(self.date_start), "date_end": iso(self.date_end),
            "time_precision": self.time_precision,
            "actor1": self.actor1, "assoc_actor_1": list(self.assoc_actor_1),
            "actor2": self.actor2, "assoc_actor_2": list(self.assoc_actor_2),
            "location": self.location.to_json() if self.location else None,
            "fatalities": self.fatalities.to_json(),
            "grade": self.grade, "contested": self.contested,
            "reports": [m.to_json() for m in self.members],
            "ledger": [e.to_json() for e in self.ledger],
            "notes": self.notes,
            **({"versions": [v.to_json() for v in self.versions]} if self.versions else {}),
        }
