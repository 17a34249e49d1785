"""Figure disagreements and claim scoring, on hand-built records (no model needed)."""

from __future__ import annotations

from plotwatch.claims.evaluate import evaluate_claims
from plotwatch.claims.records import figure_contradictions, time_scope, unit_key


def _fig(article: str, value: float, unit: str, text: str, speaker: str | None = None) -> dict:  # type: ignore[type-arg]
    return {
        "id": f"c-{article}-{value}",
        "kind": "figure",
        "value": value,
        "unit": unit,
        "text": text,
        "speaker": speaker,
        "article_id": article,
        "start": 0,
        "end": len(text),
    }


def test_claims_unit_key_folds_plural_and_synonyms() -> None:
    assert unit_key("separate terror plots") == "plot"
    assert unit_key("attempt") == "plot"
    assert unit_key("people from Europe") == "person"


def test_claims_time_scope() -> None:
    assert time_scope("Europe foiled three plots this year") == "this-year"
    assert time_scope("Police arrested 12 people in 2019.") == "2019"
    assert time_scope("The regime carried out 450 attacks.") is None


def test_claims_disagreement_needs_same_thing_same_period_two_articles() -> None:
    a = _fig("a", 3, "Iranian plots", "Officials foiled three Iranian plots this year.")
    b = _fig("b", 8, "separate terror plots", "The group says there were eight plots this year.")
    c = _fig("c", 450, "attacks", "The regime carried out 450 attacks.")
    d = _fig("a", 5, "plots", "Five plots were counted this year.")  # same article as a: not a dispute alone
    [x] = figure_contradictions([a, b, c])
    assert [v["value"] for v in x["values"]] == [3, 8]
    assert figure_contradictions([a, c]) == []
    assert figure_contradictions([a, d]) == []


def test_claims_evaluate_counts_found_units_speakers_and_contradictions() -> None:
    gold = [
        {
            "cid": "C1",
            "kind": "figure",
            "value": 3,
            "unit": "plots thwarted this year",
            "speaker": "Mike Pompeo",
            "articles": ["a"],
        },
        {"cid": "C2", "kind": "figure", "value": 9, "unit": "arrests", "speaker": None, "articles": ["a"]},
        {"cid": "X1", "kind": "contradiction", "field": "plots", "values": {"3": ["a"], "8": ["b"]}},
    ]
    claims = [_fig("a", 3, "Iranian plots", "…", speaker="Secretary Pompeo")]
    report = evaluate_claims(claims, [{"values": [{"value": 3}, {"value": 8}]}], gold)
    assert report["figure_recall"] == 0.5
    assert report["unit_accuracy"] == 1.0 and report["speaker_accuracy"] == 1.0
    assert report["contradiction_recall"] == 1.0
