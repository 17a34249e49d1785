"""End-to-end regression over eval/heldout16, the sixteenth held-out set (slow).

Its articles and gold were committed before the extractor was first run on them, and it was
run once, sealed, on dd7d582 (the extraction rules of 7938376 and the mention filter of
782645a; eval/heldout16/README.md).
The floors sit a little below that run's figures, so that no later change loses what the
rules then found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT16 = Path(__file__).resolve().parents[2] / "eval" / "heldout16"


@pytest.mark.slow
def test_heldout16_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT16, tmp_path, gold=107)
    # the single sealed run (dd7d582): TP 31, FP 14, FN 40, F1 0.534, date 0.90 (28 of 31),
    # status 0.97 (30 of 31), place 0.61 (19 of 31), agent state 0.61 (19 of 31), actors 43 of 90
    assert result["f1"] >= 0.49
    assert result["tp"] >= 28
    assert right(result, "date") >= 25
    assert right(result, "status") >= 27
    assert right(result, "place") >= 16
    assert right(result, "agent_state") >= 16
    assert result["actors_found"] >= 38
