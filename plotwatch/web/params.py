"""Query parameters shared by the incident list page, the timeline, the map and the API.

Empty values (an unselected filter in a form) mean "no filter". Bad values raise a 400
problem that names the parameter and the accepted values.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields
from typing import Annotated, Any, TypeVar

from fastapi import Query

from plotwatch.store.queries import IncidentFilter
from plotwatch.types import EVENT_TYPES, STATUSES
from plotwatch.web.problems import Problem

SORTS = (
    "date",
    "-date",
    "credibility",
    "-credibility",
    "articles",
    "-articles",
    "sources",
    "-sources",
    "type",
    "country",
    "id",
)
REVIEWS = ("default", "all", "accepted", "rejected", "unreviewed")
T = TypeVar("T")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE_RE = re.compile(r"^([A-Za-z]{2}|EU|eu)$")


@dataclass
class IncidentParams:
    """Filters, sorting and paging of an incident list."""

    type: str | None = None
    status: str | None = None
    agent_state: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    family: str | None = None
    min_credibility: int | None = None
    q: str | None = None
    review: str = "default"
    sort: str = "-date"
    limit: int = 50
    offset: int = 0

    def store_filter(self, text: bool = True) -> IncidentFilter:
        """The store's filter for these parameters (without the text filter when ``text`` is
        false; the family filter and sorting are the web layer's)."""
        return IncidentFilter(
            type=self.type,
            status=self.status,
            country=self.country,
            agent_state=self.agent_state,
            since=self.since,
            until=self.until,
            query=self.q if text else None,
            min_credibility=self.min_credibility,
            include_rejected=self.review != "default",
        )

    def as_query(self) -> dict[str, Any]:
        """The non-default parameters, for links (pagination, JSON twin)."""
        default = IncidentParams()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(default, f.name) and f.name not in ("limit", "offset")
        }


def _bad(name: str, value: str, allowed: str) -> Problem:
    return Problem(400, f"{name} must be {allowed}, not {value!r}", slug="validation", parameter=name)


def _blank(v: str | None) -> str | None:
    v = v.strip() if v else v
    return v or None


def parse_incident_params(
    type: Annotated[str | None, Query(description="Event type, e.g. bombing.")] = None,
    status: Annotated[str | None, Query(description="planned, foiled, failed or executed.")] = None,
    agent_state: Annotated[str | None, Query(description="ISO alpha-2 of the sponsor state.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-2 where it happened (or EU).")] = None,
    since: Annotated[str | None, Query(description="From: 2018, 2018-06 or 2018-06-30.")] = None,
    until: Annotated[str | None, Query(description="Up to: 2018, 2018-06 or 2018-06-30.")] = None,
    family: Annotated[str | None, Query(description="Source family (or outlet) reporting it.")] = None,
    min_credibility: Annotated[
        str | None, Query(description="Keep credibility this good or better (1 best … 6).")
    ] = None,
    q: Annotated[str | None, Query(description="Text in actors (names, aliases) or evidence.")] = None,
    review: Annotated[str | None, Query(description="default hides rejected; " + ", ".join(REVIEWS))] = None,
    sort: Annotated[str | None, Query(description="One of " + ", ".join(SORTS))] = None,
    limit: Annotated[str | None, Query(description="Page size, 1-500 (default 50).")] = None,
    offset: Annotated[str | None, Query(description="Rows to skip (default 0).")] = None,
) -> IncidentParams:
    """Validated :class:`IncidentParams` (400 problem on a bad value); as a dependency,
    :func:`incident_params`."""
    p = IncidentParams()
    p.type, p.status, p.family, p.q = _blank(type), _blank(status), _blank(family), _blank(q)
    if p.type and p.type not in EVENT_TYPES:
        raise _bad("type", p.type, "one of " + ", ".join(EVENT_TYPES))
    if p.status and p.status not in STATUSES:
        raise _bad("status", p.status, "one of " + ", ".join(STATUSES))
    for name, value in (("agent_state", agent_state), ("country", country)):
        v = _blank(value)
        if v and not _CODE_RE.match(v):
            raise _bad(name, v, "an ISO alpha-2 code such as FR, or EU")
        setattr(p, name, v.upper() if v else None)
    for name, value in (("since", since), ("until", until)):
        v = _blank(value)
        if v and not _DATE_RE.match(v):
            raise _bad(name, v, "a date like 2018, 2018-06 or 2018-06-30")
        setattr(p, name, v)
    p.min_credibility = _int("min_credibility", min_credibility, None, 1, 6)
    p.review = _blank(review) or "default"
    if p.review not in REVIEWS:
        raise _bad("review", p.review, "one of " + ", ".join(REVIEWS))
    p.sort = _blank(sort) or "-date"
    if p.sort not in SORTS:
        raise _bad("sort", p.sort, "one of " + ", ".join(SORTS))
    p.limit = _int("limit", limit, 50, 1, 500) or 50
    p.offset = _int("offset", offset, 0, 0, 10_000_000) or 0
    return p


def _int(name: str, value: str | None, default: int | None, lo: int, hi: int) -> int | None:
    v = _blank(value)
    if v is None:
        return default
    try:
        n = int(v)
    except ValueError:
        raise _bad(name, v, f"a whole number from {lo} to {hi}") from None
    if not lo <= n <= hi:
        raise _bad(name, v, f"a whole number from {lo} to {hi}")
    return n


def _paging(
    limit: Annotated[str | None, Query(description="Page size, 1-500 (default 50).")] = None,
    offset: Annotated[str | None, Query(description="Rows to skip (default 0).")] = None,
) -> tuple[int, int]:
    """(limit, offset) for the other lists; as a dependency, :func:`paging`."""
    return _int("limit", limit, 50, 1, 500) or 50, _int("offset", offset, 0, 0, 10_000_000) or 0


def _on_event_loop(parse: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    """``parse`` as an ``async`` dependency with the same parameters.

    FastAPI runs a plain function dependency in a worker thread; these only read their
    arguments, so the hand-off to the thread would cost more than the work."""

    @functools.wraps(parse)
    async def dependency(**kwargs: Any) -> T:
        return parse(**kwargs)

    return dependency


incident_params = _on_event_loop(parse_incident_params)
"""Dependency: validated :class:`IncidentParams` (400 problem on a bad value)."""
paging = _on_event_loop(_paging)
"""Dependency: (limit, offset) for the other lists."""
