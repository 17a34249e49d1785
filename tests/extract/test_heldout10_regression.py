"""End-to-end regression over eval/heldout10, the tenth held-out set (slow).

Its articles and gold were committed before the extractor was first run on them, and it was
run once, sealed, on the rules of 04d5ae4 (eval/heldout10/README.md); it has not been read for
rules, but its gold is among the training data of the learned mention filter.
The floors sit a little below that run's figures, so that no later change loses what the
rules then found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT10 = Path(__file__).resolve().parents[2] / "eval" / "heldout10"


@pytest.mark.slow
def test_heldout10_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT10, tmp_path, gold=79)
    # the single sealed run (04d5ae4): TP 18, FP 17, FN 50, F1 0.349, date 0.61, status 1.00,
    # place 0.72, agent state 0.78, actors 19 of 53 (0.36)
    assert result["f1"] >= 0.31
    assert result["tp"] >= 16
    assert result["accuracy"]["date"] >= 0.55
    assert result["accuracy"]["status"] >= 0.90
    # with the learned filter (trained on this set among others): TP 34, F1 0.571; the
    # incidents it adds carry no agent state and no country, so the shares fall (0.53 each)
    # while the counts of right places and agent states rise (13 and 14 in the sealed run,
    # 18 and 18 now): the floors are on the counts
    assert right(result, "place") >= 13
    assert right(result, "agent_state") >= 14
    assert result["actors_found"] >= 17
