"""HTML to text, and chrome lines in plain text."""
from __future__ import annotations

import pytest

from rasid.htmltext import chrome_spans, html_to_text
from rasid.resources import read_tsv

PAGE = """<!doctype html>
<html><head><title>غارات على إدلب | موقع</title><style>p { color: red }</style>
<script>window.ads = [];</script></head>
<body class="page has-sidebar">
  <header><div class="logo">موقع الأخبار</div><ul class="main-menu"><li>الرئيسية</li><li>سياسة</li></ul></header>
  <nav class="breadcrumbs">الرئيسية &gt; سوريا</nav>
  <main><article>
    <h1>سبعة قتلى بغارات على   خان شيخون</h1>
    <div class="social-share">شارك على فيسبوك تويتر</div>
    <p>قُتل سبعة مدنيين&nbsp;بينهم ثلاثة أطفال،
       جراء غارات على مدينة خان شيخون &amp; أطرافها.</p>
    <p>وقال الدفاع المدني إن <a href="#">الطائرات</a> نفذت أربع غارات.<br>ولم يصدر أي تعليق.</p>
    <div id="relatedPosts"><h3>مقالات ذات صلة</h3><a>خبر آخر</a></div>
    <aside>الأكثر قراءة</aside>
    <div class="adsbygoogle ad">إعلان</div>
    <form><input value="اشترك"></form>
    <section id="comments"><p>تعليق القارئ</p></section>
    <div hidden>نص مخفي</div>
    <noscript>فعّل جافاسكربت</noscript><iframe src="x"></iframe>
    <p>اقرأ أيضاً:</p><p>عنوان مقال آخر عن الحرب</p>
  </article></main>
  <div class="cookie-consent">نستخدم ملفات تعريف الارتباط</div>
  <footer>جميع الحقوق محفوظة © 2018</footer>
</body></html>"""


def test_html_to_text_keeps_the_report_and_drops_chrome():
    assert html_to_text(PAGE) == (
        "سبعة قتلى بغارات على خان شيخون\n"
        "قُتل سبعة مدنيين بينهم ثلاثة أطفال، جراء غارات على مدينة خان شيخون & أطرافها.\n"
        "وقال الدفاع المدني إن الطائرات نفذت أربع غارات.\n"
        "ولم يصدر أي تعليق.")


def test_html_to_text_on_fragments_and_entities():
    assert html_to_text("<p>&#1602;&#1589;&#1601; &quot;عنيف&quot;</p><li>بند</li>") == 'قصف "عنيف"\nبند'
    assert html_to_text("نص بلا وسوم") == "نص بلا وسوم"
    assert html_to_text("") == ""


def spans_text(text):
    """Returns the chrome lines of a text, one item a line (adjacent chrome lines are one span)."""
    out = []
    for s, e in chrome_spans(text):
        out += [line.strip() for line in text[s:e].split("\n") if line.strip()]
    return out


def test_chrome_lines_in_arabic_text():
    text = ("قصفت قوات النظام بلدة الحراك مساء الأحد.\n"
            "التعليقات (0)\n"
            "شارك\n"
            "  شارك على فيسبوك  \n"
            "تابعونا على تلغرام\n"
            "زر الذهاب إلى الأعلى\n"
            "اشترك في النشرة البريدية\n"
            "سياسة الخصوصية\n"
            "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا.\n"
            "حقوق النشر محفوظة لشبكة الأخبار 2018\n"
            "17\n"
            "🔴 عاجل\n"
            "-----------\n"
            "وأصيب خمسة مدنيين بجروح.")
    assert spans_text(text) == ["التعليقات (0)", "شارك", "شارك على فيسبوك", "تابعونا على تلغرام",
                                "زر الذهاب إلى الأعلى", "اشترك في النشرة البريدية", "سياسة الخصوصية",
                                "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا.",
                                "حقوق النشر محفوظة لشبكة الأخبار 2018", "17", "🔴 عاجل", "-----------"]


@pytest.mark.parametrize("line", [
    "التعليقات (0)", "مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً:", "إقرأ ايضا", "شارك", "شارك على فيسبوك",
    "تابعونا على", "تابعونا على تويتر", "الأكثر قراءة", "أهم المواضيع", "زر الذهاب إلى الأعلى",
    "اشترك في النشرة", "اشترك في النشرة البريدية", "سياسة الخصوصية", "نستخدم ملفات تعريف الارتباط",
    "نستخدم الكوكيز لتحسين تجربتك", "حقوق النشر محفوظة", "ذات صلة", "مواضيع ذات صلة", "• شارك •",
    "📌 الرئيسية", "3", "Read more", "Comments (3)", "Share on Facebook", "© 2018 All rights reserved",
])
def test_each_kind_of_chrome_line_is_found(line):
    text = "قتل ثلاثة مدنيين بقصف على دوما.\n" + line + "\n"
    assert spans_text(text) == [line]


def test_offsets_are_code_points_of_the_given_text():
    text = "قُتل ٣ مدنيين في إدلب.\r\nالأكثر قراءة\r\n"
    [(start, end)] = chrome_spans(text)
    assert text[start:end] == "الأكثر قراءة"
    assert start == text.index("الأكثر")


def test_related_box_runs_to_the_end_over_headline_links():
    text = ("اشتباكات عنيفة بين قسد وتنظيم الدولة في ريف دير الزور.\n"
            "مقالات ذات صلة\n"
            "مقتل قيادي في التنظيم بغارة للتحالف\n"
            "قسد تعلن السيطرة على قرية جديدة\n")
    [(start, end)] = chrome_spans(text)
    assert start == text.index("مقالات ذات صلة")
    assert text[start:end] == "مقالات ذات صلة\nمقتل قيادي في التنظيم بغارة للتحالف\nقسد تعلن السيطرة على قرية جديدة"


def test_read_also_mid_article_stops_at_the_next_prose_paragraph():
    prose = "وقال المرصد السوري لحقوق الإنسان إن الاشتباكات استمرت حتى ساعات الصباح الأولى."
    text = ("سيطرت قوات النظام على بلدة بصر الحرير.\n"
            "اقرأ أيضاً: الفصائل تنسحب من ريف درعا الشرقي\n"
            + prose)
    assert spans_text(text) == ["اقرأ أيضاً: الفصائل تنسحب من ريف درعا الشرقي"]
    assert spans_text("اقرأ أيضا\nعنوان أول\n" + prose) == ["اقرأ أيضا", "عنوان أول"]
    assert spans_text("مقالات ذات صلة\nعنوان أول\nوشارك في الهجوم كل من:\n") == ["مقالات ذات صلة", "عنوان أول"]


def test_report_lines_that_start_like_chrome_are_kept():
    text = ("شارك في الهجوم عشرات المقاتلين من التنظيم\n"
            "اشترك في المعارك مقاتلون أجانب\n"
            "وأكد البيان أن حقوق المدنيين محفوظة\n"
            "ذات صلة بالهجوم الأخير على البلدة، قال مصدر محلي إن القصف تجدد.\n"
            "2013\n"
            "26/10/2018\n"
            "قتل 12 مدنيا")
    assert chrome_spans(text) == []


def test_lexicon_rows_are_well_formed():
    rows = read_tsv("chrome.tsv")
    assert rows and {r["kind"] for r in rows} == {"line", "tail", "heading", "listing", "end"}
    assert all(r["pattern"] for r in rows)


def test_headline_links_after_the_body_without_a_box_title():
    text = ("قصفت الطائرات الحربية بلدة في ريف إدلب الجنوبي صباح اليوم وأسفر القصف عن أضرار كبيرة في المنازل.\n"
            "مقتل عشرة مدنيين في غارات على ريف حماة\n"
            "الحرب في سوريا: تقارير عن قصف جديد\n")
    [(start, end)] = chrome_spans(text)
    assert text[start:end] == "مقتل عشرة مدنيين في غارات على ريف حماة\nالحرب في سوريا: تقارير عن قصف جديد"


def test_a_single_short_line_after_the_body_is_kept():
    text = ("قصفت الطائرات الحربية بلدة في ريف إدلب الجنوبي صباح اليوم وأسفر القصف عن أضرار كبيرة في المنازل.\n"
            "مقتل عشرة مدنيين في غارات على ريف حماة\n"
            "وقال الدفاع المدني إن فرقه ما زالت تبحث عن ناجين تحت الأنقاض في البلدة المنكوبة منذ الصباح.\n")
    assert chrome_spans(text) == []


# Scraped pages lose their line breaks: the chrome runs on inside the lines of the story.
def test_a_box_title_inside_a_flattened_line_takes_the_rest_of_the_line():
    story = "وقصفت قوات النظام بلدة اللطامنة بالمدفعية الثقيلة ما أدى إلى أضرار مادية."
    box = "مواضيع قد تهمك مقتل عنصرين بانفجار في درعا . . . الأكثر قراءة جميع الحقوق محفوظة 2018"
    text = story + " " + box
    assert spans_text(text) == [box]


def test_a_box_title_followed_by_prose_is_not_a_box():
    text = ("الأكثر مشاهدة تجددت الاشتباكات صباح اليوم بين فصائل المعارضة وقوات النظام في محيط بلدة "
            "كفرنبودة بريف حماة الشمالي وسط قصف مدفعي متبادل بين الطرفين.")
    assert chrome_spans(text) == []


def test_a_box_title_line_runs_on_over_cut_off_teasers():
    text = ("قتل ثلاثة مدنيين بقصف على بلدة معرة حرمة في ريف إدلب الجنوبي مساء الأحد حسب ناشطين محليين.\n"
            "اقرأ أيضا : روابط ذات صلة\n"
            "أعلنت فصائل المعارضة اليوم عن بدء معركة جديدة في ريف حماة الشمالي بهدف السيطرة على . . .\n"
            "قصفت طائرات حربية مواقع في محيط مدينة الرقة ما أسفر عن . . .\n")
    lines = spans_text(text)
    assert lines[0] == "اقرأ أيضا : روابط ذات صلة" and len(lines) == 3


def test_a_run_of_cut_off_teasers_is_chrome():
    teasers = ("قال الدفاع المدني إن غارات جوية استهدفت بلدة . . . أعلنت الفصائل السيطرة على تلة "
               "استراتيجية في ريف . . . تجددت الاشتباكات بين قوات النظام وتنظيم داعش في محيط مدينة . . . "
               "قتل عشرة عناصر من قوات النظام")
    text = "قصفت الطائرات مدينة دوما صباح اليوم.\n" + teasers
    assert spans_text(text) == [teasers]


def test_one_ellipsis_in_prose_is_kept():
    text = "وقال شاهد عيان إن القصف لم يتوقف... وإن الأهالي نزحوا نحو الحقول المجاورة للبلدة."
    assert chrome_spans(text) == []


def test_a_run_of_dated_headlines_is_chrome_wherever_it_stands():
    teasers = ["مقتل قيادي في المعارضة بعبوة ناسفة في درعا 12/03/2018",
               "غارات على ريف إدلب الجنوبي 2018-03-11",
               "اشتباكات في محيط مدينة حرستا منذ 3 ساعات"]
    text = "\n".join(teasers) + "\nقصفت قوات النظام مدينة حرستا بالمدفعية صباح اليوم ما أدى إلى مقتل مدنيين."
    assert spans_text(text) == teasers


def test_a_single_dated_line_is_kept():
    text = "حلب 24 أيلول 2016\nقصفت الطائرات حي الشعار صباح اليوم."
    assert chrome_spans(text) == []


def test_a_menu_of_short_labels_is_chrome():
    text = "الرئيسية\nأخبار سوريا\nتقارير\nرياضة\nقصفت قوات النظام بلدة اللطامنة صباح اليوم."
    assert spans_text(text) == ["الرئيسية", "أخبار سوريا", "تقارير", "رياضة"]


def test_navigation_words_in_a_row_inside_a_line_are_chrome():
    text = "قصفت الطائرات بلدة حاس. الأخبار التلفزيون متفرقات روابط منوعات"
    assert spans_text(text) == ["الأخبار التلفزيون متفرقات روابط منوعات"]


@pytest.mark.parametrize("line", [
    "كتب: أحمد العلي", "بقلم محمد الخطيب", "اترك تعليقا", "أضف تعليقك", "البريد الإلكتروني *",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها",
])
def test_bylines_and_comment_forms_are_chrome(line):
    assert spans_text("قتل ثلاثة مدنيين بقصف على دوما.\n" + line + "\n") == [line]


@pytest.mark.parametrize("header, date_text", [
    ("تحديث الموقع 2018 / 01 / 21", "2018 / 01 / 21"),
    ("الثلاثاء 22 / 08 / 2017 ( آخر تحديث )", "22 / 08 / 2017"),
])
def test_a_site_update_time_is_chrome(header, date_text):
    text = "غارات على الغوطة | الموقع " + header + " قصفت الطائرات مدينة عربين اليوم."
    covered = "".join(text[s:e] for s, e in chrome_spans(text))
    assert date_text in covered and "عربين" not in covered
