"""Quantities as ranges, so "tens of thousands" can be compared with "more than 100,000".

A figure is a value (or none, for a verbal quantity) with a qualifier; :func:`quantity_range`
turns it into ``(low, high)`` bounds (``None``: unbounded). Two figures disagree when their
ranges do not overlap (:func:`ranges_disagree`); an exact number stands for itself give or take
``tolerance`` (news rounds: "about 100,000" and "98,000" do not disagree).
"""

from __future__ import annotations

import re

# verbal quantities: the phrase as written (lower case, single spaces) → (low, high)
VERBAL: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "dozens of thousands": (24_000, 99_999),
}
VERBAL_RE = re.compile(
    r"\b(?:(?:tens|hundreds|dozens) of (?:thousands|millions)|dozens|scores|hundreds|thousands|millions)\b",
    re.I,
)
LOWER_BOUND = {"more than", "over", "at least", "upwards of"}
UPPER_BOUND = {"fewer than", "less than", "up to", "nearly", "almost"}
APPROXIMATE = {"about", "around", "some", "roughly", "approximately"}

Range = tuple[float | None, float | None]


def quantity_range(value: float | None, qualifier: str | None, tolerance: float = 0.1) -> Range | None:
    """Bounds of a figure; None when neither a value nor a known verbal quantity is given."""
    q = " ".join((qualifier or "").lower().split())
    if value is None:
        bounds = VERBAL.get(q)
        return (float(bounds[0]), float(bounds[1])) if bounds else None
    if q in LOWER_BOUND:
        return (value, None)
    if q in UPPER_BOUND:
        return (value * (1 - 2 * tolerance) if q in {"nearly", "almost"} else 0.0, value)
    slack = 2 * tolerance if q in APPROXIMATE else tolerance
    return (value * (1 - slack), value * (1 + slack))


def ranges_disagree(a: Range, b: Range) -> bool:
    """True when no number lies in both ranges."""
    a_low, a_high = a
    b_low, b_high = b
    if a_high is not None and b_low is not None and a_high < b_low:
        return True
    return b_high is not None and a_low is not None and b_high < a_low


def expression(value: float | None, qualifier: str | None) -> str:
    """The figure as a reader would say it: "more than 100,000", "tens of thousands", "8"."""
    if value is None:
        return qualifier or ""
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    if qualifier and qualifier.lower() not in VERBAL:
        return f"{qualifier} {number}"
    return number
