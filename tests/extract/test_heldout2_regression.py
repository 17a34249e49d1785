"""End-to-end regression over eval/heldout2, the second held-out set (slow).

Its articles and gold were committed before the extractor was first run on them; rules were
then written from its errors, so the floors sit a little below the current, partly tuned
figures (the untuned first run is in eval/heldout2/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.floors import evaluate_set, right

HELDOUT2 = Path(__file__).resolve().parents[2] / "eval" / "heldout2"


@pytest.mark.slow
def test_heldout2_reads_all_articles() -> None:
    from plotwatch.ingest.sources import iter_inputs
    from plotwatch.types import RawArticle

    items = list(iter_inputs([str(HELDOUT2)]))
    articles = [a for a in items if isinstance(a, RawArticle)]
    assert len(articles) == len(items) == 10
    assert all(a.text.strip() and a.published is not None for a in articles)


@pytest.mark.slow
def test_heldout2_regression_incident_f1(tmp_path: Path) -> None:
    result = evaluate_set(HELDOUT2, tmp_path, gold=63)
    # untuned first run (c54aeb4): TP 10, FP 13, FN 35, F1 0.29, date 0.70, status 0.90,
    # place 0.70, agent state 1.00, actor recall 0.64. After rules written from its errors
    # (d78bd70): TP 25, FP 10, FN 20, F1 0.625, date 0.76, status 0.96, place 0.68, actor
    # recall 0.45 (27 of the 60 actors of the 25 matched events; it was 16 of 31 over 13
    # matched events: the events matched since have actors harder to find). After the rules
    # written from held-out 3's errors: TP 27, FP 9, FN 18, F1 0.667, date 0.78, status 0.96,
    # place 0.70, actor recall 0.55 (35 of 64); after the rules of extract-r5 (arrest warrants,
    # counts of the dead, acts a charge is for): TP 28, FP 7, FN 17, F1 0.700, date 0.75,
    # status 0.93, place 0.68, actor recall 0.55 (36 of 66)
    assert result["f1"] >= 0.67
    assert result["tp"] >= 26
    assert result["accuracy"]["date"] >= 0.74
    assert result["accuracy"]["status"] >= 0.90
    # the learned mention filter adds incidents with no agent state and no country: the
    # floors are on the counts (with the second filter: place 20 of 31, agent state 28 of 31)
    assert right(result, "place") >= 19
    assert right(result, "agent_state") >= 27
    assert result["actor_recall"] >= 0.50
    assert result["actors_found"] >= 33
