"""Times the workbench on a store of the ANT corpus: /api/incidents per single filter, the full GeoJSON, the first map draw.

Run from the repository root:
    .venv/bin/python scripts/bench_api.py [--db /tmp/rasid-bench-api.db] [--limit N] [--repeat 15]
An existing --db with articles is reused as it is (build it once: ingesting all 31,525 articles takes
minutes); otherwise the first --limit articles of ../shared/corpus/ant-multisource.jsonl.xz (all by
default; the file is sorted by category, so a small --limit holds few incidents) are ingested
and fused into it. The server runs in this process (uvicorn, one thread) and is
asked over HTTP; the map is drawn by Debian's Chromium through Playwright. Prints one JSON summary.
Targets (issue 10): incidents median ≤ 100 ms per filter, GeoJSON of every incident ≤ 500 ms,
first map drawn ≤ 2 s; also timed: opening an incident (its detail and its nearby incidents to merge).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from rasid import api, incidents  # noqa: E402
from rasid.reader import ReadError, read_articles  # noqa: E402
from rasid.store import MAX_JOBS, Extractor, Store, stored_articles  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build(db: Path, corpus: Path, limit: int | None, jobs: int) -> dict:
    """Ingests and fuses the corpus into db unless it holds articles already; returns what it did."""
    if stored_articles(db):
        return {"reused": True}
    started = time.perf_counter()
    articles = (a for a in read_articles(str(corpus)) if not isinstance(a, ReadError))
    with Store.open(str(db), create=True) as store, Extractor(jobs) as extractor:
        counts = store.ingest(((a, corpus.name) for a in itertools.islice(articles, limit)), extractor)
        fused = incidents.fuse(store)
    return {"reused": False, "read": counts.read, "stored": counts.new, "events": counts.events,
            "incidents": fused.incidents, "seconds": round(time.perf_counter() - started, 1)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> tuple[str, uvicorn.Server]:
    """Starts the app over db in a thread; returns its URL and the server (set should_exit to stop it)."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(api.create_app(str(db), api.new_token()), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    while not server.started:
        time.sleep(0.05)
    return url, server


def _ms(client: httpx.Client, path: str, params: dict | None = None) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = client.get(path, params=params)
    response.raise_for_status()
    return 1000 * (time.perf_counter() - started), response


def time_filters(client: httpx.Client, repeat: int) -> dict:
    """Returns, per single filter, the answer's total and the median (and first) time of /api/incidents."""
    first, _ = _ms(client, "/api/incidents")  # parses the stored incidents once (the cold start)
    items = client.get("/api/incidents", params={"limit": 5000}).json()["items"]
    days = sorted(i["date_start"] for i in items if i["date_start"])
    mid = days[len(days) // 2] if days else "2018-01-01"
    actor = max(("SYR_GOV", "SDF", "IS", "CIVILIANS"), key=lambda a: sum(a in (i["actor1"], i["actor2"]) for i in items))
    cases = {"none": {}, "since": {"since": mid}, "until": {"until": mid}, "type": {"type": "Battles"},
             "bbox": {"bbox": "35.5,32.3,38.0,35.0"}, "actor": {"actor": actor}, "contested": {"contested": "true"},
             "grade": {"grade": "several sources"}, "q": {"q": "غارة"}, "offset": {"offset": 50, "limit": 50}}
    out = {"cold_first_ms": round(first, 1)}
    for name, params in cases.items():
        times = []
        for _ in range(repeat):
            ms, response = _ms(client, "/api/incidents", params)
            times.append(ms)
        out[name] = {"total": response.json()["total"], "median_ms": round(statistics.median(times), 1),
                     "max_ms": round(max(times), 1)}
    return out


def time_geojson(client: httpx.Client, repeat: int) -> dict:
    """Returns the GeoJSON of every incident: its size, its time built anew and when cached."""
    built = []
    for i in range(repeat):
        # a box as wide as the world, different each time, so that each answer is built anew
        ms, response = _ms(client, "/api/incidents.geojson", {"bbox": f"-180,-90,180,{90 - i * 1e-9:.10f}"})
        built.append(ms)
    cached = [_ms(client, "/api/incidents.geojson")[0] for _ in range(repeat)]
    return {"features": len(response.json()["features"]), "bytes": len(response.content),
            "built_median_ms": round(statistics.median(built), 1), "built_max_ms": round(max(built), 1),
            "cached_median_ms": round(statistics.median(cached), 1)}


def time_panel(client: httpx.Client, repeat: int) -> dict:
    """Returns the median ms of what opening an incident asks: its detail (reports, versions, history) and nearby."""
    items = client.get("/api/incidents", params={"limit": 5000}).json()["items"]
    # the incidents of most reports are the heaviest to open
    chosen = sorted(items, key=lambda i: (-len(i["reports"]), i["incident_id"]))[:repeat]
    detail = [_ms(client, f"/api/incidents/{i['incident_id']}")[0] for i in chosen]
    nearby = [_ms(client, f"/api/incidents/{i['incident_id']}/nearby")[0] for i in chosen]
    return {"incidents": len(chosen), "most_reports": len(chosen[0]["reports"]) if chosen else 0,
            "detail_median_ms": round(statistics.median(detail), 1), "detail_max_ms": round(max(detail), 1),
            "nearby_median_ms": round(statistics.median(nearby), 1), "nearby_max_ms": round(max(nearby), 1)}


def time_first_draw(url: str, runs: int) -> dict:
    """Returns the ms from navigation to the incidents drawn on the map in headless Chromium, per run."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "playwright is not installed"}
    if not os.path.exists(CHROMIUM):
        return {"skipped": f"{CHROMIUM} is absent"}
    draws = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(url + "/")
            # a selector, not wait_for_function: the page's CSP forbids the eval that polling a function needs
            page.wait_for_selector("body[data-drawn]", state="attached", timeout=30000)
            draws.append(page.evaluate("window.rasidFirstDraw"))
            drawn = page.get_attribute("body", "data-drawn")
            context.close()
        browser.close()
    return {"incidents_drawn": int(drawn), "runs_ms": [round(d) for d in draws],
            "median_ms": round(statistics.median(draws))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/rasid-bench-api.db"))
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "ant-multisource.jsonl.xz")
    parser.add_argument("--limit", type=int, help="ingest only the first N articles (default: all)")
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, MAX_JOBS))
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--draws", type=int, default=3)
    args = parser.parse_args()
    summary = {"db": str(args.db), "store": build(args.db, args.corpus, args.limit, args.jobs)}
    with Store.open(str(args.db)) as store:
        summary["articles"] = store.count("articles")
        summary["incidents"] = store.count("incidents")
    url, server = serve(args.db)
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            summary["incidents_api"] = time_filters(client, args.repeat)
            summary["geojson_all"] = time_geojson(client, args.repeat)
            summary["incident_panel"] = time_panel(client, args.repeat)
        summary["first_map_draw"] = time_first_draw(url, args.draws)
    finally:
        server.should_exit = True
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
