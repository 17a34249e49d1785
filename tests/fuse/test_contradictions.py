"""Fields the mentions of one incident disagree on, each value with its articles."""

from __future__ import annotations

from plotwatch.claims.quantities import quantity_range
from plotwatch.fuse import load_settings
from plotwatch.fuse.contradictions import Fact, FigureFact, contradictions, field_values


def fact(article: str, **kw: object) -> Fact:
    base: dict[str, object] = {
        "type": "bombing",
        "status": "foiled",
        "date": "2018-06",
        "country": "FR",
        "place": None,
        "agent_state": "IR",
    }
    base.update(kw)
    return Fact(article_id=article, **base)  # type: ignore[arg-type]


def fields(found: list[dict[str, object]]) -> list[object]:
    return [c["field"] for c in found]


def test_contradictions_country_keeps_every_value_with_its_articles() -> None:
    found = contradictions([fact("a", country="BE"), fact("b", country="NL"), fact("c", country="NL")])
    assert found == [
        {
            "field": "location.country",
            "values": [
                {"value": "BE", "article_ids": ["a"]},
                {"value": "NL", "article_ids": ["b", "c"]},
            ],
        }
    ]


def test_contradictions_dates_disagree_only_beyond_their_precision() -> None:
    settings = load_settings()
    agree = [fact("a", date="2018"), fact("b", date="2018-06"), fact("c", date="2018-06-30")]
    assert contradictions(agree, settings=settings) == []
    near = [fact("a", date="2018-06-30"), fact("b", date="2018-07-01")]  # within day_slack
    assert contradictions(near, settings=settings) == []
    found = contradictions([fact("a", date="2018-06"), fact("b", date="2018-09")], settings=settings)
    assert fields(found) == ["date"]


def test_contradictions_status_only_for_conflicting_pairs() -> None:
    settings = load_settings()
    # an article written before the arrests says planned, a later one foiled: no conflict
    assert contradictions([fact("a", status="planned"), fact("b", status="foiled")], settings=settings) == []
    found = contradictions([fact("a", status="executed"), fact("b", status="foiled")], settings=settings)
    assert fields(found) == ["status"]


def test_contradictions_places_far_apart_disagree_suburbs_do_not() -> None:
    paris = {"place": "Paris", "lat": 48.853, "lon": 2.349}
    villepinte = {"place": "Villepinte", "lat": 48.96, "lon": 2.53}
    lyon = {"place": "Lyon", "lat": 45.75, "lon": 4.85}
    assert contradictions([fact("a", **paris), fact("b", **villepinte)]) == []
    found = contradictions([fact("a", **paris), fact("b", **lyon)])
    assert fields(found) == ["location.place"]


def test_contradictions_response_state_is_not_reported_twice() -> None:
    found = contradictions(
        [
            fact("a", type="arrest", status=None, country="BE", agent_state="BE"),
            fact("b", type="arrest", status=None, country="NL", agent_state="NL"),
        ]
    )
    assert fields(found) == ["location.country"]


def test_contradictions_one_article_alone_is_not_a_dispute() -> None:
    assert contradictions([fact("a", country="BE"), fact("a", country="NL")]) == []


def figure(article: str, value: float | None, qualifier: str | None, text: str) -> FigureFact:
    return FigureFact(article, "figures.attendance", text, quantity_range(value, qualifier))


def test_contradictions_verbal_and_numeric_figures_compared_as_ranges() -> None:
    more = figure("a", 100_000, "more than", "more than 100,000")
    tens = figure("b", None, "tens of thousands", "tens of thousands")
    found = contradictions([fact("a"), fact("b")], [more, tens])
    assert found == [
        {
            "field": "figures.attendance",
            "values": [
                {"value": "tens of thousands", "article_ids": ["b"], "range": [20_000.0, 99_999.0]},
                {"value": "more than 100,000", "article_ids": ["a"], "range": [100_000.0, None]},
            ],
        }
    ]
    about = figure("b", 100_000, "about", "about 100,000")
    exact = figure("c", 98_000, None, "98,000")
    assert contradictions([fact("a"), fact("b")], [more, about, exact]) == []
    hundreds = figure("a", None, "hundreds", "hundreds")
    assert contradictions([fact("a"), fact("b")], [hundreds, figure("b", 350, None, "350")]) == []


def test_contradictions_field_values_list_every_value() -> None:
    values = field_values([fact("a", country="BE"), fact("b", country="NL", place="Rotterdam")])
    assert values["location.country"] == {"BE": {"a"}, "NL": {"b"}}
    assert values["location.place"] == {"Rotterdam": {"b"}}
    assert values["type"] == {"bombing": {"a", "b"}}
