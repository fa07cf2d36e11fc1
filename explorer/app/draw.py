"""Drawing charts: Vega-Lite specs with their tables as Arrow bytes, Plotly figures,
larger text in the presenter view.

Usage:
    >>> from explorer.app import draw
    >>> draw.vega(loss_figure(steps, losses), key="train.loss")
    >>> draw.larger_text({"title": {"fontSize": 10}}, 2)
    {'title': {'fontSize': 20.0}}
"""

from __future__ import annotations

import streamlit as st

from explorer.app.view import presenter


def arrow_bytes(rows: list[dict]) -> bytes:
    # What Streamlit would send for a chart's table, made straight from the rows: its own
    # route (rows -> pandas -> Arrow) was the largest cost of a live tick under load.
    import pyarrow as pa

    table = pa.Table.from_pylist(rows)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


#: How much larger chart text is in the presenter view.
PRESENTER_CHART_SCALE = 1.35


def larger_text(node, scale: float):  # noqa: ANN001, ANN202
    # Every font size in a chart spec times ``scale``: Vega-Lite's "fontSize",
    # "labelFontSize", ... and Plotly's "size" inside "font", "textfont", "tickfont", ...
    if isinstance(node, list | tuple):
        return [larger_text(v, scale) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k.lower().endswith("fontsize") and isinstance(v, int | float):
            out[k] = round(v * scale, 1)
        elif k.endswith("font") and isinstance(v, dict):
            out[k] = {**larger_text(v, scale), "size": round(v.get("size", 12) * scale, 1)}
        else:
            out[k] = larger_text(v, scale)
    return out


def plotly(fig, where=None, **kwargs):  # noqa: ANN001, ANN201
    """Draw a Plotly figure (``st.plotly_chart``); larger text in the presenter view."""
    if presenter():
        fig = fig.to_dict() if hasattr(fig, "to_dict") else fig
        layout = {"font": {}, **fig.get("layout", {})}  # Plotly's default font: 12 px
        fig = {**fig, "layout": larger_text(layout, PRESENTER_CHART_SCALE)}
    return (where or st).plotly_chart(fig, **kwargs)


def vega(spec: dict, key: str | None = None, where=None) -> None:  # noqa: ANN001
    """Draw a Vega-Lite ``spec`` (``st.vega_lite_chart``), its tables sent as Arrow bytes.

    In the presenter view its text is larger. ``where`` is a column or container.
    """
    spec = dict(spec)
    datasets = dict(spec.pop("datasets", {}))
    data = spec.get("data")
    if isinstance(data, dict) and isinstance(data.get("values"), list):
        datasets["table"] = data["values"]
        spec["data"] = {"name": "table"}
    spec["datasets"] = {
        name: arrow_bytes(rows) if isinstance(rows, list) and rows and isinstance(rows[0], dict)
        else rows for name, rows in datasets.items()
    }  # fmt: skip
    if not spec["datasets"]:
        del spec["datasets"]
    if presenter():
        spec = larger_text(spec, PRESENTER_CHART_SCALE)
    (where or st).vega_lite_chart(spec, key=key)
