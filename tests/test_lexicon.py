import pytest

from rasid.lexicon import PhraseMatcher, stems
from rasid.normalize import normalize
from rasid.segment import tokenize


def _find(matcher, raw):
    n = normalize(raw)
    out = []
    for m in matcher.find(tokenize(n.text)):
        s, e = n.span(m.start, m.end)
        out.append((m.payloads[0], raw[s:e]))
    return out


MATCHER = PhraseMatcher([("المرصد السوري", "SOHR"), ("المرصد", "SOHR_SHORT"), ("ريف", "RURAL"),
                         ("البوكمال", "PLACE"), ("قوات النظام", "SYR_GOV"), ("غارات", "AIR")],
                        suffixes=True)


@pytest.mark.parametrize("raw, expected", [
    ("أفاد المرصد السوري", [("SOHR", "المرصد السوري")]),
    ("وأفاد للمرصد", [("SOHR_SHORT", "للمرصد")]),
    ("وبريف البوكمال", [("RURAL", "ريف"), ("PLACE", "البوكمال")]),
    ("بالبوكمال", [("PLACE", "البوكمال")]),
    ("لقواتِ النظام", [("SYR_GOV", "قواتِ النظام")]),
    ("شنت غاراتها", [("AIR", "غاراتها")]),
    ("وشن الطيران غارات", [("AIR", "غارات")]),
    ("بوكمال", [("PLACE", "بوكمال")]),
    ("مرصد الزلازل", [("SOHR_SHORT", "مرصد")]),
    ("قوات المعارضة", []),
])
def test_clitic_aware_longest_match(raw, expected):
    assert _find(MATCHER, raw) == expected


def test_stems_lists_clitic_readings():
    readings = dict(stems("وبالبوكمال"))
    assert readings[0] == "وبالبوكمال"
    assert readings[2] == "البوكمال"


def test_short_words_are_not_stripped():
    assert stems("بلد") == [(0, "بلد")]


def test_payloads_of_one_phrase_are_kept_together():
    m = PhraseMatcher([("الجيش", "A"), ("الجيش", "B")])
    (hit,) = m.find(tokenize("الجيش"))
    assert hit.payloads == ("A", "B")


# A head with many tails is looked up through its tails' first words; the answers must not change.
MANY = PhraseMatcher([("تل", "TELL")] + [(f"تل {w}", w) for w in (
    "أبيض", "الأبيض", "رفعت", "تمر", "كلخ", "حميس", "براك", "عرن", "حاصل", "مرديخ")]
    + [("تل أبيض الشرقي", "LONGER"), ("تل كلخ", "KALAKH2")], suffixes=True)


@pytest.mark.parametrize("raw, expected", [
    ("قصفت الطائرات تل أبيض", [("أبيض", "تل أبيض")]),
    ("قصفت الطائرات تل أبيض الشرقي", [("LONGER", "تل أبيض الشرقي")]),
    ("قصفت الطائرات تل رفعت", [("رفعت", "تل رفعت")]),
    ("في تل كلخ", [("كلخ", "تل كلخ")]),
    ("وفي تل", [("TELL", "تل")]),
    ("على تل صغير", [("TELL", "تل")]),
    ("زار تل تمرها", [("تمر", "تل تمرها")]),
])
def test_many_tails_of_one_head(raw, expected):
    assert _find(MANY, raw) == expected
