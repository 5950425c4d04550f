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
    "clitics": "وأسفرت الغارة عن دمار واسع، وبالغارة الثانية سقط جرحى للمرصد.",
}


@pytest.fixture
def conn(tmp_path, monkeypatch):
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    with storage.Store.open(str(tmp_path / "s.db"), create=True) as store:
        store.ingest(((Article(k, v), "t") for k, v in REPORTS.items()), storage.Extractor())
        yield store.conn


@pytest.mark.parametrize("query, ids", [
    ("غارة", {"tashkil", "ta-marbuta-as-ha", "clitics"}),
    ("غارةٌ", {"tashkil", "ta-marbuta-as-ha", "clitics"}),
    ("غاره", {"tashkil", "ta-marbuta-as-ha", "clitics"}),
    ("الغارة", {"clitics"}),
    ("المرصد", {"clitics"}),
    ("ادلب", {"tashkil", "hamza"}),
    ("إدلب غارة", {"tashkil"}),
    ("الامم", {"hamza"}),
    ("مساعد*", {"hamza"}),
    ("غارات", set()),
])
def test_search_ignores_diacritics_hamza_ta_marbuta_and_proclitics(conn, query, ids):
    assert {hit["article_id"] for hit in search.search(conn, query, 10)} == ids


def test_snippet_quotes_the_original_text_around_the_match():
    text = "مقدمة طويلة " * 20 + "شنّت طائراتٌ حربية غارةً عنيفةً على بلدة كفرنبل" + " خاتمة" * 30
    cut = search.snippet(text, "غارة", width=30)
    assert "غارةً عنيفةً" in cut and cut.startswith("… ") and cut.endswith(" …")
    assert all(word in text.split() for word in cut.strip("… ").split())  # whole words only


@pytest.mark.parametrize("query, quoted", [("غارة", "وأسفرت الغارة عن"), ("بالغارة", "وبالغارة الثانية")])
def test_snippet_finds_a_word_behind_its_proclitics(query, quoted):
    assert quoted in search.snippet(REPORTS["clitics"], query, width=12)


def test_reextract_rebuilds_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    with storage.Store.open(str(tmp_path / "x.db"), create=True) as store:
        store.ingest(((Article(k, v), "t") for k, v in REPORTS.items()), storage.Extractor())
        store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        assert list(search.search(store.conn, "غارة", 10)) == []
        store.reextract(storage.Extractor())
        assert len(list(search.search(store.conn, "غارة", 10))) == 3


@pytest.mark.parametrize("query", ["", "  ", "«»!؟"])
def test_a_query_without_words_is_an_error(query):
    with pytest.raises(search.SearchError):
        search.match_expression(query)


def test_fts_syntax_in_a_query_is_searched_as_words(conn):
    assert list(search.search(conn, 'غارة OR "NEAR(', 10)) == []
    assert search.match_expression('غارةٌ AND إدلب*') == '"غاره" "and" "ادلب"*'
