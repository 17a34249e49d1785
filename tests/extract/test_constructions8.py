"""Constructions opened by eval/heldout8: former states, an act blamed with "behind it", a
place read as a noun's subject, "N years ago tonight"; one hand-written sentence each (other
people, places and years than the evaluated articles)."""

from __future__ import annotations

import datetime as dt

from plotwatch import countries
from plotwatch.extract import Extractor
from plotwatch.types import HOSTILE_TYPES, EventMention
from tests.extract.test_constructions import events


def hostile(ex: Extractor, text: str, published: str = "2021-05-04") -> list[EventMention]:
    return [e for e in events(ex, text, dt.date.fromisoformat(published)) if e.type in HOSTILE_TYPES]


def test_an_east_german_act_is_east_germanys_not_the_federal_republics(ex: Extractor) -> None:
    found = hostile(ex, "East German agents kidnapped the publisher in Hamburg in June 1958.")
    assert [(e.agent_state, e.country) for e in found] == [("DD", "DE")]


def test_an_east_german_court_is_east_germanys(ex: Extractor) -> None:
    text = (
        "East German agents kidnapped the publisher in Hamburg in June 1958. "
        "The East German Supreme Court sentenced him to eight years in prison in March 1959."
    )
    conv = [e for e in events(ex, text) if e.type == "conviction"]
    assert [e.agent_state for e in conv] == ["DD"]


def test_a_yugoslav_act_is_yugoslavias(ex: Extractor) -> None:
    found = hostile(ex, "Yugoslav agents shot the emigre writer Ante Kovac in Stuttgart in 1969.")
    assert [e.agent_state for e in found] == ["YU"]


def test_a_soviet_act_is_coded_as_the_continuing_state(ex: Extractor) -> None:
    found = hostile(ex, "Soviet agents kidnapped the emigre general Pavel Orlov in Brussels in 1934.")
    assert [e.agent_state for e in found] == ["RU"]


def test_former_codes_have_names() -> None:
    assert countries.name("DD") == "German Democratic Republic"
    assert countries.is_code("YU") and not countries.is_code("SU") and not countries.is_code("QQ")


def test_agents_behind_it_in_the_same_sentence_name_the_state(ex: Extractor) -> None:
    text = (
        "In May 2019 the blogger Somchai Rattana was seized by armed men outside his flat in Vientiane; "
        "his family believes Vietnamese agents were behind it."
    )
    assert [e.agent_state for e in hostile(ex, text)] == ["VN"]


def test_behind_it_two_sentences_on_names_nothing(ex: Extractor) -> None:
    text = (
        "In May 2019 the blogger Somchai Rattana was seized by armed men outside his flat in Vientiane. "
        "He had written about the dam for years. His family believes Vietnamese agents were behind it."
    )
    assert [e.agent_state for e in hostile(ex, text) if e.agent_state] == []


def test_a_city_before_an_act_noun_is_its_place_not_its_doer(ex: Extractor) -> None:
    # the parser makes "Lisbon" the subject of "killing": it would be the killer, and Portugal
    # the state behind the act
    text = "Forty years on, the Vienna killing that opened Iraq's campaign of terror."
    found = hostile(ex, text, "2022-05-03")
    assert not any(e.agent_state == "AT" for e in found), [(e.agent_state, e.actors) for e in found]
    assert not any(a.role == "perpetrator" and a.name == "Vienna" for e in found for a in e.actors)


def test_years_ago_tonight_is_that_day(ex: Extractor) -> None:
    text = "Twenty years ago tonight, the exile Anvar Saidov was shot dead by Uzbek agents in Ankara."
    found = hostile(ex, text, "2019-04-02")
    assert [e.date.value for e in found] == ["1999-04-02"]


STABBING = "Iranian agents stabbed the journalist Ali Rezaei in Leeds in May 2021. "


def test_stabbed_is_an_assault_and_stabbed_to_death_an_assassination(ex: Extractor) -> None:
    assert [e.type for e in hostile(ex, STABBING)] == ["assault"]
    killed = hostile(ex, "Ali Rezaei was stabbed to death by Iranian agents in Leeds in May 2021.")
    assert [e.type for e in killed] == ["assassination"]


def test_a_crown_court_is_british(ex: Extractor) -> None:
    text = (
        STABBING + "Karim Nouri was found guilty of the attack by a jury at Leeds Crown Court in March 2022."
    )
    conv = [e for e in events(ex, text, dt.date(2022, 6, 1)) if e.type == "conviction"]
    assert [e.agent_state for e in conv] == ["GB"]


def test_the_court_a_man_is_convicted_at_is_the_responder_not_a_target(ex: Extractor) -> None:
    text = STABBING + "Karim Nouri was convicted at the Old Bailey in March 2022 and jailed for six years."
    conv = [e for e in events(ex, text, dt.date(2022, 6, 1)) if e.type == "conviction"]
    assert [e.agent_state for e in conv] == ["GB"]
    roles = {(a.role, a.canonical or a.name) for e in conv for a in e.actors}
    assert ("responder", "Central Criminal Court") in roles
    assert not any(role == "target" and "Bailey" in name for role, name in roles)


def test_the_verb_an_act_is_for_does_not_place_it(ex: Extractor) -> None:
    text = (
        "Soviet agents shot the exile Mykola Lebed in Munich on 4 May 1958. "
        "For the killing, Stashinsky was decorated in Moscow."
    )
    found = hostile(ex, text, "1962-10-19")
    assert [(e.country, e.date.value) for e in found] == [("DE", "1958-05-04")]


def test_the_crime_a_man_is_jailed_for_is_the_act_told_before(ex: Extractor) -> None:
    text = (
        "On 20 October 1988 Yugoslav agents shot the exile Petar Horvat in Leeds. "
        "The gunman, Ivo Maric, was jailed for 15 years for attempted murder the following year."
    )
    found = hostile(ex, text, "2016-08-04")
    assert [(e.country, e.date.value) for e in found] == [("GB", "1988-10-20")]
    assert any(a.name == "Ivo Maric" and a.role == "perpetrator" for a in found[0].actors)
