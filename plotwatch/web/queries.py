"""Incident lists for the web app: filters, source family, sorting, paging, facets.

The filtering semantics (type, dates, text in actors or evidence, rejected hidden) are those
of :mod:`plotwatch.store.queries`; this module adds the source-family filter, sorting and a
fast row shape. List rows carry every export-contract key except ``mentions`` and
``contradictions`` (fetch one incident for those); grades come from the columns that
``regrade`` materialises, so a page of 50 costs three queries, not a grading per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from plotwatch.store.db import Store
from plotwatch.store.models import Article, EventMentionRow, Incident, IncidentActor, Outlet, Review
from plotwatch.store.queries import IncidentFilter, _filtered
from plotwatch.web.params import IncidentParams

_SORT_COLUMNS: dict[str, Any] = {
    "date": Incident.date_value,
    "credibility": Incident.credibility,
    "articles": Incident.n_articles,
    "sources": Incident.n_sources,
    "type": Incident.type,
    "country": Incident.country,
    "id": Incident.id,
}


def _select(store: Store, s: Session, p: IncidentParams) -> Select[Any]:
    f = IncidentFilter(
        type=p.type,
        status=p.status,
        country=p.country,
        agent_state=p.agent_state,
        since=p.since,
        until=p.until,
        query=p.q,
        min_credibility=p.min_credibility,
        include_rejected=p.review != "default",
    )
    f.validate()
    q = _filtered(store, s, f)
    if p.family:
        by_family = (
            select(EventMentionRow.incident_id)
            .join(Article, Article.id == EventMentionRow.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .where(or_(Outlet.family == p.family, and_(Outlet.family.is_(None), Outlet.name == p.family)))
        )
        q = q.where(Incident.id.in_(by_family))
    decided = select(Review.incident_id)
    if p.review in ("accepted", "rejected"):
        q = q.where(Incident.id.in_(decided.where(Review.decision == p.review)))
    elif p.review == "unreviewed":
        q = q.where(Incident.id.not_in(decided))
    return q


def _order(q: Select[Any], sort: str) -> Select[Any]:
    desc = sort.startswith("-")
    col = _SORT_COLUMNS[sort.lstrip("-")]
    # credibility 1 is best, so "credibility" lists the best graded first. NULLS LAST (rather
    # than sorting on "col IS NULL") lets SQLite and PostgreSQL walk the column's index.
    return q.order_by((col.desc() if desc else col.asc()).nulls_last(), Incident.id)


def incident_page(store: Store, p: IncidentParams) -> tuple[list[dict[str, Any]], int]:
    """One page of incidents (list rows) and the number of matching incidents."""
    with store.session() as s:
        q = _select(store, s, p)
        total = int(s.scalar(select(func.count()).select_from(q.subquery())) or 0)
        # the page's ids first (the sort reads only the index and the id), then their rows
        page = _order(q.with_only_columns(Incident.id), p.sort).limit(p.limit).offset(p.offset)
        ids = list(s.scalars(page))
        by_id = {i.id: i for i in s.scalars(select(Incident).where(Incident.id.in_(ids)))} if ids else {}
        return rows(s, [by_id[i] for i in ids if i in by_id]), total


def rows(s: Session, incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    """List rows for ``incidents`` (actors and reviews fetched in one query each)."""
    ids = [i.id for i in incidents]
    actors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    reviews: dict[str, str] = {}
    if ids:
        for a in s.scalars(
            select(IncidentActor).where(IncidentActor.incident_id.in_(ids)).order_by(IncidentActor.role)
        ):
            actors[a.incident_id].append(
                {
                    "entity_id": a.entity_id,
                    "name": a.name,
                    "kind": a.kind,
                    "role": a.role,
                    "country": a.country,
                }
            )
        reviews = {
            r[0]: r[1]
            for r in s.execute(select(Review.incident_id, Review.decision).where(Review.incident_id.in_(ids)))
        }
    return [
        {
            "id": i.id,
            "type": i.type,
            "status": i.status,
            "date": {"start": i.date_value, "end": i.date_value, "precision": i.date_precision},
            "location": {
                "country": i.country,
                "place": i.place,
                "lat": i.lat,
                "lon": i.lon,
                "precision": i.place_precision,
            },
            "agent_state": i.agent_state,
            "historical": i.historical,
            "actors": actors.get(i.id, []),
            "corroboration": {
                "articles": i.n_articles,
                "outlets": i.n_outlets,
                "independent_sources": i.n_sources,
            },
            "credibility": i.credibility,
            "review": reviews.get(i.id),
        }
        for i in incidents
    ]


def points(store: Store, p: IncidentParams, cap: int = 20_000) -> list[dict[str, Any]]:
    """Light records of every matching incident, for the timeline and the map."""
    with store.session() as s:
        sub = _select(store, s, p).subquery()
        q = (
            select(
                sub.c.id,
                sub.c.type,
                sub.c.status,
                sub.c.date_value,
                sub.c.country,
                sub.c.place,
                sub.c.lat,
                sub.c.lon,
                sub.c.agent_state,
                sub.c.credibility,
                sub.c.n_articles,
            )
            .order_by(sub.c.date_value, sub.c.id)
            .limit(cap)
        )
        keys = (
            "id",
            "type",
            "status",
            "date",
            "country",
            "place",
            "lat",
            "lon",
            "agent_state",
            "credibility",
            "articles",
        )
        return [dict(zip(keys, r, strict=True)) for r in s.execute(q)]


def facets(store: Store) -> dict[str, list[str]]:
    """Values present in the database, for the filter drop-downs."""
    with store.session() as s:

        def distinct(col: Any) -> list[str]:
            return sorted(v for (v,) in s.execute(select(col).distinct()) if v)

        families = {fam or name for name, fam in s.execute(select(Outlet.name, Outlet.family).distinct())}
        return {
            "agent_state": distinct(Incident.agent_state),
            "country": distinct(Incident.country),
            "family": sorted(f for f in families if f),
        }
