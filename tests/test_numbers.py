"""rasid.find.numbers: digits, number words, compounds, ACLED's vague quantities and hedges."""
import pytest

from rasid.find.numbers import numbers


def _found(arabic, raw):
    t = arabic(raw)
    return [(t.surface(n.first, n.last), n.value, n.vague, n.hedge) for n in numbers(t.tokens, t.norm.text)]


@pytest.mark.parametrize("raw, surface, value", [
    ("قتل 12 شخصا في القصف", "12", 12),
    ("قُتل ١٥ مدنياً", "١٥", 15),                          # Arabic-Indic digits
    ("قتل خمسة وعشرين مدنيا", "خمسة وعشرين", 25),
    ("قتل ثلاثة وثلاثين عنصرا", "ثلاثة وثلاثين", 33),
    ("سقط ثلاثمئة عنصر في المعارك", "ثلاثمئة", 300),
    ("سقط ثلاثمائة عنصر", "ثلاثمائة", 300),
    ("نزح ثلاث مئة شخص", "ثلاث مئة", 300),
    ("أحصى سبعمئة وخمسين ضحية", "سبعمئة وخمسين", 750),
    ("قتل خمسة عشر عنصرا", "خمسة عشر", 15),
    ("قتل اثنا عشر مقاتلا", "اثنا عشر", 12),
    ("قتل مئتين من العناصر", "مئتين", 200),
    ("هجّر ثلاثة آلاف شخص", "ثلاثة آلاف", 3000),
    ("قاتل 1,200 مقاتل في صفوفه", "1,200", 1200),
    ("قتل أربعون جنديا", "أربعون", 40),
    ("سقط خمسمئة عنصر", "خمسمئة", 500),
    ("قتل مئتي عنصر", "مئتي", 200),                       # construct duals
    ("أسر مائتي مقاتل", "مائتي", 200),
    ("نزح ألفي شخص", "ألفي", 2000),
    ("قتل عشرة آلاف شخص", "عشرة آلاف", 10000),             # figure × thousand
    ("نزح 10 آلاف شخص", "10 آلاف", 10000),
    ("نزح أحد عشر ألفا", "أحد عشر ألفا", 11000),
    ("هجّر خمسة وعشرين ألف شخص", "خمسة وعشرين ألف", 25000),
    ("قتل مئة وخمسة وعشرون شخصا", "مئة وخمسة وعشرون", 125),  # unit before ten after a hundred
    ("أحصى ألفا وخمسمئة قتيل", "ألفا وخمسمئة", 1500),
    ("نزح ثلاثة آلاف وخمسمئة وعشرون شخصا", "ثلاثة آلاف وخمسمئة وعشرون", 3520),
    ("قتل ستة آلاف و259 مدنيا", "ستة آلاف و259", 6259),     # digits glued to «و» after thousands
    ("نزح 22 ألفا و400 شخص", "22 ألفا و400", 22400),
    ("توفي ألفين و200 مريض", "ألفين و200", 2200),
    ("نزح 2.5 ألف شخص", "2.5 ألف", 2500),                  # a decimal before a multiplier
    ("فر 1,5 مليون لاجئ", "1,5 مليون", 1500000),
    ("رصدت 12.500 مليون دولار", "12.500 مليون", 12500000),
])
def test_exact_figures(arabic, raw, surface, value):
    assert _found(arabic, raw) == [(surface, value, False, None)]


@pytest.mark.parametrize("raw, surface, value", [
    # ACLED's words → numbers (EVENTS.md §2): several → 3, dozens → 12, hundreds → 100
    ("أصيب عشرات المدنيين", "عشرات", 12),
    ("سقط العشرات من الجرحى", "العشرات", 12),
    ("نزحت مئات العائلات", "مئات", 100),
    ("قتل المئات في الحصار", "المئات", 100),
    ("قتل عدد من العناصر", "عدد من", 3),
    ("أصيب عدة أشخاص", "عدة", 3),
    ("جرح بعض المارة", "بعض", 3),
    ("نزح آلاف السكان", "آلاف", 1000),                     # thousands, alone
    ("نزح عشرات الآلاف من السكان", "عشرات الآلاف", 12000),  # tens of thousands: dozens × 1000
    ("فر عدة آلاف من المدنيين", "عدة آلاف", 3000),
])
def test_vague_quantities_take_acled_values(arabic, raw, surface, value):
    assert _found(arabic, raw) == [(surface, value, True, None)]


@pytest.mark.parametrize("raw, surface, value, hedge", [
    ("قتل نحو ثلاثين مقاتلا", "ثلاثين", 30, "approx"),
    ("قتل حوالي ٢٠٠ شخص", "٢٠٠", 200, "approx"),
    ("قتل قرابة مئة عنصر", "مئة", 100, "approx"),
    ("قتل أكثر من 40 عنصرا", "40", 40, "min"),
    ("قتل ما لا يقل عن 30 مدنيا", "30", 30, "min"),
    ("قتل ما يزيد عن 50 شخصا", "50", 50, "min"),
    ("أصيب أقل من عشرة أشخاص", "عشرة", 10, "max"),
    ("قتل زهاء أربعين مقاتلا", "أربعين", 40, "approx"),
    ("قتل قرابة ألفي مقاتل", "ألفي", 2000, "approx"),
])
def test_hedge_before_the_figure(arabic, raw, surface, value, hedge):
    assert _found(arabic, raw) == [(surface, value, False, hedge)]


def test_hedge_before_an_article_thousand(arabic):
    assert _found(arabic, "أصيب حوالي الألف") == [("الألف", 1000, False, "approx")]


@pytest.mark.parametrize("raw, surface, value, hedge", [
    # adverbial hedges follow the figure or its noun
    ("قتل سبعة مدنيين على الأقل", "سبعة", 7, "min"),
    ("قتل 30 شخصا تقريبا", "30", 30, "approx"),
    ("قتل 25 تقريبا", "25", 25, "approx"),
    ("قتل 40 من المسلحين على الأقل", "40", 40, "min"),
    ("أصيب 20 شخصا أو أكثر", "20", 20, "min"),
    ("نزح خمسون ونيف", "خمسون", 50, "min"),
    ("قتل 15 عنصرا على الأكثر", "15", 15, "max"),
])
def test_hedge_after_the_figure(arabic, raw, surface, value, hedge):
    assert _found(arabic, raw) == [(surface, value, False, hedge)]


def test_a_hedge_before_a_figure_bounds_that_figure(arabic):
    # «على الأقل» opens the second figure; it does not close the first
    assert [(v, h) for _, v, _, h in _found(arabic, "أصيب 4 وقتل على الأقل 7")] == [(4, None), (7, "min")]


def test_a_hedge_does_not_reach_past_a_clause(arabic):
    assert [(v, h) for _, v, _, h in _found(arabic, "قتل 5 مدنيين وأصيب آخرون تقريبا")] == [(5, None)]


def test_figures_of_two_clauses_stay_apart(arabic):
    # «وإصابة» between them: two figures, not 3 + 5 joined
    assert [v for _, v, _, _ in _found(arabic, "مقتل ثلاثة وإصابة خمسة")] == [3, 5]


def test_no_number_in_plain_text(arabic):
    assert _found(arabic, "قصفت الطائرات البلدة صباحا") == []


@pytest.mark.parametrize("raw, surface, value", [
    # a proclitic glued to digits is one token
    ("أصيب و10 آخرون", "و10", 10),
    ("مقابل ب5 قذائف", "ب5", 5),
])
def test_digits_with_a_glued_proclitic(arabic, raw, surface, value):
    assert _found(arabic, raw) == [(surface, value, False, None)]


@pytest.mark.parametrize("raw, value", [
    ("ارتفعت الأسعار 48 بالمئة", 48),
    ("سيطرت القوات على 30 في المئة من المنطقة", 30),
    ("تراجع الإنتاج 12 بالمائة", 12),
])
def test_percent_sign_is_no_hundred(arabic, raw, value):
    # «المئة» in «بالمئة / في المئة» is the percent sign, not 100
    assert [v for _, v, _, _ in _found(arabic, raw)] == [value]


@pytest.mark.parametrize("raw", ["قتل 5 في درعا", "قصفت الطائرات في الليل"])
def test_alif_words_are_not_read_through_the_article(arabic, raw):
    # «ألفي» normalizes to «الفي»: «في» alone must not read as 2000
    assert 2000 not in [v for _, v, _, _ in _found(arabic, raw)]


