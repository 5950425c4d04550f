"""Builds a folder of broken files mixed with real reports, runs `rasid ingest` on it and checks nothing is lost.

Every kind of bad input of issue 12 is made (lone surrogates, NUL, invalid UTF-8, cp1256, mixed encodings,
CRLF/CR, a BOM mid-file, deep nesting, wrong types, duplicate keys, a huge line, an empty file, a directory
named like a file, an unreadable file), each in a file of its own beside a few real reports; the remaining
real reports are written as .jsonl, .txt and .html files. The check: every report that should be stored is
stored (counted by id), and every broken input is named on stderr as `file:line:` (or `file:` for a whole
file). Prints a JSON summary; exits 1 on any loss or unreported input.

    python scripts/hostile_folder.py                      # 1,000 broken files + 1,000 real reports
    python scripts/hostile_folder.py --broken 30 --reports 30 --corpus rasid/data/samples.jsonl
"""
from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import lzma
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant-multisource.jsonl.xz"
# One over the reader's default --max-line-bytes (16 MiB): a huge line costs disk, so only a few are made.
HUGE_BYTES = 16 * 1024 * 1024 + 1024
MAX_HUGE = 3


@dataclass
class Planned:
    """One generated file: the ids it must store and the places (`file:line` or `file`) stderr must name."""

    path: Path
    kind: str
    stored: list[str] = field(default_factory=list)
    reported: list[str] = field(default_factory=list)


def real_reports(corpus: Path, wanted: int, seed: int) -> list[dict]:
    """Returns `wanted` reports of distinct id and text (ingest stores a repeated text once), chosen at random."""
    opener = lzma.open if corpus.suffix == ".xz" else open
    rows, seen = [], set()
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row.get("text")
            if not isinstance(text, str) or not 50 <= len(text) <= 200_000 or "\ufffd" in text:
                continue
            # HTML and text files store the text with its blanks folded: near-copies would be one report
            digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            if digest in seen or row.get("id") in seen:
                continue
            seen |= {digest, row.get("id")}
            rows.append({"id": str(row["id"]), "text": text, "published": row.get("published"),
                         "outlet": row.get("outlet")})
    random.Random(seed).shuffle(rows)
    if len(rows) < wanted:
        raise SystemExit(f"{corpus} has only {len(rows)} usable reports, {wanted} wanted")
    return rows[:wanted]


def _line(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def _report(row: dict, **extra) -> dict:
    return {"id": row["id"], "text": row["text"], **extra}


def broken_file(root: Path, n: int, kind: str, row: dict, huge_made: int) -> Planned:
    """Writes broken file number n of one kind around one real report `row`; says what must come of it."""
    name = f"broken-{n:05d}-{kind}"
    good = _line(**_report(row))
    p = Planned(root / f"{name}.jsonl", kind)
    if kind == "surrogate":
        p.path.write_bytes(good + b"\n" + b'{"id": "' + f"{name}-s".encode() + b'", "title": "\\udc80", "text": "\\ud800 '
                           + json.dumps(row["text"][:300])[1:-1].encode() + b'"}\n')
        p.stored, p.reported = [row["id"], f"{name}-s"], [f"{p.path}:2"]
    elif kind == "nul":
        p.path.write_bytes(_line(id=f"{name}-n", text=row["text"][:300] + "\x00 .") + b"\n" + good + b"\n")
        p.stored, p.reported = [f"{name}-n", row["id"]], [f"{p.path}:1"]
    elif kind == "invalid-utf8":
        p.path.write_bytes(good + b"\n" + _line(id=f"{name}-u", text=row["text"][:300] + " §").replace("§".encode(), b"\xff")
                           + b"\n")
        p.stored, p.reported = [row["id"], f"{name}-u"], [f"{p.path}:2"]
    elif kind == "cp1256":
        text = row["text"][:300].encode("cp1256", "ignore").decode("cp1256")
        p.path.write_bytes(good + b"\n" + _line(id=f"{name}-c", text=text + " .").decode().encode("cp1256") + b"\n")
        p.stored = [row["id"], f"{name}-c"]
    elif kind == "crlf":
        p.path.write_bytes(good + b"\r\n" + _line(id=f"{name}-r", text=row["text"][:300] + " .") + b"\r\n")
        p.stored = [row["id"], f"{name}-r"]
    elif kind == "cr":
        p.path.write_bytes(good + b"\r" + _line(id=f"{name}-r", text=row["text"][:300] + " .") + b"\r")
        p.stored = [row["id"], f"{name}-r"]
    elif kind == "bom-mid-file":
        p.path.write_bytes(good + b"\n" + codecs.BOM_UTF8 + _line(id=f"{name}-b", text=row["text"][:300] + " .") + b"\n")
        p.stored = [row["id"], f"{name}-b"]
    elif kind == "deep-nesting":
        p.path.write_bytes(b"[" * 50_000 + b"]" * 50_000 + b"\n" + good + b"\n")
        p.stored, p.reported = [row["id"]], [f"{p.path}:1"]
    elif kind == "wrong-types":
        p.path.write_bytes(good + b"\n" + json.dumps({"id": name, "text": 42}).encode() + b"\n"
                           + _line(id=[f"{name}-l"], title={"a": 1}, text=row["text"][:300] + " .") + b"\n")
        p.stored, p.reported = [row["id"], f"{p.path.name}:3"], [f"{p.path}:2", f"{p.path}:3"]
    elif kind == "duplicate-keys":
        p.path.write_bytes(b'{"id": "' + f"{name}-d".encode() + b'", "text": 1, "text": '
                           + json.dumps(row["text"][:300] + " .", ensure_ascii=False).encode() + b"}\n" + good + b"\n")
        p.stored, p.reported = [f"{name}-d", row["id"]], [f"{p.path}:1"]
    elif kind == "huge-line" and huge_made < MAX_HUGE:
        with open(p.path, "wb") as f:
            f.write(good + b"\n" + b'{"id": "huge", "text": "' + b"x" * HUGE_BYTES + b'"}\n')
        p.stored, p.reported = [row["id"]], [f"{p.path}:2"]
    elif kind in ("huge-line", "malformed"):
        p.kind = "malformed"
        p.path.write_bytes(good[: len(good) // 2] + b"\n" + good + b"\n")
        p.stored, p.reported = [row["id"]], [f"{p.path}:1"]
    elif kind == "empty":
        p.path = root / f"{name}.{('jsonl', 'txt', 'html')[n % 3]}"
        p.path.write_bytes(b"" if n % 2 else b"\n \r\n")
        p.reported = [str(p.path)]
    elif kind == "directory-named-like-a-file":
        p.path.mkdir()
        (p.path / "inside.jsonl").write_bytes(good + b"\n")
        p.stored = [row["id"]]
    elif kind == "unreadable":
        p.path.write_bytes(good + b"\n")
        p.path.chmod(0)
        try:
            p.path.open("rb").close()
            p.stored = [row["id"]]  # root reads it anyway: then it must be stored
        except PermissionError:
            p.reported = [str(p.path)]
    elif kind == "broken-link":
        p.path.symlink_to(root / f"{name}-nowhere")
        p.reported = [str(p.path)]
    else:
        raise ValueError(kind)
    return p


KINDS = ("surrogate", "nul", "invalid-utf8", "cp1256", "crlf", "cr", "bom-mid-file", "deep-nesting", "wrong-types",
         "duplicate-keys", "huge-line", "malformed", "empty", "directory-named-like-a-file", "unreadable", "broken-link")


def real_file(root: Path, n: int, row: dict) -> Planned:
    """Writes one real report as .jsonl, .txt or .html (the id of a .txt/.html report is its file name)."""
    stem = f"report-{n:05d}"
    form = ("jsonl", "txt", "html")[n % 3]
    path = root / f"{stem}.{form}"
    if form == "jsonl":
        path.write_bytes(_line(**_report(row, published=row.get("published"), outlet=row.get("outlet"))) + b"\n")
        return Planned(path, "report", [row["id"]])
    if form == "txt":
        path.write_text(row["text"], encoding="utf-8")
    else:
        paragraphs = "".join(f"<p>{line}</p>" for line in row["text"].replace("<", " ").replace("&", " ").split("\n")
                             if line.strip())
        path.write_text(f"<html><body><nav><a href='/'>الرئيسية</a></nav><article>{paragraphs}</article></body></html>",
                        encoding="utf-8")
    return Planned(path, "report", [stem])


def build(root: Path, broken: int, reports: int, corpus: Path, seed: int) -> list[Planned]:
    """Fills `root` with `broken` broken files (kinds in turn, shuffled) and `reports` real reports."""
    rows = real_reports(corpus, broken + reports, seed)
    kinds = [KINDS[i % len(KINDS)] for i in range(broken)]
    random.Random(seed).shuffle(kinds)
    plans, huge = [], 0
    for n, kind in enumerate(kinds):
        plan = broken_file(root, n, kind, rows[reports + n], huge)
        huge += plan.kind == "huge-line"
        plans.append(plan)
    plans += [real_file(root, n, rows[n]) for n in range(reports)]
    return plans


def run_ingest(root: Path, db: Path, jobs: int) -> tuple[int, str, float]:
    """Runs `rasid ingest` in a child process; returns its exit code, stderr and seconds."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from rasid.cli import main; main(prog_name='rasid')", "ingest",
                           str(root), "--db", str(db), "--jobs", str(jobs), "--no-progress"],
                          capture_output=True, text=True, errors="replace", cwd=ROOT)
    return done.returncode, done.stderr, time.perf_counter() - started


def check(plans: list[Planned], db: Path, code: int, stderr: str) -> dict:
    """Compares what was stored and reported with the plan."""
    stored = {row[0] for row in sqlite3.connect(db).execute("SELECT article_id FROM articles")} if db.exists() else set()
    expected = {i.replace("\udc80", "\ufffd") for p in plans for i in p.stored}
    reports = {i for p in plans if p.kind == "report" for i in p.stored}
    lines = stderr.splitlines()
    unreported = [place for p in plans for place in p.reported
                  if not any(f" {place}:" in line for line in lines)]
    return {"exit_code": code, "traceback": "Traceback" in stderr,
            "real_reports": len(reports), "real_reports_stored": len(reports & stored),
            "broken_files": sum(p.kind != "report" for p in plans),
            "kinds": {k: sum(p.kind == k for p in plans) for k in KINDS if any(p.kind == k for p in plans)},
            "expected_stored": len(expected), "stored": len(stored), "lost": sorted(expected - stored)[:20],
            "unexpected": sorted(stored - expected)[:20],
            "to_report": sum(len(p.reported) for p in plans), "unreported": unreported[:20],
            "stderr_lines": len(lines), "summary_line": lines[-1] if lines else ""}


def main(argv: list[str] | None = None) -> int:
    """Builds (or reuses) the folder, ingests it, prints the JSON summary; 1 on any loss."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--broken", type=int, default=1000, help="broken files to make [1000]")
    ap.add_argument("--reports", type=int, default=1000, help="real reports to mix in [1000]")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="JSON lines (.xz too) the real reports come from")
    ap.add_argument("--folder", type=Path, help="build here (kept) instead of in a temporary folder")
    ap.add_argument("--jobs", type=int, default=0, help="ingest --jobs [0: one per CPU]")
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rasid-hostile-") as tmp:
        root = args.folder or Path(tmp) / "in"
        root.mkdir(parents=True, exist_ok=True)
        plans = build(root, args.broken, args.reports, args.corpus, args.seed)
        db = Path(tmp) / "hostile.db"
        code, stderr, seconds = run_ingest(root, db, args.jobs)
        summary = check(plans, db, code, stderr)
        for plan in plans:  # a file left unreadable would stop `rm -r` of a kept folder for a non-root user
            if plan.kind == "unreadable" and plan.path.exists():
                os.chmod(plan.path, 0o644)
    summary["ingest_seconds"] = round(seconds, 1)
    ok = code == 0 and not summary["traceback"] and not summary["lost"] and not summary["unreported"] \
        and not summary["unexpected"] and summary["real_reports_stored"] == summary["real_reports"]
    summary["ok"] = ok
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
