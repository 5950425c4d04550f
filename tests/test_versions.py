"""rasid.versions: a disputed story is one event with its versions, on top the account the report stands behind."""
from __future__ import annotations

from datetime import date

import pytest

from rasid.pipeline import analyze
from rasid.records import Article, Event

OUTLET = "شبكة الرصد"


def _events(text: str) -> list[Event]:
    return analyze(Article("t", text, outlet=OUTLET, published=date(2019, 3, 11)))


def _at(events: list[Event], place: str) -> list[Event]:
    return [e for e in events if e.location and place in e.location.name]


def _stances(claims) -> set[tuple[str, str]]:
    return {(c.source, c.stance) for c in claims}


DENIED_BY_ACCUSED = (
    "قتل سبعة مدنيين صباح اليوم الاثنين بغارات جوية روسية على مدينة كفرنبل في ريف إدلب الجنوبي، بحسب "
    "المرصد السوري لحقوق الإنسان. ونفت وزارة الدفاع الروسية في بيان أن تكون طائراتها قد نفذت أي غارات "
    "على المدينة.")

DENIED_BY_CORRESPONDENT = (
    "تداولت صفحات موالية للنظام أنباء عن غارة لطائرة مسيرة إسرائيلية على حاجز لقوات النظام في بلدة نوى "
    "بريف درعا الغربي أمس الأحد، وقالت إن الغارة قتلت ستة عناصر. غير أن مراسلنا في درعا نفى وقوع أي "
    "غارة، مؤكدا أن مسلحين مجهولين هاجموا الحاجز في بلدة نوى وقتلوا أربعة عناصر من قوات النظام.")

TWO_MONITORS_TWO_TOLLS = (
    "قتل ثمانية مدنيين بقصف مدفعي لقوات النظام على مدينة أريحا في ريف إدلب اليوم الاثنين، بحسب المرصد "
    "السوري لحقوق الإنسان. وقال الدفاع المدني إن قصف قوات النظام على أريحا أسفر عن مقتل 12 مدنيا.")

TWO_MONITORS_TWO_PERPETRATORS = (
    "قتل 20 مدنيا بغارات جوية على بلدة الشحيل في ريف دير الزور الشرقي مساء الأحد. ووثقت الشبكة السورية "
    "لحقوق الإنسان مقتل 20 مدنيا بغارات روسية على بلدة الشحيل. في المقابل، قال المرصد السوري لحقوق "
    "الإنسان إن طائرات التحالف الدولي شنت غارات على بلدة الشحيل قتلت 15 مدنيا.")

TWO_CLAIMANTS = (
    "انفجرت سيارة مفخخة قرب حاجز عسكري في مدينة القرداحة صباح اليوم الاثنين، ما أدى إلى مقتل تسعة جنود. "
    "وتبنى تنظيم الدولة الإسلامية تفجير السيارة المفخخة في القرداحة عبر وكالة أعماق. في المقابل، تبنت هيئة "
    "تحرير الشام العملية نفسها في بيان نشرته على معرفاتها.")

RUMOUR_CONFIRMED = (
    "تحدثت أنباء عن إعدام تنظيم الدولة خمسة شبان في بلدة الشحيل بريف دير الزور أمس الأحد. وأكد المرصد "
    "السوري لحقوق الإنسان أن عناصر التنظيم أعدموا الشبان الخمسة رميا بالرصاص في بلدة الشحيل.")


def test_a_strike_denied_by_the_accused_is_one_contested_event_with_one_version():
    [e] = _at(_events(DENIED_BY_ACCUSED), "كفر")
    assert (e.actor1, e.actor2, e.sub_event_type, e.contested) == ("RUS", "CIVILIANS", "Air/drone strike", True)
    # the accused's denial of its own act gives no other account: one version, asserted and denied
    [v] = e.versions
    assert v.actor1 == "RUS" and {("SOHR", "asserts"), ("RUS_MOD", "denies")} <= _stances(v.claims)
    assert (e.fatalities.low, e.fatalities.high) == (7, 7)


def test_the_correspondents_ground_attack_outranks_the_pages_denied_strike():
    events = _events(DENIED_BY_CORRESPONDENT)
    [e] = _at(events, "نوى")
    assert (e.event_type, e.actor1, e.actor2, e.contested) == ("Battles", "UNIDENTIFIED", "SYR_GOV", True)
    by_actor = {v.actor1: v for v in e.versions}
    assert set(by_actor) == {"UNIDENTIFIED", "ISR"}
    assert by_actor["ISR"].sub_event_type == "Air/drone strike"
    assert (OUTLET, "denies") in _stances(by_actor["ISR"].claims)
    assert (e.fatalities.low, e.fatalities.best, e.fatalities.high) == (4, 4, 6)
    # the denied strike is never an event of its own
    assert not any(x.actor1 == "ISR" for x in events)


def test_two_monitors_with_different_tolls_for_one_perpetrator_are_one_uncontested_event():
    [e] = _at(_events(TWO_MONITORS_TWO_TOLLS), "أريحا")
    assert not e.contested and e.versions == ()
    assert (e.fatalities.low, e.fatalities.best, e.fatalities.high) == (8, 8, 12)
    assert {"SOHR", "WHITE_HELMETS"} <= {c.source for c in e.claims}


def test_two_monitors_blaming_different_air_forces_are_versions_of_one_strike():
    events = _events(TWO_MONITORS_TWO_PERPETRATORS)
    [e] = _at(events, "شحيل")
    assert e.contested and e.actor1 == "RUS"
    assert {v.actor1 for v in e.versions} == {"RUS", "COALITION"}
    assert (e.fatalities.low, e.fatalities.high) == (15, 20)
    assert not any(x.actor1 == "COALITION" for x in events)


def test_two_groups_claiming_one_bombing_are_its_versions():
    [e] = _at(_events(TWO_CLAIMANTS), "القرداحة")
    assert e.contested and e.actor1 in ("IS", "HTS")
    assert {v.actor1 for v in e.versions} == {"IS", "HTS"}
    assert all(v.fatalities.best == 9 for v in e.versions)


def test_a_rumour_a_later_sentence_confirms_is_one_asserted_event():
    [e] = _at(_events(RUMOUR_CONFIRMED), "شحيل")
    assert (e.actor1, e.actor2, e.contested, e.versions) == ("IS", "CIVILIANS", False, ())
    assert ("SOHR", "asserts") in _stances(e.claims)
    assert e.fatalities.best == 5


@pytest.mark.parametrize("text", [DENIED_BY_ACCUSED, DENIED_BY_CORRESPONDENT, TWO_CLAIMANTS])
def test_version_claims_quote_the_article(text):
    for e in _events(text):
        for v in e.versions:
            for c in v.claims:
                assert 0 <= c.start < c.end <= len(text)


def test_a_denial_that_only_refers_back_asserts_nothing():
    text = ("قالت صفحات موالية إن غارة للتحالف الدولي قتلت عشرة جنود في بلدة الشحيل أمس الأحد. ونفى مراسلنا "
            "صحة ما تداولته الصفحات عن سقوط قتلى بقصف للتحالف على الشحيل.")
    # the pages' strike is denied by the report's own correspondent: nothing is left to assert
    assert not any(e.actor1 == "COALITION" and not e.contested for e in _events(text))


def test_a_party_denying_another_matter_does_not_contest_the_strike():
    text = ("قتل عشرة مدنيين فجر اليوم الاثنين بغارات روسية على بلدة الأتارب بريف حلب الغربي، بحسب المرصد "
            "السوري لحقوق الإنسان. وفي موسكو نفت وزارة الدفاع الروسية ما ورد في تقرير صدر الشهر الماضي عن "
            "استخدام الذخائر العنقودية.")
    [e] = _at(_events(text), "الأتارب")
    assert not e.contested and e.versions == ()


def test_versions_round_trip_through_json():
    from rasid.store import event_from_json
    for e in _events(DENIED_BY_CORRESPONDENT):
        assert event_from_json(e.to_json()) == e
        assert ("versions" in e.to_json()) == e.contested


def test_analyze_is_deterministic_with_versions():
    assert [e.to_json() for e in _events(TWO_CLAIMANTS)] == [e.to_json() for e in _events(TWO_CLAIMANTS)]


# A group named again by a generic noun with «المذكور» is the group just named, and its denial contests
# its own shelling (never read as another party's denial).
SHELLING_DENIED_BY_NAMED_BACK = (
    "قتل أربعة مدنيين صباح اليوم الاثنين بقذائف صاروخية أطلقتها فصائل المعارضة على مدينة السقيلبية في "
    "ريف حماة. وقال مصدر في الشرطة إن القذائف أطلقت من مواقع جيش العزة. ونفى متحدث باسم التنظيم "
    "المذكور مسؤوليته عن القصف.")


@pytest.mark.parametrize("text", [SHELLING_DENIED_BY_NAMED_BACK])
def test_a_group_named_back_denies_its_own_shelling(text):
    events = [e for e in _events(text) if e.event_type == "Explosions/Remote violence"]
    assert events and all(e.contested for e in events)
    assert any(("OPP", "denies") in _stances(v.claims) for e in events for v in e.versions)


# The report dates the blast and says the accounts conflict; the pages' strike, told right after with no
# day or place of its own, is a version of that blast on the party the blast hit, never an event.
BLAST_WITH_CONFLICTING_ACCOUNTS = (
    "قتل جنديان من قوات النظام بانفجار استهدف سيارتهما قرب بلدة الصنمين في ريف درعا يوم السبت الماضي، "
    "وسط روايات متضاربة حول سبب الانفجار. فبينما قالت صفحات على مواقع التواصل الاجتماعي إن طائرة مسيرة "
    "إسرائيلية استهدفت السيارة بصاروخ ما أدى إلى مقتل ثلاثة جنود، أكد مراسلنا أن عبوة ناسفة انفجرت بالسيارة.")

# The same, with the party hit named before the blast («عناصر من قسد»): the accounts agree it is the victim.
SDF_BLAST_WITH_CONFLICTING_ACCOUNTS = (
    "قتل عنصران من قوات سوريا الديمقراطية (قسد) بانفجار استهدف سيارتهما العسكرية قرب بلدة الشدادي في ريف "
    "الحسكة يوم السبت الماضي، وسط روايات متضاربة حول سبب الانفجار. فبينما قالت صفحات على مواقع التواصل الاجتماعي إن "
    "طائرة مسيرة تركية استهدفت سيارة قسد بصاروخ ما أدى إلى مقتل ثلاثة عناصر، أكد مراسلنا أن لغما انفجر بالسيارة.")

# From the contested-dev cases (written for development): the victims are named first, so the blast's
# only named party reads as its author, while the pages and the SDF source tell SDF as the party hit.
LANDMINE_IED_DRONE = (
    "قُتل ثلاثة عناصر من قوات سوريا الديمقراطية (قسد)، ظهر السبت، بانفجار استهدف سيارتهم العسكرية على طريق "
    "ترابي قرب قرية الخافية شمال شرقي بلدة عين عيسى في ريف الرقة الشمالي، وسط روايات متضاربة حول سبب "
    "الانفجار والجهة المسؤولة عنه.\n\nفبينما قالت صفحات مقربة من قسد على مواقع التواصل الاجتماعي إن طائرة "
    "مسيّرة تركية استهدفت السيارة بصاروخ، ما أدى إلى مقتل أربعة عناصر كانوا على متنها، نقل موقع محلي مقرب "
    "من الإدارة الذاتية عن مصدر أمني في قسد قوله إن السيارة انفجرت بها عبوة ناسفة زرعها مجهولون على الطريق، "
    "وإن الحصيلة ثلاثة قتلى.")


def test_the_party_every_rival_tells_as_hit_is_the_victim_of_the_blast():
    events = [e for e in _events(LANDMINE_IED_DRONE) if e.event_type == "Explosions/Remote violence"]
    assert not [e for e in events if e.actor1 == "TUR" and not e.contested]
    [e] = events
    assert e.contested and e.actor2 == "SDF" and e.actor1 != "SDF"
    assert "TUR" in {v.actor1 for v in e.versions}


@pytest.mark.parametrize("text, victim, rival", [
    (BLAST_WITH_CONFLICTING_ACCOUNTS, "SYR_GOV", "ISR"),
    (SDF_BLAST_WITH_CONFLICTING_ACCOUNTS, "SDF", "TUR"),
])
def test_an_account_announced_as_conflicting_is_a_version_of_the_dated_blast(text, victim, rival):
    events = _events(text)
    # the rival's strike is never a fact of its own, whether it is kept as a version or folded in
    assert not [e for e in events if e.actor1 == rival and e.actor1 != "UNIDENTIFIED" and not e.contested
                and e.sub_event_type == "Air/drone strike" and len({c.source for c in e.claims}) == 1]
    [e] = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert e.actor2 == victim and e.event_date == date(2019, 3, 9)


# Two groups claim one bombing; each claim says whom it killed and how many. The building's owner named in
# the lead is the target, never the bomber.
CLAIMED_BOMBING = (
    "هز انفجار عنيف فجر اليوم الاثنين مبنى في حي جوبر بدمشق تتخذه قوات النظام مقرا عسكريا. وتبنى «جيش "
    "الإسلام» التفجير في بيان قال فيه إن العملية أسفرت عن مقتل 30 عنصرا من قوات النظام. وبعد ساعات تبنت "
    "«هيئة تحرير الشام» العملية ذاتها، وقالت إن حصيلة القتلى بلغت 18 عنصرا.")

# The same dispute, the report's own reporter tying the attack to the second claimant.
CLAIMED_BOMBING_VOUCHED = CLAIMED_BOMBING + (
    " وقال مراسلنا في دمشق إنه شاهد عناصر من هيئة تحرير الشام يحفرون النفق قبل أسابيع.")


@pytest.mark.parametrize("text, top, rival", [
    (CLAIMED_BOMBING, "OPP", "HTS"),
    (CLAIMED_BOMBING_VOUCHED, "HTS", "OPP"),
])
def test_a_bombing_two_groups_claim_hits_the_party_the_claims_name(text, top, rival):
    events = _events(text)
    [e] = _at(events, "جوبر")
    assert (e.actor1, e.actor2, e.contested) == (top, "SYR_GOV", True)
    assert {v.actor1 for v in e.versions} == {top, rival}
    assert all(v.actor2 == "SYR_GOV" for v in e.versions)
    # the rival claimant's bombing is never a fact of its own
    assert not any(x.actor1 == rival and not x.contested for x in events)


def test_each_claimant_keeps_its_own_toll_and_the_event_spans_them():
    [e] = _at(_events(CLAIMED_BOMBING), "جوبر")
    assert {v.actor1: v.fatalities.best for v in e.versions} == {"OPP": 30, "HTS": 18}
    assert (e.fatalities.low, e.fatalities.high) == (18, 30)


# Two monitors set against each other in one sentence, each naming its own air force and toll.
MONITORS_IN_ONE_SENTENCE = (
    "قتل عدد من المدنيين مساء الأحد بغارات جوية استهدفت سوقا شعبيا في بلدة الشحيل بريف دير الزور الشرقي. "
    "واختلفت منظمات الرصد حول هوية الطائرات، إذ وثقت الشبكة السورية لحقوق الإنسان مقتل 22 مدنيا في الشحيل "
    "وحملت الطيران الروسي المسؤولية، في حين قال المرصد السوري لحقوق الإنسان إن طائرات التحالف الدولي هي "
    "التي قصفت السوق، وأحصى مقتل 16 مدنيا.")

# The same, the report's own reporter then standing behind the second monitor.
MONITORS_IN_ONE_SENTENCE_VOUCHED = MONITORS_IN_ONE_SENTENCE + (
    " وأكد مراسلنا في دير الزور أن طائرات التحالف الدولي هي التي نفذت الغارات على الشحيل.")


@pytest.mark.parametrize("text, top, rival, best", [
    (MONITORS_IN_ONE_SENTENCE, "RUS", "COALITION", 22),
    (MONITORS_IN_ONE_SENTENCE_VOUCHED, "COALITION", "RUS", 16),
])
def test_two_sources_in_one_sentence_blaming_different_air_forces_are_versions(text, top, rival, best):
    events = _events(text)
    [e] = _at(events, "شحيل")
    assert (e.actor1, e.actor2, e.contested) == (top, "CIVILIANS", True)
    assert {v.actor1 for v in e.versions} == {top, rival}
    # each source's toll stays with its account; the event spans them
    assert e.fatalities.best == best and (e.fatalities.low, e.fatalities.high) == (16, 22)
    assert not any(x.actor1 == rival and not x.contested for x in events)


def test_sources_telling_shelling_of_two_towns_do_not_dispute_each_other():
    text = ("قتل خمسة مدنيين اليوم الاثنين بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي. وقال المرصد السوري "
            "لحقوق الإنسان إن قوات النظام قصفت البلدة بالمدفعية الثقيلة، في حين قالت وكالة سانا إن فصائل "
            "المعارضة قصفت بالقذائف مدينة محردة في ريف حماة.")
    [e] = _at(_events(text), "كفر")
    assert not e.contested and e.versions == ()


# State media claim a capture, the losing side denies it, and the report's reporter tells of an assault
# that was pushed back: two versions of one battle, the reporter's on top.
CAPTURE_DENIED = (
    "أعلنت وكالة سانا مساء أمس الأحد أن وحدات من الجيش السوري سيطرت على بلدة كفرنبودة في ريف حماة الشمالي "
    "وقضت على عشرات الإرهابيين. غير أن الجبهة الوطنية للتحرير نفت صحة الإعلان، مؤكدة أن مقاتليها صدوا "
    "الهجوم. وقال مراسلنا في ريف حماة إن قوات النظام حاولت اقتحام كفرنبودة من محورين قبل أن تتراجع إثر "
    "هجوم معاكس شنته الفصائل. وأضاف أن المعارك أسفرت عن مقتل 11 عنصرا من قوات النظام وثلاثة من مقاتلي الفصائل.")


def test_a_denied_capture_is_a_version_of_the_fighting_the_reporter_tells():
    events = _events(CAPTURE_DENIED)
    [e] = _at(events, "نبودة")
    assert (e.sub_event_type, e.contested) == ("Armed clash", True)
    assert {e.actor1, e.actor2} == {"SYR_GOV", "OPP"}
    subs = {v.sub_event_type: v for v in e.versions}
    assert set(subs) == {"Armed clash", "Government regains territory"}
    assert ("OPP", "denies") in _stances(subs["Government regains territory"].claims)
    assert (OUTLET, "asserts") not in _stances(subs["Government regains territory"].claims)
    assert e.fatalities.best == 14
    # the claimed capture is never a fact of its own
    assert not any(x.sub_event_type == "Government regains territory" for x in events)


def test_a_capture_nobody_denies_keeps_the_fighting_told_after_it():
    text = ("أعلنت وكالة سانا مساء أمس الأحد أن وحدات من الجيش السوري سيطرت على بلدة كفرنبودة في ريف حماة "
            "الشمالي. وقال مراسلنا في ريف حماة إن المعارك في كفرنبودة أسفرت عن مقتل 11 عنصرا من قوات النظام.")
    events = _at(_events(text), "نبودة")
    assert "Government regains territory" in {e.sub_event_type for e in events}
    assert not any(e.contested or e.versions for e in events)


# One group claims a blast whose author the report does not name: the claimant set it.
CLAIMED_ONCE = (
    "قتل عنصران من قوات سوريا الديمقراطية صباح اليوم الاثنين بانفجار عبوة ناسفة استهدفت سيارتهما قرب "
    "بلدة الشدادي في ريف الحسكة الجنوبي، وتبنى تنظيم الدولة الإسلامية التفجير عبر وكالة أعماق.")

# A monitor blaming a party uses «حمّل … المسؤولية»: the party blamed claims nothing.
BLAMED_NOT_CLAIMED = (
    "قتل عنصران من قوات سوريا الديمقراطية صباح اليوم الاثنين بانفجار عبوة ناسفة استهدفت سيارتهما قرب "
    "بلدة الشدادي في ريف الحسكة الجنوبي، وحمّل ناشطون تنظيم الدولة الإسلامية المسؤولية، في حين حمّلت "
    "صفحات محلية هيئة تحرير الشام المسؤولية.")


def test_a_single_claimant_is_the_author_of_an_unattributed_blast():
    [e] = _at(_events(CLAIMED_ONCE), "الشدادي")
    assert (e.actor1, e.actor2, e.contested) == ("IS", "SDF", False)


def test_parties_blamed_with_responsibility_are_not_claimants():
    for e in _events(BLAMED_NOT_CLAIMED):
        for v in e.versions:
            assert not any(c.source in ("IS", "HTS") and c.stance == "asserts" for c in v.claims)


# Pages blame a drone, the state agency an IED, in one sentence: each account keeps its own kind of act,
# and the agency outranks anonymous pages.
DRONE_OR_IED = (
    "قتل أربعة جنود من قوات النظام ظهر أمس الأحد بانفجار استهدف حافلتهم قرب بلدة الصنمين في ريف درعا "
    "الشمالي. فبينما قالت صفحات موالية على مواقع التواصل الاجتماعي إن طائرة مسيرة إسرائيلية استهدفت "
    "الحافلة بصاروخ، قالت وكالة سانا إن عبوة ناسفة زرعها مجهولون انفجرت بالحافلة.")


def test_each_source_in_one_sentence_keeps_its_own_kind_of_act():
    events = _events(DRONE_OR_IED)
    [e] = _at(events, "الصنمين")
    assert (e.actor1, e.actor2, e.sub_event_type, e.contested) == (
        "UNIDENTIFIED", "SYR_GOV", "Remote explosive/landmine/IED", True)
    kinds = {v.actor1: v.sub_event_type for v in e.versions}
    assert kinds == {"UNIDENTIFIED": "Remote explosive/landmine/IED", "ISR": "Air/drone strike"}
    # the pages speak only in their own version
    assert not any(c.source in ("PRO_GOV_PAGES", "SOCIAL_MEDIA") for c in e.claims)
    assert not any(x.actor1 == "ISR" and not x.contested for x in events)


# Bodies found, a survivor naming the killers, anonymous pages blaming another party a paragraph on.
BODIES_FOUND = (
    "عثر على جثث ستة مدنيين في قرية الحسينية بريف الحسكة بعد مقتلهم ليل السبت، في حادثة تبادلت أطراف عدة "
    "الاتهامات بشأنها. وقال أحد الناجين لمراسلنا إن مسلحين من تنظيم الدولة الإسلامية دخلوا القرية ليلا "
    "وأطلقوا النار على الرجال.\n\n"
    "في المقابل، اتهمت صفحات على مواقع التواصل الاجتماعي وحدات حماية الشعب الكردية بتنفيذ عملية قتل جماعي "
    "في القرية، وتحدثت عن عشرة قتلى.")


def test_a_witness_names_the_killers_of_bodies_found_and_a_blamed_party_is_a_version():
    events = analyze(Article("t", BODIES_FOUND, outlet=OUTLET, published=date(2019, 3, 12)))
    [e] = _at(events, "حسينية")
    assert (e.event_type, e.actor1, e.actor2, e.contested) == ("Violence against civilians", "IS", "CIVILIANS", True)
    assert e.event_date == date(2019, 3, 9)
    assert {v.actor1 for v in e.versions} == {"IS", "YPG"}
    assert (e.fatalities.low, e.fatalities.high) == (6, 10)
    assert not any(x.actor1 == "YPG" and not x.contested for x in events)


# Three accounts of one blast over three sentences: pages (a Turkish drone), a party's source (an IED by
# unknown men), the outlet's correspondent on site (a mine the IS planted).
THREE_ACCOUNTS = (
    "قتل عنصران من قوات سوريا الديمقراطية (قسد) صباح السبت بانفجار استهدف سيارتهم قرب قرية الخافية شمال "
    "شرقي بلدة عين عيسى، وسط روايات متضاربة حول سببه. فبينما قالت صفحات مقربة من قسد على مواقع التواصل "
    "الاجتماعي إن طائرة مسيرة تركية استهدفت السيارة، نقل موقع محلي مقرب من الإدارة الذاتية عن مصدر "
    "أمني في قسد قوله إن عبوة ناسفة زرعها مجهولون انفجرت بالسيارة. غير أن مراسلنا الذي زار المكان أكد أن السيارة داست على لغم أرضي من الألغام التي "
    "زرعها تنظيم الدولة الإسلامية قبل انسحابه من المنطقة.")


def test_the_correspondent_in_a_later_sentence_tops_the_accounts_set_against_each_other():
    events = analyze(Article("t", THREE_ACCOUNTS, outlet=OUTLET, published=date(2019, 11, 18)))
    [e] = _at(events, "خافية")
    assert (e.actor1, e.actor2, e.sub_event_type, e.contested) == (
        "IS", "SDF", "Remote explosive/landmine/IED", True)
    kinds = {v.actor1: v.sub_event_type for v in e.versions}
    assert kinds == {"IS": "Remote explosive/landmine/IED", "UNIDENTIFIED": "Remote explosive/landmine/IED",
                     "TUR": "Air/drone strike"}
    assert not any(x.actor1 in ("TUR", "UNIDENTIFIED") and not x.contested for x in events)


# State media say the air defences stopped every missile; the report's reporter says the jets hit a depot:
# whether the strike hit is disputed, so the interception is a version of the strike, never an event.
INTERCEPTED_VS_HIT = (
    "قالت وكالة سانا إن الدفاعات الجوية تصدت فجر اليوم لصواريخ إسرائيلية استهدفت مطار المزة العسكري "
    "وأسقطتها جميعا. لكن مراسلنا في دمشق أكد أن طائرات إسرائيلية قصفت فجر اليوم مستودعا للأسلحة في مطار "
    "المزة العسكري.")
# The same interception told of an attack with no attacker named: the strike told against it names whose
# missiles they were.
INTERCEPTED_UNNAMED = INTERCEPTED_VS_HIT.replace("لصواريخ إسرائيلية", "لصواريخ معادية")
# The agency counts dead of the attack it says was stopped: it concedes the hit, nothing is disputed.
INTERCEPTED_WITH_DEAD = (
    "قالت وكالة سانا إن ثلاثة عسكريين قتلوا فجر اليوم جراء صواريخ إسرائيلية استهدفت مطار المزة العسكري وإن "
    "الدفاعات الجوية تصدت لصواريخ إسرائيلية وأسقطت عددا منها. لكن مراسلنا في دمشق أكد أن طائرات إسرائيلية "
    "قصفت فجر اليوم مستودعا للأسلحة في مطار المزة العسكري.")


@pytest.mark.parametrize("text", [INTERCEPTED_VS_HIT, INTERCEPTED_UNNAMED])
def test_a_claimed_interception_is_a_version_of_the_strike_the_reporter_saw_hit(text):
    [e] = _at(_events(text), "المزة")
    assert e.contested and (e.event_type, e.actor1, e.actor2) == ("Explosions/Remote violence", "ISR", "SYR_GOV")
    assert {(v.actor1, v.actor2, v.sub_event_type) for v in e.versions} >= {("SYR_GOV", "ISR", "Disrupted weapons use")}
    assert ("SANA", "asserts") in {(c.source, c.stance) for v in e.versions for c in v.claims}


def test_an_interception_whose_source_counts_the_dead_disputes_no_hit():
    assert not any(e.contested for e in _events(INTERCEPTED_WITH_DEAD))


def test_a_retelling_of_another_strategic_act_names_no_interceptor():
    # «أرغمت الطائرات على مغادرة الأجواء» is not the interception told before: Israel is not its doer
    text = ("قالت وكالة سانا إن الدفاعات الجوية تصدت فجر اليوم لصواريخ استهدفت مطار المزة العسكري. ونقلت "
            "الوكالة عن مصدر عسكري قوله إن الطائرات الإسرائيلية أرغمت على مغادرة الأجواء.")
    stopped = [e for e in _events(text) if e.sub_event_type == "Disrupted weapons use"]
    assert stopped and all(e.actor1 != "ISR" for e in stopped)


DOUMA_STRIKE = ("قتل خمسة مدنيين اليوم الاثنين بغارات جوية لقوات النظام على مدينة دوما في الغوطة الشرقية، بحسب "
                "المرصد السوري لحقوق الإنسان.")


@pytest.mark.parametrize("denial, contested", [
    # a denial that names a weapon speaks of that weapon, not of the party's plain air strikes
    (" ولطالما نفت دمشق استخدام أسلحة كيماوية في هجماتها.", False),
    # «الأمر» points back at what the sentence before told: the chemical accusation
    (" واتهمت منظمات حقوقية النظام مرارا باستخدام غازات سامة. ونفت دمشق الأمر.", False),
    (" ونفت دمشق أن تكون طائراتها قد قصفت المدينة.", True),
])
def test_a_denial_naming_another_weapon_does_not_contest_the_strike(denial, contested):
    [e] = _at(_events(DOUMA_STRIKE + denial), "دوما")
    assert (e.sub_event_type, e.contested) == ("Air/drone strike", contested)


def test_a_denial_of_the_weapon_told_contests_the_attack():
    text = ("قتل خمسة مدنيين اليوم الاثنين بهجوم بغاز الكلور على مدينة دوما في الغوطة الشرقية، بحسب المرصد "
            "السوري لحقوق الإنسان. ونفت دمشق استخدام أسلحة كيماوية في هجماتها.")
    [e] = _at(_events(text), "دوما")
    assert (e.sub_event_type, e.contested) == ("Chemical weapon", True)


CHLORINE_ATTACK = ("قتل 40 مدنيا اليوم الاثنين بهجوم بغاز الكلور على مدينة دوما في الغوطة الشرقية، بحسب الدفاع "
                   "المدني.")


@pytest.mark.parametrize("text, contested", [
    # a denial that the weapon was used at all contests its use, whoever denies it, before or after the telling
    (CHLORINE_ATTACK + " ونفت موسكو استخدام أسلحة كيماوية في دوما.", True),
    ("نفت موسكو استخدام أسلحة كيماوية في دوما. " + CHLORINE_ATTACK, True),
    # an ally denying strikes of its own does not speak of the attack
    (CHLORINE_ATTACK + " ونفت موسكو أن تكون طائراتها قد قصفت دوما.", False),
    # a relative clause only describes what is denied: the chlorine attack it mentions is not denied
    (CHLORINE_ATTACK + " ونفت موسكو أن تكون طائراتها قد قصفت دوما التي شهدت هجوما بغاز الكلور.", False),
])
def test_a_denial_that_a_weapon_was_used_contests_the_attack_whoever_denies(text, contested):
    [e] = [e for e in _at(_events(text), "دوما") if e.sub_event_type == "Chemical weapon"]
    assert e.contested == contested


def test_a_rumour_told_after_a_report_does_not_doubt_it():
    evs = _events("قتل ثلاثة مدنيين أمس بقصف مدفعي لقوات النظام على بلدة التمانعة، وتحدثت أنباء عن غارات روسية "
                  "على بلدة حيش.")
    assert _stances(_at(evs, "التمانعة")[0].claims) == {(OUTLET, "asserts")}
    assert _stances(_at(evs, "حيش")[0].claims) == {(OUTLET, "uncertain")}


@pytest.mark.parametrize("denial, contested", [
    ("", False),
    (" ونفت دمشق ذلك.", True),
])
def test_an_accuser_is_the_source_of_what_it_accuses_and_the_accused_contests_it(denial, contested):
    evs = _events("اتهمت الولايات المتحدة النظام السوري بقصف مدينة دوما أمس ما أدى إلى مقتل 40 شخصا." + denial)
    [ev] = _at(evs, "دوما")
    assert ("US_GOV", "asserts") in _stances(ev.claims)
    assert (OUTLET, "asserts") not in _stances(ev.claims)
    assert ev.contested is contested


def test_co_accusers_are_not_the_perpetrators_of_an_earlier_strike():
    evs = _events("قتل خمسة مدنيين أمس بقصف جوي لقوات النظام على بلدة التمانعة. واتهم الجيشان الروسي والسوري "
                  "طائرات إسرائيلية بتنفيذ ضربات على قاعدة جوية.")
    [ev] = _at(evs, "التمانعة")
    assert (ev.actor1, ev.contested) == ("SYR_GOV", False)
    assert _stances(ev.claims) == {(OUTLET, "asserts")}
