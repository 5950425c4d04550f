"""rasid.discourse: the report's own story (no chrome), its anchor day, and narrative dates."""
from __future__ import annotations

import json
from datetime import date

import pytest

from rasid.discourse import anchor, chrome_spans
from rasid.normalize import normalize
from rasid.pipeline import _content_tokens, analyze
from rasid.reader import read_articles, to_article
from rasid.records import Article

FRIDAY = date(2017, 10, 27)
THURSDAY = date(2017, 10, 26)


def _anchor(text: str, published: date | None = None):
    article = Article(id="a", text=text, published=published)
    n = normalize(text)
    return anchor(_content_tokens(article, n), published, n.text)


# A report whose own story is one air strike on Kafranbel, framed by the chrome of a news page: a
# «read also» box and dated teaser headlines of other stories (a strike on Douma, a takeover of Saraqib).
STORY = ("قصفت الطائرات الحربية بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم، ما أسفر عن مقتل أربعة مدنيين "
         "بينهم طفلان، بحسب ما أفاد الدفاع المدني في المحافظة.")
TEASERS = ("مقتل 12 مدنيا بغارات على مدينة دوما 12/03/2017\n"
           "قوات النظام تسيطر على مدينة سراقب 11/03/2017\n")
PAGE = ("الرئيسية\nأخبار\nسياسة\nمنوعات\n" + TEASERS + STORY + "\n"
        "اقرأ أيضا: اشتباكات عنيفة في محيط بلدة خان طومان\n"
        "غارات روسية تقتل عشرة مدنيين في مدينة أريحا\n"
        "جميع الحقوق محفوظة 2017\n")


def _places(text: str, events) -> set[str]:
    """Returns the place each event is coded at, as the text names it (its place evidence)."""
    return {text[ev.start:ev.end] for e in events for ev in e.evidence if ev.rule.startswith("place:")}


def _dates_by_place(text: str, published: date | None) -> dict[str, date | None]:
    events = analyze(Article(id="a", text=text, published=published))
    return {text[ev.start:ev.end]: e.event_date for e in events for ev in e.evidence
            if ev.rule.startswith("place:")}


def test_a_txt_page_gives_only_its_own_story(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    [article] = [a for a in read_articles(path, published=date(2017, 3, 14))]
    events = analyze(article)
    assert len(events) == 1 and _places(article.text, events) == {"كفرنبل"}
    start = article.text.index(STORY)
    assert all(start <= ev.start and ev.end <= start + len(STORY) for e in events for ev in e.evidence)


def test_a_json_text_gives_only_its_own_story():
    record = json.loads(json.dumps({"id": "p1", "outlet": None, "published": "2017-03-14", "text": PAGE}))
    article, _ = to_article(record, "test", 1)
    events = analyze(article)
    assert len(events) == 1 and _places(article.text, events) == {"كفرنبل"}
    assert {e.event_date for e in events} == {date(2017, 3, 14)}


def test_the_chrome_of_the_page_is_found_and_the_story_kept():
    covered = "".join(PAGE[s:e] for s, e in chrome_spans(PAGE))
    assert "دوما" in covered and "سراقب" in covered and "خان طومان" in covered and "أريحا" in covered
    assert "كفرنبل" not in covered and "الرئيسية" in covered


def test_the_teaser_dates_of_the_chrome_do_not_anchor_the_page():
    # the only full dates are the teasers': without them there is nothing to anchor on
    assert _anchor(PAGE).day is None
    assert all(e.event_date is None for e in analyze(Article(id="p", text=PAGE)))


@pytest.mark.parametrize("text", [
    "قصفت الطائرات اليوم (الخميس) بلدة كفرنبل وقتلت ثلاثة مدنيين.",
    "قصفت الطائرات صباح اليوم الخميس بلدة كفرنبل وقتلت ثلاثة مدنيين.",
])
def test_today_with_a_weekday_overrides_the_published_day(text):
    got = _anchor(text, FRIDAY)
    assert (got.day, got.rule) == (THURSDAY, "published+weekday")
    # a later «اليوم» without the weekday is the same Thursday
    text += "\nوقتل مدنيان صباح اليوم بقصف مدفعي على بلدة حاس."
    assert _dates_by_place(text, FRIDAY) == {"كفرنبل": THURSDAY, "حاس": THURSDAY}


@pytest.mark.parametrize("published, weekday_word, expected", [
    # the nearest such day, before or after
    (date(2017, 10, 27), "الأحد", date(2017, 10, 29)),
    (date(2017, 10, 27), "الثلاثاء", date(2017, 10, 24)),
    (date(2017, 10, 27), "الجمعة", date(2017, 10, 27)),
])
def test_the_weekday_moves_the_anchor_to_the_nearest_such_day(published, weekday_word, expected):
    assert _anchor(f"وقال المرصد اليوم {weekday_word} إن الاشتباكات تجددت.", published).day == expected


@pytest.mark.parametrize("published", [
    date(2016, 10, 27),  # the year slipped: 27 October 2016 was a Thursday
    date(2017, 10, 25),  # the day slipped: a Wednesday
])
def test_a_dateline_whose_weekday_is_today_mends_a_slipped_published_field(published):
    text = "دمشق 27 تشرين الأول 2017 - قصفت الطائرات اليوم الجمعة بلدة كفرنبل وقتلت ثلاثة مدنيين."
    got = _anchor(text, published)
    assert (got.day, got.rule) == (FRIDAY, "published+dateline")


def test_a_dateline_of_another_weekday_leaves_the_nearest_such_day():
    # 26 October 2017 was a Thursday: the dateline does not say which Friday «اليوم الجمعة» is
    text = "دمشق 26 تشرين الأول 2017 - قصفت الطائرات اليوم الجمعة بلدة كفرنبل وقتلت ثلاثة مدنيين."
    got = _anchor(text, date(2016, 10, 27))
    assert (got.day, got.rule) == (date(2016, 10, 28), "published+weekday")


def test_a_weekday_without_today_leaves_the_published_day():
    got = _anchor("وكانت الطائرات قد قصفت البلدة يوم الخميس.", FRIDAY)
    assert (got.day, got.rule) == (FRIDAY, "published")


@pytest.mark.parametrize("text, day, rule", [
    ("دمشق 23 نوفمبر 2017 - قصفت قوات النظام بلدة عين ترما بالمدفعية الثقيلة أمس.", date(2017, 11, 23),
     "dateline"),
    ("اشتباكات في ريف حماة\n2017 / 12 / 26\nتجددت الاشتباكات اليوم بين الفصائل وقوات النظام في محيط بلدة "
     "اللطامنة.", date(2017, 12, 26), "dateline"),
    ("غارات على ريف إدلب 13 يونيو , 2017 شنت الطائرات الحربية اليوم الثلاثاء غارات على مدينة "
     "خان شيخون.", date(2017, 6, 13), "dateline+weekday"),
])
def test_a_page_without_published_is_anchored_on_its_dateline(text, day, rule):
    got = _anchor(text)
    assert (got.day, got.rule) == (day, rule)


def test_a_weekday_picks_the_dateline_it_agrees_with():
    # 21 Jan 2018 was a Sunday, 23 Jan a Tuesday: «اليوم الثلاثاء» confirms the second
    text = ("نشرة 21 كانون الثاني 2018 ملخص\nحلب 23 كانون الثاني 2018 قصفت الطائرات اليوم الثلاثاء "
            "أحياء في مدينة عندان.")
    assert _anchor(text).day == date(2018, 1, 23)


@pytest.mark.parametrize("text", [
    # the site's update time and a copyright year are not the story's day
    "غارات على الغوطة | موقع الأخبار تحديث الموقع 2018 / 01 / 21 قتل خمسة مدنيين اليوم الأحد بغارات "
    "على مدينة عربين.",
    "قتل خمسة مدنيين اليوم الأحد بغارات على مدينة عربين.\nجميع الحقوق محفوظة 2018",
    # a date told in prose is an event's, not a dateline
    "قتل خمسة مدنيين اليوم بغارات على مدينة عربين. وتحاصر قوات النظام المدينة منذ 15 آذار 2013.",
])
def test_no_anchor_leaves_relative_dates_unresolved(text):
    assert _anchor(text).day is None
    events = analyze(Article(id="a", text=text))
    assert events and all(e.event_date is None for e in events)


def test_a_dateline_dates_the_undated_events_of_the_page():
    text = "حلب 24 أيلول 2016\nقصفت الطائرات الحربية أمس حي الشعار في مدينة حلب وقتلت سبعة مدنيين."
    [event] = analyze(Article(id="a", text=text))
    assert event.event_date == date(2016, 9, 23)


def test_a_clause_continues_the_date_of_the_paragraphs_last_event():
    # the telling is «اليوم»; the strike on Douma was «أمس», and the next sentence continues its story
    text = ("أفاد المرصد السوري اليوم بمقتل خمسة مدنيين أمس في غارة جوية على مدينة دوما. "
            "وقصفت المدفعية بلدة حمورية وقتلت طفلين.")
    published = date(2018, 2, 20)
    events = _dates_by_place(text, published)
    assert events.get("دوما") == date(2018, 2, 19)
    assert events.get("حمورية") == date(2018, 2, 19)


def _days_by_place(text: str, published: date | None) -> dict[str, tuple[date | None, int]]:
    events = analyze(Article(id="a", text=text, published=published))
    return {text[ev.start:ev.end]: (e.event_date, e.time_precision) for e in events for ev in e.evidence
            if ev.rule.startswith("place:")}


def test_a_new_paragraph_does_not_continue_the_narrative():
    # the shelling is not Monday's strike told on: it lies somewhere in the days the report covers
    text = ("قتل خمسة مدنيين أمس في غارة جوية على مدينة دوما.\n"
            "وقصفت المدفعية بلدة حمورية وقتلت طفلين.")
    events = _days_by_place(text, date(2018, 2, 20))
    assert events.get("دوما") == (date(2018, 2, 19), 1)
    assert events.get("حمورية") == (date(2018, 2, 19), 2)


@pytest.mark.parametrize("lead, undated", [
    # a report of yesterday's news rounds up the last days: its undated events are coded to their middle
    ("شنت الطائرات الحربية أمس غارات على بلدة كفرنبل قتلت أربعة مدنيين.", (date(2018, 2, 19), 2)),
    ("شنت الطائرات الحربية يوم الأحد غارات على بلدة كفرنبل قتلت أربعة مدنيين.", (date(2018, 2, 19), 2)),
    # today's news, or a report that names no day, dates them to its own day
    ("شنت الطائرات الحربية صباح اليوم غارات على بلدة كفرنبل قتلت أربعة مدنيين.", (date(2018, 2, 20), 1)),
    ("شنت الطائرات الحربية غارات على بلدة كفرنبل قتلت أربعة مدنيين.", (date(2018, 2, 20), 1)),
    # a day long past is background, not the span the report covers
    ("وكانت الطائرات قد قصفت بلدة كفرنبل في 3 كانون الثاني وقتلت أربعة مدنيين.", (date(2018, 2, 20), 1)),
])
def test_an_undated_event_of_a_round_up_lies_in_the_days_it_covers(lead, undated):
    text = lead + "\nوفي ريف حماة، قصفت قوات النظام بلدة اللطامنة بالمدفعية وقتلت ثلاثة مدنيين."
    assert _days_by_place(text, date(2018, 2, 20)).get("اللطامنة") == undated


# --- a tag or archive page: teasers of other stories, none its own --------------------------------

TAGGED = ("قصفت الطائرات الحربية بلدة كفرنبل في ريف إدلب الجنوبي صباح الأحد ، ما أسفر عن مقتل أربعة مدنيين .\n"
          "سيطرت فصائل المعارضة على قرية الحاضر بريف حلب الجنوبي بعد هجوم مباغت .\n")


@pytest.mark.parametrize("head", [
    "عرض العناصر حسب علامة : ريف إدلب ",
    "الموقع | الأخبار - # ريف إدلب الجنوبي ",
    "أرشيف الوسم : إدلب\n",
])
def test_a_tag_page_is_chrome_from_its_title_on(head):
    text = head + TAGGED
    [(start, end)] = chrome_spans(text)
    assert start < text.index("قصفت") and end > text.rindex("هجوم")
    assert analyze(Article(id="a", text=text, published=None)) == []


@pytest.mark.parametrize("text", [
    TAGGED,
    # an inline hashtag is the story's own word, not a tag page's title
    "شن طيران التحالف غارات على محافظة #إدلب ليلة الاثنين ، قتل فيها أربعة مدنيين .\n",
])
def test_a_story_without_a_tag_title_keeps_its_events(text):
    assert chrome_spans(text) == []
    assert analyze(Article(id="a", text=text, published=FRIDAY))


# --- a comment widget closes the story: what follows is comments and other stories -----------------

def test_a_comment_widget_ends_the_story():
    text = ("قصفت الطائرات الحربية بلدة كفرنبل في ريف إدلب الجنوبي صباح الأحد ، ما أسفر عن مقتل أربعة مدنيين .\n"
            "Please enable JavaScript to view the قتل ستة أشخاص في هجوم على سوق مدينة الرقة السبت "
            "سيطرت فصائل المعارضة على قرية الحاضر بريف حلب الجنوبي")
    [(start, end)] = chrome_spans(text)
    assert start == text.index("Please") and end == len(text)
    events = analyze(Article(id="a", text=text, published=FRIDAY))
    assert len(events) == 1 and events[0].location.admin1 == "Idlib"
