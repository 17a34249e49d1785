"""The map: incidents by place (pins at their coordinates), countries shaded by count."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from plotwatch.types import EVENT_TYPES
from plotwatch.web.params import IncidentParams, incident_params
from plotwatch.web.queries import points
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader, iso_numeric

router = APIRouter(include_in_schema=False)


@router.get("/map")
def map_view(request: Request, _: Reader, p: Annotated[IncidentParams, Depends(incident_params)]) -> Response:
    pts = points(store_of(request), p)
    pins = [x for x in pts if x["lat"] is not None and x["lon"] is not None]
    by_country = Counter(x["country"] for x in pts if x["country"])
    numeric = iso_numeric()
    countries = [{"country": c, "numeric": numeric.get(c), "count": n} for c, n in by_country.most_common()]
    return render(
        request,
        "map.html",
        title="Map",
        p=p,
        types=EVENT_TYPES,
        n_pins=len(pins),
        n=len(pts),
        countries=countries,
        data={"pins": pins, "countries": countries},
    )
