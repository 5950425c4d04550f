"""rasid.find.triggers: event words with their ACLED type, and whether the text asserts the event."""
import pytest

from rasid.find.triggers import triggers


def _found(arabic, raw, starts=None):
    t = arabic(raw)
    return [(t.surface(m.first, m.last), m.event_type, m.sub_event_type, m.polarity)
            for m in triggers(t.tokens, starts)]


def _by_surface(arabic, raw, surface, starts=None):
    hits = [x for x in _found(arabic, raw, starts) if x[0] == surface]
    assert hits, _found(arabic, raw, starts)
    return hits[0]


@pytest.mark.parametrize("raw, surface, event_type, sub", [
    ("اندلعت اشتباكات عنيفة قرب الحاجز", "اشتباكات", "Battles", "Armed clash"),
    ("شنت الطائرات غارة على البلدة", "غارة", "Explosions/Remote violence", "Air/drone strike"),
    ("وشنت الطائرات غاراتها على البلدة", "غاراتها", "Explosions/Remote violence", "Air/drone strike"),
    ("ألقت مروحيات براميل متفجرة على الحي", "براميل متفجرة", "Explosions/Remote violence",
     "Air/drone strike"),
    ("تعرضت القرية لقصف مدفعي عنيف", "لقصف مدفعي", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("سقطت قذائف الهاون على الحي", "قذائف الهاون", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("انفجرت عبوة ناسفة بسيارة عسكرية", "عبوة ناسفة", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("انفجار سيارة مفخخة في السوق", "سيارة مفخخة", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("فجر انتحاري نفسه عند الحاجز", "انتحاري", "Explosions/Remote violence", "Suicide bomb"),
    ("اغتيال قيادي في الفصائل", "اغتيال", "Violence against civilians", "Attack"),
    ("اختطف مسلحون طبيبا", "اختطف", "Violence against civilians", "Abduction/forced disappearance"),
    # rule codes resolved later, in context, by assemble
    ("اعتقلت قوات النظام شابين", "اعتقلت", "Strategic developments", "DETAIN"),
    ("قصفت روسيا البلدة", "قصفت", "Explosions/Remote violence", "STRIKE"),
    ("وسيطرت قوات النظام على القرية", "وسيطرت", "Battles", "TAKEOVER"),
    # the dual and plural of «تفجير», the noun of «استهدف», the plural of «استولى», the verb of protest
    ("قتل عشرة أشخاص في تفجيرين هزا المدينة", "تفجيرين", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("هزت تفجيرات متتالية وسط البلدة", "تفجيرات", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("قتل خمسة عناصر جراء استهداف مقرهم في البلدة", "استهداف", "Explosions/Remote violence", "STRIKE"),
    ("استولوا على الحاجز بعد ساعات", "استولوا", "Battles", "TAKEOVER"),
    ("تظاهرت عشرات العائلات أمام المبنى", "تظاهرت", "Protests", "Peaceful protest"),
    ("وتظاهروا في الساحة الرئيسية", "وتظاهروا", "Protests", "Peaceful protest"),
    ("قتل عشرون مقاتلا خلال محاولة هجوم على الحاجز", "محاولة هجوم", "Battles", "Armed clash"),
    # the dual of a weapon noun, and the words of a killing told by its traces
    ("ألقت مروحية برميلين متفجرين على الحي", "برميلين متفجرين", "Explosions/Remote violence", "Air/drone strike"),
    ("عُثر على جثث خمسة شبان في البستان", "عُثر على جثث", "Violence against civilians", "Attack"),
    ("اتهمت الصفحات المسلحين بتنفيذ عملية قتل جماعي", "قتل جماعي", "Violence against civilians", "Attack"),
    # a verb in each of its past-tense persons: he, she, they
    ("اغتال مسلحون مجهولون مختار القرية", "اغتال", "Violence against civilians", "Attack"),
    ("اغتالوا مدرسا أمام منزله", "اغتالوا", "Violence against civilians", "Attack"),
    ("اختطفوا ثلاثة تجار على الطريق", "اختطفوا", "Violence against civilians", "Abduction/forced disappearance"),
    ("وخطفوا سائق الشاحنة", "وخطفوا", "Violence against civilians", "Abduction/forced disappearance"),
    ("اشتبكوا مع دورية للشرطة", "اشتبكوا", "Battles", "Armed clash"),
    ("وتصدوا للهجوم على الحاجز", "وتصدوا", "Battles", "Armed clash"),
    ("استعادوا القرية بعد يومين", "استعادوا", "Battles", "TAKEOVER"),
    ("أطلقت النار على سيارة مدنية", "أطلقت النار", "Violence against civilians", "SHOOT"),
    ("فككوا عبوة على الطريق", "فككوا", "Strategic developments", "Disrupted weapons use"),
    ("نهبوا المحال التجارية", "نهبوا", "Strategic developments", "Looting/property destruction"),
])
def test_type(arabic, raw, surface, event_type, sub):
    assert _by_surface(arabic, raw, surface)[1:3] == (event_type, sub)


@pytest.mark.parametrize("raw, surface", [
    ("اندلعت اشتباكات عنيفة قرب الحاجز", "اشتباكات"),
    ("شنت الطائرات غارة على البلدة", "غارة"),
    ("قصفت قوات النظام البلدة", "قصفت"),
    ("وسيطرت قوات النظام على القرية", "وسيطرت"),
    ("سيطر التنظيم على البلدة", "سيطر"),
    ("اعتقلت قوات النظام شابين", "اعتقلت"),
    ("قتل في غارة لم تتبنها أي جهة", "غارة"),   # the negation after the trigger does not count
    ("سيطرت قوات النظام على القرية", "سيطرت"),
    ("سيطروا على الحاجز بعد معارك", "سيطروا"),
    ("انفجار سيارة مفخخة في السوق", "سيارة مفخخة"),
    ("سيارات مفخخة استهدفت الحي", "سيارات مفخخة"),
])
def test_asserted(arabic, raw, surface):
    assert _by_surface(arabic, raw, surface)[3] == "asserted"


@pytest.mark.parametrize("raw, surface", [
    ("لم تشن الطائرات غارات على المدينة", "غارات"),
    ("لم تقع اشتباكات في المنطقة", "اشتباكات"),
    ("لم يقصف الجيش البلدة", "يقصف"),
    ("لم تشن الطائرات أي غارة على المدينة", "غارة"),
    ("لم يسجل أي قصف على المدينة", "قصف"),
])
def test_negated(arabic, raw, surface):
    assert _by_surface(arabic, raw, surface)[3] == "negated"


def test_negated_with_any_is_not_asserted(arabic):
    assert _by_surface(arabic, "لم تشن الطائرات أي غارة على المدينة", "غارة")[3] != "asserted"


@pytest.mark.parametrize("raw, surface", [
    ("تهدد تركيا بشن هجوم على المدينة", "هجوم"),
    ("تستعد القوات لشن هجوم على البلدة", "هجوم"),
    ("قالت إن الجيش سيشن هجوما على البلدة", "هجوما"),
    ("سوف يقصف الجيش البلدة", "يقصف"),
    ("حذرت تركيا من هجوم على المدينة", "هجوم"),
    ("حذرت الأمم المتحدة من هجوم على المدينة", "هجوم"),
    ("وحذر وزيران من أن الجيش سيواصل التحرك بعد أسبوع على قصف المطار", "قصف"),
    ("وسوف تصل القوات إلى المدينة لدعم أهلها في مقاومة هجوم الجيش", "هجوم"),
    ("ومن جانبه دعا البابا إلى الكف عن قصف المدنيين في الغوطة", "قصف"),
    ("وحضت المنظمة الأطراف على الكف عن القصف العشوائي", "القصف"),
])
def test_irrealis(arabic, raw, surface):
    assert _by_surface(arabic, raw, surface)[3] == "irrealis"


@pytest.mark.parametrize("raw, surface", [
    # «أي» after a preposition: any attack is none in particular
    ("وتعهدت الحكومة بالرد لأي هجوم على أراضيها", "هجوم"),
    ("وتوعد الجيش بالرد بقوة على أي قصف للمدينة", "قصف"),
    # a negative that-clause («بألا», «وألا»): what must not happen
    ("وتعهدت روسيا بألا يقصف الطيران المدارس", "يقصف"),
    # a modal of obligation as the predicate: what must stop, not what happened
    ("وقال الوزير إن استهداف المدنيين يجب أن يتوقف", "استهداف"),
    ("وقالت المنظمة إن القصف لا بد أن ينتهي فورا", "القصف"),
])
def test_any_attack_or_one_that_must_not_be_is_irrealis(arabic, raw, surface):
    assert _by_surface(arabic, raw, surface)[3] == "irrealis"


@pytest.mark.parametrize("raw, surface", [
    # «إلا أن» (but) is no negative that-clause
    ("إلا أن الطائرات شنت غارات على البلدة", "غارات"),
    # a modal that opens a new clause with «و» leaves the event before it
    ("شنت الطائرات غارات على البلدة ويجب أن نذكر أن المدينة محاصرة", "غارات"),
    # «ليلا» (at night) is what «لئلا» (lest) reads as once hamza is normalized: no irrealis word
    ("دخل مسلحون القرية ليلا وأطلقوا النار على الرجال", "وأطلقوا النار"),
])
def test_but_and_a_later_modal_leave_the_event_asserted(arabic, raw, surface):
    assert _by_surface(arabic, raw, surface)[3] == "asserted"


def test_future_sentence_has_no_asserted_trigger(arabic):
    got = _found(arabic, "سوف تقصف الطائرات الحربية البلدة")
    assert got and all(p == "irrealis" for *_, p in got)


def test_polarity_stops_at_the_sentence_start(arabic):
    raw = "لم يرد. اشتباكات عنيفة"
    assert _by_surface(arabic, raw, "اشتباكات", starts=[0, 2])[3] == "asserted"
    # without the sentence break the «لم» of the previous sentence would govern it
    assert _by_surface(arabic, raw, "اشتباكات")[3] == "negated"


def test_no_trigger_in_a_plain_sentence(arabic):
    assert _found(arabic, "وصل الوفد إلى المدينة صباحا") == []


def test_dual_air_strike(arabic):
    assert _by_surface(arabic, "شنت الطائرات غارتين على البلدة", "غارتين")[2] == "Air/drone strike"


def test_imperfect_feminine_strike(arabic):
    assert _by_surface(arabic, "تقصف قوات النظام البلدة منذ الصباح", "تقصف")[3] == "asserted"


@pytest.mark.parametrize("raw, surface, polarity", [
    # a standing state of control, not a takeover
    ("تقدمت القوات نحو مناطق سيطرتها في الريف", "سيطرتها", "state"),
    # a campaign or its traces, not one event
    ("وبموازاة حملة القصف بدأ هجوم بري", "القصف", "state"),
    ("وقف الجنود في شارع بدت عليه آثار المعارك", "المعارك", "state"),
    # a purpose, not a result
    ("بدأت القوات عملية عسكرية لاستعادة السيطرة على البلدة", "لاستعادة السيطرة", "irrealis"),
    ("تسعى القوات للسيطرة على المطار", "للسيطرة على", "irrealis"),
    ("استعادت الحركة قوتها بهدف التصدي للهيئة", "التصدي", "irrealis"),
    # «توشك على» : about to, not yet
    ("وتوشك القوات على استعادة كامل الجنوب", "استعادة", "irrealis"),
])
def test_not_asserted(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


@pytest.mark.parametrize("raw, surface, polarity", [
    # an undoing or a rule of fighting, not a clash
    ("عبرت الطائرة خط فض الاشتباك في الهضبة", "الاشتباك", "state"),
    ("وتحدث الوزير عن قواعد الاشتباك الجديدة", "الاشتباك", "state"),
    ("وتصاعدت وتيرة القصف على الأحياء", "القصف", "state"),
    ("وعاد الهدوء بعد توقف الغارات على البلدة", "الغارات", "state"),
    ("توقفت العملية بسبب الغارات على البلدة", "الغارات", "asserted"),
    # «فض المظاهرة» disperses a protest: the head undoes battles only
    ("وفرقت الشرطة المحتجين بعد فض المظاهرة في الساحة", "المظاهرة", "asserted"),
    # a name of an institution
    ("وقال مدير مركز المصالحة إن الوضع هادئ", "المصالحة", "state"),
    ("وأعلن المركز الروسي لمصالحة الأطراف وصول القافلة", "لمصالحة", "state"),
    ("وتوصل الطرفان إلى مصالحة في البلدة", "مصالحة", "asserted"),
    # an adjective of expectation after the attack
    ("وقتل جندي قبل الهجوم المتوقع على المدينة", "الهجوم", "irrealis"),
    ("قبل هجوم القوات الحكومية المرتقب على البلدة", "هجوم", "irrealis"),
    ("وشنت القوات هجوما عنيفا على البلدة", "هجوما", "asserted"),
    # a takeover still to come
    ("وأكدت الحكومة قرب سيطرتها على المدينة", "سيطرتها", "irrealis"),
    # intensity and scale, and a definite conjunct under the same head
    ("وفي وقت ارتفعت فيه حدة الاشتباكات في المدينة يبقى الوضع صعبا", "الاشتباكات", "state"),
    ("وتشهد الأحياء المدمرة على حجم المعارك والقصف", "والقصف", "state"),
    ("اندلعت المعارك والقصف على البلدة", "والقصف", "asserted"),
])
def test_a_head_or_an_expectation_makes_no_occurrence(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


def test_control_noun_is_not_the_verb(arabic):
    assert all(sub != "TAKEOVER" for _, _, sub, _ in
               _found(arabic, "قصفت الطائرات البلدات الواقعة تحت سيطرة المعارضة"))
    # «سيطرة» (ة) is a noun; «سيطره» with the pronoun «ه» would be the verb «سيطر» + «ه»
    assert not any(s == "سيطرة" for s, *_ in _found(arabic, "وتعد سيطرة القوات على المدينة هشة"))
    assert _by_surface(arabic, "سيطرت القوات على البلدة", "سيطرت")[2] == "TAKEOVER"


def test_imposing_control_is_a_takeover(arabic):
    got = _by_surface(arabic, "تمكن التنظيم من فرض السيطرة الكاملة على البلدة", "فرض السيطرة الكاملة")
    assert got[2] == "TAKEOVER" and got[3] == "asserted"


def test_air_attacks_are_air_strikes(arabic):
    assert _by_surface(arabic, "قتل خمسة مدنيين إثر الهجمات الجوية على البلدة", "الهجمات الجوية")[2] == \
        "Air/drone strike"


def test_a_framing_verb_late_in_the_sentence_does_not_frame_it(arabic):
    raw = "قصفت الطائرات الحربية مدينة دوما بعد أن دعا المبعوث إلى التهدئة"
    assert _by_surface(arabic, raw, "قصفت")[3] == "asserted"


@pytest.mark.parametrize("raw, surface, polarity", [
    ("وبث التنظيم مقاطع فيديو تظهر عمليات إعدام أسرى", "إعدام", "state"),
    ("ونشر ناشطون صورا تظهر القصف على البلدة", "القصف", "state"),
    ("قصفت الطائرات البلدة وتظهر الصور حجم الدمار", "قصفت", "asserted"),
])
def test_what_a_video_shows_is_not_an_event(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


@pytest.mark.parametrize("raw, sub", [
    ("ارتكب طيران التحالف مجزرة في البلدة", "Air/drone strike"),
    ("مجزرة جديدة ارتكبتها الطائرات الحربية في القرية", "Air/drone strike"),
    ("ارتكبت الميليشيات مجزرة في القرية", "Attack"),
    # the aircraft of another sentence do not commit this massacre
    ("حلقت الطائرات فوق المدينة. وارتكب المسلحون مجزرة في القرية", "Attack"),
])
def test_a_massacre_by_aircraft_is_an_air_strike(arabic, raw, sub):
    starts = [0]
    t = arabic(raw)
    if "." in raw:
        starts.append(next(i for i, tok in enumerate(t.tokens) if tok.text.startswith("وارتكب")))
    found = [x for x in _found(arabic, raw, starts) if "مجزرة" in x[0]]
    assert found and found[0][2] == sub, _found(arabic, raw, starts)


# A generic strike word («قصف», «استهداف», «ضربات») takes its means from the nearest word that names one,
# else from the air strikes told in the sentences just before; with neither it stays STRIKE for assemble.
@pytest.mark.parametrize("raw, surface, sub", [
    # a ground force as the agent of «قصف», right after it or after «من قبل»
    ("قصفت قوات النظام البلدة", "قصفت", "Shelling/artillery/missile attack"),
    ("سبقه قصف من قبل الفصائل على مواقع في القرية", "قصف", "Shelling/artillery/missile attack"),
    # the instrument next to it, even when aircraft are named further on in the sentence
    ("ألقى الطيران المروحي براميل متفجرة على تل الضمان والمنطار في الريف الجنوبي، كما قصفت قوات الجيش "
     "بعدد من القذائف مناطق في قرية أخرى", "قصفت", "Shelling/artillery/missile attack"),
    ("قصفت الطائرات الحربية بالصواريخ أطراف المدينة", "قصفت", "Air/drone strike"),
    ("نفذت قاذفتان 14 ضربة على مواقع قرب البلدة بعد تحليق الطيران الحربي", "ضربة", "Air/drone strike"),
    # «استهداف قوات النظام» may name the target: no agent reading, so no means
    ("جرى استهداف قوات النظام في البلدة", "استهداف", "STRIKE"),
    ("شنت الفصائل قصفا مدفعيا على مواقع في القرية", "قصفا مدفعيا", "Shelling/artillery/missile attack"),
    # «انفجار» says that something blew up: the munition beside it, or «أحدها» pointing back to one
    ("انفجرت قذيفة في الحي", "انفجرت", "Shelling/artillery/missile attack"),
    ("أسقطت الدفاعات معظم الصواريخ التي استهدفت موقعا عسكريا قرب المدينة، وأدى انفجار أحدها إلى جرح مدنيين",
     "انفجار", "Shelling/artillery/missile attack"),
    ("انفجار في السوق الشعبي وسط المدينة", "انفجار", "Remote explosive/landmine/IED"),
    ("انفجار لغم بسيارة بعد قصف مدفعي على القرية", "انفجار", "Remote explosive/landmine/IED"),
])
def test_strike_means_in_the_sentence(arabic, raw, surface, sub):
    assert _by_surface(arabic, raw, surface)[2] == sub


def _sentence_starts(arabic, raw):
    tokens = arabic(raw).tokens
    return [0] + [t.index for t in tokens[1:] if raw[:t.start].rstrip().endswith(".")]


@pytest.mark.parametrize("raw, surface, sub, carried", [
    # air strikes told just before: a bare «قصف» may continue them (assemble weighs the attacker)
    ("شنت طائرات حربية غارات على ريف المحافظة. وقتل ثمانية مدنيين في قصف على البلدة", "قصف",
     "STRIKE", "Air/drone strike"),
    # shelling does not carry over: a bare «قصف» reads as shelling anyway
    ("سقطت قذائف على الحي. وقتل مدني في قصف على البلدة", "قصف", "STRIKE", None),
    # the means of a strike word's own sentence wins over the sentences before
    ("شنت طائرات حربية غارات على ريف المحافظة. وقصفت قوات النظام البلدة", "وقصفت",
     "Shelling/artillery/missile attack", None),
    # too far back: four sentences on, the air strikes no longer carry
    ("شنت طائرات حربية غارات على ريف المحافظة. وعاد الهدوء. وفتحت المدارس. ونزح كثيرون. وقتل مدني في قصف على "
     "البلدة", "قصف", "STRIKE", None),
])
def test_strike_means_carried_from_the_sentences_before(arabic, raw, surface, sub, carried):
    t = arabic(raw)
    hit = next(m for m in triggers(t.tokens, _sentence_starts(arabic, raw)) if t.surface(m.first, m.last) == surface)
    assert (hit.sub_event_type, hit.carried) == (sub, carried)


@pytest.mark.parametrize("raw, sub", [
    ("شنت طائرات حربية غارات على ريف إدلب أمس. وقتل ثمانية مدنيين في قصف على مدينة خان شيخون أمس",
     "Air/drone strike"),
    # rebels have no aircraft: their «قصف» is shelling whatever was told before
    ("شنت طائرات حربية غارات على ريف إدلب أمس. وقتل مدني في قصف لفصائل المعارضة على مدينة خان شيخون أمس",
     "Shelling/artillery/missile attack"),
])
def test_carried_air_strikes_in_the_report(raw, sub):
    from conftest import report_events
    assert sub in [e.sub_event_type for e in report_events(raw) if e.location.name == "خان شيخون"]


@pytest.mark.parametrize("raw, surface, polarity", [
    # a possessed control noun with no «على» after it is a standing state
    ("وتراجعت مساحة سيطرتهم في المحافظة خلال العام", "سيطرتهم", "state"),
    ("يحاول الفصيل الحفاظ على نفوذه وسيطرته في الريف الشمالي", "وسيطرته", "state"),
    # with «على» a few words on, it takes a place
    ("أعلنت القوات الكردية سيطرتها بشكل شبه كامل على المدينة", "سيطرتها", "asserted"),
    ("وحققت القوات تقدما بسيطرتها ليل الاثنين على بلدتين", "بسيطرتها", "asserted"),
])
def test_possessed_control_noun(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


@pytest.mark.parametrize("raw, surface, sub", [
    # what air defences stop is intercepted, not fought
    ("وتصدت الدفاعات الجوية لصواريخ معادية فوق المطار", "وتصدت", "Disrupted weapons use"),
    ("تصدى الدفاع الجوي بكفاءة عالية لطائرات مسيرة في الريف", "تصدى", "Disrupted weapons use"),
    # the weapon named after «ب» once the object after «ل» is the attack itself
    ("تصدت الدفاعات الجوية لعدوان جوي بالصواريخ على مطار حماة", "تصدت", "Disrupted weapons use"),
    ("وسائط الدفاع الجوي تصدت لعدوان بالصواريخ على مطار حماة", "تصدت", "Disrupted weapons use"),
    # after «ب» the weapon may be the defenders' own: without air defences it stays a clash
    ("وتصدت الفصائل للهجوم بالصواريخ المضادة للدروع", "وتصدت", "Armed clash"),
    # a ground attack repelled stays a clash
    ("وتصدت الفصائل لهجوم قوات النظام على القرية", "وتصدت", "Armed clash"),
    # a bomb foiled before it blew up
    ("وأحبطت القوات تفجيرين انتحاريين في المدينة", "تفجيرين", "Disrupted weapons use"),
    ("أعلنت الشرطة إحباط هجوم بسيارة مفخخة قرب السوق", "بسيارة مفخخة", "Disrupted weapons use"),
    ("انفجرت سيارة مفخخة قرب السوق", "سيارة مفخخة", "Remote explosive/landmine/IED"),
])
def test_disrupted_weapons_use(arabic, raw, surface, sub):
    assert _by_surface(arabic, raw, surface)[2] == sub


def test_progress_is_no_takeover(arabic):
    # «حققت تقدما» tells ground gained, not a place taken: the place told with it is only where
    assert all(sub != "TAKEOVER" for _, _, sub, _ in
               _found(arabic, "وحققت القوات الكردية تقدما جديدا جنوب مدينة عين العرب"))


@pytest.mark.parametrize("raw, surface, polarity", [
    # a rate or a campaign heads a construct chain whose second term is the trigger
    ("وتزايدت وتيرة إطلاق القذائف على الأحياء الشرقية", "القذائف", "state"),
    ("وما زالت آثار سقوط الصواريخ ظاهرة على الجدران", "الصواريخ", "state"),
    # a definite or joined word between them ends the chain: «القوات» is the shooter
    ("وتصاعدت وتيرة القتال وقصفت القوات البلدة", "وقصفت", "asserted"),
    # a preposition is no construct noun, and «توقف» governs only the word right after it
    ("توقفت القافلة بسبب الغارات على البلدة", "الغارات", "asserted"),
])
def test_a_head_reaches_over_one_construct_noun(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


@pytest.mark.parametrize("raw, surface, polarity", [
    # the act a condemnation takes as object is the reacting side's comment, not a new telling
    ("ودانت وزارة الخارجية بشدة الهجوم على السوق الشعبي", "الهجوم", "reference"),
    ("واستنكر المجلس القصف الذي طال المستشفى أمس", "القصف", "reference"),
    ("وهاجم الرئيس خصمه بعد تنديده بالمواجهات التي قتل فيها عشرة برصاص الشرطة", "برصاص", "reference"),
    # a condemnation in an earlier clause does not reach a new one
    ("وأدان الوزير الحادثة، مشيرا إلى أن الطائرات قصفت البلدة", "قصفت", "asserted"),
    ("وقصفت الطائرات البلدة بعد ساعات", "وقصفت", "asserted"),
    # a protest is itself the reaction
    ("ندد الآلاف في مظاهرة حاشدة بالقانون الجديد", "مظاهرة", "asserted"),
])
def test_a_condemned_act_is_a_reference(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


@pytest.mark.parametrize("raw, surface, polarity", [
    # relief that enters or is handed over takes no ground
    ("ودخلت قافلة مساعدات أممية إلى البلدة المحاصرة", "ودخلت", "state"),
    ("وسلمت المنظمة 300 طن من المساعدات إلى الأهالي", "وسلمت", "state"),
    ("وأعلنت الأمم المتحدة دخول قوافل الإغاثة إلى المدينة", "دخول", "state"),
    # so do inspectors or a delegation
    ("وأعلن الإعلام الرسمي دخول محققي المنظمة الدولية إلى المدينة", "دخول", "state"),
    ("ودخلت بعثة أممية إلى البلدة المحاصرة", "ودخلت", "state"),
    # an armed force that enters does
    ("ودخلت قوات النظام إلى البلدة بعد انسحاب المسلحين", "ودخلت", "asserted"),
])
def test_relief_entering_is_no_transfer(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


@pytest.mark.parametrize("raw, surface, polarity", [
    # «هاجم» an office-holder or a statement: criticism, not armed violence
    ("وهاجم رئيس الوزراء، الأحد، الرئيس التركي بسبب تصريحاته", "وهاجم", "state"),
    ("هاجم الوزير تصريحات المبعوث الأممي", "هاجم", "state"),
    # a thing of an office-holder in construct is attacked in earnest
    ("هاجم مسلحون موكب الوزير قرب البلدة", "هاجم", "asserted"),
    ("هاجمت الفصائل مواقع القوات الحكومية في البلدة", "هاجمت", "asserted"),
])
def test_assailing_a_person_or_a_statement_is_no_clash(arabic, raw, surface, polarity):
    assert _by_surface(arabic, raw, surface)[3] == polarity


@pytest.mark.parametrize("raw, surface, sub", [
    # every spelling and case of the qualifier, and a weapon after «ب», tell the kind of a generic attack
    ("شنت الطائرات هجوما كيمياويا على البلدة", "هجوما", "Chemical weapon"),
    ("وقع هجوم كيمياوي على المدينة", "هجوم", "Chemical weapon"),
    ("ونفذت الطائرات الهجمات الكيميائية على الحي", "الهجمات", "Chemical weapon"),
    ("اتهمت المعارضة القوات بشن هجوم بالأسلحة الكيمياوية على البلدة", "هجوم", "Chemical weapon"),
    ("أصيب عشرة في هجوم بالكلور على الحي", "هجوم", "Chemical weapon"),
    ("نفذ التنظيم هجوما انتحاريا على الحاجز", "هجوما", "Suicide bomb"),
    ("شن الجيش هجوما صاروخيا على مواقع الفصائل", "هجوما", "Shelling/artillery/missile attack"),
    ("قتل جنديان في هجوم بعبوة ناسفة على الدورية", "هجوم", "Remote explosive/landmine/IED"),
    ("نفذ التنظيم هجوما بطائرة مسيرة على القاعدة", "هجوما", "Air/drone strike"),
    # a ground attack or an attack on a town stays a clash; a weapon noun with no «ب» qualifies nothing
    ("شنت الفصائل هجوما بريا على البلدة", "هجوما", "Armed clash"),
    ("صدت القوات هجوم بلدة مجاورة", "هجوم", "Armed clash"),
    ("وشن هجوم غاز الأعصاب", "هجوم", "Armed clash"),
])
def test_a_qualifier_tells_the_kind_of_a_generic_attack(arabic, raw, surface, sub):
    assert _by_surface(arabic, raw, surface)[2] == sub


@pytest.mark.parametrize("raw, surface, sub", [
    # a strike told with a chemical means a few words on is a chemical attack
    ("قصفت مروحيات النظام بلدة اللطامنة بغاز الكلور", "قصفت", "Chemical weapon"),
    ("اتهمت واشنطن النظام بقصف مدينة دوما بالأسلحة الكيميائية", "بقصف", "Chemical weapon"),
    ("شنت الطائرات غارات على البلدة باستخدام غاز السارين", "غارات", "Chemical weapon"),
    # another weapon, or a chemical word with no «ب» or too far, leaves it a strike
    ("قصفت قوات النظام بلدة اللطامنة بالمدفعية الثقيلة", "قصفت", "Shelling/artillery/missile attack"),
    ("شنت الطائرات غارات على البلدة التي تضم مخزنا للأسلحة الكيميائية", "غارات", "Air/drone strike"),
    ("قالت الوزارة إن الأعراض سببها قصف عادي وليس بأسلحة كيمياوية", "قصف", "STRIKE"),
    ("نفت موسكو أن تكون طائراتها قصفت دوما التي شهدت هجوما بغاز الكلور", "قصفت", "Air/drone strike"),
])
def test_a_chemical_means_makes_a_strike_a_chemical_attack(arabic, raw, surface, sub):
    assert _by_surface(arabic, raw, surface)[2] == sub
