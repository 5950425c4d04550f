"""rasid.find.casualties: killed / wounded / captured figures and who the victims were."""
import pytest

from rasid.find.casualties import casualties


def _found(arabic, raw):
    t = arabic(raw)
    return [(c.kind, c.value, c.victims, t.surface(c.first, c.last))
            for c in casualties(t.tokens, t.norm.text)]


@pytest.mark.parametrize("raw, expected", [
    ("قتل 12 مدنيا في القصف الليلي", ("killed", 12, "civilians", "12")),
    ("استشهد ٤ مواطنين", ("killed", 4, "civilians", "٤")),
    ("أسفرت الغارة عن مقتل 9 مدنيين", ("killed", 9, "civilians", "9")),
    ("أدى القصف إلى مقتل ثلاثة أطفال", ("killed", 3, "civilians", "ثلاثة")),
    ("لقي 3 أشخاص حتفهم", ("killed", 3, "civilians", "3")),
    ("مقتل 7 عناصر من قوات النظام", ("killed", 7, "fighters", "7")),
    ("قتل 8 مسلحين في الكمين", ("killed", 8, "fighters", "8")),
    ("قتل عشرات المدنيين", ("killed", 12, "civilians", "عشرات")),
    ("خلف القصف 12 قتيلا", ("killed", 12, None, "12")),          # cue after the figure
    ("ارتفعت حصيلة القتلى إلى 25", ("killed", 25, None, "25")),
    ("أصيب خمسة أشخاص بجروح", ("wounded", 5, "civilians", "خمسة")),
    ("جرح 4 مدنيين", ("wounded", 4, "civilians", "4")),
    ("أسر ثلاثة عناصر", ("captured", 3, "fighters", "ثلاثة")),
])
def test_one_figure(arabic, raw, expected):
    assert _found(arabic, raw) == [expected]


@pytest.mark.parametrize("raw, expected", [
    # the noun's own number is the toll
    ("مقتل طفل", ("killed", 1, "civilians", "طفل")),
    ("مقتل امرأة", ("killed", 1, "civilians", "امرأة")),
    ("قتل جندي", ("killed", 1, "fighters", "جندي")),
    ("مقتل قيادي في الفصائل", ("killed", 1, "fighters", "قيادي")),
    ("مقتل جنديين", ("killed", 2, "fighters", "جنديين")),
    ("مقتل طفلين", ("killed", 2, "civilians", "طفلين")),
    ("مقتل ضابطين", ("killed", 2, "fighters", "ضابطين")),
    ("أصيب جنديان", ("wounded", 2, "fighters", "جنديان")),
    ("أسر جنديين", ("captured", 2, "fighters", "جنديين")),
])
def test_singular_and_dual_nouns(arabic, raw, expected):
    assert _found(arabic, raw) == [expected]


@pytest.mark.parametrize("raw, expected", [
    # «بينهم / منهم N» is part of the toll already given, not a second toll
    ("مقتل 30 مدنيا بينهم 5 أطفال", ("killed", 30, "civilians", "30")),
    ("مقتل 20 شخصا منهم 3 نساء", ("killed", 20, "civilians", "20")),
    ("قتل 6 مدنيين بينهم 2 من الأطفال", ("killed", 6, "civilians", "6")),
    ("مقتل 4 مدنيين بينهم طفلان", ("killed", 4, "civilians", "4")),
    ("مقتل 15 عنصرا بينهم قيادي", ("killed", 15, "fighters", "15")),
])
def test_subset_is_ignored(arabic, raw, expected):
    assert _found(arabic, raw) == [expected]


@pytest.mark.parametrize("raw, expected", [
    ("قتل ثلاثة مقاتلين وأصيب عشرة مدنيين",
     [("killed", 3, "fighters"), ("wounded", 10, "civilians")]),
    ("مقتل 5 مدنيين وجرح 10 آخرين", [("killed", 5, "civilians"), ("wounded", 10, None)]),
    ("مقتل 3 مقاتلين وأسر 4 آخرين", [("killed", 3, "fighters"), ("captured", 4, None)]),
])
def test_several_kinds_in_one_sentence(arabic, raw, expected):
    assert [x[:3] for x in _found(arabic, raw)] == expected


def test_hedge_is_kept(arabic):
    t = arabic("مقتل ما لا يقل عن 30 مدنيا")
    [c] = casualties(t.tokens, t.norm.text)
    assert (c.value, c.hedge) == (30, "min")


def test_vague_flag(arabic):
    t = arabic("سقط العشرات من القتلى")
    [c] = casualties(t.tokens, t.norm.text)
    assert (c.kind, c.value, c.vague) == ("killed", 12, True)


@pytest.mark.parametrize("raw", [
    "وقعت 3 غارات على البلدة",                 # a count of strikes, no casualty word
    "قتل مدنيون في عام 2015 بقصف على البلدة",   # a year is not a toll
    "قصفت الطائرات البلدة",
])
def test_no_toll(arabic, raw):
    assert _found(arabic, raw) == []


@pytest.mark.xfail(strict=True, reason="«و10» is one token (conjunction glued to digits), so the wounded "
                                       "figure is lost")
def test_conjunction_glued_to_digits(arabic):
    assert [x[:2] for x in _found(arabic, "سقوط 5 قتلى و10 جرحى")] == [("killed", 5), ("wounded", 10)]


@pytest.mark.xfail(strict=True, reason="«4 صواريخ» (a weapon count) is taken as killed because «وقتل» "
                                       "follows within 5 tokens")
def test_weapon_count_is_not_a_toll(arabic):
    assert [x[:2] for x in _found(arabic, "استهدفت 4 صواريخ البلدة وقتل 2 مدنيين")] == [("killed", 2)]


@pytest.mark.xfail(strict=True, reason="«مقتل طفل وامرأة» counts only the child: 1 instead of 2")
def test_two_singular_victims(arabic):
    assert sum(v for k, v, _, _ in _found(arabic, "مقتل طفل وامرأة") if k == "killed") == 2


@pytest.mark.xfail(strict=True, reason="victim noun before the number («مدنيين اثنين») is not read: "
                                       "victims None")
def test_victim_noun_before_number(arabic):
    assert [x[:3] for x in _found(arabic, "مقتل مدنيين اثنين")] == [("killed", 2, "civilians")]


@pytest.mark.parametrize("raw, expected", [
    ("قتل 12 طفلا وامرأتان في القصف", 14),
    ("قتل 20 مدنيا وطفل في الغارة", 21),
    ("قتل 8 عناصر وثلاثة مدنيين في الانفجار", 11),
])
def test_coordinated_victim_groups_add_up(arabic, raw, expected):
    killed = [v for k, v, *_ in _found(arabic, raw) if k == "killed"]
    assert killed == [expected]


def test_a_subset_after_the_total_is_not_added(arabic):
    killed = [v for k, v, *_ in _found(arabic, "قتل 17 مدنيا بينهم 12 طفلا وامرأتان") if k == "killed"]
    assert killed == [17]
