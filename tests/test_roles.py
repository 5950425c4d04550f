"""rasid.roles: the doing verb with a pronoun, the verbs of aiming, and who is actor1 and actor2."""
import pytest
from conftest import report_events as _run

from rasid.normalize import norm
from rasid.roles import GOV_SIDE, aim_verbs, carries_object, default_actors, resumes


def _pairs(text):
    return [(e.actor1, e.actor2, e.location.name) for e in _run(text)]


@pytest.mark.parametrize("word, expected", [
    ("نفذته", True), ("شنتها", True), ("أطلقها", True), ("زرعها", True), ("تبناه", True),
    # no pronoun: a plain verb before its subject
    ("نفذت", False), ("شنت", False),
    # a pronoun on a verb that does not name a doer
    ("قالته", False),
])
def test_doing_verb_with_a_pronoun(word, expected):
    assert resumes(norm(word)) is expected


@pytest.mark.parametrize("word, expected", [("استهدفت", True), ("واستهدفت", True), ("يستهدف", True),
                                            ("على", False), ("ضد", False)])
def test_aiming_verbs_are_verbs_only(word, expected):
    assert (norm(word) in aim_verbs()) is expected


@pytest.mark.parametrize("word, expected", [("فاستهدفهما", True), ("استهدفته", True), ("يستهدفها", True),
                                            ("استهدفت", False), ("يستهدف", False), ("مستهدفة", False)])
def test_aiming_verb_with_its_object_as_a_pronoun(word, expected):
    assert carries_object(norm(word)) is expected


@pytest.mark.parametrize("text, actor1", [
    # a doubt between two air forces asserts neither: the strike stays the government's
    ("قتل 12 مدنيا أمس في غارة على بلدة سراقب، ولم يتمكن المرصد من تحديد ما إذا كان الطيران السوري أم "
     "الروسي قد شنها. وقصفت طائرات روسية مدينة أريحا أمس.", "SYR_GOV"),
    ("قتل 12 مدنيا أمس في غارة نفذتها طائرات لم يعرف ما إذا كانت سورية أو روسية على بلدة سراقب.", "SYR_GOV"),
    # a doubt between two others goes to the first named
    ("قتل 4 مدنيين أمس في غارة نفذتها طائرات لم يعرف ما إذا كانت تركية أو أمريكية على قرية في ريف منبج.", "TUR"),
    # no doubt: the named force
    ("قتل 12 مدنيا أمس في غارات روسية على بلدة سراقب.", "RUS"),
])
def test_doubted_attacker(text, actor1):
    [first] = _pairs(text)[:1]
    assert first[0] == actor1


def test_force_before_a_resuming_verb_is_its_subject_and_after_on_its_target():
    [(actor1, actor2, _)] = _pairs("قتل 30 شخصا أمس في هجوم كيماوي يشتبه في أن النظام السوري شنه على المعارضة "
                                   "في مدينة دوما.")
    assert (actor1, actor2) == ("SYR_GOV", "OPP")


def test_noun_after_an_aiming_verb_with_a_pronoun_is_its_subject():
    [(actor1, actor2, place)] = _pairs("أما بلدة اللطامنة فاستهدفها الطيران المروحي أمس بالبراميل المتفجرة.")
    assert (actor1, place) == ("SYR_GOV", "اللطامنة") and actor2 != "SYR_GOV"


def test_own_camp_is_no_target():
    [(actor1, actor2, _)] = _pairs("قصفت قوات النظام أمس بالمدفعية بلدة كفرزيتا بموازاة اشتباكات متقطعة بين قوات "
                                   "النظام مدعومة بقوات الدفاع الوطني ولواء القدس وعناصر من حزب الله.")
    assert actor1 == "SYR_GOV" and actor2 not in GOV_SIDE


def test_target_of_the_earlier_verb_stays_the_opponent():
    [(actor1, actor2, place)] = _pairs("شن تنظيم داعش أمس هجوما على قوات سوريا الديمقراطية، حيث تمكن من السيطرة "
                                       "على بلدة هجين.")
    assert (actor1, actor2, place) == ("IS", "SDF", "هجين")


@pytest.mark.parametrize("text, pair", [
    # a complementizer with a pronoun takes up the speaking force
    ("قالت فصائل المعارضة إنها قصفت أمس مواقع لقوات النظام في بلدة محردة.", ("OPP", "SYR_GOV")),
    # the positions of a force are what was struck, before a victim word of either kind
    ("قصفت فصائل المعارضة أمس مواقع للجيش النظامي في بلدة محردة ما أدى إلى مقتل شخص.", ("OPP", "SYR_GOV")),
    # a checkpoint is the shooter's post, not a position struck
    ("قتل شاب أمس برصاص عناصر حاجز تابع لقوات سوريا الديمقراطية في مدينة الشدادي.", ("SDF", "CIVILIANS")),
])
def test_speaker_and_positions(text, pair):
    [(actor1, actor2, _)] = _pairs(text)
    assert (actor1, actor2) == pair


@pytest.mark.parametrize("sub", ["Abduction/forced disappearance", "Attack"])
def test_violence_against_civilians_targets_civilians(sub):
    _, actor2, defaults = default_actors("Violence against civilians", sub, "IS", None, None)
    assert actor2 == "CIVILIANS" and "actor2" in defaults


def test_retelling_that_names_the_attacker_fills_it_and_a_doubted_strike_keeps_its_own():
    evs = _pairs("قتل 35 مدنيا أمس في غارات على بلدة حارم. ورجح المرصد أن طائرات روسية نفذت الغارات على حارم. "
                 "وقتل 5 مدنيين أمس في غارة نفذتها طائرات لم يعرف ما إذا كانت سورية أو روسية على بلدة سراقب.")
    assert ("RUS", "CIVILIANS", "حارم") in evs and ("SYR_GOV", "CIVILIANS", "سراقب") in evs


def test_similar_strike_has_the_earlier_strikes_attacker():
    evs = _pairs("قصفت طائرات النظام بلدة كفرنبل أمس. وقتل 5 مدنيين أمس في غارات روسية على بلدة سراقب، "
                 "في حين استهدفت غارات مماثلة مدينة أريحا.")
    assert [a1 for a1, _, place in evs if place == "أريحا"] == ["RUS"]


def test_an_abbreviation_after_a_struck_party_names_the_same_party():
    # «(قسد)» repeats the party killed: it is no attacker
    [(actor1, actor2, _)] = _pairs("قتل ثلاثة عناصر من قوات سوريا الديمقراطية (قسد) بانفجار عبوة ناسفة في "
                                   "بلدة الشدادي اليوم.")
    assert (actor1, actor2) == ("UNIDENTIFIED", "SDF")


@pytest.mark.parametrize("text", [
    "تصدت الدفاعات الجوية فجر اليوم لصواريخ إسرائيلية في سماء مطار المزة العسكري.",
    # the subject between the verb and its object is the interceptor
    "تصدت الدفاعات الجوية السورية فجر اليوم لصواريخ إسرائيلية في سماء مطار المزة العسكري.",
    # a nationality told of the weapons, not of the air defences
    "اعترضت الدفاعات الجوية فجر اليوم صواريخ إسرائيلية فوق مطار المزة العسكري.",
])
def test_whose_weapons_an_interception_stops_is_its_target(text):
    stopped = [(e.actor1, e.actor2) for e in _run(text) if e.sub_event_type == "Disrupted weapons use"]
    assert stopped == [("SYR_GOV", "ISR")]


def test_the_site_of_an_interception_is_not_its_target():
    # an airbase the missiles flew at does not make the government the target of its own air defences
    assert default_actors("Strategic developments", "Disrupted weapons use", None, None, None,
                          military=True)[:2] == ("SYR_GOV", "OPP")


@pytest.mark.parametrize("text, pair", [
    # the subject of «تعرض» undergoes the event it governs with «لـ»: the regime's positions are the target
    ("قتل 20 عنصرا أمس خلال تعرض مواقع عسكرية تابعة لقوات النظام في ريف حماة لقصف صاروخي.",
     ("UNIDENTIFIED", "SYR_GOV")),
    ("تعرضت مواقع لقوات النظام قرب بلدة مورك لقصف صاروخي من فصائل المعارضة أمس.", ("OPP", "SYR_GOV")),
])
def test_who_undergoes_the_event_is_its_target(text, pair):
    assert _pairs(text)[0][:2] == pair
