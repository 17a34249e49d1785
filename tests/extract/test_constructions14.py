"""Two-part triggers told apart, and people told by surname: "beat them and their driver to death"
is a killing, not a beating; "brought the first charges against X" and "charges were brought
against X" charge X (not the charges); "fired several shots at X" shoots at X; "Novak was freed"
frees the person named in full before, even when the tagger does not know the surname; "he was
let go" is a release; "handed him back to Bolivia" an extradition. Hand-written sentences (other
people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from plotwatch.extract.components import TRIG_KEY

PUBLISHED = dt.date(2020, 1, 1)


def triggers(ex: Extractor, text: str) -> list[tuple[str, str]]:
    doc = ex.nlp(text)
    return [(s.text, s.label_) for s in doc.spans[TRIG_KEY]]


def test_a_killing_told_around_its_object_is_a_killing(ex: Extractor) -> None:
    text = "In March 1991 Iranian agents stabbed the exiled poet Reza Amini and his wife to death in Vienna."
    found = [e for e in ex.extract(text, PUBLISHED).events if e.type in ("assassination", "assault")]
    assert [(e.type, e.agent_state) for e in found] == [("assassination", "IR")]
    assert ("stabbed", "assault") not in triggers(ex, text)


def test_a_beating_to_death_of_several_people_is_one_killing_trigger(ex: Extractor) -> None:
    text = "Soldiers stopped the car, beat the two teachers and their driver to death and burned it."
    assert ("beat", "assassination") in triggers(ex, text)


def test_a_stabbing_survived_stays_an_assault(ex: Extractor) -> None:
    text = "In 2004 two men stabbed the journalist Ivan Petrov in the leg outside his flat in Minsk."
    assert ("stabbed", "assault") in triggers(ex, text)


def test_a_surname_told_alone_is_the_person_named_before(ex: Extractor) -> None:
    text = (
        "The dissident writer Pavel Novak was arrested by the secret police in Brno in 1979. "
        "Novak was freed early in 1983, when he fell ill."
    )
    assert ("freed", "release") in triggers(ex, text)


def test_a_surname_no_person_bears_is_no_person(ex: Extractor) -> None:
    # nothing says Kestrel is a person: a name freed is no release
    assert ("freed", "release") not in triggers(ex, "Kestrel was freed early in 1983.")


def test_let_go_is_a_release(ex: Extractor) -> None:
    text = "The student leader was held for two years. He was let go in 1977 after a campaign abroad."
    assert ("let", "release") in triggers(ex, text)


def test_charges_brought_apart_from_their_verb_charge_the_accused(ex: Extractor) -> None:
    text = "In 2009 prosecutors in Lima brought the first charges against two army officers over the raid."
    assert ("brought", "charge") in triggers(ex, text)
    charge = next(e for e in ex.extract(text, PUBLISHED).events if e.type == "charge")
    assert [a.name for a in charge.actors if a.role == "target"] == ["two army officers"]


def test_charges_brought_in_the_passive_name_no_charges_as_target(ex: Extractor) -> None:
    text = "Charges were brought in Lima in 2009 against the two officers who led the raid."
    assert ("brought", "charge") in triggers(ex, text)
    text = "In 2019 prosecutors in Paris brought charges against two Iranian diplomats."
    charge = next(e for e in ex.extract(text, PUBLISHED).events if e.type == "charge")
    assert [a.name for a in charge.actors if a.role == "target"] == ["two Iranian diplomats"]


def test_shots_fired_at_someone_apart_from_their_verb(ex: Extractor) -> None:
    text = "In 2018 Russian agents fired several shots at the exiled banker Ivan Sokolov in Madrid."
    found = [e for e in ex.extract(text, PUBLISHED).events if e.type == "assassination"]
    assert [(e.agent_state, e.country) for e in found] == [("RU", "ES")]
    assert "Ivan Sokolov" in [a.name for a in found[0].actors if a.role == "target"]
    # a dismissal is no shooting
    assert triggers(ex, "The company fired him at once.") == []


def test_handed_back_is_an_extradition(ex: Extractor) -> None:
    text = "He was arrested in Sao Paulo in 1994, and the following year Brazil handed him back to Bolivia."
    found = [e for e in ex.extract(text, PUBLISHED).events if e.type == "extradition"]
    assert [e.agent_state for e in found] == ["BR"]


def test_an_acts_words_told_apart_tell_no_act(ex: Extractor) -> None:
    # "gather intelligence" split by its adjectives is no spying on anyone
    text = "The agency had gathered enough credible intelligence to conclude that Iran directed the attacks."
    assert ("gathered", "surveillance") not in triggers(ex, text)


def test_a_yearless_date_in_a_story_decades_back_is_of_the_storys_year(ex: Extractor) -> None:
    text = (
        "Fifty years on, the massacre is unpunished\n\n"
        "MEXICO CITY – On 2 October 1968 soldiers opened fire on a student rally in Mexico City.\n\n"
        "The square had been the last stop of a crackdown that had grown all summer. On 18 September "
        "Mexican police arrested hundreds of students at the university."
    )
    arrests = [e for e in ex.extract(text, dt.date(2018, 10, 2)).events if e.type == "arrest"]
    assert [e.date.value for e in arrests] == ["1968-09-18"]


def test_a_yearless_date_long_before_the_storys_month_is_not_moved() -> None:
    from plotwatch.extract.dates import DateResolver, PartialDate, Resolved

    dates = DateResolver(dt.date(2020, 2, 28), 2020)
    # a few weeks before the story's date: that year
    back = dates.resolve("On 18 September", None, Resolved(PartialDate.of(1968, 10, 2)))
    assert back is not None and back.date.value == "1968-09-18"
    # half a year before it: no guess at the story's year (the publication's, as before)
    far = dates.resolve("On 3 July", None, Resolved(PartialDate.of(1982, 12, 1)))
    assert far is not None and far.date.value == "2019-07-03"


def anchors(ex: Extractor, text: str, published: dt.date) -> list[str | None]:
    from plotwatch.extract.dates import DateResolver
    from plotwatch.extract.events import SentenceAnalyzer
    from plotwatch.extract.records import repair_parse

    doc = ex.nlp(text)
    repair_parse(doc)
    analyzer = SentenceAnalyzer(doc, ex.resources, ex.places, DateResolver(published, None), ex.entries)
    return [r.date.value for _, r in analyzer.anchors()]


def test_a_places_present_day_name_is_no_date(ex: Extractor) -> None:
    text = (
        "On 14 March 1962 commandos landed near Bata. The colony, today's Equatorial Guinea, was "
        "then Spanish. By the next day the force had withdrawn."
    )
    assert anchors(ex, text, dt.date(2022, 3, 14)) == ["1962-03-14", "1962-03-15"]
    # the day's news is still the day's
    news = "Today's verdict was welcomed by the families."
    assert anchors(ex, news, dt.date(2022, 3, 14)) == ["2022-03-14"]


def test_a_date_in_a_describing_clause_counts_from_one_before_it_there(ex: Extractor) -> None:
    text = (
        "In January 1971 a tribunal sentenced dozens to death. Among the victims of the purge was "
        "Diallo Telli, the first secretary-general of the OAU, who was arrested in 1976 and starved "
        "to death the following year."
    )
    assert anchors(ex, text, dt.date(2020, 11, 22)) == ["1971-01", "1976", "1977"]
