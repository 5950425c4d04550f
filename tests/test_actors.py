"""rasid.find.actors: catalogue aliases read through clitics, and nationality adjectives after a weapon noun."""
import pytest

from rasid.find.actors import actors


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
])
def test_nationality_after_a_weapon_noun(arabic, raw, surface, actor):
    assert (surface, actor) in _found(arabic, raw)


@pytest.mark.parametrize("raw, actor", [
    ("شرقي دير الزور قرب الحدود مع العراق", "IRQ_GOV"),
    ("تسللت المجموعة من داخل الأراضي التركية", "TUR"),
])
def test_country_as_territory_is_not_a_party(arabic, raw, actor):
    assert actor not in [a for _, a in _found(arabic, raw)]
