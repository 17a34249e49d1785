"""Reading gold files, and scoring the real seed gold against itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plotwatch.errors import EvalError
from plotwatch.evaluate import evaluate, gold_to_contract, load_gold
from plotwatch.export import validate_incident

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED_GOLD = SHARED / "corpus" / "seeds" / "gold.jsonl"

GOOD: dict[str, Any] = {
    "gid": "X1",
    "type": "arrest",
    "status": None,
    "date": "2018-06",
    "country": "BE",
    "place": None,
    "agent_state": "BE",
    "actors": ["Belgian police|police"],
    "targets": [],
    "articles": ["a1"],
    "optional": False,
    "note": "",
}


def write_gold(tmp_path: Path, bad_line: str) -> Path:
    """A gold file whose third line is ``bad_line`` (line 2 is blank)."""
    path = tmp_path / "gold.jsonl"
    good2 = json.dumps({**GOOD, "gid": "X2"})
    path.write_text(f"{json.dumps(GOOD)}\n\n{bad_line}\n{good2}\n", encoding="utf-8")
    return path


def test_evaluate_load_gold_reads_rows(tmp_path: Path) -> None:
    path = write_gold(tmp_path, json.dumps({**GOOD, "gid": "X3", "optional": True}))
    rows = load_gold(path)
    assert [g.gid for g in rows] == ["X1", "X3", "X2"]
    assert rows[1].optional and rows[1].line == 3
    assert rows[0].entities == [frozenset({"Belgian police", "police"})]


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ('{"gid": "X3", "type": ', "malformed JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "articles"}), "missing key(s) articles"),
        (json.dumps({**GOOD, "gid": "X3", "type": "bombingg"}), "unknown type 'bombingg'"),
        (json.dumps({**GOOD, "gid": "X3", "date": "2018-13"}), "bad date '2018-13'"),
        (json.dumps({**GOOD, "gid": "X3", "date": "June 2018"}), "bad date"),
        (json.dumps({**GOOD, "gid": "X3", "date": "2018-02-30"}), "bad date"),
        (json.dumps({**GOOD, "gid": "X3", "status": "foiled"}), "status must be null"),
        (json.dumps({**GOOD, "gid": "X3", "type": "bombing", "status": "x"}), "unknown status"),
        (json.dumps({**GOOD, "gid": "X3", "articles": []}), "at least one article"),
        (json.dumps({**GOOD, "gid": "X3", "actors": "MOIS"}), "'actors' must be a list"),
        (json.dumps({**GOOD, "gid": "X3", "country": 7}), "'country' must be a string"),
        (json.dumps(GOOD), "duplicate gid 'X1' (first on line 1)"),
    ],
)
def test_evaluate_load_gold_errors_name_file_and_line(tmp_path: Path, bad_line: str, problem: str) -> None:
    path = write_gold(tmp_path, bad_line)
    with pytest.raises(EvalError) as info:
        load_gold(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: "), message
    assert "gold.jsonl:3:" in message
    assert problem in message


def test_evaluate_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="cannot read gold file"):
        load_gold(tmp_path / "nope.jsonl")


def test_evaluate_accepts_gold_path(tmp_path: Path) -> None:
    path = write_gold(tmp_path, json.dumps({**GOOD, "gid": "X3", "articles": ["a9"]}))
    preds = [gold_to_contract(g) for g in load_gold(path)]
    assert evaluate(preds, path).counts.f1 == 1.0
    assert evaluate(preds, str(path)).counts.tp == 3


def test_evaluate_gold_to_contract_is_valid_contract(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        json.dumps({**GOOD, "gid": "X3", "type": "bombing", "status": "foiled", "place": "Brussels"}),
    )
    for g in load_gold(path):
        contract = gold_to_contract(g)
        assert validate_incident(contract) == []
    assert contract["location"]["precision"] == "country"
    assert contract["actors"][0] == {
        "entity_id": None,
        "name": "Belgian police",
        "aliases": ["police"],
        "kind": "unknown",
        "role": "responder",
        "country": None,
    }


def test_evaluate_seed_gold_scores_itself_perfectly() -> None:
    if not SEED_GOLD.exists():
        pytest.skip(f"seed gold not found at {SEED_GOLD.resolve()} (sibling folder ../shared)")
    golds = load_gold(SEED_GOLD)
    contracts = [gold_to_contract(g) for g in golds]
    assert all(validate_incident(c) == [] for c in contracts)
    report = evaluate(contracts, SEED_GOLD)
    assert report.counts.f1 == 1.0
    assert report.counts.fp == 0 and report.counts.fn == 0
    assert report.counts.tp == sum(1 for g in golds if not g.optional)
    assert report.optional_matched == report.optional_total
    assert all(v == 1.0 for v in report.accuracy.values()), report.accuracy
    assert report.actor_recall == 1.0
    assert all(p.gid == p.pred_id for p in report.matches)
