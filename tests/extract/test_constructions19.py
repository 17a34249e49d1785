"""A date the tagger runs into the sentence that follows it ("sentenced in February 2012 to
seven years" as one entity) is the date alone; an article's home country counts a state's name
the tagger did not read as a place ("Armenia" as an organisation); "the detention of" a judge,
a president or an opposition leader is an arrest; "condemned by a military court" and
"condemned to death" are convictions, "condemned the attack" is not; an undated release told
in the sentence of a date or the next takes that date; a town written with its accent
("Malé") is the town; the time a commission of inquiry was set up is the inquiry's; a decade
("in the 1960s") is no date and not the year of publication; a verdict "confirmed on appeal"
is a conviction; a capital the tagger reads as a person ("in Dakar") is that capital.
Hand-written sentences (other people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract import Extractor


def events(ex: Extractor, text: str, published: dt.date) -> list[tuple[str, str | None, str | None]]:
    found = ex.extract(text, published).events
    return [(e.type, e.date.value if e.date else None, e.agent_state) for e in found]


@pytest.mark.parametrize(
    ("text", "conviction"),
    [
        (
            "He handed himself in in June 2011, was sentenced in February 2012 to seven years in prison "
            "for his part in the protests, and was freed in May 2014.",
            "2012-02",
        ),
        (
            "He gave himself up in August 2003, was sentenced in October 2004 to seven years in prison "
            "for his part in organising the march, and was freed in 2006.",
            "2004-10",
        ),
    ],
)
def test_a_sentence_run_into_its_date_keeps_the_date(ex: Extractor, text: str, conviction: str) -> None:
    dates = {t: d for t, d, _ in events(ex, text, dt.date(2018, 7, 28))}
    assert dates["conviction"] == conviction


def test_forty_years_to_the_day_is_one_phrase(ex: Extractor) -> None:
    text = (
        "It is forty years to the day since a parcel bomb sent by South African agents killed the "
        "scholar Ruth First in Maputo."
    )
    assert ("assassination", "1982-08-17", "ZA") in events(ex, text, dt.date(2022, 8, 17))


def test_a_states_name_read_as_an_organisation_counts_for_the_home_country(ex: Extractor) -> None:
    text = (
        "Armenia's new leaders have promised justice. Armenia has asked Russian officials for help, and "
        "Russian diplomats have said they will consider it. Moscow has not replied. Armenia's opposition "
        "calls the case revenge. The former defence minister was arrested last week. He was released on "
        "bail on Monday."
    )
    found = events(ex, text, dt.date(2018, 7, 28))
    assert {t for t, _, _ in found} == {"arrest", "release"}
    assert {s for _, _, s in found} == {"AM"}


def test_the_detention_of_a_leader_is_an_arrest(ex: Extractor) -> None:
    text = "A court in Male on Monday ordered the detention of the opposition leader Qasim Ibrahim."
    assert events(ex, text, dt.date(2019, 4, 2)) == [("arrest", "2019-04-01", "MV")]


def test_condemned_by_a_court_is_a_conviction(ex: Extractor) -> None:
    text = "In 1983 the former minister Diallo Telli was condemned by a military court in Conakry."
    assert events(ex, text, dt.date(2010, 1, 1)) == [("conviction", "1983", "GN")]


def test_condemned_to_death_is_a_conviction(ex: Extractor) -> None:
    text = "A court in Tehran condemned the journalist Ruhollah Zam to death in June 2020."
    assert events(ex, text, dt.date(2021, 1, 1)) == [("conviction", "2020-06", "IR")]


def test_condemning_an_attack_is_no_conviction(ex: Extractor) -> None:
    text = "The French government condemned the attack on its embassy in Beirut in 1988."
    assert "conviction" not in [t for t, _, _ in events(ex, text, dt.date(2010, 1, 1))]


def test_a_release_told_just_after_a_dated_arrest_takes_its_date(ex: Extractor) -> None:
    text = (
        "In March 2009 the lawyer Omar Haidari was detained by Belgian police in Brussels. Officials "
        "protested, and he was freed after a hearing before a judge in Brussels."
    )
    assert ("release", "2009-03", "BE") in events(ex, text, dt.date(2019, 1, 1))


def test_a_release_told_long_after_a_dated_arrest_does_not(ex: Extractor) -> None:
    text = (
        "In March 2009 the lawyer Omar Haidari was detained by Belgian police in Brussels. He spent years "
        "in prison. His family campaigned for him. He was freed after a hearing before a judge in Brussels."
    )
    assert ("release", "2019", "BE") in events(ex, text, dt.date(2019, 1, 1))


def test_a_town_written_with_its_accent_is_that_town(ex: Extractor) -> None:
    assert ex.places.resolve("Malé") == ex.places.resolve("Male")
    text = "Police in Malé arrested the blogger Ismail Rasheed on 16 December 2011."
    assert events(ex, text, dt.date(2012, 1, 1)) == [("arrest", "2011-12-16", "MV")]


def test_the_time_a_commission_of_inquiry_was_set_up_is_the_inquirys(ex: Extractor) -> None:
    text = (
        "A commission of inquiry set up by the Chadian government in 1992 estimated that some "
        "40,000 people had died in detention."
    )
    assert events(ex, text, dt.date(2023, 8, 26)) == [("investigation", "1992", "TD")]


def test_a_decade_is_no_date_and_not_the_year_of_publication(ex: Extractor) -> None:
    text = "The opposition leader Outel Bono had been jailed more than once in Chad in the 1960s."
    found = ex.extract(text, dt.date(2023, 8, 26)).events
    assert [(e.type, e.date.value) for e in found] == [("conviction", None)]


def test_a_verdict_confirmed_on_appeal_is_a_conviction(ex: Extractor) -> None:
    text = (
        "A court in Dakar sentenced the former ruler to life in prison in May 2016, a verdict "
        "confirmed on appeal in April 2017."
    )
    assert ("conviction", "2017-04", "SN") in events(ex, text, dt.date(2018, 1, 1))


def test_a_capital_tagged_as_a_person_is_the_capital(ex: Extractor) -> None:
    text = "In May 2016 the blogger Amadou Sow was arrested in Dakar by police."
    assert events(ex, text, dt.date(2018, 1, 1)) == [("arrest", "2016-05", "SN")]
