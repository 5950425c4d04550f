"""Attribution: who says what («قال المرصد», «بحسب سانا», «نفت موسكو») and with what stance."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import PhraseMatcher, Match, readings, table
from ..morph import bare_forms, cue_rows, cue_set
from ..normalize import norm
from ..segment import Token
from .framing import rumour_at, rumour_verb


@dataclass(frozen=True)
class ClaimMention:
    """A source and its stance at tokens [first, last]: «وأفاد المرصد السوري» → SOHR asserts."""

    first: int
    last: int
    source: str
    stance: str
    rule: str
    cue: int = -1  # the token of the cue that gives the stance («نفى», «بحسب»), -1 when none does


# Placeholder sources resolved by the pipeline: the article's own outlet (its correspondent, «مراسلنا»)
# and an eyewitness named as written («أحد الناجين»).
OUTLET = "OUTLET"
WITNESS = "WITNESS"


# A capital speaks for its government only as the subject of a speech verb («ونفت موسكو»); as a place
# («قصف في دمشق») it is no source, so the capitals live here rather than among the aliases of sources.tsv,
# whose every mention is a claim. Values are the government's source id in sources.tsv.
# The capitals and their source ids are the cue lexicon data/cues/capitals.tsv.
# «وكالة الأنباء», «وكالات أنباء»: «أنباء» names a news agency there, not a rumour.
_AGENCY = frozenset(norm(w) for w in ("وكالة", "وكالات"))
_RUMOUR_NOUN = norm("أنباء")
# Particles between a speech verb's subject and a hedge that is its object: «أشار المرصد إلى أنباء عن».
_OBJECT_PARTICLES = frozenset(norm(w) for w in ("إلى", "عن"))


def _key(phrase: str) -> str:
    """Returns a phrase as PhraseMatcher keys it: «أنباء عن» → «انباء عن», «الأنباء» → «انباء»."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in norm(phrase).split())


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher, frozenset[str]]:
    sources = PhraseMatcher((r["alias"], r["id"]) for r in table("sources.tsv"))
    # phrases, prepositions and nouns are attribution.tsv rows; verbs are lemmas whose forms morph.py spells
    lexicons = (("speech", "asserts"), ("denial", "denies"), ("hedge", "uncertain"))
    inflected = [(f, stance) for name, stance in lexicons for f in sorted(bare_forms(name))]
    cues = PhraseMatcher([(r["cue"], r["stance"]) for r in table("attribution.tsv")] + inflected, suffixes=True)
    capitals = PhraseMatcher((r["lemma"], r["source"]) for r in cue_rows("capitals"))
    verbs = frozenset(_key(r["cue"]) for r in table("attribution.tsv") if r["kind"] == "verb") | frozenset(
        _key(f) for name, _ in lexicons for pos in ("verb", "word") for f in bare_forms(name, pos))
    return sources, cues, capitals, verbs


def named_back(tokens: list[Token], acts: list) -> list:
    """Returns actor mentions with a generic noun pointing back read as the party last named.

    «… مواقع فيلق الرحمن … نفى متحدث باسم التنظيم الإرهابي المذكور» → «التنظيم» is OPP (the group
    just named), not IS, which the generic noun would read as on its own.
    """
    back = cue_set("anaphor")
    out = []
    for k, a in enumerate(acts):
        after = [t.text for t in tokens[a.last + 1:a.last + 3]]
        # the adjective agrees with a definite noun: «التنظيم المذكور», never «مذكور» alone
        # only a generic noun points back («التنظيم المذكور»); «جيش العزة المذكور» is still itself, and
        # what it points at is a party named as such, not another generic noun («النظام»)
        if a.kind == "generic" and any(w in back and w.startswith("ال") for w in after):
            prev = next((p for p in reversed(acts[:k]) if p.last < a.first and p.kind != "generic"
                         and p.actor != "CIVILIANS"), None)
            if prev is not None and prev.actor != a.actor:
                a = replace(a, actor=prev.actor, rule=a.rule + "+anaphor")
        out.append(a)
    return out


def source_mentions(tokens: list[Token]):
    """Returns source-name matches: «وكالة سانا» → SANA."""
    return _matchers()[0].find(tokens)


def _names_an_agency(tokens: list[Token], c) -> bool:
    """Tells whether a «أنباء» cue is part of an agency's name: «وكالة الأنباء», «تاس للأنباء عن» → True."""
    if c.key.split()[0] != _RUMOUR_NOUN:
        return False
    word = tokens[c.first].text
    if word[0] in "وف" and len(word) > 4:
        word = word[1:]
    return word.startswith("لل") or (c.first > 0 and bool(readings(tokens[c.first - 1].text) & _AGENCY))


def cue_mentions(tokens: list[Token]):
    """Returns attribution cue matches with their stance: «نفت» → denies; «وكالة الأنباء» → no cue."""
    return [c for c in _matchers()[1].find(tokens) if not _names_an_agency(tokens, c)]


def capital_mentions(tokens: list[Token]):
    """Returns the capitals named in the text («موسكو», «أنقرة»), found once per article."""
    return _matchers()[2].find(tokens)


def _capital_claims(tokens: list[Token], in_s, taken, capitals, lo: int, hi: int) -> list[ClaimMention]:
    """Returns capitals that are the subject of a speech verb: «ونفت موسكو» → RUS_GOV denies."""
    verbs = _matchers()[3]
    out: list[ClaimMention] = []
    prev: tuple[int, str] | None = None  # (last token, stance) of the claim a «و» may extend
    for m in capitals:
        if not lo <= m.first < hi:
            continue
        word = tokens[m.first].text
        stance, cue = None, None
        if m.skip == 0:
            # VSO only: a capital opening a sentence is often a dateline («دمشق - قال مصدر»)
            cue = next((c for c in in_s if c.last == m.first - 1 and c.key in verbs), None)
            stance = _stance(cue) if cue else None
        elif m.skip == 1 and word[0] == "و" and prev and prev[0] == m.first - 1:
            # «نفت دمشق وموسكو»: a capital joined to a speaking one speaks with it
            stance = prev[1]
        if stance is None or any(a <= m.first <= b for a, b in taken):
            prev = None
            continue
        out.append(ClaimMention(m.first, m.last, m.payloads[0], stance, "claim:capital",
                                cue.first if cue else -1))
        prev = (m.last, stance)
    return out


def _relays(tokens: list[Token], s, c) -> bool:
    """Tells whether cue c is the object right after source s: «نقل المرصد أنباء», «أشار المرصد إلى أنباء»."""
    return c.first == s.last + 1 or (c.first == s.last + 2 and tokens[s.last + 1].text in _OBJECT_PARTICLES)


def _object_of(tokens: list[Token], c, s, sources) -> bool:
    """Tells whether s comes after cue c's own subject: «كذبت سانا رواية الناشطين» → True for «الناشطين»."""
    for o in sources:
        # the same source named twice is an apposition: «وكالة الأنباء السورية (سانا)»
        if c.last < o.first and o.last < s.first and o.payloads[0] != s.payloads[0]:
            # «نفت سانا ووكالة أعماق»: a source joined by «و» to the subject shares its verb
            if not (s.first == o.last + 1 and tokens[s.first].text[0] == "و"):
                return True
    return False


# How many words a relative clause describing a source («الذي دخل البلدة صباح اليوم») may add between
# the source and its speech verb.
_CLAUSE = 6


def _described(tokens: list[Token], last: int, cue: int) -> bool:
    """Tells whether a relative clause opens right after a source, before its verb: «مراسلنا الذي زار المكان أكد» → True."""
    rel = cue_set("relative")
    return any(tokens[i].text in rel for i in range(last + 1, min(last + 4, cue)))


def _quoted_inside(tokens: list[Token], s, in_s, lo: int) -> bool:
    """Tells whether a source is the subject of a relative clause inside another speaker's words.

    «وأضاف أن الصور التي نشرتها سانا التقطت على أطراف البلدة» → True: SANA is what the speaker
    speaks of, not a speaker; «البيان الذي أصدرته الوزارة قال إن …» (no speaker before) and «قالوا إنه
    هجوم كيماوي، وهو الذي نفته السلطات» (a denial) → False.
    """
    # the pronoun, the clause's verb, then its subject: «التي نشرتها سانا»
    at = s.first - 2
    if at < lo or tokens[at].text not in cue_set("relative"):
        return False
    # «وهو الذي نفته السلطات»: a denial or doubt in the clause is a stance on what the sentence tells
    if any(c.first == at + 1 and c.payloads[0] != "asserts" for c in in_s):
        return False
    verbs = _matchers()[3]
    # a speech verb said before it («وقال مراسلنا إن …»); «بحسب التقرير الذي نشره المرصد» names its source
    return any(c.last < at and c.key.split()[0] in verbs and c.payloads[0] != "uncertain" for c in in_s)


def _voice(tokens: list[Token], i: int, last: int, source: str) -> Match:
    return Match(i, last, 0, tokens[i].start, tokens[last].end, (source,), tokens[i].text)


def own_voices(tokens: list[Token], lo: int, hi: int, sources) -> list[Match]:
    """Returns the outlet's reporters and eyewitnesses in [lo, hi) as sources: «قال مراسلنا» → OUTLET, «أحد الناجين» → WITNESS."""
    reporters, witnesses = cue_set("correspondent"), cue_set("witness")
    inside = {i for s in sources for i in range(s.first, s.last + 1)}
    out = []
    for i in range(lo, hi):
        word = tokens[i].text
        if i in inside:
            continue
        if word in reporters:
            # «مراسل وكالة سانا»: a reporter followed by another outlet's name is that outlet's
            if not any(0 < s.first - i <= 3 for s in sources):
                out.append(_voice(tokens, i, i, OUTLET))
        elif word in witnesses:
            first = i - 1 if word.endswith("عيان") and i > lo else i  # «شاهد عيان»
            out.append(_voice(tokens, first, i, WITNESS))
    return out


def _rebuttals(tokens: list[Token], out: list[ClaimMention], in_s, lo: int, hi: int) -> list[ClaimMention]:
    """Returns what a denier asserts instead: «نفى وقوع غارة، مؤكدا أن الحاجز تعرض لهجوم» → the same source asserts from «مؤكدا»."""
    words = cue_set("rebuttal")
    added = []
    for d in out:
        if d.stance != "denies" or d.cue < 0:
            continue
        others = [o.first for o in out if o.first > d.cue and o.source != d.source]
        stop = min(others, default=hi)
        turn = next((i for i in range(d.cue + 2, stop) if tokens[i].text in words), None)
        if turn is None:
            # «…، وقال إنه قتل برصاص مسلحين»: a later speech verb with no subject of its own is the denier's
            verbs = _matchers()[3]
            turn = next((c.first for c in in_s if d.cue + 1 < c.first < stop and c.payloads[0] == "asserts"
                         and c.key in verbs and tokens[c.first].text[0] == "و"
                         and not any(0 <= o.first - c.last <= 3 for o in out)), None)
        if turn is not None:
            added.append(ClaimMention(d.first, d.last, d.source, "asserts", "claim:rebuttal", turn))
    return added


@lru_cache(maxsize=1)
def _accusing() -> frozenset[str]:
    """Returns the keys of accusing verbs among the cues: «اتهمت», «يتهمون»."""
    return frozenset(_key(f) for f in bare_forms("accuse", "verb")) & _matchers()[3]


def _stance(c) -> str:
    """Returns the stance a cue gives its subject: «نفت» → denies; «اتهمت» → asserts (the accuser says it happened)."""
    # an accusation is unverified for the report, but its author stands behind it: «اتهم ناشطون قوات النظام
    # بقصف البلدة» → the activists assert the shelling (the outlet only relays them)
    return "asserts" if c.key in _accusing() else c.payloads[0]


# A party's own channels (source ids of sources.tsv), its government first: what they say speaks for the party (a
# denial denies its own act), and a party that speaks is named by the first («اتهمت الولايات المتحدة» is what
# «اتهمت واشنطن» says: US_GOV).
CHANNELS = {"RUS": ("RUS_GOV", "RUS_MOD"), "USA": ("US_GOV",), "TUR": ("TUR_GOV",), "ISR": ("ISR_GOV",),
            "IRN_IRGC": ("IRN_GOV",), "SYR_GOV": ("SYR_GOV_PR", "SYR_GOV", "SANA"), "COALITION": ("COALITION_PR",),
            "SDF": ("SDF_PR",), "IS": ("AMAQ",), "FRA": ("FRA_GOV",), "GBR": ("GBR_GOV",), "JOR": ("JOR_GOV",),
            "IRQ_GOV": ("IRQ_GOV_PR",)}
SPEAKS_FOR = {source: party for party, sources in CHANNELS.items() for source in sources}
# «اتهمت الولايات المتحدة أمس النظام السوري بـ»: how far the accused may stand after the accuser
_ACCUSED_REACH = 3


def _accusers(tokens: list[Token], in_s, out: list[ClaimMention], actors) -> list[ClaimMention]:
    """Returns the parties that accuse another: «اتهمت الولايات المتحدة النظام السوري بقصف دوما» → US_GOV asserts.

    The verb's subject comes right after it and the accused after the subject; with one party only
    («اتهم النظام بقصف البلدة») the verb may be a passive, and nobody is named as accusing.
    """
    found = []
    for c in in_s:
        if c.key not in _accusing() or any(0 < o.first - c.last <= 2 for o in out):
            continue
        who = next((a for a in actors if 0 < a.first - c.last <= 2 and a.actor != "CIVILIANS"
                    and not any(o.first <= a.first <= o.last for o in out)), None)
        if who is None:
            continue
        # «واتهم الجيشان الروسي والسوري طائرات إسرائيلية بـ»: a party joined by «و» accuses with it
        group = [who]
        for a in actors:
            if a.first == group[-1].last + 1 and tokens[a.first].text.startswith("و") and a.actor != "CIVILIANS":
                group.append(a)
        last = group[-1].last
        if not any(0 < b.first - last <= _ACCUSED_REACH and b.actor not in {g.actor for g in group} for b in actors):
            continue
        found += [ClaimMention(g.first, g.last, CHANNELS.get(g.actor, (g.actor,))[0], "asserts", "claim:accuser", c.first)
                  for g in group]
    return found


def _hearsay(tokens: list[Token], lo: int, hi: int, out: list[ClaimMention]) -> list[ClaimMention]:
    """Returns the rumours a sentence relays with no source: «وترددت أنباء عن غارات على البلدة» → the outlet, uncertain.

    EVENTS.md §2: a rumour («أنباء عن») is told as uncertain; with a source named by it («نقل ناشطون أنباء
    عن») the source is the one who doubts (claims above), not the report.
    """
    found = []
    for k in range(lo, hi):
        # «ترددت أنباء عن …», or a report that opens on the rumour: «أنباء عن غارات روسية على …»
        if not (rumour_verb(tokens, k, hi - 1) or (k == lo and rumour_at(tokens, k, hi - 1))):
            continue
        # «ولم ترد أنباء عن إصابات»: a rumour said not to exist relays nothing
        if any(o.cue == k or k <= o.first <= k + 4 for o in out) or (k > lo and tokens[k - 1].text in cue_set("negator")):
            continue
        found.append(ClaimMention(k, k + 1 if k + 1 < hi else k, OUTLET, "uncertain", "claim:hearsay", k))
    return found


def claims(tokens: list[Token], lo: int, hi: int, sources, cues, actors, capitals=None) -> list[ClaimMention]:
    """Pairs sources, capitals and denying parties with cues in tokens [lo, hi): «ونفت موسكو» → RUS_GOV denies."""
    # a cue word inside a source's own name is part of the name: «إذاعة البيان», «وكالة الأنباء الرسمية»
    inside = {i for s in sources for i in range(s.first, s.last + 1)}
    in_s = [c for c in cues if lo <= c.first < hi and not all(i in inside for i in range(c.first, c.last + 1))]
    out: list[ClaimMention] = []
    verbs = _matchers()[3]
    voices = own_voices(tokens, lo, hi, sources)
    for s in list(sources) + voices:
        if not lo <= s.first < hi or _quoted_inside(tokens, s, in_s, lo):
            continue
        stance, gap, cue = "asserts", 99, -1
        for c in in_s:
            d = s.first - c.last if c.last < s.first else c.first - s.last + 2
            if c.last < s.first and _object_of(tokens, c, s, sources):
                continue
            # «مزاعم كاذبة نشرها ناشطون»: a denying noun describes what a later source says, it is
            # no denial by it; only a denial verb has its subject after it («نفت سانا»)
            if c.last < s.first and c.payloads[0] == "denies" and c.key not in verbs:
                continue
            # a reporter is often named with his beat before his verb: «مراسلنا في ريف درعا الغربي نفى»
            reach = 9 if s.payloads[0] in (OUTLET, WITNESS) and c.first > s.last else 6
            if c.first > s.last and _described(tokens, s.last, c.first):
                reach += _CLAUSE  # «مراسلنا، الذي زار موقع الانفجار بعد ساعات، أكد …»
            if 0 < d <= reach and d < gap:
                stance, gap, cue = _stance(c), d, c.first
        if stance == "asserts" and any(c.payloads[0] == "uncertain" and _relays(tokens, s, c) for c in in_s):
            # a hedge right after the source is what its speech verb relays: «نقل المرصد أنباء عن»
            stance = "uncertain"
        if s.payloads[0] in (OUTLET, WITNESS) and cue < 0:
            continue  # «بحثا عن ناجين»: a reporter or survivor who says nothing is no source
        rule = "claim:source" if s.payloads[0] not in (OUTLET, WITNESS) else f"claim:{s.payloads[0].lower()}"
        out.append(ClaimMention(s.first, s.last, s.payloads[0], stance, rule, cue))
    taken = [(o.first, o.last) for o in out] + [(a.first, a.last) for a in actors]
    if capitals is None:
        capitals = capital_mentions(tokens)
    out += _capital_claims(tokens, in_s, taken, capitals, lo, hi)
    # a party that denies speaks for itself: «نفى الجيش التركي», «نفت هيئة تحرير الشام»
    for c in in_s:
        # a source or capital right after the verb is its subject; a party further on is its object
        if c.payloads[0] != "denies" or any(o.first == c.last + 1 for o in out):
            continue
        for a in actors:
            if 0 < a.first - c.last <= 3 and not any(o.first <= a.first <= o.last for o in out):
                out.append(ClaimMention(a.first, a.last, a.actor, "denies", "claim:actor-denial", c.first))
                break
        else:
            # «غير أن الجبهة الوطنية للتحرير نفت صحة الإعلان»: a party right before a denial verb is its subject
            subject = next((a for a in actors if 0 < c.first - a.last <= 2 and c.key in verbs
                            and not any(o.first <= a.first <= o.last or a.last < o.first < c.first for o in out)),
                           None)
            if subject is not None:
                out.append(ClaimMention(subject.first, subject.last, subject.actor, "denies",
                                        "claim:actor-denial", c.first))
    out += _accusers(tokens, in_s, out, actors)
    out += _hearsay(tokens, lo, hi, out)
    return out + _rebuttals(tokens, out, in_s, lo, hi)
