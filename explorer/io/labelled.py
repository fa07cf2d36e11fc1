"""Read a user's labelled table (a text column and a label column) for the sentiment classifier.

Usage:
    >>> data = b"review,stars\\ngreat film,pos\\ndull plot,neg\\n" * 6
    >>> table_columns_of("reviews.csv", data)
    ['review', 'stars']
    >>> read_labelled("reviews.csv", data, "review", "stars").label_names
    ('neg', 'pos')

The file is decoded and split into cells by :mod:`explorer.io.uploads` (any encoding it
reads, the delimiter from the header line, the same size limit). Every refusal is an
:class:`~explorer.io.uploads.UploadError` with a sentence for the page: a missing column, a
label column with one value or more than two, too few rows; so a page keeps the model it
has until an upload succeeds.
"""

from __future__ import annotations

import pandas as pd

from explorer.i18n import M_, N_
from explorer.io.uploads import (
    MAX_UPLOAD_BYTES,
    TABLE_EXTENSIONS,
    UploadError,
    accepted_list,
    as_bytes,
    check_size,
    decode_upload,
    extension,
    friendly_errors,
    some_names,
    split_table,
)
from explorer.models.sentiment_data import LabelError, SentimentData, from_table

MIN_ROWS = 10  # fewer labelled rows leave a test split of one or two


def _table(name: str, data: bytes) -> tuple[list[str], list[list[str]]]:
    if extension(name) not in TABLE_EXTENSIONS:
        raise UploadError(M_("{name} is not a table: upload a {accepted} file with a text "
                            "column and a label column.").format(
            name=name, accepted=accepted_list(TABLE_EXTENSIONS)))  # fmt: skip
    data = as_bytes(data)
    check_size(name, data, MAX_UPLOAD_BYTES)
    hint = M_("Upload a table ({accepted}).").format(accepted=accepted_list(TABLE_EXTENSIONS))
    return split_table(name, decode_upload(name, data, hint=hint).text)


@friendly_errors(N_("table"))
def table_columns_of(name: str, data: bytes) -> list[str]:
    """The column names of a ``.csv`` or ``.tsv`` file; ``UploadError`` for anything else."""
    return _table(name, data)[0]


@friendly_errors(N_("table"))
def read_labelled(
    name: str, data: bytes, text_column: str, label_column: str, seed: int = 0
) -> SentimentData:
    """The table's texts and two labels, deduplicated and split (``sentiment_data.from_table``).

    The positive label is the larger of the two (1 of 0/1, pos of neg/pos, 5 of 1/5).
    """
    header, rows = _table(name, data)
    for column in (text_column, label_column):
        if column not in header:
            raise UploadError(
                M_("{name} has no column “{column}”; its columns are: {columns}.")
                .format(name=name, column=column, columns=some_names(header)))  # fmt: skip
    if text_column == label_column:
        raise UploadError(M_("Choose two different columns: one with the texts, one with the "
                            "labels."))  # fmt: skip
    t, y = header.index(text_column), header.index(label_column)
    cells = [(r[t].strip(), r[y].strip()) for r in rows if max(t, y) < len(r)]
    cells = [(text, label) for text, label in cells if text and label]
    values = list(dict.fromkeys(label for _text, label in cells))
    if not values:
        raise UploadError(M_("The label column “{column}” is empty: each row needs a label, "
                            "such as pos or neg.").format(column=label_column))  # fmt: skip
    if len(values) == 1:
        raise UploadError(M_("The label column “{column}” has a single value ({value}): a "
                            "classifier needs examples of two labels, such as pos and neg.")
                          .format(column=label_column, value=values[0]))  # fmt: skip
    if len(values) > 2:
        raise UploadError(M_("The label column “{column}” has {n} values ({values}); this "
                            "classifier tells two apart. Keep two, such as pos and neg.")
                          .format(column=label_column, n=len(values), values=some_names(values, 5)))
    if len(cells) < MIN_ROWS:
        raise UploadError(M_("{name} has {n} labelled rows; the classifier needs at least {min} "
                            "(some are held out to test it).").format(
            name=name, n=len(cells), min=MIN_ROWS))  # fmt: skip
    numeric = all(v.lstrip("-").replace(".", "", 1).isdigit() for v in values)
    frame = pd.DataFrame(cells, columns=["text", "label"])
    if numeric:
        frame["label"] = pd.to_numeric(frame["label"])
    try:
        return from_table(frame, "text", "label", seed=seed)
    except LabelError:  # only one label left once empty and repeated texts are dropped
        raise UploadError(M_("Once empty and repeated texts are left out, only one label is "
                            "left: the classifier needs examples of both.")) from None
