"""Name screening over the API: ``POST /api/v1/match`` (any reader; it changes nothing).

The screener index (:class:`plotwatch.screen.Screener`) is built from the store's entities
and aliases on first use and rebuilt when they change (their counts and newest alias differ).
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select

from plotwatch.auth import Principal
from plotwatch.screen import DEFAULT_THRESHOLD, Screener
from plotwatch.store.db import Store
from plotwatch.store.models import Alias, Entity
from plotwatch.web.problems import Problem
from plotwatch.web.security import reader, store_of

router = APIRouter(tags=["screening"])
_lock = threading.Lock()


class MatchQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=300)
    birth_date: str | None = Field(default=None, description="1964 or 1964-03-01")
    nationality: str | None = Field(default=None, max_length=100, description="IR, IRN or Iran")
    id: str | None = Field(default=None, max_length=200, description="Your reference, echoed back.")


class MatchBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    queries: list[MatchQuery] = Field(min_length=1, max_length=1000)
    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0.0, le=1.0)
    limit: int = Field(default=5, ge=1, le=100)


def _signature(store: Store) -> tuple[Any, ...]:
    with store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Entity)),
            s.scalar(select(func.count()).select_from(Alias)),
            s.scalar(select(func.max(Alias.id))),
        )


def screener_for(request: Request, threshold: float) -> Screener:
    """The app's screener for the store as it is now, at ``threshold``."""
    store = store_of(request)
    sig = _signature(store)
    with _lock:
        cached = getattr(request.app.state, "screener", None)
        if cached is None or cached[0] != sig:
            cached = (sig, Screener.from_store(store, 0.0))
            request.app.state.screener = cached
    screener: Screener = cached[1]
    return screener


@router.post("/match")
def match(
    request: Request, _: Annotated[Principal | None, Depends(reader)], body: MatchBody
) -> dict[str, Any]:
    """Screen names against every entity and alias (knowledge base and imported lists): each hit
    with the alias that matched, its score and the rules that explain it."""
    screener = screener_for(request, body.threshold)
    results = []
    for n, q in enumerate(body.queries):
        try:
            hits = screener.match(
                q.name, birth_date=q.birth_date, nationality=q.nationality, limit=body.limit
            )
        except ValueError as exc:
            raise Problem(422, str(exc), slug="invalid-value", parameter=f"queries[{n}].birth_date") from None
        results.append(
            {
                "query": q.model_dump(),
                "hits": [h.to_dict() for h in hits if h.score >= body.threshold],
            }
        )
    return {"threshold": body.threshold, "indexed_names": len(screener), "results": results}
