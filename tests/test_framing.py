"""Sentence framing: plans, round-ups, commentary and references are not reports of an occurrence."""
from __future__ import annotations

import pytest

from rasid.find.framing import (commentary, dateline_end, habitual, heard, named_cause, period_spans, planned,
                                pointed_back, reference_spans, sentenced, site_of)
from rasid.normalize import normalize
from rasid.segment import tokenize

from conftest import report_events


def _tokens(text):
    n = normalize(text)
    return tokenize(n.text), n.text


def _words(text):
    return [t.text for t in _tokens(text)[0]]


def _at(toks, word, last=False):
    """Returns the index of the first (or last) token spelled `word`."""
    found = [t.index for t in toks if t.text == normalize(word).text]
    return found[-1] if last else found[0]


def _covered(text, word):
    """Tells whether the first token spelled `word` lies inside a period span of the sentence."""
    toks, norm_text = _tokens(text)
    k = _at(toks, word)
    return any(lo <= k <= hi for lo, hi in period_spans(toks, norm_text, 0, len(toks) - 1))


@pytest.mark.parametrize("text, word, summed", [
    ("ارتفعت حصيلة القتلى في المدينة خلال يومين إلى 24 شخصا", "حصيلة", True),
    ("قتلت الغارات 40 عنصرا على مدى الأسبوع الماضي", "الغارات", True),
    ("وثق المرصد مقتل 60 مدنيا خلال الـ 72 ساعة الماضية بقصف الطيران", "بقصف", True),
    ("شنت الطائرات عشرات الغارات خلال الأشهر الثلاثة الأخيرة على البلدة", "الغارات", True),
    # the dual in construct: «خلال يومي الأحد والاثنين»
    ("قتل 20 مدنيا بقصف على البلدة خلال يومي الأحد والاثنين", "بقصف", True),
    ("وتتعرض البلدة لقصف مستمر خلال الأيام الماضية", "لقصف", True),
    ("قتل خمسة مدنيين بقصف على البلدة خلال اليومين الماضيين", "بقصف", True),
    # one day's round-up and a night are one day, not a span
    ("قتل 12 مدنيا خلال الـ 24 ساعة الماضية بقصف على البلدة", "بقصف", False),
    ("سيطرت القوات على القرية خلال ليل الاثنين", "سيطرت", False),
    ("دارت اشتباكات عنيفة خلال اليوم في محيط البلدة", "اشتباكات", False),
    # a span scopes its own clause only
    ("حققت القوات أكبر تقدم لها خلال أسبوع، مشيرا إلى سيطرتها أمس على قريتين", "سيطرتها", False),
    # a span after a toll sums the toll's whole clause, its cause included, however far back
    ("وكان قصف طيران التحالف الدولي على أحياء المدينة قد أسفر عن مقتل ثلاثين مدنيا خلال اليومين الماضيين",
     "قصف", True),
    # a conjunct repeating the complement's preposition is under the same span
    ("تعرضت المدينة طوال سنوات لقصف من الفصائل أودى بحياة المئات، ولتفجيرات تبناها التنظيم", "ولتفجيرات", True),
    ("تعرضت المدينة طوال سنوات لقصف من الفصائل، وقتل أمس خمسة مدنيين بتفجير في السوق", "بتفجير", False),
    # a clause of what the strikes caused, after a comma, sums the strikes before it too
    ("وتكثف القصف الجوي على الغوطة، موقعا أكثر من 400 قتيل خلال خمسة أيام", "القصف", True),
    ("وكان قصف التحالف قد أسفر عن مقتل 30 مدنيا، وجرح العشرات في المدينة خلال يومي الأحد والاثنين", "قصف", True),
    ("قصفت الطائرات البلدة أمس، فيما قتل 40 عنصرا خلال الأسبوع الماضي في معارك الريف", "قصفت", False),
    # without a toll between them, a far trigger is outside the span's reach
    ("وكان قصف طيران التحالف الدولي على أحياء المدينة الشرقية والغربية قد تواصل بشدة خلال اليومين الماضيين",
     "قصف", False),
])
def test_period_spans_cover_the_clause_of_a_span_of_days(text, word, summed):
    assert _covered(text, word) is summed


@pytest.mark.parametrize("text, word, summed", [
    # «منذ» with a beginning: from a start up to now
    ("وارتفع عدد قتلى القصف منذ بدء الحملة إلى 900 مدني", "القصف", True),
    ("وقتل منذ اندلاع الاشتباكات 70 عنصرا من الطرفين", "الاشتباكات", True),
    ("وبلغ عدد القتلى 190 منذ تكثيف القصف ليل الأحد", "القصف", True),
    # with a length, only when the state still goes on
    ("وتتعرض البلدات لقصف عنيف منذ أيام", "لقصف", True),
    ("ويتواصل قصف مستمر منذ أسابيع على الأحياء", "قصف", True),
    ("وتشن القوات هجوما عنيفا على المنطقة منذ أسابيع", "هجوما", True),
    ("وقتل ثلاثة مدنيين في غارة على السوق منذ يومين", "غارة", False),
    # a superlative compares with the span: one day's event
    ("وشهدت البلدة الجمعة الغارات الأعنف منذ بداية العام", "الغارات", False),
    ("وكانت الحصيلة الأكثر دموية منذ بدء الهجوم", "الهجوم", False),
])
def test_since_opens_a_span_from_a_start_or_of_a_going_state(text, word, summed):
    assert _covered(text, word) is summed


@pytest.mark.parametrize("text, trigger, expected", [
    ("وتشهد المدن مظاهرات يومية ضد الحكومة", "مظاهرات", True),
    ("وتقصف القوات بشكل يومي البلدات المحيطة", "وتقصف", True),
    ("وتتعرض البلدة يوميا لقصف الطيران", "وتتعرض", True),
    ("قتل خمسة مدنيين في البلدة في أعلى حصيلة يومية", "قتل", False),
    ("دارت اشتباكات متواصلة لثماني ساعات في محيط البلدة", "اشتباكات", False),
])
def test_a_repetition_word_after_a_trigger_tells_a_habit(text, trigger, expected):
    toks, _ = _tokens(text)
    k = _at(toks, trigger)
    assert habitual(toks, k, len(toks) - 1) is expected


@pytest.mark.parametrize("text, expected", [
    ("ويرى محللون أن القوات الحكومية باتت تسيطر على معظم المدينة", True),
    ("واعتبر خبير عسكري أن المعركة ستطول", True),
    ("ويرى المرصد أن القصف استهدف المستشفى", False),          # a monitor is a source, not a commentator
    ("وقال محلل إن الطائرات قصفت البلدة", False),              # «قال» reports, it does not opine
])
def test_commentary_needs_an_opinion_verb_and_an_analyst(text, expected):
    assert commentary(_words(text)) is expected


@pytest.mark.parametrize("text, trigger, expected", [
    ("وافقت الحكومة على استخدام قواعدها الجوية لشن غارات على التنظيم", "غارات", True),
    ("قررت الفصائل فتح معركة جديدة في ريف حماة", "معركة", True),
    ("وتعتزم القوات شن هجوم واسع على المدينة", "هجوم", True),
    # an option on the table is a plan
    ("وأضاف أن أحد الخيارات المطروحة يتمثل في فتح معركة في الجنوب", "معركة", True),
    # a possibility, an expectation, a schedule
    ("ويزداد الحديث عن احتمال شن القوات هجوما على المدينة", "هجوما", True),
    ("ويتوقع المراقبون أن تشن القوات هجوما على المدينة", "هجوما", True),
    ("وكان من المزمع بدء مغادرة المقاتلين من البلدة صباح السبت", "مغادرة", True),
    ("شنت الطائرات غارات على البلدة، وقررت الحكومة إرسال مساعدات", "غارات", False),
    # an aim is not yet a result
    ("وبدأت القوات عملية تهدف إلى استعادة السيطرة على البلدة", "استعادة", True),
    ("وتسعى الفصائل إلى السيطرة على التلة", "السيطرة", True),
    # resolve, threat, fear and pretext govern what has not happened
    ("ويبدو أن الحكومة مصممة على الدخول في مواجهة مع الفصائل", "مواجهة", True),
    ("وأخلى الجيش مواقعه على خلفية تهديدات بشن ضربة على البلاد", "ضربة", True),
    ("وفر المدنيون من المدينة خشية تعرضهم لهجوم بري", "لهجوم", True),
    ("وبدأت القوات تدخلها في المنطقة بداعي استهداف الفصائل", "استهداف", True),
    ("وقصفت الطائرات البلدة بعد تهديدات الحكومة، فقتلت خمسة", "وقصفت", False),
    ("وتريد موسكو ضمانات بألا يقصف المسلحون الأحياء السكنية", "يقصف", True),
])
def test_a_plan_or_permission_governs_the_attack_after_it(text, trigger, expected):
    toks, norm_text = _tokens(text)
    k = _at(toks, trigger)
    assert planned(toks, norm_text, 0, k) is expected


@pytest.mark.parametrize("text, inside", [
    ("قصفت الفصائل بلدتين ردا على تعرض مدينة الزبداني لهجوم", "لهجوم"),
    ("قصفت الفصائل بلدتين ردا، بحسب قولها، على قصف الزبداني", "قصف"),
    ("قصف الطيران ريف إدلب انتقاما لجنوده المحاصرين في البلدتين", "المحاصرين"),
    # a recalled or compared event
    ("تحاصر القوات المدينة في مشهد يعيد إلى الأذهان معركة حلب", "معركة"),
    ("تقصف الطائرات الأحياء على غرار الهجوم على الغوطة", "الهجوم"),
    ("تجمع الأهالي في البلدة في ذكرى مجزرة الحولة", "مجزرة"),
    # what a protest is about
    ("تظاهر الآلاف في المدينة رفضا للهجوم على عفرين", "للهجوم"),
    ("نظم الأهالي وقفة احتجاجا على قصف البلدة", "قصف"),
    # an event the act follows at a distance of days or more
    ("قصفت الطائرات المطار بعد ثلاثة أيام من هجوم بالغاز على البلدة", "هجوم"),
    ("دخلت القوات المدينة عقب أسابيع من المعارك العنيفة", "المعارك"),
    ("انسحبت الفصائل من البلدة بعد يومين من القصف", "القصف"),
])
def test_reference_spans_cover_the_event_answered(text, inside):
    toks, norm_text = _tokens(text)
    k = _at(toks, inside, last=True)
    spans = reference_spans(toks, norm_text, 0, len(toks) - 1)
    assert any(lo <= k <= hi for lo, hi in spans)
    assert not any(lo <= 0 <= hi for lo, hi in spans)   # the act itself stays outside


@pytest.mark.parametrize("text", [
    "ارتفعت حصيلة قتلى القصف على مدينة دوما خلال يومين إلى 24 مدنيا.",
    "ويرى محللون أن قوات النظام تسيطر على مدينة دوما بعد معارك طويلة.",
    "ووافقت الحكومة على استخدام مطار حماة لشن غارات على مدينة دوما.",
    "وتشهد مدينة دوما مظاهرات يومية ضد الفصائل.",
    # a span from a start or of a going state, a recalled battle, an expected attack, a rule of fighting
    "وأصدرت المنظمة الثلاثاء بيانا عن مدينة دوما التي تتعرض لقصف عنيف منذ أيام.",
    "ويعيد ما يجري في مدينة دوما الثلاثاء إلى الأذهان معركة مدينة حلب التي قتل فيها المئات.",
    "وقتل جندي الثلاثاء قبل الهجوم المتوقع على مدينة دوما.",
    "وعبرت الثلاثاء طائرة خط فض الاشتباك قرب بلدة خان أرنبة.",
    "وقال الوزير الثلاثاء إن قواعد الاشتباك في مدينة دوما تغيرت.",
])
def test_analyze_codes_no_event_from_a_round_up_a_view_or_a_permission(text):
    assert report_events(text) == []


@pytest.mark.parametrize("text, inside", [
    # «يأتي ذلك بعد …»: the sentence is set after an earlier happening
    ("ويأتي ذلك بعد يوم دموي قتل فيه 80 مدنيا بقصف على البلدة", "بقصف"),
    ("وتأتي هذه التطورات عقب انسحاب المقاتلين من المدينة", "انسحاب"),
    # told at once, not after: two happenings
    ("وتأتي هذه الغارات في وقت سيطرت فيه القوات على البلدة", None),
])
def test_a_sentence_set_after_a_happening_refers_to_it(text, inside):
    toks, norm_text = _tokens(text)
    spans = reference_spans(toks, norm_text, 0, len(toks) - 1)
    if inside is None:
        assert spans == []
    else:
        k = _at(toks, inside)
        assert any(lo <= k <= hi for lo, hi in spans)


def test_the_place_of_an_answered_event_is_not_the_place_of_the_answer():
    evs = report_events("قصفت فصائل المعارضة أمس بلدة نبل بالقذائف ردا على تعرض مدينة الزبداني لهجوم.")
    assert [e.location.name for e in evs] == ["نبل"]


def test_a_dated_reference_is_still_a_background_event():
    dated = report_events("قصفت الفصائل مدينة إدلب أمس ردا على قصف قوات النظام بلدة نبل يوم الخميس.")
    assert {e.location.name for e in dated} == {"إدلب", "نبل"}
    undated = report_events("قصفت الفصائل مدينة إدلب أمس ردا على قصف قوات النظام بلدة نبل.")
    assert {e.location.name for e in undated} == {"إدلب"}


@pytest.mark.parametrize("text, trigger, expected", [
    ("أصدرت محكمة الإرهاب أحكاما بالإعدام على خمسة معارضين", "بالإعدام", True),
    ("حكمت المحكمة على المتهم بالإعدام", "بالإعدام", True),
    ("طالبت المنظمة بإلغاء عقوبة الإعدام في البلاد", "الإعدام", True),
    # a sentence carried out is an execution
    ("نفذت السلطات حكم الإعدام بحق خمسة سجناء", "الإعدام", False),
    ("أعدم التنظيم خمسة رجال في ساحة المدينة", "أعدم", False),
    # carried out, told after the victims, the subject and an aside standing before the sentence
    ("ونفذت الهيئة (ذراع التنظيم في المدينة) حكم الإعدام أمس بحق عشرة أشخاص تطبيقا لحكم أصدرته محكمتها",
     "الإعدام", False),
    # «حكم» as rule: the act is no complement of it
    ("وفي المناطق الخاضعة لحكم التنظيم أعدم عناصره خمسة رجال", "أعدم", False),
])
def test_a_court_sentence_governs_the_execution_it_pronounces(text, trigger, expected):
    toks, norm_text = _tokens(text)
    k = _at(toks, trigger)
    assert sentenced(toks, norm_text, 0, k) is expected


@pytest.mark.parametrize("text", [
    "وأصدرت المحكمة أمس أحكاما بالإعدام على خمسة رجال في مدينة حلب.",
    "وأصدرت المحكمة الميدانية أمس حكما بإعدام خمسة رجال في مدينة حلب.",
])
def test_analyze_codes_no_killing_from_a_death_sentence(text):
    assert report_events(text) == []


@pytest.mark.parametrize("text, trigger, expected", [
    ("وسط قصف جوي على مناطق الاشتباك", "الاشتباك", True),
    ("ووصلت سيارات الإسعاف إلى مكان الانفجار", "الانفجار", True),
    ("وتدور المعارك على جبهات القتال", "القتال", True),
    # what a happening left behind refers to it: «مخلفات المعارك»
    ("وقتل راع بانفجار لغم من مخلفات المعارك", "المعارك", True),
    ("وعثر الأهالي على بقايا القصف في الحقول", "القصف", True),
    # a noun with the article or a suffix heads no construct
    ("وشهدت المنطقة اشتباكات عنيفة", "اشتباكات", False),
    ("واندلعت اشتباكات عنيفة في البلدة", "اشتباكات", False),
])
def test_a_site_noun_in_construct_names_a_known_happening(text, trigger, expected):
    words = _words(text)
    assert site_of(words, words.index(normalize(trigger).text)) is expected


@pytest.mark.parametrize("text, battle", [
    ("وتقدمت قوات النظام أمس في مناطق الاشتباك مع الفصائل في مدينة دوما.", False),
    ("واندلعت أمس اشتباكات بين قوات النظام والفصائل في مدينة دوما.", True),
    ("وقتل طفل أمس بانفجار لغم أرضي من مخلفات المعارك قرب مدينة دوما.", False),
])
def test_analyze_codes_no_battle_from_the_site_of_one(text, battle):
    kinds = {e.event_type for e in report_events(text)}
    assert ("Battles" in kinds) is battle


@pytest.mark.parametrize("text, trigger, expected", [
    # the adverb before the trigger itself
    ("وتتعرض البلدة يوميا لقصف الطيران", "لقصف", True),
    ("وتشن الطائرات بانتظام غارات على الطريق", "غارات", True),
    # a repetition word in an earlier clause, out of reach
    ("تتعرض المدينة للحصار يوميا منذ أشهر وشنت الطائرات أمس غارات على السوق", "غارات", False),
])
def test_a_repetition_word_before_a_trigger_tells_a_habit(text, trigger, expected):
    toks, _ = _tokens(text)
    k = _at(toks, trigger)
    assert habitual(toks, k, len(toks) - 1, k, 0) is expected


@pytest.mark.parametrize("text, word, expected", [
    ("وتأتي هذه الغارات غداة مقتل عشرة مدنيين", "الغارات", True),
    ("وقتل خمسة جنود في تلك المعارك", "المعارك", True),
    # a demonstrative as the object of a verb, before an indefinite noun, points at no event
    ("وأتبع ذلك اتفاق بين الطرفين", "اتفاق", False),
    ("وشنت الطائرات الغارات على البلدة", "الغارات", False),
])
def test_a_demonstrative_points_an_event_back(text, word, expected):
    words = _words(text)
    assert pointed_back(words, words.index(word)) is expected


@pytest.mark.parametrize("text, expected", [
    # the clashes «these» point back to are yesterday's in Kafranbel; what killed three is a shelling
    ("اندلعت أمس اشتباكات عنيفة في بلدة كفرنبل. وتأتي هذه المعارك غداة مقتل ثلاثة مدنيين في قصف على "
     "بلدة معرة حرمة.", [("Armed clash", "كفر نبل"), ("Shelling/artillery/missile attack", "معرة حرمة")]),
    # the strikes «these» point back to are not at the town of the takeover they follow
    ("شنت الطائرات الحربية أمس غارات على بلدة كفرنبل. وتأتي هذه الغارات غداة سيطرة الفصائل على بلدة "
     "معرة حرمة.", [("Air/drone strike", "كفر نبل")]),
])
def test_an_event_pointed_back_to_is_not_told_again(text, expected):
    assert sorted((e.sub_event_type, e.location.name) for e in report_events(text)) == expected


@pytest.mark.parametrize("text, end", [
    # place, country and outlet: where the report was filed
    ("دبي، الإمارات العربية المتحدة (CNN) – قتل عشرة مدنيين في قصف على البلدة", 4),
    ("أتلانتا، الولايات المتحدة الأمريكية (CNN)-- لقي عشرات الأشخاص مصرعهم", 4),
    # a source told something: the words before the outlet are the story's own
    ("أعلن الجيش الأمريكي لـCNN أن طائراته قصفت البلدة", -1),
    ("قتل عشرة مدنيين في قصف على البلدة", -1),
])
def test_a_dateline_ends_at_its_outlet_mark(text, end):
    assert dateline_end(_words(text)) == end


def test_the_country_of_a_dateline_is_no_actor():
    evs = report_events("أتلانتا، الولايات المتحدة الأمريكية (CNN)-- قتل عشرة مدنيين، الجمعة، في قصف على "
                        "بلدة كفرنبل بريف إدلب")
    assert evs and all("USA" not in (e.actor1, e.actor2) for e in evs)


@pytest.mark.parametrize("text, word, expected", [
    ("وتمكنت القافلة من دخول البلدة بعدما تعذر ذلك بسبب القصف", "القصف", True),
    ("ونزح آلاف المدنيين هربا من القصف المدفعي", "القصف", True),
    # an indefinite event word after a cause is an event of its own («جراء غارات على البلدة»)
    ("قتل خمسة مدنيين جراء غارات على البلدة", "غارات", False),
    ("ونزح آلاف المدنيين من القصف", "القصف", False),
    # a noun in construct with a definite one is definite too
    ("ويلجأ السكان إلى الأقبية للفرار من قصف القوات الحكومية", "قصف", True),
    ("قتل خمسة مدنيين جراء قصف على البلدة", "قصف", False),
])
def test_an_event_word_named_as_a_cause(text, word, expected):
    words = _words(text)
    assert named_cause(words, words.index(word)) is expected


@pytest.mark.parametrize("text, places", [
    # the shelling people fled or that held a convoy back names the war at large: no event of its own
    ("ونزح اليوم آلاف المدنيين من مدينة معرة النعمان هربا من القصف المدفعي.", []),
    ("وتمكنت قافلة مساعدات اليوم من دخول مدينة معرة النعمان بعدما تعذر ذلك بسبب القصف.", []),
    # a cause with its own place after it is an event told
    ("ونزح اليوم آلاف المدنيين من مدينة معرة النعمان هربا من القصف المدفعي على مدينة سراقب.", ["سراقب"]),
])
def test_violence_named_only_as_a_cause_is_no_event(text, places):
    assert [e.location.name for e in report_events(text)] == places


@pytest.mark.parametrize("text, trigger, expected", [
    ("وسمع في المدينة دوي الغارات", "الغارات", True),
    ("واستيقظ الأهالي على أصوات الانفجارات", "الانفجارات", True),
    ("وشنت الطائرات الغارات على المدينة", "الغارات", False),
])
def test_a_sound_noun_in_construct_names_a_happening_heard(text, trigger, expected):
    words = _words(text)
    assert heard(words, words.index(normalize(trigger).text)) is expected


@pytest.mark.parametrize("text", [
    # «بعد هجوم» is this act's cause or sequel, and «بعد ساعات من» keeps the other act on the same day
    "قتل خمسة مدنيين بعد هجوم على البلدة",
    "وصل المحققون السبت بعد ساعات من القصف على المدينة",
])
def test_no_elapsed_reference_without_a_unit_of_days(text):
    toks, norm_text = _tokens(text)
    assert reference_spans(toks, norm_text, 0, len(toks) - 1) == []


def test_an_event_days_before_the_act_does_not_take_its_place_and_date():
    evs = report_events("وقصفت الطائرات الحربية أمس مطار الشعيرات بعد ثلاثة أيام من هجوم بالغاز على مدينة خان شيخون.")
    assert [e.location.name for e in evs] == ["مطار الشعيرات"]


@pytest.mark.parametrize("text, inside, outside", [
    ("قتل ثلاثة مدنيين بقصف مدفعي على بلدة التمانعة وسط أنباء عن غارات روسية على المنطقة", "غارات", "بقصف"),
    ("اشتبكت الفصائل مع قوات النظام في محيط مورك في ظل معلومات عن تعزيزات تصل إلى المنطقة", "تعزيزات", "اشتبكت"),
    ("قصفت قوات النظام بلدة التمانعة، فيما ترددت أنباء عن غارات على بلدة حيش", "غارات", "قصفت"),
    ("قصفت قوات النظام بلدة التمانعة في وقت ترددت فيه أنباء عن غارات على بلدة حيش", "غارات", "قصفت"),
    # the rumour ends with its clause: what comes after the comma is told again
    ("وسط أنباء عن غارات روسية، قتل ثلاثة مدنيين بقصف مدفعي على بلدة التمانعة", "غارات", "بقصف"),
])
def test_a_rumour_beside_the_report_is_a_reference(text, inside, outside):
    toks, norm_text = _tokens(text)
    spans = reference_spans(toks, norm_text, 0, len(toks) - 1)
    assert any(lo <= _at(toks, inside) <= hi for lo, hi in spans)
    assert not any(lo <= _at(toks, outside) <= hi for lo, hi in spans)


@pytest.mark.parametrize("plain, backdrop", [
    # «وسط» as a place
    ("قتل ثلاثة مدنيين بقصف مدفعي على وسط مدينة إدلب",
     "قتل ثلاثة مدنيين بقصف مدفعي على مدينة إدلب وسط أنباء عن غارات"),
    # a rumour clause of its own is told, as hearsay (rasid.find.claims), not set beside the report
    ("وترددت أنباء عن غارات روسية على بلدة حيش", "فيما ترددت أنباء عن غارات روسية على بلدة حيش"),
    # a rumour said not to exist
    ("قصفت قوات النظام بلدة التمانعة، فيما لم ترد أنباء عن إصابات",
     "قصفت قوات النظام بلدة التمانعة، فيما وردت أنباء عن إصابات"),
])
def test_a_backdrop_rumour_needs_its_link_and_noun(plain, backdrop):
    toks, norm_text = _tokens(plain)
    assert reference_spans(toks, norm_text, 0, len(toks) - 1) == []
    toks, norm_text = _tokens(backdrop)
    assert reference_spans(toks, norm_text, 0, len(toks) - 1) != []


def test_a_rumour_beside_the_report_codes_no_event_of_its_own():
    evs = report_events("قتل ثلاثة مدنيين أمس بقصف مدفعي لقوات النظام على بلدة التمانعة وسط أنباء عن غارات "
                        "روسية على بلدة حيش.")
    assert [(e.location.name, e.actor1) for e in evs] == [("التمانعة", "SYR_GOV")]
    assert [(c.source, c.stance) for c in evs[0].claims] == [("test-outlet", "asserts")]
