"""The segmenters for unspaced scripts: loaded once, on first use, punctuation dropped."""

from __future__ import annotations

from explorer.text import segment


def test_chinese() -> None:
    assert segment.segment_chinese("我喜欢学习数学") == ["我", "喜欢", "学习", "数学"]


def test_chinese_drops_punctuation_and_spaces() -> None:
    assert segment.segment_chinese("深度学习， 很有趣！") == ["深度", "学习", "很", "有趣"]


def test_japanese() -> None:
    tokens = segment.segment_japanese("私は猫が好きです。")
    assert tokens == ["私", "は", "猫", "が", "好き", "です"]


def test_tokenizers_are_loaded_once() -> None:
    segment.segment_japanese("猫")
    segment.segment_chinese("猫")
    janome, jieba = segment._LOADED["janome"], segment._LOADED["jieba"]
    segment.segment_japanese("犬")
    segment.segment_chinese("狗")
    assert segment._LOADED["janome"] is janome
    assert segment._LOADED["jieba"] is jieba


def test_character_fallback_keeps_combining_marks() -> None:
    assert segment.segment_characters("สวัสดี ครับ") == ["ส", "วั", "ส", "ดี", "ค", "รั", "บ"]
    assert segment.segment_characters("ខ្មែរ") == ["ខ្", "មែ", "រ"]


def test_character_fallback_drops_punctuation() -> None:
    assert segment.segment_characters("ก, ข. ๚") == ["ก", "ข"]
