"""Dates in stories of the past told decades later: a month word that starts a name, a bare
length of time, a month told again, a year given in a clause describing a thing, and a date
in a joined clause about other people. One hand-written sentence group each (other names,
states and places than any evaluation article)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from plotwatch.extract import Extractor
from plotwatch.extract.dates import DateResolver
from plotwatch.extract.syntax import attach_verdicts

from .test_constructions import events, one

SEIZED = "In March 1961 agents of Czechoslovakia's StB seized the exile {name} in Vienna. "


@pytest.mark.parametrize("text", ["weeks", "For weeks", "months", "for some weeks"])
def test_a_bare_length_of_time_is_no_date(text: str) -> None:
    assert DateResolver(dt.date(2011, 6, 20), 2011).resolve(text) is None


def test_a_month_word_starting_a_name_is_no_date(ex: Extractor) -> None:
    text = (
        SEIZED.format(name="Karel Beneš")
        + "On 4 April his friend Jan Novotný went to the police. "
        + "On 5 May Austrian police arrested two of the agents."
    )
    assert one(ex, text, "arrest", dt.date(2011, 6, 20)).date.value == "1961-05-05"


def test_a_bare_length_of_time_does_not_move_the_story_to_the_present(ex: Extractor) -> None:
    text = (
        SEIZED.format(name="Pavel Beneš")
        + "For weeks nothing was heard of him. On 5 May Austrian police arrested two of the agents."
    )
    assert one(ex, text, "arrest", dt.date(2011, 6, 20)).date.value == "1961-05-05"


def test_the_month_just_told_is_of_the_story_year(ex: Extractor) -> None:
    text = (
        "On 13 August 1940 German police arrested the exile Luis Ortega in Bordeaux at Madrid's request. "
        "At the end of August Spanish police charged him with military rebellion."
    )
    assert one(ex, text, "charge", dt.date(2020, 10, 15)).date.value == "1940-08"


def test_a_day_and_month_take_the_year_of_a_clause_describing_a_thing(ex: Extractor) -> None:
    text = (
        "Thirty years ago today, on 6 July 1989, a court in Munich convicted two men over the killing "
        "of Petar Ilić. Ilić edited the newspaper that printed the leaked files in the last days of "
        "October 1979. Early on 4 November agents of Yugoslavia's UDBA shot him dead in Munich."
    )
    shot = [e for e in events(ex, text, dt.date(2019, 7, 6)) if e.quote.startswith("Early")]
    assert [(e.type, e.agent_state, e.date.value) for e in shot] == [("assassination", "YU", "1979-11-04")]


def test_the_date_of_a_joined_clause_about_others_is_not_the_acts(ex: Extractor) -> None:
    text = (
        "In March 1945 the NKVD invited the envoys of the underground to talks. On 27 March three of "
        "them went to a villa near Warsaw. They were seized there by NKVD officers, and the others "
        "were taken the next day."
    )
    e = one(ex, text, "kidnapping", dt.date(2015, 6, 21))
    assert (e.agent_state, e.date.value) == ("RU", "1945-03-27")


def test_a_later_month_of_a_story_a_few_years_back_is_the_latest_before_publication(ex: Extractor) -> None:
    text = (
        "Egyptian police rounded up the blogger Mona Fathy in Cairo in May 2018. On 28 December a "
        "state security court in Cairo sentenced her to five years in prison."
    )
    assert one(ex, text, "conviction", dt.date(2021, 2, 11)).date.value == "2020-12-28"


def test_a_later_month_of_last_years_story_is_of_that_year(ex: Extractor) -> None:
    text = (
        "Egyptian police arrested the blogger Mona Fathy in Cairo on 14 March last year. At the end "
        "of April a state security court in Cairo sentenced her to five years in prison."
    )
    assert one(ex, text, "conviction", dt.date(2021, 2, 11)).date.value == "2020-04"


# -- phrasings: killings "to death", verdicts "handed down", acts no one was tried for ----------

KENYA = "Kenyan police arrested the activist Otieno Mbugua in Nairobi in May 2009. "


@pytest.mark.parametrize("verb", ["beaten", "clubbed", "hacked", "kicked"])
def test_beaten_to_death_is_an_assassination(ex: Extractor, verb: str) -> None:
    text = (
        f"The exiled editor Paul Otieno was {verb} to death by Kenyan police officers in Kampala in "
        "March 2009."
    )
    e = one(ex, text, "assassination", dt.date(2011, 6, 20))
    assert (e.agent_state, e.date.value) == ("KE", "2009-03")


def test_beaten_but_not_to_death_is_no_assassination(ex: Extractor) -> None:
    text = "The exiled editor Paul Otieno was beaten by Kenyan police officers in Kampala in March 2009."
    assert [e.type for e in events(ex, text, dt.date(2011, 6, 20)) if e.type == "assassination"] == []


def test_a_court_handing_down_its_verdict_is_a_conviction(ex: Extractor) -> None:
    text = KENYA + "In March 2010 a court in Nairobi handed down its verdict on Mbugua and two others."
    e = one(ex, text, "conviction", dt.date(2011, 6, 20))
    assert (e.agent_state, e.date.value) == ("KE", "2010-03")


def test_handing_down_an_heirloom_is_no_conviction(ex: Extractor) -> None:
    text = KENYA + "In March 2010 his family handed down the farm to his son."
    assert [e for e in events(ex, text, dt.date(2011, 6, 20)) if e.type == "conviction"] == []


@pytest.mark.parametrize("subject", ["Nobody was", "No one was", "None of the gunmen was"])
def test_nobody_convicted_is_no_conviction(ex: Extractor, subject: str) -> None:
    text = KENYA + f"{subject} ever convicted in Kenya over the bombing of his office."
    assert [e for e in events(ex, text, dt.date(2011, 6, 20)) if e.type == "conviction"] == []


def test_somebody_convicted_is_a_conviction(ex: Extractor) -> None:
    text = KENYA + "Two men were convicted in Kenya over the bombing of his office in 2010."
    assert [e.agent_state for e in events(ex, text, dt.date(2011, 6, 20)) if e.type == "conviction"] == ["KE"]


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = ["find" if w == "found" else w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_guilty_parsed_on_the_last_name_of_a_list_is_the_verdict_of_found() -> None:
    # the parse the tagger gives after a long list of names: "guilty" modifies the last one
    words = ["Judges", "found", "Ruiz", "and", "Soto", "guilty", "of", "murder", "."]
    heads = [1, 1, 1, 2, 2, 4, 5, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "cc", "conj", "amod", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "CCONJ", "PROPN", "ADJ", "ADP", "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    attach_verdicts(doc)
    assert (doc[5].head.text, doc[5].dep_) == ("found", "oprd")


def test_guilty_before_its_noun_stays_its_modifier() -> None:
    words = ["Judges", "found", "the", "guilty", "man", "."]
    heads = [1, 1, 4, 4, 1, 1]
    deps = ["nsubj", "ROOT", "det", "amod", "dobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    attach_verdicts(doc)
    assert (doc[3].head.text, doc[3].dep_) == ("man", "amod")
