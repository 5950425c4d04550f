"""Parts of weeks, months and years, and counts back from the report's day: «منتصف الشهر الماضي», «قبل نحو أسبوعين»."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from ..lexicon import table
from ..morph import cue_forms, cue_values, dual_forms
from ..normalize import norm
from ..segment import Token

# a date found here: first and last token, day, ACLED precision, rule (rasid/find/dates.py makes it a DateMention)
Span = tuple[int, int, date, int, str]

# days into a week, and the day of a month, that a part of it is coded to (the middle of the span it names)
WEEK_PART = {"early": 1, "mid": 3, "late": 5, "end": 5}
_MONTH_PART = {"early": 5, "mid": 15, "late": 25}
# «قبل نحو أسبوعين»: a hedge between «قبل» and its count makes the day approximate (precision 2)
_AGO = frozenset({"قبل", "وقبل", "منذ", "ومنذ"})
_ABOUT = frozenset({"نحو", "حوالي", "قرابه", "زهاء"})
_UNIT_DAYS = {"يوم": 1, "اسبوع": 7, "شهر": 30}
_MAX_AGO_DAYS = 400
# «مطلع الأسبوع», «منتصف الشهر»: a part of the period the report is written in
_BARE_PERIOD = {"الاسبوع": "week:0", "الشهر": "month:0"}


@lru_cache(maxsize=1)
def unit_numbers() -> dict[str, int]:
    """Maps the number words of one to ninety to their values: «أربعة» → 4, «عشرين» → 20."""
    return {norm(row["word"]): int(row["value"]) for row in table("numbers.tsv")
            if row.get("kind") in ("unit", "ten") and row["value"].isdigit()}


def shift_month(d: date, months: int) -> date:
    """Returns the middle of the month `months` away: (25 Oct 2018, -1) → 15 Sep 2018."""
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 15)


def week_start(day: date) -> date:
    """Returns the first day of the week a day lies in: Monday, or a Sunday itself (the Arab working week opens on
    Sunday, and a report of a Sunday tells the days before it as «الأسبوع الماضي»): Thu 25 Oct 2018 → Mon 22 Oct."""
    return day if day.weekday() == 6 else day - timedelta(days=day.weekday())


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    """Maps the forms of the elapsed-time units to their lemma: «أسابيع» → «اسبوع», «يومين» → «يوم»."""
    return cue_forms("elapsed_unit")


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    return cue_values("period_part", "part")


def part_before(tokens: list[Token], first: int) -> tuple[int, str] | None:
    """Finds a part word before a period: «منتصف الشهر الماضي», «أواخر شهر آذار» → (its token, "mid" / "late")."""
    j = first - 1
    if j >= 1 and tokens[j].text in ("شهر", "لشهر"):
        j -= 1
    part = _parts().get(tokens[j].text) if j >= 0 else None
    return (j, part) if part else None


def month_part(year: int, month: int, part: str) -> date:
    """Returns the day a part of a month is coded to: («early», March) → 5 March, («end», June) → 30 June."""
    if part == "end":
        return shift_month(date(year, month, 1), 1).replace(day=1) - timedelta(days=1)
    return date(year, month, _MONTH_PART[part])


def of_part(code: str, part: str, published: date) -> tuple[date, int] | None:
    """Codes a part of the week, month or year a relative phrase names: «مطلع الأسبوع الماضي» (week:-1, early) →
    the Tuesday of last week, precision 2; «أواخر الشهر الماضي» → the 25th, and «نهاية العام الماضي» → 31
    December, precision 3."""
    unit, _, amount = code.partition(":")
    if not amount.lstrip("-").isdigit():
        return None
    n = int(amount)
    if unit == "week":
        day, precision = week_start(published) + timedelta(days=7 * n + WEEK_PART[part]), 2
        if n == 0 and day > published and part in ("late", "end"):
            day -= timedelta(days=7)  # «في نهاية الأسبوع» told on a Thursday: the weekend just past
    elif unit == "month":
        # «أواخر الشهر الماضي»: ten days or so, more than ACLED's week: the month is what is known
        anchor = shift_month(published, n)
        day, precision = month_part(anchor.year, anchor.month, part), 3
    elif unit == "year":
        year = published.year + n
        day = {"early": date(year, 1, 15), "mid": date(year, 7, 1), "late": date(year, 12, 15),
               "end": date(year, 12, 31)}[part]
        precision = 3
    else:
        return None
    return min(day, published), precision


def counted_ago(tokens: list[Token], taken: set[int], published: date | None) -> list[Span]:
    """Reads a count of days, weeks or months back: «قبل أربعة أيام» → 4 days before, precision 1; «قبل نحو
    أسبوعين», «من نحو أسبوعين» → 14 days before, precision 2; «قبل ثلاثة أشهر» → that month, precision 3."""
    if published is None:
        return []
    units = _units()
    out: list[Span] = []
    for i, tok in enumerate(tokens[:-1]):
        if tok.text not in _AGO and tok.text != "من":
            continue
        hedged = tokens[i + 1].text in _ABOUT
        if i in taken or not (tok.text in _AGO or hedged):
            continue
        j = i + 1 + hedged
        if j >= len(tokens) or j in taken:
            continue
        word = tokens[j].text
        lemma = units.get(word)
        if lemma in _UNIT_DAYS and word in {norm(f) for f in dual_forms(lemma)}:
            count, last = 2, j  # «قبل أسبوعين»: a dual counts two
        elif lemma in _UNIT_DAYS and word == lemma:
            count, last = 1, j  # «قبل نحو أسبوع»
        else:
            count = int(word) if word.isdigit() and len(word) <= 2 else unit_numbers().get(word)
            last = j + 1
            lemma = units.get(tokens[last].text) if count and last < len(tokens) and last not in taken else None
        if lemma not in _UNIT_DAYS or not count or count * _UNIT_DAYS[lemma] > _MAX_AGO_DAYS:
            continue
        if lemma == "شهر":
            value, precision = shift_month(published, -count), 3
        else:
            value = published - timedelta(days=count * _UNIT_DAYS[lemma])
            precision = 1 if lemma == "يوم" and not hedged else 2
        out.append((i, last, value, precision, f"date:ago:{lemma}"))
    return out


def bare_parts(tokens: list[Token], taken: set[int], published: date | None) -> list[Span]:
    """Reads a part word before a bare «الأسبوع» or «الشهر»: «منتصف الشهر» → the 15th of the report's month."""
    if published is None:
        return []
    out: list[Span] = []
    parts = _parts()
    for i, tok in enumerate(tokens[:-1]):
        part = parts.get(tok.text)
        code = _BARE_PERIOD.get(tokens[i + 1].text) if part else None
        if code and i not in taken and i + 1 not in taken:
            got = of_part(code, part, published)
            if got:
                out.append((i, i + 1, got[0], got[1], f"date:part:{part}:{code}"))
    return out
