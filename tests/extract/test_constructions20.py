"""A clause closed by a semicolon keeps its own mood ("were arrested …; the case never came to
trial" is an arrest); "was charged and, in 1998, convicted" dates the conviction; a year in a
relative clause about someone gives no year to the dates after it; "in June and July 2011" is
June; "on Saturday night" is the Saturday; "pressed London to free" is a demand; judges taken
from their homes are kidnapped; troops storming a party's headquarters attack it; "its courts",
after a state is named, are that state's; soldiers, police or guards of no state named, in a
story of one country, are that country's; a dateline's city counts for the story's country;
"took two judges and a former minister from their homes" is a kidnapping of all three; many
"shot by firing squad" are killed, not attacked; "On 18 March that year" is a day of the year
the text named last, even in a clause describing something; a day and month told before with
its year are that day; a day and month after the publication date are of the year before.
Hand-written sentences (other people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract import Extractor


def events(ex: Extractor, text: str, published: dt.date) -> list[tuple[str, str | None, str | None]]:
    found = ex.extract(text, published).events
    return [(e.type, e.date.value if e.date else None, e.agent_state) for e in found]


def test_a_clause_after_a_semicolon_does_not_negate_the_one_before(ex: Extractor) -> None:
    text = (
        "In May 1983 the opposition MP Ouko Otieno and two of his aides were arrested by Kenyan police "
        "and charged with sedition; the case never came to trial."
    )
    found = events(ex, text, dt.date(2019, 5, 2))
    assert ("arrest", "1983-05", "KE") in found
    assert ("charge", "1983-05", "KE") in found


def test_a_negation_in_its_own_clause_before_a_semicolon_still_counts(ex: Extractor) -> None:
    text = "Otieno was never arrested; Kenyan police closed the file in 1984."
    assert not [e for e in events(ex, text, dt.date(2019, 5, 2)) if e[0] == "arrest"]


def test_a_year_in_a_relative_clause_gives_no_year_to_later_dates(ex: Extractor) -> None:
    text = (
        "President Kofi Mensah, who took office in 2005, was declared the winner of the vote of 14 "
        "August. When the result was announced on 17 August, protesters took to the streets. That "
        "night, Togolese soldiers opened fire on opposition supporters in Lomé."
    )
    dates = [d for t, d, _ in events(ex, text, dt.date(2010, 10, 2)) if t == "armed_attack"]
    assert dates == ["2010-08-17"]


def test_two_months_of_one_year_date_an_act_by_the_first(ex: Extractor) -> None:
    text = (
        "In June and July 2011 Malawian police opened fire on protesters in Lilongwe, killing nineteen "
        "people."
    )
    assert [d for t, d, _ in events(ex, text, dt.date(2012, 7, 20)) if t == "armed_attack"] == ["2011-06"]


def test_pressing_a_state_to_free_someone_is_no_release(ex: Extractor) -> None:
    text = (
        "Kenya's government said it would press London to free the officer, who was arrested by "
        "British police in Leeds on Thursday."
    )
    found = events(ex, text, dt.date(2013, 1, 5))
    assert ("arrest", "2013-01-03", "GB") in found
    assert not [e for e in found if e[0] == "release"]


def test_many_shot_by_firing_squad_are_killings_not_an_armed_attack(ex: Extractor) -> None:
    text = (
        "In April 1980 thirteen ministers of the former Liberian government were shot by firing squad "
        "on a beach in Monrovia."
    )
    assert [t for t, _, _ in events(ex, text, dt.date(2020, 4, 22))] == ["assassination"]


def test_a_day_that_year_takes_the_year_named_last_in_any_clause(ex: Extractor) -> None:
    text = (
        "The colonel went on trial on Wednesday. He led the mutiny that overthrew the president of Niger "
        "in February 2010. On 18 March that year, Nigerien police arrested the former minister Amadou "
        "Garba in Niamey. In the days that followed, Nigerien police arrested two of his sons."
    )
    found = events(ex, text, dt.date(2016, 12, 1))
    assert ("arrest", "2010-03-18", "NE") in found
    # the days that followed are counted from that day, not from the trial's Wednesday
    assert all((d or "").startswith("2010") for t, d, _ in found if t == "arrest")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "The editor Mwila Banda was charged by Zambian prosecutors and, in 1998, convicted of sedition.",
            dt.date(2019, 5, 2),
            ("conviction", "1998", "ZM"),
            id="second_verb",
        ),
        # published on a Monday: Saturday is two days before
        pytest.param(
            (
                "The journalist Pius Ndlovu was shot dead by soldiers of the Zimbabwean army at his home in "
                "Bulawayo on Saturday night, his family said."
            ),
            dt.date(2008, 3, 10),
            ("assassination", "2008-03-08", "ZW"),
            id="weekday",
        ),
        pytest.param(
            "On 12 May 1985, soldiers of the Ugandan army took two judges from their homes in Kampala.",
            dt.date(2015, 5, 12),
            ("kidnapping", "1985-05-12", "UG"),
            id="judges_taken",
        ),
        pytest.param(
            (
                "Troops of the Ethiopian army stormed the headquarters of the opposition party in Addis "
                "Ababa in November 2005."
            ),
            dt.date(2006, 1, 10),
            ("armed_attack", "2005-11", "ET"),
            id="headquarters",
        ),
        pytest.param(
            (
                "Sweden has rarely used its universal jurisdiction. Its courts convicted a Rwandan former "
                "mayor, Jean-Paul Habineza, of genocide in 2019."
            ),
            dt.date(2021, 1, 5),
            ("conviction", "2019", "SE"),
            id="its_courts",
        ),
        # published on a Monday: Saturday is two days before
        pytest.param(
            (
                "A court in Malawi on Monday jailed two opposition activists for sedition. Malawi's "
                "government says last month's protests in Lilongwe were illegal. Members of the "
                "presidential guard opened fire on marchers outside the palace on 20 July, killing "
                "nineteen people."
            ),
            dt.date(2011, 8, 1),
            ("armed_attack", "2011-07-20", "MW"),
            id="guards_of_no_state",
        ),
        pytest.param(
            (
                "Mbabane Times\nBy Staff\n\nMBABANE – The lawyer Sipho Dlamini, a critic of the monarchy in "
                "Eswatini, was arrested on Friday and charged with sedition, his colleagues said. He was "
                "released on bail on Sunday."
            ),
            dt.date(2023, 1, 23),
            ("arrest", "2023-01-20", "SZ"),
            id="dateline",
        ),
        pytest.param(
            (
                "On 4 March 1977, soldiers of the Ugandan army took two judges and a former minister "
                "from their homes in Kampala."
            ),
            dt.date(2020, 4, 22),
            ("kidnapping", "1977-03-04", "UG"),
            id="taken_with_others",
        ),
    ],
)
def test_the_construction_gives_the_event(
    ex: Extractor, text: str, published: dt.date, expected: tuple[str, str, str]
) -> None:
    assert expected in events(ex, text, published)


def test_a_day_and_month_told_before_with_its_year_is_that_day(ex: Extractor) -> None:
    text = (
        "A year ago today, on 12 March 2019, Algerian police arrested the journalist Karim Benali in "
        "Algiers. His brother was freed by Algerian police in January. In the days after 12 March, "
        "Algerian police detained ten more reporters in Oran."
    )
    arrests = [d for t, d, _ in events(ex, text, dt.date(2020, 3, 12)) if t == "arrest"]
    assert arrests == ["2019-03-12", "2019-03-12"]


def test_a_day_and_month_after_publication_are_last_years(ex: Extractor) -> None:
    text = (
        "The junta has held the president since last year. On 30 July the police of Niger arrested the "
        "former oil minister Moussa Idrissa in Niamey."
    )
    assert ("arrest", "2023-07-30", "NE") in events(ex, text, dt.date(2024, 7, 26))
