"""The only package that imports Streamlit: state, the sidebar, panels, drawing."""
