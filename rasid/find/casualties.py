"""Killed, wounded and captured figures: a number tied to a casualty word nearby."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import PhraseMatcher, readings
from ..morph import bare_forms, cue_rows, cue_set, dual_forms
from ..normalize import norm
from ..segment import Token
from .numbers import Number, numbers

# Casualty cues (data/cues/killed.tsv, wounded.tsv, captured.tsv; eliminate.tsv kills people only); a figure
# takes the kind of the nearest cue within a few tokens. Victim nouns after a figure are civilian.tsv and fighter.tsv.
_KINDS = ("killed", "wounded", "captured")
# A figure after these words counts part of a larger toll already given.
_SUBSET = frozenset(norm(w) for w in {"بينهم", "منهم", "بينهن", "منهن", "بينها"})


@lru_cache(maxsize=1)
def _victim_nouns() -> frozenset[str]:
    """Returns the forms of the civilian and fighter nouns: «مدنيين», «عناصرها» …"""
    return cue_set("civilian") | cue_set("fighter")


@lru_cache(maxsize=1)
def _counted() -> tuple[dict[str, str], dict[str, str | None]]:
    """Returns the victim nouns that count one and two by their number: («طفل» → c, «جنديين» → f).

    A sound masculine «ـين» is a plural as often as a dual («مدنيين», «مقاتلين»): it counts no number;
    the nominative «ـان» is a dual only («قتل مدنيان» → 2).
    """
    singular: dict[str, str] = {}
    dual: dict[str, str | None] = {}
    for name, cls in (("civilian", "c"), ("fighter", "f")):
        for row in cue_rows(name):
            lemma = norm(row["lemma"])
            # a participle may be the killer: «قتل مسلح اثنين من الحرس»; nouns and nisbas name a person
            if row["pos"] == "noun" or lemma.endswith("ي"):
                singular.setdefault(lemma, cls)
            broken = row["lemma"].endswith("ة") or any(
                not norm(p).endswith(("ين", "ون")) for p in row.get("plural", "").split("|") if p)
            for form in dual_forms(row["lemma"]):
                dual.setdefault(form, cls if broken or form.endswith("ان") else None)
    return singular, dual


# «مقتل طفلها», «وزوجته»: the pronouns a victim noun may carry (ة is read as ه, so «طفلة» stays «طفله»)
_POSSESSIVE = ("هما", "هم", "هن", "ها", "ه")


def _one_person(word: str) -> str | None:
    """Returns the class (c or f) of a singular victim noun, with or without a pronoun: «طفلها» → c, «عنصره» → f."""
    singular = _counted()[0]
    if word in singular:
        return singular[word]
    stem = next((word[:-len(p)] for p in _POSSESSIVE if word.endswith(p) and word[:-len(p)] in singular), None)
    return singular[stem] if stem else None


# Counted things that are not people: a figure before one («4 صواريخ», «20 كيلومترا», «5 سنوات»,
# «48 بالمئة») counts weapons, vehicles, buildings, strikes, time, distance or a share, never victims
# (data/cues/counted_thing.tsv, without prepositions: «بقذائف» is how, not what). A figure after a word of
# data/cues/not_before_toll.tsv is a clock time, an age, a year, a share or a serial number.


@lru_cache(maxsize=1)
def _not_people() -> frozenset[str]:
    return bare_forms("counted_thing") | cue_set("percent")


# Post-nominal numbers: «مدنيين اثنين», «طفل واحد» and the definite «الجنود الخمسة» follow their noun.
_ADJECTIVAL = frozenset(norm(w) for w in {"واحد", "واحدة", "اثنان", "اثنين", "اثنتان", "اثنتين"})


@dataclass(frozen=True)
class Casualty:
    """A casualty figure at original-text-independent token span [first, last]."""

    kind: str
    value: int
    first: int
    last: int
    victims: str | None  # "civilians", "fighters" or None
    vague: bool
    hedge: str | None
    rule: str


@lru_cache(maxsize=1)
def _cue_matcher() -> PhraseMatcher:
    kinds = [(w, k) for k in _KINDS for w in sorted(bare_forms(k))]
    return PhraseMatcher(kinds + [(w, "killed") for w in sorted(bare_forms("eliminate"))], suffixes=True)


@lru_cache(maxsize=1)
def _person_only() -> frozenset[str]:
    """Returns the keys of the cues that kill only a victim noun's people: «القضاء على» → {«قضاء علي»}."""
    return frozenset(" ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in f.split())
                     for f in bare_forms("eliminate"))


def _who(tok: Token) -> str | None:
    """Names the victims a noun counts, through clitics: «والمدنيين» → civilians; «جنود» → fighters."""
    words = readings(tok.text)
    if words & cue_set("civilian"):
        return "civilians"
    if words & cue_set("fighter"):
        return "fighters"
    return None


def _victims(tokens: list[Token], after: int) -> str | None:
    """Names the victims in the two tokens after a figure: «5 من المدنيين» → civilians."""
    for tok in tokens[after + 1: after + 3]:
        who = _who(tok)
        if who:
            return who
    return None


def _bare(tok: Token) -> set[str]:
    """A token as written and without its article, but keeping «ب»: «بقذائف» is how, not what."""
    t = tok.text
    return {t, t[2:]} if t.startswith("ال") and len(t) > 3 else {t}


def _post_nominal(n: Number, tokens: list[Token]) -> bool:
    """Tells a number word that follows its noun: «مدنيين اثنين», «الجنود الخمسة» → True."""
    if n.first == 0 or not n.rule.startswith("number-word") or n.vague:
        return False
    word = tokens[n.first].text
    # «اثنين من الحرس» is a partitive head («two of the guards»), not an adjective
    if n.last + 1 < len(tokens) and tokens[n.last + 1].text == "من":
        return False
    return word in _ADJECTIVAL or word.startswith("ال")


def _not_a_toll(n: Number, tokens: list[Token], text: str) -> bool:
    """Tells figures that count no people: «4 صواريخ», «الساعة 5», «عام 2018», «48%» → True."""
    # people are counted whole: «2.6 مليون» composes, a bare «2.6» is a rate or a size
    if n.value > 20000 or (n.rule == "digits" and 1900 <= n.value <= 2100) or \
            n.rule.startswith("decimal"):
        return True
    # «يوم الاثنين» is Monday, not «the two»
    if tokens[n.first].text in ("الاثنين", "والاثنين"):
        return True
    before = tokens[n.first - 1] if n.first > 0 else None
    if before is not None and (before.text in _SUBSET or _bare(before) & cue_set("not_before_toll")):
        return True
    if n.last + 1 < len(tokens):
        nxt = tokens[n.last + 1]
        if _bare(nxt) & _not_people() or "%" in text[tokens[n.last].end:nxt.start]:
            return True
        # «500 عام» is a span of years; «قتل 5 عام 2015» dates a toll
        year_next = n.last + 2 < len(tokens) and tokens[n.last + 2].text.isdigit()
        if nxt.text in ("عام", "سنه") and not year_next:
            return True
        # «في المئة»
        if nxt.text == "في" and n.last + 2 < len(tokens) and tokens[n.last + 2].text in ("الميه", "المايه"):
            return True
    elif "%" in text[tokens[n.last].end:tokens[n.last].end + 2]:
        return True
    # «صاروخين اثنين»: the noun before a post-nominal number says what was counted
    return before is not None and _post_nominal(n, tokens) and bool(_bare(before) & _not_people())


# «ارتفع عدد القتلى/حصيلة الضحايا … إلى N»: the toll noun may stand far before «إلى» and its figure
_TOLL_HEADS = frozenset(norm(w) for w in {"قتلى", "ضحايا", "حصيلة"})
_TO = frozenset(norm(w) for w in {"إلى", "الى", "لتصل إلى"})
_RISE_REACH = 20


def _cue_for(first: int, last: int, cues, tokens: list[Token], asides: dict[int, int],
             ends: set[int]):
    """Picks the nearest cue that gives a figure its kind: «قتل 5 مدنيين» → «قتل»."""
    joined = tokens[first].text.startswith("و")
    # «قتيلين و20 جريحا»: a figure joined by «و» takes the casualty noun right after it
    if joined:
        nxt = next((c for c in cues if c.first == last + 1 and c.skip == 0), None)
        if nxt is not None:
            return nxt
    best, gap = None, 99
    for c in cues:
        # «17 جثة، و5 اعتبروا مفقودين»: the noun after 17 counts 17, not the figure joined to it
        if joined and c.last < first and c.skip == 0 and c.first - 1 in ends:
            continue
        # «عشرة آلاف شخص … وأصيب»: a cue opening a new «و» clause does not reach back
        if c.first > last and c.skip > 0 and tokens[c.first].text[0] in "وف":
            continue
        if c.last < first:
            d = first - c.last
            # a preceding cue may be separated by «عن/الى» («أسفر عن مقتل», «ارتفع الى»)
            limit = 6
            if first > 0 and tokens[first - 1].text in _TO and c.key.split()[-1] in _TOLL_HEADS:
                limit = _RISE_REACH  # «ارتفع عدد القتلى جراء الغارات على المدينة … إلى تسعة»
        else:
            d = c.first - last
            # «47 مدنيا بينهم 9 أطفال قتلوا»: a «بينهم» aside between the figure and its verb
            aside = next((a for a, b in asides.items() if last < a and b + 1 == c.first), None)
            if aside is not None:
                d -= c.first - aside
            limit = 5
        if 0 < d <= limit and d < gap:
            best, gap = c, d
    return best


def _subsets(tokens: list[Token], nums: list[Number]) -> dict[int, int]:
    """Maps each «بينهم» aside to its end: «بينهم 5 أطفال و4 نساء» → the index of «نساء»."""
    by_first = {n.first: n for n in nums}
    out = {}
    for i, tok in enumerate(tokens):
        if tok.text not in _SUBSET or i + 1 >= len(tokens):
            continue
        end = _group_end(tokens, by_first, i + 1)
        if end is None:
            continue
        # «بينهم 5 أطفال و4 نساء»: further groups joined by «و» belong to the aside too
        while end + 1 < len(tokens) and tokens[end + 1].text.startswith("و"):
            nxt = _group_end(tokens, by_first, end + 1, conj=True)
            if nxt is None:
                break
            end = nxt
        out[i] = end
    return out


def _group_end(tokens: list[Token], by_first: dict[int, Number], j: int,
               conj: bool = False) -> int | None:
    """Returns where a victim group starting at j ends: «5 أطفال» → «أطفال»; «طفلان» → itself."""
    word = tokens[j].text[1:] if conj else tokens[j].text
    singular, dual = _counted()
    if word in singular or word in dual:
        return j
    n = by_first.get(j)
    if n is None:
        return None
    k = n.last + 1
    if k < len(tokens) and tokens[k].text == "من":
        k += 1
    return k if k < len(tokens) and _who(tokens[k]) else n.last


def casualties(tokens: list[Token], text: str, nums: list[Number] | None = None) -> list[Casualty]:
    """Finds tolls: «مقتل 30 مدنيا» → killed 30 civilians; «أصيب خمسة» → wounded 5."""
    nums = numbers(tokens, text) if nums is None else nums
    cues = _cue_matcher().find(tokens)
    out: list[Casualty] = []
    asides = _subsets(tokens, nums)
    ends = {n.last for n in nums}
    cued = {i for c in cues for i in range(c.first, c.last + 1)}
    inside = {i for a, b in asides.items() for i in range(a, b + 1)}
    for n in nums:
        if n.first in inside or _not_a_toll(n, tokens, text):
            continue
        first, victims = n.first, _victims(tokens, n.last)
        if victims is None and _post_nominal(n, tokens):
            victims = _who(tokens[n.first - 1])
            # «مقتل شخص واحد»: the noun and its number are one phrase, measured from the noun
            first = n.first - 1 if victims else first
        # «من عائلة واحدة», «يوم واحد»: «واحد» describes its noun, a toll only right after a cue
        # («مقتل متظاهر واحد», «قتل واحد من المسلحين») or after a victim noun («مقتل طفل واحد»)
        if first == n.first and tokens[n.first].text in ("واحد", "واحده") and \
                not cued & {n.first - 1, n.first - 2, n.first - 3}:
            continue
        best = _cue_for(first, n.last, cues, tokens, asides, ends)
        # «القضاء على عشرات الآلاف من الوظائف»: what is eliminated is people only when a victim noun says so
        if best is None or (best.key in _person_only() and victims is None):
            continue
        kind = best.payloads[0]
        out.append(Casualty(kind, n.value, first, n.last, victims, n.vague,
                            n.hedge, f"casualty:{kind}:{n.rule}"))
    used = {(c.first, c.last) for c in out} | set(asides.items())
    # «مقتل طفل», «مقتل جنديين»: a toll written by the noun's number alone
    for c in cues:
        nxt = c.last + 1
        if nxt >= len(tokens) or any(u[0] <= nxt <= u[1] for u in used):
            continue
        word = tokens[nxt].text
        dual = _counted()[1]
        if dual.get(word):
            out.append(Casualty(c.payloads[0], 2, nxt, nxt,
                                "civilians" if dual[word] == "c" else "fighters", False, None,
                                f"casualty:{c.payloads[0]}:dual"))
        elif (one := _one_person(word)) and c.payloads[0] != "captured":
            out.append(Casualty(c.payloads[0], 1, nxt, nxt, "civilians" if one == "c" else "fighters", False, None,
                                f"casualty:{c.payloads[0]}:singular"))
    out += _self_counted(cues, tokens, nums, out)
    return _added_tolls(_coordinated(sorted(out, key=lambda c: c.first), tokens, nums), cues, tokens, text)


# How far back a toll told «in addition» looks for the toll it adds to, within one sentence
_ADDED_REACH = 20


def _added_tolls(out: list[Casualty], cues, tokens: list[Token], text: str) -> list[Casualty]:
    """Adds a toll told «in addition» to the one before: «بمقتل عنصر وإصابة 14، إضافة إلى مقتل مدني» → killed 2."""
    killed_at = {c.last: c for c in cues if c.payloads[0] == "killed"}
    result: list[Casualty] = []
    for c in out:
        cue = killed_at.get(c.first - 1)
        prev = next((p for p in reversed(result) if p.kind == "killed"), None)
        if c.kind != "killed" or cue is None or cue.first < 2 or prev is None or \
                (tokens[cue.first - 2].text, tokens[cue.first - 1].text) not in _ADDITIVE or \
                not 0 < cue.first - prev.last <= _ADDED_REACH or \
                any(ch in text[tokens[prev.last].end:tokens[cue.first].start] for ch in ".!?\n"):
            result.append(c)
            continue
        merged = Casualty("killed", prev.value + c.value, prev.first, c.last,
                          prev.victims if prev.victims == c.victims else None, prev.vague or c.vague,
                          prev.hedge, prev.rule + "+added")
        result[result.index(prev)] = merged
    return result


# ACLED codes «several» dead as 3 (EVENTS.md §2)
_SEVERAL = 3
# «عدد قتلى النظام», «حصيلة شهداء القصف»: the noun is the head of a count told by a figure elsewhere
_COUNT_HEADS = frozenset(norm(w) for w in {"عدد", "أعداد", "حصيلة", "إجمالي"})
# «لم ترد أنباء عن سقوط قتلى»: a negator up to this many words before the cue denies the toll
_NEGATION_REACH = 4


@lru_cache(maxsize=1)
def _dead_counts() -> dict[str, tuple[int, bool]]:
    """Maps the indefinite forms of the nouns of the dead to (count, vague): «شهيدين» → (2, False), «قتلى» → (3, True)."""
    out: dict[str, tuple[int, bool]] = {}
    for row in cue_rows("dead_person"):
        lemma = norm(row["lemma"])
        forms: dict[str, tuple[int, bool]] = {}
        if row["counts"] == "all":
            forms.update({lemma: (1, False), lemma + "ا": (1, False)})
            forms.update({d: (2, False) for d in dual_forms(row["lemma"])})
        forms.update({norm(p): (_SEVERAL, True) for p in row["plural"].split("|") if p})
        for form, value in forms.items():
            out[form] = value
            out["و" + form] = value
    return out


# «أسفر عن قتلى»: «عن» after a verb of result governs the toll like «سقوط» (data/cues/befell.tsv)
_RESULT = frozenset(norm(w) for w in {"أسفر", "أسفرت", "يسفر", "تسفر", "أسفرا", "أسفروا"})


def _befell(tokens: list[Token], at: int) -> bool:
    """Tells a noun of the dead told as a result: «أسفر القصف عن سقوط قتلى» → True; «معلومات عن قتلى» → False."""
    if at == 0:
        return False
    word = tokens[at - 1].text
    if word in cue_set("befell"):
        return True
    # «خلفت الغارات قتلى»: the verb's subject may stand between
    verbs = bare_forms("befell", "verb")
    if any(_bare_verb(t.text) in verbs for t in tokens[max(0, at - 3):at - 1]):
        return True
    return word == "عن" and at > 1 and _bare_verb(tokens[at - 2].text) in _RESULT


def _bare_verb(word: str) -> str:
    """Drops a conjunction glued to a verb: «وخلفت» → «خلفت», «فأسفر» → «اسفر» (normalized)."""
    return word[1:] if word[:1] in "وف" and len(word) > 3 else word


def _counts_noun(n: Number, c, tokens: list[Token]) -> bool:
    """Tells a figure that counts the noun itself: «18 قتيلا», «قتلى بالعشرات» → True; «قتيلين و20 جريحا» → False."""
    if c.last < n.first <= c.last + 2:
        return not tokens[n.first].text.startswith("و")
    # «قتل 5 مدنيين وسقط شهداء»: a «و» clause between opens another toll
    return c.first - 3 <= n.last < c.first and not any(
        t.text.startswith("و") and len(t.text) > 2 for t in tokens[n.last + 1:c.first + 1])


def _self_counted(cues, tokens: list[Token], nums: list[Number], found: list[Casualty]) -> list[Casualty]:
    """Reads a noun of the dead with no figure as its own count: «سقوط قتيلين» → 2; «سقوط قتلى وجرحى» → 3 (vague)."""
    counts = _dead_counts()
    out = []
    covered = {i for f in found for i in range(f.first, f.last + 1)}
    by_end = {n.last: n for n in nums}
    by_start = {n.first: n for n in nums}
    for c in cues:
        value = counts.get(tokens[c.last].text) if c.payloads[0] == "killed" else None
        if value is None or c.last in covered:
            continue
        # «18 قتيلا», «قتلى بالعشرات»: a figure beside the noun counts it
        beside = [by_end.get(i) for i in range(c.first - 3, c.first)] + \
            [by_start.get(i) for i in range(c.last + 1, c.last + 3)]
        if any(n is not None and _counts_noun(n, c, tokens) for n in beside):
            continue
        if c.first > 0 and tokens[c.first - 1].text in _COUNT_HEADS:
            continue
        before = tokens[max(0, c.first - _NEGATION_REACH):c.first]
        if any(t.text in cue_set("negator") for t in before):
            continue
        # «قتلى بالزبداني» (a headline), «معلومات عن قتلى»: «several dead» is a toll only as what befell
        if value[1] and not _befell(tokens, c.last):
            continue
        out.append(Casualty("killed", value[0], c.last, c.last, None, value[1], None,
                            "casualty:killed:dead-noun"))
    return out


def _noun_end(c: Casualty, tokens: list[Token]) -> int:
    """Returns where a toll's victim noun ends: «15 طفلا» → «طفلا»; «طفل واحد» → «واحد»."""
    if _who(tokens[c.first]) or tokens[c.first].text in _counted()[0] or tokens[c.first].text in _counted()[1]:
        # «مقتل طفل», «مدنيين اثنين»: the noun opens the span; «طفل واحد» may follow a singular
        nxt = c.last + 1
        return nxt if nxt < len(tokens) and tokens[nxt].text in ("واحد", "واحده") else c.last
    k = c.last + 1
    if k < len(tokens) and tokens[k].text == "من":
        k += 1
    # «خمسة إسرائيليين ومواطن»: any counted noun, unless the next word already opens a «و» group
    return k if k < len(tokens) and not tokens[k].text.startswith("و") else c.last


# How far a partitive «من …» after a figure may run before a «و» group: «9 عناصر من قوات سوريا الديمقراطية»
_PARTITIVE_REACH = 4


def _partitive_end(end: int, tokens: list[Token], by_first: dict[int, Number]) -> int:
    """Returns where «من + side» after a victim group ends, if a «و» + figure follows it:
    «9 من قسد و6 من التنظيم» → the index of «قسد»; without a further figure, `end` itself."""
    k = end + 1
    if k >= len(tokens) or tokens[k].text != "من":
        return end
    for j in range(k + 1, min(k + 1 + _PARTITIVE_REACH, len(tokens))):
        if tokens[j].text.startswith("و") and j in by_first:
            return j - 1
        if tokens[j].text in _SUBSET or tokens[j].text.startswith("و"):
            break
    return end


# «بالإضافة إلى», «إضافة إلى», «فضلا عن»: an additive phrase joins a further group of dead to a toll
_ADDITIVE = frozenset({(norm("بالإضافة"), norm("إلى")), (norm("إضافة"), norm("إلى")), (norm("فضلا"), norm("عن"))})


def _added(end: int, tokens: list[Token], by_first: dict[int, Number]) -> Number | None:
    """Returns the figure an additive phrase joins to a toll: «26 من قوات النظام بالإضافة إلى 9 روس» → 9."""
    k = end + 1
    # «من قوات النظام»: a short partitive may stand between the group and the additive
    stop = k + 1 + _PARTITIVE_REACH if k < len(tokens) and tokens[k].text == "من" else k + 1
    for j in range(k, min(stop, len(tokens) - 2)):
        if j > k and tokens[j].text in _SUBSET:
            return None
        if (tokens[j].text, tokens[j + 1].text) in _ADDITIVE:
            n = by_first.get(j + 2)
            if n is None or (n.last + 1 < len(tokens) and _bare(tokens[n.last + 1]) & _not_people()):
                return None
            return n
    return None


def _coordinated(out: list[Casualty], tokens: list[Token], nums: list[Number]) -> list[Casualty]:
    """Adds victim groups joined by «و» into one toll: «قتل 15 طفلا وامرأتان» → killed 17."""
    by_first = {n.first: n for n in nums}
    result = []
    for c in out:
        # «مقتل 9 من قسد»: a figure with a partitive counts people of a side even without a victim noun
        of_side = c.kind == "killed" and c.last + 1 < len(tokens) and tokens[c.last + 1].text == "من"
        if not c.victims and not of_side:
            result.append(c)
            continue
        end = _noun_end(c, tokens) if c.victims else c.last
        value, last, vague = c.value, c.last, c.vague
        end = _partitive_end(end, tokens, by_first)
        # «مقتل طفل وامرأة ورجل»: each further «و» group adds its own count
        while end + 1 < len(tokens) and tokens[end + 1].text.startswith("و"):
            j = end + 1
            word = tokens[j].text[1:]
            extra = 2 if _counted()[1].get(word) else 1 if _one_person(word) else None
            n = by_first.get(j)
            if extra is None and n is not None and n.last + 1 < len(tokens) and \
                    readings(tokens[n.last + 1].text) & _victim_nouns():
                extra = n.value
                vague = vague or n.vague
            # «مقتل 9 من قسد و6 من التنظيم»: the dead of each side of one clash add up
            partitive = extra is None and n is not None and c.kind == "killed" and \
                n.last + 2 < len(tokens) and tokens[n.last + 1].text == "من"
            if partitive:
                extra = n.value
                vague = vague or n.vague
            if extra is None:
                break
            value += extra
            end = last = j if n is None else n.last + 1
            if partitive:
                last = n.last
                end = _partitive_end(last, tokens, by_first)
            # «وامرأة واحدة»: the adjective «واحدة» closes a singular group
            if n is None and end + 1 < len(tokens) and tokens[end + 1].text in ("واحد", "واحده"):
                end = last = end + 1
        more = _added(end, tokens, by_first) if c.kind == "killed" else None
        if more is not None:
            value, last, vague = value + more.value, more.last, vague or more.vague
        if last == c.last:
            result.append(c)
        else:
            result.append(Casualty(c.kind, value, c.first, last, c.victims, vague, c.hedge,
                                   f"{c.rule}+sum"))
    # a figure summed into the toll before it is not a toll of its own, nor is the rest of its chain
    spans = [(c.first, c.last) for c in result if c.rule.endswith("+sum")]
    return [c for c in result if not any(a < c.first <= b for a, b in spans)]
