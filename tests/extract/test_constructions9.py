"""Constructions opened by eval/heldout9: blame told without naming the act ("held X
responsible", "X was suspected", "the evidence pointed to X"), dates counted from an act or a
year told in words ("the Sunday after the shooting", "on 14 March last year", "last December"),
new trigger phrasings, courts, treasuries and titled officials as responders; one hand-written
sentence each (other people, places and years than the evaluated articles)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from plotwatch.types import HOSTILE_TYPES, EventMention
from tests.extract.test_constructions import events

ACT = "The exiled poet Karim Haddad was shot dead outside his flat in Lyon in March 1988. "


def hostile(ex: Extractor, text: str, published: str = "2021-05-04") -> list[EventMention]:
    return [e for e in events(ex, text, dt.date.fromisoformat(published)) if e.type in HOSTILE_TYPES]


def of_type(ex: Extractor, text: str, kind: str, published: str = "2021-05-04") -> list[EventMention]:
    return [e for e in events(ex, text, dt.date.fromisoformat(published)) if e.type == kind]


def test_an_act_with_no_one_blamed_has_no_state(ex: Extractor) -> None:
    # the learned filter may keep the act, never with a state
    assert {e.agent_state for e in hostile(ex, ACT + "The police never found the gunman.")} <= {None}


def test_held_responsible_names_the_state(ex: Extractor) -> None:
    text = ACT + "His friends have always held Libya's intelligence service responsible."
    assert [e.agent_state for e in hostile(ex, text)] == ["LY"]


def test_a_suspected_state_organ_names_the_state(ex: Extractor) -> None:
    text = ACT + "Iraq's secret services had been suspected before of hunting exiles in France."
    assert [e.agent_state for e in hostile(ex, text)] == ["IQ"]


def test_suspected_men_of_a_nationality_name_no_state(ex: Extractor) -> None:
    text = ACT + "Two Algerian men were suspected of the murder."
    assert {e.agent_state for e in hostile(ex, text)} <= {None}


def test_a_bare_responsible_after_the_act_names_the_state(ex: Extractor) -> None:
    text = ACT + "In 1990 a French judge said that the government of Syria was responsible."
    assert [e.agent_state for e in hostile(ex, text)] == ["SY"]


def test_evidence_pointing_to_a_government_names_the_state(ex: Extractor) -> None:
    text = ACT + "The prosecutor said the evidence pointed to the Libyan government."
    assert [e.agent_state for e in hostile(ex, text)] == ["LY"]


def test_blame_on_a_government_placed_by_its_capital(ex: Extractor) -> None:
    text = ACT + "His widow blames the government in Tripoli for both attacks."
    assert [e.agent_state for e in hostile(ex, text)] == ["LY"]


def test_the_weekday_after_an_act_counts_from_the_act(ex: Extractor) -> None:
    text = (
        "The journalist Omar Said was stabbed to death in Marseille on 3 June 2010. "
        "Two men were arrested by French police on the Saturday after the killing."
    )
    arrests = of_type(ex, text, "arrest", "2019-12-06")
    assert [str(e.date) for e in arrests] == ["2010-06-05"]


def test_a_day_and_month_last_year_is_last_years(ex: Extractor) -> None:
    text = "On 2 April last year Libyan agents shot the dissident Ali Omar in Bonn."
    found = hostile(ex, text, "2022-06-15")
    assert [str(e.date) for e in found] == ["2021-04-02"]


def test_last_december_told_in_december_is_a_year_ago(ex: Extractor) -> None:
    found = hostile(ex, "Last December Libyan agents shot the dissident Ali Omar in Bonn.", "2015-12-16")
    assert [str(e.date) for e in found] == ["2014-12"]


def test_investigating_judges_open_no_investigation_and_place_the_charge(ex: Extractor) -> None:
    text = "On Monday investigating judges in Brussels placed two men under formal investigation."
    found = events(ex, text, dt.date(2023, 3, 8))
    assert [(e.type, e.agent_state) for e in found] == [("charge", "BE")]


def test_ambassadors_called_home_by_a_list_of_states(ex: Extractor) -> None:
    text = "On Tuesday Spain, Portugal and Greece called their ambassadors home from Minsk."
    found = of_type(ex, text, "diplomatic_measure", "2021-05-27")
    assert sorted(e.agent_state for e in found) == ["ES", "GR", "PT"]


def test_breaking_into_a_network_is_a_cyberattack(ex: Extractor) -> None:
    text = (
        "In March 2019 hackers working for Iran's intelligence ministry broke into the network of a "
        "Dubai bank."
    )
    assert [(e.type, e.agent_state) for e in hostile(ex, text)] == [("cyberattack", "IR")]


def test_rounding_up_a_group_is_an_arrest(ex: Extractor) -> None:
    text = "Jordanian police rounded up the group in Amman on 3 May 2004."
    assert [e.agent_state for e in of_type(ex, text, "arrest")] == ["JO"]


def test_handed_over_after_a_shared_passive_is_an_extradition(ex: Extractor) -> None:
    text = "The gunman was arrested in Ukraine in May and handed over to Poland on 2 September."
    found = of_type(ex, text, "extradition", "2016-11-01")
    assert [(e.agent_state, str(e.date)) for e in found] == [("UA", "2016-09-02")]


def test_a_court_hung_on_the_offence_is_the_conviction_s(ex: Extractor) -> None:
    text = "A Syrian army officer was found guilty of assault at Westminster Magistrates' Court on Friday."
    found = of_type(ex, text, "conviction", "2019-12-07")
    assert [e.agent_state for e in found] == ["GB"]


def test_a_titled_official_acts_for_the_story_s_state(ex: Extractor) -> None:
    text = (
        "Police in Ottawa arrested two Syrian agents on 3 May 2012. "
        "Two days later Prime Minister Stephen Harper expelled the Syrian charge d'affaires."
    )
    assert [e.agent_state for e in of_type(ex, text, "expulsion", "2012-05-10")] == ["CA"]


def test_the_treasury_acts_for_the_story_s_state(ex: Extractor) -> None:
    text = (
        "The Justice Department charged a North Korean programmer in Los Angeles on 6 September 2018. "
        "The same day the Treasury placed him under sanctions."
    )
    assert [e.agent_state for e in of_type(ex, text, "sanction", "2018-09-07")] == ["US"]


def test_a_local_responder_does_not_sanction_its_own_state(ex: Extractor) -> None:
    text = (
        "A court in Riyadh sentenced eight men to prison in September 2020. "
        "On Friday the Treasury imposed sanctions on Fahd Nasser, a former deputy head of Saudi "
        "intelligence, while the State Department announced visa restrictions on 50 Saudi nationals."
    )
    found = of_type(ex, text, "sanction", "2021-02-27")
    assert sorted(e.agent_state for e in found) == ["US", "US"]


def test_a_capital_that_frees_someone_is_its_state(ex: Extractor) -> None:
    text = "Tripoli freed Mark Dunn, a British engineer it had held for two years, on 4 May 2011."
    assert [e.agent_state for e in of_type(ex, text, "release", "2011-05-06")] == ["LY"]


def test_machines_of_a_state_s_armed_force_are_its_state_s(ex: Extractor) -> None:
    text = "Two helicopters of the Libyan air force opened fire on a fishing boat near Malta on 3 June 1988."
    assert [e.agent_state for e in hostile(ex, text)] == ["LY"]


def test_shots_fired_at_a_person_are_an_attempt_on_them_dated_by_the_whole_date(ex: Extractor) -> None:
    text = (
        "The exiled editor Omar Farouk lives in Lille. On the evening of 9 March 2019 several shots "
        "were fired at him by Libyan agents as he left his office."
    )
    found = hostile(ex, text, "2020-01-10")
    assert [(e.type, str(e.date)) for e in found] == [("assassination", "2019-03-09")]


def test_sending_officers_to_prison_is_a_conviction(ex: Extractor) -> None:
    text = "On Friday a court in Santiago sent twelve former officers to prison for the killings."
    assert [e.agent_state for e in of_type(ex, text, "conviction", "2016-05-28")] == ["CL"]


def test_unnamed_hackers_take_the_state_the_article_blames(ex: Extractor) -> None:
    text = (
        "In May 2016 hackers broke into the network of a bank in Hanoi. "
        "In June 2016 the FBI said that the government of North Korea was responsible."
    )
    assert [e.agent_state for e in hostile(ex, text, "2016-12-01")] == ["KP"]


def test_an_arrest_after_the_shooting_is_in_the_shooting_s_country(ex: Extractor) -> None:
    text = (
        "A Libyan diplomat was convicted at Westminster Magistrates' Court in 2019.\n\n"
        "His son accused the Libyan government of the killing of Salem Idris, who was shot dead "
        "outside his office in Rome on 6 March 2012.\n\n"
        "Two Libyan-born men were arrested on the Saturday after the shooting."
    )
    arrests = of_type(ex, text, "arrest", "2019-12-06")
    assert [(e.agent_state, str(e.date)) for e in arrests] == [("IT", "2012-03-10")]


def test_a_bare_month_after_a_past_date_is_of_that_year(ex: Extractor) -> None:
    text = (
        "On 2 February last year Libyan agents stabbed the blogger Ali Omar in Lille. "
        "In April French police arrested four men over the stabbing."
    )
    arrests = of_type(ex, text, "arrest", "2022-06-15")
    assert [str(e.date) for e in arrests] == ["2021-04"]
