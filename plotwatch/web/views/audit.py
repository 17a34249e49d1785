"""The audit log page: every change with who, when, before and after."""

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


@router.get("/audit")
def audit_page(
    request: Request,
    _: Reader,
    page: Annotated[tuple[int, int], Depends(paging)],
    object_type: Annotated[str | None, Query(max_length=40)] = None,
    actor: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    items, total = lookups.audit(
        store_of(request), object_type=object_type or None, actor=actor or None, limit=page[0], offset=page[1]
    )
    return render(
        request,
        "audit.html",
        title="Audit log",
        items=items,
        total=total,
        limit=page[0],
        offset=page[1],
        object_type=object_type or "",
        actor=actor or "",
        json_url="/api/v1/audit",
    )
