import pytest

from rasid.normalize import norm, normalize, rejoin


@pytest.mark.parametrize("raw, folded", [
    ("قُتِلَ", "قتل"),
    ("إدلب", "ادلب"),
    ("أورم", "اورم"),
    ("آذار", "اذار"),
    ("حماة", "حماه"),
    ("مصطفى", "مصطفي"),
    ("مسؤول", "مسوول"),
    ("رئيس", "رييس"),
    ("الجـــيش", "الجيش"),
    ("٢٥ قتيلاً", "25 قتيلا"),
    ("۱۲", "12"),
    ("«المرصد»،", '"المرصد",'),
    ("هل؟", "هل?"),
])
def test_folds_spelling_variants(raw, folded):
    assert normalize(raw).text == folded


@pytest.mark.parametrize("raw, needle", [
    ("أفادت مصادرُ محلية بمقتلِ ثلاثةِ مدنيينَ في إدلبَ", "ادلب"),
    ("قصفت الطائراتُ الحربيّة بلدةَ الهبيط", "الهبيط"),
    ("وقُتل ٧ عناصر", "7"),
])
def test_spans_map_back_to_original(raw, needle):
    n = normalize(raw)
    i = n.text.index(needle)
    start, end = n.span(i, i + len(needle))
    assert norm(raw[start:end]) == needle
    assert raw[start:end].strip() == raw[start:end]


def test_offsets_are_monotonic_and_in_range():
    raw = "قُتِلَ ١٢ شخصاً\u200f في «دير الزور»"
    n = normalize(raw)
    assert list(n.offsets) == sorted(n.offsets)
    assert all(0 <= o < len(raw) for o in n.offsets)
    assert len(n.offsets) == len(n.text)


def test_norm_collapses_whitespace():
    assert norm("  دير   الزور ") == "دير الزور"


def test_empty_text():
    n = normalize("")
    assert n.text == "" and n.span(0, 0) == (0, 0)


# Lone letters mark a page a scraper broke; rejoin leaves pages without them alone.
BROKEN = " ثم ق تل قيادي ثم ج رح آخرون"


@pytest.mark.parametrize("text, expected", [
    ("وأك دت مصادر أن قوات النظام تقد مها مستمر", "واكدت مصادر ان قوات النظام تقدمها مستمر"),
    ("وق تل قيادي في قرية العابدي ة", "وقتل قيادي في قريه العابديه"),
    ("وث قت الشبكة مقتل مدنيين", "وثقت الشبكه مقتل مدنيين"),
    # two real words stay two, even where their join is a word too
    ("وقال إن الغارات بين ما يسمى", "وقال ان الغارات بين ما يسمي"),
    ("قصفت الطائرات عبد الله", "قصفت الطايرات عبد الله"),
    ("قتل 5 مدنيين في دوما", "قتل 5 مدنيين في دوما"),
])
def test_rejoin_mends_words_a_scraper_broke(text, expected):
    page = text + BROKEN
    assert rejoin(normalize(page), page).text == expected + " ثم قتل قيادي ثم جرح اخرون"


def test_a_page_without_lone_letters_is_left_alone():
    text = "وأك دت مصادر أن قوات النظام تقد مها مستمر"
    assert rejoin(normalize(text), text).text == normalize(text).text


def test_rejoined_words_map_back_to_the_broken_original():
    text = "سيطرت القوات على قرية العابدي ة أمس" + BROKEN
    n = rejoin(normalize(text), text)
    start = n.text.index("العابديه")
    assert text[slice(*n.span(start, start + len("العابديه")))] == "العابدي ة"


@pytest.mark.parametrize("raw", ["قُتِلَ ٣٠ مدنياً", "\u200fإدلب\u200f\u200e", "ـــقصفـــ", "بلا تشكيل", "َُ"])
def test_offsets_are_the_kept_characters(raw):
    n = normalize(raw)
    # harakat, tanwin, tatweel and direction marks carry no letter
    marks = "\u064e\u064f\u0650\u064b\u0640\u200e\u200f"
    assert n.offsets == tuple(i for i, ch in enumerate(raw) if ch not in marks)
    assert len(n.offsets) == len(n.text)


@pytest.mark.parametrize("raw, folded", [("قبل ³ أيام", "قبل 3 ايام"), ("البند ① منه", "البند 1 منه"),
                                         ("قتل \U00010e62 مدنيين", "قتل 3 مدنيين")])
def test_odd_digits_fold_one_for_one(raw, folded):
    n = normalize(raw)
    assert n.text == folded and len(n.offsets) == len(folded)


def test_odd_digits_of_the_first_plane_fold_in_the_translate_table():
    # a regex over every report cost more than the table: only digits past the first plane need one
    from rasid.normalize import _folds
    assert _folds()[ord("³")] == "3" and _folds()[ord("①")] == "1"


def test_every_rejoined_span_keeps_its_offsets():
    text = "وأك دت مصادر أن قوات النظام تقد مها مستمر" + BROKEN
    n = rejoin(normalize(text), text)
    plain = normalize(text)
    # each kept character maps to where it stood in the page: the spaces dropped are the only gaps
    assert len(n.offsets) == len(n.text) and n.text == "واكدت مصادر ان قوات النظام تقدمها مستمر ثم قتل قيادي ثم جرح اخرون"
    assert [n.text[i] for i in range(len(n.text))] == [plain.text[plain.offsets.index(o)] for o in n.offsets]
