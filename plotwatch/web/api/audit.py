"""The audit log, who am I, and the users (admin)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from plotwatch.auth import Principal, list_users
from plotwatch.web import lookups
from plotwatch.web.params import paging
from plotwatch.web.security import admin, reader, store_of

router = APIRouter()


@router.get("/audit", tags=["audit"])
def audit(
    request: Request,
    _: Annotated[Principal | None, Depends(reader)],
    page: Annotated[tuple[int, int], Depends(paging)],
    object_type: Annotated[
        str | None, Query(max_length=40, description="incident, entity, source, user")
    ] = None,
    object_id: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=100)] = None,
) -> dict[str, Any]:
    """Every change, newest first, with the state before and after."""
    items, total = lookups.audit(
        store_of(request),
        object_type=object_type or None,
        object_id=object_id or None,
        actor=actor or None,
        limit=page[0],
        offset=page[1],
    )
    return {"total": total, "limit": page[0], "offset": page[1], "items": items}


@router.get("/me", tags=["users"])
def me(request: Request, who: Annotated[Principal | None, Depends(reader)]) -> dict[str, Any]:
    """The user making the request (null when anonymous on a public app)."""
    return {"user": None if who is None else {"name": who.name, "role": who.role, "via": who.via}}


@router.get("/users", tags=["users"])
def users(request: Request, _: Annotated[Principal, Depends(admin)]) -> dict[str, Any]:
    """Local users and their roles (admin only)."""
    return {"items": list_users(store_of(request))}
