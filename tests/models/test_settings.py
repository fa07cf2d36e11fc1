"""Settings tables: one declaration checks a config, draws a form and reads a link."""

import dataclasses

import numpy as np
import pytest

from explorer.models.settings import (
    Setting,
    defaults,
    is_offered,
    is_valid,
    parse,
    require_valid,
    validate,
)
from explorer.models.word2vec.settings import (
    ALPHAS,
    SETTINGS,
    config_fields,
    form_values,
)
from explorer.models.word2vec.trainer import Word2VecConfig

TABLE = (
    Setting("window", int, 2, lo=1, offer=(1, 10)),
    Setting("alpha", float, 0.05, lo=0, offer=(0.01, 0.05), widget="select_slider"),
    Setting("mode", str, "a", choices=("a", "b"), widget="radio", aliases={"Old A": "a"}),
    Setting("words", str, "", widget="text"),
)


def test_a_setting_checks_its_own_declaration():
    with pytest.raises(ValueError, match="default"):
        Setting("window", int, 0, lo=1)
    with pytest.raises(ValueError, match="default"):
        Setting("window", int, 20, lo=1, offer=(1, 10))  # valid, but not offered
    with pytest.raises(ValueError, match="widget"):
        Setting("window", int, 2, widget="dial")
    with pytest.raises(ValueError, match="label"):
        Setting("mode", str, "a", choices=("a",), choice_labels={"z": "Z"})


def test_valid_means_the_right_type_inside_the_bounds():
    window, alpha = TABLE[0], TABLE[1]
    assert is_valid(window, 1) and is_valid(window, 500) and is_valid(window, np.int64(3))
    assert not is_valid(window, 0) and not is_valid(window, 2.0) and not is_valid(window, True)
    assert is_valid(alpha, 0.3) and is_valid(alpha, np.float32(0.1)) and is_valid(alpha, 1)
    assert not is_valid(alpha, -0.1) and not is_valid(alpha, float("nan"))
    assert is_offered(window, 10) and not is_offered(window, 11)  # valid, but not in the form
    assert is_offered(alpha, 0.05) and not is_offered(alpha, 0.3)


def test_validate_drops_invalid_and_unknown_values():
    values = {"window": 50, "alpha": -1.0, "mode": "c", "words": "cat", "colour": "red"}
    assert validate(TABLE, values) == {"window": 50, "words": "cat"}
    assert validate(TABLE, values, offered=True) == {"words": "cat"}


def test_parse_reads_text_into_types_with_aliases():
    raw = {"window": "3", "alpha": "0.05", "mode": "Old A", "words": "cat, dog", "x": "1"}
    assert parse(TABLE, raw) == {"window": 3, "alpha": 0.05, "mode": "a", "words": "cat, dog"}
    bad = {"window": "3.5", "alpha": "fast", "mode": "c"}
    assert parse(TABLE, bad) == {}
    assert parse(TABLE, {"window": "99"}) == {}  # the form does not offer it
    assert parse(TABLE, {"window": "99"}, offered=False) == {"window": 99}


def test_require_valid_names_the_field_and_its_bounds():
    @dataclasses.dataclass
    class Config:
        window: int = 2
        other: str = "not in the table"

    require_valid(Config(), TABLE)
    with pytest.raises(ValueError, match=r"window must be an integer >= 1, got 0"):
        require_valid(Config(window=0), TABLE)


def test_word2vec_defaults_are_the_configs():
    assert form_values(Word2VecConfig()) == defaults(SETTINGS)
    assert Word2VecConfig(**config_fields(defaults(SETTINGS))) == Word2VecConfig()


@pytest.mark.parametrize(
    "field, value",
    [("vector_size", 0), ("window", 0), ("epochs", 0), ("min_count", 0), ("batch_size", 0),
     ("negative", -1), ("sg", 2), ("alpha", -0.01), ("seed", -1), ("epochs", 2.5)],
)  # fmt: skip
def test_the_config_rejects_values_outside_the_tables_bounds(field, value):
    with pytest.raises(ValueError, match=field):
        Word2VecConfig(**{field: value})


def test_the_config_takes_values_the_form_does_not_offer():
    # The table's bounds are the config's; the form offers a smaller range (a library user
    # trains 300 dimensions with a learning rate of 0.025 and 1,000 examples a batch).
    config = Word2VecConfig(vector_size=300, alpha=0.03, batch_size=1000, epochs=60)
    assert config.vector_size == 300
    sizes = next(s for s in SETTINGS if s.key == "vector_size")
    assert not is_offered(sizes, 300) and is_valid(sizes, 300)
    assert next(s for s in SETTINGS if s.key == "alpha").form_choices() == ALPHAS


def test_the_cross_field_checks_stay():
    with pytest.raises(ValueError, match="choose one output layer"):
        Word2VecConfig(hs=1, negative=5)
    with pytest.raises(ValueError, match="min_alpha"):
        Word2VecConfig(alpha=0.01, min_alpha=0.02)


@pytest.mark.parametrize(
    "objective, negative, hs", [("ns", 7, 0), ("softmax", 0, 0), ("hs", 0, 1)]
)
def test_the_output_layer_round_trips_through_the_form(objective, negative, hs):
    values = {**defaults(SETTINGS), "objective": objective, "negative": 7, "sg": 1}
    config = Word2VecConfig(**config_fields(values))
    assert (config.negative, config.hs, config.sg) == (negative, hs, 1)
    back = form_values(config)
    assert back["objective"] == objective and back["sg"] == 1
    assert back.get("negative") == (7 if objective == "ns" else None)  # k kept by the form


def test_old_links_labels_are_aliases():
    old = {"sg": "Skip-gram", "objective": "Hierarchical softmax"}
    assert parse(SETTINGS, old) == {"sg": 1, "objective": "hs"}
    assert parse(SETTINGS, {"sg": "CBOW", "objective": "Full softmax"}) == {
        "sg": 0, "objective": "softmax"
    }  # fmt: skip
    assert parse(SETTINGS, {"objective": "Negative sampling"}) == {"objective": "ns"}


def test_every_choice_has_a_label_and_every_setting_a_label_and_help():
    for s in SETTINGS:
        assert s.label and s.help, s.key
        assert set(s.choice_labels) == set(s.choices), s.key
