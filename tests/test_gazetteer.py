"""Tests for rasid.gazetteer against the built rasid/data/gazetteer.tsv."""
from __future__ import annotations

import dataclasses
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasid import gazetteer as g

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT / "rasid" / "data" / "gazetteer.tsv"
SHARED = Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))
GOVERNORATES = {"Al-Hasakah", "Aleppo", "As-Suwayda", "Damascus", "Daraa", "Deir ez-Zor", "Hama",
                "Homs", "Idlib", "Latakia", "Quneitra", "Raqqa", "Rif Dimashq", "Tartus"}


def near_point(p: g.Place, lat: float, lon: float, km: float = 3.0) -> bool:
    return g.distance_km(p.latitude, p.longitude, lat, lon) <= km


def first_at(name: str, lat: float, lon: float, km: float = 3.0) -> g.Place:
    hits = [p for p in g.lookup(name) if near_point(p, lat, lon, km)]
    assert hits, f"{name} has no candidate near {lat},{lon}"
    return hits[0]


# ---------------------------------------------------------------- file and rows

def test_file_starts_with_provenance_then_header():
    lines = TSV.read_text("utf-8").splitlines()
    comments = [l for l in lines if l.startswith("#")]
    assert lines[0].startswith("#") and any("OpenStreetMap" in l for l in comments)
    assert any("build_gazetteer.py" in l for l in comments)
    header = lines[len(comments)].split("\t")
    assert header == ["place_id", "name", "name_en", "names", "feature", "population",
                      "latitude", "longitude", "admin1", "admin2", "admin3", "pcode", "sources",
                      "name_en_source"]


def test_rows_are_unique_complete_and_syrian():
    rows = g.places()
    assert len(rows) > 11_000
    assert len({p.place_id for p in rows}) == len(rows)
    assert all(p.name and p.name in p.names for p in rows)
    assert {p.feature for p in rows} <= set(g.FEATURE_RANK)
    syrian = [p for p in rows if p.country == "Syria"]
    assert {p.admin1 for p in syrian} == GOVERNORATES
    assert all(32.0 < p.latitude < 37.6 and 35.5 < p.longitude < 42.5 for p in syrian)
    assert all(p.admin2 and p.admin3 for p in syrian if p.feature not in ("admin1", "admin2"))


def test_admin_units_have_pcodes():
    counts = {f: sum(p.feature == f for p in g.places()) for f in ("admin1", "admin2", "admin3")}
    assert counts == {"admin1": 14, "admin2": 62, "admin3": 272}
    assert g.place("os:SY09").admin1 == "Deir ez-Zor" and g.place("os:SY09").pcode == "SY09"
    assert all(p.pcode for p in g.places() if p.feature.startswith("admin"))
    assert not any(p.pcode for p in g.places() if not p.feature.startswith("admin"))


def test_place_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        g.places()[0].name = "x"  # type: ignore[misc]


def test_iraqi_border_town_al_qaim():
    qaim = g.lookup("القائم")[0]
    assert qaim.country == "Iraq" and qaim.admin1 == "" and near_point(qaim, 34.39, 40.99)


# ---------------------------------------------------------------- lookup

def test_deir_ez_zor_spellings():
    hits = g.lookup("دير الزور")
    assert hits[0].place_id == "os:SY09"
    city = next(p for p in hits if p.feature == "city")
    assert near_point(city, 35.33, 40.15) and city.name_en == "Deir ez-Zor"
    assert city in g.lookup("ديرالزور") and city in g.lookup("دير زور")


def test_albu_kamal_joined_split_and_abu():
    town = first_at("البوكمال", 34.45, 40.92)
    for spelling in ("البو كمال", "ابو كمال", "أبو كمال", "ابوكمال"):
        assert town in g.lookup(spelling), spelling
    assert (town.admin1, town.admin2) == ("Deir ez-Zor", "Abu Kamal")


def test_hama_and_idlib_rank_governorate_then_city():
    for spelling in ("حماه", "حماة"):
        hits = g.lookup(spelling)
        assert [p.feature for p in hits[:2]] == ["admin1", "city"] and hits[0].admin1 == "Hama"
    hits = g.lookup("ادلب")
    assert hits[0].place_id == "os:SY07" and hits[1].feature == "city"
    assert near_point(hits[1], 35.93, 36.63)


@pytest.mark.parametrize("name,lat,lon,admin1", [
    ("الميادين", 35.02, 40.45, "Deir ez-Zor"),
    ("هجين", 34.69, 40.83, "Deir ez-Zor"),
    ("الباغوز", 34.43, 40.99, "Deir ez-Zor"),
    ("الموحسن", 35.23, 40.32, "Deir ez-Zor"),
    ("شقرا", 35.40, 40.12, "Deir ez-Zor"),
    ("دوما", 33.57, 36.40, "Rif Dimashq"),
    ("كفر بطنا", 33.50, 36.37, "Rif Dimashq"),
    ("جرمانة", 33.48, 36.35, "Rif Dimashq"),
    ("الحجر الاسود", 33.46, 36.30, "Rif Dimashq"),
    ("التاح", 35.54, 36.73, "Idlib"),
    ("الفوعه", 35.98, 36.70, "Idlib"),
    ("طفس", 32.74, 36.07, "Daraa"),
    ("بصر الحرير", 32.84, 36.34, "Daraa"),
    ("راجو", 36.68, 36.66, "Aleppo"),
    ("حزيمة", 36.13, 38.96, "Raqqa"),
])
def test_known_places_resolve(name, lat, lon, admin1):
    assert first_at(name, lat, lon).admin1 == admin1


def test_article_and_ending_variants_reach_the_same_row():
    fua = first_at("الفوعة", 35.98, 36.70)
    assert fua in g.lookup("فوعا") and fua in g.lookup("الفوعه")
    assert first_at("كفربطنا", 33.50, 36.37) == first_at("كفر بطنا", 33.50, 36.37)
    assert first_at("جرمانا", 33.48, 36.35) == first_at("جرمانة", 33.48, 36.35)


def test_homonyms_return_several_governorates():
    jnina = g.lookup("الجنينة")
    assert len({p.admin1 for p in jnina}) >= 4
    assert any(p.admin1 == "Deir ez-Zor" and near_point(p, 35.37, 40.10) for p in jnina)
    tayba = g.lookup("الطيبة")
    assert len({p.admin1 for p in tayba}) >= 4
    assert any(p.admin1 == "Daraa" and near_point(p, 32.56, 36.24) for p in tayba)


def test_exact_spellings_rank_before_variants():
    hits = g.lookup("الجنينة")
    flags = [g.is_exact("الجنينة", p) for p in hits]
    assert flags[0] and flags == sorted(flags, reverse=True) and not all(flags)


def test_unknown_names_return_nothing():
    assert g.lookup("") == () and g.lookup("لندن بريدج") == ()


def test_name_variants_examples():
    assert {"البو كمال", "ابو كمال", "ابوكمال"} <= g.name_variants("البوكمال")
    assert {"ديرالزور", "دير زور"} <= g.name_variants("دير الزور")
    assert {"باغوز", "الباغوز"} == g.name_variants("الباغوز")
    assert {"جنينه", "الجنينا"} <= g.name_variants("الجنينة")
    assert "السويدا" in g.name_variants("السويداء")
    assert "كفر يا" not in g.name_variants("كفريا")


def test_match_keys_cover_lookup():
    keys, max_tokens = g.match_keys()
    assert {"ديرالزور", "البو كمال", "حماه", "الباغوز"} <= keys
    assert g.exact_keys() <= keys and "ابوكمال" in keys and "ابوكمال" not in g.exact_keys()
    assert 3 <= max_tokens <= 6 and max(k.count(" ") + 1 for k in keys) == max_tokens
    assert all(g.lookup(k) for k in sorted(keys)[::97])


def test_ten_thousand_lookups_under_a_second():
    names = [n for p in g.places() for n in p.names][:10_000]
    g.lookup("دمشق")  # builds the index outside the timing
    start = time.perf_counter()
    for n in names:
        g.lookup(n)
    assert time.perf_counter() - start < 1.0


def test_module_import_does_no_work():
    code = ("import rasid.gazetteer as g, rasid.resources as r; "
            "print(g.places.cache_info().currsize, r.read_tsv.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert out.stdout.split() == ["0", "0"]


# ---------------------------------------------------------------- admin helpers

def test_governorate_accepts_english_pcode_and_arabic():
    assert g.governorate("Deir ez-Zor").place_id == "os:SY09"
    assert g.governorate("sy09").place_id == "os:SY09"
    assert g.governorate("دير الزور").place_id == "os:SY09"
    assert [p.admin1 for p in g.governorates()] == sorted(GOVERNORATES)
    with pytest.raises(KeyError):
        g.governorate("Nowhere")


def test_capitals():
    assert near_point(g.capital("Deir ez-Zor"), 35.33, 40.15)
    assert g.capital("Damascus").name == "دمشق" and g.capital("Damascus").feature == "city"
    assert g.capital("Rif Dimashq").name == "دوما"
    for admin1 in GOVERNORATES:
        cap = g.capital(admin1)
        assert cap.admin1 == admin1 and cap.feature in ("city", "town")


# ---------------------------------------------------------------- distances

def test_distance_km():
    assert g.distance_km(35.0, 40.0, 35.0, 40.0) == 0.0
    damascus_aleppo = g.distance_km(33.513, 36.292, 36.202, 37.134)
    assert 300 < damascus_aleppo < 315
    assert damascus_aleppo == pytest.approx(g.distance_km(36.202, 37.134, 33.513, 36.292))


def test_near_matches_brute_force():
    lat, lon, km = 35.33, 40.15, 12.0
    got = g.near(lat, lon, km)
    want = sorted(p.place_id for p in g.places()
                  if g.distance_km(lat, lon, p.latitude, p.longitude) <= km)
    assert sorted(p.place_id for _, p in got) == want
    assert [d for d, _ in got] == sorted(d for d, _ in got)
    assert got[0][1].name in ("دير الزور", "دیرالزور") or got[0][0] < 1.0
    assert g.near(lat, lon, -1) == []


# ---------------------------------------------------------------- build script

BUILD_INPUTS = SHARED / "data" / "gazetteer" / "osm_geofabrik_2014" / "places.shp"
HAVE_BUILD_DEPS = all(importlib.util.find_spec(m) for m in ("shapefile", "shapely"))


@pytest.mark.skipif(not BUILD_INPUTS.exists(), reason="shared gazetteer sources not present")
@pytest.mark.skipif(not HAVE_BUILD_DEPS, reason="build extra (pyshp, shapely) not installed")
def test_build_reproduces_the_shipped_file(tmp_path):
    out = tmp_path / "gazetteer.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--shared",
                    str(SHARED), "--out", str(out), "--quiet"], cwd=ROOT, check=True, timeout=120,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.read_bytes() == TSV.read_bytes()


# ---------------------------------------------------------------- analyst queries

@pytest.mark.parametrize("query, key, how, admin1", [
    ("السوسة", "السوسه", "exact", "Deir ez-Zor"),
    ("ريف البوكمال الشرقي", "البوكمال", "without cue words", "Deir ez-Zor"),
    ("بلدة الباغوز", "الباغوز", "without «بلده»", "Deir ez-Zor"),
    ("جنوب مدينة درعا", "درعا", "without «جنوب مدينه»", "Daraa"),
    ("كفر بتنا (كفر بطنا)", "كفر بطنا", "inside the brackets (exact)", "Rif Dimashq"),
    ("البوكمال (Abu Kamal)", "البوكمال", "outside the brackets (exact)", "Deir ez-Zor"),
])
def test_find_reads_analyst_queries(query, key, how, admin1):
    found = g.find(query)
    assert (found.key, found.how) == (key, how)
    assert admin1 in {p.admin1 for p in found.places}


def test_find_prefers_the_bracketed_part_near_the_outer_name():
    # «ريف دمشق (دوما)»: Douma near Rif Dimashq's centroid, not any other «دوما»
    found = g.find("دمشق (دوما)")
    assert found.places and all(p.admin1 in ("Rif Dimashq", "Damascus") for p in found.places)
    assert found.how.startswith("«دوما» within")


@pytest.mark.parametrize("query", ["", "قرية لا وجود لها أبدا", "xyz"])
def test_find_says_when_nothing_matches(query):
    found = g.find(query)
    assert found.places == () and found.how == "not found"


def test_place_to_json_lists_admin_and_sources():
    row = first_at("هجين", 34.69, 40.83).to_json()
    assert row["admin1"] == "Deir ez-Zor" and row["country"] == "Syria"
    assert "osm" in row["sources"] and "هجين" in row["names"]
