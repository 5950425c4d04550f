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
