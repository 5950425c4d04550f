"""Chooses the place an event happened at among the place names of its sentence."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .morph import cue_set
from .find.places import SHARED, PlaceMention
from .find.triggers import TriggerMention
from .records import Location
from .roles import span_of as _span_of

if TYPE_CHECKING:
    from .assemble import Sent

_WIDE = ("admin1", "admin2", "admin3", "region", "city")


def _feature(p: tuple[PlaceMention, Location]) -> str:
    return next((c.feature for c in p[0].candidates if c.place_id == p[1].place_id), "")


def _situates(outer: tuple[PlaceMention, Location], inner: tuple[PlaceMention, Location]) -> bool:
    """Tells whether a name right after another only says where that one is: «بلدة كفرنبل في إدلب», «X بريف حلب»."""
    (pm, loc), (ipm, iloc) = outer, inner
    if pm.first - ipm.last > 2 or pm.cue not in ("prep", "rural", "province", "near") or loc.place_id == iloc.place_id:
        return False
    # «ضاحية السيدة زينب قرب دمشق»: the capital's suburbs lie in the governorate around it
    if loc.admin1 and iloc.admin1 and {loc.admin1, iloc.admin1} - {"Damascus", "Rif Dimashq"} \
            and loc.admin1 != iloc.admin1:
        return False
    return loc.geo_precision > iloc.geo_precision or (_feature(outer) in _WIDE and _feature(inner) not in _WIDE)


def _finer(p: tuple[PlaceMention, Location], q: tuple[PlaceMention, Location]) -> bool:
    """Tells whether a place is narrower than another: «محيط بلدة خان طومان» (precision 2) than «محافظة حلب» (3)."""
    return p[0].cue not in ("rural", "province", "desert") and p[1].geo_precision < q[1].geo_precision


def _inside(p: tuple[PlaceMention, Location], region: tuple[PlaceMention, Location]) -> bool:
    """Tells whether a place is a town inside a governorate-wide name: «بادية الميادين» inside «وفي دير الزور،»,
    «محور بيت عوان» inside «ريف اللاذقية»."""
    (pm, loc), (rpm, rloc) = p, region
    wide = rpm.cue in ("rural", "province") or any(c.feature == "admin1" for c in rpm.candidates)
    return wide and pm.cue not in ("rural", "province") and bool(loc.admin1) and loc.admin1 == rloc.admin1 \
        and loc.place_id != rloc.place_id and _feature(p) not in ("admin1", "admin2")


def _between(a: PlaceMention, b: PlaceMention) -> tuple[str, ...]:
    """Returns the words between two place names, as far as the second one kept them: «ريف درعا الشرقي وبلدة
    الطيبة» → («الشرقي», «وبلده»)."""
    gap = b.first - a.last - 1
    return b.lead[len(b.lead) - gap:] if gap > 0 else ()


# a change of hands over «معظم محافظتي درعا والقنيطرة» sums up many local captures: ACLED codes the towns taken
_LOCAL_MOVES = frozenset({"TAKEOVER", "Non-violent transfer of territory"})


def _joins(prev: PlaceMention, p: PlaceMention, t: TriggerMention) -> bool:
    """Tells whether a name continues the list of the name before it: «دوما وحمورية» → True, and «قصف ريفي حماة
    وحلب» → True (the dual cue governs both, each a place of the event)."""
    return p.first - prev.last <= 2 and (p.cue == "listed" or (
        SHARED in p.rule and p.cue == prev.cue and t.sub_event_type not in _LOCAL_MOVES))


def _led_to(pm: PlaceMention) -> bool:
    """Tells whether a place is named as where a road leads: «الطريق الواصل إلى مطار دمشق» → True."""
    return len(pm.lead) >= 2 and pm.lead[-1] == "الي" and pm.lead[-2] in cue_set("leading")


def _accompanied(t: TriggerMention, s: Sent, place: int) -> bool:
    """Tells whether a companion event stands between a battle word and a place: «ترافقت الاشتباكات مع قصف لمناطق في قرية X» → True.

    The places after the companion («مع قصف», «وسط غارات») are where it fell; the fighting keeps the
    place told before it, or none.
    """
    if t.event_type != "Battles":
        return False
    companion = cue_set("accompany")
    return any(t.last < o.first < place and o.first - s.lo >= 1 and o.event_type != "Battles"
               and companion.intersection(s.words[max(0, o.first - s.lo - 2):o.first - s.lo])
               for o in s.triggers)


def _goal_at(t: TriggerMention, s: Sent) -> int | None:
    """Returns where a purpose clause after a trigger opens: «هجوما على بلدتين بهدف إيقاف هجومه ضد الزبداني» → the
    index of «بهدف»; None where the trigger's part of the sentence has none."""
    purpose = cue_set("purpose")
    hi = _span_of(s, t.first)[1]
    for i in range(t.last + 1, hi + 1):
        k = i - s.lo
        if s.words[k] in purpose or (k + 1 < len(s.words) and f"{s.words[k]} {s.words[k + 1]}" in purpose):
            return i
    return None


def _outside_goal(t: TriggerMention, s: Sent,
                  places: list[tuple[PlaceMention, Location]]) -> list[tuple[PlaceMention, Location]]:
    """Drops the places of a purpose clause after an act: «شنت الفصائل هجوما على أربع بلدات بهدف إيقاف هجوم
    القوات على الزبداني» → not الزبداني; the goal's place is where the act aims, not where it happened."""
    # «اتفاق لمنع الاقتتال في إدلب»: an agreement or truce is located where it applies, which its purpose names
    goal = _goal_at(t, s) if t.event_type != "Strategic developments" else None
    if goal is None:
        return places
    hi = _span_of(s, t.first)[1]
    return [p for p in places if not goal <= p[0].first <= hi]


def place_for(t: TriggerMention, s: Sent) -> list[tuple[PlaceMention, Location]]:
    """Returns the place(s) an event happened at: the nearest name after the trigger, with its list."""
    loyal = cue_set("allegiance")
    # «القوات الموالية لدمشق»: a capital after an allegiance word is a government, not a place
    places = [p for p in s.places if p[0].first - s.lo < 1 or s.words[p[0].first - s.lo - 1] not in loyal]
    if not places:
        return []
    # «… بهدف إيقاف هجومه ضد الزبداني»: the place of a goal is not where the act happened
    places = _outside_goal(t, s, places)
    # «قطعوا الطريق الواصل إلى مطار دمشق»: where a road leads is not where the event is
    after = [p for p in places if p[0].first > t.last and not _led_to(p[0])]
    if after and _accompanied(t, s, after[0][0].first):
        after = []
    before = [p for p in places if p[0].last < t.first]
    # «تعرض منطقة دوما لهجوم كيماوي، في حين لم تعثر روسيا على آثار هجوم في الغوطة»: a name after «في حين»,
    # «فيما», «بينما» belongs to the next part's telling; the trigger keeps the place named in its own part
    lo, hi = _span_of(s, t.first)
    if after and after[0][0].first > hi and any(p[0].first >= lo for p in before):
        after = []
    # «في بلدة X بريف Y»: Y only situates X; skip context names that follow a more specific one
    # «وفي جنوب مدينة درعا، تدور اشتباكات …»: a fronted «في» phrase places the sentence's event
    # (unless a town named after the trigger is more precise: «وفي محافظة حلب، … على بلدة أورم»)
    # («وفي دير الزور، … بإعدام ناشط في بادية الميادين»: a fronted governorate is the topic, not the place)
    if before and s.words and s.words[0] in ("في", "وفي") and before[0][0].first <= s.lo + 4 \
            and not any(p[0].cue == "settlement" or _finer(p, before[0]) or _inside(p, before[0]) for p in after):
        return [before[0]]
    pool = after or before[::-1]
    if not pool:
        # every name follows a companion event («ترافقت الاشتباكات مع قصف على قرية X»): the fighting has no place
        return []
    first = pool[0]
    group = [first]
    if first[0].cue == "between":
        return group
    if not after:
        # «تعرضت بلدة كفرنبل في إدلب لقصف»: the nearest name only situates the one before it
        k = len(before) - 1
        while k > 0 and _situates(before[k], before[k - 1]):
            k -= 1
        group = [before[k]]
        # «في مناطق دوما وحمورية وكفر بطنا جراء قصف»: the list before the trigger, read backwards
        for p in before[:k][::-1]:
            nxt = group[-1][0]
            if _joins(p[0], nxt, t):
                group.append(p)
            else:
                break
        return group[::-1]
    for p in after[1:]:
        prev = group[-1][0]
        if _joins(prev, p[0], t):
            group.append(p)
        elif p[0].cue not in ("rural", "province"):
            break
    if first[0].cue in ("rural", "province"):
        # «تصدت الكتائب في ريف اللاذقية لمحاولات التقدم على محور بيت عوان»: the region frames the
        # place named after it in the same telling
        hi = min([o.first for o in s.triggers if o.first > first[0].last] + [_span_of(s, t.first)[1] + 1])
        # («غارات على ريف درعا الشرقي وبلدة الطيبة»: a town joined by «و» is a second place, not a part)
        inner = [p for p in after[1:] if p[0].first < hi and _inside(p, first) and p[0].cue != "listed"
                 and not any(w.startswith("و") for w in _between(first[0], p[0]))]
        if inner:
            k = after.index(inner[0])
            group = [inner[0]]
            for p in after[k + 1:]:
                if p[0].cue != "listed" or p[0].first - group[-1][0].last > 2:
                    break
                group.append(p)
    return group
