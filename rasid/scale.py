"""Dask ingestion: workers read and analyse partitions of the inputs; the client stores their results through the Store."""
from __future__ import annotations

import itertools
import logging
import lzma
import os
import threading
import zlib
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .reader import (ReadError, Limits, StrictError, article_files, json_lines, kind_of, raw_lines, read_articles,
                     to_article)
from .records import Article
from .store import StoreError, extract
from .store.rows import UNENCODABLE

log = logging.getLogger(__name__)

# A partition of a big JSON-lines file: enough work (about 15 s of analyse) to dwarf the cost of reaching it,
# since a compressed file is read from its start by every task.
LINES_PER_TASK = 2000
# The smallest range of the shrinking ones that end a split file (about half a second of analysis).
MIN_LINES_PER_TASK = 100
# JSON-lines files bigger than this on disk are split into line ranges; smaller ones are one task each.
SPLIT_BYTES = 4 << 20
# A task that raises (not a killed worker, which Dask reschedules by itself) is run again this many times.
RETRIES = 3
# How many reads of the inputs through `read` may run per worker thread (and wait, done, for an earlier one): enough
# to keep every worker busy while the client writes, few enough to bound what waits in the client's memory.
IN_FLIGHT_PER_THREAD = 2
# Articles per task when the client sends stored articles out (`ingest --reextract`).
CHUNK = 25
# Dask's event-loop tick (every 20 ms), system monitor, work stealing (every 100 ms) and nanny memory poll (100 ms)
# serve diagnostics and balancing that tasks handed out one per free thread do not need; each worker's statistical
# profiler samples its stack every 10 ms. On a LocalCluster sharing the cores with analysis they cost about 1% of a core
# in the client (which holds the scheduler) and 3% in each worker.
LOCAL_CONFIG = {"distributed.admin.tick.interval": "1s", "distributed.admin.system-monitor.interval": "2s",
                "distributed.scheduler.work-stealing": False, "distributed.worker.memory.monitor-interval": "1s",
                "distributed.worker.profile.enabled": False}


class ScaleError(StoreError):
    """A Dask cluster that cannot be reached or started, or a task that failed after its retries."""


@dataclass(frozen=True)
class Analysed(Article):
    """An Article read and analysed by a worker, carrying extract()'s result to the client."""

    line_no: int | None = field(default=None, compare=False)
    analysed_as: str = field(default="", compare=False)
    events: list[dict] | None = field(default=None, compare=False, hash=False, repr=False)
    error: str | None = field(default=None, compare=False)
    # What the store's full-text index takes for it (Store.index_body), so that the client only inserts.
    index: str | None = field(default=None, compare=False, repr=False)

    def result(self) -> tuple[list[dict] | None, str | None] | None:
        """Returns (events, error) as extract() gave them, or None when the Store renamed the article since."""
        # A stored report with the same id makes the Store rename this one; its events then name the old id.
        return (self.events, self.error) if self.analysed_as == self.id else None


@dataclass(frozen=True)
class Partition:
    """One task's share of the inputs: a whole file, or lines first..stop-1 of a JSON-lines file."""

    path: str  # as the client named it, for messages
    opened: str  # its absolute path on the client, where every worker must see it too
    kind: str | None
    source: int
    first: int = 1
    stop: int | None = None


@dataclass(frozen=True)
class Options:
    """How workers read and analyse: the reader's day and limits, and the country scope of extract()."""

    published: date | None = None
    limits: Limits = Limits()
    all_countries: bool = False
    index: Callable[[str | None, str], str] | None = None  # the store's index_body, for the workers to compute


# ---------------------------------------------------------------- on the workers

def _storable(text: str) -> str:
    return UNENCODABLE.sub("\ufffd", text)


# The read each worker thread stopped in: (file path, size, mtime, line limit), the number of its next line, the lines from there.
_reading = threading.local()


def _file_key(path: str, max_bytes: int) -> tuple:
    stat = os.stat(path)
    return path, stat.st_size, stat.st_mtime_ns, max_bytes


def _range_lines(path: str, part: Partition, max_bytes: int) -> Iterator[bytes | int]:
    """Yields a range's lines, those before it blank; a thread goes on reading where its last range of the file ended."""
    key = _file_key(path, max_bytes)
    left, _reading.state = getattr(_reading, "state", None), None
    if left is not None and left[0] == key and left[1] <= part.first:
        at, lines = left[1], left[2]
    else:
        if left is not None:
            left[2].close()
        # A compressed file cannot be entered mid-way: read again from its start, it costs a decompression of
        # all that comes before, which continuing makes once per worker instead of once per range.
        at, lines = 1, raw_lines(path, max_bytes)
    for _ in itertools.islice(lines, part.first - at):
        pass
    # Lines before the range are blank, not parsed, so that line numbers stay the file's own.
    yield from itertools.repeat(b"", part.first - 1)
    if part.stop is None:
        yield from lines
        return
    yield from itertools.islice(lines, part.stop - part.first)
    _reading.state = (key, part.stop, lines)


def _json_range(path: str, part: Partition, options: Options) -> Iterator[tuple[Article, int | None] | ReadError]:
    whole = part.first == 1 and part.stop is None
    lines = raw_lines(path, options.limits.max_line_bytes) if whole else \
        _range_lines(path, part, options.limits.max_line_bytes)
    for line_no, value in json_lines(lines, part.path, options.limits, report_empty=whole):
        if isinstance(value, ReadError):
            yield value
            continue
        article, problems = to_article(value, part.path, line_no, options.published, options.limits.max_chars)
        yield from problems
        if article is not None:
            yield article, line_no


def _document(path: str, part: Partition, options: Options) -> Iterator[tuple[Article, int | None] | ReadError]:
    limits = options.limits
    for item in read_articles(path, options.published, max_chars=limits.max_chars,
                              max_line_bytes=limits.max_line_bytes, max_depth=limits.max_depth):
        if isinstance(item, ReadError):
            # Opened by its absolute path (a worker's working folder may differ); named as the client named it.
            yield replace(item, source=part.path) if item.source == path else item
        else:
            yield item, None


def read_partition(part: Partition, options: Options) -> list[Analysed | ReadError]:
    """Reads a partition and analyses each article with store.extract, the function every extractor uses."""
    path = part.opened
    reader = _json_range if part.kind == "jsonl" else _document
    out: list[Analysed | ReadError] = []
    try:
        for item in reader(path, part, options):
            if isinstance(item, ReadError):
                out.append(item)
                continue
            article, line_no = item
            events, error = extract(article, options.all_countries)
            # Of the text as the store keeps it (Store.ingest makes it storable), so that both match.
            index = options.index(article.title and _storable(article.title), _storable(article.text)) \
                if options.index else None
            out.append(Analysed(article.id, article.text, article.outlet, article.published, article.url,
                                article.title, line_no=line_no, analysed_as=article.id, events=events, error=error,
                                index=index))
    except (OSError, EOFError, lzma.LZMAError, zlib.error) as err:
        out.append(ReadError(part.path, None, f"cannot read: {getattr(err, 'strerror', None) or err}"))
    return out


@dataclass(frozen=True)
class Packed:
    """A task's results as one object: Dask sends a returned list item by item, with a frame and a header each."""

    items: list


def read_packed(part: Partition, options: Options) -> Packed:
    """Returns read_partition's results packed as one object for the trip back to the client."""
    return Packed(read_partition(part, options))


def count_lines(path: str, max_bytes: int) -> int | None:
    """Returns the number of lines of a JSON-lines file as the reader numbers them, or None when it cannot be read."""
    try:
        return sum(1 for _ in raw_lines(path, max_bytes))
    except (OSError, EOFError, lzma.LZMAError, zlib.error):
        return None  # the partition that reads it says why


def extract_chunk(articles: Sequence[Article], all_countries: bool) -> list[tuple[list[dict] | None, str | None]]:
    """Returns extract() of each article, in order."""
    return [extract(article, all_countries) for article in articles]


# ---------------------------------------------------------------- on the client

@dataclass(frozen=True)
class Plan:
    """How inputs become tasks: files over `split_bytes` in ranges of at most `lines_per_task` lines."""

    lines_per_task: int = LINES_PER_TASK
    split_bytes: int = SPLIT_BYTES
    min_lines_per_task: int = MIN_LINES_PER_TASK


def line_ranges(lines: int, most: int, threads: int, least: int = MIN_LINES_PER_TASK) -> list[tuple[int, int | None]]:
    """Returns (first, stop) ranges over lines 1..lines, shrinking at the end: (10, 4, 1, 1) → (1,5) (5,8) (8,10) (10,None)."""
    # Guided self-scheduling: a range takes a 2·threads-th of what is left (at most `most`), so the last ones are
    # short and no worker waits long for another to finish; `least` bounds the tasks' number.
    ranges, first = [], 1
    while first <= lines:
        size = max(least, min(most, -(-(lines - first + 1) // (2 * threads))))
        stop = first + size
        ranges.append((first, None if stop > lines else stop))
        first = stop
    return ranges


def partitions(client: Any, sources: Sequence[str], plan: Plan = Plan(),
               limits: Limits = Limits()) -> Iterator[Partition | ReadError]:
    """Yields the partitions of files and folders in reading order; big JSON-lines files are counted by a worker."""
    threads = None
    for number, source in enumerate(sources):
        root = Path(source)
        if root.is_dir():
            files: Iterator[Path | ReadError] = article_files(root)
        elif root.exists():
            files = iter([root])
        else:
            yield ReadError(source, None, "no such file or directory")
            continue
        for item in files:
            if isinstance(item, ReadError):
                yield item
                continue
            path, opened, kind = str(item), os.path.abspath(item), kind_of(item)
            try:
                big = kind == "jsonl" and item.stat().st_size > plan.split_bytes
            except OSError:
                big = False
            lines = client.submit(count_lines, opened, limits.max_line_bytes, pure=False).result() if big else None
            if not lines:
                yield Partition(path, opened, kind, number)
                continue
            if threads is None:
                threads = max(1, sum(client.nthreads().values()))
            for first, stop in line_ranges(lines, plan.lines_per_task, threads, plan.min_lines_per_task):
                yield Partition(path, opened, kind, number, first, stop)


def _in_order(client: Any, parts: Iterator[Partition | ReadError], options: Options, in_flight: int,
              retries: int) -> Iterator[tuple[Partition | None, Analysed | ReadError]]:
    """Yields each partition's results in reading order, with at most `in_flight` partitions running and as many waiting."""
    from distributed import as_completed

    waiting = as_completed()
    running: dict[str, tuple[int, Partition, Any]] = {}
    ready: dict[int, tuple[Partition | None, list]] = {}
    planned = iter(enumerate(parts))
    following = 0
    more = True

    def fill() -> None:
        nonlocal more
        # Results that wait for an earlier partition do not hold a worker back: a worker ahead of a slow
        # partition takes the next one, until `in_flight` results wait in this process's memory.
        while more and len(running) < in_flight and len(ready) < in_flight:
            step = next(planned, None)
            if step is None:
                more = False
                return
            index, part = step
            if isinstance(part, ReadError):
                ready[index] = (None, [part])
                continue
            future = client.submit(read_packed, part, options, retries=retries, pure=False)
            running[future.key] = (index, part, future)
            waiting.add(future)

    try:
        fill()
        while running or ready:
            while following in ready:
                part, items = ready.pop(following)
                following += 1
                fill()
                for item in items:
                    yield part, item
            if not running:
                continue
            future = next(waiting)
            index, part, _ = running.pop(future.key)
            try:
                ready[index] = (part, future.result().items)
            except Exception as err:
                where = part.path if part.stop is None and part.first == 1 else \
                    f"{part.path}:{part.first}-{part.stop - 1 if part.stop else 'end'}"
                raise ScaleError(f"{where}: a Dask task failed after {retries} retries: {type(err).__name__}: "
                                 f"{err}; what was stored stays, run ingest again to store the rest") from None
            future.release()
            fill()
    finally:
        if running:
            client.cancel([future for _, _, future in running.values()])


def read(client: Any, sources: Sequence[str], options: Options = Options(), strict: bool = False,
         plan: Plan = Plan(), in_flight: int | None = None,
         retries: int = RETRIES) -> Iterator[tuple[Analysed, int] | ReadError]:
    """Yields (analysed article, index of its source) and ReadErrors, in the order read_articles reads the sources."""
    if in_flight is None:
        in_flight = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
    seen: list[set[str]] = [set() for _ in sources]
    parts = partitions(client, sources, plan, options.limits)
    for part, item in _in_order(client, parts, options, in_flight, retries):
        if isinstance(item, ReadError):
            if strict:
                raise StrictError(item)
            yield item
            continue
        assert part is not None
        if item.id in seen[part.source]:
            # Checked here, across partitions, as read_articles checks it across one source's files.
            duplicate = ReadError(part.path, item.line_no, f"duplicate article id {item.id!r}", kept=True)
            if strict:
                raise StrictError(duplicate)
            yield duplicate
        seen[part.source].add(item.id)
        yield item, part.source


class DaskExtractor:
    """The Extractor interface over a Dask client: hands over what workers analysed, sends out the rest."""

    def __init__(self, client: Any, all_countries: bool = False, chunk: int = CHUNK, retries: int = RETRIES):
        self.client = client
        self.all_countries = all_countries
        self.chunk = chunk
        self.retries = retries

    def __enter__(self) -> "DaskExtractor":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def map(self, articles: Sequence[Article]) -> list[tuple[list[dict] | None, str | None]]:
        """Returns extract() of each article, in order."""
        return self.submit(articles)()

    def submit(self, articles: Sequence[Article]) -> Callable[[], list[tuple[list[dict] | None, str | None]]]:
        """Starts extract() in the workers on the articles that carry no result; returns the call that waits."""
        carried = [a.result() if isinstance(a, Analysed) else None for a in articles]
        # Plain Articles travel as such: the workers need no Analysed payload they would recompute.
        missing = [Article(a.id, a.text, a.outlet, a.published, a.url, a.title)
                   for a, c in zip(articles, carried) if c is None]
        chunks = [missing[i:i + self.chunk] for i in range(0, len(missing), self.chunk)]
        futures = [self.client.submit(extract_chunk, part, self.all_countries, retries=self.retries, pure=False)
                   for part in chunks]

        def wait() -> list[tuple[list[dict] | None, str | None]]:
            try:
                fresh = iter([result for future in futures for result in future.result()])
            except Exception as err:
                raise ScaleError(f"a Dask task failed after {self.retries} retries: {type(err).__name__}: {err}; "
                                 "the batches being analysed are not stored: run ingest again") from None
            return [c if c is not None else next(fresh) for c in carried]
        return wait


def parse_address(address: str) -> int | str:
    """Returns the worker count of «local:N», else the scheduler address: «local:2» → 2, «tcp://h:8786» → itself."""
    kind, _, rest = address.partition(":")
    if kind == "local":
        if not rest.isdigit() or int(rest) < 1:
            raise ValueError(f"{address!r}: local:N needs a number of workers N ≥ 1")
        return int(rest)
    if "://" not in address:
        raise ValueError(f"{address!r}: give a scheduler address (tcp://HOST:8786) or local:N")
    return address


@contextmanager
def connect(address: str, timeout: float = 30) -> Iterator[Any]:
    """Yields a Dask client of the scheduler at `address`, or of a LocalCluster of N one-thread worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ScaleError(f"--dask needs the `scale` extra (pip install 'rasid[scale]'): {err}") from None
    where = parse_address(address)
    with ExitStack() as stack:
        try:
            if isinstance(where, int):
                import dask
                stack.enter_context(dask.config.set(LOCAL_CONFIG))
                cluster = stack.enter_context(LocalCluster(n_workers=where, threads_per_worker=1, processes=True,
                                                           dashboard_address=None, silence_logs=logging.ERROR))
                client = stack.enter_context(Client(cluster, timeout=timeout))
            else:
                client = stack.enter_context(Client(where, timeout=timeout))
        except (OSError, TimeoutError) as err:
            raise ScaleError(f"cannot reach the Dask scheduler at {address}: {err}") from None
        yield client


def ingest(store: Any, client: Any, sources: Sequence[str], labels: Sequence[str] | None = None,
           options: Options = Options(), strict: bool = False, batch_size: int | None = None,
           on_failure: Callable[[Article, str], None] | None = None, on_article: Callable[[], None] | None = None,
           on_problem: Callable[[ReadError], None] | None = None, plan: Plan = Plan(),
           in_flight: int | None = None, retries: int = RETRIES):
    """Stores the articles of `sources` through store.ingest, read and analysed by the cluster's workers."""
    labels = list(labels or sources)

    def articles() -> Iterator[tuple[Article, str]]:
        for item in read(client, sources, options, strict, plan, in_flight, retries):
            if isinstance(item, ReadError):
                if on_problem:
                    on_problem(item)
                continue
            article, source = item
            yield article, labels[source]

    options = replace(options, index=store.index_body)
    extractor = DaskExtractor(client, options.all_countries, retries=retries)
    kwargs = {} if batch_size is None else {"batch_size": batch_size}
    return store.ingest(articles(), extractor, on_failure=on_failure, on_article=on_article, **kwargs)
