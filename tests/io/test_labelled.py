"""A user's labelled table: read safely, every refusal a sentence, never a traceback."""

import pytest

from explorer.io.labelled import read_labelled, table_columns_of
from explorer.io.uploads import UploadError

ROWS = [("great film", "pos"), ("dull plot", "neg"), ("lovely acting", "pos"),
        ("awful mess", "neg"), ("warm story", "pos"), ("boring", "neg")]  # fmt: skip


def table(rows=ROWS, header="review,label", sep=",", repeat=3):
    lines = [header] + [sep.join(r) for i in range(repeat) for r in
                        [(f"{t} {i}", y) for t, y in rows]]  # fmt: skip
    return ("\n".join(lines) + "\n").encode()


def test_reads_a_csv_and_a_tsv():
    data = read_labelled("r.csv", table(), "review", "label")
    assert data.label_names == ("neg", "pos")
    assert data.n_train + data.n_test == 18
    tsv = table(header="review\tlabel", sep="\t")
    assert table_columns_of("r.tsv", tsv) == ["review", "label"]
    assert read_labelled("r.tsv", tsv, "review", "label").n_test == data.n_test


def test_numeric_labels_count_the_larger_as_positive():
    rows = [(t, "1" if y == "pos" else "0") for t, y in ROWS]
    data = read_labelled("r.csv", table(rows), "review", "label")
    assert data.label_names == ("0", "1")


@pytest.mark.parametrize(("rows", "text", "label", "says"), [
    (ROWS, "review", "stars", "no column “stars”"),
    ([(t, "pos") for t, _y in ROWS], "review", "label", r"a single value \(pos\)"),
    ([(t, str(i)) for i, (t, _y) in enumerate(ROWS)], "review", "label", "has 6 values"),
    (ROWS, "review", "review", "two different columns"),
])  # fmt: skip
def test_refusals_say_what_is_wrong(rows, text, label, says):
    with pytest.raises(UploadError, match=says):
        read_labelled("r.csv", table(rows), text, label)


def test_too_few_rows_empty_labels_and_wrong_files():
    with pytest.raises(UploadError, match="needs at least 10"):
        read_labelled("r.csv", table(repeat=1), "review", "label")
    with pytest.raises(UploadError, match="is empty"):
        read_labelled("r.csv", b"review,label\nfine,\ngood,\n", "review", "label")
    with pytest.raises(UploadError, match="not a table"):
        table_columns_of("r.txt", b"just text")
    with pytest.raises(UploadError):
        table_columns_of("r.csv", b"")
    with pytest.raises(UploadError, match="only one label is left"):  # duplicates dropped
        rows = [("same text", "pos")] * 10 + [("same text", "neg")]
        read_labelled("r.csv", table(rows, repeat=1), "review", "label")
