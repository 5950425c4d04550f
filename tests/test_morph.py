"""Tests of the cue-lexicon morphology (rasid/morph.py) and of the cue lexicons in rasid/data/cues/."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from rasid.morph import POS, bare_forms, cue_forms, cue_set, expand
from rasid.normalize import norm
from rasid.resources import read_text, read_tsv

ROOT = Path(__file__).resolve().parent.parent
CUES = sorted(p.stem for p in (ROOT / "rasid" / "data" / "cues").glob("*.tsv"))


def _forms(lemma, pos, imperfect="", plural=()):
    return expand(lemma, pos, imperfect, tuple(plural))


@pytest.mark.parametrize("lemma, imperfect, present, absent", [
    # defective in ى: «نفى/ينفي»
    ("نفى", "ينفي", ["ونفت", "نفوا", "تنفي", "ينفي", "نفاه", "ينفون", "ستنفي", "نفته", "نفيا"], ["نفات", "ينفيون", "نفيوا"]),
    # hollow: «قال/يقول» long stem for 3rd person, short stem for 1st/2nd
    ("قال", "يقول", ["وقال", "قالت", "فقالت", "قالوا", "يقول", "تقول", "يقولون", "قلنا", "سيقول"], ["قالتم", "قولت", "يقال"]),
    ("أشار", "يشير", ["وأشارت", "يشيرون", "تشير", "أشاروا"], ["أشارتم", "يشيرين"]),
    # hamza carried by و in the present: «أكد/يؤكد»
    ("أكد", "يؤكد", ["وأكدت", "أكدوا", "يؤكد", "تؤكد", "يؤكدون", "أكده"], ["يأكد", "أكدوون"]),
    # defective in ا, present in و: «دعا/يدعو»
    ("دعا", "يدعو", ["دعت", "ودعوا", "يدعو", "تدعو", "يدعون", "دعاه"], ["دعات", "يدعوون"]),
    # doubled: «أقر/يقر»
    ("أقر", "يقر", ["أقرت", "أقروا", "يقر", "أقررنا"], ["أقرنات", "نقر"]),
    # hamza final: sound, not defective
    ("قرأ", "يقرأ", ["قرأت", "قرأوا", "يقرأ"], ["قرت", "قروا"]),
    # form VIII via its listed present
    ("اتهم", "يتهم", ["واتهمت", "اتهموا", "تتهم", "يتهمون", "اتهمه"], ["تتتهم"]),
])
def test_verb_forms(lemma, imperfect, present, absent):
    got = _forms(lemma, "verb", imperfect)
    assert {norm(f) for f in present} <= got
    assert not {norm(f) for f in absent} & got


@pytest.mark.parametrize("lemma, plural, present, absent", [
    ("غارة", (), ["غارة", "الغارة", "وبالغارات", "للغارات", "غارتين", "غاراتها", "غارته", "غارتا"],
     ["الغارته", "غارةا", "غاراه"]),
    ("طفل", ("أطفال",), ["طفلا", "طفلين", "طفلان", "الأطفال", "وأطفال", "للأطفال", "أطفالهم", "طفله"],
     ["الطفله", "طفلون", "طفلي"]),
    ("قتيل", ("قتلى",), ["قتيلا", "القتلى", "قتلاهم", "وقتيلين"], ["قتلىهم", "القتلاهم"]),
    ("ليل", (), ["الليل", "لليل", "بالليل", "وليل"], ["للليل"]),
    ("مقاتل", ("مقاتلون", "مقاتلين"), ["مقاتلين", "المقاتلون", "مقاتليهم", "مقاتلا"], ["مقاتلينهم"]),
    ("مستشفى", (), ["المستشفى", "مستشفاه", "بالمستشفى"], ["مستشفىه"]),
    # a broken plural takes the accusative alif; a sound plural does not
    ("جندي", ("جنود",), ["جنودا", "جنديين", "جنودهم"], ["جنودون"]),
    ("مراسل", ("مراسلون", "مراسلين"), ["مراسلين", "مراسلا"], ["مراسليناا", "مراسلونا"]),
])
def test_noun_forms(lemma, plural, present, absent):
    got = _forms(lemma, "noun", "", plural)
    assert {norm(f) for f in present} <= got
    assert not {norm(f) for f in absent} & got


@pytest.mark.parametrize("lemma, present, absent", [
    ("جوي", ["جوية", "الجوية", "جويا", "الجويين", "بالجوي"], ["جويةه", "الجويه ها"]),
    ("مدني", ["مدنيا", "مدنيين", "المدنيون", "للمدنيين", "مدنيات"], ["المدنيينهم"]),
])
def test_adjective_forms(lemma, present, absent):
    got = _forms(lemma, "adj")
    assert {norm(f) for f in present} <= got
    assert not {norm(f) for f in absent} & got


@pytest.mark.parametrize("lemma, pos, present, absent", [
    ("منذ", "particle", ["منذ", "ومنذ", "فمنذ"], ["بمنذ", "المنذ"]),
    ("خلال", "word", ["خلال", "وخلال", "بخلال"], ["الخلال", "خلالها"]),
    ("بين", "fixed", ["بين"], ["وبين", "بينها"]),
    ("أعلن عن", "verb", ["أعلنت عن", "وأعلن عن", "يعلن عن"], ["أعلنت", "أعلن عنه"]),
])
def test_word_forms(lemma, pos, present, absent):
    got = _forms(lemma, pos, "يعلن" if pos == "verb" else "")
    assert {norm(f) for f in present} <= got
    assert not {norm(f) for f in absent} & got


@pytest.mark.parametrize("name, present, absent", [
    # «لقي» has no present: «تلقى» (received) and «يلقي» (throws) are other verbs
    ("killed", ["لقوا", "ولقي", "قتلى", "القتلى", "قتيلين", "استشهدوا"], ["تلقى", "يلقي"]),
    # «يأسر» is the name «ياسر»; «أسرة» (family) is not a capture
    ("captured", ["أسرى", "الأسرى", "أسيرا"], ["ياسر", "أسرة", "أسرته"]),
    # «يبلغ» is mostly «amounts to»
    ("speech", ["وقالت", "يقولون", "وأفادت", "أعلنوا", "أبلغت"], ["يبلغ", "تبلغ"]),
    # «الولايات المتحدة» is no province
    ("province", ["محافظة", "بمحافظة", "محافظتي", "ولاية"], ["الولايات"]),
    ("depicts", ["تظهر", "أظهرت", "صورا", "يصور"], []),
])
def test_lexicon_forms(name, present, absent):
    forms = cue_set(name)
    assert {norm(f) for f in present} <= forms
    assert not {norm(f) for f in absent} & forms


def test_bare_forms_have_no_proclitics():
    forms = bare_forms("denial")
    assert norm("نفت") in forms and norm("ينفيه") in forms
    assert norm("ونفت") not in forms


def test_cue_set_and_forms_agree():
    assert norm("ونفت") in cue_set("denial")
    assert cue_forms("denial")[norm("ونفت")] == norm("نفى")
    assert set(cue_forms("denial")) == cue_set("denial")


def test_unknown_pos_is_an_error():
    with pytest.raises(ValueError):
        expand("قال", "verbb")


# ------------------------------------------------------------------ the cue lexicons

@pytest.mark.parametrize("name", CUES)
def test_cue_lexicon_format(name):
    lines = read_text(f"cues/{name}.tsv").splitlines()
    comments = [l for l in lines if l.startswith("#")]
    assert lines[0].startswith("#"), "a cue lexicon opens with its provenance"
    assert any("provenance" in l.lower() for l in comments), "a cue lexicon names its provenance"
    header = next(l for l in lines if l.strip() and not l.startswith("#")).split("\t")
    assert header[:2] == ["lemma", "pos"]
    seen = set()
    for row in read_tsv(f"cues/{name}.tsv"):
        assert row["lemma"], row
        assert row["pos"] in POS, f"{name}: {row}"
        key = (norm(row["lemma"]), row["pos"])
        assert key not in seen, f"{name}: {row['lemma']} listed twice"
        seen.add(key)
        if row["pos"] != "verb":
            assert not row.get("imperfect"), f"{name}: only a verb has a present: {row}"
    assert cue_set(name)


_ARABIC = re.compile(r"[\u0621-\u064A]{2,}")
# A string of proclitic letters and the article («وال», «بال», «لل») is an affix, not a word.
_AFFIX = re.compile(r"[وفبلكا]+")
# Character and affix tables, not word lists: letter maps and transliteration, the morphology's own affixes.
_NOT_WORD_LISTS = {"normalize.py", "translit.py", "morph.py"}
_MAX_WORDS = 6


def _literal_word_lists():
    for path in sorted((ROOT / "rasid").rglob("*.py")):
        if path.name in _NOT_WORD_LISTS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
                elts = node.elts
            elif isinstance(node, ast.Dict):
                elts = [k for k in node.keys if k is not None]
            else:
                continue
            words = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _ARABIC.search(e.value) and not _AFFIX.fullmatch(e.value)]
            if len(words) > _MAX_WORDS:
                yield f"{path.relative_to(ROOT)}:{node.lineno} ({len(words)} words: {' '.join(words[:4])} …)"


def test_no_word_lists_in_code():
    """Cue words live in rasid/data/cues/*.tsv as lemmas: a literal of more than six Arabic words is a list."""
    assert list(_literal_word_lists()) == []
