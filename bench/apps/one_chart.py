"""A one-chart page through the app's own data layer: the reference for a page's rerun and for the cold start.

One cached query (seconomy.ui.data.query, like every page), one Plotly chart, a title.
"""

import plotly.graph_objects as go
import streamlit as st

from bench.apps.figures import monthly_totals
from seconomy.ui.data import query

st.set_page_config(page_title="one chart", layout="wide")
st.title("One chart")
frame = query(monthly_totals)
st.plotly_chart(go.Figure(go.Bar(x=frame["month"], y=frame["amount"])), key="one", width="stretch")
