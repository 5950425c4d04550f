"""Stored incidents: incremental fusion of stored events (rasid.fusion) and what show and export read."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from . import fusion, reviews
from .records import Incident, Report
from .store import Store, StoreError, corrected, incident_from_json, now
from .store.rows import incident_row


MOVED = "put here by a reviewer (merge or split)"


@dataclass
class FuseCounts:
    """What one fuse did: reports fused, incidents in all, and those made, rebuilt and removed."""

    reports: int = 0
    incidents: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    multi_report: int = 0


def _digest(members: list[Report], reasons: dict[str, str]) -> str:
    """Fingerprints an incident's members (event content and reason), so an unchanged one is not rebuilt."""
    h = hashlib.sha1()
    for r in sorted(members, key=lambda r: r.event_id):
        body = json.dumps(r.event.to_json(), ensure_ascii=False, sort_keys=True)
        h.update(f"{r.event_id}\x1f{reasons[r.event_id]}\x1f{r.outlet}\x1f{r.published}\x1f{body}\x1e".encode())
    return h.hexdigest()


def fuse(store: Store, moves: dict[str, str] | None = None) -> FuseCounts:
    """Fuses the stored, not rejected events into incidents, keeping earlier assignments; rewrites only what changed.

    `moves` (event id → incident id) puts those events in those incidents first: a reviewer's merge or split.
    """
    reports = store.reports()
    by_id = {r.event_id: r for r in reports}
    stored = store.memberships()
    existing = {eid: iid for eid, (iid, _) in stored.items() if eid in by_id}
    existing.update({eid: iid for eid, iid in (moves or {}).items() if eid in by_id})
    # Looked up at call time, so a test can stand in for the fusion rules.
    assigned = fusion.assign(reports, existing)
    groups: dict[str, list[Report]] = {}
    reasons: dict[str, str] = {}
    for eid, (iid, why) in assigned.items():
        old = stored.get(eid)
        # A member that stays keeps the reason it joined for, so a re-run rewrites nothing.
        reasons[eid] = old[1] if old and old[0] == iid else MOVED if eid in (moves or {}) else why
        groups.setdefault(iid, []).append(by_id[eid])
    digests = {iid: _digest(members, reasons) for iid, members in groups.items()}
    before = store.incident_digests()
    changed = sorted(iid for iid, d in digests.items() if before.get(iid) != d)
    gone = sorted(set(before) - set(groups))
    counts = FuseCounts(reports=len(reports), incidents=len(groups),
                        created=sum(iid not in before for iid in changed),
                        updated=sum(iid in before for iid in changed), removed=len(gone),
                        multi_report=sum(len(m) > 1 for m in groups.values()))
    if not changed and not gone:
        return counts
    stamp = now()
    with store.transaction():
        rows = []
        for iid in changed:
            members = groups[iid]
            inc = fusion.incident(iid, members, {r.event_id: reasons[r.event_id] for r in members})
            rows.append((incident_row(inc, digests[iid], stamp), [(r.event_id, reasons[r.event_id]) for r in members]))
        store.put_incidents(rows)
        store.drop_incidents(gone)
    return counts


def unfused(store: Store) -> int:
    """Counts the stored, not rejected events that belong to no incident yet."""
    return store.unfused()


def stored_incidents(store: Store, since: date | None = None, until: date | None = None) -> Iterator[Incident]:
    """Yields the stored incidents whose days overlap [since, until], by date and id."""
    for data in store.incident_jsons(since, until):
        yield incident_from_json(data)


def _quotes(text: str, spans: list[dict]) -> list[dict]:
    return [{**s, "quote": text[s["start"]:s["end"]]} for s in spans]


def event_detail(store: Store, event_id: str) -> dict | None:
    """Returns an event (as corrected) with its article, evidence and claim quotes, review and incident id, or None."""
    row = store.event_row(event_id)
    if row is None:
        return None
    member = store.membership(event_id)
    review = reviews.review_of(store, row["signature"])
    event, text = row["data"], row["text"]
    fixes = review and review["corrections"]
    out = {"event_id": event_id,
           "article": {k: row[k] for k in ("article_id", "outlet", "published", "url", "title")},
           "incident_id": member[0] if member else None, "reason": member[1] if member else None,
           "review": review, "event": corrected(event, fixes),
           "evidence": _quotes(text, event.get("evidence") or []),
           "claims": _quotes(text, event.get("claims") or [])}
    if event.get("versions"):
        # each competing account with the words of the sources that assert or deny it
        out["versions"] = [{**v, "claims": _quotes(text, v.get("claims") or [])} for v in event["versions"]]
    if fixes:
        out["extracted"] = event
    return out


def show(store: Store, ident: str) -> dict:
    """Returns an incident with each report's event, quotes and review; given an event id, the event and its incident."""
    incident = store.incident_json(ident)
    if incident is None:
        detail = event_detail(store, ident)
        if detail is None:
            raise StoreError(f"no incident or event {ident!r} in {store.path}")
        if detail["incident_id"]:
            detail["incident"] = store.incident_json(detail["incident_id"])
        return detail
    reports = []
    for member in incident["reports"]:
        detail = event_detail(store, member["event_id"])
        if detail is None:  # re-extracted away since the last fuse
            reports.append({**member, "missing": "event no longer stored; run `rasid fuse`"})
            continue
        reports.append({**member, "title": detail["article"]["title"], "url": detail["article"]["url"],
                        "review": detail["review"], "event": detail["event"], "evidence": detail["evidence"],
                        "claims": detail["claims"], **({"versions": detail["versions"]} if "versions" in detail else {})})
    incident["reports"] = reports
    return incident


def members(store: Store, incident_id: str) -> list[str]:
    """Returns the event ids of an incident's reports; StoreError when there is no such incident."""
    ids = store.incident_members(incident_id)
    if ids is None:
        raise StoreError(f"no incident {incident_id!r} in {store.path}")
    return ids


def merge(store: Store, into: str, others: list[str]) -> FuseCounts:
    """Moves every report of the other incidents into `into` and fuses; the emptied incidents are removed."""
    members(store, into)
    others = [o for o in dict.fromkeys(others) if o != into]
    if not others:
        raise ValueError("name at least one other incident to merge")
    moves = {eid: into for other in others for eid in members(store, other)}
    return fuse(store, moves)


def split(store: Store, incident_id: str, event_id: str) -> str:
    """Takes one report out of an incident into an incident of its own and fuses; returns the new incident's id."""
    ids = members(store, incident_id)
    if event_id not in ids:
        raise ValueError(f"event {event_id!r} is not a report of incident {incident_id!r}")
    if len(ids) < 2:
        raise ValueError(f"incident {incident_id!r} has a single report; there is nothing to split")
    own = fusion.incident_id(event_id)
    moves = {event_id: own}
    if own == incident_id:
        # The founder leaves: the reports that stay take the id their earliest member would found.
        rest = [e for e in ids if e != event_id]
        moves.update({e: fusion.incident_id(rest[0]) for e in rest})
    fuse(store, moves)
    return own


def incident_of(store: Store, event_id: str) -> str | None:
    """Returns the id of the incident an event belongs to, or None."""
    member = store.membership(event_id)
    return member[0] if member else None
