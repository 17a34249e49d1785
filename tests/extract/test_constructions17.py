"""Inquiries told by the body that holds them: "a Dutch parliamentary commission of inquiry"
is the Netherlands' (the demonym on the commission, not on "inquiry"), "a committee of the
United States Senate" the United States'; a commission that "reported" or "delivered its final
report" and a building searched are investigations. A capitalised
trigger word inside a body's name ("the Federal Investigation Agency") is no event, but "the
Commission of Inquiry" still holds one. Hand-written sentences (other people, places and years
than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor

PUBLISHED = dt.date(2020, 1, 1)


def found(ex: Extractor, text: str, etype: str) -> list[tuple[str | None, str | None]]:
    events = ex.extract(text, PUBLISHED).events
    return [(e.date.value if e.date else None, e.agent_state) for e in events if e.type == etype]


def test_a_commission_of_inquiry_takes_the_state_of_the_commission(ex: Extractor) -> None:
    text = (
        "A Dutch parliamentary commission of inquiry concluded in "
        "March 2004 that the ministers had ignored warnings."
    )
    assert found(ex, text, "investigation") == [("2004-03", "NL")]


def test_a_committee_of_a_states_senate_is_that_states(ex: Extractor) -> None:
    text = (
        "A committee of the United States Senate found in 1976 "
        "that the CIA had plotted to poison the Congolese leader."
    )
    assert ("1976", "US") in found(ex, text, "investigation")


def test_a_commission_that_reported_held_an_inquiry(ex: Extractor) -> None:
    text = (
        "A Kenyan judicial commission reported in June 2009 that "
        "it could not name the killers of the two activists."
    )
    assert found(ex, text, "investigation") == [("2009-06", "KE")]


def test_a_truth_commission_delivering_its_report_held_an_inquiry(ex: Extractor) -> None:
    text = "In 2004 Peru's Truth and Reconciliation Commission delivered its final report."
    assert found(ex, text, "investigation") == [("2004", "PE")]


def test_an_embassy_searched_is_an_investigation(ex: Extractor) -> None:
    text = "In March 1999 Ugandan police searched the Rwandan embassy in Kampala."
    assert found(ex, text, "investigation") == [("1999-03", "UG")]


def candidates(ex: Extractor, text: str) -> list[tuple[str, str]]:
    from plotwatch.extract.dates import DateResolver
    from plotwatch.extract.events import SentenceAnalyzer
    from plotwatch.extract.records import repair_parse

    doc = ex.nlp(text)
    repair_parse(doc)
    analyzer = SentenceAnalyzer(doc, ex.resources, ex.places, DateResolver(PUBLISHED, None), ex.entries)
    return [(c.type, c.head.text) for sent in doc.sents for c in analyzer.analyze(sent)]


def test_a_trigger_word_in_a_bodys_name_is_no_event(ex: Extractor) -> None:
    text = "The Kenyan Anti-Kidnapping Unit was set up in 2009."
    assert candidates(ex, text) == []


def test_a_trigger_word_after_of_in_a_bodys_name_is_no_event(ex: Extractor) -> None:
    text = "Officers of the Directorate of Investigation flew to Nairobi in October 2022."
    assert candidates(ex, text) == []


def test_a_lower_case_trigger_word_before_a_noun_is_still_one(ex: Extractor) -> None:
    text = "Kenyan police set up a kidnapping unit in 2009 after the abduction of two aid workers."
    assert ("kidnapping", "abduction") in candidates(ex, text)


def test_a_commission_of_inquiry_by_name_holds_an_inquiry(ex: Extractor) -> None:
    text = "The Maltese Commission of Inquiry into the death of the journalist sat in Valletta in 2021."
    assert candidates(ex, text) == [("investigation", "Inquiry")]


def test_a_commission_of_inquiry_by_name_still_holds_an_inquiry(ex: Extractor) -> None:
    text = (
        "The Commission of Inquiry into the killing of the "
        "journalist was set up by the Maltese government in 2019."
    )
    assert found(ex, text, "investigation") == [("2019", "MT")]


def test_an_investigation_at_the_start_of_a_sentence_is_one(ex: Extractor) -> None:
    text = "Investigation of the bombing by Bulgarian prosecutors began in July 2012."
    assert ("investigation", "Investigation") in candidates(ex, text)


def test_an_authority_saying_a_state_was_responsible_attributes_the_act(ex: Extractor) -> None:
    text = "On 3 May 2016 the Dutch prosecutor said that the government of Syria was responsible."
    assert found(ex, text, "investigation") == [("2016-05-03", "NL")]


def test_an_authority_saying_a_state_was_behind_it_attributes_the_act(ex: Extractor) -> None:
    text = "Swedish police said on 12 March 2019 that Uzbekistan had been behind the shooting of the imam."
    assert ("2019-03-12", "SE") in found(ex, text, "investigation")


def test_people_who_are_no_authority_attribute_nothing(ex: Extractor) -> None:
    text = "On 3 May 2016 the exiles said that the government of Syria was responsible."
    assert found(ex, text, "investigation") == []


def test_saying_a_state_was_not_responsible_attributes_nothing(ex: Extractor) -> None:
    text = "On 3 May 2016 the Dutch prosecutor said that the government of Syria was not responsible."
    assert found(ex, text, "investigation") == []
