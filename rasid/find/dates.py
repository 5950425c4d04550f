"""Date expressions resolved against the report's anchor day (rasid.discourse: published, corrected, or its dateline)."""
from __future__ import annotations
from ..normalize import norm

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..lexicon import PhraseMatcher, readings, table
from ..morph import cue_rows, cue_set, dual_forms
from ..segment import Token
from .periods import (WEEK_PART, bare_parts, counted_ago, month_part, of_part, part_before, shift_month, unit_numbers,
                      week_start)

_PAST = frozenset(norm(w) for w in {"الماضي", "الفائت", "المنصرم", "المنقضي", "السابق"})
_NIGHT = frozenset(norm(w) for w in {"ليل", "ليله", "ليلة", "مساء", "منتصف"})


@dataclass(frozen=True)
class DateMention:
    """A resolved date at tokens [first, last]: «أمس الجمعة» → 2018-10-26, precision 1."""

    first: int
    last: int
    value: date
    precision: int
    rule: str
    # «منذ 18 شباط»: the start of a period, not the day something happened
    since: bool = False


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    entries = []
    for row in table("calendar.tsv"):
        entries.append((row["word"], (row["kind"], row["value"])))
    for row in table("numbers.tsv"):
        if row.get("kind") == "ordinal":
            entries.append((row["word"], ("ordinal", row["value"])))
    return PhraseMatcher(entries)


def _month_mid(year: int, month: int) -> date:
    return date(year, month, 15)


def _relative(code: str, published: date) -> tuple[date, int] | None:
    unit, _, amount = code.partition(":")
    try:
        n = int(amount)
    except ValueError:
        n = -3 if amount in ("few", "-few") else 0
    if unit in ("day", "night", "days_ago", "days"):
        return published + timedelta(days=n if n <= 0 else -n), 1 if unit != "days_ago" else 2
    if unit == "week":
        # «الأسبوع الماضي»: the middle of that calendar week; «هذا الأسبوع»: the middle of its days so far
        start = week_start(published) + timedelta(days=7 * n)
        return (start + (published - start) // 2 if n == 0 else start + timedelta(days=WEEK_PART["mid"])), 2
    if unit in ("month", "months"):
        return shift_month(published, n), 3
    if unit in ("recent",):
        return published - timedelta(days=3), 2
    return None


def _year_only(code: str, published: date) -> date | None:
    """Returns the middle of the year a phrase dates a past event to: «في وقت سابق من هذا العام» (earlier_year:0)
    in 2016 → 1 Jul 2016; a bare «هذا العام» (year:0) may be today's «الأعنف هذا العام» and gives none."""
    unit, _, amount = code.partition(":")
    if unit != "earlier_year" or not amount.lstrip("-").isdigit():
        return None
    return date(published.year + int(amount), 7, 1)


def _kind(m) -> tuple[str, str]:
    for kind, value in m.payloads:
        return kind, value
    return "", ""


def _payload(m, wanted: str) -> str | None:
    for kind, value in m.payloads:
        if kind == wanted:
            return value
    return None


def dates(tokens: list[Token], published: date | None, text: str | None = None) -> list[DateMention]:
    """Finds and resolves dates: «السابع من شباط الماضي» → 7 Feb of the publication year."""
    matches = _matcher().find(tokens)
    out: list[DateMention] = _numeric(tokens, text) if text is not None else []
    used: set[int] = set()
    by_first = {m.first: m for m in matches}
    for idx, m in enumerate(matches):
        if m.first in used:
            continue
        month = _payload(m, "month")
        if month is not None:
            out_m = _explicit(tokens, matches, idx, int(month), published, used, text)
            part = part_before(tokens, out_m.first) if out_m and out_m.rule == "date:month" else None
            if part:
                # «منتصف آذار», «أواخر شهر حزيران»: a part of the month, still more than a week (precision 3)
                value = month_part(out_m.value.year, out_m.value.month, part[1])
                out_m = replace(out_m, first=part[0], value=min(value, published) if published else value,
                                rule=f"date:month-part:{part[1]}")
            if out_m:
                out.append(out_m)
            continue
        weekday = _payload(m, "weekday")
        if weekday is not None and not _is_day_name(tokens, m):
            weekday = None
        if weekday is not None and published is not None:
            # «ليل الثلاثاء الأربعاء» names a night across two days: the first day is coded
            nxt = by_first.get(m.last + 1)
            last = m.last
            if nxt is not None and _payload(nxt, "weekday") is not None:
                last = nxt.last
                used.add(nxt.first)
            delta = (published.weekday() - int(weekday)) % 7
            after = tokens[last + 1].text if last + 1 < len(tokens) else ""
            if delta == 0 and after in _PAST:
                delta = 7
            rule = "date:weekday"
            if delta > 0 and _after_midnight(tokens, m.first):
                # «بعد منتصف ليل الاثنين»: past midnight the named night has become the next day
                delta, rule = delta - 1, "date:weekday+midnight"
            out.append(DateMention(m.first, last, published - timedelta(days=delta), 1, rule))
            continue
        rel = _payload(m, "relative")
        if rel is not None and not _names_today(tokens, m, rel, by_first):
            continue
        if rel == "earlier" and published is not None and _is_anniversary(tokens, m):
            told = _anniversary(tokens, m.last, published)
            if told is not None:
                out.append(DateMention(m.first, told[0], told[1], 1, "date:anniversary"))
            else:
                # a bare «في مثل هذا اليوم» is this day of a past year the text does not name: a year-only
                # date (no day a coder could use), so its event is not dated the publication day
                out.append(DateMention(m.first, m.last, _same_day(published, published.year - 1), 3, "date:year"))
            continue
        if rel is not None and published is not None:
            day = _day_of(tokens, matches, idx) if rel.startswith("month:") else None
            if day is not None:
                # «الخامس والعشرين من الشهر الجاري», «في 3 من الشهر الماضي»: a day of that month
                first, value = day
                anchor = shift_month(published, int(rel.partition(":")[2] or 0))
                try:
                    out.append(DateMention(first, m.last, anchor.replace(day=value), 1,
                                           f"date:day-of:{rel}"))
                    continue
                except ValueError:
                    pass
            part = part_before(tokens, m.first)
            got = of_part(rel, part[1], published) if part else None
            if got:
                out.append(DateMention(part[0], m.last, got[0], got[1], f"date:part:{part[1]}:{rel}"))
                continue
            got = _relative(rel, published)
            year = _year_only(rel, published)
            if got:
                out.append(DateMention(m.first, m.last, got[0], got[1], f"date:relative:{rel}"))
            elif year is not None:
                # «في وقت سابق من هذا العام»: a year with no day or month is no date a coder could use
                out.append(DateMention(m.first, m.last, year, 3, "date:year"))
            elif rel.split(":")[0] in ("after", "before", "same"):
                # «في اليوم التالي»: counted from the date the text gave last; the assembler
                # resolves it (DISCOURSE), the publication day stands in until then
                out.append(DateMention(m.first, m.last, published, 1, f"{DISCOURSE}{rel}"))
    taken = {i for d in out for i in range(d.first, d.last + 1)}
    out += [DateMention(*span) for span in counted_ago(tokens, taken, published)]
    taken |= {i for d in out for i in range(d.first, d.last + 1)}
    out += [DateMention(*span) for span in bare_parts(tokens, taken, published)]
    out += _years(tokens, out, published)
    named = {m.last: int(_payload(m, "weekday")) for m in matches
             if _payload(m, "weekday") is not None and _is_day_name(tokens, m)}
    out = [_weekday_year(d, named.get(d.first - 1), published) for d in out]
    out = [replace(d, since=True) if _after_since(tokens, d.first) or _in_since_start(tokens, d.first, text)
           else d for d in out]
    return _told_in_sentence(_vague_yields(out, tokens, text), tokens, text) if text is not None else out


def _vague_yields(found: list[DateMention], tokens: list[Token], text: str) -> list[DateMention]:
    """Drops «مؤخرا» (recently) where its clause dates the same telling more closely: «قاد مؤخرا معركة … قبل
    أشهر قليلة» → only «قبل أشهر قليلة»; «… في نوفمبر 2017، والأحدث … مؤخرا» keeps both."""
    def same_clause(a: DateMention, b: DateMention) -> bool:
        lo, hi = sorted((a, b), key=lambda d: d.first)
        return not any(c in text[tokens[lo.last].end:tokens[hi.first].start] for c in _CLAUSE_MARKS)
    return [d for d in found if not (d.rule == "date:relative:recent" and any(
        e is not d and e.rule != d.rule and not e.since and not e.rule.startswith(DISCOURSE) and same_clause(d, e)
        for e in found))]


_TOLD_GAP = 25  # tokens: «في 1 أكتوبر من عام 1918 … وبنفس اليوم» reaches back within a clause or two
_SENTENCE_END = (".", "\n", "؟", "!")


def _told_in_sentence(found: list[DateMention], tokens: list[Token], text: str) -> list[DateMention]:
    """Resolves «في اليوم نفسه/التالي» against a date told earlier in its sentence: «في 1 أكتوبر 1918 …
    وبنفس اليوم» → 1 Oct 1918; across sentences the assembler resolves it against the narrative."""
    out = []
    for d in found:
        if d.rule.startswith(DISCOURSE):
            told = [e for e in found if e.last < d.first and d.first - e.last <= _TOLD_GAP and e.precision <= 2
                    and not e.since and not e.rule.startswith(DISCOURSE)
                    and not any(c in text[tokens[e.last].end:tokens[d.first].start] for c in _SENTENCE_END)]
            if told:
                last = max(told, key=lambda e: e.last)
                unit, _, n = d.rule[len(DISCOURSE):].partition(":")
                shift = {"after": 1, "before": -1}.get(unit, 0) * int(n or 0)
                d = replace(d, value=last.value + timedelta(days=shift), precision=last.precision,
                            rule=f"date:told:{unit}:{n}")
        out.append(d)
    return out


def _weekday_year(d: DateMention, weekday: int | None, published: date | None) -> DateMention:
    """Lets the weekday written before a date mend a slip of its year: «السبت 7 كانون الثاني 2016» → 7 Jan 2017."""
    if weekday is None or d.precision != 1 or d.rule not in _DAY_RULES or d.value.weekday() == weekday:
        return d
    # a year slipped by one (last year's, typed in the first days of a new one) is a commoner slip than a
    # misnamed weekday: the neighbouring year whose day falls on that weekday is the one meant (7 January
    # is a Thursday in 2016, a Saturday in 2017); one year on moves a weekday by one or two, so one fits at most
    for shift in (1, -1):
        try:
            moved = d.value.replace(year=d.value.year + shift)
        except ValueError:
            continue
        if moved.weekday() == weekday and (published is None or moved <= published):
            return replace(d, value=moved, rule=d.rule + "+weekday")
    return d


_DAY_RULES = frozenset({"date:day-month", "date:numeric"})
_TODAY_CODES = frozenset({"day:0", "night:0", "after:1", "before:1", "same:0"})


def _after_midnight(tokens: list[Token], first: int) -> bool:
    """Tells whether a weekday closes «منتصف ليل …»: «بعد منتصف ليل الأحد» → True, «قبيل منتصف ليل الأحد» → False."""
    if first < 2 or tokens[first - 1].text not in _NIGHT or tokens[first - 2].text not in cue_set("midnight"):
        return False
    return first < 3 or tokens[first - 3].text not in cue_set("before_time")


def _names_today(tokens: list[Token], m, rel: str, by_first: dict) -> bool:
    """Tells «اليوم» (today) from «يوم» (a day) and from a count of days: «لليوم الخامس على التوالي» → False."""
    if rel not in _TODAY_CODES:
        return True
    for i in range(m.first, m.last + 1):
        word = tokens[i].text
        if word.endswith("يوم") and not word.endswith(("اليوم", "لليوم")):
            return False  # «بعد يوم من القصف», «صباح يوم الجمعة»: an indefinite day
    nxt = by_first.get(m.last + 1)
    after = tokens[m.last + 1].text if m.last + 1 < len(tokens) else ""
    # «في اليوم الثاني للهجوم», «لليوم الـ13»: the day counts from an event, not from the report
    return not ((nxt is not None and _payload(nxt, "ordinal") is not None)
                or (after.startswith("ال") and after[2:].isdigit()))


_YEAR_WORDS = frozenset(norm(w) for w in {"عام", "العام", "سنة", "السنة", "عامي"})
_BACK = frozenset({"قبل"})
_RANGE_TO = frozenset({"الي", "حتي"})  # «من الخامس إلى السادس», normalized


def _is_anniversary(tokens: list[Token], m) -> bool:
    """Tells «في مثل هذا اليوم» (on a day like this one) from «في وقت سابق» (earlier)."""
    return any(tokens[i].text in cue_set("anniversary") for i in range(m.first, m.last + 1))


def _same_day(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)  # 29 February of a common year


def _anniversary(tokens: list[Token], last: int, published: date) -> tuple[int, date] | None:
    """Reads the year after «في مثل هذا اليوم»: «من عام 2013» → 2013, «قبل خمس سنوات» → five years back,
    «قبل عامين» → two; returns (last token, that day of that year), or None where the text gives no year."""
    k = last + 1
    if k < len(tokens) and tokens[k].text == "من":
        k += 1
    if k < len(tokens) and tokens[k].text in _YEAR_WORDS:
        k += 1
    if k > last + 1 and k < len(tokens) and tokens[k].text.isdigit() and len(tokens[k].text) == 4 \
            and 1900 < int(tokens[k].text) <= published.year:
        return k, _same_day(published, int(tokens[k].text))
    k = last + 1
    if k + 1 >= len(tokens) or not (tokens[k].text in _BACK or tokens[k].text in _SINCE):  # «قبل/منذ عامين»
        return None
    units = cue_set("year_unit")
    word = tokens[k + 1].text
    if word in units and word in {norm(f) for row in cue_rows("year_unit") for f in dual_forms(row["lemma"])}:
        return k + 1, _same_day(published, published.year - 2)  # «قبل عامين»: a dual counts two
    count = int(word) if word.isdigit() and len(word) <= 2 else unit_numbers().get(word)
    if count and k + 2 < len(tokens) and tokens[k + 2].text in units:
        return k + 2, _same_day(published, published.year - count)
    return None


def _years(tokens: list[Token], found: list[DateMention], published: date | None = None) -> list[DateMention]:
    """Reads a bare year: «عام 2015», «في 2016.» → mid-year with rule date:year (no day or month a coder could use)."""
    taken = {i for d in found for i in range(d.first, d.last + 1)}
    framed = cue_set("year_frame")
    out = []
    for i in range(len(tokens) - 1):
        nxt = tokens[i + 1].text
        if i + 1 in taken or not nxt.isdigit() or len(nxt) != 4 or not 1900 < int(nxt) < 2100:
            continue
        if not readings(tokens[i].text) & _YEAR_WORDS:
            # «في 2016» needs no year word, but only a year already past can date what happened
            # («بحلول 2030» is a plan), and a number beyond it is a count («في 2432 حالة»)
            if tokens[i].text not in framed or (published is not None and int(nxt) > published.year):
                continue
        out.append(DateMention(i, i + 1, date(int(nxt), 7, 1), 3, "date:year"))
    return out


def _day_of(tokens: list[Token], matches, idx: int) -> tuple[int, int] | None:
    """Reads the day before «من الشهر …»: «الخامس والعشرين من الشهر الجاري» → (first token, 25)."""
    m = matches[idx]
    j = m.first - 1
    if j < 1 or tokens[j].text != "من":
        return None
    if tokens[j - 1].text.isdigit() and 1 <= int(tokens[j - 1].text) <= 31:
        return j - 1, int(tokens[j - 1].text)
    for prev in matches[:idx][::-1]:
        if prev.last == j - 1 and _payload(prev, "ordinal") is not None:
            return prev.first, int(_payload(prev, "ordinal"))
    return None


def _numeric(tokens: list[Token], text: str) -> list[DateMention]:
    """Reads numeric dates, day first as in Arab usage: «12/10/2018», «2018-10-12» → 12 Oct 2018."""
    out = []
    digits = [t.text.isdigit() for t in tokens]
    for i in range(len(tokens) - 2):
        if not (digits[i] and digits[i + 1] and digits[i + 2]):
            continue
        a, b, c = tokens[i:i + 3]
        # scraped pages space the separators out: «2017 / 12 / 26»
        seps = {text[a.end:b.start].strip(" "), text[b.end:c.start].strip(" ")}
        if len(seps) != 1 or seps.pop() not in ("/", "-", "."):
            continue
        x, y, z = int(a.text), int(b.text), int(c.text)
        year, month, day = (x, y, z) if len(a.text) == 4 else (z, y, x)
        if not 1900 < year < 2100:
            continue
        try:
            out.append(DateMention(i, i + 2, date(year, month, day), 1, "date:numeric"))
        except ValueError:
            continue
    return out


DISCOURSE = "date:discourse:"
_SINCE = frozenset(norm(w) for w in {"منذ", "ومنذ", "مذ"})
_WEEK = frozenset(norm(w) for w in {"الأسبوع", "الاسبوع", "خلال الأسبوع"})
_LAST = frozenset(norm(w) for w in {"الأخير", "الاخير"})


# A report whose first day told is a day or three before its own («أمس», «الاثنين») rounds up those days.
_ROUNDUP_DAYS = 3


def roundup_day(found: list[DateMention], day: date | None) -> date | None:
    """Returns the report's day when it rounds up the last days: first day told «قصفت الطائرات أمس» → that day.

    Its undated events lie somewhere in the days it covers (ACLED precision 2); today's news
    («قصفت الطائرات اليوم») and a report that names no day date theirs to the report's day.
    """
    told = [d for d in found if d.precision == 1 and not d.since and not d.rule.startswith(DISCOURSE)]
    if day is None or not told:
        return None
    return day if 1 <= (day - min(told, key=lambda d: d.first).value).days <= _ROUNDUP_DAYS else None


def _after_since(tokens: list[Token], first: int) -> bool:
    """Tells whether «منذ» opens the date: «منذ مساء الأحد», «منذ 18 شباط» → True."""
    # the calendar lists some phrases with «منذ» inside («منذ الشهر الماضي»)
    return any(tokens[j].text in _SINCE for j in range(max(0, first - 2), first + 1))


# «منذ بدء هجوم القوات الحكومية على المحافظة في 19 يونيو»: how far a start noun's phrase reaches to its date
_SINCE_START_REACH = 10
_CLAUSE_MARKS = frozenset("،,.;؛:\n")


def _in_since_start(tokens: list[Token], first: int, text: str | None) -> bool:
    """Tells whether a date dates the start named after «منذ»: «منذ انطلاق العملية في 19 فبراير» → True, so
    the span it opens, not one occurrence; «منذ بدء الحملة، قصفت … في 3 آذار» → False (the comma closes it)."""
    if text is None:
        return False
    since, start = cue_set("since"), cue_set("span_start")
    for k in range(first - 1, max(-1, first - _SINCE_START_REACH - 1), -1):
        word = tokens[k].text
        if word[:1] == "و" and word not in since and not word[1:].startswith("ال"):
            return False  # «منذ بدء الحملة وقصفت الطائرات البلدة في 3 آذار»: a «و» opens another clause
        if word in since:
            return k + 1 < first and tokens[k + 1].text in start and \
                not _CLAUSE_MARKS.intersection(text[tokens[k].end:tokens[first].start])
    return False


def _is_day_name(tokens: list[Token], m) -> bool:
    """Tells «الأحد»/«يوم الأحد» (Sunday) from «أحد» (one): the day needs «ال» or «يوم» before it."""
    head = tokens[m.first].text
    day_words = cue_set("day_words")
    if head[m.skip:].startswith("ال") or head.startswith("لل") or readings(head) & day_words:
        return True
    # «يوم واحد» (one day): a proclitic on a weekday without its article makes it a numeral
    return m.first > 0 and not m.skip and bool(readings(tokens[m.first - 1].text) & day_words)


def _first_listed_day(tokens, j: int, text: str | None = None) -> int | None:
    """Returns the first of two days listed before a month, as ACLED codes the first day of a span:
    «في 3 و5 مايو» (j at «و5») → the index of «3», «12 و 13 آذار» (j at «13») → the index of «12»,
    «ليل 5-6 كانون الثاني» (j at «6») → the index of «5»."""
    if text is not None and j >= 1 and tokens[j].text.isdigit() and tokens[j - 1].text.isdigit() \
            and text[tokens[j - 1].end:tokens[j].start].strip() == "-" \
            and 1 <= int(tokens[j - 1].text) < int(tokens[j].text):
        return j - 1  # a range of days written with a hyphen is a span, not a toll
    k = j - 1 if tokens[j].text[:1] == "و" else j - 2
    if tokens[j].text[:1] != "و" and (j < 2 or tokens[j - 1].text != "و"):
        return None
    # «قتل 5 و6 أيار» may count the dead: a listed day stands after «في» or «يوم(ي)» only
    if k >= 1 and tokens[k].text.isdigit() and 1 <= int(tokens[k].text) <= 31 and (
            tokens[k - 1].text in ("في", "وفي") or readings(tokens[k - 1].text) & cue_set("day_words")):
        return k
    return None


def _month_lead(tokens, first: int) -> bool:
    """Tells whether a word of time, a preposition or another month stands before a month name: «في آب» → True."""
    if first == 0:
        return True  # a dateline or a heading opening with the month
    prev = tokens[first - 1].text
    return prev in cue_set("month_lead") or not prev.isalpha()


def _explicit(tokens, matches, idx, month, published, used, text=None) -> DateMention | None:
    """Reads «26 أكتوبر 2018», «السابع من شباط/فبراير الماضي», «7 نيسان» or «أبريل الماضي»."""
    m = matches[idx]
    first, last = m.first, m.last
    # a second month name of the other series may follow («شباط/فبراير»)
    if idx + 1 < len(matches) and matches[idx + 1].first == last + 1 \
            and _payload(matches[idx + 1], "month") is not None:
        last = matches[idx + 1].last
        used.add(matches[idx + 1].first)
    day = None
    j = first - 1
    if j >= 0 and tokens[j].text in ("شهر", "لشهر"):
        j -= 1
    if j >= 0 and tokens[j].text == "من":
        j -= 1
    if j >= 0 and tokens[j].text.isdigit() and 1 <= int(tokens[j].text) <= 31:
        day, first = int(tokens[j].text), j
        first = _first_listed_day(tokens, j, text) or first
        day = int(tokens[first].text)
    elif j >= 1 and tokens[j].text[:1] == "و" and tokens[j].text[1:].isdigit() \
            and 1 <= int(tokens[j].text[1:]) <= 31 and _first_listed_day(tokens, j):
        first = _first_listed_day(tokens, j)
        day = int(tokens[first].text)
    elif j >= 0:
        for prev in matches[:idx][::-1]:
            if prev.last == j and _payload(prev, "ordinal") is not None:
                day, first = int(_payload(prev, "ordinal")), prev.first
                # «ليلة التاسع والعاشر من أيار», «ليل الخامس إلى السادس من أيلول»: two ordinal days name a span;
                # its first day is coded
                to = prev.first > 0 and tokens[prev.first - 1].text in _RANGE_TO
                before = next((o for o in matches[:idx] if o.last == prev.first - 1 - to
                               and _payload(o, "ordinal") is not None), None)
                if (to or (prev.skip and tokens[prev.first].text[:1] == "و")) and before is not None \
                        and int(_payload(before, "ordinal")) < day:
                    day, first = int(_payload(before, "ordinal")), before.first
                break
    if day is None and last + 2 < len(tokens) and tokens[last + 1].text.isdigit() \
            and 1 <= int(tokens[last + 1].text) <= 31 and len(tokens[last + 2].text) == 4 \
            and tokens[last + 2].text.isdigit():
        # «October 11 , 2017»: the English order of a page header, month first
        day = int(tokens[last + 1].text)
        last += 1
    last_week = day is None and j > 0 and tokens[j].text in _LAST and tokens[j - 1].text in _WEEK
    week = last_week or (day is not None and day <= 4 and first > 0 and tokens[first - 1].text in _WEEK)
    if week:
        # «الأسبوع الثاني من شهر شباط»: the middle of that week, ACLED's precision 2
        first = j - 1 if last_week else first - 1
        day = 25 if last_week else (day - 1) * 7 + 4
    year = None
    # «شباط عام 2016», «آذار من العام 2013»: the year word between month and year
    k = last + 1
    if k < len(tokens) and tokens[k].text == "من":
        k += 1
    if k + 1 < len(tokens) and tokens[k].text in _YEAR_WORDS and tokens[k + 1].text.isdigit() \
            and len(tokens[k + 1].text) == 4:
        last = k
    if last + 1 < len(tokens) and tokens[last + 1].text.isdigit() and len(tokens[last + 1].text) == 4:
        year = int(tokens[last + 1].text)
        last += 1
    elif last + 1 < len(tokens) and tokens[last + 1].text in _PAST:
        last += 1
    elif day is None and m.skip == 0 and not _month_lead(tokens, first):
        # «سيارة بيك آب», «سيارة نيسان»: a month name with no day, year, «الماضي» or word of time before it
        # is another word spelt alike
        return None
    if year is None:
        if published is None:
            return None
        year = published.year
        if (month, day or 15) > (published.month, published.day + 1):
            year -= 1
    if not 1900 < year < 2100:
        return None
    try:
        if day is not None:
            return DateMention(first, last, date(year, month, day), 2 if week else 1,
                               "date:week-of-month" if week else "date:day-month")
        return DateMention(first, last, _month_mid(year, month), 3, "date:month")
    except ValueError:
        return None
