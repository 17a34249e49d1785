"""validate_incident catches each kind of contract violation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from plotwatch.export import validate_incident

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """A mutation setting ``a.b[0].c`` (dots and integer indexes) to ``value``."""

    def mutate(d: dict[str, Any]) -> None:
        keys: list[Any] = [int(k) if k.isdigit() else k for k in path.split(".")]
        target: Any = d
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return mutate


def _drop(key: str) -> Mutation:
    return lambda d: d.pop(key)


CASES: list[tuple[str, Mutation, str]] = [
    ("missing id", _drop("id"), "id: missing"),
    ("missing mentions", _drop("mentions"), "mentions: missing"),
    ("missing credibility", _drop("credibility"), "credibility: missing"),
    ("empty id", _set("id", ""), "id: '' is not a non-empty string"),
    ("unknown type", _set("type", "coup"), "type: 'coup' is not one of"),
    ("bad status", _set("status", "attempted"), "status: 'attempted' is not one of"),
    ("response with status", _set("type", "arrest"), "status: must be null for a response"),
    ("bad precision", _set("date.precision", "week"), "date.precision: 'week' is not one of"),
    ("precision vs start", _set("date.precision", "month"), "does not fit start '2018-06-30'"),
    ("bad date", _set("date.start", "2018-02-30"), "date.start: '2018-02-30' is not YYYY"),
    ("end before start", _set("date.end", "2018-05"), "date.end: '2018-05' is before start"),
    ("date not object", _set("date", "2018"), "date: expected an object"),
    ("location precision", _set("location.precision", "city"), "location.precision: 'city'"),
    ("country code", _set("location.country", "France"), "location.country: 'France'"),
    ("latitude", _set("location.lat", 123.0), "location.lat: 123.0 is not a number"),
    ("nan lon", _set("location.lon", float("nan")), "location.lon: nan"),
    ("role", _set("actors.0.role", "mastermind"), "actors[0].role: 'mastermind' is not one of"),
    ("actor name", _set("actors.1.name", " "), "actors[1].name: missing or empty"),
    ("aliases", _set("actors.0.aliases", "Asadi"), "actors[0].aliases: expected a list"),
    ("no mentions", _set("mentions", []), "mentions: an incident needs at least one mention"),
    ("offsets order", _set("mentions.0.end", 1000), "offsets must satisfy 0 <= start < end"),
    ("equal offsets", _set("mentions.1.end", 10), "mentions[1]: offsets must satisfy"),
    ("negative offset", _set("mentions.0.start", -1), "offsets must satisfy"),
    ("float offset", _set("mentions.0.start", 12.0), "start/end must be integers"),
    ("bool offset", _set("mentions.0.start", True), "start/end must be integers"),
    ("article id", _set("mentions.0.article_id", None), "mentions[0].article_id: missing"),
    ("quote", _set("mentions.0.quote", None), "mentions[0].quote: expected a string"),
    ("count", _set("corroboration.outlets", -1), "corroboration.outlets: -1 is not a count"),
    ("credibility", _set("credibility", 7), "credibility: 7 is not an integer 1–6"),
    ("contradiction shape", _set("contradictions", [{"field": "x"}]), "contradictions[0]"),
    (
        "contradiction ids",
        _set("contradictions.0.values.0.article_ids", "003"),
        "contradictions[0].values[0].article_ids",
    ),
]


@pytest.mark.parametrize(("mutate", "problem"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_export_validate_catches(incidents: list[dict[str, Any]], mutate: Mutation, problem: str) -> None:
    d = incidents[0]
    mutate(d)
    problems = validate_incident(d)
    assert any(problem in p for p in problems), problems


def test_export_validate_accepts_valid(incidents: list[dict[str, Any]]) -> None:
    for d in incidents:
        assert validate_incident(d) == []


def test_export_validate_hostile_status_may_be_unknown(incidents: list[dict[str, Any]]) -> None:
    incidents[0]["status"] = None
    assert validate_incident(incidents[0]) == []


def test_export_validate_non_dict() -> None:
    assert validate_incident(["not", "a", "dict"]) == ["expected an object, got list"]


def test_export_validate_reports_every_missing_key() -> None:
    problems = validate_incident({})
    assert len(problems) == 10 and all(p.endswith(": missing") for p in problems)
