"""ACLED-style one-line English summaries of events."""
from __future__ import annotations

from functools import lru_cache

from .lexicon import table

_VERB = {
    "Government regains territory": "regained control of",
    "Non-state actor overtakes territory": "took control of",
    "Armed clash": "clashed with",
    "Chemical weapon": "reportedly used chemical weapons against",
    "Air/drone strike": "carried out air/drone strikes on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Disrupted weapons use": "intercepted or disrupted weapons of",
    "Headquarters or base established": "established a base against",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "made a strategic move regarding",
    "Peaceful protest": "protested against",
    "Protest with intervention": "dispersed protesters:",
    "Excessive force against protesters": "used force against protesters:",
    "Violent demonstration": "rioted against",
    "Mob violence": "attacked",
}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {r["id"]: r["name"] for r in table("actor_names.tsv")}


def actor_name(actor_id: str | None) -> str:
    """Returns the ACLED-style name of an actor id: SDF → «QSD: Syrian Democratic Forces»."""
    if not actor_id:
        return "unknown actors"
    return _names().get(actor_id, actor_id)


def note(frame, best: int) -> str:
    """Writes «On 26 October 2018, IS took control of … in هجين (Al Bukamal, Deir ez-Zor). 70 fatalities.»."""
    when = f"On {frame.date.day} {frame.date:%B %Y}" if frame.date else "On an unknown date"
    if frame.precision == 2 and frame.date:
        when = f"Around {frame.date.day} {frame.date:%B %Y}"
    elif frame.precision == 3 and frame.date:
        when = f"In {frame.date:%B %Y}"
    loc = frame.location
    admin = ", ".join(x for x in (loc.admin2, loc.admin1) if x)
    where = f"{loc.name}" + (f" ({admin})" if admin else "")
    verb = _VERB.get(frame.sub_event_type, "engaged")
    text = f"{when}, {actor_name(frame.actor1)} {verb} {actor_name(frame.actor2)} in {where}."
    if best:
        text += f" {best} reported fatalities."
    return text
