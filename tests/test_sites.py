"""Integrity of the curated place layer rasid/data/sites.tsv: format, bounds, governorates, aliases."""
from __future__ import annotations

import re

import pytest

from rasid import gazetteer
from rasid.find.places import places
from rasid.normalize import norm, normalize
from rasid.resources import read_text, read_tsv
from rasid.segment import tokenize

SITES = "sites.tsv"
COLUMNS = ["name", "aliases", "feature", "latitude", "longitude", "admin1", "precision",
           "representative", "source"]
FEATURES = {"region", "airport", "site", "crossing", "dam", "oil", "quarter", "village", "town"}
# Syria's bounding box; border crossings may sit up to 30 km outside it.
LAT, LON = (32.31, 37.33), (35.59, 42.39)
CROSSING_SLACK_KM = 30.0
NEAR_KM = 40.0      # a site lies this close to some gazetteer place of its governorate
QUARTER_KM = 8.0    # a quarter lies this close to a city or town of its governorate
SAME_PLACE_KM = 8.0  # an alias that names a gazetteer town must be that town
SOURCE = re.compile(r"^(curated|intel_map_2026|gazetteer:\S+|osm:\d+|geonames:\d+)$")


def _rows() -> tuple[dict[str, str], ...]:
    return read_tsv(SITES)


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"]] + [a for a in row["aliases"].split(";") if a]


def _ids(rows) -> list[str]:
    return [r["name"] for r in rows]


ROWS = _rows()


def _km_outside_box(lat: float, lon: float) -> float:
    clat = min(max(lat, LAT[0]), LAT[1])
    clon = min(max(lon, LON[0]), LON[1])
    return gazetteer.distance_km(lat, lon, clat, clon)


# ------------------------------------------------------------------ file format

def test_header_documents_every_column_and_the_rows_have_them():
    lines = [l for l in read_text(SITES).splitlines() if l.strip()]
    comments = " ".join(l for l in lines if l.startswith("#"))
    assert "curated by the rasid team" in comments.lower()
    header = next(l for l in lines if not l.startswith("#"))
    assert header.split("\t") == COLUMNS
    for col in ("precision", "aliases", "source"):
        assert col in comments, f"the # header does not explain {col}"
    for line in lines[lines.index(header) + 1:]:
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS), f"{line!r} has {len(cells)} cells"
        assert all(c == c.strip() for c in cells), f"padded cell in {line!r}"


def test_layer_covers_every_kind_the_reports_name():
    kinds = {r["feature"] for r in ROWS}
    assert {"airport", "crossing", "dam", "oil", "quarter", "site"} <= kinds
    assert len(ROWS) >= 120


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_row_parses(row):
    assert row["name"] and row["feature"] in FEATURES
    lat, lon = float(row["latitude"]), float(row["longitude"])
    assert len(row["latitude"].split(".")[-1]) <= 4 and len(row["longitude"].split(".")[-1]) <= 4
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    precision = int(row["precision"])
    assert precision in (1, 2, 3)
    if precision == 3:
        # a large region is coded to its representative town (EVENTS.md §4)
        assert any(p.admin1 == row["admin1"] for p in gazetteer.lookup(row["representative"]))
    else:
        assert row["representative"] == ""
    assert all(a == a.strip() and a for a in row["aliases"].split(";")) or row["aliases"] == ""


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_source_is_filled_and_checkable(row):
    assert SOURCE.match(row["source"]), row["source"]
    if row["source"].startswith("gazetteer:"):
        p = gazetteer.place(row["source"].split(":", 1)[1])
        assert gazetteer.distance_km(float(row["latitude"]), float(row["longitude"]),
                                     p.latitude, p.longitude) < 1.0


COPIED = [r for r in ROWS if r["source"].startswith("gazetteer:")
          and r["feature"] in ("village", "town")]


@pytest.mark.parametrize("row", COPIED, ids=_ids(COPIED))
def test_copied_settlement_adds_a_spelling_the_gazetteer_lacks(row):
    # «الشيفونية» for OSM's «الشفونية»: the row exists for its spelling, which the copied place's
    # own names and their generated variants must not already cover
    p = gazetteer.place(row["source"].split(":", 1)[1])
    made = {v for n in p.names for v in gazetteer.name_variants(n)}
    assert not {v for n in _names(row) for v in gazetteer.name_variants(n)} <= made
    assert p.admin1 == row["admin1"]


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_point_lies_in_syria(row):
    lat, lon = float(row["latitude"]), float(row["longitude"])
    slack = CROSSING_SLACK_KM if row["feature"] == "crossing" else 0.0
    assert _km_outside_box(lat, lon) <= slack


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_governorate_is_one_the_gazetteer_uses(row):
    assert row["admin1"] in gazetteer.CAPITALS


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_point_is_near_a_gazetteer_place_of_its_governorate(row):
    lat, lon = float(row["latitude"]), float(row["longitude"])
    if row["feature"] == "quarter":
        near = [p for _, p in gazetteer.near(lat, lon, QUARTER_KM)
                if p.admin1 == row["admin1"] and p.feature in ("city", "town")]
    else:
        near = [p for _, p in gazetteer.near(lat, lon, NEAR_KM) if p.admin1 == row["admin1"]]
    assert near, f"{row['name']}: nothing of {row['admin1']} nearby"


# ------------------------------------------------------------------ names

def test_no_name_or_alias_is_shared_by_two_rows():
    owner: dict[str, str] = {}
    clashes = []
    for r in ROWS:
        for key in {norm(n) for n in _names(r)}:
            if key in owner:
                clashes.append((key, owner[key], r["name"]))
            owner[key] = r["name"]
    assert not clashes


@pytest.mark.parametrize("row", [r for r in ROWS if r["feature"] not in ("region", "village")],
                         ids=_ids(r for r in ROWS if r["feature"] not in ("region", "village")))
def test_alias_names_no_other_town(row):
    # «التنف» may name the base beside the village of that name, never a town elsewhere
    lat, lon = float(row["latitude"]), float(row["longitude"])
    for name in _names(row):
        towns = [p for p in gazetteer.lookup(name) if gazetteer.is_exact(name, p)
                 and p.feature in ("city", "town", "admin1", "admin2")]
        far = [p for p in towns if gazetteer.distance_km(lat, lon, p.latitude, p.longitude)
               > SAME_PLACE_KM]
        assert not far, f"{name!r} is also the town {far[0].place_id}"


def _found(raw: str) -> list[tuple[str, str]]:
    toks = tokenize(normalize(raw).text)
    return [(m.key, m.candidates[0].place_id) for m in places(toks)
            if any(c.place_id.startswith("curated:") for c in m.candidates)]


@pytest.mark.parametrize("raw, name", [
    ("سيطرت القوات على حقل العمر النفطي شرق الفرات", "حقل العمر النفطي"),
    ("دارت اشتباكات قرب معمل غاز كونيكو شمال دير الزور", "حقل كونيكو"),
    ("استهدف هجوم محطة T2 في البادية", "محطة T2"),
    ("قصفت الطائرات مطار الجراح العسكري", "مطار الجراح"),
    ("وصلت شاحنات عبر معبر باب السلامة الحدودي", "معبر باب السلامة"),
    ("سقطت قذائف على حي الشيخ مقصود", "الشيخ مقصود"),
    ("قتل مدنيان في حي الرميلة بمدينة الرقة", "حي الرميلة"),
    ("تقدمت القوات في حي الحويقة", "حي الحويقة"),
    ("قطعت المياه عن سد البعث", "سد البعث"),
    ("سيطرت القوات على بلدة الشيفونية شرق دوما", "الشيفونية"),
    ("تقدمت القوات في قريتي حوش الظواهرة والريحان", "حوش الضواهرة"),
    ("تقدمت القوات في قريتي حوش الظواهرة والريحان", "الريحان"),
    ("قصفت المدفعية أطراف بلدتي بيت سوى والأشعري", "بيت سوى"),
    ("قصفت المدفعية أطراف بلدتي بيت سوى والأشعري", "الأشعري"),
    ("دخلت القوات التركية قرية كفرجنة شمال شرق عفرين", "كفر جنة"),
    ("وصلت الحافلات إلى مدينة البعث في ريف القنيطرة", "مدينة البعث"),
    ("انفجرت عبوة في سوق شعبي في حي الكشكول بجرمانا", "حي كشكول"),
    ("خرج المقاتلون من بلدة جباثا الخشب", "جباثا الخشب"),
    ("سقطت قذائف على مدينة معضمية الشام", "معضمية الشام"),
    ("تظاهر الأهالي في منطقة السيدة زينب جنوب دمشق", "السيدة زينب"),
    ("وصل الزوار إلى الست زينب صباحا", "السيدة زينب"),
    ("قصفت المدفعية قرية كلجبرين شمال حلب", "كلجبرين"),
])
def test_reports_spellings_reach_the_site(raw, name):
    assert f"curated:{norm(name)}" in {pid for _, pid in _found(raw)}


@pytest.mark.parametrize("raw", [
    "ارتفعت أسهم شركة كونوكو فيليبس الأمريكية",
    "أعلن الرئيس أن السكري منتشر بين الأطفال",
    "درس الطلاب الفنون الجميلية في المعهد",
    "دخلت القوات قرية حويقة المعيشية شرق الفرات",
    "عقد حزب البعث الحاكم مؤتمره السنوي",
    "روى الحديث أبو موسى الأشعري",
    "اشتهر الفنان نجيب الريحاني بالكوميديا",
])
def test_words_that_only_look_like_sites_are_not_sites(raw):
    assert _found(raw) == []
