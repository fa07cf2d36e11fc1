"""The projection map's Plotly figure: groups in colour, examples emphasised, labels apart."""

import numpy as np

from explorer.charts.maps import (
    OTHER,
    PALETTE,
    label_positions,
    projection_map,
    text_width,
)

WORDS = ["the", "cat", "kitten", "of", "king", "queen", "people"]
XY = np.array([[0, 0], [5, 5], [5.2, 5], [0.5, 0], [-5, 5], [-5.1, 5.1], [0, -3]], dtype=float)
GROUPS = ["", "animals", "animals", "", "royalty", "royalty", ""]


def traces(fig: dict) -> dict[str, dict]:
    return {t["name"]: t for t in fig["data"]}


def shown_labels(trace: dict) -> list[str]:
    return [t for t in trace.get("texttemplate", []) if t]


def test_groups_in_colour_over_grey_other_words():
    fig = projection_map(XY, WORDS, GROUPS, labelled=["cat", "people"])
    t = traces(fig)
    assert list(t) == ["other words", "animals", "royalty"]  # the grey ones drawn underneath
    assert t["other words"]["marker"]["color"] == OTHER
    assert [t["animals"]["marker"]["color"], t["royalty"]["marker"]["color"]] == PALETTE[:2]
    assert t["animals"]["textfont"]["color"] == PALETTE[0]  # a group's labels in its colour
    assert shown_labels(t["other words"]) == ["people"]
    assert shown_labels(t["animals"]) == ["cat"]
    rows = sorted(r for tr in fig["data"] for r in tr["customdata"])
    assert rows == list(range(len(WORDS)))  # every point once, its row as customdata


def test_examples_are_larger_outlined_and_bold():
    fig = projection_map(XY, WORDS, GROUPS, labelled=["cat", "kitten"], emphasis=["cat", "kitten"])
    animals = traces(fig)["animals"]
    assert animals["marker"]["size"] == [13, 13]
    assert animals["marker"]["line"]["width"] == [1.5, 1.5]
    assert shown_labels(animals) == ["<b>cat</b>", "<b>kitten</b>"]
    assert animals["text"] == ["cat", "kitten"]  # the hover text stays plain
    other = traces(fig)["other words"]
    assert other["marker"]["size"] == 8 and "line" not in other["marker"]


def test_without_groups_one_trace_and_3d_takes_no_outline_array():
    fig = projection_map(XY, WORDS, labelled=["cat"], emphasis=["cat"])
    assert [t["name"] for t in fig["data"]] == ["words"]
    xyz = np.column_stack([XY, np.arange(len(WORDS))])
    fig3 = projection_map(xyz, WORDS, GROUPS, labelled=["cat"], emphasis=["cat"])
    assert all(t["type"] == "scatter3d" and "line" not in t["marker"] for t in fig3["data"])


def test_labels_step_out_of_each_others_way():
    alone = label_positions(np.array([[0.0, 0], [100, 100]]), ["cat", "dog"])
    assert alone == ["top center", "top center"]
    xy = np.array([[0.0, 0], [0.02, 0], [0.04, 0.01], [50, 50], [-50, -50]])
    words = ["king", "queen", "prince", "", ""]
    where = label_positions(xy, words)
    assert len(set(where[:3])) == 3  # three labels on one spot: three sides
    assert where[3:] == ["top center", "top center"]  # unlabelled points keep the default


def test_labels_placed_overlap_less_than_all_on_top():
    rng = np.random.default_rng(0)
    xy = rng.normal(size=(40, 2))
    words = [f"word{i}" for i in range(40)]
    placed = label_positions(xy, words)

    def overlap(positions: list[str]) -> float:  # the same geometry the function assumes
        from explorer.charts.maps import _CORNER, POSITIONS, _overlap

        span = np.ptp(xy, axis=0) * 1.1
        scale = min(800 / span[0], 540 / span[1])
        boxes = []
        for (cx, cy), w, p in zip(xy * scale, words, positions, strict=True):
            a, b, c, e = _CORNER[POSITIONS.index(p)]
            x0, y0 = cx + a * text_width(w) + b * 5, cy + c * 18.75 + e * 5
            boxes.append((x0, y0, x0 + text_width(w), y0 + 18.75))
        boxes = np.array(boxes)
        return float(_overlap(boxes, boxes).sum() - (boxes[:, 2:] - boxes[:, :2]).prod(1).sum())

    assert overlap(placed) < 0.5 * overlap(["top center"] * 40)


def test_text_width_counts_cjk_as_one_em():
    assert text_width("猫猫", 10) == 20
    assert text_width("cat", 10) < text_width("cat", 10, bold=True) < 20
