"""End-to-end regression over the seed articles and the background corpus (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plotwatch.extract import Extractor
from plotwatch.fuse import fuse
from plotwatch.types import SourcedMention

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
BACKGROUND = SHARED / "corpus" / "background" / "lee.jsonl"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HELDOUT = Path(__file__).resolve().parents[2] / "eval" / "heldout"


@pytest.fixture(scope="module")
def shipped() -> Extractor:
    """The extractor with the shipped gazetteer and lexicon (what ``plotwatch ingest`` uses)."""
    return Extractor()


def _evaluate_ingested(paths: list[str], gold: Path, tmp_path: Path, ex: Extractor) -> dict:
    from plotwatch.evaluate import evaluate, load_gold
    from plotwatch.pipeline import ingest
    from plotwatch.store.db import Store
    from plotwatch.store.queries import list_incidents

    store = Store(f"sqlite:///{tmp_path / 'regression.db'}")
    report = ingest(store, paths, extractor=ex)
    assert report.added
    return evaluate(list_incidents(store), load_gold(gold)).to_dict()


@pytest.mark.slow
def test_seeds_regression_incident_f1(shipped: Extractor, tmp_path: Path) -> None:
    if not SEEDS.exists():
        pytest.skip(f"shared corpus not found at {SHARED}")
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    report = _evaluate_ingested(paths, SEEDS / "gold.jsonl", tmp_path, shipped)
    # floors a little below the measured figures (F1 0.92, date 0.86, status 0.95,
    # place 0.82 (the Mykonos killings: no place in the text), agent state 1.00, actor recall 0.76)
    assert report["f1"] >= 0.85
    assert report["accuracy"]["status"] >= 0.90
    assert report["accuracy"]["agent_state"] >= 0.95
    assert report["accuracy"]["place"] >= 0.80
    assert report["accuracy"]["date"] >= 0.82
    assert report["actor_recall"] >= 0.70


@pytest.mark.slow
def test_samples_regression_incident_f1(shipped: Extractor, tmp_path: Path) -> None:
    report = _evaluate_ingested([str(SAMPLES)], SAMPLES / "gold.jsonl", tmp_path, shipped)
    # measured: F1 0.86, precision 0.97, recall 0.78, date 0.80, place 0.86, agent state 1.00,
    # actor recall 0.58
    assert report["f1"] >= 0.82
    assert report["accuracy"]["date"] >= 0.76
    assert report["accuracy"]["place"] >= 0.82
    assert report["accuracy"]["agent_state"] >= 0.95
    assert report["actor_recall"] >= 0.50


@pytest.mark.slow
def test_heldout_regression_incident_f1(shipped: Extractor, tmp_path: Path) -> None:
    """eval/heldout: articles the rules were first not written on; some later rules were
    chosen by reading their errors (see eval/heldout/README.md, docs/extraction.md)."""
    report = _evaluate_ingested([str(HELDOUT)], HELDOUT / "gold.jsonl", tmp_path, shipped)
    # measured: F1 0.90 (untuned 0.67), precision 0.94, recall 0.86, date 0.97, status 1.00,
    # place 0.88, agent state 0.97, actor recall 0.76
    assert report["f1"] >= 0.86
    assert report["accuracy"]["date"] >= 0.90
    assert report["accuracy"]["status"] >= 0.95
    assert report["accuracy"]["agent_state"] >= 0.93
    assert report["accuracy"]["place"] >= 0.82
    assert report["actor_recall"] >= 0.70


@pytest.mark.slow
def test_seeds_regression_background_stays_quiet(shipped: Extractor) -> None:
    if not BACKGROUND.exists():
        pytest.skip(f"background corpus not found at {BACKGROUND}")
    rows = [json.loads(line) for line in BACKGROUND.open()]
    mentions = [
        SourcedMention(r["id"], m)
        for r, ex in zip(rows, shipped.extract_many((r["text"], None) for r in rows), strict=True)
        for m in ex.events
    ]
    assert len(fuse(mentions)) <= 38  # 350 articles, almost none about state plots (measured 36)
