"""The workbench's change history: who reviewed, merged or split what, when, with the value before and after."""
from __future__ import annotations

import json
from typing import Sequence

from .store import Store, now


def record(store: Store, author: str, action: str, subject: str, incident_id: str | None,
           before: object, after: object, note: str | None = None) -> dict:
    """Adds one change (review, merge, split) and returns it: subject is the event or incident changed."""
    entry = {"changed_at": now(), "author": author, "action": action, "subject": subject,
             "incident_id": incident_id, "before": before, "after": after, "note": note}
    store.add_change((entry["changed_at"], author, action, subject, incident_id,
                      json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False), note))
    return entry


def changes(store: Store, subjects: Sequence[str]) -> list[dict]:
    """Returns the changes to any of the subjects (event or incident ids) or their incidents, oldest first."""
    return [{"changed_at": r[0], "author": r[1], "action": r[2], "subject": r[3], "incident_id": r[4],
             "before": json.loads(r[5]) if r[5] else None, "after": json.loads(r[6]) if r[6] else None,
             "note": r[7]} for r in store.change_rows(subjects)]
