"""Extraction for the store, in this process or in a pool of worker processes."""
from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence

from .. import pipeline, world
from ..records import Article
from .errors import StoreError

log = logging.getLogger("rasid.store")

# Each extractor process holds its own lexicons and gazetteer (about 130 MB).
MAX_JOBS = 8


def extract(article: Article, all_countries: bool = False) -> tuple[list[dict] | None, str | None]:
    """Returns (events in Syria, or everywhere with `all_countries`, as JSON objects, None) or (None, the failure)."""
    try:
        # Looked up at call time, so the extractor (or a test double) behind pipeline.analyze is used.
        return [event.to_json() for event in world.in_scope(pipeline.analyze(article), all_countries)], None
    except Exception as err:  # one bad article must not end a batch
        log.debug("traceback of the failure on %s", article.id, exc_info=True)
        return None, f"{type(err).__name__}: {err}"


def _watch_parent(parent: int) -> None:
    """Ends this worker when the ingest that started it is gone (a SIGKILL leaves no one to stop it)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# A worker killed from outside (out of memory) takes the batches in flight with it; none is half stored.
_WORKER_DIED = ("an extractor process died (killed, out of memory?); the batches being analysed are not stored: "
                "run ingest again to store them")


class Extractor:
    """Runs extract() over batches, in this process or in a pool of `jobs` worker processes."""

    def __init__(self, jobs: int = 1, all_countries: bool = False):
        self.jobs = jobs
        self._extract = functools.partial(extract, all_countries=all_countries)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Extractor":
        if self.jobs > 1:
            # fork keeps what the parent has set up (a test's stand-in analyze, loaded lexicons).
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method),
                                             initializer=_watch_parent, initargs=(os.getpid(),))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def map(self, articles: Sequence[Article]) -> list[tuple[list[dict] | None, str | None]]:
        """Returns extract() of each article, in order."""
        return self.submit(articles)()

    def submit(self, articles: Sequence[Article]) -> Callable[[], list[tuple[list[dict] | None, str | None]]]:
        """Starts extract() on the articles in the workers; returns the call that waits for the results."""
        if self._pool is None:
            return lambda: [self._extract(a) for a in articles]
        try:
            results = self._pool.map(self._extract, articles, chunksize=max(1, len(articles) // (4 * self.jobs)))
        except BrokenProcessPool:
            raise StoreError(_WORKER_DIED) from None

        def wait() -> list[tuple[list[dict] | None, str | None]]:
            try:
                return list(results)
            except BrokenProcessPool:
                raise StoreError(_WORKER_DIED) from None
        return wait
