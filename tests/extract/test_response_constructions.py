"""Constructions of responses (arrests, charges, releases, investigations, expulsions) and
their dates, one hand-written sentence each, on the shipped gazetteer and lexicon."""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract import Extractor
from plotwatch.types import EventMention


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def events(ex: Extractor, text: str, published: dt.date | None = dt.date(2022, 5, 10)) -> list[EventMention]:
    return ex.extract(text, published).events


def one(
    ex: Extractor, text: str, etype: str, published: dt.date | None = dt.date(2022, 5, 10)
) -> EventMention:
    found = [e for e in events(ex, text, published) if e.type == etype]
    assert len(found) == 1, [(e.type, e.country, e.date.value) for e in events(ex, text, published)]
    return found[0]


def names(event: EventMention, role: str) -> set[str]:
    return {a.canonical or a.name for a in event.actors if a.role == role}


# -- dates ----------------------------------------------------------------------------------


def test_a_present_perfect_response_is_dated_by_the_report_month(ex: Extractor) -> None:
    # "last month" is the assault's time, which the parser hangs on "detained"; a present
    # perfect takes no definite past time, and the report's day is not the arrest's
    text = (
        "Two men suspected of assaulting a Belarusian blogger outside his flat in Riga last month "
        "have been detained in Estonia, the Estonian interior minister said on Friday."
    )
    assert one(ex, text, "arrest").date.value == "2022-05"


def test_a_present_perfect_response_keeps_a_since_date(ex: Extractor) -> None:
    assert one(ex, "Dutch police have detained two men since March.", "arrest").date.value == "2022-03"


def test_a_date_in_a_clause_describing_a_place_is_not_the_responses(ex: Extractor) -> None:
    text = "The dissident was freed on Monday from a prison in Tashkent, where he had been held since 2016."
    assert one(ex, text, "release").date.value == "2022-05-09"
    text = "The dissident was released under a pardon from prison in Tashkent, where he was held since 2016."
    assert one(ex, text, "release").date.value == "2022"
