"""Cross-report fusion: events of different articles that describe one incident become one Incident.

Rules (one place to read them):

- Family: the ACLED `event_type`. Sub-event types may differ (one outlet's shelling is another's
  air strike). Battles and Explosions/Remote violence are never fused with each other, even with the
  same actors, place and day: ACLED codes a clash and the shelling that accompanies it as two events,
  and the extractor already emits both when one report tells both.
- Dates: each event has a window where its day may lie: precision 1 the day itself, precision 2
  the coded day ±3 (ACLED's «a span of a few days or a week»), precision 3 its calendar month; an
  undated event the week up to its article's publication (undated and unpublished: never fused).
  Two windows are compatible when they overlap; two exact days may also lie one day apart (night
  events and publication lag: «ليلة الجمعة» is coded to either day; a span carries its own ±3).
  So precision 1/1 allows 1 day, 1/2 three days, 2/2 six days, 3 the same month.
- Places: within the limit of the less precise of the two (max of their limits): geo precision 1
  → 10 km (a town and the next village or neighbourhood another outlet may code; the scorer's
  «location right» radius), 2 → 25 km (near a town, its countryside, «بين A و B»; the scorer's match
  radius), 3 → 60 km (a region coded to a governorate capital; the scorer's region radius).
  An event without a place is never fused.
- Actors: the known actors (actor1, actor2 and their associates, without UNIDENTIFIED) of the two
  events must intersect, or one side knows none; both known and disjoint → not the same incident.
  Sharing only CIVILIANS links them only when their attackers are allies that reports confuse
  (BLOCS: government, Russia and Iran's forces; the US-led coalition; Turkey and the opposition
  it backs): a rebel shelling of Damascus and a regime raid on Ghouta the same day stay apart.
  An unclaimed strike (actor1 UNIDENTIFIED) and a claimed one whose targets are allies of one
  bloc also link: «صواريخ مجهولة على مطار التيفور» (→ SYR_GOV) and «غارة إسرائيلية» (→ IRN_IRGC).
- Linkage: complete linkage. An event joins an incident only when it is compatible with every
  member, and never when a member comes from its own article (the extractor has already
  consolidated one report's events). This forbids chains (A~B, B~C, A≁C never lands in one
  incident). Among several compatible incidents it joins the one with its own sub-type, then the one sharing its actor1, then the
  closest in coded days, then the nearest (largest member distance smallest), then the smallest id.
- Order: events are placed as a daily run receives them: by publication date, then article id,
  then (inside one article) most precise first and event id. Fusing day by day with `existing`
  groups exactly as fusing everything at once when each run's articles are published after the
  stored ones; a backfill of older articles may group differently.
  Events in `existing` keep their incident and are placed before any new one. Incident ids are
  "inc-" + 12 hex digits of sha1(founding event_id): the same founder always gives the same id.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median_low
from typing import Mapping, Sequence

from .gazetteer import distance_km
from .records import Event, Fatalities, Incident, LedgerEntry, Location, Member, Report, Version

KM_LIMIT = {1: 10.0, 2: 25.0, 3: 60.0}
_MAX_KM = max(KM_LIMIT.values())
# Precision 2 is «a span of a few days or a week» coded at its middle: ±3 days.
SPAN_DAYS = 3
# An undated event happened in the days before its report was published.
UNDATED_DAYS = 7
# Night events and publication lag: two exact days one day apart still meet.
SLACK_DAYS = 1
UNKNOWN_ACTORS = frozenset({"UNIDENTIFIED", "UNKNOWN", ""})
VICTIMS = frozenset({"CIVILIANS"})
# Allies whose strikes reports often confuse with each other's (Syria, 2018).
BLOCS = (frozenset({"SYR_GOV", "SYR_PGM", "RUS", "IRN_IRGC", "IRN_PROXY", "HEZBOLLAH"}),
         frozenset({"COALITION", "USA", "FRA", "GBR"}),
         frozenset({"TUR", "OPP"}))
QUOTE_CHARS = 200
FOUNDED = "founded the incident"
KEPT = "kept its incident from an earlier run"
_KM_PER_DEG = 111.19
# Candidate grid cells of 1° (about 90-110 km in Syria): a 60 km reach spans 3 × 3 cells.
_CELL_DEG = 1.0


def incident_id(event_id: str) -> str:
    """Returns the id an incident founded by this event gets: "ev-1" → "inc-" + 12 hex digits."""
    return "inc-" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Window:
    """The days an event's date may stand for, and the precision that made them."""

    lo: date
    hi: date
    precision: int


def window(report: Report) -> Window | None:
    """Returns the date window of a report's event: 2018-10-26 at precision 2 → 10-23..10-29."""
    ev = report.event
    day = ev.event_date
    if day is None:
        if report.published is None:
            return None
        return Window(report.published - timedelta(days=UNDATED_DAYS), report.published, 2)
    p = ev.time_precision if ev.time_precision in (1, 2, 3) else 1
    if p == 3:
        first = day.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return Window(first, nxt - timedelta(days=1), 3)
    if p == 2:
        return Window(day - timedelta(days=SPAN_DAYS), day + timedelta(days=SPAN_DAYS), 2)
    return Window(day, day, 1)


def days_apart(a: Window, b: Window) -> int:
    """Returns the days between two windows, 0 when they overlap."""
    return max(0, (b.lo - a.hi).days, (a.lo - b.hi).days)


def dates_compatible(a: Window, b: Window) -> bool:
    """Tells whether two windows may hold the same day (two exact days may be one day apart)."""
    slack = SLACK_DAYS if a.precision == b.precision == 1 else 0
    return days_apart(a, b) <= slack


def km_limit(a: Location, b: Location) -> float:
    """Returns the fusion radius for two places: the limit of the less precise one."""
    return max(KM_LIMIT.get(a.geo_precision, _MAX_KM), KM_LIMIT.get(b.geo_precision, _MAX_KM))


def known_actors(report: Report) -> frozenset[str]:
    """Returns the named actors of a report's event, without UNIDENTIFIED."""
    ev = report.event
    names = {ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2}
    return frozenset(a for a in names if a and a not in UNKNOWN_ACTORS)


def accounts(report: Report) -> tuple[frozenset[str], ...]:
    """Returns the named actors of each version a contested report gives: (RUS, CIVILIANS), (COALITION, CIVILIANS)."""
    return tuple(frozenset(a for a in (v.actor1, v.actor2) if a and a not in UNKNOWN_ACTORS)
                 for v in report.event.versions)


def actors_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Tells whether two actor sets may name the same incident: they meet beyond the victims, or one side knows none."""
    if not a or not b:
        return True
    shared = a & b
    if shared - VICTIMS or (shared and (a <= VICTIMS or b <= VICTIMS)):
        return True
    # Nearly every strike's victims are CIVILIANS: sharing only them says who died, not who struck.
    # It still links reports that blame allies for one strike («طائرات روسية» / «طيران النظام»), the
    # confusion Airwars grades as contested attribution; never a rebel shelling and a regime raid.
    return bool(shared) and any(a - VICTIMS <= bloc and b - VICTIMS <= bloc for bloc in BLOCS)


def same_side_hit(a: Event, b: Event) -> bool:
    """Tells whether an unclaimed strike and another report of it hit one side: (UNIDENTIFIED, SYR_GOV) ~ (ISR, IRN_IRGC)."""
    if (a.actor1 in UNKNOWN_ACTORS) == (b.actor1 in UNKNOWN_ACTORS):
        return False
    targets = {a.actor2, b.actor2}
    return not targets & VICTIMS and None not in targets and any(targets <= bloc for bloc in BLOCS)


@dataclass(frozen=True)
class Link:
    """Why two reports may describe the same incident: their days, distance and actors."""

    days: int
    km: float
    limit: float
    same_actor1: bool
    day_diff: int  # between the coded days, to prefer the closer of two compatible incidents
    same_sub: bool = False  # a chemical attack joins the chemical attack rather than the air raid


@dataclass
class _Item:
    """A report with what fusion compares, computed once (days as ordinals, for speed)."""

    report: Report
    win: Window | None
    actors: frozenset[str]
    lo: int = 0
    hi: int = 0
    coded: int = 0
    limit: float = _MAX_KM
    versions: tuple[frozenset[str], ...] = ()


def _prepare(report: Report) -> _Item:
    win = window(report)
    item = _Item(report, win, known_actors(report), versions=accounts(report))
    if win is not None:
        item.lo, item.hi = win.lo.toordinal(), win.hi.toordinal()
        item.coded = (report.event.event_date or win.hi).toordinal()
    if report.event.location is not None:
        item.limit = KM_LIMIT.get(report.event.location.geo_precision, _MAX_KM)
    return item


def link(a: _Item, b: _Item) -> Link | None:
    """Returns the link between two prepared reports when they may be one incident, else None."""
    ra, rb = a.report, b.report
    if ra.article_id == rb.article_id or ra.event.event_type != rb.event.event_type:
        return None
    la, lb = ra.event.location, rb.event.location
    if a.win is None or b.win is None or la is None or lb is None:
        return None
    days = max(0, b.lo - a.hi, a.lo - b.hi)
    if days > (SLACK_DAYS if a.win.precision == b.win.precision == 1 else 0):
        return None
    if not actors_compatible(a.actors, b.actors) and not same_side_hit(ra.event, rb.event) and not any(
            actors_compatible(x, y) for x in (a.actors, *a.versions) for y in (b.actors, *b.versions)):
        # a report's other version may be what another report tells: pages' «غارة للتحالف» and an
        # outlet that tells the same harm as a Russian strike, the coalition strike in its versions
        return None
    limit = max(a.limit, b.limit)
    km = distance_km(la.latitude, la.longitude, lb.latitude, lb.longitude)
    if km > limit:
        return None
    return Link(days, km, limit, ra.event.actor1 == rb.event.actor1, abs(a.coded - b.coded),
                ra.event.sub_event_type == rb.event.sub_event_type)


def _fmt_set(names: frozenset[str]) -> str:
    return "{" + ",".join(sorted(names)) + "}" if names else "{?}"


def _window_text(w: Window) -> str:
    return w.lo.isoformat() if w.lo == w.hi else f"{w.lo.isoformat()}..{w.hi.isoformat()}"


def reason(joiner: _Item, founder: _Item, lk: Link, whom: str = "the founder") -> str:
    """Returns the human reason a report joined: "… same family Battles, dates …, 3.2 km apart …"."""
    ev, fev = joiner.report.event, founder.report.event
    assert joiner.win and founder.win and ev.location and fev.location
    geo = max(ev.location.geo_precision, fev.location.geo_precision)
    meet = "∩" if joiner.actors and founder.actors else "~"
    return (f"compatible with every member; with {whom}: same family {ev.event_type}, "
            f"dates {_window_text(founder.win)}~{_window_text(joiner.win)} "
            f"(prec {fev.time_precision}/{ev.time_precision}, {lk.days} d apart), "
            f"{lk.km:.1f} km apart (limit {lk.limit:g} km at precision {geo}), "
            f"actors {_fmt_set(founder.actors)}{meet}{_fmt_set(joiner.actors)}")


def _cell(lat: float, lon: float, deg: float) -> tuple[int, int]:
    return math.floor(lat / deg), math.floor(lon / deg)


class _Index:
    """Placed items bucketed by family, week and grid cell, so candidates are found without O(n²)."""

    def __init__(self, deg: float = _CELL_DEG) -> None:
        self.buckets: dict[tuple, list[int]] = {}
        self.deg = deg

    def add(self, key: int, item: _Item) -> None:
        loc = item.report.event.location
        if item.win is None or loc is None:
            return
        ci, cj = _cell(loc.latitude, loc.longitude, self.deg)
        fam = item.report.event.event_type
        # Registered over its window widened by the slack, so a query over the bare window finds it.
        for w in range((item.lo - SLACK_DAYS) // 7, (item.hi + SLACK_DAYS) // 7 + 1):
            self.buckets.setdefault((fam, w, ci, cj), []).append(key)

    def near(self, item: _Item) -> set[int]:
        loc = item.report.event.location
        if item.win is None or loc is None:
            return set()
        fam = item.report.event.event_type
        found: set[int] = set()
        ci, cj = _cell(loc.latitude, loc.longitude, self.deg)
        di = math.ceil(_MAX_KM / (_KM_PER_DEG * self.deg))
        coslat = max(math.cos(math.radians(min(89.0, abs(loc.latitude) + _MAX_KM / _KM_PER_DEG))), 0.01)
        dj = math.ceil(_MAX_KM / (_KM_PER_DEG * self.deg * coslat))
        for w in range(item.lo // 7, item.hi // 7 + 1):
            for i in range(ci - di, ci + di + 1):
                for j in range(cj - dj, cj + dj + 1):
                    found.update(self.buckets.get((fam, w, i, j), ()))
        return found


@dataclass
class _Group:
    """An incident being built: its id, its members in the order they joined, its founder."""

    incident_id: str
    members: list[int] = field(default_factory=list)
    founder: int | None = None


def _order(item: _Item) -> tuple:
    ev, loc = item.report.event, item.report.event.location
    day = item.win.lo if item.win else date.max
    return (item.report.published or date.max, item.report.article_id, ev.time_precision,
            loc.geo_precision if loc else 9, day, item.report.event_id)


def _best(item: _Item, groups: list[_Group], items: list[_Item]) -> tuple[_Group, Link] | None:
    """Returns the compatible incident this item joins (complete linkage), with its link to the founder."""
    best = None
    for g in groups:
        links = []
        for m in g.members:
            lk = link(item, items[m])
            if lk is None:
                break
            links.append(lk)
        else:
            key = (not any(lk.same_sub for lk in links), not any(lk.same_actor1 for lk in links),
                   max(lk.day_diff for lk in links),
                   round(max(lk.km for lk in links), 3), g.incident_id)
            if best is None or key < best[0]:
                best = (key, g)
    if best is None:
        return None
    g = best[1]
    lk = link(item, items[g.founder if g.founder is not None else g.members[0]])
    assert lk is not None
    return g, lk


def assign(reports: Sequence[Report], existing: Mapping[str, str] | None = None) -> dict[str, tuple[str, str]]:
    """Returns event_id -> (incident_id, reason) for every report; events in `existing` (event_id -> incident_id) keep their incident, new ones join one or start their own."""
    existing = existing or {}
    items = [_prepare(r) for r in reports]
    index = _Index()
    groups: dict[str, _Group] = {}
    where: dict[int, _Group] = {}
    out: dict[str, tuple[str, str]] = {}
    old = sorted((i for i, it in enumerate(items) if it.report.event_id in existing),
                 key=lambda i: _order(items[i]))
    for i in old:
        iid = existing[items[i].report.event_id]
        g = groups.setdefault(iid, _Group(iid))
        g.members.append(i)
        if incident_id(items[i].report.event_id) == iid:
            g.founder = i
        where[i] = g
        index.add(i, items[i])
    for i in old:
        g, it = where[i], items[i]
        lk = link(it, items[g.founder]) if g.founder is not None and g.founder != i else None
        why = FOUNDED if g.founder == i else reason(it, items[g.founder], lk) if lk else KEPT
        out[it.report.event_id] = (g.incident_id, why)
    new = sorted((i for i, it in enumerate(items) if it.report.event_id not in existing),
                 key=lambda i: _order(items[i]))
    for i in new:
        it = items[i]
        near = Counter(where[j].incident_id for j in index.near(it))
        # A compatible incident has every member near (the index finds all within reach), so an
        # incident with a member out of reach is skipped before any comparison.
        hit = _best(it, [groups[k] for k in sorted(near) if near[k] == len(groups[k].members)], items)
        if hit is None:
            iid = incident_id(it.report.event_id)
            g = groups.setdefault(iid, _Group(iid))
            g.members.append(i)
            g.founder = i if g.founder is None else g.founder
            why = FOUNDED if it.win and it.report.event.location else (
                FOUNDED + " (no place: never fused)" if it.win else
                FOUNDED + " (no date and no publication date: never fused)")
        else:
            g, lk = hit
            why = reason(it, items[g.founder], lk) if g.founder is not None else \
                reason(it, items[g.members[0]], lk, "its earliest kept member")
            g.members.append(i)
        where[i] = g
        index.add(i, it)
        out[it.report.event_id] = (g.incident_id, why)
    return out


def _quote(text: str, start: int, end: int) -> str:
    """Returns text[start:end], cut at a word near QUOTE_CHARS with «…» when longer."""
    if not (0 <= start < end <= len(text)):
        return ""
    quote = text[start:end].strip()
    if len(quote) <= QUOTE_CHARS:
        return quote
    cut = quote.rfind(" ", 0, QUOTE_CHARS)
    return quote[:cut if cut > QUOTE_CHARS // 2 else QUOTE_CHARS].rstrip() + " …"


def _member_key(r: Report) -> tuple:
    return (r.published or date.max, r.article_id, r.event_id)


def _vote(values: list, skip=frozenset()) -> object:
    """Returns the most frequent value (first seen wins ties), preferring values outside `skip`."""
    pool = [v for v in values if v is not None and v not in skip] or [v for v in values if v is not None]
    if not pool:
        return None
    counts = Counter(pool)
    return max(pool, key=lambda v: (counts[v], -pool.index(v)))


def fatality_range(reports: Sequence[Report]) -> Fatalities:
    """Returns low (smallest low of the reports giving a toll), best (most-supported, else median), high (max)."""
    tolled = [r.event.fatalities for r in reports if r.event.fatalities.best or r.event.fatalities.high]
    if not tolled:
        return Fatalities(0, 0, 0)
    low, high = min(f.low for f in tolled), max(f.high for f in tolled)
    bests = Counter(f.best for f in tolled)
    top, support = max(bests.items(), key=lambda kv: (kv[1], -kv[0]))
    best = top if support > 1 else median_low([f.best for f in tolled])
    return Fatalities(low, max(low, min(best, high)), max(high, low))


def ledger(reports: Sequence[Report]) -> tuple[LedgerEntry, ...]:
    """Returns one entry per (source, stance) over the reports' claims, quoting the first report that gives it."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in sorted(reports, key=_member_key):
        for c in r.event.claims:
            if (c.source, c.stance) in seen:
                continue
            seen.add((c.source, c.stance))
            out.append(LedgerEntry(c.source, c.stance, r.article_id, c.start, c.end,
                                   _quote(r.text, c.start, c.end)))
    return tuple(out)


def grade(reports: Sequence[Report], entries: Sequence[LedgerEntry]) -> str:
    """Returns the Airwars-style grade: denied by a party, contested attribution, several sources, single source."""
    if any(e.stance == "denies" for e in entries):
        return "denied by a party"
    perpetrators = {r.event.actor1 for r in reports if r.event.actor1 not in UNKNOWN_ACTORS}
    if len(perpetrators) > 1 or any(r.event.contested for r in reports):
        return "contested attribution"
    outlets = {r.outlet or r.article_id for r in reports}
    sources = {e.source for e in entries if e.stance != "denies"}
    return "several sources" if len(outlets) > 1 or len(sources) > 1 else "single source"


def merged_versions(reports: Sequence[Report]) -> tuple[Version, ...]:
    """Returns an incident's competing accounts over its reports, first told first.

    A report's versions, or its event as the one account it gives; the accounts naming the same
    perpetrator, victims and kind are one, their tolls spanned and their claims joined (each claim's
    offsets point into the first member article giving that source and stance, as in the ledger).
    """
    order: list[tuple] = []
    merged: dict[tuple, Version] = {}
    counted: dict[tuple, bool] = {}
    for r in sorted(reports, key=_member_key):
        ev = r.event
        for v in ev.versions or (Version(ev.actor1, ev.actor2, ev.sub_event_type, ev.fatalities, ev.claims),):
            key = (v.actor1, v.actor2, v.sub_event_type)
            has_toll = bool(v.fatalities.best or v.fatalities.high)
            old = merged.get(key)
            if old is None:
                order.append(key)
                merged[key], counted[key] = v, has_toll
                continue
            seen = {(c.source, c.stance) for c in old.claims}
            claims = old.claims + tuple(c for c in v.claims if (c.source, c.stance) not in seen)
            tolls = old.fatalities
            if has_toll and counted[key]:
                tolls = Fatalities(min(tolls.low, v.fatalities.low), tolls.best,
                                   max(tolls.high, v.fatalities.high))
            elif has_toll:
                tolls = v.fatalities
            merged[key] = Version(old.actor1, old.actor2, old.sub_event_type, tolls, claims)
            counted[key] = counted[key] or has_toll
    return tuple(merged[k] for k in order)


def _place_key(loc: Location) -> tuple:
    return (loc.place_id,) if loc.place_id else (loc.name, round(loc.latitude, 3), round(loc.longitude, 3))


def best_place(reports: Sequence[Report]) -> Location | None:
    """Returns the most precise place (lowest geo_precision), ties by the place most reports give."""
    located = [r for r in sorted(reports, key=_member_key) if r.event.location is not None]
    if not located:
        return None
    votes = Counter(_place_key(r.event.location) for r in located)
    return min((r.event.location for r in located),
               key=lambda loc: (loc.geo_precision, -votes[_place_key(loc)]))


def incident(incident_id: str, reports: Sequence[Report], reasons: Mapping[str, str]) -> Incident:
    """Summarizes the member reports of one incident into an Incident (date range, best place, actors, fatality range, ledger, grade, members with reasons)."""
    if not reports:
        raise ValueError(f"incident {incident_id} has no reports")
    rs = sorted(reports, key=_member_key)
    events = [r.event for r in rs]
    dated = [e for e in events if e.event_date is not None]
    # The range comes from the most precise members: a month-coded report's mid-month day would
    # stretch a one-day strike over two weeks.
    precision = min((e.time_precision for e in dated), default=3)
    days = [e.event_date for e in dated if e.time_precision == precision]
    a1 = _vote([e.actor1 for e in events], UNKNOWN_ACTORS)
    a2 = _vote([e.actor2 for e in events], UNKNOWN_ACTORS)
    assoc1 = tuple(sorted({a for e in events for a in e.assoc_actor_1} - {a1, a2}))
    assoc2 = tuple(sorted({a for e in events for a in e.assoc_actor_2} - {a1, a2} - set(assoc1)))
    entries = ledger(rs)
    g = grade(rs, entries)
    contested = g in ("denied by a party", "contested attribution")
    place = best_place(rs)
    outlets = sorted({r.outlet or "?" for r in rs})
    lead = next((e for e in events if e.location == place and e.notes), events[0])
    notes = f"{len(rs)} report{'s' * (len(rs) > 1)} ({', '.join(outlets)})"
    notes = f"{notes}: {lead.notes}" if lead.notes else notes
    members = tuple(Member(r.event_id, r.article_id, r.outlet, r.published, reasons.get(r.event_id, ""))
                    for r in rs)
    return Incident(
        incident_id=incident_id, event_type=events[0].event_type,
        sub_event_type=str(_vote([e.sub_event_type for e in events])),
        date_start=min(days, default=None), date_end=max(days, default=None), time_precision=precision,
        actor1=str(a1), actor2=a2, location=place, fatalities=fatality_range(rs),
        assoc_actor_1=assoc1, assoc_actor_2=assoc2, members=members, ledger=entries, grade=g,
        contested=contested, notes=notes, versions=merged_versions(rs) if contested else ())


def fuse(reports: Sequence[Report], existing: Mapping[str, str] | None = None) -> list[Incident]:
    """assign() then incident() per group, sorted by incident_id."""
    assigned = assign(reports, existing)
    groups: dict[str, list[Report]] = {}
    for r in reports:
        groups.setdefault(assigned[r.event_id][0], []).append(r)
    reasons = {eid: why for eid, (_, why) in assigned.items()}
    return [incident(iid, groups[iid], reasons) for iid in sorted(groups)]
