"""Scoring stored incidents against a gold file.

    gold.py      load_gold (checked, errors name file:line), GoldIncident, gold_to_contract
    matching.py  which prediction may match which gold row; one-to-one assignment
    scoring.py   evaluate() -> EvalReport (counts, field accuracies, per type, misses, FPs)
    render.py    Rich tables for an EvalReport

Typical use::

    report = evaluate(incidents, Path("corpus/seeds/gold.jsonl"))
    json.dumps(report.to_dict())
    report.render(console)
"""

from __future__ import annotations

from plotwatch.evaluate.gold import GoldIncident, gold_to_contract, load_gold
from plotwatch.evaluate.matching import compatible, name_matches
from plotwatch.evaluate.render import render
from plotwatch.evaluate.scoring import Counts, EvalReport, MatchedPair, evaluate

__all__ = [
    "Counts",
    "EvalReport",
    "GoldIncident",
    "MatchedPair",
    "compatible",
    "evaluate",
    "gold_to_contract",
    "load_gold",
    "name_matches",
    "render",
]
