"""The workbench's HTTP side: a FastAPI app over the store (JSON API under /api, the page at /); no SQL here."""
from __future__ import annotations

import hmac
import io
import json
import math
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any, Callable, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from . import __version__, export, gazetteer, history, reviews
from .resources import read_tsv
from . import incidents as incident_store, search as fulltext
from .records import Incident
from .store import Store, StoreError

MAX_BODY_BYTES = 64 * 1024
MAX_QUERY_BYTES = 4096
MAX_PATH_BYTES = 2048
MAX_LIMIT = 5000
class GeoJSONResponse(Response):
    """A GeoJSON body, documented in the OpenAPI document under its own media type."""

    media_type = "application/geo+json"


class CSVResponse(Response):
    """A CSV body in ACLED's columns."""

    media_type = "text/csv"


_DETAIL = {"content": {"application/json": {"schema": {
    "type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}}}}
# Statuses any route may answer besides its own (422 is documented by FastAPI per route).
ERRORS = {401: {"description": "a write without the bearer token", **_DETAIL},
          404: {"description": "no incident, event or article with that id", **_DETAIL},
          413: {"description": "request body over the limit", **_DETAIL},
          414: {"description": "path or query string over the limit", **_DETAIL}}
FEATURE_COLLECTION = {"type": "object", "required": ["type", "features"],
                      "properties": {"type": {"const": "FeatureCollection"},
                                     "features": {"type": "array", "items": {"type": "object"}}}}
# four signed decimals; the ranges (lon ±180, lat ±90, min < max) are checked by export.parse_bbox
BBOX_PATTERN = r"^\s*-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?){3}\s*$"
# fusion.grade's answers, weakest support last.
GRADES = ("denied by a party", "contested attribution", "several sources", "single source")
_GEOJSON_CACHE = 8
# Strict: scripts and styles from this origin only, no inline script, no plugins, no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                     (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


def new_token() -> str:
    """Returns a fresh random write token (URL-safe, 32 bytes of entropy)."""
    return secrets.token_urlsafe(32)


# ---------------------------------------------------------------- limits and headers (plain ASGI)

class Guard:
    """Refuses long paths and query strings (414) and bodies over the limit (413); adds the security headers."""

    def __init__(self, app: Callable, max_body: int = MAX_BODY_BYTES, max_query: int = MAX_QUERY_BYTES):
        self.app, self.max_body, self.max_query = app, max_body, max_query

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *_SECURITY_HEADERS]}
            await send(message)

        if len(scope.get("query_string") or b"") > self.max_query or \
                len(scope.get("raw_path") or scope["path"].encode()) > MAX_PATH_BYTES:
            await _plain(secured, 414, "request URI too long")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _plain(secured, 413, f"request body over {self.max_body} bytes")
            return
        # The body is read here, within the limit, so a chunked upload cannot exceed it either.
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                await _plain(secured, 413, f"request body over {self.max_body} bytes")
                return
        sent = False

        async def replay() -> dict:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, secured)


async def _plain(send: Callable, status: int, detail: str) -> None:
    payload = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})


# ---------------------------------------------------------------- the store, shared by the worker threads

@dataclass
class _Catalog:
    generation: tuple[int, int]
    items: list[tuple[dict, Incident]]


class Workbench:
    """The open store, one lock around it, and the parsed incidents, reread when the store changes."""

    def __init__(self, db: str):
        self.store = Store.open(db, threads=True)
        self.lock = threading.RLock()
        self._catalog: _Catalog | None = None
        self._geojson: OrderedDict[tuple, bytes] = OrderedDict()

    def incidents(self) -> list[tuple[dict, Incident]]:
        """Returns (JSON, Incident) of every stored incident, by date and id, parsed once per store change."""
        gen = self.store.generation()
        if self._catalog is None or self._catalog.generation != gen:
            items = [(inc.to_json(), inc) for inc in incident_store.stored_incidents(self.store)]
            self._catalog = _Catalog(gen, items)
            self._geojson.clear()
        return self._catalog.items

    def geojson(self, key: tuple, build: Callable[[], bytes]) -> bytes:
        """Returns the GeoJSON of a filter, built once per store change (the map asks for the same view often)."""
        self.incidents()
        if key not in self._geojson:
            self._geojson[key] = build()
            while len(self._geojson) > _GEOJSON_CACHE:
                self._geojson.popitem(last=False)
        return self._geojson[key]


def _names(table: str, kinds: tuple[str, ...]) -> dict[str, str]:
    """Returns each id's first Arabic name in a lexicon table, the kinds named first (RUS → «القوات الروسية»)."""
    rank = {k: i for i, k in enumerate(kinds)}
    best: dict[str, tuple[int, str]] = {}
    for row in read_tsv(table):
        key = rank.get(row["kind"], len(rank))
        if row["id"] not in best or key < best[row["id"]][0]:
            best[row["id"]] = (key, row["alias"])
    return {k: v[1] for k, v in best.items()}


def _labels() -> dict:
    """Returns the actor and source ids with their English and Arabic names, for the page's labels and pickers."""
    english = {row["id"]: row["name"] for row in read_tsv("actor_names.tsv")}
    arabic = _names("actors.tsv", ("formal", "alias"))
    actors = {i: {"en": english.get(i, i), "ar": arabic.get(i, english.get(i, i))}
              for i in sorted(set(english) | set(arabic) | {reviews.UNKNOWN_ACTOR})}
    sources = {i: {"en": i, "ar": name} for i, name in sorted(_names("sources.tsv", ()).items())}
    return {"actors": actors, "sources": sources}


def _km(a: dict | None, b: dict | None) -> float | None:
    """Returns the great-circle distance in km between two incident locations, None when one is unknown."""
    if not a or not b:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _day_gap(a: dict, b: dict) -> int | None:
    """Returns the days between two incidents' date ranges (0 when they overlap), None when one is undated."""
    if not a["date_start"] or not b["date_start"]:
        return None
    a0, a1 = date.fromisoformat(a["date_start"]), date.fromisoformat(a["date_end"] or a["date_start"])
    b0, b1 = date.fromisoformat(b["date_start"]), date.fromisoformat(b["date_end"] or b["date_start"])
    return max(0, (b0 - a1).days, (a0 - b1).days)


def nearby(target: dict, items: list[dict], days: int, km: float) -> list[dict]:
    """Returns the incidents within `days` and `km` of the target (either unlocated counts as near), closest first."""
    found = []
    for obj in items:
        if obj["incident_id"] == target["incident_id"]:
            continue
        gap, dist = _day_gap(target, obj), _km(target["location"], obj["location"])
        if gap is None or gap > days or (dist is not None and dist > km):
            continue
        found.append((gap, dist if dist is not None else km, obj["incident_id"],
                      {**obj, "day_gap": gap, "distance_km": None if dist is None else round(dist, 1)}))
    return [f[-1] for f in sorted(found, key=lambda f: f[:3])]


def _quoted_versions(incident: dict) -> list[dict]:
    """Returns the incident's versions with each claim's quote and article, read from the reports that told it."""
    told = {}
    for report in incident["reports"]:
        for claim in [*(report.get("claims") or []), *(c for v in report.get("versions") or [] for c in v["claims"])]:
            told.setdefault((claim["source"], claim["stance"], claim["start"], claim["end"]),
                            {"quote": claim.get("quote"), "article_id": report["article_id"]})
    return [{**v, "claims": [{**c, **told.get((c["source"], c["stance"], c["start"], c["end"]), {})}
                             for c in v.get("claims") or []]} for v in incident.get("versions") or []]


def _json(obj: object, status: int = 200) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False), status_code=status, media_type="application/json")


# ---------------------------------------------------------------- request bodies

class ReviewIn(BaseModel):
    """A decision on one event: accept (with corrections), reject, or clear the earlier review."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["accept", "reject", "clear"]
    set: dict[str, Any] = Field(default_factory=dict, max_length=20,
                                description="FIELD: VALUE corrections (as `rasid review --set`); `location` takes "
                                            "{place_id} or {latitude, longitude, name?}")
    note: str | None = Field(None, max_length=2000)
    by: str | None = Field(None, max_length=100, description="Who decides (shown in the history)")


class MergeIn(BaseModel):
    """Incidents to join: the reports of `others` move into `into`."""

    model_config = ConfigDict(extra="forbid")
    into: str = Field(max_length=100)
    others: list[str] = Field(min_length=1, max_length=50)
    note: str | None = Field(None, max_length=2000)
    by: str | None = Field(None, max_length=100)


class SplitIn(BaseModel):
    """The report (event id) to take out of an incident into one of its own."""

    model_config = ConfigDict(extra="forbid")
    event_id: str = Field(max_length=100)
    note: str | None = Field(None, max_length=2000)
    by: str | None = Field(None, max_length=100)


# ---------------------------------------------------------------- the app

def _filter(wb: Workbench, since: date | None, until: date | None, types: list[str], bbox: str | None,
            actors: list[str], contested: bool | None, grade: str | None, q: str | None) -> export.Filter:
    """Returns the export Filter of the query parameters; 422 with the reason when one is wrong."""
    try:
        wanted = export.parse_types(",".join(types)) if types else ()
        box = export.parse_bbox(bbox) if bbox is not None else None
        parse_actor = reviews.CORRECTABLE["actor1"][1]
        for a in actors:
            try:
                parse_actor(a)
            except ValueError:
                raise ValueError(f"unknown actor {a!r}: an actor id of actors.tsv") from None
        if grade is not None and grade not in GRADES:
            raise ValueError(f"unknown grade {grade!r}; grades are {', '.join(GRADES)}")
        articles = None
        if q is not None and q.strip():
            articles = frozenset(fulltext.matching_articles(wb.store, q))
        return export.Filter(since=since, until=until, types=wanted, bbox=box, actors=tuple(actors),
                             contested=contested, grade=grade, articles=articles)
    except ValueError as err:  # SearchError is one too
        raise _invalid(str(err)) from None


def _invalid(message: str, *loc: str) -> HTTPException:
    """Returns a 422 shaped like FastAPI's own validation errors, so that clients and the OpenAPI schema read one form."""
    return HTTPException(422, [{"loc": list(loc) or ["request"], "msg": message, "type": "value_error"}])


def _author(by: str | None) -> str:
    return (by or "").strip() or "analyst"


def _field(event: dict, name: str) -> object:
    head, _, sub = name.partition(".")
    value = event.get(head)
    return (value or {}).get(sub) if sub else value


def _corrections(raw: dict[str, Any]) -> dict:
    out = {}
    for name, value in raw.items():
        if name == "location":
            if not isinstance(value, dict):
                raise ValueError("location takes {place_id} or {latitude, longitude, name}")
            out["location"] = reviews.place_location(value.get("place_id"), value.get("latitude"),
                                                     value.get("longitude"), value.get("name"))
            continue
        if isinstance(value, (dict, list)):
            raise ValueError(f"{name} takes a single value")
        key, parsed = reviews.parse_correction(f"{name}={'' if value is None else value}")
        out[key] = parsed
    return out


def create_app(db: str, token: str, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """Returns the workbench app over the store at db; writes need `Authorization: Bearer <token>`."""
    wb = Workbench(db)
    app = FastAPI(title="rasid workbench", version=__version__, docs_url=None, redoc_url=None,
                  description="Incidents, their reports and evidence, and review of the coded events.",
                  responses=ERRORS)
    app.state.workbench = wb
    web = resources.files("rasid").joinpath("web")
    labels = _labels()

    def writer(authorization: str | None = Header(None, max_length=500)) -> None:
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "a write needs Authorization: Bearer <token>",
                                headers={"WWW-Authenticate": "Bearer"})

    def filters(since: date | None = Query(None, description="incidents on or after this day"),
                until: date | None = Query(None, description="incidents on or before this day"),
                type: list[str] = Query([], max_length=30, description="ACLED event or sub-event type"),
                bbox: str | None = Query(None, max_length=200, pattern=BBOX_PATTERN,
                                          description="min_lon,min_lat,max_lon,max_lat"),
                actor: list[str] = Query([], max_length=30, description="actor id (actor1, actor2 or associated)"),
                contested: bool | None = Query(None),
                grade: str | None = Query(None, max_length=40, description=", ".join(GRADES)),
                q: str | None = Query(None, max_length=500, description="words of `rasid search`")) -> export.Filter:
        with wb.lock:
            return _filter(wb, since, until, type, bbox, actor, contested, grade, q)

    def selected(flt: export.Filter) -> list[tuple[dict, Incident]]:
        with wb.lock:
            return [(obj, inc) for obj, inc in wb.incidents() if flt.accepts(inc)]

    @app.get("/api/incidents", summary="Incidents matching the filters, as `export --format jsonl` writes them")
    def list_incidents(flt: export.Filter = Depends(filters), limit: int = Query(100, ge=1, le=MAX_LIMIT),
                       offset: int = Query(0, ge=0, le=10**9)) -> Response:
        hits = selected(flt)
        return _json({"total": len(hits), "items": [obj for obj, _ in hits[offset:offset + limit]]})

    @app.get("/api/incidents.geojson", summary="The located incidents matching the filters as GeoJSON",
             response_class=GeoJSONResponse,
             responses={200: {"content": {GeoJSONResponse.media_type: {"schema": FEATURE_COLLECTION}}}})
    def incidents_geojson(flt: export.Filter = Depends(filters)) -> Response:
        with wb.lock:
            body = wb.geojson(("geojson", repr(flt)), lambda: json.dumps(
                export.geojson(inc for _, inc in selected(flt)), ensure_ascii=False).encode())
        return GeoJSONResponse(body)

    @app.get("/api/incidents.csv", summary="The incidents matching the filters in ACLED's columns",
             response_class=CSVResponse)
    def incidents_csv(flt: export.Filter = Depends(filters)) -> Response:
        out = io.StringIO(newline="")
        export.write_acled_csv((inc for _, inc in selected(flt)), out)
        return CSVResponse(out.getvalue(), headers={"Content-Disposition": 'attachment; filename="incidents.csv"'})

    def detail(incident_id: str) -> dict:
        with wb.lock:
            if not any(obj["incident_id"] == incident_id for obj, _ in wb.incidents()):
                raise HTTPException(404, f"no incident {incident_id!r}")
            out = incident_store.show(wb.store, incident_id)
            out["versions"] = _quoted_versions(out)
            subjects = [incident_id, *(r["event_id"] for r in out["reports"])]
            out["history"] = history.changes(wb.store, subjects)
            return out

    @app.get("/api/incidents/{incident_id}", summary="An incident with its ledger, versions, reports and history")
    def get_incident(incident_id: str) -> Response:
        return _json(detail(incident_id))

    @app.get("/api/incidents/{incident_id}/nearby",
             summary="Incidents close in time and place to one, closest first (candidates to merge)")
    def get_nearby(incident_id: str, days: int = Query(3, ge=0, le=60, description="days between the date ranges"),
                   km: float = Query(50, ge=0, le=1000, description="km between the places"),
                   limit: int = Query(20, ge=1, le=200)) -> Response:
        with wb.lock:
            items = [obj for obj, _ in wb.incidents()]
        target = next((obj for obj in items if obj["incident_id"] == incident_id), None)
        if target is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        found = nearby(target, items, days, km)
        return _json({"total": len(found), "items": found[:limit]})

    @app.get("/api/events/{event_id}", summary="One event with its evidence, claims, review, incident and history")
    def get_event(event_id: str) -> Response:
        with wb.lock:
            found = incident_store.event_detail(wb.store, event_id)
            if found is not None:
                found["history"] = history.changes(wb.store, [event_id])
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return _json(found)

    @app.get("/api/articles/{article_id}", summary="A stored report's text with its events' evidence offsets")
    def get_article(article_id: str) -> Response:
        with wb.lock:
            found = wb.store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        events = found.pop("events")
        found["events"] = [{"event_id": e["event_id"], "event_type": e["data"]["event_type"],
                            "sub_event_type": e["data"]["sub_event_type"],
                            "evidence": e["data"].get("evidence") or [], "claims": e["data"].get("claims") or []}
                           for e in events]
        return _json(found)

    @app.get("/api/places", summary="Gazetteer candidates for a place name (to re-place an event)")
    def get_places(q: str = Query(min_length=1, max_length=200), limit: int = Query(20, ge=1, le=200)) -> Response:
        if not q.strip():
            raise _invalid("q is empty: give a place name", "query", "q")
        found = gazetteer.find(q)
        return _json({"query": q, "how": found.how, "count": len(found.places),
                      "candidates": [{k: v for k, v in p.to_json().items() if k != "names"}
                                     for p in found.places[:limit]]})

    @app.get("/api/vocabulary", summary="Event types, grades and correctable fields, for the page's controls")
    def vocabulary() -> Response:
        return _json({"event_types": {t: [s for s, p in export.SUB_EVENT_TYPES.items() if p == t]
                                      for t in export.EVENT_TYPES},
                      "grades": list(GRADES),
                      "correctable": {k: v[0] for k, v in reviews.CORRECTABLE.items()}, **labels})

    @app.post("/api/events/{event_id}/review", dependencies=[Depends(writer)],
              summary="Accept (with corrections), reject or clear an event's review, as `rasid review`")
    def post_review(event_id: str, body: ReviewIn) -> Response:
        if body.set and body.action != "accept":
            raise _invalid(f"set corrects an accepted event; it does not go with {body.action}", "body", "set")
        with wb.lock:
            before = incident_store.event_detail(wb.store, event_id)
            if before is None:
                raise HTTPException(404, f"no event {event_id!r}")
            try:
                fixes = _corrections(body.set)
                if body.action == "clear":
                    reviews.clear(wb.store, event_id)
                else:
                    reviews.review(wb.store, event_id, body.action, body.note, fixes)
            except (ValueError, StoreError) as err:
                raise _invalid(str(err)) from None
            incident_store.fuse(wb.store)
            after = incident_store.event_detail(wb.store, event_id)
            names = sorted(set(body.set) | set((before["review"] or {}).get("corrections") or {}))

            def state(d: dict) -> dict:
                return {"decision": (d["review"] or {}).get("decision"),
                        **{n: _field(d["event"], n) for n in names}}
            history.record(wb.store, _author(body.by), body.action, event_id,
                           after["incident_id"] or before["incident_id"], state(before), state(after), body.note)
            return _json(after)

    @app.post("/api/incidents/merge", dependencies=[Depends(writer)],
              summary="Move the reports of other incidents into one")
    def post_merge(body: MergeIn) -> Response:
        with wb.lock:
            try:
                groups = {i: incident_store.members(wb.store, i) for i in [body.into, *body.others]}
            except StoreError as err:
                raise HTTPException(404, str(err)) from None
            try:
                incident_store.merge(wb.store, body.into, body.others)
            except ValueError as err:
                raise _invalid(str(err)) from None
            history.record(wb.store, _author(body.by), "merge", body.into, body.into, groups,
                           {body.into: incident_store.members(wb.store, body.into)}, body.note)
        return _json(detail(body.into))

    @app.post("/api/incidents/{incident_id}/split", dependencies=[Depends(writer)],
              summary="Take one report out of an incident into an incident of its own")
    def post_split(incident_id: str, body: SplitIn) -> Response:
        with wb.lock:
            try:
                before = incident_store.members(wb.store, incident_id)
            except StoreError as err:
                raise HTTPException(404, str(err)) from None
            try:
                new_id = incident_store.split(wb.store, incident_id, body.event_id)
            except ValueError as err:
                raise _invalid(str(err)) from None
            rest = [e for e in before if e != body.event_id]
            kept_in = incident_store.incident_of(wb.store, rest[0])
            history.record(wb.store, _author(body.by), "split", body.event_id, incident_id,
                           {incident_id: before}, {new_id: [body.event_id], kept_in: rest}, body.note)
        return _json({"incident_id": new_id, "left": kept_in})

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(str(web.joinpath("index.html")), media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=str(web)), name="static")
    app.add_middleware(Guard, max_body=max_body)
    return app
