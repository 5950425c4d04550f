"""Event triggers with their ACLED type, strength, and whether the text asserts them."""
from __future__ import annotations
from ..normalize import norm

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

from ..lexicon import PhraseMatcher, table
from ..morph import bare_forms, cue_set, cue_values
from ..segment import Token

# Shortly before a trigger, a negator or denial means the action did not happen (data/cues/negator.tsv,
# denial.tsv); intent, threat, condition or appeal that it has not yet happened (irrealis.tsv). Before a
# control noun, control_state.tsv makes it a standing state («تحت سيطرة»); the future of an attack verb
# (future_action.tsv: «سيشن غارات») announces an action not yet taken.


@lru_cache(maxsize=1)
def _negators() -> frozenset[str]:
    """Returns the forms that negate a trigger shortly after them: «ولم», «نفت», «ينفي» …"""
    return cue_set("negator") | cue_set("denial")


def _future(word: str) -> bool:
    """Tells whether a word is the future of an attack verb: «سيشن», «وستواصل» → True, «سيطرت» → False."""
    bare = word[1:] if word[:1] in "وف" else word
    return bare[:1] == "س" and word in cue_set("future_action")


@dataclass(frozen=True)
class TriggerMention:
    """A trigger at tokens [first, last]: «غاراتها» → Explosions/Remote violence, Air/drone strike."""

    first: int
    last: int
    event_type: str
    sub_event_type: str
    strength: str
    polarity: str
    rule: str
    definite: bool = False
    # the means of the strikes told just before, for a strike word with no means of its own (AIR or None)
    carried: str | None = None


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    return PhraseMatcher(((r["trigger"], (r["event_type"], r["sub_event_type"], r["strength"]))
                          for r in table("triggers.tsv")), suffixes=True)


def may_occur(words: Iterable[str]) -> bool:
    """Tells whether a text of these words can hold a trigger at all: {«شنت», «غارات»} → True, {«مباراه»} → False."""
    words = words if isinstance(words, (set, frozenset)) else set(words)
    return _matcher().may_match(words) or (_FIRE in words and not words.isdisjoint(cue_set("fire_verb")))


# Verbs that, opening a sentence, make all of it a warning, threat or appeal («وحذر الوزير من أن …»):
# data/cues/framing.tsv.
# «ومن جانبه دعا البابا إلى …»: the framing verb may follow a short opener
_FRAMING_REACH = 4
# Words right before a trigger that make it a campaign, its traces or a rule of fighting, not an event:
# «حملة القصف», «آثار المعارك», «خط فض الاشتباك» (data/cues/not_event_head.tsv).
# «مركز المصالحة», «المركز الروسي لمصالحة الأطراف»: an institution named after its work (institution.tsv)
# stands right before the word, or one adjective before it with «ل».
_NAME_REACH = 2
# «الهجوم المتوقع», «هجوم الحكومة السورية المتوقع»: an adjective of expectation agrees with its trigger
# after at most a short construct
_EXPECTED_REACH = 4
# «مقاطع فيديو تظهر عمليات إعدامهم»: what a picture or video shows is media, not a dated event
# (data/cues/depicts.tsv)
_FAR = frozenset(norm(w) for w in {"سوف", "تهدد", "يهدد", "هدد", "توعد"})
# «ودانت الولايات المتحدة بشدة هجوما …»: a reaction verb and the act it takes as object stand this close
# (data/cues/condemn.tsv)
_REACT_REACH = 8
# «دخول قافلة مساعدات», «وسلمت 247 طنا من المساعدات»: how far from a move its aid subject or object stands
# (data/cues/aid.tsv)
_AID_REACH = 5
# «وهاجم نتنياهو، الأحد، الرئيس التركي»: how far after «هاجم» an office-holder or utterance makes it verbal
# (data/cues/verbal_target.tsv)
_VERBAL_REACH = 4
_ASSAIL = norm("هاجم")


def _polarity(tokens: list[Token], first: int, lo: int, event_type: str = "") -> str:
    for tok in tokens[lo:min(first, lo + _FRAMING_REACH)]:
        w = tok.text
        if w in cue_set("framing"):
            return "irrealis"
    if _not_event_head(tokens, first, lo, event_type):
        return "state"
    # «ندد الآلاف في تظاهرة …»: a protest is itself the reaction, not a comment on one
    if event_type != "Protests" and _reaction(tokens, first, lo):
        return "reference"
    if _named(tokens, first, lo):
        return "state"
    if any(t.text in cue_set("depicts") for t in tokens[max(lo, first - 3):first]):
        return "state"
    mood = None
    for k, tok in enumerate(tokens[max(lo, first - 10):first][::-1]):
        word = tok.text[1:] if tok.text.startswith(("و", "ف")) and len(tok.text) > 2 else tok.text
        # «لم تشن الطائرات أي غارة»: a negated verb's object may sit a few words on
        if k >= 3 and tok.text not in _FAR and word not in _FAR and not (k < 5 and word in ("لم", "لن")):
            continue
        # «لم تشن أي غارة»: a negator anywhere in reach outranks a nearer irrealis word
        if word in _negators() or tok.text in _negators():
            return "negated"
        if mood is None and (word in cue_set("irrealis") or tok.text in cue_set("irrealis") or _future(tok.text)):
            mood = "irrealis"
    if mood:
        return mood
    # «ستشن», «سيقصف»: the future prefix on an imperfect verb (the word before the trigger, so
    # triggers that merely start with «سي/ست» such as «سيطرت», «سيارة» are not read as future)
    if first > lo:
        prev = tokens[first - 1].text
        if _future(prev):
            return "irrealis"
    return "asserted"


def _not_event_head(tokens: list[Token], first: int, lo: int, event_type: str) -> bool:
    """Tells whether a head noun governs a trigger, right before it or over one construct noun: «وتيرة القصف»,
    «وتيرة إطلاق القذائف» → True."""
    heads = cue_values("not_event_head", "only")
    head = heads.get(tokens[first - 1].text) if first > lo else None
    # a bare noun between head and trigger is the first term of the same construct chain (no article, no «و»)
    if head is None and first - 2 >= lo and not tokens[first - 1].text.startswith(("ال", "و")) \
            and cue_values("not_event_head", "chain").get(tokens[first - 2].text):
        head = heads.get(tokens[first - 2].text)
    return head is not None and head in ("", event_type)


def _reaction(tokens: list[Token], first: int, lo: int) -> bool:
    """Tells whether a condemnation takes the trigger as its object: «ودانت الولايات المتحدة هجوما» → True."""
    react, cuts = cue_set("condemn"), cue_set("clause_cut")
    for tok in tokens[max(lo, first - _REACT_REACH):first][::-1]:
        if tok.text in cuts:
            return False
        if tok.text in react:
            return True
    return False


def _aided(tokens: list[Token], first: int, last: int, lo: int, hi: int) -> bool:
    """Tells whether a move's subject or object is relief: «دخول قافلة مساعدات إلى البلدة» → True."""
    aid = cue_set("aid")
    near = tokens[max(lo, first - _AID_REACH):first] + tokens[last + 1:min(hi, last + 1 + _AID_REACH)]
    return any(t.text in aid for t in near)


def _verbal(key: str, tokens: list[Token], last: int, hi: int) -> bool:
    """Tells whether «هاجم» assails a person or a statement: «هاجم الوزير تصريحات المبعوث» → True, «هاجم مسلحون
    موكب الوزير» → False."""
    if not key.startswith(_ASSAIL):
        return False
    target = cue_set("verbal_target")
    ahead = tokens[last + 1:min(hi, last + 1 + _VERBAL_REACH)]
    # a definite word, not the second term of a construct («موكب الوزير»: the bare noun before it governs it)
    return any(t.text in target and "ال" in t.text[:4] and (
        k == 0 or ahead[k - 1].text.startswith(("ال", "و")) or ahead[k - 1].text in target)
        for k, t in enumerate(ahead))


def _named(tokens: list[Token], first: int, lo: int) -> bool:
    """Tells whether a trigger is part of an institution's name: «مركز المصالحة», «المركز الروسي لمصالحة» → True."""
    heads = cue_set("institution")
    if first > lo and tokens[first - 1].text in heads:
        return True
    return first - _NAME_REACH >= lo and tokens[first].text.startswith("ل") and \
        tokens[first - _NAME_REACH].text in heads


def _expected(tokens: list[Token], last: int, hi: int) -> bool:
    """Tells whether an adjective of expectation follows a trigger: «قبل الهجوم المتوقع على إدلب» → True."""
    return any(t.text in cue_set("expected") for t in tokens[last + 1:min(hi, last + 1 + _EXPECTED_REACH)])


# «استهداف المدنيين يجب أن يتوقف»: how far after a trigger a modal of obligation (data/cues/must.tsv) stands
_MUST_REACH = 4
_THAT = frozenset(norm(w) for w in {"أن", "ان"})


def _must(tokens: list[Token], last: int, hi: int) -> bool:
    """Tells whether a modal of obligation follows a trigger as its predicate: «القصف لا بد أن ينتهي» → True.

    The modal has no «و» before it (that opens a new clause) and a «أن» right after it.
    """
    must = bare_forms("must")
    ahead = tokens[last + 1:min(hi, last + 1 + _MUST_REACH)]
    return any(t.text in must and k + 1 < len(ahead) and ahead[k + 1].text in _THAT for k, t in enumerate(ahead))


def triggers(tokens: list[Token], sentence_starts: list[int] | None = None) -> list[TriggerMention]:
    """Finds triggers: «وشنت الطائرات غارات على البلدة» → an air strike trigger at «غارات»."""
    out = []
    starts = sorted(sentence_starts or [0])
    for m in _matcher().find(tokens):
        event_type, sub, strength = m.payloads[0]
        lo = max((s for s in starts if s <= m.first), default=0)
        head = tokens[m.first].text[m.skip:]
        polarity = _polarity(tokens, m.first, lo, event_type)
        hi = min((s for s in starts if s > m.first), default=len(tokens))
        if polarity == "asserted" and (_expected(tokens, m.last, hi) or _must(tokens, m.last, hi)):
            polarity = "irrealis"
        if polarity == "asserted" and _verbal(m.key, tokens, m.last, hi):
            polarity = "state"
        if sub in ("TAKEOVER", "Non-violent transfer of territory") and polarity == "asserted":
            clitic = tokens[m.first].text[:m.skip]
            # «لاستعادة السيطرة», «للسيطرة على»: a purpose, not a result
            if "ل" in clitic or tokens[m.first].text.startswith("لل"):
                polarity = "irrealis"
            elif m.first > lo and tokens[m.first - 1].text in cue_set("control_state"):
                polarity = "state"
            elif m.first > lo and tokens[m.first - 1].text in cue_set("imminent"):
                # «أكدت قرب سيطرتها على المدينة»: about to take it
                polarity = "irrealis"
            elif _possessed_control(head, tokens, m.first):
                polarity = "state"
            elif _aided(tokens, m.first, m.last, lo, hi):
                polarity = "state"
        # «حجم المعارك والقصف», «وتيرة القصف والغارات»: a definite conjunct shares its first conjunct's head
        if polarity == "asserted" and out and out[-1].last == m.first - 1 and out[-1].polarity == "state" \
                and tokens[m.first].text.startswith("وال"):
            polarity = "state"
        t = TriggerMention(m.first, m.last, event_type, sub, strength, polarity, f"trigger:{m.key}",
                           head.startswith("ال") or tokens[m.first].text.startswith("لل"))
        out.append(_disrupted(_qualified(t, tokens, hi), tokens, lo))
    out += _fire_verbs(tokens, starts, {k for t in out for k in range(t.first, t.last + 1)})
    out = [_air_defence(t, out, tokens, starts) for t in out]
    return [_chemical(t, tokens, starts) for t in _strike_means([_by_air(t, out, starts) for t in out], tokens, starts)]


# «سيطرتهم», «بسيطرتها»: the control noun with a possessive pronoun reads as «سيطرت» + suffix
_CONTROL = norm("سيطرت")
_OVER = frozenset({norm("على"), "علي"})
# «سيطرتها خلال ليل الاثنين الثلاثاء على بلدتي …»: how far after a possessed control noun «على» may stand
_OVER_REACH = 6


def _possessed_control(head: str, tokens: list[Token], first: int) -> bool:
    """Tells a control noun with a possessor and no «على» for a standing state: «نفوذهم وسيطرتهم في إدلب» → True.

    «أعلنت سيطرتها بشكل شبه كامل على مدينة X» takes a place, so it stays a takeover.
    """
    if not head.startswith(_CONTROL) or len(head) == len(_CONTROL):
        return False
    return not any(t.text in _OVER for t in tokens[first + 1:first + 1 + _OVER_REACH])


_REMOTE = "Explosions/Remote violence"


def _kind_of(word: str, weapon_noun: bool) -> str | None:
    """Returns the sub-event type a qualifier names: «الكيمياوية» → Chemical weapon; a weapon noun counts
    only after «ب»: «بالغازات» → Chemical weapon, «غازات» → None."""
    kind = cue_values("attack_kind", "sub").get(word)
    if kind is None or not weapon_noun and cue_values("attack_kind", "pos").get(word) == "noun":
        return None
    return kind


def _qualified(t: TriggerMention, tokens: list[Token], hi: int) -> TriggerMention:
    """Gives a generic attack noun the kind its qualifier names: «هجوما انتحاريا» → Suicide bomb, «هجوم
    بالأسلحة الكيمياوية» → Chemical weapon, «هجمات صاروخية» → Shelling/artillery/missile attack."""
    if t.first != t.last or tokens[t.first].text not in cue_set("attack_noun") or t.last + 1 >= hi:
        return t
    nxt = tokens[t.last + 1].text
    by = nxt.startswith("ب")
    kind = _kind_of(nxt, by)
    # «بالأسلحة الكيمياوية», «بعبوة ناسفة»: a bare weapon word leaves its kind to the adjective after it
    if kind is None and by and nxt in cue_set("bare_weapon") and t.last + 2 < hi:
        kind = _kind_of(tokens[t.last + 2].text, False)
    if kind is None or kind == t.sub_event_type:
        return t
    return replace(t, event_type=_REMOTE, sub_event_type=kind, rule=t.rule + "+kind")


CHEMICAL = "Chemical weapon"
# «قصفت الطائرات مدينة دوما بغاز الكلور»: how far after a strike word its chemical means may be told
_CHEMICAL_REACH = 5


def _chemical(t: TriggerMention, tokens: list[Token], starts: list[int]) -> TriggerMention:
    """Makes a strike told with a chemical means a chemical attack: «بقصف دوما بالأسلحة الكيميائية» → Chemical weapon."""
    if t.event_type != _REMOTE or t.sub_event_type not in (AIR, SHELLING, "STRIKE"):
        return t
    hi = min((s for s in starts if s > t.first), default=len(tokens))
    for k in range(t.last + 1, min(hi, t.last + 1 + _CHEMICAL_REACH)):
        w = tokens[k].text
        # «قصفت دوما التي شهدت هجوما بغاز الكلور»: a relative clause or another attack has means of its own
        if w in cue_set("relative") or w in cue_set("attack_noun"):
            break
        # «بغاز السارين», «بالكلور»; «بالأسلحة الكيمياوية», «باستخدام غاز الكلور»: a bare weapon or its use, then
        # the kind; «قصف عادي وليس بأسلحة كيمياوية»: a means denied is not the strike's
        if not w.startswith("ب") or tokens[k - 1].text in cue_set("negator"):
            continue
        kind = _kind_of(w, True)
        if kind is None and k + 1 < hi and (w in cue_set("bare_weapon") or w in cue_set("weapon_use")):
            kind = _kind_of(tokens[k + 1].text, True)
        if kind == CHEMICAL:
            return replace(t, sub_event_type=CHEMICAL, rule=t.rule + "+chemical")
    return t


DISRUPTED = ("Strategic developments", "Disrupted weapons use")
# «تصدت الدفاعات الجوية لصواريخ معادية»: how far after «تصدى» the thing it stopped may stand
_INTERCEPT_REACH = 8
_REPEL = frozenset(norm(w) for w in {"تصدت", "تصدى", "تصدوا"})
# «أحبطت تفجيرين انتحاريين»: how far before a bomb word a foiling word may stand
_FOIL_REACH = 3


def _disrupted(t: TriggerMention, tokens: list[Token], lo: int) -> TriggerMention:
    """Recodes an attack stopped before it struck as Disrupted weapons use: «تصدت الدفاعات الجوية لصواريخ» and
    «أحبطت تفجيرين انتحاريين» → Strategic developments, Disrupted weapons use."""
    key = t.rule.removeprefix("trigger:")
    if t.event_type == "Battles" and key in _REPEL:
        # «تصدى ل…»: its object after «ل» is what was repelled; a missile or aircraft is intercepted
        ahead = tokens[t.last + 1:t.last + 1 + _INTERCEPT_REACH]
        if any(w.text.startswith("ل") and w.text in cue_set("projectile") for w in ahead):
            return replace(t, event_type=DISRUPTED[0], sub_event_type=DISRUPTED[1], rule=t.rule + "+intercepted")
    if t.event_type == "Explosions/Remote violence" and t.strength != "air" and any(
            w.text in cue_set("foil") for w in tokens[max(lo, t.first - _FOIL_REACH):t.first]):
        return replace(t, event_type=DISRUPTED[0], sub_event_type=DISRUPTED[1], rule=t.rule + "+foiled")
    return t


def _air_defence(t: TriggerMention, out: list[TriggerMention], tokens: list[Token], starts: list[int]) -> TriggerMention:
    """Recodes a repelling by air defences of an attack made with missiles as an interception: «وسائط الدفاع
    الجوي تصدت لعدوان بالصواريخ» → Disrupted weapons use.

    After «ب» the weapon may be the defenders' own («تصدت الفصائل للهجوم بالصواريخ»), so only an air-defence
    subject beside the verb makes the missiles the attacker's.
    """
    if t.event_type != "Battles" or t.rule.removeprefix("trigger:") not in _REPEL:
        return t
    ahead = tokens[t.last + 1:t.last + 1 + _INTERCEPT_REACH]
    if not any(w.text.startswith("ب") and w.text in cue_set("projectile") for w in ahead):
        return t
    lo = max((s for s in starts if s <= t.first), default=0)
    if any(o.sub_event_type == DISRUPTED[1] and o.rule.startswith("trigger:") and "+" not in o.rule and
           lo <= o.first and abs(o.first - t.first) <= _INTERCEPT_REACH for o in out):
        return replace(t, event_type=DISRUPTED[0], sub_event_type=DISRUPTED[1], rule=t.rule + "+intercepted")
    return t


AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
# How far from a generic strike word («قصف», «استهداف», «ضربات») a word naming its means may stand:
# «قصفت قوات النظام بعدد من القذائف» (ground), «قصف الطيران المروحي بالبراميل» (air).
_MEANS_REACH = 8
# A strike word with no means of its own continues the strikes told this many sentences before it:
# «… غارات شنتها طائرات روسية. وقتل ثمانية مدنيين في قصف على خان شيخون» is the same air campaign.
_MEANS_BACK = 3
_BY = (norm("من"), norm("قبل"))


IED = "Remote explosive/landmine/IED"
# «انفجار», «انفجرت» say that something blew up, not what: a shell, a missile or a bomb beside them says it
_BLAST = frozenset(norm(w) for w in {"انفجار", "انفجرت"})
# «الصواريخ التي استهدفت الموقع … وأدى انفجار أحدها»: «one of them» points back to the munition
_ONE_OF = frozenset(norm(w) for w in {"أحدها", "إحداها", "احداها", "أحدهما", "إحداهما"})


def _means(t: TriggerMention) -> str | None:
    """Names what a trigger says of the means of a strike: «الطيران» → air, «قذائف» → shelling, «قصف» → None."""
    if t.strength == "air" or t.sub_event_type == AIR:
        return AIR
    if t.sub_event_type == IED and t.rule.removeprefix("trigger:") not in _BLAST:
        return IED
    return SHELLING if t.sub_event_type == SHELLING else None


def _ground_agent(t: TriggerMention, tokens: list[Token]) -> int | None:
    """Returns where a ground force that fires a strike stands: «قصفت قوات النظام» → the index of «قوات».

    After «من قبل» any strike word takes an agent («استهداف من قبل الفصائل»); right after the word, only
    «قصف» does: «استهداف قوات النظام» is as often the forces targeted.
    """
    k = t.last + 1
    if k + 2 < len(tokens) and (tokens[k].text, tokens[k + 1].text) == _BY:
        k += 2
    elif not t.rule.removeprefix("trigger:").startswith(("قصف", "يقصف", "تقصف")):
        return None
    return k if k < len(tokens) and tokens[k].text in bare_forms("ground_force") else None


def _strike_means(found: list[TriggerMention], tokens: list[Token], starts: list[int]) -> list[TriggerMention]:
    """Settles a generic strike by the nearest word of its means, else by the strikes told just before:
    «قصفت قوات النظام بعدد من القذائف» → shelling; «… غارات روسية. وقتل 8 في قصف على البلدة» → air."""
    cues: list[tuple[int, str]] = [(t.first, m) for t in found if (m := _means(t)) is not None]
    cues += [(k, SHELLING) for t in found if t.sub_event_type == "STRIKE" and (k := _ground_agent(t, tokens)) is not None]
    cues.sort()
    at = [c[0] for c in cues]
    out = []
    for t in found:
        blast = t.rule.removeprefix("trigger:") in _BLAST
        if t.sub_event_type != "STRIKE" and not blast:
            out.append(t)
            continue
        here = bisect_right(starts, t.first) - 1
        lo = starts[here] if here >= 0 else 0
        hi = starts[here + 1] if here + 1 < len(starts) else len(tokens)
        anaphor = blast and t.last + 1 < len(tokens) and tokens[t.last + 1].text in _ONE_OF
        a = bisect_left(at, lo if anaphor else max(lo, t.first - _MEANS_REACH))
        b = bisect_left(at, t.first if anaphor else min(hi, t.first + _MEANS_REACH + 1))
        # the nearest wins; at equal distance the word after (its agent or instrument)
        near = [(abs(k - t.first) + (0 if k > t.last else 0.5), m) for k, m in cues[a:b]
                if not t.first <= k <= t.last and (blast or m != IED)]
        means = min(near)[1] if near else None
        if blast:
            # what blew up is told beside it, or it stays the bomb the lexicon reads
            out.append(replace(t, sub_event_type=means, rule=t.rule + "+means") if means and means != IED else t)
            continue
        if means is None and not any(m != IED for _, m in cues[bisect_left(at, lo):bisect_left(at, hi)]):
            # nothing in its own sentence: the last means told in the sentences just before
            back = starts[max(0, here - _MEANS_BACK)] if here >= 0 else 0
            k = bisect_left(at, lo) - 1
            # only air carries over (shelling is what a bare strike word means anyway), and assemble weighs
            # it against the attacker: a rebel «قصف» is shelling whatever came before
            if k >= 0 and at[k] >= back and cues[k][1] == AIR:
                out.append(replace(t, carried=AIR))
                continue
        out.append(replace(t, sub_event_type=means, rule=t.rule + "+means") if means else t)
    return out


# «ارتكب طيران التحالف مجزرة في بلدة …»: a massacre with the aircraft named beside it is an air strike
_MASSACRE = frozenset({norm("مجزرة"), norm("مجازر")})
_AIR_REACH = 6


def _by_air(t: TriggerMention, found: list[TriggerMention], starts: list[int]) -> TriggerMention:
    """Makes a massacre told beside an air word an air strike: «ارتكب الطيران مجزرة» → Air/drone strike."""
    if t.sub_event_type != "Attack" or t.rule.removeprefix("trigger:") not in _MASSACRE:
        return t
    lo = max((s for s in starts if s <= t.first), default=0)
    hi = min((s for s in starts if s > t.first), default=t.first + _AIR_REACH + 1)
    if any((x.strength == "air" or x.sub_event_type == "Air/drone strike") and lo <= x.first < hi
           and abs(x.first - t.first) <= _AIR_REACH for x in found):
        return replace(t, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    return t


_FIRE = norm("النار")
# «أطلق عناصر من قوات النظام النار»: the most words a subject between the verb and «النار» takes
_FIRE_REACH = 5


def _fire_verbs(tokens: list[Token], starts: list[int], taken: set[int]) -> list[TriggerMention]:
    """Finds verbs of opening fire with «النار» a few words on, to be read with their subject: «أطلق مسلحون النار»."""
    out = []
    for k, tok in enumerate(tokens):
        if tok.text not in cue_set("fire_verb") or k in taken:
            continue
        lo = max((s for s in starts if s <= k), default=0)
        hi = min((s for s in starts if s > k), default=len(tokens))
        if any(t.text == _FIRE for t in tokens[k + 2:min(hi, k + 2 + _FIRE_REACH)]):
            out.append(TriggerMention(k, k, "Violence against civilians", "SHOOT", "fire",
                                      _polarity(tokens, k, lo, "Violence against civilians"), "trigger:اطلق+النار"))
    return out




_FROM = norm("من")


def _subject(tokens: list[Token], t: TriggerMention, actors: list):
    """Returns the actor told right after a verb, as its subject: «قتلت عناصر من تنظيم داعش …» → IS; else None."""
    at = t.last + 1
    # «قتلت عناصر من تنظيم داعش»: members of a force stand for it
    if at + 2 < len(tokens) and tokens[at].text in cue_set("fighter") and tokens[at + 1].text == _FROM:
        at += 2
    return next((a for a in actors if a.first == at and a.actor != "CIVILIANS"), None)


def with_subject(tokens: list[Token], found: list[TriggerMention], actors: list, casualties: list) -> list[TriggerMention]:
    """Keeps the verbs that tell an event only with their subject after them (Arabic's verb-subject-object order):
    «قتلت قوات النظام ثلاثة مدنيين», «أطلق مسلحون النار على السيارة» → kept; «قتل جنود النظام في …» → dropped.

    Unvowelled «قتل» is active or passive alike; only the active has an object, the toll right after the doer.
    A verb of opening fire needs «النار» right after its subject.
    """
    out = []
    for t in found:
        if t.strength not in ("agent", "fire"):
            out.append(t)
            continue
        subject = _subject(tokens, t, actors)
        after = subject.last + 1 if subject else len(tokens)
        if t.strength == "agent" and any(c.kind == "killed" and c.first == after for c in casualties):
            t = replace(t, strength="weak", rule=t.rule + "+agent")
            # «قتلت الطائرات الروسية 12 مدنيا»: an air force killing is an air strike
            out.append(replace(t, event_type=_REMOTE, sub_event_type=AIR) if subject.kind == "air" else t)
        elif t.strength == "fire" and after < len(tokens) and tokens[after].text == _FIRE:
            # «فتحت قوات الأمن النار على المتظاهرين»: fire on a protest is excessive force against it
            target = tokens[after + 2].text if after + 2 < len(tokens) and tokens[after + 1].text in _OVER else ""
            out.append(replace(t, event_type="Protests", sub_event_type="Excessive force against protesters",
                               strength="strong") if target in cue_set("protester") else replace(t, strength="weak"))
    return out
