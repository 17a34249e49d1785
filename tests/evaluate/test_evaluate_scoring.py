"""Scoring hand-built predictions against hand-built gold rows."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from rich.console import Console

from plotwatch.evaluate import GoldIncident, evaluate, name_matches
from plotwatch.evaluate.matching import assign


def gold(gid: str = "G1", **kw: Any) -> GoldIncident:
    row: dict[str, Any] = {
        "type": "bombing",
        "status": "foiled",
        "date": "2018-06",
        "country": "FR",
        "place": "Villepinte",
        "agent_state": "IR",
        "actors": (),
        "targets": (),
        "articles": ("a1",),
    }
    row.update(kw)
    return GoldIncident(gid=gid, **row)


def pred(pid: str = "P1", **kw: Any) -> dict[str, Any]:
    """An export-contract incident; ``date``/``country``/``place``/``articles`` flattened."""
    date = kw.pop("date", "2018-06")
    actors = kw.pop("actors", [])
    articles = kw.pop("articles", ["a1"])
    d: dict[str, Any] = {
        "id": pid,
        "type": kw.pop("type", "bombing"),
        "status": kw.pop("status", "foiled"),
        "date": {"start": date, "end": date, "precision": "month"},
        "location": {
            "country": kw.pop("country", "FR"),
            "place": kw.pop("place", "Villepinte"),
            "lat": None,
            "lon": None,
            "precision": "place",
        },
        "agent_state": kw.pop("agent_state", "IR"),
        "actors": [{"name": name, "aliases": aliases, "role": "perpetrator"} for name, aliases in actors],
        "mentions": [{"article_id": a, "quote": f"Quote from {a}.", "start": 0, "end": 14} for a in articles],
        "corroboration": {"articles": len(articles), "outlets": 1, "independent_sources": 1},
        "credibility": 3,
    }
    assert not kw, kw
    return d


def test_evaluate_exact_match() -> None:
    report = evaluate([pred()], [gold()])
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (1, 0, 0)
    assert report.counts.f1 == 1.0
    assert report.accuracy == {"date": 1.0, "status": 1.0, "place": 1.0, "agent_state": 1.0}
    assert report.matches[0].gid == "G1" and report.matches[0].pred_id == "P1"


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "matches", "date_right"),
    [
        ("2018-06", "2018-06-30", True, False),
        ("2018-06", "2018", True, False),
        ("2018-06", "2018-06", True, True),
        ("2018-06", None, True, False),
        (None, "2018-06-30", True, False),
        (None, None, True, True),
        ("2018-06", "2018-07-01", False, False),
        ("2018", "2019", False, False),
    ],
)
def test_evaluate_date_prefix_compatibility(
    gold_date: str | None, pred_date: str | None, matches: bool, date_right: bool
) -> None:
    report = evaluate([pred(date=pred_date)], [gold(date=gold_date)])
    assert report.counts.tp == int(matches)
    if matches:
        assert report.accuracy["date"] == float(date_right)


def test_evaluate_country_mismatch_is_no_match() -> None:
    report = evaluate([pred(country="BE")], [gold(country="FR")])
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (0, 1, 1)


@pytest.mark.parametrize(("gold_country", "pred_country"), [(None, "FR"), ("FR", None)])
def test_evaluate_null_country_is_compatible(gold_country: str | None, pred_country: str | None) -> None:
    report = evaluate([pred(country=pred_country)], [gold(country=gold_country)])
    assert report.counts.tp == 1
    assert report.accuracy["place"] == 0.0  # compatible, but not the same country


def test_evaluate_type_mismatch_is_no_match() -> None:
    report = evaluate([pred(type="assassination")], [gold()])
    assert report.counts.tp == 0


def test_evaluate_no_shared_article_is_no_match() -> None:
    report = evaluate([pred(articles=["a2", "a3"])], [gold(articles=("a1",))])
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (0, 1, 1)
    assert report.missed[0]["gid"] == "G1"
    assert report.false_positives[0]["id"] == "P1"
    assert report.false_positives[0]["quote"] == "Quote from a2."


def test_evaluate_one_to_one() -> None:
    report = evaluate([pred("P1"), pred("P2")], [gold()])
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (1, 1, 0)
    assert report.counts.precision == 0.5 and report.counts.recall == 1.0


def test_evaluate_assignment_maximises_matches() -> None:
    # P1 fits both G1 (any 2018 date) and G2; P2 only fits G1. Greedy P1->G1 would lose G2.
    golds = [gold("G1", date="2018"), gold("G2", date="2018-06")]
    preds = [pred("P1", date="2018-06"), pred("P2", date="2018-03")]
    report = evaluate(preds, golds)
    assert report.counts.tp == 2
    assert {(p.gid, p.pred_id) for p in report.matches} == {("G1", "P2"), ("G2", "P1")}


def test_evaluate_assignment_prefers_field_agreement() -> None:
    # Both predictions fit the gold row; the one with the right status and place wins.
    preds = [pred("P1", status="executed", place="Paris"), pred("P2")]
    report = evaluate(preds, [gold()])
    assert report.matches[0].pred_id == "P2"
    assert report.false_positives[0]["id"] == "P1"


def test_assign_is_maximum_then_heaviest() -> None:
    # Left 0 prefers right 0 (weight 5), but only left 0 can take right 1.
    edges = [(0, 0, 5.0), (0, 1, 1.0), (1, 0, 1.0)]
    assert assign(2, 2, edges) == [(0, 1), (1, 0)]
    assert assign(1, 2, [(0, 0, 1.0), (0, 1, 2.0)]) == [(0, 1)]
    assert assign(3, 0, []) == []


def test_evaluate_optional_gold_counts_neither_way() -> None:
    golds = [gold("G1"), gold("G2", type="arrest", status=None, optional=True)]
    found = evaluate([pred("P1"), pred("P2", type="arrest", status=None)], golds)
    assert (found.counts.tp, found.counts.fp, found.counts.fn) == (1, 0, 0)
    assert found.optional_matched == 1 and found.optional_total == 1
    missed = evaluate([pred("P1")], golds)
    assert (missed.counts.tp, missed.counts.fp, missed.counts.fn) == (1, 0, 0)
    assert missed.missed == []


def test_evaluate_required_gold_matched_before_optional() -> None:
    golds = [gold("G-opt", optional=True), gold("G-req")]
    report = evaluate([pred("P1")], golds)
    assert (report.counts.tp, report.counts.fp, report.counts.fn) == (1, 0, 0)
    assert report.matches[0].gid == "G-req"


def test_evaluate_field_accuracies() -> None:
    golds = [gold("G1", articles=("a1",)), gold("G2", articles=("a2",), place=None)]
    preds = [
        pred("P1", articles=["a1"], status="executed", place="VILLEPINTE", agent_state="RU"),
        pred("P2", articles=["a2"], date="2018-06-30", place="Anywhere"),
    ]
    report = evaluate(preds, golds)
    assert report.counts.tp == 2
    assert report.accuracy == {"date": 0.5, "status": 0.5, "place": 1.0, "agent_state": 0.5}


def test_evaluate_place_needs_country_and_place() -> None:
    assert evaluate([pred(place="Paris")], [gold()]).accuracy["place"] == 0.0
    assert evaluate([pred(place=None)], [gold()]).accuracy["place"] == 0.0
    assert evaluate([pred(place=None)], [gold(place=None)]).accuracy["place"] == 1.0


def test_evaluate_status_both_null_is_right() -> None:
    g = gold(type="arrest", status=None)
    assert evaluate([pred(type="arrest", status=None)], [g]).accuracy["status"] == 1.0


def test_evaluate_actor_recall_with_alias_sets() -> None:
    g = gold(
        actors=("Assadollah Assadi|Assadi", "MOIS|Ministry of Intelligence"),
        targets=("MEK|PMOI|People's Mojahedin Organization of Iran", "NCRI"),
    )
    p = pred(
        actors=[
            ("Asadollah Asadi", ["Assadi"]),  # alias equal to a gold alias
            ("the Iranian Ministry of Intelligence", []),  # gold alias inside, whole words
            ("People’s Mojahedin Organization of Iran (PMOI)", []),  # curly apostrophe
        ]
    )
    report = evaluate([p], [g])
    assert (report.actors_found, report.actors_total) == (3, 4)
    assert report.actor_recall == 0.75


def test_evaluate_actor_recall_none_without_gold_actors() -> None:
    assert evaluate([pred()], [gold()]).actor_recall is None


@pytest.mark.parametrize(
    ("predicted", "alias", "expected"),
    [
        ("Assadi", "Assadollah Assadi", True),  # predicted inside the alias
        ("The German police", "German police", True),
        ("german POLICE", "the German police", True),
        ("MOIS", "MOIS", True),
        ("Iran", "Iranian dissident", False),  # not a whole word
        ("MEKong", "MEK", False),
        ("the", "the", False),  # nothing left after stripping "the"
        ("EU", "European Union", False),
    ],
)
def test_evaluate_name_matches(predicted: str, alias: str, expected: bool) -> None:
    assert name_matches(predicted, alias) is expected


def test_evaluate_per_type() -> None:
    golds = [gold("G1"), gold("G2", type="arrest", status=None)]
    preds = [pred("P1"), pred("P2", type="sanction", status=None)]
    report = evaluate(preds, golds)
    assert report.per_type["bombing"].f1 == 1.0
    assert (report.per_type["arrest"].tp, report.per_type["arrest"].fn) == (0, 1)
    assert (report.per_type["sanction"].fp, report.per_type["sanction"].precision) == (1, 0.0)


def test_evaluate_report_to_dict_is_json_and_renders() -> None:
    report = evaluate([pred("P1"), pred("P2", articles=["zz"])], [gold(note="the note")])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["tp"] == 1 and data["fp"] == 1 and data["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert data["false_positives"][0]["id"] == "P2"
    out = io.StringIO()
    report.render(Console(file=out, width=120, color_system=None))
    text = out.getvalue()
    assert "False positives (1)" in text and "P2" in text and "bombing" in text


def test_evaluate_empty_inputs() -> None:
    report = evaluate([], [])
    assert report.counts.f1 == 0.0
    assert report.accuracy["date"] is None
