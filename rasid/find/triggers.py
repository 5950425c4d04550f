"""Event triggers with their ACLED type, strength, and whether the text asserts them."""
from __future__ import annotations
from ..normalize import norm

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import PhraseMatcher, table
from ..segment import Token

# Words that, shortly before a trigger, mean the action did not or has not yet happened.
_NEGATORS = frozenset(norm(w) for w in {"لم", "لن", "لا", "ليس", "عدم", "دون", "بدون", "نفي", "نفى", "نفت", "ينفي", "تنفي",
             "نفوا", "كذب", "كذبت"})
_IRREALIS = frozenset(norm(w) for w in {"سوف", "تهدد", "يهدد", "هدد", "هددت", "توعد", "توعدت", "تستعد", "يستعد", "تعتزم",
             "يعتزم", "ستشن", "سيشن", "ستقوم", "سيقوم", "اذا", "حال", "لو", "يمكن", "ربما",
             "خطه", "تخطط", "يخطط", "محتمل", "محتمله", "احتمال", "منع", "لمنع", "تجنب", "وقف",
             "لوقف", "ايقاف", "تحذر", "يحذر", "حذر", "حذرت", "تحذير", "دعا", "دعت", "يطالب",
             "طالب", "طالبت", "ادان", "ادانت", "تدين", "يدين", "استنكر",
             "ستكون", "سيكون", "ينبغي", "يجب", "اي", "أي", "بشان", "حول", "تحقيق", "التحقيق",
             "محاسبه", "مسؤوليه", "معاقبه", "توشك", "يوشك", "اوشكت", "اوشك", "وشك", "بهدف", "بغيه", "لاجل", "سعيا", "محاوله", "لمحاوله"})


# Words before a control noun that make it a standing state, not a takeover: «تحت سيطرة»,
# «مناطق سيطرة المعارضة», «الخاضعة لسيطرة».
_STATE_BEFORE = frozenset(norm(w) for w in {"تحت", "مناطق", "منطقة", "المناطق", "الخاضعة", "خاضعة",
                                            "الخاضعين", "نفوذ", "خطوط", "حدود"})

# Imperfect verbs that, with the future prefix, announce an action not yet taken («سيشن غارات»).
_FUTURE_STEMS = frozenset(norm(w) for w in {"شن", "قوم", "واصل", "ستهدف", "بدا", "طلق", "نفذ"})


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


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    return PhraseMatcher(((r["trigger"], (r["event_type"], r["sub_event_type"], r["strength"]))
                          for r in table("triggers.tsv")), suffixes=True)


# Verbs that, opening a sentence, make all of it a warning, threat or appeal («وحذر الوزير من أن …»).
_FRAMING = frozenset(norm(w) for w in {"حذر", "حذرت", "هدد", "هددت", "توعد", "توعدت", "دعا", "دعت",
                                       "طالب", "طالبت", "ناشد", "ناشدت", "يحذر", "تحذر", "حض", "حضت",
                                       "حث", "حثت", "دعوا", "طالبوا"})
# «ومن جانبه دعا البابا إلى …»: the framing verb may follow a short opener
_FRAMING_REACH = 4
# Words right before a trigger that make it a campaign or its traces, not an event: «حملة القصف»,
# «آثار المعارك».
_NOT_EVENT_BEFORE = frozenset(norm(w) for w in {"حملة", "حملات", "آثار", "اثار"})
# «مقاطع فيديو تظهر عمليات إعدامهم»: what a picture or video shows is media, not a dated event
_DEPICTS = frozenset(norm(w) for w in {"تظهر", "يظهر", "تُظهر", "يُظهر", "تصور", "يصور", "تظهران"})
_FAR = frozenset(norm(w) for w in {"سوف", "تهدد", "يهدد", "هدد", "توعد"})


def _polarity(tokens: list[Token], first: int, lo: int) -> str:
    for tok in tokens[lo:min(first, lo + _FRAMING_REACH)]:
        w = tok.text
        if w in _FRAMING or (w[:1] in "وف" and w[1:] in _FRAMING):
            return "irrealis"
    if first > lo and tokens[first - 1].text in _NOT_EVENT_BEFORE:
        return "state"
    if any(t.text in _DEPICTS for t in tokens[max(lo, first - 3):first]):
        return "state"
    mood = None
    for k, tok in enumerate(tokens[max(lo, first - 10):first][::-1]):
        word = tok.text[1:] if tok.text.startswith(("و", "ف")) and len(tok.text) > 2 else tok.text
        # «لم تشن الطائرات أي غارة»: a negated verb's object may sit a few words on
        if k >= 3 and tok.text not in _FAR and word not in _FAR and not (k < 5 and word in ("لم", "لن")):
            continue
        # «لم تشن أي غارة»: a negator anywhere in reach outranks a nearer irrealis word
        if word in _NEGATORS or tok.text in _NEGATORS:
            return "negated"
        if mood is None and (word in _IRREALIS or tok.text in _IRREALIS):
            mood = "irrealis"
    if mood:
        return mood
    # «ستشن», «سيقصف»: the future prefix on an imperfect verb (the word before the trigger, so
    # triggers that merely start with «سي/ست» such as «سيطرت», «سيارة» are not read as future)
    if first > lo:
        prev = tokens[first - 1].text
        if len(prev) > 4 and prev[0] == "س" and prev[1] in "يتن" and prev[2:] in _FUTURE_STEMS:
            return "irrealis"
    return "asserted"


def triggers(tokens: list[Token], sentence_starts: list[int] | None = None) -> list[TriggerMention]:
    """Finds triggers: «وشنت الطائرات غارات على البلدة» → an air strike trigger at «غارات»."""
    out = []
    starts = sorted(sentence_starts or [0])
    for m in _matcher().find(tokens):
        event_type, sub, strength = m.payloads[0]
        lo = max((s for s in starts if s <= m.first), default=0)
        head = tokens[m.first].text[m.skip:]
        polarity = _polarity(tokens, m.first, lo)
        if sub in ("TAKEOVER", "Non-violent transfer of territory") and polarity == "asserted":
            clitic = tokens[m.first].text[:m.skip]
            # «لاستعادة السيطرة», «للسيطرة على»: a purpose, not a result
            if "ل" in clitic or tokens[m.first].text.startswith("لل"):
                polarity = "irrealis"
            elif m.first > lo and tokens[m.first - 1].text in _STATE_BEFORE:
                polarity = "state"
        out.append(TriggerMention(m.first, m.last, event_type, sub, strength,
                                  polarity, f"trigger:{m.key}",
                                  head.startswith("ال") or tokens[m.first].text.startswith("لل")))
    return out
