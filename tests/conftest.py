"""Shared fixtures: the ../shared reference data, a stand-in for analyze(), hostile input, hypothesis strategies."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings, strategies as st

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


# ---------------------------------------------------------------- property-based tests (hypothesis)
# Profiles: `default` keeps the whole property set under a minute in CI; `long` searches deeper
# (`pytest --hypothesis-profile=long`). The example database lives in .hypothesis/, kept out of git.
settings.register_profile("default", max_examples=40, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=2_000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("default")

# Characters scraped Arabic pages carry beside letters: diacritics, tatweel, joiners and direction marks.
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
MARKS = ["\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u2066",
         "\u2069", "\ufeff", "\u00a0", "\u2028", "\u3000"]
PUNCTUATION = list("،؛؟.!:-–—()«»\"'/…[]{}٪%*#@") + [" - ", ". ", "، ", "\n", "\n\n", "\t", "\r\n"]
HTML_BITS = ["<p>", "</p>", "<br>", "<br/>", "<div class=\"share\">", "</div>", "<script>var a = '<p>';</script>",
             "&amp;", "&nbsp;", "&#1602;", "<a href=\"/x?a=1&b=2\">", "</a>", "<!-- تعليق -->", "<b>", "<h1>",
             "</h1>", "<li>", "<", ">", "</", "<p", "<style>p{}</style>", "<![CDATA[x]]>"]
# The glue a report is written with, so that generated word runs read like clauses.
FILLERS = ["في", "على", "من", "قرب", "ريف", "مدينة", "بلدة", "قرية", "حي", "أمس", "اليوم", "الليلة الماضية", "وقال",
           "إن", "أن", "و", "بين", "مع", "عن", "جراء", "إثر", "بعد", "قبل", "شخصا", "مدنيين", "عنصرا", "نفى",
           "وأفاد", "مصدر", "ناشطون", "مراسل", "الأحد", "الجمعة", "شرقي", "غربي", "محيط", "أطراف"]


def _lexicon_words() -> list[str]:
    """Returns the words and phrases of rasid's own lexicons, a sample of gazetteer names among them."""
    from rasid.resources import read_tsv
    words = [r["trigger"] for r in read_tsv("triggers.tsv")] + [r["alias"] for r in read_tsv("actors.tsv")]
    words += [r["alias"] for r in read_tsv("sources.tsv")] + [r["word"] for r in read_tsv("numbers.tsv")]
    words += [r["word"] for r in read_tsv("calendar.tsv")]
    for cues in ("killed", "civilian", "denial", "area", "capitals", "dead_person", "correspondent"):
        words += [r["lemma"] for r in read_tsv(f"cues/{cues}.tsv")]
    words += [r["name"] for r in read_tsv("gazetteer.tsv")[::25]]
    return sorted({w for w in words if w}) + FILLERS


ARABIC_WORDS = st.deferred(lambda: st.sampled_from(_lexicon_words()))


@lru_cache(maxsize=None)
def _column(name: str, column: str, step: int = 1):
    from rasid.resources import read_tsv
    return st.sampled_from(sorted({r[column] for r in read_tsv(name)[::step] if r[column]}))


@st.composite
def _clause(draw):
    """A made-up report clause: «قصفت قوات النظام أمس بلدة الحراك ما أدى إلى مقتل 4 مدنيين»."""
    parts = [draw(st.deferred(lambda: _column("actors.tsv", "alias"))),
             draw(st.deferred(lambda: _column("triggers.tsv", "trigger"))),
             draw(st.sampled_from(["في", "على", "قرب", "بريف", "في محيط", "بين"])),
             draw(st.deferred(lambda: _column("gazetteer.tsv", "name", 7))),
             draw(st.sampled_from(["أمس", "اليوم", "الجمعة", "فجر الأحد", "في 12 تشرين الأول", ""])),
             draw(st.sampled_from(["ما أدى إلى مقتل", "وقتل", "وأسفر عن سقوط", "وجرح", ""])),
             draw(NUMBERS), draw(st.sampled_from(["مدنيين", "عناصر", "أشخاص", "أطفال", "قتلى"]))]
    if draw(st.booleans()):
        parts.insert(0, draw(st.sampled_from(["قال المرصد السوري إن", "ونفت وزارة الدفاع الروسية", "وأفاد ناشطون أن",
                                              "وقال شاهد عيان", "ذكرت وكالة سانا أن", "وأكد مراسلنا"])))
    if draw(st.booleans()):
        parts = draw(st.permutations(parts))
    return " ".join(p for p in parts if p)
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@st.composite
def _decorated(draw, word):
    """A lexicon word with diacritics or tatweel inside it now and then: «قصف» → «قَصَـف»."""
    w = draw(word)
    if len(w) > 1 and draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(1, len(w) - 1))
        w = w[:at] + draw(st.sampled_from(list(DIACRITICS) + ["\u0640", "\u200c"])) + w[at:]
    return w


NUMBERS = st.integers(0, 100_000).map(str).flatmap(
    lambda s: st.sampled_from([s, s.translate(_INDIC), s.translate(_PERSIAN), f"{s}-{s}", f"({s})"]))
NOISE = st.one_of(
    st.sampled_from(MARKS), st.sampled_from(HTML_BITS),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),          # lone surrogates
    st.characters(max_codepoint=0x1F) | st.just("\x7f"),                 # NUL and other C0 controls
    st.text(max_size=6),                                                  # anything else in Unicode
)
TOKENS = st.one_of(_clause(), _clause(), _decorated(ARABIC_WORDS), _decorated(ARABIC_WORDS), NUMBERS, st.sampled_from(PUNCTUATION), NOISE)
CLEAN_TOKENS = st.one_of(_clause(), _decorated(ARABIC_WORDS), _decorated(ARABIC_WORDS), NUMBERS, st.sampled_from(PUNCTUATION),
                         st.sampled_from(MARKS[:-2]))


def _joined(tokens, max_size: int):
    return st.lists(st.tuples(tokens, st.sampled_from([" ", " ", " ", "", "\n", "، ", ". "])), max_size=max_size) \
        .map(lambda pairs: "".join(t + sep for t, sep in pairs))


def arabic_noise_texts(max_size: int = 60):
    """Generated reports: lexicon words, digits of three scripts, punctuation, marks, HTML, surrogates, controls."""
    return _joined(TOKENS, max_size)


def clean_arabic_texts(max_size: int = 40):
    """Generated reports a reader must pass through unchanged: no controls, surrogates or markup, never blank."""
    return _joined(CLEAN_TOKENS, max_size).map(lambda t: "قصف " + t)


@st.composite
def hostile_lines(draw) -> bytes:
    """One JSON line (or what should have been one) of the kinds issue 12 lists, without line breaks."""
    text = draw(arabic_noise_texts(12))
    kind = draw(st.integers(0, 11))
    if kind == 0:
        blob = draw(st.binary(max_size=80))
    elif kind == 1:
        depth = draw(st.integers(1, 60))
        blob = ("[" * depth + json.dumps(text) + "]" * depth).encode()
    elif kind == 2:
        value = draw(st.one_of(st.integers(), st.floats(), st.booleans(), st.none(), st.lists(st.integers(), max_size=3),
                               st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.just(text)))
        field = draw(st.sampled_from(["id", "text", "title", "outlet", "url", "published"]))
        blob = json.dumps({"id": "h", "text": text, field: value}, ensure_ascii=draw(st.booleans())).encode(
            "utf-8", "surrogatepass")
    elif kind == 3:
        blob = b'{"id": "d", "text": ' + json.dumps(text).encode() + b', "text": ' + json.dumps(text).encode() + b"}"
    elif kind == 4:
        full = json.dumps({"id": "t", "text": text}).encode()
        blob = full[:draw(st.integers(0, len(full)))]
    elif kind == 5:
        blob = json.dumps({"id": "c", "text": "قصف " + text}, ensure_ascii=False).encode("cp1256", "replace")
    elif kind == 6:
        blob = json.dumps({"id": "s", "text": text}, ensure_ascii=False).encode("utf-8", "surrogatepass")
    elif kind == 7:
        blob = json.dumps({"id": "u", "text": "قصف " + text}, ensure_ascii=False).encode("utf-8", "replace")
        at = draw(st.integers(0, len(blob)))
        blob = blob[:at] + draw(st.binary(min_size=1, max_size=3)) + blob[at:]
    elif kind == 8:
        blob = json.dumps({"id": "e", "text": text}).encode("utf-16-le" if draw(st.booleans()) else "utf-16-be")
    elif kind == 9:
        blob = b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": text}).encode()
    elif kind == 10:
        blob = json.dumps(draw(st.recursive(st.none() | st.integers() | st.text(max_size=4),
                                            lambda inner: st.lists(inner, max_size=3)
                                            | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                                            max_leaves=12))).encode()
    else:
        blob = ("<p>" + text + "</p>").encode("utf-8", "surrogatepass")
    return blob.replace(b"\r", b" ").replace(b"\n", b" ")


def check_events(article: Article, events) -> None:
    """Asserts the events of an article keep the contract: offsets, quotes, vocabulary, precision, fatality order."""
    from rasid.export import SUB_EVENT_TYPES
    from rasid.resources import read_tsv
    actors = {r["id"] for r in read_tsv("actor_names.tsv")} | {"UNIDENTIFIED"}
    voices = {r["id"] for r in read_tsv("sources.tsv")} | {r["source"] for r in read_tsv("cues/capitals.tsv")} \
        | actors | {article.outlet or "outlet"}
    text = article.text

    def spans_ok(start, end, what):
        assert isinstance(start, int) and isinstance(end, int), what
        assert 0 <= start < end <= len(text), (what, start, end, len(text))

    def claims_ok(claims):
        for c in claims:
            spans_ok(c.start, c.end, c)
            assert c.stance in ("asserts", "denies", "uncertain"), c
            # a source not in the vocabulary is quoted from the text (a witness), exactly as written
            assert c.source in voices or c.source == text[c.start:c.end], c

    def tolls_ok(f):
        assert 0 <= f.low <= f.best <= f.high, f

    for ev in events:
        assert ev.article_id == article.id
        assert SUB_EVENT_TYPES.get(ev.sub_event_type) == ev.event_type, (ev.event_type, ev.sub_event_type)
        assert ev.actor1 in actors and (ev.actor2 is None or ev.actor2 in actors), (ev.actor1, ev.actor2)
        assert set(ev.assoc_actor_1) <= actors and set(ev.assoc_actor_2) <= actors
        assert ev.time_precision in (1, 2, 3)
        if ev.location is not None:
            assert ev.location.geo_precision in (1, 2, 3)
            assert -90 <= ev.location.latitude <= 90 and -180 <= ev.location.longitude <= 180
        tolls_ok(ev.fatalities)
        assert ev.wounded is None or ev.wounded >= 0
        assert ev.captured is None or ev.captured >= 0
        assert ev.evidence, ev
        for e in ev.evidence:
            spans_ok(e.start, e.end, e)
            assert text[e.start:e.end].strip(), e  # a span quotes something, never only blanks
        claims_ok(ev.claims)
        for v in ev.versions:
            assert SUB_EVENT_TYPES.get(v.sub_event_type), v
            assert v.actor1 in actors and (v.actor2 is None or v.actor2 in actors), v
            tolls_ok(v.fatalities)
            claims_ok(v.claims)
        # the JSON written for it is UTF-8 without loss
        json.dumps(ev.to_json(), ensure_ascii=False).encode("utf-8")


# A report of my own whose text carries markup and an event handler: the workbench must show them as text.
HOSTILE_TEXT = ("قصفت طائرات حربية بلدة سراقب في ريف إدلب الشرقي صباح اليوم، ما أدى إلى مقتل خمسة مدنيين. "
                "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">")
# A disputed strike of my own: the civil defence blames Russian jets, Moscow denies, the observatory blames the regime.
CONTESTED_TEXT = ("قتل سبعة مدنيين وأصيب آخرون بغارة جوية استهدفت سوق بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم "
                  "الأربعاء. وقال الدفاع المدني إن طائرة حربية روسية نفذت الغارة على السوق. ونفت وزارة الدفاع "
                  "الروسية في بيان أن تكون طائراتها قد نفذت أي طلعة فوق المنطقة، فيما قال المرصد السوري لحقوق "
                  "الإنسان إن طائرات النظام السوري هي التي قصفت السوق وإن عدد القتلى خمسة.")


@pytest.fixture(scope="session")
def samples_store_template(tmp_path_factory) -> Path:
    """A store of the bundled samples, one hostile and one contested report, ingested and fused once per test run."""
    from rasid import incidents
    from rasid.reader import read_articles
    from rasid.store import Extractor, Store
    path = tmp_path_factory.mktemp("workbench") / "template.db"
    hostile = Article("hostile-1", HOSTILE_TEXT, outlet="مرصد تجريبي", published=date(2018, 11, 5),
                      title="<b onmouseover=\"window.__pwned=3\">عنوان</b>")
    samples = Path(__file__).resolve().parent.parent / "rasid" / "data" / "samples.jsonl"
    with Store.open(str(path), create=True) as store, Extractor(1) as extractor:
        contested = Article("contested-1", CONTESTED_TEXT, outlet="مرصد تجريبي", published=date(2018, 11, 7))
        store.ingest([*((a, "samples") for a in read_articles(samples)), (hostile, "test"), (contested, "test")],
                     extractor)
        incidents.fuse(store)
    return path


@pytest.fixture
def samples_store(samples_store_template, tmp_path) -> Path:
    """A fresh copy of the samples store for one test, which may write to it."""
    path = tmp_path / "rasid.db"
    shutil.copyfile(samples_store_template, path)
    return path


# ---------------------------------------------------------------- the workbench in a browser (tests/web/)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WRITE_TOKEN = "browser-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def write_token() -> str:
    """The token the served app takes for writes."""
    return WRITE_TOKEN


@pytest.fixture(scope="module")
def web_server(samples_store_template, tmp_path_factory):
    """Browser tests: the base URL of `rasid serve` over this module's own copy of the samples store."""
    httpx = pytest.importorskip("httpx")
    db = tmp_path_factory.mktemp("served") / "rasid.db"
    shutil.copyfile(samples_store_template, db)
    port = _free_port()
    rasid = Path(sys.executable).parent / "rasid"
    proc = subprocess.Popen([str(rasid), "serve", "--db", str(db), "--port", str(port)],
                            env={**os.environ, "RASID_TOKEN": WRITE_TOKEN}, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(url + "/api/vocabulary", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    pytest.fail(f"rasid serve exited: {proc.stderr.read()}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's Chromium driven by Playwright; the tests skip, saying why, only when it cannot start."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the dev extra has it)")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: `bash .ci/setup-web` installs Debian's chromium")
    manager = sync_api.sync_playwright().start()
    try:
        chromium = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as err:  # the browser itself cannot start on this machine
        manager.stop()
        pytest.skip(f"Chromium cannot start: {err}")
    yield chromium
    chromium.close()
    manager.stop()


@pytest.fixture
def web_page(chromium_browser):
    """A fresh page (own storage) with its script errors collected in page.errors."""
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 900}, locale="ar")
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda err: tab.errors.append(str(err)))
    yield tab
    context.close()


# ---------------------------------------------------------------- stores on both backends

@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL 16 server (the pgserver wheel) in a temporary folder, started once per test run."""
    import tempfile
    pgserver = pytest.importorskip("pgserver", reason="pgserver is not installed (the dev extra has it)")
    pytest.importorskip("psycopg", reason="psycopg is not installed (the scale and dev extras have it)")
    # Not under pytest's basetemp: a concurrent pytest run prunes old basetemps, data folder and all.
    folder = tempfile.mkdtemp(prefix="rasid-pg-")
    try:
        server = pgserver.get_server(folder, cleanup_mode="stop")
    except Exception as err:  # no server can run on this machine (no shared memory, a read-only /tmp, ...)
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL cannot start here: {err}")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a new, empty database of its own on the test server, dropped afterwards."""
    import uuid

    import psycopg
    admin = postgres_server.get_uri()
    name = f"rasid_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = admin.partition("?")
    yield f"{base.rsplit('/', 1)[0]}/{name}?{query}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_tcp_url(postgres_server):
    """The URL (user:password@127.0.0.1:port) of a second server of the same build that takes password logins over TCP."""
    import tempfile

    from pgserver._commands import POSTGRES_BIN_PATH
    folder = Path(tempfile.mkdtemp(prefix="rasid-pgtcp-"))
    data, log, password = folder / "data", folder / "log", "s3cr3t:/@x"
    user = postgres_server.system_user  # as root, the unprivileged user pgserver runs PostgreSQL as
    if user:
        import pwd
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    (folder / "pw").write_text(password)
    if user:
        os.chown(folder / "pw", entry.pw_uid, entry.pw_gid)

    def run(*args: str) -> None:
        # Output to a file: a pipe inherited by the postmaster would never close.
        with open(folder / "out", "ab") as out:
            subprocess.run([str(POSTGRES_BIN_PATH / args[0]), *args[1:]], check=True, stdout=out, stderr=out,
                           stdin=subprocess.DEVNULL, user=user, timeout=120)

    port = _free_port()
    try:
        run("initdb", "-D", str(data), "-U", "rasid", f"--pwfile={folder / 'pw'}", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--encoding=utf8")
        run("pg_ctl", "-D", str(data), "-w", "-l", str(log), "-o", f"-h 127.0.0.1 -p {port} -k {folder}", "start")
    except (OSError, subprocess.SubprocessError) as err:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"a PostgreSQL server on TCP cannot start here: {err}")
    from urllib.parse import quote
    yield f"postgresql://rasid:{quote(password, safe='')}@127.0.0.1:{port}/postgres"
    try:
        run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A new store's --db on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "rasid.db")
    return request.getfixturevalue("postgres_url")
