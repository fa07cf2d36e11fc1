"""One example under the microscope: the lookup, the average, the scores, one update."""

import numpy as np
import pytest

from explorer.models.word2vec.microscope import inspect_example, pick_example
from explorer.models.word2vec.trainer import Word2VecConfig, init_state, train_steps
from explorer.text.samples import load_sample_text
from explorer.text.tokenize import tokenize


@pytest.fixture(scope="module")
def sentences():
    return tokenize(load_sample_text("english"))


@pytest.mark.parametrize("negative", [5, 0])
def test_view_is_consistent_and_the_update_helps(sentences, negative):
    state, _ = train_steps(init_state(sentences, Word2VecConfig(negative=negative)), 200)
    W_before = state.W.copy()
    ex = pick_example(state, "kitten")
    view = inspect_example(state, ex)
    assert view.target_word == "kitten"
    assert len(view.context_words) == 2 * state.config.window  # a full window was found
    np.testing.assert_allclose(view.rows, state.W[ex.context])
    np.testing.assert_allclose(view.h, state.W[ex.context].mean(axis=0), rtol=1e-6)
    assert np.all(np.diff(view.top_probs) <= 0) and view.top_probs.sum() <= 1 + 1e-9
    assert view.p_target_after > view.p_target_before
    assert (len(view.negative_words) == negative) and (
        len(view.scores) == negative + (negative > 0)
    )
    np.testing.assert_array_equal(state.W, W_before)  # the state is untouched


def test_unknown_word_is_named(sentences):
    state = init_state(sentences[:200], Word2VecConfig())
    with pytest.raises(KeyError, match="xyzzy"):
        pick_example(state, "xyzzy")


def test_hierarchical_softmax_shows_the_targets_path(sentences):
    config = Word2VecConfig(negative=0, hs=1)
    state, _ = train_steps(init_state(sentences, config), 200)
    view = inspect_example(state, pick_example(state, "kitten"))
    tree, t = state.tree, state.vocab.key_to_index["kitten"]
    np.testing.assert_array_equal(view.path_nodes, tree.point(t))
    np.testing.assert_array_equal(view.path_codes, tree.code(t))
    # p(target | context) is the product of the turns' probabilities on its path
    assert np.prod(view.path_probs) == pytest.approx(view.p_target_before, rel=1e-9)
    assert np.all((view.path_probs > 0) & (view.path_probs < 1))
    assert view.p_target_after > view.p_target_before
    assert view.top_probs.sum() <= 1 + 1e-9 and not view.negative_words
