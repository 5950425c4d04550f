"""Disputed stories: the accounts a report gives of one harm become one event with its versions (EVENTS.md §2)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from math import cos, radians

from .assemble import Frame, Sent
from .find.claims import OUTLET, WITNESS, ClaimMention
from .lexicon import table
from .morph import cue_set
from .records import Location

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# A party's denial of its own act contests strikes and killings told of it (a battle has two
# parties that each tell it their way, so a denial there is one side's account, not a dispute).
_SELF_DENIABLE = frozenset({"Explosions/Remote violence", "Violence against civilians"})
# How far a report stands behind a source, best first: its own reporters and eyewitnesses, then
# named monitors and agencies, then the parties and their media, then anonymous pages and hearsay.
_OWN, _NAMED, _PARTY, _HEARSAY, _DENIED = 0, 1, 2, 3, 9
_PARTY_KINDS = frozenset({"state media", "belligerent media", "belligerent", "government"})
_HEARSAY_KINDS = frozenset({"social media"})
_REACH = 2  # sentences back a denial with no event of its own may refer to («ونفت الفصائل ذلك»)


@dataclass(frozen=True)
class Account:
    """One telling of a harm and the claims on it: «قالت صفحات موالية إن غارة إسرائيلية قتلت خمسة» → pages asserts."""

    frame: Frame
    claims: tuple[ClaimMention, ...]
    standing: int


@dataclass(frozen=True)
class Story:
    """One event as the report stands behind it (`top`) and the competing accounts of it (`rivals`)."""

    top: Account
    rivals: tuple[Account, ...] = ()
    contested: bool = False


def _pos(c: ClaimMention) -> int:
    return c.cue if c.cue >= 0 else c.first


def governing(s: Sent, first: int) -> list[ClaimMention]:
    """Returns the claims of sentence s that speak of the trigger at token `first`.

    One stance in the sentence covers all of it («قتل 5 مدنيين بحسب المرصد»); with several, the
    nearest claim before the trigger governs it: in «نفى المراسل وقوع غارة، مؤكدا أن الحاجز تعرض
    لهجوم» the denial governs «غارة» and the rebuttal from «مؤكدا» governs «هجوم».
    """
    cs = s.claims
    if len({c.stance for c in cs}) <= 1:
        return list(cs)
    before = [c for c in cs if _pos(c) < first]
    if not before:
        after = min(_pos(c) for c in cs)
        return [c for c in cs if _pos(c) == after]
    near = max(_pos(c) for c in before)
    # «قالت صفحات موالية وناشطون إن …»: sources sharing one cue speak together
    return [c for c in before if _pos(c) == near]


def attach(frs: list[Frame], sents: list[Sent]) -> None:
    """Gives each frame the claims that govern its trigger, so that folding retellings unites them."""
    for f in frs:
        s = sents[f.sent]
        # a telling no source is given for is the report's own: the outlet asserts it
        f.claims = governing(s, f.trigger.first) or [ClaimMention(s.lo, s.hi, OUTLET, "asserts", "claim:voice")]
    _retold(frs, sents)


def _retold(frs: list[Frame], sents: list[Sent]) -> None:
    """Gives a frame the sources of a later sentence that retells it without a frame of its own.

    «قتل ستة مدنيين بغارات على كنسبا. وأكد مراسلنا أن الغارات نفذتها مقاتلات روسية» → the
    correspondent asserts the strike told before (the same kind of act by the perpetrator named).
    """
    own = {f.sent for f in frs}
    for s in sents:
        if s.index in own or not s.claims:
            continue
        named = {a.actor for a in s.actors}
        for t in s.triggers:
            if t.polarity != "asserted":
                continue
            told = [f for f in frs if 0 < s.index - f.sent <= _REACH and f.event_type == t.event_type
                    and f.actor1 in named]
            if told:
                f = max(told, key=lambda f: f.sent)
                f.claims = f.claims + [c for c in governing(s, t.first) if c not in f.claims]
                break


def _km(a: Location, b: Location) -> float:
    dy = (a.latitude - b.latitude) * 111.0
    dx = (a.longitude - b.longitude) * 111.0 * cos(radians((a.latitude + b.latitude) / 2))
    return (dx * dx + dy * dy) ** 0.5


def _same_place(f: Frame, g: Frame) -> bool:
    """Tells whether two accounts place a harm at one spot: one town, or an area or region around it.

    Two named towns are two places however close (ACLED's one-place rule): «دوما» and «حمورية» are
    two events; a region, or a telling that names no place and takes the last one told, may be the
    town of the other telling.
    """
    a, b = f.location, g.location
    if a.place_id and a.place_id == b.place_id:
        return True
    if 3 in (a.geo_precision, b.geo_precision) or f.place_span is None or g.place_span is None:
        return _km(a, b) <= 25.0
    # a name the gazetteer lacks is coded to a known place nearby: it may be that place
    return not (a.place_id and b.place_id) and _km(a, b) <= 10.0


def _same_time(f: Frame, g: Frame) -> bool:
    """Tells whether two tellings fall on one day, give or take a night; a telling that names no day
    carries the report's date, which may be the day after («أمس»)."""
    if f.date is None or g.date is None:
        return True
    return abs((f.date - g.date).days) <= 1 + ("published" in (f.dated, g.dated))


def _disputed_words(s: Sent) -> bool:
    """Tells whether a sentence sets accounts against each other: «في المقابل», «في حين», «غير أن», «تضاربت الروايات»."""
    cues = cue_set("dispute")
    if any(w in cues for w in s.words):
        return True
    return any((a in ("في", "وفي") and b == "حين") or (a in ("غير", "الا") and b == "ان")
               for a, b in zip(s.words, s.words[1:]))


def _kinds() -> dict[str, str]:
    return {r["id"]: r.get("kind", "") for r in table("sources.tsv")}


def _standing(claims: tuple[ClaimMention, ...], kinds: dict[str, str]) -> int:
    """Ranks how far the report stands behind an account: its correspondent asserting → 0; only denied → 9."""
    asserting = [c for c in claims if c.stance == "asserts"]
    if not asserting:
        return _HEARSAY if any(c.stance == "uncertain" for c in claims) else _DENIED
    best = _HEARSAY
    for c in asserting:
        if c.source in (OUTLET, WITNESS):
            rank = _OWN
        elif c.source not in kinds:
            rank = _PARTY  # a party speaking for itself («نفت هيئة تحرير الشام») or an unlisted name
        else:
            kind = kinds[c.source]
            rank = _HEARSAY if kind in _HEARSAY_KINDS else _PARTY if kind in _PARTY_KINDS else _NAMED
        best = min(best, rank)
    return best


def _about_other(d: ClaimMention, f: Frame, sents: list[Sent], sent_of) -> bool:
    """Tells whether a denial speaks of another matter: its sentence dates or places something else.

    «نفت الوزارة ما ورد في تقرير صدر الشهر الماضي» does not deny today's strike.
    """
    s = sents[sent_of(d.first)]
    # what the denial speaks of runs from its verb to the next claim («مؤكدا أن …» says something else)
    lo = _pos(d)
    hi = min((_pos(c) for c in s.claims if _pos(c) > lo), default=s.hi + 1)
    if f.date is not None and any(abs((dm.value - f.date).days) > 1 for dm in s.dates
                                  if isinstance(dm.value, date) and lo <= dm.first < hi):
        return True
    places = [loc for pm, loc in s.places if loc.geo_precision < 3 and lo <= pm.first < hi]
    return bool(places) and f.location is not None and all(_km(loc, f.location) > 25 for loc in places)


def stories(frs: list[Frame], sents: list[Sent], denied: dict[str, list[ClaimMention]],
            speaks_for: dict[str, str]) -> list[Story]:
    """Groups the report's accounts of one harm into stories, the account it stands behind on top.

    Pages say an Israeli drone struck a checkpoint at المزيريب (5 killed); the outlet's correspondent
    denies any strike and tells of gunmen attacking it (3 killed) → one story: top = the gunmen's
    attack, rival = the drone strike, contested. An account only denied is never a story of its own.
    """
    kinds = _kinds()
    los = [s.lo for s in sents]

    def sent_of(tok: int) -> int:
        return max(0, bisect_right(los, tok) - 1)

    claims = [list(f.claims) for f in frs]
    for k, f in enumerate(frs):
        # a party that denies anywhere in the report contests the strikes told of it
        if f.event_type in _SELF_DENIABLE:
            for d in denied.get(f.actor1, ()):
                if d not in claims[k] and not _about_other(d, f, sents, sent_of):
                    claims[k].append(d)
    # «ونفت الفصائل صحة الإعلان»: a denial that tells no event of its own denies the account just told
    used = {c for cs in claims for c in cs}
    objects = cue_set("denied_object")
    for s in sents:
        for d in s.claims:
            if d.stance != "denies" or d in used or d.cue < 0:
                continue
            if not any(s.words[i - s.lo] in objects for i in range(d.cue, min(d.cue + 4, s.hi + 1))):
                continue
            told = [k for k, f in enumerate(frs) if f.event_type in VIOLENT
                    and 0 <= s.index - f.sent <= _REACH and f.trigger.first < _pos(d)
                    and not any(c.source == d.source for c in claims[k])]
            if told:
                k = max(told, key=lambda k: (frs[k].sent, frs[k].trigger.first))
                if not _about_other(d, frs[k], sents, sent_of):
                    claims[k].append(d)
    # the standing comes from the claims on the telling itself: a denial from elsewhere contests it
    # but does not unsay what the report told in its own voice
    accounts = [Account(f, tuple(cs), _standing(tuple(f.claims), kinds)) for f, cs in zip(frs, claims)]
    # best-backed accounts first: each later account joins the first story it is a rival of with
    # every member (no chains: two towns each disputed with a region are not one story)
    ranked = sorted(accounts, key=lambda a: (a.standing, a.frame.sent, a.frame.trigger.first))
    groups: list[list[Account]] = []
    for a in ranked:
        home = next((g for g in groups if all(_rivals(m, a, sents, speaks_for) for m in g)), None)
        if home is None:
            groups.append([a])
        else:
            home.append(a)
    out = []
    for members in groups:
        top = members[0]
        if top.standing == _DENIED:
            continue  # nobody in the report asserts it
        rivals = tuple(members[1:])
        contested = bool(rivals) or any(c.stance == "denies" for c in top.claims)
        out.append(Story(top, rivals, contested))
    # the report's order, as the frames came
    order = {id(f): k for k, f in enumerate(frs)}
    return sorted(out, key=lambda st: order[id(st.top.frame)])


def _sources(a: Account) -> frozenset[str]:
    return frozenset(c.source for c in a.claims if c.stance == "asserts")


# Kinds of harm one event may be told as: what exploded (a drone's missile, a shell, a mine, a bomb)
# or who shot whom; a chemical attack or a takeover is not mistaken for another kind.
_KIN = ({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
         "Suicide bomb", "Grenade"}, {"Attack", "Armed clash"})


def _kin(a: str, b: str) -> bool:
    return a == b or any(a in k and b in k for k in _KIN)


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


def _rivals(a: Account, b: Account, sents: list[Sent], speaks_for: dict[str, str]) -> bool:
    """Tells whether two accounts tell one harm differently: same victims, place and day, another
    perpetrator or kind, and something in the report that sets them against each other."""
    f, g = a.frame, b.frame
    if f.event_type not in VIOLENT or g.event_type not in VIOLENT:
        return False
    pair_f, pair_g = {f.actor1, f.actor2}, {g.actor1, g.actor2}
    if f.actor2 != g.actor2 and pair_f != pair_g:
        return False  # not the same victims
    if f.actor1 == g.actor1 and f.sub_event_type == g.sub_event_type:
        return False
    # «اشتباكات بين النظام والفصائل» told from either side is one clash, not two accounts
    if pair_f == pair_g and f.sub_event_type == g.sub_event_type:
        return False
    if not (_same_place(f, g) and _same_time(f, g)):
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
    # two tellings in one voice are two events; two voices set against each other are versions
    return _sources(a) != _sources(b) and (_disputed_words(sents[f.sent]) or _disputed_words(sents[g.sent]))
