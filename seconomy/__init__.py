"""seconomy — income concentration risk and budget scenarios for Danish social-economy enterprises.

The package is the functional core: parsing, storage, risk figures and forecasts live here as
plain functions. Nothing in it imports Streamlit except ``seconomy.ui``.
"""

__version__ = "0.1.0"
