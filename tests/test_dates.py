"""rasid.find.dates: relative and explicit dates resolved against the publication date."""
from datetime import date

import pytest

from rasid.find.dates import dates, roundup_day

PUBLISHED = date(2018, 10, 27)  # a Saturday


def _found(arabic, raw, published=PUBLISHED):
    t = arabic(raw)
    return [(t.surface(d.first, d.last), d.value, d.precision)
            for d in dates(t.tokens, published, t.norm.text)]


def test_published_is_a_saturday():
    assert PUBLISHED.weekday() == 5


@pytest.mark.parametrize("raw, surface, value", [
    ("قصفت الطائرات البلدة اليوم", "اليوم", date(2018, 10, 27)),
    ("قصفت الطائرات البلدة فجر اليوم", "فجر اليوم", date(2018, 10, 27)),
    ("قصفت الطائرات البلدة أمس", "أمس", date(2018, 10, 26)),
    ("قصفت الطائرات البلدة مساء أمس", "مساء أمس", date(2018, 10, 26)),
    ("قصفت الطائرات البلدة الليلة الماضية", "الليلة الماضية", date(2018, 10, 26)),
    ("قصفت الطائرات البلدة أول أمس", "أول أمس", date(2018, 10, 25)),
    ("قصفت الطائرات البلدة يوم الجمعة", "يوم الجمعة", date(2018, 10, 26)),
    ("قصفت الطائرات البلدة يوم الخميس", "يوم الخميس", date(2018, 10, 25)),
    ("قتل ثلاثة في السابع من شباط/فبراير الماضي", "السابع من شباط/فبراير الماضي", date(2018, 2, 7)),
    ("قتل ثلاثة في 26 أكتوبر 2018", "26 أكتوبر 2018", date(2018, 10, 26)),
    ("قتل ثلاثة في 3 تشرين الأول", "3 تشرين الأول", date(2018, 10, 3)),
    ("قتل ثلاثة في الأول من أكتوبر", "الأول من أكتوبر", date(2018, 10, 1)),
    # a day after the publication date without a year is last year's
    ("قتل ثلاثة في الخامس من نوفمبر", "الخامس من نوفمبر", date(2017, 11, 5)),
    ("قتل ثلاثة في 31 ديسمبر", "31 ديسمبر", date(2017, 12, 31)),
])
def test_day_known(arabic, raw, surface, value):
    assert _found(arabic, raw) == [(surface, value, 1)]


def test_yesterday_with_weekday(arabic):
    # «أمس الجمعة»: every mention agrees on Friday 26 October
    got = _found(arabic, "قصفت الطائرات البلدة أمس الجمعة")
    assert got and {(v, p) for _, v, p in got} == {(date(2018, 10, 26), 1)}
    assert got[0][0] == "أمس"


@pytest.mark.parametrize("raw, value", [
    # a night across two days is coded to the first day
    ("قصفت الطائرات البلدة ليل الاثنين الثلاثاء", date(2018, 10, 22)),  # the Monday
    ("قصفت الطائرات البلدة ليلة الجمعة السبت", date(2018, 10, 26)),
])
def test_night_across_two_days(arabic, raw, value):
    got = _found(arabic, raw)
    assert [(v, p) for _, v, p in got] == [(value, 1)]


@pytest.mark.parametrize("raw, value", [
    ("قصفت الطائرات البلدة يوم السبت", date(2018, 10, 27)),     # the publication day itself
    ("قصفت الطائرات البلدة السبت الماضي", date(2018, 10, 20)),  # «الماضي»: a week back
])
def test_weekday_of_the_publication_day(arabic, raw, value):
    assert [(v, p) for _, v, p in _found(arabic, raw)] == [(value, 1)]


def test_a_few_days_ago_is_a_span(arabic):
    [(surface, value, precision)] = _found(arabic, "قصفت الطائرات البلدة قبل أيام")
    assert surface == "قبل أيام" and precision == 2
    assert date(2018, 10, 22) <= value <= date(2018, 10, 25)


def test_last_week(arabic):
    [(surface, value, precision)] = _found(arabic, "قصفت الطائرات البلدة الأسبوع الماضي")
    assert surface == "الأسبوع الماضي" and precision == 2
    assert date(2018, 10, 15) <= value <= date(2018, 10, 24)


@pytest.mark.parametrize("raw, surface, value", [
    ("قصفت الطائرات البلدة الشهر الماضي", "الشهر الماضي", date(2018, 9, 15)),
    ("قتل ثلاثة في نوفمبر الماضي", "نوفمبر الماضي", date(2017, 11, 15)),
    # a bare month with a word of time before it
    ("سيطرت الفصائل على البلدة في آب", "آب", date(2018, 8, 15)),
    ("نزح الأهالي منذ نيسان", "نيسان", date(2018, 4, 15)),
])
def test_month_only(arabic, raw, surface, value):
    assert _found(arabic, raw) == [(surface, value, 3)]


@pytest.mark.parametrize("raw", [
    "قتل أحد العناصر في الاشتباك",   # «أحد» is «one», not Sunday
    "قصفت الطائرات البلدة",
    # a month name with no day, year or word of time before it is another word: a pick-up truck, a car make
    "هاجم مسلحون يستقلون سيارة بيك آب الحاجز",
    "انفجرت عبوة في سيارة نيسان بيضاء",
])
def test_no_date(arabic, raw):
    assert _found(arabic, raw) == []


def test_relative_date_needs_a_publication_date(arabic):
    assert _found(arabic, "قصفت الطائرات البلدة أمس", published=None) == []


def test_explicit_year_needs_no_publication_date(arabic):
    assert _found(arabic, "قتل ثلاثة في 26 أكتوبر 2018", published=None) == \
        [("26 أكتوبر 2018", date(2018, 10, 26), 1)]


def test_compound_ordinal_of_this_month(arabic):
    got = _found(arabic, "قتل ثلاثة في الخامس والعشرين من الشهر الجاري")
    assert got and got[0][1:] == (date(2018, 10, 25), 1)


def test_numeric_date(arabic):
    got = _found(arabic, "قتل ثلاثة في 12/10/2018")
    assert got and got[0][1:] == (date(2018, 10, 12), 1)


@pytest.mark.parametrize("raw", [
    "تشن القوات منذ 18 شباط حملة على البلدة",
    "تخوض القوات هجوما على المدينة منذ الشهر الماضي",
])
def test_a_date_after_since_starts_a_period(arabic, raw):
    t = arabic(raw)
    found = dates(t.tokens, PUBLISHED)
    assert found and all(d.since for d in found)


@pytest.mark.parametrize("raw, value", [
    ("قتل ثلاثة في الحادي عشر من الشهر الماضي", date(2018, 9, 11)),
    ("قتل ثلاثة في 3 من الشهر الجاري", date(2018, 10, 3)),
])
def test_day_of_a_relative_month(arabic, raw, value):
    got = _found(arabic, raw)
    assert got and got[0][1:] == (value, 1)


@pytest.mark.parametrize("raw, value", [
    ("قتل ثلاثة في 2018-10-12", date(2018, 10, 12)),
    ("قتل ثلاثة في 12-10-2018", date(2018, 10, 12)),
])
def test_numeric_date_forms(arabic, raw, value):
    assert _found(arabic, raw)[0][1:] == (value, 1)


@pytest.mark.parametrize("raw", [
    "فاز الفريق بنتيجة 12/10 في مباراة الأمس 2018",
    "قتل ثلاثة في 31/02/2018",
    "تم توقيع الاتفاق لموسم 2018/2019",
])
def test_impossible_or_partial_numbers_are_no_date(arabic, raw):
    assert all(rule != "date:numeric" for rule in
               [d.rule for d in dates(arabic(raw).tokens, PUBLISHED, arabic(raw).norm.text)])


@pytest.mark.parametrize("raw, value", [
    ("تصاعد القصف في الأسبوع الثاني من شهر شباط الماضي", date(2018, 2, 11)),
    ("تصاعد القصف في الأسبوع الأول من آذار", date(2018, 3, 4)),
    ("تصاعد القصف في الأسبوع الأخير من شهر أيلول", date(2018, 9, 25)),
])
def test_week_of_a_month(arabic, raw, value):
    got = _found(arabic, raw)
    assert got and got[0][1:] == (value, 2)


@pytest.mark.parametrize("raw, surface", [
    ("سيطرت الفصائل على المطار عام 2015", "عام 2015"),
    ("وفي العام 2013 انسحب الجيش من المدينة", "العام 2013"),
])
def test_a_bare_year_is_read_but_marked(arabic, raw, surface):
    t = arabic(raw)
    [d] = dates(t.tokens, PUBLISHED, t.norm.text)
    assert t.surface(d.first, d.last) == surface and d.rule == "date:year" and d.precision == 3


def test_a_year_after_a_month_belongs_to_the_month(arabic):
    t = arabic("قصفت الطائرات البلدة في السابع من شباط عام 2016")
    assert all(d.rule != "date:year" for d in dates(t.tokens, PUBLISHED, t.norm.text))


@pytest.mark.parametrize("raw, value", [
    ("قصفت الطائرات البلدة في السابع من شباط عام 2016", date(2016, 2, 7)),
    ("قصفت الطائرات البلدة في 12 آذار من العام 2013", date(2013, 3, 12)),
])
def test_month_then_year_word_then_year(arabic, raw, value):
    assert [v for _, v, _ in _found(arabic, raw)] == [value]


@pytest.mark.parametrize("raw, value", [
    # scraped pages space the separators out
    ("نشر في 2017 / 12 / 26", date(2017, 12, 26)),
    ("نشر في 26 / 12 / 2017", date(2017, 12, 26)),
    ("نشر في 26 - 12 - 2017", date(2017, 12, 26)),
])
def test_numeric_date_with_spaced_separators(arabic, raw, value):
    assert [(v, p) for _, v, p in _found(arabic, raw, None)] == [(value, 1)]


def test_mixed_separators_are_no_date(arabic):
    assert _found(arabic, "الأرقام 26 / 12 - 2017", None) == []


@pytest.mark.parametrize("raw, surface, value", [
    ("October 11 , 2017 , 3 : 25 am قصفت الطائرات", "October 11 , 2017", date(2017, 10, 11)),
    ("نشر في 11 October 2017", "11 October 2017", date(2017, 10, 11)),
])
def test_english_month_names_of_page_headers(arabic, raw, surface, value):
    assert _found(arabic, raw, None) == [(surface, value, 1)]


@pytest.mark.parametrize("raw", [
    # a count of days since something began, not the day of the report
    "واصلت الفصائل قصف البلدة لليوم الخامس على التوالي",
    "قتل أربعة مقاتلين في اليوم الثاني للهجوم على البلدة",
    "تستمر الاشتباكات لليوم الـ12 على أطراف المدينة",
    # «يوم» without the article is a day, not today; «يوم واحد» is one day, not Sunday
    "قصفت الطائرات المدينة بعد يوم من غارات مماثلة",
    "قتل عشرة مدنيين في يوم واحد",
])
def test_a_counted_or_indefinite_day_is_no_date(arabic, raw):
    assert _found(arabic, raw) == []


def test_morning_of_a_named_day_is_that_day_not_today(arabic):
    got = _found(arabic, "قصفت الطائرات البلدة صباح يوم الخميس")
    assert [(v, p) for _, v, p in got] == [(date(2018, 10, 25), 1)]


@pytest.mark.parametrize("raw, value", [
    # the weekday beside a date mends its year: 27 October is a Saturday in 2018, a Friday in 2017
    ("انفجرت سيارة مفخخة اليوم السبت 27 تشرين الأول 2017 في السوق", date(2018, 10, 27)),
    ("انفجرت سيارة مفخخة السبت 27/10/2017 في السوق", date(2018, 10, 27)),
    # 28 October 2017 is a Saturday: the year was right, the date stands
    ("انفجرت سيارة مفخخة يوم السبت 28 تشرين الأول 2017", date(2017, 10, 28)),
    # a Sunday fits 2019, after publication: no year is moved into the future
    ("انفجرت سيارة مفخخة الأحد 27 تشرين الأول 2018", date(2018, 10, 27)),
])
def test_a_weekday_beside_a_date_mends_its_year(arabic, raw, value):
    explicit = [v for s, v, _ in _found(arabic, raw) if any(c.isdigit() for c in s)]
    assert explicit == [value]


@pytest.mark.parametrize("raw, value", [
    # past midnight the named night has become the next day
    ("قصفت الطائرات البلدة بعد منتصف ليل الاثنين", date(2018, 10, 23)),
    ("سقطت القذائف على الحي منذ منتصف ليل الخميس الجمعة", date(2018, 10, 26)),
    # before midnight it is still the named day
    ("قصفت الطائرات البلدة قبيل منتصف ليل الاثنين", date(2018, 10, 22)),
    ("قصفت الطائرات البلدة ليل الاثنين", date(2018, 10, 22)),
])
def test_after_midnight_is_the_next_day(arabic, raw, value):
    assert [(v, p) for _, v, p in _found(arabic, raw)] == [(value, 1)]


@pytest.mark.parametrize("raw, day", [
    # the first day told is yesterday's or Thursday's: the report rounds up the last days
    ("قصفت الطائرات البلدة أمس. وتستمر الاشتباكات في محيطها.", PUBLISHED),
    ("قتل ثلاثة يوم الخميس في قصف على البلدة، وقتل اثنان اليوم.", PUBLISHED),
    # today's news, a long-past day or no day at all: no round-up
    ("قتل ثلاثة اليوم في قصف على البلدة، وكانت قد قصفت أمس.", None),
    ("قتل ثلاثة في السابع من شباط الماضي بقصف على البلدة.", None),
    ("تستمر الاشتباكات في محيط البلدة.", None),
])
def test_a_report_whose_first_day_told_is_a_recent_one_is_a_round_up(arabic, raw, day):
    t = arabic(raw)
    assert roundup_day(dates(t.tokens, PUBLISHED, t.norm.text), PUBLISHED) == day


@pytest.mark.parametrize("raw, surface", [
    # «حاليا»: fighting that goes on now is the report's day, not the day of the sentence before it
    ("وقال إن معارك عنيفة تدور حاليا في وسط المدينة", "حاليا"),
    ("وتدور حالياً اشتباكات عند أطراف البلدة", "حالياً"),
])
def test_now_is_the_report_day(arabic, raw, surface):
    assert _found(arabic, raw) == [(surface, PUBLISHED, 1)]


@pytest.mark.parametrize("raw, value", [
    # «the same day» / «the next day» after a date told in the same sentence counts from that date
    ("دخلت القوات المدينة في 3 آذار من عام 1920، وفي نفس اليوم قتل عشرة", date(1920, 3, 3)),
    ("قصفت الطائرات القرية في 5 أيار 2016، وفي اليوم التالي قتل طفلان", date(2016, 5, 6)),
    ("قصفت الطائرات القرية الخميس، وفي اليوم نفسه قتل طفلان", date(2018, 10, 25)),
])
def test_same_or_next_day_counts_from_a_date_told_in_its_sentence(arabic, raw, value):
    assert _found(arabic, raw)[-1][1:] == (value, 1)


def test_same_day_across_a_full_stop_is_left_to_the_narrative(arabic):
    found = _found(arabic, "قصفت الطائرات القرية في 5 أيار 2016. وفي اليوم التالي قتل طفلان")
    assert found[-1][1] == PUBLISHED  # resolved later against the narrative (assemble)


@pytest.mark.parametrize("raw", [
    "سيطرت القوات على المدينة في مثل هذا اليوم",
    "وفي مثل هذا اليوم، خرج المتظاهرون في شوارع المدينة",
])
def test_on_this_day_in_years_past_is_a_year_unknown(arabic, raw):
    # a past year the text does not name: no day a coder could use, and never the publication day
    found = dates(arabic(raw).tokens, PUBLISHED, arabic(raw).norm.text)
    assert [(d.rule, d.precision) for d in found] == [("date:year", 3)]
    assert found[0].value.year < PUBLISHED.year


@pytest.mark.parametrize("raw, year", [
    ("استعادت القوات المدينة في 2016.", 2016),
    ("استعادت القوات المدينة في 2016، ثم انسحبت", 2016),
    ("استعادت القوات المدينة في 2016 بعد حصار طويل", 2016),
    ("تسيطر الفصائل على البلدة منذ 2012", 2012),
    ("وخلال 2017 قتل المئات في المحافظة", 2017),
])
def test_a_year_after_a_preposition_is_read(arabic, raw, year):
    assert [(v.year, p) for _, v, p in _found(arabic, raw)] == [(year, 3)]


@pytest.mark.parametrize("raw", [
    "وزعت المنظمة الخبز في 2432 منزلا",  # a count, not a year
    "تخطط الحكومة لإعادة الإعمار بحلول 2030",  # a year still to come dates no occurrence
    "قتل 2016 شخصا في المحافظة",  # no preposition frames it
])
def test_a_bare_number_is_no_year(arabic, raw):
    assert _found(arabic, raw) == []


@pytest.mark.parametrize("raw, value", [
    # two days listed before one month: the first day, as a night across two days codes the first
    ("شنت الطائرات غارتين في 3 و5 أيار 2016", date(2016, 5, 3)),
    ("قتل عشرة يومي 12 و 13 آذار", date(2018, 3, 12)),
])
def test_two_listed_days_code_the_first(arabic, raw, value):
    assert _found(arabic, raw)[-1][1:] == (value, 1)


def test_a_toll_before_a_listed_day_is_no_day(arabic):
    assert _found(arabic, "قتل 5 و6 أيار")[-1][1:] == (date(2018, 5, 15), 3)


@pytest.mark.parametrize("raw, value", [
    # two ordinal days listed before a month name a span; ACLED codes its first day
    ("قصفت الطائرات المطار ليلة التاسع والعاشر من أيار", date(2018, 5, 9)),
    ("قصفت الطائرات المطار يومي الرابع والخامس من آذار 2016", date(2016, 3, 4)),
    # a range of two days, as scraped pages and wires write a night: «ليل 5-6 كانون الثاني»
    ("هاجمت طائرات مسيرة القاعدة ليل 5-6 كانون الثاني", date(2018, 1, 5)),
    ("دمرت غارة المنشأة ليل الخامس إلى السادس من أيلول 2007", date(2007, 9, 5)),
])
def test_listed_ordinal_or_ranged_days_code_the_first(arabic, raw, value):
    assert _found(arabic, raw)[-1][1:] == (value, 1)


def test_a_lone_ordinal_day_is_still_read(arabic):
    assert _found(arabic, "قصفت الطائرات المطار في العاشر من أيار")[-1][1:] == (date(2018, 5, 10), 1)


@pytest.mark.parametrize("raw", [
    # the date of «منذ بدء X في D» is where a span starts, not the day of what the sentence tells
    "قتل مئات المدنيين منذ بدء الهجوم على المحافظة في 19 حزيران",
    "نفذت الطائرات آلاف الغارات منذ انطلاق العملية العسكرية في 18 شباط الماضي",
    "ومنذ اندلاع المعارك في الثالث من آذار قتل العشرات",
])
def test_a_date_inside_since_the_start_of_is_a_span_start(arabic, raw):
    t = arabic(raw)
    found = dates(t.tokens, PUBLISHED, t.norm.text)
    assert found and all(d.since for d in found)


@pytest.mark.parametrize("raw", [
    # a comma or a «و» opening another clause closes the span before the date
    "قتل المئات منذ بدء الحملة، وقصفت الطائرات البلدة في 3 آذار",
    "قتل المئات منذ بدء الحملة وقصفت الطائرات البلدة في 3 آذار",
])
def test_a_date_after_since_the_start_in_another_clause_is_its_own(arabic, raw):
    t = arabic(raw)
    found = dates(t.tokens, PUBLISHED, t.norm.text)
    assert found and not found[-1].since


def test_a_start_phrase_with_joined_nouns_still_dates_the_start(arabic):
    t = arabic("نزح الآلاف منذ بدء هجوم القوات والمليشيات على المحافظة في 19 حزيران")
    assert all(d.since for d in dates(t.tokens, PUBLISHED, t.norm.text))


@pytest.mark.parametrize("raw, value", [
    # «في مثل هذا اليوم» with its year, or so many years back, is that day of that year
    ("في مثل هذا اليوم من عام 2013 قصفت القوات الغوطة", date(2013, 10, 27)),
    ("في مثل هذا اليوم من العام 2015 سيطر التنظيم على المدينة", date(2015, 10, 27)),
    ("في مثل هذا اليوم قبل خمس سنوات قصفت القوات الغوطة", date(2013, 10, 27)),
    ("في مثل هذا اليوم قبل 3 أعوام قصفت القوات الغوطة", date(2015, 10, 27)),
])
def test_on_this_day_of_a_past_year_is_that_day(arabic, raw, value):
    assert _found(arabic, raw)[0][1:] == (value, 1)


def test_on_this_day_in_a_leap_year_past_february(arabic):
    assert _found(arabic, "في مثل هذا اليوم من عام 2015 قتل عشرة", date(2016, 2, 29))[0][1:] == (date(2015, 2, 28), 1)


@pytest.mark.parametrize("raw, value", [
    ("في مثل هذا اليوم منذ عامين قصفت القوات الغوطة", date(2016, 10, 27)),
    ("في مثل هذا اليوم قبل ٤ أعوام سيطر التنظيم على المدينة", date(2014, 10, 27)),
    ("في مثل هذا اليوم قبل عشرة أعوام سيطر التنظيم على المدينة", date(2008, 10, 27)),
    ("في مثل هذا اليوم قبل 20 عاماً قتل الجنود عشرة مدنيين", date(1998, 10, 27)),
])
def test_on_this_day_years_ago_counts_years_back(arabic, raw, value):
    assert _found(arabic, raw)[0][1:] == (value, 1)


@pytest.mark.parametrize("raw, value", [
    # «في ذلك اليوم» (on that day) points back to a day told, never to the report's own day
    ("قصفت الطائرات القرية في 5 أيار 2016، وفي ذلك اليوم قتل طفلان", date(2016, 5, 5)),
    ("دخلت القوات المدينة في 3 آذار من عام 1920، وفي تلك الليلة قتل عشرة", date(1920, 3, 3)),
])
def test_that_day_is_the_day_told_before(arabic, raw, value):
    assert _found(arabic, raw)[-1][1:] == (value, 1)


def test_that_day_is_no_today(arabic):
    found = dates(arabic("وقال الطفل: كنا جالسين في ذلك اليوم في القبو").tokens, PUBLISHED)
    assert all(d.rule.startswith("date:discourse:") for d in found)


@pytest.mark.parametrize("raw, value", [
    # an earlier, unnamed part of a year is no date a coder could use: mid-year, precision 3, rule date:year
    ("قصفت الطائرات البلدة في وقت سابق من هذا العام", date(2018, 7, 1)),
    ("قصفت الطائرات البلدة في وقت سابق هذا العام", date(2018, 7, 1)),
    ("قصفت الطائرات البلدة في وقت سابق من العام الماضي", date(2017, 7, 1)),
])
def test_earlier_in_a_year_is_a_year(arabic, raw, value):
    t = arabic(raw)
    got = [(d.value, d.precision, d.rule) for d in dates(t.tokens, PUBLISHED, t.norm.text)]
    assert got == [(value, 3, "date:year")]


def test_this_year_alone_dates_nothing(arabic):
    # «الهجوم الأعنف هذا العام» describes today's attack: it gives it no year date
    t = arabic("قتل خمسة مدنيين في قصف هو الأعنف هذا العام")
    assert dates(t.tokens, PUBLISHED, t.norm.text) == []


def test_a_background_attack_earlier_this_year_is_not_dated_today():
    from conftest import report_events
    evs = report_events("قتل عشرة مدنيين في قصف روسي على مدينة سراقب في وقت سابق من هذا العام.", PUBLISHED)
    assert not [e for e in evs if e.event_date == PUBLISHED and e.time_precision == 1]


@pytest.mark.parametrize("raw, value, precision", [
    # a calendar week runs Monday to Sunday; PUBLISHED (Saturday 27 Oct) lies in the week of Monday 22 Oct
    ("قصفت الطائرات البلدة الأسبوع الماضي", date(2018, 10, 18), 2),         # the middle of last week
    ("قصفت الطائرات البلدة هذا الأسبوع", date(2018, 10, 24), 2),           # the middle of its days so far
    ("قصفت الطائرات البلدة مطلع الأسبوع", date(2018, 10, 23), 2),          # not the publication day
    ("قصفت الطائرات البلدة في مطلع الأسبوع الماضي", date(2018, 10, 16), 2),
    ("قصفت الطائرات البلدة منتصف الأسبوع الماضي", date(2018, 10, 18), 2),
    ("قصفت الطائرات البلدة نهاية الأسبوع الماضي", date(2018, 10, 20), 2),  # the weekend before this week
    ("قصفت الطائرات البلدة في عطلة نهاية الأسبوع", date(2018, 10, 27), 2),
    # a part of a month is still more than a week: precision 3, at the part's day
    ("قصفت الطائرات البلدة منتصف الشهر الماضي", date(2018, 9, 15), 3),
    ("قصفت الطائرات البلدة أواخر الشهر الماضي", date(2018, 9, 25), 3),
    ("قصفت الطائرات البلدة مطلع الشهر الجاري", date(2018, 10, 5), 3),
    ("قصفت الطائرات البلدة منتصف الشهر", date(2018, 10, 15), 3),
    ("قصفت الطائرات البلدة في أواخر شهر آذار", date(2018, 3, 25), 3),
    ("سيطرت القوات على البلدة في نهاية يونيو", date(2018, 6, 30), 3),
    ("سيطرت القوات على البلدة نهاية العام الماضي", date(2017, 12, 31), 3),
    # a count back from the day: a hedge («نحو») makes it a span
    ("قصفت الطائرات البلدة قبل أربعة أيام", date(2018, 10, 23), 1),
    ("قصفت الطائرات البلدة قبل نحو أسبوعين", date(2018, 10, 13), 2),
    ("سيطرت القوات على البلدة من نحو أسبوعين", date(2018, 10, 13), 2),
    ("قصفت الطائرات البلدة قبل ثلاثة أسابيع", date(2018, 10, 6), 2),
    ("قصفت الطائرات البلدة قبل نحو شهر", date(2018, 9, 15), 3),
    ("قصفت الطائرات البلدة قبل أشهر قليلة", date(2018, 7, 15), 3),
])
def test_parts_of_periods_and_counts_back(arabic, raw, value, precision):
    assert [(v, p) for _, v, p in _found(arabic, raw)] == [(value, precision)]


def test_last_week_told_on_a_sunday_is_the_week_just_ended(arabic):
    # the Arab working week opens on Sunday: on Sunday 28 October «الأسبوع الماضي» is 21-27 October
    assert [(v, p) for _, v, p in _found(arabic, "قصفت الطائرات البلدة الأسبوع الماضي", date(2018, 10, 28))] \
        == [(date(2018, 10, 24), 2)]


def test_a_start_of_the_month_after_since_opens_a_period(arabic):
    t = arabic("قتل مئة مدني منذ بداية الشهر")
    assert [d.since for d in dates(t.tokens, PUBLISHED, t.norm.text)] == [True]


@pytest.mark.parametrize("raw, kept", [
    # «مؤخرا» yields to a closer date of its clause, not to one of another clause
    ("وهو الذي قاد مؤخرا معركة على أطراف البلدة قبل أشهر قليلة", ["قبل أشهر قليلة"]),
    ("فقد التنظيم المدينة في نوفمبر 2017، وشن هجمات عدة مؤخرا", ["نوفمبر 2017", "مؤخرا"]),
])
def test_recently_yields_to_a_closer_date(arabic, raw, kept):
    assert [s for s, _, _ in _found(arabic, raw)] == kept
