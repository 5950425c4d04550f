"""The workbench in a real browser: map and timeline, filters in the URL, evidence, review, and inert article markup."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "out"


def _ready(web_page, url: str) -> None:
    web_page.goto(url)
    web_page.wait_for_selector("body[data-ready='1']", timeout=15000)


def _incidents_of(web_server: str, article_id: str) -> list[dict]:
    items = httpx.get(web_server + "/api/incidents", params={"limit": 5000}).json()["items"]
    return [i for i in items if any(r["article_id"] == article_id for r in i["reports"])]


def _hostile_incident(web_server: str) -> str:
    return _incidents_of(web_server, "hostile-1")[0]["incident_id"]


def _with_token(web_page, token: str, who: str) -> None:
    web_page.fill("#token", token)
    web_page.fill("#who", who)


def test_the_main_view_draws_the_map_and_timeline(web_server, web_page):
    _ready(web_page, web_server + "/")
    total = httpx.get(web_server + "/api/incidents.geojson").json()["features"]
    assert web_page.get_attribute("body", "data-drawn") == str(len(total))
    assert web_page.locator("html").get_attribute("dir") == "rtl"
    assert web_page.locator("#timeline rect.bar").count() >= 3
    assert web_page.locator(".leaflet-overlay-pane path").count() >= 14  # the governorates of the basemap
    assert web_page.locator(".leaflet-marker-pane .marker-cluster, .leaflet-overlay-pane path.leaflet-interactive").count()
    ARTIFACTS.mkdir(exist_ok=True)
    web_page.screenshot(path=str(ARTIFACTS / "workbench-main.png"))
    assert web_page.errors == []


def test_filters_by_date_and_type_mirror_the_url(web_server, web_page):
    _ready(web_page, web_server + "/")
    web_page.fill("input[name=since]", "2018-06-01")
    web_page.fill("input[name=until]", "2018-09-30")
    web_page.select_option("select[name=type]", "Explosions/Remote violence")
    web_page.click("#filters button[type=submit]")
    wanted = httpx.get(web_server + "/api/incidents.geojson", params={
        "since": "2018-06-01", "until": "2018-09-30", "type": "Explosions/Remote violence"}).json()["features"]
    web_page.wait_for_selector(f"body[data-drawn='{len(wanted)}']")
    assert "since=2018-06-01" in web_page.url and "type=Explosions" in web_page.url
    # the shared view opens the same way
    _ready(web_page, web_page.url)
    assert web_page.input_value("input[name=since]") == "2018-06-01"
    assert web_page.get_attribute("body", "data-drawn") == str(len(wanted))
    # the actor filter lists the catalogue by name
    web_page.click("#reset")
    web_page.select_option("select[name=actor]", "CIVILIANS")
    web_page.click("#filters button[type=submit]")
    victims = httpx.get(web_server + "/api/incidents.geojson", params={"actor": "CIVILIANS"}).json()["features"]
    web_page.wait_for_selector(f"body[data-drawn='{len(victims)}']")
    assert "actor=CIVILIANS" in web_page.url and "since=" not in web_page.url
    _ready(web_page, web_page.url)
    assert web_page.input_value("select[name=actor]") == "CIVILIANS"
    assert web_page.errors == []


def test_brushing_the_timeline_sets_the_date_range(web_server, web_page):
    _ready(web_page, web_server + "/")
    box = web_page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    web_page.mouse.move(box["x"] + box["width"] * 0.05, y)
    web_page.mouse.down()
    web_page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    web_page.mouse.up()
    web_page.wait_for_url(lambda url: "until=" in url)
    since, until = web_page.input_value("input[name=since]"), web_page.input_value("input[name=until]")
    assert since and until and since < until
    wanted = httpx.get(web_server + "/api/incidents.geojson", params={"since": since, "until": until}).json()
    web_page.wait_for_selector(f"body[data-drawn='{len(wanted['features'])}']")  # the map redraws after the URL
    assert 0 < len(wanted["features"]) < len(httpx.get(web_server + "/api/incidents.geojson").json()["features"])


def test_an_incident_opens_from_the_url_with_its_evidence_highlighted(web_server, web_page):
    incident = _hostile_incident(web_server)
    _ready(web_page, f"{web_server}/?incident={incident}")
    web_page.wait_for_selector("[data-testid=report-text] mark.evidence")
    marks = web_page.locator("[data-testid=report-text] mark.evidence").all_text_contents()
    assert "قصفت" in marks
    assert web_page.locator("[data-testid=ledger] tr").count() >= 2
    web_page.click("button.field[data-field=location]")
    assert web_page.locator("mark.hot").all_text_contents() == ["سراقب"]


def test_article_markup_is_shown_as_text_and_runs_nothing(web_server, web_page):
    incident = _hostile_incident(web_server)
    _ready(web_page, f"{web_server}/?incident={incident}")
    web_page.wait_for_selector("[data-testid=report-text] mark")
    text = web_page.locator("[data-testid=report-text]").inner_text()
    assert "<script>window.__pwned=1</script>" in text and 'onerror="window.__pwned=2"' in text
    assert web_page.locator("#panel img, #panel script, #panel b").count() == 0
    web_page.hover(".report .title")
    web_page.wait_for_timeout(300)
    assert web_page.evaluate("window.__pwned") is None
    assert web_page.errors == []


def test_a_review_needs_the_token_and_persists_after_reload(web_server, web_page, write_token):
    incident = _hostile_incident(web_server)
    _ready(web_page, f"{web_server}/?incident={incident}")
    report = web_page.locator(".report").first
    report.locator("select[name=field]").select_option("fatalities.high")
    report.locator("input[name=value]").fill("77")
    report.locator("button[data-action=correct]").click()
    web_page.wait_for_selector("#status.error")
    assert httpx.get(f"{web_server}/api/incidents/{incident}").json()["history"] == []
    web_page.fill("#token", write_token)
    web_page.fill("#who", "ريم")
    report.locator("button[data-action=correct]").click()
    web_page.wait_for_selector("[data-testid=history] tr[data-action=accept]")
    web_page.reload()
    web_page.wait_for_selector("body[data-ready='1']")
    row = web_page.locator("[data-testid=history] tr[data-action=accept]")
    assert row.locator("td.who").inner_text() == "ريم" and row.locator("td.when").inner_text()[:2] == "20"
    assert "77" in row.locator("td.after").inner_text() and "77" not in row.locator("td.before").inner_text()
    assert "5" in row.locator("td.before").inner_text()
    assert "77" in web_page.locator("dl.summary").inner_text()
    assert httpx.get(f"{web_server}/api/incidents/{incident}").json()["fatalities"]["high"] == 77


def test_english_labels_switch_and_stay_in_the_url(web_server, web_page):
    (incident,) = _incidents_of(web_server, "contested-1")
    _ready(web_page, f"{web_server}/?incident={incident['incident_id']}")
    web_page.click("#lang")
    assert web_page.locator("html").get_attribute("dir") == "ltr"
    assert web_page.locator("[data-i18n=apply]").inner_text() == "Apply"
    assert "lang=en" in web_page.url and f"incident={incident['incident_id']}" in web_page.url
    web_page.reload()
    web_page.wait_for_selector("body[data-ready='1']")
    assert web_page.locator("html").get_attribute("dir") == "ltr"
    # the panel speaks English too: field names, stances, actors by their ACLED names
    versions = web_page.locator("[data-testid=versions]")
    assert versions.locator("tr[data-field=actor1] th").inner_text() == "Actor 1"
    assert versions.locator("tr[data-field=actor1] td").first.inner_text() == "Military Forces of Russia (2000-)"
    assert "denies" in versions.locator(".claim.stance-denies").inner_text()
    assert web_page.locator("[data-testid=history] th").all_text_contents()[:2] == ["When", "Who"]
    web_page.click("#lang")
    assert web_page.locator("html").get_attribute("dir") == "rtl" and "lang=" not in web_page.url
    assert versions.locator("tr[data-field=actor1] th").inner_text() == "الفاعل الأول"


def test_the_versions_of_a_disputed_event_stand_side_by_side(web_server, web_page):
    (incident,) = _incidents_of(web_server, "contested-1")
    _ready(web_page, f"{web_server}/?incident={incident['incident_id']}")
    versions = web_page.locator("[data-testid=versions]")
    assert versions.locator("tr").first.locator("th").count() == 3  # the field names and two versions
    perpetrators = versions.locator("tr[data-field=actor1] td").all_text_contents()
    assert perpetrators == ["القوات الروسية", "الجيش العربي السوري"]
    assert versions.locator("tr[data-field=actor1] td.differs").count() == 2
    assert versions.locator("tr[data-field=sub_event_type] td").all_text_contents() == ["Air/drone strike"] * 2
    assert versions.locator("tr[data-field=fatalities] td").all_text_contents() == ["5/7/7", "5/5/5"]
    first, second = versions.locator("tr[data-field=claims] td").all()
    denial = first.locator(".claim.stance-denies")
    assert denial.locator("q").inner_text() == "وزارة الدفاع الروسية" and "ينفي" in denial.inner_text()
    assert "المرصد السوري لحقوق الإنسان" in second.locator("q").all_text_contents()


def test_a_rejected_report_is_undone_from_the_panel(web_server, web_page, write_token):
    (incident,) = _incidents_of(web_server, "sample-06")
    event_id = incident["reports"][0]["event_id"]
    _ready(web_page, f"{web_server}/?incident={incident['incident_id']}")
    _with_token(web_page, write_token, "هالة")
    web_page.click(f".report[data-event={event_id}] button[data-action=reject]")
    # the lone report leaves every incident: it stays in the panel, rejected, with its undo and history
    web_page.wait_for_selector("[data-testid=event-title]")
    assert f"event={event_id}" in web_page.url and "incident=" not in web_page.url
    assert web_page.locator("[data-testid=history] tr[data-action=reject] td.who").inner_text() == "هالة"
    assert _incidents_of(web_server, "sample-06") == []
    web_page.reload()
    web_page.wait_for_selector("body[data-ready='1']")
    web_page.click(f".report[data-event={event_id}] button[data-action=clear]")
    web_page.wait_for_selector("[data-testid=incident-title]")
    assert _incidents_of(web_server, "sample-06")
    actions = web_page.locator("[data-testid=history] tr[data-action]")
    assert [a.get_attribute("data-action") for a in actions.all()] == ["reject", "clear"]
    assert "مرفوض" in actions.last.locator("td.before").inner_text()


def test_a_report_taken_out_of_an_incident_is_brought_back(web_server, web_page, write_token):
    incident = next(i for i in _incidents_of(web_server, "sample-02") if len(i["reports"]) > 1)
    moved = incident["reports"][-1]["event_id"]
    _ready(web_page, f"{web_server}/?incident={incident['incident_id']}")
    _with_token(web_page, write_token, "هالة")
    web_page.click(f".report[data-event={moved}] button[data-action=reject]")
    web_page.wait_for_selector(f"[data-testid=taken-out] li[data-event={moved}]")
    assert web_page.locator(f".report[data-event={moved}]").count() == 0
    web_page.click(f"[data-testid=taken-out] li[data-event={moved}] button[data-action=undo]")
    web_page.wait_for_selector(f".report[data-event={moved}]")
    assert web_page.locator("[data-testid=taken-out]").count() == 0
    assert web_page.errors == []


def test_merge_with_a_nearby_incident_then_split_a_report_out(web_server, web_page, write_token):
    into = next(i for i in _incidents_of(web_server, "sample-01") if len(i["reports"]) > 1)
    other = next(i for i in _incidents_of(web_server, "sample-01") if i is not into and len(i["reports"]) == 1)
    _ready(web_page, f"{web_server}/?incident={into['incident_id']}")
    _with_token(web_page, write_token, "سامر")
    picker = web_page.locator("[data-testid=merge]")
    picker.locator(f"input[data-merge={other['incident_id']}]").check()
    picker.locator("button[data-action=merge]").click()
    web_page.wait_for_selector("[data-testid=history] tr[data-action=merge]")
    assert web_page.locator(".report").count() == 3
    assert other["incident_id"] not in {i["incident_id"] for i in _incidents_of(web_server, "sample-01")}
    moved = other["reports"][0]["event_id"]
    web_page.click(f".report[data-event={moved}] button[data-action=split]")
    web_page.wait_for_url(lambda url: f"incident={into['incident_id']}" not in url)
    web_page.wait_for_selector("[data-testid=history] tr[data-action=split]")
    assert [r.get_attribute("data-event") for r in web_page.locator(".report").all()] == [moved]
    assert web_page.locator("[data-testid=history] tr[data-action=split] td.who").inner_text() == "سامر"
    assert web_page.errors == []


def test_merge_with_an_incident_picked_on_the_map(web_server, web_page, write_token):
    first, second = sorted(_incidents_of(web_server, "sample-04"), key=lambda i: i["location"]["name"])
    _ready(web_page, f"{web_server}/?incident={first['incident_id']}")
    _with_token(web_page, write_token, "سامر")
    web_page.click("[data-testid=merge] button[data-action=merge-pick]")
    loc = second["location"]
    web_page.evaluate(f"rasid.map.setView([{loc['latitude']}, {loc['longitude']}], 14, {{animate: false}})")
    web_page.locator(f"path.incident-{second['incident_id']}").click()
    # the picked incident is fetched before its box is ticked, so wait for it rather than read it at once
    pytest.importorskip("playwright.sync_api").expect(web_page.locator(f"[data-testid=merge] input[data-merge={second['incident_id']}]")).to_be_checked()
    web_page.click("[data-testid=merge] button[data-action=merge]")
    web_page.wait_for_selector("[data-testid=history] tr[data-action=merge]")
    assert sorted(r["event_id"] for r in httpx.get(f"{web_server}/api/incidents/{first['incident_id']}").json()
                  ["reports"]) == sorted(r["event_id"] for r in first["reports"] + second["reports"])


def test_the_place_is_corrected_from_a_gazetteer_candidate(web_server, web_page, write_token):
    incident = _incidents_of(web_server, "sample-03")[0]
    before = incident["location"]
    _ready(web_page, f"{web_server}/?incident={incident['incident_id']}")
    _with_token(web_page, write_token, "ريم")
    report = web_page.locator(".report").first
    assert report.locator("input[name=place]").input_value() == before["name"]
    report.locator("button[data-action=find-place]").click()
    assert report.locator(f"button[data-place='{before['place_id']}']").is_disabled()
    other = report.locator("button[data-place]:not([disabled])").first
    chosen = other.get_attribute("data-place")
    other.click()
    web_page.wait_for_selector("[data-testid=history] tr[data-action=accept]")
    web_page.reload()
    web_page.wait_for_selector("body[data-ready='1']")
    web_page.wait_for_selector("[data-testid=history] tr[data-action=accept]")
    assert before["name"] in web_page.locator("[data-testid=history] td.before").inner_text()
    now = httpx.get(f"{web_server}/api/incidents/{incident['incident_id']}").json()["reports"][0]["event"]["location"]
    assert now["place_id"] == chosen != before["place_id"]
    assert now["name"] in web_page.locator("dl.summary").inner_text()


def test_the_place_is_corrected_by_a_point_clicked_on_the_map(web_server, web_page, write_token):
    incident = _incidents_of(web_server, "sample-08")[0]
    _ready(web_page, f"{web_server}/?incident={incident['incident_id']}")
    _with_token(web_page, write_token, "ريم")
    web_page.locator(".report button[data-action=click-point]").first.click()
    box = web_page.locator("#map").bounding_box()
    web_page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.15)
    web_page.wait_for_selector("[data-testid=history] tr[data-action=accept]")
    web_page.reload()
    web_page.wait_for_selector("body[data-ready='1']")
    web_page.wait_for_selector("[data-testid=history] tr[data-action=accept]")
    now = httpx.get(f"{web_server}/api/incidents/{incident['incident_id']}").json()
    loc = now["reports"][0]["event"]["location"]
    assert loc["geo_precision"] == 1 and loc["latitude"] > incident["location"]["latitude"]
    assert now["location"]["latitude"] == loc["latitude"]
    assert web_page.errors == []
