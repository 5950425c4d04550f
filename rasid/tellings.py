"""What each source of a sentence tells: the words it speaks over, its kind of act, the groups that claim it."""
from __future__ import annotations

from .assemble import PRECEDENCE, Frame, Sent
from .find.claims import ClaimMention
from .morph import cue_set


def pos(c: ClaimMention) -> int:
    """Returns where a claim's stance starts: its cue («نفى» in «ونفى مراسلنا»), else its source."""
    return c.cue if c.cue >= 0 else c.first


def reaches(s: Sent) -> list[tuple[ClaimMention, int, int]]:
    """Returns each asserting source of a sentence with the tokens it speaks over: from its cue to the next source's."""
    cs = sorted((c for c in s.claims if c.stance == "asserts" and c.cue >= 0), key=pos)
    out = []
    for k, c in enumerate(cs):
        end = next((pos(o) for o in cs[k + 1:] if pos(o) > pos(c)), s.hi + 1)
        out.append((c, pos(c), end))
    return out


def told_kind(s: Sent, c: ClaimMention, f: Frame) -> str:
    """Returns the kind of act a source tells: «قال مصدر إن عبوة ناسفة انفجرت بالسيارة» → Remote explosive/landmine/IED."""
    lo, hi = next(((lo, hi) for o, lo, hi in reaches(s) if o == c), (s.lo, s.hi + 1))
    kinds = [t.sub_event_type for t in s.triggers if lo < t.first < hi and t.polarity == "asserted"
             and t.event_type == f.event_type and t.sub_event_type in PRECEDENCE]
    # of several words for it («انفجرت بها عبوة ناسفة»), the most telling by ACLED's precedence
    return min(kinds, key=PRECEDENCE.__getitem__) if kinds else f.sub_event_type


def claimants(s: Sent) -> list[ClaimMention]:
    """Returns the groups a sentence says claim an attack: «وتبنى تنظيم الدولة التفجير» → IS asserts its own act.

    The claimant is the party right after the claim word («وتبنت هيئة تحرير الشام») or right before
    it («نشرت جبهة النصرة بيانا تبنت فيه العملية»); «نفى مسؤوليته» is a denial, not a claim.
    """
    words, denial, blame = cue_set("responsibility"), cue_set("denial"), cue_set("accuse")
    out = []
    for k, w in enumerate(s.words):
        if w not in words or any(x in denial for x in s.words[max(0, k - 2):k]):
            continue
        # «وحمّلت الشبكة الطيران الروسي المسؤولية»: the party blamed claims nothing
        if any(x in blame for x in s.words[max(0, k - 5):k]):
            continue
        cue = s.lo + k
        after = [a for a in s.actors if 0 < a.first - cue <= 2]
        before = [a for a in s.actors if 0 < cue - a.last <= 3]
        who = after[0] if after else before[-1] if before else None
        if who is not None and who.actor != "CIVILIANS":
            out.append(ClaimMention(who.first, who.last, who.actor, "asserts", "claim:responsibility", cue))
    return out


def claim_reach(s: Sent, c: ClaimMention) -> tuple[int, int]:
    """Returns the tokens a claim of responsibility speaks over: from its cue to the next claim's cue."""
    end = min((o.cue for o in claimants(s) if o.cue > c.cue), default=s.hi + 1)
    return c.cue, end


def claimed_victim(first: dict, groups: list[str]) -> str | None:
    """Returns the party a claim says was hit: «تبنى جيش الإسلام التفجير … مقتل 30 من قوات النظام» → SYR_GOV."""
    for g in groups:
        s, c = first[g]
        lo, hi = claim_reach(s, c)
        hit = next((m.actor for m in s.actors if lo < m.first < hi and m.actor not in groups), None)
        if hit is not None:
            return hit
    return None


def claimed_toll(s: Sent, c: ClaimMention) -> list:
    """Returns the killed a claimant counts: «تبنت الهيئة العملية وقالت إن الحصيلة 18 قتيلا» → [18]."""
    lo, hi = claim_reach(s, c)
    return [k for k in s.casualties if k.kind == "killed" and lo < k.first < hi]
