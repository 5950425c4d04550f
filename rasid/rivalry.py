"""Whether two accounts in a report tell one harm: same victims, place and day, set against each other."""
from __future__ import annotations

from math import cos, radians
from typing import TYPE_CHECKING

from .assemble import Frame, Sent
from .morph import cue_set
from .records import Location

if TYPE_CHECKING:  # an account is versions'; rivalry only reads its frame and claims
    from .versions import Account

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
INTERCEPTED = "Disrupted weapons use"
REACH = 2  # sentences back a denial or an announced account may refer to («ونفت الفصائل ذلك»)


def km(a: Location, b: Location) -> float:
    """Returns the distance between two places in km (flat-earth, fine at a town's scale)."""
    dy = (a.latitude - b.latitude) * 111.0
    dx = (a.longitude - b.longitude) * 111.0 * cos(radians((a.latitude + b.latitude) / 2))
    return (dx * dx + dy * dy) ** 0.5


def same_place(f: Frame, g: Frame) -> bool:
    """Tells whether two accounts place a harm at one spot: one town, or an area or region around it.

    Two named towns are two places however close (ACLED's one-place rule): «دوما» and «حمورية» are
    two events; a region, or a telling that names no place and takes the last one told, may be the
    town of the other telling.
    """
    a, b = f.location, g.location
    if a.place_id and a.place_id == b.place_id:
        return True
    if 3 in (a.geo_precision, b.geo_precision) or f.place_span is None or g.place_span is None:
        return km(a, b) <= 25.0
    # a name the gazetteer lacks is coded to a known place nearby: it may be that place
    return not (a.place_id and b.place_id) and km(a, b) <= 10.0


def same_time(f: Frame, g: Frame) -> bool:
    """Tells whether two tellings fall on one day, give or take a night («ليل السبت-الأحد»)."""
    if f.date is None or g.date is None:
        return True
    return abs((f.date - g.date).days) <= 1


def _announced(f: Frame, g: Frame, sents: list[Sent]) -> bool:
    """Tells whether g is one of the accounts f's sentence announces, told just after it with no day or place of its own.

    «قتل ثلاثة عناصر بانفجار قرب الخافية السبت، وسط روايات متضاربة … فبينما قالت صفحات إن طائرة
    استهدفت السيارة» → the pages' strike is of Saturday, the day of the blast they explain.
    """
    return g.dated == "published" and g.place_span is None and 0 < g.sent - f.sent <= REACH \
        and disputed_words(sents[f.sent])


def disputed_words(s: Sent) -> bool:
    """Tells whether a sentence sets accounts against each other: «في المقابل», «في حين», «غير أن», «تضاربت الروايات»."""
    cues = cue_set("dispute")
    if any(w in cues for w in s.words):
        return True
    return any((a in ("في", "وفي") and b == "حين") or (a in ("غير", "الا") and b == "ان")
               for a, b in zip(s.words, s.words[1:]))


def sources(a: Account) -> frozenset[str]:
    """Returns who asserts an account: «قال المرصد …» → {SOHR}."""
    return frozenset(c.source for c in a.claims if c.stance == "asserts")


# Kinds of harm one event may be told as: what exploded (a drone's missile, a shell, a mine, a bomb)
# or who shot whom; a chemical attack or a takeover is not mistaken for another kind.
_KIN = ({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
         "Suicide bomb", "Grenade"}, {"Attack", "Armed clash"})


def _kin(a: str, b: str) -> bool:
    """Tells whether two sub-types may be one harm told two ways: a drone's missile and a landmine → True."""
    return a == b or any(a in k and b in k for k in _KIN)


def victim_named(f: Frame, g: Frame) -> bool:
    """Tells whether f names only one party, with the other side guessed, and g names it as the victim.

    «قتل ثلاثة عناصر من قسد بانفجار» (one party named, its foe guessed) against «طائرة تركية
    استهدفت سيارة لقسد» (SDF the victim) → True: the named party is the victim of both tellings.
    """
    return "actor2" in f.defaults and "actor1" not in f.defaults and f.actor1 == g.actor2 != f.actor2


def _denials(a: Account, speaks_for: dict[str, str]) -> tuple[bool, bool]:
    """Tells whether an account is denied by its own perpetrator, and whether by anyone else."""
    own = other = False
    for c in a.claims:
        if c.stance == "denies":
            if speaks_for.get(c.source, c.source) == a.frame.actor1:
                own = True
            else:
                other = True
    return own, other


def _intercepted(a: Account, b: Account, sents: list[Sent]) -> bool:
    """Tells whether a is one source's interception of the weapons whose hit another source tells in b.

    «قالت سانا إن الدفاعات الجوية تصدت لعدوان إسرائيلي وأسقطت جميع الصواريخ … لكن مراسلنا أفاد بأن
    صواريخ إسرائيلية أصابت موقعا لحزب الله» → True: weapons of one attacker stopped and striking at
    one place on one day are two accounts of one strike; one voice telling both tells two events.
    """
    f, g = a.frame, b.frame
    # «تصدت الدفاعات الجوية لعدوان بالصواريخ» may leave the attacker unnamed: the strike names it
    if f.sub_event_type != INTERCEPTED or g.event_type != "Explosions/Remote violence" or \
            not (f.actor2 == g.actor1 or "actor2" in f.defaults):
        return False
    if not (same_place(f, g) and same_time(f, g)) or not sources(a).isdisjoint(sources(b)):
        return False
    # «شهداء وجرحى جراء العدوان … ودفاعاتنا الجوية تتصدى له»: a source counting the harm concedes the hit
    if any(c.kind in ("killed", "wounded") for c in sents[f.sent].casualties):
        return False
    return disputed_words(sents[f.sent]) or disputed_words(sents[g.sent])


def are_rivals(a: Account, b: Account, sents: list[Sent], speaks_for: dict[str, str]) -> bool:
    """Tells whether two accounts tell one harm differently: same victims, place and day, another
    perpetrator or kind, and something in the report that sets them against each other."""
    f, g = a.frame, b.frame
    if INTERCEPTED in (f.sub_event_type, g.sub_event_type):
        return _intercepted(a, b, sents) or _intercepted(b, a, sents)
    if f.event_type not in VIOLENT or g.event_type not in VIOLENT:
        return False
    pair_f, pair_g = {f.actor1, f.actor2}, {g.actor1, g.actor2}
    if f.actor2 != g.actor2 and pair_f != pair_g and not (victim_named(f, g) or victim_named(g, f)):
        return False  # not the same victims
    if f.actor1 == g.actor1 and f.sub_event_type == g.sub_event_type:
        return False
    # «اشتباكات بين النظام والفصائل» told from either side is one clash, not two accounts
    if pair_f == pair_g and f.sub_event_type == g.sub_event_type:
        return False
    if not (same_place(f, g) and (same_time(f, g) or _announced(f, g, sents) or _announced(g, f, sents))):
        return False
    own_a, other_a = _denials(a, speaks_for)
    own_b, other_b = _denials(b, speaks_for)
    if other_a or other_b:
        # a denial by someone else («نفى مراسلنا وقوع أي غارة», «نفت الفصائل صحة الإعلان») sets
        # the denied account against the other, whatever its kind
        return True
    if f.actor1 == g.actor1 or not _kin(f.sub_event_type, g.sub_event_type):
        # a party denying its own act does not make its strike and its clash one story
        return False
    if own_a or own_b:
        return True  # «نفى فيلق الرحمن مسؤوليته … فيما زعمت صفحات أن القذائف أطلقت من مواقع الجيش»
    if all(any(c.rule == "claim:responsibility" for c in x.claims) for x in (a, b)):
        return True  # two groups each claim the attack as theirs
    # two tellings in one voice are two events; two voices set against each other are versions
    return sources(a) != sources(b) and (disputed_words(sents[f.sent]) or disputed_words(sents[g.sent]))
