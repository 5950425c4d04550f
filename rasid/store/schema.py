"""The store's schema: schema.sql split by backend, and the numbered migrations that take a store to the current version."""
from __future__ import annotations

import re
from importlib import resources

# The baseline schema.sql is version 2 (the first release with a store); migrations/NNN_*.sql take it on.
BASELINE_VERSION = 2
_MIGRATION = re.compile(r"(\d{3})_\w+\.sql")
_BACKEND_MARK = re.compile(r"^-- @backend (\w+)\s*$", re.M)


def migrations() -> list[tuple[int, str]]:
    """Returns (version, SQL text) of every numbered migration, in order."""
    folder = resources.files(__package__).joinpath("migrations")
    found = [(int(m.group(1)), f.read_text(encoding="utf-8")) for f in folder.iterdir()
             if (m := _MIGRATION.fullmatch(f.name))]
    return sorted(found)


SCHEMA_VERSION = str(max([BASELINE_VERSION, *(n for n, _ in migrations())]))


def schema_parts(backend: str = "sqlite", text: str | None = None) -> tuple[str, str]:
    """Returns a schema text (schema.sql by default) split into its portable part and one backend's part."""
    if text is None:
        text = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
    pieces = _BACKEND_MARK.split(text)
    portable, own = [pieces[0]], []
    for name, body in zip(pieces[1::2], pieces[2::2]):
        (portable if name == "any" else own if name == backend else []).append(body)
    return "\n".join(portable), "\n".join(own)


def sections(text: str, backend: str) -> list[str]:
    """Returns the statements of a schema text for a backend, in file order (other backends' parts left out)."""
    pieces = _BACKEND_MARK.split(text)
    kept = [pieces[0], *(body for name, body in zip(pieces[1::2], pieces[2::2]) if name in ("any", backend))]
    return [s for body in kept for s in _statements(body)]


def _statements(sql: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
