"""Response phrasings the trigger lexicon did not read: a verdict with the person between
"found" and "guilty", "set free", "declared … unacceptable", a recall of "heads of mission",
the closing of a "bureau", a commission appointed to find killers. One hand-written sentence
each, with the phrasing's near miss where there is one."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from plotwatch.types import EventMention
from tests.extract.test_constructions import events

ACT = "Agents of Libya's intelligence service shot dead the exile Omar Salem in Rome in March 1984. "


def of_type(ex: Extractor, text: str, kind: str) -> list[EventMention]:
    return [e for e in events(ex, text, dt.date(1985, 6, 20)) if e.type == kind]


def test_found_with_the_person_before_guilty_is_a_conviction(ex: Extractor) -> None:
    text = ACT + "In May 1985 an Italian court found him guilty of the murder."
    assert [(e.agent_state, e.date.value) for e in of_type(ex, text, "conviction")] == [("IT", "1985-05")]


def test_found_without_guilty_is_no_conviction(ex: Extractor) -> None:
    text = ACT + "In May an Italian court found him fit to stand trial."
    assert of_type(ex, text, "conviction") == []


def test_set_free_is_a_release(ex: Extractor) -> None:
    text = ACT + "In May the gunman was set free by the Italian authorities."
    assert [e.agent_state for e in of_type(ex, text, "release")] == ["IT"]


def test_set_up_is_no_release(ex: Extractor) -> None:
    text = ACT + "In May the Italian authorities set up a hotline for witnesses."
    assert of_type(ex, text, "release") == []


def test_declared_unacceptable_is_an_expulsion(ex: Extractor) -> None:
    text = ACT + "In April Italy declared three Libyan diplomats unacceptable."
    assert [e.agent_state for e in of_type(ex, text, "expulsion")] == ["IT"]


def test_declared_guilty_of_nothing_else_is_no_expulsion(ex: Extractor) -> None:
    text = ACT + "In April Italy declared a state of emergency in the south."
    assert of_type(ex, text, "expulsion") == []


def test_recalling_heads_of_mission_is_a_diplomatic_measure(ex: Extractor) -> None:
    text = ACT + "In April Italy recalled its head of mission from Tripoli."
    assert [e.agent_state for e in of_type(ex, text, "diplomatic_measure")] == ["IT"]


def test_closing_a_bureau_is_a_diplomatic_measure(ex: Extractor) -> None:
    text = ACT + "In April the Italian government closed the Libyan People's Bureau in Rome."
    assert [e.agent_state for e in of_type(ex, text, "diplomatic_measure")] == ["IT"]


def test_appointing_a_commission_is_an_investigation(ex: Extractor) -> None:
    text = ACT + "In April the Italian government appointed a commission to find the killers."
    assert [e.agent_state for e in of_type(ex, text, "investigation")] == ["IT"]


def test_appointing_a_minister_is_no_investigation(ex: Extractor) -> None:
    text = ACT + "In April the Italian government appointed a new interior minister."
    assert of_type(ex, text, "investigation") == []


# A response noun a person owns ("his extradition", "her release"): the owner underwent it, the
# verb that brings it about names who took it; asked for or contested, it did not happen.
PERU = "Peruvian army officers abducted the journalist Luis Ramos in Lima in April 1992. "


def test_approving_his_extradition_names_the_court_not_him(ex: Extractor) -> None:
    text = PERU + "Chile's Supreme Court approved his extradition on 21 September 2007."
    assert [(e.agent_state, e.date.value) for e in of_type(ex, text, "extradition")] == [("CL", "2007-09-21")]


def test_his_release_ordered_by_a_judge_is_a_release(ex: Extractor) -> None:
    text = PERU + "His release was ordered by a Chilean judge in May 2007."
    assert [(e.agent_state, e.date.value) for e in of_type(ex, text, "release")] == [("CL", "2007-05")]


def test_securing_her_release_is_a_release(ex: Extractor) -> None:
    text = PERU + "In May 2007 the Chilean government secured her release."
    assert [e.agent_state for e in of_type(ex, text, "release")] == ["CL"]


def test_the_release_of_a_report_is_no_release(ex: Extractor) -> None:
    text = PERU + "In May 2007 the Chilean government delayed the release of the report."
    assert of_type(ex, text, "release") == []


def test_its_expulsion_is_the_announcing_state_s(ex: Extractor) -> None:
    text = PERU + "In May 2007 Chile announced its expulsion of two Peruvian diplomats."
    assert [e.agent_state for e in of_type(ex, text, "expulsion")] == ["CL"]


def test_a_warrant_for_his_arrest_is_no_arrest(ex: Extractor) -> None:
    text = PERU + "In 1993 an Argentine judge issued a warrant for his arrest."
    assert of_type(ex, text, "arrest") == []


def test_lobbying_for_her_release_is_no_release(ex: Extractor) -> None:
    text = PERU + "In 1993 Madrid lobbied Lima for her release."
    assert of_type(ex, text, "release") == []


def test_fighting_his_extradition_is_no_extradition(ex: Extractor) -> None:
    text = PERU + "In 2006 he appeared before a court in Santiago to fight his extradition to Peru."
    assert of_type(ex, text, "extradition") == []


def test_a_state_s_security_service_is_not_mi5(ex: Extractor) -> None:
    # MI5's name "Security Service" matches only as written (gazetteer exact_case)
    text = "South Sudan's security service threatened the exile Deng Majok in Nairobi in March 1985."
    assert [e.agent_state for e in of_type(ex, text, "intimidation")] == ["SS"]


def test_a_dateline_with_an_accent_and_no_date_is_not_the_subject(ex: Extractor) -> None:
    text = "BOGOTÁ – Colombia's Supreme Court on Thursday sentenced Luz Marina Ortiz to 14 years in prison."
    convictions = [e for e in events(ex, text, dt.date(2015, 5, 1)) if e.type == "conviction"]
    assert [(e.agent_state, e.date.value) for e in convictions] == [("CO", "2015-04-30")]
    # the dateline city is where the story is filed, not the court
    text = "MEDELLÍN – A court in Colombia on Thursday sentenced Ana Ruiz to 14 years in prison."
    convictions = [e for e in events(ex, text, dt.date(2015, 5, 1)) if e.type == "conviction"]
    assert [a.name for e in convictions for a in e.actors if a.role == "responder"] == ["court"]


def test_the_cia_is_a_us_agency(ex: Extractor) -> None:
    text = "In the autumn of 1960 the CIA sent poison to its station in the Congo to kill the prime minister."
    acts = [e for e in events(ex, text, dt.date(2025, 6, 18)) if e.type == "assassination"]
    assert [e.agent_state for e in acts] == ["US"]


SERB = "Serbian state security agents shot dead the exiled editor Milan Kos in Belgrade in 1999. "


def test_surrendering_to_the_police_is_an_arrest_of_the_subject(ex: Extractor) -> None:
    arrests = of_type(ex, SERB + "Zoran Lukić surrendered to the police in Belgrade in May 2004.", "arrest")
    assert [(e.agent_state, [(a.role, a.name) for a in e.actors]) for e in arrests] == [
        ("RS", [("responder", "the police"), ("target", "Zoran Lukić")])
    ]


def test_surrendering_a_claim_is_no_arrest(ex: Extractor) -> None:
    assert of_type(ex, SERB + "In May 2004 Serbia surrendered its claim to the villa.", "arrest") == []


def test_taken_from_his_home_by_agents_is_a_kidnapping(ex: Extractor) -> None:
    text = "On 22 August 2016 the exile was taken from his home in Dhaka by Bangladeshi intelligence agents."
    assert [(e.agent_state, e.country) for e in of_type(ex, text, "kidnapping")] == [("BD", "BD")]


def test_taken_from_the_scene_to_hospital_is_no_kidnapping(ex: Extractor) -> None:
    assert of_type(ex, SERB + "The wounded man was taken from the scene to hospital.", "kidnapping") == []


def test_setting_a_building_alight_is_an_attack(ex: Extractor) -> None:
    text = "Masked men set alight a synagogue in Melbourne on 6 December 2024 on the orders of Iran's IRGC."
    assert [(e.agent_state, e.country) for e in of_type(ex, text, "armed_attack")] == [("IR", "AU")]
