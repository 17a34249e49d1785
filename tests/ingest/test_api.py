"""The public API of plotwatch.ingest is explicit and sorted."""

from __future__ import annotations

import plotwatch.ingest as ingest


def test_api_all_is_sorted_and_exported() -> None:
    assert list(ingest.__all__) == sorted(ingest.__all__)
    for name in ingest.__all__:
        assert hasattr(ingest, name), name


def test_api_default_max_bytes() -> None:
    assert ingest.DEFAULT_MAX_BYTES == 20 * 1024 * 1024
