"""Event extraction rules on hand-written sentences (none from the seed articles)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from plotwatch.types import EventMention

PUB = dt.date(2021, 5, 14)


def events(ex: Extractor, text: str, published: dt.date | None = PUB) -> list[EventMention]:
    return ex.extract(text, published).events


def by_type(evs: list[EventMention], type_: str) -> list[EventMention]:
    return [e for e in evs if e.type == type_]


def test_events_passive_arrest_with_place_and_date(extractor: Extractor) -> None:
    evs = events(extractor, "On April 3, two Russian men were arrested in Oslo.")
    (arrest,) = by_type(evs, "arrest")
    assert arrest.country == "NO" and arrest.place == "Oslo" and arrest.agent_state == "NO"
    assert arrest.date.value == "2021-04-03" and arrest.status is None


def test_events_demonym_responder(extractor: Extractor) -> None:
    text = "Swedish police detained a suspected GRU officer yesterday."
    (arrest,) = by_type(events(extractor, text), "arrest")
    assert arrest.agent_state == "SE" and arrest.date.value == "2021-05-13"


def test_events_multi_event_sentence(extractor: Extractor) -> None:
    text = "The GRU officer was arrested in Germany and extradited to Sweden."
    evs = events(extractor, text)
    assert by_type(evs, "arrest")[0].country == "DE"
    (ext,) = by_type(evs, "extradition")
    assert ext.country == "DE"  # the sending country, never the destination


def test_events_list_expansion_one_per_country(extractor: Extractor) -> None:
    text = "Canada, Norway and Turkey expelled Saudi diplomats last month."
    evs = by_type(events(extractor, text), "expulsion")
    assert sorted(e.agent_state for e in evs) == ["CA", "NO", "TR"]
    assert all(e.date.value == "2021-04" for e in evs)


def test_events_recommendation_is_not_event(extractor: Extractor) -> None:
    text = (
        "Activists called on the government to expel Rwandan diplomats. "
        "Governments must sanction the FSB.\n• expel all Chinese intelligence officers"
    )
    assert events(extractor, text) == []


def test_events_denial_is_not_event(extractor: Extractor) -> None:
    assert events(extractor, "Saudi officials denied any plot to kill the journalist in Turkey.") == []


def test_events_question_and_hypothetical_are_not_events(extractor: Extractor) -> None:
    text = "Will Sweden expel the diplomats? If Norway expelled them, Russia would respond."
    assert events(extractor, text) == []


def test_events_foiled_status_from_cue(extractor: Extractor) -> None:
    text = "In March, Danish police thwarted a plot by the GRU to assassinate a defector in Copenhagen."
    (plot,) = by_type(events(extractor, text), "assassination")
    assert plot.status == "foiled" and plot.agent_state == "RU" and plot.country == "DK"
    assert plot.date.value == "2021-03"


def test_events_planned_status_and_instrument(extractor: Extractor) -> None:
    text = "The FSB planned to detonate a car bomb outside Berlin."
    (bomb,) = by_type(events(extractor, text), "bombing")
    assert bomb.status == "planned" and bomb.country == "DE" and bomb.place == "Berlin"
    assert any(a.role == "instrument" for a in bomb.actors)


def test_events_historical_year(extractor: Extractor) -> None:
    text = "Investigators say the IRGC was behind the 1996 bombing of a compound in Riyadh."
    (bomb,) = by_type(events(extractor, text), "bombing")
    assert bomb.date.value == "1996" and bomb.historical and bomb.country == "SA"


def test_events_pronoun_resolution(extractor: Extractor) -> None:
    text = "Ivan Petrov, a GRU officer, was arrested in Vienna in May. He was extradited in June."
    (ext,) = by_type(events(extractor, text), "extradition")
    assert any(a.name == "Ivan Petrov" for a in ext.actors)
    assert ext.country == "AT"  # where he was held


def test_events_evidence_offsets(extractor: Extractor) -> None:
    text = "Intro line.\nBelgian prosecutors charged three men with spying for the MOIS on Monday."
    for ev in events(extractor, text):
        assert text[ev.sentence_start : ev.sentence_end] == ev.quote
    assert by_type(events(extractor, text), "charge")[0].agent_state == "BE"


def test_events_year_from_article_without_publication(extractor: Extractor) -> None:
    text = (
        "The 2017 elections were tense. On March 2 in 2017 people voted. "
        "On March 22, Turkish police arrested two Iranians in Ankara."
    )
    (arrest,) = by_type(events(extractor, text, None), "arrest")
    assert arrest.date.value == "2017-03-22"


def test_events_version_changes_with_data(extractor: Extractor) -> None:
    assert extractor.version.startswith("extract-")
