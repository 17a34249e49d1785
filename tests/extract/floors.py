"""Floors of the regression tests over the evaluation sets."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def right(result: dict[str, Any], field: str) -> int:
    """How many matched incidents have ``field`` right: the learned mention filter adds matches
    with no agent state and no country, which lower the share while the count stays or rises,
    so floors on these fields are on the count."""
    return round(result["accuracy"][field] * result["tp"])


def evaluate_set(folder: Path, tmp_path: Path, *, gold: int, articles: int = 10) -> dict[str, Any]:
    """Ingest an evaluation set's articles into a fresh database with the shipped extractor and
    score its incidents against the set's gold (``gold`` and ``articles``: the counts the set
    must hold, so that a lost article or gold line fails before any floor)."""
    from plotwatch.evaluate import evaluate, load_gold
    from plotwatch.extract import Extractor
    from plotwatch.pipeline import ingest
    from plotwatch.store.db import Store
    from plotwatch.store.queries import list_incidents

    records = load_gold(folder / "gold.jsonl")
    assert len(records) == gold
    store = Store(f"sqlite:///{tmp_path / (folder.name + '.db')}")
    report = ingest(store, [str(folder)], extractor=Extractor())
    assert len(report.added) == articles
    return evaluate(list_incidents(store), records).to_dict()
