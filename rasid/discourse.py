"""Report-level context: the site chrome around a story, its dateline and the day its relative dates count from."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .normalize import Normalized, norm, normalize
from .resources import read_tsv
from .segment import Token

# Characters that decorate chrome lines without changing what they are («• شارك», «-- التعليقات --»).
_DECORATION = " *-:|•·"
# A tag or archive page names itself in its title bar, within the first characters of the page.
_LISTING_HEAD = 120
# Chrome lines are short: anything longer is prose, however it starts.
_MAX_CHROME_LINE = 500
# A line after a «اقرأ أيضا» box still counts as a headline link up to this many words.
_MAX_LINK_WORDS = 16
# A teaser headline with its date: «مقتل 3 بقصف على دوما 12/03/2018» is short.
_MAX_TEASER_WORDS = 25
# A menu item is a word or three: «الرئيسية», «سياسة», «أخبار سوريا».
_MAX_MENU_WORDS = 3
_MIN_MENU_RUN = 3
# Navigation words in a row inside a flattened line: «الأخبار التلفزيون متفرقات روابط».
_MIN_NAV_RUN = 4
# Cut-off teasers end in an ellipsis («… قتل آخر مسلح من . . .»); prose rarely has three in a row.
_MIN_TRUNCATIONS = 3
_TRUNCATION = re.compile(r"(?:\.[^\S\n]*){3}|…")
_WORD = re.compile(r"\S+")
_MAYBE_DATE = re.compile(r"\d|منذ")
_DATE_IN_LINE = re.compile(
    r"(?<!\d)(?:\d{1,2} ?[-/.] ?\d{1,2} ?[-/.] ?(?:19|20)\d\d|(?:19|20)\d\d ?[-/.] ?\d{1,2} ?[-/.] ?\d{1,2})(?!\d)"
    r"|(?<!\d)\d{1,2} [^\W\d_]+ (?:19|20)\d\d(?!\d)"
    r"|منذ (?:\d+ )?(?:دقيقه|دقائق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين)")


def _fold_pattern(pattern: str) -> str:
    # Only Arabic letters are folded: ASCII holds regex escapes (\d, \U0001F000) that must stay as is.
    return "".join(norm(c) if "\u0600" <= c <= "\u06ff" else c for c in pattern)


@dataclass(frozen=True)
class _Chrome:
    """The chrome lexicon: whole-line patterns, box-title line patterns, and box titles by first word."""

    line: re.Pattern
    tail: re.Pattern
    listing: re.Pattern
    end: re.Pattern
    headings: dict[str, tuple[tuple[str, ...], ...]]
    firsts: frozenset[str]


@lru_cache(maxsize=1)
def _chrome() -> _Chrome:
    alternatives: dict[str, list[str]] = {"line": [], "tail": [], "listing": [], "end": []}
    headings: dict[str, list[tuple[str, ...]]] = {}
    for row in read_tsv("chrome.tsv"):
        kind, pattern = row["kind"], row["pattern"]
        if kind == "heading":
            words = tuple(norm(pattern).split())
            headings.setdefault(words[0], []).append(words)
        elif kind in alternatives:
            alternatives[kind].append(f"(?:{_fold_pattern(pattern)})")
        else:
            raise ValueError(f"chrome.tsv: unknown kind {kind!r} for {pattern!r}")
    # the longest title first: «قد يعجبك أيضا» before «قد يعجبك»
    return _Chrome(re.compile("|".join(alternatives["line"]), re.S),
                   re.compile("|".join(alternatives["tail"]), re.S),
                   re.compile("|".join(alternatives["listing"]), re.S),
                   re.compile("|".join(alternatives["end"]), re.S),
                   {k: tuple(sorted(v, key=len, reverse=True)) for k, v in headings.items()},
                   frozenset(headings))


@lru_cache(maxsize=1)
def _navigation() -> frozenset[str]:
    from .morph import cue_set
    return cue_set("navigation")


@lru_cache(maxsize=1)
def _crawl_words() -> frozenset[str]:
    from .morph import cue_set
    return cue_set("crawl")


@lru_cache(maxsize=1)
def _crawl_stems() -> tuple[str, ...]:
    # every form of a crawl lemma holds the lemma: a substring test spares the word-by-word look
    return tuple(norm(row["lemma"]) for row in read_tsv("cues/crawl.tsv"))


def _is_link_like(line: str) -> bool:
    stripped = line.strip()
    # Prose sentences end with a full stop (or a colon before a list); headlines and link labels do not.
    return len(stripped.split()) <= _MAX_LINK_WORDS and not stripped.endswith((".", "۔", ":"))


def _is_prose(line: str) -> bool:
    return len(line.split()) > _MAX_LINK_WORDS and line.rstrip().endswith((".", "۔"))


@dataclass(frozen=True)
class _Line:
    """One non-blank line of the folded text: its span there, its content and its words."""

    start: int
    end: int
    content: str
    words: tuple[str, ...]


def _cut_off(content: str) -> bool:
    """Tells whether a line holds an ellipsis: «… ما أسفر عن . . .» → True."""
    return ("…" in content or content.count(".") >= 3) and _TRUNCATION.search(content) is not None


def _is_dated_teaser(line: _Line) -> bool:
    """Tells a short headline carrying its own date: «قصف على دوما 12/03/2018» → True."""
    return len(line.words) <= _MAX_TEASER_WORDS and _MAYBE_DATE.search(line.content) is not None \
        and _DATE_IN_LINE.search(line.content) is not None


def _is_menu_item(line: _Line) -> bool:
    """Tells a menu label: a word or three, no digit, no sentence mark: «أخبار سوريا» → True."""
    return len(line.words) <= _MAX_MENU_WORDS and not any(c.isdigit() or c in ".,?!:" for c in line.content)


def _continues_box(line: _Line) -> bool:
    """Tells a line that a «related» box runs on over: a headline link, a cut-off or dated teaser."""
    return _is_link_like(line.content) or _cut_off(line.content) or _is_dated_teaser(line)


def _heading(words: tuple[str, ...], chrome: _Chrome) -> tuple[int, int] | None:
    """Finds the first box title among a line's words: («…», «اقرا», «ايضا», «…») → (word index, index after)."""
    # most lines hold no first word of a title: a set test in C spares the word-by-word look
    if chrome.firsts.isdisjoint(words) and not (words and words[0].strip(_DECORATION) in chrome.firsts):
        return None
    for i, w in enumerate(words):
        for phrase in chrome.headings.get(w.strip(_DECORATION), ()):
            j = i + len(phrase)
            if len(phrase) == 1 or tuple(x.strip(_DECORATION) for x in words[i:j]) == phrase:
                return i, j
    return None


def _teaserish(rest: tuple[str, ...], chrome: _Chrome) -> bool:
    """Tells whether what follows a box title is more chrome: links, cut-off teasers, other box titles."""
    key = " ".join(rest).strip(_DECORATION)
    return (not key or _is_link_like(key) or _TRUNCATION.search(key) is not None
            or _heading(rest, chrome) is not None or chrome.line.fullmatch(key) is not None)


def _lines(folded: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in folded.split("\n"):
        content = raw.strip()
        if content:
            start = pos + raw.index(content[0])
            out.append(_Line(start, start + len(content), content, tuple(content.split())))
        pos += len(raw) + 1
    return out


def _word_start(line: _Line, k: int) -> int:
    """Returns where the k-th word of a line starts in the folded text."""
    for n, m in enumerate(_WORD.finditer(line.content)):
        if n == k:
            return line.start + m.start()
    return line.end


def _runs(lines: list[_Line], test, minimum: int) -> list[tuple[int, int]]:
    """Spans of `minimum` or more consecutive lines that all pass `test`."""
    out, i = [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and test(lines[j]):
            j += 1
        if j - i >= minimum:
            out.append((lines[i].start, lines[j - 1].end))
        i = max(j, i + 1)
    return out


def _nav_runs(line: _Line) -> list[tuple[int, int]]:
    """Spans of navigation words in a row inside a line: «… الأخبار التلفزيون متفرقات روابط مهمة» (menus)."""
    nav = _navigation()
    out: list[tuple[int, int]] = []
    if len(nav.intersection(line.words)) < 2:
        return out
    first = -1
    for k, w in enumerate((*line.words, "")):
        if w in nav:
            first = k if first < 0 else first
            continue
        if first >= 0 and k - first >= _MIN_NAV_RUN:
            out.append((_word_start(line, first), _word_start(line, k - 1) + len(line.words[k - 1])))
        first = -1
    return out


# How far (in characters) a date may stand from the word that makes it the site's update time.
_CRAWL_REACH = 24


def _crawl_dates(line: _Line) -> list[tuple[int, int]]:
    """Spans of a site's update time: «تحديث الموقع 2018 / 01 / 21», «22 / 08 / 2017 ( آخر تحديث )»."""
    if not any(stem in line.content for stem in _crawl_stems()):
        return []
    crawl = _crawl_words()
    text = line.content
    out: list[tuple[int, int]] = []
    for word in _WORD.finditer(text):
        if word.group() not in crawl:
            continue
        lo, hi = max(0, word.start() - _CRAWL_REACH), min(len(text), word.end() + _CRAWL_REACH)
        for d in _DATE_IN_LINE.finditer(text, lo, hi):
            out.append((line.start + min(word.start(), d.start()), line.start + max(word.end(), d.end())))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def chrome_spans(text: str, folded: Normalized | None = None) -> list[tuple[int, int]]:
    """Lists code-point spans of site chrome in plain text: «قصف على دوما\\nالتعليقات (0)» → [(13, 26)].

    Chrome is found by its structure, not by site: box titles («اقرأ أيضا», «مواضيع قد تهمك») with
    the links or cut-off teasers after them, runs of short dated headlines, runs of menu labels,
    navigation words in a row, a site's update time, and the one-line furniture of chrome.tsv (share
    bars, cookie notices). `folded` is normalize(text) when the caller has it already.
    """
    n = folded if folded is not None else normalize(text)
    spans = _folded_spans(n.text)
    out = []
    for start, end in spans:
        out.append((n.offsets[start], n.offsets[end - 1] + 1))
    return out


def _folded_spans(folded: str) -> list[tuple[int, int]]:
    """Lists the chrome spans of normalized text (see chrome_spans)."""
    chrome = _chrome()
    lines = _lines(folded)
    spans: list[tuple[int, int]] = []
    listing = chrome.listing.search(folded, 0, _LISTING_HEAD)
    if listing is not None:
        # «عرض العناصر حسب علامة : مارع»: a tag page lists teasers of other stories, none its own
        spans.append((listing.start(), len(folded)))
    # «Please enable JavaScript to view the comments …»: a comment widget closes the story; what a
    # scraped page runs on with after it is comments and teasers of other stories
    ending = chrome.end.search(folded)
    if ending is not None:
        spans.append((ending.start(), len(folded)))
    i = 0
    while i < len(lines):
        line = lines[i]
        start, end, content = line.start, line.end, line.content
        i += 1
        key = " ".join(line.words).strip(_DECORATION)
        headed = _heading(line.words, chrome)
        boxed = headed is not None and _teaserish(line.words[headed[1]:], chrome)
        if (len(content) <= _MAX_CHROME_LINE and chrome.tail.fullmatch(key)) or (
                boxed and not " ".join(line.words[:headed[0]]).strip(_DECORATION)):
            # A «مقالات ذات صلة» box runs on over the headline links and teasers that follow it.
            while i < len(lines) and _continues_box(lines[i]):
                end = lines[i].end
                i += 1
            spans.append((start, end))
            continue
        if len(content) <= _MAX_CHROME_LINE and (not key or chrome.line.fullmatch(key)):
            spans.append((start, end))
        elif boxed:
            # A box title inside a flattened line: from there on the line is the box.
            spans.append((_word_start(line, headed[0]), end))
        elif i > 1 and i < len(lines) and _is_link_like(content) and _is_link_like(lines[i].content) \
                and _is_prose(lines[i - 2].content):
            # Headline links after the body, whose box title was lost with the markup: two or more
            # unpunctuated short lines in a row after a prose paragraph.
            while i < len(lines) and _is_link_like(lines[i].content):
                end = lines[i].end
                i += 1
            spans.append((start, end))
    spans += _runs(lines, _is_dated_teaser, 2)
    spans += _runs(lines, _is_menu_item, _MIN_MENU_RUN)
    # cut-off teasers: a run of lines holding three or more ellipses between them
    i = 0
    while i < len(lines):
        j, cuts = i, 0
        while j < len(lines) and _cut_off(lines[j].content):
            cuts += len(_TRUNCATION.findall(lines[j].content))
            j += 1
        if cuts >= _MIN_TRUNCATIONS:
            spans.append((lines[i].start, lines[j - 1].end))
        i = max(j, i + 1)
    for line in lines:
        spans += _nav_runs(line)
        spans += _crawl_dates(line)
    return _merge(spans)


@dataclass(frozen=True)
class Anchor:
    """The day a report's relative dates count from, and why: «اليوم (الخميس)» published on a Friday → the Thursday."""

    day: date | None
    # "published", "published+weekday", "published+dateline", "dateline", "dateline+weekday" or "none"
    rule: str
    # the tokens that gave the day (the weekday, or the dateline); None when it is the published field
    first: int | None = None
    last: int | None = None


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    return {norm(row["word"]): int(row["value"]) for row in read_tsv("calendar.tsv")
            if row["kind"] == "weekday" and " " not in row["word"]}


_TODAY = frozenset({"اليوم", "واليوم"})
# A published field a year and a few days off its story's dateline is a slip of the year.
_SLIPPED_YEAR = 370
# A dateline stands at the head of the story: the title, the site's header and the first sentence.
_HEAD_TOKENS = 120
_NEAR = 3


@lru_cache(maxsize=1)
def _prose_before() -> frozenset[str]:
    # «قتل 5 في 12 آذار 2016», «منذ 15 آذار 2011»: a date after these words is in prose, not a dateline
    from .morph import cue_set
    return cue_set("prose_date")


def _today_weekday(tokens: list[Token]) -> tuple[int, int] | None:
    """Finds «اليوم (الخميس)», «صباح اليوم الخميس»: (token of the weekday, weekday number) of the first one."""
    days = _weekdays()
    for i in range(len(tokens) - 1):
        if tokens[i].text in _TODAY and tokens[i + 1].text in days:
            return i + 1, days[tokens[i + 1].text]
    return None


def _nearest(day: date, weekday: int) -> date:
    """Returns the day with that weekday nearest to `day` (within three days each side)."""
    delta = (weekday - day.weekday()) % 7
    return day + timedelta(days=delta if delta <= 3 else delta - 7)


def _dateline(tokens: list[Token], text: str, today: tuple[int, int] | None) -> Anchor | None:
    """Reads the story's own dateline: «دمشق 23 نوفمبر 2017», «2017 / 12 / 26», never «تحديث الموقع 2018/01/21»."""
    from .find.dates import dates
    head = tokens[:_HEAD_TOKENS]
    crawl = _crawl_words()
    days = _weekdays()
    found = []
    for d in dates(head, None, text):
        if d.precision != 1 or d.rule not in ("date:day-month", "date:numeric") or d.since:
            continue
        around = [t.text for t in head[max(0, d.first - _NEAR):d.last + _NEAR + 1]]
        if any(w in crawl for w in around):
            continue  # the site's update or crawl time, not the story's day
        before = head[d.first - 1].text if d.first else ""
        if before in _prose_before():
            continue
        named = days.get(before)
        if named is not None and named != d.value.weekday():
            continue  # «الثلاثاء 22 آب 2016» on a Monday: a misread, not a dateline
        found.append(d)
    if not found:
        return None
    if today is not None:
        agreeing = [d for d in found if d.value.weekday() == today[1]]
        if agreeing:
            d = agreeing[0]
            return Anchor(d.value, "dateline+weekday", d.first, d.last)
    d = found[0]
    return Anchor(d.value, "dateline", d.first, d.last)


def anchor(tokens: list[Token], published: date | None, text: str) -> Anchor:
    """Returns the day relative dates count from: published; «اليوم الخميس» corrects it; else the dateline.

    «اليوم (الخميس)» in a report published on Friday 27 Oct 2017 → Thursday 26 Oct; a page with no
    published date whose head reads «دمشق 23 نوفمبر 2017» → 23 Nov 2017; a page with neither → None.
    """
    today = _today_weekday(tokens)
    if published is not None:
        if today is not None and published.weekday() != today[1]:
            # a published field with a slipped year or day: the story's own dateline, when its weekday
            # is today's, says which day was meant («اليوم السبت 7 كانون الثاني 2017» beside 2016-01-07)
            line = _dateline(tokens, text, today)
            if line is not None and line.rule == "dateline+weekday" and \
                    abs((line.day - published).days) <= _SLIPPED_YEAR:
                return Anchor(line.day, "published+dateline", line.first, line.last)
            return Anchor(_nearest(published, today[1]), "published+weekday", today[0], today[0])
        return Anchor(published, "published")
    line = _dateline(tokens, text, today)
    return line if line is not None else Anchor(None, "none")
