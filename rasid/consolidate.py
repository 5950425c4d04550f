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


# A region-wide telling is dated by its report more often than by its event («حسبما أفاد المرصد أمس»):
# within ACLED's window for a roughly dated event (±3 days) it may be the same happening as a town's.
_SUMMARY_DAYS = 3
# How far apart in days an undated retelling may be from the dated telling it joins, by that telling's
# ACLED time precision: a day (and a night's slack), a week (±3), a month.
_WINDOW = {1: 2, 2: 3, 3: 15}
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
    # «أعدم رجلين» after «أعدمت الهيئة عشرة»: a telling that leaves the perpetrator unknown names no other
    if "UNIDENTIFIED" in (f.actor1, g.actor1):
        return f.actor2 == g.actor2
    return f.actor1 == g.actor1


def _better_date(f: Frame, g: Frame) -> bool:
    """Tells whether f's date should stand for the event f and g tell: the finer of two compatible
    dates («اليوم» within «خلال الأيام الماضية»), else the one told in the event's own sentence."""
    if f.date and g.date and f.precision != g.precision:
        fine, coarse = (f, g) if f.precision < g.precision else (g, f)
        if abs((fine.date - coarse.date).days) <= _WINDOW.get(coarse.precision, 0):
            return fine is f
    rank = {"here": 0, "carried": 1, "published": 2}
    return rank[f.dated] < rank[g.dated]


def _several(c) -> bool:
    """Tells an uncounted toll of the dead: «سقوط قتلى» → True; «مقتل 8» → False (rasid/find/casualties.py)."""
    return c.vague and c.rule.endswith(":dead-noun")


def _fold(g: Frame, f: Frame) -> None:
    """Folds frame f into g: the better-dated, better-attributed reading wins each field."""
    if PRECEDENCE.get(f.sub_event_type, 99) < PRECEDENCE.get(g.sub_event_type, 99):
        g.event_type, g.sub_event_type = f.event_type, f.sub_event_type
    if _better_date(f, g):
        g.date, g.precision, g.date_span, g.dated = f.date, f.precision, f.date_span, f.dated
    if len(g.defaults) > len(f.defaults) or (g.actor1 == "UNIDENTIFIED" != f.actor1 and not f.defaults):
        g.actor1, g.actor2, g.defaults, g.actor_spans = f.actor1, f.actor2, f.defaults, f.actor_spans
    elif "actor1" in g.defaults and "actor1" not in f.defaults and f.actor1 != g.actor2:
        # «قتل 35 مدنيا في غارات على حارم … غارات يرجح أن طائرات روسية نفذتها»: the retelling that
        # names the attacker fills the one the first telling lacked
        g.actor1, g.defaults = f.actor1, g.defaults - {"actor1"}
    if g.share > 1 and f.share == 1 and f.killed:
        # «غارات على بلدتي X وY قتلت 80» then «قتل 11 في Y»: the town's own toll is its best figure, the
        # shared one only its upper bound
        merged, g.share = f.killed + g.killed, 1
    else:
        if f.share > 1 and f.killed and not g.killed:
            g.share = f.share  # the shared toll stays shared when it is the only one
        # «ارتفعت حصيلة الضحايا إلى 60»: an update's larger count is the event's best figure
        later = f.update and max((c.value for c in f.killed), default=0) > max((c.value for c in g.killed), default=0)
        merged = f.killed + g.killed if later else g.killed + f.killed
    # «توقع قتلى» (several) in a headline, «ثمانية مدنيين» in the body: the counted toll says how many
    g.killed = [c for c in merged if not _several(c)] or merged
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


# How far from a battle a bombardment told only of an area («مناطق سيطرة التنظيم جنوبي دمشق») may fall
# and still be that battle's fire.
_BATTLE_KM = 10.0


def _battle_fire(f: Frame, g: Frame) -> bool:
    """Tells whether bombardment f is the fire of battle g: «ورافق القتال قصف مكثف على مناطق سيطرة التنظيم».

    ACLED codes one event per actor pair, place and day, and a battle takes precedence over the
    shelling and air strikes of the same fight; a strike on civilians, or on a village of its own,
    stays an event.
    """
    if f.event_type != "Explosions/Remote violence" or g.event_type != "Battles" or f.date != g.date:
        return False
    # the fire of a third party («طيران التحالف» over a fight of the army and the SDF) is its own event
    if "CIVILIANS" in (f.actor2, g.actor2) or not (f.actor1 in (g.actor1, g.actor2) or "actor1" in f.defaults):
        return False
    if _close(f.location, g.location):
        return True
    return f.location.geo_precision >= 2 and g.location.geo_precision < 3 and _close(f.location, g.location, _BATTLE_KM)


def _summarizes(f: Frame, g: Frame) -> bool:
    """Tells whether region-wide frame f may sum up town frame g: told of the same day, or of a day
    within ACLED's ±3-day window with no toll of its own that g does not share."""
    if not (g.date and f.date):
        return False
    gap = abs((g.date - f.date).days)
    if gap <= 1:
        return True
    return gap <= _SUMMARY_DAYS and (not f.killed or not {c.value for c in f.killed}.isdisjoint(
        c.value for c in g.killed))


# A toll this large told twice the same day is one happening told twice; small tolls recur by chance.
_TELLING_TOLL = 5
_HARM = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _retold_tolls(frs: list[Frame]) -> list[Frame]:
    """Folds a telling placed only by an earlier sentence into the event whose toll it repeats.

    «قتل 70 شخصا في هجوم كيماوي على دوما … وأكد الدفاع المدني أن الهجوم أسفر عن مصرع سبعين»: the
    second telling has no place of its own, so the place it borrowed is no evidence of another event.
    """
    out: list[Frame] = []
    for f in frs:
        told = {c.value for c in f.killed}
        host = next((g for g in out if f.place_span is None and g is not f and g.event_type in _HARM
                     and f.event_type in _HARM and g.date and f.date and abs((g.date - f.date).days) <= 1
                     and max(told, default=0) >= _TELLING_TOLL and told & {c.value for c in g.killed}), None)
        if host is None:
            out.append(f)
        else:
            host.claims.extend(c for c in f.claims if c not in host.claims)
    return out


def _counts(f: Frame, g: Frame) -> bool:
    """Tells whether toll update f may count event g: harmful both, a day apart at most, at one place named
    alone, one victim side.

    A governorate's or a listed towns' running toll («ارتفعت حصيلة القتلى في الغوطة إلى 52») sums many
    events; it updates none of them.
    """
    return g is not f and f.event_type in _HARM and g.event_type in _HARM and bool(g.date and f.date) and \
        abs((g.date - f.date).days) <= 1 and f.share == 1 and 3 not in (f.location.geo_precision,
        g.location.geo_precision) and _close(f.location, g.location) and g.actor2 == f.actor2


def _toll_updates(frs: list[Frame]) -> list[Frame]:
    """Folds a toll update into the event it counts, the larger toll first: «قتل 11 بغارات على دوما» then
    «ارتفعت حصيلة ضحايا القصف على دوما إلى 150» → one event of 150.

    The host is an event told as fact when the report has one, else the first update of that event.
    """
    gone: set[int] = set()
    for k, f in enumerate(frs):
        if not f.update:
            continue
        host = next((g for g in frs if not g.update and id(g) not in gone and _counts(f, g)), None) or \
            next((g for g in frs[:k] if id(g) not in gone and _counts(f, g)), None)
        if host is None:
            continue
        gone.add(id(f))
        _fold(host, f)
    return [f for f in frs if id(f) not in gone]


def _fire_into_battles(frs: list[Frame]) -> list[Frame]:
    """Folds each bombardment that is a battle's fire into that battle (see _battle_fire)."""
    battles = [g for g in frs if g.event_type == "Battles"]
    out = []
    for f in frs:
        g = next((b for b in battles if _battle_fire(f, b)), None)
        if g is None:
            out.append(f)
        else:
            g.killed.extend(f.killed)
            g.claims.extend(c for c in f.claims if c not in g.claims)
    return out


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
            gap = abs((g.date - f.date).days) if g.date and f.date else None
            # an undated retelling joins a dated telling within that telling's window («خلال الأيام
            # الماضية» is a week), unless their tolls tell them apart
            dated = g if f.dated == "published" else f
            # («several dead» tells nothing apart)
            undated = "published" in (f.dated, g.dated) and gap is not None and \
                gap <= _WINDOW.get(dated.precision, _WINDOW[1]) and not (
                    f.killed and g.killed and not any(map(_several, f.killed + g.killed)) and
                    {c.value for c in f.killed}.isdisjoint(c.value for c in g.killed))
            # «مقتل عنصر من حزب الله في الزبداني» told a day apart: one toll, one event
            same_toll = gap == 1 and f.killed and g.killed and \
                {c.value for c in f.killed} == {c.value for c in g.killed}
            if (same_day or undated or same_toll) and _same_pair(f, g):
                _fold(g, f)
                break
        else:
            out.append(replace(f, killed=list(f.killed), claims=list(f.claims)))
    out = _fire_into_battles(out)
    out = _retold_tolls(out)
    out = _toll_updates(out)
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
                and g.sent != f.sent and _summarizes(f, g) for g in specific):
            continue
        keep.append(f)
    return keep
