"""Throughput, memory and false-alarm benchmark of analyze() on a large multi-topic corpus."""
from __future__ import annotations

import logging
import resource
import sys
import time
from pathlib import Path
from typing import Callable

from tqdm import tqdm

from .reader import ReadError, json_records, to_article
from .records import Article, Event

log = logging.getLogger(__name__)

BENCH_FILE = Path("..", "shared", "corpus", "ant-multisource.jsonl.xz")
# ANT categories with no war reporting: every event found there is a false alarm.
NON_CONFLICT = ("sport", "economy", "technology", "culture")
_MAX_FAILURES_LISTED = 10


def default_file() -> Path | None:
    """Finds ../shared/corpus/ant-multisource.jsonl.xz beside the repository, or beside the working directory."""
    repo = Path(__file__).resolve().parent.parent
    for base in (repo, Path.cwd()):
        candidate = base / BENCH_FILE
        if candidate.is_file():
            return candidate.resolve()
    return None


def peak_rss_mb() -> float:
    """Returns this process's peak resident memory in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _per_100(events: int, articles: int) -> float:
    return round(100 * events / articles, 2) if articles else 0.0


def bench(path: str | Path, analyze: Callable[[Article], list[Event]], limit: int | None = None,
          progress: bool = True) -> dict:
    """Runs analyze on each article of a JSON-lines file (.xz/.gz too) and returns speed, memory and event rates."""
    categories: dict[str, list[int]] = {}
    failures: list[str] = []
    read_errors = articles = events = failed = 0
    analyze_seconds = 0.0
    started = time.perf_counter()
    with tqdm(total=limit, unit="art", file=sys.stderr, disable=not progress, desc="bench") as bar:
        for line_no, record in json_records(path):
            if limit is not None and articles >= limit:
                break
            article, problems = (None, [record]) if isinstance(record, ReadError) else \
                to_article(record, str(path), line_no)
            for problem in problems:
                log.warning("%s", problem)
                read_errors += not problem.kept
            if article is None:
                continue
            t0 = time.perf_counter()
            try:
                found = len(analyze(article))
            except Exception as err:  # one failing article must not end a 30,000-article run
                found, failed = 0, failed + 1
                if len(failures) < _MAX_FAILURES_LISTED:
                    failures.append(f"{article.id}: {type(err).__name__}: {err}")
                log.debug("analyze failed on %s", article.id, exc_info=True)
            analyze_seconds += time.perf_counter() - t0
            articles += 1
            events += found
            counts = categories.setdefault(str(record.get("category")), [0, 0])
            counts[0] += 1
            counts[1] += found
            bar.update(1)
    seconds = time.perf_counter() - started
    quiet = [categories.get(c, [0, 0]) for c in NON_CONFLICT]
    quiet_articles, quiet_events = sum(c[0] for c in quiet), sum(c[1] for c in quiet)
    return {
        "file": str(path),
        "articles": articles,
        "seconds": round(seconds, 2),
        "analyze_seconds": round(analyze_seconds, 2),
        "articles_per_s": round(articles / seconds, 1) if seconds else 0.0,
        "peak_rss_mb": peak_rss_mb(),
        "events": events,
        "events_per_100": _per_100(events, articles),
        "non_conflict": {"categories": list(NON_CONFLICT), "articles": quiet_articles, "events": quiet_events,
                         "events_per_100": _per_100(quiet_events, quiet_articles)},
        "by_category": {name: {"articles": a, "events": e, "events_per_100": _per_100(e, a)}
                        for name, (a, e) in sorted(categories.items())},
        "read_errors": read_errors,
        "analyze_failures": failed,
        "failures": failures,
    }
