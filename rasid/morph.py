"""Cue lexicons of lemmas expanded by one morphology routine into the inflected, cliticized forms a report writes."""
from __future__ import annotations

from functools import lru_cache

from .normalize import norm
from .resources import read_tsv

# Proclitic chains a content word takes in news prose: conjunction, then preposition, then article.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
# Attached pronouns (object of a verb, possessor of a noun): «نفاه», «نفيها», «قصفهم».
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")
POS = ("verb", "noun", "adj", "word")


def _with_clitics(form: str, article: bool) -> set[str]:
    """Returns a form with its proclitic chains: «غاره» → {«غاره», «وغاره», «بالغاره», «وللغاره», …}."""
    out = set()
    bases = {form}
    if article and " " not in form:
        bases.add("ال" + form)
    for base in bases:
        for conj in _CONJ:
            out.add(conj + base)
            for prep in _PREP[1:]:
                if base.startswith("ال") and prep == "ل":
                    out.add(conj + "لل" + base[2:])  # ل + ال → لل
                else:
                    out.add(conj + prep + base)
    return out


def verb_forms(past: str, imperfect: str = "") -> set[str]:
    """Returns the person forms of a verb from its past and present 3rd masculine: «نفى», «ينفي» → {«نفت», «نفوا», «تنفي», …}."""
    past, imperfect = norm(past), norm(imperfect)
    out = {past}
    if past.endswith(("ي", "ا")) and len(past) > 2:  # defective: «نفى» → «نفت», «نفوا», «نفيا»
        base = past[:-1]
        out |= {base + "ت", base + "وا", base + "يا", base + "تا", base + "ينا", base + "يت", base + "ين"}
    else:
        out |= {past + "ت", past + "وا", past + "ا", past + "تا", past + "نا", past + "تم", past + "ن"}
    if imperfect:
        stem = imperfect[1:] if imperfect[0] in "يتان" else imperfect
        for person in "يتان":
            out.add(person + stem)
        if stem.endswith("ي") and len(stem) > 2:  # «ينفي» → «ينفون», «ينفيان»
            out |= {p + stem[:-1] + "ون" for p in "يت"} | {p + stem + "ان" for p in "يت"}
        else:
            out |= {p + stem + "ون" for p in "يت"} | {p + stem + "ان" for p in "يت"} | {"ت" + stem + "ين"}
            out |= {p + stem + "وا" for p in "يت"}  # subjunctive/jussive «لم ينفوا»
    with_objects = {f + p for f in out for p in _PRONOUNS if not f.endswith("وا")}
    if past.endswith(("ي", "ا")) and len(past) > 2:  # «نفى» + «ه» is written «نفاه»
        with_objects |= {past[:-1] + "ا" + p for p in _PRONOUNS}
    with_objects |= {f[:-1] + p for f in out if f.endswith("وا") for p in _PRONOUNS}  # «نفوه»
    return out | with_objects


def noun_forms(singular: str, plurals: tuple[str, ...] = ()) -> set[str]:
    """Returns a noun's number and possessed forms: «غارة» → {«غاره», «غارات», «غارتين», «غارته», …}."""
    singular = norm(singular)
    out = {singular}
    stem = singular[:-1] if singular.endswith("ه") else singular
    fem = singular.endswith("ه")
    if fem:
        out |= {stem + "ات", stem + "تان", stem + "تين", stem + "تا", stem + "تي"}
        possessed = stem + "ت"
    else:
        out |= {stem + "ان", stem + "ين", stem + "ا", stem + "ي"}
        possessed = stem
    out |= {possessed + p for p in _PRONOUNS}
    for plural in plurals:
        plural = norm(plural)
        out.add(plural)
        pstem = plural[:-1] + "ت" if plural.endswith("ه") else plural
        out |= {pstem + p for p in _PRONOUNS}
    return out


def adjective_forms(masculine: str) -> set[str]:
    """Returns the gender and number forms of an adjective: «تركي» → {«تركيه», «تركيان», «تركيون», «تركيات», …}."""
    masculine = norm(masculine)
    out = {masculine, masculine + "ه", masculine + "ان", masculine + "ين", masculine + "ون", masculine + "تان",
           masculine + "تين", masculine + "ات"}
    if masculine.endswith("ي"):  # nisba: «تركي» → «تركيا» (accusative), «أتراك» is listed as a lemma of its own
        out.add(masculine + "ا")
    return out


def expand(lemma: str, pos: str, imperfect: str = "", plurals: tuple[str, ...] = ()) -> set[str]:
    """Returns every form of one lexicon row with its clitics: («نفى», verb, «ينفي») → {«ونفت», «تنفي», «نفوا», …}."""
    if pos == "verb":
        forms = verb_forms(lemma, imperfect)
        return {conj + f for f in forms for conj in _CONJ}
    if pos == "noun":
        return {c for f in noun_forms(lemma, plurals) for c in _with_clitics(f, article=True)}
    if pos == "adj":
        return {c for f in adjective_forms(lemma) for c in _with_clitics(f, article=True)}
    if pos == "word":
        return _with_clitics(norm(lemma), article=False)
    raise ValueError(f"unknown part of speech {pos!r} for {lemma!r}")


@lru_cache(maxsize=None)
def cue_forms(name: str) -> dict[str, str]:
    """Maps every form of the cue lexicon `data/cues/<name>.tsv` to its lemma: cue_forms("denial")["ونفت"] → «نفي»."""
    out: dict[str, str] = {}
    for row in read_tsv(f"cues/{name}.tsv"):
        pos = row.get("pos") or "word"
        plurals = tuple(p for p in (row.get("plural") or "").split("|") if p)
        lemma = norm(row["lemma"])
        for form in sorted(expand(row["lemma"], pos, row.get("imperfect") or "", plurals)):
            out.setdefault(form, lemma)
    return out


def cue_set(name: str) -> frozenset[str]:
    """Returns every form of the cue lexicon `data/cues/<name>.tsv`: «ونفت» in cue_set("denial") → True."""
    return _frozen(name)


@lru_cache(maxsize=None)
def _frozen(name: str) -> frozenset[str]:
    return frozenset(cue_forms(name))
