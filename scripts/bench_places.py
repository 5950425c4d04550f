"""Measures the gazetteer: how many gold place names `rasid places lookup` resolves, and lookup speed.

Run from the repository root:  .venv/bin/python scripts/bench_places.py [--shared ../shared]
Prints one JSON object. A gold name counts as resolved when the lookup returns a place within
10 km of the gold point (`found_near`); `found_any` counts any candidate at all. The timing looks
up 10,000 names drawn from the gold names, the pool's place mentions and gazetteer names, with
a fixed seed, once with the index cold (loading included) and once warm.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasid import gazetteer  # noqa: E402

NEAR_KM = 10.0


def gold_names(shared: Path) -> list[tuple[str, float, float, bool]]:
    """Returns (name, lat, lon, optional) for every gold location of the dev gold files."""
    files = [shared / "corpus" / "dev.gold.jsonl", *sorted((shared / "examples").glob("*.gold.jsonl"))]
    out = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            for event in json.loads(line).get("events", []):
                for loc in event.get("locations", []):
                    out.append((loc["name"], loc["latitude"], loc["longitude"], bool(event.get("optional"))))
    return out


def coverage(names: list[tuple[str, float, float, bool]]) -> dict:
    """Returns the share of gold names resolved (any candidate, and one within 10 km)."""
    rows = []
    for name, lat, lon, optional in names:
        found = gazetteer.find(name)
        best = min((gazetteer.distance_km(lat, lon, p.latitude, p.longitude) for p in found.places),
                   default=None)
        rows.append((name, optional, bool(found.places), best is not None and best <= NEAR_KM, best))

    def share(subset):
        n = len(subset)
        return {"names": n, "found_any": round(sum(r[2] for r in subset) / n, 3) if n else None,
                "found_near": round(sum(r[3] for r in subset) / n, 3) if n else None}

    unique = list({r[0]: r for r in rows}.values())
    return {"all": share(rows), "required": share([r for r in rows if not r[1]]),
            "unique_names": share(unique),
            "not_resolved": sorted({f"{r[0]} ({'none' if r[4] is None else f'{r[4]:.0f} km'})"
                                    for r in rows if not r[3]})}


def timing(queries: list[str]) -> dict:
    """Returns seconds to look up the queries with the index cold and warm."""
    for cached in (gazetteer._index, gazetteer.places, gazetteer.name_variants):
        cached.cache_clear()
    t0 = time.perf_counter()
    cold_found = sum(bool(gazetteer.find(q).places) for q in queries)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    sum(bool(gazetteer.find(q).places) for q in queries)
    warm = time.perf_counter() - t0
    return {"queries": len(queries), "found": cold_found, "seconds_cold_with_index_load": round(cold, 3),
            "seconds_warm": round(warm, 3), "lookups_per_s_warm": round(len(queries) / warm)}


def main(argv: list[str] | None = None) -> int:
    """Prints coverage of the gold place names and lookup timings as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-n", type=int, default=10_000, help="how many names to time")
    args = ap.parse_args(argv)
    if not (args.shared / "corpus" / "dev.gold.jsonl").is_file():
        print(f"no {args.shared}/corpus/dev.gold.jsonl: nothing to measure", file=sys.stderr)
        return 1
    names = gold_names(args.shared)
    result = {"gold": coverage(names)}
    rng = random.Random(20181026)
    pool = [n for n, *_ in names] + [p.name for p in gazetteer.places()]
    # a fifth of the queries are misses (scrambled names), as analysts also type those
    queries = [rng.choice(pool) if i % 5 else "".join(rng.sample(rng.choice(pool) + "كمال", 4))
               for i in range(args.n)]
    result["lookup"] = timing(queries)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
