"""The timeline: incidents over time, one row per type, zoomable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from plotwatch.types import EVENT_TYPES
from plotwatch.web.params import IncidentParams, incident_params
from plotwatch.web.queries import points
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/timeline")
def timeline(request: Request, _: Reader, p: Annotated[IncidentParams, Depends(incident_params)]) -> Response:
    pts = [x for x in points(store_of(request), p) if x["date"]]
    return render(
        request,
        "timeline.html",
        title="Timeline",
        p=p,
        data={"points": pts, "types": list(EVENT_TYPES)},
        n=len(pts),
        types=EVENT_TYPES,
    )
