"""The network: actors and incidents around an entity, expandable, filtered by edge type."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from plotwatch.errors import NotFoundError
from plotwatch.network import edge_types, neighbourhood, resolve_entity
from plotwatch.web.api.network import graph_index
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/network")
def network(
    request: Request,
    _: Reader,
    entity: Annotated[str | None, Query(max_length=300)] = None,
    hops: Annotated[int, Query(ge=1, le=4)] = 2,
    types: Annotated[list[str] | None, Query()] = None,
) -> Response:
    store = store_of(request)
    all_types = edge_types(store)
    chosen = [t for t in (types or []) if t in all_types]
    data, error = None, None
    if entity:
        try:
            eid = resolve_entity(store, entity.strip())
            data = neighbourhood(store, eid, hops, chosen or None, index=graph_index(store, None)).to_dict()
        except NotFoundError as exc:
            error = str(exc)
    return render(
        request,
        "network.html",
        title="Network",
        entity=entity or "",
        hops=hops,
        all_types=all_types,
        chosen=chosen,
        data=data,
        error=error,
    )
