"""Bytes to text for article input: UTF-8, UTF-16 with or without BOM, cp1256; lines split on bytes."""
from __future__ import annotations

import codecs
import itertools
import re
from functools import partial
from typing import IO, Iterable, Iterator

# A JSON line (or a whole .txt/.html file) past this many bytes is skipped unread, so a 100 MB line costs
# neither memory nor time; 16 MiB leaves room for reader.MAX_CHARS of text written as «\\u0642» escapes or as HTML.
MAX_LINE_BYTES = 16 * 1024 * 1024
CHUNK = 1 << 20
# Bytes at the head of a JSON-lines stream whose NULs tell UTF-16 without BOM from UTF-8.
_SNIFF = 4096
# C0 controls never occur in real text; cp1256 maps every byte, so they are what betrays binary input.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# What bytes of UTF-8 (or ASCII) become when read two by two as UTF-16: runs of symbols, CJK, Hangul.
_NOT_ARABIC_UTF16 = re.compile("[\u2100-\ufb4f\ufffd]{3}")
# What decode() calls UTF-8 in which a few corrupt bytes were replaced by U+FFFD.
LOSSY_UTF8 = "utf-8 with invalid bytes replaced"
# Tags that real article text never contains; a lone «<» or «>» in prose does not count.
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|br|span|a|b|i|u|em|strong|h[1-6]|ul|ol|li|table|tr|td|th|img|figure|figcaption"
    r"|blockquote|section|article|header|footer|nav|aside|script|style|iframe|html|body|head|meta)"
    r"(?:\s[^<>]*)?/?>", re.I)


def decode(blob: bytes) -> tuple[str, str]:
    """Decodes UTF-8 (with or without BOM), UTF-16, else cp1256: b"\\xe3\\xd1\\xcf" → («مرد», "cp1256")."""
    if blob.startswith(_UTF16_BOMS):
        return blob.decode("utf-16", errors="replace"), "utf-16"
    if blob.startswith(codecs.BOM_UTF8):
        blob = blob[len(codecs.BOM_UTF8):]
    utf16 = _bomless_utf16(blob)
    if utf16 is not None:
        return utf16
    try:
        return blob.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    lossy = blob.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd") - blob.count("\ufffd".encode("utf-8"))
    good = len(lossy) - len(lossy.encode("ascii", "ignore")) - lossy.count("\ufffd")
    # cp1256 Arabic read as UTF-8 is almost all invalid; UTF-8 with a stray byte is almost all valid.
    if good >= 4 * bad:
        return lossy, LOSSY_UTF8
    text = blob.decode("cp1256")
    if CONTROL.search(text):
        raise UnicodeError(f"neither UTF-8 nor cp1256 text ({utf8_error.reason} at byte {utf8_error.start})")
    return text, "cp1256"


def _utf16_order(blob: bytes) -> str | None:
    """Names the UTF-16 byte order whose NUL bytes fall on one side of each pair: b'{\\x00"\\x00' → "utf-16-le"."""
    pairs = len(blob) // 2
    even, odd = blob[0:2 * pairs:2].count(0), blob[1:2 * pairs:2].count(0)
    # Spaces, digits and Latin letters have a zero high byte; Arabic letters (U+06xx) do not, hence 10%.
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if pairs and zeros * 10 >= pairs and other * 100 <= pairs:
            return encoding
    return None


def _bomless_utf16(blob: bytes) -> tuple[str, str] | None:
    """Reads UTF-16 without BOM, told by NUL bytes on one side of each pair: «إدلب» in utf-16-le → («إدلب», "utf-16-le")."""
    if b"\x00" not in blob or len(blob) % 2:
        return None
    encoding = _utf16_order(blob)
    if encoding is None:
        return None
    try:
        text = blob.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if not CONTROL.search(text) else None


def control_characters(text: str) -> int:
    """Counts the C0 control characters other than whitespace: «قصف\\x00» → 1."""
    return len(CONTROL.findall(text))


def is_binary(text: str, controls: int) -> bool:
    # A stray NUL in a report is damage to repair; one character in ten is not text at all.
    return controls * 10 > len(text)


def looks_like_html(text: str) -> bool:
    """Tells whether text carries HTML markup: «<p>قصف</p>» → True, «5 < 7» → False."""
    return _HTML_TAG.search(text) is not None

def chunks_of(stream: IO[bytes]) -> Iterator[bytes]:
    # read1: what a pipe has now, so that stdin fed line by line is read line by line.
    read = getattr(stream, "read1", stream.read)
    return iter(partial(read, CHUNK), b"")


def head_of(chunks: Iterator[bytes]) -> tuple[bytes, Iterator[bytes]]:
    """Reads until the first non-blank byte (to tell JSON from text), handing back the stream whole."""
    head = b""
    for chunk in chunks:
        head += chunk
        if head.strip(b" \t\r\n\x00") or len(head) >= CHUNK:
            break
    return head, itertools.chain([head], chunks)


def utf16_as_utf8(chunks: Iterator[bytes]) -> Iterator[bytes]:
    head, chunks = head_of(chunks)
    order = _utf16_head(head)
    if not head.startswith(_UTF16_BOMS) and order is None:
        return chunks
    blob = b"".join(chunks)
    encoding = "utf-16" if head.startswith(_UTF16_BOMS) else order
    # Splitting UTF-16 on b"\n" would cut characters in half: the stream is decoded whole first.
    return iter([blob.decode(encoding, errors="replace").encode("utf-8", errors="replace")])


def _utf16_head(head: bytes) -> str | None:
    """Names the byte order of a JSON-lines head in UTF-16 without BOM, else None: b'{\\x00"\\x00' → "utf-16-le"."""
    # JSON starts with an ASCII character: a NUL beside it means UTF-16, when the NULs go on falling on
    # that side and the head reads as text; a UTF-8 file whose first line is a stray NUL is not UTF-16.
    if len(head) < 2 or (head[0] == 0) == (head[1] == 0):
        return None
    order = "utf-16-be" if head[0] == 0 else "utf-16-le"
    if _utf16_order(head[:_SNIFF]) != order:
        return None
    # UTF-8 bytes read in pairs make runs of CJK and other scripts rasid never meets, or invalid surrogates:
    # the whole head (the first chunk read) must read as text, so UTF-8 lines after a UTF-16 one are seen
    text = head[:len(head) // 2 * 2].decode(order, errors="replace")
    return None if _NOT_ARABIC_UTF16.search(text) else order


def byte_lines(chunks: Iterable[bytes], max_bytes: int = MAX_LINE_BYTES) -> Iterator[bytes | int]:
    """Yields the lines of a byte stream split at LF, CRLF or a lone CR; a line over max_bytes yields its size."""
    # Lines are split on bytes only: U+2028 inside a JSON string is text, not a line break.
    parts: list[bytes] = []
    size = 0
    after_cr = False
    for chunk in chunks:
        if after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]  # the LF of a CRLF cut in two by the chunking
        after_cr = chunk.endswith(b"\r")
        if after_cr or b"\r" in chunk:
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        *pieces, rest = chunk.split(b"\n")
        for piece in pieces:
            size += len(piece)
            yield size if size > max_bytes else b"".join(parts) + piece if parts else piece
            parts, size = [], 0
        size += len(rest)
        # An overlong line is counted, not kept: memory stays bounded whatever its length.
        parts = [] if size > max_bytes else parts + [rest] if rest else parts
    if size:
        yield size if size > max_bytes else b"".join(parts)
