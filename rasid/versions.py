"""Disputed stories: the accounts a report gives of one harm become one event with its versions (EVENTS.md §2)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .assemble import Frame, Sent
from .find.claims import OUTLET, WITNESS, ClaimMention
from .lexicon import table
from .morph import cue_set
from .roles import default_actors, told_doer
from .rivalry import INTERCEPTED, REACH as _REACH, VIOLENT, are_rivals, disputed_words, km, same_time, sources, victim_named
from .tellings import claimants, claimed_toll, claimed_victim, pos as _pos, reaches, told_kind

# A party's denial of its own act contests strikes and killings told of it (a battle has two
# parties that each tell it their way, so a denial there is one side's account, not a dispute).
_SELF_DENIABLE = frozenset({"Explosions/Remote violence", "Violence against civilians"})
# How far a report stands behind a source, best first: its own reporters and eyewitnesses, then
# named monitors and agencies, then the parties and their media, then anonymous pages and hearsay.
_OWN, _NAMED, _PARTY, _HEARSAY, _DENIED = 0, 1, 2, 3, 9
_PARTY_KINDS = frozenset({"state media", "belligerent media", "belligerent", "government"})
_HEARSAY_KINDS = frozenset({"social media"})


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


@lru_cache(maxsize=1)
def _cut_words() -> frozenset[str]:
    # «مؤكدا», «مشيرا» go on with the same speaker; only a contrast or another event ends a claim's reach
    return cue_set("clause_cut") - cue_set("rebuttal")


def _cuts(s: Sent) -> list[int]:
    """Returns where a contrasting or simultaneous clause opens («فيما», «بينما», «في وقت»): a claim's reach ends there."""
    cut = _cut_words()
    out = [s.lo + k for k, w in enumerate(s.words) if w in cut]
    return out + [s.lo + k for k, w in enumerate(s.words) if w == "وقت" and k and s.words[k - 1] in ("في", "وفي")]


def governing(s: Sent, first: int) -> list[ClaimMention]:
    """Returns the claims of sentence s that speak of the trigger at token `first`.

    One source in the sentence covers all of it («قتل 5 مدنيين بحسب المرصد»); with several, each
    claim reaches from its cue to the next claim or clause: in «نفى المراسل وقوع غارة، مؤكدا أن
    الحاجز تعرض لهجوم» the denial governs «غارة» and the rebuttal from «مؤكدا» governs «هجوم»; in
    «نفت روسيا مسؤوليتها، في وقت قصفت قوات النظام المخيم» the denial does not reach the shelling; in «قتل
    ثلاثة بقصف على البلدة، وترددت أنباء عن غارات» the rumour does not reach the shelling.
    """
    # «قتل ثلاثة بقصف على البلدة، وتحدثت أنباء عن غارات»: a rumour relayed with no source speaks only of what
    # is told after it, never of the report before it
    cs = [c for c in s.claims if c.rule != "claim:hearsay" or _pos(c) < first]
    if len({(c.source, c.stance) for c in cs}) <= 1:
        return list(cs)
    cuts = _cuts(s)

    def reaches(c: ClaimMention) -> bool:
        p = _pos(c)
        later = [_pos(o) for o in cs if _pos(o) > p] + [k for k in cuts if k > p]
        return p < first < min(later, default=s.hi + 1)

    inside = [c for c in cs if reaches(c)]
    if inside:
        near = max(_pos(c) for c in inside)
        # «قالت صفحات موالية وناشطون إن …»: sources sharing one cue speak together
        return [c for c in inside if _pos(c) == near]
    # «قتل خمسة مدنيين، بحسب المرصد»: a source told after the event; a later denial is weighed apart
    after = [c for c in cs if _pos(c) > first and c.stance != "denies"]
    if after:
        near = min(_pos(c) for c in after)
        return [c for c in after if _pos(c) == near]
    return []


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
        # «واتهم الجيش الروسي طائرات إسرائيلية بـ…»: an accuser is no party to what it tells, the accused is
        accusers = [c for c in s.claims if c.rule == "claim:accuser"]
        named = {a.actor for a in s.actors if not any(c.first <= a.first <= c.last for c in accusers)}
        for t in s.triggers:
            if t.polarity != "asserted":
                continue
            # «عثر على جثث تسعة مدنيين … وقال أحد الناجين إن مسلحين من التنظيم أطلقوا النار عليهم»: a
            # source's retelling names the doer the first telling left unnamed
            doer = told_doer(s, t.first)
            # strategic developments are unlike acts: «ترغم الطائرات على مغادرة الأجواء» retells no interception
            told = [f for f in frs if 0 < s.index - f.sent <= _REACH and f.event_type == t.event_type
                    and (f.event_type in VIOLENT or f.sub_event_type == t.sub_event_type)
                    and (f.actor1 in named or ("actor1" in f.defaults and doer is not None))]
            if told:
                f = max(told, key=lambda f: f.sent)
                if "actor1" in f.defaults and f.actor1 not in named and doer is not None:
                    f.actor1, f.defaults = doer.actor, f.defaults - {"actor1"}
                # a denial is weighed apart (what it speaks of, whose act it is), never as a retelling
                f.claims = f.claims + [c for c in governing(s, t.first) if c not in f.claims and c.stance != "denies"]
                break


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Maps each source id of sources.tsv to its kind: SOHR → monitor, PRO_GOV_PAGES → social media."""
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
    return bool(places) and f.location is not None and all(km(loc, f.location) > 25 for loc in places)


# Kinds of act named by their weapon: a denial that names one («نفت استخدام أسلحة كيماوية») speaks of it alone.
_WEAPONS = frozenset({"Chemical weapon", "Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})


def _weapons(d: ClaimMention, sents: list[Sent], sent_of) -> frozenset[str]:
    """Returns the weapons a denial names: «نفت دمشق استخدام أسلحة كيماوية» → {"Chemical weapon"}.

    A denial pointing back («نفت دمشق الأمر») names what the sentence before it told.
    """
    s = sents[sent_of(d.first)]
    lo = _pos(d)
    hi = min((_pos(c) for c in s.claims if _pos(c) > lo), default=s.hi + 1)
    # «نفى … أن تكون نفذت الغارات التي تأتي بعد هجوم كيميائي»: a relative clause describes what is denied
    rel = cue_set("relative")
    hi = next((i for i in range(lo + 1, hi) if s.words[i - s.lo] in rel), hi)
    # what a denial names is denied, so triggers of any polarity count («نفت استخدام …» is read as negated)
    named = {t.sub_event_type for t in s.triggers if lo < t.first < hi}
    if not named and s.index and d.cue >= 0:
        objects = cue_set("denied_object")
        if any(s.words[i - s.lo] in objects for i in range(d.cue + 1, min(d.cue + 4, s.hi + 1))):
            named = {t.sub_event_type for t in sents[s.index - 1].triggers}
    return frozenset(named & _WEAPONS)


def _other_weapon(d: ClaimMention, f: Frame, sents: list[Sent], sent_of) -> bool:
    """Tells whether a denial names a weapon the telling does not: «نفت دمشق استخدام أسلحة كيماوية» → True for a plain air strike."""
    weapons = _weapons(d, sents, sent_of)
    return bool(weapons) and f.sub_event_type not in weapons


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
                if d not in claims[k] and not _about_other(d, f, sents, sent_of) \
                        and not _other_weapon(d, f, sents, sent_of):
                    claims[k].append(d)
        # «ونفت موسكو استخدام أسلحة كيماوية في دوما»: a denial that the weapon was used at all contests its
        # use, whoever denies it and wherever the report tells it
        if f.sub_event_type in _WEAPONS:
            for d in (d for ds in denied.values() for d in ds):
                if d not in claims[k] and f.sub_event_type in _weapons(d, sents, sent_of) \
                        and not _about_other(d, f, sents, sent_of):
                    claims[k].append(d)
    # «ونفت الفصائل صحة الإعلان»: a denial that tells no event of its own denies the account just told
    used = {c for cs in claims for c in cs}
    objects = cue_set("denied_object")
    for s in sents:
        for d in s.claims:
            # a claim carried over from the sentence before («وأضاف …») is weighed in its own sentence
            if d.stance != "denies" or d in used or not s.lo <= d.cue <= s.hi:
                continue
            # what it denies: an account named («صحة الإعلان», «ذلك») or the kind of act («وقوع أي غارة»)
            named = any(s.words[i - s.lo] in objects for i in range(d.cue, min(d.cue + 4, s.hi + 1)))
            end = min((_pos(c) for c in s.claims if _pos(c) > d.cue), default=s.hi + 1)
            acts = {t.event_type for t in s.triggers if d.cue < t.first < end}
            if not named and not acts:
                continue
            # a belligerent speaks only of acts it is a side of: Moscow denying Russian strikes does
            # not contest a strike told of the regime
            party = speaks_for.get(d.source) or (d.source if d.rule == "claim:actor-denial" else None)
            told = [k for k, f in enumerate(frs) if f.event_type in VIOLENT
                    and 0 <= s.index - f.sent <= _REACH and f.trigger.first < _pos(d)
                    and (named or f.event_type in acts) and party in (None, f.actor1, f.actor2)
                    and not any(c.source == d.source for c in claims[k])]
            if told:
                # «نفى وقوع أي غارة» denies every strike told just before; «نفى ذلك» the last account
                last = max((frs[k].sent, frs[k].trigger.first) for k in told)
                for k in told:
                    if (frs[k].event_type in acts or (frs[k].sent, frs[k].trigger.first) == last) and \
                            not _about_other(d, frs[k], sents, sent_of) and not _other_weapon(d, frs[k], sents, sent_of):
                        claims[k].append(d)
    # the standing comes from the claims on the telling itself: a denial from elsewhere contests it
    # but does not unsay what the report told in its own voice
    accounts = [Account(f, tuple(cs), _standing(tuple(f.claims), kinds)) for f, cs in zip(frs, claims)]
    blamed = _blamed(accounts, sents, sent_of, speaks_for, kinds) + _claimed(accounts, sents) + \
        _split(accounts, sents, kinds)
    accounts += _repelled(accounts, sents, speaks_for, kinds)
    accounts += blamed
    # best-backed accounts first: each later account joins the first story it is a rival of with
    # every member (no chains: two towns each disputed with a region are not one story)
    ranked = sorted(accounts, key=lambda a: (a.standing, a.frame.sent, a.frame.trigger.first))
    groups: list[list[Account]] = []
    for a in ranked:
        home = next((g for g in groups if all(are_rivals(m, a, sents, speaks_for) for m in g)), None)
        if home is None:
            groups.append([a])
        else:
            home.append(a)
    out = []
    derived = {id(a) for a in blamed}
    for members in groups:
        # a blamed party's account copies the kind of act it is set against: a rival, never the top
        told = [a for a in members if id(a) not in derived]
        if not told:
            continue
        top = told[0]
        members = [top] + [a for a in members if a is not top]
        # nobody in the report asserts it, or the report's own reporter says it did not happen
        if top.standing == _DENIED or (top.standing > _OWN and any(
                c.stance == "denies" and c.source in (OUTLET, WITNESS) for c in top.claims)):
            continue
        rivals = _whose_weapons(top, members[1:])
        top = _as_victim(top, list(rivals))
        contested = bool(rivals) or any(c.stance == "denies" for c in top.claims)
        out.append(Story(top, rivals, contested))
    # the report's order, as the frames came (a story's first telling)
    order = {id(f): k for k, f in enumerate(frs)}
    return sorted(out, key=lambda st: min(order.get(id(a.frame), len(frs)) for a in (st.top, *st.rivals)))


def _blamed(accounts: list[Account], sents: list[Sent], sent_of, speaks_for: dict[str, str],
            kinds: dict[str, str]) -> list[Account]:
    """Returns the accounts a denial's sentence gives instead, blaming someone else for the same harm.

    «ونفى مسؤول في قسد أي علاقة لعناصرها بمقتل الشاب، وقال إنه قتل برصاص مسلحين مجهولين» → the
    killing told before, by UNIDENTIFIED, asserted by the denier: a rival account, never an event.
    """
    out: list[Account] = []
    frames = [a.frame for a in accounts]
    for a in accounts:
        f = a.frame
        for d in a.claims:
            if d.stance != "denies" or d.cue < 0:
                continue
            s = sents[sent_of(d.first)]
            for c in s.claims:
                if _pos(c) <= d.cue or c.stance == "denies":
                    continue
                end = min((_pos(o) for o in s.claims if _pos(o) > _pos(c)), default=s.hi + 1)
                skip = {f.actor1, f.actor2, "CIVILIANS", speaks_for.get(d.source, d.source)}
                other = next((m.actor for m in s.actors if _pos(c) < m.first < end and m.actor not in skip), None)
                if other is None or any(g.actor1 == other and g.actor2 == f.actor2 and same_time(f, g)
                                        for g in frames):
                    continue
                killed = [k for k in s.casualties if k.kind == "killed" and _pos(c) < k.first < end]
                g = replace(f, actor1=other, defaults=f.defaults - {"actor1"}, killed=killed or [],
                            claims=[c], sent=s.index)
                frames.append(g)
                out.append(Account(g, (c,), _standing((c,), kinds)))
    return out


_TAKEOVERS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _repelled(accounts: list[Account], sents: list[Sent], speaks_for: dict[str, str],
              kinds: dict[str, str]) -> list[Account]:
    """Returns the fighting others tell at a place whose capture one side claims and another denies.

    «أعلنت سانا أن الجيش سيطر على كفرنبودة. ونفت الجبهة الوطنية ذلك. وقال مراسلنا إن قوات النظام
    حاولت اقتحام البلدة قبل أن تتراجع» → the capture (SANA asserts, the NLF denies) and the repelled
    assault (our reporter asserts) are two versions of one battle; what they tell of it is their own.
    """
    out: list[Account] = []
    for k, a in enumerate(list(accounts)):
        f = a.frame
        if f.sub_event_type not in _TAKEOVERS or not any(
                c.stance == "denies" and speaks_for.get(c.source, c.source) != f.actor1 for c in a.claims):
            continue
        told, killed = [], []
        for s in sents[f.sent + 1:f.sent + _REACH + 2]:
            if not any(t.polarity == "asserted" and t.sub_event_type == "Armed clash" for t in s.triggers):
                continue
            if any(loc.geo_precision < 3 and km(loc, f.location) > 25 for _, loc in s.places):
                continue
            says = [c for c in s.claims if c.stance == "asserts" and c.source not in sources(a) - {OUTLET, WITNESS}
                    and speaks_for.get(c.source, c.source) != f.actor1]
            if says:
                told += [c for c in says if c not in told]
                killed += [x for x in s.casualties if x.kind == "killed"]
        if not told:
            continue
        # what the fighting's sources say is no longer an assertion of the capture
        keep = [c for c in f.claims if c not in told]
        if not any(c.stance == "asserts" for c in keep):
            continue
        clash = replace(f, sub_event_type="Armed clash", killed=killed or list(f.killed), claims=list(told),
                        defaults=set(f.defaults))
        f.claims = keep
        accounts[k] = Account(f, tuple(c for c in a.claims if c not in told),
                              _standing(tuple(keep), kinds))
        out.append(Account(clash, tuple(told), _standing(tuple(told), kinds)))
    return out


def _split(accounts: list[Account], sents: list[Sent], kinds: dict[str, str]) -> list[Account]:
    """Returns the rival accounts of a harm sources set against each other, each naming its perpetrator.

    «وثقت الشبكة مقتل 22 مدنيا وحملت الطيران الروسي المسؤولية، في حين قال المرصد إن طائرات التحالف
    قصفت السوق وأحصى مقتل 16» → the strike told before is the first source's (RUS, 22) on top unless
    the report's own reporter names another («غير أن مراسلنا أكد أن السيارة داست على لغم زرعه التنظيم»,
    told in a sentence of its own); the coalition's (16) is a rival, never an event.
    """
    out: list[Account] = []
    # the words of the accounts already set apart
    told_over: list[tuple[int, int]] = []
    for a in list(accounts):
        f = a.frame
        if f.event_type not in VIOLENT:
            continue
        if any(lo < f.trigger.first < hi for lo, hi in told_over):
            # «فبينما قالت صفحات إن طائرة مسيرة تركية استهدفت السيارة»: a telling inside a source's words
            # set apart is that source's version, already kept as a rival
            accounts.remove(a)
            continue
        # (sentence, source, perpetrator it names, the killed it counts), over the sentences just after
        told: list[tuple[Sent, ClaimMention, str, list]] = []
        spans: dict[ClaimMention, tuple[int, int]] = {}
        for s in sents[f.sent:f.sent + _REACH + 2]:
            if not disputed_words(s) or not any(t.event_type == f.event_type for t in s.triggers):
                continue
            # another place in the sentence is another harm, not another account of this one
            if any(loc.geo_precision < 3 and km(loc, f.location) > 25 for _, loc in s.places):
                continue
            for c, lo, hi in reaches(s):
                if c in spans:
                    continue  # a claim carried over from the sentence before («وأضاف …») is told once
                spans[c] = (lo, hi)
                # the perpetrator is named after the source itself («صفحات مقربة من قسد» speaks, is no party),
                # and is none of the parties speaking with it («واتهم الجيشان الروسي والسوري طائرات إسرائيلية»)
                who = next((m.actor for m in s.actors if max(lo, c.last) < m.first < hi
                            and not any(o.first <= m.first <= o.last for o in s.claims)
                            and m.kind not in ("victim", "victim_weak")
                            and m.actor not in ("CIVILIANS", f.actor2)), None)
                if who is not None and who not in (w for _, _, w, _ in told):
                    told.append((s, c, who, [k for k in s.casualties if k.kind == "killed" and lo < k.first < hi]))
        if len(told) < 2 or not ("actor1" in f.defaults or f.actor1 in (w for _, _, w, _ in told)):
            continue
        told_over += [spans[c] for _, c, _, _ in told]
        # the report stands behind its own reporter, else the best-standing source, else the first told
        top = _vouched(sents, f.sent, [w for _, _, w, _ in told]) or \
            min(told, key=lambda x: _standing((x[1],), kinds))[2]
        rival_spans = [spans[c] for _, c, w, _ in told if w != top]
        rivals = {c.source for _, c, w, _ in told if w != top}

        def theirs(c: ClaimMention) -> bool:
            # a rival's source, or a source named inside a rival's words («صفحات … على مواقع التواصل»)
            return c.source in rivals or any(lo <= c.first < hi for lo, hi in rival_spans)
        mine = [(s, c, kills) for s, c, w, kills in told if w == top]
        f.actor1, f.defaults = top, f.defaults - {"actor1"}
        # the kind of act is what the top source tells («لغم أرضي»), not what a rival's words named first
        f.sub_event_type = told_kind(mine[0][0], mine[0][1], f)
        # the toll a rival source gives belongs to its own account
        # and a count its source gives outranks a vague «عدد من المدنيين» told before
        counted = [k for _, _, ks in mine for k in ks]
        f.killed = counted + [k for k in f.killed if not any(s.lo <= k.first <= s.hi for s, _, _, _ in told)
                              and not (counted and k.vague)]
        f.claims = [c for c in f.claims if not theirs(c)] + [c for _, c, _ in mine if c not in f.claims]
        keep = tuple(c for c in a.claims if not theirs(c)) + tuple(c for _, c, _ in mine if c not in a.claims)
        accounts[accounts.index(a)] = Account(f, keep, _standing(tuple(f.claims), kinds))
        for s, c, w, kills in told:
            if w != top:
                g = replace(f, actor1=w, killed=kills or list(f.killed), claims=[c], sent=s.index,
                            sub_event_type=told_kind(s, c, f))
                out.append(Account(g, (c,), _standing((c,), kinds)))
    return out


def _claimed(accounts: list[Account], sents: list[Sent]) -> list[Account]:
    """Returns the rival accounts of an attack two or more groups claim: each claimant's act, never an event.

    «انفجرت سيارة مفخخة في جبلة … وتبنى تنظيم الدولة التفجير … وتبنت هيئة تحرير الشام العملية
    نفسها» → the attack told, its perpetrator the first claimant, the other claimant a rival; each
    claimant's own toll («قال إن التفجير قتل 30 عنصرا من قوات النظام») goes with its version.
    """
    out: list[Account] = []
    for a in list(accounts):
        f = a.frame
        if f.event_type not in _SELF_DENIABLE:
            continue
        window = sents[f.sent:f.sent + _REACH + 1]
        found = [(s, c) for s in window for c in claimants(s)
                 if c.source != f.actor2 or "actor2" in f.defaults]
        groups = list(dict.fromkeys(c.source for _, c in found))
        if len(groups) == 1 and "actor1" in f.defaults:
            # one claimant is attribution, not a dispute: «وتبنى تنظيم الدولة التفجير» names who set the bomb
            f.actor1, f.defaults = groups[0], f.defaults - {"actor1"}
            accounts[accounts.index(a)] = Account(f, a.claims + tuple(c for _, c in found), a.standing)
        if len(groups) < 2:
            continue
        first = {g: next((s, c) for s, c in found if c.source == g) for g in groups}
        # a claimed attack is a claimant's act: a party the report names that claims nothing is its target
        named = f.actor1 if "actor1" not in f.defaults and f.actor1 not in groups else None
        victim = claimed_victim(first, groups) or named or \
            (f.actor2 if f.actor2 not in groups else None)
        top = f.actor1 if f.actor1 in groups and "actor1" not in f.defaults else \
            _vouched(sents, f.sent, groups) or groups[0]
        f.actor1, f.defaults = top, f.defaults - {"actor1"}
        if victim is not None and victim != f.actor2:
            f.actor2, f.defaults = victim, f.defaults - {"actor2"}
        if not f.killed:
            f.killed = claimed_toll(*first[top])
        for g in groups:
            if g == top:
                continue
            s, c = first[g]
            out.append(Account(replace(f, actor1=g, claims=[c], killed=claimed_toll(s, c) or list(f.killed)),
                               (c,), _PARTY))
        accounts[accounts.index(a)] = Account(f, a.claims + tuple(c for _, c in found if c.source == top),
                                               a.standing)
    return out


def _vouched(sents: list[Sent], at: int, groups: list[str]) -> str | None:
    """Returns the one claimant the report's own reporter or an eyewitness ties to the attack, if any.

    «وأكد مراسلنا الذي رافق مقاتلي الجبهة أن النفق من إعداد سلاح الهندسة التابع للجبهة» → that group.
    """
    for s in sents[at:at + _REACH + 2]:
        if not any(c.source in (OUTLET, WITNESS) and c.stance == "asserts" for c in s.claims):
            continue
        named = {m.actor for m in s.actors} & set(groups)
        if len(named) == 1:
            return named.pop()
    return None


def _whose_weapons(top: Account, rivals: list[Account]) -> tuple[Account, ...]:
    """Returns the rivals with an interception that names no attacker given the striker of the top account.

    «تصدت الدفاعات الجوية لعدوان بالصواريخ» against «قصفت طائرات إسرائيلية الموقع» → SYR_GOV vs ISR.
    """
    f = top.frame
    if f.event_type != "Explosions/Remote violence":
        return tuple(rivals)
    return tuple(Account(replace(r.frame, actor2=f.actor1, defaults=r.frame.defaults - {"actor2"}), r.claims, r.standing)
                 if r.frame.sub_event_type == INTERCEPTED and "actor2" in r.frame.defaults else r for r in rivals)


def _as_victim(a: Account, rivals: list[Account]) -> Account:
    """Returns the top account with its named party made the victim when every rival tells it so.

    Top «SDF vs IS (guessed)» with a rival «TUR vs SDF» → «UNIDENTIFIED vs SDF» for a blast: the
    party the rivals agree was hit is the victim; who struck is as unnamed as the top telling leaves it.
    """
    f = a.frame
    # an interception told against the strike names no victim of it: the weapons stopped are the attacker's
    if not rivals or not all(r.frame.event_type in VIOLENT and victim_named(f, r.frame) for r in rivals):
        return a
    actor1, actor2, guessed = default_actors(f.event_type, f.sub_event_type, None, f.actor1, None)
    g = replace(f, actor1=actor1, actor2=actor2, defaults=set(guessed))
    return Account(g, a.claims, a.standing)


