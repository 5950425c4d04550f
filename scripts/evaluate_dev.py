"""Scores rasid on the dev gold: all of it, the tuning part, and the held-out third of dev2 (totals only).

usage: python scripts/evaluate_dev.py [--shared ../shared] [--json]

Every third article of dev2 (line index 2, 5, 8, …) is held out: its errors are never printed, so that
rules are not fitted to it and its score stays an honest estimate of quality on unseen outlets.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from rasid.evaluate import read_gold, score
from rasid.pipeline import analyze
from rasid.reader import to_article
from rasid.world import in_scope

HOLDOUT_EVERY = 3


def split_dev2(lines: list[dict]) -> tuple[list[dict], list[dict]]:
    """Returns (tuning, held-out) lines of dev2: every third line, from the third on, is held out."""
    tune = [line for i, line in enumerate(lines) if i % HOLDOUT_EVERY != HOLDOUT_EVERY - 1]
    held = [line for i, line in enumerate(lines) if i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]
    return tune, held


def system_events(lines: list[dict]) -> list[dict]:
    """Runs the extractor on the gold articles and returns their events as JSON objects."""
    out = []
    for line in lines:
        article, _ = to_article(line["article"], "gold", None)
        if article is not None:
            out.extend(event.to_json() for event in in_scope(analyze(article)))
    return out


def contested_cases(shared: Path) -> dict | None:
    """Runs the disputed-story cases through the extractor and checks them with the shared checker."""
    cases_path, tool = shared / "examples" / "contested-dev.jsonl", shared / "tools" / "contested.py"
    if not (cases_path.exists() and tool.exists()):
        return None
    spec = importlib.util.spec_from_file_location("contested_tool", tool)
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    cases = [json.loads(line) for line in cases_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    events = system_events(cases)
    failures = {c["article"]["id"]: why for c in cases if (why := checker.check(c, events))}
    return {"passed": len(cases) - len(failures), "cases": len(cases), "failures": failures}


def summary(result: dict) -> dict:
    return {k: result[k] for k in ("tp", "fp", "fn", "split", "precision", "recall", "f1", "full_match_f1")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "corpus" / "dev2.gold.jsonl").exists():
        print(f"no {shared}/corpus/dev2.gold.jsonl: nothing to evaluate", file=sys.stderr)
        return 0
    dev = read_gold(shared / "corpus" / "dev.gold.jsonl")
    examples = [line for p in sorted((shared / "examples").glob("*.gold.jsonl")) for line in read_gold(p)]
    tune2, held2 = split_dev2(read_gold(shared / "corpus" / "dev2.gold.jsonl"))
    parts = {"dev": dev, "examples": examples, "dev2-tune": tune2, "dev2-holdout": held2,
             "all-dev": dev + examples + tune2 + held2}
    events = system_events(parts["all-dev"])
    results = {name: summary(score(lines, events)) for name, lines in parts.items()}
    contested = contested_cases(shared)
    if args.json:
        print(json.dumps({**results, "contested": contested}, ensure_ascii=False))
    else:
        for name, r in results.items():
            print(f"{name:13} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                  f"full {r['full_match_f1']:.3f}  (tp {r['tp']} fp {r['fp']} fn {r['fn']} split {r['split']})")
        if contested:
            print(f"contested     {contested['passed']}/{contested['cases']} cases pass"
                  + "".join(f"\n  {cid}: {why}" for cid, why in contested["failures"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
