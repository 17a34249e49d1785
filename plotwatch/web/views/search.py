"""The search page: articles, incidents and actors matching some words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from plotwatch.store.queries import search_articles
from plotwatch.web import lookups
from plotwatch.web.params import IncidentParams
from plotwatch.web.queries import incident_page
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/search")
def search(request: Request, _: Reader, q: Annotated[str, Query(max_length=300)] = "") -> Response:
    store = store_of(request)
    results = None
    if q.strip():
        incidents, n_inc = incident_page(store, IncidentParams(q=q, limit=20))
        ents, n_ent = lookups.entities(store, q, None, 20, 0)
        results = {
            "articles": search_articles(store, q, 20),
            "incidents": incidents,
            "n_incidents": n_inc,
            "entities": ents,
            "n_entities": n_ent,
        }
    return render(request, "search.html", title="Search", q=q, results=results)
