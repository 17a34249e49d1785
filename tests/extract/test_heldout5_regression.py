"""End-to-end regression over eval/heldout5, the fifth held-out set (slow).

Its articles and gold were committed before the extractor was first run on them, and it was
run once, sealed, on the rules of 11d6c52 (eval/heldout5/README.md), then opened for rules.
The floors sit a little below the figures after those rules, so that no later change loses
what the rules now find.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT5 = Path(__file__).resolve().parents[2] / "eval" / "heldout5"


@pytest.mark.slow
def test_heldout5_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT5, tmp_path, gold=53)
    # the single sealed run (11d6c52): TP 19, FP 10, FN 23, F1 0.535, date 0.79, status 1.00,
    # place 0.74, agent state 0.89, actor recall 0.55 (27 of 49). Opened for rules since:
    # TP 34, FP 3, FN 8, F1 0.861, date 0.79, status 1.00, place 0.79, agent state 0.94,
    # actors 43 of 87 (more matched incidents bring more gold actors into the ratio).
    assert result["f1"] >= 0.83
    assert result["tp"] >= 33
    assert result["accuracy"]["date"] >= 0.76
    assert result["accuracy"]["status"] >= 0.94
    # counts, as the learned filter adds matches with no state or country (with the second
    # filter: place 27 of 36, agent state 32 of 36)
    assert right(result, "place") >= 26
    assert right(result, "agent_state") >= 30
    assert result["actors_found"] >= 41
    assert result["actor_recall"] >= 0.45
