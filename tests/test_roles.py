"""rasid.roles: the doing verb with a pronoun, the verbs of aiming, and who is actor1 and actor2."""
from types import SimpleNamespace

import pytest
from conftest import report_events as _run

from rasid.find.actors import ActorMention
from rasid.normalize import norm
from rasid.roles import (GOV_SIDE, aim_verbs, carries_object, default_actors, patient_nouns, resumes,
                         spoken_about)


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


@pytest.mark.parametrize("text, pair", [
    # the accuser speaks: the accused is the claimed doer, and the accuser is no party
    ("واتهمت الحكومة الفرنسية قوات النظام بقصف بلدة كفرنبل بالصواريخ أمس.", ("SYR_GOV", "OPP")),
    ("واتهمت تركيا وروسيا الولايات المتحدة بشن غارة على قرية الباغوز أمس.", ("USA", "SYR_GOV")),
    # accused ones joined by «و»: the first leads, the accuser before them stays out
    ("واتهمت المعارضة قوات النظام وروسيا بقصف بلدة كفرنبل أمس.", ("SYR_GOV", "OPP")),
])
def test_the_accuser_is_a_speaker_and_the_accused_the_doer(text, pair):
    assert _pairs(text)[0][:2] == pair


def test_an_accused_participle_follows_its_doer_not_the_ally_named_before():
    [(actor1, actor2, _)] = _pairs("وعرقلت إيران الحليف الأبرز للنظام السوري، المتهم بقصف مدينة دوما أمس "
                                   "بغاز سام، قرارا في مجلس الأمن.")
    assert actor1 == "SYR_GOV"


@pytest.mark.parametrize("text, pair", [
    # the genitive of an act done to a person is who underwent it; the announcer before it did it
    ("وأعلنت فصائل المعارضة أمس اغتيال ضابط في قوات النظام في مدينة درعا.", ("OPP", "SYR_GOV")),
    # no force before: the doer stays unnamed
    ("وشهدت بلدة سراقب أمس اغتيال قيادي في هيئة تحرير الشام.", ("UNIDENTIFIED", "HTS")),
])
def test_the_genitive_of_a_person_act_is_its_victim(text, pair):
    assert _pairs(text)[0][:2] == pair


def _sent(text, forces):
    """A sentence record with the given words as actors: ({"المعارضة": "OPP"}) → actors at those words."""
    words = [norm(w) for w in text.split()]
    actors = [ActorMention(k, k, forces[w], "generic", "test") for k, w in enumerate(text.split()) if w in forces]
    return SimpleNamespace(words=words, lo=0, hi=len(words) - 1, actors=actors)


@pytest.mark.parametrize("text, expected", [
    # the description between a speech verb and its «إن» is the source's, not a party's
    ("هجوم على سراقب قالت منظمة الدفاع المدني العاملة في مناطق المعارضة إنه أسفر عن قتلى", {10}),
    # «قبل أن»: a clause of time, not a source's words
    ("غارات ذكرت سانا مسؤولية المعارضة عنها قبل أن تتراجع", set()),
    # no «إن» within reach: no source description
    ("هجوم على سراقب قالت منظمة الدفاع المدني العاملة في مناطق المعارضة منذ سنوات طويلة وفي كل مكان إنه", set()),
])
def test_a_force_in_a_sources_own_description_is_not_a_party(text, expected):
    s = _sent(text, {"المعارضة": "OPP"})
    assert spoken_about(s, 0, s.hi) == expected


@pytest.mark.parametrize("word, expected", [("باغتيال", True), ("واختطاف", True), ("الاعتقال", True),
                                            # with an object pronoun the genitive slot is taken
                                            ("اغتياله", False), ("اعتقالهم", False), ("قصف", False)])
def test_person_act_nouns_without_an_object_pronoun(word, expected):
    assert (norm(word) in patient_nouns()) is expected


@pytest.mark.parametrize("text, pair", [
    # «ضد» names the opponent of the takeover; the one «مع» names is a partner, and a label after
    # «وصف» identifies no party
    ("وسيطر الجيش التركي أمس على مدينة عفرين مع فصائل الجيش الحر ضد من وصفهم بالإرهابيين.", ("TUR", "YPG")),
    ("وبدأت تركيا أمس هجوما بريا مع فصائل الجيش الحر على بلدة راجو ضد وحدات حماية الشعب الكردية.",
     ("TUR", "YPG")),
    # without «ضد», the one a battle is fought «مع» is the other side
    ("واندلعت اشتباكات عنيفة أمس بين قوات النظام مع تنظيم داعش في محيط مدينة تدمر.", ("SYR_GOV", "IS")),
])
def test_with_before_against_is_a_partner(text, pair):
    assert _pairs(text)[0][:2] == pair


@pytest.mark.parametrize("text, pair", [
    # the force blame is laid on («ألقيت مسؤوليته على») is the claimed doer, not the target
    ("وقتل 30 شخصا أمس في هجوم بغاز سام على بلدة اللطامنة، وهو الهجوم الذي ألقيت مسؤوليته على الحكومة السورية.",
     ("SYR_GOV", "CIVILIANS")),
    # forces listed with «و» beside the perpetrator's own name are no target
    ("قصفت مقاتلات روسية بلدة خان شيخون أمس، بعد يوم من فشل روسيا وتركيا وإيران في التوصل إلى هدنة.",
     ("RUS", "OPP")),
])
def test_blame_laid_on_and_forces_listed_with_the_perpetrator(text, pair):
    assert _pairs(text)[0][:2] == pair


def test_persons_after_a_preposition_of_attribution_are_sources_not_victims():
    [(actor1, actor2, _)] = _pairs("قتل خمسة عناصر من قوات النظام أمس في قصف لفصائل المعارضة على حاجز في بلدة "
                                   "مورك، بحسب مسعفين.")
    assert (actor1, actor2) == ("OPP", "SYR_GOV")


def test_who_launched_the_attack_a_battle_followed_from_is_its_other_side():
    [(actor1, actor2, _)] = _pairs("وقتل عشرة عناصر من قوات النظام أمس خلال اشتباكات عنيفة في قرية أبو دالي، إثر "
                                   "هجوم شنته هيئة تحرير الشام على مواقعهم.")
    assert {actor1, actor2} == {"SYR_GOV", "HTS"}


@pytest.mark.parametrize("text, pair", [
    # stacked nationality adjectives qualify one attack: none of them is its target
    ("وقتل عشرة جنود أمس في هجوم أمريكي بريطاني على مطار الشعيرات.", ("USA", "SYR_GOV")),
    # after an event word that is the subject of an aiming verb comes its object: a force there was struck
    ("واستهدفت الغارات أمس ثلاثة بيوت كان قادة تنظيم الدولة الإسلامية يجتمعون فيها في بلدة هجين.",
     ("SYR_GOV", "IS")),
])
def test_stacked_adjectives_and_the_object_of_an_aimed_strike(text, pair):
    assert _pairs(text)[0][:2] == pair


def test_the_party_an_adjective_of_opposition_names_is_not_the_doer():
    [(actor1, _, _)] = _pairs("وقتل مدنيان أمس بانفجار عبوة ناسفة زرعتها مجموعة مسلحة مناوئة للنظام السوري في "
                              "بلدة محردة.")
    assert actor1 == "UNIDENTIFIED"


def test_a_force_named_in_the_breakdown_of_the_dead_is_struck():
    [(actor1, actor2, _)] = _pairs("وقتل 26 مسلحا مواليا للنظام السوري غالبيتهم من المقاتلين الإيرانيين، جراء ضربات "
                                   "صاروخية استهدفت أمس قواعد عسكرية في ريف حماة.")
    assert actor1 != "IRN_IRGC" and actor2 in ("IRN_IRGC", "SYR_GOV")
