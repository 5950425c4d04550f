"""Arabic character normalization that keeps a map back to the original offsets."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

# Diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) and tatweel carry no
# meaning for matching names and numbers, so they are dropped rather than mapped.
_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640, 0x06D6, 0x06D7, 0x06D8, 0x06D9, 0x06DA,
                                      0x06DB, 0x06DC, 0x06DF, 0x06E0, 0x06E1, 0x06E2, 0x06E3,
                                      0x06E4, 0x06E7, 0x06E8, 0x06EA, 0x06EB, 0x06EC, 0x06ED,
                                      0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B,
                                      0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                                      0xFEFF, 0x00AD}

_MAP = {
    # alef and hamza carriers: writers use them inconsistently («أورم/اورم», «إدلب/ادلب»)
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي",
    # final forms written both ways («حماة/حماه», «مصطفى/مصطفي»)
    "ة": "ه", "ى": "ي",
    # Persian/Urdu letters seen in Arabic web text
    "ی": "ي", "ې": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه",
    # punctuation variants
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "ـ": "",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
    "\t": " ", "\r": " ",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits


# Digits that are not decimal («²», «①», Ethiopic «፫»): str.isdigit() says yes and int() fails, so they fold
# to the ASCII digit they show, one character for one.
_ODD_DIGIT = re.compile("[\u00b2-\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
                        "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792"
                        "\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a\U0001f100-\U0001f10a]")


# The odd digits of the first plane fold in the translate table (_folds); only these past it are left.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _astral_digits(text: str) -> str:
    """Folds the non-decimal digits str.translate left, those past the first plane: «𐹢» → «3»."""
    # one range is a cheap scan: most texts hold no character past the first plane at all
    if _ASTRAL.search(text) is None:
        return text
    return _ODD_DIGIT.sub(lambda m: str(unicodedata.digit(m.group())), text)


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, for each of its characters, the offset it came from."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Maps a [start, end) span of the normalized text back to the original text."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        o_start = self.offsets[start]
        if end <= start:
            return o_start, o_start
        # characters dropped right after the span (a final kasra, tatweel) belong to its last word
        o_end = self.offsets[end] if end < len(self.offsets) else self.original_length
        if end < len(self.offsets) and o_end > self.offsets[end - 1] + 1 and self.text[end - 1] == " ":
            o_end = self.offsets[end - 1] + 1
        return o_start, o_end


# Every fold maps one character to at most one, so str.translate does the work and the offset map is
# the list of kept positions.
_TABLE = {**{c: None for c in _DROP}, **{ord(k): (v or None) for k, v in _MAP.items()},
          **{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}}
_DELETED = frozenset(chr(c) for c, v in _TABLE.items() if v is None)


@lru_cache(maxsize=1)
def _folds() -> list[int | str | None]:
    """Returns _TABLE as a list by code point: _folds()[ord("ة")] → «ه», _folds()[ord("ب")] → ord("ب")."""
    # str.translate finds every character in a list, where a dict raises (and drops) a KeyError for each
    # character it leaves alone, at twice the cost; code points past the list are left alone too
    out: list[int | str | None] = list(range(max(_TABLE) + 1))
    for code, folded in _TABLE.items():
        out[code] = folded
    # «³», «①»: a regex over every text costs more than the table's slots
    for code in range(len(out)):
        if out[code] == code and _ODD_DIGIT.match(chr(code)):
            out[code] = str(unicodedata.digit(chr(code)))
    return out


# runs of dropped characters: the kept offsets are the ranges between them, copied whole
_DELETED_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_DELETED)) + "]+")


def normalize(text: str) -> Normalized:
    """Folds Arabic spelling variants keeping offsets: «قُتِلَ ٣٠ مدنياً في إدلب» → «قتل 30 مدنيا في ادلب»."""
    out = _astral_digits(text.translate(_folds()))
    if len(out) == len(text):
        return Normalized(out, tuple(range(len(text))), len(text))
    kept: list[int] = []
    pos = 0
    for m in _DELETED_RUN.finditer(text):
        kept.extend(range(pos, m.start()))
        pos = m.end()
    kept.extend(range(pos, len(text)))
    return Normalized(out, tuple(kept), len(text))


def norm(text: str) -> str:
    """Normalizes a lexicon or gazetteer string the same way: «الرَّقَّة» → «الرقه»."""
    return " ".join(_astral_digits(text.translate(_folds())).split())


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
# Letters that stand alone in clean text too: the conjunction «و», «م»/«هـ» after a year.
_LONE_LETTER = re.compile(r"(?<![\u0621-\u064a])[\u0621-\u0644\u0646\u0649\u064a](?![\u0621-\u064a])")
_BROKEN_PAGE = 2
# A fragment pair is rejoined when the joined word is this common in clean news (ANT counts) …
_JOINED_MIN = 20
# … and this many times commoner than the rarer fragment: «تقد مها» (3, 16 → 234) is one broken word,
# «بين ما» (both common) is two.
_JOINED_RATIO = 4
# A lone letter is never a word (except the conjunction «و»): «ق تل», «العابدي ة» need less evidence.
_LONE_MIN = 5


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, int]:
    from .resources import read_tsv
    return {row["word"]: int(row["count"]) for row in read_tsv("vocabulary.tsv.gz")}


def _joins(a: str, b: str, vocab: dict[str, int]) -> bool:
    joined = vocab.get(a + b, 0)
    if joined < _LONE_MIN:
        return False  # most pairs of a page: no word at all, under either bar below
    lone = [w for w in (a, b) if len(w) == 1 and w != "و"]
    if lone:
        return joined >= _LONE_MIN
    return joined >= _JOINED_MIN and min(vocab.get(a, 0), vocab.get(b, 0)) * _JOINED_RATIO <= joined


def rejoin(n: Normalized, original: str = "") -> Normalized:
    """Rejoins words a scraper broke where a mark stood, keeping offsets: «أك دت وث قت» → «اكدت وثقت»."""
    # a page a scraper broke shows lone letters («ق تل», «ج رح»); a clean one is left alone, at regex speed
    if len(_LONE_LETTER.findall(original or n.text)) < _BROKEN_PAGE:
        return n
    words = list(_ARABIC_WORD.finditer(n.text))
    if not words:  # «ـ ـ»: tatweels count as lone letters in the original and normalize away
        return n
    vocab = _vocabulary()
    drop: list[int] = []
    current = words[0].group()
    text, offsets = n.text, n.offsets
    for prev, word in zip(words, words[1:]):
        w, start, end = word.group(), word.start(), prev.end()
        # a lone «ة» can only end the word before it: «العابدي ة»
        if start - end == 1 and text[end] == " " and (
                (w == "ه" and original[offsets[start]:offsets[start] + 1] == "ة") or _joins(current, w, vocab)):
            drop.append(end)
            current += w
        else:
            current = w
    if not drop:
        return n
    # the kept stretches between dropped spaces, copied whole
    cuts = list(zip([0] + [d + 1 for d in drop], drop + [len(text)]))
    return Normalized("".join(text[a:b] for a, b in cuts), tuple(chain.from_iterable(offsets[a:b] for a, b in cuts)),
                      n.original_length)
