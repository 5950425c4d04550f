"""Arabic full-text search: the index holds normalized text, snippets come from the original."""
from __future__ import annotations

import pytest

from rasid import search, store as storage
from rasid.records import Article

REPORTS = {
    "tashkil": "شنّت طائراتٌ حربية غارةً عنيفةً على بلدة كفرنبل جنوبي إدلب فجر اليوم.",
    "ta-marbuta-as-ha": "وقالت مصادر محلية إن غاره استهدفت سوقا شعبيا في معرة النعمان.",
    "hamza": "أعلنت الأمم المتحدة إرسال قافلة مساعدات إلى إدلب.",
    "other": "ارتفعت أسعار الخبز في دمشق للمرة الثالثة هذا العام.",
}


@pytest.fixture
def conn(tmp_path, monkeypatch):
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    with storage.Store.open(str(tmp_path / "s.db"), create=True) as store:
        store.ingest(((Article(k, v), "t") for k, v in REPORTS.items()), storage.Extractor())
        yield store.conn


@pytest.mark.parametrize("query, ids", [
    ("غارة", {"tashkil", "ta-marbuta-as-ha"}),
    ("غارةٌ", {"tashkil", "ta-marbuta-as-ha"}),
    ("غاره", {"tashkil", "ta-marbuta-as-ha"}),
    ("ادلب", {"tashkil", "hamza"}),
    ("إدلب غارة", {"tashkil"}),
    ("الامم", {"hamza"}),
    ("مساعد*", {"hamza"}),
    ("غارات", set()),
])
def test_search_ignores_diacritics_hamza_and_ta_marbuta(conn, query, ids):
    assert {hit["article_id"] for hit in search.search(conn, query, 10)} == ids


def test_snippet_quotes_the_original_text_around_the_match():
    text = "مقدمة طويلة " * 20 + "شنّت طائراتٌ حربية غارةً عنيفةً على بلدة كفرنبل" + " خاتمة" * 30
    cut = search.snippet(text, "غارة", width=30)
    assert "غارةً عنيفةً" in cut and cut.startswith("… ") and cut.endswith(" …")
    assert all(word in text.split() for word in cut.strip("… ").split())  # whole words only


@pytest.mark.parametrize("query", ["", "  ", "«»!؟"])
def test_a_query_without_words_is_an_error(query):
    with pytest.raises(search.SearchError):
        search.match_expression(query)


def test_fts_syntax_in_a_query_is_searched_as_words(conn):
    assert list(search.search(conn, 'غارة OR "NEAR(', 10)) == []
    assert search.match_expression('غارةٌ AND إدلب*') == '"غاره" "and" "ادلب"*'
