"""The actor network around an entity, and the shortest path between two."""

from __future__ import annotations

import gc
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from plotwatch.auth import Principal
from plotwatch.network import GraphIndex, neighbourhood, resolve_entity, shortest_path
from plotwatch.store.db import Store
from plotwatch.web.cache import PerVersion
from plotwatch.web.problems import Problem
from plotwatch.web.queries import read
from plotwatch.web.responses import JSON
from plotwatch.web.security import reader, store_of

router = APIRouter(tags=["network"])
Types = Annotated[
    str | None, Query(description="Comma-separated edge types to follow (roles, relation types).")
]


def _types(types: str | None) -> list[str] | None:
    return [t.strip() for t in types.split(",") if t.strip()] if types else None


@router.get("/network", response_model=dict[str, Any])
async def network(
    request: Request,
    _: Annotated[Principal | None, Depends(reader)],
    entity: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias.")],
    hops: Annotated[int, Query(ge=1, le=4, description="Edges away from the entity.")] = 2,
    types: Types = None,
) -> JSON:
    """Entities and incidents within ``hops`` of an entity; edges typed by role or relation,
    each with its evidence (article and quoted sentence); every node with its path."""
    store = store_of(request)
    version = getattr(request.state, "data_version", None)  # read by the response cache
    return JSON(await read(store, _network, store, entity, hops, _types(types), version))


def _network(
    store: Store, entity: str, hops: int, types: list[str] | None, version: str | None
) -> dict[str, Any]:
    entity_id = resolve_entity(store, entity)
    try:
        return neighbourhood(store, entity_id, hops, types, index=graph_index(store, version)).to_dict()
    except ValueError as exc:
        raise Problem(400, str(exc), slug="validation", parameter="types") from None


_GRAPHS = PerVersion(1)


def graph_index(store: Store, version: str | None) -> GraphIndex | None:
    """The graph's edges in memory for this data version of ``store`` (read once per version,
    before any walk of it); None when the version cannot be known."""
    version = version or store.data_version()  # read before the edges it keys
    if version is None:
        return None
    index: GraphIndex = _GRAPHS.get_or_make(store.url, version, "", lambda: _load(store))
    return index


def _load(store: Store) -> GraphIndex:
    index = GraphIndex.load(store)
    # its hundreds of thousands of tuples live until the next write: out of the collector's
    # reach, as the app's own objects are (settle_heap); without cycles, they are freed when
    # the next index replaces this one
    gc.freeze()
    return index


@router.get("/network/path", response_model=dict[str, Any])
def path(
    request: Request,
    _: Annotated[Principal | None, Depends(reader)],
    source: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias.")],
    target: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias.")],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 6,
    types: Types = None,
) -> dict[str, Any]:
    """The shortest chain of edges between two entities, with the evidence of each edge
    (404 when they are not linked within ``max_hops``)."""
    store = store_of(request)
    a, b = resolve_entity(store, source), resolve_entity(store, target)
    try:
        found = shortest_path(store, a, b, max_hops, _types(types))
    except ValueError as exc:
        raise Problem(400, str(exc), slug="validation", parameter="types") from None
    if found is None:
        raise Problem(
            404, f"{source!r} and {target!r} are not linked within {max_hops} hops", slug="not-found"
        )
    return {"source": a, "target": b, **found}
