import pytest

from rasid.lexicon import PhraseMatcher, Tokens, stems, word_positions
from rasid.normalize import normalize
from rasid.segment import distinct_words, tokenize, word_tokens


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
    assert stems("بلد") == ((0, "بلد"),)


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


# The shared head index and the word prefilter are speed-ups only: they must find what a plain scan finds.
SENTENCES = [
    "وأفاد المرصد السوري بأن غارات استهدفت ريف البوكمال",
    "شنت الطائرات غاراتها على تل أبيض الشرقي وتل رفعت",
    "قصفت قوات النظام بلدة في تل تمرها وفي تل",
    "زار الوزير المعرض الدولي للكتاب",
]


@pytest.mark.parametrize("matcher", [MATCHER, MANY])
@pytest.mark.parametrize("raw", SENTENCES)
def test_indexed_tokens_find_what_a_plain_list_finds(matcher, raw):
    toks = tokenize(normalize(raw).text)
    assert matcher.find(Tokens(toks)) == matcher.find(list(toks))


@pytest.mark.parametrize("lo, hi", [(0, 3), (2, 6), (3, None), (5, 7)])
@pytest.mark.parametrize("raw", SENTENCES[:3])
def test_find_within_a_range_is_find_on_the_slice(raw, lo, hi):
    toks = Tokens(tokenize(normalize(raw).text))
    inside = [(m.first - lo, m.last - lo, m.key) for m in MANY.find(toks, lo, hi)]
    assert inside == [(m.first, m.last, m.key) for m in MANY.find(list(toks[lo:hi]))]


@pytest.mark.parametrize("matcher", [MATCHER, MANY])
@pytest.mark.parametrize("raw", SENTENCES + ["مرصد الزلازل", "وبالبوكمال", "في تلها"])
def test_may_match_never_misses_a_phrase(matcher, raw):
    text = normalize(raw).text
    if matcher.find(tokenize(text)):
        assert matcher.may_match(distinct_words(text))


@pytest.mark.parametrize("raw", ["زار الوزير المعرض الدولي للكتاب", "فاز الفريق بالمباراة"])
def test_may_match_rules_out_texts_without_heads(raw):
    assert not MATCHER.may_match(distinct_words(normalize(raw).text))


def test_a_head_without_its_later_words_is_ruled_out():
    m = PhraseMatcher([("قوات النظام", "SYR_GOV")])
    assert m.may_match(distinct_words("وصلت قوات النظام"))
    assert not m.may_match(distinct_words("وصلت قوات حفظ السلام"))


@pytest.mark.parametrize("raw", ["قصفت الطائرات دوما وقصفت دوما", "سيطرة القوات وسيطره"])
def test_word_positions_map_texts_to_positions(raw):
    n = normalize(raw)
    toks = word_tokens(raw, n.text, n.offsets)
    expected = {}
    for t in toks:
        expected.setdefault(t.text, []).append(t.index)
    assert word_positions(Tokens(toks)) == word_positions(list(toks)) == expected


# the last word of a phrase may carry a pronoun, but a final «ه» written «ة» is no pronoun
@pytest.mark.parametrize("raw, found", [
    ("قوات نظامها", True),
    ("قوات نظامه", True),
    ("قوات نظامة", False),
    ("قوات نظاميين", False),
])
def test_last_phrase_word_reads_a_pronoun(raw, found):
    m = PhraseMatcher([("قوات النظام", "SYR_GOV")], suffixes=True)
    n = normalize(raw)
    toks = word_tokens(raw, n.text, n.offsets)
    assert bool(m.find(Tokens(toks))) == bool(m.find(list(toks))) == found


def test_ranges_of_one_text_share_its_positions():
    toks = Tokens(tokenize(normalize("تل أبيض ثم تل رفعت ثم تل كلخ").text))
    whole = MANY.find(toks)
    parts = MANY.find(toks, 0, 3) + MANY.find(toks, 3, 6) + MANY.find(toks, 6, 9)
    assert [m.key for m in parts] == [m.key for m in whole] == ["تل ابيض", "تل رفعت", "تل كلخ"]


@pytest.mark.parametrize("word, bare", [("غاراتهما", "غارات"), ("قواتهم", "قوات"), ("مواقعها", "مواقع"),
                                        ("طائراته", "طائرات"), ("قصفنا", "قصف"), ("مواقعكم", "مواقع"),
                                        ("مدنيين", None), ("الجيش", None)])
def test_a_pronoun_is_read_off_only_words_ending_as_one_does(word, bare):
    from rasid.lexicon import _SUFFIX_ENDS, _unsuffixed
    # the last letter rules most words out before the list of pronouns is tried
    assert (word[-1] in _SUFFIX_ENDS) == (bare is not None)
    assert _unsuffixed(normalize(word).text, False) == (normalize(bare).text if bare else None)


def test_a_matcher_built_after_the_index_finds_its_words():
    # the index keeps only heads some matcher has: a newer lexicon makes it build anew
    toks = Tokens(tokenize(normalize("وصل وفد الأمم المتحدة إلى قرية زغبرة").text))
    assert MATCHER.find(toks) == []
    late = PhraseMatcher([("زغبره", "VILLAGE"), ("الامم المتحده", "UN")])
    assert [(m.key, m.payloads) for m in late.find(toks)] == [("امم متحده", ("UN",)), ("زغبره", ("VILLAGE",))]


def test_may_match_reads_a_one_word_phrase_past_longer_ones():
    m = PhraseMatcher([("تل أبيض", "A"), ("تل رفعت", "B"), ("تل", "HILL")])
    assert m.may_match(distinct_words(normalize("على التل").text))
    assert not PhraseMatcher([("تل أبيض", "A")]).may_match(distinct_words(normalize("على التل").text))
