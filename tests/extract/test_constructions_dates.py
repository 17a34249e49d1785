"""Date constructions read on whole hand-written sentences (the shipped lexicon, other states
and names than any evaluation article)."""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract import Extractor
from plotwatch.extract.dates import DateResolver, Resolved, number
from plotwatch.types import PartialDate

from .test_constructions import events, one

# -- compound number words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "value"),
    [("twenty-one", 21), ("Forty-eight", 48), ("ninety-nine", 99), ("sixty three", 63), ("thirteen", 13)],
)
def test_compound_number_words_are_one_number(word: str, value: int) -> None:
    assert number(word) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thirty-six years ago today", "1986-09-20"),
        ("twenty-one years ago", "2001"),
        ("Fifty-two years ago", "1970"),
    ],
)
def test_compound_years_ago_count_the_whole_number(text: str, expected: str) -> None:
    res = DateResolver(dt.date(2022, 9, 20), 2022).resolve(text)
    assert res is not None and res.date.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty-three years later", "2011"),
        ("thirty-one days later", "1988-05-03"),
        ("Sixty-five years on", "2053"),
    ],
)
def test_compound_lengths_after_a_date_count_the_whole_number(text: str, expected: str) -> None:
    res = DateResolver(dt.date(2022, 9, 20), 2022).resolve(text, None, Resolved(PartialDate.of(1988, 4, 2)))
    assert res is not None and res.date.value == expected


def test_compound_years_ago_today_dates_an_assassination(ex: Extractor) -> None:
    text = (
        "Thirty-six years ago today, the exiled Chadian opposition leader Idriss Kaboré was shot dead "
        "by Libyan agents outside his home in Lagos."
    )
    e = one(ex, text, "assassination", dt.date(2022, 9, 20))
    assert e.date.value == "1986-09-20"


def test_years_later_in_the_present_is_no_anchor_of_the_story(ex: Extractor) -> None:
    # "Thirty years later, nobody has been tried" leaps to the time of writing: the story's
    # "that night", "four days later" still count from its own date
    text = (
        "Ali Reza Tehrani was waiting for a tram in Vienna on the evening of 3 March 1989 when a man "
        "stabbed him with a poisoned needle. Thirty years later, nobody has been tried for what "
        "happened next. He fell ill that night and died in hospital four days later. Austrian police "
        "opened a murder inquiry, which has never been closed."
    )
    assert one(ex, text, "investigation", dt.date(2019, 3, 5)).date.value.startswith("1989")


# -- "N days ago" ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ten days ago", "2022-09-10"), ("three months ago", "2022-06"), ("two weeks ago", "2022-09")],
)
def test_units_ago_count_back_from_publication(text: str, expected: str) -> None:
    res = DateResolver(dt.date(2022, 9, 20), 2022).resolve(text)
    assert res is not None and res.date.value == expected


def test_days_ago_dates_an_arrest(ex: Extractor) -> None:
    text = "Twelve days ago, Kenyan police arrested the former spy chief Daniel Mwangi in Mombasa."
    e = one(ex, text, "arrest", dt.date(2022, 9, 20))
    assert e.date.value == "2022-09-08"


def test_days_ago_is_no_date_without_publication(ex: Extractor) -> None:
    text = "Twelve days ago, Kenyan police arrested the former spy chief Daniel Mwangi in Mombasa."
    assert all(e.date.value != "2022-09-08" for e in events(ex, text, None))


# -- "N years after the act, X still …" ------------------------------------------------------

COUNTED = (
    "Twenty-two years after the Nairobi car bomb, Amos Ouma still speaks of forgiveness.\n\n"
    "{told} a bomb hidden in his car went off outside his office in Nairobi. Ugandan military "
    "intelligence officers were behind the bombing, a commission found."
)


def test_years_after_an_act_in_a_present_clause_count_back_from_publication(ex: Extractor) -> None:
    found = events(ex, COUNTED.format(told="That morning"), dt.date(2022, 9, 20))
    bomb = [e for e in found if e.type == "bombing" and e.trigger == "car bomb"]
    assert bomb and bomb[0].date.value == "2000"


def test_years_after_an_act_take_the_day_of_years_ago_today(ex: Extractor) -> None:
    found = events(ex, COUNTED.format(told="Twenty-two years ago today,"), dt.date(2022, 9, 20))
    bomb = [e for e in found if e.type == "bombing" and e.trigger == "car bomb"]
    assert bomb and bomb[0].date.value == "2000-09-20"


def test_years_after_a_clause_in_a_present_clause(ex: Extractor) -> None:
    text = (
        "Twenty-two years after Ugandan agents bombed his office in Nairobi, "
        "the editor Amos Ouma still writes every day."
    )
    assert one(ex, text, "bombing", dt.date(2022, 9, 20)).date.value == "2000"


def test_years_after_a_clause_in_a_past_clause_count_from_nothing_known(ex: Extractor) -> None:
    text = "Twenty-two years after Ugandan agents bombed his office in Nairobi, the editor Ouma wrote a book."
    assert one(ex, text, "bombing", dt.date(2022, 9, 20)).date.value != "2000"


# -- "soon afterwards" counts from the story's events ----------------------------------------

LATER_LIFE = (
    "Twenty years ago today, the exiled Eritrean journalist Samuel Tesfay left a reception at a "
    "hotel in Stockholm. A man who had been waiting outside drew a pistol and shot him in the "
    "chest. He spent a month in hospital, never walked again and died in Uppsala in 2015. The "
    "gunman was shot and wounded by a police officer as he ran. Two accomplices were tracked down "
    "to a house in Stockholm and arrested by Swedish police soon afterwards."
)


def test_soon_afterwards_counts_from_the_last_dated_event_not_a_later_life(ex: Extractor) -> None:
    # an event with no date of its own (the gunman shot) was told after "in 2015": that date
    # was no time of the story, the shooting's is
    assert one(ex, LATER_LIFE, "arrest", dt.date(2022, 5, 10)).date.value == "2002-05"


def test_soon_afterwards_counts_from_the_last_date_when_no_event_came_since(ex: Extractor) -> None:
    text = (
        "Rashid Aliyev was arrested by Azerbaijani police in Baku in 2017. In June 2019 he moved to "
        "Kyiv. Ukrainian police detained two of his neighbours soon afterwards."
    )
    found = [
        e for e in events(ex, text, dt.date(2022, 5, 10)) if e.type == "arrest" and e.agent_state == "UA"
    ]
    assert found and found[0].date.value == "2019-06"


def test_in_the_hours_before_is_the_month_of_the_last_date(ex: Extractor) -> None:
    text = (
        "Gunmen sent by Tajikistan's security service were to open fire on a rally of exiled "
        "opposition supporters in Vilnius on 12 April 2021. The plan never went ahead. Lithuanian "
        "police arrested six men in the hours before it was due to begin."
    )
    assert one(ex, text, "arrest").date.value == "2021-04"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in the hours before", "2021-04"),
        ("in the days following", "2021-04"),
        ("in the weeks after", "2021"),
    ],
)
def test_in_the_hours_days_weeks_around_keep_what_is_known(text: str, expected: str) -> None:
    res = DateResolver(dt.date(2022, 5, 10), 2022).resolve(text, None, Resolved(PartialDate.of(2021, 4, 12)))
    assert res is not None and res.date.value == expected


# -- "five days after the shooting", "the following week" -------------------------------------

SHOT = (
    "Gunmen sent by Eritrea's intelligence service shot dead the exiled activist Samuel Tesfay "
    "outside a cafe in Frankfurt on 3 June 2019. "
)


def test_days_after_the_act_count_from_the_act_not_the_last_date(ex: Extractor) -> None:
    text = (
        SHOT + "Tesfay had run an opposition radio station from Germany since 2011. "
        "Six days after the shooting, Germany expelled two Eritrean diplomats."
    )
    assert one(ex, text, "expulsion").date.value == "2019-06-09"


def test_days_after_the_act_of_a_year_count_from_that_years_act(ex: Extractor) -> None:
    text = (
        SHOT + "In 2017 a gunman had fired on him in Kassel and a Eritrean diplomat was arrested. "
        "Three days after the 2019 killing, German police arrested two Eritrean men in Frankfurt."
    )
    found = [e for e in events(ex, text) if e.type == "arrest" and e.place == "Frankfurt"]
    assert found and found[0].date.value == "2019-06-06"


def test_the_following_week_is_no_day(ex: Extractor) -> None:
    text = (
        "Syrian agents shot dead two exiled journalists outside a cafe in Hamburg on 4 March 2019. "
        "A cook was arrested by German police the following week."
    )
    assert one(ex, text, "arrest").date.value == "2019-03"


# -- datelines -------------------------------------------------------------------------------

DAY = dt.date(2022, 5, 11)  # a Wednesday


KIDNAP = "convicted two Ugandan intelligence officers of plotting to kidnap the politician Amos Ouma."


@pytest.mark.parametrize(
    "opening",
    [
        "NAIROBI – A court in Kenya on Tuesday",
        "NAIROBI, May 11 (Lakeside Wire) – A court in Kenya on Tuesday",
        "Nairobi (Wire) - A court in Kenya on Tuesday",
    ],
)
def test_a_dateline_places_the_days_response_of_its_country(ex: Extractor, opening: str) -> None:
    e = one(ex, f"{opening} {KIDNAP}", "conviction", DAY)
    assert e.country == "KE" and e.place == "Nairobi"


def test_a_dateline_places_no_response_of_another_country(ex: Extractor) -> None:
    e = one(ex, f"KAMPALA – A court in Kenya on Tuesday {KIDNAP}", "conviction", DAY)
    assert e.country == "KE" and e.place != "Kampala"


def test_a_dateline_places_no_old_response(ex: Extractor) -> None:
    e = one(ex, f"NAIROBI – A court in Kenya on 3 March 2019 {KIDNAP}", "conviction", DAY)
    assert e.country == "KE" and e.place != "Nairobi"


def test_a_dateline_places_no_hostile_act(ex: Extractor) -> None:
    text = "NAIROBI – Ugandan agents on Tuesday kidnapped the politician Amos Ouma in Kenya, his party said."
    assert all(e.place != "Nairobi" for e in events(ex, text, DAY))


def test_a_dateline_is_only_at_the_start(ex: Extractor) -> None:
    text = f"Kenya convicts two Ugandan officers\n\nNAIROBI – A court in Kenya on Tuesday {KIDNAP}"
    found = [e for e in events(ex, text, DAY) if e.type == "conviction"]
    assert found and all(e.place != "Nairobi" for e in found)


def test_a_yearless_day_of_the_month_just_told_takes_its_year(ex: Extractor) -> None:
    text = (
        "Tam crossed into Thailand in January 2019 to seek asylum. On 26 January he disappeared "
        "from a shopping centre in Bangkok; Vietnamese agents had abducted him."
    )
    assert one(ex, text, "kidnapping", dt.date(2020, 3, 10)).date.value == "2019-01-26"


def test_since_a_year_is_no_time_of_the_story(ex: Extractor) -> None:
    text = (
        "Fifty years ago today, the exiled general Ruben Okafor was killed near Lagos by agents of "
        "the Ghanaian government.\n\nOkafor had lived in exile since 1959. The general was shot by "
        "one of the agents, and his driver was strangled."
    )
    found = events(ex, text, dt.date(2015, 2, 13))
    assert {e.date.value for e in found if e.type == "assassination"} <= {"1965-02-13", "1965"}


def test_years_ago_this_month_is_that_month(ex: Extractor) -> None:
    text = (
        "Fifty years ago this month, at an émigré conference in Frankfurt, KGB agents poisoned "
        "the defector Nikolai Orlov."
    )
    assert one(ex, text, "assassination", dt.date(2007, 9, 26)).date.value == "1957-09"


def test_weeks_after_an_act_count_back_from_the_clauses_own_day(ex: Extractor) -> None:
    text = (
        "Turkish agents kidnapped the teacher Veli Kaya in Baku in 2018. "
        "Five weeks after the school founder Orhan Demir vanished from the streets of Bishkek, "
        "Turkey's president confirmed on Monday that Turkish agents had brought him to Turkey."
    )
    gone = [e for e in events(ex, text, dt.date(2021, 7, 6)) if e.trigger == "vanished"]
    assert [e.date.value for e in gone] == ["2021-05"]
