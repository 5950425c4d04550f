"""Builds ACLED events from the mentions of each sentence: who, whom, where, when, how many."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from .morph import cue_set, cue_values
from .normalize import norm
from .find.actors import ActorMention
from .find.casualties import Casualty
from .find.claims import ClaimMention
from .find.dates import DISCOURSE, DateMention
from .find.framing import dateline_end, heard, named_cause, new_item, pointed_back, site_of
from .find.places import PlaceMention
from .gazetteer import distance_km
from .find.triggers import TriggerMention
from .placement import place_for
from .records import Location
from .roles import GOV_SIDE, STATE, resumes, default_actors as _default_actors, military_site as _military, \
    persons as _persons, pick_actors as _pick_actors, span_of as _span_of

# ACLED precedence: a lower number wins when tactics co-occur for the same actors, place and day.
PRECEDENCE = {s: i for i, s in enumerate([
    "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
    "Violent demonstration", "Mob violence", "Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance", "Agreement", "Arrests",
    "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other"])}


@dataclass
class Sent:
    """All mentions of one sentence (token indices), gathered for assembly."""

    index: int
    paragraph: int
    lo: int
    hi: int
    triggers: list[TriggerMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[tuple[PlaceMention, Location]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
    has_cue: bool = False
    foreign: bool = False
    since: bool = False
    background: bool = False
    words: list[str] = field(default_factory=list)
    unresolved: list = field(default_factory=list)


@dataclass
class Frame:
    """An event under construction, with the token spans that support each field."""

    sent: int
    event_type: str
    sub_event_type: str
    trigger: TriggerMention
    location: Location
    place_span: tuple[int, int] | None
    actor1: str
    actor2: str
    actor_spans: list[tuple[int, int]]
    date: date | None
    precision: int
    date_span: tuple[int, int] | None
    killed: list[Casualty]
    wounded: int | None
    captured: int | None
    claims: list[ClaimMention]  # the claims that govern the trigger (rasid.versions.attach)
    defaults: set[str]
    share: int = 1
    # where the date came from: "here" (this sentence), "carried" (an earlier one), "published"
    dated: str = "here"
    # «ارتفعت حصيلة ضحايا القصف إلى 20»: the toll of an event told, updated (rasid.consolidate folds it)
    update: bool = False


# Words that open a second, separate happening inside one sentence: «… قتل 20 مدنيا، في وقت يستعد
# الأكراد للتصدي لهجوم تركي»; a toll, actor or place on one side does not belong to a trigger on the other
# (data/cues/separate.tsv).


def _near(items, pos: int, lo: int, hi: int, key=lambda x: x.first):
    inside = [x for x in items if lo <= key(x) <= hi]
    return sorted(inside, key=lambda x: (abs(key(x) - pos), key(x) < pos))


def _resolve_sub(t: TriggerMention, s: Sent, actor1: str | None, victims: str | None) -> str:
    sub = t.sub_event_type
    if sub == "STRIKE":
        # «… وسط أنباء عن غارات روسية»: the air words of a rumour aside are not this strike's means
        air = any((x.strength == "air" or x.sub_event_type == "Air/drone strike") and x.polarity != "reference"
                  for x in s.triggers)
        air = air or any(a.kind == "air" for a in s.actors)
        # «… غارات روسية. وقتل 8 في قصف على البلدة»: the air strikes told just before go on, unless a
        # non-state force fires (rasid/find/triggers.py)
        air = air or (t.carried == "Air/drone strike" and (actor1 is None or actor1 in STATE))
        return "Air/drone strike" if air or actor1 in ("RUS", "COALITION") \
            else "Shelling/artillery/missile attack"
    if sub == "TAKEOVER":
        return "Government regains territory" if actor1 in GOV_SIDE or actor1 is None \
            else "Non-state actor overtakes territory"
    if sub == "SHOOT":
        return "Attack" if victims == "civilians" else "Armed clash"
    if sub == "DETAIN":
        return "Arrests" if actor1 in STATE or actor1 in GOV_SIDE else "Abduction/forced disappearance"
    return sub


def _event_type(sub: str, fallback: str) -> str:
    if sub in ("Attack", "Abduction/forced disappearance", "Sexual violence"):
        return "Violence against civilians"
    if sub == "Armed clash":
        return "Battles"
    if sub in ("Arrests",):
        return "Strategic developments"
    return fallback


_MOVES = {"TAKEOVER", "Non-violent transfer of territory"}
# «48 بالمئة»: data/cues/percent.tsv


def _moves_somewhere(t: TriggerMention, s: Sent) -> bool:
    """Tells whether a takeover names the place taken: «سيطرت على بلدة X», not «استعادت قوتها».

    A share of a region («السيطرة على 48 بالمئة من الغوطة») is a progress summary, not an event.
    """
    ahead = [p for p, _ in s.places if 0 < p.first - t.last <= 8]
    if not ahead:
        return False
    return not any(w in cue_set("percent") for w in s.words[t.last + 1 - s.lo:ahead[0].first - s.lo])


# «بسبب/جراء القصف» names the cause of a toll the sentence tells; without one it refers back
_CAUSE = frozenset(norm(w) for w in {"بسبب", "جراء"})
# «ردا على», «التحقيق في»: data/cues/refers.tsv


def _name_attacker(usable: list[TriggerMention], s: Sent, out: list[Frame]) -> tuple | None:
    """Gives an earlier event the attacker a retelling names: «وقال ناشطون إن طائرات روسية شنت الغارات»; else
    returns (sentence, paragraph, doer, span) of an attack told with its doer only: «تعرض الحاجز لهجوم نفذه مسلحون»."""
    told = None
    for t in usable:
        actor1, _, spans = _pick_actors(t, s, None)
        if not t.definite or not out:
            told = told or ((s.index, s.paragraph, actor1, spans[:1]) if actor1 and not t.definite else None)
            continue
        f = out[-1]
        if (actor1 and "actor1" in f.defaults and f.event_type == t.event_type
                and s.index - f.sent <= 2 and actor1 != f.actor2):
            f.actor1 = actor1
            f.defaults = f.defaults - {"actor1"}
            f.actor_spans = f.actor_spans + spans[:1]
            return None
    return told


def _told_before(t: TriggerMention, s: Sent) -> bool:
    """Tells whether a definite trigger noun refers back: «قتلوا في الاشتباكات», «ردا على الهجوم»."""
    k = t.first - s.lo
    word = s.words[k]
    # «خلال الاشتباكات الأخيرة», «القصف ذاته»: a word pointing back at a known happening, unless the
    # sentence counts dead of its own
    after = s.words[t.last + 1 - s.lo] if t.last + 1 - s.lo < len(s.words) else ""
    if after in cue_set("told_adj") and after != "اخيرا" and not any(c.kind == "killed" for c in s.casualties):
        return True
    if s.dates:
        return False
    # «حتى اندلاع المعارك الحالية»: the fighting going on at large, undated
    if after in cue_set("current") and not any(c.kind == "killed" for c in s.casualties):
        return True
    before = s.words[max(0, k - 2):k]
    # «ردا على الهجوم الكيماوي», «التحقيق في الهجوم»: the attack is already known
    if any(w in cue_set("refers") for w in before):
        return True
    # «وتخوض المعارك إلى جانب القوات»: the fighting a side takes part in, its role in the war
    if k > 0 and s.words[k - 1] in cue_set("partake"):
        return True
    if k > 0 and s.words[k - 1] in _CAUSE and not any(c.kind == "killed" for c in s.casualties):
        return True
    prep = word[:1] in "بل" or (k > 0 and s.words[k - 1] in ("في", "خلال", "جراء", "اثر", "بعد"))
    if t.event_type == "Battles" and prep:
        return True
    # «خلال المعارك والغارات»: a definite conjunct shares what its first conjunct points back to
    return word.startswith("وال") and any(
        o.last == t.first - 1 and o.definite and o is not t and _told_before(o, s) for o in s.triggers)


def _heard_only(t: TriggerMention, s: Sent, tolls: list[Casualty]) -> bool:
    """Tells a happening told only as a sound heard, with no place of its own: «وسمع في دوما دوي الغارات من
    البلدات المجاورة» → True; «سمع دوي انفجارين في منطقة الكسورة» → False.

    The hearer's place is not the happening's once the sound comes «من» elsewhere, and a sound with no
    place at all («سمع دوي انفجار») places nothing.
    """
    if tolls or not heard(s.words, t.first - s.lo) or any(p.first > t.last for p, _ in s.places):
        return False
    k = t.last + 1 - s.lo
    return not s.places or (k < len(s.words) and s.words[k] == _FROM)


_FROM = norm("من")
# «صواريخ على الأقل، أطلقتها طائرات»: how far after a weapon word the verb naming its shooter may stand
_SHOOTER_REACH = 3


def _shot_by(t: TriggerMention, s: Sent) -> bool:
    """Tells a weapon word followed by a verb that resumes it with a named shooter: «صواريخ أطلقتها طائرات» → True."""
    k = t.last + 1 - s.lo
    return any(resumes(w) for w in s.words[k:k + _SHOOTER_REACH])


def _past_period(words: list[str]) -> bool:
    """Tells whether a sentence names a past period with no day: «قصف مطار الشعيرات العام الماضي» → True."""
    role = cue_values("past_period", "role")
    return any(role.get(w) == "unit" and role.get(nxt) == "past" for w, nxt in zip(words, words[1:]))


def _lead_up(t: TriggerMention, s: Sent, tolls: list[Casualty]) -> bool:
    """Tells whether battles are told as what led up to another happening: «نازحين لجأوا إليها بعد معارك» → True.

    «سيطر على القرية إثر اشتباكات» codes the takeover; the fighting before it is no second event,
    nor is it one when the sentence counts no dead of its own («قتل 5 بعد اشتباكات» stays an event).
    """
    k = t.first - s.lo
    if t.event_type != "Battles" or t.definite or t.sub_event_type == "TAKEOVER" or k < 1:
        return False
    if s.words[k - 1] not in cue_set("lead_up"):
        # «في أعقاب شن القوات التركية هجوما»: the attack is the object of a verbal noun the lead-up word governs
        launch = cue_set("launch")
        j = next((j for j in range(k - 1, max(0, k - 1 - _LAUNCH_REACH), -1) if s.words[j] in launch), 0)
        if j < 1 or s.words[j - 1] not in cue_set("lead_up") or not cue_set("clause_cut").isdisjoint(s.words[j + 1:k]):
            return False
    return not tolls or any(o.first < t.first and o.polarity == "asserted" for o in s.triggers)


# «شن القوات التركية هجوما»: how far a verbal noun of launching may stand before the attack it governs
_LAUNCH_REACH = 5


# «القرى القريبة من درعا»: how far a place may lie from the place that situates it
_SITUATED_KM = 30.0


def _close_by(a: Location, b: Location) -> bool:
    """Tells whether two located places lie within reach of each other: دوما and دمشق (11 km) → True."""
    return None not in (a.latitude, b.latitude) and \
        distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= _SITUATED_KM


def _said_of(t: TriggerMention, s: Sent, tolls: list[Casualty]) -> bool:
    """Tells a definite event noun in reported speech whose sentence dates only the saying: «وقال الوزير الخميس
    إن الهجوم الكيماوي دفعنا» → True; «وقال المرصد الخميس إن القصف قتل 5» (a toll: a report) → False."""
    if not t.definite or tolls or not s.dates:
        return False
    k = t.first - s.lo
    v = next((j for j in range(k) if s.words[j] in cue_set("speech")), None)
    # the noun opens what is said («الخميس إن الهجوم»), not the object of a verb inside it («إن الجيش ألقى البراميل»)
    return v is not None and all(v < d.first - s.lo and d.last < t.first for d in s.dates) and \
        t.first - max(d.last for d in s.dates) <= _SAID_REACH


# «الخميس "طبعا الهجوم الكيميائي …"»: how far after the saying's date the event noun it talks of opens
_SAID_REACH = 3


def _situates(pm: PlaceMention, s: Sent) -> bool | None:
    """Tells what a place situates: «المدينة الواقعة قرب دمشق» → True (a town told before), «مستودع الواقع
    قرب دمشق» → False (a thing), «في دمشق» → None (it situates nothing)."""
    k = pm.first - s.lo
    j = next((j for j in range(k - 1, max(-1, k - 3), -1)
              if s.words[j] in cue_set("situating") and s.words[j].startswith(("ال", "وال"))), None)
    if j is None:
        return None
    return j > 0 and s.words[j - 1] in cue_set("town") and s.words[j - 1].startswith("ال")


_LOCAL_ONLY = frozenset({"Agreement", "Non-violent transfer of territory"})
_NEW_TOPIC = frozenset({norm("وفي")})


# «بينهم 11 شخصا في مدينة درعا»: how far before a place the figure of a «بينهم» aside may stand
_PART_REACH = 6
_SUBSET = frozenset(norm(w) for w in {"بينهم", "منهم", "بينهن", "منهن"})


def _part_toll(s: Sent, pm: PlaceMention) -> int | None:
    """Returns the figure of a «بينهم N … في X» aside that places part of a toll at the event's place:
    «قتل 20 شخصا، بينهم 11 شخصا في مدينة درعا» → 11 for درعا."""
    k = pm.first - s.lo
    words = s.words[max(0, k - _PART_REACH):k]
    for j in range(len(words) - 2, -1, -1):
        if words[j] in _SUBSET:
            figure, rest = words[j + 1], words[j + 2:]
            return int(figure) if figure.isdigit() and "في" in rest else None
    return None


def _toll_for(t: TriggerMention, s: Sent, tolls: list[Casualty]) -> list[Casualty]:
    """Orders the tolls a trigger may take, best first: «قتل 64 مدنيا جراء غارات على X، و11 جراء الغارات على Y»
    gives each caused trigger the toll told before it (data/cues/cause.tsv), else the nearest."""
    near = _near(tolls, t.first, *_span_of(s, t.first))
    # «… مقتل 78 مدنيا خلال اليومين الماضيين" وفي حلب صدت المعارضة هجوما»: a fronted «وفي» opens a new
    # clause; a toll on its other side is another happening's
    near = [c for c in near if not _NEW_TOPIC.intersection(
        s.words[min(c.last, t.last) + 1 - s.lo:max(c.first, t.first) - s.lo])]
    k = t.first - s.lo
    if k > 0 and s.words[k - 1] in cue_set("cause"):
        before = [c for c in near if c.last < t.first]
        return before + [c for c in near if c.last >= t.first]
    return near


# How far after a trigger its object may name the places it aims at: «قصف قوات النظام العديد من المدن».
_OBJECT_REACH = 5


def _at_large(t: TriggerMention, s: Sent) -> bool:
    """Tells whether a trigger aims at towns or provinces at large: «قصف قوات النظام العديد من المدن السورية» → True."""
    k = t.last + 1 - s.lo
    return not cue_set("many_places").isdisjoint(s.words[k:k + _OBJECT_REACH])


def _unlisted(t: TriggerMention, s: Sent, pm: PlaceMention, loc: Location) -> Location:
    """Names the event's place as written when the gazetteer lacks it, coded to the known place
    that situates it: «قصف قرية الأباغوز بريف دير الزور» → «الأباغوز» at ريف دير الزور."""
    between = [u for u in s.unresolved if t.last < u.first < pm.first and pm.first - u.last <= 4]
    if not between:
        return loc
    u = between[0]
    return replace(loc, name=u.text, place_id=None, geo_precision=max(loc.geo_precision, 2),
                   reason=f"unresolved: «{u.text}» {u.why}; coded to {loc.name} "
                          f"({loc.reason})")


def _from_last(d: DateMention, cur: tuple | None) -> DateMention:
    """Resolves «في اليوم التالي» / «اليوم السابق» / «في اليوم نفسه» against the last date told."""
    if not d.rule.startswith(DISCOURSE):
        return d
    unit, _, n = d.rule[len(DISCOURSE):].partition(":")
    if cur is None or cur[0] is None:
        return d
    shift = {"after": 1, "before": -1}.get(unit, 0) * int(n or 0)
    return replace(d, value=cur[0] + timedelta(days=shift), precision=cur[1])


def _own_place(t: TriggerMention, s: Sent) -> bool:
    """Tells whether a trigger's part of the sentence names a place of its own."""
    lo, hi = _span_of(s, t.first)
    return any(lo <= p.first <= hi for p, _ in s.places)


def _broad(f: Frame, s: Sent) -> bool:
    """Tells whether a frame sits at a region or governorate: «شرقي محافظة دير الزور», «ريف درعا»."""
    if f.location.geo_precision == 3:
        return True
    pm = next((p for p, _ in s.places if (p.first, p.last) == f.place_span), None)
    return pm is not None and (pm.cue in ("rural", "province") or pm.key.startswith(("محافظه", "المحافظه")))


def _narrowest(fs: list[Frame], s: Sent) -> list[Frame]:
    """Drops a sentence's frame at a governorate when the same kind of event is placed in a town of it.

    «هجوم على قسد شرقي محافظة دير الزور … السيطرة على هجين» is one battle at Hajin; a region with
    its own toll («عشرة في ريف درعا وسبعة في الطيبة») stays a separate count.
    """
    fine = [f for f in fs if not _broad(f, s)]
    return [f for f in fs if not (
        _broad(f, s) and not f.killed and any(
            g.event_type == f.event_type and g.location.admin1 == f.location.admin1 for g in fine))]


@lru_cache(maxsize=1)
def _reactions() -> frozenset[str]:
    """Returns the forms of verbs of reaction: «وأثار», «أدانت», «تندد» …"""
    return cue_set("evoke") | cue_set("condemn")


def frames(sents: list[Sent], published: date | None) -> list[Frame]:
    """Turns each asserted trigger into frames, one per place it names (ACLED's one-place rule)."""
    out: list[Frame] = []
    last_place: tuple[PlaceMention, Location] | None = None
    last_date: date | None = None  # the day of the event told at last_place
    place_par, abroad = -1, False  # the paragraph of last_place; whether this paragraph's anchor is abroad
    last_par = -1
    cur_date: tuple[date, int, tuple[int, int] | None] | None = None
    told_in = -1
    # the narrative a clause continues: the date of the paragraph's last event that had one, and its sentence
    # («وأفاد المرصد أمس بمقتل سبعة الاثنين … وأشار إلى اشتباكات …»: the clashes are Monday's, not the telling's)
    narrative: tuple[date, int, tuple[int, int] | None] | None = None
    narrated_in = -1
    doer: tuple | None = None  # an attack's doer told in a sentence that codes no event (_name_attacker)
    for s in sents:
        if s.paragraph != last_par:
            last_par = s.paragraph
            # a date carried into a new paragraph is more often stale than right
            cur_date = narrative = None
            abroad = s.foreign
        if s.index == 0 and (filed := dateline_end(s.words)) > 0:
            # «أتلانتا، الولايات المتحدة (CNN)--»: where the report was filed names no actor and no place
            cut = s.lo + filed
            s.actors = [a for a in s.actors if a.first > cut]
            s.places = [p for p in s.places if p[0].first > cut]
        # «منذ 18 شباط» dates a campaign's start: the sentence tells an ongoing campaign, not one event
        # («منذ صباح اليوم», «منذ فجر أمس» is today's fighting, still going on)
        started = [d for d in s.dates if d.since and not (
            published and d.precision == 1 and 0 <= (published - d.value).days <= 1)]
        if started and len(started) == len(s.dates):
            continue
        # «السيطرة على المطار عام 2015»: a year alone places nothing on a day a coder could use
        if s.dates and all(d.rule == "date:year" for d in s.dates):
            continue
        s.dates = [d for d in s.dates if d not in started]
        # «تعرضت دوما لغارات … على المدينة الواقعة قرب دمشق»: a place that only situates another (one the
        # sentence names near it, or «المدينة» of the report, told and placed before) is not where the event
        # happened; a town told but not placed («بلدة X في ريف درعا», X unknown) is best placed by its locator
        if situating := [p for p in s.places if _situates(p[0], s) is not None]:
            kept = [p for p in s.places if p not in situating]
            told = last_place is not None and last_place[1].geo_precision < 3
            if all(any(_close_by(loc, k) for _, k in kept) or (told and _situates(p, s)) for p, loc in situating):
                s.places = kept
        s.dates = [_from_last(d, cur_date) for d in s.dates]
        if s.dates:
            d = s.dates[0]
            cur_date = (d.value, d.precision, (d.first, d.last))
            told_in = s.index
        # a date told after the last event opens the narrative; told beside it, the event's date wins
        carry = narrative if narrative is not None and narrated_in >= told_in else cur_date
        places_here = s.places
        if s.foreign:
            # a sentence about a place abroad keeps its events at its own places (rasid/world.py): the
            # foreign ones, or a Syrian town it names with a cue; never one told elsewhere in the report
            s.places = places_here = [(p, loc) for p, loc in places_here
                                      if p.rule.startswith("world:") or p.cue in ("settlement", "listed")]
            if not places_here:
                continue
        # «ونفت الدفاع الروسية أن تكون طائراتها قصفت …»: a sentence that only reports a denial
        # asserts no event; with another source asserting it, the event stands, contested
        if s.claims and all(c.stance == "denies" for c in s.claims) and \
                min(c.first for c in s.claims) < min((t.first for t in s.triggers), default=0):
            continue
        tolls = [c for c in s.casualties if c.kind == "killed"]
        if any(c.value > 500 for c in tolls):
            continue  # a cumulative toll («مقتل 1500 مدني منذ بدء الحملة») is not one event
        # «منذ 18 شباط», «وكانت ... قد», «العام الماضي»: a campaign or background summary needs its own date
        if (s.since or s.background or _past_period(s.words)) and not s.dates:
            continue
        specific = bool(tolls or s.dates or any(p.cue in ("settlement", "listed", "near", "between", "area")
                                                  for p, _ in places_here))
        usable = [t for t in s.triggers if t.polarity == "asserted" and t.strength != "air"
                  and not any(a.first <= t.first <= a.last for a in s.actors)]
        usable = [t for t in usable if not _lead_up(t, s, tolls)]
        # «القصف على مناطق الاشتباك»: a happening named as a site is one already told; «تعذر ذلك بسبب القصف»,
        # «نزحوا هربا من القصف»: one named as a cause, with no toll or place after it, is the war at large
        usable = [t for t in usable if not site_of(s.words, t.first - s.lo) and not _heard_only(t, s, tolls)
                  and not (not tolls and named_cause(s.words, t.first - s.lo)
                           and not any(p.first > t.last for p, _ in s.places))]
        # «وتأتي هذه الغارات غداة مقتل …»: an event a demonstrative points back to was told before; it
        # stands only as the sole event of a sentence that adds its toll («وقتل 42 جنديا في هذا القصف»)
        back = [t for t in usable if pointed_back(s.words, t.first - s.lo) and not (
            tolls and not any(o is not t and o.polarity == "asserted" for o in s.triggers))]
        usable = [t for t in usable if t not in back]
        # «وأثار الهجوم مخاوف الأهالي»: a definite event noun a verb of reaction governs is the event of
        # its kind the report told before, not a new one
        react = _reactions()
        usable = [t for t in usable if not (t.definite and t.first > s.lo and s.words[t.first - 1 - s.lo] in react
                                            and any(f.event_type == t.event_type for f in out))]
        # «وقال ماكرون الخميس إن الهجوم الكيميائي دفعنا»: an event a speaker talks of is the one of its kind
        # the report told before, not a new one on the day of the saying
        # (the latest such event wins: later frames overwrite earlier ones in the mapping)
        said = {id(t): f for t in usable if _said_of(t, s, tolls)
                for f in out if f.sub_event_type == t.sub_event_type and f.dated == "here"}
        strong = [t for t in usable if t.strength == "strong"]
        # «الهجوم», «الهجمات»: a definite weak trigger points back to an event told elsewhere
        # unless the sentence itself places, dates and counts it («الهجمات على الهبيط الأحد قتلت طفلا»)
        # «تمكن من السيطرة على بلدة هجين»: a takeover noun names its own place (checked below);
        # «المقتولين في الاشتباكات»: «the clashes» after a preposition are the ones told before
        usable = [t for t in usable if not t.definite or (t.strength == "strong" and not _told_before(t, s))
                  or t.sub_event_type == "TAKEOVER" or (tolls and s.dates and places_here)]
        # a weak word beside a strong trigger («قصفه … قناص على سطحه») is detail of that event,
        # unless it sits in another part of the sentence («…، فيما قصفت الطائرات …»)
        if strong:
            parts = {_span_of(s, t.first) for t in strong}
            usable = [t for t in usable if t.strength == "strong" or (
                _span_of(s, t.first) not in parts and _own_place(t, s))]
        if not strong and not any(t.strength == "strong" for t in back):
            # «سقط صاروخان إسرائيليان قرب مطار دمشق»: a weapon with its shooter named is an attack
            # «صواريخ أطلقتها طائرات حربية إسرائيلية»: a resuming verb names the shooter just as well
            usable = [t for t in usable if tolls or (s.dates and places_here) or (places_here and (
                any(a.kind == "nisba" and 0 < a.first - t.last <= 1 for a in s.actors) or _shot_by(t, s)))]
        if not specific:
            doer = _name_attacker(usable, s, out)
            usable = []
        chosen: dict[tuple, Frame] = {}
        # «ارتفعت حصيلة الغارات في العملية الجارية على الغوطة إلى مئة»: a region's running toll of a campaign
        running = not cue_set("ongoing").isdisjoint(s.words)
        for t in usable:
            if t.sub_event_type in _MOVES and not _moves_somewhere(t, s):
                continue
            group = place_for(t, s)
            if not group:
                # a paragraph that opens abroad («وفي غزة، …») takes no Syrian place from another paragraph
                if last_place is None or not (tolls or t.strength == "strong") or _at_large(t, s) or \
                        new_item(s.dates, s.lo, last_date) or (abroad and place_par != s.paragraph):
                    continue
                # «قتلوا خلال اشتباكات الأربعاء» after a paragraph about a month before: a place told for
                # another time in another paragraph is not this event's place (a week: precision 2's reach)
                own = _near(s.dates, t.first, s.lo, s.hi)
                if place_par != s.paragraph and own and last_date is not None \
                        and abs((own[0].value - last_date).days) > 7:
                    continue
                group = [last_place]
            toll = _toll_for(t, s, tolls)
            victims = toll[0].victims if toll else None
            military = _military(group)
            if victims == "civilians" and _persons(toll[0], s) and (military or (
                    t.sub_event_type == "Armed clash" and t.strength == "strong")):
                # «مقتل 14 شخصا» at an airbase, «11 شخصا قتلوا خلال المعارك»: not known to be civilians
                victims = None
            actor1, actor2, spans = _pick_actors(t, s, victims, military)
            if actor1 is None and doer and doer[:2] == (s.index - 1, s.paragraph) and doer[2] != actor2:
                # «تعرض الحاجز لهجوم نفذه مسلحون. وأسفر الهجوم عن مقتل ثلاثة»: the doer of the sentence before
                actor1, spans = doer[2], doer[3] + spans
            sub = _resolve_sub(t, s, actor1, victims)
            etype = _event_type(sub, t.event_type)
            actor1, actor2, defaults = _default_actors(etype, sub, actor1, actor2, victims,
                                                       bool(toll), military)
            dm = _near(s.dates, t.first, s.lo, s.hi)
            dated = "here"
            if id(t) in said:
                # the saying's day is not the event's: it is the event of its kind told before, and folds into it
                told = said[id(t)]
                dv, prec, dspan = told.date, told.precision, told.date_span
                dated = "carried"
            elif dm:
                dv, prec, dspan = dm[0].value, dm[0].precision, (dm[0].first, dm[0].last)
            elif carry is not None and carry[0] is not None:
                dv, prec, dspan = carry
                dated = "carried"
            else:
                dv, prec, dspan = published, 1, None
                dated = "published"
            part_lo = _span_of(s, t.first)[0]
            own_date = bool(dm) and dm[0].first >= part_lo
            # «… غداة المجزرة التي ارتكبتها القوات أول من أمس»: a date inside the clause is its own
            if part_lo > s.lo and s.words[part_lo - 1 - s.lo] == "غداه" and dv is not None and not own_date:
                # «وتأتي هذه الغارات غداة مقتل 20 مدنيا في غارة …»: the day before the main telling
                dv -= timedelta(days=1)
            for pm, loc in group:
                # ACLED's agreements and handovers are local (an evacuation deal for a town, a village
                # handed over), not region-wide («انسحبت من قرى على الضفة الشرقية للفرات»)
                if sub in _LOCAL_ONLY and loc.geo_precision == 3:
                    continue
                update = bool(toll) and any(w in cue_set("toll_noun") for w in s.words[:t.first - s.lo])
                if update and running and loc.geo_precision == 3:
                    continue
                loc = _unlisted(t, s, pm, loc) if len(group) == 1 else loc
                key = (loc.place_id, round(loc.latitude, 2), round(loc.longitude, 2))
                killed = toll[:1]
                part = _part_toll(s, pm) if toll and len(group) == 1 else None
                if part is not None and part < toll[0].value:
                    # «قتل 20 شخصا بينهم 11 في مدينة درعا»: the town's share is its best figure
                    killed = [replace(toll[0], value=part, rule=toll[0].rule + "+part"), toll[0]]
                f = Frame(s.index, etype, sub, t, loc,
                          (pm.first, pm.last) if pm in [g[0] for g in s.places] else None,
                          actor1, actor2, spans, dv, prec, dspan, killed, None, None, [],
                          defaults, share=len(group), dated=dated, update=update)
                wounded = [c for c in s.casualties if c.kind == "wounded"]
                captured = [c for c in s.casualties if c.kind == "captured"]
                f.wounded = max((c.value for c in wounded), default=None)
                f.captured = max((c.value for c in captured), default=None)
                old = chosen.get(key)
                rank, old_rank = PRECEDENCE.get(sub, 99), PRECEDENCE.get(
                    old.sub_event_type, 99) if old else 99
                # at one place, the higher-precedence tactic wins; at equal rank, the counted telling
                if old is None or rank < old_rank or (rank == old_rank and f.killed and not old.killed):
                    if old is not None and not f.killed:
                        f.killed = old.killed
                    chosen[key] = f
        out.extend(_narrowest(list(chosen.values()), s))
        anchored = [f for f in chosen.values() if f.dated != "published" and f.date is not None]
        if anchored:
            narrative = (anchored[-1].date, anchored[-1].precision, anchored[-1].date_span)
            narrated_in = s.index
        made = [f for f in chosen.values() if f.place_span is not None]
        if made:
            last_place = next(p for p in s.places if (p[0].first, p[0].last) == made[0].place_span)
            last_date, place_par = made[0].date, s.paragraph
        elif places_here and not chosen:
            last_place = places_here[0]
            last_date, place_par = s.dates[0].value if s.dates else None, s.paragraph
    return out
