"""Roles of actor mentions around an event word: partners joined by «و», the blamed, the doer of a relative clause."""
from __future__ import annotations

from functools import lru_cache

from .find.actors import ActorMention
from .morph import cue_set, cue_values

# «مع» marks the other side of a battle, or a partner; «بين X وY» coordinates the two sides, not allies.
WITH = frozenset({"مع", "ومع"})
BETWEEN = frozenset({"بين", "وبين"})


def accused(agents: list[ActorMention], words: list[str], lo: int) -> ActorMention | None:
    """Returns the force blamed for the event: «واتهم ناشطون قوات النظام بالوقوف وراء القصف» → قوات النظام.

    The blamed one is the object of an accusing verb, the actor right before «ب…» or «مسؤولية».
    """
    for a in agents:
        if a.last + 1 - lo >= len(words):
            continue
        nxt = words[a.last + 1 - lo]
        if not (nxt.startswith("ب") or nxt in cue_set("responsibility")):
            continue
        if any(w in cue_set("accuse") for w in words[max(0, a.first - 4 - lo):a.first - lo]):
            return a
    return None


def resumes(w: str) -> bool:
    """Tells whether a word is a doing verb with an object pronoun: «نفذته», «شنتها» → True; «نفذت» → False."""
    return w in cue_set("agent_verb") and w.endswith(("ه", "ها", "هما", "هم"))


@lru_cache(maxsize=1)
def aim_verbs() -> frozenset[str]:
    """Returns the verb forms of the target cues: «واستهدفت», «يستهدف» (not «على»)."""
    return frozenset(f for f, pos in cue_values("target", "pos").items() if pos == "verb")


def coordinated(a1: ActorMention, agents: list[ActorMention], words: list[str], lo: int) -> set[int]:
    """Returns the first tokens of the actors joined to the perpetrator by «و»: «غارات روسية وسورية» → {Syrian}.

    A sub-unit named with «في» («الفرقة الرابعة في الحرس الجمهوري») continues the chain; «مع», a
    target word or a clause break ends it. Root-initial «و» («وحدات») is no conjunction.
    """
    out: set[int] = set()
    prev = a1
    for a in agents:
        if a.first <= prev.last:
            continue
        gap = words[prev.last + 1 - lo:a.first - lo]
        if len(gap) > 2 or any(w in WITH or w in cue_set("target") or w in cue_set("clause_break") for w in gap):
            break
        head = words[a.first - lo]
        joined = "و" in gap or (head.startswith("و") and not head.startswith("وحد"))
        if not (joined or (a.actor == prev.actor and gap in (["في"], []))):
            break
        out.add(a.first)
        prev = a
    return out
