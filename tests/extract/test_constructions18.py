"""A victim described by office, trade or kin ("a former prime minister … was shot"); "a year
ago today" counted back from publication; a year told in a relative clause about a participant
is not the year of the act's month ("X, who had fled in 2001, was detained at the end of
December"); a building named for its town is in that town ("Manila International Airport"),
and a place told in a clause under the act is not where it was. Hand-written sentences
(other people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from plotwatch.extract.dates import DateResolver

PUBLISHED = dt.date(2020, 1, 1)


def candidates(ex: Extractor, text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    from plotwatch.extract.events import SentenceAnalyzer
    from plotwatch.extract.records import repair_parse

    doc = ex.nlp(text)
    repair_parse(doc)
    analyzer = SentenceAnalyzer(doc, ex.resources, ex.places, DateResolver(published, None), ex.entries)
    return [(c.type, c.head.text) for sent in doc.sents for c in analyzer.analyze(sent)]


def test_a_former_minister_shot_is_a_person_shot(ex: Extractor) -> None:
    text = "A former interior minister of Chad left a cafe in Geneva and was shot in the neck."
    assert ("assassination", "shot") in candidates(ex, text)


def test_a_priest_shot_is_a_person_shot(ex: Extractor) -> None:
    text = "Gunmen shot the priest outside his church in 1980."
    assert ("assassination", "shot") in candidates(ex, text)


def test_a_year_ago_today_is_that_day_a_year_back() -> None:
    d = DateResolver(dt.date(2021, 9, 21), 2021)
    assert d.resolve("A year ago today").date.value == "2020-09-21"
    assert d.resolve("a year ago tonight").date.value == "2020-09-21"
    assert d.resolve("one year ago").date.value == "2020"
    assert d.resolve("twenty one years ago").date.value == "2000"


def test_a_year_ago_today_dates_the_act(ex: Extractor) -> None:
    text = "A year ago today, soldiers shot dead the lawyer Amir Osman in Khartoum."
    events = ex.extract(text, dt.date(2021, 4, 8)).events
    assert [(e.type, e.date.value if e.date else None) for e in events] == [("assassination", "2020-04-08")]


def test_a_year_in_a_relative_clause_is_not_the_acts_year(ex: Extractor) -> None:
    text = (
        "Police in Baku detained Ilgar Mammadli, a critic who had fled to Georgia in 2009, "
        "at the end of December."
    )
    events = ex.extract(text, dt.date(2015, 3, 2)).events
    assert [(e.type, e.date.value if e.date else None) for e in events] == [("arrest", "2014-12")]


def test_a_span_of_time_still_counts_from_a_relative_clause(ex: Extractor) -> None:
    text = (
        "A court in Zagreb on Monday convicted two former officers of Croatia's intelligence service "
        "of the murder of Ante Peric, "
        "a journalist who vanished in March 1995, and of an attempt to kill the editor Mile "
        "Babic two months earlier."
    )
    events = ex.extract(text, dt.date(2003, 6, 11)).events
    dates = {(e.type, e.status): e.date.value if e.date else None for e in events}
    assert dates.get(("assassination", "failed")) == "1995-01"


def test_the_next_morning_is_the_next_day() -> None:
    from plotwatch.extract.dates import PartialDate, Resolved

    d = DateResolver(dt.date(2012, 5, 1), 2012)
    night = Resolved(PartialDate.of(1951, 12, 31))
    assert d.resolve("the next morning", None, night).date.value == "1952-01-01"
    assert d.resolve("the following night", None, night).date.value == "1952-01-01"
    assert d.resolve("the previous evening", None, night).date.value == "1951-12-30"


def test_shot_the_next_morning_dates_the_killing(ex: Extractor) -> None:
    text = (
        "A military court in Tirana sentenced the poet Nexhat Hoxha to death on 3 March 1951. "
        "He was shot the next morning in the prison yard."
    )
    events = ex.extract(text, dt.date(2011, 3, 3)).events
    assert ("assassination", "1951-03-04") in [(e.type, e.date.value if e.date else None) for e in events]


def test_bullets_fired_into_him_are_fired_at_a_person(ex: Extractor) -> None:
    text = "In May 2016 two gunmen fired nine bullets into him outside his office in Arusha."
    assert ("assassination", "fired") in candidates(ex, text)


def places(ex: Extractor, text: str) -> list[tuple[str | None, str | None]]:
    events = ex.extract(text, dt.date(2001, 5, 2)).events
    return [(e.country, e.place) for e in events if e.type == "assassination"]


def test_an_airport_named_for_its_town_is_in_that_town(ex: Extractor) -> None:
    text = (
        "Soldiers of the Guinean army shot dead the opposition leader Ba Diallo "
        "at Conakry International Airport in 1999."
    )
    assert places(ex, text) == [("GN", "Conakry")]


def test_a_university_of_a_town_is_in_that_town(ex: Extractor) -> None:
    text = (
        "In 1999 agents of the Iranian intelligence ministry shot dead the scholar Ali Tavakoli "
        "at the University of Uppsala."
    )
    assert places(ex, text) == [("SE", "Uppsala")]


def test_a_place_in_a_clause_under_the_act_is_not_where_it_was(ex: Extractor) -> None:
    text = (
        "Agents of the Guinean army shot dead the opposition leader Ba Diallo in Conakry in 1999 "
        "as he came home from exile in France."
    )
    assert places(ex, text) == [("GN", "Conakry")]
