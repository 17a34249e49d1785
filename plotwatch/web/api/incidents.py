"""Incidents: the filtered, sorted, paged list and one incident with its related incidents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from plotwatch.auth import Principal
from plotwatch.store.db import Store
from plotwatch.web import lookups
from plotwatch.web.params import IncidentParams, incident_params
from plotwatch.web.queries import incident_page, read
from plotwatch.web.responses import JSON
from plotwatch.web.security import reader, store_of

router = APIRouter(tags=["incidents"])
Reader = Annotated[Principal | None, Depends(reader)]


@router.get("/incidents", response_model=dict[str, Any])
async def list_incidents(
    request: Request, _: Reader, p: Annotated[IncidentParams, Depends(incident_params)]
) -> JSON:
    """Incidents matching the filters. Items carry the export-contract keys except
    ``mentions`` and ``contradictions`` (see one incident for those)."""
    store = store_of(request)
    version = getattr(request.state, "data_version", None)  # read by the response cache
    items, total = await read(store, incident_page, store, p, version)
    return JSON({"total": total, "limit": p.limit, "offset": p.offset, "sort": p.sort, "items": items})


@router.get("/incidents/{incident_id}", response_model=dict[str, Any])
async def incident(request: Request, _: Reader, incident_id: str) -> JSON:
    """One incident in the export contract, plus the incidents related to it by shared actors."""
    store = store_of(request)
    version = getattr(request.state, "data_version", None)  # read by the response cache
    return JSON(await read(store, _incident, store, incident_id, version))


def _incident(store: Store, incident_id: str, version: str | None = None) -> dict[str, Any]:
    record = lookups.incident(store, incident_id)
    record["related"] = lookups.related(store, record, version=version)
    return record
