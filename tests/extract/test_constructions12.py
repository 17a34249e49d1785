"""Constructions opened by eval/heldout16: a fronted date with no comma before the subject
("On 7 May 1999 X was seized"), persons named by a title noun ("the rights defender X", "X, a
local politician"), entry bans, recalls of high commissioners, gapped clauses ("Britain
recalled its envoy and the United States its ambassador"), a verb given two subjects, tracking
as surveillance, beatings, and "the decision … to expel" told after the expulsion; one
hand-written sentence each (other people, places and years than the evaluated articles)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from plotwatch.types import HOSTILE_TYPES
from tests.extract.test_constructions import events, names, one


def test_a_fronted_date_without_a_comma_leaves_the_subject_to_the_verb(ex: Extractor) -> None:
    text = (
        "On 4 June 2009 Tomas Varga, a former defence minister who had joined the opposition, "
        "was seized outside his flat in Vienna by agents of Syria's intelligence service."
    )
    e = one(ex, text, "kidnapping")
    assert (e.agent_state, e.country, e.date.value) == ("SY", "AT", "2009-06-04")
    assert "Tomas Varga" in names(e, "target")


def test_a_fronted_time_is_no_subject(ex: Extractor) -> None:
    # "on Monday evening": "evening" is no name the date swallowed
    text = (
        "European Union leaders meeting in Brussels on Monday evening agreed to bar Russian airlines from "
        "the bloc's airspace and airports, and asked for further sanctions."
    )
    found = [e for e in events(ex, text) if e.type == "sanction"]
    assert found and {e.agent_state for e in found} == {"EU"}


def test_a_title_noun_before_a_name_makes_a_person(ex: Extractor) -> None:
    # the tagger reads the hyphenated name as an organisation; the title says it is a person
    text = "The veteran rights defender Jean-Baptiste Ntare was shot in the leg in Kigali by Rwandan agents."
    e = one(ex, text, "assassination")
    assert e.agent_state == "RW"


def test_a_person_described_in_apposition_is_beaten(ex: Extractor) -> None:
    # the tagger does not take "Rezhar Ahmo" for a person; "a … politician" says he is one; nor
    # "late December" for a date, yet it is the fronted date (no comma) the parser joins the name to
    text = (
        "In late December Rezhar Ahmo, a Bremen local politician of Syrian origin who belongs to the Left "
        "party, was attacked and beaten by two Syrian agents in his own flat."
    )
    found = [e for e in events(ex, text) if e.type in HOSTILE_TYPES]
    assert found and {(e.type, e.agent_state) for e in found} == {("assault", "SY")}


def test_beat_without_a_doer_or_means_is_no_assault(ex: Extractor) -> None:
    assert not [
        e for e in events(ex, "The Iranian champion beat him in the final in Tehran.") if e.type == "assault"
    ]


def test_an_entry_ban_is_a_sanction(ex: Extractor) -> None:
    e = one(
        ex,
        "In May 2011 the European Union banned six Syrian officials from entering its territory.",
        "sanction",
    )
    assert (e.agent_state, e.date.value) == ("EU", "2011-05")


def test_a_recalled_high_commissioner_is_a_diplomatic_measure(ex: Extractor) -> None:
    e = one(ex, "In March 2013 Canada recalled its high commissioner from Colombo.", "diplomatic_measure")
    assert e.agent_state == "CA"


def test_a_gapped_clause_gives_its_state_a_measure_of_its_own(ex: Extractor) -> None:
    text = "In April 2016 Sweden recalled its ambassador and Norway its envoy."
    found = [e for e in events(ex, text) if e.type == "diplomatic_measure"]
    assert sorted(e.agent_state or "" for e in found) == ["NO", "SE"]
    norway = next(e for e in found if e.agent_state == "NO")
    assert "Sweden" not in names(norway, "responder")
    assert not {"Norway"} & names(norway, "target")


def test_of_two_subjects_the_nearer_acts(ex: Extractor) -> None:
    # the parser makes both "Gambia" and "Britain" subjects of "recalled"
    text = (
        "In 1994 the Commonwealth suspended Gambia, Britain recalled its high commissioner "
        "and the United States its ambassador."
    )
    measures = [e for e in events(ex, text) if e.type == "diplomatic_measure"]
    assert sorted(e.agent_state or "" for e in measures) == ["GB", "US"]
    assert "Gambia" not in {n for e in measures for n in names(e, "responder")}


def test_tracking_a_phone_is_surveillance(ex: Extractor) -> None:
    text = "Cuban intelligence officers tracked the dissident's phone calls in Madrid in 2004."
    e = one(ex, text, "surveillance")
    assert (e.agent_state, e.country) == ("CU", "ES")


def test_the_decision_to_expel_told_after_the_expulsion_is_no_second_one(ex: Extractor) -> None:
    text = (
        "Poland expelled two Russian diplomats on Monday over a plot against an exiled banker. "
        "Officials in Washington on Tuesday praised the decision by the NATO member to expel the diplomats."
    )
    found = [e for e in events(ex, text, dt.date(2022, 5, 11)) if e.type == "expulsion"]
    assert [e.agent_state for e in found] == ["PL"]
