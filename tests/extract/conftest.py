"""Fixtures for extraction tests: one real spaCy pipeline per session, fixture gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from plotwatch.extract import Extractor

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(FIXTURES)
