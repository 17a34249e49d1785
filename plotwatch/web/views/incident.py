"""One incident: fields and grades, actors, related incidents, map pin, contradictions,
evidence in its article with the span highlighted, review forms and the audit trail."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from plotwatch.types import EVENT_TYPES, STATUSES
from plotwatch.web import lookups
from plotwatch.web.render import excerpt, render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader, iso_numeric

router = APIRouter(include_in_schema=False)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, _: Reader, incident_id: str, done: str | None = None) -> Response:
    store = store_of(request)
    inc = lookups.incident(store, incident_id)
    evidence = lookups.evidence(store, inc["id"])
    for ev in evidence:
        ev["html"] = excerpt(ev.pop("text"), ev["start"], ev["end"])
    audit, _n = lookups.audit(store, object_type="incident", object_id=inc["id"], limit=100)
    loc = inc["location"]
    pin = {
        "lat": loc["lat"],
        "lon": loc["lon"],
        "country": loc["country"],
        "numeric": iso_numeric().get(loc["country"] or ""),
        "label": f"{inc['type']} {loc['place'] or ''}",
    }
    return render(
        request,
        "incident.html",
        title=f"{inc['type']} {inc['id']}",
        inc=inc,
        evidence=evidence,
        related=lookups.related(store, inc),
        audit=audit,
        pin=pin,
        types=EVENT_TYPES,
        statuses=STATUSES,
        done=done,
        json_url=f"/api/v1/incidents/{inc['id']}",
    )
