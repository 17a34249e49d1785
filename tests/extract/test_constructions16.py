"""A month told with no year after a story decades back has just given its year ("The worst
came in 1983. In May police arrested …") is in that year, not the publication's; "since 1995"
("has lived there since 1995") is no time of the story a later day counts from. Former states
by date: an arrest in a Slovak town in 1984 is Czechoslovakia's (CS) and one in
2014 Slovakia's; a killing in Zagreb in May 1991 is Yugoslavia's (YU), one told only as "1991"
(the year Croatia left) keeps today's code; "Czechoslovak agents" are Czechoslovakia's. The land
and the dates come from ``territory`` in ``former_states.yaml``. Hand-written sentences (other
people, places and years than the evaluated ones)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plotwatch import countries
from plotwatch.errors import ConfigError
from plotwatch.extract import Extractor
from plotwatch.extract.dates import DateResolver, Resolved
from plotwatch.extract.resources import Territory, load_entities
from plotwatch.types import PartialDate

PUBLISHED = dt.date(2020, 1, 1)


def found(ex: Extractor, text: str, etype: str) -> list[tuple[str | None, str | None]]:
    return [(e.country, e.agent_state) for e in ex.extract(text, PUBLISHED).events if e.type == etype]


def test_an_arrest_in_a_slovak_town_before_1993_is_czechoslovakias(ex: Extractor) -> None:
    text = "On 14 March 1984 police in Bratislava arrested the Catholic activist Jan Kollar."
    assert found(ex, text, "arrest") == [("CS", "CS")]


def test_the_same_arrest_after_1993_is_slovakias(ex: Extractor) -> None:
    text = "On 14 March 2014 police in Bratislava arrested the Catholic activist Jan Kollar."
    assert found(ex, text, "arrest") == [("SK", "SK")]


def test_a_killing_in_zagreb_before_croatia_left_is_yugoslavias(ex: Extractor) -> None:
    text = "In May 1991 Serbian agents shot dead the exiled writer Ante Kovac in Zagreb."
    # Serbia too was Yugoslavia's until April 1992
    assert found(ex, text, "assassination") == [("YU", "YU")]


def test_a_year_that_straddles_the_change_keeps_todays_code(ex: Extractor) -> None:
    # Croatia declared independence on 25 June 1991: "in 1991" may fall on either side
    text = "In 1991 Serbian agents shot dead the exiled writer Ante Kovac in Zagreb."
    assert found(ex, text, "assassination") == [("HR", "YU")]


def test_czechoslovak_agents_act_for_czechoslovakia(ex: Extractor) -> None:
    text = "In 1978 Czechoslovak agents kidnapped the exiled journalist Pavel Moravec in Vienna."
    assert found(ex, text, "kidnapping") == [("AT", "CS")]


def test_territory_dates_bound_the_whole_date() -> None:
    land = Territory("CZ", until=dt.date(1993, 1, 1), since=dt.date(1918, 10, 28))
    assert land.held_on(*PartialDate.parse("1992-12").span())  # type: ignore[misc]
    assert not land.held_on(*PartialDate.parse("1993").span())  # type: ignore[misc]
    assert not land.held_on(*PartialDate.parse("1918").span())  # type: ignore[misc]
    assert PartialDate.parse("1980-02").span() == (dt.date(1980, 2, 1), dt.date(1980, 2, 29))
    assert PartialDate.parse(None).span() is None


def test_cs_means_czechoslovakia_not_serbia_and_montenegro() -> None:
    assert countries.name("CS").startswith("Czechoslovakia")
    assert countries.is_code("CS") and countries.is_code("YU") and countries.is_code("DD")


def test_a_territory_without_an_end_date_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "former.yaml"
    path.write_text(
        "entities:\n"
        "- {id: state-xx, name: Old State, kind: state, country: CS, territory: [{country: CZ}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        ConfigError, match=r"former\.yaml: state-xx: territory #0 needs a country and an until"
    ):
        load_entities([path])


def test_a_territory_date_that_is_not_a_date_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "former.yaml"
    path.write_text(
        "entities:\n"
        "- {id: state-xx, name: Old State, kind: state, country: CS,"
        " territory: [{country: CZ, until: 'New Year 1993'}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"'New Year 1993' is not a date written YYYY-MM-DD"):
        load_entities([path])


def test_a_month_after_a_bare_year_decades_back_is_in_that_year(ex: Extractor) -> None:
    text = (
        "The worst came in 1983. In May police arrested members of the Workers' Defence Committee, "
        "and in September five of them were convicted of sedition."
    )
    dates = {e.type: e.date.value for e in ex.extract(text, dt.date(2019, 4, 2)).events}
    assert dates == {"arrest": "1983-05", "conviction": "1983-09"}


def test_a_day_after_a_bare_year_decades_back_is_in_that_year() -> None:
    told = Resolved(PartialDate.parse("1983"))
    res = DateResolver(dt.date(2019, 4, 2), 2019).resolve("14 January", None, told)
    assert res is not None and res.date.value == "1983-01-14"


def test_a_month_after_a_bare_year_a_few_years_back_is_still_the_publications() -> None:
    # "She was jailed in 2016. In March she was freed", told in 2019: March 2019 (the story may
    # have moved on to the present, as news does); decades back it may not
    told = Resolved(PartialDate.parse("2016"))
    res = DateResolver(dt.date(2019, 4, 2), 2019).resolve("March", None, told)
    assert res is not None and res.date.value == "2019-03"


def test_a_since_year_is_no_time_of_the_story(ex: Extractor) -> None:
    text = (
        "The teacher Ahmet Korkmaz has lived in Tajikistan since 1994 and runs a chain of schools. "
        "On 12 April he was abducted by Turkish intelligence agents outside his home in Dushanbe."
    )
    dates = [e.date.value for e in ex.extract(text, dt.date(2021, 7, 6)).events if e.type == "kidnapping"]
    assert dates == ["2021-04-12"]
