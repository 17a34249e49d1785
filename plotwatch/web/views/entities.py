"""Actor pages: the entity list (search by name or alias) and one entity."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from plotwatch.web import lookups
from plotwatch.web.params import paging
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/entities")
def entity_list(
    request: Request,
    _: Reader,
    page: Annotated[tuple[int, int], Depends(paging)],
    q: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    items, total = lookups.entities(store_of(request), q or None, kind or None, *page)
    return render(
        request,
        "entities.html",
        title="Actors",
        items=items,
        total=total,
        q=q or "",
        kind=kind or "",
        limit=page[0],
        offset=page[1],
        json_url="/api/v1/entities",
    )


@router.get("/entities/{entity_id}")
def entity_page(request: Request, _: Reader, entity_id: str, done: str | None = None) -> Response:
    store = store_of(request)
    ent = lookups.entity(store, entity_id)
    audit, _n = lookups.audit(store, object_type="entity", object_id=entity_id, limit=50)
    return render(
        request,
        "entity.html",
        title=ent["name"],
        ent=ent,
        audit=audit,
        done=done,
        json_url=f"/api/v1/entities/{entity_id}",
    )
