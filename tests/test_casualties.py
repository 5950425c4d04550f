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
    # the nominative «ـان» is a dual only, even where «ـين» may be a plural
    ("قتل مدنيان بالقصف", ("killed", 2, "civilians", "مدنيان")),
    ("قتل مقاتلان من الفصائل", ("killed", 2, "fighters", "مقاتلان")),
    # the feminine of «مواطن»
    ("أسفر القصف عن استشهاد مواطنة", ("killed", 1, "civilians", "مواطنة")),
    # a singular noun with a possessive pronoun is still one person
    ("أدى القصف إلى مقتل طفلها", ("killed", 1, "civilians", "طفلها")),
    ("أسفر الهجوم عن مقتل عنصره", ("killed", 1, "fighters", "عنصره")),
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


@pytest.mark.parametrize("raw, expected", [
    # ACLED's words → numbers: several → 3, dozens → 12, hundreds → 100, all marked vague
    ("مقتل عدة مدنيين", ("killed", 3, "civilians", True, None)),
    ("أصيب عدد من الأشخاص", ("wounded", 3, "civilians", True, None)),
    ("أصيب العشرات بجروح", ("wounded", 12, None, True, None)),
    ("مقتل مئات العناصر", ("killed", 100, "fighters", True, None)),
    # hedges keep the figure ACLED codes and say how it bounds the toll
    ("قتل نحو 30 مدنيا", ("killed", 30, "civilians", False, "approx")),
    ("قتل حوالي عشرين عنصرا", ("killed", 20, "fighters", False, "approx")),
    ("قتل قرابة مئتي مدني", ("killed", 200, "civilians", False, "approx")),
    ("قتل أكثر من 40 مدنيا", ("killed", 40, "civilians", False, "min")),
    ("قتل سبعة مدنيين على الأقل", ("killed", 7, "civilians", False, "min")),
    ("قتل 30 شخصا تقريبا", ("killed", 30, "civilians", False, "approx")),
])
def test_acled_words_to_numbers(arabic, raw, expected):
    t = arabic(raw)
    assert [(c.kind, c.value, c.victims, c.vague, c.hedge) for c in casualties(t.tokens, t.norm.text)] \
        == [expected]


def test_vague_flag(arabic):
    t = arabic("سقط العشرات من القتلى")
    [c] = casualties(t.tokens, t.norm.text)
    assert (c.kind, c.value, c.vague) == ("killed", 12, True)


@pytest.mark.parametrize("raw", [
    "وقعت 3 غارات على البلدة",                 # a count of strikes, no casualty word
    "قتل مدنيون في عام 2015 بقصف على البلدة",   # a year is not a toll
    "قتل مدنيون في عام ألفين وثمانية عشر",      # nor a year in words
    "قصفت الطائرات البلدة",
    "ارتفع عدد القتلى 48 بالمئة عن العام الماضي",  # a percentage
    "تراجع عدد الضحايا 30 في المئة",
    "ارتفعت حصيلة القتلى بنسبة 48% هذا العام",
    "حكم على القاتل بالسجن 500 عام",                 # years of a sentence
    "بلغت خسائر الضحايا 2.6 مليار دولار",            # a decimal sum of money
])
def test_no_toll(arabic, raw):
    assert _found(arabic, raw) == []


@pytest.mark.parametrize("raw, expected", [
    # a distance, an age, a clock time, a duration or a weekday beside a real toll is not a toll
    ("قتل مدني على بعد 20 كيلومترا من الحدود", ("killed", 1, "civilians", "مدني")),
    ("قتل مدني في قصف على بعد 3 كم من البلدة", ("killed", 1, "civilians", "مدني")),
    ("مقتل طفل عمره 5 سنوات", ("killed", 1, "civilians", "طفل")),
    ("أصيب رجل يبلغ من العمر 40 عاما", ("wounded", 1, "civilians", "رجل")),
    ("قتل مدني في الساعة 5 صباحا", ("killed", 1, "civilians", "مدني")),
    ("سقط 3 قتلى خلال 24 ساعة", ("killed", 3, None, "3")),
    ("قتل جندي يوم الاثنين", ("killed", 1, "fighters", "جندي")),   # Monday, not «the two»
    ("قتل 5 يوم الجمعة", ("killed", 5, None, "5")),                 # a date after a toll
    ("قتل 5 عام 2015", ("killed", 5, None, "5")),
    ("قتل مدني بعد 5 دقائق و29 ثانية", ("killed", 1, "civilians", "مدني")),
])
def test_measures_beside_a_toll_are_not_tolls(arabic, raw, expected):
    assert _found(arabic, raw) == [expected]


def test_subject_first_toll_with_a_subset_clause(arabic):
    # the hedge and the «بينهم» aside stand between the figure and «قتلوا»
    raw = "47 مدنيا على الأقل بينهم 9 أطفال قتلوا وأصيب عشرات آخرون بجروح"
    assert [x[:2] for x in _found(arabic, raw)] == [("killed", 47), ("wounded", 12)]


@pytest.mark.parametrize("raw, expected", [
    # «و10» is one token: the conjunction glued to the digits
    ("سقوط 5 قتلى و10 جرحى", [("killed", 5), ("wounded", 10)]),
    ("خلف القصف 12 قتيلا و7 جرحى", [("killed", 12), ("wounded", 7)]),
    ("قتل مدني و4 جرحى", [("killed", 1), ("wounded", 4)]),
    # «و20» takes «جريحا», not «قتيلين»; the dual «قتيلين» counts two by itself
    ("أعلن المستشفى قتيلين و20 جريحا", [("killed", 2), ("wounded", 20)]),
    ("انتشلت 17 جثة، و5 ما زالوا مفقودين", [("killed", 17)]),
])
def test_conjunction_glued_to_digits(arabic, raw, expected):
    assert [x[:2] for x in _found(arabic, raw)] == expected


@pytest.mark.parametrize("raw, expected", [
    # a figure right before a weapon, vehicle or strike noun counts things, not victims
    ("استهدفت 4 صواريخ البلدة وقتل 2 مدنيين", [("killed", 2)]),
    ("أطلقوا 4 صواريخ وقتل شخص", [("killed", 1)]),
    ("سقطت 3 قذائف على الحي وأصيب طفل", [("wounded", 1)]),
    ("ألقت المروحيات 6 براميل وقتل 2 مدنيين", [("killed", 2)]),
    ("شنت الطائرات عشرات الغارات وقتل مدني", [("killed", 1)]),
    ("دمرت 5 سيارات وأصيب 3 عناصر", [("wounded", 3)]),
    ("أطلقوا صاروخين اثنين وقتل مدني", [("killed", 1)]),
    # «بقذائف» is how they died: the figure before it is still the toll
    ("قتل 5 بقذائف الهاون", [("killed", 5)]),
    ("قتلت الغارات 5 مدنيين", [("killed", 5)]),
])
def test_weapon_count_is_not_a_toll(arabic, raw, expected):
    assert [x[:2] for x in _found(arabic, raw)] == expected


@pytest.mark.parametrize("raw, expected", [
    ("مقتل طفل وامرأة", 2),
    ("مقتل طفل وامرأة ورجل", 3),
    ("قتل جندي وضابطين", 3),
    ("مقتل 13 شخصا و13 مهاجما", 26),
    ("قتل 6 أطفال وامرأة واحدة و3 شبان", 10),
    ("مقتل امرأة وطفلها", 2),
    ("مقتل شاب وطفله", 2),
])
def test_coordinated_singular_victims(arabic, raw, expected):
    assert [v for k, v, _, _ in _found(arabic, raw) if k == "killed"] == [expected]


@pytest.mark.parametrize("raw, expected", [
    # the number follows its noun: adjectival «اثنين / واحد» and the definite «الخمسة»
    ("مقتل مدنيين اثنين", ("killed", 2, "civilians", "مدنيين اثنين")),
    ("مقتل جنديين اثنين", ("killed", 2, "fighters", "جنديين اثنين")),
    ("مقتل طفل واحد", ("killed", 1, "civilians", "طفل واحد")),
    ("مقتل الجنود الخمسة في الكمين", ("killed", 5, "fighters", "الجنود الخمسة")),
    ("قال المصدر إن مدنيين اثنين قتلا في القصف", ("killed", 2, "civilians", "مدنيين اثنين")),
    ("مقتل متظاهر واحد", ("killed", 1, None, "واحد")),
    # «اثنين من الحرس» is «two of the guards»: the gunman before it is the killer
    ("قتل مسلح اثنين من الحرس", ("killed", 2, None, "اثنين")),
])
def test_victim_noun_before_number(arabic, raw, expected):
    assert _found(arabic, raw) == [expected]


@pytest.mark.parametrize("raw, expected", [
    # «واحد» after any other noun describes that noun
    ("قتل 4 أشخاص من عائلة واحدة", [("killed", 4)]),
    ("قتل 3 مدنيين بعد يوم واحد من الهدنة", [("killed", 3)]),
])
def test_adjectival_one_is_not_a_toll(arabic, raw, expected):
    assert [x[:2] for x in _found(arabic, raw)] == expected


@pytest.mark.parametrize("raw, expected", [
    ("قتل 12 طفلا وامرأتان في القصف", 14),
    ("قتل 20 مدنيا وطفل في الغارة", 21),
    ("قتل 8 عناصر وثلاثة مدنيين في الانفجار", 11),
    ("قتل 8 عناصر و3 مدنيين في الانفجار", 11),
    ("قتل 20 من المدنيين وطفلان", 22),
])
def test_coordinated_victim_groups_add_up(arabic, raw, expected):
    killed = [v for k, v, *_ in _found(arabic, raw) if k == "killed"]
    assert killed == [expected]


def test_a_subset_after_the_total_is_not_added(arabic):
    killed = [v for k, v, *_ in _found(arabic, "قتل 17 مدنيا بينهم 12 طفلا وامرأتان") if k == "killed"]
    assert killed == [17]


@pytest.mark.parametrize("raw, expected", [
    # every group joined inside the «بينهم» aside is part of it
    ("مقتل 21 مدنيا بينهم 5 أطفال و4 نساء", [("killed", 21)]),
    ("أصيب 72 شخصا بينهم 18 طفلا و10 نساء", [("wounded", 72)]),
    # the aside stands between a subject-first figure and its verb
    ("قال المرصد إن 120 مدنيا، من بينهم 20 طفلا، قتلوا في الغارات", [("killed", 120)]),
])
def test_subset_aside(arabic, raw, expected):
    assert [x[:2] for x in _found(arabic, raw)] == expected


def test_wounded_groups_add_up(arabic):
    assert [x[:2] for x in _found(arabic, "أصيب 24 طفلا و8 نساء")] == [("wounded", 32)]


@pytest.mark.parametrize("raw, expected", [
    # a cue opening a new «و» clause does not reach back to the figure before it
    ("قتل في المعارك نحو عشرة آلاف شخص من الطرفين وأصيب آلاف آخرون", [("killed", 10000), ("wounded", 1000)]),
    ("قتل أكثر من 50 فلسطينيا وجرح الآلاف", [("killed", 50), ("wounded", 1000)]),
])
def test_a_later_clause_keeps_its_own_kind(arabic, raw, expected):
    assert [x[:2] for x in _found(arabic, raw)] == expected


@pytest.mark.parametrize("raw, value", [
    ("ارتفع عدد القتلى جراء الغارات الجوية التي استهدفت المدينة صباح اليوم الثلاثاء إلى تسعة", 9),
    ("وارتفعت حصيلة الضحايا في القصف المدفعي على أحياء البلدة الشرقية إلى 14", 14),
])
def test_a_rising_toll_reaches_its_figure_after_ila(arabic, raw, value):
    assert [(k, v) for k, v, *_ in _found(arabic, raw)] == [("killed", value)]


def test_a_far_figure_without_ila_is_not_a_toll(arabic):
    raw = "ارتفع عدد القتلى جراء الغارات الجوية التي استهدفت المدينة صباح اليوم بعد 3 ساعات من القصف"
    assert _found(arabic, raw) == []


@pytest.mark.parametrize("raw, value", [
    # the dead of each side of one clash add up: one toll, not two conflicting figures
    ("اندلعت اشتباكات أسفرت عن مقتل 9 من قسد و6 من التنظيم", 15),
    ("قتل 9 عناصر من قسد و6 من عناصر التنظيم في الاشتباكات", 15),
    ("أسفرت المعارك عن مقتل 17 عنصراً من قوات النظام وأربعة من مقاتلي الفصائل", 21),
    ("مقتل 4 من قسد و5 من التنظيم و3 مدنيين", 12),
])
def test_tolls_of_the_sides_of_one_clash_add_up(arabic, raw, value):
    assert [(k, v) for k, v, *_ in _found(arabic, raw)] == [("killed", value)]


@pytest.mark.parametrize("raw, expected", [
    # a wounded figure joined to a toll is not added to it
    ("مقتل 3 من عناصر النظام و4 جرحى", [("killed", 3), ("wounded", 4)]),
    ("قتل 5 مدنيين وأصيب 7 آخرون", [("killed", 5), ("wounded", 7)]),
])
def test_a_joined_figure_of_another_kind_stays_apart(arabic, raw, expected):
    assert [(k, v) for k, v, *_ in _found(arabic, raw)] == expected


@pytest.mark.parametrize("raw, value", [
    ("أقدم التنظيم على إعدام خمسة شبان في ساحة البلدة", 5),
    ("وأكد المرصد أن عناصر التنظيم أعدموا الشبان الخمسة رميا بالرصاص", 5),
])
def test_an_execution_is_a_killing(arabic, raw, value):
    assert [(k, v) for k, v, *_ in _found(arabic, raw)] == [("killed", value)]


def test_an_event_carries_the_summed_toll_of_its_clash():
    from datetime import date

    from rasid.pipeline import analyze
    from rasid.records import Article
    text = ("اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وتنظيم الدولة في بلدة هجين بريف دير الزور "
            "الشرقي أمس الأحد، أسفرت عن مقتل 9 من قسد و6 من التنظيم.")
    [e] = analyze(Article("t", text, published=date(2019, 3, 11)))
    assert (e.fatalities.low, e.fatalities.best, e.fatalities.high) == (15, 15, 15)


# A noun of the dead with no figure counts itself: singular 1, dual 2, an indefinite plural told as what
# befell «several» (ACLED: 3, vague).
@pytest.mark.parametrize("raw, expected", [
    ("أسفر القصف عن سقوط قتيلين في البلدة", [("killed", 2, False)]),
    ("وثق المركز ارتقاء شهيد في الحي", [("killed", 1, False)]),
    ("ما أدى إلى سقوط قتلى وجرحى بين المدنيين", [("killed", 3, True)]),
    ("أسفرت المعارك عن وقوع ضحايا من الطرفين", [("killed", 3, True)]),
    ("خلفت الغارات قتلى في صفوف المدنيين", [("killed", 3, True)]),
    # a figure beside the noun counts it, once
    ("سقوط 13 شهيدا بينهم أطفال", [("killed", 13, False)]),
    ("سقوط قتلى بالعشرات", [("killed", 12, True)]),
    # denied, a count told elsewhere, or a plural not told as what befell: no toll
    ("لم ترد أنباء عن سقوط قتلى", []),
    ("ارتفع عدد قتلى القصف منذ الصباح", []),
    ("سوريا: قتلى في الزبداني والمعارضة تقصف القرى", []),
    ("وقع المدنيون ضحية القصف", []),
])
def test_noun_of_the_dead_counts_itself(arabic, raw, expected):
    t = arabic(raw)
    assert [(c.kind, c.value, c.vague) for c in casualties(t.tokens, t.norm.text)
            if c.kind == "killed"] == expected


@pytest.mark.parametrize("raw, value", [
    ("قتل الكثير من عناصر الحاجز", 3),
    ("ما تسبب بمقتل 26 من قوات النظام بالإضافة إلى 9 روس", 35),
    ("مقتل 5 مدنيين إضافة إلى 3 عناصر من الشرطة", 8),
    ("قتل 4 مقاتلين فضلا عن 2 من المدنيين", 6),
    # a toll told «in addition» to the toll before it in the sentence adds to it
    ("قتل 3 عناصر من الشرطة وأصيب 6 آخرون، بالإضافة إلى مقتل 4 مدنيين", 7),
    ("أسفرت الغارة عن مقتل قيادي في الفصيل، إضافة إلى مقتل طفلين", 3),
    # an additive that joins a wounding or a weapon adds no dead
    ("مقتل 5 مدنيين بالإضافة إلى إصابة 10", 5),
    ("مقتل 5 مدنيين بالإضافة إلى 4 صواريخ", 5),
])
def test_many_and_additive_groups(arabic, raw, value):
    assert [x[1] for x in _found(arabic, raw) if x[0] == "killed"] == [value]


@pytest.mark.parametrize("raw, expected", [
    # a new sentence starts a new telling: nothing to add to
    ("قتل 5 مدنيين في الغارة. إضافة إلى مقتل 3 آخرين في قصف", [5, 3]),
    # «in addition» to a wounding: the dead stand alone
    ("أصيب 5 مدنيين، بالإضافة إلى مقتل طفلين", [2]),
])
def test_added_toll_needs_a_toll_before_in_the_sentence(arabic, raw, expected):
    assert [x[1] for x in _found(arabic, raw) if x[0] == "killed"] == expected


@pytest.mark.parametrize("raw", [
    # «مدنيين» after a cue is a plural as often as a dual: no number of its own
    "قتل مدنيين في القصف",
    "مقتل مقاتلين من الفصائل",
])
def test_an_oblique_sound_plural_counts_no_number(arabic, raw):
    assert _found(arabic, raw) == []


@pytest.mark.parametrize("raw, expected", [
    # army communiqués kill by «القضاء على»
    ("بعد القضاء على عشرات الإرهابيين وتدمير آلياتهم", ("killed", 12, "fighters", "عشرات")),
    ("تم القضاء على 15 مسلحا في الهجوم", ("killed", 15, "fighters", "15")),
])
def test_elimination_is_a_killing(arabic, raw, expected):
    assert _found(arabic, raw) == [expected]


@pytest.mark.parametrize("raw", [
    "تعهد الوزير بالقضاء على الإرهاب في المنطقة",
    # what is eliminated is not people
    "تهدد الأزمة بالقضاء على عشرات الآلاف من الوظائف",
    "أدت الحرب إلى القضاء على عدد من المدن الأثرية",
])
def test_elimination_of_no_people_is_no_toll(arabic, raw):
    assert _found(arabic, raw) == []
