"""HTML pages to article text without the page chrome (markup chrome here, text chrome in rasid/discourse.py)."""
from __future__ import annotations

import re

from selectolax.parser import HTMLParser, Node

from .discourse import chrome_spans  # re-exported: the text-chrome finder lives with the report-level context

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
