"""Places told deep in a phrase, and the state of a response no one is named to take:
"fired on a crowd of mourners at a cemetery in X" is in X, as are "in the streets of X" and
"people gathered in the main square of X"; "sanctions on officials in X" does not place the
sanction in X; in a story of one country's police and courts that names no one acting ("He was
briefly arrested in 2004"), the response is that country's. Hand-written sentences (other
people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor

PUBLISHED = dt.date(2020, 1, 1)


def placed(ex: Extractor, text: str, etype: str) -> list[tuple[str | None, str | None]]:
    return [(e.country, e.place) for e in ex.extract(text, PUBLISHED).events if e.type == etype]


def test_an_attack_on_a_crowd_at_a_venue_in_a_town_is_in_the_town(ex: Extractor) -> None:
    # the place hangs on what the act was done on, two phrases down from the killing's verb
    text = (
        "In March 1982 Syrian agents fired on a crowd of mourners at the old cemetery in Hamburg, "
        "killing eleven people."
    )
    assert placed(ex, text, "armed_attack") == [("DE", "Hamburg")]


def test_the_streets_of_a_town_are_in_the_town(ex: Extractor) -> None:
    text = "In March 1982 Syrian agents shot dead the exiled writer Omar Khalil in the streets of Hamburg."
    assert placed(ex, text, "assassination") == [("DE", "Hamburg")]


def test_people_gathered_in_a_square_of_a_town_are_in_the_town(ex: Extractor) -> None:
    text = (
        "In March 1982 Syrian agents fired on hundreds of exiles gathered in the main square of Hamburg, "
        "killing eleven people."
    )
    assert placed(ex, text, "armed_attack") == [("DE", "Hamburg")]


def test_sanctions_on_people_in_a_place_are_not_in_that_place(ex: Extractor) -> None:
    text = "In March 2021 the European Union imposed sanctions on four officials in Tehran."
    assert placed(ex, text, "sanction") == [("EU", None)]


HOME = "\n\n".join(
    [
        "Former police general jailed for life over journalist's murder",
        "A court on Tuesday sentenced a former Ukrainian police general to life in prison for the "
        "murder of the journalist Oleh Sirenko, one of the best-known Ukrainian reporters of his "
        "generation.",
        "Sirenko had written about corruption in the Ukrainian interior ministry for a Kyiv weekly. "
        "Ukrainian prosecutors said the general, Mykola Bondar, had ordered officers to follow the "
        "journalist for weeks.",
        "Bondar was briefly arrested in 2004 and then vanished.\n",
    ]
)


def test_a_response_no_one_is_named_to_take_is_the_stories_countrys(ex: Extractor) -> None:
    arrests = [e for e in ex.extract(HOME, dt.date(2013, 1, 29)).events if e.type == "arrest"]
    assert [(e.agent_state, e.state_inferred, e.date.value) for e in arrests] == [("UA", True, "2004")]
    assert arrests[0].country is None  # who acted is a guess from the story; where is not known


def test_a_story_of_two_countries_gives_no_state_to_such_a_response(ex: Extractor) -> None:
    text = HOME.replace(
        "for a Kyiv weekly",
        "for Russian and Polish weeklies and then for a Moscow daily, a Warsaw monthly "
        "and a Russian radio station",
    )
    arrests = [e for e in ex.extract(text, dt.date(2013, 1, 29)).events if e.type == "arrest"]
    assert all(e.agent_state is None for e in arrests)
