"""Benchmarks: `make bench` runs every bench/bench_*.py module and prints each figure beside its reference."""
