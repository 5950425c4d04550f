"""Reviews: a person's accept or reject, note and field corrections on a stored event, kept across re-extraction."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Callable

from .export import EVENT_TYPES, SUB_EVENT_TYPES
from .reader import parse_day
from .resources import read_tsv
from .store import Store, StoreError, corrected, now

UNKNOWN_ACTOR = "UNIDENTIFIED"


@lru_cache(maxsize=1)
def _actor_ids() -> frozenset[str]:
    return frozenset(row["id"] for row in read_tsv("actors.tsv")) | {UNKNOWN_ACTOR}


def _choice(known: tuple[str, ...]) -> Callable[[str], str]:
    folded = {k.casefold(): k for k in known}
    return lambda raw: folded[raw.casefold()] if raw.casefold() in folded else _fail()


def _fail():
    raise ValueError


def _actor(raw: str) -> str:
    return raw if raw in _actor_ids() else _fail()


def _count(raw: str) -> int:
    value = int(raw)
    return value if value >= 0 else _fail()


def _flag(raw: str) -> bool:
    folded = raw.casefold()
    return True if folded in ("true", "yes", "1") else False if folded in ("false", "no", "0") else _fail()


# Field → (what it takes, parser). Location is not correctable here: a place is chosen with the gazetteer.
CORRECTABLE: dict[str, tuple[str, Callable[[str], object]]] = {
    "event_date": ("a YYYY-MM-DD day", lambda raw: parse_day(raw).isoformat()),
    "time_precision": ("1, 2 or 3", lambda raw: int(raw) if raw in ("1", "2", "3") else _fail()),
    "event_type": ("an ACLED event type", _choice(EVENT_TYPES)),
    "sub_event_type": ("an ACLED sub-event type", _choice(tuple(SUB_EVENT_TYPES))),
    "actor1": ("an actor id of actors.tsv or UNIDENTIFIED", _actor),
    "actor2": ("an actor id of actors.tsv, or nothing for none", lambda raw: _actor(raw) if raw else None),
    "fatalities.low": ("a count", _count), "fatalities.best": ("a count", _count),
    "fatalities.high": ("a count", _count),
    "wounded": ("a count, or nothing", lambda raw: _count(raw) if raw else None),
    "captured": ("a count, or nothing", lambda raw: _count(raw) if raw else None),
    "contested": ("true or false", _flag),
}


def parse_correction(text: str) -> tuple[str, object]:
    """Parses FIELD=VALUE: «fatalities.best=12» → ("fatalities.best", 12); «sub_event_type=armed clash» → "Armed clash"."""
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or name not in CORRECTABLE:
        raise ValueError(f"expected FIELD=VALUE with FIELD one of {', '.join(CORRECTABLE)}; got {text!r}")
    wanted, parse = CORRECTABLE[name]
    try:
        return name, parse(raw)
    except (ValueError, KeyError):
        raise ValueError(f"{name} takes {wanted}; got {raw!r}") from None


def check(event: dict) -> None:
    """Raises ValueError when a corrected event contradicts itself (sub-type of another type, low > best)."""
    if SUB_EVENT_TYPES.get(event["sub_event_type"]) != event["event_type"]:
        raise ValueError(f"sub_event_type {event['sub_event_type']!r} is not a sub-type of {event['event_type']!r}; "
                         "correct both")
    fat = event.get("fatalities") or {}
    if not fat.get("low", 0) <= fat.get("best", 0) <= fat.get("high", 0):
        raise ValueError(f"fatalities must keep low <= best <= high, got {fat}")


def _row(store: Store, event_id: str) -> dict:
    row = store.event_row(event_id)
    if row is None:
        raise StoreError(f"no event {event_id!r} in {store.path}")
    return row


def review(store: Store, event_id: str, decision: str, note: str | None = None,
           corrections: dict | None = None) -> dict:
    """Records a decision on an event, keyed by its signature; corrections add to the earlier ones."""
    row = _row(store, event_id)
    before = review_of(store, row["signature"]) or {}
    fixes = {**(before.get("corrections") or {}), **(corrections or {})}
    if "sub_event_type" in (corrections or {}) and "event_type" not in (corrections or {}):
        fixes["event_type"] = SUB_EVENT_TYPES[fixes["sub_event_type"]]
    try:
        check(corrected(row["data"], fixes))
    except ValueError as err:
        raise StoreError(f"{event_id}: {err}") from None
    stamp = now()
    if note is None:
        note = before.get("note")
    store.put_review(row["signature"], event_id, decision, note,
                     json.dumps(fixes, ensure_ascii=False) if fixes else None, stamp)
    return {"event_id": event_id, "decision": decision, "note": note, "corrections": fixes or None,
            "reviewed_at": stamp, "signature": row["signature"]}


def clear(store: Store, event_id: str) -> bool:
    """Removes the review of an event; tells whether there was one."""
    row = _row(store, event_id)
    return store.drop_review(row["signature"])


def listing(store: Store) -> list[dict]:
    """Returns every review with the event it is attached to now (None when no stored event matches)."""
    rows = store.review_rows()
    return [{"event_id": r[0], "decision": r[1], "note": r[2], "corrections": json.loads(r[3]) if r[3] else None,
             "reviewed_at": r[4], "signature": r[5], "attached_to": r[6]} for r in rows]


def stale(store: Store) -> list[dict]:
    """Returns the reviews whose signature no stored event has any more."""
    return [r for r in listing(store) if r["attached_to"] is None]


def review_of(store: Store, signature: str) -> dict | None:
    """Returns the decision, note and corrections on a signature, or None."""
    row = store.review_row(signature)
    if row is None:
        return None
    return {"decision": row[0], "note": row[1], "corrections": json.loads(row[2]) if row[2] else None,
            "reviewed_at": row[3]}


# How exactly a reviewer's chosen place fixes the event, by the gazetteer row's feature (ACLED geo_precision).
_PRECISION_BY_FEATURE = {"admin1": 3, "admin2": 3, "admin3": 2, "region": 2}


def place_location(place_id: str | None = None, latitude: float | None = None, longitude: float | None = None,
                   name: str | None = None) -> dict:
    """Returns the `location` a reviewer sets: a gazetteer place by id, or a clicked point named by its nearest place.

    «place_id=…» takes the row's name, point and admin units; a point keeps its coordinates at precision 1.
    """
    from . import gazetteer
    if place_id:
        try:
            p = gazetteer.place(place_id)
        except KeyError:
            raise ValueError(f"no gazetteer place {place_id!r}") from None
        return {"name": p.name, "place_id": p.place_id, "admin1": p.admin1 or None, "admin2": p.admin2 or None,
                "latitude": round(p.latitude, 5), "longitude": round(p.longitude, 5),
                "geo_precision": _PRECISION_BY_FEATURE.get(p.feature, 1), "reason": "chosen by a reviewer"}
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError("a place needs a place_id, or latitude in [-90, 90] and longitude in [-180, 180]")
    near = gazetteer.near(latitude, longitude, 10.0)
    p = near[0][1] if near else None
    return {"name": name or (p.name if p else f"{latitude:.4f}, {longitude:.4f}"),
            "place_id": p.place_id if p and not name else None,
            "admin1": p.admin1 or None if p else None, "admin2": p.admin2 or None if p else None,
            "latitude": round(latitude, 5), "longitude": round(longitude, 5), "geo_precision": 1,
            "reason": "point clicked by a reviewer" + (f", near {p.name}" if p else "")}
