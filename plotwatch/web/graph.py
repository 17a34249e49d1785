"""The actor network behind /network and /api/v1/network.

It uses ``plotwatch.network`` (``neighbourhood``, ``resolve_entity``) when that package is
installed, and otherwise a small private fallback: the entity–incident graph from
``incident_actors`` (entity ↔ incident, typed by role) and ``relations`` (entity ↔ entity,
typed by relation), explored breadth-first. Both answer the same dict:
``{"center", "nodes": [{id, label, group, type, …}], "edges": [{source, target, type}]}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, or_, select

from plotwatch.errors import NotFoundError
from plotwatch.store.db import Store, normalize_name
from plotwatch.store.models import Alias, Entity, Incident, IncidentActor, Relation, Review
from plotwatch.types import ROLES

MAX_NODES = 400


def engine() -> str:
    """Which implementation answers: "plotwatch.network" or "fallback"."""
    try:
        import plotwatch.network as network
    except ImportError:
        return "fallback"
    wanted = ("neighbourhood", "resolve_entity")
    return "plotwatch.network" if all(hasattr(network, n) for n in wanted) else "fallback"


def resolve(store: Store, ref: str) -> str:
    """An entity id from an id, a name or an alias."""
    if engine() == "plotwatch.network":
        from plotwatch.network import resolve_entity  # type: ignore[attr-defined]

        found = resolve_entity(store, ref)
        if found:
            return str(getattr(found, "id", found))
    with store.session() as s:
        if s.get(Entity, ref) is not None:
            return ref
        norm = normalize_name(ref)
        hit = s.scalar(select(Alias.entity_id).where(Alias.normalized == norm).limit(1))
        hit = hit or s.scalar(select(Entity.id).where(func.lower(Entity.name) == norm).limit(1))
        if hit is None:
            raise NotFoundError(f"no entity called {ref!r}")
        return str(hit)


def relation_types(store: Store) -> list[str]:
    """Edge types that can be filtered on: the roles and the stored relation types."""
    with store.session() as s:
        return [*ROLES, *sorted(t for (t,) in s.execute(select(Relation.type).distinct()) if t not in ROLES)]


def neighbourhood(
    store: Store, entity_id: str, hops: int = 2, types: Iterable[str] | None = None
) -> dict[str, Any]:
    """The graph within ``hops`` edges of an entity, optionally only over edges of ``types``."""
    allowed = set(types) if types else None
    if engine() == "plotwatch.network":
        from plotwatch.network import neighbourhood as nb  # type: ignore[attr-defined]

        sub = nb(store, entity_id, hops=hops, relation_types=sorted(allowed) if allowed else None)
        return _normalise(sub.to_dict(), entity_id)
    return _fallback(store, entity_id, hops, allowed)


def _fallback(store: Store, entity_id: str, hops: int, allowed: set[str] | None) -> dict[str, Any]:
    with store.session() as s:
        if s.get(Entity, entity_id) is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        rejected = select(Review.incident_id).where(Review.decision == "rejected")
        seen = {f"e:{entity_id}"}
        frontier = {f"e:{entity_id}"}
        edges: set[tuple[str, str, str]] = set()
        for _ in range(hops):
            ents = [n[2:] for n in frontier if n.startswith("e:")]
            incs = [n[2:] for n in frontier if n.startswith("i:")]
            found: set[tuple[str, str, str]] = set()
            if ents or incs:
                q = select(IncidentActor.entity_id, IncidentActor.incident_id, IncidentActor.role).where(
                    IncidentActor.entity_id.is_not(None), IncidentActor.incident_id.not_in(rejected)
                )
                q = q.where(or_(IncidentActor.entity_id.in_(ents), IncidentActor.incident_id.in_(incs)))
                found |= {(f"e:{e}", f"i:{i}", role) for e, i, role in s.execute(q)}
            if ents:
                q2 = select(Relation.source_id, Relation.target_id, Relation.type).where(
                    or_(Relation.source_id.in_(ents), Relation.target_id.in_(ents))
                )
                found |= {(f"e:{a}", f"e:{b}", t) for a, b, t in s.execute(q2)}
            found = {e for e in found if allowed is None or e[2] in allowed}
            nxt: set[str] = set()
            for a, b, t in sorted(found):
                if len(seen) >= MAX_NODES and (a not in seen or b not in seen):
                    continue
                edges.add((a, b, t))
                for n in (a, b):
                    if n not in seen:
                        seen.add(n)
                        nxt.add(n)
            frontier = nxt
            if not frontier:
                break
        nodes = _describe(s, seen)
    return {
        "center": f"e:{entity_id}",
        "engine": "fallback",
        "truncated": len(seen) >= MAX_NODES,
        "nodes": nodes,
        "edges": [{"source": a, "target": b, "type": t} for a, b, t in sorted(edges)],
    }


def _describe(s: Any, ids: set[str]) -> list[dict[str, Any]]:
    ents = sorted(n[2:] for n in ids if n.startswith("e:"))
    incs = sorted(n[2:] for n in ids if n.startswith("i:"))
    nodes: list[dict[str, Any]] = []
    for chunk in _chunks(ents):
        for e in s.scalars(select(Entity).where(Entity.id.in_(chunk))):
            nodes.append({"id": f"e:{e.id}", "ref": e.id, "label": e.name, "group": "entity", "type": e.kind})
    for chunk in _chunks(incs):
        for i in s.scalars(select(Incident).where(Incident.id.in_(chunk))):
            label = f"{i.type} {i.date_value or ''} {i.country or ''}".strip()
            nodes.append(
                {
                    "id": f"i:{i.id}",
                    "ref": i.id,
                    "label": label,
                    "group": "incident",
                    "type": i.type,
                    "date": i.date_value,
                }
            )
    return nodes


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _normalise(data: dict[str, Any], entity_id: str) -> dict[str, Any]:
    """Bring another implementation's ``to_dict()`` to this module's shape."""
    nodes = []
    for n in data.get("nodes", []):
        group = (
            n.get("group")
            or n.get("kind_of")
            or ("incident" if str(n.get("id", "")).startswith("i") else "entity")
        )
        nodes.append({**n, "label": n.get("label") or n.get("name") or n.get("id"), "group": group})
    edges = [
        {**e, "type": e.get("type") or e.get("relation") or e.get("role") or "related"}
        for e in data.get("edges", data.get("links", []))
    ]
    return {
        "center": data.get("center", entity_id),
        "engine": "plotwatch.network",
        "nodes": nodes,
        "edges": edges,
    }
