"""Quantities as ranges: verbal ("tens of thousands") and qualified ("more than 100,000")."""

from __future__ import annotations

import pytest

from plotwatch.claims.quantities import expression, quantity_range, ranges_disagree


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (None, "tens of thousands", (20_000, 99_999)),
        (None, "hundreds of thousands", (200_000, 999_999)),
        (None, "Hundreds", (200, 999)),
        (100_000, "more than", (100_000, None)),
        (100, "at least", (100, None)),
        (50, "up to", (0, 50)),
        (50, "fewer than", (0, 50)),
        (1000, None, (900, 1100)),
        (1000, "about", (800, 1200)),
        (None, None, None),
        (None, "about", None),
    ],
)
def test_quantities_range(value: float | None, qualifier: str | None, expected: object) -> None:
    got = quantity_range(value, qualifier)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


def test_quantities_disagree_when_ranges_do_not_overlap() -> None:
    more = quantity_range(100_000, "more than")
    tens = quantity_range(None, "tens of thousands")
    assert more and tens and ranges_disagree(more, tens) and ranges_disagree(tens, more)
    hundreds = quantity_range(None, "hundreds")
    three_fifty = quantity_range(350, None)
    assert hundreds and three_fifty and not ranges_disagree(hundreds, three_fifty)
    eight, three = quantity_range(8, None), quantity_range(3, None)
    assert eight and three and ranges_disagree(eight, three)


def test_quantities_expression_reads_as_written() -> None:
    assert expression(100_000, "more than") == "more than 100,000"
    assert expression(None, "tens of thousands") == "tens of thousands"
    assert expression(8, None) == "8"
    assert expression(2.5, None) == "2.5"
