"""rasid.find.places: place names and the cue words before them (geo_precision hints)."""
import pytest

from rasid.find.places import SHARED, SITUATING, places


def _found(arabic, raw):
    t = arabic(raw)
    return [(t.surface(m.first, m.last), m.cue, {c.admin1 for c in m.candidates}) for m in places(t.tokens)]


def _rules(arabic, raw):
    """Returns each place's surface with the rule that found it."""
    t = arabic(raw)
    return {t.surface(m.first, m.last): m.rule for m in places(t.tokens)}


@pytest.mark.parametrize("raw, surface, cue, admin1", [
    ("قصفت الطائرات بلدة معرة النعمان", "معرة النعمان", "settlement", "Idlib"),
    ("سقطت قذائف على قرية التح", "التح", "settlement", "Idlib"),
    ("سيطرت القوات على قرية أبو الظهور", "أبو الظهور", "settlement", "Idlib"),
    ("قصفت الطائرات مدينة أريحا", "أريحا", "settlement", "Idlib"),
    ("اشتباكات في ريف إدلب الجنوبي", "إدلب", "rural", "Idlib"),
    ("وقصفت المدفعية مواقع بريف حماة", "حماة", "rural", "Hama"),
    ("اشتباكات في ريف دير الزور الشرقي", "دير الزور", "rural", "Deir ez-Zor"),
    ("سقطت قذيفة قرب سراقب", "سراقب", "near", "Idlib"),
    ("تقدمت القوات شرق دير الزور", "دير الزور", "near", "Deir ez-Zor"),
    ("اشتباكات في خان شيخون", "خان شيخون", "prep", "Idlib"),
])
def test_place_and_cue(arabic, raw, surface, cue, admin1):
    got = [(s, c, a) for s, c, a in _found(arabic, raw) if s == surface]
    assert got, _found(arabic, raw)
    assert got[0][1] == cue
    assert admin1 in got[0][2]


@pytest.mark.parametrize("raw, names", [
    ("قصف قرى التمانعة والهبيط وكنصفرة", ["التمانعة", "والهبيط", "وكنصفرة"]),
    ("سقطت قذائف على بلدتي كفرنبل وحاس", ["كفرنبل", "وحاس"]),
])
def test_listed_names_share_the_cue(arabic, raw, names):
    got = _found(arabic, raw)
    assert [s for s, _, _ in got] == names
    assert got[0][1] == "settlement"
    assert all(cue == "listed" for _, cue, _ in got[1:])
    assert all("Idlib" in admin for _, _, admin in got)


@pytest.mark.parametrize("raw", [
    "قال رئيس الحكومة إن الأمن والحرية أولوية",
    "أكد ناشطون في المنطقة أن الهدوء عاد إلى المدينة",
    "قصفت الطائرات الحربية القرية",
    "هاجمت قوات النظام مواقع المعارضة",
    "قالت مصادر محلية إن المدنيين نزحوا",
    "اندلعت الاشتباكات يوم الجمعة على جبهات القتال",
])
def test_common_and_cue_words_are_not_places(arabic, raw):
    assert _found(arabic, raw) == []


def test_camp_named_with_its_cue_word(arabic):
    names = [s for s, _, _ in _found(arabic, "قصفت الطائرات مخيم اليرموك جنوب دمشق")]
    assert "مخيم اليرموك" in names or "اليرموك" in names


def test_town_without_cue_is_named_by_its_source_spelling(arabic):
    # «عفرين» is indexed both bare and with the article; a subject without cue word is still a place
    assert [s for s, _, _ in _found(arabic, "وظلت عفرين تتعرض للقصف الجوي")] == ["عفرين"]


@pytest.mark.parametrize("raw, surface, cue", [
    ("اشتباكات عنيفة شرق مدينة تدمر", "تدمر", "near"),
    ("قصف مدفعي على ريف مدينة حلب", "حلب", "rural"),
    ("سقطت قذائف قرب بلدة سراقب", "سراقب", "near"),
    ("قصفت الطائرات مواقع بالقرب من مدينة سراقب", "سراقب", "near"),
    ("قصفت الطائرات بلدة سراقب", "سراقب", "settlement"),
])
def test_the_word_before_a_settlement_noun_sets_the_cue(arabic, raw, surface, cue):
    t = arabic(raw)
    got = [m for m in places(t.tokens) if t.surface(m.first, m.last) == surface]
    assert got and got[0].cue == cue
    # the settlement noun still says a town is meant, not an admin unit of that name
    assert got[0].rule == ("place:settlement" if cue == "settlement" else f"place:{cue}:settlement")


@pytest.mark.parametrize("raw, surface", [
    ("قصفت قوات النظام حي الأشرفية", "حي الأشرفية"),
    ("استهدفت الصواريخ مطار الشعيرات", "مطار الشعيرات"),
    ("تقدمت القوات نحو حقل العمر", "حقل العمر"),
])
def test_a_name_that_opens_with_its_noun_needs_no_cue_before_it(arabic, raw, surface):
    t = arabic(raw)
    got = [m for m in places(t.tokens) if t.surface(m.first, m.last) == surface]
    assert got and got[0].cue in ("settlement", "prep")


def test_a_name_that_starts_with_waw_is_not_a_listed_name(arabic):
    # «وقف» (a hamlet's name, and «halt») after «وعلى» is not «و» + a listed place
    t = arabic("وحضت على فتح الطريق إلى الغوطة الشرقية وعلى وقف إطلاق النار")
    assert [t.surface(m.first, m.last) for m in places(t.tokens)] == ["الغوطة الشرقية"]


# ---------------------------------------------------------------- names that are also words

def _keys(arabic, raw):
    t = arabic(raw)
    return [(t.surface(m.first, m.last), m.rule) for m in places(t.tokens)]


@pytest.mark.parametrize("raw, word", [
    # nisba adjectives and demonyms
    ("شنت طائرات تركية غارات على مواقع المسلحين", "تركية"),
    ("قصفت المدفعية التركية مواقع المقاتلين", "التركية"),
    ("قال مسؤول عراقي إن الحدود مغلقة", "عراقي"),
    ("أعلنت وزارة الدفاع الروسية مقتل جنديين", "الروسية"),
    ("وصل الوفد السوري إلى جنيف صباح اليوم", "السوري"),
    # common nouns, with or without a preposition written on them
    ("أصيب ثلاثة مدنيين بجروح خطيرة", "بجروح"),
    ("وقع انفجار في المحطة صباح اليوم", "المحطة"),
    ("انفجرت سيارة مفخخة قرب المحطة", "المحطة"),
    ("طالب المتظاهرون بالحرية والكرامة", "بالحرية"),
    # a verb form after a verbal particle
    ("قد تدمر الغارات ما تبقى من المنازل", "تدمر"),
    # a family name after a first name or a kunya
    ("قال أحمد الجاسم إن القصف استمر طوال الليل", "الجاسم"),
    ("صرح محمود الجاسم للصحفيين بأن الطريق مقطوع", "الجاسم"),
])
def test_a_word_that_is_also_a_gazetteer_name_is_no_place_without_a_cue(arabic, raw, word):
    assert word not in [s for s, _ in _keys(arabic, raw)]


@pytest.mark.parametrize("raw, word", [
    ("قصفت الطائرات قرية الحرية في ريف الحسكة", "الحرية"),
    ("سقطت قذائف على بلدة جروح بريف حماة", "جروح"),
    ("اندلعت اشتباكات في محيط مدينة جاسم", "جاسم"),
    ("اندلعت اشتباكات عنيفة في جاسم", "جاسم"),  # rare outside reports on Syria: a locative frame will do
    ("سيطرت القوات على تدمر بعد معارك عنيفة", "تدمر"),
    ("دخلت الدبابات قرية التركية شرق الرقة", "التركية"),  # a demonym is a place only after a settlement noun
])
def test_a_word_that_is_also_a_gazetteer_name_is_a_place_with_a_cue(arabic, raw, word):
    assert word in [s for s, _ in _keys(arabic, raw)]


def test_a_demonym_is_no_place_even_in_a_locative_frame(arabic):
    assert "التركية" not in [s for s, _ in _keys(arabic, "تمركزت القوات على الحدود في التركية")]


@pytest.mark.parametrize("raw, word, found", [
    # the same place named with a cue elsewhere in the report
    ("قصفت الطائرات قرية الحرية فجرا. وبعد الظهر تعرضت الحرية لقصف مدفعي", "الحرية", True),
    ("وبعد الظهر تعرضت الحرية لقصف مدفعي", "الحرية", False),
    # a village a few kilometres away named elsewhere in the report
    ("قصفت الطائرات قرية أبو حكفا بريف حماة. وتعرضت جروح لقصف مماثل", "جروح", True),
    ("قصفت الطائرات مدينة درعا. وتعرضت جروح لقصف مماثل", "جروح", False),
])
def test_a_name_that_is_also_a_word_is_corroborated_by_the_report(arabic, raw, word, found):
    got = [(s, rule) for s, rule in _keys(arabic, raw) if s == word]
    assert bool(got) == found, _keys(arabic, raw)
    if found and "قرية" not in raw.split(word)[0][-6:]:
        assert got[-1][1].startswith("place:corroborated")


@pytest.mark.parametrize("raw, word, how", [
    ("قصفت الطائرات قرية الحرية", "الحرية", "cue"),
    ("اشتباكات في محيط الحرية", "الحرية", "cue"),
    ("اشتباكات في ريف جاسم", "جاسم", "cue"),
    ("اندلع حريق في المحطة", "المحطة", "frame"),
    ("انفجرت عبوة قرب المحطة", "المحطة", "frame"),
    ("أصيب ثلاثة بجروح", "بجروح", "attached"),
    ("قال أحمد الجاسم إن", "الجاسم", "person"),
    ("التقى أبو جاسم بالوفد", "جاسم", "person"),
    ("قصفت الطائرات التركية المواقع", "التركية", "adjective"),
    ("لم تدمر الغارات الجسر", "تدمر", "verb"),
    # an indefinite noun governing the definite one after it
    ("وتقع رحبة الدبابات قرب المدينة", "رحبة", "construct"),
    ("وتعرضت الحرية للقصف", "الحرية", "bare"),
    # «و» joins a second noun as often as a second adjective: no adjective reading
    ("قصفت الطائرات الطيبة والحرية", "والحرية", "bare"),
])
def test_reading_classifies_the_context_of_a_name(arabic, raw, word, how):
    from rasid.find.places import _matcher, reading
    t = arabic(raw)
    [m] = [m for m in _matcher().find(t.tokens) if t.surface(m.first, m.last) == word]
    assert reading(t.tokens, m.first, m.last, m.skip) == how


def test_name_readings_counts_each_name_with_its_context(arabic):
    from rasid.find.places import name_readings
    t = arabic("أصيب ثلاثة بجروح في قرية الحرية وقال أحمد الجاسم إن المدفعية التركية قصفت بلدتي جروح والحرية")
    got = name_readings(t.tokens)
    assert ("جروح", "attached") in got and ("حريه", "cue") in got and ("جاسم", "person") in got
    assert ("تركيه", "adjective") in got
    # a name listed after a cued one shares its cue
    assert got[-2:] == [("جروح", "cue"), ("حريه", "cue")]
    assert not any(name in ("قريه", "بلدتي") for name, _ in got)


# ---------------------------------------------------------------- the derived table

def _build_script():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parent.parent / "scripts" / "build_toponym_ambiguity.py"
    spec = importlib.util.spec_from_file_location("build_toponym_ambiguity", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("counts, docs, syria, frame_elsewhere, name, expected", [
    ({"adjective": 30, "bare": 10}, 20, 5, 0, "سويسري", ("nisba", "town")),
    ({"adjective": 30, "bare": 10}, 20, 5, 0, "جديد", ("adjective", "frame")),
    ({"person": 10, "bare": 20}, 25, 3, 0, "جاسم", ("family", "frame")),
    ({"verb": 6, "bare": 30}, 30, 20, 0, "تدمر", ("verb", "frame")),
    ({"frame": 40, "bare": 60}, 90, 9, 30, "محطه", ("common", "cue")),
    ({"attached": 80, "frame": 10, "bare": 10}, 60, 40, 0, "بنان", ("common", "frame")),
    ({"bare": 25, "cue": 1}, 20, 15, 0, "عدوان", ("common", "frame")),
    # «في الميادين» is in the squares elsewhere, but far likelier the town in reports on Syria: a frame will do
    ({"cue": 10, "frame": 60, "bare": 30}, 80, 20, 10, "ميادين", ("common", "frame")),
    # «على وقف إطلاق النار»: frequent on Syria too, but a frame never cued as a place proves nothing
    ({"cue": 2, "frame": 200, "bare": 300}, 400, 150, 100, "وقف", ("common", "cue")),
    # a name used like a place in reports on Syria, or too rare to say, is no ambiguous word
    ({"cue": 30, "frame": 20, "bare": 50}, 60, 58, 0, "دوما", None),
    ({"bare": 2}, 2, 0, 0, "رستين", None),
    # a word mostly governing the noun after it («ساحة المعركة») is a noun before it is a place
    ({"construct": 20, "frame": 5, "bare": 10}, 20, 18, 0, "ساحه", ("common", "frame")),
    # one stray adjective reading in four uses is no class
    ({"adjective": 1, "frame": 3}, 4, 4, 0, "شدادي", None),
])
def test_classify_derives_the_class_from_the_counts(counts, docs, syria, frame_elsewhere, name, expected):
    from collections import Counter
    assert _build_script().classify(Counter(counts), docs, syria, frame_elsewhere, name) == expected


def test_the_ambiguity_table_is_well_formed():
    from rasid.find.places import READINGS, ambiguous
    from rasid.lexicon import table
    from rasid.normalize import norm
    from rasid.resources import read_text
    head = [l for l in read_text("toponym_ambiguity.tsv").splitlines() if l.startswith("#")]
    assert any("ANT multi-source" in l for l in head) and any("build_toponym_ambiguity.py" in l for l in head)
    rows = table("toponym_ambiguity.tsv")
    assert len(rows) > 300
    assert [r["name"] for r in rows] == sorted(r["name"] for r in rows)
    for r in rows:
        assert r["name"] == norm(r["name"])
        assert not (r["name"].startswith("ال") and len(r["name"].split()[0]) > 3)  # keyed without the article
        assert r["class"] in ("nisba", "adjective", "family", "verb", "common")
        assert r["needs"] == "town" if r["class"] == "nisba" else r["needs"] in ("cue", "frame")
        assert sum(int(r[x]) for x in READINGS) == int(r["uses"])
        assert int(r["syria_docs"]) <= int(r["docs"]) <= int(r["uses"])
    names = ambiguous()
    assert names["تركيه"].kind == "nisba" and names["جروح"].kind == "common"
    assert "دمشق" not in names and "ادلب" not in names


@pytest.mark.parametrize("raw, surface", [
    ("قتل عشرة أشخاص في تفجير بالعاصمة دمشق", "دمشق"),
    ("قتل عشرة أشخاص في تفجير بالعاصمة السورية دمشق", "دمشق"),
])
def test_the_capital_names_its_city(arabic, raw, surface):
    assert (surface, "settlement") in [(s, c) for s, c, _ in _found(arabic, raw)]


def test_a_demonym_alone_does_not_make_a_cue(arabic):
    assert ("حلب", "settlement") not in [(s, c) for s, c, _ in _found(arabic, "قصفت الطائرات الروسية حلب")]


@pytest.mark.parametrize("raw, town", [
    # «قريتين» without the article is the dual of «قرية», «two villages»; the town is «القريتين»
    ("ردت الفصائل بإطلاق الصواريخ على قريتين قرب مدينة إدلب", False),
    ("سقطت قذائف على القريتين في ريف حمص", True),
    ("سيطر التنظيم على مدينة القريتين", True),
])
def test_a_dual_of_a_settlement_noun_is_no_town(arabic, raw, town):
    assert any(c == {"Homs"} and s.endswith("قريتين") for s, _, c in _found(arabic, raw)) == town


def test_a_front_line_names_the_place_it_leads_to(arabic):
    # «محور X»: the front towards X, ACLED's precision 2 at X
    got = {s: cue for s, cue, _ in _found(arabic, "صدت الكتائب محاولات التقدم على محور بيت عوان")}
    assert got.get("بيت عوان") == "near"


def test_a_name_after_a_quarter_noun_is_marked_a_quarter(arabic):
    t = arabic("سقطت قذائف على حيي الميدان والعزيزية")
    rules = [m.rule for m in places(t.tokens)]
    assert rules and rules[0].endswith(":quarter")


@pytest.mark.parametrize("raw, absent, present", [
    # «تل» without the article heads the name after it: no «منطقة التل» (the Damascus district) here
    ("اشتباكات في محيط منطقة تل جورة الماء بجبل التركمان", "منطقة تل", "جورة الماء"),
    # a hamlet named like a common noun, in construct with the definite noun after it, is that noun
    ("استهدفت الغارة مواقع داخل رحبة الدبابات في مدينة حرستا", "رحبة", "حرستا"),
])
def test_a_noun_heading_the_next_word_is_no_place(arabic, raw, absent, present):
    got = [s for s, _, _ in _found(arabic, raw)]
    assert absent not in got and present in got


@pytest.mark.parametrize("raw, absent", [
    # «محيطها»: the pronoun is the possessor, so «كما» after it is the conjunction, not the village «كمة»
    ("سيطرت القوات على بلدة مديرا وتدور اشتباكات في محيطها كما على جبهات أخرى", "كما"),
    ("انسحب المقاتلون من البلدة ومن قربها كما قال المرصد", "كما"),
])
def test_a_cue_noun_with_its_possessor_names_nothing_after_it(arabic, raw, absent):
    assert absent not in [s for s, _, _ in _found(arabic, raw)]


@pytest.mark.parametrize("raw, listed, cue", [
    ("استهدفت صواريخ مواقع عسكرية في محافظتي حماة وحلب", "وحلب", "province"),
    ("قصف على ريفي حلب وإدلب", "وإدلب", "rural"),
    ("تواصل القصف على أرياف حلب وإدلب وحماة", "وحماة", "rural"),
])
def test_a_dual_or_plural_cue_noun_governs_every_name_listed(arabic, raw, listed, cue):
    assert [c for s, c, _ in _found(arabic, raw) if s == listed] == [cue]


def test_a_singular_cue_noun_governs_only_its_own_town(arabic):
    # «ريف حلب وسراقب»: a singular noun is read across «و» only between governorates («ريف حماة وحلب»)
    assert [c for s, c, _ in _found(arabic, "قصف على ريف حلب وسراقب") if s == "وسراقب"] != ["rural"]


@pytest.mark.parametrize("raw, absent", [
    ("وقال عمال إنقاذ إن ريف تلك المنطقة كان هدفا رئيسيا للغارات", "تلك"),
    ("قال إن عناصر التنظيم انسحبوا إلى ريف تلك المدينة", "تلك"),
])
def test_a_demonstrative_or_particle_is_never_a_place(arabic, raw, absent):
    assert absent not in [s for s, _, _ in _found(arabic, raw)]


@pytest.mark.parametrize("raw, absent, present", [
    ("وذكرت تنسيقية مدينة تدمر أن ثمانية مدنيين قتلوا بغارة على الرقة", "تدمر", "الرقة"),
    ("وقال مجلس مدينة دوما المحلي إن القصف طال بلدة حرستا", "دوما", "حرستا"),
    ("وأفادت شبكة السويداء 24 بمقتل شاب في بلدة القريا", "السويداء", "القريا"),
])
def test_a_town_naming_a_local_body_is_not_a_place_of_the_report(arabic, raw, absent, present):
    found = [s for s, _, _ in _found(arabic, raw)]
    assert absent not in found and present in found


def test_a_town_after_a_settlement_noun_is_still_a_place(arabic):
    assert "تدمر" in [s for s, _, _ in _found(arabic, "قصفت الطائرات مدينة تدمر")]


@pytest.mark.parametrize("raw, absent, present", [
    # «كفر بتنا» (a spelling the gazetteer lacks) is one name: not the village «الكفر», and it still opens the list
    ("وقتلت الغارات 80 شخصا في بلدات كفر بتنا وسقبا وحرستا", "كفر", ["وسقبا", "وحرستا"]),
    ("سيطر المقاتلون على تل قرب البلدة ثم قصفوا قرية الكفر", "تل", ["الكفر"]),
])
def test_the_first_word_of_an_unknown_compound_name_is_no_place(arabic, raw, absent, present):
    found = [s for s, _, _ in _found(arabic, raw)]
    assert absent not in found and all(p in found for p in present)


@pytest.mark.parametrize("raw, surface, cue", [
    # «الريف الشمالي لحلب» is «ريف حلب الشمالي» with the direction moved onto the countryside noun
    ("قصفت الطائرات قرى في الريف الشمالي لحلب", "لحلب", "rural"),
    ("اشتباكات عنيفة بالريف الغربي لدرعا", "لدرعا", "rural"),
    # a direction before the name itself still says «north of»
    ("تقدمت القوات شمال حلب", "حلب", "near"),
])
def test_a_direction_after_the_countryside_noun_keeps_the_rural_cue(arabic, raw, surface, cue):
    got = [c for s, c, _ in _found(arabic, raw) if s == surface]
    assert got == [cue], _found(arabic, raw)


@pytest.mark.parametrize("raw, surface", [
    # a curated name of two words is a proper name without a preposition or cue noun before it
    ("قصفت الطائرات الحربية الغوطة الشرقية بعشرات الغارات", "الغوطة الشرقية"),
    ("استهدفت المدفعية جبل الزاوية مساء أمس", "جبل الزاوية"),
])
def test_a_curated_compound_name_is_a_place_without_a_cue(arabic, raw, surface):
    assert surface in [s for s, _, _ in _found(arabic, raw)]


@pytest.mark.parametrize("raw, situating, rule", [
    # «X لـY»: a name after «لـ» right after a place names the whole it lies in
    ("قتل عشرة مدنيين في الغوطة الشرقية لدمشق", "لدمشق", "place:possessor"),
    # «X (adjectives) قرب/جنوب Y»: a city named after a place only says where that place lies
    ("قتل عشرة مدنيين في الغوطة الشرقية المحاصرة قرب دمشق", "دمشق", "place:situating"),
    ("سيطر التنظيم على حي القدم الواقع جنوبي العاصمة دمشق", "دمشق", "place:situating"),
    ("قصفت الطائرات بلدة سراقب شرق إدلب", "إدلب", "place:situating"),
])
def test_a_city_after_a_place_only_situates_it(arabic, raw, situating, rule):
    rules = _rules(arabic, raw)
    assert rules.get(situating) == rule, rules


@pytest.mark.parametrize("raw, place", [
    # without a place before it, or with a verb, a conjunction or a comma between, the city is the place
    ("شنت الطائرات غارتين قرب دمشق", "دمشق"),
    ("قصفت الطائرات الغوطة الشرقية وقرب دمشق", "دمشق"),
    ("قتل خمسة في الغوطة الشرقية، وسقطت قذائف قرب دمشق", "دمشق"),
    # a region named before a town near it does not make the town a mere landmark
    ("اشتباكات في ريف إدلب قرب سراقب", "سراقب"),
    # «X في Y» right after the name is read by the assembler, which weighs the trigger's side
    ("قتل خمسة مدنيين في حرستا في دمشق", "دمشق"),
])
def test_a_place_near_no_named_place_stays_a_place(arabic, raw, place):
    rules = _rules(arabic, raw)
    assert place in rules and rules[place] != "place:situating", rules


def test_a_city_after_from_a_direction_is_where_from_not_a_landmark(arabic):
    # «إلى البادية السورية من جنوب غرب درعا»: «من» before the direction names an origin
    rules = _rules(arabic, "نقل المقاتلين إلى البادية السورية من جنوب غرب درعا")
    assert rules.get("درعا") not in (None, "place:situating"), rules


@pytest.mark.parametrize("words, situates", [
    (("بالقرب", "من"), True),
    (("الي",), False),   # «إلى»: a destination
    (("نحو",), False),
])
def test_a_destination_preposition_never_situates(words, situates):
    from rasid.find.places import situates_across
    assert situates_across(words) is situates


@pytest.mark.parametrize("raw, second, cue", [
    # a dual or plural countryside, or «ريف» before two governorates, governs the name joined by «و»
    ("قصفت الطائرات مواقع في ريفي حماة وحلب", "وحلب", "rural"),
    ("قصفت الطائرات مواقع في محافظتي حماة وحلب", "وحلب", "province"),
    ("قصفت الطائرات مواقع في ريف إدلب وحماة", "وحماة", "rural"),
    # the direction before «و» is the first countryside's adjective, not a «north of Idlib»
    ("قصفت الطائرات مواقع في ريف حلب الشمالي وإدلب", "وإدلب", "rural"),
])
def test_a_shared_cue_reaches_the_joined_name(arabic, raw, second, cue):
    t = arabic(raw)
    got = {t.surface(m.first, m.last): m for m in places(t.tokens)}
    assert got[second].cue == cue
    assert got[second].rule.endswith(SHARED)


def test_a_town_joined_to_a_countryside_stays_a_town(arabic):
    t = arabic("قصفت الطائرات مواقع في ريف حماة وسراقب")
    got = {t.surface(m.first, m.last): m for m in places(t.tokens)}
    assert got["وسراقب"].cue != "rural"


@pytest.mark.parametrize("raw, situating", [
    ("تعرضت بلدة حزة الواقعة قرب الغوطة الشرقية لقصف", "الغوطة الشرقية"),
    ("تعرضت بلدة عين ترما المحاصرة قرب دمشق لقصف", "دمشق"),
])
def test_near_after_an_adjective_situates_a_city_or_region(arabic, raw, situating):
    assert _rules(arabic, raw)[situating] == SITUATING


@pytest.mark.parametrize("text, repeat", [
    ("قصفت قوات النظام قرية المبعوجة في ريف حماة الشرقي صباح اليوم. واقتحم مسلحون المبعوجة ليلا.", True),
    # after a preposition or a noun of its people a name says where people are from
    ("قصفت قوات النظام قرية المبعوجة في ريف حماة الشرقي صباح اليوم. وتظاهر نازحون من المبعوجة.", False),
    ("قصفت قوات النظام قرية المبعوجة في ريف حماة الشرقي صباح اليوم. وطالبوا بحماية سكان المبعوجة.", False),
])
def test_a_bare_name_placed_before_with_a_cue_is_that_place_again(arabic, text, repeat):
    assert ("place:corroborated:repeat" in _rules(arabic, text).values()) == repeat


@pytest.mark.parametrize("raw, cues", [
    # villages, towns or areas «في X»: X is the governorate they lie in, not its capital
    ("سقطت مئات القذائف على قرى تسكنها أغلبية شيعية في إدلب وحلب", {"إدلب": "province", "وحلب": "province"}),
    ("قصفت الطائرات بلدات عدة في حماة", {"حماة": "province"}),
    ("تصاعدت الغارات على مناطق عدة في درعا", {"درعا": "province"}),
    # quarters lie in the city; a named town between stops the reach; a clause break too
    ("قصفت الطائرات أحياء في حلب", {"حلب": "prep"}),
    ("سقطت القذائف على بلدتي الفوعة وكفريا في إدلب", {"إدلب": "prep"}),
    ("دمرت الغارات عشر قرى، وقتل خمسة في حماة", {"حماة": "prep"}),
])
def test_a_governorate_after_many_settlements_is_the_province(arabic, raw, cues):
    t = arabic(raw)
    got = {t.surface(m.first, m.last): m.cue for m in places(t.tokens)}
    assert {k: got.get(k) for k in cues} == cues
