"""Builds rasid/web/basemap.geojson, the workbench's offline basemap, from OCHA's Syrian governorate polygons.

Run from the repository root:  .venv/bin/python scripts/build_basemap.py [--shared ../shared] [--check]
Needs pyshp and shapely (the `build` extra). The output is deterministic for the same inputs.
Source: shared/data/gazetteer/ocha_admin1_2016/syr_admin1.* (OCHA Syria COD admin 1, 2016-09-05;
upstream licence CC BY 3.0 IGO, see shared/data/gazetteer/PROVENANCE.md §4); the attribution
travels in the file's `attribution` member and is shown on the map.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import shapefile  # pyshp
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rasid" / "web" / "basemap.geojson"
ATTRIBUTION = ("Governorate boundaries: OCHA Syria COD admin 1 (2016), CC BY 3.0 IGO, "
               "via the gazetteer data of rasid")
# About 300 m at Syria's latitude: enough for a country-wide map, small enough to ship (≈40 kB).
TOLERANCE_DEG = 0.003


def _rounded(geom: dict, digits: int = 4) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], (int, float)):
                return [round(v, digits) for v in value]
            return [walk(v) for v in value]
        return value
    return {"type": geom["type"], "coordinates": walk(geom["coordinates"])}


def build(shared: Path) -> dict:
    """Returns the FeatureCollection of the 14 governorates, simplified, with Arabic and English names."""
    reader = shapefile.Reader(str(shared / "data" / "gazetteer" / "ocha_admin1_2016" / "syr_admin1"),
                              encoding="utf-8")
    features = []
    for rec in sorted(reader.shapeRecords(), key=lambda r: r.record["PCODE"]):
        geom = shape(rec.shape.__geo_interface__).simplify(TOLERANCE_DEG, preserve_topology=True)
        features.append({"type": "Feature", "id": rec.record["PCODE"],
                         "properties": {"pcode": rec.record["PCODE"], "name_ar": rec.record["NAME_AR"],
                                        "name_en": rec.record["NAME_EN"]},
                         "geometry": _rounded(mapping(geom))})
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--check", action="store_true", help="Exit 1 when the shipped file differs.")
    args = parser.parse_args()
    text = json.dumps(build(args.shared), ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("basemap is up to date" if same else "basemap differs from what the script builds")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode()) // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
