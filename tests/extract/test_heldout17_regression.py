"""End-to-end regression over eval/heldout17, the seventeenth held-out set (slow).

Its articles and gold were committed before the extractor was first run on them, and it was
run once, sealed, on 869dcd1 (the extraction rules and mention filter of 96d6979;
eval/heldout17/README.md).
The floors sit a little below that run's figures, so that no later change loses what the
rules then found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT17 = Path(__file__).resolve().parents[2] / "eval" / "heldout17"


@pytest.mark.slow
def test_heldout17_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT17, tmp_path, gold=112)
    # the single sealed run (869dcd1): TP 34, FP 19, FN 42, F1 0.527, date 0.82 (28 of 34),
    # status 0.94 (32 of 34), place 0.44 (15 of 34), agent state 0.53 (18 of 34), actors 31 of 81
    assert result["f1"] >= 0.48
    assert result["tp"] >= 31
    assert right(result, "date") >= 25
    assert right(result, "status") >= 29
    assert right(result, "place") >= 12
    assert right(result, "agent_state") >= 15
    assert result["actors_found"] >= 27
