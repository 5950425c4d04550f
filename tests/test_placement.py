"""rasid.placement: the place(s) an event happened at among the place names of its sentence."""
import pytest

from conftest import report_events


def _places(text):
    return sorted(e.location.name for e in report_events(text))


@pytest.mark.parametrize("raw, names", [
    # a dual countryside governs both governorates: one event at each
    ("قصفت الطائرات الحربية مواقع في ريفي حماة وحلب، ما أدى إلى مقتل خمسة مدنيين.", ["حلب", "حماة"]),
    ("قتل ثلاثة مدنيين في ريفي إدلب واللاذقية جراء قصف الطائرات الروسية.", ["إدلب", "اللاذقية"]),
    # a singular «ريف» before two governorates joined by «و» is the countryside of both
    ("شنت الطائرات الروسية غارات على ريف إدلب وحماة، ما أدى إلى مقتل ثلاثة مدنيين.", ["إدلب", "حماة"]),
])
def test_a_shared_rural_cue_places_the_event_at_each_name(raw, names):
    assert _places(raw) == names


@pytest.mark.parametrize("raw, names", [
    # one governorate's countryside: one place
    ("قصفت الطائرات الحربية مواقع في ريف حماة، ما أدى إلى مقتل خمسة مدنيين.", ["حماة"]),
])
def test_a_single_countryside_is_one_place(raw, names):
    assert _places(raw) == names


def test_a_capture_of_two_governorates_is_not_one_event_at_each():
    evs = report_events("وسيطرت قوات النظام على الجزء الأكبر من محافظتي درعا والقنيطرة.")
    assert len({e.location.name for e in evs if "territory" in e.sub_event_type}) <= 1


@pytest.mark.parametrize("raw, name", [
    # «قرب Y» after an adjective only says where the town lies, Y a city or a region
    ("تعرضت بلدة حزة الواقعة قرب الغوطة الشرقية لقصف أدى إلى مقتل خمسة مدنيين.", "حزة"),
    ("تعرضت بلدة عين ترما المحاصرة قرب دمشق لقصف مدفعي أدى إلى مقتل خمسة مدنيين.", "عين ترما"),
    ("قتل ثمانية أشخاص في انفجار سيارة مفخخة في ضاحية السيدة زينب الجنوبية قرب دمشق.", "السيدة زينب"),
])
def test_near_after_an_adjective_only_situates(raw, name):
    assert _places(raw) == [name]


@pytest.mark.parametrize("raw, name", [
    ("وفي ريف حلب الشمالي، قتل ثلاثة مدنيين جراء قصف مدفعي لقوات النظام.", "حلب"),
    ("وفي جنوب دمشق، اندلعت اشتباكات عنيفة بين قوات النظام وتنظيم داعش.", "دمشق"),
    ("وفي ريف إدلب الجنوبي، شنت الطائرات الروسية غارات على مدينة خان شيخون.", "خان شيخون"),
])
def test_a_fronted_place_with_a_direction(raw, name):
    assert _places(raw) == [name]


@pytest.mark.parametrize("raw, name", [
    # the place named before a trigger in its own part wins over one named after «في حين», «فيما», «بينما»
    ("تعرضت بلدة كفرنبل لقصف مدفعي أدى إلى مقتل خمسة مدنيين، في حين دارت اشتباكات في مدينة سراقب.", "كفر نبل"),
    ("تعرضت بلدة كفرنبل لقصف مدفعي أدى إلى مقتل خمسة مدنيين، بينما تظاهر الأهالي في مدينة سراقب.", "كفر نبل"),
])
def test_a_place_of_the_next_part_is_not_the_triggers(raw, name):
    shelling = [e for e in report_events(raw) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.location.name for e in shelling] == [name]


def test_a_trigger_with_no_place_of_its_own_still_takes_the_next_one():
    # «قتل خمسة في قصف، فيما …»: with no place before the trigger, the one after is still the only one told
    evs = report_events("قتل خمسة مدنيين جراء قصف مدفعي على مدينة سراقب، فيما دارت اشتباكات في ريف حماة.")
    assert "سراقب" in [e.location.name for e in evs if e.sub_event_type == "Shelling/artillery/missile attack"]


@pytest.mark.parametrize("raw, goal", [
    ("قصفت فصائل المعارضة بلدات موالية في الشمال بالصواريخ بهدف تخفيف الضغط عن مدينة الزبداني.", "الزبداني"),
    ("شنت الطائرات الحربية غارات على مواقع المسلحين من أجل وقف تقدمهم نحو مدينة حماة.", "حماة"),
    ("قصفت القوات الحكومية قرى في الجبل بغية إجبار المقاتلين على الانسحاب من بلدة مضايا.", "مضايا"),
])
def test_a_place_in_a_purpose_clause_is_not_the_acts(raw, goal):
    # the goal's place is where the act aims, not where it happened
    assert goal not in _places(raw)


def test_the_acts_own_place_before_a_purpose_clause_stays():
    raw = "قصفت فصائل المعارضة بلدة نبل بالصواريخ يوم الجمعة بهدف تخفيف الضغط عن مدينة الزبداني."
    assert _places(raw) == ["نبل"]


def test_an_agreement_keeps_the_place_its_purpose_names():
    # a truce or agreement is located where it applies
    assert _places("وقعت الفصائل يوم الجمعة اتفاقا لمنع الاقتتال في مدينة إدلب.") == ["إدلب"]
