"""Reading articles from JSON lines, text, HTML, directories and stdin."""
from __future__ import annotations

import io
import json
import lzma
import sys
from datetime import date
from pathlib import Path

import pytest

from rasid.reader import (Article, ReadError, StrictError, control_characters, decode, looks_like_html, parse_day,
                          read_articles)

REPORT = "قصفت قوات النظام بلدة الحراك شرقي درعا مساء الأحد."


def jline(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def write_lines(path, *lines: bytes):
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def split(items):
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    return articles, errors


def test_json_lines_fields(tmp_path):
    path = write_lines(tmp_path / "in.jsonl",
                       jline(id="a1", outlet="صوت حوران", published="2018-06-25", url="http://x/1",
                             title="قصف على الحراك", text=REPORT))
    [article] = list(read_articles(path))
    assert article == Article(id="a1", text=REPORT, outlet="صوت حوران", published=date(2018, 6, 25),
                              url="http://x/1", title="قصف على الحراك")


def test_cp1256_line_among_utf8_lines(tmp_path):
    path = write_lines(tmp_path / "in.jsonl",
                       jline(id="u", text=REPORT),
                       b'{"id": "w", "text": "' + "قصف على درعا".encode("cp1256") + b'"}')
    articles, errors = split(read_articles(path))
    assert errors == []
    assert [a.text for a in articles] == [REPORT, "قصف على درعا"]


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jline(id="b1", text=REPORT) + b"\r\n" + jline(id="b2", text="نص") + b"\r\n")
    articles, errors = split(read_articles(path))
    assert errors == []
    assert [a.id for a in articles] == ["b1", "b2"]
    assert articles[0].text == REPORT


def test_line_separator_inside_a_string_is_not_a_line_break(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", jline(id="s", text="سطر أول\u2028سطر ثان"))
    [article] = list(read_articles(path))
    assert article.text == "سطر أول\u2028سطر ثان"


def test_malformed_and_unusable_lines_are_reported_with_their_line_numbers(tmp_path):
    path = write_lines(tmp_path / "mixed.jsonl",
                       jline(id="ok1", text=REPORT),          # 1
                       b'{"id": "broken", "text": ',          # 2
                       b"",                                   # 3 blank: skipped silently
                       jline(id="empty", text="   "),         # 4
                       jline(id="notext"),                    # 5
                       jline(id="num", text=42),              # 6
                       b"[1, 2]",                             # 7
                       jline(id="ok2", text=REPORT))          # 8
    articles, errors = split(read_articles(path))
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [(e.line_no, e.kept) for e in errors] == [(2, False), (4, False), (5, False), (6, False), (7, False)]
    assert "malformed JSON" in errors[0].message
    assert "empty 'text'" in errors[1].message
    assert "missing 'text'" in errors[2].message
    assert "'text' is int" in errors[3].message
    assert str(errors[0]).startswith(f"{path}:2: ")


@pytest.mark.parametrize("hostile, message", [
    (b"[" * 100_000 + b"]" * 100_000, "nested deeper"),        # a RecursionError in json, unchecked
    (b'{"id": "x", "text": {"a": ' * 5_000 + b"1" + b"}" * 5_000, "nested deeper"),
    (b'{"id": "s", "text": "\\udfff ' + REPORT.encode() + b'"}', "lone surrogate"),
], ids=["deep-array", "deep-object", "surrogate"])
def test_hostile_lines_cost_only_themselves(tmp_path, hostile, message):
    path = write_lines(tmp_path / "hostile.jsonl", jline(id="before", text=REPORT), hostile,
                       jline(id="after", text=REPORT + " وقتل 3 مدنيين."))
    articles, errors = split(read_articles(path))
    assert {"before", "after"} <= {a.id for a in articles}
    assert [e.line_no for e in errors] == [2] and message in errors[0].message


def test_bad_published_keeps_the_article_without_a_date(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", jline(id="d1", published="2018-02-30", text=REPORT),
                       jline(id="d2", published="أمس", text=REPORT),
                       jline(id="d3", published="2018-06-25T08:30:00Z", text=REPORT))
    articles, errors = split(read_articles(path))
    assert [(a.id, a.published) for a in articles] == [("d1", None), ("d2", None), ("d3", date(2018, 6, 25))]
    assert [(e.line_no, e.kept) for e in errors] == [(1, True), (2, True)]
    assert "published" in errors[0].message


def test_published_option_dates_json_lines_without_a_date(tmp_path):
    path = write_lines(tmp_path / "p.jsonl", jline(id="p1", text=REPORT),
                       jline(id="p2", published="2018-01-02", text=REPORT))
    articles = list(read_articles(path, published=date(2018, 7, 1)))
    assert [a.published for a in articles] == [date(2018, 7, 1), date(2018, 1, 2)]


def test_missing_id_is_made_from_the_file_and_line(tmp_path):
    path = write_lines(tmp_path / "noid.jsonl", jline(text=REPORT))
    errors, articles = split(read_articles(path))[::-1]
    assert articles[0].id == "noid.jsonl:1"
    assert errors[0].kept


def test_html_text_in_json_is_converted(tmp_path):
    html = "<div class='share'>شارك</div><p>قُتل مدنيان&nbsp;في قصف على <b>إدلب</b>.</p><p>وقال المرصد إن القصف استمر.</p>"
    path = write_lines(tmp_path / "h.jsonl", jline(id="h", text=html))
    [article] = list(read_articles(path))
    assert article.text == "قُتل مدنيان في قصف على إدلب.\nوقال المرصد إن القصف استمر."


def test_huge_text_is_reported_and_skipped(tmp_path):
    path = write_lines(tmp_path / "big.jsonl", jline(id="big", text="قصف " * 30), jline(id="small", text=REPORT))
    articles, errors = split(read_articles(path, max_chars=100))
    assert [a.id for a in articles] == ["small"]
    assert errors[0].line_no == 1 and "over the limit" in errors[0].message
    assert len(list(read_articles(path, max_chars=None))) == 2


def test_strict_raises_at_the_first_problem(tmp_path):
    path = write_lines(tmp_path / "s.jsonl", jline(id="ok", text=REPORT), b"{oops", jline(id="late", text=REPORT))
    items = read_articles(path, strict=True)
    assert next(items).id == "ok"
    with pytest.raises(StrictError, match=":2: malformed JSON"):
        next(items)


def test_duplicate_ids_are_warned(tmp_path):
    path = write_lines(tmp_path / "dup.jsonl", jline(id="x", text=REPORT), jline(id="x", text=REPORT))
    articles, errors = split(read_articles(path))
    assert len(articles) == 2
    assert errors[0].line_no == 2 and errors[0].kept and "duplicate" in errors[0].message


def test_text_file_title_id_and_published(tmp_path):
    path = tmp_path / "hirak-0625.txt"
    path.write_text("\n\n  قصف على الحراك  \n" + REPORT + "\n", encoding="utf-8")
    [article] = list(read_articles(path, published=date(2018, 6, 25)))
    assert (article.id, article.title, article.published) == ("hirak-0625", "قصف على الحراك", date(2018, 6, 25))
    assert REPORT in article.text


def test_cp1256_text_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(REPORT.encode("cp1256"))
    [article] = list(read_articles(path))
    assert article.text == REPORT


def test_binary_file_is_reported(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8")
    [error] = list(read_articles(path))
    assert isinstance(error, ReadError) and "neither UTF-8 nor cp1256" in error.message


def test_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>موقع</title><script>var a = 1;</script></head><body>"
                    "<nav><a>الرئيسية</a></nav><h1>غارات على خان شيخون</h1>"
                    "<p>قُتل سبعة مدنيين &amp; أصيب عشرة.</p><footer>حقوق النشر محفوظة</footer></body></html>",
                    encoding="utf-8")
    [article] = list(read_articles(path))
    assert article.id == "page"
    assert article.title == "غارات على خان شيخون"
    assert article.text == "غارات على خان شيخون\nقُتل سبعة مدنيين & أصيب عشرة."


def test_directory_is_read_recursively_in_order_and_skips_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("تقرير أول", encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_bytes(jline(id="c1", text="تقرير ثالث") + b"\n")
    (tmp_path / "b" / "b.htm").write_text("<p>تقرير ثان</p>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    articles, errors = split(read_articles(tmp_path))
    assert errors == []
    assert [a.id for a in articles] == ["a", "b", "c1"]


def test_compressed_json_lines(tmp_path):
    path = tmp_path / "in.jsonl.xz"
    path.write_bytes(lzma.compress(jline(id="z", text=REPORT) + b"\n"))
    assert [a.id for a in read_articles(path)] == ["z"]


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    [error] = list(read_articles(tmp_path / "nowhere.jsonl"))
    assert isinstance(error, ReadError) and "no such file" in error.message


@pytest.fixture
def stdin(monkeypatch):
    def feed(data: bytes):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return feed


def test_stdin_json_lines(stdin):
    stdin(b"\n" + jline(id="s1", text=REPORT) + b"\nnot json\n")
    articles, errors = split(read_articles("-"))
    assert [a.id for a in articles] == ["s1"]
    assert errors[0].source == "<stdin>" and errors[0].line_no == 3


def test_stdin_plain_text(stdin):
    stdin(("عنوان الخبر\n" + REPORT).encode("cp1256"))
    [article] = list(read_articles("-", published=date(2018, 6, 25)))
    assert (article.id, article.title, article.published) == ("stdin", "عنوان الخبر", date(2018, 6, 25))
    assert article.text.endswith(REPORT)


def test_decode_and_helpers():
    assert decode("إدلب".encode("utf-8")) == ("إدلب", "utf-8")
    assert decode(b"\xef\xbb\xbf" + "إدلب".encode("utf-8")) == ("إدلب", "utf-8")
    assert decode("إدلب".encode("cp1256")) == ("إدلب", "cp1256")
    assert decode("إدلب".encode("utf-16")) == ("إدلب", "utf-16")
    assert looks_like_html("<p>قصف</p>") and looks_like_html("سطر<br/>سطر")
    assert not looks_like_html("العدد < 5 و > 2")
    assert parse_day("2018-10-26") == date(2018, 10, 26)
    with pytest.raises(ValueError):
        parse_day("26/10/2018")


def test_a_hostile_folder_costs_each_bad_input_only_itself(hostile_folder):
    root, good_ids, bad = hostile_folder
    articles, errors = split(read_articles(root))
    assert {a.id for a in articles} == good_ids
    failures = [e for e in errors if not e.kept]
    assert sorted(Path(e.source).name for e in failures) == sorted(bad)
    for error in failures:
        assert bad[Path(error.source).name] in error.message
    by_id = {a.id: a for a in articles}
    assert by_id["cr2"].text.endswith(" 2") and by_id["utf16"].text.endswith(" 6")
    assert by_id["badbyte"].text == REPORT + "\ufffd" and by_id["nul"].text == REPORT + "\ufffd " + REPORT
    assert by_id["dup"].text.endswith(" 5") and by_id["types.jsonl:1"].title is None


@pytest.mark.parametrize("name, line_no, message", [
    ("badbyte.jsonl", 1, "invalid UTF-8 bytes; replaced by U+FFFD"),
    ("rawtab.jsonl", 1, "raw control characters inside a JSON string"),
    ("nul.jsonl", 1, "1 control character(s) (NUL and the like); replaced by U+FFFD"),
    ("surrogate.jsonl", 1, "lone surrogate"),
    ("surrogate.jsonl", 1, "'id' has lone surrogates or control characters; replaced by U+FFFD"),
    ("types.jsonl", 1, "'id' is list, not a string; using 'types.jsonl:1'"),
    ("types.jsonl", 1, "'title' is dict, not a string; left out"),
    ("dupkey.jsonl", 1, "duplicate key 'text'"),
])
def test_altered_inputs_are_read_with_a_warning_never_silently(hostile_folder, name, line_no, message):
    root, _, _ = hostile_folder
    warnings = [e for e in read_articles(root / name) if isinstance(e, ReadError)]
    assert any(e.kept and e.line_no == line_no and message in e.message for e in warnings), warnings


def test_cr_and_crlf_line_ends_count_lines_even_when_a_crlf_is_cut_between_chunks():
    from rasid.decoding import byte_lines as _byte_lines
    assert list(_byte_lines([b"a\r", b"\nb\rc\r\n", b"d"])) == [b"a", b"b", b"c", b"d"]
    assert list(_byte_lines([b"aaaa", b"aaaa\nb\n"], max_bytes=5)) == [8, b"b"]


def test_an_overlong_line_is_skipped_unread_and_the_limits_are_configurable(tmp_path):
    path = write_lines(tmp_path / "long.jsonl", jline(id="a", text=REPORT), jline(id="long", text="قصف " * 5_000),
                       b'{"id": "deep", "text": "' + REPORT.encode() + b'", "x": [[[[1]]]]}', jline(id="b", text=REPORT))
    articles, errors = split(read_articles(path, max_line_bytes=1_000, max_depth=3))
    assert [a.id for a in articles] == ["a", "b"]
    assert [(e.line_no, e.kept) for e in errors] == [(2, False), (3, False)]
    assert "over the limit of 1,000 (--max-line-bytes)" in errors[0].message
    assert "nested deeper than 3 levels" in errors[1].message
    assert len(split(read_articles(path))[0]) == 4


def test_a_named_pipe_given_by_name_is_read_once(tmp_path):
    import os
    import threading
    pipe = tmp_path / "from-zcat"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_bytes(jline(id="p", text=REPORT) + b"\n"))
    writer.start()
    articles, errors = split(read_articles(pipe))
    writer.join()
    assert [a.id for a in articles] == ["p"] and errors == []


def test_a_file_name_that_is_not_utf8_gives_a_readable_id(tmp_path):
    import os
    os.makedirs(tmp_path / "in")
    (tmp_path / "in").joinpath(os.fsdecode(b"\xff.txt")).write_text(REPORT, encoding="utf-8")
    articles, errors = split(read_articles(tmp_path / "in"))
    assert [a.id for a in articles] == ["\ufffd"] and errors[0].kept


def test_a_text_file_over_the_byte_limit_is_skipped_unread(tmp_path):
    (tmp_path / "big.txt").write_text(REPORT * 50, encoding="utf-8")
    (tmp_path / "small.txt").write_text(REPORT, encoding="utf-8")
    articles, errors = split(read_articles(tmp_path, max_line_bytes=1_000))
    assert [a.id for a in articles] == ["small"]
    assert errors[0].source.endswith("big.txt") and "--max-line-bytes" in errors[0].message


# --- generated input (hypothesis; profiles in conftest.py) and the fuzz corpus (tests/fuzz/) --------

from hypothesis import given, strategies as st  # noqa: E402

from conftest import check_events, clean_arabic_texts, hostile_lines  # noqa: E402

FUZZ = Path(__file__).parent / "fuzz"
LINE_ENDS = st.lists(st.sampled_from([b"\n", b"\r\n", b"\r"]), min_size=8, max_size=8)


def _encodable(article: Article) -> None:
    for value in (article.id, article.text, article.title, article.outlet, article.url):
        if value is not None:
            value.encode("utf-8")
    assert control_characters(article.text) == 0


@given(st.lists(st.one_of(clean_arabic_texts().map(lambda t: ("good", t)), hostile_lines().map(lambda b: ("bad", b))),
                max_size=8), LINE_ENDS, st.booleans(), st.booleans())
def test_generated_hostile_lines_cost_only_themselves(tmp_path_factory, lines, ends, bom, ascii_only):
    blobs, good = [], {}
    for i, (kind, value) in enumerate(lines):
        if kind == "good":
            good[f"g{i}"] = (i + 1, value)
            # a BOM mid-file is two files concatenated: the line after it is still read
            blobs.append((b"\xef\xbb\xbf" if bom else b"") + jline(id=f"g{i}", text=value).replace(
                json.dumps(value, ensure_ascii=False).encode(), json.dumps(value, ensure_ascii=ascii_only).encode()))
        else:
            blobs.append(value or b" ")  # CR, an empty line, LF would read as one CRLF
    path = tmp_path_factory.mktemp("lines") / "in.jsonl"
    path.write_bytes(b"".join(blob + end for blob, end in zip(blobs, ends)))
    items = list(read_articles(path))
    articles, errors = split(items)
    texts = {a.id: a.text for a in articles}
    for article_id, (_, text) in good.items():
        assert texts.get(article_id) == text, article_id
    good_lines = {line_no for line_no, _ in good.values()}
    assert not [e for e in errors if e.line_no in good_lines], errors
    assert all(e.line_no is None or 1 <= e.line_no <= len(lines) for e in errors)
    for article in articles:
        _encodable(article)


@given(st.one_of(st.binary(max_size=300), hostile_lines(), clean_arabic_texts().map(
    lambda t: t.encode(["utf-8", "cp1256", "utf-16", "utf-16-le"][len(t) % 4], "replace"))),
    st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.jsonl.gz", "a"]))
def test_generated_files_of_every_kind_never_stop_the_reader(tmp_path_factory, blob, name):
    path = tmp_path_factory.mktemp("doc") / name
    path.write_bytes(blob)
    articles, errors = split(read_articles(path))
    for article in articles:
        _encodable(article)
    if name != "a.jsonl" and not blob.strip():
        assert errors and not articles


def _fuzz_cases() -> list[tuple[Path, set[str], set[int | None]]]:
    """Returns each corpus file with the ids it must store and the lines it must report, from tests/fuzz/README.md."""
    cases = []
    for row in (FUZZ / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.strip("|").split("|")]
        if len(cells) != 4 or not (FUZZ / cells[0]).is_file():
            continue
        ids = {i.strip().replace("\\ufffd", "\ufffd") for i in cells[2].split(",") if i.strip()}
        lines = {None if n.strip() == "-" else int(n) for n in cells[3].split(",") if n.strip()}
        cases.append((FUZZ / cells[0], ids, lines))
    return cases


def test_the_fuzz_corpus_table_names_every_file():
    listed = {path for path, _, _ in _fuzz_cases()}
    assert listed == {p for p in FUZZ.rglob("*") if p.is_file() and p.name != "README.md"}


@pytest.mark.parametrize("path, ids, error_lines", [pytest.param(*case, id=case[0].name) for case in _fuzz_cases()])
def test_every_fuzz_corpus_file_is_read_and_analyzed_within_the_contract(path, ids, error_lines):
    from rasid.pipeline import analyze
    articles, errors = split(read_articles(path))
    assert {a.id for a in articles} == ids
    assert {e.line_no for e in errors if not e.kept} == error_lines
    for article in articles:
        _encodable(article)
        check_events(article, analyze(article))


def test_the_fuzz_corpus_as_one_folder_is_read_whole():
    articles, errors = split(read_articles(FUZZ))
    assert {a.id for a in articles} == set().union(*(ids for _, ids, _ in _fuzz_cases()))
    assert len({e.source for e in errors if not e.kept}) == sum(1 for _, _, lines in _fuzz_cases() if lines)


def test_a_utf8_file_whose_first_line_is_a_stray_nul_or_utf16_loses_no_other_line(tmp_path):
    # hypothesis found it: two bytes of NUL beside ASCII at the head made the whole file read as UTF-16
    for first in (b"\x00x", b"\x00", json.dumps({"id": "e", "text": ""}).encode("utf-16-be")):
        path = write_lines(tmp_path / "nul.jsonl", first, jline(id="after", text=REPORT))
        articles, errors = split(read_articles(path))
        assert [a.id for a in articles] == ["after"] and [e.line_no for e in errors] == [1]
    # a long UTF-16 line: the UTF-8 line after it, read two bytes at a time, is a run of CJK and Hangul
    path = write_lines(tmp_path / "long.jsonl", json.dumps({"id": "e", "text": REPORT * 30}).encode("utf-16-le"),
                       jline(id="after", text=REPORT))
    assert "after" in {a.id for a in read_articles(path) if isinstance(a, Article)}
