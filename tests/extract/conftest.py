"""Fixtures for extraction tests: real spaCy pipelines, one per session each, on the fixture
gazetteer (``extractor``) and on the shipped gazetteer and lexicon (``ex``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plotwatch.extract import Extractor

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(FIXTURES)


@pytest.fixture(scope="session")
def ex() -> Extractor:
    """The shipped gazetteer and lexicon, for the construction tests."""
    return Extractor()
