"""The articles' worked examples on their pages, in English and 中文 (Streamlit's AppTest)."""

from streamlit.testing.v1 import AppTest

from tests import pagetest
from tests.models.test_keras import ARTICLE_SUMMARY

ZH = {"app.lang": "zh"}


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def one_hot_table(at: AppTest):
    return next(df.value for df in at.dataframe if "0 小" in df.value.columns)


# --- the embedding layer: ten characters, one-hot, and the article's 100万 x 10万 ------------


def test_ten_characters_and_their_one_hot_rows():
    at = pagetest.open_app("pages/embedding_layer.py")
    ids = next(df.value for df in at.dataframe if "小" in df.value.columns)
    assert list(ids.columns) == list("小普喜欢星海湾的朋友")
    assert ids.loc["id"].tolist() == list(range(10))
    assert "As a list of ids: `[0, 1, 7, 8, 9, 2, 3, 4, 5, 6]`. As a one-hot matrix, 10 × 10:" in (
        markdown(at)
    )  # fmt: skip
    one_hot = one_hot_table(at)
    assert one_hot.shape == (10, 10) and one_hot.to_numpy().sum() == 10
    assert one_hot.to_numpy().argmax(axis=1).tolist() == [0, 1, 7, 8, 9, 2, 3, 4, 5, 6]


def test_the_articles_one_hot_explosion():
    at = pagetest.open_app("pages/embedding_layer.py")
    text = markdown(at)
    assert "an article of 1,000,000 characters (100万) over 100,000 possible ones (10万)" in text
    assert "100,000,000,000 numbers, 400 GB as float32 (372.5 GiB)" in text
    assert "(99,000,000,000 numbers, 99万 × 10万)" in text
    assert "100万 × 10万 times 10万 × 20 gives 100万 × 20: 5,000 times fewer numbers" in text
    cost = next(t.value for t in at.table if "what goes in" in t.value.index)
    assert cost["one-hot × W"].tolist()[:3] == [
        "1,000,000 × 100,000", "100,000,000,000 (400 GB)", "2,000,000,000,000"
    ]  # fmt: skip
    assert cost["row lookup"].tolist()[2] == "0"


def test_characters_outside_the_ten_are_explained():
    at = pagetest.open_app("pages/embedding_layer.py")
    at.text_input(key="emb.ten").input("小普爱大海").run()
    assert not at.exception
    assert any("爱 大" in w.value and "no id" in w.value for w in at.warning)
    assert "As a list of ids: `[0, 1, 5]`. As a one-hot matrix, 3 × 10:" in markdown(at)
    assert one_hot_table(at).shape == (3, 10)


def test_the_embedding_layer_examples_in_chinese():
    at = pagetest.open_app("pages/embedding_layer.py", **ZH)
    assert any(s.value == "3 · 十个字的独热编码" for s in at.subheader)
    text = markdown(at)
    assert "写成 id 列表：`[0, 1, 7, 8, 9, 2, 3, 4, 5, 6]`。写成独热矩阵，10 × 10：" in text
    assert "一篇 1,000,000 字（100万）的文章" in text and "400 GB（372.5 GiB）" in text
    assert "100万 × 10万 乘以 10万 × 20 得到 100万 × 20，数的个数少了 5,000 倍" in text
    assert one_hot_table(at).to_numpy().sum() == 10


# --- Keras's Embedding layer ------------------------------------------------------------


def test_the_keras_page_reproduces_the_articles_summary():
    at = pagetest.open_app("pages/keras_embedding.py")
    assert any(c.value == ARTICLE_SUMMARY for c in at.code)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Total params"] == "160,000"
    assert metrics["Trainable params"] == "160,000"
    assert metrics["Non-trainable params"] == "0"
    # the documentation's [[4], [20]] and the shape rule on the article's (32, 10) batch
    assert any("0.25" in c.value and "-0.2" in c.value for c in at.code)
    assert "`ids = [[4], [20]]`: shape (2, 1); W: 21 × 2" in markdown(at)
    assert "Output: shape (2, 1, 2)" in markdown(at)
    assert metrics["Input ids"] == "(32, 10)"
    assert metrics["Embedding output"] == "(32, 10, 16)"
    assert metrics["After Flatten"] == "(32, 160)"


def test_the_keras_summary_follows_the_sizes_picked():
    at = pagetest.open_app("pages/keras_embedding.py")
    imdb = at.selectbox(key="keras.preset").options[2]
    at.selectbox(key="keras.preset").set_value(imdb).run()
    summary = next(c.value for c in at.code if "Model:" in c.value)
    assert "flatten (Flatten)            (None, 1920)              0         " in summary
    assert "Total params: 171,533" in summary
    preset = at.selectbox(key="keras.preset").value
    at.number_input(key=f"keras.V.{preset}").set_value(5_000).run()
    assert {m.label: m.value for m in at.metric}["Total params"] == "91,533"  # 80,000 + 11,533
    at.checkbox(key=f"keras.frozen.{preset}").check().run()
    assert {m.label: m.value for m in at.metric}["Non-trainable params"] == "80,000"
    # the first model has input_length None: a Dense after its Flatten cannot be built
    first = at.selectbox(key="keras.preset").options[0]
    at.selectbox(key="keras.preset").set_value(first).run()
    at.text_input(key=f"keras.dense.{first}").input("6, 1").run()
    assert {m.label: m.value for m in at.metric}["Total params"] == "160,000"
    assert any("Dense(6) cannot be built" in w.value for w in at.warning)


def test_the_keras_page_in_chinese():
    at = pagetest.open_app("pages/keras_embedding.py", **ZH)
    assert any(c.value == ARTICLE_SUMMARY for c in at.code)  # Keras prints English
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["参数总数"] == "160,000"
    assert metrics["Embedding 的输出"] == "(32, 10, 16)"
    assert "输出：形状 (2, 1, 2)" in markdown(at)
    at.checkbox(key=f"keras.mask.{at.selectbox(key='keras.preset').value}").check().run()
    assert any("Flatten 不支持掩码" in w.value for w in at.warning)


# --- similarity: the article's analogies and difference vectors -----------------------------


def seed_table(at: AppTest):
    return next(df.value for df in at.dataframe if "first answer" in df.value.columns)


def test_the_articles_analogies_on_the_english_corpus():
    at = pagetest.open_app("pages/similarity.py")
    table = seed_table(at)
    assert table["equation"].tolist()[:2] == [
        "walked = walking − swimming + swam", "walked − walking + swimming = swam"
    ]  # fmt: skip
    assert table["rank"].tolist() == [1, 1, 1, 1]
    assert table["first answer"].tolist() == ["walked", "swam", "china", "beijing"]
    diffs = next(df.value for df in at.dataframe if "role" in df.value.columns)
    assert diffs.index.tolist() == ["china − beijing", "france − paris", "china − paris",
                                    "china − france"]  # fmt: skip
    assert any("france − paris points nearly the way china − beijing does" in c.value
               for c in at.caption)  # fmt: skip


def test_the_articles_analogies_in_chinese():
    at = pagetest.open_app("pages/similarity.py", **{**ZH, "app.sample": "chinese"})
    table = next(df.value for df in at.dataframe if "模型的第一答案" in df.value.columns)
    assert table["等式"].tolist() == [
        "|中国| − |北京| = |法国| − |巴黎|", "巴黎 − 法国 + 中国 = 北京"
    ]  # fmt: skip
    assert table["排名"].tolist() == [1, 1]
    assert table["模型的第一答案"].tolist() == ["中国", "北京"]
    diffs = next(df.value for df in at.dataframe if "角色" in df.value.columns)
    assert diffs.index.tolist() == ["中国 − 北京", "法国 − 巴黎", "中国 − 巴黎", "中国 − 法国"]
    assert round(diffs.loc["法国 − 巴黎", "与 中国 − 北京 的余弦"], 2) == 0.82
    assert "文章写的是 |中国| − |北京| = |法国| − |巴黎|" in markdown(at)
    notice = "法国 − 巴黎 的方向和 中国 − 北京 几乎相同（余弦 0.82"
    assert any(notice in c.value for c in at.caption)
    unscored = "没有打分，这些向量里没有它的词：walked = walking − swimming + swam。"
    assert any(c.value == unscored for c in at.caption)
