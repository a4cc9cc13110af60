"""Benchmarks for baocao: run ``python bench/run.py`` (see bench/README.md)."""
