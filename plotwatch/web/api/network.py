"""The actor network around an entity."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from plotwatch.auth import Principal
from plotwatch.web import graph
from plotwatch.web.security import reader, store_of

router = APIRouter(tags=["network"])


@router.get("/network")
def network(
    request: Request,
    _: Annotated[Principal | None, Depends(reader)],
    entity: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias.")],
    hops: Annotated[int, Query(ge=1, le=4, description="Edges away from the entity.")] = 2,
    types: Annotated[
        str | None, Query(description="Comma-separated edge types to follow (roles, relation types).")
    ] = None,
) -> dict[str, Any]:
    """Entities and incidents within ``hops`` of an entity; edges typed by role or relation."""
    store = store_of(request)
    entity_id = graph.resolve(store, entity)
    wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
    return graph.neighbourhood(store, entity_id, hops, wanted)
