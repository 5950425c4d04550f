"""rasid.pipeline.analyze on short reports, and a regression floor on the dev benchmark."""
import dataclasses
import json
import unicodedata
from datetime import date

import pytest

from conftest import event_kind, report_events
from rasid.evaluate import score
from rasid.gazetteer import distance_km
from rasid.pipeline import analyze
from rasid.reader import to_article
from rasid.records import Article

PUBLISHED = date(2018, 10, 27)  # a Saturday: «أمس» is Friday 26 October
ARIHA = (35.8128, 36.6106)        # أريحا, Idlib
ABU_DUHUR = (35.7400, 37.0464)    # أبو الظهور, Idlib

# Regression floors a few points under the measured dev score (dev.gold.jsonl + examples: F1 0.805,
# full match 0.476, location within 10 km 0.985), so that ordinary tuning passes and a real
# regression does not; none is below the bars of the issues (0.70, 0.40, 0.92).
DEV_F1_FLOOR = 0.75
DEV_FULL_FLOOR = 0.43
DEV_LOCATION_FLOOR = 0.92

AIR_STRIKE = ("قتل 9 مدنيين بينهم 4 أطفال أمس في غارات روسية استهدفت مدينة أريحا بريف إدلب الجنوبي، "
              "بحسب المرصد السوري لحقوق الإنسان.")
TAKEOVER = "وسيطرت قوات النظام اليوم على قرية أبو الظهور بريف إدلب الشرقي بعد معارك عنيفة مع فصائل المعارضة."
CLASH = ("قال المرصد السوري لحقوق الإنسان إن اشتباكات عنيفة اندلعت أمس بين هيئة تحرير الشام وفصائل "
         "المعارضة في بلدة كفرنبل بريف إدلب.")
IS_CLASH = ("اندلعت اشتباكات عنيفة أمس بين قوات سوريا الديمقراطية وتنظيم داعش في بلدة هجين بريف دير الزور "
            "الشرقي، ما أدى إلى مقتل 12 عنصرا من التنظيم.")
CAR_BOMB = "انفجرت سيارة مفخخة أمس في مدينة أعزاز بريف حلب الشمالي ما أدى إلى مقتل 5 مدنيين."
DIACRITICS = "قُتِلَ ٧ مدنيينَ أمسِ في غارةٍ جويــةٍ على بلدة سَراقب بريف إدلب."
DENIED = "ونفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت مدينة أريحا أمس."
DENIED_ANY = "ونفت وزارة الدفاع الروسية أن تكون طائراتها قد شنت أي غارة على مدينة أريحا."
THREAT = "تهدد تركيا بشن هجوم على مدينة منبج في ريف حلب."
PREPARING = "يستعد الجيش لشن هجوم على بلدة اللطامنة في ريف حماة."
ALL_TEXTS = [AIR_STRIKE, TAKEOVER, CLASH, IS_CLASH, CAR_BOMB, DIACRITICS, DENIED, DENIED_ANY, THREAT,
             PREPARING]


def _run(text, published=PUBLISHED):
    return analyze(Article(id="t1", text=text, published=published, outlet="test-outlet"))


def _km(event, point):
    return distance_km(point[0], point[1], event.location.latitude, event.location.longitude)


def test_air_strike_with_civilian_toll():
    [ev] = _run(AIR_STRIKE)
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (ev.actor1, ev.actor2) == ("RUS", "CIVILIANS")
    assert _km(ev, ARIHA) <= 10 and ev.location.geo_precision == 1
    assert ev.fatalities.best == 9          # «بينهم 4 أطفال» is part of the 9
    assert (ev.event_date, ev.time_precision) == (date(2018, 10, 26), 1)
    assert ("SOHR", "asserts") in [(c.source, c.stance) for c in ev.claims]
    assert not ev.contested
    assert ev.article_id == "t1" and ev.notes


@pytest.mark.parametrize("text", [
    "قتل 9 مدنيين أمس بغارات روسية على مدينة أريحا بريف إدلب.",
    "قتل 9 مدنيين أمس في غارات جوية روسية على مدينة أريحا بريف إدلب.",
])
def test_russian_strike_phrasings(text):
    [ev] = _run(text)
    assert ev.actor1 == "RUS"


def test_government_takeover_of_a_village():
    evs = _run(TAKEOVER)
    taken = [e for e in evs if e.sub_event_type == "Government regains territory"]
    assert len(taken) == 1
    ev = taken[0]
    assert ev.event_type == "Battles"
    assert {ev.actor1, ev.actor2} == {"SYR_GOV", "OPP"} and ev.actor1 == "SYR_GOV"
    assert _km(ev, ABU_DUHUR) <= 10
    assert (ev.event_date, ev.time_precision) == (PUBLISHED, 1)


def test_takeover_is_one_event():
    assert [e.sub_event_type for e in _run(TAKEOVER)] == ["Government regains territory"]


def test_takeover_without_conjunction():
    evs = _run(TAKEOVER[1:])  # the same report, starting «سيطرت»
    assert "Government regains territory" in [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text, kind, actors, killed", [
    ("قتلت قوات النظام ثلاثة مدنيين في مدينة درعا أمس.",
     ("Violence against civilians", "Attack"), ("SYR_GOV", "CIVILIANS"), 3),
    ("قتل مقاتلو المعارضة أربعة جنود في هجوم على حاجز قرب مدينة درعا.",
     ("Battles", "Armed clash"), ("OPP", "SYR_GOV"), 4),
    ("وقتلت الطائرات الروسية 12 مدنيا في مدينة سراقب.",
     ("Explosions/Remote violence", "Air/drone strike"), ("RUS", "CIVILIANS"), 12),
    ("قتلت عناصر من تنظيم داعش خمسة رعاة في بادية تدمر أمس.",
     ("Violence against civilians", "Attack"), ("IS", "CIVILIANS"), 5),
])
def test_a_killing_verb_with_its_doer_and_victims_is_an_event(text, kind, actors, killed):
    (ev,) = report_events(text)
    assert (event_kind(ev), (ev.actor1, ev.actor2), ev.fatalities.best) == (kind, actors, killed)
    assert any(e.rule.endswith("+agent") for e in ev.evidence)


@pytest.mark.parametrize("text", [
    "قتل جنود النظام في مدينة درعا.",  # passive: «were killed», no object after the noun
    "قتل عنصران من قوات النظام في مدينة درعا.",
    "قتلت امرأة في مدينة درعا.",
])
def test_a_killing_verb_read_as_passive_makes_no_event_of_its_own(text):
    assert report_events(text) == []


@pytest.mark.parametrize("text, kind, actors", [
    ("أطلق مسلحون النار على سيارة مدنية في مدينة نوى أمس ما أدى إلى مقتل ثلاثة مدنيين.",
     ("Violence against civilians", "Attack"), ("UNIDENTIFIED", "CIVILIANS")),
    ("أطلق مسلحون مجهولون النار على دورية لقوات النظام في مدينة نوى أمس.",
     ("Battles", "Armed clash"), ("UNIDENTIFIED", "SYR_GOV")),
    ("وفتحت قوات النظام النار على المتظاهرين في مدينة نوى أمس.",
     ("Protests", "Excessive force against protesters"), ("SYR_GOV", "OPP")),
])
def test_fire_opened_with_the_subject_between_verb_and_object_is_an_event(text, kind, actors):
    (ev,) = report_events(text)
    assert (event_kind(ev), (ev.actor1, ev.actor2)) == (kind, actors)


def test_fire_opened_by_no_armed_subject_is_no_event():
    assert report_events("أطلقت الوزيرة النار على خطة الحكومة في مدينة نوى أمس.") == []


def test_monitor_name_is_not_an_actor():
    # «المرصد السوري» must not put SYR_GOV into the pair
    [ev] = _run(CLASH)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert {ev.actor1, ev.actor2} == {"HTS", "OPP"}
    assert ("SOHR", "asserts") in [(c.source, c.stance) for c in ev.claims]


def test_clash_with_fighter_toll():
    [ev] = _run(IS_CLASH)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert {ev.actor1, ev.actor2} == {"SDF", "IS"}
    assert ev.location.admin1 == "Deir ez-Zor" and ev.location.geo_precision == 1
    assert ev.fatalities.best == 12


def test_car_bomb():
    [ev] = _run(CAR_BOMB)
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert (ev.actor1, ev.actor2) == ("UNIDENTIFIED", "CIVILIANS")
    assert ev.fatalities.best == 5 and ev.location.admin1 == "Aleppo"


def test_car_bomb_named_by_its_vehicle_only():
    evs = _run("استهدفت سيارة مفخخة سوقا شعبيا في مدينة أعزاز أمس ما أدى إلى مقتل 5 مدنيين.")
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"]


def test_denied_strike_with_no_assertion_is_no_event():
    assert _run(DENIED_ANY) == []


def test_denied_strike_is_no_event():
    assert _run(DENIED) == []


@pytest.mark.parametrize("text", [THREAT, PREPARING])
def test_threat_or_plan_is_no_event(text):
    assert _run(text) == []


@pytest.mark.parametrize("text", ["", "   \n  ", "هذا نص لا يتحدث عن أي حدث."])
def test_nothing_to_code(text):
    assert _run(text) == []


def test_diacritics_keep_offsets_on_the_original():
    [ev] = _run(DIACRITICS)
    quoted = {e.rule: DIACRITICS[e.start:e.end] for e in ev.evidence}
    assert quoted["casualty:killed:digits"] == "٧"
    assert any(q == "سَراقب" for r, q in quoted.items() if r.startswith("place:"))
    assert ev.fatalities.best == 7 and ev.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_spans_lie_inside_the_text(text):
    for ev in _run(text):
        assert ev.evidence
        for span in list(ev.evidence) + list(ev.claims):
            assert 0 <= span.start < span.end <= len(text)
        assert ev.fatalities.low <= ev.fatalities.best <= ev.fatalities.high


def test_spans_end_on_a_word_boundary():
    for ev in _run(DIACRITICS):
        for span in ev.evidence:
            assert span.end == len(DIACRITICS) or unicodedata.category(DIACRITICS[span.end]) != "Mn"


def test_deterministic_and_pure():
    article = Article(id="t1", text=AIR_STRIKE, published=PUBLISHED, outlet="test-outlet")
    before = dataclasses.replace(article)
    first = [e.to_json() for e in analyze(article)]
    other = [e.to_json() for e in analyze(Article(id="t2", text=TAKEOVER, published=PUBLISHED))]
    again = [e.to_json() for e in analyze(article)]
    assert first and other
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert article == before


def _gold_lines(shared_dir):
    from rasid.evaluate import read_gold
    lines = read_gold(shared_dir / "corpus" / "dev.gold.jsonl")
    for path in sorted((shared_dir / "examples").glob("*.gold.jsonl")):
        lines += read_gold(path)
    return lines


def test_dev_benchmark_floor(shared_dir):
    gold = _gold_lines(shared_dir)
    system = []
    for i, line in enumerate(gold):
        article, _ = to_article(line["article"], "gold", i)
        if article is not None:
            system += [e.to_json() for e in analyze(article)]
    result = score(gold, system)
    summary = {k: v for k, v in result.items() if k != "per_article"}
    assert result["f1"] >= DEV_F1_FLOOR, summary
    assert result["full_match_f1"] >= DEV_FULL_FLOOR, summary
    assert result["field_accuracy"]["location_10km"] >= DEV_LOCATION_FLOOR, summary
    assert result["field_accuracy"]["date"] >= 0.85, summary


def test_a_party_that_denies_its_strike_is_in_the_event_claims():
    text = ("قتل خمسة مدنيين أمس في غارات روسية على مدينة أريحا بريف إدلب، بحسب المرصد السوري لحقوق الإنسان. "
            "ونفت وزارة الدفاع الروسية أن تكون طائراتها قد نفذت أي طلعات في المنطقة.")
    [ev] = analyze(Article("d1", text, "test", PUBLISHED))
    assert ev.contested and ev.actor1 == "RUS"
    stances = {(c.source, c.stance) for c in ev.claims}
    assert ("SOHR", "asserts") in stances and ("RUS_MOD", "denies") in stances
    denial = next(c for c in ev.claims if c.stance == "denies")
    assert "الدفاع الروسية" in text[denial.start:denial.end]


# --- generated reports (hypothesis; profiles in conftest.py) -----------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from conftest import arabic_noise_texts, check_events, hostile_lines  # noqa: E402

DAYS = st.sampled_from([None, PUBLISHED, date(2011, 3, 15), date(2024, 12, 8)])
OUTLETS = st.sampled_from([None, "عنب بلدي", "", "SOHR"])


@given(arabic_noise_texts(), DAYS, OUTLETS)
def test_analyze_keeps_the_contract_on_generated_reports(text, day, outlet):
    article = Article("gen", text, outlet, day)
    check_events(article, analyze(article))


@given(st.lists(st.one_of(hostile_lines(), arabic_noise_texts(20).map(
    lambda t: json.dumps({"id": "x", "text": t}, ensure_ascii=False).encode("utf-8", "surrogatepass"))), max_size=5))
def test_analyze_keeps_the_contract_on_what_the_reader_makes_of_generated_lines(tmp_path_factory, lines):
    from rasid.reader import read_articles
    path = tmp_path_factory.mktemp("lines") / "in.jsonl"
    path.write_bytes(b"\n".join(lines))
    for article in read_articles(path):
        if isinstance(article, Article):
            check_events(article, analyze(article))


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام بلدة الحراك يوم ² تشرين الأول ²⁰¹⁸ ما أدى إلى مقتل ³ مدنيين",
    "قصفت قوات النظام بلدة الحراك في ②/¹⁰/2018 قبل ³ أيام",
    "¹ SDF أحرق المتظاهرون في بلدة الحراك أمس ما أدى إلى مقتل 0 مدنيين",
    "ـ ـ ",   # tatweels: lone letters to the broken-page test, nothing once normalized (IndexError in rejoin)
    "قصف ـ ـ ",
])
def test_inputs_hypothesis_found_keep_the_contract(text):
    # «²» is a digit to str.isdigit() that int() cannot read
    check_events(Article("sup", text, None, PUBLISHED), analyze(Article("sup", text, None, PUBLISHED)))


_SEEDED = ("import json, sys; from datetime import date; from rasid.pipeline import analyze;"
           "from rasid.records import Article;"
           "texts = json.loads(sys.stdin.read());"
           "print(json.dumps([[e.to_json() for e in analyze(Article(str(i), t, 'o', date(2018, 10, 27)))]"
           " for i, t in enumerate(texts)], ensure_ascii=True))")


@settings(max_examples=max(1, settings().max_examples // 40))
@given(st.lists(arabic_noise_texts(25), min_size=20, max_size=20))
def test_analyze_gives_the_same_events_under_any_hash_seed(texts):
    import os
    import subprocess
    import sys
    from hypothesis import assume
    here = [[e.to_json() for e in analyze(Article(str(i), t, "o", PUBLISHED))] for i, t in enumerate(texts)]
    assume(sum(map(len, here)) >= 3)  # a batch without events (hypothesis starts from empty texts) proves nothing
    given_texts = json.dumps(texts, ensure_ascii=True)
    runs = [subprocess.Popen([sys.executable, "-c", _SEEDED], env={**os.environ, "PYTHONHASHSEED": seed},
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for seed in ("0", "4242")]
    outs = [run.communicate(given_texts, timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err[-2000:] for _, err in outs]
    assert json.loads(outs[0][0]) == json.loads(outs[1][0]) == json.loads(json.dumps(here, ensure_ascii=True))


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31)])
def test_a_scrapers_zero_publication_day_reads_the_report_undated(day):
    # hypothesis found it: «أمس» counted back from 0001-01-01 raised OverflowError
    text = "قصفت قوات النظام أمس بلدة الحراك ما أدى إلى مقتل ثلاثة مدنيين، وبعد أسبوع تجدد القصف."
    article = Article("zero", text, None, day)
    events = analyze(article)
    check_events(article, events)
    assert events and all(e.event_date is None for e in events)


def test_a_report_that_names_no_place_codes_nothing_and_reads_no_dates(monkeypatch):
    import rasid.pipeline as pipeline
    read = []
    monkeypatch.setattr(pipeline, "dates", lambda *a: read.append(a) or [])
    # every frame stands at a place: without one, the dates, tolls and sources of the report go unread
    assert _run("اندلعت اشتباكات عنيفة أمس بين الطرفين استمرت ساعات.") == []
    assert read == []
    _run(CLASH)
    assert len(read) == 1
