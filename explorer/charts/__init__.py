"""Arrays in, chart specs out (Vega-Lite and Plotly); no Streamlit."""
