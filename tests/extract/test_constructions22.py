"""A court "in David", a town the tagger reads as a person, sits in a state the article names;
"promised an inquiry" tells of no inquiry; "It is twenty-five years today since …" is that
day; opening fire on one named person is an attempt on a life; "the State Security Service"
is no Security Service (MI5); "have charged no one" is no charge; "the car bomb that killed X
in July 2016" is of July 2016; "arrested at Lilongwe airport" is in Lilongwe.
Hand-written sentences (other people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from tests.extract.test_constructions20 import events


def test_a_court_in_a_town_read_as_a_person_is_in_the_state_named(ex: Extractor) -> None:
    text = (
        "Noriega ruled Panama for most of the 1980s. In October 1993 a court in David, the capital "
        "of Chiriquí, found him guilty of the murder."
    )
    found = ex.extract(text, dt.date(2011, 12, 12)).events
    assert [(e.type, e.country, e.place) for e in found if e.type == "conviction"] == [
        ("conviction", "PA", "David")
    ]


def test_an_inquiry_promised_is_no_inquiry(ex: Extractor) -> None:
    text = "The Panamanian government promised an inquiry that came to nothing."
    assert not events(ex, text, dt.date(1985, 12, 1))
    text = "France vowed to expel the two Iranian diplomats."
    assert not events(ex, text, dt.date(1985, 12, 1))


def test_years_today_since_is_that_day(ex: Extractor) -> None:
    text = (
        "It is thirty years today since a group of men seized the journalist Pavol Hric on the edge "
        "of Bratislava. The Austrian police arrested him on the spot."
    )
    assert ("arrest", "1990-08-31", "AT") in events(ex, text, dt.date(2020, 8, 31))


def test_opening_fire_on_one_named_person_is_an_attempt_on_a_life(ex: Extractor) -> None:
    text = (
        "On 1 June 2011 Russian agents opened fire on the Chechen commander Isa Dudayev in Kyiv; his "
        "wife shot back."
    )
    found = ex.extract(text, dt.date(2012, 5, 31)).events
    assert [(e.type, e.status, e.agent_state) for e in found] == [("assassination", "failed", "RU")]
    crowd = "On 1 June 2011 Russian agents opened fire on the crowd in Kyiv."
    assert [e[0] for e in events(ex, crowd, dt.date(2012, 5, 31))] == ["armed_attack"]


def test_the_state_security_service_is_not_mi5(ex: Extractor) -> None:
    text = (
        "On the evening of 29 May 2016 the journalist was bundled into a car in Tbilisi by men "
        "dressed as police and driven to the border. Within weeks the head of the "
        "counter-intelligence department of the State Security Service lost his post."
    )
    found = events(ex, text, dt.date(2019, 3, 18))
    assert [e for e in found if e[0] == "kidnapping"]
    assert not [e for e in found if e[2] == "GB"]


def test_charging_no_one_is_no_charge(ex: Extractor) -> None:
    text = "Georgian prosecutors opened an investigation days after he vanished, but have charged no one."
    assert not [e for e in events(ex, text, dt.date(2020, 3, 18)) if e[0] == "charge"]


def test_a_bomb_that_killed_someone_takes_the_killings_date_and_place(ex: Extractor) -> None:
    text = (
        "On 30 October gunmen ambushed his car outside the capital. The Russian car bomb that killed "
        "the journalist Ivan Sirko in central Kyiv in July 2014 remains unsolved."
    )
    found = ex.extract(text, dt.date(2015, 5, 31)).events
    bombs = [(e.date.value if e.date else None, e.country) for e in found if e.type == "bombing"]
    assert bombs == [("2014-07", "UA")]


def test_arrested_at_a_towns_airport_is_in_that_town(ex: Extractor) -> None:
    text = (
        "Zambian police detained five Malawians over the attack. The trade unionist Peter Phiri, "
        "returning from exile, was arrested at Lilongwe airport on 6 April."
    )
    found = ex.extract(text, dt.date(1992, 10, 22)).events
    assert ("MW", "Lilongwe") in [(e.country, e.place) for e in found if e.type == "arrest"]
