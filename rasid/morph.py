"""Cue lexicons of lemmas expanded by one morphology routine into the inflected, cliticized forms a report writes."""
from __future__ import annotations

from functools import lru_cache

from .normalize import norm
from .resources import read_tsv

# Proclitic chains a content word takes in news prose: conjunction, then preposition, then article.
_CONJ = ("", "و", "ف")
_PREP = ("ب", "ل", "ك")
# Attached pronouns (object of a verb, possessor of a noun): «نفاه», «نفيها», «قصفهم».
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")
# verb: a verb by its past 3ms and (column `imperfect`) its present 3ms; noun and adj take number, possessor
# and article; word: a fixed word or phrase taking و/ف/ب/ل/ك; particle: a function word taking و/ف only;
# fixed: exactly as written (an ambiguous spelling whose other forms would be other words: «بين»).
POS = ("verb", "noun", "adj", "word", "particle", "fixed")


def _prepositions(base: str) -> set[str]:
    """Returns a base with ب/ل/ك in front, ل + ال written لل: «الغاره» → {«بالغاره», «للغاره», «كالغاره»}."""
    out = set()
    for prep in _PREP:
        if prep == "ل" and base.startswith("ال") and len(base) > 2:
            # «ل» + «الليل» is «لليل»: the article's alef and, before a lam, its lam are dropped
            out.add("ل" + base[2:] if base[2] == "ل" else "لل" + base[2:])
        else:
            out.add(prep + base)
    return out


def _with_clitics(forms: set[str], article: set[str], preps: bool = True) -> set[str]:
    """Returns forms with conjunction, preposition and (for `article` ones) «ال»: «غاره» → {«وبالغاره», «للغاره», …}."""
    bases = set(forms) | {"ال" + f for f in article if " " not in f}
    with_prep = set(bases)
    if preps:
        for base in bases:
            with_prep |= _prepositions(base)
    return {conj + f for f in with_prep for conj in _CONJ}


def _objects(forms: set[str]) -> set[str]:
    """Returns verb forms with an object pronoun: «نفوا» → «نفوه», «ينفي» → «ينفيه», «قالت» → «قالته»."""
    out = set()
    for f in forms:
        if f.endswith("تم"):  # «قلتم» + «ه» is «قلتموه»: rare, left out
            continue
        base = f[:-1] if f.endswith("وا") else f  # the 3mp alef is dropped before a pronoun: «نفوه»
        out |= {base + p for p in _PRONOUNS}
    return out


def _past(raw: str, past: str, imperfect: str) -> set[str]:
    """Returns the past person forms: «قال» → {«قالت», «قالوا», «قالا», «قلت», «قلنا», …}."""
    if raw.endswith("ى") or (raw.endswith(("ا", "ي")) and len(past) > 2):
        base = past[:-1]
        if raw.endswith("ا"):  # «دعا، بدا»: «دعت», «دعوا», «دعونا»
            return {past, base + "ت", base + "وا", base + "ونا", base + "وت"}
        # «نفى»: «نفت», «نفوا», «نفيا», «نفتا», «نفينا», «نفيت», «نفيتم»
        return {past, base + "ت", base + "وا", base + "يا", base + "تا", base + "ينا", base + "يت", base + "يتم"}
    third = {past, past + "ت", past + "وا", past + "ا", past + "تا"}
    if len(past) >= 3 and past[-2] == "ا" and len(imperfect) >= 3 and imperfect[-2] in "وىاي":
        short = past[:-2] + past[-1]  # hollow: «قال» → «قلت», «أشار» → «أشرنا»
    elif len(past) == 2 or (len(past) == 3 and past[0] == "ا" and imperfect == "ي" + past[1:]):
        short = past + past[-1]  # doubled: «رد» → «رددنا», «أقر» → «أقررنا»
    else:
        short = past
    return third | {short + "ت", short + "نا", short + "تم"}


def _present(raw: str, imperfect: str) -> set[str]:
    """Returns the present person forms: «ينفي» → {«تنفي», «ينفون», «ينفيان», «تنفين», «ينفوا», …}."""
    stem = imperfect[1:] if imperfect[0] in "يتان" else imperfect
    # no 1st singular «أ»: rare in reports and it spells other words («يعلن» → «أعلن», «يرى» → «أري»); no «ن»
    # on a two-letter stem: «يقر» → «نقر», «يصر» → «نصر» are other words
    out = {"ي" + stem, "ت" + stem} | ({"ن" + stem} if len(stem) > 2 else set())
    if raw.endswith(("ي", "ى")) and len(stem) > 1:  # «ينفي، يرى»: «ينفون», «يرون», «تنفين»
        out |= {p + stem[:-1] + s for p in "يت" for s in ("ون", "وا")} | {p + stem + "ان" for p in "يت"}
        out.add("ت" + stem[:-1] + "ين")
    elif raw.endswith("و") and len(stem) > 1:  # «يدعو»: «يدعون», «يدعوان», «لم يدعوا»
        out |= {p + stem + s for p in "يت" for s in ("ن", "ان", "ا")}
    else:
        out |= {p + stem + s for p in "يت" for s in ("ون", "ان", "وا")} | {"ت" + stem + "ين"}
    return out


def verb_forms(past: str, imperfect: str = "") -> set[str]:
    """Returns the person forms of a verb from its past and present 3rd masculine: «نفى», «ينفي» → {«نفت», «نفوا», «تنفي», …}."""
    raw_past, raw_present = past.strip(), imperfect.strip()
    past, imperfect = norm(raw_past), norm(raw_present)
    out = _past(raw_past, past, imperfect)
    if raw_past.endswith("ى"):  # «نفى» + «ه» is written «نفاه», «رأى» + «ه» «رآه»
        out_obj = {past[:-1] + ("" if past[-2] == "ا" else "ا") + p for p in _PRONOUNS}
    else:
        out_obj = set()
    out_obj |= _objects(out - {past} if raw_past.endswith("ى") else out)
    if imperfect:
        present = _present(raw_present, imperfect)
        present |= _objects(present)
        # future «سيقول», purpose «ليقول»: prefixes of the present only
        out |= present | {pre + f for f in present for pre in ("س", "ل")}
    return out | out_obj


def noun_forms(singular: str, plurals: tuple[str, ...] = ()) -> tuple[set[str], set[str]]:
    """Returns a noun's (article-taking, possessed) forms: «غارة» → ({«غاره», «غارات», «غارتين»}, {«غارته», «غاراتها», …})."""
    raw = singular.strip()
    singular = norm(raw)
    free, bound = {singular}, set()
    if raw.endswith("ة"):
        stem = singular[:-1]
        free |= {stem + "ات", stem + "تان", stem + "تين"}
        bound |= {stem + "تا", stem + "تي"}  # dual in construct: «غارتا الطيران»
        bound |= {stem + "ت" + p for p in _PRONOUNS} | {stem + "ات" + p for p in _PRONOUNS}
    else:
        # the accusative alif is not written after a hamza or a final alif: «شخصا» but «صحراء»
        if not raw.endswith(("ء", "ا", "ى")):
            free.add(singular + "ا")
        free |= {singular + "ان", singular + "ين"}
        possessed = singular[:-1] + "ا" if raw.endswith("ى") else singular  # «مستشفى» → «مستشفاه»
        bound |= {possessed + p for p in _PRONOUNS}
    for plural_raw in plurals:
        plural = norm(plural_raw)
        free.add(plural)
        if not plural_raw.endswith(("ة", "ى", "ء", "ا", "ي", "ين", "ون", "ات")):
            free.add(plural + "ا")  # a broken plural takes the accusative alif: «صورا», «جنودا»
        if plural_raw.endswith("ة"):
            bound |= {plural[:-1] + "ت" + p for p in _PRONOUNS}
        elif plural_raw.endswith("ى"):  # «قتلى» → «قتلاهم»
            bound |= {plural[:-1] + "ا" + p for p in _PRONOUNS}
        elif plural.endswith("ين"):  # «مقاتلين» → «مقاتليهم»
            bound |= {plural[:-1] + p for p in _PRONOUNS}
        elif not plural.endswith("ون"):
            bound |= {plural + p for p in _PRONOUNS}
    return free, bound


def adjective_forms(masculine: str, plurals: tuple[str, ...] = ()) -> set[str]:
    """Returns the gender and number forms of an adjective: «تركي» → {«تركيه», «تركيان», «تركيون», «تركيات», …}."""
    masculine = norm(masculine)
    out = {masculine, masculine + "ا", masculine + "ه", masculine + "ان", masculine + "ين", masculine + "ون",
           masculine + "تان", masculine + "تين", masculine + "ات"}
    return out | {norm(p) for p in plurals}


def _multiword(lemma: str, rest: str, forms: set[str]) -> set[str]:
    """Returns the forms of a phrase's first word with the rest of it: «أعلنت» + « عن» → «أعلنت عن»."""
    return {f + rest for f in forms} if rest else forms


def expand(lemma: str, pos: str, imperfect: str = "", plurals: tuple[str, ...] = (),
           proclitics: bool = True) -> set[str]:
    """Returns every form of one lexicon row, a phrase inflecting its first word: («أعلن عن», verb, «يعلن») → «وأعلنت عن»."""
    # without proclitics the forms lack و/ف/ب/ل/ك and «ال», for matchers that read through them
    head, _, tail = lemma.strip().partition(" ")
    rest = " " + norm(tail) if tail else ""
    if pos == "verb":
        forms = _multiword(head, rest, verb_forms(head, imperfect.split(" ")[0] if imperfect else ""))
        return {c + f for f in forms for c in _CONJ} if proclitics else forms
    if pos == "noun":
        free, bound = noun_forms(head, plurals)
        free, bound = _multiword(head, rest, free), _multiword(head, rest, bound)
        return _with_clitics(free | bound, free) if proclitics else free | bound
    if pos == "adj":
        forms = adjective_forms(head, plurals)
        return _with_clitics(forms, forms) if proclitics else forms
    if pos in ("word", "particle", "fixed"):
        form = norm(lemma)
        if not proclitics or pos == "fixed":
            return {form}
        return _with_clitics({form}, set(), preps=pos == "word")
    raise ValueError(f"unknown part of speech {pos!r} for {lemma!r}")


@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[dict[str, str], ...]:
    """Returns the rows of `data/cues/<name>.tsv`: ({"lemma": "نفى", "pos": "verb", …}, …)."""
    return read_tsv(f"cues/{name}.tsv")


def _row_forms(row: dict[str, str], proclitics: bool) -> set[str]:
    """Returns the forms of one row: {"lemma": "غارة", "pos": "noun"} → {«غاره», «الغارات», …}."""
    plurals = tuple(p for p in (row.get("plural") or "").split("|") if p)
    return expand(row["lemma"], row.get("pos") or "word", row.get("imperfect") or "", plurals, proclitics)


@lru_cache(maxsize=None)
def cue_forms(name: str) -> dict[str, str]:
    """Maps every form of the cue lexicon `data/cues/<name>.tsv` to its lemma: cue_forms("denial")["ونفت"] → «نفي»."""
    out: dict[str, str] = {}
    for row in _rows(name):
        lemma = norm(row["lemma"])
        for form in sorted(_row_forms(row, True)):
            out.setdefault(form, lemma)
    return out


@lru_cache(maxsize=None)
def cue_set(name: str) -> frozenset[str]:
    """Returns every form of the cue lexicon `data/cues/<name>.tsv`: «ونفت» in cue_set("denial") → True."""
    # cached itself, not through a helper: it is called in the finders' inner loops
    return frozenset(cue_forms(name))


@lru_cache(maxsize=None)
def bare_forms(name: str, pos: str = "") -> frozenset[str]:
    """Returns the forms of a cue lexicon without proclitics or article (of rows of part of speech `pos` if given): «نفت»."""
    return frozenset(f for row in _rows(name) if not pos or row.get("pos") == pos for f in _row_forms(row, False))


@lru_cache(maxsize=None)
def cue_values(name: str, column: str) -> dict[str, str]:
    """Maps every form of a cue lexicon to its row's `column`: cue_values("capitals", "source")["وموسكو"] → «RUS_GOV»."""
    out: dict[str, str] = {}
    for row in _rows(name):
        for form in sorted(_row_forms(row, True)):
            out.setdefault(form, row.get(column) or "")
    return out


def cue_rows(name: str) -> tuple[dict[str, str], ...]:
    """Returns the rows of a cue lexicon as written, for matchers that read clitics themselves: ({"lemma": "موسكو", …},)."""
    return _rows(name)


def dual_forms(singular: str) -> set[str]:
    """Returns the dual of a noun, nominative and oblique: «طفل» → {«طفلان», «طفلين»}, «امرأة» → {«امراتان», «امراتين»}."""
    raw = singular.strip()
    s = norm(raw)
    stem = s[:-1] + "ت" if raw.endswith("ة") else s
    return {stem + "ان", stem + "ين"}
