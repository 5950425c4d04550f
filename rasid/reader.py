"""Input articles from JSON lines, text and HTML files, directories or stdin, losing nothing silently."""
from __future__ import annotations

import codecs
import gzip
import json
import logging
import lzma
import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from .htmltext import html_to_text
from .records import Article

log = logging.getLogger(__name__)

# Past this a "text" is a dump or a scraping accident, not a news report; analysing it would stall a batch.
MAX_CHARS = 1_000_000

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.xz", ".jsonl.gz", ".ndjson.xz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
STDIN = "-"

# C0 controls never occur in real text; cp1256 maps every byte, so they are what betrays binary input.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A lone UTF-16 surrogate is valid in a JSON string («"\\ud800"») but cannot be encoded, hashed or stored.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?")
# Tags that real article text never contains; a lone «<» or «>» in prose does not count.
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|br|span|a|b|i|u|em|strong|h[1-6]|ul|ol|li|table|tr|td|th|img|figure|figcaption"
    r"|blockquote|section|article|header|footer|nav|aside|script|style|iframe|html|body|head|meta)"
    r"(?:\s[^<>]*)?/?>", re.I)


@dataclass(frozen=True)
class ReadError:
    """A problem with one input line or file; `kept` says the article was still read (a warning)."""

    source: str
    line_no: int | None
    message: str
    kept: bool = False

    def __str__(self) -> str:
        where = f"{self.source}:{self.line_no}" if self.line_no else self.source
        return f"{where}: {self.message}"


class StrictError(Exception):
    """The first input problem of a --strict run."""

    def __init__(self, error: ReadError):
        super().__init__(str(error))
        self.error = error


def decode(blob: bytes) -> tuple[str, str]:
    """Decodes UTF-8 (with or without BOM), UTF-16 with BOM, else cp1256: b"\\xe3\\xd1\\xcf" → («مرد», "cp1256")."""
    if blob.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return blob.decode("utf-16"), "utf-16"
    if blob.startswith(codecs.BOM_UTF8):
        blob = blob[len(codecs.BOM_UTF8):]
    try:
        return blob.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    text = blob.decode("cp1256")
    if _CONTROL.search(text):
        raise UnicodeError(f"neither UTF-8 nor cp1256 text ({utf8_error.reason} at byte {utf8_error.start})")
    return text, "cp1256"


def looks_like_html(text: str) -> bool:
    """Tells whether text carries HTML markup: «<p>قصف</p>» → True, «5 < 7» → False."""
    return _HTML_TAG.search(text) is not None


def parse_day(value: Any) -> date:
    """Parses a YYYY-MM-DD day, ignoring a time after it: «2018-10-26T08:00:00Z» → date(2018, 10, 26)."""
    if not isinstance(value, str):
        raise ValueError(f"expected a YYYY-MM-DD string, got {type(value).__name__}")
    m = _ISO_DAY.fullmatch(value.strip())
    if not m:
        raise ValueError(f"expected YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(m.group(1))
    except ValueError as err:
        raise ValueError(f"{value!r}: {err}") from None


def first_line(text: str) -> str | None:
    """Returns the first non-empty line, stripped: «\\n  قصف على دوما\\nقتل 3» → «قصف على دوما»."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None


def _optional_str(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return _encodable(value) if value else None
    return _encodable(str(value))


def _encodable(value: str) -> str:
    """Returns the string with lone surrogates replaced by U+FFFD: «قصف\\ud800» → «قصف\ufffd»."""
    return _SURROGATE.sub("\ufffd", value)


def to_article(record: Any, source: str, line_no: int | None, published: date | None = None,
               max_chars: int | None = MAX_CHARS) -> tuple[Article | None, list[ReadError]]:
    """Builds an Article from one EVENTS.md §1 JSON object, with the problems found (None when unusable)."""
    problems: list[ReadError] = []

    def problem(message: str, kept: bool = False) -> None:
        problems.append(ReadError(source, line_no, message, kept))

    if not isinstance(record, dict):
        problem(f"expected a JSON object, got {type(record).__name__}")
        return None, problems
    text = record.get("text")
    if text is None:
        problem("missing 'text'")
    elif not isinstance(text, str):
        problem(f"'text' is {type(text).__name__}, not a string")
    elif not text.strip():
        problem("empty 'text'")
    elif max_chars is not None and len(text) > max_chars:
        problem(f"'text' has {len(text):,} characters, over the limit of {max_chars:,}; skipped")
    if problems:
        return None, problems
    unencodable = len(_SURROGATE.findall(text))
    if unencodable:
        text = _encodable(text)
        problem(f"'text' has {unencodable:,} lone surrogate escape(s) (\\ud800-\\udfff); replaced by U+FFFD",
                kept=True)
    if looks_like_html(text):
        # Offsets then refer to the converted text, which is what the events are written against.
        log.info("%s:%s: 'text' is HTML; converted to plain text", source, line_no)
        text = html_to_text(text)
        if not text.strip():
            problem("'text' is HTML with no article text in it")
            return None, problems
    article_id = _optional_str(record.get("id"))
    if article_id is None:
        article_id = f"{Path(source).name}:{line_no}"
        problem(f"missing 'id'; using {article_id!r}", kept=True)
    day = published
    if record.get("published") not in (None, ""):
        try:
            day = parse_day(record["published"])
        except ValueError as err:
            problem(f"bad 'published' ({err}); read without a date", kept=True)
    article = Article(id=article_id, text=text, outlet=_optional_str(record.get("outlet")),
                      published=day, url=_optional_str(record.get("url")),
                      title=_optional_str(record.get("title")))
    return article, problems


def json_lines(lines: Iterable[bytes], source: str) -> Iterator[tuple[int, Any]]:
    """Yields (line number, JSON value or ReadError) for each non-blank line of a JSON-lines byte stream."""
    encodings: set[str] = set()
    for line_no, raw in enumerate(lines, 1):
        # Each line is decoded alone so that one cp1256 or corrupt line spoils only itself.
        try:
            line, encoding = decode(raw)
        except UnicodeError as err:
            yield line_no, ReadError(source, line_no, str(err))
            continue
        if not line.strip():
            continue
        if encoding not in encodings and encoding != "utf-8":
            encodings.add(encoding)
            log.info("%s:%d: decoded as %s", source, line_no, encoding)
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            yield line_no, ReadError(source, line_no, f"malformed JSON: {err.msg} at column {err.colno}")
            continue
        except RecursionError:
            # «[[[[…]]]]» thousands deep: valid JSON no article has, and a crash for the parser
            yield line_no, ReadError(source, line_no, "JSON nested too deeply to be an article; skipped")
            continue
        yield line_no, value


def json_records(path: str | os.PathLike) -> Iterator[tuple[int, Any]]:
    """Yields (line number, JSON value or ReadError) of a JSON-lines file, .xz and .gz included."""
    with _open_binary(Path(path)) as stream:
        yield from json_lines(_byte_lines(stream), str(path))


def _open_binary(path: Path) -> IO[bytes]:
    name = path.name.lower()
    if name.endswith(".xz"):
        return lzma.open(path, "rb")
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _byte_lines(stream: IO[bytes]) -> Iterator[bytes]:
    # Lines are split on b"\n" only: U+2028 inside a JSON string is text, not a line break.
    if stream.peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):  # type: ignore[attr-defined]
        for line in stream.read().decode("utf-16").split("\n"):
            yield line.rstrip("\r").encode("utf-8")
        return
    for line in stream:
        yield line.rstrip(b"\r\n")


def kind_of(path: Path) -> str | None:
    """Names the reader for a file by its suffix: «a.jsonl.xz» → "jsonl", «b.htm» → "html", «c.pdf» → None."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return None


def _sniff(blob: bytes) -> str:
    start = blob.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    return "jsonl" if start == b"{" else "html" if start == b"<" else "text"


# Internal readers yield (article, source, line number) so that read_articles can say where a
# duplicate id comes from; read_articles hands out the bare Article.
_Located = tuple[Article, str, int | None]


def _document(blob: bytes, kind: str, source: str, stem: str,
              published: date | None, max_chars: int | None) -> Iterator[_Located | ReadError]:
    try:
        text, encoding = decode(blob)
    except UnicodeError as err:
        yield ReadError(source, None, str(err))
        return
    if encoding != "utf-8":
        log.info("%s: decoded as %s", source, encoding)
    if max_chars is not None and len(text) > max_chars:
        yield ReadError(source, None, f"{len(text):,} characters, over the limit of {max_chars:,}; skipped")
        return
    if kind == "html":
        text = html_to_text(text)
    if not text.strip():
        yield ReadError(source, None, "no article text")
        return
    yield Article(id=stem, text=text, published=published, title=first_line(text)), source, None


def _records(values: Iterable[tuple[int, Any]], source: str, published: date | None,
             max_chars: int | None) -> Iterator[_Located | ReadError]:
    for line_no, value in values:
        if isinstance(value, ReadError):
            yield value
            continue
        article, problems = to_article(value, source, line_no, published, max_chars)
        yield from problems
        if article is not None:
            yield article, source, line_no


def _stdin(published: date | None, max_chars: int | None) -> Iterator[_Located | ReadError]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin replaced by a caller
        blob = sys.stdin.read().encode("utf-8")
        stream = iter(blob.splitlines(keepends=True))
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.strip():
            break
    kind = _sniff(b"".join(head))
    if kind == "jsonl":
        lines = (line.rstrip(b"\r\n") for chain in (head, stream) for line in chain)
        yield from _records(json_lines(lines, "<stdin>"), "<stdin>", published, max_chars)
        return
    blob = b"".join(head) + b"".join(stream)
    if not blob.strip():
        yield ReadError("<stdin>", None, "no input on stdin")
        return
    yield from _document(blob, kind, "<stdin>", "stdin", published, max_chars)


def _file(path: Path, kind: str | None, published: date | None,
          max_chars: int | None) -> Iterator[_Located | ReadError]:
    source = str(path)
    try:
        if kind is None:
            with _open_binary(path) as stream:
                kind = _sniff(stream.read(4096))
        if kind == "jsonl":
            yield from _records(json_records(path), source, published, max_chars)
            return
        with _open_binary(path) as stream:
            blob = stream.read()
    except (OSError, EOFError, lzma.LZMAError) as err:
        yield ReadError(source, None, f"cannot read: {getattr(err, 'strerror', None) or err}")
        return
    stem = Path(path.name.removesuffix(".gz").removesuffix(".xz")).stem
    yield from _document(blob, kind, source, stem, published, max_chars)


def _directory(root: Path) -> Iterator[Path | ReadError]:
    def unreadable(err: OSError) -> None:
        problems.append(ReadError(err.filename or str(root), None, f"cannot read directory: {err.strerror}"))

    problems: list[ReadError] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        yield from problems
        problems.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if name.startswith(".") or kind_of(path) is None:
                log.debug("%s: not an article file; ignored", path)
                continue
            yield path
    yield from problems


def _sources(path: str, published: date | None, max_chars: int | None) -> Iterator[_Located | ReadError]:
    if path == STDIN:
        yield from _stdin(published, max_chars)
        return
    root = Path(path)
    if root.is_dir():
        for item in _directory(root):
            if isinstance(item, ReadError):
                yield item
            else:
                yield from _file(item, kind_of(item), published, max_chars)
    elif root.exists():
        yield from _file(root, kind_of(root), published, max_chars)
    else:
        yield ReadError(path, None, "no such file or directory")


def read_articles(path: str | os.PathLike, published: date | None = None, strict: bool = False,
                  max_chars: int | None = MAX_CHARS) -> Iterator[Article | ReadError]:
    """Yields the Articles of a file, a directory (sorted, recursive) or «-» (stdin) and a ReadError per problem."""
    # `published` dates .txt/.html inputs and JSON lines that have no date; `strict` raises StrictError
    # at the first problem, warnings included, because a strict run promises that nothing was altered.
    seen: set[str] = set()
    for item in _sources(str(path), published, max_chars):
        if isinstance(item, ReadError):
            if strict:
                raise StrictError(item)
            yield item
            continue
        article, source, line_no = item
        if article.id in seen:
            # Events are keyed by article_id, so a repeated id merges two reports downstream.
            duplicate = ReadError(source, line_no, f"duplicate article id {article.id!r}", kept=True)
            if strict:
                raise StrictError(duplicate)
            yield duplicate
        seen.add(article.id)
        yield article
