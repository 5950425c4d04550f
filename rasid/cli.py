"""The `rasid` command: extract, evaluate, bench, places, and the store verbs (ingest, fuse, export, search, show, review)."""
from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import ExitStack, contextmanager
from datetime import date
from importlib import resources
from typing import Iterator, TextIO

import click
from tqdm import tqdm

from . import __version__, bench as bench_module, evaluate as evaluation, export, pipeline
from . import incidents as incident_store, reviews, scale, search as fulltext, store as storage, world
from .reader import (DEPTH_CEILING, MAX_CHARS, MAX_DEPTH, MAX_LINE_BYTES, Limits, ReadError, StrictError, parse_day,
                     read_articles, to_article)
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


def _readable(value: str) -> str:
    """Replaces what the shell could not decode (lone surrogates) and controls by U+FFFD: «\\udcff» → «\ufffd»."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" or (c < " " and c not in "\t\n") else c for c in value)


def _text_argument(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # Bytes that are not UTF-8 reach argv as lone surrogates, which SQLite and stdout refuse.
    if value is None:
        return None
    clean = _readable(value)
    if clean != value:
        log.warning("%s %r has bytes that are not UTF-8 or control characters; read as %r",
                    param.human_readable_name, value, clean)
    return clean


def _text_arguments(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_text_argument(ctx, param, v) or "" for v in values)


def _limit_options(command):
    """Adds the input limits --max-chars, --max-line-bytes and --max-depth (each also an environment variable)."""
    command = click.option("--max-depth", type=click.IntRange(1, DEPTH_CEILING), default=MAX_DEPTH,
                           show_default=True, envvar="RASID_MAX_DEPTH",
                           help="Skip (and report) JSON lines nested deeper [env RASID_MAX_DEPTH].")(command)
    command = click.option("--max-line-bytes", type=click.IntRange(min=1), default=MAX_LINE_BYTES,
                           show_default=True, envvar="RASID_MAX_LINE_BYTES",
                           help="Skip unread (and report) longer JSON lines and .txt/.html files "
                                "[env RASID_MAX_LINE_BYTES].")(command)
    return click.option("--max-chars", type=click.IntRange(min=1), default=MAX_CHARS, show_default=True,
                        envvar="RASID_MAX_CHARS",
                        help="Skip (and report) articles whose text is longer [env RASID_MAX_CHARS].")(command)


def _show_progress(flag: bool | None) -> bool:
    # Bars only for a person watching: logs and test runners get none unless asked.
    return flag if flag is not None else sys.stderr.isatty()


def _analyze(article: Article, strict: bool, all_countries: bool = False) -> list[dict] | None:
    """Returns the article's events (in Syria unless `all_countries`) as JSON objects, or None (reported) on failure."""
    try:
        # Looked up at call time, so the extractor (or a test double) behind pipeline.analyze is used.
        return [event.to_json() for event in world.in_scope(pipeline.analyze(article), all_countries)]
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
@_limit_options
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: when a tty].")
@click.option("--all-countries", is_flag=True, help="Also write events outside Syria (each event says its `country`).")
def extract(source: str | None, output: str, published: date | None, strict: bool, samples: bool,
            max_chars: int, max_line_bytes: int, max_depth: int, progress: bool | None, all_countries: bool) -> None:
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
            for item in read_articles(source, published=published, strict=strict, max_chars=max_chars,
                                      max_line_bytes=max_line_bytes, max_depth=max_depth):
                if isinstance(item, ReadError):
                    counts["warnings" if item.kept else "skipped"] += 1
                    log.log(logging.WARNING if item.kept else logging.ERROR, "%s", item)
                    continue
                counts["read"] += 1
                bar.update(1)
                events = _analyze(item, strict, all_countries)
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
    result = bench_module.bench(path, lambda article: world.in_scope(pipeline.analyze(article)), limit=limit,
                                progress=_show_progress(progress))
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


def _names(names: tuple[str, ...]) -> list[str]:
    """Returns the query names: the arguments, or one a line from stdin when none or «-» is given."""
    if names and names != ("-",):
        return list(names)
    if sys.stdin.isatty():
        raise click.UsageError("give NAME arguments, or names one a line on stdin")
    return [line.strip() for line in sys.stdin if line.strip()]


@main.group(invoke_without_command=True)
@click.option("--about", is_flag=True, help="Print the gazetteer's sources, licences and row counts.")
@click.pass_context
def places(ctx: click.Context, about: bool) -> None:
    """Looks up the gazetteer: `places lookup NAME`, `places near LAT LON`, `places --about`."""
    if about:
        from collections import Counter

        from . import gazetteer
        from .resources import read_text
        click.echo(read_text("GAZETTEER_LICENSE.md").rstrip())
        counts = Counter(s for p in gazetteer.places() for s in p.sources.split(";") if s)
        click.echo(f"\nrows: {len(gazetteer.places())}; rows per source: "
                   + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    elif ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@places.command(name="lookup")
@click.argument("names", nargs=-1, callback=_text_arguments)
@click.option("--limit", type=click.IntRange(min=1), help="At most N candidates per name.")
def places_lookup(names: tuple[str, ...], limit: int | None) -> None:
    """Writes the candidates of each NAME (or of each stdin line) as one JSON line: «السوسة» → 3 places."""
    from . import gazetteer
    missing = 0
    for name in _names(names):
        found = gazetteer.find(name)
        missing += not found.places
        hits = found.places[:limit] if limit else found.places
        click.echo(json.dumps({"query": name, "key": found.key, "how": found.how,
                               "count": len(found.places),
                               "candidates": [p.to_json() for p in hits]}, ensure_ascii=False))
    if missing:
        log.info("%d names not found", missing)


@places.command(name="near")
@click.argument("lat", type=click.FloatRange(-90, 90))
@click.argument("lon", type=click.FloatRange(-180, 180))
@click.option("--km", type=click.FloatRange(min=0), default=5.0, show_default=True,
              help="Search radius in kilometres.")
@click.option("--limit", type=click.IntRange(min=1), help="At most N places, nearest first.")
def places_near(lat: float, lon: float, km: float, limit: int | None) -> None:
    """Writes the places within --km of LAT LON, nearest first, one JSON line each."""
    from . import gazetteer
    for distance, p in gazetteer.near(lat, lon, km)[:limit]:
        click.echo(json.dumps({"distance_km": round(distance, 3), **p.to_json()}, ensure_ascii=False))


@places.command(name="variants")
@click.argument("names", nargs=-1, callback=_text_arguments)
def places_variants(names: tuple[str, ...]) -> None:
    """Writes the spelling variants the lookup generates for each NAME: «البوكمال» → «ابو كمال», …."""
    from . import gazetteer
    for name in _names(names):
        click.echo(json.dumps({"query": name, "variants": sorted(gazetteer.name_variants(name))},
                              ensure_ascii=False))


# ---------------------------------------------------------------- the store: ingest, fuse, export, search, show, review

_db_option = click.option("--db", envvar="RASID_DB", default=storage.DEFAULT_DB, show_default=True,
                          help="The store: a SQLite file, or postgresql://USER:PASS@HOST:PORT/DB [env RASID_DB].")


@contextmanager
def _opened(db: str, create: bool = False) -> Iterator[storage.Store]:
    """Opens the store, turning a missing, corrupt or foreign database into a clean error."""
    try:
        store = storage.Store.open(db, create=create)
    except storage.StoreError as err:
        raise click.ClickException(str(err)) from None
    try:
        yield store
    except (storage.StoreError, fulltext.SearchError) as err:
        raise click.ClickException(str(err)) from None
    except store.errors as err:
        raise click.ClickException(f"{store.path}: database error: {err}") from None
    finally:
        store.close()


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@_db_option
@click.option("--published", callback=_day_option, metavar="YYYY-MM-DD",
              help="Publication day of .txt/.html inputs and of JSON lines without one.")
@click.option("--strict", is_flag=True, help="Stop at the first input problem or failed article (exit 1).")
@_limit_options
@click.option("--batch-size", type=click.IntRange(min=1), default=storage.BATCH_SIZE, show_default=True,
              help="New articles committed per transaction.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help=f"Extractor processes [default 0: one per CPU, at most {storage.MAX_JOBS}].")
@click.option("--reextract", is_flag=True, help="Re-run extraction on the stored articles; reviews stay.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: when a tty].")
@click.option("--all-countries", is_flag=True, help="Also store events outside Syria (each event says its `country`).")
@click.option("--dask", metavar="tcp://HOST:8786|local:N", envvar="RASID_DASK",
              help="Read and analyse on a Dask cluster: an existing scheduler, or N local worker processes "
                   "[env RASID_DASK].")
def ingest(sources: tuple[str, ...], db: str, published: date | None, strict: bool, max_chars: int,
           max_line_bytes: int, max_depth: int, batch_size: int, jobs: int, reextract: bool,
           progress: bool | None, all_countries: bool, dask: str | None) -> None:
    """Stores the articles of SOURCES (as `extract` reads them) with their events; stored ones are skipped."""
    if reextract and sources:
        raise click.UsageError("--reextract re-reads the stored articles; give no SOURCE")
    if not reextract and not sources:
        raise click.UsageError("give FILE, DIR or - (stdin) to ingest, or --reextract")
    if dask:
        try:
            scale.parse_address(dask)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="'--dask'") from None
        if "-" in sources:
            raise click.UsageError("--dask reads files and folders on the workers, not stdin")
    problems = {"skipped": 0, "warnings": 0}

    def items() -> Iterator[tuple[Article, str] | ReadError]:
        if dask:
            # Workers read and analyse the inputs in partitions; the articles come back in reading order.
            # the workers compute each article's search index too, so the client only stores rows
            options = scale.Options(published, Limits(max_chars, max_line_bytes, max_depth), all_countries,
                                    index=store.index_body)
            for item in scale.read(extractor.client, sources, options, strict):
                yield item if isinstance(item, ReadError) else (item[0], _readable(sources[item[1]]))
            return
        for source in sources:
            # A path that is not UTF-8 is kept as the shell gave it for reading, and stored readable.
            stored_as = _readable(source)
            for item in read_articles(source, published=published, strict=strict, max_chars=max_chars,
                                      max_line_bytes=max_line_bytes, max_depth=max_depth):
                yield item if isinstance(item, ReadError) else (item, stored_as)

    def articles() -> Iterator[tuple[Article, str]]:
        for item in items():
            if isinstance(item, ReadError):
                problems["warnings" if item.kept else "skipped"] += 1
                log.log(logging.WARNING if item.kept else logging.ERROR, "%s", item)
                continue
            yield item

    def failed(article: Article, error: str) -> None:
        message = f"article {article.id!r}: analyze failed: {error}"
        if strict:
            raise click.ClickException(message + " (--strict)")
        log.error("%s", message)

    jobs = jobs or min(os.cpu_count() or 1, storage.MAX_JOBS)
    with _opened(db, create=not reextract) as store, _extractor(dask, jobs, all_countries) as extractor, \
            tqdm(unit="art", file=sys.stderr, disable=not _show_progress(progress), delay=1.0,
                 desc="reextract" if reextract else "ingest") as bar:
        if reextract:
            redone = store.reextract(extractor, batch_size, failed, lambda: bar.update(1))
            lost = reviews.stale(store)
            for item in lost:
                log.warning("review of %s (%s) matches no event any more: %s", item["event_id"],
                            item["decision"], item["signature"].split("|", 1)[1])
            click.echo(f"rasid: {redone.articles} articles re-extracted, {redone.changed} changed, "
                       f"{redone.failed} failed; events {redone.events_before} -> {redone.events_after}; "
                       f"{len(lost)} reviews match no event", err=True)
            return
        try:
            counts = store.ingest(articles(), extractor, batch_size, failed, lambda: bar.update(1))
        except StrictError as err:
            raise click.ClickException(f"{err} (--strict)") from None
    click.echo(f"rasid: {counts.read} articles read, {problems['skipped']} skipped, {problems['warnings']} warnings, "
               f"{counts.duplicates} already stored, {counts.failed} failed, {counts.new} new articles stored "
               f"with {counts.events} events in {store.path}", err=True)
    if counts.read == 0 and problems["skipped"]:
        raise click.ClickException("no article could be read")


@contextmanager
def _extractor(dask: str | None, jobs: int, all_countries: bool) -> Iterator:
    """Yields the extractor of an ingest: `jobs` local processes, or the workers of a Dask cluster."""
    if not dask:
        with storage.Extractor(jobs, all_countries) as extractor:
            yield extractor
        return
    with scale.connect(dask) as client:
        click.echo(f"rasid: Dask cluster with {len(client.nthreads())} workers at {client.scheduler.address}",
                   err=True)
        yield scale.DaskExtractor(client, all_countries)


@main.command()
@_db_option
def fuse(db: str) -> None:
    """Fuses the stored events (rejected ones left out) into incidents; earlier incidents keep their ids."""
    with _opened(db) as store:
        counts = incident_store.fuse(store)
    click.echo(f"rasid: {counts.reports} events in {counts.incidents} incidents "
               f"({counts.multi_report} of several reports): {counts.created} new, {counts.updated} rebuilt, "
               f"{counts.removed} removed", err=True)


def _export_filter(since: date | None, until: date | None, types: tuple[str, ...],
                   bbox: str | None) -> export.Filter:
    try:
        wanted = export.parse_types(",".join(types)) if types else ()
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'--type'") from None
    try:
        box = export.parse_bbox(bbox) if bbox is not None else None
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'--bbox'") from None
    try:
        return export.Filter(since=since, until=until, types=wanted, bbox=box)
    except ValueError as err:
        raise click.UsageError(str(err)) from None


_WRITERS = {"acled-csv": export.write_acled_csv, "geojson": export.write_geojson, "jsonl": export.write_jsonl}


@main.command(name="export")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(_WRITERS)), required=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of stdout.")
@click.option("--since", callback=_day_option, metavar="YYYY-MM-DD", help="Incidents on or after this day.")
@click.option("--until", callback=_day_option, metavar="YYYY-MM-DD", help="Incidents on or before this day.")
@click.option("--type", "types", multiple=True, metavar="TYPE[,TYPE]",
              help="ACLED event or sub-event types to keep (repeatable).")
@click.option("--bbox", metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", help="Keep incidents inside this box.")
@click.option("--events", "per_event", is_flag=True, help="Export the stored events one by one, not incidents.")
@_db_option
def export_command(fmt: str, output: str, since: date | None, until: date | None, types: tuple[str, ...],
                   bbox: str | None, per_event: bool, db: str) -> None:
    """Writes the fused incidents (rejected events left out) as ACLED CSV, GeoJSON or JSON lines."""
    flt = _export_filter(since, until, types, bbox)
    with _opened(db) as store, ExitStack() as stack:
        waiting = 0 if per_event else incident_store.unfused(store)
        if waiting:
            log.warning("%d stored events are in no incident yet; run `rasid fuse` to include them", waiting)
        items = store.reports(since, until) if per_event else incident_store.stored_incidents(store, since, until)
        try:
            out: TextIO = sys.stdout if output == "-" else stack.enter_context(
                open(output, "w", encoding="utf-8", newline=""))
        except OSError as err:
            raise click.BadParameter(f"cannot write {output}: {err.strerror}", param_hint="'-o'") from None
        written = _WRITERS[fmt](export.select(items, flt), out)
    if fmt == "acled-csv" and output != "-":
        log.info("wrote %s", ", ".join(map(str, export.write_acled_sidecars(output))))
    unit = "events" if per_event else "incidents"
    skipped = " (left out)" if fmt == "geojson" else ""
    click.echo(f"rasid: {written.written} {unit} written, {written.without_location} without a location{skipped}",
               err=True)


@main.command()
@click.argument("query", callback=_text_argument)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N articles.")
@_db_option
def search(query: str, limit: int, db: str) -> None:
    """Writes the stored articles matching QUERY as JSON lines with a snippet: «غارة» finds «غارةٌ» and «غاره»."""
    found = 0
    with _opened(db) as store:
        for hit in fulltext.search(store, query, limit):
            click.echo(json.dumps(hit, ensure_ascii=False))
            found += 1
    more = f" (the best {limit}; --limit shows more)" if found == limit else ""
    click.echo(f"rasid: {found} articles match{more}", err=True)


@main.command()
@click.argument("ident", metavar="INCIDENT_ID|EVENT_ID", callback=_text_argument)
@_db_option
def show(ident: str, db: str) -> None:
    """Writes an incident with its reports, ledger and evidence quotes (or one event and its incident) as JSON."""
    with _opened(db) as store:
        click.echo(json.dumps(incident_store.show(store, ident), ensure_ascii=False))


def _correction(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict:
    try:
        return dict(reviews.parse_correction(v) for v in _text_arguments(ctx, param, values))
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@main.command()
@click.argument("event_id", required=False, callback=_text_argument)
@click.option("--accept", "decision", flag_value="accept", help="The event is right (with --set: once corrected).")
@click.option("--reject", "decision", flag_value="reject", help="The event is wrong: fusion and export leave it out.")
@click.option("--clear", "decision", flag_value="clear", help="Remove the event's review and corrections.")
@click.option("--set", "corrections", multiple=True, callback=_correction, metavar="FIELD=VALUE",
              help=f"Correct a field ({', '.join(reviews.CORRECTABLE)}); repeatable; implies --accept.")
@click.option("--note", callback=_text_argument, help="Why (kept with the review).")
@click.option("--list", "listing", is_flag=True, help="List the reviews and the event each is attached to now.")
@_db_option
def review(event_id: str | None, decision: str | None, corrections: dict, note: str | None, listing: bool,
           db: str) -> None:
    """Accepts, rejects or corrects EVENT_ID; reviews follow the event's signature through `ingest --reextract`."""
    if corrections and decision in ("reject", "clear"):
        raise click.UsageError(f"--set corrects an accepted event; it does not go with --{decision}")
    decision = decision or ("accept" if corrections else None)
    if listing:
        if event_id or decision:
            raise click.UsageError("--list takes no EVENT_ID and no decision")
    elif not event_id or not decision:
        raise click.UsageError("give EVENT_ID and one of --accept, --reject, --clear, --set (or --list)")
    with _opened(db) as store:
        if listing:
            stale = 0
            for item in reviews.listing(store):
                stale += item["attached_to"] is None
                click.echo(json.dumps(item, ensure_ascii=False))
            if stale:
                log.warning("%d reviews match no stored event (re-extracted away)", stale)
            return
        if decision == "clear":
            removed = reviews.clear(store, event_id)
            click.echo(f"rasid: {'review removed' if removed else 'no review to remove'} for {event_id}", err=True)
            return
        click.echo(json.dumps(reviews.review(store, event_id, decision, note, corrections), ensure_ascii=False))
        if incident_store.event_detail(store, event_id)["incident_id"]:
            click.echo("rasid: run `rasid fuse` to update its incident", err=True)


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it local unless "
              "the machine is behind a guard).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Serves the workbench (map, timeline, evidence, review) and its JSON API over the store; writes need a token."""
    try:
        from . import api
        import uvicorn
    except ImportError as err:
        raise click.ClickException(f"serve needs the `web` extra (pip install 'rasid[web]'): {err}") from None
    token = os.environ.get("RASID_TOKEN") or api.new_token()
    try:
        app = api.create_app(db, token)
    except storage.StoreError as err:
        raise click.ClickException(str(err)) from None
    if not os.environ.get("RASID_TOKEN"):
        click.echo(f"rasid: write token (set RASID_TOKEN to choose one): {token}", err=True)
    click.echo(f"rasid: serving {storage.shown(db)} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
