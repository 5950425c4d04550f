"""Builds rasid/data/vocabulary.tsv.gz: how often each normalized Arabic word occurs in clean news.

Scraped pages often break words where a shadda or other mark stood («تقد مها», «وث قت», «العابدي ة»);
rasid rejoins two fragments when the joined word is common in clean news and a fragment is not
(rasid/normalize.py `rejoin`). The counts come from the ANT multi-source news corpus (all categories;
Apache-2.0, Chouigui et al.), words seen at least --min times.

usage: .venv/bin/python scripts/build_vocabulary.py [--shared ../shared] [--min 3]
"""
from __future__ import annotations

import argparse
import gzip
import json
import lzma
import re
from collections import Counter
from pathlib import Path

from rasid.normalize import norm

_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
OUT = Path(__file__).resolve().parents[1] / "rasid" / "data" / "vocabulary.tsv.gz"


def count_words(lines) -> tuple[Counter, int]:
    """Counts the normalized Arabic words of JSON-lines articles: «قُتل» and «قتل» count as one word."""
    counts: Counter[str] = Counter()
    docs = 0
    for line in lines:
        text = json.loads(line).get("text") or ""
        docs += 1
        counts.update(_ARABIC_WORD.findall(norm(text)))
    return counts, docs


def render(counts: Counter, docs: int, minimum: int) -> bytes:
    """Returns the gzipped TSV, most frequent first, ties in code-point order (deterministic)."""
    rows = sorted(((w, n) for w, n in counts.items() if n >= minimum), key=lambda r: (-r[1], r[0]))
    head = (f"# Normalized Arabic words seen at least {minimum} times in {docs} articles of the ANT multi-source\n"
            "# news corpus v2.1 (Apache-2.0, Chouigui et al.), with their counts.\n"
            "# Rebuild: .venv/bin/python scripts/build_vocabulary.py\n"
            "word\tcount\n")
    body = "".join(f"{w}\t{n}\n" for w, n in rows)
    return gzip.compress((head + body).encode("utf-8"), mtime=0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--min", type=int, default=3)
    args = ap.parse_args()
    with lzma.open(Path(args.shared) / "corpus" / "ant-multisource.jsonl.xz", "rt", encoding="utf-8") as fh:
        counts, docs = count_words(fh)
    OUT.write_bytes(render(counts, docs, args.min))
    print(f"{OUT}: {sum(1 for n in counts.values() if n >= args.min)} words from {docs} articles")


if __name__ == "__main__":
    main()
