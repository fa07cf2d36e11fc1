"""Drawing's pure parts: Arrow tables for Vega-Lite, and the presenter view's larger text."""

import pyarrow as pa

from explorer.app.draw import arrow_bytes, larger_text


def test_arrow_bytes_round_trip_the_rows():
    rows = [{"word": "cat", "x": 0.5, "step": 1}, {"word": "猫", "x": -1.25, "step": 2}]
    table = pa.ipc.open_stream(arrow_bytes(rows)).read_all()
    assert table.to_pylist() == rows


def test_vega_lite_font_sizes_grow_and_nothing_else_changes():
    spec = {
        "title": {"text": "Loss", "fontSize": 14},
        "encoding": {"x": {"field": "step", "axis": {"labelFontSize": 10, "tickCount": 5}}},
        "layer": [{"mark": {"type": "text", "fontSize": 11}}],
    }
    assert larger_text(spec, 2) == {
        "title": {"text": "Loss", "fontSize": 28},
        "encoding": {"x": {"field": "step", "axis": {"labelFontSize": 20, "tickCount": 5}}},
        "layer": [{"mark": {"type": "text", "fontSize": 22}}],
    }
    assert spec["title"]["fontSize"] == 14  # the spec itself is left as it was


def test_plotly_fonts_grow_with_12_px_where_none_is_set():
    layout = {"font": {}, "xaxis": {"tickfont": {"size": 10, "color": "grey"}}, "width": 400}
    assert larger_text(layout, 1.5) == {
        "font": {"size": 18.0},
        "xaxis": {"tickfont": {"size": 15.0, "color": "grey"}},
        "width": 400,
    }
