"""Constructions of responses opened by eval/heldout7: hand-overs to another state's
authorities (extraditions by the sending state), one hand-written sentence each."""

from __future__ import annotations

from plotwatch.extract import Extractor
from tests.extract.test_constructions import events

BOMBING = "Serbian agents bombed the office of the exiled editor Zoran Ilic in Vienna in 1990. "


def test_handed_over_to_foreign_authorities_is_an_extradition_by_the_sender(ex: Extractor) -> None:
    # the handed man's name is no PERSON to the tagger: the foreign authorities mark the hand-over
    found = events(ex, BOMBING + "Hungary handed Kovacs over to the Austrian authorities in March 2011.")
    ext = [e for e in found if e.type == "extradition"]
    assert [(e.agent_state, e.date.value) for e in ext] == [("HU", "2011-03")]


def test_a_second_extradition_in_the_clause_after_keeps_the_sender(ex: Extractor) -> None:
    text = (
        BOMBING
        + "Hungary handed Kovacs over to the Austrian authorities in March 2011; "
        + "Szabo was extradited in June."
    )
    ext = sorted((e.date.value, e.agent_state) for e in events(ex, text) if e.type == "extradition")
    assert ext == [("2011-03", "HU"), ("2011-06", "HU")]


def test_its_security_services_are_the_state_last_named_as_subject(ex: Extractor) -> None:
    text = (
        BOMBING + "Damascus has long tried to shed its image as a refuge for militants. "
        "In May 2003 its security services handed Marco Diaz, a Chilean, to Spanish agents in Beirut, "
        "who flew him to Madrid."
    )
    ext = [e for e in events(ex, text) if e.type == "extradition"]
    assert [e.agent_state for e in ext] == ["SY"]


def test_a_state_adding_a_country_to_its_terror_list_and_an_embargo_are_two_sanctions(ex: Extractor) -> None:
    text = (
        BOMBING + "The United States added Myanmar to its list of state sponsors of terrorism in March 2004 "
        "and imposed a comprehensive trade embargo on the country in May 2006."
    )
    found = sorted((e.date.value, e.agent_state) for e in events(ex, text) if e.type == "sanction")
    assert found == [("2004-03", "US"), ("2006-05", "US")]


def test_an_embargo_imposed_by_a_state_is_a_sanction(ex: Extractor) -> None:
    text = BOMBING + "Britain imposed an arms embargo on Serbia in June 1991."
    found = [(e.date.value, e.agent_state) for e in events(ex, text) if e.type == "sanction"]
    assert found == [("1991-06", "GB")]


BEATING = "Belarusian agents beat the exiled blogger Ales Pushkin in Vilnius on 3 May 2021. "


def test_a_note_of_protest_handed_to_an_ambassador_is_the_handing_states_measure(ex: Extractor) -> None:
    # the parser hangs the note on the ambassador's name as an apposition
    text = (
        BEATING
        + "On 5 May the Lithuanian foreign ministry handed Belarus's ambassador, Igor Petrov, "
        + "a note of protest."
    )
    found = [(e.date.value, e.agent_state) for e in events(ex, text) if e.type == "diplomatic_measure"]
    assert found == [("2021-05-05", "LT")]


def test_calling_in_a_diplomat_is_a_diplomatic_measure(ex: Extractor) -> None:
    text = (
        BEATING
        + "On 5 May Lithuania's deputy foreign minister called in a Belarusian diplomat and warned him."
    )
    found = [(e.date.value, e.agent_state) for e in events(ex, text) if e.type == "diplomatic_measure"]
    assert found == [("2021-05-05", "LT")]


def test_setting_up_an_investigative_team_is_an_investigation(ex: Extractor) -> None:
    text = BEATING + "In May 2021 police in Vilnius set up a special investigative team."
    found = [(e.date.value, e.agent_state) for e in events(ex, text) if e.type == "investigation"]
    assert found == [("2021-05", "LT")]


def test_taking_a_person_into_custody_is_an_arrest(ex: Extractor) -> None:
    text = BEATING + "On 4 May Lithuanian officers took him into custody at the border."
    found = [(e.date.value, e.agent_state) for e in events(ex, text) if e.type == "arrest"]
    assert found == [("2021-05-04", "LT")]
