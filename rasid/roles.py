"""Who did what to whom: the actor pair of an event word, its partners, the blamed, and ACLED's default sides."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .find.actors import ActorMention, nationality
from .find.casualties import Casualty
from .find.places import PlaceMention
from .find.triggers import TriggerMention
from .morph import cue_set, cue_values
from .records import Location

if TYPE_CHECKING:  # the sentence record is assemble's; roles only reads its fields
    from .assemble import Sent

# «مع» marks the other side of a battle, or a partner; «بين X وY» coordinates the two sides, not allies.
WITH = frozenset({"مع", "ومع"})
BETWEEN = frozenset({"بين", "وبين"})
AGAINST = frozenset({"ضد", "وضد"})
ON = frozenset({"علي", "وعلي"})
# «على رأس»: at the head of, an idiom of leading, not of aiming
HEAD = "راس"


def accusation(agents: list[ActorMention], words: list[str], lo: int) -> tuple[int, ActorMention] | None:
    """Returns the accusing verb's token and the force it blames: «واتهمت واشنطن النظام بارتكاب مجزرة» → (k, النظام).

    The blamed one is the object of an accusing verb, the actor right before «ب…» or «مسؤولية».
    """
    for a in agents:
        if a.last + 1 - lo >= len(words):
            continue
        nxt = words[a.last + 1 - lo]
        if not (nxt.startswith("ب") or nxt in cue_set("responsibility")):
            continue
        verbs = [k for k in range(max(lo, a.first - 4), a.first) if words[k - lo] in cue_set("accuse")]
        if verbs:
            return verbs[-1], a
    return None


def accused(agents: list[ActorMention], words: list[str], lo: int) -> ActorMention | None:
    """Returns the force blamed for the event: «واتهم ناشطون قوات النظام بالوقوف وراء القصف» → قوات النظام."""
    found = accusation(agents, words, lo)
    return found[1] if found else None


def joined_by_and(gap: list[str], head: str) -> bool:
    """Tells whether two actors are coordinated: «قوات النظام والمسلحين» → True; «روسيا الحليف الرئيسي للنظام» → False.

    Root-initial «و» («وحدات») is no conjunction.
    """
    return "و" in gap or any(w.startswith("و") for w in gap) or (head.startswith("و") and not head.startswith("وحد"))


@lru_cache(maxsize=1)
def patient_nouns() -> frozenset[str]:
    """Returns the forms of the person-act verbal nouns that take no object pronoun: «باغتيال» (not «اغتياله»)."""
    forms = cue_set("patient_noun")
    return frozenset(f for f in forms if not any(f.endswith(p) and f[:-len(p)] in forms
                                                 for p in ("هما", "هم", "هن", "ها", "ه", "كم", "نا")))


def _accusers(s: Sent, cands: list[ActorMention], verb: int, blamed: ActorMention) -> set[int]:
    """Returns the first tokens of the accusers, the actors between an accusing verb and the accused ones it
    coordinates: «واتهمت المعارضة قوات النظام وروسيا بقصف» → {«المعارضة»}."""
    between = [a for a in cands if verb < a.first < blamed.first]
    head = blamed
    while between and head.first - between[-1].last <= 3 and joined_by_and(
            s.words[between[-1].last + 1 - s.lo:head.first - s.lo], s.words[head.first - s.lo]):
        head = between.pop()
    return {a.first for a in between}


def spoken_about(s: Sent, after: int, hi: int) -> set[int]:
    """Returns the first tokens of actors in a source's own description, between a speech verb after `after` and
    its «إن»: «…في دوما، قالت الخوذ البيضاء، الدفاع المدني في مناطق المعارضة، إنها…» → {«المعارضة»}."""
    out: set[int] = set()
    speech, that, when = cue_set("speech"), cue_set("complementizer"), cue_set("time_conjunction")
    spoke = -1
    for k in range(after + 1, hi + 1):
        w = s.words[k - s.lo]
        if w in speech:
            spoke = k
        elif spoke >= 0 and k - spoke > _SPEAKER_REACH:
            spoke = -1
        # «قبل أن تتراجع»: «أن» after a time word opens a clause of time, not what a source said
        elif spoke >= 0 and w in that and s.words[k - 1 - s.lo] not in when:
            out |= {a.first for a in s.actors if spoke < a.first < k}
            spoke = -1
    return out


def resumes(w: str) -> bool:
    """Tells whether a word is a doing verb with an object pronoun: «نفذته», «شنتها» → True; «نفذت» → False."""
    return w in cue_set("agent_verb") and w.endswith(("ه", "ها", "هما", "هم"))


@lru_cache(maxsize=1)
def aim_verbs() -> frozenset[str]:
    """Returns the verb forms of the target cues: «واستهدفت», «يستهدف» (not «على»)."""
    return frozenset(f for f, pos in cue_values("target", "pos").items() if pos == "verb")


def carries_object(w: str) -> bool:
    """Tells whether an aiming verb carries its object as a pronoun: «فاستهدفهما» → True; «استهدفت» → False.

    The noun after such a verb is its subject: «فاستهدفهما الطيران المروحي» names the attacker.
    """
    aims = aim_verbs()
    return w in aims and any(w.endswith(p) and w[:-len(p)] in aims for p in ("هما", "هم", "ها", "ه"))


# «لم يعرف ما إذا كانت سورية أو روسية»: the forces a «whether X or Y» doubt names after «ما إذا»
_WHETHER_REACH = 8
_OR = frozenset({"او", "ام"})


def doubted(s: Sent, lo: int, hi: int) -> tuple[int, list[str]] | None:
    """Returns where a doubt between attackers opens and the forces it names: «ما إذا كانت سورية أو روسية» → (k, [SYR_GOV, RUS])."""
    for k in range(max(lo, s.lo + 1), hi + 1):
        if s.words[k - s.lo] != "اذا" or s.words[k - 1 - s.lo] != "ما":
            continue
        span = range(k + 1, min(hi, k + _WHETHER_REACH) + 1)
        if not any(s.words[j - s.lo] in _OR for j in span):
            continue
        named: list[str] = []
        for j in span:
            mention = next((a.actor for a in s.actors if a.first == j), None)
            actor = mention or nationality(s.words[j - s.lo])
            if actor and actor not in named:
                named.append(actor)
        if len(named) >= 2:
            return k - 1, named
    return None


def coordinated(a1: ActorMention, agents: list[ActorMention], words: list[str], lo: int) -> set[int]:
    """Returns the first tokens of the actors joined to the perpetrator by «و»: «غارات روسية وسورية» → {Syrian}.

    A sub-unit named with «في» («الفرقة الرابعة في الحرس الجمهوري») continues the chain; «مع», a
    target word or a clause break ends it. Root-initial «و» («وحدات») is no conjunction.
    """
    out: set[int] = set()
    prev = a1
    for a in agents:
        if a.first <= prev.last:
            continue
        gap = words[prev.last + 1 - lo:a.first - lo]
        if len(gap) > 2 or any(w in WITH or w in cue_set("target") or w in cue_set("clause_break") for w in gap):
            break
        joined = joined_by_and(gap, words[a.first - lo])
        # «هجوم أمريكي بريطاني فرنسي»: stacked nationality adjectives qualify one attack
        stacked = not gap and a.kind == prev.kind == "nisba"
        if not (joined or stacked or (a.actor == prev.actor and gap in (["في"], []))):
            break
        out.add(a.first)
        prev = a
    return out


GOV_SIDE = {"SYR_GOV", "SYR_PGM", "RUS", "IRN_IRGC", "IRN_PROXY", "HEZBOLLAH"}
STATE = {"SYR_GOV", "RUS", "IRN_IRGC", "TUR", "ISR", "USA", "FRA", "GBR", "IRQ_GOV", "JOR",
         "COALITION"}
AIR_FORCES = {"RUS", "COALITION", "ISR", "USA", "TUR", "JOR", "FRA", "GBR", "IRQ_GOV"}

def span_of(s: Sent, pos: int) -> tuple[int, int]:
    """Returns the token range of the part of the sentence holding `pos`, split at «فيما», «في وقت» …."""
    lo, hi = s.lo, s.hi
    separate = cue_set("separate")
    for k, w in enumerate(s.words):
        i = s.lo + k
        cut = w in separate or (w == "وقت" and k and s.words[k - 1] in ("في", "وفي"))
        if not cut:
            continue
        start = i - 1 if w == "وقت" else i
        if start <= pos:
            lo = max(lo, i + 1)
        else:
            hi = min(hi, start - 1)
    return lo, hi


# Speech verbs whose complement («قال المرصد، الموالي للمعارضة، إن …») holds the event: actors in
# the speaker's own description are not parties to it (data/cues/speech.tsv, hedge.tsv, complementizer.tsv).


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    """Returns the forms of speech and belief verbs: «وقالت», «يشير», «اتهم» …"""
    return cue_set("speech") | cue_set("hedge")
# Words after a trigger that open its target («غارات على مقرات لهيئة تحرير الشام») or a new clause.
# «مدعومة بمقاتلين من حزب الله»: the supporting force follows its support word closely.
_SUPPORT_REACH = 4
# «من جهة … من جهة أخرى», «من طرف … من طرف آخر»: the two sides of a battle.
_SIDE_NOUNS = frozenset({"جهه", "طرف", "ناحيه"})
_OTHER = frozenset({"اخري", "اخر", "ثانيه", "ثاني", "مقابل"})
# (data/cues/target.tsv and clause_break.tsv)
# Control nouns and stative verbs before an actor make it the holder of a place, not an agent (holding.tsv).


def _speaker_end(s: Sent, before: int) -> int:
    """Returns the first token after «قال X إن» that precedes `before`, or the sentence start.

    A complementizer with a pronoun takes up a speaker that is a force: «قالت المعارضة إنها قصفت» keeps
    «المعارضة» as the subject of the complement.
    """
    start, spoke = s.lo, -1
    for k in range(s.lo, before):
        w = s.words[k - s.lo]
        if w in _speech():
            spoke = k
        elif spoke >= 0 and w in cue_set("complementizer"):
            start = k + 1
            if w.endswith(("ه", "ها", "هم")):
                speaker = [a for a in s.actors if spoke < a.first < k and a.first - spoke <= 2]
                start = speaker[0].first if speaker else start
            spoke = -1
    return start


def told_doer(s: Sent, before: int) -> ActorMention | None:
    """Returns the force a source's complement names as its subject: «وقال أحد الناجين إن مسلحين من تنظيم الدولة
    دخلوا القرية وأطلقوا النار» → تنظيم الدولة (before «أطلقوا»); None with no speaker's «إن» before `before`."""
    start = _speaker_end(s, before)
    if start == s.lo:
        return None
    return next((a for a in s.actors if start <= a.first < before and a.actor != "CIVILIANS"
                 and a.kind not in ("victim", "victim_weak")), None)


def _sides(s: Sent, t: TriggerMention, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Returns the token ranges of two sides a battle names: «بين النظام وحزب الله من جهة، والفصائل من جهة أخرى»."""
    marks = [k for k in range(max(lo, t.first), hi) if s.words[k - s.lo] in ("من", "ومن")
             and s.words[k + 1 - s.lo] in _SIDE_NOUNS]
    if len(marks) < 2:
        return None
    first, second = marks[0], marks[1]
    if second + 2 > hi or s.words[second + 2 - s.lo] not in _OTHER:
        return None
    return (t.first, first - 1), (first + 2, second - 1)


# «مقتل 26 مسلحا مواليا للنظام السوري غالبيتهم من…»: how far after a toll its breakdown may open
_AMONG_REACH = 8
# «ضد ما وصفه الجيش التركي بالإرهابيين»: how far a verb of labelling stands before the label
_LABEL_REACH = 4
# «قالت منظمة الخوذ البيضاء، الدفاع المدني في مناطق المعارضة، إنها»: how long a source's description runs
_SPEAKER_REACH = 10
# «اغتيال رئيس فرع الأمن السياسي»: how far the genitive phrase of a person-act noun reaches
_GENITIVE_REACH = 3
# «تعرضت مواقع عسكرية تابعة للنظام السوري بريفي حماة وحلب لقصف»: the subject may run this long
_UNDERGO_REACH = 10


def _undergoing(s: Sent, t: TriggerMention, lo: int) -> set[int]:
    """Returns the actors between «تعرض» and the event it governs with «لـ»: «تعرضت مواقع للنظام لقصف» → {«النظام»}."""
    if not s.words[t.first - s.lo].startswith("ل"):
        return set()
    undergo = cue_set("undergo")
    k = next((k for k in range(t.first - 1, max(lo, t.first - _UNDERGO_REACH) - 1, -1)
              if s.words[k - s.lo] in undergo), None)
    return set() if k is None else {a.first for a in s.actors if k < a.first < t.first}


def pick_actors(t: TriggerMention, s: Sent, victims: str | None,
                 military: bool = False) -> tuple[str | None, str | None, list]:
    """Picks the perpetrator and a different target: «قتل تسعة موالين للنظام جراء قصف» → (None, SYR_PGM).

    The perpetrator is the genitive or adjective right after the trigger («غارات روسية», «قصف
    النظام»), else the nearest actor before it, else an agent after it that is not in the target
    phrase («على …») or a later clause. Actors named as casualties are targets.
    """
    spans = []
    allies: set[int] = set()
    part_lo, part_hi = span_of(s, t.first)
    start = max(_speaker_end(s, t.first), part_lo)
    # the dead of a battle or takeover may be either side; of a bombing they are its target
    hit = set() if t.event_type == "Battles" else {
        a.first for c in s.casualties for a in s.actors if c.first <= a.first <= c.last + 5
        and (a.first < t.first or c.first > t.last)}
    # «قتل 26 مسلحا مواليا للنظام غالبيتهم من المقاتلين الإيرانيين»: a breakdown of the dead names more of them
    if t.event_type != "Battles":
        breakdown = cue_set("among")
        among = [k for k in range(s.lo, s.hi + 1) if s.words[k - s.lo] in breakdown and any(
            0 < k - c.last <= _AMONG_REACH for c in s.casualties)] if s.casualties else []
        hit |= {a.first for a in s.actors for k in among if 0 < a.first - k <= 3 and (a.first < t.first or k > t.last)}
    # «مقتل ثلاثة عناصر من قوات سوريا الديمقراطية (قسد)»: a name's abbreviation right after it is the same party
    for a in sorted(s.actors, key=lambda a: a.first):
        if any(h.first in hit and h.actor == a.actor and 0 < a.first - h.last <= 2 for h in s.actors):
            hit.add(a.first)
    # «خلال تعرض مواقع تابعة للنظام لقصف صاروخي»: what undergoes the event is its target
    hit |= _undergoing(s, t, part_lo)
    # «…في دوما، قالت الخوذ البيضاء، الدفاع المدني في مناطق المعارضة، إنها…»: who describes a source
    # after the event word is not its doer (as a target it stays: the source may speak of its own loss)
    told_by = spoken_about(s, t.last, part_hi)
    cands = [a for a in s.actors if a.actor != "CIVILIANS" and start <= a.first <= part_hi]
    # «ضد من وصفتهم بالإرهابيين»: a hostile name after a verb of labelling is the speaker's word, not a party
    # «قوات مناوئة للنظام السوري»: the party an adjective of opposition names is the one opposed, not a doer
    cands = [a for a in cands if not (a.kind == "pejorative" and any(
        w in cue_set("label_verb") for w in s.words[max(0, a.first - s.lo - _LABEL_REACH):a.first - s.lo]))
        and not (a.first > s.lo and s.words[a.first - 1 - s.lo] in cue_set("opposed_adj"))]
    # «واتهمت واشنطن النظام بارتكاب مجزرة»: the accuser speaks and is no party; the accused is the claimed doer
    blame = accusation(cands, s.words, s.lo)
    if blame:
        cands = [a for a in cands if a.first not in _accusers(s, cands, *blame)]
    # «اغتيال رئيس فرع الأمن السياسي»: the genitive of an act done to a person is who underwent it
    if s.words[t.first - s.lo] in patient_nouns():
        hit |= {a.first for a in cands if t.last < a.first <= t.last + _GENITIVE_REACH}
    # «بلدة طفس الواقعة تحت سيطرة المعارضة»: who holds the place is not who struck it
    holders = {a.first for a in cands if any(
        w in cue_set("holding") for w in s.words[max(0, a.first - s.lo - 3):a.first - s.lo])}
    # «خرقت قوات النظام الاتفاق مع المعارضة وقصفت …»: outside a battle, a force after «مع» is a
    # counterpart or partner, neither the attacker nor the target; in a battle «مع» names the other side,
    # unless «ضد» names it after: «سيطر الجيش التركي على عفرين مع الجيش الحر ضد الوحدات»
    against = next((k for k in range(t.last + 1, part_hi + 1) if s.words[k - s.lo] in AGAINST), None)
    partners = {a.first for a in cands if a.first > s.lo and s.words[a.first - 1 - s.lo] in WITH
                and (t.event_type != "Battles" or (against is not None and a.first < against))}
    # «تصدت الدفاعات الجوية السورية لعدوان إسرائيلي»: whose weapons an interception stops (the object
    # «ل…») is its target, never its doer; the subject may stand between the verb and it
    stopped: set[int] = set()
    if t.rule.endswith("+intercepted"):
        obj = next((k for k in range(t.last + 1, part_hi + 1) if s.words[k - s.lo].startswith("ل")), part_hi + 1)
        stopped = {a.first for a in cands if a.last >= obj}
    if t.sub_event_type == "Disrupted weapons use":
        # «أسقطت الدفاعات الجوية صواريخ إسرائيلية»: a nationality told of the weapons is whose they were
        # («الدفاعات الجوية الروسية» is the interceptor's)
        stopped |= {a.first for a in cands if a.first > t.last and a.kind == "nisba" and a.first > s.lo
                    and s.words[a.first - 1 - s.lo] in cue_set("projectile")}
    agents = [a for a in cands if a.first not in hit | holders | partners | stopped | told_by]

    # «قوات النظام مدعومة بميليشيا الدفاع الوطني»: a supporting force is on the side before it
    support = cue_set("support")
    backing = {a.first for a in cands if any(
        w in support for w in s.words[max(0, a.first - s.lo - _SUPPORT_REACH):a.first - s.lo])}
    sides = _sides(s, t, part_lo, part_hi) if t.event_type == "Battles" else None
    if sides:
        one = [a for a in cands if sides[0][0] <= a.first <= sides[0][1] and a.first not in backing]
        two = [a for a in cands if sides[1][0] <= a.first <= sides[1][1] and a.first not in backing]
        if one and two and one[0].actor != two[0].actor:
            return one[0].actor, two[0].actor, [(one[0].first, one[0].last), (two[0].first, two[0].last)]
    agents = [a for a in agents if a.first not in backing]

    battle = t.event_type == "Battles"

    def clear(a) -> bool:
        between = s.words[t.last + 1 - s.lo:a.first - s.lo]
        # «اشتباكات عنيفة مع تنظيم داعش»: the one a battle is fought with is the other side
        # «قصفت مواقع للجيش»: a force after its positions is what was struck
        return not any(w in cue_set("target") or w in cue_set("clause_break") or w in cue_set("position")
                       or (battle and w in WITH) for w in between)

    aims = aim_verbs()

    def aimed(a) -> bool:
        """Tells whether a target word governs the actor; a clause-initial verb is followed by its
        subject instead: «واستهدفت الطائرات السورية البلدة»; «على رأسها الولايات المتحدة» (led by) aims at none."""
        return any((s.words[k - s.lo] in cue_set("target") and not (s.words[k - s.lo] in aims and k <= start)
                    and not carries_object(s.words[k - s.lo]) and not (
                        k + 1 < a.first and s.words[k - s.lo] in ON and s.words[k + 1 - s.lo].startswith(HEAD)))
                   or s.words[k - s.lo] in cue_set("position")
                   for k in range(max(s.lo, a.first - 2), a.first))

    after = [a for a in agents if a.first > t.last and clear(a)]
    # «شن داعش هجوما على قوات قسد … وتمكنوا من السيطرة»: the target of an earlier verb is not the agent
    before = [a for a in agents if a.last < t.first and not aimed(a)]
    # «قصف على بلدة محردة نفذته فصائل المعارضة»: a verb whose pronoun takes up the event names its doer
    # (the pronoun takes up the nearest event noun: «ردا على هجوم نفذته الهيئة» is not this trigger's)
    # «هجوم يشتبه في أن النظام شنه»: the force right before the verb is its subject too; after
    # «شنه على» the force is the target
    done_by = [a for a in agents if a.first > t.last and (any(
        resumes(s.words[k - s.lo]) and not any(w in cue_set("target") for w in s.words[k + 1 - s.lo:a.first - s.lo])
        for k in range(max(t.last + 1, a.first - 2), a.first)) or (
        a.last + 1 <= s.hi and resumes(s.words[a.last + 1 - s.lo])))
        and not any(t.last < x.first < a.first for x in s.triggers)]
    # «الهجوم الذي ألقيت مسؤوليته على الحكومة السورية»: the force blame is laid on is the claimed doer
    laid_on = [a for a in cands if a.first - 2 >= s.lo and s.words[a.first - 1 - s.lo] in ON
               and s.words[a.first - 2 - s.lo] in cue_set("blame_noun")]
    if after and after[0].first - t.last <= 3:
        a1 = after[0]
    elif done_by:
        a1 = done_by[0]
    elif laid_on:
        a1 = laid_on[0]
    elif before:
        # «قوات النظام وعناصر تابعة لميليشيا الدفاع الوطني وميليشيات شيعية»: a coordinated subject
        # is led by its first member; the others are its associates
        k = len(before) - 1
        while k > 0 and before[k].first - before[k - 1].last <= 3:
            k -= 1
        # «روسيا الحليف الرئيسي للنظام السوري، المتهم باستهداف دوما»: an accused participle follows its doer
        blamed = [a for a in before if a.last + 1 < t.first and s.words[a.last + 1 - s.lo] in cue_set("accused")]
        a1 = blamed[-1] if blamed else before[k]
        allies = set() if blamed else {a.first for a in before[k + 1:]}
    elif after and t.first > s.lo and s.words[t.first - 1 - s.lo] in aims:
        # «واستهدفت الغارات ثلاثة بيوت كان قادة التنظيم يجتمعون فيها»: after an event word that is the subject
        # of an aiming verb comes its object, so a force named further on was struck
        a1 = None
    else:
        a1 = after[0] if after else accused(agents, s.words, s.lo)
    if a1 is not None and a1.first > t.last and not any(
            w in BETWEEN for w in s.words[t.last + 1 - s.lo:a1.first - s.lo]):
        allies |= coordinated(a1, agents, s.words, s.lo)
    # «بعد فشل روسيا وتركيا وإيران في التوصل إلى هدنة»: forces listed with «و» beside the perpetrator's own
    # name share its part in that phrase, so they are not its target (outside a battle, not after «بين», and
    # not among the dead or struck: «مقتل 14 من قوات النظام والمسلحين الموالين لها», «مقرات للجيش والميليشيات»)
    if a1 is not None and t.event_type != "Battles":
        for m in cands:
            if m is not a1 and m.actor == a1.actor and m.first not in hit and not aimed(m) and not any(
                    w in BETWEEN for w in s.words[max(s.lo, m.first - 2) - s.lo:m.first - s.lo]):
                allies |= coordinated(m, cands, s.words, s.lo)
    actor1 = a1.actor if a1 else None
    # «غارة نفذتها طائرات لم يعرف ما إذا كانت سورية أو روسية»: a doubt between the forces asserts
    # neither; the strike stays the government's, as ACLED codes an unattributed air strike, unless
    # the doubt is between others
    doubt = _doubted_strike(s, t, part_lo, part_hi, a1)
    if doubt:
        actor1, a1 = ("SYR_GOV" if "SYR_GOV" in doubt else doubt[0]), None
    elif a1 is None and t.last < s.hi and s.words[t.last + 1 - s.lo].startswith("مماثل"):
        # «غارتان من طائرات النظام على حمورية، في حين استهدفت غارات مماثلة حرستا»: a «similar»
        # strike is the earlier one's kind, by the same attacker
        prior = [x for x in s.triggers if x.last < t.first and x.event_type == t.event_type]
        if prior:
            actor1 = pick_actors(prior[-1], s, None, military)[0]
    if a1:
        spans.append((a1.first, a1.last))
    actor2 = None
    # «مقتل 14 شخصا» at an airbase: persons killed at a military site are not known to be civilians
    # «بحسب مسعفين»: persons named after a preposition of attribution tell the event, they are not its victims
    civ = [a for a in s.actors if a.actor == "CIVILIANS" and part_lo <= a.first <= part_hi
           and not (military and a.kind == "victim_weak")
           and not (a.first > s.lo and s.words[a.first - 1 - s.lo] in cue_set("according"))]
    # «قتل 36 شخصا في غارات استهدفت قوات موالية للحكومة»: unmarked persons are the named target
    named = bool(civ) and all(a.kind == "victim_weak" for a in civ) and any(
        a.first > t.last and a.actor != actor1 and a.first not in allies | backing and aimed(a) for a in cands)
    if (victims == "civilians" or (civ and t.event_type != "Battles")) and not named:
        actor2 = "CIVILIANS"
        if civ:
            spans.append((civ[0].first, civ[0].last))
    else:
        def linked(a) -> bool:
            lo, hi = (t.last + 1, a.first) if a.first > t.last else (a.last + 1, t.first)
            return not any(w in cue_set("clause_break") for w in s.words[lo - s.lo:hi - s.lo])

        # «قصف الطيران البلدة، كما دارت اشتباكات بين …»: a force in another clause is not the target,
        # unless it is struck or holds the place («حيث يسيطر تنظيم داعش»)
        # «شن داعش هجوما على قسد، حيث تمكنوا من السيطرة على هجين»: the target of the perpetrator's
        # own earlier verb stays its opponent across the clause break
        def opposed(a) -> bool:
            return a1 is not None and a1.last < a.first < t.first and aimed(a)

        # «قصفت قوات النظام … بين قوات النظام مدعومة بالدفاع الوطني ولواء القدس»: a force of the
        # perpetrator's own camp is its target only when struck or aimed at («استهدفت بالخطأ مواقع …»)
        def own_camp(a) -> bool:
            return actor1 in GOV_SIDE and a.actor in GOV_SIDE and a.first not in hit and not aimed(a)

        rest = sorted((a for a in cands if a.actor != actor1 and a.first not in allies | backing | partners
                       and not own_camp(a) and (a.first in hit or a.first in holders or linked(a) or opposed(a))),
                      key=lambda a: (a.first not in hit, abs(a.first - t.first)))
        # «قصفت قوات النظام الأحياء السكنية في تلبيسة»: a residential target is civilian, unless a
        # force other than the place's holder is named beside it
        homes = t.event_type != "Battles" and any(
            w in cue_set("residential") for w in s.words[start - s.lo:part_hi + 1 - s.lo])
        if homes and all(a.first in holders for a in rest):
            actor2 = "CIVILIANS"
        elif rest:
            actor2 = rest[0].actor
            spans.append((rest[0].first, rest[0].last))
        elif battle and actor1 is not None:
            # «مقتل 36 من قوات النظام خلال اشتباكات … إثر هجوم مفاجئ شنه تنظيم الدولة»: who launched the
            # attack the battle followed from is its other side, though named past the clause break
            cause = next((a for a in cands if a.actor != actor1 and a.first > t.last + 1
                          and resumes(s.words[a.first - 1 - s.lo]) and any(
                              x is not t and x.event_type == "Battles" and t.last < x.last < a.first - 1
                              for x in s.triggers)), None)
            if cause is not None:
                actor2 = cause.actor
                spans.append((cause.first, cause.last))
    return actor1, actor2, spans


def _doubted_strike(s: Sent, t: TriggerMention, lo: int, hi: int, a1: ActorMention | None) -> list[str] | None:
    """Returns the forces a strike's doubt names, when the doubt follows the trigger and holds its
    only named doer: «غارة نفذتها طائرات لم يعرف ما إذا كانت سورية أو روسية» → [SYR_GOV, RUS]."""
    if t.event_type != "Explosions/Remote violence":
        return None
    found = doubted(s, t.last + 1, hi)
    if found is None or (a1 is not None and a1.first < found[0]):
        return None
    return found[1]


_STATE_STRIKERS = frozenset({"ISR", "USA", "GBR", "FRA"})


# Heads of airbase and military-site names are data/cues/military_site.tsv; «شخص» is person.tsv.


def persons(c: Casualty, s: Sent) -> bool:
    """Tells whether a toll counts «persons», not civilians by name: «مقتل 14 شخصا» → True."""
    return any(w in cue_set("person") for w in s.words[c.last + 1 - s.lo:c.last + 3 - s.lo])


def military_site(group: list[tuple[PlaceMention, Location]]) -> bool:
    """Tells whether the event's place is an airbase or military site: «مطار التيفور العسكري» → True."""
    return any(loc.place_id and loc.place_id.startswith("curated:") and pm.key.split()[0] in cue_set("military_site")
               for pm, loc in group)


def default_actors(event_type: str, sub: str, actor1: str | None, actor2: str | None,
                    victims: str | None, toll: bool = False,
                    military: bool = False) -> tuple[str, str, set[str]]:
    """Fills unnamed sides the way ACLED coders do: unknown attackers of the government are
    UNIDENTIFIED, bombardment of the opposition is the government's, its unnamed dead civilians;
    an unnamed strike on an airbase («استهدفت صواريخ مطار التيفور») is UNIDENTIFIED on the government."""
    defaults: set[str] = set()
    # «تصدت الدفاعات الجوية لصواريخ فوق مطار المزة»: the site of an interception is not its target
    if military and victims != "civilians" and actor2 is None and actor1 not in GOV_SIDE \
            and sub != "Disrupted weapons use":
        defaults.add("actor2")
        actor2 = "SYR_GOV"
    if actor1 is None:
        defaults.add("actor1")
        if sub in ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack",
                   "Abduction/forced disappearance") or actor2 in GOV_SIDE:
            actor1 = "UNIDENTIFIED"
        else:
            actor1 = "SYR_GOV"
    if actor2 is None:
        defaults.add("actor2")
        bombing = event_type == "Explosions/Remote violence"
        if event_type == "Violence against civilians":
            # ACLED's violence against civilians has civilians as its target by definition
            actor2 = "CIVILIANS"
        elif actor1 in _STATE_STRIKERS and bombing and victims != "civilians":
            # Israeli and Western strikes in Syria hit the government's and its allies' sites
            actor2 = "SYR_GOV"
        elif victims == "civilians" or sub == "Chemical weapon" or (bombing and toll and victims is None) or (
                bombing and actor1 not in GOV_SIDE and victims != "fighters"):
            actor2 = "CIVILIANS" if actor1 not in ("COALITION", "TUR") else (
                "IS" if actor1 == "COALITION" else "YPG")
        elif actor1 in GOV_SIDE:
            actor2 = "OPP"
        elif actor1 in ("TUR",):
            actor2 = "YPG"
        elif actor1 in ("COALITION", "SDF", "IRQ_GOV"):
            actor2 = "IS"
        else:
            actor2 = "SYR_GOV"
    return actor1, actor2, defaults
