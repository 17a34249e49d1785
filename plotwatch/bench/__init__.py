"""Benchmarks: figures are measured here, never asserted in timed tests."""
