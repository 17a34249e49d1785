"""Downloads: ``GET /api/v1/export?format=…`` in every export format (any reader).

Without ``entity`` the file is what ``plotwatch export --format …`` writes for the same
filters (type, status, agent_state, country, since, until, min_credibility, q); with
``entity`` (and ``hops``, ``types``) it is the subgraph of the network walk around that
entity, as ``plotwatch network ENTITY --format …`` writes it. The answer carries the
format's media type and a ``Content-Disposition: attachment`` with a file name.
"""

from __future__ import annotations

import io
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from plotwatch.auth import Principal
from plotwatch.export import EXPORTERS, BundleExporter, export_bundle, export_incidents, load_bundle
from plotwatch.store.queries import IncidentFilter, list_incidents
from plotwatch.web.params import parse_incident_params
from plotwatch.web.problems import Problem
from plotwatch.web.security import reader, store_of

router = APIRouter(tags=["export"])
Opt = Annotated[str | None, Query()]
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
FORMATS = ", ".join(EXPORTERS)


@router.get(
    "/export",
    response_class=Response,
    responses={
        200: {
            "description": "The file, as an attachment",
            "content": {cls.media_type: {} for cls in EXPORTERS.values()},
        }
    },
)
def export(
    request: Request,
    _: Annotated[Principal | None, Depends(reader)],
    format: Annotated[str, Query(description=f"One of {FORMATS}.")],
    type: Annotated[str | None, Query(description="Event type, e.g. bombing.")] = None,
    status: Annotated[str | None, Query(description="planned, foiled, failed or executed.")] = None,
    agent_state: Annotated[str | None, Query(description="ISO alpha-2 of the sponsor state.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-2 where it happened (or EU).")] = None,
    since: Annotated[str | None, Query(description="From: 2018, 2018-06 or 2018-06-30.")] = None,
    until: Annotated[str | None, Query(description="Up to: 2018, 2018-06 or 2018-06-30.")] = None,
    min_credibility: Annotated[
        str | None, Query(description="Keep credibility this good or better (1 best … 6).")
    ] = None,
    q: Annotated[str | None, Query(description="Text in actors (names, aliases) or evidence.")] = None,
    entity: Annotated[
        str | None,
        Query(max_length=300, description="Export the network walk around this entity (id, name, alias)."),
    ] = None,
    hops: Annotated[int, Query(ge=1, le=4, description="With entity: edges away from it.")] = 2,
    types: Annotated[
        str | None, Query(description="With entity: comma-separated edge types to follow.")
    ] = None,
) -> Response:
    """One file in ``format``: the incidents matching the filters, or the subgraph around ``entity``."""
    fmt = (format or "").strip().lower()
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise Problem(
            400, f"format must be one of {FORMATS}, not {format!r}", slug="validation", parameter="format"
        )
    p = parse_incident_params(
        type=type,
        status=status,
        agent_state=agent_state,
        country=country,
        since=since,
        until=until,
        min_credibility=min_credibility,
        q=q,
    )
    f = p.store_filter()
    filtered = f != IncidentFilter()
    store = store_of(request)
    out = io.StringIO()
    entity = (entity or "").strip() or None
    if entity is not None:
        if filtered:
            raise Problem(
                400,
                "entity exports the network walk; it cannot be combined with incident filters",
                slug="validation",
                parameter="entity",
            )
        from plotwatch.network import neighbourhood, resolve_entity
        from plotwatch.network.export import write_subgraph_as

        entity_id = resolve_entity(store, entity)
        edge_types = [t.strip() for t in types.split(",") if t.strip()] if types else None
        try:
            sub = neighbourhood(store, entity_id, hops, edge_types)
        except ValueError as exc:
            raise Problem(400, str(exc), slug="validation", parameter="types") from None
        write_subgraph_as(store, sub, fmt, out)
        stem = "plotwatch-network-" + _UNSAFE.sub("-", entity_id).strip("-.")
    else:
        if types:
            raise Problem(400, "types needs entity", slug="validation", parameter="types")
        if issubclass(exporter, BundleExporter):
            # no filter: every entity and relation too, as `plotwatch export` does
            export_bundle(load_bundle(store, f if filtered else None), fmt, out)
        else:
            export_incidents(list_incidents(store, f), fmt, out)
        stem = "plotwatch-incidents"
    return Response(
        out.getvalue(),
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="{stem}.{exporter.extension}"'},
    )
