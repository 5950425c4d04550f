"""Unaffiliated gunmen: «مسلحون» with no side named is ACLED's Unidentified Armed Group."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from .lexicon import table
from .morph import cue_set
from .normalize import norm
from .segment import Token

# The catalogue id of armed men no report ties to a group (data/actors.tsv lists its named forms:
# «مسلحون مجهولون», «جهة مجهولة» …).
UNIDENTIFIED = "UNIDENTIFIED"
# A sound plural or dual ending: «مسلحين», «مسلحون», «مسلحان» are never the adjective of a singular noun.
_PLURAL_ENDS = ("ين", "ون", "ان")
_SOUND_PLURAL = ("ين", "ون")
_STEM = 3
# «مسلحون من عناصر تنظيم الدولة»: a member noun may stand between «من» and the group.
_FROM = frozenset({"من"})


def _member(word: str) -> bool:
    """Tells whether a word names members of a force or a body they belong to: «عناصر», «مقاتلي», «جماعة» → True;
    «اقتحام» → False."""
    # the construct plural drops its «ن»: «مقاتلي التنظيم»
    return word in cue_set("fighter") or word in cue_set("ground_force") or word in cue_set("gunmen_group") or (
        word.endswith("ي") and word + "ن" in cue_set("fighter"))


def _qualifies(tokens: list[Token], k: int) -> bool:
    """Tells whether «مسلح» at k is the adjective or predicate of the word before it: «هجوم مسلح», «مدنيين غير
    مسلحين», «كانوا مسلحين» → True; «أطلق مسلح النار», «برصاص مسلحين», «هجمات مسلحين» → False."""
    if k == 0:
        return False
    before = tokens[k - 1].text
    if before in cue_set("gunmen_predicate"):
        return True
    word = tokens[k].text
    # «إسلاميين مسلحين», «محتجون مسلحون»: a sound plural agreeing in case with the word before qualifies it
    # (a plural has a stem of three letters or more: «بين مسلحين» and «وبين» are no plurals)
    if word.endswith(_SOUND_PLURAL) and before.endswith(word[-2:]) and len(before) - 2 >= _STEM and \
            before not in cue_set("function_word"):
        return True
    # only a singular qualifies a singular noun: «هجمات مسلحين» are attacks by gunmen
    return not word.endswith(_PLURAL_ENDS) and before in cue_set("gunmen_head")


def _side_word(word: str, nationality: Callable[[str], str | None]) -> bool:
    """Tells whether a word after gunmen tells their side: «موالين», «تابعين», «محليين», «أتراك» → True."""
    return word in cue_set("gunmen_side") or word in cue_set("allegiance") or nationality(word) is not None


def _sided(tokens: list[Token], k: int, starts: set[int], nationality: Callable[[str], str | None]) -> bool:
    """Tells whether the words after gunmen at k name their side: «مسلحون من تنظيم داعش», «مسلحين تابعين
    للنظام», «مسلحين آخرين موالين لها» → True; «مسلحون من اقتحام» (after «تمكن»), «مسلحون مدنيين» → False."""
    if k + 1 >= len(tokens):
        return False
    after = tokens[k + 1].text
    if _side_word(after, nationality):
        return True
    # «مسلحين قرويين موالين لها»: another adjective of the gunmen (a sound plural, not a person noun) may come first
    if k + 2 < len(tokens) and after.endswith(_PLURAL_ENDS) and k + 1 not in starts and not (
            after in cue_set("civilian") or after in cue_set("fighter")) and _side_word(tokens[k + 2].text, nationality):
        return True
    if after not in _FROM:
        return False
    # «مسلحون من داعش», «مسلحون من عناصر التنظيم», «مسلحون من أبناء القرية»; «تمكن مسلحون من مهاجمة قوات
    # النظام» names the target
    return k + 2 in starts or (k + 2 < len(tokens) and _member(tokens[k + 2].text))


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Returns the number words of data/numbers.tsv: «خمسة», «عشرات» …"""
    return frozenset(norm(r["word"]) for r in table("numbers.tsv") if r.get("kind") not in ("hedge", "ordinal"))


def _counted(tokens: list[Token], k: int) -> bool:
    """Tells whether gunmen at k are counted, the dead or the taken of a toll: «قتل منه 58 مسلحا» → True."""
    before = tokens[k - 1].text if k else ""
    return before.isdigit() or before in _number_words()


def unaffiliated(tokens: list[Token], k: int, starts: set[int], nationality: Callable[[str], str | None]) -> bool:
    """Tells whether the word at k names gunmen of no stated side, given where the other actor mentions start and
    how nationality adjectives read: «هاجم مسلحون حاجزا» → True; «هجوم مسلح», «مسلحون من تنظيم داعش» → False."""
    return tokens[k].text in cue_set("gunmen_noun") and not _counted(tokens, k) and not _qualifies(tokens, k) \
        and not _sided(tokens, k, starts, nationality)
