"""The `rasid` command: extract, evaluate and bench."""
from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import ExitStack
from datetime import date
from importlib import resources
from typing import TextIO

import click
from tqdm import tqdm

from . import __version__, bench as bench_module, evaluate as evaluation, pipeline
from .reader import MAX_CHARS, ReadError, StrictError, parse_day, read_articles, to_article
from .records import Article

log = logging.getLogger("rasid")


def _configure_logging(verbose: int) -> None:
    # A handler of our own, bound to the current stderr: basicConfig would do nothing when a host
    # (pytest, an embedding app) has configured the root logger already.
    for handler in list(log.handlers):
        if getattr(handler, "_rasid", False):
            log.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("rasid: %(levelname)s: %(message)s"))
    handler._rasid = True  # type: ignore[attr-defined]
    log.addHandler(handler)
    log.setLevel(logging.WARNING - 10 * min(verbose, 2))
    log.propagate = False


def _day_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def _show_progress(flag: bool | None) -> bool:
    # Bars only for a person watching: logs and test runners get none unless asked.
    return flag if flag is not None else sys.stderr.isatty()


def _analyze(article: Article, strict: bool) -> list[dict] | None:
    """Returns the article's events as JSON objects, or None (reported) when analyze fails on it."""
    try:
        # Looked up at call time, so the extractor (or a test double) behind pipeline.analyze is used.
        return [event.to_json() for event in pipeline.analyze(article)]
    except Exception as err:  # one bad article must not end a batch
        message = f"article {article.id!r}: analyze failed: {type(err).__name__}: {err}"
        if strict:
            raise click.ClickException(message + " (--strict)") from None
        log.error("%s", message)
        log.debug("traceback of the failure on %s", article.id, exc_info=True)
        return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
@click.option("-v", "--verbose", count=True, help="More log detail on stderr (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Arabic reports on the Syrian war in, ACLED-coded events (EVENTS.md) out."""
    _configure_logging(verbose)


def _samples_path() -> str:
    return str(resources.files("rasid").joinpath("data", "samples.jsonl"))


@main.command()
@click.argument("source", required=False, type=click.Path(exists=True, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write events here instead of stdout.")
@click.option("--published", callback=_day_option, metavar="YYYY-MM-DD",
              help="Publication day of .txt/.html inputs and of JSON lines without one.")
@click.option("--strict", is_flag=True, help="Stop at the first input problem or failed article (exit 1).")
@click.option("--samples", is_flag=True, help="Run on the bundled sample reports instead of SOURCE.")
@click.option("--max-chars", type=click.IntRange(min=1), default=MAX_CHARS, show_default=True,
              help="Skip (and report) articles whose text is longer.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: when a tty].")
def extract(source: str | None, output: str, published: date | None, strict: bool, samples: bool,
            max_chars: int, progress: bool | None) -> None:
    """Writes the events of SOURCE (JSON lines, .txt, .html, a directory of them, or - for stdin) as JSON lines."""
    if samples and source:
        raise click.UsageError("give SOURCE or --samples, not both")
    if samples:
        source = _samples_path()
    elif source is None:
        if sys.stdin.isatty():
            raise click.UsageError("give a FILE, a DIR, - for stdin, or --samples")
        source = "-"
    counts = {"read": 0, "skipped": 0, "warnings": 0, "failed": 0, "events": 0}
    with ExitStack() as stack:
        try:
            out: TextIO = stack.enter_context(click.open_file(output, "w", encoding="utf-8", lazy=False))
        except OSError as err:
            raise click.BadParameter(f"cannot write {output}: {err.strerror}", param_hint="'-o'") from None
        bar = stack.enter_context(tqdm(unit="art", file=sys.stderr, disable=not _show_progress(progress),
                                       delay=1.0, desc="extract"))
        try:
            for item in read_articles(source, published=published, strict=strict, max_chars=max_chars):
                if isinstance(item, ReadError):
                    counts["warnings" if item.kept else "skipped"] += 1
                    log.log(logging.WARNING if item.kept else logging.ERROR, "%s", item)
                    continue
                counts["read"] += 1
                bar.update(1)
                events = _analyze(item, strict)
                if events is None:
                    counts["failed"] += 1
                    continue
                for event in events:
                    out.write(json.dumps(event, ensure_ascii=False) + "\n")
                counts["events"] += len(events)
            out.flush()
        except StrictError as err:
            raise click.ClickException(f"{err} (--strict)") from None
        except BrokenPipeError:
            # `rasid extract big.jsonl | head` is not an error; keep Python from complaining at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
    click.echo(f"rasid: {counts['read']} articles read, {counts['skipped']} skipped, "
               f"{counts['warnings']} warnings, {counts['failed']} failed, "
               f"{counts['events']} events written", err=True)
    if counts["read"] == 0 and counts["skipped"]:
        raise click.ClickException("no article could be read")


def _system_events(gold_lines: list[dict], source: str) -> list[dict]:
    """Runs analyze on each scored gold article, as `extract` would on the same JSON line."""
    events: list[dict] = []
    failed = 0
    for number, line in enumerate(gold_lines, 1):
        if "skip" in line:
            continue
        article, problems = to_article(line["article"], source, number)
        for problem in problems:
            log.warning("%s", problem)
        found = _analyze(article, strict=False) if article is not None else None
        failed += found is None
        events.extend(found or [])
    if failed:
        log.warning("analyze failed on %d of %d gold articles; they count as finding nothing",
                    failed, len(gold_lines))
    return events


@main.command()
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold events (EVENTS.md §5 JSON lines).")
@click.option("--system", type=click.Path(exists=True, dir_okay=False),
              help="System events to score; without it, rasid extracts them from the gold articles.")
@click.option("--errors", is_flag=True, help="List misses, false alarms and wrong fields per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def evaluate(gold: str, system: str | None, errors: bool, as_json: bool) -> None:
    """Scores events against gold by EVENTS.md §3 (the rules of shared/tools/score.py)."""
    try:
        gold_lines = evaluation.read_gold(gold)
    except evaluation.GoldError as err:
        raise click.ClickException(str(err)) from None
    if system:
        events, problems = evaluation.read_system(system)
        for problem in problems:
            log.warning("%s", problem)
    else:
        events = _system_events(gold_lines, gold)
    result = evaluation.score(gold_lines, events)
    report = evaluation.error_report(gold_lines, events) if errors else None
    if as_json:
        if report is not None:
            result["errors"] = report
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    if report is not None:
        click.echo(evaluation.format_errors(report) or "no errors")
    click.echo(evaluation.format_scores(result))


@main.command(name="bench")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N articles.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: when a tty].")
def bench_command(file: str | None, limit: int | None, progress: bool | None) -> None:
    """Times analyze on FILE (default ../shared/corpus/ant-multisource.jsonl.xz) and prints JSON."""
    path = file or bench_module.default_file()
    if path is None:
        raise click.UsageError(f"no FILE given and no {bench_module.BENCH_FILE} beside the repository")
    result = bench_module.bench(path, pipeline.analyze, limit=limit, progress=_show_progress(progress))
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))
