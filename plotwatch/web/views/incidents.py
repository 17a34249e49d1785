"""The incident list: filters, full-text search, sorting, pagination."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from plotwatch.types import EVENT_TYPES, STATUSES
from plotwatch.web.params import REVIEWS, SORTS, IncidentParams, incident_params
from plotwatch.web.queries import facets, incident_page
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/incidents")
def incident_list(
    request: Request, _: Reader, p: Annotated[IncidentParams, Depends(incident_params)]
) -> Response:
    store = store_of(request)
    items, total = incident_page(store, p)
    return render(
        request,
        "incidents.html",
        title="Incidents",
        items=items,
        total=total,
        p=p,
        facets=facets(store),
        types=EVENT_TYPES,
        statuses=STATUSES,
        sorts=SORTS,
        reviews=REVIEWS,
        json_url="/api/v1/incidents" + (f"?{request.url.query}" if request.url.query else ""),
    )
