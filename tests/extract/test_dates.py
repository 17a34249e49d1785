"""Date resolution rules (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract.dates import DateResolver, Resolved, reference_year, sentence_year
from plotwatch.types import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 22", "2018-03-22"),
        ("October10", "2018-10-10"),
        ("in June", "2018-06"),
        ("this year", "2018"),
        ("last year", "2017"),
        ("February 2019", "2019-02"),
        ("September 20, 2019", "2019-09-20"),
        ("1994", "1994"),
    ],
)
def test_dates_resolve_against_reference_year(text: str, expected: str) -> None:
    assert DateResolver(None, 2018).resolve(text).date.value == expected


def test_dates_relative_to_publication() -> None:
    r = DateResolver(dt.date(2019, 1, 10), None)
    assert r.resolve("yesterday").date.value == "2019-01-09"
    assert r.resolve("in December").date.value == "2018-12"  # the December before
    assert r.resolve("last week").date.value == "2019-01"  # never a day for a week


def test_dates_relative_without_publication_keeps_year_only() -> None:
    res = DateResolver(None, 2020).resolve("last week")
    assert res.date.value == "2020" and res.inferred


def test_dates_decade_is_no_date() -> None:
    assert DateResolver(None, 2018).resolve("the 1980s") is None


def test_dates_reference_year_ignores_header_date_lines() -> None:
    text = "Monday, June 3, 2024\nThe plot of 2019 was foiled. In 2019 police arrested two men."
    assert reference_year(text) == 2019
    assert sentence_year("one in Paris in 2017, then in March") == 2017


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("the same day", "2019-12", "2019-12"),
        ("that day", "2018-06-30", "2018-06-30"),
        ("the following day", "2018-06-30", "2018-07-01"),
        ("the next day", "2020-02-28", "2020-02-29"),
        ("the day before", "2021-03-01", "2021-02-28"),
        ("two days later", "2018-06-30", "2018-07-02"),
        ("a week earlier", "2018-06-30", "2018-06-23"),
        ("hours later", "2021-05-23", "2021-05-23"),
        ("three months later", "2018-11", "2019-02"),
        ("the following year", "2018-06-30", "2019"),
        ("that month", "2018-06-03", "2018-06"),
        ("the same year", "2017-04", "2017"),
    ],
)
def test_dates_anchored_to_the_last_date_of_the_text(text: str, anchor: str, expected: str) -> None:
    res = DateResolver(dt.date(2022, 1, 1), None).resolve(text, None, Resolved(PartialDate.parse(anchor)))
    assert res is not None and res.date.value == expected


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("the following day", "2018-06"),  # a day after some day of June: no day, maybe July
        ("a week later", "2018"),
        ("the same day", None),  # nothing to refer to
    ],
)
def test_dates_anchored_never_invent_a_day(text: str, anchor: str | None) -> None:
    ref = Resolved(PartialDate.parse(anchor)) if anchor else None
    assert DateResolver(dt.date(2022, 1, 1), None).resolve(text, None, ref) is None


def test_dates_anchored_keep_the_anchors_inferred_flag() -> None:
    res = DateResolver(None, 2018).resolve("the next day", None, Resolved(PartialDate.of(2018, 3, 22), True))
    assert res is not None and res.date.value == "2018-03-23" and res.inferred


def test_years_ago_count_back_from_publication() -> None:
    d = DateResolver(dt.date(2021, 9, 21), 2021)
    assert d.resolve("fifteen years ago").date.value == "2006"
    assert d.resolve("Forty years ago today").date.value == "1981-09-21"
    assert d.resolve("12 years ago").date.value == "2009"


def test_a_length_of_months_or_years_is_no_date() -> None:
    d = DateResolver(dt.date(2021, 2, 11), 2021)
    assert d.resolve("eight months") is None
    assert d.resolve("five years") is None
    assert d.resolve("this month").date.value == "2021-02"


def test_a_month_of_that_year_and_a_count_from_the_act_take_the_anchor() -> None:
    d = DateResolver(dt.date(2021, 9, 21), 2021)
    may_2007 = Resolved(PartialDate.of(2007, 5))
    assert d.resolve("July of that year", None, may_2007).date.value == "2007-07"
    assert d.resolve("that December", None, may_2007).date.value == "2007-12"
    day = Resolved(PartialDate.of(1984, 4, 17))
    assert d.resolve("Five days after the shooting", None, day).date.value == "1984-04-22"


def test_years_to_the_day_count_back_from_publication_to_the_day() -> None:
    r = DateResolver(dt.date(2022, 8, 17), 2022)
    assert r.resolve("thirty years to the day").date.value == "1992-08-17"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("that summer", "1978-04", "1978"),
        ("within days", "1973-07", "1973-07"),
        ("days later", "2022-10-16", "2022-10"),
        ("within weeks", "1992-09-17", "1992"),
        ("weeks later", "1984-10-15", "1984"),
        ("shortly afterwards", "2019-08-23", "2019-08"),
        ("soon after", "2011-05-02", "2011-05"),
    ],
)
def test_unnumbered_times_after_a_date_keep_what_is_known_of_it(
    text: str, anchor: str, expected: str
) -> None:
    y, *rest = (int(p) for p in anchor.split("-"))
    r = DateResolver(dt.date(2022, 12, 14), 2022)
    res = r.resolve(text, None, Resolved(PartialDate.of(y, *rest)))
    assert res is not None and res.date.value == expected


def test_soon_after_an_act_is_not_a_length_after_a_date() -> None:
    r = DateResolver(dt.date(2022, 12, 14), 2022)
    res = r.resolve("soon after the attack", None, Resolved(PartialDate.of(2019, 8, 23)))
    assert res is None or res.date.value != "2019-08"
