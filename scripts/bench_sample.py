"""Times analyze + the scope gate in CPU seconds on every Nth article of a corpus, for one checkout of rasid.

Usage: .venv/bin/python scripts/bench_sample.py [CHECKOUT] [--every 10] [--corpus FILE]

CPU time (not wall time) makes runs comparable on a virtual machine whose speed drifts; run two checkouts
(e.g. a `git worktree` of an older commit) in alternation, several times, and compare the rates.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", nargs="?", default=str(HERE), help="the rasid checkout to time [this one]")
    parser.add_argument("--every", type=int, default=10, help="take every Nth line of the corpus [10]")
    parser.add_argument("--corpus", default=str(HERE.parent / "shared/corpus/ant-multisource.jsonl.xz"))
    args = parser.parse_args()
    sys.path.insert(0, args.checkout)
    from rasid import pipeline, world
    from rasid.reader import ReadError, json_records, to_article

    articles = []
    for n, (line_no, record) in enumerate(json_records(args.corpus)):
        if n % args.every == 0 and not isinstance(record, ReadError):
            article, _ = to_article(record, args.corpus, line_no)
            if article is not None:
                articles.append(article)
    pipeline.analyze(articles[0])  # the lexicons load outside the timing
    started, events = time.process_time(), 0
    for article in articles:
        events += len(world.in_scope(pipeline.analyze(article)))
    seconds = time.process_time() - started
    print(f"{args.checkout}: {len(articles)} articles, {events} events, {len(articles) / seconds:.1f} articles/s (CPU)")


if __name__ == "__main__":
    main()
