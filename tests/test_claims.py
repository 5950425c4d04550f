"""rasid.find.claims: who says what happened, and with what stance."""
import pytest

from rasid.find.actors import actors
from rasid.find.claims import claims, cue_mentions, source_mentions


def _claims(arabic, raw, lo=0, hi=None):
    t = arabic(raw)
    srcs = source_mentions(t.tokens)
    src_tokens = {i for m in srcs for i in range(m.first, m.last + 1)}
    # as the pipeline does: actors inside a source name are not parties
    acts = [a for a in actors(t.tokens) if a.first not in src_tokens]
    got = claims(t.tokens, lo, len(t.tokens) if hi is None else hi, srcs, cue_mentions(t.tokens), acts)
    return [(t.surface(c.first, c.last), c.source, c.stance) for c in got]


@pytest.mark.parametrize("raw, surface, source", [
    ("قال المرصد السوري إن الطائرات قصفت البلدة", "المرصد السوري", "SOHR"),
    ("وأفاد المرصد السوري لحقوق الإنسان بمقتل خمسة", "المرصد السوري لحقوق الإنسان", "SOHR"),
    ("بحسب وكالة سانا قصف مسلحون الحي", "وكالة سانا", "SANA"),
    ("نفت وزارة الدفاع الروسية الاتهامات", "وزارة الدفاع الروسية", "RUS_MOD"),
    ("نقلت وكالة الصحافة الفرنسية عن مسؤول محلي", "وكالة الصحافة الفرنسية", "AFP"),
    ("قال الدفاع المدني إن فرقه انتشلت الجثث", "الدفاع المدني", "WHITE_HELMETS"),
])
def test_source_mentions(arabic, raw, surface, source):
    t = arabic(raw)
    assert [(t.surface(m.first, m.last), m.payloads[0]) for m in source_mentions(t.tokens)] == [(surface, source)]


@pytest.mark.parametrize("raw, surface, stance", [
    ("قال مصدر محلي", "قال", "asserts"),
    ("بحسب مصادر محلية", "بحسب", "asserts"),
    ("نفت الوزارة", "نفت", "denies"),
    ("ونفى المتحدث", "ونفى", "denies"),
    ("أنباء عن سقوط قتلى", "أنباء عن", "uncertain"),
    ("زعمت الوكالة", "زعمت", "uncertain"),
])
def test_cue_mentions(arabic, raw, surface, stance):
    t = arabic(raw)
    got = [(t.surface(m.first, m.last), m.payloads[0]) for m in cue_mentions(t.tokens)]
    assert (surface, stance) in got


@pytest.mark.parametrize("raw, expected", [
    ("قال المرصد السوري إن الطائرات قصفت البلدة", ("المرصد السوري", "SOHR", "asserts")),
    ("بحسب وكالة سانا قصف مسلحون الحي", ("وكالة سانا", "SANA", "asserts")),
    ("نفت وزارة الدفاع الروسية أن تكون طائراتها قصفت البلدة",
     ("وزارة الدفاع الروسية", "RUS_MOD", "denies")),
    ("زعمت وكالة أعماق أن مقاتلي التنظيم هاجموا الحاجز", ("وكالة أعماق", "AMAQ", "uncertain")),
    # no cue: a named source still asserts what it is quoted for
    ("وفقا للمرصد قتل خمسة", ("للمرصد", "SOHR", "asserts")),
    # a party that denies speaks for itself
    ("نفى الجيش التركي استهداف المدنيين", ("الجيش التركي", "TUR", "denies")),
    ("نفت هيئة تحرير الشام مسؤوليتها عن التفجير", ("هيئة تحرير الشام", "HTS", "denies")),
])
def test_claims(arabic, raw, expected):
    assert _claims(arabic, raw) == [expected]


def test_source_outside_the_window_is_left_out(arabic):
    raw = "قال المرصد السوري إن الطائرات قصفت البلدة"
    assert _claims(arabic, raw, lo=3) == []


def test_no_source_no_claim(arabic):
    assert _claims(arabic, "قصفت الطائرات البلدة صباحا") == []


@pytest.mark.parametrize("raw, expected", [
    ("ونفت موسكو هذه الرواية", ("موسكو", "RUS_GOV", "denies")),
    ("وقالت دمشق إن الصواريخ أسقطت قبل وصولها", ("دمشق", "SYR_GOV_PR", "asserts")),
    ("أعلنت أنقرة بدء المرحلة الثانية من العملية", ("أنقرة", "TUR_GOV", "asserts")),
    # an accuser stands behind what it accuses another of
    ("اتهمت طهران المسلحين بتفجير الحافلة", ("طهران", "IRN_GOV", "asserts")),
    ("نفت واشنطن أن تكون طائراتها قصفت الموقع", ("واشنطن", "US_GOV", "denies")),
    # the imperfect, as news writes a standing position
    ("وتنفي أنقرة استهداف المدنيين في عملياتها", ("أنقرة", "TUR_GOV", "denies")),
])
def test_capital_city_speaks_for_its_state(arabic, raw, expected):
    assert expected in _claims(arabic, raw)


def test_capitals_joined_by_and_speak_together(arabic):
    assert _claims(arabic, "ونفت دمشق وموسكو وقوع أي هجوم كيماوي") == [
        ("دمشق", "SYR_GOV_PR", "denies"), ("وموسكو", "RUS_GOV", "denies")]


def test_capital_denial_does_not_make_its_object_a_denier(arabic):
    # «المدنيين» is what Ankara denies targeting, not a party that denies
    assert [c for c in _claims(arabic, "وتنفي أنقرة استهداف المدنيين") if c[1] == "CIVILIANS"] == []


@pytest.mark.parametrize("raw", [
    "قصف في دمشق أمس أوقع جرحى",
    "وسقطت قذائف على دمشق صباح اليوم",
    # a dateline before the verb is the place the report was filed from
    "دمشق - قصفت الطائرات البلدة صباحا",
    # a capital after a preposition is a place even right after a speech verb
    "وقال في دمشق إن الطريق مغلق",
    "ونقلت الطائرات الجرحى إلى دمشق",
])
def test_capital_as_a_place_is_no_claim(arabic, raw):
    assert _claims(arabic, raw) == []


def test_capital_object_of_a_speaker_is_no_claim(arabic):
    # «واشنطن» is who Tehran accuses, not a second speaker
    assert _claims(arabic, "اتهمت طهران واشنطن بدعم المسلحين") == [("طهران", "IRN_GOV", "asserts")]


def test_news_agency_is_not_a_rumour(arabic):
    got = _claims(arabic, "ذكرت وكالة الأنباء الرسمية سانا أن مسلحين قصفوا الحي")
    assert got and {stance for _, _, stance in got} == {"asserts"}


@pytest.mark.parametrize("raw", [
    "وقالت وكالة سانا للأنباء إن القذائف سقطت على الحي",
    "ونقلت وكالة أنباء الأناضول عن مصادر أن الاشتباكات تجددت",
    "وأفادت وكالة الأنباء الفرنسية بأن الطائرات حلقت فوق المدينة",
])
def test_agency_names_hold_no_rumour_cue(arabic, raw):
    got = _claims(arabic, raw)
    assert got and {stance for _, _, stance in got} == {"asserts"}


@pytest.mark.parametrize("raw", ["وكالة الأنباء السورية", "وكالات أنباء محلية", "سانا للأنباء"])
def test_agency_anba_is_no_cue(arabic, raw):
    t = arabic(raw)
    assert [m for m in cue_mentions(t.tokens) if m.payloads[0] == "uncertain"] == []


@pytest.mark.parametrize("raw, expected", [
    # denies: «نفى/نفت/كذّب»
    ("ونفى المرصد السوري أن تكون الطائرات قد استهدفت المشفى", ("المرصد السوري", "SOHR", "denies")),
    ("ونفت شبكة فرات بوست صحة الصور عن القصف", ("شبكة فرات بوست", "FURAT_POST", "denies")),
    ("وكذّبت وكالة سانا رواية المعارضة عن الهجوم", ("وكالة سانا", "SANA", "denies")),
    # uncertain: «رجّح/يُعتقد/أنباء عن»
    ("ورجّح المرصد السوري أن تكون الغارة روسية", ("المرصد السوري", "SOHR", "uncertain")),
    ("ويعتقد ناشطون أن الانفجار نجم عن لغم", ("ناشطون", "ACTIVISTS", "uncertain")),
    ("ونقل المرصد السوري أنباء عن مقتل قيادي في التنظيم", ("المرصد السوري", "SOHR", "uncertain")),
    ("وأشارت شبكة دير الزور 24 إلى أنباء عن اشتباكات في البلدة",
     ("شبكة دير الزور 24", "DEIR24", "uncertain")),
    # asserts: «أكد/أعلن/قال/أفاد/ذكر/نقلت/بحسب/وفق/حسب/في بيان»
    ("وأكد المرصد السوري مقتل سبعة عناصر", ("المرصد السوري", "SOHR", "asserts")),
    ("وأعلنت وزارة الدفاع الروسية تدمير مستودع للذخيرة", ("وزارة الدفاع الروسية", "RUS_MOD", "asserts")),
    ("وقال ناشطون إن القصف طال سوقا شعبية", ("ناشطون", "ACTIVISTS", "asserts")),
    ("وأفادت شبكة فرات بوست بسقوط قذائف على الحي", ("شبكة فرات بوست", "FURAT_POST", "asserts")),
    ("وذكرت وكالة رويترز أن الطائرات قصفت الجسر", ("وكالة رويترز", "REUTERS", "asserts")),
    ("ونقلت وكالة فرانس برس أن الحريق امتد إلى السوق", ("وكالة فرانس برس", "AFP", "asserts")),
    ("بحسب المرصد السوري قتل أربعة مدنيين", ("المرصد السوري", "SOHR", "asserts")),
    ("وفق ما ذكرت وكالة سانا سقطت قذيفتان على الحي", ("وكالة سانا", "SANA", "asserts")),
    ("حسب ناشطين محليين قصفت المدفعية القرية", ("ناشطين محليين", "ACTIVISTS", "asserts")),
    ("وفي بيان للمرصد السوري قتل ثلاثة مقاتلين", ("للمرصد السوري", "SOHR", "asserts")),
])
def test_stance_of_each_cue(arabic, raw, expected):
    assert _claims(arabic, raw) == [expected]


@pytest.mark.parametrize("raw, surface, stance", [
    ("كذّبت الوزارة الخبر", "كذّبت", "denies"),
    ("نفى المتحدث", "نفى", "denies"),
    ("رجّحت المصادر", "رجّحت", "uncertain"),
    ("ويُعتقد أن", "ويُعتقد أن", "uncertain"),
    ("أكد المسؤول", "أكد", "asserts"),
    ("أعلن الجيش", "أعلن", "asserts"),
    ("أفاد الموقع", "أفاد", "asserts"),
    ("ذكر الموقع", "ذكر", "asserts"),
    ("نقلت الصحيفة", "نقلت", "asserts"),
    ("وفق مصادر", "وفق", "asserts"),
    ("حسب مصادر", "حسب", "asserts"),
    ("قالت الوزارة في بيان", "في بيان", "asserts"),
])
def test_each_listed_cue_is_found(arabic, raw, surface, stance):
    t = arabic(raw)
    assert (surface, stance) in [(t.surface(m.first, m.last), m.payloads[0]) for m in cue_mentions(t.tokens)]


def test_object_of_a_denial_is_not_a_denier(arabic):
    # the activists' account is what SANA denies: they assert it, so the event is contested
    assert _claims(arabic, "وكذّبت وكالة سانا رواية الناشطين عن الهجوم") == [
        ("وكالة سانا", "SANA", "denies"), ("الناشطين", "ACTIVISTS", "asserts")]


def test_sources_joined_by_and_share_the_denial(arabic):
    assert _claims(arabic, "ونفت وكالة سانا ووكالة أعماق الخبر") == [
        ("وكالة سانا", "SANA", "denies"), ("ووكالة أعماق", "AMAQ", "denies")]


def test_apposition_keeps_the_verb_stance(arabic):
    got = _claims(arabic, "وزعمت وكالة الأنباء السورية الرسمية سانا أن المسلحين منعوا المدنيين من الخروج")
    assert {stance for _, _, stance in got} == {"uncertain"}


@pytest.mark.parametrize("raw, surface, source, stance", [
    # the outlet's own reporter speaks for the outlet; an eyewitness is named as written
    ("وقال مراسلنا في ريف درعا إن الطائرات قصفت البلدة", "مراسلنا", "OUTLET", "asserts"),
    ("غير أن مراسل الموقع في ريف درعا الغربي نفى وقوع أي غارة", "مراسل", "OUTLET", "denies"),
    ("وقال أحد الناجين إن المسلحين دخلوا القرية ليلا", "الناجين", "WITNESS", "asserts"),
])
def test_own_reporters_and_eyewitnesses_are_sources(arabic, raw, surface, source, stance):
    assert (surface, source, stance) in _claims(arabic, raw)


@pytest.mark.parametrize("raw", [
    "قال مراسل رويترز إن الطائرات قصفت البلدة",   # another outlet's reporter is that outlet
    "تواصل فرق الدفاع المدني البحث عن ناجين تحت الأنقاض",  # a survivor who says nothing
])
def test_other_reporters_and_silent_survivors_are_not_the_outlet(arabic, raw):
    assert not any(source in ("OUTLET", "WITNESS") for _, source, _ in _claims(arabic, raw))


def test_a_denial_followed_by_a_rebuttal_asserts_what_follows(arabic):
    t = arabic("ونفى مراسلنا وقوع أي غارة جوية، مؤكدا أن مسلحين هاجموا الحاجز")
    srcs = source_mentions(t.tokens)
    got = claims(t.tokens, 0, len(t.tokens), srcs, cue_mentions(t.tokens), actors(t.tokens))
    denial = next(c for c in got if c.stance == "denies")
    rebuttal = next(c for c in got if c.rule == "claim:rebuttal")
    assert rebuttal.source == denial.source == "OUTLET" and rebuttal.stance == "asserts"
    # the denial reaches «غارة», the rebuttal starts at «مؤكدا»
    assert denial.cue < [i for i, tok in enumerate(t.tokens) if tok.text == "غاره"][0] < rebuttal.cue
    assert t.surface(rebuttal.cue, rebuttal.cue) == "مؤكدا"


def test_a_denying_noun_before_a_source_is_not_its_denial(arabic):
    got = _claims(arabic, "ووصف المتحدث التقرير بأنه مليء بالأكاذيب ويستند إلى صور نشرها ناشطون")
    assert ("ناشطون", "ACTIVISTS", "denies") not in got


def test_a_party_before_its_denial_verb_denies(arabic):
    got = _claims(arabic, "غير أن هيئة تحرير الشام نفت صحة الإعلان")
    assert ("هيئة تحرير الشام", "HTS", "denies") in got


@pytest.mark.parametrize("text, group", [
    ("قصفت حركة أحرار الشام مواقع النظام ونفى متحدث باسم التنظيم المذكور وقوع قتلى", "OPP"),
    ("هاجم مقاتلو جيش الإسلام الحاجز، ثم نفى بيان التنظيم المذكور سقوط قتلى", "OPP"),
])
def test_a_name_pointing_back_is_the_group_named_before(arabic, text, group):
    from rasid.find.claims import named_back
    t = arabic(text)
    back = named_back(t.tokens, actors(t.tokens))
    assert any(a.rule.endswith("+anaphor") and a.actor == group for a in back)


def test_a_generic_noun_without_a_pointer_keeps_its_own_reading(arabic):
    from rasid.find.claims import named_back
    t = arabic("قصفت حركة أحرار الشام مواقع النظام، وهاجم التنظيم قرية مجاورة")
    assert [a.actor for a in named_back(t.tokens, actors(t.tokens))] == [a.actor for a in actors(t.tokens)]


@pytest.mark.parametrize("raw, surface, source", [
    # a relative clause describing the speaker stands between it and its verb
    ("لكن مراسلنا الذي دخل قرية التمانعة صباح اليوم الثلاثاء أكد أن القصف طال السوق", "مراسلنا", "OUTLET"),
    ("وكان أحد الناجين الذي فقد ثلاثة من أبنائه في القصف قد روى أن الطائرة حلقت فوق الحي",
     "الناجين", "WITNESS"),
])
def test_a_relative_clause_between_a_source_and_its_verb_keeps_the_claim(arabic, raw, surface, source):
    assert (surface, source, "asserts") in _claims(arabic, raw)


def test_without_a_relative_clause_a_far_verb_is_not_the_reporters(arabic):
    # the reporter only «searched»; the verb nine words on has a subject of its own
    got = _claims(arabic, "وواصل مراسلنا البحث في ريف إدلب الجنوبي عن عائلات نازحة بين الحقول والمزارع أكد أهالي")
    assert not any(source == "OUTLET" for _, source, _ in got)


@pytest.mark.parametrize("raw, source", [
    # the source is what another speaker speaks of: the subject of a clause describing a thing
    ("وقال مراسلنا إن الصور التي نشرتها وكالة سانا التقطت قبل يومين على أطراف البلدة", "SANA"),
    ("وأضاف المرصد السوري أن البيان الذي أصدرته وزارة الدفاع الروسية لا يذكر القرية", "RUS_MOD"),
])
def test_a_source_inside_a_relative_clause_of_another_speaker_is_no_claim(arabic, raw, source):
    got = _claims(arabic, raw)
    assert not any(s == source for _, s, _ in got)
    assert got  # the speaker of the sentence is still a claim


@pytest.mark.parametrize("raw, source", [
    ("البيان الذي أصدرته وزارة الدفاع الروسية قال إن الطائرات لم تقصف البلدة", "RUS_MOD"),
    # «بحسب» attributes to what the clause names
    ("وقال ناشطون إن البلدة تعرضت لقصف بالغازات، وهو الذي نفته وزارة الدفاع الروسية", "RUS_MOD"),
    ("قتل خمسة مدنيين بحسب التقرير الذي نشره المرصد السوري لحقوق الإنسان", "SOHR"),
])
def test_a_relative_clause_source_keeps_its_claim_with_no_speaker_before_or_as_a_denier(arabic, raw, source):
    assert any(s == source for _, s, _ in _claims(arabic, raw))


@pytest.mark.parametrize("raw, expected", [
    # a state accusing another party is its government's claim, as its capital's would be
    ("اتهمت الولايات المتحدة الحكومة السورية بقصف بلدة خان شيخون بغاز السارين",
     [("الولايات المتحدة", "US_GOV", "asserts")]),
    ("واتهمت روسيا فصائل المعارضة بقصف حي الحمدانية في حلب", [("روسيا", "RUS_GOV", "asserts")]),
    # a group speaks for itself, and parties joined by «و» accuse together
    ("واتهمت هيئة تحرير الشام قوات النظام بقتل ثلاثة مدنيين في بلدة سرمين",
     [("هيئة تحرير الشام", "HTS", "asserts")]),
    ("واتهم الجيشان الروسي والسوري طائرات إسرائيلية بقصف مطار المزة",
     [("الروسي", "RUS_GOV", "asserts"), ("والسوري", "SYR_GOV_PR", "asserts")]),
    # a named source accusing: it asserts, it does not doubt
    ("واتهم ناشطون قوات النظام بقصف بلدة تلبيسة بالمدفعية", [("ناشطون", "ACTIVISTS", "asserts")]),
])
def test_an_accuser_asserts_what_it_accuses_another_of(arabic, raw, expected):
    assert _claims(arabic, raw) == expected


@pytest.mark.parametrize("passive, active", [
    # one party only: «اتُّهم» may be a passive, nobody is named as accusing
    ("اتهم النظام السوري بقصف بلدة تلبيسة بالمدفعية", "اتهمت روسيا النظام السوري بقصف بلدة تلبيسة بالمدفعية"),
    # an accusation named as a noun has no author to stand behind it
    ("وسط اتهامات للنظام السوري بقصف بلدة تلبيسة", "واتهمت تركيا النظام السوري بقصف بلدة تلبيسة"),
])
def test_no_accuser_without_a_subject_and_an_accused(arabic, passive, active):
    assert [c for c in _claims(arabic, passive) if c[2] == "asserts"] == []
    assert [c[2] for c in _claims(arabic, active)] == ["asserts"]


@pytest.mark.parametrize("raw, expected", [
    ("وترددت أنباء عن غارات روسية على بلدة حاس", [("ترددت أنباء", "OUTLET", "uncertain")]),
    ("وتحدثت تقارير غير مؤكدة عن اشتباكات في محيط بلدة مورك", [("تحدثت تقارير", "OUTLET", "uncertain")]),
    # a report that opens on the rumour itself
    ("أنباء عن انفجار سيارة مفخخة في مدينة أعزاز", [("أنباء عن", "OUTLET", "uncertain")]),
])
def test_a_rumour_without_a_source_is_the_report_relaying_it(arabic, raw, expected):
    got = _claims(arabic, raw)
    assert [(surface.removeprefix("و"), source, stance) for surface, source, stance in got] == expected


@pytest.mark.parametrize("other, rumour", [
    # a rumour said not to exist relays nothing
    ("ولم ترد أنباء عن إصابات بين المدنيين", "ووردت أنباء عن إصابات بين المدنيين"),
    # a rumour a source relays is that source's doubt, not the report's
    ("ونقل المرصد السوري أنباء عن غارات على بلدة حاس", "وراجت أنباء عن غارات على بلدة حاس"),
    # a rumour verb with another subject is no rumour
    ("وتحدث مسؤول محلي عن قصف عنيف على بلدة حاس", "وتحدثت أنباء عن قصف عنيف على بلدة حاس"),
])
def test_only_a_rumour_itself_is_relayed_by_the_report(arabic, other, rumour):
    assert [c for c in _claims(arabic, other) if c[1] == "OUTLET"] == []
    assert [c[1:] for c in _claims(arabic, rumour)] == [("OUTLET", "uncertain")]
