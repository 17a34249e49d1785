"""The state behind hostile acts (and the state of responses told near them), one hand-written
construction per test, on other names and states than any evaluation article."""

from __future__ import annotations

from plotwatch.extract import Extractor
from plotwatch.types import HOSTILE_TYPES as HOSTILE

from .test_constructions import events, names, one

# -- told as blame ---------------------------------------------------------------------------


def test_a_killing_blamed_on_agents_of_the_government_in_a_capital(ex: Extractor) -> None:
    text = (
        "In May 1990 the dissident writer Ali Karimi was stabbed to death outside his flat in Vienna, "
        "a killing widely blamed on agents of the government in Tehran."
    )
    found = [e for e in events(ex, text) if e.type == "assassination"]
    assert found and all(e.agent_state == "IR" for e in found)
    # the capital in the blame is not where the act was done
    assert all(e.country in ("AT", None) for e in found)


def test_a_blame_in_the_acts_sentence_outweighs_the_articles_other_state(ex: Extractor) -> None:
    text = (
        "In 1988 Syrian agents shot dead the exiled writer Omar Saleh in Paris. In May 1990 the "
        "dissident Ali Karimi was stabbed to death outside his flat in Vienna, a killing widely blamed "
        "on agents of the government in Tehran."
    )
    found = [e for e in events(ex, text) if e.type == "assassination" and e.date.value == "1990-05"]
    assert found and all(e.agent_state == "IR" for e in found)


def test_a_shooting_that_a_state_blamed_on_another(ex: Extractor) -> None:
    text = (
        "Months later came a shooting that Lithuania blamed on Russia. On 3 May 1999 the exiled "
        "journalist Pavel Orlov was shot dead outside his home in Vilnius."
    )
    e = one(ex, text, "assassination")
    assert e.agent_state == "RU" and e.country == "LT"


def test_an_act_found_to_be_the_work_of_operatives_of_a_state_organ(ex: Extractor) -> None:
    text = (
        "In March 1996 a bomb exploded under the car of the exiled journalist Omar Haddad in Madrid. "
        "The investigation later found that the bombing had been the work of covert operatives of the "
        "Libyan intelligence service."
    )
    assert one(ex, text, "bombing").agent_state == "LY"


def test_an_operation_run_from_a_capital(ex: Extractor) -> None:
    text = (
        "In June 1994 the exiled cleric Yusuf Demir was shot dead in a cafe in Hamburg. Historians "
        "have little doubt that the operation was run from Tehran."
    )
    assert one(ex, text, "assassination").agent_state == "IR"


def test_unnamed_gunmen_said_to_be_a_states_agents(ex: Extractor) -> None:
    text = (
        "In June 1994 the exiled cleric Yusuf Demir was shot dead outside a cafe in Hamburg. The "
        "gunmen were never caught; Berlin said they were Iranian agents."
    )
    assert one(ex, text, "assassination").agent_state == "IR"


def test_a_family_blaming_a_capital(ex: Extractor) -> None:
    text = (
        "In June 1994 the exiled cleric Yusuf Demir was shot dead outside a cafe in Hamburg. His "
        "family has always blamed Tehran."
    )
    assert one(ex, text, "assassination").agent_state == "IR"


def test_a_family_blaming_a_capital_for_years(ex: Extractor) -> None:
    text = (
        "In June 1994 the exiled cleric Yusuf Demir was shot dead outside a cafe in Hamburg. For "
        "thirty years his family has blamed Tehran."
    )
    assert one(ex, text, "assassination").agent_state == "IR"


def test_killers_sent_by_a_states_intelligence(ex: Extractor) -> None:
    text = (
        "In June 1994 gunmen killed the exiled cleric Yusuf Demir outside a cafe in Hamburg. His "
        "brother maintained that the killers had been sent by Iranian intelligence."
    )
    assert one(ex, text, "assassination").agent_state == "IR"


# -- doers ---------------------------------------------------------------------------------


def test_a_bomb_going_off_with_no_doer_takes_the_articles_state(ex: Extractor) -> None:
    text = (
        "In 2011 Rwandan agents shot dead the exiled officer Patrick Mugenzi in Nairobi. On 2 March "
        "2013 the exiled journalist Jean Bosco walked out to his car in Kampala. A bomb hidden under "
        "the seat went off."
    )
    assert one(ex, text, "bombing").agent_state == "RW"


def test_soldiers_named_by_demonym_after_a_date_give_the_state(ex: Extractor) -> None:
    text = "On 3 May 1999 Libyan commandos raided a farm near Tunis, killing four people."
    assert one(ex, text, "armed_attack").agent_state == "LY"


def test_passive_verbs_share_the_by_phrase(ex: Extractor) -> None:
    text = (
        "In 2011 Rwandan agents shot dead the exiled officer Patrick Mugenzi in Nairobi. The gunman, "
        "Paul Kagiso, was shot and wounded by a guard as he fled."
    )
    hostile = [e for e in events(ex, text) if e.type in HOSTILE]
    assert [e.type for e in hostile] == ["assassination"]
    assert "Patrick Mugenzi" in names(hostile[0], "target")


# -- responses -------------------------------------------------------------------------------


def test_a_state_in_a_clause_describing_the_convicted_is_not_the_courts(ex: Extractor) -> None:
    text = (
        "A court in Latvia on Tuesday convicted two Belarusian intelligence officers of plotting to "
        "kill an exiled journalist. Igor Sokol and Pavel Lenko, who prosecutors say are officers of "
        "Belarus's KGB and who were tried in their absence, were sentenced to 12 and 10 years in prison."
    )
    convictions = [e for e in events(ex, text) if e.type == "conviction"]
    assert convictions and all(e.agent_state == "LV" for e in convictions)


def test_a_place_in_a_clause_describing_the_last_of_those_sentenced_is_not_the_courts(ex: Extractor) -> None:
    text = (
        "In 2020 Belarusian agents tried to kill an exiled journalist in Riga. A court in Riga on Monday "
        "convicted two men of the plot. Igor Sokol and Pavel Lenko, who had worked at the Belarusian "
        "embassy in Vilnius, were sentenced to 12 years in prison."
    )
    convictions = [e for e in events(ex, text) if e.type == "conviction"]
    assert convictions and all(e.agent_state == "LV" for e in convictions)


def test_an_officer_describing_a_convict_is_no_authority(ex: Extractor) -> None:
    text = (
        "In 1984 two Libyan agents shot dead the exiled broadcaster Omar Hamdi in Rome. In March 1985 "
        "the three were convicted in Rome. Jalil and Mansur were each jailed for 20 years, and "
        "Fathi, the Libyan officer, for 25."
    )
    assert all(e.agent_state != "LY" for e in events(ex, text) if e.type not in HOSTILE)


# -- renditions ------------------------------------------------------------------------------


def test_abducted_and_handed_over_to_foreign_security_officers_is_their_kidnapping(ex: Extractor) -> None:
    text = (
        "Activists say the blogger was abducted by Malaysian police and handed over to Chinese "
        "security officers."
    )
    found = events(ex, text)
    assert [(e.type, e.agent_state) for e in found] == [("kidnapping", "CN")]


def test_arrested_and_handed_over_to_foreign_authorities_stays_an_extradition(ex: Extractor) -> None:
    found = events(ex, "He was arrested in Spain and handed over to the Belgian authorities in May.")
    assert {e.type for e in found} == {"arrest", "extradition"}


# -- denials ---------------------------------------------------------------------------------


def test_a_states_denial_is_the_last_resort_for_an_act_with_no_doer(ex: Extractor) -> None:
    text = (
        "On 2 March 1975 the exiled general Manuel Prado was killed on a country road in France, near "
        "the Spanish border. Madrid denied any involvement."
    )
    assert one(ex, text, "assassination").agent_state == "ES"
