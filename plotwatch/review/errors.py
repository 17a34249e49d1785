"""Errors of analyst review, children of :class:`plotwatch.errors.PlotwatchError`.

    PlotwatchError
    └── ReviewError            a review action cannot be carried out
        ├── InvalidEditError   a value is not acceptable (unknown field, bad date, bad type)
        └── ConflictError      the action contradicts the current state (merge into itself, …)

The web app answers these with 422 and 409 problem details; the CLI with one red line.
"""

from __future__ import annotations

from plotwatch.errors import PlotwatchError


class ReviewError(PlotwatchError):
    """A review action cannot be carried out."""


class InvalidEditError(ReviewError, ValueError):
    """A value given to a review action is not acceptable."""


class ConflictError(ReviewError):
    """The action contradicts the current state of the knowledge base."""
