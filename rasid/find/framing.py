"""How a sentence frames what it tells: a report of an occurrence, or a plan, a round-up, a commentary, a reference."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from ..morph import cue_rows, cue_set
from ..normalize import norm
from ..segment import CLAUSE_END, Token

# A plan or permission governs an attack named later in its clause («وافقت … على استخدام قواعدها لشن غارات»).
_PLAN_REACH = 8
# A sentence and the act it pronounces stand close: «حكم بالإعدام», «حكمت المحكمة على المتهم بالإعدام».
_VERDICT_REACH = 5
# «تنفيذ حكم الإعدام»: the word that carries a sentence out comes right before it.
_ENFORCE_REACH = 2
# «أعدمت عشرة أشخاص تطبيقا لحكم أصدرته المحكمة»: how far after the act «تطبيقا» may stand
_CARRIED_OUT_REACH = 8
# Commentary is framed at the start of a sentence: «ويرى محللون أن …», «وقال خبير عسكري إن …».
_COMMENT_REACH = 6
# «مظاهرات يومية», «تقصف بشكل يومي»: the repetition word follows its trigger closely.
_HABIT_REACH = 3
# «تتعرض يوميا لقصف», «تشن بانتظام غارات»: an adverb of repetition may also stand just before the trigger
_HABIT_BEFORE = 2
# A span opener and its unit stand close: «خلال يومين», «على مدى الأسبوع الماضي», «خلال الـ 48 ساعة».
_PERIOD_REACH = 3
# SOHR's daily round-up («خلال الـ 24 ساعة الماضية») is one day's events; two days or more are a summary.
_MIN_PERIOD_HOURS = 48
# A span phrase scopes the words of its own clause only, and no further than this on either side.
_PERIOD_SCOPE = 8
# «منذ بدء», «منذ لحظة انطلاق»: the noun of a beginning stands right after «منذ»
_SINCE_REACH = 2
# «الأكثر دموية منذ»: the superlative stands this close before «منذ»
_COMPARED_REACH = 3
_HOURS = frozenset({"ساعه", "ساعات", "الساعات", "الساعه"})
# «ردا، بحسب قولها، على …»: an aside this short inside a reference clause does not close it.
_ASIDE = 4


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() and len(word) < 7 else None


def period_spans(tokens: list[Token], text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Returns the parts of a sentence that sum a span of days or more: «ارتفعت حصيلة القتلى خلال يومين إلى 24»."""
    openers, units = cue_set("period_open"), cue_set("period_unit")
    since, start = cue_set("since"), cue_set("span_start")
    out = []
    for k in range(lo, hi + 1):
        if tokens[k].text in since:
            # «منذ بدء الحملة», «منذ انطلاق العملية»: a span from a start to now, unless a superlative
            # compares with it («الغارات الأكثر دموية منذ بداية العام»)
            ahead = tokens[k + 1:min(hi, k + _SINCE_REACH) + 1]
            long = any(t.text in start for t in ahead) and not any(
                t.text in cue_set("superlative") for t in tokens[max(lo, k - _COMPARED_REACH):k])
            # «قصف مستمر منذ شهر», «تتعرض لهجوم منذ أيام»: a length after «منذ» with a state still going on
            if not long and any(t.text in units for t in ahead):
                first, _ = _part(tokens, text, lo, hi, k)
                long = any(t.text in cue_set("ongoing") for t in tokens[first:k])
        elif tokens[k].text in openers:
            ahead = [t.text for t in tokens[k + 1:min(hi, k + _PERIOD_REACH) + 1]]
            long = any(u in units for u in ahead) or any(
                u in _HOURS and j > 0 and (_number(ahead[j - 1]) or 0) >= _MIN_PERIOD_HOURS
                for j, u in enumerate(ahead))
        else:
            continue
        if long:
            first, last = _part(tokens, text, lo, hi, k)
            # «أسفر قصف التحالف عن مقتل 78 مدنيا خلال يومين»: a span after a toll sums the toll's whole
            # clause, the strikes that caused it included
            if any(t.text in cue_set("killed") for t in tokens[first:k]):
                first = _part(tokens, text, lo, hi, k, hi - lo)[0]
            # «وتكثف القصف على الغوطة، موقعا 400 قتيل خلال خمسة أيام»: a clause of what the strikes caused
            # sums them too, over the comma before it
            if first > lo and _links_toll(tokens, first):
                first = _part(tokens, text, lo, hi, first - 1, hi - lo)[0]
            out.append((first, _conjunct(tokens, text, hi, k, last)))
    return out


_WHAT = frozenset({"ما", "مما"})


def _links_toll(tokens: list[Token], k: int) -> bool:
    """Tells whether a clause at k opens on what the strikes before it caused: «موقعا», «ما أدى», «وجرح» → True."""
    link = cue_set("toll_link")
    return tokens[k].text in link or (tokens[k].text in _WHAT and k + 1 < len(tokens) and tokens[k + 1].text in link)


def habitual(tokens: list[Token], last: int, hi: int, first: int | None = None, lo: int = 0) -> bool:
    """Tells whether a repetition word goes with a trigger at [first, last]: «مظاهرات يومية», «تقصف بشكل يومي»,
    «تتعرض البلدة يوميا لقصف الطيران» (before it, when `first` is given) → True."""
    habit = cue_set("habitual")
    before = tokens[max(lo, first - _HABIT_BEFORE):first] if first is not None else []
    return any(t.text in habit for t in tokens[last + 1:min(hi, last + _HABIT_REACH) + 1]) or \
        any(t.text in habit for t in before)


def _conjunct(tokens: list[Token], text: str, hi: int, k: int, last: int) -> int:
    """Extends a span over a conjunct that repeats its complement's preposition: «تعرضت طوال سنوات لقصف …،
    ولتفجيرات …» → the end of «ولتفجيرات …»."""
    nxt = last + 1
    if nxt > hi or tokens[nxt].text[:2] not in ("ول", "وب") or len(tokens[nxt].text) < 5:
        return last
    prep = tokens[nxt].text[1]
    if not any(t.text.startswith(prep) and not t.text.startswith("ال") for t in tokens[k + 1:last + 1]):
        return last
    return _part(tokens, text, nxt, hi, nxt)[1]


def _part(tokens: list[Token], text: str, lo: int, hi: int, pos: int, reach: int = _PERIOD_SCOPE) -> tuple[int, int]:
    """Returns the token range of the clause around pos, cut at punctuation and at a new report («مشيرا إلى»)."""
    cuts = cue_set("clause_cut")
    first = pos
    while first > lo and pos - first < reach and tokens[first].text not in cuts \
            and not CLAUSE_END.search(text, tokens[first - 1].end, tokens[first].start):
        first -= 1
    last = pos
    while last < hi and last - pos < _PERIOD_SCOPE and tokens[last + 1].text not in cuts \
            and not CLAUSE_END.search(text, tokens[last].end, tokens[last + 1].start):
        last += 1
    return first, last


@lru_cache(maxsize=1)
def _site_heads() -> frozenset[str]:
    # a construct head has neither article nor suffix: «مناطق», «ومكان», never «المنطقة» or «منطقتها»
    # «مخلفات المعارك» names what a happening left behind, as a construct head just like «مناطق الاشتباك»
    bare = {norm(w) for name in ("site_of", "remnant") for row in cue_rows(name)
            for w in (row["lemma"], *(row.get("plural") or "").split("|")) if w}
    return frozenset(bare | {c + w for w in bare for c in "وفبل"})


@lru_cache(maxsize=1)
def _sound_heads() -> frozenset[str]:
    bare = {norm(w) for row in cue_rows("sound") for w in (row["lemma"], *(row.get("plural") or "").split("|")) if w}
    return frozenset(bare | {c + w for w in bare for c in "وفبل"})


def heard(words: list[str], k: int) -> bool:
    """Tells whether the happening at k is named as a sound heard, in construct: «وسمع دوي الغارات» → True."""
    return k > 0 and words[k - 1] in _sound_heads()


def site_of(words: list[str], k: int) -> bool:
    """Tells whether the word before the k-th names where that happening is or what it left, in construct:
    «على مناطق الاشتباك», «لغم من مخلفات المعارك» → True."""
    return k > 0 and words[k - 1] in _site_heads()


# «23 يونيو 2014: غارات …», «وفي 2012 …»: a calendar date this close to a sentence's start opens an item
# of its own (a relative «حاليا», «يوم الأحد» continues the narrative instead)
_ITEM_OPENING = 2
_CALENDAR = ("date:day-month", "date:numeric", "date:month", "date:year")


def new_item(dates: list, lo: int, told: date | None) -> bool:
    """Tells whether a sentence starting at token lo opens on a calendar date of its own, not the day `told` of
    the place at hand: the chronology item «5 مايو 2013: غارات على مواقع» after one of 13 July → True."""
    return bool(dates) and dates[0].first - lo <= _ITEM_OPENING and \
        dates[0].rule.startswith(_CALENDAR) and dates[0].value != told


def named_cause(words: list[str], k: int) -> bool:
    """Tells whether a definite event word at k is named as the cause of what a sentence tells: «تعذر دخول
    القافلة بسبب القصف», «يلجأون إلى الأقبية للفرار من قصف القوات» → True; «قتل خمسة في القصف» → False."""
    # «هربا من قصف القوات الحكومية»: a noun in construct with a definite one is definite too
    if k < 1 or not (words[k].startswith("ال") or k + 1 < len(words) and words[k + 1].startswith("ال")):
        return False
    return words[k - 1] in cue_set("cause") or (
        k > 1 and words[k - 1] == "من" and words[k - 2] in cue_set("flight"))


def pointed_back(words: list[str], k: int) -> bool:
    """Tells whether a demonstrative points the k-th word back to an event told before: «وتأتي هذه الغارات
    غداة …», «تلك المعارك» → True."""
    return k > 0 and words[k].startswith("ال") and words[k - 1] in cue_set("demonstrative")


# «أتلانتا، الولايات المتحدة الأمريكية (CNN)-- لقي …»: a dateline's outlet mark stands this close to the start
_DATELINE_REACH = 6


def dateline_end(words: list[str]) -> int:
    """Returns the index of the outlet mark closing a report's dateline, or -1: «دبي، الإمارات العربية المتحدة
    (CNN) – قتل …» → 4; the place and country before it say where the report was filed, not who acted."""
    for k, w in enumerate(words[:_DATELINE_REACH]):
        if w.isascii() and w.isalpha():
            # «أعلن الجيش لـCNN»: a source told something, the words before are the story's own
            return k if k > 0 and not any(v in cue_set("speech") for v in words[:k]) else -1
    return -1


def commentary(words: list[str]) -> bool:
    """Tells whether a sentence opens as an analyst's view: «ويرى محللون أن النظام يسيطر على المدينة» → True."""
    head = words[:_COMMENT_REACH]
    opinion, analyst = cue_set("opinion"), cue_set("analyst")
    return any(w in opinion for w in head) and any(w in analyst for w in head)


def _clause_start(tokens: list[Token], text: str, lo: int, pos: int) -> int:
    """Returns the first token of the clause holding tokens[pos], clauses broken at punctuation."""
    start = lo
    for i in range(lo + 1, pos + 1):
        if CLAUSE_END.search(text, tokens[i - 1].end, tokens[i].start):
            start = i
    return start


def planned(tokens: list[Token], text: str, lo: int, pos: int) -> bool:
    """Tells whether a plan, decision or permission governs the word at pos: «قررت الفصائل شن هجوم» → True."""
    plan = cue_set("plan")
    first = max(_clause_start(tokens, text, lo, pos), pos - _PLAN_REACH)
    return any(tokens[i].text in plan for i in range(first, pos)) or sentenced(tokens, text, lo, pos)


def sentenced(tokens: list[Token], text: str, lo: int, pos: int) -> bool:
    """Tells whether a court's sentence governs the act at pos: «أصدرت المحكمة أحكاما بالإعدام» → True.

    A sentence carried out is an execution that happened: «نفذ حكم الإعدام بحق خمسة» → False.
    """
    verdict, enforce = cue_set("verdict"), cue_set("enforce")
    first = max(_clause_start(tokens, text, lo, pos), pos - _VERDICT_REACH)
    for k in range(pos - 1, first - 1, -1):
        # the act is the sentence's complement: right after it («عقوبة الإعدام») or with «ب» («بالإعدام»)
        if tokens[k].text in verdict and (k == pos - 1 or tokens[pos].text.startswith("ب")):
            # «نفذت الهيئة حكم الإعدام، أمس، بحق عشرة أشخاص تطبيقا لحكم المحكمة»: the carrying out may
            # also follow the act, after its victims
            after = tokens[pos + 1:pos + 1 + _CARRIED_OUT_REACH]
            return not any(tokens[j].text in enforce for j in range(max(lo, k - _ENFORCE_REACH), k)) and \
                not any(t.text in enforce for t in after)
    return False


# «بعد 3 أيام من», «عقب ساعات قليلة من»: how far after «بعد» the unit may stand, and «من» after the unit
_ELAPSED_REACH = 3
_OF_REACH = 2
_OF = norm("من")


def _elapsed(tokens: list[Token], i: int, hi: int) -> bool:
    """Tells whether a time-distance adverbial opens at i: «بعد 3 أيام من هجوم» → True; «بعد هجوم» → False."""
    if tokens[i].text not in cue_set("elapsed"):
        return False
    units = cue_set("elapsed_unit")
    for j in range(i + 1, min(hi, i + _ELAPSED_REACH) + 1):
        if tokens[j].text in units:
            return any(t.text == _OF for t in tokens[j + 1:min(hi, j + _OF_REACH) + 1])
    return False


# «ويأتي ذلك بعد …», «وتأتي هذه الغارات عقب …»: how far after the verb «بعد» may stand
_COMES_REACH = 3


def _comes_after(tokens: list[Token], i: int, hi: int) -> bool:
    """Tells whether a sentence is set after an earlier happening at i: «ويأتي ذلك بعد يوم دموي» → True."""
    return tokens[i].text in cue_set("comes") and any(
        t.text in cue_set("lead_up") for t in tokens[i + 1:min(hi, i + _COMES_REACH) + 1])


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Returns the forms that open a reference to another event: «ردا», «يعيد», «رفضا» …"""
    return cue_set("retaliation") | cue_set("recall") | cue_set("motive")


# «أنباء متضاربة عن», «تقارير غير مؤكدة عن»: how far after the noun of hearsay the word of its topic stands
_TOPIC_REACH = 3
# The words that open what a rumour tells: «أنباء عن», «حول», «بأن», «أن»
_TOPIC = frozenset(norm(w) for w in ("عن", "حول", "بأن", "أن"))
# «في وقت ترددت فيه أنباء»: the pronoun that ties a rumour verb back to its link
_IN_IT = frozenset(norm(w) for w in ("فيه", "فيها"))


def rumour_at(tokens: list[Token], k: int, hi: int) -> bool:
    """Tells whether a noun of hearsay at k opens what it tells: «أنباء متضاربة عن غارات» → True; «تقرير المرصد» → False."""
    return k <= hi and tokens[k].text in cue_set("hearsay_noun") and \
        any(t.text in _TOPIC for t in tokens[k + 1:min(hi, k + _TOPIC_REACH) + 1])


def rumour_verb(tokens: list[Token], k: int, hi: int) -> bool:
    """Tells whether a rumour is the subject of the verb at k: «ترددت أنباء عن غارات» → True; «ترددت القوات» → False."""
    return tokens[k].text in cue_set("hearsay_verb") and rumour_at(tokens, k + 1, hi)


def _backdrop(tokens: list[Token], i: int, hi: int) -> bool:
    """Tells whether a rumour set beside the report opens at i: «وسط أنباء عن غارات», «فيما ترددت أنباء عن» → True.

    A rumour clause that stands alone («وترددت أنباء عن غارات على البلدة») is no backdrop: it is told, as hearsay.
    """
    word = tokens[i].text
    if word in cue_set("hearsay_amid"):
        return rumour_at(tokens, i + 1, hi)
    # «في وقت ترددت فيه أنباء عن»: the link's pronoun may stand between the verb and the rumour
    return word in cue_set("hearsay_link") and i + 1 <= hi and (
        rumour_verb(tokens, i + 1, hi) or (tokens[i + 1].text in cue_set("hearsay_verb") and i + 2 <= hi
                                           and tokens[i + 2].text in _IN_IT and rumour_at(tokens, i + 3, hi)))


def hearsay_spans(tokens: list[Token], text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Returns the clauses that set a rumour beside what a sentence tells: «قتل ثلاثة بقصف على البلدة وسط أنباء عن
    غارات روسية على المنطقة» → «وسط … المنطقة»; what they name is not told as an occurrence of its own."""
    cuts = cue_set("clause_cut")
    spans = []
    i = lo
    while i <= hi:
        if _backdrop(tokens, i, hi):
            end = i
            # the rumour runs to the end of its clause: punctuation or another clause's link
            while end < hi and tokens[end + 1].text not in cuts \
                    and not CLAUSE_END.search(text, tokens[end].end, tokens[end + 1].start):
                end += 1
            spans.append((i, end))
            i = end
        i += 1
    return spans


def reference_spans(tokens: list[Token], text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Returns the token spans naming an event an act answers, recalls, protests or follows at a distance, or a
    rumour beside it: «ردا على تعرض الزبداني لهجوم», «يعيد إلى الأذهان معركة حلب», «رفضا للهجوم على عفرين», «بعد 3 أيام
    من هجوم كيماوي», «وسط أنباء عن غارات» → that clause."""
    openers = _openers()
    # «وسط أنباء عن غارات»: a rumour beside the report is named like an event referred to, not told
    spans = hearsay_spans(tokens, text, lo, hi)
    inside = {k for a, b in spans for k in range(a, b + 1)}
    i = lo
    while i <= hi:
        if i in inside:
            i += 1
            continue
        if tokens[i].text in openers or _elapsed(tokens, i, hi) or _comes_after(tokens, i, hi):
            end = i
            while end < hi:
                if CLAUSE_END.search(text, tokens[end].end, tokens[end + 1].start):
                    # «ردا، حسب قولها، على …»: an aside between the opener and its object does not end it
                    if end - i >= _ASIDE or tokens[end + 1].text in ("فيما", "وفيما", "بينما", "كما"):
                        break
                end += 1
            spans.append((i, end))
            i = end
        i += 1
    return spans
