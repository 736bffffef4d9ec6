"""Reference apps for the page benchmarks: the least a page of this app can cost (one query, one chart)."""
