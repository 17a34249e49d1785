"""A span of years ("who ruled from 1994 to 2016") and a clause describing a place ("in Accra,
where police arrested protesters in May 1980") give no year to a bare day told after them;
"in the weeks that followed" counts from the last date; "after the arrests" names a time, not
the doer of the arrests, and "the arrests in April" are of the April told before; held or taken
hostage is a kidnapping, and hostages freed are no release; storming a parliament or a
broadcaster is an armed attack; a state condemning an act did not do it; fired on crowds is an
armed attack; questioned by police is an investigation; "over November attacks" dates the
attacks, not the charge; "the University of X" is in X, never in a town called University.
Hand-written sentences (other people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

from plotwatch.extract import Extractor
from tests.extract.test_constructions20 import events


def test_a_span_of_years_gives_no_year_to_a_bare_day(ex: Extractor) -> None:
    text = (
        "Gambian police on Monday detained the former minister Ousman Jallow. Jallow, who served in "
        "the cabinet from 2001 to 2012, denies any crime. He was first summoned in February. Gambian "
        "police arrested him on 3 March, his lawyer said."
    )
    found = events(ex, text, dt.date(2019, 5, 10))
    assert ("arrest", "2019-03-03", "GM") in found
    assert not [e for e in found if e[1] and e[1].startswith("2012")]
    right_after = (
        "Jallow, who served in the cabinet from 2001 to 2012, denies any crime. Gambian police "
        "arrested him on 3 March."
    )
    assert ("arrest", "2019-03-03", "GM") in events(ex, right_after, dt.date(2019, 5, 10))


def test_a_year_in_a_clause_describing_a_place_gives_no_year_to_a_bare_day(ex: Extractor) -> None:
    text = (
        "On 12 March 1981 students marched through Lagos in support of Nigerian students on trial in "
        "Accra, where police had arrested dozens of protesters in November 1980. The marches went on "
        "into March. On 2 April a Nigerian police officer shot dead a student leader, Musa Bello, in "
        "the capital."
    )
    found = events(ex, text, dt.date(2021, 4, 2))
    assert [d for t, d, _ in found if t == "assassination"] == ["1981-04-02"]
    right_after = text.replace("The marches went on into March. ", "")
    found = events(ex, right_after, dt.date(2021, 4, 2))
    assert [d for t, d, _ in found if t == "assassination"] == ["1981-04-02"]


def test_the_weeks_that_followed_count_from_the_last_date(ex: Extractor) -> None:
    text = (
        "On 14 November 2022 gunmen attacked an army camp near Bamako. In the weeks that followed, "
        "Malian soldiers arrested dozens of people, among them two former ministers."
    )
    found = events(ex, text, dt.date(2023, 1, 10))
    assert [d for t, d, _ in found if t == "arrest"] == ["2022"]


def test_a_state_declaring_support_after_the_arrests_did_not_make_them(ex: Extractor) -> None:
    text = "Canada and Australia hurried to declare their support for the king after the arrests in May."
    found = events(ex, text, dt.date(2021, 7, 1))
    assert not [e for e in found if e[2] in ("CA", "AU")]


def test_the_arrests_in_april_are_of_the_april_told_before(ex: Extractor) -> None:
    text = (
        "The case began on 3 April, when Moroccan police detained the blogger Hamid Alaoui in Rabat. "
        "The king had pardoned him in 2004. Moroccan police carried out the arrests in April on the "
        "orders of a judge."
    )
    found = events(ex, text, dt.date(2021, 7, 13))
    assert ("arrest", "2021-04", "MA") in found
    assert not [e for e in found if e[1] == "2004-04"]


def test_a_state_condemning_an_act_did_not_do_it(ex: Extractor) -> None:
    found = events(ex, "Britain condemned the killing of the journalist in Istanbul.", dt.date(2021, 1, 1))
    assert not [e for e in found if e[2] == "GB"]
    text = "Britain condemned the killing of the journalist by Saudi agents in Istanbul."
    assert [e[2] for e in events(ex, text, dt.date(2021, 1, 1)) if e[0] == "assassination"] == ["SA"]


def test_holding_or_taking_people_hostage_is_a_kidnapping(ex: Extractor) -> None:
    held = "In July 2008 Libyan agents held two Swiss businessmen hostage in Tripoli."
    assert ("kidnapping", "2008-07", "LY") in events(ex, held, dt.date(2010, 6, 14))
    taken = "In March 1976 Ugandan agents took the Kenyan envoy hostage in Kampala."
    assert ("kidnapping", "1976-03", "UG") in events(ex, taken, dt.date(1977, 1, 5))
    # hostages freed when their captors give up are no release by a state
    ended = "In 1978 the gunmen surrendered to the Cypriot police, and the hostages were freed unharmed."
    assert not [e for e in events(ex, ended, dt.date(1979, 2, 1)) if e[0] == "release"]
    released = ended.replace("freed", "released")
    assert not [e for e in events(ex, released, dt.date(1979, 2, 1)) if e[0] == "release"]


def test_firing_on_crowds_is_an_armed_attack(ex: Extractor) -> None:
    text = (
        "In August 2018 agents of Zimbabwe's Central Intelligence Organisation fired on the crowds in Harare."
    )
    assert ("armed_attack", "2018-08", "ZW") in events(ex, text, dt.date(2019, 1, 2))


def test_police_questioning_someone_is_an_investigation(ex: Extractor) -> None:
    text = "Tunisian police questioned the opposition leader Rached Ali at length in December."
    assert ("investigation", "2021-12", "TN") in events(ex, text, dt.date(2022, 1, 20))
    assert not events(
        ex, "The Tunisian historian questioned the official account in December.", dt.date(2022, 1, 20)
    )


def test_a_month_before_the_act_a_charge_is_over_dates_the_act(ex: Extractor) -> None:
    text = (
        "Mali charges former minister over November attacks\n\n"
        "BAMAKO – Malian prosecutors have charged the former minister Ali Touré with treason."
    )
    found = events(ex, text, dt.date(2024, 1, 4))
    assert [e for e in found if e[0] == "charge"]
    assert not [e for e in found if e[0] == "charge" and e[1] == "2023-11"]


def test_the_university_of_a_country_is_in_that_country(ex: Extractor) -> None:
    text = (
        "Indonesian intelligence agents opened fire on students at the University of Papua New Guinea "
        "on Wednesday."
    )
    found = ex.extract(text, dt.date(2016, 6, 9)).events
    assert [(e.type, e.country) for e in found] == [("armed_attack", "PG")]


def test_storming_a_parliament_or_a_broadcaster_is_an_armed_attack(ex: Extractor) -> None:
    text = "In 1985 Ugandan agents stormed the parliament building in Kampala."
    assert ("armed_attack", "1985", "UG") in events(ex, text, dt.date(1986, 2, 1))
    text = "In 1985 Ugandan agents stormed the studios of the state radio station in Kampala."
    assert ("armed_attack", "1985", "UG") in events(ex, text, dt.date(1986, 2, 1))
