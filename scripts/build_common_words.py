"""Builds rasid/data/common_words.tsv: frequent Arabic words that are not place names by default.

A village called «النصر» or «السلام» must not fire on every sentence; the place finder asks for a
place cue («قرية», «بلدة», «ريف») before it reads such a word as a place. The list counts word
frequencies (not sentences) over the ANT multi-source news corpus (Apache-2.0, Chouigui et al.),
restricted to its non-Middle-East categories so that Syrian place names are not counted as common.

usage: .venv/bin/python scripts/build_common_words.py [--shared ../shared] [--top 4000]
"""
from __future__ import annotations

import argparse
import json
import lzma
from collections import Counter
from pathlib import Path

from rasid.normalize import norm
from rasid.segment import tokenize


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--top", type=int, default=4000)
    args = ap.parse_args()
    src = Path(args.shared) / "corpus" / "ant-multisource.jsonl.xz"
    counts: Counter[str] = Counter()
    docs = 0
    with lzma.open(src, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if "middle" in (art.get("category") or "").lower():
                continue
            docs += 1
            seen = set()
            for tok in tokenize(norm(art.get("text") or "")):
                w = tok.text
                if w.isdigit() or len(w) < 2 or not ("\u0600" <= w[0] <= "\u06ff"):
                    continue
                seen.add(w[2:] if w.startswith("ال") and len(w) > 3 else w)
            counts.update(seen)
    out = Path(__file__).resolve().parents[1] / "rasid" / "data" / "common_words.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Frequent Arabic words (normalized, article «ال» removed), by document frequency over\n")
        fh.write(f"# {docs} non-Middle-East articles of the ANT multi-source corpus (Apache-2.0, Chouigui et al.).\n")
        fh.write("# Rebuild: .venv/bin/python scripts/build_common_words.py\n")
        fh.write("word\tdocs\n")
        for w, c in counts.most_common(args.top):
            fh.write(f"{w}\t{c}\n")
    print(f"{docs} documents, wrote {args.top} words to {out}")


if __name__ == "__main__":
    main()
