"""Checks of the curated TSV lexicons in rasid/data: actors, sources, numbers, calendar, attribution."""
from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import pytest

from rasid.morph import bare_forms
from rasid.normalize import norm
from rasid.resources import read_text, read_tsv

ROOT = Path(__file__).resolve().parent.parent

# The contract's ids (spec/actors.tsv, spec/sources.tsv), kept inline so the checks run without ../shared.
SPEC_ACTOR_IDS = (
    "SYR_GOV", "SYR_PGM", "IRN_IRGC", "IRN_PROXY", "HEZBOLLAH", "RUS", "COALITION", "USA", "FRA", "GBR",
    "TUR", "ISR", "IRQ_GOV", "IRQ_PMF", "JOR", "IS", "SDF", "YPG", "MMC", "HTS", "OPP", "CIVILIANS",
    "UNIDENTIFIED",
)
SPEC_SOURCE_KINDS = {
    "SOHR": "monitor", "FURAT_POST": "local media", "DEIR24": "local media", "RBSS": "local media",
    "ORIENT": "media", "SANA": "state media", "REUTERS": "wire", "AFP": "wire", "AP": "wire",
    "AMAQ": "belligerent media", "RUS_MOD": "belligerent", "COALITION_PR": "belligerent",
    "SDF_PR": "belligerent", "SYR_GOV_PR": "belligerent", "PRO_GOV_PAGES": "social media",
    "ACTIVISTS": "local sources",
}
# The outlets of the corpus `outlet` field must resolve to a source id.
CORPUS_OUTLETS = ("CNN Arabic", "BBC Arabic", "Sky News Arabia", "France 24 Arabic", "Al Arabiya", "Orient Net")

# Aliases deliberately shared by two actor ids (normalized alias → ids). Add a row here, with a reason,
# before listing one alias under two ids: the extractor takes the first id it meets.
ACTOR_ALIAS_ALLOWLIST: dict[str, frozenset[str]] = {}

ACTOR_KINDS = {"formal", "alias", "unit", "air", "pejorative", "person", "generic", "allied",
               "victim", "victim_weak"}
SOURCE_KINDS = {"monitor", "wire", "media", "local media", "state media", "belligerent media", "belligerent",
                "government", "un", "ngo", "local sources", "social media"}
NUMBER_KINDS = {"unit", "teen", "ten", "hundred", "thousand", "million", "vague", "hedge", "ordinal"}
CALENDAR_KINDS = {"weekday", "month", "relative", "daypart", "month_rel"}
ATTRIBUTION_KINDS = {"verb", "prep", "phrase", "noun", "adjective"}
STANCES = {"asserts", "denies", "uncertain"}

HEADERS = {
    "actors.tsv": ["id", "alias", "kind"],
    "sources.tsv": ["id", "alias", "kind"],
    "numbers.tsv": ["word", "value", "kind"],
    "calendar.tsv": ["word", "value", "kind"],
    "attribution.tsv": ["cue", "stance", "kind"],
}

# Canonical month names of both series; every one must be present with its number.
LEVANTINE_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                    "تشرين الأول", "تشرين الثاني", "كانون الأول")
GREGORIAN_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                    "أكتوبر", "نوفمبر", "ديسمبر")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def _spec_dir() -> Path | None:
    for base in (os.environ.get("RASID_SHARED"), ROOT.parent / "shared", ROOT / "shared"):
        if base and (Path(base) / "spec" / "actors.tsv").is_file():
            return Path(base) / "spec"
    return None


def _spec_ids(name: str) -> list[str]:
    spec = _spec_dir()
    if spec is None:
        pytest.skip("../shared/spec is not here")
    lines = [l for l in (spec / name).read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith("#")]
    return [l.split("\t")[0] for l in lines[1:]]


def _key(text: str) -> tuple[str, ...]:
    """How the phrase matcher sees an entry: normalized words, the article «ال» dropped from each."""
    return tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w
                 for w in norm(text).replace("-", " ").split())


def _aliases(rows, id_col="id", alias_col="alias") -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        out[r[id_col]].append(r[alias_col])
    return out


# ------------------------------------------------------------------ file format

@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_starts_with_provenance_then_header(name):
    lines = read_text(name).splitlines()
    assert lines[0].startswith("#"), "a lexicon starts with # provenance lines"
    assert any("curated by the rasid team" in l.lower() for l in lines if l.startswith("#"))
    first_data = next(l for l in lines if l.strip() and not l.startswith("#"))
    assert first_data.split("\t") == HEADERS[name]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_empty_or_extra_cells(name):
    width = len(HEADERS[name])
    rows = [l for l in read_text(name).splitlines() if l.strip() and not l.startswith("#")][1:]
    assert rows
    for line in rows:
        cells = line.split("\t")
        assert len(cells) == width, f"{name}: {line!r} has {len(cells)} cells"
        assert all(c.strip() and c == c.strip() for c in cells), f"{name}: empty or padded cell in {line!r}"
    for row in read_tsv(name):
        assert all(row[c] for c in HEADERS[name])


@pytest.mark.parametrize("name, cols", [
    ("actors.tsv", ("id", "alias")), ("sources.tsv", ("id", "alias")),
    ("numbers.tsv", ("word", "kind")), ("calendar.tsv", ("word", "kind")), ("attribution.tsv", ("cue",)),
])
def test_no_duplicate_rows(name, cols):
    seen = set()
    for r in read_tsv(name):
        k = tuple(r[c] for c in cols)
        assert k not in seen, f"{name}: duplicate row {k}"
        seen.add(k)


@pytest.mark.parametrize("name, col", [("actors.tsv", "alias"), ("sources.tsv", "alias")])
def test_no_alias_listed_twice_in_another_spelling(name, col):
    """Spelling variants that normalization already folds («الإنسان»/«الانسان») are not listed twice."""
    seen: dict[tuple[str, str], str] = {}
    for r in read_tsv(name):
        k = (r["id"], norm(r[col]))
        assert k not in seen, f"{name}: {r[col]!r} folds onto {seen[k]!r} under {r['id']}"
        seen[k] = r[col]


@pytest.mark.parametrize("name, col", [("actors.tsv", "alias"), ("sources.tsv", "alias"),
                                       ("numbers.tsv", "word"), ("calendar.tsv", "word"),
                                       ("attribution.tsv", "cue")])
def test_entries_are_terms_not_sentences(name, col):
    for r in read_tsv(name):
        assert len(r[col].split()) <= 9, f"{name}: {r[col]!r} is too long for a lexicon entry"
        assert not re.search(r"[.!?؟،,:;؛\"«»()]", r[col]), f"{name}: punctuation in {r[col]!r}"


# ------------------------------------------------------------------ actors

def test_every_inline_actor_id_has_aliases():
    by_id = _aliases(read_tsv("actors.tsv"))
    for aid in SPEC_ACTOR_IDS:
        assert len(by_id.get(aid, ())) >= 5, f"{aid} has {len(by_id.get(aid, ()))} aliases"
    assert set(by_id) == set(SPEC_ACTOR_IDS), "actors.tsv writes only the contract's ids"


def test_every_spec_actor_id_has_aliases():
    by_id = _aliases(read_tsv("actors.tsv"))
    ids = _spec_ids("actors.tsv")
    assert set(ids) == set(SPEC_ACTOR_IDS), "the inline id list is out of date with spec/actors.tsv"
    for aid in ids:
        assert len(by_id.get(aid, ())) >= 5, aid


def test_big_actors_have_broad_coverage():
    by_id = _aliases(read_tsv("actors.tsv"))
    for aid in ("SYR_GOV", "SYR_PGM", "IRN_PROXY", "RUS", "COALITION", "USA", "TUR", "IS", "SDF", "YPG",
                "HTS", "OPP", "CIVILIANS", "UNIDENTIFIED"):
        assert len(by_id[aid]) >= 20, aid


def test_spec_seed_aliases_are_kept():
    spec = _spec_dir()
    if spec is None:
        pytest.skip("../shared/spec is not here")
    lines = [l for l in (spec / "actors.tsv").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith("#")]
    keys = defaultdict(set)
    for r in read_tsv("actors.tsv"):
        keys[r["id"]].add(_key(r["alias"]))
    for line in lines[1:]:
        aid, *_, seeds = line.split("\t")
        for seed in seeds.split("؛"):
            assert _key(seed.strip()) in keys[aid], f"seed alias {seed.strip()!r} of {aid} is missing"


def test_actor_kinds():
    for r in read_tsv("actors.tsv"):
        assert r["kind"] in ACTOR_KINDS, r
        assert (r["kind"] in ("victim", "victim_weak")) == (r["id"] == "CIVILIANS"), r
    kinds = defaultdict(set)
    for r in read_tsv("actors.tsv"):
        kinds[r["id"]].add(r["kind"])
    for aid in ("SYR_GOV", "RUS", "COALITION", "USA", "TUR", "ISR", "IRQ_GOV", "JOR", "UNIDENTIFIED"):
        assert "air" in kinds[aid], f"{aid} flies: list its air force with kind air"
    assert "victim_weak" in kinds["CIVILIANS"]


def test_an_alias_names_one_actor():
    """An alias under two ids is ambiguous for the extractor (it takes the first); allowlist it or fix it."""
    ids_of: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in read_tsv("actors.tsv"):
        ids_of[_key(r["alias"])].add(r["id"])
    allowed = {_key(a): ids for a, ids in ACTOR_ALIAS_ALLOWLIST.items()}
    clashes = {" ".join(k): sorted(v) for k, v in ids_of.items()
               if len(v) > 1 and allowed.get(k) != frozenset(v)}
    assert not clashes, f"aliases naming two actors: {clashes}"


def test_weapons_are_not_actors():
    aliases = {norm(r["alias"]) for r in read_tsv("actors.tsv")}
    for weapon in ("البراميل", "البراميل المتفجرة", "براميل متفجرة", "الصواريخ", "القذائف", "غارات"):
        assert norm(weapon) not in aliases


# ------------------------------------------------------------------ sources

def test_sources_cover_the_inline_spec_ids_with_their_kinds():
    rows = read_tsv("sources.tsv")
    kinds = defaultdict(set)
    for r in rows:
        kinds[r["id"]].add(r["kind"])
    for sid, kind in SPEC_SOURCE_KINDS.items():
        assert kinds.get(sid) == {kind}, f"{sid}: kind {kinds.get(sid)} ≠ spec {kind}"
    for sid, ks in kinds.items():
        assert len(ks) == 1 and ks <= SOURCE_KINDS, (sid, ks)
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", sid), sid


def test_sources_cover_the_spec_file_ids():
    ids = {r["id"] for r in read_tsv("sources.tsv")}
    spec_ids = _spec_ids("sources.tsv")
    assert set(spec_ids) <= ids
    assert set(spec_ids) == set(SPEC_SOURCE_KINDS), "the inline id list is out of date with spec/sources.tsv"


def test_sources_have_several_aliases_each():
    by_id = _aliases(read_tsv("sources.tsv"))
    for sid, aliases in by_id.items():
        assert len(aliases) >= 3, sid
    for sid in ("SOHR", "SANA", "WHITE_HELMETS", "UN", "RUS_MOD", "SYR_GOV_PR", "ACTIVISTS"):
        assert len(by_id[sid]) >= 10, sid


def test_a_source_alias_names_one_source():
    ids_of: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in read_tsv("sources.tsv"):
        ids_of[_key(r["alias"])].add(r["id"])
    assert not {k: v for k, v in ids_of.items() if len(v) > 1}


def test_corpus_outlets_resolve_to_a_source():
    aliases = {norm(r["alias"]) for r in read_tsv("sources.tsv")}
    for outlet in CORPUS_OUTLETS:
        assert norm(outlet) in aliases, outlet


@pytest.mark.parametrize("alias, sid", [
    ("المرصد السوري لحقوق الإنسان", "SOHR"), ("رامي عبد الرحمن", "SOHR"), ("سانا", "SANA"),
    ("الخوذ البيضاء", "WHITE_HELMETS"), ("الدفاع المدني", "WHITE_HELMETS"), ("أطباء بلا حدود", "MSF"),
    ("اتحاد الإغاثة الطبية", "UOSSM"), ("الشبكة السورية لحقوق الإنسان", "SNHR"),
    ("منظمة حظر الأسلحة الكيميائية", "OPCW"), ("البنتاغون", "US_GOV"), ("وكالة فارس", "IRAN_MEDIA"),
    ("رئاسة الأركان التركية", "TUR_MOD"), ("وزارة الدفاع الروسية", "RUS_MOD"), ("مصادر معارضة", "OPP_MEDIA"),
])
def test_well_known_sources(alias, sid):
    assert (sid, norm(alias)) in {(r["id"], norm(r["alias"])) for r in read_tsv("sources.tsv")}


# ------------------------------------------------------------------ numbers

def test_number_values_are_ints_and_hedges_are_bounds():
    for r in read_tsv("numbers.tsv"):
        assert r["kind"] in NUMBER_KINDS, r
        if r["kind"] == "hedge":
            assert r["value"] in ("approx", "min", "max"), r
        else:
            assert re.fullmatch(r"[0-9]+", r["value"]), r
            int(r["value"])


def test_number_words_have_one_value():
    values: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in read_tsv("numbers.tsv"):
        values[_key(r["word"])].add(r["value"])
    assert not {k: v for k, v in values.items() if len(v) > 1}


@pytest.mark.parametrize("word, value, kind", [
    ("ثلاثة", 3, "unit"), ("اثنتين", 2, "unit"), ("إحدى عشرة", 11, "teen"), ("اثني عشر", 12, "teen"),
    ("تسعين", 90, "ten"), ("مائتين", 200, "hundred"), ("ثلاثمئة", 300, "hundred"), ("ألفين", 2000, "thousand"),
    ("عدد من", 3, "vague"), ("عدة", 3, "vague"), ("العشرات", 12, "vague"), ("المئات", 100, "vague"),
    ("بضعة", 3, "vague"), ("الحادي والعشرين", 21, "ordinal"), ("الحادي والثلاثين", 31, "ordinal"),
])
def test_acled_number_values(word, value, kind):
    assert {"word": word, "value": str(value), "kind": kind} in read_tsv("numbers.tsv")


def test_ordinals_cover_every_day_of_the_month():
    days = {int(r["value"]) for r in read_tsv("numbers.tsv") if r["kind"] == "ordinal"}
    assert days == set(range(1, 32))


def test_hedges_read_as_acled_bounds():
    hedge = {norm(r["word"]): r["value"] for r in read_tsv("numbers.tsv") if r["kind"] == "hedge"}
    assert hedge[norm("نحو")] == "approx" and hedge[norm("حوالي")] == "approx"
    assert hedge[norm("أكثر من")] == "min" and hedge[norm("ما لا يقل عن")] == "min"
    assert hedge[norm("أقل من")] == "max"


# ------------------------------------------------------------------ calendar

def test_calendar_kinds():
    for r in read_tsv("calendar.tsv"):
        assert r["kind"] in CALENDAR_KINDS, r


def test_seven_weekdays():
    rows = [r for r in read_tsv("calendar.tsv") if r["kind"] == "weekday"]
    assert {int(r["value"]) for r in rows} == set(range(7))
    value = {r["word"]: int(r["value"]) for r in rows}
    for i, day in enumerate(WEEKDAYS):
        assert value[day] == i, day
    assert value["الإثنين"] == 0


@pytest.mark.parametrize("series", [LEVANTINE_MONTHS, GREGORIAN_MONTHS])
def test_twelve_months_per_series(series):
    value = {}
    for r in read_tsv("calendar.tsv"):
        if r["kind"] == "month":
            value.setdefault(r["word"], set()).add(int(r["value"]))
    assert len(series) == 12
    for i, month in enumerate(series, start=1):
        assert value.get(month) == {i}, month
    assert {v for vs in value.values() for v in vs} == set(range(1, 13))


def test_relative_codes_are_well_formed():
    for r in read_tsv("calendar.tsv"):
        if r["kind"] == "relative":
            assert re.fullmatch(r"(day|night|week|month|year|days_ago|after|before|same|earlier_year):(-?[0-9]+|few)"
                                r"|future:(day|week|month|year)|recent|earlier", r["value"]), r
        elif r["kind"] == "month_rel":
            assert r["value"] in ("-1", "0", "1"), r
    rel = {norm(r["word"]): r["value"] for r in read_tsv("calendar.tsv") if r["kind"] == "relative"}
    assert rel[norm("أمس")] == "day:-1" and rel[norm("اليوم")] == "day:0"
    assert rel[norm("الليلة الماضية")] == "night:-1" and rel[norm("أول أمس")] == "day:-2"
    assert rel[norm("الأسبوع الماضي")] == "week:-1" and rel[norm("الشهر الماضي")] == "month:-1"


def test_calendar_words_have_one_reading_per_kind():
    values: dict[tuple, set[str]] = defaultdict(set)
    for r in read_tsv("calendar.tsv"):
        values[(_key(r["word"]), r["kind"])].add(r["value"])
    assert not {k: v for k, v in values.items() if len(v) > 1}


# ------------------------------------------------------------------ attribution

def test_attribution_stances_and_kinds():
    stances = defaultdict(set)
    for r in read_tsv("attribution.tsv"):
        assert r["stance"] in STANCES, r
        assert r["kind"] in ATTRIBUTION_KINDS, r
        stances[_key(r["cue"])].add(r["stance"])
    assert not {k: v for k, v in stances.items() if len(v) > 1}, "a cue has one stance"


@pytest.mark.parametrize("cue, stance", [
    ("قال", "asserts"), ("أفاد", "asserts"), ("بحسب", "asserts"), ("نقلا عن", "asserts"), ("وثق", "asserts"),
    ("نفى", "denies"), ("نفت", "denies"), ("عار عن الصحة", "denies"), ("مفبرك", "denies"),
    ("أنباء عن", "uncertain"), ("يعتقد", "uncertain"), ("يشتبه", "uncertain"), ("لم يتسن التأكد", "uncertain"),
    ("مزاعم", "uncertain"), ("اتهم", "uncertain"),
])
def test_attribution_cues(cue, stance):
    got = {norm(r["cue"]): r["stance"] for r in read_tsv("attribution.tsv")}
    # single-word verbs are lemmas of the cue lexicons, spelled out by rasid/morph.py
    for name, lexicon_stance in (("speech", "asserts"), ("denial", "denies"), ("hedge", "uncertain")):
        got.update(dict.fromkeys(bare_forms(name), lexicon_stance))
    assert got[norm(cue)] == stance
