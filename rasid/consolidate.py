"""Consolidates one report's frames: retellings fold into one event, region summaries give way to towns."""
from __future__ import annotations

from dataclasses import replace

from .assemble import PRECEDENCE, Frame
from .normalize import norm
from .records import Location


def _close(a: Location, b: Location, km: float = 1.0) -> bool:
    """Tells whether two locations are one place: the same entry, or two sources' points for a town."""
    if a.place_id == b.place_id:
        return True
    # a region's centroid may fall on a town inside it («الغوطة الشرقية» on «دوما»)
    if 3 in (a.geo_precision, b.geo_precision):
        return False
    # one town named alike in two gazetteers («مدينة أريحا», «أريحا») may sit several km apart (fusion's
    # radius for one town); two places of one name so close are rare
    reach = 10.0 if norm(a.name) == norm(b.name) else km
    return abs(a.latitude - b.latitude) < reach / 111 and abs(a.longitude - b.longitude) < reach / 111


_STRIKES = {"Air/drone strike", "Shelling/artillery/missile attack"}


def _kin(a: str, b: str) -> bool:
    """Tells whether two sub-types may name one event: equal, or both bombardment (the air cue
    is often in one retelling only)."""
    return a == b or (a in _STRIKES and b in _STRIKES)


def _same_pair(f: Frame, g: Frame) -> bool:
    """Tells whether two frames can be one event: same pair or perpetrator, or one side defaulted."""
    if {f.actor1, f.actor2} == {g.actor1, g.actor2}:
        return True
    if f.defaults or g.defaults:
        return True
    return f.actor1 == g.actor1


def _fold(g: Frame, f: Frame) -> None:
    """Folds frame f into g: the better-dated, better-attributed reading wins each field."""
    if PRECEDENCE.get(f.sub_event_type, 99) < PRECEDENCE.get(g.sub_event_type, 99):
        g.sub_event_type = f.sub_event_type
    rank = {"here": 0, "carried": 1, "published": 2}
    if rank[f.dated] < rank[g.dated]:
        g.date, g.precision, g.date_span, g.dated = f.date, f.precision, f.date_span, f.dated
    if len(g.defaults) > len(f.defaults):
        g.actor1, g.actor2, g.defaults, g.actor_spans = f.actor1, f.actor2, f.defaults, f.actor_spans
    g.killed.extend(f.killed)
    g.claims.extend(c for c in f.claims if c not in g.claims)
    g.wounded = max(filter(None, (g.wounded, f.wounded)), default=None)
    g.captured = max(filter(None, (g.captured, f.captured)), default=None)


def _one_sided(frs: list[Frame]) -> None:
    """Recodes a «هجوم» that killed civilians: no armed clash, but the report's kind of bombardment.

    ACLED's armed clash needs two armed sides. «الهجمات على الهبيط قتلت طفلا» in a report of air
    strikes is one more air strike; without any bombardment in the report it is an attack.
    """
    kinds = [f.sub_event_type for f in frs if f.event_type == "Explosions/Remote violence"]
    for f in frs:
        if f.sub_event_type == "Armed clash" and f.actor2 == "CIVILIANS":
            if kinds:
                # the most told kind; a tie goes to ACLED's precedence, never to set order
                f.sub_event_type = min(kinds, key=lambda k: (-kinds.count(k), PRECEDENCE.get(k, 99)))
                f.event_type = "Explosions/Remote violence"
            else:
                f.sub_event_type, f.event_type = "Attack", "Violence against civilians"
                if "actor1" in f.defaults:
                    f.actor1 = "UNIDENTIFIED"


def _known_attackers(frs: list[Frame]) -> None:
    """Gives an unattributed strike the one attacker the report names for its strikes of that kind.

    «غارات على أجزاء أخرى قتل فيها 24» in a report of Turkish air strikes is a Turkish strike.
    """
    for f in frs:
        if "actor1" not in f.defaults or f.event_type != "Explosions/Remote violence":
            continue
        named = [g.actor1 for g in frs if "actor1" not in g.defaults and g.actor1 != f.actor2
                 and g.sub_event_type == f.sub_event_type]
        if len(set(named)) == 1:
            f.actor1 = named[0]
            f.defaults = f.defaults - {"actor1"}


def consolidate(frs: list[Frame]) -> list[Frame]:
    """Folds the article's retellings of one event together and drops region-wide summaries.

    A report tells its main event several times: in the title, the lead and the body, often with
    the date only once («قصف على دوما» … «قصف دوما أمس الجمعة»). ACLED keeps one event per actor
    pair, place and day, at the most specific place, so a region-level frame («غارات على ريف
    إدلب») is dropped when the same kind of event is coded that day at a place inside the region.
    """
    _one_sided(frs)
    _known_attackers(frs)
    out: list[Frame] = []
    for f in frs:
        for g in out:
            if not _kin(g.sub_event_type, f.sub_event_type) or not _close(g.location, f.location):
                continue
            same_day = g.date == f.date
            # an undated retelling joins a dated telling, unless their tolls tell them apart
            undated = "published" in (f.dated, g.dated) and g.date and f.date and \
                abs((g.date - f.date).days) <= 2 and not (
                    f.killed and g.killed and {c.value for c in f.killed}.isdisjoint(
                        c.value for c in g.killed))
            if (same_day or undated) and _same_pair(f, g):
                _fold(g, f)
                break
        else:
            out.append(replace(f, killed=list(f.killed), claims=list(f.claims)))
    specific = [f for f in out if f.location.geo_precision < 3]
    keep = []
    for f in out:
        # «شنت تركيا هجوما الشهر الماضي على عفرين»: a month-dated, uncounted or region-wide action is
        # a campaign told in passing, not an event a coder can place on a day
        if f.precision == 3 and (f.location.geo_precision == 3 or not f.killed):
            continue
        # a region named beside a town in one sentence is a separate count («عشرة في ريف درعا
        # وسبعة في الطيبة»); only a region told in another sentence is a summary
        if f.location.geo_precision == 3 and f.location.admin1 and any(
                g.event_type == f.event_type and g.location.admin1 == f.location.admin1
                and g.sent != f.sent
                and g.date and f.date and abs((g.date - f.date).days) <= 1 for g in specific):
            continue
        keep.append(f)
    return keep
