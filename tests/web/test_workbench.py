"""The workbench in a real browser: map and timeline, filters in the URL, evidence, review, and inert article markup."""
from __future__ import annotations

from pathlib import Path

import httpx

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "out"


def _ready(web_page, url: str) -> None:
    web_page.goto(url)
    web_page.wait_for_selector("body[data-ready='1']", timeout=15000)


def _hostile_incident(web_server: str) -> str:
    items = httpx.get(web_server + "/api/incidents", params={"limit": 5000}).json()["items"]
    return next(i["incident_id"] for i in items if any(r["article_id"] == "hostile-1" for r in i["reports"]))


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
    web_page.wait_for_function(f"document.body.dataset.drawn === '{len(wanted)}'")
    assert "since=2018-06-01" in web_page.url and "type=Explosions" in web_page.url
    # the shared view opens the same way
    _ready(web_page, web_page.url)
    assert web_page.input_value("input[name=since]") == "2018-06-01"
    assert web_page.get_attribute("body", "data-drawn") == str(len(wanted))


def test_brushing_the_timeline_sets_the_date_range(web_server, web_page):
    _ready(web_page, web_server + "/")
    box = web_page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    web_page.mouse.move(box["x"] + box["width"] * 0.05, y)
    web_page.mouse.down()
    web_page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    web_page.mouse.up()
    web_page.wait_for_function("new URLSearchParams(location.search).has('until')")
    since, until = web_page.input_value("input[name=since]"), web_page.input_value("input[name=until]")
    assert since and until and since < until
    drawn = int(web_page.get_attribute("body", "data-drawn"))
    assert drawn == len(httpx.get(web_server + "/api/incidents.geojson",
                                  params={"since": since, "until": until}).json()["features"])


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
    web_page.wait_for_selector("[data-testid=history] li:has-text('ريم')")
    web_page.reload()
    web_page.wait_for_selector("body[data-ready='1']")
    web_page.wait_for_selector("[data-testid=history] li:has-text('77')")
    assert "77" in web_page.locator("dl.summary").inner_text()
    assert httpx.get(f"{web_server}/api/incidents/{incident}").json()["fatalities"]["high"] == 77


def test_english_labels_switch_the_direction(web_server, web_page):
    _ready(web_page, web_server + "/")
    web_page.click("#lang")
    assert web_page.locator("html").get_attribute("dir") == "ltr"
    assert web_page.locator("[data-i18n=apply]").inner_text() == "Apply"
    assert "lang=en" in web_page.url
