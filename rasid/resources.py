"""The one cached loader of package data files (TSV lexicons, gazetteer)."""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_text(name: str) -> str:
    """Returns the text of `rasid/data/<name>` (gunzipped when it ends in .gz)."""
    blob = resources.files("rasid").joinpath("data", name).read_bytes()
    if name.endswith(".gz"):
        blob = gzip.decompress(blob)
    return blob.decode("utf-8")


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Returns the rows of a TSV data file as dicts, skipping `#` provenance lines."""
    lines = [l for l in read_text(name).splitlines() if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return tuple(rows)
