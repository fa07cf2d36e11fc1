"""A Corpus built from text: counts, tables and summary figures."""

from explorer.text.corpus import Corpus


def test_counts_and_table():
    corpus = Corpus.from_text("The cat sat on the mat.\nThe dog sat.", name="tiny")
    assert corpus.n_sentences == 2
    assert corpus.n_tokens == 9
    table = corpus.frequency_table()
    assert list(table.columns) == ["rank", "word", "count", "share"]
    assert table.iloc[0].tolist()[:3] == [1, "the", 3]
    assert abs(table["share"].sum() - 1.0) < 1e-12
    assert corpus.script == "latin"


def test_empty_text_gives_an_empty_corpus():
    corpus = Corpus.from_text("", name="empty")
    assert corpus.n_sentences == 0 and corpus.n_tokens == 0 and len(corpus.vocab) == 0
    assert corpus.frequency_table().empty


def test_chinese_text():
    corpus = Corpus.from_text("我喜欢学习数学。", name="zh")
    assert corpus.sentences == [["我", "喜欢", "学习", "数学"]]
    assert corpus.script == "zh"
