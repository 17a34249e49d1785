"""Source pages: every outlet with its grade and family, and one outlet with its articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from plotwatch.web import lookups
from plotwatch.web.params import paging
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/sources")
def source_list(request: Request, _: Reader) -> Response:
    items = lookups.sources(store_of(request))
    return render(request, "sources.html", title="Sources", items=items, json_url="/api/v1/sources")


@router.get("/sources/{source_id}")
def source_page(
    request: Request, _: Reader, source_id: int, page: Annotated[tuple[int, int], Depends(paging)]
) -> Response:
    src = lookups.source(store_of(request), source_id, *page)
    return render(
        request,
        "source.html",
        title=src["name"],
        src=src,
        limit=page[0],
        offset=page[1],
        json_url=f"/api/v1/sources/{source_id}",
    )
