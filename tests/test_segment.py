import pytest

from rasid.normalize import normalize
from dataclasses import replace

from rasid.segment import Token, clause_bounds, sentences, tokenize, word_tokens


def test_tokens_carry_offsets():
    text = normalize("وبريف البوكمال قُتل 3").text
    toks = tokenize(text)
    assert [t.text for t in toks] == ["وبريف", "البوكمال", "قتل", "3"]
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.index for t in toks] == [0, 1, 2, 3]


@pytest.mark.parametrize("text, count", [
    ("قصفت الطائرات البلدة. وقتل شخصان.", 2),
    ("قتل 2.5 شخص؟ لا أحد يعرف!", 2),
    ("سطر أول\nسطر ثان\n\nفقرة ثانية", 3),
    ("", 0),
])
def test_sentences(text, count):
    assert len(sentences(normalize(text).text)) == count


def test_paragraphs_are_numbered():
    sents = sentences("جملة اولى.\n\nجملة ثانيه.")
    assert [s.paragraph for s in sents] == [0, 1]


def test_clauses_split_at_commas():
    text = normalize("قصفت الطائرات دوما، وقتل خمسة (بينهم طفل)").text
    parts = [text[a:b].strip() for a, b in clause_bounds(text, 0, len(text))]
    assert parts == ["قصفت الطايرات دوما", "وقتل خمسه", "بينهم طفل"]


@pytest.mark.parametrize("raw", ["سيطرة القوات على المدينة", "وقصفت قواته البلدة"])
def test_word_tokens_are_plain_tokens(raw):
    n = normalize(raw)
    toks = word_tokens(raw, n.text, n.offsets)
    built = [Token(t.text, t.start, t.end, t.index, t.taa) for t in toks]
    assert toks == built and [hash(t) for t in toks] == [hash(t) for t in built]
    assert [t.taa for t in toks] == [w.endswith("ة") for w in raw.split()]
    assert replace(toks[0], index=9).index == 9


@pytest.mark.parametrize("raw", ["قصف_دوما... ثم «دوما» قصف، دوما", "قتل 3 و3 في 2024/3/3 بـ3 قذائف", "ـ ـ"])
def test_word_tokens_start_where_the_word_pattern_does(raw):
    # a word repeated right after itself, or inside punctuation, is found where the pattern finds it
    import re
    text = normalize(raw).text
    toks = word_tokens(raw, text, normalize(raw).offsets)
    assert [(t.text, t.start, t.end) for t in toks] == \
        [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)]


@pytest.mark.parametrize("text, spans", [
    ("قصف.  \n\nثم قتل. ", [(0, 4, 0), (8, 15, 1)]),
    (" . .\nجملة", [(0, 2, 0), (2, 4, 0), (5, 9, 1)]),
    ("جملة!\nاخرى", [(0, 5, 0), (6, 10, 1)]),
    ("\n\n .\n", [(2, 4, 1)]),
])
def test_only_blank_stretches_make_no_sentence(text, spans):
    assert [(s.start, s.end, s.paragraph) for s in sentences(text)] == spans
    assert [s.index for s in sentences(text)] == list(range(len(spans)))


@pytest.mark.parametrize("raw", ["قصفت الطائرات دوما، وقتل 3 مدنيين", "سيطرة_القوات"])
def test_word_tokens_from_a_word_list_are_the_same(raw):
    from rasid.segment import word_list
    n = normalize(raw)
    assert word_tokens(raw, n.text, n.offsets, None, word_list(n.text)) == word_tokens(raw, n.text, n.offsets)
