"""Scoring of system events against gold by EVENTS.md §3, number for number as ../shared/tools/score.py."""
from __future__ import annotations

import logging
import lzma
import math
import re
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from .reader import ReadError, json_records

log = logging.getLogger(__name__)

# Date tolerance in days by gold time_precision (ACLED codes 1 day, 2 week, 3 month).
TOLERANCE_DAYS = {1: 0, 2: 3, 3: 15}
# Night events («ليلة الاثنين-الثلاثاء») may be coded to either day: one day of slack for matching.
NIGHT_SLACK_DAYS = 1
MATCH_KM = 25
# Gold geo_precision 3 is a governorate capital standing for a large region, so the match radius widens.
MATCH_KM_REGION = 60
FIELD_KM = 10
FIELDS = ("sub_event_type", "actors", "date", "location_10km", "fatalities", "contested")
# A system event whose date is missing is this many days from any gold date: never within tolerance.
_NO_DATE_GAP = 999


class GoldError(ValueError):
    """A gold file that cannot be scored, with the line that says why."""


def km(a: dict, b: dict) -> float:
    """Returns the great-circle distance in km between two {latitude, longitude} points."""
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _point(event: dict) -> dict | None:
    loc = event.get("location") or {}
    try:
        return {"latitude": float(loc["latitude"]), "longitude": float(loc["longitude"])}
    except (KeyError, TypeError, ValueError):
        return None


def _tolerance(gold: dict) -> int:
    return TOLERANCE_DAYS.get(gold.get("time_precision") or 1, 0)


def date_gap(gold: dict, system: dict) -> int:
    """Returns the days between gold and system dates; 0 when the gold has no date."""
    gold_day, system_day = _day(gold.get("event_date")), _day(system.get("event_date"))
    if gold_day is None:
        return 0
    if system_day is None:
        return _NO_DATE_GAP
    return abs((gold_day - system_day).days)


def compatible(gold: dict, system: dict) -> float | None:
    """Returns the km from the system event to the nearest gold location when the two may match, else None."""
    if gold["event_type"] != system.get("event_type"):
        return None
    if date_gap(gold, system) > _tolerance(gold) + NIGHT_SLACK_DAYS:
        return None
    point = _point(system)
    if point is None:
        return None
    distance = min(km(point, loc) for loc in gold["locations"])
    return distance if distance <= (MATCH_KM_REGION if gold.get("geo_precision") == 3 else MATCH_KM) else None


def _fatalities_ok(gold: dict, system: dict) -> bool:
    value = system.get("fatalities")
    best = value.get("best") if isinstance(value, dict) else value
    try:
        best = int(best or 0)
    except (TypeError, ValueError):
        return False
    return gold["fatalities"]["min"] <= best <= gold["fatalities"]["max"]


def field_checks(gold: dict, system: dict, distance: float) -> dict[str, bool]:
    """Returns, for a matched pair, which of the six scored fields the system got right."""
    subs = [gold["sub_event_type"]] + list(gold.get("sub_event_type_alt") or [])
    actors = set(gold["actors"])
    # A one-actor gold event (an unopposed strike) is right when the system names that actor first.
    actors_ok = {system.get("actor1"), system.get("actor2")} == actors or (
        len(actors) == 1 and system.get("actor1") in gold["actors"])
    # The night slack counts for "date exact" only when the gold day itself is known.
    slack = NIGHT_SLACK_DAYS if gold.get("time_precision") == 1 else 0
    return {
        "sub_event_type": system.get("sub_event_type") in subs,
        "actors": actors_ok,
        "date": date_gap(gold, system) <= _tolerance(gold) + slack,
        "location_10km": distance <= FIELD_KM or gold.get("geo_precision") == 3,
        "fatalities": _fatalities_ok(gold, system),
        "contested": bool(system.get("contested")) == bool(gold.get("contested")),
    }


@dataclass(frozen=True)
class Pair:
    """A gold event matched to a system event, with the distance and the field checks."""

    gold: int
    system: int
    distance: float
    fields: dict[str, bool]


@dataclass(frozen=True)
class ArticleMatch:
    """The one-to-one matching of one article's gold and system events."""

    article_id: str
    pairs: tuple[Pair, ...]
    misses: tuple[int, ...]
    false_alarms: tuple[int, ...]
    scored_pairs: tuple[Pair, ...]
    splits: tuple[int, ...] = ()


def match_article(article_id: str, gold: list[dict], system: list[dict]) -> ArticleMatch:
    """Matches events greedily: most right fields first, then nearest, then gold and system order."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            distance = compatible(g, s)
            if distance is not None:
                checks = field_checks(g, s, distance)
                candidates.append((-sum(checks.values()), distance, gi, si, checks))
    # Stable sort: equal candidates keep gold-then-system order, as the reference scorer does.
    candidates.sort(key=lambda c: (c[0], c[1]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, distance, gi, si, checks in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append(Pair(gi, si, distance, checks))
    misses = tuple(gi for gi, g in enumerate(gold) if gi not in used_gold and not g.get("optional"))
    splits = _splits(gold, system, used_gold, used_system)
    false_alarms = tuple(si for si in range(len(system)) if si not in used_system and si not in splits)
    # A system event matched to an optional gold event is neither a hit nor a false alarm.
    scored = tuple(p for p in pairs if not gold[p.gold].get("optional"))
    return ArticleMatch(article_id, tuple(pairs), misses, false_alarms, scored, splits)


def _splits(gold: list[dict], system: list[dict], used_gold: set[int], used_system: set[int]) -> tuple[int, ...]:
    """Returns the unmatched system events that code a matched gold event at another of its listed places."""
    # ACLED codes one event per place: each listed place beyond the first absorbs one further event within 10 km.
    room = {gi: len(g["locations"]) - 1 for gi, g in enumerate(gold) if gi in used_gold}
    splits = []
    for si, s in enumerate(system):
        if si in used_system:
            continue
        distances = {gi: compatible(gold[gi], s) for gi in room}
        for gi in sorted(room, key=lambda gi: 1e9 if distances[gi] is None else distances[gi]):
            if room[gi] > 0 and distances[gi] is not None and distances[gi] <= FIELD_KM:
                room[gi] -= 1
                splits.append(si)
                break
    return tuple(splits)


def _by_article(sys_events: list[dict]) -> dict[Any, list[dict]]:
    grouped: dict[Any, list[dict]] = {}
    for event in sys_events:
        grouped.setdefault(event.get("article_id"), []).append(event)
    return grouped


def matches(gold_lines: list[dict], sys_events: list[dict]) -> list[ArticleMatch]:
    """Matches every scored gold article (lines marked "skip" are left out, with their system events)."""
    grouped = _by_article(sys_events)
    return [match_article(line["article"]["id"], line["events"], grouped.get(line["article"]["id"], []))
            for line in gold_lines if "skip" not in line]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold_lines: list[dict], sys_events: list[dict]) -> dict:
    """Returns tp/fp/fn, precision, recall, F1, full-match F1, field accuracy and per-article counts."""
    tp = fp = fn = full = split = 0
    field_hits: dict[str, int] = {}
    per_article = []
    for m in matches(gold_lines, sys_events):
        for pair in m.scored_pairs:
            for name, ok in pair.fields.items():
                field_hits[name] = field_hits.get(name, 0) + int(ok)
            full += all(pair.fields.values())
        a_tp, a_fp, a_fn = len(m.scored_pairs), len(m.false_alarms), len(m.misses)
        tp, fp, fn = tp + a_tp, fp + a_fp, fn + a_fn
        split += len(m.splits)
        per_article.append((m.article_id, a_tp, a_fp, a_fn))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    full_precision = full / (tp + fp) if tp + fp else 0.0
    full_recall = full / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "split": split, "precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(_f1(precision, recall), 3),
            "full_match_f1": round(_f1(full_precision, full_recall), 3),
            "field_accuracy": {k: round(v / tp, 3) for k, v in field_hits.items()} if tp else {},
            "per_article": per_article}


def _evidence_text(text: str, event: dict) -> str:
    quotes = []
    for span in event.get("evidence") or []:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= len(text):
            quotes.append(text[start:end])
    return " … ".join(quotes)


def _gold_summary(g: dict) -> dict:
    return {"event_date": g.get("event_date"), "time_precision": g.get("time_precision"),
            "event_type": g["event_type"], "sub_event_type": g["sub_event_type"],
            "actors": list(g["actors"]), "location": " / ".join(str(l.get("name")) for l in g["locations"]),
            "fatalities": [g["fatalities"]["min"], g["fatalities"]["max"]],
            "contested": bool(g.get("contested")), "evidence": g.get("evidence") or ""}


def _system_summary(s: dict, text: str) -> dict:
    loc = s.get("location") or {}
    fatalities = s.get("fatalities")
    return {"event_date": s.get("event_date"), "time_precision": s.get("time_precision"),
            "event_type": s.get("event_type"), "sub_event_type": s.get("sub_event_type"),
            "actors": [s.get("actor1"), s.get("actor2")],
            "location": loc.get("name") if isinstance(loc, dict) else None,
            "fatalities": fatalities.get("best") if isinstance(fatalities, dict) else fatalities,
            "contested": bool(s.get("contested")), "evidence": _evidence_text(text, s)}


def error_report(gold_lines: list[dict], sys_events: list[dict]) -> list[dict]:
    """Lists, per article with any error, the misses, the false alarms and the wrong fields of matches."""
    grouped = _by_article(sys_events)
    scored = [line for line in gold_lines if "skip" not in line]
    report = []
    for line, m in zip(scored, matches(gold_lines, sys_events)):
        gold, system, text = line["events"], grouped.get(m.article_id, []), line["article"].get("text") or ""
        wrong = [{"fields": [k for k, ok in p.fields.items() if not ok], "distance_km": round(p.distance, 1),
                  "gold": _gold_summary(gold[p.gold]), "system": _system_summary(system[p.system], text)}
                 for p in m.scored_pairs if not all(p.fields.values())]
        if m.misses or m.false_alarms or wrong:
            report.append({"article_id": m.article_id,
                           "misses": [_gold_summary(gold[gi]) for gi in m.misses],
                           "false_alarms": [_system_summary(system[si], text) for si in m.false_alarms],
                           "wrong_fields": wrong})
    return report


def _describe(event: dict) -> str:
    actors = ", ".join(str(a) for a in event["actors"] if a)
    return (f"{event['event_date']} (p{event['time_precision']}) {event['event_type']} / "
            f"{event['sub_event_type']} [{actors}] @ {event['location']}")


def format_errors(report: list[dict]) -> str:
    """Renders an error report as text, one block per article."""
    out = []
    for item in report:
        out.append(f"== {item['article_id']}")
        for g in item["misses"]:
            out.append(f"  MISS   {_describe(g)}\n         «{g['evidence']}»")
        for s in item["false_alarms"]:
            out.append(f"  FALSE  {_describe(s)}\n         «{s['evidence']}»")
        for w in item["wrong_fields"]:
            g, s = w["gold"], w["system"]
            diffs = {"sub_event_type": f"{g['sub_event_type']} ≠ {s['sub_event_type']}",
                     "actors": f"{g['actors']} ≠ {s['actors']}",
                     "date": f"{g['event_date']} (p{g['time_precision']}) ≠ {s['event_date']}",
                     "location_10km": f"{w['distance_km']} km away",
                     "fatalities": f"best {s['fatalities']} outside {g['fatalities']}",
                     "contested": f"{g['contested']} ≠ {s['contested']}"}
            wrong = "; ".join(f"{k}: {diffs[k]}" for k in w["fields"])
            out.append(f"  FIELDS {_describe(g)}\n         {wrong}\n         «{g['evidence']}»")
    return "\n".join(out)


def format_scores(result: dict) -> str:
    """Renders per-article counts as the reference scorer prints them, then the totals."""
    lines = [f"{aid:50} tp={tp} fp={fp} fn={fn}" for aid, tp, fp, fn in result["per_article"]]
    lines.append(f"events: tp={result['tp']} fp={result['fp']} fn={result['fn']} split={result.get('split', 0)}")
    lines.append(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}"
                 f"  full-match F1 {result['full_match_f1']:.3f}")
    fields = "  ".join(f"{k} {v:.3f}" for k, v in result["field_accuracy"].items())
    lines.append(f"field accuracy: {fields or '(no matched events)'}")
    return "\n".join(lines)


def _finite(value: Any) -> bool:
    """Tells whether a value is a real, finite number (a bool is not): 36.3 → True, inf → False, "36" → False."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_event(event: Any) -> str | None:
    if not isinstance(event, dict):
        return "an event is not a JSON object"
    for key in ("event_type", "sub_event_type"):
        if not isinstance(event.get(key), str):
            return f"event without {key!r}"
    if not _strings(event.get("actors")) or not event["actors"]:
        return "event without 'actors' (a list of actor names)"
    if event.get("sub_event_type_alt") is not None and not _strings(event["sub_event_type_alt"]):
        return "'sub_event_type_alt' is not a list of names"
    if not isinstance(event.get("event_date"), (str, type(None))):
        return "'event_date' is not a YYYY-MM-DD string"
    precision = event.get("time_precision")
    if precision is not None and (not isinstance(precision, int) or isinstance(precision, bool)):
        return "'time_precision' is not 1, 2 or 3"
    locations = event.get("locations")
    if not isinstance(locations, list) or not locations:
        return "event without 'locations'"
    for loc in locations:
        if not isinstance(loc, dict) or not all(_finite(loc.get(k)) for k in ("latitude", "longitude")):
            return "location without numeric latitude/longitude"
    fatalities = event.get("fatalities")
    if not isinstance(fatalities, dict) or not all(
            isinstance(fatalities.get(k), (int, float)) for k in ("min", "max")):
        return "event without numeric fatalities min/max"
    return None


def _check_system_event(event: Any) -> str | None:
    """Names what makes a system event unscorable (a field of the wrong type), or None."""
    if not isinstance(event, dict):
        return "not a JSON object"
    if not isinstance(event.get("article_id"), str):
        return "no 'article_id' string"
    for key in ("event_type", "sub_event_type", "actor1", "actor2", "event_date"):
        if not isinstance(event.get(key), (str, type(None))):
            return f"{key!r} is {type(event[key]).__name__}, not a string"
    location = event.get("location")
    if location is not None and not isinstance(location, dict):
        return "'location' is not an object"
    for key in ("latitude", "longitude"):
        try:
            number = float((location or {}).get(key, 0))
        except (TypeError, ValueError):
            continue  # no point: the event cannot match, as the reference scorer has it
        if not math.isfinite(number):
            return f"'location.{key}' is not a finite number"
    if not isinstance(event.get("evidence"), (list, type(None))):
        return "'evidence' is not a list"
    return None


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _readable(value: Any) -> Any:
    """Returns a JSON value with lone surrogates in its strings replaced by U+FFFD: «\\ud800» → «\ufffd»."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_readable(v) for v in value]
    if isinstance(value, dict):
        return {_readable(k): _readable(v) for k, v in value.items()}
    return value


def _json_lines(path: str | Path) -> Iterator[tuple[int | None, Any, str | None]]:
    """Yields (line number, parsed value or None, problem or None) for non-blank lines, read as articles are."""
    # The article reader's line handling: CR line ends, a BOM mid-file, invalid UTF-8, deep nesting, huge lines.
    try:
        for line_no, value in json_records(path, report_empty=False):
            if not isinstance(value, ReadError):
                yield line_no, _readable(value), None  # nesting is bounded by the reader's depth limit
            elif value.kept:
                log.warning("%s", value)
            else:
                yield line_no, None, value.message
    except (OSError, EOFError, lzma.LZMAError, zlib.error) as err:
        yield None, None, f"cannot read: {getattr(err, 'strerror', None) or err}"


def _where(path: str | Path, line_no: int | None) -> str:
    return f"{path}:{line_no}" if line_no else str(path)


def read_gold(path: str | Path) -> list[dict]:
    """Reads an EVENTS.md §5 gold file, raising GoldError with the line of the first unusable line."""
    lines = []
    for line_no, line, error in _json_lines(path):
        if error is not None:
            raise GoldError(f"{_where(path, line_no)}: {error}")
        if not isinstance(line, dict) or not isinstance(line.get("article"), dict) \
                or not isinstance(line["article"].get("id"), str):
            raise GoldError(f"{path}:{line_no}: expected {{\"article\": {{\"id\": ...}}, \"events\": [...]}}")
        if "skip" not in line:
            if not isinstance(line.get("events"), list):
                raise GoldError(f"{path}:{line_no}: 'events' is not a list")
            for event in line["events"]:
                problem = _check_event(event)
                if problem:
                    raise GoldError(f"{path}:{line_no}: {problem}")
        lines.append(line)
    return lines


def read_system(path: str | Path) -> tuple[list[dict], list[str]]:
    """Reads system events (JSON lines), returning them and a message per unreadable line, which is left out."""
    events, problems = [], []
    for line_no, event, error in _json_lines(path):
        problem = error or _check_system_event(event)
        if problem is not None:
            problems.append(f"{_where(path, line_no)}: {problem}; left out")
        else:
            events.append(event)
    return events, problems
