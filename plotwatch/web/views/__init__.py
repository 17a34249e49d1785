"""Server-rendered pages: one module per kind of page (datasette-style)."""

from __future__ import annotations

from fastapi import APIRouter

from plotwatch.web.views import (
    articles,
    audit,
    auth,
    dashboard,
    entities,
    incident,
    incidents,
    map,
    network,
    review,
    search,
    sources,
    timeline,
)

routers: list[APIRouter] = [
    m.router
    for m in (
        auth,
        dashboard,
        incidents,
        incident,
        review,
        timeline,
        map,
        network,
        entities,
        sources,
        articles,
        search,
        audit,
    )
]

__all__ = ["routers"]
