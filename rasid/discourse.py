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
_DATE_IN_LINE = re.compile(
    r"(?<!\d)(?:\d{1,2} ?[-/.] ?\d{1,2} ?[-/.] ?(?:19|20)\d\d|(?:19|20)\d\d ?[-/.] ?\d{1,2} ?[-/.] ?\d{1,2})(?!\d)"
    r"|(?<!\d)\d{1,2} [^\W\d_]+ (?:19|20)\d\d(?!\d)"
    r"|منذ (?:\d+ )?(?:دقيقه|دقائق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين)")


def _fold_pattern(pattern: str) -> str:
    # Only Arabic letters are folded: ASCII holds regex escapes (\d, \U0001F000) that must stay as is.
    return "".join(norm(c) if "\u0600" <= c <= "\u06ff" else c for c in pattern)


@dataclass(frozen=True)
class _Patterns:
    line: re.Pattern
    tail: re.Pattern
    heading: re.Pattern


@lru_cache(maxsize=1)
def _chrome_patterns() -> _Patterns:
    alternatives: dict[str, list[str]] = {"line": [], "tail": [], "heading": []}
    for row in read_tsv("chrome.tsv"):
        if row["kind"] not in alternatives:
            raise ValueError(f"chrome.tsv: unknown kind {row['kind']!r} for {row['pattern']!r}")
        alternatives[row["kind"]].append(f"(?:{_fold_pattern(row['pattern'])})")
    # a box title inside a flattened line stands between words, never inside one
    heading = r"(?<!\w)(?:" + "|".join(alternatives["heading"]) + r")(?!\w)"
    return _Patterns(re.compile("|".join(alternatives["line"]), re.S),
                     re.compile("|".join(alternatives["tail"]), re.S), re.compile(heading))


@lru_cache(maxsize=1)
def _navigation() -> frozenset[str]:
    from .morph import cue_set
    return cue_set("navigation")


def _line_key(line: str) -> str:
    return norm(line).strip(_DECORATION)


def _is_link_like(line: str) -> bool:
    stripped = line.strip()
    # Prose sentences end with a full stop (or a colon before a list); headlines and link labels do not.
    return len(stripped.split()) <= _MAX_LINK_WORDS and not stripped.endswith((".", "۔", ":"))


def _is_prose(line: str) -> bool:
    return len(line.split()) > _MAX_LINK_WORDS and line.rstrip().endswith((".", "۔"))


@dataclass(frozen=True)
class _Line:
    """One non-blank line: its code-point span in the text, its content and the normalized content."""

    start: int
    end: int
    content: str
    folded: Normalized


def _is_dated_teaser(line: _Line) -> bool:
    """Tells a short headline carrying its own date: «قصف على دوما 12/03/2018» → True."""
    return len(line.content.split()) <= _MAX_TEASER_WORDS and bool(_DATE_IN_LINE.search(line.folded.text))


def _is_menu_item(line: _Line) -> bool:
    """Tells a menu label: a word or three, no digit, no sentence mark: «أخبار سوريا» → True."""
    return len(line.content.split()) <= _MAX_MENU_WORDS and not any(
        c.isdigit() or c in ".,?!:" for c in line.folded.text)


def _continues_box(line: _Line) -> bool:
    """Tells a line that a «related» box runs on over: a headline link, a cut-off or dated teaser."""
    return _is_link_like(line.content) or bool(_TRUNCATION.search(line.content)) or _is_dated_teaser(line)


def _teaserish(rest: str, patterns: _Patterns) -> bool:
    """Tells whether what follows a box title is more chrome: links, cut-off teasers, other box titles."""
    key = " ".join(rest.split()).strip(_DECORATION)
    return (not key or _is_link_like(key) or _TRUNCATION.search(rest) is not None
            or patterns.heading.search(key) is not None or patterns.line.fullmatch(key) is not None)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        content = raw.strip()
        if content:
            start = pos + raw.index(content[0])
            out.append(_Line(start, start + len(content), content, normalize(content)))
        pos += len(raw) + 1
    return out


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
    run: list[re.Match] = []
    offsets = line.folded.offsets
    for m in [*_WORD.finditer(line.folded.text), None]:
        if m is not None and m.group() in nav:
            run.append(m)
            continue
        if len(run) >= _MIN_NAV_RUN:
            out.append((line.start + offsets[run[0].start()], line.start + offsets[run[-1].end() - 1] + 1))
        run = []
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Lists code-point spans of site chrome in plain text: «قصف على دوما\\nالتعليقات (0)» → [(13, 26)].

    Chrome is found by its structure, not by site: box titles («اقرأ أيضا», «مواضيع قد تهمك») with
    the links or cut-off teasers after them, runs of short dated headlines, runs of menu labels,
    navigation words in a row, and the one-line furniture of chrome.tsv (share bars, cookie notices).
    """
    patterns = _chrome_patterns()
    lines = _lines(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        start, end, content = line.start, line.end, line.content
        i += 1
        key = _line_key(content)
        folded = line.folded.text
        headed = patterns.heading.search(folded)
        boxed = headed is not None and _teaserish(folded[headed.end():], patterns)
        if (len(content) <= _MAX_CHROME_LINE and patterns.tail.fullmatch(key)) or (
                boxed and not folded[:headed.start()].strip(_DECORATION)):
            # A «مقالات ذات صلة» box runs on over the headline links and teasers that follow it.
            while i < len(lines) and _continues_box(lines[i]):
                end = lines[i].end
                i += 1
            spans.append((start, end))
            continue
        if len(content) <= _MAX_CHROME_LINE and (not key or patterns.line.fullmatch(key)):
            spans.append((start, end))
        elif boxed:
            # A box title inside a flattened line: from there on the line is the box.
            spans.append((start + line.folded.offsets[headed.start()], end))
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
        while j < len(lines) and _TRUNCATION.search(lines[j].content):
            cuts += len(_TRUNCATION.findall(lines[j].content))
            j += 1
        if cuts >= _MIN_TRUNCATIONS:
            spans.append((lines[i].start, lines[j - 1].end))
        i = max(j, i + 1)
    for line in lines:
        spans += _nav_runs(line)
        spans += _crawl_dates(line)
    return _merge(spans)


# How far (in characters) a date may stand from the word that makes it the site's update time.
_CRAWL_REACH = 24


def _crawl_dates(line: _Line) -> list[tuple[int, int]]:
    """Spans of a site's update time: «تحديث الموقع 2018 / 01 / 21», «22 / 08 / 2017 ( آخر تحديث )»."""
    crawl = _crawl_words()
    folded = line.folded.text
    out: list[tuple[int, int]] = []
    for word in _WORD.finditer(folded):
        if word.group() not in crawl:
            continue
        lo, hi = max(0, word.start() - _CRAWL_REACH), min(len(folded), word.end() + _CRAWL_REACH)
        for d in _DATE_IN_LINE.finditer(folded, lo, hi):
            first, last = min(word.start(), d.start()), max(word.end(), d.end())
            out.append((line.start + line.folded.offsets[first], line.start + line.folded.offsets[last - 1] + 1))
    return out


@dataclass(frozen=True)
class Anchor:
    """The day a report's relative dates count from, and why: «اليوم (الخميس)» published on a Friday → the Thursday."""

    day: date | None
    rule: str
    first: int | None = None
    last: int | None = None


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    return {norm(row["word"]): int(row["value"]) for row in read_tsv("calendar.tsv")
            if row["kind"] == "weekday" and " " not in row["word"]}


_TODAY = frozenset({norm("اليوم"), norm("واليوم")})
# A dateline stands at the head of the story: the title, the site's header and the first sentence.
_HEAD_TOKENS = 120
# Words that put a date in prose («قتل 5 في 12 آذار 2016», «منذ 15 آذار 2011»), not in a dateline.
_PROSE_BEFORE = frozenset(norm(w) for w in {"في", "وفي", "منذ", "ومنذ", "حتى", "قبل", "بعد", "خلال", "من",
                                            "عام", "العام", "تاريخ", "بين", "الى", "إلى"})
_NEAR = 3


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


def _crawl_words() -> frozenset[str]:
    from .morph import cue_set
    return cue_set("crawl")


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
        if before in _PROSE_BEFORE:
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
            return Anchor(_nearest(published, today[1]), "published+weekday", today[0], today[0])
        return Anchor(published, "published")
    line = _dateline(tokens, text, today)
    return line if line is not None else Anchor(None, "none")
