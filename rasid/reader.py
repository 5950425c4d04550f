"""Input articles from JSON lines, text and HTML files, directories or stdin, losing nothing silently."""
from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import lzma
import os
import re
import stat
import sys
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import partial
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from .decoding import (CONTROL, LOSSY_UTF8, MAX_LINE_BYTES, byte_lines, chunks_of, control_characters, decode,
                       head_of, is_binary, looks_like_html, utf16_as_utf8)
from .htmltext import html_to_text
from .records import Article

log = logging.getLogger(__name__)

# Past this a "text" is a dump or a scraping accident, not a news report; analysing it would stall a batch.
MAX_CHARS = 1_000_000
# An article is one flat object; deeper JSON is a generator's accident (and past ~900 levels a parser crash).
MAX_DEPTH = 32
# The parser recurses once per level, so a configured depth stays well below Python's recursion limit.
DEPTH_CEILING = 500

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.xz", ".jsonl.gz", ".ndjson.xz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
STDIN = "-"

# A lone UTF-16 surrogate is valid in a JSON string («"\\ud800"») but cannot be encoded, hashed or stored.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Strings (skipped whole, possessively) and brackets: enough to measure nesting without parsing.
_STRUCTURE = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')
# Either of the above: one scan of a clean text answers both questions.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?")


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


@dataclass(frozen=True)
class Limits:
    """How much one input may hold: characters of a text, bytes of a line or file, levels of JSON nesting."""

    max_chars: int | None = MAX_CHARS
    max_line_bytes: int = MAX_LINE_BYTES
    max_depth: int = MAX_DEPTH



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


def _encodable(value: str) -> str:
    """Returns the string with lone surrogates and C0 controls replaced by U+FFFD: «قصف\\ud800» → «قصف\ufffd»."""
    return _UNSAFE.sub("\ufffd", value) if _UNSAFE.search(value) else value


def _field(record: dict, key: str, problem: Any, instead: str | None = None) -> str | None:
    """Returns a metadata field as text (an integer written out: numeric ids are common), else `instead`."""
    value = record.get(key)
    if value is None or value == "":
        return instead
    if isinstance(value, str):
        if _UNSAFE.search(value):
            problem(f"'{key}' has lone surrogates or control characters; replaced by U+FFFD", kept=True)
        return _encodable(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    problem(f"'{key}' is {type(value).__name__}, not a string; " + (f"using {instead!r}" if instead else "left out"),
            kept=True)
    return instead


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
    clean = _UNSAFE.search(text) is None
    unencodable = 0 if clean else len(_SURROGATE.findall(text))
    if unencodable:
        text = _SURROGATE.sub("\ufffd", text)
        problem(f"'text' has {unencodable:,} lone surrogate escape(s) (\\ud800-\\udfff); replaced by U+FFFD",
                kept=True)
    controls = 0 if clean else control_characters(text)
    if controls:
        if is_binary(text, controls):
            problem(f"'text' has {controls:,} control characters (NUL and the like): binary, not a report; skipped")
            return None, problems
        # One for one, so that offsets into the stored text are offsets into what the outlet sent.
        text = CONTROL.sub("\ufffd", text)
        problem(f"'text' has {controls:,} control character(s) (NUL and the like); replaced by U+FFFD", kept=True)
    if looks_like_html(text):
        # Offsets then refer to the converted text, which is what the events are written against.
        log.info("%s:%s: 'text' is HTML; converted to plain text", source, line_no)
        text = html_to_text(text)
        if not text.strip():
            problem("'text' is HTML with no article text in it")
            return None, problems
    made_id = f"{_encodable(Path(source).name)}:{line_no}"
    article_id = _field(record, "id", problem, made_id)
    if record.get("id") in (None, ""):
        problem(f"missing 'id'; using {made_id!r}", kept=True)
    day = published
    if record.get("published") not in (None, ""):
        try:
            day = parse_day(record["published"])
        except ValueError as err:
            problem(f"bad 'published' ({err}); read without a date", kept=True)
    article = Article(id=article_id, text=text, outlet=_field(record, "outlet", problem),
                      published=day, url=_field(record, "url", problem), title=_field(record, "title", problem))
    return article, problems


def nested_deeper(line: str, limit: int) -> bool:
    """Tells whether JSON text nests arrays and objects more than `limit` deep: («[[1]]», 1) → True."""
    if line.count("[") + line.count("{") <= limit:
        return False
    depth = 0
    for m in _STRUCTURE.finditer(line):
        token = m.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > limit:
                return True
        elif token == "]" or token == "}":
            depth -= 1
    return False


def _object(pairs: list[tuple[str, Any]], repeated: list[str]) -> dict:
    obj = dict(pairs)
    if len(obj) < len(pairs):
        repeated.extend(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
    return obj


def parse_json_line(line: str, source: str, line_no: int | None,
                    max_depth: int = MAX_DEPTH) -> tuple[Any, list[ReadError]]:
    """Parses one JSON line, with its problems: a value and warnings, or None and the error that stopped it."""
    if nested_deeper(line, max_depth):
        return None, [ReadError(source, line_no, f"JSON nested deeper than {max_depth} levels (--max-depth); skipped")]
    warnings: list[ReadError] = []
    repeated: list[str] = []
    hook = partial(_object, repeated=repeated)
    try:
        try:
            value = json.loads(line, object_pairs_hook=hook)
        except json.JSONDecodeError as err:
            if not err.msg.startswith("Invalid control character"):
                raise
            # Raw tabs and line breaks inside strings break the JSON rule, not the report they carry.
            repeated.clear()
            value = json.loads(line, object_pairs_hook=hook, strict=False)
            warnings.append(ReadError(source, line_no, "raw control characters inside a JSON string; read anyway",
                                      kept=True))
    except json.JSONDecodeError as err:
        return None, [ReadError(source, line_no, f"malformed JSON: {err.msg} at column {err.colno}")]
    except RecursionError:
        return None, [ReadError(source, line_no, "JSON nested too deeply to be an article; skipped")]
    warnings += [ReadError(source, line_no, f"duplicate key {key!r} in one object; the last value is used",
                           kept=True) for key in dict.fromkeys(repeated)]
    return value, warnings


def json_lines(lines: Iterable[bytes | int], source: str, limits: Limits = Limits(),
               report_empty: bool = True) -> Iterator[tuple[int | None, Any]]:
    """Yields (line number, JSON value or ReadError) for each non-blank line; an int in `lines` is an overlong line."""
    encodings: set[str] = set()
    blank = True
    for line_no, raw in enumerate(lines, 1):
        if isinstance(raw, int):
            blank = False
            yield line_no, ReadError(source, line_no, f"line of {raw:,} bytes, over the limit of "
                                     f"{limits.max_line_bytes:,} (--max-line-bytes); skipped unread")
            continue
        # Each line is decoded alone so that one cp1256 or corrupt line spoils only itself.
        try:
            line, encoding = decode(raw)
        except UnicodeError as err:
            blank = False
            yield line_no, ReadError(source, line_no, str(err))
            continue
        # A BOM mid-file is where two files were concatenated: the second one's first line is still JSON.
        line = line.strip().lstrip("\ufeff").lstrip()
        if not line:
            continue
        blank = False
        if encoding not in encodings and encoding not in ("utf-8", LOSSY_UTF8):
            encodings.add(encoding)
            log.info("%s:%d: decoded as %s", source, line_no, encoding)
        value, problems = parse_json_line(line, source, line_no, limits.max_depth)
        if encoding == LOSSY_UTF8 and value is not None:
            problems.insert(0, ReadError(source, line_no, "invalid UTF-8 bytes; replaced by U+FFFD", kept=True))
        for problem in problems:
            yield line_no, problem
        if value is not None or not problems:
            yield line_no, value
    if blank and report_empty:
        yield None, ReadError(source, None, "empty file: no JSON lines")


def json_records(path: str | os.PathLike, limits: Limits = Limits(),
                 report_empty: bool = True) -> Iterator[tuple[int | None, Any]]:
    """Yields (line number, JSON value or ReadError) of a JSON-lines file, .xz and .gz included."""
    yield from json_lines(raw_lines(path, limits.max_line_bytes), str(path), limits, report_empty)


def raw_lines(path: str | os.PathLike, max_bytes: int = MAX_LINE_BYTES) -> Iterator[bytes | int]:
    """Yields the undecoded lines of a JSON-lines file (.xz, .gz) as json_records numbers them; an int is an overlong line's size."""
    with _open_binary(Path(path)) as stream:
        yield from byte_lines(utf16_as_utf8(chunks_of(stream)), max_bytes)


def _open_binary(path: Path) -> IO[bytes]:
    name = path.name.lower()
    if name.endswith(".xz"):
        return lzma.open(path, "rb")
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")



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
    start = blob.removeprefix(codecs.BOM_UTF8).replace(b"\x00", b"").lstrip(b" \t\r\n\xff\xfe")[:1]
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
    if encoding == LOSSY_UTF8:
        yield ReadError(source, None, "invalid UTF-8 bytes; replaced by U+FFFD", kept=True)
    elif encoding != "utf-8":
        log.info("%s: decoded as %s", source, encoding)
    if max_chars is not None and len(text) > max_chars:
        yield ReadError(source, None, f"{len(text):,} characters, over the limit of {max_chars:,}; skipped")
        return
    controls = control_characters(text)
    if controls and is_binary(text, controls):
        yield ReadError(source, None, f"{controls:,} control characters (NUL and the like): binary, not a report; "
                        "skipped")
        return
    if controls:
        text = CONTROL.sub("\ufffd", text)
        yield ReadError(source, None, f"{controls:,} control character(s) (NUL and the like); replaced by U+FFFD",
                        kept=True)
    if kind == "html":
        text = html_to_text(text)
    if not text.strip():
        yield ReadError(source, None, "no article text")
        return
    article_id = _encodable(stem)
    if article_id != stem:
        yield ReadError(source, None, f"the file name is not UTF-8; the id is {article_id!r}", kept=True)
    text = _SURROGATE.sub("\ufffd", text)
    yield Article(id=article_id, text=text, published=published, title=first_line(text)), source, None


def _records(values: Iterable[tuple[int | None, Any]], source: str, published: date | None,
             max_chars: int | None) -> Iterator[_Located | ReadError]:
    for line_no, value in values:
        if isinstance(value, ReadError):
            yield value
            continue
        article, problems = to_article(value, source, line_no, published, max_chars)
        yield from problems
        if article is not None:
            yield article, source, line_no


def _stream(chunks: Iterator[bytes], kind: str | None, source: str, stem: str, published: date | None,
            limits: Limits) -> Iterator[_Located | ReadError]:
    """Reads one stream (a file or stdin) as JSON lines or as one document, by `kind` or else by its first byte."""
    head, chunks = head_of(chunks)
    if kind is None:
        kind = _sniff(head)
    if kind == "jsonl":
        lines = byte_lines(utf16_as_utf8(chunks), limits.max_line_bytes)
        yield from _records(json_lines(lines, source, limits), source, published, limits.max_chars)
        return
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limits.max_line_bytes:
            yield ReadError(source, None, f"over {limits.max_line_bytes:,} bytes (--max-line-bytes); skipped unread")
            return
        parts.append(chunk)
    blob = b"".join(parts)
    if not blob.strip():
        yield ReadError(source, None, "no input on stdin" if source == "<stdin>" else "empty file")
        return
    yield from _document(blob, kind, source, stem, published, limits.max_chars)


def _stdin(published: date | None, limits: Limits) -> Iterator[_Located | ReadError]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin replaced by a caller
        stream = io.BytesIO(sys.stdin.read().encode("utf-8", errors="surrogateescape"))
    yield from _stream(chunks_of(stream), None, "<stdin>", "stdin", published, limits)


def _file(path: Path, kind: str | None, published: date | None, limits: Limits) -> Iterator[_Located | ReadError]:
    source = str(path)
    stem = Path(path.name.removesuffix(".gz").removesuffix(".xz")).stem
    try:
        # One open, read once: a named pipe («<(zcat a.jsonl.gz)») cannot be opened a second time.
        with _open_binary(path) as stream:
            yield from _stream(chunks_of(stream), kind, source, stem, published, limits)
    except (OSError, EOFError, lzma.LZMAError, zlib.error) as err:
        yield ReadError(source, None, f"cannot read: {getattr(err, 'strerror', None) or err}")


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
            try:
                mode = path.stat().st_mode
            except OSError:
                mode = stat.S_IFREG  # a broken link: _file says why it cannot be read
            if not stat.S_ISREG(mode):
                # A pipe or device found by a walk would block the batch or never end.
                yield ReadError(str(path), None, "not a regular file (a pipe, socket or device); skipped")
                continue
            yield path
    yield from problems


def article_files(root: str | os.PathLike) -> Iterator[Path | ReadError]:
    """Yields the article files under a directory as read_articles reads them (sorted, recursive), and a ReadError per unreadable entry."""
    return _directory(Path(root))


def _sources(path: str, published: date | None, limits: Limits) -> Iterator[_Located | ReadError]:
    if path == STDIN:
        yield from _stdin(published, limits)
        return
    root = Path(path)
    if root.is_dir():
        for item in _directory(root):
            if isinstance(item, ReadError):
                yield item
            else:
                yield from _file(item, kind_of(item), published, limits)
    elif root.exists():
        yield from _file(root, kind_of(root), published, limits)
    else:
        yield ReadError(path, None, "no such file or directory")


def read_articles(path: str | os.PathLike, published: date | None = None, strict: bool = False,
                  max_chars: int | None = MAX_CHARS, max_line_bytes: int = MAX_LINE_BYTES,
                  max_depth: int = MAX_DEPTH) -> Iterator[Article | ReadError]:
    """Yields the Articles of a file, a directory (sorted, recursive) or «-» (stdin) and a ReadError per problem."""
    # `published` dates .txt/.html inputs and JSON lines that have no date; `strict` raises StrictError
    # at the first problem, warnings included, because a strict run promises that nothing was altered.
    limits = Limits(max_chars, max_line_bytes, max_depth)
    seen: set[str] = set()
    for item in _sources(str(path), published, limits):
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
