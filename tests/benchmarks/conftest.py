"""The benchmarks are scripts (``python tests/benchmarks/bench_pipeline.py``) that print tables, not tests."""

collect_ignore_glob = ["bench_*.py"]
