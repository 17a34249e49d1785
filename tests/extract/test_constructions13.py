"""Where a story is and whose service acts: a response no one is named to take, in an article
naming no state behind its acts, is in the country the story is in ("Two men were arrested a
week later" after a killing in Nairobi); a name two states' services share ("the KGB") is the
service of the state the article names most; "the court" is the court told before; "released
on bail" releases no one called bail; a court giving years convicts; being forced into a car is
an abduction. Hand-written articles (other people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor

PUBLISHED = dt.date(2020, 1, 1)


def test_a_response_no_one_is_named_to_take_is_in_the_country_of_the_story(ex: Extractor) -> None:
    text = (
        "Murdered reporter's family still waits\n\n"
        "The reporter Joseph Kamau, who had written about police death squads, was shot dead "
        "outside his home in Nairobi on 3 March 2015.\n\n"
        "Two men were arrested a week later. They were released on bail in June 2015, and the "
        "case has not come to trial."
    )
    found = {e.type: e for e in ex.extract(text, PUBLISHED).events}
    assert {"assassination", "arrest", "release"} <= set(found)
    assert (found["arrest"].agent_state, found["arrest"].country) == ("KE", "KE")
    assert (found["release"].agent_state, found["release"].country) == ("KE", "KE")
    # the state behind the killing is not named: it stays unknown
    assert found["assassination"].agent_state is None


def test_the_kgb_in_a_story_about_belarus_is_belarus_s(ex: Extractor) -> None:
    text = (
        "Belarus opposition leader remembered\n\n"
        "MINSK – Twenty years ago, Belarus lost one of its best-known opposition figures.\n\n"
        "Viktar Hanchar was abducted in Minsk on 16 September 1999 by officers of the KGB, "
        "according to a former Belarusian investigator. Belarus has always denied any role."
    )
    found = [e for e in ex.extract(text, PUBLISHED).events if e.type == "kidnapping"]
    assert [e.agent_state for e in found] == ["BY"]
    doers = [a for a in found[0].actors if a.role == "perpetrator"]
    assert [a.canonical for a in doers] == ["State Security Committee of Belarus"]


def test_the_kgb_in_a_soviet_story_is_the_soviet_one(ex: Extractor) -> None:
    text = (
        "The umbrella murder\n\n"
        "LONDON – The Bulgarian dissident Georgi Markov was stabbed with a poisoned umbrella on "
        "Waterloo Bridge in London on 7 September 1978 by an agent working with the KGB, a "
        "former Soviet officer later said."
    )
    found = [e for e in ex.extract(text, PUBLISHED).events if e.type == "assault"]
    assert [(e.agent_state, e.country) for e in found] == [("RU", "GB")]


def test_released_on_bail_releases_no_one_called_bail(ex: Extractor) -> None:
    text = (
        "Lithuanian police arrested two reporters in Vilnius on 1 May 2019. "
        "They were released on bail on 2 May 2019."
    )
    found = [e for e in ex.extract(text, PUBLISHED).events if e.type == "release"]
    assert found
    assert "bail" not in {a.name for e in found for a in e.actors}


def test_forced_into_a_car_is_an_abduction(ex: Extractor) -> None:
    text = (
        "On 3 May 2021 the blogger Anton Zhuk was forced into a car outside his office in Minsk "
        "by officers of Belarus's interior ministry."
    )
    found = [e for e in ex.extract(text, PUBLISHED).events if e.type == "kidnapping"]
    assert [(e.agent_state, e.country, e.date.value) for e in found] == [("BY", "BY", "2021-05-03")]
    assert "Anton Zhuk" in {a.name for a in found[0].actors if a.role == "target"}


def test_a_court_giving_years_or_a_sentence_convicts(ex: Extractor) -> None:
    gave = "In August 2005 a court in Phnom Penh gave each of the two men 20 years in prison for the murder."
    found = [e for e in ex.extract(gave, PUBLISHED).events if e.type == "conviction"]
    assert [(e.agent_state, e.date.value) for e in found] == [("KH", "2005-08")]
    handed = "In March 2004 a Lagos judge handed Omar Diallo a life sentence for killing the publisher."
    found = [e for e in ex.extract(handed, PUBLISHED).events if e.type == "conviction"]
    assert [e.agent_state for e in found] == ["NG"]
    assert {a.name for a in found[0].actors if a.role == "target"} == {"Omar Diallo"}
    # a court giving a ministry time convicts no one
    assert not ex.extract("The court gave the ministry two weeks to respond.", PUBLISHED).events


def test_the_court_names_back_the_court_told_before(ex: Extractor) -> None:
    # "the court" is the Belgian court of the first sentence, not a court of France, where the
    # bombing was planned
    text = (
        "A Belgian court on Thursday sentenced Karim Nouri, an Iranian diplomat, to 20 years in prison "
        "for planning to bomb a rally near Paris in June 2018.\n\n"
        "The court gave Ali Tavakoli 15 years and Sara Tavakoli 18 years."
    )
    found = [e for e in ex.extract(text, dt.date(2021, 2, 4)).events if e.type == "conviction"]
    assert len(found) == 2
    assert {(e.agent_state, e.country) for e in found} == {("BE", "BE")}
