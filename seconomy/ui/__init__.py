"""The Streamlit shell: the only part of seconomy that imports Streamlit."""
