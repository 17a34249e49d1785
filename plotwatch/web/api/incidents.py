"""Incidents: the filtered, sorted, paged list and one incident with its related incidents."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from plotwatch.auth import Principal
from plotwatch.web import lookups
from plotwatch.web.params import IncidentParams, incident_params
from plotwatch.web.queries import incident_page
from plotwatch.web.security import reader, store_of

router = APIRouter(tags=["incidents"])
Reader = Annotated[Principal | None, Depends(reader)]


@router.get("/incidents")
def list_incidents(
    request: Request, _: Reader, p: Annotated[IncidentParams, Depends(incident_params)]
) -> dict[str, Any]:
    """Incidents matching the filters. Items carry the export-contract keys except
    ``mentions`` and ``contradictions`` (see one incident for those)."""
    items, total = incident_page(store_of(request), p)
    return {"total": total, "limit": p.limit, "offset": p.offset, "sort": p.sort, "items": items}


@router.get("/incidents/{incident_id}")
def incident(request: Request, _: Reader, incident_id: str) -> dict[str, Any]:
    """One incident in the export contract, plus the incidents related to it by shared actors."""
    record = lookups.incident(store_of(request), incident_id)
    record["related"] = lookups.related(store_of(request), record)
    return record
