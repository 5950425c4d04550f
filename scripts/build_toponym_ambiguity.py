"""Builds rasid/data/toponym_ambiguity.tsv: gazetteer names that are also ordinary words, from how news prose uses them.

Many Syrian villages are named by common nouns, adjectives, verb forms or family names («الحرية», «المحطة»,
«التركية», «تدمر», «الجاسم»). The place finder reads such a name as a place only with a place cue, a locative frame,
or a nearby place in the same report. Which names are ambiguous is counted, not listed by hand: over the
31,525 reports of every topic of the ANT multi-source corpus (Apache-2.0, Chouigui et al.; most are not about
Syria) each gazetteer name is found with the place finder's matcher and its context classified by
rasid.find.places.reading (cue, frame, attached, person, adjective, verb, construct, bare). A name is ambiguous
when it is used as an adjective, a family name or a verb, or heads a construct («ساحة المعركة»), when it is
not much likelier in reports on Syria than in
the others, or when it is mostly used without place cues; its `needs` column says what makes it a place: a
locative frame («في X») will do unless reports elsewhere use the name in that frame as often, or the
name is seldom cued as a place.

usage: .venv/bin/python scripts/build_toponym_ambiguity.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import lzma
from collections import Counter
from pathlib import Path

from rasid.find.places import READINGS, name_readings, nisba_forms
from rasid.gazetteer import CAPITALS
from rasid.lexicon import readings
from rasid.normalize import norm
from rasid.segment import tokenize

# A report is about Syria when it names the country, its people or a governorate capital (one word).
_SYRIA = frozenset({"سوريا", "سوريه", "سوري", "سوريين", "سوريون"}) | frozenset(
    norm(c)[2:] if norm(c).startswith("ال") else norm(c) for c in CAPITALS.values() if " " not in c)
MIN_DOCS = 3  # fewer reports say nothing about a name
MIN_READINGS = 5  # a class needs this many uses of its kind («أحمد الجاسم» five times), not one stray
ADJECTIVE_SHARE = 0.25  # «الطائرات التركية»: agreeing with the noun before it
PERSON_SHARE = 0.15  # «أحمد الجاسم»: after a first name
VERB_SHARE = 0.10  # «قد تدمر»: after a verbal particle
CONSTRUCT_SHARE = 0.4  # «ساحة المعركة», «رحبة الدبابات»: heading a construct with the definite noun after it
LIFT = 4.0  # a name (or its locative frame) at least this much likelier in reports on Syria than elsewhere is Syrian
PLACE_SHARE = 0.15  # with at least PLACE_MIN uses, a name this rarely cued in reports on Syria is a word there
PLACE_MIN = 20
ATTACHED_SHARE = 0.5  # «لبنان» read as «ل» + «بنان»: another word under a proclitic
FRAME_ELSEWHERE = 3  # «في المحطة» at least this often elsewhere, and no likelier on Syria: the frame proves nothing
CUED_FRAMES = 0.1  # a place is named with a cue («بلدة X») at least once for every ten «في X»
REPORTS, SYRIA_REPORTS = 31525, 5000  # the corpus' sizes, for the tests; main() passes the counted ones
_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات", "يان")


def _lift(on_syria: float, elsewhere: float, reports: int, syria_reports: int) -> float:
    """Returns how much likelier something is in reports on Syria than in the others (half a count smooths zeros)."""
    return (on_syria + 0.5) / syria_reports / ((elsewhere + 0.5) / (reports - syria_reports))


def classify(counts: Counter, docs: int, syria_docs: int, frame_elsewhere: int, name: str,
             reports: int = REPORTS, syria_reports: int = SYRIA_REPORTS) -> tuple[str, str] | None:
    """Returns (class, needs) of a name from its counted readings, or None for a place name: «حريه» → ("common", "cue")."""
    n = sum(counts.values())
    if docs < MIN_DOCS or n == 0:
        return None if name not in nisba_forms() else ("nisba", "town")
    share = {r: counts[r] / n if counts[r] >= MIN_READINGS else 0.0 for r in READINGS}
    if name in nisba_forms() or (share["adjective"] >= ADJECTIVE_SHARE and name.endswith(_NISBA_ENDINGS)):
        return "nisba", "town"  # a demonym or relational adjective: a place only as «قرية التركية»
    if share["adjective"] >= ADJECTIVE_SHARE:
        kind = "adjective"
    elif share["person"] >= PERSON_SHARE:
        kind = "family"
    elif share["verb"] >= VERB_SHARE:
        kind = "verb"
    elif share["construct"] >= CONSTRUCT_SHARE:
        kind = "common"  # a noun governing the next word far more often than a town takes an adjective
    elif _lift(syria_docs, docs - syria_docs, reports, syria_reports) < LIFT \
            or counts["attached"] / n >= ATTACHED_SHARE \
            or (n >= PLACE_MIN and (counts["cue"] + counts["frame"]) / n < PLACE_SHARE):
        kind = "common"
    else:
        return None
    # «على وقف إطلاق النار»: a frame never seen with a place cue beside it is the word's own
    misleads = frame_elsewhere >= FRAME_ELSEWHERE and (_lift(
        counts["frame"] - frame_elsewhere, frame_elsewhere, reports, syria_reports) < LIFT
        or counts["cue"] < CUED_FRAMES * counts["frame"])
    return kind, "cue" if misleads else "frame"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    args = ap.parse_args()
    src = Path(args.shared) / "corpus" / "ant-multisource.jsonl.xz"
    counts: dict[str, Counter] = {}
    docs: Counter[str] = Counter()
    syria_docs: Counter[str] = Counter()
    frame_elsewhere: Counter[str] = Counter()
    total = syria_total = 0
    with lzma.open(src, "rt", encoding="utf-8") as fh:
        for line in fh:
            tokens = tokenize(norm(json.loads(line).get("text") or ""))
            syria = any(readings(t.text) & _SYRIA for t in tokens)
            total += 1
            syria_total += syria
            seen = set()
            for name, how in name_readings(tokens):
                counts.setdefault(name, Counter())[how] += 1
                if how == "frame" and not syria:
                    frame_elsewhere[name] += 1
                seen.add(name)
            for name in seen:
                docs[name] += 1
                syria_docs[name] += syria
    rows = []
    for name in sorted(counts):
        found = classify(counts[name], docs[name], syria_docs[name], frame_elsewhere[name], name, total, syria_total)
        if found:
            rows.append((name, found, counts[name]))
    out = Path(__file__).resolve().parents[1] / "rasid" / "data" / "toponym_ambiguity.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Gazetteer names that are also ordinary words (normalized, article removed), counted over the\n")
        fh.write(f"# {total} reports of the ANT multi-source corpus (Apache-2.0, Chouigui et al.), {syria_total} of them"
                 " naming Syria.\n")
        fh.write("# Readings by rasid.find.places.reading; class: nisba, adjective, family, verb or common; needs: «town»\n")
        fh.write("# (a settlement noun right before it), «cue» (a place cue or a nearby place of the report), «frame»\n")
        fh.write("# (a locative preposition will do). Rebuild: .venv/bin/python scripts/build_toponym_ambiguity.py\n")
        fh.write("\t".join(("name", "uses", "docs", "syria_docs", *READINGS, "frame_elsewhere", "class", "needs")) + "\n")
        for name, (kind, needs), c in rows:
            fh.write("\t".join((name, str(sum(c.values())), str(docs[name]), str(syria_docs[name]),
                                *(str(c[r]) for r in READINGS), str(frame_elsewhere[name]), kind, needs)) + "\n")
    print(f"{total} reports ({syria_total} on Syria), {len(counts)} names seen, {len(rows)} ambiguous: {out}")


if __name__ == "__main__":
    main()
