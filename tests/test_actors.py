"""rasid.find.actors: catalogue aliases read through clitics, and nationality adjectives after a weapon noun."""
import pytest

from rasid.find.actors import actors, nationality
from rasid.normalize import norm


def _found(arabic, raw):
    t = arabic(raw)
    return [(t.surface(a.first, a.last), a.actor) for a in actors(t.tokens)]


@pytest.mark.parametrize("raw, surface, actor", [
    ("تعرضت مواقع لقوات النظام لهجوم", "لقوات النظام", "SYR_GOV"),
    ("تقدمت بقوات الأسد نحو البلدة", "بقوات الأسد", "SYR_GOV"),
    ("اشتباكات بين قسد وتنظيم داعش", "قسد", "SDF"),
    ("اشتباكات بين قسد وتنظيم داعش", "وتنظيم داعش", "IS"),
    ("هاجمت قوات سوريا الديمقراطية مواقع التنظيم", "قوات سوريا الديمقراطية", "SDF"),
    ("قصفت وحدات حماية الشعب القرية", "وحدات حماية الشعب", "YPG"),
    ("سيطرت هيئة تحرير الشام على الحاجز", "هيئة تحرير الشام", "HTS"),
    ("تصدت فصائل المعارضة للهجوم", "فصائل المعارضة", "OPP"),
    ("استهدف طيران التحالف مواقع للتنظيم", "طيران التحالف", "COALITION"),
    ("قصفت الطائرات الإسرائيلية مواقع", "الطائرات الإسرائيلية", "ISR"),
    ("قتل عنصران من حزب الله", "حزب الله", "HEZBOLLAH"),
    ("هاجم مسلحون مجهولون الحاجز", "مسلحون مجهولون", "UNIDENTIFIED"),
    ("انسحبت الميليشيات الإيرانية من المنطقة", "الميليشيات الإيرانية", "IRN_PROXY"),
    ("أعلن المتحدث باسم التحالف الدولي", "التحالف الدولي", "COALITION"),
    # a nationality adjective after a weapon or force noun names the attacker
    ("قتل مدنيون في غارات روسية", "روسية", "RUS"),
    ("أدت الغارات الروسية إلى دمار واسع", "الروسية", "RUS"),
    ("استهدف القصف التركي القرية", "التركي", "TUR"),
    ("شنت طائرات حربية روسية غارات", "طائرات حربية روسية", "RUS"),
    ("اتهمت مصادر ميليشيا شيعية بقصف المدينة", "ميليشيا شيعية", "IRN_PROXY"),
    ("تقدمت غرفة عمليات درع الفرات نحو الباب", "غرفة عمليات درع الفرات", "OPP"),
])
def test_actor_found(arabic, raw, surface, actor):
    assert (surface, actor) in _found(arabic, raw)


@pytest.mark.parametrize("raw, actor", [
    # a nationality adjective that does not qualify a weapon or force names no actor
    ("وقال المرصد السوري إن الطائرات قصفت البلدة", "SYR_GOV"),
    ("وصلت التعزيزات إلى الحدود التركية", "TUR"),
    ("عانى الشعب السوري من الحصار", "SYR_GOV"),
    ("وصل الوفد إلى العاصمة السورية", "SYR_GOV"),
])
def test_adjective_without_a_weapon_noun(arabic, raw, actor):
    assert actor not in [a for _, a in _found(arabic, raw)]


@pytest.mark.parametrize("raw, surface, actor", [
    ("قتل مدنيون بغارات روسية", "روسية", "RUS"),
    ("قتل مدنيون في غارات جوية روسية", "روسية", "RUS"),
    ("استهدف قصف مدفعي تركي القرية", "تركي", "TUR"),
    ("استهدفت القرية بصواريخ إسرائيلية", "إسرائيلية", "ISR"),
    ("سقطت قذائف الهاون التركية على القرية", "التركية", "TUR"),
    ("قصفت المدافع التركية القرية", "التركية", "TUR"),
])
def test_nationality_after_a_weapon_noun(arabic, raw, surface, actor):
    assert (surface, actor) in _found(arabic, raw)


@pytest.mark.parametrize("raw, actor", [
    ("شرقي دير الزور قرب الحدود مع العراق", "IRQ_GOV"),
    ("تسللت المجموعة من داخل الأراضي التركية", "TUR"),
])
def test_country_as_territory_is_not_a_party(arabic, raw, actor):
    assert actor not in [a for _, a in _found(arabic, raw)]


@pytest.mark.parametrize("raw, surface, actor", [
    # an adjective joined by «و» to a named force qualifies the same head noun
    ("قصفت الطائرات الحربية السورية والروسية البلدة", "والروسية", "RUS"),
    ("استهدفت المقاتلات الروسية والسورية القرية", "والسورية", "SYR_GOV"),
])
def test_adjective_joined_to_a_named_force(arabic, raw, surface, actor):
    assert (surface, actor) in _found(arabic, raw)


@pytest.mark.parametrize("raw, actor", [
    # a people's name inside a place name names no party
    ("غارات على قرى بجبل الأكراد في ريف اللاذقية", "YPG"),
    ("قذائف سقطت على حي الأكراد في المدينة", "YPG"),
])
def test_group_name_inside_a_place_name_is_not_a_party(arabic, raw, actor):
    assert actor not in [a for _, a in _found(arabic, raw)]


@pytest.mark.parametrize("raw", ["شنت الولايات المتحدة وحلفاؤها غارات", "قصفت واشنطن وحلفاؤها مواقع في المدينة",
                                 "نفذت الولايات المتحدة وحلفائها ضربات"])
def test_united_states_and_its_allies_is_the_coalition(arabic, raw):
    assert [a for _, a in _found(arabic, raw)] == ["COALITION"]


@pytest.mark.parametrize("word, actor", [("الروسي", "RUS"), ("روسية", "RUS"), ("والسورية", "SYR_GOV"),
                                         ("تركية", "TUR"), ("المرصد", None), ("الطيران", None)])
def test_nationality_of_a_bare_adjective(word, actor):
    assert nationality(norm(word)) == actor
