"""Shared paths for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from plotwatch.errors import InputError
from plotwatch.types import RawArticle

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
SAMPLES = REPO / "samples"
SHARED = REPO / ".." / "shared"


def shared_path(*parts: str) -> Path:
    """A path inside the sibling shared/ folder, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared/ folder beside the repo), which is absent")
    return path


def articles(items: list[RawArticle | InputError]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def errors(items: list[RawArticle | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
