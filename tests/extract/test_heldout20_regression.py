"""End-to-end regression over eval/heldout20, the twentieth held-out set (slow).

Its articles and gold were committed before the extractor was first run on them, and it was
run once, sealed, on dc24e3c (the extraction rules and mention filter read from held-out 17,
18 and 19; eval/heldout20/README.md).
The floors sit a little below that run's figures, so that no later change loses what the
rules then found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT20 = Path(__file__).resolve().parents[2] / "eval" / "heldout20"


@pytest.mark.slow
def test_heldout20_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT20, tmp_path, gold=126)
    # the single sealed run (dc24e3c): TP 42, FP 15, FN 41, F1 0.600, date 0.86 (36 of 42),
    # status 0.98 (41 of 42), place 0.40 (17 of 42), agent state 0.55 (23 of 42), actors 45 of 79
    assert result["f1"] >= 0.56
    assert result["tp"] >= 40
    assert right(result, "date") >= 34
    assert right(result, "status") >= 39
    assert right(result, "place") >= 15
    assert right(result, "agent_state") >= 21
    assert result["actors_found"] >= 42
