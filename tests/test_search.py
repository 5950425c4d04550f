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
def store(store_url, monkeypatch):
    """The REPORTS stored on each backend (SQLite FTS5, PostgreSQL tsvector): the same queries find the same."""
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    with storage.Store.open(store_url, create=True) as opened:
        opened.ingest(((Article(k, v), "t") for k, v in REPORTS.items()), storage.Extractor())
        yield opened


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
def test_search_ignores_diacritics_hamza_ta_marbuta_and_proclitics(store, query, ids):
    assert {hit["article_id"] for hit in search.search(store, query, 10)} == ids
    assert search.matching_articles(store, query) == ids


def test_snippet_quotes_the_original_text_around_the_match():
    text = "مقدمة طويلة " * 20 + "شنّت طائراتٌ حربية غارةً عنيفةً على بلدة كفرنبل" + " خاتمة" * 30
    cut = search.snippet(text, "غارة", width=30)
    assert "غارةً عنيفةً" in cut and cut.startswith("… ") and cut.endswith(" …")
    assert all(word in text.split() for word in cut.strip("… ").split())  # whole words only


@pytest.mark.parametrize("query, quoted", [("غارة", "وأسفرت الغارة عن"), ("بالغارة", "وبالغارة الثانية")])
def test_snippet_finds_a_word_behind_its_proclitics(query, quoted):
    assert quoted in search.snippet(REPORTS["clitics"], query, width=12)


WIPE_INDEX = {"sqlite": "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')",
              "postgresql": "DELETE FROM articles_fts"}


def test_reextract_rebuilds_the_index(store):
    store.execute(WIPE_INDEX[store.backend])
    assert list(search.search(store, "غارة", 10)) == []
    store.reextract(storage.Extractor())
    assert len(list(search.search(store, "غارة", 10))) == 3


def test_hits_carry_the_article_a_score_and_a_snippet_best_first(store):
    hits = list(search.search(store, "ادلب", 1))
    assert len(hits) == 1 and hits[0]["article_id"] in {"tashkil", "hamza"} and hits[0]["score"] > 0
    assert "إدلب" in hits[0]["snippet"] and hits[0]["events"] == 0


@pytest.mark.parametrize("query", ["", "  ", "«»!؟"])
def test_a_query_without_words_is_an_error(query):
    with pytest.raises(search.SearchError):
        search.match_expression(query)


def test_fts_syntax_in_a_query_is_searched_as_words(store):
    assert list(search.search(store, 'غارة OR "NEAR(', 10)) == []
    assert list(search.search(store, "غارة & !ادلب | 'x':*", 10)) == []
    assert search.match_expression('غارةٌ AND إدلب*') == '"غاره" "and" "ادلب"*'


@pytest.mark.parametrize("title, text", [
    (None, "شنّت طائراتٌ حربية غارةً على بلدة كفرنبل، وغارة ثانية على كفرنبل."),
    ("غارة على إدلب", "غارة على إدلب: قصفت طائرات حربية سوقاً في المدينة."),
    ("قصف مدفعي", "أفادت وكالة Reuters أن القصف طال حي الكلاسة في حلب."),
    (None, "وثّقت الشبكة مقتل ٣ مدنيين " + "ا" * 1100 + " في درعا."),
])
def test_index_words_are_the_distinct_words_of_index_text_as_postgresql_takes_them(title, text):
    # A lexeme over 2046 bytes (the run of 1,100 alefs) is one PostgreSQL refuses: it is left out.
    expected = sorted({w for w in search.index_text(title, text).lower().split()
                       if len(w.encode("utf-8")) <= search.MAX_LEXEME_BYTES})
    assert search.index_words(title, text).split() == expected
    assert "reuters" in expected or "Reuters" not in text


@pytest.mark.parametrize("index, found", [(None, {"carried"}), ("sentinel", set())])
def test_an_article_that_brings_its_index_body_is_indexed_with_it(store_url, monkeypatch, index, found):
    # A Dask worker computes the body with the store's index_body; the store then inserts it as it is.
    from rasid.scale import Analysed
    monkeypatch.setattr("rasid.pipeline.analyze", lambda article: [])
    with storage.Store.open(store_url, create=True) as db:
        body = db.index_body(None, "كلمة لا ترد في النص") if index is None else index
        db.ingest([(Analysed("carried", "قصفت طائرات حربية بلدة نوى.", index=body), "t")], storage.Extractor())
        assert search.matching_articles(db, "كلمة") == found
        assert search.matching_articles(db, "نوى") == set()  # what the text holds but the carried body does not
