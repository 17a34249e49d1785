"""Entities, sources (outlets), articles and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from plotwatch.auth import Principal
from plotwatch.store.db import Store
from plotwatch.store.queries import search_articles
from plotwatch.web import lookups
from plotwatch.web.params import IncidentParams, paging
from plotwatch.web.problems import Problem
from plotwatch.web.queries import incident_page, read
from plotwatch.web.responses import JSON
from plotwatch.web.security import reader, store_of

router = APIRouter()
Reader = Annotated[Principal | None, Depends(reader)]
Paging = Annotated[tuple[int, int], Depends(paging)]


@router.get("/entities", tags=["entities"], response_model=dict[str, Any])
async def entities(
    request: Request,
    _: Reader,
    page: Paging,
    q: Annotated[str | None, Query(max_length=200, description="Text in a name or alias.")] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
) -> JSON:
    """Entities (people, agencies, groups, states…) by name or alias, most-involved first."""
    store = store_of(request)
    items, total = await read(store, lookups.entities, store, q or None, kind or None, *page)
    return JSON({"total": total, "limit": page[0], "offset": page[1], "items": items})


@router.get("/entities/{entity_id}", tags=["entities"], response_model=dict[str, Any])
async def entity(request: Request, _: Reader, entity_id: str) -> JSON:
    """One entity: aliases, incidents with its role, relations."""
    store = store_of(request)
    return JSON(await read(store, lookups.entity, store, entity_id))


@router.get("/sources", tags=["sources"], response_model=dict[str, Any])
async def sources(request: Request, _: Reader) -> JSON:
    """Every outlet with its Admiralty grade (A–F), kind, family and article count."""
    store = store_of(request)
    items = await read(store, lookups.sources, store)
    return JSON({"total": len(items), "items": items})


@router.get("/sources/{source_id}", tags=["sources"], response_model=dict[str, Any])
async def source(request: Request, _: Reader, source_id: int, page: Paging) -> JSON:
    """One outlet and a page of its articles."""
    store = store_of(request)
    return JSON(await read(store, lookups.source, store, source_id, *page))


@router.get("/articles/{article_id:path}", tags=["articles"], response_model=dict[str, Any])
async def article(request: Request, _: Reader, article_id: str) -> JSON:
    """One article with its text, outlet, event mentions (offsets into the text) and claims."""
    store = store_of(request)
    return JSON(await read(store, lookups.article, store, article_id))


@router.get("/search", tags=["search"], response_model=dict[str, Any])
async def search(
    request: Request,
    _: Reader,
    q: Annotated[str, Query(max_length=300, description="Words to find.")] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> JSON:
    """Full-text search: articles, incidents (actors and evidence) and entities."""
    if not q.strip():
        raise Problem(400, "q must not be empty", slug="validation", parameter="q")
    store = store_of(request)
    return JSON(await read(store, _search, store, q, limit))


def _search(store: Store, q: str, limit: int) -> dict[str, Any]:
    incidents, n_inc = incident_page(store, IncidentParams(q=q, limit=limit))
    ents, n_ent = lookups.entities(store, q, None, limit, 0)
    return {
        "query": q,
        "articles": search_articles(store, q, limit),
        "incidents": {"total": n_inc, "items": incidents},
        "entities": {"total": n_ent, "items": ents},
    }
