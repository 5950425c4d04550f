"""The workbench's change history: who reviewed, merged or split what, when, with the value before and after.

Kept in its own table, made on first use so that stores written before it need no migration.
"""
from __future__ import annotations

import json
from typing import Sequence

from .store import Store, now

# Standard SQL but for the SQLite row id; a PostgreSQL backend writes `id SERIAL PRIMARY KEY`.
_TABLE = ("CREATE TABLE IF NOT EXISTS change_history (id INTEGER PRIMARY KEY, changed_at VARCHAR(32) NOT NULL, "
          "author TEXT NOT NULL, action VARCHAR(16) NOT NULL, subject TEXT NOT NULL, incident_id TEXT, "
          "before_value TEXT, after_value TEXT, note TEXT)")


def _ensure(store: Store) -> None:
    store.conn.execute(_TABLE)


def record(store: Store, author: str, action: str, subject: str, incident_id: str | None,
           before: object, after: object, note: str | None = None) -> dict:
    """Adds one change (review, merge, split) and returns it: subject is the event or incident changed."""
    _ensure(store)
    entry = {"changed_at": now(), "author": author, "action": action, "subject": subject,
             "incident_id": incident_id, "before": before, "after": after, "note": note}
    with store.transaction() as conn:
        conn.execute("INSERT INTO change_history (changed_at, author, action, subject, incident_id, before_value, "
                     "after_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (entry["changed_at"], author, action, subject, incident_id,
                      json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False), note))
    return entry


def changes(store: Store, subjects: Sequence[str]) -> list[dict]:
    """Returns the changes to any of the subjects (event or incident ids) or their incidents, oldest first."""
    _ensure(store)
    if not subjects:
        return []
    marks = ", ".join("?" * len(subjects))
    rows = store.conn.execute(
        "SELECT changed_at, author, action, subject, incident_id, before_value, after_value, note "
        f"FROM change_history WHERE subject IN ({marks}) OR incident_id IN ({marks}) ORDER BY id",
        [*subjects, *subjects]).fetchall()
    return [{"changed_at": r[0], "author": r[1], "action": r[2], "subject": r[3], "incident_id": r[4],
             "before": json.loads(r[5]) if r[5] else None, "after": json.loads(r[6]) if r[6] else None,
             "note": r[7]} for r in rows]
