"""End-to-end regression over eval/heldout6, the sixth held-out set (slow).

Its articles and gold were committed before the extractor was first run on them, and it was
run once, sealed, on the rules of 542e5f0 (eval/heldout6/README.md), then opened: rules were
read from its errors (fb1b564: TP 34, FP 8, FN 8, F1 0.810). The floors sit a little below the
figures after those rules, so that no later change loses what they found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT6 = Path(__file__).resolve().parents[2] / "eval" / "heldout6"


@pytest.mark.slow
def test_heldout6_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT6, tmp_path, gold=53)
    # the single sealed run (542e5f0): TP 20, FP 6, FN 22, F1 0.588, date 0.85, status 1.00,
    # place 0.65, agent state 1.00, actors 30 of 59 (0.51). Dating "shortly/soon afterwards" to
    # the month of the last date (which fixed a samples arrest fused with another) cost one
    # match here: TP 19, FP 7, FN 23, F1 0.559, seen as counts only (the set was not read).
    # after the rules read from it (fb1b564): TP 34, FP 8, FN 8, F1 0.810, date 0.94, status
    # 1.00, place 0.71, agent state 1.00, actors 52 of 102
    assert result["f1"] >= 0.77
    assert result["tp"] >= 32
    assert result["accuracy"]["date"] >= 0.88
    assert result["accuracy"]["status"] >= 0.94
    # places as a count: a match added with its place wrong lowers the share, not what was
    # found (24 places right of 36, then of 37 once a victim described by office was shot)
    assert right(result, "place") >= 23
    assert result["accuracy"]["agent_state"] >= 0.94
    assert result["actors_found"] >= 48
