"""The change history of the workbench: who changed which event or incident, when, from what to what."""
from __future__ import annotations

import pytest

from rasid import history
from rasid.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(str(tmp_path / "h.db"), create=True) as opened:
        yield opened


def test_a_change_is_kept_with_author_values_and_note(store):
    history.record(store, "ليلى", "accept", "e1", "inc-1", {"fatalities.best": 3}, {"fatalities.best": 5}, "رقم أدق")
    (entry,) = history.changes(store, ["e1"])
    assert (entry["author"], entry["action"], entry["incident_id"], entry["note"]) == ("ليلى", "accept", "inc-1", "رقم أدق")
    assert entry["before"] == {"fatalities.best": 3} and entry["after"] == {"fatalities.best": 5}
    assert entry["changed_at"].endswith("Z")


@pytest.mark.parametrize("asked, found", [(["inc-1"], ["e1", "e2"]), (["e2"], ["e2"]), (["inc-2"], ["inc-2"]),
                                          (["e9"], []), ([], [])])
def test_changes_are_found_by_subject_or_incident_oldest_first(store, asked, found):
    history.record(store, "a", "accept", "e1", "inc-1", None, None)
    history.record(store, "b", "reject", "e2", "inc-1", None, None)
    history.record(store, "c", "merge", "inc-2", "inc-2", {"inc-2": ["e3"]}, {"inc-2": ["e3", "e4"]})
    assert [c["subject"] for c in history.changes(store, asked)] == found


def test_a_store_without_the_table_reads_an_empty_history(store):
    assert history.changes(store, ["e1"]) == []
