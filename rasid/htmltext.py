"""HTML pages to article text, and the site-chrome lines of plain article text."""
from __future__ import annotations

import re
from functools import lru_cache

from selectolax.parser import HTMLParser, Node

from .normalize import norm
from .resources import read_tsv

# Elements that never hold the report itself.
_DROP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "iframe", "noscript",
    "head", "template", "svg", "canvas", "button", "select", "textarea", "input", "object",
    "embed", "video", "audio", "map",
})
# Elements that start a new line of text; inline ones (a, span, b...) run on within a line.
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})
# A page wrapper named "has-sidebar" or "with-comments" still holds the article: never drop these.
_NEVER_DROPPED = frozenset({"html", "body", "main", "article"})
# Words of class/id tokens that mark chrome; a token matches when it starts with one
# («comments-list», «sharebar», «advertisement»), or is exactly «ad»/«ads».
_CHROME_STEMS = ("comment", "cookie", "consent", "share", "sharing", "social", "follow", "related",
                 "newsletter", "subscri", "breadcrumb", "menu", "sidebar", "widget", "advert",
                 "banner", "popup", "modal", "tags", "taglist", "promo", "outbrain", "taboola")
_ATTR_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_SPACES = re.compile(r"[^\S\n]+")
_WHITESPACE = re.compile(r"\s+")

# Characters that decorate chrome lines without changing what they are («• شارك», «-- التعليقات --»).
_DECORATION = " *-:|•·"
# Chrome lines are short: anything longer is prose, however it starts.
_MAX_CHROME_LINE = 500
# A line after a «اقرأ أيضا» box still counts as a headline link up to this many words.
_MAX_LINK_WORDS = 16


def _is_chrome_element(node: Node) -> bool:
    if node.tag in _DROP_TAGS:
        return True
    if node.tag in _NEVER_DROPPED:
        return False
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    names = " ".join(v for k, v in attrs.items() if k in ("class", "id", "role") and v)
    if not names:
        return False
    for token in _ATTR_SPLIT.split(names):
        token = token.lower()
        if token in ("ad", "ads", "navigation", "complementary") or token.startswith(_CHROME_STEMS):
            return True
    return False


def _block_text(root: Node) -> str:
    pieces: list[str] = []
    # Iterative walk: deep, badly nested pages would overflow Python's recursion limit.
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            pieces.append("\n")
            continue
        if tag == "-text":
            # Line breaks inside HTML source text are spacing, not structure.
            pieces.append(_WHITESPACE.sub(" ", node.text(deep=False) or ""))
            continue
        if tag == "_comment" or _is_chrome_element(node):
            continue
        block = tag in _BLOCK_TAGS
        if block:
            pieces.append("\n")
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> str:
    """Returns page text, a line per block, without chrome: «<nav>الرئيسية</nav><p>قتل 3&nbsp;في إدلب</p>» → «قتل 3 في إدلب»."""
    tree = HTMLParser(html)
    root = tree.root
    if root is None:
        return ""
    text = _block_text(root)
    spans = chrome_spans(text)
    if not spans:
        return text
    kept, pos = [], 0
    for start, end in spans:
        kept.append(text[pos:start])
        pos = end
    kept.append(text[pos:])
    return "\n".join(line.strip() for line in "".join(kept).split("\n") if line.strip())


def _fold_pattern(pattern: str) -> str:
    # Only Arabic letters are folded: ASCII holds regex escapes (\d, \U0001F000) that must stay as is.
    return "".join(norm(c) if "\u0600" <= c <= "\u06ff" else c for c in pattern)


@lru_cache(maxsize=1)
def _chrome_patterns() -> tuple[re.Pattern, re.Pattern]:
    alternatives: dict[str, list[str]] = {"line": [], "tail": []}
    for row in read_tsv("chrome.tsv"):
        if row["kind"] not in alternatives:
            raise ValueError(f"chrome.tsv: unknown kind {row['kind']!r} for {row['pattern']!r}")
        alternatives[row["kind"]].append(f"(?:{_fold_pattern(row['pattern'])})")
    return (re.compile("|".join(alternatives["line"]), re.S),
            re.compile("|".join(alternatives["tail"]), re.S))


def _line_key(line: str) -> str:
    return norm(line).strip(_DECORATION)


def _is_link_like(line: str) -> bool:
    stripped = line.strip()
    # Prose sentences end with a full stop (or a colon before a list); headlines and link labels do not.
    return len(stripped.split()) <= _MAX_LINK_WORDS and not stripped.endswith((".", "۔", ":"))


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Lists code-point spans of chrome lines in plain text: «قصف على دوما\\nالتعليقات (0)» → [(13, 26)]."""
    line_re, tail_re = _chrome_patterns()
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        content = raw.strip()
        if content:
            start = pos + raw.index(content[0])
            lines.append((start, start + len(content), content))
        pos += len(raw) + 1
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        start, end, content = lines[i]
        i += 1
        if len(content) > _MAX_CHROME_LINE:
            continue
        key = _line_key(content)
        if tail_re.fullmatch(key):
            # A «مقالات ذات صلة» box runs on over the headline links that follow it.
            while i < len(lines) and _is_link_like(lines[i][2]):
                end = lines[i][1]
                i += 1
            spans.append((start, end))
        elif not key or line_re.fullmatch(key):
            spans.append((start, end))
        elif i > 1 and i < len(lines) and _is_link_like(content) and _is_link_like(lines[i][2]) \
                and _is_prose(lines[i - 2][2]):
            # Headline links after the body, whose box title was lost with the markup: two or more
            # unpunctuated short lines in a row after a prose paragraph.
            while i < len(lines) and _is_link_like(lines[i][2]):
                end = lines[i][1]
                i += 1
            spans.append((start, end))
    return spans


def _is_prose(line: str) -> bool:
    return len(line.split()) > _MAX_LINK_WORDS and line.rstrip().endswith((".", "۔"))
