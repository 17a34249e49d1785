"""End-to-end regression over eval/heldout3, the third held-out set (slow).

Its articles and gold were committed before the extractor was first run on them and run once
(F1 0.439); the set was then opened and rules were written from its errors, so its figures are
no longer unseen-article figures (eval/heldout3/README.md). The floors sit a little below the
current figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT3 = Path(__file__).resolve().parents[2] / "eval" / "heldout3"


@pytest.mark.slow
def test_heldout3_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT3, tmp_path, gold=69)
    # the single untuned run (ea54d4c): TP 18, FP 9, FN 37, F1 0.439, date 0.67, status 1.00,
    # place 0.72, agent state 0.94, actor recall 0.50; after rules written from its errors:
    # TP 30, FP 8, FN 25, F1 0.645, date 0.70, status 0.97, place 0.77, agent state 1.00,
    # actor recall 0.45 (39 of 86; it counts the actors of matched incidents only); after the
    # rules written from held-out 4's errors: TP 31, FP 8, FN 24, F1 0.660, date 0.71
    # after the rules of extract-r5 (counts of the dead): TP 31, FP 7, FN 24, F1 0.667
    assert result["f1"] >= 0.65
    assert result["tp"] >= 30
    assert result["accuracy"]["date"] >= 0.66
    assert result["accuracy"]["status"] >= 0.92
    # counts, as the learned filter adds matches with no state or country (with the second
    # filter: place 27 of 37, agent state 35 of 37)
    assert right(result, "place") >= 26
    assert right(result, "agent_state") >= 33
    assert result["actor_recall"] >= 0.42
    assert result["actors_found"] >= 37
