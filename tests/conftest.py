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


HOSTILE_REPORT = "قصفت قوات النظام بلدة الحراك شرقي درعا مساء الأحد."


@pytest.fixture
def hostile_folder(tmp_path):
    """Builds a folder of every kind of bad input beside good ones: (folder, good ids, {bad file: message part})."""
    import codecs
    import gzip
    import json
    import os

    def line(**fields) -> bytes:
        return json.dumps(fields, ensure_ascii=False).encode("utf-8")

    root = tmp_path / "hostile"
    root.mkdir()
    good = line(id="good", text=HOSTILE_REPORT + " 9")
    files = {
        "cr.jsonl": line(id="cr1", text=HOSTILE_REPORT) + b"\r" + line(id="cr2", text=HOSTILE_REPORT + " 2") + b"\r",
        "crlf.jsonl": line(id="crlf", text=HOSTILE_REPORT + " 8") + b"\r\n",
        "midbom.jsonl": good + b"\n" + b" " + codecs.BOM_UTF8 + line(id="bom", text=HOSTILE_REPORT + " 3") + b"\n",
        "badbyte.jsonl": line(id="badbyte", text=HOSTILE_REPORT + "\u00a7").replace("\u00a7".encode(), b"\xff"),
        "rawtab.jsonl": b'{"id": "rawtab", "text": "' + HOSTILE_REPORT.encode() + b'\t."}',
        "nul.jsonl": line(id="nul", text=HOSTILE_REPORT + "\x00 " + HOSTILE_REPORT),
        "surrogate.jsonl": b'{"id": "sur\\udc80", "text": "\\ud800 ' + HOSTILE_REPORT.encode() + b'"}',
        "types.jsonl": json.dumps({"id": ["x"], "title": {"a": 1}, "text": HOSTILE_REPORT + " 4"}).encode(),
        "dupkey.jsonl": b'{"id": "dup", "text": "' + HOSTILE_REPORT.encode() + b'", "text": "' + HOSTILE_REPORT.encode()
                        + b' 5"}',
        "utf16.txt": (HOSTILE_REPORT + " 6").encode("utf-16-le"),
        "cp1256.txt": (HOSTILE_REPORT + " 7").encode("cp1256"),
        # bad inputs: each costs itself only
        "deep.jsonl": b"[" * 100_000 + b"]" * 100_000,
        "empty.jsonl": b"",
        "empty.txt": b"",
        "number.jsonl": line(id="n", text=42),
        "corrupt.jsonl.gz": gzip.compress(good * 200)[:30] + b"\x00" * 20 + gzip.compress(good * 200)[50:],
    }
    for name, blob in files.items():
        (root / name).write_bytes(blob)
    (root / "broken.jsonl").symlink_to(root / "nowhere")
    os.mkfifo(root / "pipe.jsonl")
    good_ids = {"cr1", "cr2", "crlf", "good", "bom", "badbyte", "rawtab", "nul", "sur\ufffd", "types.jsonl:1", "dup",
                "utf16", "cp1256"}
    bad = {"deep.jsonl": "nested deeper", "empty.jsonl": "empty file", "empty.txt": "empty file",
           "number.jsonl": "'text' is int", "corrupt.jsonl.gz": "cannot read", "broken.jsonl": "cannot read",
           "pipe.jsonl": "not a regular file"}
    return root, good_ids, bad
