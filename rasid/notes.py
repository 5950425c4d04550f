"""ACLED-style one-line English summaries of events."""
from __future__ import annotations

from functools import lru_cache

from .lexicon import table

# Per sub_event_type: the clause with actor2 and the clause without it ({a1} acts, {a2} is the other
# side, {where} the place). Territory verbs take the place as object and actor2 as the side it was
# taken from («took control of هجين from …»), so the enemy is never what is "taken".
_CLAUSE = {
    "Government regains territory": ("{a1} regained control of {where} from {a2}",
                                     "{a1} regained control of {where}"),
    "Non-state actor overtakes territory": ("{a1} took control of {where} from {a2}",
                                            "{a1} took control of {where}"),
    "Armed clash": ("{a1} clashed with {a2} in {where}", "{a1} took part in an armed clash in {where}"),
    "Excessive force against protesters": ("{a2} used excessive force against {a1} protesting in {where}",
                                           "excessive force was used against {a1} protesting in {where}"),
    "Protest with intervention": ("{a2} intervened in a protest by {a1} in {where}",
                                  "{a1} held a protest in {where} that was met with intervention"),
    "Peaceful protest": ("{a1} held a peaceful protest against {a2} in {where}",
                         "{a1} held a peaceful protest in {where}"),
    "Violent demonstration": ("{a1} held a violent demonstration against {a2} in {where}",
                              "{a1} held a violent demonstration in {where}"),
    "Mob violence": ("a mob of {a1} attacked {a2} in {where}", "a mob of {a1} attacked people in {where}"),
    "Chemical weapon": ("{a1} reportedly used chemical weapons against {a2} in {where}",
                        "{a1} reportedly used chemical weapons in {where}"),
    "Air/drone strike": ("{a1} carried out air/drone strikes on {a2} in {where}",
                         "{a1} carried out air/drone strikes in {where}"),
    "Suicide bomb": ("{a1} carried out a suicide bombing against {a2} in {where}",
                     "{a1} carried out a suicide bombing in {where}"),
    "Shelling/artillery/missile attack": ("{a1} shelled {a2} in {where}",
                                          "{a1} carried out shelling or missile attacks in {where}"),
    "Remote explosive/landmine/IED": ("{a1} detonated an explosive device against {a2} in {where}",
                                      "{a1} detonated an explosive device in {where}"),
    "Grenade": ("{a1} threw a grenade at {a2} in {where}", "{a1} threw a grenade in {where}"),
    "Sexual violence": ("{a1} committed sexual violence against {a2} in {where}",
                        "{a1} committed sexual violence in {where}"),
    "Attack": ("{a1} attacked {a2} in {where}", "{a1} carried out an attack in {where}"),
    "Abduction/forced disappearance": ("{a1} abducted {a2} in {where}", "{a1} abducted people in {where}"),
    "Agreement": ("{a1} reached an agreement with {a2} in {where}", "{a1} reached an agreement in {where}"),
    "Arrests": ("{a1} arrested {a2} in {where}", "{a1} arrested people in {where}"),
    "Change to group/activity": ("{a1} changed its group or activity in relation to {a2} in {where}",
                                 "{a1} changed its group or activity in {where}"),
    "Disrupted weapons use": ("{a1} intercepted or defused weapons of {a2} in {where}",
                              "{a1} intercepted or defused weapons in {where}"),
    "Headquarters or base established": ("{a1} established a headquarters or base facing {a2} in {where}",
                                         "{a1} established a headquarters or base in {where}"),
    "Looting/property destruction": ("{a1} looted or destroyed property of {a2} in {where}",
                                     "{a1} looted or destroyed property in {where}"),
    "Non-violent transfer of territory": ("{a1} took over {where} from {a2} without fighting",
                                          "{a1} took over {where} without fighting"),
    "Other": ("{a1} made a strategic move involving {a2} in {where}", "{a1} made a strategic move in {where}"),
}
_FALLBACK = ("{a1} engaged {a2} in {where}", "{a1} engaged in an event in {where}")
# ACLED codes protesters as actor1; a frame whose civilians are actor2 («فرقت قوات الأمن المحتجين»)
# has the crowd on the other side, so the protest clauses swap them back.
_PROTEST = {"Excessive force against protesters", "Protest with intervention", "Peaceful protest",
            "Violent demonstration"}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {r["id"]: r["name"] for r in table("actor_names.tsv")}


def actor_name(actor_id: str | None) -> str:
    """Returns the ACLED-style name of an actor id: SDF → «QSD: Syrian Democratic Forces»."""
    if not actor_id:
        return "unknown actors"
    return _names().get(actor_id, actor_id)


def _when(frame) -> str:
    """Returns the date phrase by ACLED time precision: 1 → «On 26 October 2018», 3 → «In October 2018»."""
    if not frame.date:
        return "On an unknown date"
    if frame.precision == 2:
        return f"Around {frame.date.day} {frame.date:%B %Y}"
    if frame.precision == 3:
        return f"In {frame.date:%B %Y}"
    return f"On {frame.date.day} {frame.date:%B %Y}"


def _latin(loc) -> str:
    """Names a place in Latin letters with the Arabic as written: «هجين» → "Hajin [هجين]"."""
    from . import gazetteer
    try:
        latin = gazetteer.place(loc.place_id).name_en if loc.place_id else ""
    except KeyError:  # curated sites and unresolved names have no gazetteer row
        latin = ""
    return f"{latin} [{loc.name}]" if latin else loc.name


def note(frame, best: int) -> str:
    """Writes one sentence: «On 26 October 2018, Islamic State took control of Hajin [هجين] (…) from …, with 70 reported fatalities.»."""
    loc = frame.location
    admin = ", ".join(x for x in (loc.admin2, loc.admin1) if x)
    where = _latin(loc) + (f" ({admin})" if admin else "")
    actor1, actor2 = frame.actor1, frame.actor2
    if frame.sub_event_type in _PROTEST and actor2 == "CIVILIANS" and actor1 != "CIVILIANS":
        actor1, actor2 = actor2, actor1
    with_a2, without_a2 = _CLAUSE.get(frame.sub_event_type, _FALLBACK)
    clause = (with_a2 if actor2 else without_a2).format(
        a1=actor_name(actor1), a2=actor_name(actor2), where=where)
    text = f"{_when(frame)}, {clause}"
    if best:
        text += f", with {best} reported {'fatality' if best == 1 else 'fatalities'}"
    return text + "."
