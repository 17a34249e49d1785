"""Date resolution rules (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from plotwatch.extract.dates import DateResolver, reference_year, sentence_year


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
