"""The workbench API over a store of the bundled samples: filters, details, exports, review, merge, split, limits."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from rasid import api  # noqa: E402
from rasid.export import ACLED_COLUMNS  # noqa: E402

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(samples_store):
    return TestClient(api.create_app(str(samples_store), TOKEN))


def _all(client) -> list[dict]:
    return client.get("/api/incidents", params={"limit": 5000}).json()["items"]


def _multi(client) -> dict:
    """Returns an incident of several reports (the samples have some)."""
    found = [i for i in _all(client) if len(i["reports"]) > 1]
    assert found, "the samples store has no incident of several reports"
    return found[0]


def test_incidents_answer_total_and_items_with_export_fields(client):
    body = client.get("/api/incidents").json()
    assert body["total"] == len(body["items"]) >= 5
    assert {"incident_id", "event_type", "date_start", "location", "fatalities", "grade", "reports",
            "ledger"} <= set(body["items"][0])


@pytest.mark.parametrize("params, holds", [
    ({"since": "2018-07-01"}, lambda i: (i["date_end"] or i["date_start"]) >= "2018-07-01"),
    ({"until": "2018-07-01"}, lambda i: i["date_start"] <= "2018-07-01"),
    ({"type": "Battles"}, lambda i: i["event_type"] == "Battles"),
    ({"type": ["Battles", "Air/drone strike"]},
     lambda i: i["event_type"] == "Battles" or i["sub_event_type"] == "Air/drone strike"),
    ({"bbox": "36.0,35.0,37.5,36.5"}, lambda i: bool(i["location"]) and 36.0 <= i["location"]["longitude"] <= 37.5
     and 35.0 <= i["location"]["latitude"] <= 36.5),
    ({"contested": "false"}, lambda i: not i["contested"]),
    ({"grade": "single source"}, lambda i: i["grade"] == "single source"),
    ({"actor": "CIVILIANS"}, lambda i: "CIVILIANS" in (i["actor1"], i["actor2"], *i["assoc_actor_1"],
                                                         *i["assoc_actor_2"])),
    ({"q": "سراقب"}, lambda i: any(r["article_id"] == "hostile-1" for r in i["reports"])),
])
def test_each_filter_keeps_only_matching_incidents(client, params, holds):
    everything = _all(client)
    body = client.get("/api/incidents", params={**params, "limit": 5000}).json()
    assert 0 < body["total"] < len(everything) or params.get("contested") or params.get("grade")
    assert all(holds(i) for i in body["items"])
    assert body["total"] == sum(holds(i) for i in everything) if "q" not in params else body["total"] >= 1


def test_limit_and_offset_page_through_the_same_order(client):
    everything = _all(client)
    page = client.get("/api/incidents", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == len(everything)
    assert [i["incident_id"] for i in page["items"]] == [i["incident_id"] for i in everything[1:3]]


@pytest.mark.parametrize("params", [
    {"since": "2018-13-01"}, {"type": "Skirmish"}, {"bbox": "1,2,3"}, {"bbox": "40,30,35,37"},
    {"since": "2018-09-01", "until": "2018-08-01"}, {"limit": 0}, {"limit": 100000}, {"offset": -1},
    {"grade": "rumour"}, {"actor": "NOBODY"}, {"q": "!!!"}, {"contested": "perhaps"},
])
def test_bad_parameters_get_422_with_a_message(client, params):
    for path in ("/api/incidents", "/api/incidents.geojson", "/api/incidents.csv"):
        if path != "/api/incidents" and set(params) & {"limit", "offset"}:
            continue
        response = client.get(path, params=params)
        assert response.status_code == 422, (path, params, response.text)
        assert response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/incidents/inc-000000000000", "/api/articles/no-such-article",
                                  "/api/events/e0000000000000000"])
def test_unknown_ids_get_404(client, path):
    assert client.get(path).status_code == 404


def test_incident_detail_has_reports_with_event_ids_evidence_and_ledger(client):
    inc = _multi(client)
    detail = client.get(f"/api/incidents/{inc['incident_id']}").json()
    assert [r["event_id"] for r in detail["reports"]] == [r["event_id"] for r in inc["reports"]]
    report = detail["reports"][0]
    assert report["evidence"] and all(e["quote"] for e in report["evidence"])
    assert detail["ledger"] == inc["ledger"] and detail["history"] == []


def test_article_gives_text_and_evidence_offsets_inside_it(client):
    body = client.get("/api/articles/hostile-1").json()
    assert "<script>" in body["text"]
    spans = [e for ev in body["events"] for e in ev["evidence"]]
    assert spans and all(0 <= e["start"] < e["end"] <= len(body["text"]) for e in spans)
    trigger = next(e for e in spans if e["rule"].startswith("trigger"))
    assert body["text"][trigger["start"]:trigger["end"]] == "قصفت"


def test_geojson_and_csv_follow_the_filters(client):
    geo = client.get("/api/incidents.geojson", params={"type": "Battles"}).json()
    battles = [i for i in _all(client) if i["event_type"] == "Battles" and i["location"]]
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(battles)
    assert all(f["properties"]["event_type"] == "Battles" for f in geo["features"])
    csv_text = client.get("/api/incidents.csv", params={"type": "Battles"}).text
    lines = csv_text.strip().split("\n")
    assert lines[0] == ",".join(ACLED_COLUMNS) and len(lines) == 1 + len([i for i in _all(client)
                                                                             if i["event_type"] == "Battles"])


def test_places_look_up_the_gazetteer(client):
    body = client.get("/api/places", params={"q": "سراقب"}).json()
    assert any(c["name_en"] == "Saraqib" for c in body["candidates"])
    assert client.get("/api/places", params={"q": " "}).status_code == 422
    assert client.get("/api/places").status_code == 422


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": "Basic " + TOKEN}])
def test_a_write_without_the_token_gets_401(client, headers):
    eid = _all(client)[0]["reports"][0]["event_id"]
    response = client.post(f"/api/events/{eid}/review", json={"action": "reject"}, headers=headers)
    assert response.status_code == 401
    assert client.get(f"/api/events/{eid}").json()["review"] is None


def test_a_correction_persists_refuses_and_is_in_the_history(client, samples_store):
    inc = _all(client)[0]
    eid = inc["reports"][0]["event_id"]
    response = client.post(f"/api/events/{eid}/review", headers=AUTH,
                           json={"action": "accept", "set": {"fatalities.high": 40}, "note": "رقم أعلى", "by": "ليلى"})
    assert response.status_code == 200, response.text
    assert response.json()["event"]["fatalities"]["high"] == 40
    # a fresh app over the same file sees it: it is stored, not cached
    again = TestClient(api.create_app(str(samples_store), TOKEN))
    detail = again.get(f"/api/incidents/{response.json()['incident_id']}").json()
    assert detail["fatalities"]["high"] >= 40
    (entry,) = detail["history"]
    assert (entry["author"], entry["action"], entry["subject"]) == ("ليلى", "accept", eid)
    assert entry["before"]["fatalities.high"] != 40 and entry["after"] == {"decision": "accept", "fatalities.high": 40}


@pytest.mark.parametrize("body", [
    {"action": "reject", "set": {"fatalities.best": 2}}, {"action": "accept", "set": {"colour": "red"}},
    {"action": "accept", "set": {"fatalities.low": 99}}, {"action": "maybe"},
    {"action": "accept", "set": {"location": {"place_id": "nowhere"}}},
    {"action": "accept", "set": {"location": {"latitude": 95, "longitude": 36}}}, {"action": "accept", "extra": 1},
])
def test_a_bad_review_gets_422_and_changes_nothing(client, body):
    eid = _all(client)[0]["reports"][0]["event_id"]
    response = client.post(f"/api/events/{eid}/review", headers=AUTH, json=body)
    assert response.status_code == 422, response.text
    assert client.get(f"/api/events/{eid}").json()["review"] is None


def test_review_of_an_unknown_event_gets_404(client):
    assert client.post("/api/events/e0000000000000000/review", headers=AUTH,
                       json={"action": "accept"}).status_code == 404


def test_reject_takes_the_event_out_and_clear_brings_it_back(client):
    before = _all(client)
    inc = next(i for i in before if len(i["reports"]) == 1)
    eid = inc["reports"][0]["event_id"]
    assert client.post(f"/api/events/{eid}/review", headers=AUTH, json={"action": "reject"}).status_code == 200
    assert inc["incident_id"] not in {i["incident_id"] for i in _all(client)}
    assert client.post(f"/api/events/{eid}/review", headers=AUTH, json={"action": "clear"}).status_code == 200
    assert len(_all(client)) == len(before)


@pytest.mark.parametrize("place, name", [({"place_id": None}, None), ({"latitude": 35.93, "longitude": 36.63}, None)])
def test_the_place_is_corrected_from_the_gazetteer_or_a_point(client, place, name):
    eid = next(r["event_id"] for i in _all(client) for r in i["reports"] if r["article_id"] == "hostile-1")
    if "place_id" in place:
        place = {"place_id": client.get("/api/places", params={"q": "أريحا"}).json()["candidates"][0]["place_id"]}
    body = client.post(f"/api/events/{eid}/review", headers=AUTH,
                       json={"action": "accept", "set": {"location": place}}).json()
    loc = body["event"]["location"]
    if "place_id" in place:
        assert loc["place_id"] == place["place_id"] and loc["reason"] == "chosen by a reviewer"
    else:
        assert (loc["latitude"], loc["longitude"], loc["geo_precision"]) == (35.93, 36.63, 1)
    incident = client.get(f"/api/incidents/{body['incident_id']}").json()
    assert incident["location"]["latitude"] == loc["latitude"]


def test_split_takes_a_report_out_and_merge_puts_it_back(client):
    inc = _multi(client)
    total = len(_all(client))
    moved = inc["reports"][-1]["event_id"]
    split = client.post(f"/api/incidents/{inc['incident_id']}/split", headers=AUTH, json={"event_id": moved})
    assert split.status_code == 200, split.text
    new_id, left = split.json()["incident_id"], split.json()["left"]
    assert len(_all(client)) == total + 1
    assert [r["event_id"] for r in client.get(f"/api/incidents/{new_id}").json()["reports"]] == [moved]
    merged = client.post("/api/incidents/merge", headers=AUTH, json={"into": left, "others": [new_id], "by": "سامر"})
    assert merged.status_code == 200, merged.text
    assert moved in [r["event_id"] for r in merged.json()["reports"]]
    assert len(_all(client)) == total
    assert [h["action"] for h in merged.json()["history"]] == ["split", "merge"]


def test_nearby_lists_incidents_close_in_time_and_place_closest_first(client):
    inc = next(i for i in _all(client) if len(i["reports"]) == 1 and any(
        r["article_id"] == "sample-01" for r in i["reports"]))
    found = client.get(f"/api/incidents/{inc['incident_id']}/nearby").json()
    assert found["total"] >= 1 and inc["incident_id"] not in {i["incident_id"] for i in found["items"]}
    first = found["items"][0]
    assert any(r["article_id"] == "sample-01" for r in first["reports"]) and first["day_gap"] == 0
    gaps = [(i["day_gap"], i["distance_km"]) for i in found["items"]]
    assert gaps == sorted(gaps) and all(g <= 3 and (d is None or d <= 50) for g, d in gaps)
    none = client.get(f"/api/incidents/{inc['incident_id']}/nearby", params={"days": 0, "km": 0.001}).json()
    assert all(i["distance_km"] in (None, 0.0) for i in none["items"])
    assert client.get("/api/incidents/inc-000000000000/nearby").status_code == 404
    assert client.get(f"/api/incidents/{inc['incident_id']}/nearby", params={"days": -1}).status_code == 422


def test_versions_of_a_contested_incident_carry_their_quotes(client):
    inc = next(i for i in _all(client) if any(r["article_id"] == "contested-1" for r in i["reports"]))
    versions = client.get(f"/api/incidents/{inc['incident_id']}").json()["versions"]
    assert [v["actor1"] for v in versions] == ["RUS", "SYR_GOV"]
    denial = next(c for c in versions[0]["claims"] if c["stance"] == "denies")
    assert (denial["source"], denial["quote"], denial["article_id"]) == ("RUS_MOD", "وزارة الدفاع الروسية", "contested-1")
    assert all(c["quote"] for v in versions for c in v["claims"])


def test_vocabulary_names_actors_and_sources_in_both_languages(client):
    body = client.get("/api/vocabulary").json()
    assert body["actors"]["RUS"] == {"en": "Military Forces of Russia (2000-)", "ar": "القوات الروسية"}
    assert body["actors"]["UNIDENTIFIED"]["en"] and body["sources"]["SOHR"]["ar"] == "المرصد السوري لحقوق الإنسان"


def test_an_event_carries_its_history_after_it_leaves_every_incident(client):
    inc = next(i for i in _all(client) if len(i["reports"]) == 1)
    eid = inc["reports"][0]["event_id"]
    client.post(f"/api/events/{eid}/review", headers=AUTH, json={"action": "reject", "by": "هالة"})
    event = client.get(f"/api/events/{eid}").json()
    assert event["incident_id"] is None and [h["action"] for h in event["history"]] == ["reject"]
    assert event["history"][0]["before"] == {"decision": None} and event["history"][0]["author"] == "هالة"


@pytest.mark.parametrize("path, body, status", [
    ("/api/incidents/inc-000000000000/split", {"event_id": "e1"}, 404),
    ("/api/incidents/merge", {"into": "inc-000000000000", "others": ["inc-1"]}, 404),
    ("/api/incidents/merge", {"into": None, "others": []}, 422),
])
def test_merge_and_split_of_unknown_incidents(client, path, body, status):
    assert client.post(path, headers=AUTH, json=body).status_code == status


def test_split_refuses_a_lone_report_or_a_stranger(client):
    lone = next(i for i in _all(client) if len(i["reports"]) == 1)
    other = _multi(client)
    eid = lone["reports"][0]["event_id"]
    assert client.post(f"/api/incidents/{lone['incident_id']}/split", headers=AUTH,
                       json={"event_id": eid}).status_code == 422
    assert client.post(f"/api/incidents/{other['incident_id']}/split", headers=AUTH,
                       json={"event_id": eid}).status_code == 422


def test_size_limits_answer_413_and_414(client):
    eid = _all(client)[0]["reports"][0]["event_id"]
    big = {"action": "accept", "note": "x" * (api.MAX_BODY_BYTES + 10)}
    assert client.post(f"/api/events/{eid}/review", headers=AUTH, json=big).status_code == 413
    chunks = (b"x" * 1024 for _ in range(100))  # no Content-Length: read up to the limit, then refused
    assert client.post(f"/api/events/{eid}/review", headers=AUTH, content=chunks).status_code == 413
    assert client.get("/api/incidents", params={"q": "غارة " * 1000}).status_code == 414


def test_the_page_and_openapi_are_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and "<script>" not in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/basemap.geojson").json()["features"]
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/incidents.geojson", "/api/incidents.csv",
            "/api/incidents/{incident_id}/nearby", "/api/events/{event_id}",
            "/api/articles/{article_id}", "/api/places", "/api/events/{event_id}/review", "/api/incidents/merge",
            "/api/incidents/{incident_id}/split"} <= set(paths)


def test_serve_prints_a_generated_token_that_writes_need(samples_store):
    env = {k: v for k, v in os.environ.items() if k != "RASID_TOKEN"}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([str(Path(sys.executable).parent / "rasid"), "serve", "--db", str(samples_store), "--port",
                             str(port)], stderr=subprocess.PIPE, text=True, env=env)
    try:
        token = None
        deadline = time.time() + 30
        while time.time() < deadline and token is None:
            line = proc.stderr.readline()
            found = re.search(r"write token.*: (\S+)$", line)
            token = found.group(1) if found else None
        assert token and len(token) >= 32
        import httpx
        for _ in range(50):
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/incidents", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/api/incidents/merge"
        assert httpx.post(url, json={"into": "x", "others": ["y"]}).status_code == 401
        assert httpx.post(url, json={"into": "x", "others": ["y"]},
                          headers={"Authorization": f"Bearer {token}"}).status_code == 404
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_shipped_basemap_is_what_the_script_builds(shared_dir):
    pytest.importorskip("shapefile")
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_basemap", Path(__file__).resolve().parent.parent
                                                  / "scripts" / "build_basemap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(shared_dir)
    shipped = api.resources.files("rasid").joinpath("web", "basemap.geojson").read_text(encoding="utf-8")
    assert json.loads(shipped) == json.loads(json.dumps(built, ensure_ascii=False))
    assert len(built["features"]) == 14 and "OCHA" in built["attribution"]


# --- schemathesis: every operation of /openapi.json, generated requests --------------------------

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402


def test_generated_requests_get_no_server_error_and_answer_by_the_schema(samples_store):
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.create_app(str(samples_store), TOKEN))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:
        # the profile's example count per operation; not_a_server_error and the response-schema checks
        @settings(deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            # a write carries the token so that it reaches the handler, not only the 401 guard;
            # schema-valid but meaningless values (a bbox past ±180, an unknown actor id) are
            # refused with a 422 by design, so that one check alone is left out
            case.call_and_validate(headers=AUTH, excluded_checks=[positive_data_acceptance])

        check()
