"""rasid.gunmen: «مسلحون» with no side named is an unidentified armed group, as mention and as doer."""
import pytest
from conftest import report_events

from rasid.find.actors import actors


def _gunmen(arabic, raw):
    t = arabic(raw)
    return [t.surface(a.first, a.last) for a in actors(t.tokens) if a.rule == "actor:gunmen"]


@pytest.mark.parametrize("raw, surfaces", [
    # the adjective after a noun of an act is "armed", not "gunmen"
    ("هاجم مسلحون حاجزا للجيش بعد هجوم مسلح على البلدة", ["مسلحون"]),
    ("أطلق مسلح النار على مدنيين غير مسلحين", ["مسلح"]),
    # a genitive after a singular noun: the bullets of gunmen
    ("قتل ثلاثة مدنيين برصاص مسلحين", ["مسلحين"]),
    ("اقتحم مسلحان المنزل، وقالت القوات المسلحة إنها تلاحقهما", ["مسلحان"]),
    ("هاجمت فصائل مسلحة البلدة وقتل مسلحون مدنيا", ["مسلحون"]),
    # gunmen whose group, allegiance or community follows keep that side
    ("خطف مسلحون طبيبا، في حين هاجم مسلحون من تنظيم داعش قرية مجاورة", ["مسلحون"]),
    ("خطف مسلحون طبيبا، في حين هاجم مسلحون موالون للنظام قرية مجاورة", ["مسلحون"]),
    ("تمكن مسلحون من اقتحام الحاجز وقتل مسلحين آخرين تابعين للفصائل", ["مسلحون"]),
    ("قتل مسلحون مدنيا في حين قتل مسلحون من أبناء العشائر عنصرين", ["مسلحون"]),
    ("دخل مسلحون عراقيون البلدة ثم هاجمها مسلحون", ["مسلحون"]),
    # a predicate, and an adjective agreeing with a plural noun, say "armed"
    ("أكد شهود أن المهاجمين كانوا مسلحين وأن مسلحين آخرين فروا", ["مسلحين"]),
    ("اشتبك محتجون مسلحون مع الشرطة ثم هاجم مسلحون مخفرا", ["مسلحون"]),
    # counted gunmen are the dead of a toll, whoever they fought for
    ("أما التنظيم فقتل منه 58 مسلحا، وهاجم مسلحون الحاجز", ["مسلحون"]),
    ("قتل خمسة مسلحين في الغارة ثم هاجم مسلحون القرية", ["مسلحون"]),
])
def test_unaffiliated_gunmen(arabic, raw, surfaces):
    assert _gunmen(arabic, raw) == surfaces


def test_affiliated_gunmen_keep_their_group(arabic):
    t = arabic("هاجم مسلحون من تنظيم داعش الحاجز وقتل مسلحون مدنيا")
    found = [(t.surface(a.first, a.last), a.actor) for a in actors(t.tokens) if a.actor != "CIVILIANS"]
    assert found == [("تنظيم داعش", "IS"), ("مسلحون", "UNIDENTIFIED")]


@pytest.mark.parametrize("text, pair", [
    # the gunmen are the doer and the government's checkpoint the target, not government against rebels
    ("هاجم مسلحون حاجزا لقوات النظام قرب مدينة نوى وقتلوا عنصرين.", ("UNIDENTIFIED", "SYR_GOV")),
    ("قتل عنصران من قوات النظام بهجوم نفذه مسلحون في مدينة نوى.", ("UNIDENTIFIED", "SYR_GOV")),
    ("قتل مسلحون ثلاثة عناصر من قوات النظام في مدينة نوى.", ("UNIDENTIFIED", "SYR_GOV")),
    ("اغتال مسلحون قياديا في المعارضة في مدينة نوى.", ("UNIDENTIFIED", "OPP")),
])
def test_gunmen_are_the_doer(text, pair):
    assert [(e.actor1, e.actor2) for e in report_events(text)] == [pair]
