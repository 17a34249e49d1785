"""Constructions of hostile acts (one hand-written sentence or short article per rule).

Like ``test_constructions.py``: the shipped gazetteer and lexicon, states and people other
than those of the evaluation articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract import Extractor
from tests.extract.test_constructions import events, one


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


# -- dates ------------------------------------------------------------------------------------


def test_years_ago_today_told_as_two_dates_is_one_day(ex: Extractor) -> None:
    text = (
        "Thirty years ago today, a former Chadian government minister was abducted by Chadian "
        "agents outside his home in central Paris."
    )
    assert one(ex, text, "kidnapping", dt.date(2021, 3, 15)).date.value == "1991-03-15"


def test_a_narrative_moved_on_by_a_day_dates_a_later_act_to_the_month(ex: Extractor) -> None:
    text = (
        "Forty years ago today, an exiled editor walked out of his office in Madrid and was never "
        "seen again. Investigators found that two Syrian intelligence officers arrived in Spain the "
        "following day. The abduction was carried out by the Syrian security services."
    )
    found = [e for e in events(ex, text, dt.date(2021, 3, 15)) if e.type == "kidnapping"]
    assert [e.date.value for e in found] == ["1981-03"]
