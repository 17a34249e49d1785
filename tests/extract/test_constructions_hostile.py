"""Constructions of hostile acts (one hand-written sentence or short article per rule).

Like ``test_constructions.py``: the shipped gazetteer and lexicon, states and people other
than those of the evaluation articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract import Extractor
from plotwatch.types import HOSTILE_TYPES as HOSTILE
from tests.extract.test_constructions import events, names, one

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


# -- states and targets -----------------------------------------------------------------------


@pytest.mark.parametrize("organ", ["the NKVD", "the Soviet secret police"])
def test_the_soviet_secret_police_acts_for_russia(ex: Extractor, organ: str) -> None:
    text = f"In August 1946 an agent of {organ} shot dead an exiled general at his house in Paris."
    assert one(ex, text, "assassination").agent_state == "RU"


def test_a_surname_the_tagger_reads_as_a_plural_is_one_target(ex: Extractor) -> None:
    text = (
        "On 12 March 1950, Dmytro Horodets, the leader of the Congress of Ukrainian Exiles, was killed "
        "in the centre of Munich when a parcel blew up in his hands. The NKVD was behind the killing."
    )
    assert [e.type for e in events(ex, text) if e.type in ("assassination", "armed_attack")] == [
        "assassination"
    ]


def test_an_act_that_is_the_subject_of_what_is_said_of_it_names_no_doer(ex: Extractor) -> None:
    text = (
        "On 3 May 1950 an exiled general was shot dead outside his flat in Munich. The killing was "
        "part of a campaign against the regime's enemies abroad. In 1951 an NKVD officer shot dead "
        "a defector in Vienna."
    )
    found = [e for e in events(ex, text) if e.type == "assassination" and e.country == "DE"]
    assert len(found) == 1 and found[0].agent_state == "RU"
    assert not [a for a in found[0].actors if a.role == "perpetrator"]


def test_a_team_sent_from_a_capital_acts_for_its_state(ex: Extractor) -> None:
    text = "In 1985 a hit squad sent from Tripoli shot dead an exiled journalist in Rome."
    assert one(ex, text, "assassination").agent_state == "LY"


# -- shootings told in other words --------------------------------------------------------------


def test_fired_on_a_person_who_was_wounded_is_a_failed_assassination(ex: Extractor) -> None:
    text = (
        "In 1994 a gunman fired on an exiled journalist in Vienna and he was slightly wounded; police "
        "arrested a Syrian diplomat near the scene."
    )
    hostile = [e for e in events(ex, text) if e.type in HOSTILE]
    assert [(e.type, e.status) for e in hostile] == [("assassination", "failed")]


def test_mortally_wounded_is_a_killing(ex: Extractor) -> None:
    text = "In 1946 an agent of the NKVD mortally wounded an exiled general at his house in Paris."
    e = one(ex, text, "assassination")
    assert e.status == "executed" and e.country == "FR"


def test_fired_repeatedly_into_his_car_is_one_act_at_him(ex: Extractor) -> None:
    text = (
        "In 1984 Libyan gunmen fired repeatedly into his car outside his flat in Rome, and he died at "
        "the scene."
    )
    e = one(ex, text, "assassination")
    assert e.status == "executed" and e.agent_state == "LY"


def test_an_act_told_as_the_time_of_a_description_takes_no_date_from_its_sentence(ex: Extractor) -> None:
    text = (
        "In 1985 a hit squad sent from Tripoli shot dead an exiled journalist in Rome. In 2006 an Italian "
        "judge issued an arrest warrant for Salem Ghat, who was Libya's intelligence chief when the "
        "journalist was shot."
    )
    dates = {e.date.value for e in events(ex, text) if e.type == "assassination"}
    assert "2006" not in dates and "1985" in dates


def test_opened_fire_and_killed_a_named_person_is_one_assassination(ex: Extractor) -> None:
    text = (
        "In May 1998 gunmen opened fire on a car in Kampala and killed the opposition leader Jean "
        "Habimana and his driver. His widow blamed the Rwandan government for the killing."
    )
    hostile = [e for e in events(ex, text) if e.type in HOSTILE]
    assert [e.type for e in hostile] == ["assassination"]
    assert not any(a.name == "fire" for a in hostile[0].actors)


def test_an_attack_aimed_at_a_named_person_with_no_killing_is_an_assault(ex: Extractor) -> None:
    text = (
        "Two men suspected of attacking the exiled blogger Dmitri Sokolov outside his flat in Riga last "
        "month have been detained in Poland. Prosecutors said the attack had been ordered by an officer "
        "of the Russian military intelligence service."
    )
    hostile = [e for e in events(ex, text, dt.date(2023, 6, 20)) if e.type in HOSTILE]
    assert [(e.type, e.country) for e in hostile] == [("assault", "LV")]


def test_a_bomb_that_injured_a_named_person_is_a_failed_assassination(ex: Extractor) -> None:
    text = (
        "A car bomb planted by Iranian agents badly injured the exiled editor Karim Nazari in Oslo in 1993."
    )
    act = one(ex, text, "assassination", dt.date(2003, 1, 1))
    assert act.status == "failed"
    assert names(act, "target") == {"Karim Nazari"}


def test_a_bomb_that_maimed_a_named_couple_is_a_failed_assassination(ex: Extractor) -> None:
    text = "Iranian agents sent a parcel bomb that maimed Daniel and Ruth Keller in Oslo in 1993."
    assert one(ex, text, "assassination", dt.date(2003, 1, 1)).status == "failed"


def test_a_bomb_that_injured_many_people_stays_a_bombing(ex: Extractor) -> None:
    text = "A car bomb planted by Iranian agents badly injured twelve people in Oslo in 1993."
    assert one(ex, text, "bombing", dt.date(2003, 1, 1)).status == "failed"


# -- disappearances ---------------------------------------------------------------------------


def test_a_person_who_disappeared_abroad_is_a_kidnapping_target(ex: Extractor) -> None:
    text = (
        "Iranian agents kidnapped the activist Dara Samimi in Baghdad in 2019. Another exiled "
        "journalist, Jon Arana, disappeared from his flat in Istanbul in October 2019."
    )
    gone = [e for e in events(ex, text, dt.date(2020, 1, 1)) if e.trigger == "disappeared"]
    assert len(gone) == 1
    assert gone[0].type == "kidnapping" and gone[0].country == "TR" and gone[0].date.value == "2019-10"
    assert names(gone[0], "target") == {"Jon Arana"} and names(gone[0], "perpetrator") == set()


def test_who_disappeared_gives_the_antecedents_as_targets(ex: Extractor) -> None:
    text = (
        "Iranian agents shot the dissident Jon Arana in Istanbul in 2014. Two exiled activists, "
        "Ali Karimi and Reza Tabrizi, who disappeared in Ankara in October 2015, were never found."
    )
    gone = one(ex, text, "kidnapping", dt.date(2020, 1, 1))
    assert gone.date.value == "2015-10" and {"Ali Karimi", "Reza Tabrizi"} <= names(gone, "target")


def test_doers_who_disappeared_are_no_kidnapping(ex: Extractor) -> None:
    text = (
        "The two Iranian agents who shot the dissident Jon Arana in Istanbul in 2014 disappeared "
        "before the police arrived."
    )
    assert [e.type for e in events(ex, text, dt.date(2020, 1, 1))] == ["assassination"]


def test_a_disappearance_told_with_the_abduction_is_one_kidnapping(ex: Extractor) -> None:
    text = (
        "Two exiled activists, Jon Arana and Mikel Etxeberria, who disappeared in Istanbul in "
        "October 2019, were abducted by Iranian agents, their lawyer said."
    )
    act = one(ex, text, "kidnapping", dt.date(2020, 1, 1))
    assert act.date.value == "2019-10" and act.country == "TR"


def test_of_two_towns_of_one_name_the_one_in_a_country_the_article_names(ex: Extractor) -> None:
    # geonames' biggest Bayonne is in New Jersey
    text = (
        "Two Basque refugees living in France disappeared in Bayonne in October 1983; "
        "Spanish agents had seized them."
    )
    act = one(ex, text, "kidnapping", dt.date(1990, 1, 1))
    assert (act.country, act.place) == ("FR", "Bayonne")


def test_where_a_kidnapped_man_was_driven_is_not_where_he_was_seized(ex: Extractor) -> None:
    text = (
        "Ramon Etxeberria, a Basque exile, was seized at his home on 4 December 1983 by three "
        "gunmen hired by Spanish police officers, who drove him into Spain."
    )
    assert one(ex, text, "kidnapping", dt.date(1998, 7, 30)).country is None


def test_a_bomb_that_injured_two_named_members_of_a_movement_is_a_failed_assassination(ex: Extractor) -> None:
    text = (
        "In 1988 a car bomb planted by Iranian agents badly injured Daniel and Ruth Keller, two "
        "PMOI supporters living in Oslo."
    )
    assert one(ex, text, "assassination", dt.date(2003, 1, 1)).status == "failed"


def test_an_act_an_inquiry_found_takes_no_date_from_the_report(ex: Extractor) -> None:
    text = (
        "A bomb planted by Belarusian agents went off under the editor's car in Vilnius in 2001. "
        "In their final report, published in 2009, Lithuanian prosecutors found that the bombing "
        "had been the work of Belarus's KGB."
    )
    bombs = [e for e in events(ex, text, dt.date(2018, 4, 7)) if e.type == "bombing"]
    assert [e.date.value for e in bombs] == ["2001"]


def test_the_one_shot_told_as_surviving_in_the_next_sentence_makes_the_attempt_failed(ex: Extractor) -> None:
    text = (
        "The exiled editor Karim Nazari walked out of a hotel in London in 1982. A young man sent "
        "by Iraqi intelligence drew a pistol and shot him in the head. The editor survived, but he "
        "never recovered."
    )
    assert one(ex, text, "assassination", dt.date(2022, 6, 3)).status == "failed"


def test_hired_gunmen_make_a_kidnapping_done_not_planned(ex: Extractor) -> None:
    text = (
        "Iranian agents have killed several exiles. Ramon Etxeberria, a dissident, was seized at "
        "his home on 4 December 1983 by three hired gunmen."
    )
    assert one(ex, text, "kidnapping", dt.date(1998, 7, 30)).status == "executed"


def test_some_of_them_vanished_is_a_summary_not_a_kidnapping(ex: Extractor) -> None:
    text = "Libyan agents shot the exile Ali Karimi in London in 1984. Some of his opponents simply vanished."
    assert [e.type for e in events(ex, text, dt.date(2014, 11, 17))] == ["assassination"]


def test_others_killed_as_well_are_victims_of_the_act_just_told(ex: Extractor) -> None:
    text = (
        "Israeli commandos shot Khalil Hassan in his villa near Tunis in 1988. "
        "Men guarding the villa were killed as well."
    )
    found = events(ex, text, dt.date(2018, 4, 16))
    assert [e.type for e in found] == ["assassination"]
    assert "Men" in names(found[0], "target")


def test_a_named_person_who_died_when_a_bomb_went_off_was_assassinated(ex: Extractor) -> None:
    text = (
        "Tehran blames Israel for the killings of its nuclear scientists, among them Mostafa "
        "Rahimi, who died in January 2012 when a magnetic bomb was stuck to his car in Tehran."
    )
    act = one(ex, text, "assassination", dt.date(2013, 8, 23))
    assert act.date.value == "2012-01" and "Mostafa Rahimi" in names(act, "target")


def test_a_bomb_that_wounded_a_diplomats_wife_is_a_failed_assassination(ex: Extractor) -> None:
    # "the wife of Israel's defence attaché" describes her: the state is no second victim
    text = (
        "In 2012 a car bomb planted by Iranian agents badly injured Tal Cohen, the wife of "
        "Israel's defence attaché, in New Delhi."
    )
    assert one(ex, text, "assassination", dt.date(2013, 8, 23)).status == "failed"
