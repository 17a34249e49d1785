"""End-to-end regression over eval/heldout18, the eighteenth held-out set (slow).

Its articles and gold were committed before the extractor was first run on them, and it was
run once, sealed, on ab12aae (the extraction rules and mention filter of c6edda9;
eval/heldout18/README.md).
The floors sit a little below that run's figures, so that no later change loses what the
rules then found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT18 = Path(__file__).resolve().parents[2] / "eval" / "heldout18"


@pytest.mark.slow
def test_heldout18_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT18, tmp_path, gold=100)
    # the single sealed run (ab12aae): TP 23, FP 18, FN 40, F1 0.442, date 0.87 (20 of 23),
    # status 1.00 (23 of 23), place 0.43 (10 of 23), agent state 0.48 (11 of 23), actors 30 of 58
    assert result["f1"] >= 0.40
    assert result["tp"] >= 21
    assert right(result, "date") >= 18
    assert right(result, "status") >= 21
    assert right(result, "place") >= 8
    assert right(result, "agent_state") >= 9
    assert result["actors_found"] >= 27
