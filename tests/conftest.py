"""Shared fixtures: the ../shared reference data, and a stand-in for analyze()."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rasid.records import Article, Event, Evidence, Location

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The read-only ../shared folder; tests that need it are skipped where it is absent."""
    if not (SHARED / "corpus" / "dev.gold.jsonl").is_file():
        pytest.skip("../shared reference data is not here")
    return SHARED


def one_shelling_event(article: Article) -> list[Event]:
    """Returns one shelling event at Daraa when the text says «قصف», else none."""
    at = article.text.find("قصف")
    if at < 0:
        return []
    return [Event(article_id=article.id, event_date=article.published, time_precision=1,
                  event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                  actor1="SYR_GOV", actor2="OPP", location=Location("درعا", 32.6189, 36.1021, 1),
                  evidence=(Evidence(at, at + 3, "test"),))]


@pytest.fixture
def fake_analyze(monkeypatch):
    """Replaces rasid.pipeline.analyze, so CLI tests do not depend on what the real extractor finds."""
    monkeypatch.setattr("rasid.pipeline.analyze", one_shelling_event)
    return one_shelling_event


class Tokenized:
    """A raw string with its normalized form and tokens, for the finder tests (rasid/find/*)."""

    def __init__(self, raw: str):
        from rasid.normalize import normalize
        from rasid.segment import word_tokens
        self.raw = raw
        self.norm = normalize(raw)
        self.tokens = word_tokens(raw, self.norm.text, self.norm.offsets)

    def surface(self, first: int, last: int) -> str:
        """Returns the original (un-normalized) text of tokens [first, last]."""
        start, end = self.norm.span(self.tokens[first].start, self.tokens[last].end)
        assert 0 <= start < end <= len(self.raw)
        return self.raw[start:end]


@pytest.fixture
def arabic():
    """Tokenizes a raw Arabic string: ``arabic("قتل 5")`` → a Tokenized with .tokens, .norm, .surface()."""
    return Tokenized


# Reports as analyze() codes them, for the sentence-level tests of assemble and consolidate.
PUBLISHED = date(2018, 10, 27)   # a Saturday
YESTERDAY = date(2018, 10, 26)   # «أمس», «الجمعة»
THURSDAY = date(2018, 10, 25)
TUESDAY = date(2018, 10, 23)

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
CLASH = ("Battles", "Armed clash")
GOV_TAKES = ("Battles", "Government regains territory")
NSA_TAKES = ("Battles", "Non-state actor overtakes territory")
ATTACK = ("Violence against civilians", "Attack")


def report_events(text, published=PUBLISHED):
    """Returns the events analyze() finds in one report published on `published`."""
    from rasid.pipeline import analyze
    return analyze(Article(id="a1", text=text, published=published, outlet="test-outlet"))


def event_kind(ev):
    """Returns (event_type, sub_event_type)."""
    return (ev.event_type, ev.sub_event_type)


def event_places(evs):
    """Returns the sorted (sub-type, place name) pairs of events."""
    return sorted((e.sub_event_type, e.location.name) for e in evs)


def takeovers(evs):
    """Returns the territory-change events."""
    return [e for e in evs if "territory" in e.sub_event_type]
