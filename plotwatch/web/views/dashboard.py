"""The dashboard: incidents by type, year, sponsor state and host country, as charts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from plotwatch.store.queries import stats
from plotwatch.web.render import render
from plotwatch.web.security import store_of
from plotwatch.web.views.base import Reader

router = APIRouter(include_in_schema=False)


@router.get("/")
def dashboard(request: Request, _: Reader) -> Response:
    st = stats(store_of(request))
    charts = [
        {"key": "incidents_by_type", "title": "Incidents by type", "param": "type"},
        {"key": "incidents_by_year", "title": "Incidents by year", "param": "since"},
        {"key": "incidents_by_agent_state", "title": "By sponsor / acting state", "param": "agent_state"},
        {"key": "incidents_by_country", "title": "By host country", "param": "country"},
    ]
    data = {c["key"]: st[c["key"]] for c in charts}
    return render(request, "dashboard.html", title="Dashboard", stats=st, charts=charts, data=data)
